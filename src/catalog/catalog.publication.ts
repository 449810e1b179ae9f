import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { uuidv7 } from '../shared/ids';
import { gapsOf, type GapKind } from './catalog.completeness';
import type { UnitLocal, UnitProcedure } from './catalog.repo';
import { applyLocal } from './catalog.service';
import type { Procedure } from './catalog.types';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * What each unit publishes of each procedure, over time (migration 030): the transparency group of
 * Decision 766/QĐ-TTg asks that the procedures a unit handles be published with everything a
 * citizen needs — here the gaps `gapsOf` finds (papers, processing time, fee, forms) in the record
 * as the unit offers it (its own fees and forms applied). A row is appended whenever a procedure
 * enters or leaves a unit's catalogue or its gaps change, in the transaction of the change; the
 * state at an instant is the latest row written before it. So a closed period's count never
 * changes when the catalogue is edited or re-imported later.
 */
export interface Publication {
  unitCode: string;
  procedureCode: string;
  /** When this state began. */
  at: string;
  gaps: GapKind[];
}

const chunks = <T>(list: T[], n: number): T[][] => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

/** The latest row of each (unit, procedure) written before `before` (all rows when omitted). */
async function latest(db: Exec, unitCodes: string[], before?: string): Promise<Map<string, { listed: number; gaps: string; unitCode: string; procedureCode: string; at: string }>> {
  const out = new Map<string, { listed: number; gaps: string; unitCode: string; procedureCode: string; at: string }>();
  for (const part of chunks(unitCodes, 500)) {
    let q = db.selectFrom('catalog_publications').select(['unit_code', 'procedure_code', 'listed', 'gaps', 'at', 'id']).where('unit_code', 'in', part);
    if (before !== undefined) q = q.where('at', '<', before);
    for (const r of await q.orderBy('at').orderBy('id').execute()) {
      out.set(`${r.unit_code}\u0000${r.procedure_code}`, { listed: Number(r.listed), gaps: r.gaps, unitCode: r.unit_code, procedureCode: r.procedure_code, at: r.at });
    }
  }
  return out;
}

/**
 * Appends the publication rows that changed, at `at`, for `unitCodes` and for every unit listing
 * one of `procedureCodes` (a re-imported record). Call inside the transaction of the change.
 */
export async function recordPublications(db: Exec, q: { unitCodes?: string[]; procedureCodes?: string[]; at: string }): Promise<number> {
  const units = new Set(q.unitCodes ?? []);
  for (const part of chunks(q.procedureCodes ?? [], 500)) {
    for (const r of await db.selectFrom('unit_procedures').select('unit_code').distinct().where('procedure_code', 'in', part).execute()) units.add(r.unit_code);
  }
  if (!units.size) return 0;
  const unitCodes = [...units];
  const entries: Array<{ unit_code: string; procedure_code: string; local: string | null | undefined }> = [];
  for (const part of chunks(unitCodes, 500)) entries.push(...(await db.selectFrom('unit_procedures').select(['unit_code', 'procedure_code', 'local']).where('unit_code', 'in', part).execute()));
  const procedures = new Map<string, Procedure>();
  for (const part of chunks([...new Set(entries.map((e) => e.procedure_code))], 500)) {
    for (const r of await db.selectFrom('procedures').select(['code', 'data']).where('code', 'in', part).execute()) procedures.set(r.code, JSON.parse(r.data) as Procedure);
  }
  const before = await latest(db, unitCodes);
  const rows: Array<DB['catalog_publications']> = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const p = procedures.get(e.procedure_code);
    if (!p) continue;
    const key = `${e.unit_code}\u0000${e.procedure_code}`;
    seen.add(key);
    const gaps = JSON.stringify([...new Set(gapsOf(applyLocal(p, { local: JSON.parse(e.local ?? '{}') as UnitLocal } as UnitProcedure)).map((g) => g.kind))].sort());
    const last = before.get(key);
    if (!last || last.listed !== 1 || last.gaps !== gaps) rows.push({ id: uuidv7(), unit_code: e.unit_code, procedure_code: e.procedure_code, at: q.at, listed: 1, gaps });
  }
  for (const [key, last] of before) if (last.listed === 1 && !seen.has(key)) rows.push({ id: uuidv7(), unit_code: last.unitCode, procedure_code: last.procedureCode, at: q.at, listed: 0, gaps: '[]' });
  for (const part of chunks(rows, 300)) await db.insertInto('catalog_publications').values(part).execute();
  return rows.length;
}

/** The procedures in the catalogues of `unitCodes` at the instant `asOf` (rows written before it), with their gaps then. */
export async function publicationsAt(db: Exec, q: { unitCodes: string[]; asOf: string }): Promise<Publication[]> {
  if (!q.unitCodes.length) return [];
  const out: Publication[] = [];
  for (const r of (await latest(db, q.unitCodes, q.asOf)).values()) {
    if (r.listed === 1) out.push({ unitCode: r.unitCode, procedureCode: r.procedureCode, at: r.at, gaps: JSON.parse(r.gaps) as GapKind[] });
  }
  return out.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.procedureCode.localeCompare(b.procedureCode));
}
