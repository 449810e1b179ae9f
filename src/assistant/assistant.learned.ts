import { LEARNED } from './assistant.learned-settings';
import { isSure, lift, modelLead, scopeOdds, type ModelLead } from './assistant.learned-scores';
import { features, tuningModel, type LearnedModel } from './assistant.learned-train';
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

// Stop 46: the settings, the training and the scores live beside this file; their names stay importable from here.
export { LEARNED } from './assistant.learned-settings';
export { codeScores, lift, modelLead, sureCode, type ModelLead } from './assistant.learned-scores';
export { corpusOf, features, labelledFiles, readLabelled, train, TRAINING_DIR, tuningModel, tuningQuestions, TUNING_DIR, type LabelledQuestion, type LearnedModel } from './assistant.learned-train';

/**
 * How sure the model is that a question is out of scope: the naive Bayes log-odds (out against
 * in, Laplace-smoothed, prior included) over the question's features either side has seen;
 * -Infinity without a model.
 */
export function outOfScopeOdds(question: string, model: LearnedModel | null = activeModel()): number {
  return model ? scopeOdds(model, features(question)) : -Infinity;
}

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
  // Not a code whose act the question says of another thing (pass 28: "Tách hộ" for "tách thửa đất").
  if (at < LEARNED.candidates || at >= LEARNED.proposeDepth || !candidates[at]!.here || candidates[at]!.otherAct) return candidates;
  const moved = [candidates[at]!, ...candidates.slice(0, at), ...candidates.slice(at + 1)];
  return moved.map((c, i) => (i <= at ? { ...c, score: candidates[i]!.score } : c));
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
