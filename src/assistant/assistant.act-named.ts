import type { QueryPlan } from './assistant.retrieval';

/**
 * Pass 28 (r13facts): a fact asked again in a conversation naming only the act — "thế đăng ký ở
 * đâu" after the poor household's recognition, "vậy đăng ký cái này hết bao nhiêu phí" after a
 * household business: "đăng ký", "làm", "nộp", "xin", "hồ sơ", "thủ tục" say that something is
 * filed, not which record. Read alone, "đăng ký" offers marriage and residence, or the one of
 * many whose name says it twice ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh"); the citizen
 * still speaks of the procedure discussed. A sibling named by more than the act ("thế còn đăng ký
 * lại", "đổi thì sao") says a word beyond the act, so it is left to assistant.subject.ts, read
 * after this (assistant.respond.ts).
 */

/** The act of filing, as the query reads it (folded concepts; "đăng ký" is one concept "dang+ki"). */
const ACTS: ReadonlySet<string> = new Set(['dang+ki', 'lam', 'nop', 'xin', 'ho+so', 'thu+tuc', 'giai+to']);

/** The question's words, beyond the fact asked and the pointing back, are only the act of filing. */
export function onlyTheActNamed(plan: Pick<QueryPlan, 'content'>): boolean {
  return plan.content.length > 0 && plan.content.every((c) => ACTS.has(c));
}
