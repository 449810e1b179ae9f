import { AHEAD, CALIBRATION, confidence, STORY_SYLLABLES, STORY_WORDS, type Decided } from './assistant.calibration';
import { LEARNED } from './assistant.learned';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * What a question tells beside the record it asks (stop 45: out of assistant.decide.ts, unchanged):
 * a long story around a record of the ward's, worded as in scope (storyInScope), and the commune
 * named as where it is done (namesCommune, ownNamedHere). `decide` reads them after the rules.
 */

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
export function storyInScope(candidates: Candidate[], d: Decided, plan: QueryPlan, outOdds: number): Decided | undefined {
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
export function namesCommune(plan: QueryPlan): boolean {
  return plan.tokens.some((t, i) => (t.accented === 'xã' || t.accented === 'phường') && plan.tokens[i + 1]?.folded !== 'hoi' && !['tac', ...(t.accented === 'xã' ? ['ong', 'ba'] : [])].includes(plan.tokens[i - 1]?.folded ?? ''));
}

/**
 * Another level's record would be named, while the question says the commune does it and one of
 * the ward's own near the top has its topic word and scores near that record (COMMUNE_NEAR): the
 * ward's is what the citizen asks about ("phương án ứng phó khẩn cấp của hồ chứa, trình xã phê
 * duyệt": the commune's approval, not the province's for dams over two communes).
 */
const COMMUNE_NEAR = 0.6;
export function ownNamedHere(candidates: Candidate[], d: Decided, sure?: string): Decided | undefined {
  const lead = d.picks[0]!;
  // The learned model's sure code stands for the topic word (pass 22: "kênh mương với trạm bơm của
  // xã cần phương án bảo vệ, trình chủ tịch xã": the commune's protection plan, named without "công
  // trình thủy lợi").
  const own = candidates.filter((x) => x.kind === 'procedure').slice(0, 3).find((x) => x.here && x.pairSupport && (x.topicHit || x.id === sure) && !x.missesTopic && x.score >= lead.score * COMMUNE_NEAR);
  if (!own) return undefined;
  const conf = confidence(own);
  return { decision: conf >= CALIBRATION.answer ? 'answer' : 'clarify', picks: [own], confidence: conf };
}
