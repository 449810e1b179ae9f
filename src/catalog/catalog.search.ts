import { accentKey, fold, hasDiacritics, syllables } from '../shared/vietnamese';

/**
 * In-memory search over procedures, written for Vietnamese:
 * - terms are folded syllables (no marks, đ→d, y→i) and folded syllable pairs, because most
 *   Vietnamese words have two syllables ("khai sinh", "kết hôn");
 * - fields are weighted (name > keywords > field > summary > components);
 * - scores are BM25-like with saturation and length normalisation;
 * - a query typed with diacritics ranks documents with the same accents higher (tone placement
 *   unified, so "hoà" matches "hòa" exactly);
 * - the last syllable also matches as a prefix, so results come while the citizen types.
 */

export interface SearchDoc {
  code: string;
  name: string;
  field: string;
  summary: string;
  keywords: string[];
  components: string[];
}

export interface SearchHit {
  code: string;
  score: number;
}

const WEIGHTS = { name: 3, keywords: 2.2, field: 1.2, summary: 0.8, components: 0.35 } as const;
const PAIR_BOOST = 1.6;
const K1 = 1.2;
const MIN_RELATIVE_SCORE = 0.2;
/** The largest factor the boosts below can apply together (1.35 × 1.8 × 1.15). */
const BOOST_MAX = 1.35 * 1.8 * 1.15;
const B = 0.6;

function termsOf(text: string): { singles: string[]; pairs: string[] } {
  const syl = syllables(fold(text));
  const pairs: string[] = [];
  for (let i = 0; i + 1 < syl.length; i++) pairs.push(`${syl[i]} ${syl[i + 1]}`);
  return { singles: syl, pairs };
}

export class SearchIndex {
  private readonly codes: string[] = [];
  private readonly foldedNames: string[] = [];
  /** Name syllables without the generic "thủ tục" prefix, for the coverage boost. */
  private readonly nameSyllables: string[][] = [];
  private readonly accentNames: Array<Set<string>> = [];
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  private readonly docLen: number[] = [];
  private avgLen = 1;
  private sortedTerms: string[] = [];
  private readonly byCode = new Map<string, number>();

  constructor(docs: Iterable<SearchDoc>) {
    for (const d of docs) this.add(d);
    this.finish();
  }

  get size(): number {
    return this.codes.length;
  }

  private add(d: SearchDoc): void {
    const id = this.codes.length;
    this.codes.push(d.code);
    this.byCode.set(d.code, id);
    const nameSyl = syllables(fold(d.name));
    this.foldedNames.push(nameSyl.join(' '));
    this.nameSyllables.push(nameSyl[0] === 'thu' && nameSyl[1] === 'tuc' ? nameSyl.slice(2) : nameSyl);
    this.accentNames.push(new Set(accentKey(d.name).split(' ')));
    const tf = new Map<string, number>();
    let len = 0;
    const put = (text: string, w: number) => {
      const { singles, pairs } = termsOf(text);
      for (const t of singles) tf.set(t, (tf.get(t) ?? 0) + w);
      for (const t of pairs) tf.set(t, (tf.get(t) ?? 0) + w * PAIR_BOOST);
      len += singles.length * w;
    };
    put(d.name, WEIGHTS.name);
    for (const k of d.keywords) put(k, WEIGHTS.keywords);
    put(d.field, WEIGHTS.field);
    put(d.summary, WEIGHTS.summary);
    for (const c of d.components) put(c, WEIGHTS.components);
    this.docLen.push(len);
    for (const [t, w] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { docs: [], weights: [] }));
      p.docs.push(id);
      p.weights.push(w);
    }
  }

  private finish(): void {
    const n = this.docLen.length;
    this.avgLen = n ? this.docLen.reduce((a, b) => a + b, 0) / n : 1;
    this.sortedTerms = [...this.postings.keys()].filter((t) => !t.includes(' ')).sort();
  }

  private idf(df: number): number {
    const n = this.codes.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private accumulate(scores: Float64Array, term: string, factor: number, allowed?: Uint8Array): boolean {
    const p = this.postings.get(term);
    if (!p) return false;
    const idf = this.idf(p.docs.length) * factor;
    const { docs, weights } = p;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (allowed && !allowed[d]) continue;
      const tf = weights[i]!;
      const norm = 1 - B + (B * this.docLen[d]!) / this.avgLen;
      scores[d]! += (idf * (tf * (K1 + 1))) / (tf + K1 * norm);
    }
    return true;
  }

  private prefixTerms(prefix: string, limit = 12): string[] {
    const out: string[] = [];
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sortedTerms.length && out.length < limit; i++) {
      const t = this.sortedTerms[i]!;
      if (!t.startsWith(prefix)) break;
      if (t !== prefix) out.push(t);
    }
    return out;
  }

  /** A mask of allowed documents for a set of codes (a unit's catalogue). */
  mask(codes: Iterable<string>): Uint8Array {
    const m = new Uint8Array(this.codes.length);
    for (const c of codes) {
      const i = this.byCode.get(c);
      if (i !== undefined) m[i] = 1;
    }
    return m;
  }

  search(query: string, opts: { limit?: number; allowed?: Uint8Array } = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    const q = query.normalize('NFC').trim();
    if (!q) return [];
    const { singles, pairs } = termsOf(q);
    if (!singles.length) return [];
    const scores = new Float64Array(this.codes.length);
    let matchedAny = false;
    for (let i = 0; i < singles.length; i++) {
      const t = singles[i]!;
      const found = this.accumulate(scores, t, 1, opts.allowed);
      matchedAny ||= found;
      // A syllable still being typed ("khai si"): match the longer syllables it begins. A
      // complete syllable is not expanded ("tru" must not pull in every "trường hợp").
      if (!found && i === singles.length - 1 && t.length >= 2 && !q.endsWith(' ')) {
        for (const ext of this.prefixTerms(t)) matchedAny = this.accumulate(scores, ext, 0.5, opts.allowed) || matchedAny;
      }
    }
    for (const t of pairs) this.accumulate(scores, t, 1.5, opts.allowed);
    if (!matchedAny) return [];

    const phrase = singles.join(' ');
    const querySet = new Set(singles);
    const accented = hasDiacritics(q) ? accentKey(q).split(' ') : null;
    // Boosts multiply the base score by at most BOOST_MAX, so documents whose base score is
    // already below the final cut-off can be skipped before the per-document work.
    let best = 0;
    for (let d = 0; d < scores.length; d++) if (scores[d]! > best) best = scores[d]!;
    const skipBelow = (best * MIN_RELATIVE_SCORE) / BOOST_MAX;
    const hits: SearchHit[] = [];
    for (let d = 0; d < scores.length; d++) {
      let s = scores[d]!;
      if (s <= 0 || s < skipBelow) continue;
      const name = this.foldedNames[d]!;
      if (name.includes(phrase)) s *= 1.35;
      // Prefer the procedure whose name the query covers most: "đăng ký kết hôn" is the
      // marriage registration, not the mobile one ("… kết hôn lưu động").
      const ns = this.nameSyllables[d]!;
      if (ns.length) {
        let covered = 0;
        for (const t of ns) if (querySet.has(t)) covered++;
        s *= 1 + (0.8 * covered) / ns.length;
      }
      if (accented) {
        const set = this.accentNames[d]!;
        let same = 0;
        for (const a of accented) if (set.has(a)) same++;
        s *= 1 + (0.15 * same) / accented.length;
      }
      hits.push({ code: this.codes[d]!, score: s });
    }
    hits.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    // Drop the long tail that only shares a common syllable ("ký" of "chữ ký") with the query.
    const floor = (hits[0]?.score ?? 0) * MIN_RELATIVE_SCORE;
    let n = hits.length;
    while (n > 1 && hits[n - 1]!.score < floor) n--;
    return hits.slice(0, Math.min(n, limit)).map((h) => ({ code: h.code, score: Math.round(h.score * 1000) / 1000 }));
  }
}
