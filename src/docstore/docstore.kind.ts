/**
 * Which stored paper fits which component of a form. Components are numbered per procedure, so
 * across procedures a paper is matched by its kind: the folded name of the paper without what only
 * says how many copies or which form of it ("bản sao", "bản chính", "01 bản", "(nếu có)").
 */
import { fold } from '../shared/vietnamese';

const NOISE = [/\([^)]*\)/g, /\b(ban sao|ban chinh|ban goc|ban in|ban dien tu|ban chup|hop le|co chung thuc|duoc chung thuc|neu co|trich luc)\b/g, /\b\d+\s*(ban|to)\b/g, /\b(cua|ve|cho)\b.*$/];

export function kindKey(name: string): string {
  let s = fold(name);
  for (const re of NOISE) s = s.replace(re, ' ');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * A paper fits a component when it was attached for that very component of that procedure, or
 * when its kind and the component's are the same, or one contains the other as whole words (a
 * result "Giấy khai sinh" fits "Bản sao Giấy khai sinh của con").
 */
export function fits(paper: { procedureCode: string | null; component: string | null; kind: string }, procedureCode: string, component: { id: string; name: string }): boolean {
  if (paper.procedureCode === procedureCode && paper.component === component.id) return true;
  const a = paper.kind;
  const b = kindKey(component.name);
  if (!a || !b) return false;
  if (a === b) return true;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  return shorter.split(' ').length >= 2 && ` ${longer} `.includes(` ${shorter} `);
}
