import type { Db } from '../db/connection';
import type { Kysely, Transaction } from 'kysely';
import type { DB, UnitTable } from '../db/schema';
import type { Unit, UnitKind } from './unit.types';

type Exec = Kysely<DB> | Transaction<DB>;

function toUnit(r: UnitTable): Unit {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind as UnitKind,
    parentCode: r.parent_code,
    address: r.address,
    phone: r.phone,
    email: r.email,
    openingHours: r.opening_hours ? r.opening_hours.split('\n') : [],
    sort: r.sort,
  };
}

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map(toUnit);
}

export async function upsertUnit(db: Exec, u: Unit, now: string): Promise<void> {
  const values = {
    name: u.name,
    kind: u.kind,
    parent_code: u.parentCode,
    address: u.address,
    phone: u.phone,
    email: u.email,
    opening_hours: u.openingHours.join('\n'),
    sort: u.sort,
    updated_at: now,
  };
  await db
    .insertInto('units')
    .values({ code: u.code, created_at: now, ...values })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .execute();
}
