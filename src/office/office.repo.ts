import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, OfficeTable } from '../db/schema';
import { weekOf, type Office, type OfficeData, type OfficeKind } from './office.types';

export type Exec = Kysely<DB> | Transaction<DB>;

export interface MappingRow {
  scope: 'agency' | 'procedure';
  key: string;
  label: string;
  officeId: string;
  updatedBy: string;
  updatedAt: string;
}

function toOffice(r: Selectable<OfficeTable>): Office {
  return {
    id: r.id,
    unitCode: r.unit_code,
    name: r.name,
    kind: r.kind as OfficeKind,
    address: r.address,
    phone: r.phone,
    week: weekOf(r.week),
    notes: r.notes,
    mapUrl: r.map_url,
    sort: Number(r.sort),
    updatedAt: r.updated_at,
  };
}

export async function listOffices(db: Exec, unitCode: string): Promise<Office[]> {
  const rows = await db.selectFrom('offices').selectAll().where('unit_code', '=', unitCode).orderBy('sort').orderBy('name').orderBy('id').execute();
  return rows.map(toOffice);
}

export async function insertOffice(db: Exec, id: string, unitCode: string, d: OfficeData, now: string): Promise<void> {
  await db
    .insertInto('offices')
    .values({ id, unit_code: unitCode, name: d.name, kind: d.kind, address: d.address, phone: d.phone, week: JSON.stringify(d.week), notes: d.notes, map_url: d.mapUrl, sort: d.sort, created_at: now, updated_at: now })
    .execute();
}

/** Updates the unit's office; false when the unit has no such office. */
export async function updateOffice(db: Exec, unitCode: string, id: string, d: OfficeData, now: string): Promise<boolean> {
  const r = await db
    .updateTable('offices')
    .set({ name: d.name, kind: d.kind, address: d.address, phone: d.phone, week: JSON.stringify(d.week), notes: d.notes, map_url: d.mapUrl, sort: d.sort, updated_at: now })
    .where('unit_code', '=', unitCode)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Removes the unit's office and every mapping to it (they fall back to the automatic choice). */
export async function deleteOffice(db: Exec, unitCode: string, id: string): Promise<{ deleted: boolean; mappings: number }> {
  const m = await db.deleteFrom('office_mappings').where('unit_code', '=', unitCode).where('office_id', '=', id).executeTakeFirst();
  const r = await db.deleteFrom('offices').where('unit_code', '=', unitCode).where('id', '=', id).executeTakeFirst();
  return { deleted: Number(r.numDeletedRows) > 0, mappings: Number(m.numDeletedRows) };
}

export async function listMappings(db: Exec, unitCode: string): Promise<MappingRow[]> {
  const rows = await db.selectFrom('office_mappings').selectAll().where('unit_code', '=', unitCode).orderBy('scope').orderBy('key').execute();
  return rows.map((r) => ({ scope: r.scope, key: r.key, label: r.label, officeId: r.office_id, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}

export async function upsertMapping(db: Exec, unitCode: string, m: Omit<MappingRow, 'updatedAt'>, now: string): Promise<void> {
  await db
    .insertInto('office_mappings')
    .values({ unit_code: unitCode, scope: m.scope, key: m.key, label: m.label, office_id: m.officeId, updated_by: m.updatedBy, updated_at: now })
    .onConflict((oc) => oc.columns(['unit_code', 'scope', 'key']).doUpdateSet({ label: m.label, office_id: m.officeId, updated_by: m.updatedBy, updated_at: now }))
    .execute();
}

export async function deleteMapping(db: Exec, unitCode: string, scope: 'agency' | 'procedure', key: string): Promise<boolean> {
  const r = await db.deleteFrom('office_mappings').where('unit_code', '=', unitCode).where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Counts a change of the unit's offices or mappings (inside the change's transaction). */
export async function bumpVersion(db: Exec, unitCode: string): Promise<void> {
  await db
    .insertInto('office_versions')
    .values({ unit_code: unitCode, version: 1 })
    .onConflict((oc) => oc.column('unit_code').doUpdateSet((eb) => ({ version: eb('office_versions.version', '+', 1) })))
    .execute();
}

/** The sum of every unit's change counter: it grows with any change anywhere. */
export async function versionSum(db: Exec): Promise<number> {
  const r = await db.selectFrom('office_versions').select((eb) => eb.fn.sum<number>('version').as('total')).executeTakeFirst();
  return Number(r?.total ?? 0);
}
