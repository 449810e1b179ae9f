/** Vaccination reminders for children from 0 to 24 months (issue 14). */
import { ValidationError } from '../shared/errors';
import { ENROLMENT_STATUS_LABEL, type EnrolInput, type VaccinationService } from './vaccination.service';

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
  input: BirthReminderInput & { dossierCode?: string },
): Promise<{ id: string; schedule: Array<{ key: string; vaccine: string; dose: string; dueDate: string }>; stopUrl: string }> {
  const body: EnrolInput = { unit: input.unitCode, childName: input.childName, birthDate: input.birthDate, phone: input.phone, village: input.village ?? '', zalo: input.zalo ?? false, consent: true };
  const r = await vaccination.enrol(body, { source: 'birth_registration', verified: true, dossierCode: input.dossierCode });
  return { id: r.enrolment.id, schedule: r.schedule.map((d) => ({ key: d.key, vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate })), stopUrl: r.stopUrl };
}

/** What a birth registration's opt-in gives: the child's name, birth date and phone, and the parent's choices. */
export interface BirthReminderInput {
  unitCode: string;
  childName: string;
  birthDate: string;
  phone: string;
  village?: string;
  zalo?: boolean;
}

/**
 * The opt-in of a birth registration checked before anything is written (the form refuses it with
 * the group's other problems): the problems, each with its field, or none.
 */
export async function checkVaccinationReminders(vaccination: VaccinationService, input: BirthReminderInput): Promise<Array<{ field: string; code: string; message: string }>> {
  const body: EnrolInput = { unit: input.unitCode, childName: input.childName, birthDate: input.birthDate, phone: input.phone, village: input.village ?? '', zalo: input.zalo ?? false, consent: true };
  try {
    await vaccination.validate(body, 'birth_registration');
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
}

/**
 * The reminders asked at a birth registration (by the dossier's code), as the registration's page
 * shows them: the child, the state, the next dose not given, the parent's signed link. Undefined
 * when none were asked or they ended (the child's data is erased then).
 */
export async function vaccinationRemindersOf(
  vaccination: VaccinationService,
  dossierCode: string,
): Promise<{ id: string; childName: string; statusLabel: string; next: { vaccine: string; dose: string; dueDate: string } | null; link: string } | undefined> {
  const v = await vaccination.ofDossier(dossierCode);
  if (!v) return undefined;
  const next = v.doses.find((d) => !d.givenOn && !d.overdue) ?? null;
  return {
    id: v.enrolment.id,
    childName: v.enrolment.childName,
    statusLabel: ENROLMENT_STATUS_LABEL[v.enrolment.status] ?? v.enrolment.status,
    next: next ? { vaccine: next.vaccine, dose: next.dose, dueDate: next.dueDate } : null,
    link: vaccination.link(v.enrolment.id),
  };
}
