import { AHEAD, confidence, type Decided } from './assistant.calibration';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * A ward's matter told plainly, sent away (issue 15, pass 27, r12route): the reply would hand the
 * citizen over to staff with no procedure, decline, or name another level's record as where it is
 * done ("việc này thực hiện ở cấp tỉnh"), although the question is worded as our in-scope ones are
 * and a record of the ward's own is what it tells of. A story in everyday words ("nay con cái đi
 * làm có lương rồi, nhà tôi muốn ra khỏi diện khó khăn của xã") covers little of any record's name,
 * so every confidence is low and the rules withhold; the retrieval's order and the learned model
 * still point at the ward's record. Pure, as the decision is.
 */

/**
 * Scope log-odds (assistant.learned.ts) at or below which the learned model's sure code, a record
 * of the ward's own found by the retrieval, is offered instead of a hand-over, a refusal or another
 * level's record: the question is worded far more like our in-scope questions than any everyday
 * one ("cây bàng trước cửa nhà sắp đổ, muốn đốn đi có phải xin phép không" is the commune's
 * tree-felling permit, not the province's forest record that shares "cây").
 */
export const SURE_OWN_ODDS = -12;

/**
 * Scope log-odds at or below which a hand-over whose first procedure is the ward's own offers it,
 * with the ward's own near it in score (AHEAD), as choices: twice as far into in-scope wording as
 * the sure code must be, since no learned code vouches for it.
 */
export const HANDOFF_OWN_ODDS = -25;

/**
 * Syllables below which a question is short ("lo giấy tờ đầu đời cho cháu", 7): its hand-over stays
 * one, however in scope its few words read — the odds of a few words vouch for no record.
 */
const SHORT_SYLLABLES = 10;

/**
 * The ward's record offered ("Ý bạn là…?") for a hand-over, refusal or pointer elsewhere of a
 * question worded as in scope, not of everyday life:
 * - the learned model's sure code when it is the ward's own among the retrieval's list, missing no
 *   topic of the question (or first of the list: both readings agree);
 * - otherwise, for a hand-over, the retrieval's first procedure when it is the ward's own and
 *   misses no topic of the question, with the ward's own close behind it as choices. A word of the
 *   question no record here has is the subject of another agency's matter ("gỡ thế chấp", "sang
 *   tên sổ hồng", "lương hưu", "nhập khẩu ô tô" on the demo ward): those stay handed over.
 */
export function wardOffered(candidates: Candidate[], d: Decided, plan: QueryPlan, outOdds: number, sure: string | undefined): Decided | undefined {
  if (d.decision !== 'handoff' && d.decision !== 'decline' && d.decision !== 'elsewhere') return undefined;
  // No learned reading (odds −∞: the retrieval and the rules alone), nothing to vouch for the ward's.
  if (plan.intents.offTopic || !Number.isFinite(outOdds)) return undefined;
  const c = candidates.filter((x) => x.kind === 'procedure');
  const own = sure ? c.find((x) => x.id === sure) : undefined;
  if (own?.here && outOdds <= SURE_OWN_ODDS && (!own.missesTopic || own === c[0]) && !otherLevelHolds(c)) return { decision: 'clarify', picks: [own], confidence: confidence(own) };
  // A short question is decided the same however in scope its words read (SHORT_SYLLABLES).
  if (d.decision !== 'handoff' || outOdds > HANDOFF_OWN_ODDS || plan.tokens.length < SHORT_SYLLABLES) return undefined;
  const lead = c[0];
  if (!lead?.here || lead.missesTopic) return undefined;
  const near = c.slice(1, 3).filter((x) => x.here && x.score > lead.score * AHEAD);
  return { decision: 'clarify', picks: [lead, ...near], confidence: confidence(lead) };
}

/**
 * Another level's record keeps its place (as `wardAhead` keeps it) when it holds the question's
 * topic word named with a word the ward's records lack (`elsewhereWords`: "giấy phép lưu hành" of an
 * oversized truck, not the ward's proposal record); a record sharing only common words ("cây" of
 * the province's forest record, beside the commune's tree-felling permit) does not.
 */
function otherLevelHolds(c: Candidate[]): boolean {
  return c.some((x) => !x.here && x.topicHit && x.elsewhereWords);
}
