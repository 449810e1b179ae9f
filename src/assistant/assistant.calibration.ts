import type { Candidate } from './assistant.retrieval';

/**
 * The measures every decision rule reads (stop 45: out of assistant.decide.ts, unchanged): the
 * thresholds on a procedure's confidence and on the margins between procedures, the confidence
 * itself, and the decision they make (`Decided`).
 */

/**
 * Thresholds on the confidence (share of the question covered by the best procedure, lowered
 * when no two-syllable word of the question is in its name or keywords) and on the margin
 * between the first two. Calibrated with `npm run eval:assistant` on the dev samples and our
 * tuning sets (src/assistant/eval/tuning/), on the demo and the full catalogue.
 */
export const CALIBRATION = {
  answer: 0.6,
  clarify: 0.58,
  handoff: 0.35,
  /** Below `clarify`, a procedure this sure that names a word of the question is suggested ("Ý bạn là…"). */
  suggest: 0.45,
  /**
   * Below `suggest`, a procedure far ahead of the others (see FAR) that names a word of the question
   * is answered. 0.35 → 0.3 in pass 20 (r5calib): on the leave-one-set-out folds of passes 16–19
   * top-1 +2 (demo) / +3 (full), facts +2 / +2, one chat line answered on the full catalogue.
   */
  farAhead: 0.3,
  /** Relative score gap between the first two below which choices are offered. */
  margin: 0.12,
  noPair: 0.55,
  /**
   * Another level's record with the question's topic word in its name, clearly above the ward's
   * own, is named as where it is done from this confidence (below it: hand-over or refusal).
   */
  elsewhere: 0.3,
  /**
   * Below `elsewhere`, when the reply would be a hand-over or a refusal anyway: another level's
   * record named with the question's topic word, first of all and ahead of the ward's own by the
   * margin, is named as where it is done from this confidence (a long story lowers every one).
   */
  elsewhereFloor: 0.2,
  /**
   * Below `answer`, another level's record named with the question's topic word and this much
   * surer than the reply's is where the question is done (`elsewhere`).
   */
  coverGap: 0.2,
  /** A procedure near the first in score but this much less sure is not offered beside it as a choice. */
  choiceGap: 0.25,
  /** Confidence kept by a procedure that misses a topic word of the question no procedure here has (Candidate.missesTopic). */
  missedTopic: 0.6,
  /** An FAQ entry must cover this much of the question to be used as the answer. */
  faq: 0.75,
  /** In a long story (STORY_WORDS words and STORY_SYLLABLES syllables or more), a procedure named with the question's topic word this sure is offered. */
  story: 0.2,
};
export function confidence(c: Candidate): number {
  return c.coverage * (c.pairSupport ? 1 : CALIBRATION.noPair) * (c.missesTopic ? CALIBRATION.missedTopic : 1);
}

export interface Decided {
  /** `elsewhere`: the procedure asked about is another agency's (not done at this unit's level). */
  decision: 'answer' | 'clarify' | 'handoff' | 'decline' | 'elsewhere';
  /** The procedure answered, the choices offered, or the other agency's procedure. */
  picks: Candidate[];
  confidence: number;
}

/** Words (concepts) and syllables from which a question is a story around its procedure rather than a request. */
export const STORY_WORDS = 7;
export const STORY_SYLLABLES = 16;
/** Far ahead: the next one scores at most this share of it. */
export const FAR = 0.5;
/** The best candidate is clearly ahead when the next one scores at most this share of it. */
export const AHEAD = 0.75;

/** Whether a candidate stands clearly above every other procedure of the list. */
export function clearlyAhead(c: Candidate[], x: Candidate): boolean {
  if (c[0] !== x) return false;
  const next = c[1];
  return !next || next.score <= x.score * AHEAD;
}
