import type { Kysely, Transaction } from 'kysely';
import type { CatalogVersionTable, DB } from '../db/schema';
import { procedureSchema, type ChannelKind, type Fee, type FormTemplate, type Procedure, type ProcessingTime, type TimeUnit } from './catalog.types';

type Exec = Kysely<DB> | Transaction<DB>;

export interface ProcedureRecord {
  procedure: Procedure;
  source: string;
  hash: string;
  updatedAt: string;
}

export interface UnitProcedure {
  unitCode: string;
  procedureCode: string;
  /** The unit's own promise, shorter than or equal to the legal time. */
  commitment: ProcessingTime | null;
  note: string;
  /** Shown on the village-hall page of essential procedures. */
  essential: boolean;
  sort: number;
  /**
   * The unit's own settings (issue 4), applied over the national record in this unit: fees per
   * channel (e.g. set by the provincial People's Council), its own forms, its own e-form. Left
   * undefined by writers that do not manage them (the Excel import), which keeps what is stored.
   */
  local?: UnitLocal;
}

export interface UnitLocal {
  fees?: Partial<Record<ChannelKind, Fee[]>>;
  /** Free text shown with the fees ("Miễn lệ phí cho hộ nghèo theo Nghị quyết … của HĐND tỉnh"). */
  feeNote?: string;
  /** Forms of this unit, in addition to the national record's. */
  forms?: FormTemplate[];
  /** The unit's e-form (validated by the e-form schema where it is edited). */
  eform?: unknown;
}

export function hasLocal(l: UnitLocal | undefined): boolean {
  return !!l && ((!!l.fees && Object.keys(l.fees).length > 0) || !!l.feeNote || !!l.forms?.length || l.eform !== undefined);
}

export async function listProcedures(db: Exec): Promise<ProcedureRecord[]> {
  const rows = await db.selectFrom('procedures').select(['data', 'source', 'content_hash', 'updated_at']).execute();
  // Rows were validated on the way in; parse without re-validating for speed at start-up.
  return rows.map((r) => ({ procedure: JSON.parse(r.data) as Procedure, source: r.source, hash: r.content_hash, updatedAt: r.updated_at }));
}

export async function findProcedure(db: Exec, code: string): Promise<Procedure | undefined> {
  const r = await db.selectFrom('procedures').select('data').where('code', '=', code).executeTakeFirst();
  return r ? procedureSchema.parse(JSON.parse(r.data)) : undefined;
}

export async function listProcedureHashes(db: Exec): Promise<Map<string, string>> {
  const rows = await db.selectFrom('procedures').select(['code', 'content_hash']).execute();
  return new Map(rows.map((r) => [r.code, r.content_hash]));
}

export async function listProcedureSources(db: Exec): Promise<Map<string, string>> {
  const rows = await db.selectFrom('procedures').select(['code', 'source']).execute();
  return new Map(rows.map((r) => [r.code, r.source]));
}

export async function insertProcedure(db: Exec, p: Procedure, source: string, hash: string, now: string): Promise<void> {
  await db
    .insertInto('procedures')
    .values({ code: p.code, name: p.name, field: p.field, source, data: JSON.stringify(p), content_hash: hash, created_at: now, updated_at: now })
    .execute();
}

export async function updateProcedure(db: Exec, p: Procedure, source: string, hash: string, now: string): Promise<void> {
  await db
    .updateTable('procedures')
    .set({ name: p.name, field: p.field, source, data: JSON.stringify(p), content_hash: hash, updated_at: now })
    .where('code', '=', p.code)
    .execute();
}

export async function listUnitProcedures(db: Exec, unitCode?: string): Promise<UnitProcedure[]> {
  let q = db.selectFrom('unit_procedures').selectAll();
  if (unitCode) q = q.where('unit_code', '=', unitCode);
  const rows = await q.orderBy('sort').orderBy('procedure_code').execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    commitment: r.committed_value != null && r.committed_unit ? { value: r.committed_value, unit: r.committed_unit as TimeUnit } : null,
    note: r.note,
    essential: r.essential === 1,
    sort: r.sort,
    local: JSON.parse(r.local ?? '{}') as UnitLocal,
  }));
}

export async function upsertUnitProcedure(db: Exec, up: UnitProcedure, now: string): Promise<void> {
  const values = {
    committed_value: up.commitment?.value ?? null,
    committed_unit: up.commitment?.unit ?? null,
    note: up.note,
    essential: up.essential ? 1 : 0,
    sort: up.sort,
    updated_at: now,
    ...(up.local !== undefined ? { local: JSON.stringify(up.local) } : {}),
  };
  await db
    .insertInto('unit_procedures')
    .values({ unit_code: up.unitCode, procedure_code: up.procedureCode, ...values })
    .onConflict((oc) => oc.columns(['unit_code', 'procedure_code']).doUpdateSet(values))
    .execute();
}

/** Adds procedures to a unit's catalogue, leaving existing selections (and their settings) alone. */
export async function addUnitProcedures(db: Exec, unitCode: string, codes: string[], now: string): Promise<void> {
  for (let i = 0; i < codes.length; i += 200) {
    const chunk = codes.slice(i, i + 200);
    await db
      .insertInto('unit_procedures')
      .values(chunk.map((c) => ({ unit_code: unitCode, procedure_code: c, committed_value: null, committed_unit: null, note: '', essential: 0, sort: 0, updated_at: now })))
      .onConflict((oc) => oc.columns(['unit_code', 'procedure_code']).doNothing())
      .execute();
  }
}

export async function deleteUnitProcedures(db: Exec, unitCode: string, codes: string[]): Promise<void> {
  if (!codes.length) return;
  await db.deleteFrom('unit_procedures').where('unit_code', '=', unitCode).where('procedure_code', 'in', codes).execute();
}

export async function getMeta(db: Exec, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function setMeta(db: Exec, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export interface ImportRun {
  id: string;
  source: string;
  startedAt: string;
  finishedAt: string;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: number;
  report: string;
}

export async function insertImportRun(db: Exec, r: ImportRun): Promise<void> {
  await db
    .insertInto('import_runs')
    .values({
      id: r.id,
      source: r.source,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      total: r.total,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      problems: r.problems,
      report: r.report,
    })
    .execute();
}

export async function insertCatalogChange(db: Exec, row: DB['catalog_changes']): Promise<void> {
  await db.insertInto('catalog_changes').values(row).execute();
}

export async function listCatalogChanges(db: Exec, unitCode: string, procedureCode: string | undefined, limit: number): Promise<Array<DB['catalog_changes']>> {
  let q = db.selectFrom('catalog_changes').selectAll().where('unit_code', '=', unitCode);
  if (procedureCode) q = q.where('procedure_code', '=', procedureCode);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertCatalogVersion(db: Exec, row: CatalogVersionTable): Promise<void> {
  await db.insertInto('catalog_versions').values(row).execute();
}

export async function listCatalogVersions(db: Exec, unitCode: string, limit: number): Promise<Array<Omit<CatalogVersionTable, 'entries'>>> {
  const rows = await db.selectFrom('catalog_versions').select(['id', 'unit_code', 'created_at', 'actor_id', 'actor_name', 'size']).where('unit_code', '=', unitCode).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function findCatalogVersion(db: Exec, unitCode: string, id: string): Promise<CatalogVersionTable | undefined> {
  return db.selectFrom('catalog_versions').selectAll().where('unit_code', '=', unitCode).where('id', '=', id).executeTakeFirst();
}
