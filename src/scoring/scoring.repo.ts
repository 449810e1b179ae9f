import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, ScoringCriterionTable, ScoringEntryTable, ScoringEvidenceTable, ScoringTableTable } from '../db/schema';
import type { Criterion, Entry, Evidence, ScoringTable, TableStatus } from './scoring.types';

export type Exec = Kysely<DB> | Transaction<DB>;

export const toTable = (r: Selectable<ScoringTableTable>): ScoringTable => ({
  id: r.id,
  parentCode: r.parent_code,
  month: r.month,
  version: Number(r.version),
  status: r.status as TableStatus,
  title: r.title,
  reason: r.reason,
  demo: Number(r.demo) === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  finalisedBy: r.finalised_by ?? null,
  finalisedAt: r.finalised_at ?? null,
});

const toCriterion = (r: Selectable<ScoringCriterionTable>): Criterion => ({
  id: r.id,
  sort: Number(r.sort),
  name: r.name,
  maxPoints: Number(r.max_points),
  kind: r.kind as Criterion['kind'],
  indicatorKey: r.indicator_key ?? null,
  threshold: r.threshold === null ? null : Number(r.threshold),
  guidance: r.guidance,
});

const num = (v: number | null) => (v === null || v === undefined ? null : Number(v));
const toEntry = (r: Selectable<ScoringEntryTable>): Entry => ({
  criterionId: r.criterion_id,
  unitCode: r.unit_code,
  selfPoints: num(r.self_points),
  selfNote: r.self_note,
  selfAt: r.self_at ?? null,
  adjustedPoints: num(r.adjusted_points),
  adjustReason: r.adjust_reason,
  adjustedAt: r.adjusted_at ?? null,
  rate: num(r.rate),
  points: num(r.points),
});

const toEvidence = (r: Selectable<ScoringEvidenceTable>): Evidence => ({
  id: r.id,
  criterionId: r.criterion_id,
  unitCode: r.unit_code,
  sha256: r.sha256,
  name: r.name,
  mime: r.mime,
  size: Number(r.size),
  createdAt: r.created_at,
});

export async function insertTable(db: Exec, row: ScoringTableTable): Promise<void> {
  await db.insertInto('scoring_tables').values(row).execute();
}
export async function insertCriteria(db: Exec, rows: ScoringCriterionTable[]): Promise<void> {
  if (rows.length) await db.insertInto('scoring_criteria').values(rows).execute();
}
export async function findTable(db: Exec, id: string): Promise<ScoringTable | undefined> {
  const r = await db.selectFrom('scoring_tables').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTable(r) : undefined;
}
export async function versionsOf(db: Exec, parentCode: string, month: string): Promise<ScoringTable[]> {
  const rows = await db.selectFrom('scoring_tables').selectAll().where('parent_code', '=', parentCode).where('month', '=', month).orderBy('version', 'desc').execute();
  return rows.map(toTable);
}
export async function tablesOf(db: Exec, parentCode: string): Promise<ScoringTable[]> {
  const rows = await db.selectFrom('scoring_tables').selectAll().where('parent_code', '=', parentCode).orderBy('month', 'desc').orderBy('version', 'desc').execute();
  return rows.map(toTable);
}
export async function criteriaOf(db: Exec, tableId: string): Promise<Criterion[]> {
  return (await db.selectFrom('scoring_criteria').selectAll().where('table_id', '=', tableId).orderBy('sort').execute()).map(toCriterion);
}
export async function entriesOf(db: Exec, tableId: string): Promise<Entry[]> {
  return (await db.selectFrom('scoring_entries').selectAll().where('table_id', '=', tableId).execute()).map(toEntry);
}
export async function evidenceOf(db: Exec, tableId: string): Promise<Evidence[]> {
  return (await db.selectFrom('scoring_evidence').selectAll().where('table_id', '=', tableId).orderBy('created_at').execute()).map(toEvidence);
}
export async function findEvidence(db: Exec, id: string): Promise<(Evidence & { tableId: string }) | undefined> {
  const r = await db.selectFrom('scoring_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { ...toEvidence(r), tableId: r.table_id } : undefined;
}
export async function insertEvidence(db: Exec, row: ScoringEvidenceTable): Promise<void> {
  await db.insertInto('scoring_evidence').values(row).execute();
}
export async function isShaReferenced(db: Exec, sha: string): Promise<boolean> {
  return !!(await db.selectFrom('scoring_evidence').select('id').where('sha256', '=', sha).limit(1).executeTakeFirst());
}

/** Writes part of an entry, creating it when missing. */
export async function upsertEntry(db: Exec, key: { tableId: string; criterionId: string; unitCode: string }, set: Partial<ScoringEntryTable>): Promise<void> {
  const base: ScoringEntryTable = {
    table_id: key.tableId,
    criterion_id: key.criterionId,
    unit_code: key.unitCode,
    self_points: null,
    self_note: '',
    self_by: null,
    self_at: null,
    adjusted_points: null,
    adjust_reason: '',
    adjusted_by: null,
    adjusted_at: null,
    rate: null,
    points: null,
  };
  await db
    .insertInto('scoring_entries')
    .values({ ...base, ...set })
    .onConflict((oc) => oc.columns(['table_id', 'criterion_id', 'unit_code']).doUpdateSet(set))
    .execute();
}

/** Moves a table from one status to another; false when it was not in `from` (someone else acted). */
export async function setStatus(db: Exec, id: string, from: TableStatus, to: TableStatus, extra: Partial<ScoringTableTable> = {}): Promise<boolean> {
  const r = await db.updateTable('scoring_tables').set({ status: to, ...extra }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function copyRows(db: Exec, fromTable: string, toTable: string, criterionIds: Map<string, string>, newId: () => string): Promise<void> {
  const entries = await db.selectFrom('scoring_entries').selectAll().where('table_id', '=', fromTable).execute();
  if (entries.length) await db.insertInto('scoring_entries').values(entries.map((e) => ({ ...e, table_id: toTable, criterion_id: criterionIds.get(e.criterion_id)! }))).execute();
  const ev = await db.selectFrom('scoring_evidence').selectAll().where('table_id', '=', fromTable).execute();
  if (ev.length) await db.insertInto('scoring_evidence').values(ev.map((e) => ({ ...e, id: newId(), table_id: toTable, criterion_id: criterionIds.get(e.criterion_id)! }))).execute();
}
