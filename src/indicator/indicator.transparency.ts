import type { Publication } from '../catalog';
import type { FollowUpFact } from '../rating';
import type { IndicatorRecord } from './indicator.types';

/**
 * The transparency sub-indicators that do not count dossiers (Decision 766/QĐ-TTg, group
 * "Công khai, minh bạch"), each read as it stood at the instant `until` (the period's end, or now):
 *
 * - catalogue_complete_rate: the procedures in the unit's catalogue at `until` (the catalogue's
 *   publication history, migration 030), in the numerator when nothing a citizen needs is missing
 *   from the record as the unit offers it (papers, processing time, fee, forms).
 * - feedback_on_time_rate: the citizens' feedback received in the period (a "Không hài lòng",
 *   which asks the unit for an answer by a deadline: rating module), in the numerator when answered
 *   by its deadline, or not answered yet and its deadline not passed at `until` — as the progress
 *   indicator counts a dossier in progress within its time. An answer given after `until` is not
 *   seen, so a closed period never changes.
 *
 * Each record comes with its part: 1 = denominator only, 2 = numerator too.
 */
export type PartedRecord = IndicatorRecord & { part: 1 | 2 };

export function catalogueRecords(list: Publication[]): PartedRecord[] {
  return list.map((p) => ({
    kind: 'procedure',
    unit: p.unitCode,
    procedureCode: p.procedureCode,
    dossierCode: null,
    at: p.at,
    dueAt: null,
    answeredAt: null,
    gaps: p.gaps,
    timeliness: null,
    part: p.gaps.length ? 1 : 2,
  }));
}

export function followUpRecords(list: FollowUpFact[], until: string): PartedRecord[] {
  return list.map((f) => {
    const onTime = f.answeredAt !== null ? f.answeredAt <= f.dueAt : f.dueAt >= until;
    return {
      kind: 'followup',
      unit: f.unitCode,
      procedureCode: null,
      dossierCode: f.dossierCode,
      at: f.openedAt,
      dueAt: f.dueAt,
      answeredAt: f.answeredAt,
      gaps: [],
      timeliness: onTime ? 'on_time' : 'late',
      part: onTime ? 2 : 1,
    };
  });
}
