import { type Concept, pairKey, type Posting, WEAK_MATCH } from './assistant.ranking-rules';

/**
 * How a document of the retriever's index matches one concept of a question (the concepts are
 * read by assistant.query.ts), and how much of the question it covers: a word in the name or
 * keywords matches fully, one only elsewhere (papers, summary) weakly (WEAK_MATCH); a corrected
 * form, a syllable bound to another word than the question's, or the same letters with other
 * marks count for less; a synonym's expansion counts by the share of its syllables found.
 *
 * Moved out of assistant.retrieval.ts whole (stop 44): the retriever fills the per-document sets
 * it is given as it adds documents, and asks it per candidate (coverage, topics, explain).
 */
export class ConceptMatcher {
  constructor(
    private readonly postings: ReadonlyMap<string, Posting>,
    /** Per document, the folded syllables of its name and keywords. */
    private readonly strong: ReadonlyArray<Set<string>>,
    /** Per document, the folded syllables of all its fields. */
    private readonly any: ReadonlyArray<Set<string>>,
    /** Per document, the syllables of its name, keywords and heavier fields as typed (accentForm). */
    private readonly accents: ReadonlyArray<Set<string>>,
    /** Per document, the folded pairs of syllables of its name and keywords. */
    private readonly strongPairs: ReadonlyArray<Set<string>>,
  ) {}

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
  match(d: number, c: Concept): number {
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
  coverage(d: number, concepts: Concept[]): number {
    let total = 0;
    let got = 0;
    for (const c of concepts) {
      total += c.weight;
      got += c.weight * this.match(d, c);
    }
    return total > 0 ? got / total : 0;
  }
}
