import { answerText, type EForm, type EFormField } from '../eform';
import type { LinkedGroup } from './linked.types';

/**
 * Each part's share of a group's one form (issue 14): the family fills one form for every member,
 * but an agency outside the unit receives only what its own procedure asks — the other members'
 * answers are personal data it has no business with (Decree 13/2023/NĐ-CP on personal data: data
 * processed for the stated purpose only). The rule, also in README "Nhóm thủ tục liên thông":
 *
 * 1. the member's `fields` in the group's definition, when the definition names them (the demo
 *    groups do; a group the unit admin makes gets its members' own e-form fields written there);
 * 2. otherwise the group form's fields that the member procedure's own e-form also asks (same id).
 *
 * The applicant's own block (name, phone, address) goes with every part: the agency must be able
 * to reach the person who asked.
 */
export function shareOf(g: Pick<LinkedGroup, 'eform' | 'members'>, procedureCode: string, ownForm: EForm | undefined): EFormField[] {
  const member = g.members.find((m) => m.procedureCode === procedureCode);
  const wanted = new Set(member?.fields ?? ownForm?.sections.flatMap((s) => s.fields.map((f) => f.id)) ?? []);
  return g.eform.sections.flatMap((s) => s.fields.filter((f) => wanted.has(f.id)));
}

/** The answers of a share, with their labels (dates dd/mm/yyyy, choices by label); empty ones left out. */
export function shareAnswers(fields: EFormField[], formData: Record<string, unknown>): Array<{ field: string; label: string; value: string }> {
  return fields.filter((f) => formData[f.id] !== undefined && formData[f.id] !== '').map((f) => ({ field: f.id, label: f.label, value: answerText(f, formData[f.id]) }));
}

/** The raw values of a share only (the partner's JSON). */
export function shareData(fields: EFormField[], formData: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => formData[f.id] !== undefined).map((f) => [f.id, formData[f.id]]));
}
