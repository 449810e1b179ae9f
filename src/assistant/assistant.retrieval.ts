import { accentKey, fold, stripDiacritics, syllables } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS, INTENT_VOCABULARY, LIGHT_WORDS, readIntents, STOPWORDS, type IntentReading } from './assistant.intent';
import { matchSituations, tellsForeignElement } from './assistant.situations';
import { FOREIGN_NAME } from './assistant.foreigners';
import { ageShorthand, CHAT_SPELLINGS, FOLDED_ABBREVIATIONS, type SynonymTable } from './assistant.synonyms';
import { agesOfName, gradesOfName, RangesAsked, type AgeRange } from './assistant.ranges';
import type { IndexDoc } from './assistant.docs';
import { bestPairs, countWords, nameParts, WordModel } from './assistant.segment';
import { NATIONAL_WORDS, TOPIC_WORDS } from './lexicon/topic-words';
import { accentForm, dialectVariants, isSyllableShape, keyboardSlips, tokenize, TypoIndex, type Token } from './assistant.text';
import { ACT_MISSED, ACT_ONLY, ALT_WEIGHT, AUDIENCE, B, CITIZENS, type Concept, conceptKey, COPY_ASKED, COPY_NAME, copyKey, DONE_ACT, DONE_AFTER, ELSEWHERE_MIN, ELSEWHERE_SHARE, EXPANSION_WEIGHT, FOREIGN_MATCH, FUNCTION_WORD_JOIN, GENERIC_NAME_WORDS, halfOfTopicWord, HEAD_FIRST, K1, LIGHT, MARKED_ACTS, MODIFIER, NARRATIVE, NATIONAL_MODEL, NATIONALITY, nationalRarity, OTHER_LEVEL_COPY, PAIR, pairKey, PLAIN_TWIN, plainTwinKey, OTHER_ORGANISATION, saysCooperative, companyOnlyName, ARMED_ONLY, armedName, saysArmed, PASSIVE, PASSIVE_WORDS, type Posting, PREPOSITIONS, type QueryTerm, REQUEST_WORDS, REQUIRERS, RERANK, STOP_WEIGHT, TOPIC_MATCH, TOPICAL, TOPICAL_RARITY, UNTOPICAL, WEAK_MATCH } from './assistant.ranking-rules';
import { onceEach } from './assistant.ranking-rules';

/**
 * Retrieval over one unit's catalogue and FAQ, written for Vietnamese questions:
 * - terms are folded syllables and folded syllable pairs (most words have two syllables);
 * - fields are weighted (name, keywords, FAQ question > summary > components);
 * - BM25-like scores pick candidates, then each candidate is re-ranked by how much of the
 *   question it covers (IDF-weighted), how much of its own name the question covers, and whether
 *   syllables typed with marks match with the same marks (exact-accent bonus);
 * - abbreviations and colloquial names are expanded from the synonym table, Telex/VNI leftovers
 *   are decoded, and syllables of four letters or more that the index does not know are
 *   corrected when one edit away from a known one; shorter syllables are only corrected when the
 *   pair they form is unknown and a regional spelling variant forms a known pair ("tạm chú").
 */

export interface Candidate {
  id: string;
  kind: 'procedure' | 'faq';
  /** Final ranking score. */
  score: number;
  /** Share of the question's weight this document covers, 0..1. */
  coverage: number;
  /** A two-syllable word of the question (or of its synonyms) is in the name or keywords. */
  pairSupport: boolean;
  /** Done at the unit's own level (see IndexDoc.here). */
  here: boolean;
  /**
   * The question names a topic no procedure of the unit is named with ("lái xe", "trợ giúp pháp
   * lý") and this document does not have it: what it shares with the question is the rest
   * ("đổi", "giấy phép"), and the question is likely about someone else's procedure. Also set
   * when the name leads with an act the question does not say (MARKED_ACTS: "Trình báo mất …").
   */
  missesTopic?: boolean;
  /**
   * A topic word of the question (one few national names use: "hộ chiếu", "khai sinh") is in its
   * name or keywords: it is about what the question is about, not only about its generic words.
   */
  topicHit?: boolean;
  /**
   * The topic word it has is one the question says outside its words of everyday life
   * (IntentReading.everyday): "căn cước" of "làm mất căn cước khi đi du lịch", not the "cưới" of
   * "kể chuyện cười".
   */
  plainTopic?: boolean;
  /**
   * How many words of the question it has in its name or keywords that other levels' records are
   * named with and hardly any of the unit's own ("tàu cá", "doanh nghiệp", "hộ chiếu" on a ward's
   * catalogue holding the national one): the question names a thing those records are about.
   * Always 0 on a catalogue of the unit's own procedures only.
   */
  elsewhereWords?: number;
  /** Its name says it is for foreigners or has a foreign element ("… cho người nước ngoài", "… có yếu tố nước ngoài"). */
  foreignName?: boolean;
}

export interface QueryPlan {
  tokens: Token[];
  intents: IntentReading;
  /** Number of content syllables (what the question is about, beyond intent and function words). */
  contentCount: number;
  /** Content syllables the index does not know at all. */
  unknownCount: number;
  /** Content syllables as read (after corrections), for logs and tests. */
  content: string[];
}

export interface RetrievalResult {
  plan: QueryPlan;
  candidates: Candidate[];
}

export { copyKey };

export class Retriever {
  private readonly docs: IndexDoc[];
  private readonly postings = new Map<string, Posting>();
  private readonly docLen: number[] = [];
  private avgLen = 1;
  private readonly strong: Array<Set<string>> = [];
  private readonly any: Array<Set<string>> = [];
  private readonly accents: Array<Set<string>> = [];
  private readonly nameSyllables: string[][] = [];
  /** How many of a name's syllables say something (not stopwords, not generic name words): made once, read per candidate. */
  private readonly nameContentCount: number[] = [];
  /** Pairs of syllables in procedure names, with how many names have them. */
  private readonly namePairs = new Map<string, number>();
  private readonly strongPairs: Array<Set<string>> = [];
  /** Keywords of each document as folded syllables (two or more). */
  private readonly keywords: string[][][] = [];
  /** Words of a name saying the procedure is for someone other than a citizen ("tổ chức", "doanh nghiệp"). */
  private readonly audience: string[][] = [];
  /** The marked act each name leads with (MARKED_ACTS), as the folded words that say it. */
  private readonly acts: Array<Array<{ words: string[]; others?: string[] }>> = [];
  /** The building grades each name lists (gradesOfName). */
  private readonly grades: string[][] = [];
  /** Each name without its level (copyKey). */
  private readonly copyKeys: string[] = [];
  /** The name is about companies or enterprises, not cooperatives (companyOnlyName). */
  private readonly companyOnly: boolean[] = [];
  /** The name is for the armed forces (armedName). */
  private readonly armed: boolean[] = [];
  /** The word (two syllables, folded) each name leads with after "đăng ký", "cấp": what it does or is about. */
  private readonly leadWords = new Set<string>();
  /** The ages each name covers (agesOfName). */
  private readonly ages: Array<AgeRange | undefined> = [];
  private readonly pairs = new Set<string>();
  /** In how many documents a syllable or pair is in the name or keywords (what they are about). */
  private readonly strongDf = new Map<string, number>();
  /** In how many documents done at the unit's own level (IndexDoc.here) a pair is in the name or keywords. */
  private readonly hereStrongDf = new Map<string, number>();
  /** Folded syllables that some name or keyword uses as a content word (not only as "vào", "đang"…). */
  private readonly contentFolds = new Set<string>();
  /** Pairs found in names and keywords: two syllables that make a word of the catalogue. */
  private readonly wordPairs = new Set<string>();
  private readonly typo: TypoIndex;
  private readonly known: Set<string>;
  /** Names and keywords split at punctuation, as folded syllables: what the word model learns from. */
  private readonly strongParts: string[][] = [];
  /** Which syllables of a question make words (the national names' words and the unit's own). */
  private readonly words: WordModel;
  private readonly procedureCount: number;

  constructor(
    docs: IndexDoc[],
    private readonly synonyms: SynonymTable,
  ) {
    this.docs = docs;
    for (const d of docs) this.add(d);
    const n = this.docLen.length;
    this.avgLen = n ? this.docLen.reduce((a, b) => a + b, 0) / n : 1;
    this.procedureCount = docs.filter((d) => d.kind === 'procedure').length;
    const singles = [...this.postings.keys()].filter((t) => !t.includes(' ') && /^[a-z]+$/.test(t));
    this.typo = new TypoIndex(singles);
    this.words = new WordModel(NATIONAL_WORDS, countWords(this.strongParts));
    this.known = new Set([...singles, ...synonyms.vocabulary(), ...INTENT_VOCABULARY, ...STOPWORDS, ...LIGHT_WORDS, ...FOLDED_ABBREVIATIONS.keys()]);
  }

  get size(): number {
    return this.docs.length;
  }

  private add(d: IndexDoc): void {
    const id = this.docLen.length;
    const tf = new Map<string, number>();
    const strong = new Set<string>();
    const any = new Set<string>();
    const accents = new Set<string>();
    const strongPairs = new Set<string>();
    let len = 0;
    for (const f of d.fields) {
      const syl = syllables(fold(f.text));
      for (const s of syl) {
        tf.set(s, (tf.get(s) ?? 0) + f.weight);
        any.add(s);
        if (f.strong) strong.add(s);
      }
      for (let i = 0; i + 1 < syl.length; i++) {
        const p = pairKey(syl[i]!, syl[i + 1]!);
        tf.set(p, (tf.get(p) ?? 0) + f.weight);
        this.pairs.add(p);
        if (f.strong) {
          strongPairs.add(p);
          this.wordPairs.add(p);
        }
      }
      len += syl.length * f.weight;
      if (f.strong || f.weight >= 0.5) for (const a of accentKey(f.text).split(' ')) if (a) accents.add(accentForm(a));
      if (f.strong) for (const a of accentKey(f.text).split(' ')) if (a && !ACCENTED_STOPWORDS.has(accentForm(a))) this.contentFolds.add(fold(a));
      if (f.strong) this.strongParts.push(...nameParts(f.text));
    }
    for (const t of [...strong, ...strongPairs]) this.strongDf.set(t, (this.strongDf.get(t) ?? 0) + 1);
    const nameSyl = syllables(fold(d.name));
    const namePairs = new Set<string>();
    for (let i = 0; i + 1 < nameSyl.length; i++) namePairs.add(pairKey(nameSyl[i]!, nameSyl[i + 1]!));
    for (const p of namePairs) this.namePairs.set(p, (this.namePairs.get(p) ?? 0) + 1);
    this.strongPairs.push(strongPairs);
    if (d.here !== false) for (const p of strongPairs) this.hereStrongDf.set(p, (this.hereStrongDf.get(p) ?? 0) + 1);
    this.keywords.push(d.fields.filter((f) => f.strong && f.weight < 3).map((f) => syllables(fold(f.text))).filter((k) => k.length >= 2));
    const joined = ` ${nameSyl.join(' ')} `;
    const forCitizens = CITIZENS.some((w) => joined.includes(` ${w} `));
    this.audience.push(forCitizens ? [] : AUDIENCE.filter((w) => joined.includes(` ${w} `)).flatMap((w) => w.split(' ')));
    this.companyOnly.push(companyOnlyName(joined));
    this.armed.push(armedName(joined));
    const name = d.name.normalize('NFC');
    this.acts.push(d.kind === 'procedure' ? MARKED_ACTS.filter(([re]) => re.test(name)).map(([, words, others]) => ({ words, others })) : []);
    this.grades.push(d.kind === 'procedure' ? gradesOfName(name) : []);
    this.ages.push(d.kind === 'procedure' ? agesOfName(name) : undefined);
    this.copyKeys.push(d.kind === 'procedure' ? copyKey(name) : '');
    const ns = nameSyl.filter((s, i) => !(i < 2 && (s === 'thu' || s === 'tuc')));
    const lead = ns.findIndex((x) => !GENERIC_NAME_WORDS.has(x));
    if (d.kind === 'procedure' && lead >= 0 && ns[lead + 1]) this.leadWords.add(pairKey(ns[lead]!, ns[lead + 1]!));
    this.nameSyllables.push(ns);
    this.nameContentCount.push(ns.filter((s) => !STOPWORDS.has(s) && !GENERIC_NAME_WORDS.has(s)).length);
    this.docLen.push(len);
    this.strong.push(strong);
    this.any.push(any);
    this.accents.push(accents);
    for (const [t, w] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { docs: [], weights: [] }));
      p.docs.push(id);
      p.weights.push(w);
    }
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    const n = Math.max(this.docs.length, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The weight of one concept of the question. What procedures are about is in their names and
   * keywords: a word there weighs by how few names have it ("căn cước" is in five names of the
   * demo catalogue, and in the papers of fifty). A word the catalogue only mentions (papers,
   * summaries) or does not know at all tells the story around the question more than which
   * procedure it is about: it weighs as a common word, not as the rarest.
   */
  private get cap(): number {
    const n = Math.max(this.docs.length, 1);
    return Math.log(1 + (n - 1 + 0.5) / 1.5);
  }

  private conceptWeight(forms: string[]): number {
    const n = Math.max(this.docs.length, 1);
    const cap = this.cap;
    const offTopic = cap * UNTOPICAL;
    let w = 0;
    for (const f of forms) {
      const sdf = this.strongDf.get(f) ?? 0;
      w = Math.max(w, sdf ? Math.min(Math.log(1 + (n - sdf + 0.5) / (sdf + 0.5)), nationalRarity(f) * cap) : Math.min(offTopic, this.postings.has(f) ? this.idf(f) : offTopic));
    }
    return Math.min(cap, w);
  }

  isKnown(folded: string): boolean {
    return this.known.has(folded) || /^\d+$/.test(folded);
  }

  /** Read a question: tokens, intents, corrections, the terms and concepts to look up. */
  private plan(question: string): { plan: QueryPlan; terms: QueryTerm[]; concepts: Concept[]; pairs: string[][]; topicPairs: string[]; done: string[] } {
    const raw = tokenize(question, (f) => this.isKnown(f));
    // Abbreviations and chat shorthand become their words.
    const tokens: Token[] = [];
    for (const t of raw) {
      // "QSDĐ", "ĐKKD": an abbreviation may carry đ but no other mark.
      const plain = !t.accented || stripDiacritics(t.raw) === t.raw.replace(/đ/g, 'd');
      const exp = plain ? FOLDED_ABBREVIATIONS.get(t.folded) ?? ageShorthand(t.folded) : CHAT_SPELLINGS.get(t.raw.toLowerCase());
      if (exp) for (const w of exp) tokens.push({ raw: t.raw, accented: accentForm(w), folded: fold(w), clause: t.clause });
      else tokens.push(t);
    }
    // Typos: unknown syllables of four letters or more, one edit from a known one.
    const alts: string[][] = tokens.map(() => []);
    tokens.forEach((t, i) => {
      if (this.isKnown(t.folded) || t.folded.length < 4 || !/^[a-z]+$/.test(t.folded) || isSyllableShape(t.folded)) return;
      const decoded = t.decoded ? fold(t.decoded) : undefined;
      const near = [...new Set([...(decoded && decoded !== t.folded ? this.typo.near(decoded) : []), ...this.typo.near(t.folded)])];
      if (!near.length) return;
      const prev = tokens[i - 1]?.folded;
      const next = tokens[i + 1]?.folded;
      const rank = (w: string) =>
        (prev && this.pairs.has(pairKey(prev, w)) ? 1000 : 0) + (next && this.pairs.has(pairKey(w, next)) ? 1000 : 0) + (this.postings.get(w)?.docs.length ?? 0);
      near.sort((a, b) => rank(b) - rank(a) || a.localeCompare(b));
      tokens[i] = { raw: t.raw, accented: '', folded: near[0]!, clause: t.clause };
    });
    const folded = tokens.map((t) => t.folded);
    const intents = readIntents(
      folded,
      // "Thẻ" written with its mark is the card ("thẻ tạm trú của vợ"), never the "thế" of a follow-up.
      (a, b) => this.wordPairs.has(pairKey(a, b)) || this.words.isWord(pairKey(a, b)) || (a === 'the' && tokens[0]?.accented === accentForm('thẻ')),
      (a, b) => this.words.isWord(pairKey(a, b)),
    );
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
      if (!this.contentFolds.has(f)) return true;
      // "căn cước", "con nuôi": a function word that is half of a procedure's word is not one.
      const prev = folded[i - 1];
      const next = folded[i + 1];
      const word = (p: string) => this.namePairs.has(p);
      return !((prev && !intents.consumed.has(i - 1) && word(pairKey(prev, f))) || (next && !intents.consumed.has(i + 1) && word(pairKey(f, next))));
    };
    const live = (i: number) => !intents.consumed.has(i);
    // Regional spelling or a slip of the finger on a short syllable: when the pair it forms is
    // unknown and a variant forms a pair of some procedure's name ("tạm chú" → "tạm trú").
    const variantsOf = (w: string) =>
      /^\d+$/.test(w) ? [] : [...dialectVariants(w), ...(this.isKnown(w) ? keyboardSlips(w) : w.length >= 3 ? this.typo.near(w) : [])];
    const pairDf = (p: string) => this.namePairs.get(p) ?? 0;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!live(i) || !live(i + 1) || this.pairs.has(pairKey(folded[i]!, folded[i + 1]!))) continue;
      const a = folded[i]!;
      const b = folded[i + 1]!;
      const best = (cands: string[], make: (v: string) => string) =>
        cands.filter((v) => this.namePairs.has(make(v))).sort((x, y) => pairDf(make(y)) - pairDf(make(x)))[0];
      // Both words must carry meaning: "đà lạt" must not become "đã mất".
      if (STOPWORDS.has(a) || STOPWORDS.has(b)) continue;
      const vb = best(variantsOf(b), (v) => pairKey(a, v));
      const va = best(variantsOf(a), (v) => pairKey(v, b));
      if (vb && !alts[i + 1]!.includes(vb)) alts[i + 1]!.push(vb);
      else if (va && !alts[i]!.includes(va)) alts[i]!.push(va);
    }

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
      const base = this.conceptWeight(forms);
      // A nationality ("chồng người Úc", "vợ người Nhật") says who, not which procedure: no topic of its own.
      const nationality = NATIONALITY.has(t.folded) && folded[i - 1] === 'nguoi';
      const c: Concept = { forms, accented: t.accented, weight: (light ? LIGHT * Math.min(base, 1.5) : base) * (modifier.has(i) ? MODIFIER : 1), expansions: [], base, topical: !light && !nationality && forms.some((f) => nationalRarity(f) >= TOPICAL_RARITY), everyday: intents.everyday.has(i) };
      syllableConcepts.push({ i, c });
      conceptOf.set(i, c);
      if (!forms.some((f) => this.postings.has(f))) unknownCount++;
    });
    // The topic comes first in a Vietnamese question: later words weigh a little less.
    if (HEAD_FIRST > 0 && syllableConcepts.length > 1) {
      const n = syllableConcepts.length - 1;
      syllableConcepts.forEach((x, k) => (x.c.weight *= 1 - (HEAD_FIRST * k) / n));
    }
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
          const marker = REQUEST_WORDS.has(f) || (f === 'can' && isStop(i)) || (f === 'phai' && folded[i - 1] === 'co') || (f === 'khong' && (folded[i - 1] === 'duoc' || folded[i - 1] === 'dc'));
          if (!marker) continue;
          // Its topic: two syllables of it that make a word of some procedure's name.
          const named = syllableConcepts.some((x, k) => {
            const y = syllableConcepts[k + 1];
            if (!y || tokens[x.i]!.clause !== t.clause || y.i !== x.i + 1 || tokens[y.i]!.clause !== t.clause) return false;
            const p = pairKey(folded[x.i]!, folded[y.i]!);
            return this.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
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
        return this.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
      });
      if (named) for (const x of syllableConcepts) if (x.i > because && tokens[x.i]!.clause === tokens[because]!.clause) x.c.weight *= NARRATIVE;
    }
    // Asked for by someone else ("trường mầm non đòi giấy xác nhận nơi ở"): who asks and the verb
    // weigh as a story clause does, when a topic word of some procedure's name follows in its clause.
    // "bảo" begins many names' words ("bảo vệ", "bảo hiểm", "bảo trợ"): then it asks nothing.
    // "đòi" typed with its marks begins no word: folded, "đòi giấy" is "đổi giấy", another word.
    const boundBao = (i: number) => tokens[i]!.accented === 'bảo' && this.namePairs.has(pairKey('bao', folded[i + 1] ?? ''));
    const asker = tokens.findIndex((t, i) => (REQUIRERS.has(t.accented) && (t.accented === 'đòi' || !beginsWord(i)) && !boundBao(i)) || (t.accented === 'yêu' && tokens[i + 1]?.accented === 'cầu'));
    if (asker > 0) {
      const clause = tokens[asker]!.clause;
      const after = syllableConcepts.filter((x) => x.i > asker + 1 && tokens[x.i]!.clause === clause);
      const named = after.some((x, k) => {
        const y = after[k + 1];
        if (!y || y.i !== x.i + 1) return false;
        const p = pairKey(folded[x.i]!, folded[y.i]!);
        return this.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
      });
      const verbEnd = tokens[asker]!.accented === 'yêu' ? asker + 1 : asker;
      if (named) for (const x of syllableConcepts) if (x.i <= verbEnd && tokens[x.i]!.clause === clause) x.c.weight *= NARRATIVE;
    }
    const doneWords = this.doneWords(tokens, folded, conceptOf);
    if (doneWords.size) for (const x of syllableConcepts) if (doneWords.has(x.i)) x.c.weight *= NARRATIVE;
    // Two syllables that make a word count as one concept: "nước ngoài" weighs as one word, not
    // two. Which ones pair up is the most probable reading of the question (assistant.segment.ts):
    // "doi ho chieu" is "đổi | hộ chiếu", not "đổi họ | chiều".
    const joinAt = bestPairs(syllableConcepts.length, (k) => {
      const a = syllableConcepts[k]!;
      const b = syllableConcepts[k + 1]!;
      // The asker's verb asks; it begins no word ("đòi giấy" folds as "đổi giấy", another word).
      if (asker > 0 && a.i === asker) return undefined;
      return b.i === a.i + 1 ? this.words.joinGain(a.c.forms, b.c.forms) : undefined;
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
      if (!this.namePairs.has(p)) {
        const c = syllableConcepts[k + 2];
        const ownWord = c && c.i === b.i + 1 && this.strongDf.has(pairKey(b.c.forms[0]!, c.c.forms[0]!));
        if (aAlone && !bAlone && ownWord && !this.strongDf.has(p) && TOPIC_WORDS.has(p) && !LIGHT_WORDS.has(a.c.forms[0]!)) (a.c.loneForeign = true), (b.c.ofForeign = true);
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
        const pairForms = forms2.filter((p) => this.strongDf.has(p));
        // The word weighs as its own rarity, scaled as its syllables were (position, story word);
        // a word of another agency's topic no procedure here is named with weighs as a rare one.
        const scale = Math.min(...[a.c, b2.c].map((x) => (x.base ? x.weight / x.base : 1)));
        const elsewhere = !pairForms.length && forms2.some((p) => TOPIC_WORDS.has(p));
        const pairWeight = (pairForms.length ? this.conceptWeight(pairForms) : elsewhere ? this.cap * TOPICAL : 0) * scale;
        const topical = pairForms.some((p) => nationalRarity(p) >= TOPICAL_RARITY) && !(NATIONALITY.has(pairKey(a.c.forms[0]!, b2.c.forms[0]!)) && folded[a.i - 1] === 'nguoi');
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
    // Synonyms: the catalogue's words for the citizen's, at a lower weight.
    const seen = new Set(terms.map((t) => t.term));
    const storyMuted = new Set<Concept>();
    for (const m of [...this.synonyms.match(folded), ...matchSituations(folded)]) {
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
      if (said && m.start === m.end && concepts.includes(said) && !said.forms.some((f) => this.postings.has(f)) && TOPIC_WORDS.has(topicKey) && !this.strongDf.has(topicKey)) said.foreign = true;
      // A phrase of function words only ("thôi không cần", "không làm nữa") still says the act it
      // stands for: it counts as a concept of its own, met by the catalogue's words or by its own.
      if (!attached && expansion.length && !m.spans) {
        const own = folded.slice(m.start, m.end + 1);
        const c: Concept = { forms: [], accented: '', weight: this.conceptWeight(expansion) * EXPANSION_WEIGHT, expansions: [expansion, own] };
        concepts.push(c);
        content.push(`(${expansion.join(' ')})`);
      }
      for (const [start, end] of m.story ?? []) for (let i = start; i <= end; i++) {
        const c = conceptOf.get(i);
        if (c && !storyMuted.has(c)) (storyMuted.add(c), (c.weight *= LIGHT), (c.topical = false));
      }
    }
    return {
      plan: { tokens, intents, contentCount: concepts.length, unknownCount, content },
      terms,
      concepts,
      pairs,
      topicPairs,
      done: [...new Set([...doneWords].filter((i) => doneWords.has(i + 1)).map((i) => pairKey(folded[i]!, folded[i + 1]!)))],
    };
  }

  /**
   * The positions of the words of a procedure's name the question says were done already: right
   * after "đã" ("hợp đồng đã chứng thực"), or right before "rồi", "xong", "không thành", "thất bại"
   * ("hòa giải ở xã không thành", "đăng ký kết hôn rồi"). Only a word of two syllables some name
   * leads with, and only when the question names another word of a topic it has not done: what is
   * behind the citizen is the story, what is left is asked.
   */
  private doneWords(tokens: Token[], folded: string[], conceptOf: Map<number, Concept>): Set<number> {
    const word = (i: number) => i >= 0 && conceptOf.has(i) && conceptOf.has(i + 1) && tokens[i]!.clause === tokens[i + 1]!.clause && this.namePairs.has(pairKey(folded[i]!, folded[i + 1]!));
    // Done is said of an act or of what a procedure is about: a word some name leads with ("hòa
    // giải", "chứng thực", "khai sinh"), not of a thing ("bán phế liệu rồi").
    const act = (i: number) => word(i) && this.leadWords.has(pairKey(folded[i]!, folded[i + 1]!));
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

  /** Whether a document has a term (binary search: posting lists are in document order). */
  private has(term: string, d: number): boolean {
    const docs = this.postings.get(term)?.docs;
    if (!docs) return false;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = docs[mid]!;
      if (v === d) return true;
      if (v < d) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** How well a document matches one concept, 0..1. */
  private match(d: number, c: Concept): number {
    const strong = this.strong[d]!;
    const any = this.any[d]!;
    let m = 0;
    if (c.parts) {
      const [a, b] = c.parts;
      let pair = 0;
      a.forms.forEach((x, i) =>
        b.forms.forEach((y, j) => {
          const p = pairKey(x, y);
          const w = i === 0 && j === 0 ? 1 : 0.8;
          if (this.strongPairs[d]!.has(p)) pair = Math.max(pair, w);
          else if (this.has(p, d)) pair = Math.max(pair, WEAK_MATCH * w);
        }),
      );
      if (pair > 0 && [a, b].some((x) => x.accented && !this.accents[d]!.has(x.accented))) pair *= 0.6;
      // Both syllables apart ("kết" of one phrase, "hôn" of another) count for less than the word.
      m = Math.max(pair, 0.7 * Math.min(this.match(d, a), this.match(d, b)));
      for (const e of [...a.expansions, ...b.expansions]) m = Math.max(m, this.expansionMatch(d, e));
      return m;
    }
    c.forms.forEach((f, k) => {
      // A corrected form counts a little less than what was typed.
      const w = k === 0 ? 1 : 0.8;
      if (strong.has(f)) m = Math.max(m, w);
      else if (any.has(f)) m = Math.max(m, WEAK_MATCH * w);
    });
    // The syllable as part of another word than the question's ("hộ gia đình", not "hộ kinh doanh").
    if (m > 0 && c.bond && !c.bond.some((p) => this.strongPairs[d]!.has(p))) m *= 0.6;
    // Typed with marks and found only with other marks ("vé" is not "về"): a weaker match.
    if (m > 0 && c.accented && !this.accents[d]!.has(c.accented) && c.forms[0] && (strong.has(c.forms[0]) || any.has(c.forms[0]))) m *= 0.6;
    for (const e of c.expansions) m = Math.max(m, this.expansionMatch(d, e));
    return m;
  }

  private expansionMatch(d: number, e: string[]): number {
    if (!e.length) return 0;
    let hit = 0;
    for (const s of e) if (this.strong[d]!.has(s)) hit += 1;
    else if (this.any[d]!.has(s)) hit += WEAK_MATCH;
    return (0.9 * hit) / e.length;
  }

  /** How much of the question a document covers, 0..1 (IDF-weighted, accents considered). */
  private coverage(d: number, concepts: Concept[]): number {
    let total = 0;
    let got = 0;
    for (const c of concepts) {
      total += c.weight;
      got += c.weight * this.match(d, c);
    }
    return total > 0 ? got / total : 0;
  }

  /** The documents that answer a question, best first. */
  search(question: string, opts: { limit?: number } = {}): RetrievalResult {
    const limit = opts.limit ?? 10;
    const { plan, terms, concepts, pairs, topicPairs, done } = this.plan(question);
    if (!concepts.length) return { plan, candidates: [] };
    const scores = new Float64Array(this.docs.length);
    for (const q of terms) {
      const p = this.postings.get(q.term);
      if (!p) continue;
      const idf = this.idf(q.term) * q.weight;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.weights[i]!;
        const norm = 1 - B + (B * this.docLen[d]!) / this.avgLen;
        scores[d]! += (idf * (tf * (K1 + 1))) / (tf + K1 * norm);
      }
    }
    // Candidates: the best by base score, then re-ranked on what they cover.
    const top: number[] = [];
    for (let d = 0; d < scores.length; d++) {
      if (scores[d]! <= 0) continue;
      if (top.length < RERANK) {
        top.push(d);
        if (top.length === RERANK) top.sort((a, b) => scores[b]! - scores[a]!);
      } else if (scores[d]! > scores[top[RERANK - 1]!]!) {
        top[RERANK - 1] = d;
        for (let k = RERANK - 1; k > 0 && scores[top[k]!]! > scores[top[k - 1]!]!; k--) [top[k], top[k - 1]] = [top[k - 1]!, top[k]!];
      }
    }
    const queryForms = new Set<string>();
    const flat = concepts.flatMap((c) => c.parts ?? [c]);
    for (const c of flat) {
      for (const f of c.forms) queryForms.add(f);
      for (const e of c.expansions) for (const s of e) queryForms.add(s);
    }
    const accented = flat.filter((c) => c.accented);
    // Saying only what happens to a thing ("hết hạn", "gia hạn") is no topic of one's own: "hộ chiếu
    // sắp hết hạn" is about the passport, not the residence extension that shares "hạn".
    const own = (c: Concept) => !c.foreign && c.topical && !ACT_ONLY.has(conceptKey(c)) && !(c.parts ?? [c]).some((x) => x.ofForeign);
    const loneForeign = concepts.some(own) ? [] : concepts.filter((c) => c.loneForeign);
    const foreign = [...concepts.filter((c) => c.foreign), ...loneForeign];
    const topics = concepts.filter((c) => !c.foreign && !loneForeign.includes(c) && c.topical);
    const ownTopics = foreign.length ? topics.filter(own) : [];
    const everydayTopic = topics.some((c) => c.everyday);
    // Words of the question (two syllables, outside its everyday words) that other levels' records
    // are named with and hardly any of the unit's own: what those records are about.
    const elsewhereOnly = concepts.filter((c) => {
      if (!c.parts || c.everyday || c.foreign) return false;
      const [a, b] = c.parts;
      const p = pairKey(a!.forms[0]!, b!.forms[0]!);
      const all = this.strongDf.get(p) ?? 0;
      const own = this.hereStrongDf.get(p) ?? 0;
      return all - own >= ELSEWHERE_MIN && own <= all * ELSEWHERE_SHARE;
    });
    const said = new Set([...queryForms, ...terms.filter((t) => !t.term.includes(' ')).map((t) => t.term)]);
    // "Lấy" ("lấy chồng", unmarked "lay vo") folds to "lai" but does not say "lại".
    const saysAgain = plan.tokens.some((t, i) => t.folded === 'lai' && t.accented !== 'lấy' && !['chong', 'vo'].includes(plan.tokens[i + 1]?.folded ?? ''));
    if (!saysAgain && !concepts.some((c) => c.expansions.some((e) => e.includes('lai')))) said.delete('lai');
    const asked = plan.tokens.map((t) => t.folded);
    const ranges = new RangesAsked(asked);
    const copyAsked = COPY_ASKED.test(asked.join(' '));
    const cooperative = saysCooperative(asked);
    const civilian = !saysArmed(asked);
    const ownKeys = new Set(top.filter((d) => this.docs[d]!.here !== false && this.copyKeys[d]).map((d) => this.copyKeys[d]!));
    // A foreign element told: the ordinary twins of the records "… có yếu tố nước ngoài" found.
    const plainKeys = new Set(tellsForeignElement(asked) ? top.map((d) => plainTwinKey(this.copyKeys[d]!)).filter((k) => k !== undefined) : []);
    const candidates: Candidate[] = top.map((d) => {
      const doc = this.docs[d]!;
      const coverage = this.coverage(d, concepts);
      const ns = this.nameSyllables[d]!;
      let covered = 0;
      for (const s of ns) if (queryForms.has(s) || STOPWORDS.has(s) || GENERIC_NAME_WORDS.has(s)) covered++;
      const nameCoverage = ns.length ? covered / ns.length : 0;
      let same = 0;
      for (const c of accented) if (this.accents[d]!.has(c.accented)) same++;
      const accentBonus = accented.length ? 1 + (0.15 * same) / accented.length : 1;
      // Citizens first: a procedure for organisations, enterprises or foreigners only when asked.
      const forOthers = this.audience[d]!.some((w) => !queryForms.has(w));
      // The name's leading act, not said (MARKED_ACTS): kept back like a missed topic.
      const says = (w: string) => w.split(' ').every((x) => said.has(x));
      const missesAct = this.acts[d]!.some(({ words, others }) => !words.some(says) && (!others || others.some(says))) || ranges.outside(this.grades[d]!, this.ages[d]);
      // A question that says the whole name ("đăng ký tạm trú") means that procedure rather than
      // a longer one containing it ("xóa đăng ký tạm trú").
      // Likewise for a keyword said whole ("khai sinh cho con").
      const keyword = this.keywords[d]!.some((k) => k.every((w) => said.has(w)));
      const whole = (nameCoverage === 1 ? 1.25 : 1) * (keyword ? 1.15 : 1);
      // The name leads with what the question says was done ("Hòa giải …" after "hòa giải không thành").
      const lead = ns.findIndex((x) => !GENERIC_NAME_WORDS.has(x));
      const doneLead = done.length > 0 && lead >= 0 && done.includes(pairKey(ns[lead]!, ns[lead + 1] ?? ''));
      const score = (doneLead ? DONE_ACT : 1) * scores[d]! * (0.3 + coverage) * (1 + 0.5 * nameCoverage) * whole * accentBonus * doc.prior * (forOthers ? 0.9 : 1) * (missesAct ? ACT_MISSED : 1) * (doc.here === false && ownKeys.has(this.copyKeys[d]!) ? OTHER_LEVEL_COPY : 1) * (plainKeys.has(this.copyKeys[d]!) ? PLAIN_TWIN : 1) * (cooperative && this.companyOnly[d] ? OTHER_ORGANISATION : 1) * (civilian && this.armed[d] ? ARMED_ONLY : 1);
      const sp = this.strongPairs[d]!;
      // Or the whole of a short name said, its words apart ("tách khỏi hộ bố mẹ": "Tách hộ").
      const pairSupport = pairs.some((alts) => alts.some((p) => sp.has(p))) || (nameCoverage === 1 && this.nameContentCount[d]! >= 2);
      // Missing it counts only when nothing it shares with the question says a topic of its own:
      // "đổi giấy phép lái xe" shares "đổi" and "giấy phép" with a business-licence change.
      const pairTopic = topicPairs.some((p) => sp.has(p));
      const missesTopic = foreign.some((c) => this.match(d, c) < FOREIGN_MATCH) && !ownTopics.some((c) => this.match(d, c) >= TOPIC_MATCH) && !pairTopic && !(copyAsked && COPY_NAME.test(ns.join(' ')));
      const topicMatch = topics.some((c) => this.match(d, c) >= TOPIC_MATCH);
      const topicHit = pairTopic || topicMatch;
      const plainTopic = everydayTopic ? topics.some((c) => !c.everyday && this.match(d, c) >= TOPIC_MATCH) : topicMatch;
      const elsewhereWords = elsewhereOnly.filter((c) => this.match(d, c) >= TOPIC_MATCH).length;
      return { id: doc.id, kind: doc.kind, score: Math.round(score * 1000) / 1000, coverage: Math.round(coverage * 1000) / 1000, pairSupport, here: doc.here !== false, missesTopic: missesTopic || missesAct, topicHit, plainTopic, elsewhereWords, foreignName: FOREIGN_NAME.test(ns.join(' ')) };
    });
    candidates.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const names = new Map(top.map((d) => [this.docs[d]!.id, this.docs[d]!.name]));
    return { plan, candidates: onceEach(candidates, (id) => names.get(id)).slice(0, limit) };
  }

  /** Per concept of the question, how a document matches it (for tuning and tests). */
  explain(question: string, id: string): Array<{ concept: string; weight: number; match: number }> {
    const d = this.docs.findIndex((x) => x.id === id);
    if (d < 0) return [];
    const { concepts } = this.plan(question);
    return concepts.map((c) => ({
      concept: c.parts ? c.parts.map((p) => p.forms.join('/')).join('+') : c.forms.join('/'),
      weight: Math.round(c.weight * 100) / 100,
      match: Math.round(this.match(d, c) * 100) / 100,
    }));
  }

  /** How the question was read, without looking anything up (intents of a follow-up). */
  read(question: string): QueryPlan {
    return this.plan(question).plan;
  }

  get procedures(): number {
    return this.procedureCount;
  }
}
