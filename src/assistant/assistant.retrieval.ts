import { accentKey, fold, syllables } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS, INTENT_VOCABULARY, LIGHT_WORDS, STOPWORDS } from './assistant.intent';
import { foreignElementTold } from './assistant.situations';
import { FOREIGN_NAME } from './assistant.foreigners';
import { ownReserve } from './assistant.own-reserve';
import { FOLDED_ABBREVIATIONS, type SynonymTable } from './assistant.synonyms';
import { agesOfName, gradesOfName, RangesAsked, type AgeRange } from './assistant.ranges';
import type { IndexDoc } from './assistant.docs';
import { countWords, nameParts, WordModel } from './assistant.segment';
import { NATIONAL_WORDS } from './lexicon/topic-words';
import { accentForm, TypoIndex } from './assistant.text';
import { ACT_MISSED, ACT_ONLY, AUDIENCE, B, CITIZENS, type Concept, conceptKey, COPY_ASKED, COPY_CERTIFIED_ASKED, COPY_NAME, copyKey, NOT_COPY_NAMED, DONE_ACT, ELSEWHERE_MIN, ELSEWHERE_SHARE, FOREIGN_MATCH, GENERIC_NAME_WORDS, K1, MARKED_ACTS, nationalRarity, OTHER_LEVEL_COPY, pairKey, PLAIN_TWIN, plainTwinKey, OTHER_ORGANISATION, saysCooperative, companyOnlyName, ARMED_ONLY, armedName, saysArmed, type Posting, RERANK, TOPIC_MATCH, UNTOPICAL } from './assistant.ranking-rules';
import { onceEach } from './assistant.ranking-rules';
import { SPLIT_ACTS } from './assistant.sibling-pulls';
import { readQuery, type QueryIndex, type QueryPlan } from './assistant.query';
import { ConceptMatcher } from './assistant.concept-match';
import type { Candidate } from './assistant.candidate';

/**
 * Retrieval over one unit's catalogue and FAQ, written for Vietnamese questions:
 * - terms are folded syllables and folded syllable pairs (most words have two syllables);
 * - fields are weighted (name, keywords, FAQ question > summary > components);
 * - BM25-like scores pick candidates, then each candidate is re-ranked by how much of the
 *   question it covers (IDF-weighted), how much of its own name the question covers, and whether
 *   syllables typed with marks match with the same marks (exact-accent bonus) — how a document
 *   matches each concept of the question is assistant.concept-match.ts;
 * - abbreviations and colloquial names are expanded from the synonym table, Telex/VNI leftovers
 *   are decoded, and syllables of four letters or more that the index does not know are
 *   corrected when one edit away from a known one; shorter syllables are only corrected when the
 *   pair they form is unknown and a regional spelling variant forms a known pair ("tạm chú").
 */

export interface RetrievalResult {
  plan: QueryPlan;
  candidates: Candidate[];
}

export { copyKey };
export type { Candidate, QueryPlan };

/** What follows the "đi lại" of moving about, not of doing again ("đi lại khó khăn", "đi lại bất tiện"). */
const MOVING_ABOUT: ReadonlySet<string> = new Set(['kho', 'bat', 'han', 'ieu']);

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
  /** How a document matches a concept of the question, read from the sets above (assistant.concept-match.ts). */
  private readonly matcher = new ConceptMatcher(this.postings, this.strong, this.any, this.accents, this.strongPairs);
  /** Keywords of each document as folded syllables (two or more). */
  private readonly keywords: string[][][] = [];
  /** Words of a name saying the procedure is for someone other than a citizen ("tổ chức", "doanh nghiệp"). */
  private readonly audience: string[][] = [];
  /** The marked act each name leads with (MARKED_ACTS), as the folded words that say it. */
  private readonly acts: Array<Array<{ words: string[]; others?: string[]; thing?: boolean }>> = [];
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
  /** What reading a question needs of this index (assistant.query.ts). */
  private readonly view: QueryIndex;

  constructor(
    docs: IndexDoc[],
    synonyms: SynonymTable,
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
    this.view = {
      isKnown: (f) => this.isKnown(f),
      docCount: (t) => this.postings.get(t)?.docs.length ?? 0,
      conceptWeight: (forms) => this.conceptWeight(forms),
      cap: this.cap,
      typo: this.typo,
      words: this.words,
      synonyms,
      pairs: this.pairs,
      wordPairs: this.wordPairs,
      namePairs: this.namePairs,
      strongDf: this.strongDf,
      contentFolds: this.contentFolds,
      leadWords: this.leadWords,
    };
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
    this.acts.push(d.kind === 'procedure' ? MARKED_ACTS.filter(([re]) => re.test(name)).map(([re, words, others]) => ({ words, others, thing: SPLIT_ACTS.some(([x]) => x === re) })) : []);
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

  /** How well a document matches one concept, 0..1 (assistant.concept-match.ts). */
  private match(d: number, c: Concept): number {
    return this.matcher.match(d, c);
  }

  /** The documents that answer a question, best first. */
  search(question: string, opts: { limit?: number } = {}): RetrievalResult {
    const limit = opts.limit ?? 10;
    const { plan, terms, concepts, pairs, topicPairs, done, situations } = readQuery(question, this.view);
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
    // Pass 28: the unit's own records best by base score, kept although other levels' fill the cut.
    top.push(...ownReserve(scores, top, (d) => this.docs[d]!.here !== false));
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
    // "Lấy" ("lấy chồng", unmarked "lay vo") folds to "lai" but does not say "lại"; nor does the
    // "đi lại" of moving about ("đi lại khó", "đi lại không được": pass 24, a mobile registration).
    const saysAgain = plan.tokens.some(
      (t, i) => t.folded === 'lai' && t.accented !== 'lấy' && !['chong', 'vo'].includes(plan.tokens[i + 1]?.folded ?? '') && !(plan.tokens[i - 1]?.folded === 'di' && MOVING_ABOUT.has(plan.tokens[i + 1]?.folded ?? '')),
    );
    if (!saysAgain && !concepts.some((c) => c.expansions.some((e) => e.includes('lai')))) said.delete('lai');
    const asked = plan.tokens.map((t) => t.folded);
    const ranges = new RangesAsked(asked);
    const copyAsked = COPY_ASKED.test(asked.join(' '));
    const certifyCopy = COPY_CERTIFIED_ASKED.test(asked.join(' '));
    const cooperative = saysCooperative(asked);
    const civilian = !saysArmed(asked);
    const ownKeys = new Set(top.filter((d) => this.docs[d]!.here !== false && this.copyKeys[d]).map((d) => this.copyKeys[d]!));
    // A foreign element told: the ordinary twins of the records "… có yếu tố nước ngoài" found.
    const plainKeys = new Set(foreignElementTold(situations) ? top.map((d) => plainTwinKey(this.copyKeys[d]!)).filter((k) => k !== undefined) : []);
    const candidates: Candidate[] = top.map((d) => {
      const doc = this.docs[d]!;
      const coverage = this.matcher.coverage(d, concepts);
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
      // Another thing than the name's said instead of it (a plot for "Tách hộ", SPLIT_ACTS) — not another act on the same thing, which the learned model may still propose.
      const otherAct = this.acts[d]!.some(({ words, others, thing }) => thing && !words.some(says) && !!others?.some(says));
      // A question that says the whole name ("đăng ký tạm trú") means that procedure rather than
      // a longer one containing it ("xóa đăng ký tạm trú").
      // Likewise for a keyword said whole ("khai sinh cho con").
      const keyword = this.keywords[d]!.some((k) => k.every((w) => said.has(w)));
      const whole = (nameCoverage === 1 ? 1.25 : 1) * (keyword ? 1.15 : 1);
      // The name leads with what the question says was done ("Hòa giải …" after "hòa giải không thành").
      const lead = ns.findIndex((x) => !GENERIC_NAME_WORDS.has(x));
      const doneLead = done.length > 0 && lead >= 0 && done.includes(pairKey(ns[lead]!, ns[lead + 1] ?? ''));
      const score = (doneLead ? DONE_ACT : 1) * scores[d]! * (0.3 + coverage) * (1 + 0.5 * nameCoverage) * whole * accentBonus * doc.prior * (forOthers ? 0.9 : 1) * (missesAct ? ACT_MISSED : 1) * (doc.here === false && ownKeys.has(this.copyKeys[d]!) ? OTHER_LEVEL_COPY : 1) * (plainKeys.has(this.copyKeys[d]!) ? PLAIN_TWIN : 1) * (cooperative && this.companyOnly[d] ? OTHER_ORGANISATION : 1) * (civilian && this.armed[d] ? ARMED_ONLY : 1) * (certifyCopy && !COPY_NAME.test(ns.join(' ')) ? NOT_COPY_NAMED : 1);
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
      return { id: doc.id, kind: doc.kind, score: Math.round(score * 1000) / 1000, coverage: Math.round(coverage * 1000) / 1000, pairSupport, here: doc.here !== false, missesTopic: missesTopic || missesAct, otherAct, topicHit, plainTopic, elsewhereWords, foreignName: FOREIGN_NAME.test(ns.join(' ')) };
    });
    candidates.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const names = new Map(top.map((d) => [this.docs[d]!.id, this.docs[d]!.name]));
    return { plan, candidates: onceEach(candidates, (id) => names.get(id)).slice(0, limit) };
  }

  /** Per concept of the question, how a document matches it (for tuning and tests). */
  explain(question: string, id: string): Array<{ concept: string; weight: number; match: number }> {
    const d = this.docs.findIndex((x) => x.id === id);
    if (d < 0) return [];
    const { concepts } = readQuery(question, this.view);
    return concepts.map((c) => ({
      concept: c.parts ? c.parts.map((p) => p.forms.join('/')).join('+') : c.forms.join('/'),
      weight: Math.round(c.weight * 100) / 100,
      match: Math.round(this.match(d, c) * 100) / 100,
    }));
  }

  /** How the question was read, without looking anything up (intents of a follow-up). */
  read(question: string): QueryPlan {
    return readQuery(question, this.view).plan;
  }

  get procedures(): number {
    return this.procedureCount;
  }
}
