import { confidence, type Decided } from './assistant.calibration';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * Short, vague questions as citizens type them first (pass 26, r11near): a fragment of two or
 * three words that a record's name holds whole, but not as one of its two-syllable words ("sai
 * năm sinh", "được xét nghèo không", "tặng cho nhà"). Such a fragment lacks the word pair the
 * rules ask for before a half-sure offer (`pairSupport`), so its confidence stays below the offer
 * threshold however much of it the name covers, and it was handed over or declined though the
 * record (or two of them) is plainly what it asks. The citizen is offered those whose names hold
 * the whole fragment ("Ý bạn là…"), the likeliest first; the decision stays theirs.
 */

/** Syllables up to which a question is a short fragment (a story or a sentence is not). */
export const SHORT_SYLLABLES = 5;
/**
 * Share of the question a record's name must hold to be offered for a short fragment: nearly all
 * of it, a verb of the telling aside ("ghi sai năm sinh": "ghi" is in no name). 0.75 and 0.9 change
 * no decision on the demo catalogue over every tuning and training set but the probe's.
 */
export const WHOLE_COVER = 0.75;
/**
 * Scope log-odds at or below which a short fragment is worded as our in-scope questions are (the
 * learned model's `outOfScopeOdds`), the only guard against chat that a name holds by chance: on
 * every tuning and training set, the everyday fragments a name holds whole read above −2 ("tôi yêu
 * bạn" −1.8, "em tên gì thế" −0.2); the ward's asked in a few words read −2.8 and below ("tặng
 * cho nhà", "nhận con" −5.1).
 */
export const SHORT_ODDS = -2.5;
/** A second or third record offered beside the first scores at least this share of it. */
const SHORT_NEAR = 0.75;

/**
 * A hand-over or refusal of a short fragment worded as in scope (SHORT_ODDS), with no word unknown
 * here and not of everyday life, whose first procedure is the ward's own, missing no topic and
 * holding the whole fragment (WHOLE_COVER): offered, with the ward's own near it in score that hold
 * it whole too. Not asked to have the topic word: a fragment is often all topic ("tặng cho nhà").
 * `undefined` when the rule does not apply (the decision stands).
 */
export function vagueFragment(candidates: Candidate[], d: Decided, plan: QueryPlan, outOdds: number): Decided | undefined {
  if (d.decision !== 'handoff' && d.decision !== 'decline') return undefined;
  // Without the learned model's reading (odds −∞: no model) nothing tells such a fragment from chat.
  if (!Number.isFinite(outOdds) || outOdds > SHORT_ODDS) return undefined;
  if (plan.intents.offTopic || plan.tokens.length > SHORT_SYLLABLES || plan.unknownCount > 0) return undefined;
  const c = candidates.filter((x) => x.kind === 'procedure');
  const whole = (x: Candidate) => x.here && !x.missesTopic && x.coverage >= WHOLE_COVER;
  const lead = c[0];
  if (!lead || !whole(lead)) return undefined;
  const near = c.slice(1, 3).filter((x) => whole(x) && x.score >= lead.score * SHORT_NEAR);
  return { decision: 'clarify', picks: [lead, ...near], confidence: confidence(lead) };
}

/**
 * Two choices offered for a question that tells them apart no better than the next record of the
 * list (pass 26, r11near): the third of the list, the ward's own, is offered beside them when it is
 * not far behind in score (CHOICE_THIRD of the first's) and names some of the question
 * (CHOICE_FLOOR). Two close choices say the question is vague; the record the citizen means is
 * often the next one ("ảnh về nhận thằng nhỏ là con ruột, tụi tui chưa cưới": the birth with the
 * father's recognition and the marriage offered, the recognition itself third). Measured on the demo
 * catalogue over every tuning set: of 162 two-choice offers, the third of the list was a right one
 * in 16; the junk thirds (a building permit for a land dispute, the household split for "hộ nghèo")
 * score under an eighth of the first. A single offer stays single ("Ý bạn là…?" and a fact asked of
 * it, sureFactAnswer).
 */
export const CHOICE_THIRD = 0.15;
export const CHOICE_FLOOR = 0.1;
export function thirdChoice(d: Decided, candidates: Candidate[]): Decided {
  if (d.decision !== 'clarify' || d.picks.length !== 2) return d;
  const third = candidates.find((x) => x.kind === 'procedure' && !d.picks.some((p) => p.id === x.id));
  if (!third || !third.here || third.score < d.picks[0]!.score * CHOICE_THIRD || confidence(third) < CHOICE_FLOOR) return d;
  return { ...d, picks: [...d.picks, third] };
}
