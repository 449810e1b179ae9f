/**
 * Reading a question before it is looked up (the first half of retrieval): its tokens with
 * abbreviations, chat spellings and typos resolved, the intents it states, which syllables are
 * function words, which make words together, how much each concept weighs (a story clause, a
 * reason, who asks for the paper and what was done already weigh less), and the synonyms and
 * situations that add the catalogue's own words. `Retriever` (assistant.retrieval.ts) gives it the
 * view of its index it needs (`QueryIndex`) and scores the documents against what it returns.
 * Stop 46: the tokens and function words are read in assistant.query-tokens.ts, the story's weights
 * and the synonyms added in assistant.query-weights.ts; this file puts them together.
 */
import { LIGHT_WORDS, readIntents, type IntentReading } from './assistant.intent';
import { institutionsTold } from './assistant.institutions';
import { matchSituations } from './assistant.situations';
import type { SynonymMatch, SynonymTable } from './assistant.synonyms';
import { bestPairs, WordModel } from './assistant.segment';
import { TOPIC_WORDS } from './lexicon/topic-words';
import { accentForm, TypoIndex, type Token } from './assistant.text';
import { ALT_WEIGHT, type Concept, HEAD_FIRST, LIGHT, MODIFIER, NARRATIVE, NATIONALITY, nationalRarity, PAIR, pairKey, PREPOSITIONS, type QueryTerm, STOP_WEIGHT, TOPICAL, TOPICAL_RARITY } from './assistant.ranking-rules';
import { addRegionalVariants, functionWords, resolveTokens } from './assistant.query-tokens';
import { addSynonyms, muteInstitutions, weighStory, wordsDone } from './assistant.query-weights';

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
