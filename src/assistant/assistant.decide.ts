import { LEARNED } from './assistant.learned';
import { foreignersElsewhere } from './assistant.foreigners';
import { distinctElsewhere, elsewhereOf } from './assistant.decide-elsewhere';
import { vagueFragment } from './assistant.decide-vague';
import { AHEAD, CALIBRATION, confidence, type Decided } from './assistant.calibration';
import { decideRules } from './assistant.decide-rules';
import { namesCommune, ownNamedHere, storyInScope } from './assistant.decide-told';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * What the assistant does with the procedures a question found: answer one, offer choices
 * ("Ý bạn là…"), hand over to staff, decline, or say where another agency does it — from the
 * confidence of the best few and the margin between them. Pure: the same candidates and plan give
 * the same decision (assistant.service.ts composes the reply; the eval measures it).
 */

// Stop 45: the measures, the rules, the story and the fact answered live beside this file; their
// names stay importable from here. The reply's whole decision, these steps and those after them in
// order: assistant.decision.ts.
export { AHEAD, CALIBRATION, confidence, FAR, type Decided } from './assistant.calibration';
export { firstBeside } from './assistant.decide-rules';
export { STORY_ODDS } from './assistant.decide-told';
export { sureFactAnswer } from './assistant.decide-fact';

/**
 * From this confidence an answer says a record's name nearly whole: the learned scope odds do not
 * decline it, extreme as they may be (issue 15, pass 16; out-of-scope questions the rules answer
 * at 0.95 or more stay declined).
 */
const NAMED_WHOLE = 0.97;

/**
 * Answer, offer choices, hand over or decline — from the confidence of the best few procedures
 * and the margin between them. A procedure below the choice threshold is never shown; when the
 * two best that are good enough are close, the citizen chooses; one candidate clearly ahead is
 * answered, not offered alone ("Ý bạn là…?"). On a commune's catalogue holding the whole national
 * one, a procedure of another level is not answered as the commune's: the reply says where it is
 * done (`elsewhere`), unless one of the commune's own is as good.
 */
export function decide(candidates: Candidate[], plan: QueryPlan, outOdds = -Infinity, sure?: string): Decided {
  const d = decideRules(candidates, plan);
  // The learned scope signal (assistant.learned.ts): an answer or choices the rules are not sure
  // of, on a question worded like our out-of-scope ones, are declined; so is any, however sure, when
  // the odds are extreme (`scopeAlways`).
  // Not an answer that says a record's name nearly whole (NAMED_WHOLE: "phê duyệt phương án ứng
  // phó thiên tai cho vùng hạ du đập trong quá trình thi công"), however the odds read its words.
  // Not when the model's own sure code is the rules' first pick and the retrieval's first, the
  // ward's own, named with the question's topic word (sureLead): both readings agree on the record
  // ("khám ở phòng khám tư không có hợp đồng BHYT, xin bảo hiểm trả lại tiền").
  if ((d.decision === 'answer' || d.decision === 'clarify') && !(d.picks[0]?.id === sure && sureLead(candidates, sure, plan)) && ((d.confidence < LEARNED.scopeBelow && outOdds >= LEARNED.scopeOdds) || (outOdds >= LEARNED.scopeAlways && d.confidence < NAMED_WHOLE))) return { decision: 'decline', picks: [], confidence: d.confidence };
  // A hand-over (or refusal) whose first procedure the learned model vouches for: offered (withheldOffer).
  const offered = withheldOffer(candidates, d, outOdds, sure);
  if (offered) return offered;
  // Choices without the model's sure code while it leads the retrieval's list, on such a question:
  // it is offered first ("ảnh trên căn cước từ hồi 14 tuổi … đổi được không" is the card's
  // exchange, ahead by far in score though its long story covers less than the 14+ card's name).
  if (d.decision === 'clarify' && sure && outOdds <= LEARNED.sureOdds && !d.picks.some((x) => x.id === sure)) {
    const first = candidates.find((x) => x.kind === 'procedure');
    if (first?.id === sure && first.here && first.score > d.picks[0]!.score && confidence(first) >= LEARNED.sureConfidence) return { decision: 'clarify', picks: [first, ...d.picks].slice(0, 3), confidence: confidence(first) };
  }
  // Choices whose first is the model's sure code, on such a question: that one answered — unless
  // the question cannot tell them apart (tiedChoice): then the citizen chooses.
  if (LEARNED.sureAnswer && d.decision === 'clarify' && sure && d.picks[0]?.id === sure && outOdds <= LEARNED.sureOdds && !tiedChoice(d.picks)) return { decision: 'answer', picks: [d.picks[0]], confidence: d.confidence };
  // An answer the rules give to a procedure below the first of the list, while that first is the
  // model's sure code, the ward's own, missing no topic, on such a question: the sure one answered
  // (sureFirst). The rules pick the one covering most of the question among the first three; the
  // retrieval and the model put the sure one ahead of it (a long name sharing the story's common words
  // covers more: "ly hôn nhưng vẫn sống với bố mẹ đẻ, muốn có sổ hộ khẩu riêng" is the household split).
  if (LEARNED.sureFirst && d.decision === 'answer' && sure && outOdds <= LEARNED.sureOdds && d.picks[0]?.id !== sure) {
    const first = candidates.find((x) => x.kind === 'procedure');
    if (first?.id === sure && first.here && !first.missesTopic && confidence(first) >= LEARNED.sureConfidence) return { decision: 'answer', picks: [first], confidence: confidence(first) };
  }
  // Another level's record named as where it is done, while the model's sure code is the first
  // of the retrieval's list, the ward's own, on a question worded as in scope: the ward's record —
  // unless the other covers clearly more of the question (`coverGap`) or a foreigner's record of
  // another level is meant ("bầu giám đốc mới cho hợp tác xã": the cooperative's change, not a
  // provincial office's that shares "người đại diện theo pháp luật").
  if (d.decision === 'elsewhere' && outOdds <= LEARNED.sureOdds) {
    const first = sureLead(candidates, sure, plan, false);
    const procs = candidates.filter((x) => x.kind === 'procedure');
    if (first && confidence(d.picks[0]!) < confidence(first) + CALIBRATION.coverGap && !foreignersElsewhere(procs, first, plan)) {
      return { decision: confidence(first) >= CALIBRATION.answer ? 'answer' : 'clarify', picks: [first], confidence: confidence(first) };
    }
  }
  // Still a hand-over or a refusal: another level's record named with a word the ward's records
  // hardly ever have may say where it is done (distinctElsewhere).
  // The question naming the commune as where it is done keeps the ward's own near the top, as for
  // the rules' own pointer below (pass 22: "sắp nổ mìn sát chân đập, hỏi UBND xã có cấp phép" is the
  // commune's permit, not the province's twin named with the same "nổ mìn").
  const other = distinctElsewhere(candidates.filter((x) => x.kind === 'procedure'), d, plan);
  if (other) {
    const there = elsewhereOf(candidates.filter((x) => x.kind === 'procedure'), other);
    return (namesCommune(plan) && ownNamedHere(candidates, there, sure)) || there;
  }
  if (d.decision === 'elsewhere' && namesCommune(plan)) return ownNamedHere(candidates, d, sure) ?? d;
  return wardAhead(candidates, storyInScope(candidates, d, plan, outOdds) ?? vagueFragment(candidates, d, plan, outOdds) ?? d, plan, outOdds, sure);
}

/**
 * A reply the rules withhold while the learned model vouches for the first procedure of the
 * retrieval's list, the ward's own, on a question it reads as in scope: that one is offered alone
 * ("Ý bạn là…?"). Two ways to vouch, differing only by these terms:
 *
 * | the model       | withheld           | odds at most  | its first procedure                                                  | confidence from       |
 * | --------------- | ------------------ | ------------- | -------------------------------------------------------------------- | --------------------- |
 * | sure of a code  | hand-over, refusal | `sureOdds`    | first of the procedures, the sure code (sureCode)                    | `sureConfidence`      |
 * | sure of no code | hand-over          | `proposeOdds` | first of all, named with a word pair and the topic word, missing none | `CALIBRATION.clarify` |
 *
 * ("cần vài bản sao bằng lái, đem bản chính theo được không", the model sure of no code: the
 * certified copy, its register twin close behind; pass 23's merge.)
 */
function withheldOffer(candidates: Candidate[], d: Decided, outOdds: number, sure: string | undefined): Decided | undefined {
  const terms = sure
    ? { withheld: d.decision === 'handoff' || d.decision === 'decline', odds: LEARNED.sureOdds, first: candidates.find((x) => x.kind === 'procedure'), floor: LEARNED.sureConfidence }
    : { withheld: d.decision === 'handoff', odds: LEARNED.proposeOdds, first: candidates[0]?.kind === 'procedure' ? candidates[0] : undefined, floor: CALIBRATION.clarify };
  const first = terms.first;
  if (!terms.withheld || !(outOdds <= terms.odds) || !first?.here) return undefined;
  const vouched = sure ? first.id === sure : first.pairSupport && first.topicHit && !first.missesTopic;
  if (!vouched || confidence(first) < terms.floor) return undefined;
  return { decision: 'clarify', picks: [first], confidence: confidence(first) };
}
/**
 * The learned model's sure code (sureCode) when it is also the first procedure of the retrieval's
 * list, the ward's own, missing no topic of the question and sure enough (`sureConfidence`); with
 * `topic`, named with the question's topic word, on a question not of everyday life.
 */
function sureLead(candidates: Candidate[], sure: string | undefined, plan: QueryPlan, topic = true): Candidate | undefined {
  if (!sure || (topic && plan.intents.offTopic)) return undefined;
  const first = candidates.find((x) => x.kind === 'procedure');
  if (!first || first.id !== sure || !first.here || first.missesTopic || (topic && !first.topicHit)) return undefined;
  return confidence(first) >= LEARNED.sureConfidence ? first : undefined;
}
/**
 * Another choice covers the question exactly as much as the first: every word the question says is
 * in both names or in neither, so what tells them apart is a qualifier it leaves unsaid — a case
 * the citizen must pick ("thẻ căn cước lệ phí bao nhiêu": the change's fee or the re-issue's, see
 * assistant.qualifiers.ts), not one the wording of our labelled questions may pick for them.
 */
function tiedChoice(picks: Candidate[]): boolean {
  const first = confidence(picks[0]!);
  return picks.slice(1).some((x) => Math.abs(confidence(x) - first) < 1e-9);
}
/**
 * Another level's record named as where it is done, while the ward's own record is first of the
 * list, the learned model's sure code on a question worded as in scope (sureLead, without its topic
 * word: "giấy chứng nhận chưa vợ" has none of the marital-status certificate's), and clearly
 * ahead in score of every other level's record near the top (AHEAD; scores stay in their places
 * when the model re-orders, so the topic word is asked too, below): the citizen asks about the
 * ward's, the other covers more of the question only because its long name shares a few common
 * words of it ("ngân hàng đòi giấy … xin ở đâu" with a fund's certificate of registration, "báo tử"
 * with a soldier's one-off allowance). Answered as the learned sure code of choices is (`sureAnswer`),
 * unless a foreigner's record of another level is meant (foreignersElsewhere).
 */
function wardAhead(candidates: Candidate[], d: Decided, plan: QueryPlan, outOdds: number, sure: string | undefined): Decided {
  if (d.decision !== 'elsewhere' || outOdds > LEARNED.sureOdds) return d;
  const c = candidates.filter((x) => x.kind === 'procedure');
  const lead = sureLead(candidates, sure, plan, false);
  if (!lead || !lead.pairSupport || foreignersElsewhere(c, lead, plan)) return d;
  const near = c.slice(1, 5).filter((x) => !x.here);
  if (near.some((x) => x.score > lead.score * AHEAD)) return d;
  // Without the question's topic word, while another level's near it has it and a word the ward's
  // records hardly have (elsewhereWords): that one may well be the subject ("xe quá khổ … giấy
  // phép lưu hành" is the road authority's, whatever the model proposes from further down).
  if (!lead.topicHit && near.some((x) => x.topicHit && x.elsewhereWords)) return d;
  const conf = confidence(lead);
  return { decision: LEARNED.sureAnswer || conf >= CALIBRATION.answer ? 'answer' : 'clarify', picks: [lead], confidence: conf };
}
