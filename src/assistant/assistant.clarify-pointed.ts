import { fold, syllables } from '../shared/vietnamese';
import { AHEAD, CALIBRATION, confidence, type Decided } from './assistant.calibration';

/**
 * Choices offered ("Ý bạn là…") for a vague question that still has one word pointing to the right
 * record (pass 28, r13clarify): the order of the offers and a fact asked of the one meant.
 * - `pointedFirst`: a later choice whose name holds every two-syllable word of the question that the
 *   first's holds (one at least) and POINTING_MORE more is what the question points to: it is
 *   offered first ("tranh chấp đất với hàng xóm, chủ tịch xã giải quyết": the chairman's decision,
 *   whose name holds "chủ tịch", "giải quyết" beside the mediation's "tranh chấp đất"). The choices
 *   stay choices.
 * - `factOfOffer`: a fact asked (fee, time, papers, place) while the offer's first is plainly the one
 *   meant: answered, the fact stated (the answer names the record on its first line, so a citizen who
 *   meant another sees which one it assumed). Plainly meant: the learned model's sure code, alone or
 *   clearly ahead in score of the others (AHEAD) with no other holding more of the question's words;
 *   or, in a follow-up, the one record of the offers that the conversation offered or answered just
 *   before ("thủ tục căn cước" → "cái cấp lại vì đánh mất ấy, chờ bao lâu").
 */

/** The facts a citizen asks of a procedure (as in assistant.decide-fact.ts). */
const FACTS: ReadonlySet<string> = new Set(['fee', 'time', 'papers', 'place']);

/** A name's two-syllable words, folded ("Thủ tục" and the levels a name lists aside). */
function pairsOf(text: string): Set<string> {
  const bare = text.replace(/^\s*thủ tục\s+/iu, '').replace(/\s*thực hiện (?:tại|ở) cấp [^()]*$/iu, '');
  const s = syllables(fold(bare));
  return new Set(s.slice(1).map((w, i) => `${s[i]} ${w}`));
}

/** The question's two-syllable words each choice's name holds. */
async function heldPairs(d: Decided, question: string, nameOf: (code: string) => Promise<string | undefined>): Promise<Array<Set<string>>> {
  const asked = pairsOf(question);
  return Promise.all(d.picks.map(async (p) => new Set([...pairsOf((await nameOf(p.id)) ?? '')].filter((w) => asked.has(w)))));
}

/**
 * Two-syllable words of the question a later choice must hold beyond the first's to be offered
 * first: a phrase ("chủ tịch … giải quyết"), not one common word of a story
 * ("giấy tờ", "thường trú", "đăng ký": one more such word put the wrong record first in 10 lines of
 * the demo tuning sets while setting right 3).
 */
export const POINTING_MORE = 2;

/**
 * `a` holds every word of `b`, which holds one at least, and POINTING_MORE more. A first holding
 * none of the question's words was put first by its synonyms or the learned model; a long name
 * holding more of a story's words is then no pointer ("… đóng bảo hiểm xã hội, hưởng tiền tuất":
 * the survivors' benefit, not a record named "… chưa tham gia bảo hiểm xã hội"; on the full
 * catalogue such reorders lost 8 lines of the tuning sets for 2 gained).
 */
const holdsMore = (a: Set<string>, b: Set<string>): boolean => b.size > 0 && a.size >= b.size + POINTING_MORE && [...b].every((w) => a.has(w));

/** Choices whose later one holds more of the question's two-syllable words than the first: that one first. */
export async function pointedFirst(d: Decided, question: string, nameOf: (code: string) => Promise<string | undefined>): Promise<Decided> {
  if (d.decision !== 'clarify' || d.picks.length < 2) return d;
  const held = await heldPairs(d, question, nameOf);
  // The one holding the most, if it holds all the first holds and more.
  let best = 0;
  for (let i = 1; i < held.length; i++) if (holdsMore(held[i]!, held[best]!)) best = i;
  if (best === 0 || !d.picks[best]!.here) return d;
  const first = d.picks[best]!;
  return { ...d, picks: [first, ...d.picks.filter((p) => p !== first)], confidence: confidence(first) };
}

/** What the conversation offered or answered just before this message (its memory, when fresh). */
export interface Offered {
  choices?: readonly string[];
  procedure?: string;
}

/** An offer of which a fact is asked, its first plainly the one meant: answered (see above). */
export async function factOfOffer(d: Decided, aspects: readonly string[], sure: string | undefined, question: string, nameOf: (code: string) => Promise<string | undefined>, before: Offered = {}): Promise<Decided> {
  if (d.decision !== 'clarify' || !aspects.some((a) => FACTS.has(a))) return d;
  const first = d.picks[0]!;
  const answer: Decided = { decision: 'answer', picks: [first], confidence: d.confidence };
  // A follow-up: the one record among the offers the conversation just offered or answered.
  const earlier = new Set([...(before.choices ?? []), ...(before.procedure ? [before.procedure] : [])]);
  if (earlier.size && earlier.has(first.id) && d.picks.slice(1).every((p) => !earlier.has(p.id))) return answer;
  if (!sure || first.id !== sure) return d;
  // The model's sure code offered alone, whatever the rules' confidence (sureFactAnswer asks it below `suggest`).
  if (d.picks.length === 1) return answer;
  // Several: the sure first clearly ahead in score, and no other holding more of the question's words.
  if (d.picks.slice(1).some((p) => p.score > first.score * AHEAD)) return d;
  const held = await heldPairs(d, question, nameOf);
  if (held.slice(1).some((h) => [...h].some((w) => !held[0]!.has(w)))) return d;
  return d.confidence >= CALIBRATION.handoff ? answer : d;
}
