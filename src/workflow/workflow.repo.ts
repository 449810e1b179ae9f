import type { Kysely, Transaction } from 'kysely';
import type { DB, ProcessTable } from '../db/schema';
import type { Process, ProcessStep } from './workflow.types';

type Exec = Kysely<DB> | Transaction<DB>;

function toProcess(r: ProcessTable): Process {
  return {
    id: r.id,
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    version: Number(r.version),
    steps: JSON.parse(r.steps) as ProcessStep[],
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function findProcess(db: Exec, id: string): Promise<Process | undefined> {
  const r = await db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProcess(r) : undefined;
}

export async function latestProcess(db: Exec, unitCode: string, procedureCode: string): Promise<Process | undefined> {
  const r = await db
    .selectFrom('processes')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('procedure_code', '=', procedureCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toProcess(r) : undefined;
}

export async function listVersions(db: Exec, unitCode: string, procedureCode: string): Promise<Process[]> {
  const rows = await db
    .selectFrom('processes')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('procedure_code', '=', procedureCode)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toProcess);
}

/** The latest version of every configured process of a unit. */
export async function listLatest(db: Exec, unitCode: string): Promise<Process[]> {
  const rows = await db.selectFrom('processes').selectAll().where('unit_code', '=', unitCode).orderBy('procedure_code').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  const out: Process[] = [];
  for (const r of rows) {
    if (seen.has(r.procedure_code)) continue;
    seen.add(r.procedure_code);
    out.push(toProcess(r));
  }
  return out;
}

export async function insertProcess(db: Exec, p: Process): Promise<void> {
  await db
    .insertInto('processes')
    .values({
      id: p.id,
      unit_code: p.unitCode,
      procedure_code: p.procedureCode,
      version: p.version,
      steps: JSON.stringify(p.steps),
      note: p.note,
      created_by: p.createdBy,
      created_at: p.createdAt,
    })
    .execute();
}
