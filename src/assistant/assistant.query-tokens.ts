/**
 * A question's tokens made ready to read (assistant.query.ts): chat's abbreviations, spellings and
 * typos resolved, each position's alternatives (a typo's correction, a regional spelling), and which
 * syllables are function words where they stand. Split from assistant.query.ts (stop 46).
 */
import { fold, stripDiacritics } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS, STOPWORDS, type IntentReading } from './assistant.intent';
import { ageShorthand, CHAT_SPELLINGS, FOLDED_ABBREVIATIONS } from './assistant.abbreviations';
import { readChatShorthand, spellAddressed } from './assistant.chat-words';
import { readSwappedAsks } from './assistant.typed-fast';
import { restoreMarks } from './assistant.unmarked-words';
import { attended, onBehalf, spokenClauses } from './assistant.voice';
import { accentForm, dialectVariants, isSyllableShape, keyboardSlips, tokenize, type Token } from './assistant.text';
import { FUNCTION_WORD_JOIN, halfOfTopicWord, NATIONAL_MODEL, pairKey, PASSIVE, PASSIVE_WORDS, PREPOSITIONS } from './assistant.ranking-rules';
import type { QueryIndex } from './assistant.query';

/**
 * The question's tokens, abbreviations and chat shorthand made their words, and each position's
 * alternatives: an unknown syllable of four letters or more one edit from a known one is corrected.
 */
export function resolveTokens(question: string, ix: QueryIndex): { tokens: Token[]; alts: string[][] } {
  // Chat shorthand read by its neighbours first ("a/c", "b ơi", "thẻ bh", "dk kh…": assistant.chat-words.ts).
  const known = (f: string) => ix.isKnown(f);
  // Unmarked syllables their neighbours name ("đổi cai mới", "bằng lái o to": assistant.unmarked-words.ts).
  // A swapped "thế lào" asks how (assistant.typed-fast.ts).
  const raw = readSwappedAsks(restoreMarks(readChatShorthand(tokenize(spellAddressed(question), known)), known));
  // Abbreviations and chat shorthand become their words.
  const tokens: Token[] = [];
  for (const t of raw) {
    // "QSDĐ", "ĐKKD": an abbreviation may carry đ but no other mark.
    const plain = !t.accented || stripDiacritics(t.raw) === t.raw.replace(/đ/g, 'd');
    const exp = plain ? FOLDED_ABBREVIATIONS.get(t.folded) ?? ageShorthand(t.folded) : CHAT_SPELLINGS.get(t.raw.toLowerCase());
    if (exp) for (const w of exp) tokens.push({ raw: t.raw, accented: accentForm(w), folded: fold(w), clause: t.clause });
    else tokens.push(t);
  }
  // Speech: "hộ" said on someone's behalf, another's wedding attended, the sentences of a dictated message (assistant.voice.ts).
  tokens.splice(0, tokens.length, ...spokenClauses(attended(onBehalf(tokens)), raw.some((t) => t.clause > 0)));
  // Typos: unknown syllables of four letters or more, one edit from a known one.
  const alts: string[][] = tokens.map(() => []);
  tokens.forEach((t, i) => {
    if (ix.isKnown(t.folded) || t.folded.length < 4 || !/^[a-z]+$/.test(t.folded) || isSyllableShape(t.folded)) return;
    const decoded = t.decoded ? fold(t.decoded) : undefined;
    const near = [...new Set([...(decoded && decoded !== t.folded ? ix.typo.near(decoded) : []), ...ix.typo.near(t.folded)])];
    if (!near.length) return;
    const prev = tokens[i - 1]?.folded;
    const next = tokens[i + 1]?.folded;
    const rank = (w: string) =>
      (prev && ix.pairs.has(pairKey(prev, w)) ? 1000 : 0) + (next && ix.pairs.has(pairKey(w, next)) ? 1000 : 0) + ix.docCount(w);
    near.sort((a, b) => rank(b) - rank(a) || a.localeCompare(b));
    tokens[i] = { raw: t.raw, accented: '', folded: near[0]!, clause: t.clause };
  });
  return { tokens, alts };
}

/** Whether a position begins a word with the next syllable, and whether it is a function word there. */
export function functionWords(ix: QueryIndex, tokens: Token[], folded: string[], intents: IntentReading): { beginsWord: (i: number) => boolean; isStop: (i: number) => boolean } {
  const beginsWord = (i: number) => {
    const next = folded[i + 1];
    if (!next || PREPOSITIONS.has(folded[i]!) || STOPWORDS.has(next) || intents.consumed.has(i + 1)) return false;
    if (folded[i] === PASSIVE && !PASSIVE_WORDS.has(next)) return false;
    return (NATIONAL_MODEL.joinGain([folded[i]!], [next]) ?? 0) >= FUNCTION_WORD_JOIN;
  };
  // Typed without marks, the second half of a word: "thu tuc" is never "thu" + "tục".
  const endsWord = (i: number) => {
    const prev = folded[i - 1];
    if (!prev || STOPWORDS.has(prev) || intents.consumed.has(i - 1)) return false;
    return (NATIONAL_MODEL.joinGain([prev], [folded[i]!]) ?? 0) >= FUNCTION_WORD_JOIN;
  };
  const isStop = (i: number) => {
    const f = folded[i]!;
    if (!STOPWORDS.has(f)) return false;
    // Typed with marks, the word says itself which it is ("cần" or "căn") — unless it begins a
    // word with the next one ("thế chấp", not the "thế" of "thế nào").
    if (tokens[i]!.accented) return ACCENTED_STOPWORDS.has(tokens[i]!.accented) && !beginsWord(i);
    // Without marks: half of a word far likelier read whole ("hanh nghe" is "hành nghề").
    if (beginsWord(i) || endsWord(i)) return false;
    if (f === PASSIVE && !PASSIVE_WORDS.has(folded[i + 1] ?? '')) return true;
    // In a question typed without any mark: "chung chi" is "chứng chỉ" (a marked one says "doanh thu" as meant).
    if (!tokens.some((t) => t.accented) && halfOfTopicWord(folded, i, (k) => !intents.consumed.has(k))) return false;
    // "vao" is only ever "vào"; "can" may be "căn" (cước), "dang" "đăng" (ký).
    if (!ix.contentFolds.has(f)) return true;
    // "căn cước", "con nuôi": a function word that is half of a procedure's word is not one.
    const prev = folded[i - 1];
    const next = folded[i + 1];
    const word = (p: string) => ix.namePairs.has(p);
    return !((prev && !intents.consumed.has(i - 1) && word(pairKey(prev, f))) || (next && !intents.consumed.has(i + 1) && word(pairKey(f, next))));
  };
  return { beginsWord, isStop };
}

export function addRegionalVariants(ix: QueryIndex, folded: string[], alts: string[][], live: (i: number) => boolean): void {
  // Regional spelling or a slip of the finger on a short syllable: when the pair it forms is
  // unknown and a variant forms a pair of some procedure's name ("tạm chú" → "tạm trú").
  const variantsOf = (w: string) =>
    /^\d+$/.test(w) ? [] : [...dialectVariants(w), ...(ix.isKnown(w) ? keyboardSlips(w) : w.length >= 3 ? ix.typo.near(w) : [])];
  const pairDf = (p: string) => ix.namePairs.get(p) ?? 0;
  for (let i = 0; i + 1 < folded.length; i++) {
    if (!live(i) || !live(i + 1) || ix.pairs.has(pairKey(folded[i]!, folded[i + 1]!))) continue;
    const a = folded[i]!;
    const b = folded[i + 1]!;
    const best = (cands: string[], make: (v: string) => string) =>
      cands.filter((v) => ix.namePairs.has(make(v))).sort((x, y) => pairDf(make(y)) - pairDf(make(x)))[0];
    // Both words must carry meaning: "đà lạt" must not become "đã mất".
    if (STOPWORDS.has(a) || STOPWORDS.has(b)) continue;
    const vb = best(variantsOf(b), (v) => pairKey(a, v));
    const va = best(variantsOf(a), (v) => pairKey(v, b));
    if (vb && !alts[i + 1]!.includes(vb)) alts[i + 1]!.push(vb);
    else if (va && !alts[i]!.includes(va)) alts[i]!.push(va);
  }
}
