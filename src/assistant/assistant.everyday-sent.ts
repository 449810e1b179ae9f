import type { Decided } from './assistant.decide';
import { LEARNED } from './assistant.learned';
import type { QueryPlan } from './assistant.retrieval';
import { tellsForeigner } from './assistant.situations';
import { asksKnowHow } from './assistant.everyday-advice';

/**
 * Pass 26 (r11every): everyday life sent to another level's office. On the national catalogue a
 * question of everyday life shares a word or two with one of the 2,642 records' long names, and the
 * rules named that record as where "it" is done: last night's match sent to a seaport's arrivals,
 * a gym to a notary's traineeship, a plumber's number to a foreign bank's office, a proverb to an
 * irrigation permit (tuning/out-of-scope-24.jsonl, read unseen: 24 of its 109 everyday lines so on
 * the full catalogue). An answer or choices of the ward's own are declined on such a question by
 * the learned scope odds (assistant.decide.ts, `decide`); a pointer to another level's office was
 * not, though it sends the citizen to an office for nothing. The same odds decide it: less sure
 * than `scopeBelow` while the odds read out of scope (`scopeOdds`). Not `scopeAlways` (any answer
 * short of NAMED_WHOLE at extreme odds): a pointer that sure names its office in the question's
 * own words ("học lái xe ô tô hạng B", whose odds our everyday driving-school lines raise).
 * Not when the record has, said plainly (outside the everyday words, Candidate.plainTopic), two
 * words of the question that the ward's own records hardly ever have (Candidate.elsewhereWords):
 * the question names what that office does ("xin phiếu lý lịch tư pháp số 2 để đi du học",
 * "chứng chỉ hành nghề thú y"), however its other words read — our tuning sets' older lines of
 * other agencies' matters have no `kind`, so the scope model learnt them as everyday life. Nor
 * when a foreigner told of is pointed to a foreigner's record ("xin visa cho bạn người Úc sang
 * Việt Nam chơi": the immigration office's visa, assistant.foreigners.ts).
 */
/*
 * Pass 27 (r12every): however sure the pointer, on a question that says words of everyday life
 * (IntentReading.offTopic) while the odds read it as out of scope as surely as `scopeAlways`:
 * "cai thuốc lá thế nào cho hiệu quả" was sent to a tobacco stamp at 0.95, "thuế thu nhập cá nhân
 * bên Mỹ" to a tax return at 0.84, "nghỉ phép năm … quy ra tiền" to a public company's register
 * (out-of-scope-26.jsonl, read unseen; odds 5–12). "học lái xe ô tô hạng B" says no everyday word.
 * Stop 46: or, whatever the odds, when it asks know-how (assistant.everyday-advice.ts, `asksKnowHow`).
 */
export function sentForNothing(d: Decided, outOdds: number, plan: QueryPlan): Decided {
  if (d.decision !== 'elsewhere') return d;
  const lead = d.picks[0]!;
  if (lead.plainTopic && (lead.elsewhereWords ?? 0) >= ELSEWHERE_NAMED) return d;
  if (lead.foreignName && lead.topicHit && tellsForeigner(plan.tokens.map((t) => t.folded))) return d;
  const folded = plan.tokens.map((t) => t.folded);
  const everydaySure = plan.intents.offTopic && (outOdds >= LEARNED.scopeAlways || asksKnowHow(folded));
  return (d.confidence < LEARNED.scopeBelow && outOdds >= LEARNED.scopeOdds) || everydaySure ? { decision: 'decline', picks: [], confidence: d.confidence } : d;
}

/**
 * Words of another level's records a question must say for the pointer to stand against the odds:
 * one is not enough ("học lái xe ô tô B2 trọn gói", "gửi hàng qua bưu điện ra Hà Nội" say one; the criminal
 * record, a veterinary or an architect's licence, a duty-free car two or more).
 */
const ELSEWHERE_NAMED = 2;
