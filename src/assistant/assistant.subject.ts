/**
 * The subject a follow-up keeps (assistant.respond.ts): which procedure a conversation's next
 * message means among those found, given the one being discussed — that one again, the one of its
 * field, or a sibling of that field its few words name.
 */
import { fold, syllables } from '../shared/vietnamese';
import { STORY_FOLDS } from './assistant.follow-ups';
import { LIGHT_WORDS } from './assistant.intent';
import type { Candidate, QueryPlan, Retriever } from './assistant.retrieval';

/** The catalogue as these read it: a procedure's name and field. */
type Filed = { findProcedure(code: string): Promise<{ name: string; field?: string } | undefined> };

/**
 * A follow-up's words fit several procedures as well: the one being discussed is meant ("mấy hôm
 * thì có thẻ?" after the first ID card), else the one of its field ("thế còn chấm dứt?" after a
 * household business is not the ending of a guardianship) — the others as good drop out instead
 * of winning or making it a choice.
 */
export async function nearSubject(catalog: Filed, candidates: Candidate[], previous: string): Promise<{ candidates: Candidate[]; current: boolean }> {
  const field = (await catalog.findProcedure(previous))?.field;
  const top = candidates.find((c) => c.kind === 'procedure');
  if (!field || !top) return { candidates, current: false };
  const close = candidates.filter((c) => c.kind === 'procedure' && c.coverage >= top.coverage - 0.02 && c.score >= top.score / 2);
  const current = close.find((c) => c.id === previous);
  if (current) return { candidates: [current, ...candidates.filter((c) => !close.includes(c))], current: close.length > 1 };
  if (close.length < 2) return { candidates, current: false };
  const same: Candidate[] = [];
  for (const c of close) if ((await catalog.findProcedure(c.id))?.field === field) same.push(c);
  if (!same.length || same.length === close.length) return { candidates, current: false };
  return { candidates: [same[0]!, ...candidates.filter((c) => !close.includes(c))], current: false };
}

/**
 * "Thế còn gia hạn?" after a building permit's reissue: the words fit dozens of procedures of
 * other fields ("gia hạn tạm trú", "gia hạn nộp thuế"), so the one of the subject's field named
 * with every word of the follow-up is looked up with the subject's name beside it. Only when no
 * procedure of that field is already among the best (then `nearSubject` decides).
 */
export async function inSubjectField(catalog: Filed, retriever: Pick<Retriever, 'search'>, plan: QueryPlan, about: string, previous: string, candidates: Candidate[]): Promise<string | undefined> {
  const prev = await catalog.findProcedure(previous);
  const words = plan.content.flatMap((c) => c.split('+'));
  if (!prev?.field || !words.length) return undefined;
  const top = candidates.find((c) => c.kind === 'procedure');
  if (top && (await catalog.findProcedure(top.id))?.field === prev.field) return undefined;
  for (const c of retriever.search(`${about} ${prev.name}`, { limit: 8 }).candidates) {
    if (c.kind !== 'procedure' || !c.here || c.id === previous) continue;
    const p = await catalog.findProcedure(c.id);
    if (p?.field !== prev.field) continue;
    const name = new Set(syllables(fold(p.name)));
    if (words.every((w) => name.has(w))) return c.id;
  }
  return undefined;
}

/** Words that name a procedure's paper, not a procedure ("giấy", "giấy tờ"; folded, "y" written "i"). */
const PAPER_WORDS = new Set(['giai', 'to']);

/**
 * "Đổi thì sao?" after a lost card's re-issue: the follow-up's few words are not in the name of
 * the procedure being discussed but all are in a sibling's of the same field among the first
 * found ("Cấp đổi thẻ căn cước"): that sibling, not the one discussed.
 */
export async function namedSibling(catalog: Filed, plan: QueryPlan, previous: string, candidates: Candidate[], thingsOnly = false): Promise<string | undefined> {
  const words = plan.content.flatMap((c) => c.split('+'));
  const prev = await catalog.findProcedure(previous);
  if (!prev?.field || !words.length || words.length > 3) return undefined;
  // Without "còn", only a thing named: "nhờ má nộp" names no "nhận cha, mẹ, con" (pass 24).
  if (thingsOnly && words.some((w) => STORY_FOLDS.has(w) || LIGHT_WORDS.has(w))) return undefined;
  const named = (name: string) => {
    const own = new Set(syllables(fold(name)));
    return words.every((w) => own.has(w));
  };
  // The subject named again, or its own paper ("làm giấy khai sinh cần gì" after the birth's
  // registration, whose result is the "giấy khai sinh"): no sibling whose name has "giấy".
  if (named(prev.name) || (words.some((w) => PAPER_WORDS.has(w)) && named([...PAPER_WORDS, prev.name].join(' ')))) return undefined;
  for (const c of candidates.slice(0, 5)) {
    if (c.kind !== 'procedure' || !c.here || c.id === previous) continue;
    const p = await catalog.findProcedure(c.id);
    if (p?.field === prev.field && named(p.name)) return c.id;
  }
  return undefined;
}
