/**
 * The unit's own records kept among the candidates (issue 15, pass 28, r13full). The retriever
 * re-ranks the first RERANK documents by base score (assistant.retrieval.ts); on a ward holding the
 * full national catalogue those are mostly other levels' records whose long names share the
 * question's common words, so a commune's record told in a citizen's words ("muốn chuyển miếng đất
 * vườn sang đất thổ cư để cất nhà cho con", "dời nguyên cái nhà gỗ sang chỗ khác trong vườn") was
 * not among them, and only the province's record was left to send the citizen to. Of the tuning
 * sets' full-catalogue misses sent to another level at the start of pass 28, 32 of 54 had the
 * ward's record beyond that cut.
 */

/** How many of the unit's own records the candidates hold at least, when it has that many with any score. */
export const OWN_RESERVE = 12;

/**
 * The unit's own documents to add to the first cut `top` (best first by base score): the best of
 * them not in it, up to OWN_RESERVE own documents in all. None when the cut holds that many own
 * already (a catalogue of the unit's own records alone, as the demo ward's, is unchanged).
 */
export function ownReserve(scores: Float64Array, top: number[], own: (d: number) => boolean): number[] {
  // Only where other levels' records are found too: a catalogue of the unit's own alone is unchanged.
  if (top.every(own)) return [];
  const need = OWN_RESERVE;
  const inTop = new Set(top);
  const best: number[] = [];
  for (let d = 0; d < scores.length; d++) {
    if (scores[d]! <= 0 || inTop.has(d) || !own(d)) continue;
    if (best.length < need) {
      best.push(d);
      best.sort((a, b) => scores[b]! - scores[a]!);
    } else if (scores[d]! > scores[best[need - 1]!]!) {
      best[need - 1] = d;
      best.sort((a, b) => scores[b]! - scores[a]!);
    }
  }
  return best;
}
