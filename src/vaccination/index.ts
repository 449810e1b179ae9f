/** Vaccination reminders for children from 0 to 24 months (issue 14). */
import type { EnrolInput, VaccinationService } from './vaccination.service';

export {
  CONSENT_TEXT,
  CONSENT_VERSION,
  HEALTH_STATION_ROLES,
  VaccinationService,
  type DueList,
  type EnrolInput,
  type Enrolment,
  type EnrolmentView,
  type VaccinationDeps,
} from './vaccination.service';
export { addMonthsClamped, dueDate, endDate, scheduleFor } from './vaccination.schedule';
export { TCMR_SCHEDULE, type ScheduleDose } from './vaccination.tcmr';
export { VaccinationReminderJob } from './vaccination.jobs';
export { vaccinationRoutes } from './vaccination.routes';
export { vaccinationStaffRoutes } from './vaccination.staff-routes';

/**
 * Opt-in at birth registration (the newborn group's form): the parent ticked "nhắc lịch tiêm" and
 * gave consent. Call it after the dossier's transaction committed, with the dossier's proven phone
 * (its submission proved it: one-time code or a session), the child's name and birth date, and the
 * dossier's code. Bad input throws a ValidationError (422, code invalid_vaccination_enrolment)
 * listing every field; the answer is the API's: the id, the child's schedule and the parent's
 * signed link (which also stops the reminders).
 */
export async function enrolVaccinationReminders(
  vaccination: VaccinationService,
  input: { unitCode: string; childName: string; birthDate: string; phone: string; village?: string; zalo?: boolean; dossierCode?: string },
): Promise<{ id: string; schedule: Array<{ key: string; vaccine: string; dose: string; dueDate: string }>; stopUrl: string }> {
  const body: EnrolInput = { unit: input.unitCode, childName: input.childName, birthDate: input.birthDate, phone: input.phone, village: input.village ?? '', zalo: input.zalo ?? false, consent: true };
  const r = await vaccination.enrol(body, { source: 'birth_registration', verified: true, dossierCode: input.dossierCode });
  return { id: r.enrolment.id, schedule: r.schedule.map((d) => ({ key: d.key, vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate })), stopUrl: r.stopUrl };
}
