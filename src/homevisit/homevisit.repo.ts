import type { Kysely, Transaction } from 'kysely';
import type { DB, HomeVisitTable } from '../db/schema';

export type Exec = Kysely<DB> | Transaction<DB>;

export async function insertVisit(db: Exec, row: HomeVisitTable): Promise<void> {
  await db.insertInto('home_visits').values(row).execute();
}

export async function findVisit(db: Exec, id: string): Promise<HomeVisitTable | undefined> {
  return db.selectFrom('home_visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateVisit(db: Exec, id: string, set: Partial<HomeVisitTable>): Promise<void> {
  await db.updateTable('home_visits').set(set).where('id', '=', id).execute();
}

export async function listVisits(db: Exec, unitCode: string, statuses: string[]): Promise<HomeVisitTable[]> {
  return db.selectFrom('home_visits').selectAll().where('unit_code', '=', unitCode).where('status', 'in', statuses).orderBy('visit_date').orderBy('village').orderBy('address').orderBy('created_at').execute();
}

export async function countVisits(db: Exec, unitCode: string, from: string, to: string): Promise<Array<{ status: string; n: number }>> {
  const rows = await db
    .selectFrom('home_visits')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_code', '=', unitCode)
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export async function supportTeam(db: Exec, unitCode: string): Promise<Array<{ id: string; fullName: string; support: boolean }>> {
  const rows = await db.selectFrom('staff').select(['id', 'full_name', 'support_team']).where('unit_code', '=', unitCode).where('active', '=', 1).orderBy('full_name').execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, support: Number(r.support_team ?? 0) === 1 }));
}

export async function setSupportTeam(db: Exec, unitCode: string, ids: string[]): Promise<void> {
  await db.updateTable('staff').set({ support_team: 0 }).where('unit_code', '=', unitCode).execute();
  if (ids.length) await db.updateTable('staff').set({ support_team: 1 }).where('unit_code', '=', unitCode).where('id', 'in', ids).execute();
}

export async function findVisitByDossier(db: Exec, dossierCode: string): Promise<HomeVisitTable | undefined> {
  return db.selectFrom('home_visits').selectAll().where('dossier_code', '=', dossierCode).executeTakeFirst();
}

/** The visits already made (received or not), latest day first. */
export async function listDoneVisits(db: Exec, unitCode: string, limit: number): Promise<HomeVisitTable[]> {
  return db
    .selectFrom('home_visits')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('status', 'in', ['received', 'not_received'])
    .orderBy('visit_date', 'desc')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}
