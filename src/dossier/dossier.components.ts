import type { Procedure } from '../catalog';
import type { EForm } from '../eform';
import { fold } from '../shared/vietnamese';

export interface ProcedureForm {
  procedureCode: string;
  eform: EForm;
  jsonSchema: Record<string, unknown>;
  cases: Array<{ id: string; title: string; kind: GroupKind; components: Array<{ id: string; name: string; required: boolean; originals: number; copies: number; replacedByEForm: boolean }> }>;
}


/**
 * Component ids are "<group id>.<index>", stable for a procedure's record. The first group is the
 * general list; a group of papers only shown at the counter ("xuất trình") is never attached; every
 * other group is a case (trường hợp) that applies only when the applicant chooses it.
 */
export function componentsOf(p: Procedure): ProcedureForm['cases'] {
  return p.componentGroups.map((g, gi) => {
    const kind: GroupKind = /xuất trình/i.test(g.title) ? 'show' : gi === 0 ? 'general' : 'case';
    return {
      id: g.id,
      title: g.title || 'Giấy tờ phải nộp',
      kind,
      components: g.components.map((c, i) => ({
        id: `${g.id}.${i}`,
        name: c.name,
        required: kind !== 'show' && c.required && !/xuất trình/i.test(c.note ?? ''),
        originals: c.originals,
        copies: c.copies,
        replacedByEForm: !!c.replacedByEForm,
      })),
    };
  });
}

export type GroupKind = 'general' | 'case' | 'show';

/** The groups whose papers must be attached: the general list plus the chosen case. */
export function applicableGroups(p: Procedure, caseId: string | null): ProcedureForm['cases'] {
  return componentsOf(p).filter((g) => g.kind === 'general' || (g.kind === 'case' && g.id === caseId));
}

/**
 * The 15:00 rule of civil status ("hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp
 * theo", Decree 123/2015 art. 37 as amended) and of certification (Decree 23/2015 art. 7: copies
 * and signatures "trong ngày", the next working day after 15:00): applied where the record states it.
 */
export function hasAfternoonCutoff(p: Procedure): boolean {
  const field = fold(p.field);
  return (field === 'ho tich' || field === 'chung thuc') && p.channels.some((c) => /15\s*(giờ|h)/i.test(`${c.timeText} ${c.description}`));
}
