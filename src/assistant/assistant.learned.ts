import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../shared/vietnamese';
import type { Candidate } from './assistant.retrieval';

/**
 * A signal learned from our own labelled questions (issue 15): a multinomial naive Bayes model over
 * the folded syllables and syllable pairs of the question, one class per national procedure code
 * (`expect` of the tuning sets, `code` of their fact questions), smoothed towards the model of all
 * questions. It finds no procedure: it re-orders the first few the retrieval found, lifting those
 * whose labelled questions were worded like this one, and leaves their scores (the margins the
 * decision reads) as the retrieval gave them; a code it is very sure of that the retrieval found
 * further down (within its first 60) is put first (`propose`). A code nobody labelled is neither
 * lifted nor lowered.
 * The same counts, in scope against out of scope, give `outOfScopeOdds`, one more piece of evidence
 * for declining (assistant.decide.ts). Over every labelled code (`codeScores`), the model names the
 * code it is sure of (`sureCode`): when the retrieval puts it first too, the decision offers it
 * rather than handing over or declining. `readLearned` gives
 * all three from one reading of the question's features.
 * Trained once per process from src/assistant/eval/tuning/ and the training corpus beside it,
 * src/assistant/eval/training/ (counting): a server does it before it listens (`prepareLearned`),
 * anything else at first use; the held-out sets are never read. Pure and deterministic. Measured by leave-one-set-out
 * cross-validation (scripts/cv-assistant-learned.ts, docs/assistant-history.md).
 */

export interface LabelledQuestion {
  q: string;
  /** Procedure codes the question is about ([]: out of scope, not learned from). */
  codes: string[];
  /** The eval's kind ("elsewhere": another agency's matter, out of scope here: learned as such since pass 28). */
  kind?: string;
  /** How much the question counts (1 unless set: the training corpus's `corpusWeight`). */
  weight?: number;
  /** false: counted for the codes only, not for the scope odds (the training corpus unless `corpusScope`). */
  scope?: boolean;
  /** How much it counts for the scope odds (`weight` unless set). */
  scopeWeight?: number;
}

export interface LearnedModel {
  /** Per code: feature → count, and the total count. */
  readonly classes: Map<string, Counts>;
  /** All questions with codes together: the model of a code nobody labelled, and the in-scope side of `scope`. */
  readonly background: Counts;
  readonly vocabulary: number;
  /** Out of scope (`expect: []`, "elsewhere" too) against in scope (`background`, the questions with codes). */
  readonly scope: { outside: Counts; inside: Counts; nIn: number; nOut: number; vocabulary: number };
  /** The codes in a fixed order and, per feature, the codes that counted it (for `codeScores`). */
  readonly codes: string[];
  readonly postings: Map<string, { code: Int32Array; count: Float64Array }>;
}
type Counts = { counts: Map<string, number>; total: number };

/**
 * How the lift is fused: a candidate's score × (1 + weight × lift) orders the first `candidates`;
 * the lift is the mean per-word log ratio, clipped to [minLift, maxLift]; `mu` is the smoothing.
 * weight is that of a question asking which procedure; factWeight that of one asking a fact of it (a
 * fee, time, papers, place…: the intent's aspects), whose short wording a model of whole questions
 * re-orders wrongly more often (pass 21: a heavier weight for all gained procedure questions and lost
 * fact ones on the folds; pass 22, r7weight).
 * keepScores 1: only the order is learned (0, the scores moved too, made an ambiguous "thẻ căn
 * cước lệ phí bao nhiêu" answered instead of offered as choices, and lost more declines).
 * scopeOdds, scopeBelow: an answer or choices less sure than `scopeBelow` are declined when the
 * scope model's out-of-scope log-odds reach `scopeOdds` (assistant.decide.ts).
 * sureLift, sureGap: a code is the model's sure one when its mean lift (unclipped) reaches
 * `sureLift` and every other code's is `sureGap` below it; with the scope odds at most `sureOdds`
 * and the retrieval's first procedure that code, done here and at least `sureConfidence` sure, a
 * hand-over or refusal becomes the offer of it. sureAnswer 1: choices led by it are answered too,
 * unless another covers the question as much (assistant.decide.ts, tiedChoice: without that it
 * answered the ambiguous "thẻ căn cước lệ phí bao nhiêu" the citizen must choose for).
 * sureOdds −1 and sureConfidence 0.15 (were −5 and 0.2; pass 15, calib): over every tuning and
 * training set on both catalogues, most in-scope hand-overs had the right code first of the
 * retrieval's list and the model sure of it, a long story lowering its confidence to 0.1–0.2; the
 * folds gained 6 top-1 and top-3 and declined as many (0.1 lost one decline, −1 alone gained 3).
 * scopeAlways: from these out-of-scope log-odds an answer or choices are declined however sure the
 * rules are (held out by file, no in-scope question of ours reached 3; 3 and 5 gained the same on
 * the folds, so the wider margin).
 * proposeLift, proposeGap, proposeOdds, proposeDepth: the model's own first code, found by the
 * retrieval within its first `proposeDepth` but not its first `candidates`, is put first when its
 * lift and lead reach these and the scope odds are at most `proposeOdds` (`propose`; 0: off).
 * corpusWeight: how much a training-corpus question counts against a tuning one (0.5 and 2 did
 * no better on the folds than 1). corpusScope 0: the corpus teaches the codes only, the scope odds
 * stay the tuning sets' (counted there too, its in-scope lines saying "đấu giá", "chứng chỉ hành
 * nghề" let an auctioneer's licence be answered, and the folds declined 1–4 fewer).
 * scopeEqual 1: each tuning file counts for the scope odds as much as an average file
 * (`tuningQuestions`; pass 17, r2calib): pass 16's four sets (560 lines, 410 in scope) lowered the
 * odds of our out-of-scope lines by about one (an auctioneer's licence 6.2 → 4.9, a sick note for
 * school 5.2 → 4.1, both no longer declined by `scopeAlways`). Counted by file, the sick note is
 * declined again (5.4; the licence stays answered on the demo catalogue, 3.7); the folds declined
 * 3 (demo) and 2 (full) more for one top-1 less on demo, in-sample +2 / 0 top-1, +1 / +1 declined.
 * storyMissOdds: a long story whose first procedure misses a topic word of the question (a word of
 * the story no procedure here has: "KCN", "trông nom") is still offered when its scope odds are at
 * most this (assistant.decide.ts, storyInScope; pass 19, r4story; −1000: off).
 * sureFirst 1: an answer the rules give to a procedure below the first of the list, while that
 * first is the sure code (the ward's own, missing no topic, the odds at most `sureOdds`), goes to the
 * sure code (pass 23, r8decide; 0: off). firstBeside 1: choices the rules offer for a question no
 * procedure covers enough, without the first of the list (the retrieval's order as this model
 * re-ordered it), get that first before them when it is the ward's own named with the question's
 * words (assistant.decide.ts, firstBeside; 0: off). Both settings here so that the folds compare them.
 * elsewhereScope: how much an out-of-scope line of kind "elsewhere" (another agency's matter) counts
 * for the scope odds (pass 28, r13agency; 0: skipped, as before). At 1, over all tuning sets, 64 more
 * out-of-scope lines were declined on the demo catalogue but 5 top-1 lines were lost there and 11 on
 * the full catalogue, whose other agencies' lines pointed to their own records (naming the agency)
 * were declined naming none; even 0.02 lifts "xin chứng chỉ hành nghề đấu giá" from odds 1.9 to 5.3
 * (declined however sure, though the full catalogue has its record): the scope odds sum every word's
 * ratio, and the licence words are mostly in "elsewhere" lines. Those lines are answered by the
 * offices' tables (assistant.agency-told.ts and the others) instead.
 */
export const LEARNED = { weight: 0.75, factWeight: 0.5, candidates: 5, maxLift: 1, minLift: -0.5, mu: 30, keepScores: 1, scopeOdds: 0, scopeBelow: 0.6, sureLift: 1, sureGap: 0.5, sureOdds: -1, sureConfidence: 0.15, sureAnswer: 1, scopeAlways: 5, proposeLift: 1, proposeGap: 1, proposeOdds: -10, proposeDepth: 60, corpusWeight: 1, corpusScope: 0, scopeEqual: 1, storyMissOdds: -30, sureFirst: 1, firstBeside: 1, elsewhereScope: 0 };

/** Folded syllables and adjacent pairs of a question: what the model counts. */
export function features(text: string): string[] {
  const nfc = text.normalize('NFC');
  const syl = fold(nfc).match(/[a-z0-9]+/g) ?? [];
  const said = saidWords(nfc, syl.length);
  if (!said) {
    const out = [...syl];
    for (let i = 0; i + 1 < syl.length; i++) out.push(`${syl[i]} ${syl[i + 1]}`);
    return out;
  }
  const out = syl.filter((_, i) => !said.words.has(i));
  for (let i = 0; i + 1 < syl.length; i++) if (!said.words.has(i) && !said.words.has(i + 1) && !said.pairs.has(i)) out.push(`${syl[i]} ${syl[i + 1]}`);
  return out;
}

/**
 * Hearsay and where-to-ask, written with their marks, whose folded form is also a topic's: the
 * "nghe" of "nghe nói", "nghe đâu", "nghe bảo" (I hear) is "nghề" (a trade: "chứng chỉ hành nghề",
 * "nghề đấu giá"), "hỏi đâu" (where to ask) is "hói đầu" (baldness). Where a question has them with
 * their marks, the hearsay's "nghe" (the word and its pairs) and the pair "hỏi đâu" are no feature,
 * so that our in-scope lines telling "nghe đâu có diện …" do not teach the scope odds that a licence
 * to practise or a bald head typed without marks is in scope (pass 19: procedures-22 lowered them by
 * 0.5–0.9). Typed without marks they may be either: kept.
 */
const HEARSAY = new Set(['nghe nói', 'nghe đâu', 'nghe bảo', 'nghe đồn', 'nghe kể', 'nghe loa']);
const SAID_PAIRS = new Set(['hỏi đâu']);

/** Where the question has `HEARSAY` (its first word) and `SAID_PAIRS` (null when there are none, or the marked words do not line up with the folded ones). */
function saidWords(nfc: string, n: number): { words: Set<number>; pairs: Set<number> } | null {
  const words = nfc.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length !== n) return null;
  const at = { words: new Set<number>(), pairs: new Set<number>() };
  for (let i = 0; i + 1 < n; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (HEARSAY.has(pair)) at.words.add(i);
    if (SAID_PAIRS.has(pair)) at.pairs.add(i);
  }
  return at.words.size || at.pairs.size ? at : null;
}

export function train(questions: LabelledQuestion[]): LearnedModel {
  const classes = new Map<string, Counts>();
  const background: Counts = { counts: new Map(), total: 0 };
  const outside: Counts = { counts: new Map(), total: 0 };
  const inside: Counts = { counts: new Map(), total: 0 };
  const vocab = new Set<string>();
  const scopeVocab = new Set<string>();
  let nIn = 0;
  let nOut = 0;
  for (const { q, codes, kind, weight = 1, scope = true, scopeWeight: sw = weight } of questions) {
    // "Elsewhere" lines (another agency's matter) count as out of scope by `elsewhereScope` (0: not at all).
    const elsewhere = !codes.length && kind === 'elsewhere';
    if (elsewhere && !LEARNED.elsewhereScope) continue;
    const scopeWeight = elsewhere ? sw * LEARNED.elsewhereScope : sw;
    const fs = features(q);
    for (const f of fs) vocab.add(f);
    if (scope) for (const f of fs) scopeVocab.add(f);
    if (!codes.length) {
      if (!scope) continue;
      count(outside, fs, scopeWeight);
      nOut += scopeWeight;
      continue;
    }
    count(background, fs, weight);
    if (scope) {
      count(inside, fs, scopeWeight);
      nIn += scopeWeight;
    }
    for (const code of codes) {
      let c = classes.get(code);
      if (!c) classes.set(code, (c = { counts: new Map(), total: 0 }));
      count(c, fs, weight);
    }
  }
  const codes = [...classes.keys()].sort();
  const lists = new Map<string, { code: number[]; count: number[] }>();
  codes.forEach((code, i) => {
    for (const [f, n] of classes.get(code)!.counts) {
      let l = lists.get(f);
      if (!l) lists.set(f, (l = { code: [], count: [] }));
      l.code.push(i);
      l.count.push(n);
    }
  });
  const postings = new Map([...lists].map(([f, l]) => [f, { code: Int32Array.from(l.code), count: Float64Array.from(l.count) }]));
  return { classes, background, vocabulary: vocab.size, scope: { outside, inside, nIn, nOut, vocabulary: scopeVocab.size }, codes, postings };
}

/**
 * Every labelled code's log-likelihood ratio against the model of all questions (the sum `lift`
 * averages), from the postings: a feature the code never counted adds the same log(μ / (N + μ)),
 * one it counted n times adds log(1 + n / (μ·p)) on top. Ordered by `model.codes`, with the number of
 * the question's features the model knows (`known`); null when it knows none.
 */
export function codeScores(model: LearnedModel, fs: string[]): { scores: Float64Array; known: number } | null {
  const scores = new Float64Array(model.codes.length);
  const bgTotal = model.background.total;
  let known = 0;
  for (const f of fs) {
    const bg = model.background.counts.get(f);
    if (!bg) continue;
    known++;
    const post = model.postings.get(f)!;
    const muP = (LEARNED.mu * bg) / bgTotal;
    for (let i = 0; i < post.code.length; i++) scores[post.code[i]!]! += Math.log(1 + post.count[i]! / muP);
  }
  if (!known) return null;
  for (let i = 0; i < scores.length; i++) scores[i]! += known * Math.log(LEARNED.mu / (model.classes.get(model.codes[i]!)!.total + LEARNED.mu));
  return { scores, known };
}

function count(c: Counts, fs: string[], weight: number): void {
  for (const f of fs) c.counts.set(f, (c.counts.get(f) ?? 0) + weight);
  c.total += fs.length * weight;
}

/**
 * Mean log-likelihood ratio per known feature of the question under a code's model against the
 * model of all questions: > 0 when the code's labelled questions use these words more.
 */
export function lift(model: LearnedModel, code: string, fs: string[]): number {
  const c = model.classes.get(code);
  if (!c) return 0;
  const bgTotal = model.background.total;
  let sum = 0;
  let n = 0;
  for (const f of fs) {
    const bg = model.background.counts.get(f);
    if (!bg) continue;
    // Dirichlet smoothing towards the model of all questions: a code with few labelled questions
    // is pulled to it rather than punished for every word its few questions did not use.
    const pBg = bg / bgTotal;
    sum += Math.log(((c.counts.get(f) ?? 0) + LEARNED.mu * pBg) / (c.total + LEARNED.mu) / pBg);
    n++;
  }
  return n ? Math.min(LEARNED.maxLift, Math.max(LEARNED.minLift, sum / n)) : 0;
}

/**
 * How sure the model is that a question is out of scope: the naive Bayes log-odds (out against
 * in, Laplace-smoothed, prior included) over the question's features either side has seen;
 * -Infinity without a model.
 */
export function outOfScopeOdds(question: string, model: LearnedModel | null = activeModel()): number {
  return model ? scopeOdds(model, features(question)) : -Infinity;
}

function scopeOdds(model: LearnedModel, fs: string[]): number {
  const { outside, inside, nIn, nOut, vocabulary: v } = model.scope;
  if (!nIn || !nOut) return -Infinity;
  let odds = Math.log(nOut / nIn);
  for (const f of fs) {
    const a = outside.counts.get(f) ?? 0;
    const b = inside.counts.get(f) ?? 0;
    if (!a && !b) continue;
    odds += Math.log((a + 1) / (outside.total + v)) - Math.log((b + 1) / (inside.total + v));
  }
  return odds;
}

/** The model's first code over every labelled one, its mean lift and its lead over the second's. */
export interface ModelLead {
  code: string;
  lift: number;
  gap: number;
}

export function modelLead(model: LearnedModel, fs: string[]): ModelLead | undefined {
  const read = codeScores(model, fs);
  if (!read) return undefined;
  const { scores, known } = read;
  let first = -1;
  let second = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (first < 0 || scores[i]! > scores[first]!) {
      if (first >= 0) second = scores[first]!;
      first = i;
    } else if (scores[i]! > second) second = scores[i]!;
  }
  const lift = scores[first]! / known;
  return { code: model.codes[first]!, lift, gap: lift - second / known };
}

/**
 * The code the model itself is sure of, whatever the retrieval found: the first of every labelled
 * code by mean lift (`codeScores` over the known features), when that lift reaches `sureLift` and
 * the second code's is at least `sureGap` below it.
 */
export function sureCode(model: LearnedModel, fs: string[]): string | undefined {
  return isSure(modelLead(model, fs));
}
const isSure = (lead: ModelLead | undefined) => (lead && lead.lift >= LEARNED.sureLift && lead.gap >= LEARNED.sureGap ? lead.code : undefined);

/** What the learned model says of a question, its features read once (assistant.service.ts). */
export interface LearnedReading {
  /** The retrieval's candidates, the first few re-ordered (`rerankLearned`). */
  candidates: Candidate[];
  /** `outOfScopeOdds`. */
  outOdds: number;
  /** `sureCode`: offered rather than handed over when the retrieval puts it first too (assistant.decide.ts). */
  sure?: string;
}

/**
 * `shown`: how many candidates the reading keeps (the service's 8); the retrieval may give more, so
 * that the model can propose its own code from further down (`propose`). `factAsked`: the question
 * asks a fact of the procedure (the intent's aspects), re-ordered with `factWeight` (`reorderWeight`).
 */
export function readLearned(question: string, candidates: Candidate[], model: LearnedModel | null = activeModel(), shown = candidates.length, factAsked = false): LearnedReading {
  if (!model) return { candidates: candidates.slice(0, shown), outOdds: -Infinity };
  const fs = features(question);
  const outOdds = scopeOdds(model, fs);
  const lead = modelLead(model, fs);
  const ranked = propose(rerank(model, fs, candidates, reorderWeight(factAsked)), lead, outOdds);
  return { candidates: ranked.slice(0, shown), outOdds, sure: isSure(lead) };
}

/**
 * The model's own code put first when the retrieval found it, done here, but not among its first
 * `candidates` (which the re-ordering reads): when the model leads every other code by
 * `proposeGap` with a mean lift of `proposeLift`, on a question worded like our in-scope ones
 * (scope odds at most `proposeOdds`). The scores stay in their places, as the re-ordering's do.
 */
function propose(candidates: Candidate[], lead: ModelLead | undefined, outOdds: number): Candidate[] {
  if (!lead || lead.lift < LEARNED.proposeLift || lead.gap < LEARNED.proposeGap || outOdds > LEARNED.proposeOdds) return candidates;
  const at = candidates.findIndex((c) => c.id === lead.code);
  if (at < LEARNED.candidates || at >= LEARNED.proposeDepth || !candidates[at]!.here) return candidates;
  const moved = [candidates[at]!, ...candidates.slice(0, at), ...candidates.slice(at + 1)];
  return moved.map((c, i) => (i <= at ? { ...c, score: candidates[i]!.score } : c));
}

/** The tuning sets the model learns from (never the held-out sets beside them). */
export const TUNING_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval', 'tuning');
/**
 * The training corpus the model learns from too: labelled questions written to be learned from, in
 * the tuning sets' line format, and never a score (the eval does not run them). May be absent.
 */
export const TRAINING_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval', 'training');

/** Our labelled questions of one file: procedure questions (`expect`) and fact questions (`code`). */
export function readLabelled(file: string): LabelledQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { q: string; expect?: string[]; code?: string; kind?: string })
    .map((x) => ({ q: x.q, codes: x.expect ?? (x.code ? [x.code] : []), kind: x.kind }));
}

/** The `.jsonl` files of a folder, in name order; none when it does not exist. */
export function labelledFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The model of every tuning file and every training file, trained once on first use (counting
 * ~3,800 tuning and ~2,600 training questions). `training` null: the tuning files alone.
 */
export function tuningModel(dir = TUNING_DIR, training: string | null = TRAINING_DIR): LearnedModel {
  return train([...tuningQuestions(labelledFiles(dir)), ...(training ? corpusOf(labelledFiles(training).flatMap(readLabelled)) : [])]);
}

/**
 * The tuning files' questions; with `scopeEqual`, each file counts for the scope odds as much as an
 * average file (its lines weighted by the mean file's length over its own), so that a set of long
 * stories or of everyday questions added does not move every other line's odds by its size alone.
 */
export function tuningQuestions(files: string[]): LabelledQuestion[] {
  const per = files.map(readLabelled);
  if (!LEARNED.scopeEqual) return per.flat();
  const mean = per.reduce((a, x) => a + x.length, 0) / (per.length || 1);
  return per.flatMap((x) => x.map((q) => ({ ...q, scopeWeight: mean / x.length })));
}

/** Training-corpus questions, weighted by `corpusWeight`. */
export function corpusOf(questions: LabelledQuestion[]): LabelledQuestion[] {
  return questions.map((x) => ({ ...x, weight: LEARNED.corpusWeight, scope: LEARNED.corpusScope === 1 }));
}

/** The model used by the assistant: the tuning sets' unless set (null: no learned signal). */
let current: LearnedModel | null | undefined;
export function useLearnedModel(m: LearnedModel | null | undefined): void {
  current = m;
}
/**
 * Trains the model now rather than at the first question (a server does it before it listens: with
 * ~6,900 tuning and ~5,300 corpus lines, 0.85–1.3 s wall at load 2–3, pass 21).
 */
export function prepareLearned(): void {
  activeModel();
}
function activeModel(): LearnedModel | null {
  if (current === undefined) current = tuningModel();
  return current;
}

/**
 * The retrieval's candidates with the first few procedures' scores moved by the learned lift and
 * re-sorted among themselves (the rest keep their place after them).
 */
export function rerankLearned(question: string, candidates: Candidate[], model: LearnedModel | null = activeModel(), factAsked = false): Candidate[] {
  return model ? rerank(model, features(question), candidates, reorderWeight(factAsked)) : candidates;
}

/** The re-ordering's weight: `factWeight` when the question asks a fact of the procedure, `weight` when it asks which one. */
export function reorderWeight(factAsked: boolean): number {
  return factAsked ? LEARNED.factWeight : LEARNED.weight;
}

function rerank(model: LearnedModel, fs: string[], candidates: Candidate[], weight: number): Candidate[] {
  if (candidates.length < 2) return candidates;
  const k = Math.min(LEARNED.candidates, candidates.length);
  const head = candidates.slice(0, k).map((c) => (c.kind === 'procedure' ? { ...c, score: c.score * (1 + weight * lift(model, c.id, fs)) } : c));
  head.sort((a, b) => b.score - a.score);
  // keepScores: the order is learned, the scores (and so the margins the decision reads) stay the retrieval's.
  if (LEARNED.keepScores) for (let i = 0; i < k; i++) head[i] = { ...head[i]!, score: candidates[i]!.score };
  return [...head, ...candidates.slice(k)];
}
