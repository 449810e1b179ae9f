import { fold, syllables } from '../shared/vietnamese';

/**
 * Which syllables of a question make two-syllable words. Written Vietnamese puts a space between
 * every syllable, so "doi ho chieu moi" may be "đổi | hộ chiếu | mới" or "đổi họ | chiều | mới",
 * and "the chap dat" "thế chấp | đất" or "thế | (tranh) chấp đất". A pair that often stands side
 * by side is not yet a word: "chấp đất" is in five national names, all of them "tranh chấp | đất
 * đai". So the words are learnt from the catalogue's own names and keywords (countWords: a
 * unigram model of words and lone syllables, re-estimated from its own most probable readings of
 * the names), and a question is read where the product of its words' probabilities is largest
 * (dynamic programming over the syllables). A pair never read as a word is never joined; a
 * syllable that only ever stands in a word ("chiều" of "hộ chiếu") is unlikely on its own, which
 * is what decides between two readings.
 */

/** Parts of a name between punctuation marks, as folded syllables. */
export function nameParts(text: string): string[][] {
  return text
    .split(/[,;:()/.\n–-]+/)
    .map((p) => syllables(fold(p)))
    .filter((p) => p.length);
}

/**
 * Which positions start a word: the best choice of disjoint adjacent pairs, where `pair(k)` is the
 * gain of joining positions k and k+1 (undefined: they cannot be joined) against leaving them apart.
 */
export function bestPairs(n: number, pair: (k: number) => number | undefined): boolean[] {
  const best = new Array<number>(n + 1).fill(0);
  const joined = new Array<boolean>(n + 1).fill(false);
  for (let i = 2; i <= n; i++) {
    best[i] = best[i - 1]!;
    const g = pair(i - 2);
    if (g !== undefined && g > 0 && best[i - 2]! + g > best[i]!) {
      best[i] = best[i - 2]! + g;
      joined[i] = true;
    }
  }
  const starts = new Array<boolean>(n).fill(false);
  for (let i = n; i >= 2; ) {
    if (joined[i]) {
      starts[i - 2] = true;
      i -= 2;
    } else i--;
  }
  return starts;
}

/** Words (folded pairs "ho chieu") and lone syllables ("dat") counted over split names. */
export type WordCounts = Map<string, number>;

/** How many rounds of re-reading the names with the words of the round before. */
const ROUNDS = 3;

/**
 * Split names into words and count the words and lone syllables. At first every syllable and
 * every pair that stands side by side is a possible word, counted as often as it is seen; then
 * each name is read with the model of those counts (the most probable split) and the words of the
 * reading are counted again, a few rounds: "chấp đất" is seen five times, but every name it is in
 * reads better as "tranh chấp | đất đai", so after a round it is no longer a word.
 */
export function countWords(parts: string[][]): WordCounts {
  const usable = parts.filter((p) => !p.some((s) => /\d/.test(s)));
  let counts: WordCounts = new Map();
  const add = (m: WordCounts, w: string) => m.set(w, (m.get(w) ?? 0) + 1);
  for (const p of usable) {
    for (const s of p) add(counts, s);
    for (let i = 0; i + 1 < p.length; i++) add(counts, `${p[i]} ${p[i + 1]}`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const model = new WordModel(counts);
    const next: WordCounts = new Map();
    for (const p of usable) for (const w of model.split(p)) add(next, w);
    counts = next;
  }
  return counts;
}

/** Read `word<TAB>count` lines. */
export function parseWordCounts(text: string): WordCounts {
  const out: WordCounts = new Map();
  for (const l of text.split('\n')) {
    const [w, n] = l.split('\t');
    if (w && n && !w.startsWith('#')) out.set(w, Number(n));
  }
  return out;
}

/** A unigram model of words (pairs) and lone syllables, from one or more counts. */
export class WordModel {
  private readonly counts = new Map<string, number>();
  private readonly logTotal: number;

  constructor(...sources: WordCounts[]) {
    let total = 0;
    for (const src of sources) for (const [w, n] of src) (this.counts.set(w, (this.counts.get(w) ?? 0) + n), (total += n));
    this.logTotal = Math.log(Math.max(total, 1));
  }

  /** Whether a folded pair was ever read as a word. */
  isWord(pair: string): boolean {
    return (this.counts.get(pair) ?? 0) > 0;
  }

  /** Log-probability of a word or lone syllable; unseen lone syllables (story words) get a floor. */
  logP(w: string): number {
    return Math.log((this.counts.get(w) ?? 0) + 0.1) - this.logTotal;
  }

  /** The most probable reading of folded syllables as words and lone syllables. */
  split(p: string[]): string[] {
    const starts = bestPairs(p.length, (k) => this.joinGain([p[k]!], [p[k + 1]!]));
    const out: string[] = [];
    for (let i = 0; i < p.length; i++) out.push(starts[i] ? `${p[i]} ${p[++i]}` : p[i]!);
    return out;
  }

  /**
   * The gain of reading syllables a and b (each with its alternative forms: corrections) as one
   * word rather than two: undefined when no form of the pair is a word.
   */
  joinGain(a: string[], b: string[]): number | undefined {
    let best: number | undefined;
    for (const x of a) for (const y of b) {
      const p = `${x} ${y}`;
      if (!this.isWord(p)) continue;
      const g = this.logP(p) - this.logP(x) - this.logP(y);
      if (best === undefined || g > best) best = g;
    }
    return best;
  }
}
