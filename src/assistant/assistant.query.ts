/**
 * Reading a question before it is looked up (the first half of retrieval): its tokens with
 * abbreviations, chat spellings and typos resolved, the intents it states, which syllables are
 * function words, which make words together, how much each concept weighs (a story clause, a
 * reason, who asks for the paper and what was done already weigh less), and the synonyms and
 * situations that add the catalogue's own words. `Retriever` (assistant.retrieval.ts) gives it the
 * view of its index it needs (`QueryIndex`) and scores the documents against what it returns.
 */
import { fold, stripDiacritics } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS, LIGHT_WORDS, readIntents, STOPWORDS, type IntentReading } from './assistant.intent';
import { institutionAsks, institutionsTold } from './assistant.institutions';
import { matchSituations } from './assistant.situations';
import { ageShorthand, CHAT_SPELLINGS, FOLDED_ABBREVIATIONS, type SynonymMatch, type SynonymTable } from './assistant.synonyms';
import { bestPairs, WordModel } from './assistant.segment';
import { readChatShorthand, spellAddressed } from './assistant.chat-words';
import { readSwappedAsks } from './assistant.typed-fast';
import { restoreMarks } from './assistant.unmarked-words';
import { TOPIC_WORDS } from './lexicon/topic-words';
import { attended, onBehalf, quotedRequirement, spokenClauses } from './assistant.voice';
import { accentForm, dialectVariants, isSyllableShape, keyboardSlips, tokenize, TypoIndex, type Token } from './assistant.text';
import { ALT_WEIGHT, type Concept, DONE_AFTER, EXPANSION_WEIGHT, FUNCTION_WORD_JOIN, GENERIC_NAME_WORDS, halfOfTopicWord, HEAD_FIRST, LIGHT, MODIFIER, NARRATIVE, NATIONAL_MODEL, NATIONALITY, nationalRarity, PAIR, pairKey, PASSIVE, PASSIVE_WORDS, PREPOSITIONS, type QueryTerm, REQUEST_WORDS, REQUIRERS, STOP_WEIGHT, TOPICAL, TOPICAL_RARITY } from './assistant.ranking-rules';

export interface QueryPlan {
  tokens: Token[];
  intents: IntentReading;
  /** Number of content syllables (what the question is about, beyond intent and function words). */
  contentCount: number;
  /** Content syllables the index does not know at all. */
  unknownCount: number;
  /** Which they are: the positions (in `tokens`) of the content syllables the index does not know. */
  unknownAt: ReadonlySet<number>;
  /** Content syllables as read (after corrections), for logs and tests. */
  content: string[];
}

/** What reading a question needs of the catalogue's index (assistant.retrieval.ts builds it). */
export interface QueryIndex {
  /** A folded syllable the index, the synonyms or the intents know. */
  isKnown(folded: string): boolean;
  /** How many documents have a term (0: unknown here). */
  docCount(term: string): number;
  /** The weight of a concept of these forms (rarity in names and keywords, capped). */
  conceptWeight(forms: string[]): number;
  /** The weight of the rarest word. */
  readonly cap: number;
  readonly typo: TypoIndex;
  readonly words: WordModel;
  readonly synonyms: SynonymTable;
  /** Adjacent pairs of any field; of names and keywords (`wordPairs`); of names with their count. */
  readonly pairs: ReadonlySet<string>;
  readonly wordPairs: ReadonlySet<string>;
  readonly namePairs: ReadonlyMap<string, number>;
  /** How many names and keywords have a syllable or pair. */
  readonly strongDf: ReadonlyMap<string, number>;
  /** Syllables of names and keywords that are no function word typed with their marks. */
  readonly contentFolds: ReadonlySet<string>;
  /** The two-syllable word each procedure's name leads with ("khai sinh", "chứng thực"). */
  readonly leadWords: ReadonlySet<string>;
}

/** A question read: the plan the decision sees, and what the scoring looks up. */
export interface QueryReading {
  plan: QueryPlan;
  terms: QueryTerm[];
  concepts: Concept[];
  pairs: string[][];
  topicPairs: string[];
  done: string[];
  /** The situations the question tells (`matchSituations`), matched once for the reading and the ranking. */
  situations: SynonymMatch[];
}

/** Read a question: tokens, intents, corrections, the terms and concepts to look up. */
export function readQuery(question: string, ix: QueryIndex): QueryReading {
  const { tokens, alts } = resolveTokens(question, ix);
  const folded = tokens.map((t) => t.folded);
  // Read once for the intents and the story's weights.
  const told = institutionsTold(folded);
  const intents = readIntents(
    folded,
    // "Thẻ" written with its mark is the card ("thẻ tạm trú của vợ"), never the "thế" of a follow-up.
    (a, b) => ix.wordPairs.has(pairKey(a, b)) || ix.words.isWord(pairKey(a, b)) || (a === 'the' && tokens[0]?.accented === accentForm('thẻ')),
    (a, b) => ix.words.isWord(pairKey(a, b)),
    told,
  );
  const { beginsWord, isStop } = functionWords(ix, tokens, folded, intents);
  const live = (i: number) => !intents.consumed.has(i);
  addRegionalVariants(ix, folded, alts, live);

  const terms: QueryTerm[] = [];
  const concepts: Concept[] = [];
  const conceptOf = new Map<number, Concept>();
  const syllableConcepts: Array<{ i: number; c: Concept }> = [];
  // Vietnamese puts the head first: what follows "với", "cho", "của"… up to the end of the
  // clause qualifies the procedure asked about ("kết hôn với người nước ngoài") and weighs less.
  const modifier = new Set<number>();
  let inModifier = false;
  let seenContent = false;
  let clause = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.clause !== clause) {
      clause = tokens[i]!.clause;
      inModifier = false;
      seenContent = false;
    }
    if (!live(i)) continue;
    if (inModifier) modifier.add(i);
    else if (seenContent && PREPOSITIONS.has(folded[i]!)) inModifier = true;
    // "sau khi ly hôn", "trước khi cưới": when it happens, said after what is asked.
    else if (seenContent && (folded[i] === 'sau' || folded[i] === 'truoc') && folded[i + 1] === 'khi') (inModifier = true), modifier.add(i);
    else if (!isStop(i)) seenContent = true;
  }
  const content: string[] = [];
  let unknownCount = 0;
  const unknownAt = new Set<number>();
  tokens.forEach((t, i) => {
    if (!live(i)) return;
    const stop = isStop(i);
    const forms = [t.folded, ...alts[i]!];
    terms.push({ term: t.folded, weight: stop ? STOP_WEIGHT : 1 });
    for (const a of alts[i]!) terms.push({ term: a, weight: stop ? STOP_WEIGHT : ALT_WEIGHT });
    if (stop) return;
    // A word of everyday life ("đi du lịch", "giá rẻ") tells why, not which procedure.
    const light = LIGHT_WORDS.has(t.folded) || /^\d+$/.test(t.folded) || intents.everyday.has(i);
    // A story word weighs little whatever its rarity in the catalogue ("tuần" is rare there, not in speech).
    const base = ix.conceptWeight(forms);
    // A nationality ("chồng người Úc", "vợ người Nhật") says who, not which procedure: no topic of its own.
    const nationality = NATIONALITY.has(t.folded) && folded[i - 1] === 'nguoi';
    const c: Concept = { forms, accented: t.accented, weight: (light ? LIGHT * Math.min(base, 1.5) : base) * (modifier.has(i) ? MODIFIER : 1), expansions: [], base, topical: !light && !nationality && forms.some((f) => nationalRarity(f) >= TOPICAL_RARITY), everyday: intents.everyday.has(i) };
    syllableConcepts.push({ i, c });
    conceptOf.set(i, c);
    if (!forms.some((f) => ix.docCount(f) > 0)) (unknownCount++, unknownAt.add(i));
  });
  // The topic comes first in a Vietnamese question: later words weigh a little less.
  if (HEAD_FIRST > 0 && syllableConcepts.length > 1) {
    const n = syllableConcepts.length - 1;
    syllableConcepts.forEach((x, k) => (x.c.weight *= 1 - (HEAD_FIRST * k) / n));
  }
  const asker = weighStory(ix, tokens, folded, syllableConcepts, isStop, beginsWord);
  muteInstitutions(folded, syllableConcepts, intents, told);
  const doneWords = wordsDone(ix, tokens, folded, conceptOf);
  if (doneWords.size) for (const x of syllableConcepts) if (doneWords.has(x.i)) x.c.weight *= NARRATIVE;
  // Two syllables that make a word count as one concept: "nước ngoài" weighs as one word, not
  // two. Which ones pair up is the most probable reading of the question (assistant.segment.ts):
  // "doi ho chieu" is "đổi | hộ chiếu", not "đổi họ | chiều".
  const joinAt = bestPairs(syllableConcepts.length, (k) => {
    const a = syllableConcepts[k]!;
    const b = syllableConcepts[k + 1]!;
    // The asker's verb asks; it begins no word ("đòi giấy" folds as "đổi giấy", another word).
    if (asker > 0 && a.i === asker) return undefined;
    return b.i === a.i + 1 ? ix.words.joinGain(a.c.forms, b.c.forms) : undefined;
  });
  // A word of three syllables is read as a word and a syllable ("hộ | kinh doanh"); the rare
  // pair across them ("hộ kinh", in few national names) still says the question's topic.
  const topicPairs: string[] = [];
  for (let k = 0; k + 1 < syllableConcepts.length; k++) {
    const [a, b] = [syllableConcepts[k]!, syllableConcepts[k + 1]!];
    const p = pairKey(a.c.forms[0]!, b.c.forms[0]!);
    const aAlone = !joinAt[k - 1];
    const bAlone = !joinAt[k + 1];
    // Between two words ("đăng ký | thành lập") a pair is no sign of a topic.
    if (joinAt[k] || (!aAlone && !bAlone) || b.i !== a.i + 1 || nationalRarity(p) < TOPICAL_RARITY) continue;
    // A lone syllable before a word, making with it a topic of the national names that no name
    // here has ("thẻ | tạm trú": a foreigner's residence card, not the ward's residence
    // registration) and no name or keyword here has: the lone syllable says another agency's topic.
    if (!ix.namePairs.has(p)) {
      const c = syllableConcepts[k + 2];
      const ownWord = c && c.i === b.i + 1 && ix.strongDf.has(pairKey(b.c.forms[0]!, c.c.forms[0]!));
      if (aAlone && !bAlone && ownWord && !ix.strongDf.has(p) && TOPIC_WORDS.has(p) && !LIGHT_WORDS.has(a.c.forms[0]!) && !a.c.story) (a.c.loneForeign = true), (b.c.ofForeign = true);
      continue;
    }
    topicPairs.push(p);
    const lone = aAlone && !bAlone ? a.c : bAlone && !aAlone ? b.c : undefined;
    if (!lone) continue;
    (lone.bond ??= []).push(p);
  }
  for (let k = 0; k < syllableConcepts.length; k++) {
    const a = syllableConcepts[k]!;
    const b = syllableConcepts[k + 1];
    if (joinAt[k]) {
      const b2 = b!;
      const forms2 = a.c.forms.flatMap((x) => b2.c.forms.map((y) => pairKey(x, y)));
      const pairForms = forms2.filter((p) => ix.strongDf.has(p));
      // The word weighs as its own rarity, scaled as its syllables were (position, story word);
      // a word of another agency's topic no procedure here is named with weighs as a rare one.
      const scale = Math.min(...[a.c, b2.c].map((x) => (x.base ? x.weight / x.base : 1)));
      // An institution of the story ("ngân hàng", "bệnh viện") is no topic, another agency's or the unit's.
      const story = !!a.c.story && !!b2.c.story;
      const elsewhere = !story && !pairForms.length && forms2.some((p) => TOPIC_WORDS.has(p));
      const pairWeight = (pairForms.length ? ix.conceptWeight(pairForms) : elsewhere ? ix.cap * TOPICAL : 0) * scale;
      const topical = !story && pairForms.some((p) => nationalRarity(p) >= TOPICAL_RARITY) && !(NATIONALITY.has(pairKey(a.c.forms[0]!, b2.c.forms[0]!)) && folded[a.i - 1] === 'nguoi');
      concepts.push({ forms: [], accented: '', weight: Math.max(a.c.weight, b2.c.weight, pairWeight), expansions: [], parts: [a.c, b2.c], foreign: elsewhere, topical, everyday: a.c.everyday || b2.c.everyday });
      content.push(`${a.c.forms.join('/')}+${b2.c.forms.join('/')}`);
      k++;
    } else {
      concepts.push(a.c);
      content.push(a.c.forms.join('/'));
    }
  }
  // Pairs: every adjacent two of what is left; each position's forms are alternatives.
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!live(i) || !live(i + 1)) continue;
    const here: string[] = [];
    for (const a of [folded[i]!, ...alts[i]!]) for (const b of [folded[i + 1]!, ...alts[i + 1]!]) here.push(pairKey(a, b));
    for (const p of here) terms.push({ term: p, weight: PAIR });
    // A pair with a function word ("cho người") is no sign of the procedure's name.
    if (!isStop(i) && !isStop(i + 1)) pairs.push(here);
  }
  const situations = matchSituations(folded);
  addSynonyms(ix, folded, situations, conceptOf, { terms, concepts, content, pairs }, tokens.map((t) => t.accented));
  // A word the catalogue lacks that a citizen's word of the synonyms reads ("trông nom": a guardian) is known.
  for (const i of unknownAt) if (conceptOf.get(i)?.expansions.length) unknownAt.delete(i);
  return {
    plan: { tokens, intents, contentCount: concepts.length, unknownCount, unknownAt, content },
    terms,
    concepts,
    pairs,
    topicPairs,
    done: [...new Set([...doneWords].filter((i) => doneWords.has(i + 1)).map((i) => pairKey(folded[i]!, folded[i + 1]!)))],
    situations,
  };
}

/**
 * The question's tokens, abbreviations and chat shorthand made their words, and each position's
 * alternatives: an unknown syllable of four letters or more one edit from a known one is corrected.
 */
function resolveTokens(question: string, ix: QueryIndex): { tokens: Token[]; alts: string[][] } {
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
function functionWords(ix: QueryIndex, tokens: Token[], folded: string[], intents: IntentReading): { beginsWord: (i: number) => boolean; isStop: (i: number) => boolean } {
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

function addRegionalVariants(ix: QueryIndex, folded: string[], alts: string[][], live: (i: number) => boolean): void {
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

/**
 * The words of the story around the ask weigh less: the clauses before (or after) the one that asks,
 * a reason given after the ask, who asks for the paper. Returns the asker's position (-1: none).
 */
function weighStory(ix: QueryIndex, tokens: Token[], folded: string[], syllableConcepts: Array<{ i: number; c: Concept }>, isStop: (i: number) => boolean, beginsWord: (i: number) => boolean): number {
  // A story told in clauses before (or after) the one that asks: "tôi đi làm ở Bình Dương nửa
  // năm, có phải khai báo tạm vắng không". The clause with a request word ("muốn", "cần", "xin",
  // "cho hỏi", "có phải", "được không") and a topic word of its own (two syllables of some
  // procedure's name that few national names share) carries the question; when there is one,
  // the words of the other clauses weigh less. The last such clause asks.
  if (syllableConcepts.length > 1) {
    const clauses = new Set(syllableConcepts.map((x) => tokens[x.i]!.clause));
    if (clauses.size > 1) {
      let request: number | undefined;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const f = folded[i]!;
        const marker = REQUEST_WORDS.has(f) || (f === 'can' && isStop(i)) || (f === 'phai' && folded[i - 1] === 'co') || (f === 'khong' && (folded[i - 1] === 'duoc' || folded[i - 1] === 'dc')) || quotedRequirement(tokens, i);
        if (!marker) continue;
        // Its topic: two syllables of it that make a word of some procedure's name.
        const named = syllableConcepts.some((x, k) => {
          const y = syllableConcepts[k + 1];
          if (!y || tokens[x.i]!.clause !== t.clause || y.i !== x.i + 1 || tokens[y.i]!.clause !== t.clause) return false;
          const p = pairKey(folded[x.i]!, folded[y.i]!);
          return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
        });
        if (named) request = t.clause;
      }
      if (request !== undefined) for (const x of syllableConcepts) if (tokens[x.i]!.clause !== request) x.c.weight *= NARRATIVE;
    }
  }
  // A reason said after what is asked ("đổi căn cước vì đã sửa tên trong giấy khai sinh"): from
  // "vì" to the end of its clause the words tell why, when a topic word of some procedure's name
  // comes before it; they weigh as a story clause does. Not "vì sao" (why), which asks.
  // Unmarked, "vi" is "vì" only after "bởi", "tại" ("mất ví" is a wallet).
  const because = folded.findIndex(
    (f, i) => f === 'vi' && (tokens[i]!.raw.normalize('NFC').toLowerCase() === 'vì' || ['boi', 'tai'].includes(folded[i - 1] ?? '')) && !['sao', 'the', 'gi'].includes(folded[i + 1] ?? ''),
  );
  if (because > 0) {
    const before = syllableConcepts.filter((x) => x.i < because && tokens[x.i]!.clause === tokens[because]!.clause);
    const named = before.some((x, k) => {
      const y = before[k + 1];
      if (!y || y.i !== x.i + 1) return false;
      const p = pairKey(folded[x.i]!, folded[y.i]!);
      return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
    });
    if (named) for (const x of syllableConcepts) if (x.i > because && tokens[x.i]!.clause === tokens[because]!.clause) x.c.weight *= NARRATIVE;
  }
  // Asked for by someone else ("trường mầm non đòi giấy xác nhận nơi ở"): who asks and the verb
  // weigh as a story clause does, when a topic word of some procedure's name follows in its clause.
  // "bảo" begins many names' words ("bảo vệ", "bảo hiểm", "bảo trợ"): then it asks nothing.
  // "đòi" typed with its marks begins no word: folded, "đòi giấy" is "đổi giấy", another word.
  const boundBao = (i: number) => tokens[i]!.accented === 'bảo' && ix.namePairs.has(pairKey('bao', folded[i + 1] ?? ''));
  const asker = tokens.findIndex((t, i) => (REQUIRERS.has(t.accented) && (t.accented === 'đòi' || !beginsWord(i)) && !boundBao(i)) || (t.accented === 'yêu' && tokens[i + 1]?.accented === 'cầu'));
  if (asker > 0) {
    const clause = tokens[asker]!.clause;
    const after = syllableConcepts.filter((x) => x.i > asker + 1 && tokens[x.i]!.clause === clause);
    const named = after.some((x, k) => {
      const y = after[k + 1];
      if (!y || y.i !== x.i + 1) return false;
      const p = pairKey(folded[x.i]!, folded[y.i]!);
      return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
    });
    const verbEnd = tokens[asker]!.accented === 'yêu' ? asker + 1 : asker;
    if (named) for (const x of syllableConcepts) if (x.i <= verbEnd && tokens[x.i]!.clause === clause) x.c.weight *= NARRATIVE;
  }
  return asker;
}

/**
 * Institutions and people of the story ("ngân hàng đòi …", "bác sĩ đã ký …",
 * assistant.institutions.ts) in a question with an administrative word, or asking for something
 * ("trường mầm non đòi tờ …"): who asks or where it happened, weighing as story words and never a
 * topic of their own.
 */
function muteInstitutions(folded: string[], syllableConcepts: Array<{ i: number; c: Concept }>, intents: IntentReading, told: Set<number>): void {
  const asks = institutionAsks(folded, told);
  if (!told.size || (!intents.inDomain && !asks.length)) return;
  for (const x of syllableConcepts) if (told.has(x.i)) (x.c.weight *= NARRATIVE), (x.c.topical = false), (x.c.story = true);
  // Its verb asks for the paper named after it ("yêu cầu" is also in "người yêu cầu chứng thực").
  for (const x of syllableConcepts) if (asks.includes(x.i)) (x.c.weight *= LIGHT), (x.c.topical = false);
}

/** Synonyms and situations: the catalogue's words for the citizen's, at a lower weight. */
function addSynonyms(ix: QueryIndex, folded: string[], situations: SynonymMatch[], conceptOf: Map<number, Concept>, read: { terms: QueryTerm[]; concepts: Concept[]; content: string[]; pairs: string[][] }, written: string[]): void {
  const { terms, concepts, content, pairs } = read;
  // Synonyms: the catalogue's words for the citizen's, at a lower weight.
  const seen = new Set(terms.map((t) => t.term));
  const storyMuted = new Set<Concept>();
  for (const m of [...ix.synonyms.match(folded, written), ...situations]) {
    for (const s of m.expansion) if (!seen.has(s)) (seen.add(s), terms.push({ term: s, weight: EXPANSION_WEIGHT * (STOPWORDS.has(s) ? STOP_WEIGHT : 1) }));
    const expPairs: string[] = [];
    for (let k = 0; k + 1 < m.expansion.length; k++) {
      const p = pairKey(m.expansion[k]!, m.expansion[k + 1]!);
      expPairs.push(p);
      if (!seen.has(p)) (seen.add(p), terms.push({ term: p, weight: PAIR * EXPANSION_WEIGHT }));
    }
    if (expPairs.length) pairs.push(expPairs);
    // Function words are dropped by their folded form ("bạn", "cần", "thế" fold as "ban", "can",
    // "the"), which may leave one syllable of a phrase: "thị thực" (visa) would be "thực" alone,
    // met by every "chứng thực". Then the phrase is read by its written form (SynonymMatch.content).
    const dropped = m.expansion.filter((s) => !STOPWORDS.has(s));
    const expansion = dropped.length < 2 && m.expansion.length >= 2 ? m.content : dropped;
    let attached = false;
    for (const [start, end] of m.spans ?? [[m.start, m.end]]) for (let i = start; i <= end; i++) {
      const c = conceptOf.get(i);
      if (c) (c.expansions.push(expansion), (attached = true));
    }
    // A word unknown here that stands for another agency's topic no name here has ("visa":
    // "thị thực" on a ward's own catalogue) is that topic, foreign like a pair of it said whole.
    const said = m.spans ? undefined : conceptOf.get(m.start);
    const topicKey = m.expansion.length === 2 ? pairKey(m.expansion[0]!, m.expansion[1]!) : '';
    if (said && m.start === m.end && concepts.includes(said) && !said.forms.some((f) => ix.docCount(f) > 0) && TOPIC_WORDS.has(topicKey) && !ix.strongDf.has(topicKey)) said.foreign = true;
    // A phrase of function words only ("thôi không cần", "không làm nữa") still says the act it
    // stands for: it counts as a concept of its own, met by the catalogue's words or by its own.
    if (!attached && expansion.length && !m.spans) {
      const own = folded.slice(m.start, m.end + 1);
      const c: Concept = { forms: [], accented: '', weight: ix.conceptWeight(expansion) * EXPANSION_WEIGHT, expansions: [expansion, own] };
      concepts.push(c);
      content.push(`(${expansion.join(' ')})`);
    }
    for (const [start, end] of m.story ?? []) for (let i = start; i <= end; i++) {
      const c = conceptOf.get(i);
      if (c && !storyMuted.has(c)) (storyMuted.add(c), (c.weight *= LIGHT), (c.topical = false));
    }
  }
}

/**
 * The positions of the words of a procedure's name the question says were done already: right
 * after "đã" ("hợp đồng đã chứng thực"), or right before "rồi", "xong", "không thành", "thất bại"
 * ("hòa giải ở xã không thành", "đăng ký kết hôn rồi"). Only a word of two syllables some name
 * leads with, and only when the question names another word of a topic it has not done: what is
 * behind the citizen is the story, what is left is asked.
 */
function wordsDone(ix: QueryIndex, tokens: Token[], folded: string[], conceptOf: Map<number, Concept>): Set<number> {
  const word = (i: number) => i >= 0 && conceptOf.has(i) && conceptOf.has(i + 1) && tokens[i]!.clause === tokens[i + 1]!.clause && ix.namePairs.has(pairKey(folded[i]!, folded[i + 1]!));
  // Done is said of an act or of what a procedure is about: a word some name leads with ("hòa
  // giải", "chứng thực", "khai sinh"), not of a thing ("bán phế liệu rồi").
  const act = (i: number) => word(i) && ix.leadWords.has(pairKey(folded[i]!, folded[i + 1]!));
  const done = new Set<number>();
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i]!;
    const a = tokens[i]!.accented;
    if (f === 'da' && (a === 'đã' || !a)) {
      // "đã đăng ký kết hôn": what was registered, not the registering.
      const j = GENERIC_NAME_WORDS.has(folded[i + 1] ?? '') && GENERIC_NAME_WORDS.has(folded[i + 2] ?? '') ? i + 3 : i + 1;
      if (act(j)) (done.add(j), done.add(j + 1));
    }
    const after = (f === 'roi' && (a === 'rồi' || !a)) || f === 'xong' || DONE_AFTER.has(pairKey(f, folded[i + 1] ?? ''));
    if (after && act(i - 2)) (done.add(i - 2), done.add(i - 1));
  }
  if (!done.size) return done;
  // Another word of a name that says a topic (few national names have it), not done: else the
  // question asks about the one it names.
  for (let i = 0; i + 1 < folded.length; i++) if (!done.has(i) && !done.has(i + 1) && word(i) && nationalRarity(pairKey(folded[i]!, folded[i + 1]!)) >= TOPICAL_RARITY) return done;
  return new Set();
}
