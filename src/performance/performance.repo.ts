import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, StaffTargetTable } from '../db/schema';
import type { Target, TargetMetric } from './performance.types';

type Exec = Kysely<DB> | Transaction<DB>;

function toTarget(r: Selectable<StaffTargetTable>): Target {
  return {
    id: r.id,
    unitCode: r.unit_code,
    staffId: r.staff_id ?? null,
    field: r.field,
    metric: r.metric as TargetMetric,
    op: r.op as Target['op'],
    value: Number(r.value),
    periodKey: r.period_key,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function insertTarget(db: Exec, row: StaffTargetTable): Promise<void> {
  await db.insertInto('staff_targets').values(row).execute();
}

/** Targets of a unit whose period overlaps [from, to), not removed. */
export async function listTargets(db: Exec, unitCode: string, from: string, to: string): Promise<Target[]> {
  const rows = await db
    .selectFrom('staff_targets')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('removed_at', 'is', null)
    .where('period_from', '<', to)
    .where('period_to', '>', from)
    .orderBy('period_from')
    .orderBy('created_at')
    .execute();
  return rows.map(toTarget);
}

export async function findTarget(db: Exec, id: string): Promise<Target | undefined> {
  const r = await db.selectFrom('staff_targets').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return r ? toTarget(r) : undefined;
}

export async function removeTarget(db: Exec, id: string, by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('staff_targets').set({ removed_at: at, removed_by: by }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
