import { LEARNED } from './assistant.learned';
import { foreignersElsewhere } from './assistant.foreigners';
import { betterElsewhere, distinctElsewhere, elsewhereLead, elsewhereOf } from './assistant.decide-elsewhere';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * What the assistant does with the procedures a question found: answer one, offer choices
 * ("Ý bạn là…"), hand over to staff, decline, or say where another agency does it — from the
 * confidence of the best few and the margin between them. Pure: the same candidates and plan give
 * the same decision (assistant.service.ts composes the reply; the eval measures it).
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
const STORY_WORDS = 7;
const STORY_SYLLABLES = 16;
/**
 * From this confidence an answer says a record's name nearly whole: the learned scope odds do not
 * decline it, extreme as they may be (issue 15, pass 16; out-of-scope questions the rules answer
 * at 0.95 or more stay declined).
 */
const NAMED_WHOLE = 0.97;
/** Far ahead: the next one scores at most this share of it. */
export const FAR = 0.5;
/** The best candidate is clearly ahead when the next one scores at most this share of it. */
export const AHEAD = 0.75;

/** Whether a candidate stands clearly above every other procedure of the list. */
function clearlyAhead(c: Candidate[], x: Candidate): boolean {
  if (c[0] !== x) return false;
  const next = c[1];
  return !next || next.score <= x.score * AHEAD;
}

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
  return wardAhead(candidates, storyInScope(candidates, d, plan, outOdds) ?? d, plan, outOdds, sure);
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

/** The facts a citizen asks of a procedure (the judge of assistant.facts.ts reads these four). */
const FACTS: ReadonlySet<string> = new Set(['fee', 'time', 'papers', 'place']);

/**
 * One procedure offered alone ("Ý bạn là…?") for a fact asked — the fee, the time, the papers or
 * the place — when it is the learned model's sure code: answered, the fact stated (the answer names
 * the procedure on its first line, so a citizen who meant another sees it at once). Such an offer is
 * right nine times in ten on our tuning and training sets; the citizen asked a fact, not which
 * procedure, and an offer makes them answer "1" before they get it. Choices between several, and
 * an offer the rules made themselves (a twin just below the answer threshold), stay offers.
 */
export function sureFactAnswer(d: Decided, aspects: readonly string[], sure: string | undefined): Decided {
  if (d.decision !== 'clarify' || d.picks.length !== 1 || !sure || d.picks[0]!.id !== sure) return d;
  if (!aspects.some((a) => FACTS.has(a)) || d.confidence >= CALIBRATION.suggest) return d;
  return { decision: 'answer', picks: d.picks, confidence: d.confidence };
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
 * Scope log-odds at or below which a long story is worded as our in-scope questions are, far more
 * than any everyday one: a citizen telling what happened around a procedure of the ward ("vợ em
 * mới sinh bé ở bệnh viện huyện…, cần mang những gì"), not a question of everyday life that shares
 * its words. Measured on every tuning and training set: no out-of-scope story withheld today
 * reaches it; the in-scope stories handed over with the right procedure first mostly do.
 */
export const STORY_ODDS = -15;

/**
 * A hand-over or refusal of a long story (STORY_WORDS words, STORY_SYLLABLES syllables), not of
 * everyday life, worded as in scope (`STORY_ODDS`), whose first procedure is the unit's own and
 * misses no topic of the question: the story leaves every procedure little of the question, but
 * the first is what it tells of. It is offered ("Ý bạn là…?"), with the unit's own near it in score
 * (within AHEAD) as choices, rather than handed over.
 */
function storyInScope(candidates: Candidate[], d: Decided, plan: QueryPlan, outOdds: number): Decided | undefined {
  if (d.decision !== 'handoff' && d.decision !== 'decline') return undefined;
  if (outOdds > STORY_ODDS || plan.intents.offTopic || plan.contentCount < STORY_WORDS || plan.tokens.length < STORY_SYLLABLES) return undefined;
  const c = candidates.filter((x) => x.kind === 'procedure');
  const lead = c[0];
  if (!lead || !lead.here || (lead.missesTopic && !toldAround(lead, plan, outOdds))) return undefined;
  const near = c.slice(1, 3).filter((x) => x.here && !x.missesTopic && x.score > lead.score * AHEAD);
  return { decision: 'clarify', picks: [lead, ...near], confidence: confidence(lead) };
}

/**
 * Syllables from which a story's first procedure may miss a topic word of the question and still be
 * what it tells of (toldAround).
 */
const STORY_MISS_SYLLABLES = 20;

/**
 * A story's first procedure misses a topic word of the question — a word no procedure here has,
 * which in a long story is mostly its setting ("công nhân ở KCN", "chú thím trông nom nó từ nhỏ")
 * rather than another agency's subject — yet is what the story tells of: the story is long
 * (STORY_MISS_SYLLABLES), a word pair of the question is in the procedure's name, and it is worded
 * far more like our in-scope questions than a plain story must be (`LEARNED.storyMissOdds`, twice
 * STORY_ODDS). Another agency's procedure asked in a sentence ("chồng tôi người Úc muốn xin thẻ
 * tạm trú") is short, and its odds rarely go that low.
 */
function toldAround(lead: Candidate, plan: QueryPlan, outOdds: number): boolean {
  return lead.pairSupport && plan.tokens.length >= STORY_MISS_SYLLABLES && outOdds <= LEARNED.storyMissOdds;
}

/**
 * The question names the commune as where it is done ("trình xã duyệt", "công an xã phạt tôi",
 * "ủy ban phường"), with its marks: not "xã hội", "hợp tác xã", "ông xã" / "bà xã" (a husband, a
 * wife), nor unmarked "xa" (far).
 */
function namesCommune(plan: QueryPlan): boolean {
  return plan.tokens.some((t, i) => (t.accented === 'xã' || t.accented === 'phường') && plan.tokens[i + 1]?.folded !== 'hoi' && !['tac', ...(t.accented === 'xã' ? ['ong', 'ba'] : [])].includes(plan.tokens[i - 1]?.folded ?? ''));
}

/**
 * Another level's record would be named, while the question says the commune does it and one of
 * the ward's own near the top has its topic word and scores near that record (COMMUNE_NEAR): the
 * ward's is what the citizen asks about ("phương án ứng phó khẩn cấp của hồ chứa, trình xã phê
 * duyệt": the commune's approval, not the province's for dams over two communes).
 */
const COMMUNE_NEAR = 0.6;
function ownNamedHere(candidates: Candidate[], d: Decided, sure?: string): Decided | undefined {
  const lead = d.picks[0]!;
  // The learned model's sure code stands for the topic word (pass 22: "kênh mương với trạm bơm của
  // xã cần phương án bảo vệ, trình chủ tịch xã": the commune's protection plan, named without "công
  // trình thủy lợi").
  const own = candidates.filter((x) => x.kind === 'procedure').slice(0, 3).find((x) => x.here && x.pairSupport && (x.topicHit || x.id === sure) && !x.missesTopic && x.score >= lead.score * COMMUNE_NEAR);
  if (!own) return undefined;
  const conf = confidence(own);
  return { decision: conf >= CALIBRATION.answer ? 'answer' : 'clarify', picks: [own], confidence: conf };
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

function decideRules(candidates: Candidate[], plan: QueryPlan): Decided {
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
