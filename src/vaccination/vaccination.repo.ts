import type { Kysely, Transaction } from 'kysely';
import type { DB, VaccinationDoseTable, VaccinationEnrolmentTable, VaccinationReminderTable, VaccinationScheduleTable, VaccinationSettingsTable } from '../db/schema';

export type Exec = Kysely<DB> | Transaction<DB>;
export type EnrolmentRow = VaccinationEnrolmentTable;
export type DoseRow = VaccinationDoseTable;
export type ReminderRow = VaccinationReminderTable;
export type ScheduleRow = VaccinationScheduleTable;
export type SettingsRow = VaccinationSettingsTable;

// ------------------------------------------------------------------ schedule and settings

export async function listSchedule(db: Exec, unitCode: string): Promise<ScheduleRow[]> {
  return db.selectFrom('vaccination_schedule').selectAll().where('unit_code', '=', unitCode).orderBy('sort').orderBy('dose_key').execute();
}

export async function insertScheduleRows(db: Exec, rows: ScheduleRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('vaccination_schedule')
    .values(rows)
    .onConflict((oc) => oc.columns(['unit_code', 'dose_key']).doNothing())
    .execute();
}

export async function upsertScheduleRow(db: Exec, row: ScheduleRow): Promise<void> {
  await db
    .insertInto('vaccination_schedule')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'dose_key']).doUpdateSet({ vaccine: row.vaccine, dose: row.dose, months: row.months, days: row.days, note: row.note, sort: row.sort, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteScheduleRow(db: Exec, unitCode: string, key: string): Promise<boolean> {
  const r = await db.deleteFrom('vaccination_schedule').where('unit_code', '=', unitCode).where('dose_key', '=', key).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findSettings(db: Exec, unitCode: string): Promise<SettingsRow | undefined> {
  return db.selectFrom('vaccination_settings').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
}

export async function upsertSettings(db: Exec, row: SettingsRow): Promise<void> {
  const { unit_code: _u, ...set } = row;
  await db
    .insertInto('vaccination_settings')
    .values(row)
    .onConflict((oc) => oc.column('unit_code').doUpdateSet(set))
    .execute();
}

// ------------------------------------------------------------------ enrolments

export async function insertEnrolment(db: Exec, row: EnrolmentRow): Promise<void> {
  await db.insertInto('vaccination_enrolments').values(row).execute();
}

export async function findEnrolment(db: Exec, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('vaccination_enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The enrolment made at a birth registration (its dossier's code; blanked when the reminders end). */
export async function findByDossier(db: Exec, dossierCode: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('vaccination_enrolments').selectAll().where('dossier_code', '=', dossierCode).orderBy('created_at', 'desc').executeTakeFirst();
}

export async function updateEnrolment(db: Exec, id: string, set: Partial<EnrolmentRow>): Promise<void> {
  await db.updateTable('vaccination_enrolments').set(set).where('id', '=', id).execute();
}

/** Enrolments in these statuses, of one unit or all. */
export async function listEnrolments(db: Exec, statuses: string[], unitCode?: string): Promise<EnrolmentRow[]> {
  let q = db.selectFrom('vaccination_enrolments').selectAll().where('status', 'in', statuses);
  if (unitCode) q = q.where('unit_code', '=', unitCode);
  return q.orderBy('village').orderBy('child_name').orderBy('id').execute();
}

export async function listByPhone(db: Exec, phone: string, statuses: string[]): Promise<EnrolmentRow[]> {
  return db.selectFrom('vaccination_enrolments').selectAll().where('phone', '=', phone).where('status', 'in', statuses).execute();
}

/** Proofs never given, older than `before`. */
export async function listUnverifiedBefore(db: Exec, before: string): Promise<string[]> {
  const rows = await db.selectFrom('vaccination_enrolments').select('id').where('status', '=', 'unverified').where('created_at', '<', before).execute();
  return rows.map((r) => r.id);
}

export async function deleteEnrolment(db: Exec, id: string): Promise<void> {
  await db.deleteFrom('vaccination_enrolments').where('id', '=', id).execute();
}

// ------------------------------------------------------------------ doses given

export async function listDoses(db: Exec, enrolmentIds: string[]): Promise<DoseRow[]> {
  if (!enrolmentIds.length) return [];
  return db.selectFrom('vaccination_doses').selectAll().where('enrolment_id', 'in', enrolmentIds).execute();
}

/** The first mark stays (a second click changes nothing). */
export async function insertDose(db: Exec, row: DoseRow): Promise<boolean> {
  const r = await db
    .insertInto('vaccination_doses')
    .values(row)
    .onConflict((oc) => oc.columns(['enrolment_id', 'dose_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteDoses(db: Exec, enrolmentId: string): Promise<void> {
  await db.deleteFrom('vaccination_doses').where('enrolment_id', '=', enrolmentId).execute();
}

// ------------------------------------------------------------------ reminders

/** False when that day's reminder of the child was already queued. */
export async function insertReminder(db: Exec, row: ReminderRow): Promise<boolean> {
  const r = await db
    .insertInto('vaccination_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['enrolment_id', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listReminders(db: Exec, enrolmentIds: string[]): Promise<ReminderRow[]> {
  if (!enrolmentIds.length) return [];
  return db.selectFrom('vaccination_reminders').selectAll().where('enrolment_id', 'in', enrolmentIds).execute();
}

/** Reminders whose delivery is still watched for a failure report. */
export async function listWatchedReminders(db: Exec): Promise<ReminderRow[]> {
  return db.selectFrom('vaccination_reminders').selectAll().where('status', '=', 'queued').execute();
}

export async function setReminderStatus(db: Exec, enrolmentId: string, dueDate: string, status: string): Promise<void> {
  await db.updateTable('vaccination_reminders').set({ status }).where('enrolment_id', '=', enrolmentId).where('due_date', '=', dueDate).execute();
}

export async function deleteReminders(db: Exec, enrolmentId: string): Promise<void> {
  await db.deleteFrom('vaccination_reminders').where('enrolment_id', '=', enrolmentId).execute();
}
