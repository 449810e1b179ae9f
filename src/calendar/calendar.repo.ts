import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export type Exec = Kysely<DB> | Transaction<DB>;

export interface NationalDayRow {
  date: string;
  year: number;
  kind: 'off' | 'work';
  name: string;
}

export async function listNationalDays(db: Exec): Promise<NationalDayRow[]> {
  return db.selectFrom('calendar_national_days').select(['date', 'year', 'kind', 'name']).orderBy('date').execute();
}

/** The year's declarations replaced by these (call inside a transaction: all or nothing). */
export async function replaceNationalYear(db: Exec, year: number, days: Array<{ date: string; kind: 'off' | 'work'; name: string }>, by: string, now: string): Promise<void> {
  await db.deleteFrom('calendar_national_days').where('year', '=', year).execute();
  if (days.length) {
    await db
      .insertInto('calendar_national_days')
      .values(days.map((d) => ({ date: d.date, year, kind: d.kind, name: d.name, updated_by: by, updated_at: now })))
      .execute();
  }
}

export async function findUnitCalendar(db: Exec, unitCode: string): Promise<string | undefined> {
  const r = await db.selectFrom('unit_calendars').select('data').where('unit_code', '=', unitCode).executeTakeFirst();
  return r?.data;
}

/** The stored settings of these units, by unit (units with none are absent). */
export async function findUnitCalendars(db: Exec, unitCodes: string[]): Promise<Map<string, string>> {
  if (!unitCodes.length) return new Map();
  const rows = await db.selectFrom('unit_calendars').select(['unit_code', 'data']).where('unit_code', 'in', unitCodes).execute();
  return new Map(rows.map((r) => [r.unit_code, r.data]));
}

export async function upsertUnitCalendar(db: Exec, unitCode: string, data: string, now: string): Promise<void> {
  await db
    .insertInto('unit_calendars')
    .values({ unit_code: unitCode, data, updated_at: now })
    .onConflict((oc) => oc.column('unit_code').doUpdateSet({ data, updated_at: now }))
    .execute();
}
