import { LEARNED } from './assistant.learned-settings';
import type { LearnedModel } from './assistant.learned-train';

/**
 * What the learned model's counts say of a question's features (assistant.learned.ts): each
 * labelled code's lift against the model of all questions, the code it is sure of, and the scope
 * odds (out of scope against in scope). Split from assistant.learned.ts (stop 46), where the names
 * stay importable.
 */

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

/** The naive Bayes scope log-odds of a question's features (`outOfScopeOdds`, assistant.learned.ts). */
export function scopeOdds(model: LearnedModel, fs: string[]): number {
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
export const isSure = (lead: ModelLead | undefined) => (lead && lead.lift >= LEARNED.sureLift && lead.gap >= LEARNED.sureGap ? lead.code : undefined);
