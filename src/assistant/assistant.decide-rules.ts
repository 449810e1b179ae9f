import { CALIBRATION, clearlyAhead, confidence, FAR, STORY_SYLLABLES, STORY_WORDS, type Decided } from './assistant.calibration';
import { foreignersElsewhere } from './assistant.foreigners';
import { betterElsewhere, elsewhereLead, elsewhereOf } from './assistant.decide-elsewhere';
import { LEARNED } from './assistant.learned';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * The rules' decision (stop 45: out of assistant.decide.ts, unchanged): answer, offer choices, hand
 * over or decline from the confidence of the best few procedures and the margins between them, and
 * another level's record named as where it is done — before the learned model's reading
 * (assistant.decide.ts, `decide`) changes it.
 */

export function decideRules(candidates: Candidate[], plan: QueryPlan): Decided {
  const c = candidates.filter((x) => x.kind === 'procedure');
  const d = decideOn(c, plan);
  const elsewhere = (first: Candidate): Decided => elsewhereOf(c, first);
  if (d.decision === 'answer' || d.decision === 'clarify') {
    // A foreigner named, the unit's record the citizen's: the foreigner's of another level.
    const theirs = foreignersElsewhere(c, d.picks.find((x) => x.here), plan);
    if (theirs) return elsewhere(theirs);
    const better = d.confidence < CALIBRATION.answer ? betterElsewhere(c, d.picks[0]!) : undefined;
    if (better) return elsewhere(better);
    const local = d.picks.filter((x) => x.here);
    if (!local.length) return elsewhere(d.picks[0]!);
    if (local.length < d.picks.length) return { decision: local.length === 1 ? 'answer' : 'clarify', picks: local, confidence: confidence(local[0]!) };
    return d;
  }
  const other = elsewhereLead(c, d, plan);
  if (other) return elsewhere(other);
  // Handed over or declined, a foreigner named: the foreigner's record of another level, if one is sure enough.
  const theirs = plan.intents.offTopic ? undefined : foreignersElsewhere(c, undefined, plan);
  return theirs && confidence(theirs) >= CALIBRATION.elsewhereFloor ? elsewhere(theirs) : d;
}

/**
 * Choices of the ward's own offered for a question no procedure covers enough, without the first of
 * the list: that first is offered before them when it is the ward's own too, named with a word pair of the question and
 * its topic word, missing no topic (`LEARNED.firstBeside`). The retrieval and the model put it first;
 * it only covers less of the question because the question tells a story around it ("mẹ tôi qua
 * đời hôm rằm, giờ lo giấy báo tử cho bà": the death registration, first, beside its re-registration
 * whose longer name shares more of the story). Not answered: the citizen chooses.
 */
export function firstBeside(c: Candidate[], likely: Candidate[], plan: QueryPlan): Candidate[] {
  const first = c[0];
  if (!LEARNED.firstBeside || !first || likely.includes(first) || !likely.some((x) => x.here) || !first.here || !first.pairSupport || first.missesTopic || !(first.topicHit || plan.unknownCount === 0)) return likely;
  return [first, ...likely].slice(0, 3);
}

function decideOn(c: Candidate[], plan: QueryPlan): Decided {
  const { inDomain } = plan.intents;
  const best = c[0] ? confidence(c[0]) : 0;
  // Words of everyday life ("đi du lịch", "trả góp", "người yêu") say why or around what a
  // procedure is asked; they are the question only when nothing else is. In a question with an
  // administrative word (IntentReading.inDomain), the unit's own procedure first of all, with a
  // two-syllable word of the question in its name and a topic word said outside the everyday
  // words (Candidate.plainTopic), sure enough to be suggested, is what it asks about ("làm mất căn
  // cước khi đi du lịch", "xác nhận tình trạng hôn nhân để mua nhà trả góp").
  // Sure enough to be suggested, or far ahead of every other and sure enough to be answered as
  // such (`farAhead`: "đi du lịch Sa Pa mà làm mất căn cước, về xin cấp lại" — the story lowers it).
  const lead0 = c[0];
  const farLead = !!lead0 && best >= CALIBRATION.farAhead && (!c[1] || c[1].score <= lead0.score * FAR);
  const ownTopic = inDomain && !!lead0 && lead0.here && lead0.pairSupport && lead0.plainTopic && !lead0.missesTopic && (best >= CALIBRATION.suggest || farLead);
  const offTopic = plan.intents.offTopic && !ownTopic;
  // An administrative question the catalogue does not answer goes to a person; anything else is declined.
  const handoffOrDecline = (conf: number): Decided => ({ decision: inDomain && !offTopic && plan.contentCount > 0 ? 'handoff' : 'decline', picks: [], confidence: conf });
  if (!c.length) return handoffOrDecline(0);
  if (offTopic && best < 0.95) return { decision: 'decline', picks: [], confidence: best };
  const good = c.slice(0, 3).filter((x) => confidence(x) >= CALIBRATION.clarify);
  const top = good[0];
  // The best match by far covers a little less of the question than a weaker one ("đổi thẻ căn
  // cước hết hạn": "hết hạn" is in "gia hạn tạm trú"): the question is about the first.
  const lead = c[0]!;
  if (top && top !== lead && !offTopic && lead.pairSupport && confidence(lead) >= CALIBRATION.suggest && top.score < lead.score * (1 - CALIBRATION.margin)) {
    if (clearlyAhead(c, lead)) return { decision: 'answer', picks: [lead], confidence: confidence(lead) };
    return { decision: 'clarify', picks: [lead, top], confidence: confidence(lead) };
  }
  if (!top) {
    // Half sure, with a word of the question in its name: ask rather than hand over — or answer
    // when that one procedure is clearly ahead of every other. Not when a word of the question is
    // unknown here and the procedure has none of its topic words: the unknown word is likely the
    // subject ("xin visa điện tử" is not "tài khoản định danh điện tử").
    const likely = c.slice(0, 2).filter((x) => x.pairSupport && confidence(x) >= CALIBRATION.suggest && (x.topicHit || plan.unknownCount === 0));
    // Far ahead of every other, with a word of the question in its name: the question is about
    // it even when much of the question is its story ("vợ đẻ ở nhà, đường xa…, khai sinh").
    const lead = c[0]!;
    // Not when it misses a topic of the question no procedure here has: the story is then the
    // part it shares ("đi xuất khẩu lao động" of a question about a criminal-record extract).
    if (!offTopic && lead.pairSupport && !lead.missesTopic && confidence(lead) >= CALIBRATION.farAhead && (!c[1] || c[1].score <= lead.score * FAR)) {
      return { decision: 'answer', picks: [lead], confidence: confidence(lead) };
    }
    if (likely.length && !offTopic) {
      if (likely.length === 1 && clearlyAhead(c, likely[0]!)) return { decision: 'answer', picks: likely, confidence: confidence(likely[0]!) };
      return { decision: 'clarify', picks: firstBeside(c, likely, plan), confidence: confidence(likely[0]!) };
    }
    // A long story that names its procedure late ("bố tôi ốm lâu ngày, tuần trước cụ mất…, giờ
    // cần làm khai tử"): the story covers most of the question, so no procedure covers much of
    // it, but the unit's own named with the question's topic word are what it asks about —
    // answered when one is clearly ahead, offered as choices otherwise. Only when the best of the
    // unit's own is one of them, and none covers half the question (then the rules above judge).
    const story = !offTopic && plan.contentCount >= STORY_WORDS && plan.tokens.length >= STORY_SYLLABLES && c.slice(0, 5).every((x) => confidence(x) < CALIBRATION.suggest);
    const named = story ? c.slice(0, 5).filter((x) => x.here && x.pairSupport && x.topicHit && !x.missesTopic && confidence(x) >= CALIBRATION.story) : [];
    if (named.length && named[0] === c.find((x) => x.here)) {
      if (clearlyAhead(c, named[0]!)) return { decision: 'answer', picks: [named[0]!], confidence: confidence(named[0]!) };
      return { decision: 'clarify', picks: named.slice(0, 3), confidence: confidence(named[0]!) };
    }
    return handoffOrDecline(Math.max(...c.slice(0, 3).map(confidence)));
  }
  const conf = confidence(top);
  // A choice is as good on both counts: near in score, and covering nearly as much of the question
  // (a social-housing loan "để … sửa chữa nhà ở" is no choice beside the repair permit asked in full).
  const close = good.filter((x) => x.score >= top.score * (1 - CALIBRATION.margin) && confidence(x) >= conf - CALIBRATION.choiceGap);
  if (close.length >= 2) return { decision: 'clarify', picks: close, confidence: conf };
  if (conf >= CALIBRATION.answer) return { decision: 'answer', picks: [top], confidence: conf };
  if (good.length >= 2) return { decision: 'clarify', picks: good, confidence: conf };
  if (clearlyAhead(c, top)) return { decision: 'answer', picks: [top], confidence: conf };
  return handoffOrDecline(conf);
}
