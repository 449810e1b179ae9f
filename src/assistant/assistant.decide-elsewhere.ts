import { AHEAD, CALIBRATION, confidence, FAR, type Decided } from './assistant.calibration';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * The decision's other levels (assistant.decide.ts): when a question the ward cannot answer, or
 * answers only weakly, is about a record another level or agency does, which one to name as where
 * it is done. Pure, as the decision is; the thresholds are the decision's CALIBRATION.
 */

/**
 * Where another level's record is done, with other levels' records as close to it as choices
 * would be (the citizen sees them too: "đăng ký tàu cá mới đóng" is near both a sea ship's and a
 * fishing ship's registration).
 */
export function elsewhereOf(c: Candidate[], first: Candidate): Decided {
  return {
    decision: 'elsewhere',
    picks: [first, ...c.filter((x) => x !== first && !x.here && x.pairSupport && x.score >= first.score * (1 - CALIBRATION.margin)).slice(0, 2)],
    confidence: confidence(first),
  };
}

/**
 * An answer or choices given below the answer threshold, while another level's record with the
 * question's topic word covers clearly more of the question (`coverGap`) and is not far behind in
 * score (FAR): the question is about that one, the ward's shares only part of it ("xin lý lịch
 * tư pháp để đi xuất khẩu lao động" is the criminal-record extract of the provincial police, not
 * the ward's "Khai báo tạm vắng" that shares "đi … lao động"). Not when one of the ward's own
 * near the top covers as much: the rules' choice among the ward's stands.
 */
export function betterElsewhere(c: Candidate[], given: Candidate): Candidate | undefined {
  const near = c.slice(0, 5);
  const ownBest = Math.max(0, ...near.filter((x) => x.here).map(confidence));
  const sure = confidence(given) + CALIBRATION.coverGap;
  const found = near.find((x) => !x.here && x.pairSupport && x.topicHit && !x.missesTopic && confidence(x) >= sure && confidence(x) > ownBest && x.score > given.score * FAR);
  if (found || given.topicHit) return found;
  // The ward's answer has none of the question's topic words, while another level's record near
  // the top is named with a word of the question the ward's records hardly have (elsewhereWords)
  // and covers more than any of the ward's: the question is about that one, the ward's shares its
  // story ("sinh con ở Việt Nam, bố mẹ người Lào, muốn cho con vào quốc tịch Việt" is a
  // naturalisation, not the birth registration that shares "sinh con … người"). The surest of them.
  const named = near.filter((x) => !x.here && x.elsewhereWords && x.pairSupport && x.topicHit && !x.missesTopic && confidence(x) > ownBest && x.score > given.score * FAR);
  return named.reduce<Candidate | undefined>((best, x) => (!best || confidence(x) > confidence(best) ? x : best), undefined);
}

/**
 * A hand-over or refusal, while a record of another level near the top has in its name a word of
 * the question that the unit's own records hardly ever have (Candidate.elsewhereWords: "kiểm
 * dịch", "tàu cá", "hộ chiếu" on a ward's catalogue holding the national one) and none of the
 * ward's near the top has: the question names what that record is about, and the ward's records
 * share only its common words ("chở lợn sang tỉnh khác bán thì xin giấy kiểm dịch ở đâu" is the
 * province's veterinary quarantine, not the ward's re-registration of a boat moved "sang tỉnh"
 * khác). Naming where it is done is better than a hand-over; a question of everyday life still
 * needs that word said outside its everyday words (Candidate.plainTopic).
 */
export function distinctElsewhere(c: Candidate[], d: Decided, plan: QueryPlan): Candidate | undefined {
  if (d.decision !== 'handoff' && d.decision !== 'decline') return undefined;
  const near = c.slice(0, 5);
  if (near.some((x) => x.here && x.elsewhereWords)) return undefined;
  const named = near.filter((x) => !x.here && x.elsewhereWords && x.pairSupport && x.topicHit && !x.missesTopic && (!plan.intents.offTopic || x.plainTopic) && confidence(x) >= CALIBRATION.elsewhereFloor);
  // The one covering most of the question ("kiểm dịch" of the animals moved, not a mediation
  // centre's move "sang tỉnh" khác).
  return named.reduce<Candidate | undefined>((best, x) => (!best || confidence(x) > confidence(best) ? x : best), undefined);
}

/**
 * Not sure enough to answer, but plainly about another level's procedure ("học lái xe ô tô"):
 * the record named as where it is done, if any. One record leads: the first of all, passing over
 * the ward's records kept back as missing the question's topic (a permit of other grades than the
 * storeys asked: "xin giấy phép xây khách sạn 12 tầng" — they stand in no other's way). How sure
 * it must be depends on how plainly it is ahead:
 * - sure enough to be suggested (`suggest`): named, even beside a word of everyday life when it
 *   has the question's topic word in its name ("làm hộ chiếu cho bé đi du lịch": the reason);
 * - otherwise only with the question's topic word in its name, no everyday words, missing no
 *   topic of the question, and either first of all and clearly above every one of the ward's
 *   (`elsewhere`: "muốn làm hộ chiếu lần đầu cho cả nhà đi nhật", the rest is the story), or —
 *   when the reply would be a hand-over or a refusal anyway — ahead of the ward's own with that
 *   topic word by more than the choices' margin (`elsewhereFloor`: "làm hộ chiếu lần đầu cho bé
 *   2 tuổi đi thăm ông bà bên mỹ", the story lowers every confidence). Naming the agency is a
 *   better reply than a refusal; everyday life alone is still declined.
 */
export function elsewhereLead(c: Candidate[], d: Decided, plan: QueryPlan): Candidate | undefined {
  const lead = c.find((x) => !(x.here && x.missesTopic));
  if (!lead || lead.here || !lead.pairSupport) return undefined;
  const conf = confidence(lead);
  const { offTopic } = plan.intents;
  if (conf >= CALIBRATION.suggest && (!offTopic || lead.topicHit)) return lead;
  if (offTopic || !lead.topicHit || lead.missesTopic) return undefined;
  const ownBest = c.find((x) => x.here);
  if (lead === c[0] && conf >= CALIBRATION.elsewhere && (!ownBest || ownBest.score <= lead.score * AHEAD)) return lead;
  const rival = c.find((x) => x.here && x.topicHit && !x.missesTopic);
  const withheld = d.decision === 'handoff' || d.decision === 'decline';
  if (withheld && conf >= CALIBRATION.elsewhereFloor && (!rival || rival.score < lead.score * (1 - CALIBRATION.margin))) return lead;
  return undefined;
}
