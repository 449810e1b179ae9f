import type { Kysely, Transaction } from 'kysely';
import type { DB, DossierFileTable, DossierHistoryTable, DossierTable } from '../db/schema';
import type { Applicant, Dossier, DossierChannel, DossierFile, DossierStatus, HistoryEntry } from './dossier.types';

type Exec = Kysely<DB> | Transaction<DB>;

export function toDossier(r: DossierTable): Dossier {
  return {
    id: r.id,
    code: r.code,
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    channel: r.channel as DossierChannel,
    caseId: r.case_id,
    status: r.status as DossierStatus,
    applicant: JSON.parse(r.applicant) as Applicant,
    citizenId: r.citizen_id,
    formData: JSON.parse(r.form_data) as Record<string, unknown>,
    delivery: JSON.parse(r.delivery) as Dossier['delivery'],
    digitised: r.digitised === 1,
    submittedAt: r.submitted_at,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    dueFixed: r.due_fixed === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertDossier(db: Exec, row: DossierTable): Promise<void> {
  await db.insertInto('dossiers').values(row).execute();
}

export async function updateDossier(db: Exec, id: string, set: Partial<DossierTable>): Promise<void> {
  await db.updateTable('dossiers').set(set).where('id', '=', id).execute();
}

export async function findDossierById(db: Exec, id: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function findDossierByCode(db: Exec, code: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function findDossierByIdempotencyKey(db: Exec, key: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function listDossiersOf(db: Exec, by: { citizenId?: string; phone?: string }, limit = 100): Promise<Dossier[]> {
  let q = db.selectFrom('dossiers').selectAll().where('status', '!=', 'draft');
  if (by.citizenId && by.phone) q = q.where((eb) => eb.or([eb('citizen_id', '=', by.citizenId!), eb('applicant_phone', '=', by.phone!)]));
  else if (by.citizenId) q = q.where('citizen_id', '=', by.citizenId);
  else if (by.phone) q = q.where('applicant_phone', '=', by.phone);
  const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(toDossier);
}

export async function listUnitDossiers(db: Exec, unitCode: string, statuses: DossierStatus[], limit = 200): Promise<Dossier[]> {
  const rows = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('status', 'in', statuses)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDossier);
}

/** Next number of the day for a unit: one statement, safe under concurrency on both engines. */
export async function nextDaySequence(db: Exec, unitCode: string, day: string): Promise<number> {
  const r = await db
    .insertInto('dossier_counters')
    .values({ unit_code: unitCode, day, n: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ n: eb('dossier_counters.n', '+', 1) })))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertFile(db: Exec, row: DossierFileTable): Promise<void> {
  await db.insertInto('dossier_files').values(row).execute();
}

export async function listFiles(db: Exec, dossierId: string): Promise<DossierFile[]> {
  const rows = await db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, component: r.component, sha256: r.sha256, name: r.name, mime: r.mime, size: r.size, createdAt: r.created_at }));
}

export async function isFileReferenced(db: Exec, sha256: string): Promise<boolean> {
  const r = await db.selectFrom('dossier_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return !!r;
}

export async function insertHistory(db: Exec, row: DossierHistoryTable): Promise<void> {
  await db.insertInto('dossier_history').values(row).execute();
}

export async function lastSeq(db: Exec, dossierId: string): Promise<number> {
  const r = await db.selectFrom('dossier_history').select((eb) => eb.fn.max('seq').as('m')).where('dossier_id', '=', dossierId).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function listHistory(db: Exec, dossierId: string): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('dossier_history').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    fromStatus: r.from_status as DossierStatus | null,
    toStatus: r.to_status as DossierStatus,
    actorKind: r.actor_kind as HistoryEntry['actorKind'],
    actorName: r.actor_name,
    comment: r.comment,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

export async function findUnitCalendar(db: Exec, unitCode: string): Promise<string | undefined> {
  const r = await db.selectFrom('unit_calendars').select('data').where('unit_code', '=', unitCode).executeTakeFirst();
  return r?.data;
}

export async function upsertUnitCalendar(db: Exec, unitCode: string, data: string, now: string): Promise<void> {
  await db
    .insertInto('unit_calendars')
    .values({ unit_code: unitCode, data, updated_at: now })
    .onConflict((oc) => oc.column('unit_code').doUpdateSet({ data, updated_at: now }))
    .execute();
}

/** Removes a draft that never became a dossier (a failed all-or-nothing submission). */
export async function deleteDraft(db: Exec, id: string): Promise<void> {
  await db.deleteFrom('dossier_files').where('dossier_id', '=', id).execute();
  await db.deleteFrom('dossier_history').where('dossier_id', '=', id).execute();
  await db.deleteFrom('dossiers').where('id', '=', id).where('status', '=', 'draft').execute();
}
