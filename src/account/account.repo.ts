import { sql, type Kysely, type Transaction } from 'kysely';
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
/** When the `n`-th (oldest first, from 0) code asked for `phone` since `since` was made. */
export async function nthRecentOtpAt(db: Exec, phone: string, since: string, n: number): Promise<string | undefined> {
  const r = await db.selectFrom('otp_codes').select('created_at').where('phone', '=', phone).where('created_at', '>=', since).orderBy('created_at').orderBy('id').limit(1).offset(n).executeTakeFirst();
  return r?.created_at;
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
/** Counts one try of a code, unless it already had `max`: false then. */
export async function takeOtpAttempt(db: Exec, id: string, max: number): Promise<boolean> {
  const r = await db.updateTable('otp_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).where('attempts', '<', max).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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
export async function deleteSessionsOf(db: Exec, kind: string, subjectId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('kind', '=', kind).where('subject_id', '=', subjectId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

// ------------------------------------------------------------------ sign-in throttle (011)

/**
 * Counts one sign-in attempt for (username, source) unless that pair is waiting out a delay, in
 * one atomic upsert: returns the attempts counted so far including this one, or undefined when
 * the pair must still wait. `untilAfter(n)`: the instant the pair may try again after n attempts.
 */
export async function reserveSignIn(db: Exec, username: string, source: string, now: string, untilAfter: (n: number) => string | null, maxN: number): Promise<number | undefined> {
  const next = sql`login_throttle.failures + 1`;
  const cases = [];
  for (let n = 1; n < maxN; n++) cases.push(sql`WHEN ${next} = ${n} THEN CAST(${untilAfter(n)} AS text)`);
  const until = sql<string | null>`CASE ${sql.join(cases, sql` `)} ELSE CAST(${untilAfter(maxN)} AS text) END`;
  const r = await db
    .insertInto('login_throttle')
    .values({ username, source, failures: 1, blocked_until: untilAfter(1), updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['username', 'source'])
        .doUpdateSet((eb) => ({ failures: eb('login_throttle.failures', '+', 1), blocked_until: until, updated_at: now }))
        .where((eb) => eb.or([eb('login_throttle.blocked_until', 'is', null), eb('login_throttle.blocked_until', '<=', now)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return r ? Number(r.failures) : undefined;
}
export async function findSignInThrottle(db: Exec, username: string, source: string) {
  return db.selectFrom('login_throttle').selectAll().where('username', '=', username).where('source', '=', source).executeTakeFirst();
}
/** A good sign-in (or an admin's reset) forgets the failures; rows idle for a day go too. */
export async function clearSignInThrottle(db: Exec, username: string, source: string | null, staleBefore: string): Promise<void> {
  let q = db.deleteFrom('login_throttle').where('username', '=', username);
  if (source !== null) q = q.where('source', '=', source);
  await q.execute();
  await db.deleteFrom('login_throttle').where('updated_at', '<', staleBefore).where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', staleBefore)])).execute();
}
