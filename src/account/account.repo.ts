import type { Kysely, Transaction } from 'kysely';
import type { CitizenTable, DB, SessionTable, StaffTable } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

export async function findCitizenByPhone(db: Exec, phone: string): Promise<CitizenTable | undefined> {
  return db.selectFrom('citizens').selectAll().where('phone', '=', phone).executeTakeFirst();
}
export async function findCitizen(db: Exec, id: string): Promise<CitizenTable | undefined> {
  return db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertCitizen(db: Exec, row: CitizenTable): Promise<void> {
  await db.insertInto('citizens').values(row).onConflict((oc) => oc.column('phone').doNothing()).execute();
}
export async function updateCitizen(db: Exec, id: string, set: Partial<CitizenTable>): Promise<void> {
  await db.updateTable('citizens').set(set).where('id', '=', id).execute();
}

export async function findStaffByUsername(db: Exec, username: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}
export async function findStaff(db: Exec, id: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function upsertStaff(db: Exec, row: StaffTable): Promise<void> {
  const { id: _id, created_at: _c, ...rest } = row;
  await db.insertInto('staff').values(row).onConflict((oc) => oc.column('username').doUpdateSet(rest)).execute();
}
export async function updateStaff(db: Exec, id: string, set: Partial<StaffTable>): Promise<void> {
  await db.updateTable('staff').set(set).where('id', '=', id).execute();
}

export async function insertSession(db: Exec, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}
export async function findSession(db: Exec, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function deleteSession(db: Exec, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function insertOtp(db: Exec, row: DB['otp_codes']): Promise<void> {
  await db.insertInto('otp_codes').values(row).execute();
}
export async function countRecentOtps(db: Exec, phone: string, since: string): Promise<number> {
  const r = await db.selectFrom('otp_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('phone', '=', phone).where('created_at', '>=', since).executeTakeFirst();
  return Number(r?.n ?? 0);
}
export async function latestOtp(db: Exec, phone: string, purpose: string) {
  return db
    .selectFrom('otp_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export async function bumpOtpAttempts(db: Exec, id: string): Promise<void> {
  await db.updateTable('otp_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}
export async function consumeOtp(db: Exec, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('otp_codes').set({ consumed_at: now }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listStaffOf(db: Exec, unitCodes: string[]): Promise<StaffTable[]> {
  if (!unitCodes.length) return [];
  return db.selectFrom('staff').selectAll().where('unit_code', 'in', unitCodes).orderBy('unit_code').orderBy('role').orderBy('username').execute();
}
export async function findStaffByOidcSubject(db: Exec, subject: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
}
export async function insertStaff(db: Exec, row: StaffTable): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}
export async function deleteSessionsOf(db: Exec, kind: string, subjectId: string): Promise<void> {
  await db.deleteFrom('sessions').where('kind', '=', kind).where('subject_id', '=', subjectId).execute();
}
