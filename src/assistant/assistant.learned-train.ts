import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../shared/vietnamese';
import { LEARNED } from './assistant.learned-settings';

/**
 * The learned model's training (assistant.learned.ts): the features it counts of a question, the
 * counting, and the labelled questions it counts — the tuning sets and the training corpus, never
 * the held-out sets. Split from assistant.learned.ts (stop 46), where the names stay importable.
 */

export interface LabelledQuestion {
  q: string;
  /** Procedure codes the question is about ([]: out of scope, not learned from). */
  codes: string[];
  /** The eval's kind ("elsewhere": out of scope here but answered with the agency). */
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
  /** Out of scope (`expect: []`, not "elsewhere") against in scope (`background`, the questions with codes). */
  readonly scope: { outside: Counts; inside: Counts; nIn: number; nOut: number; vocabulary: number };
  /** The codes in a fixed order and, per feature, the codes that counted it (for `codeScores`). */
  readonly codes: string[];
  readonly postings: Map<string, { code: Int32Array; count: Float64Array }>;
}
type Counts = { counts: Map<string, number>; total: number };

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
  for (const { q, codes, kind, weight = 1, scope = true, scopeWeight = weight } of questions) {
    // "Elsewhere" lines are out of scope here but answered (with the agency): neither side.
    if (!codes.length && kind === 'elsewhere') continue;
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

function count(c: Counts, fs: string[], weight: number): void {
  for (const f of fs) c.counts.set(f, (c.counts.get(f) ?? 0) + weight);
  c.total += fs.length * weight;
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
