import type { Db } from '../db/connection';
import type { ChatformProcedureTable, ChatformSessionTable } from '../db/schema';

/** All SQL of the chat submissions (migration 041). */

export type SessionRow = ChatformSessionTable;

/** The chat's submission under way, if any (one at a time per conversation). */
export async function findOpenSession(db: Db, channel: string, externalId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('chatform_sessions')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('chatform_sessions').values(row).execute();
}

export async function updateSession(db: Db, id: string, set: Partial<Omit<SessionRow, 'id'>>): Promise<void> {
  await db.updateTable('chatform_sessions').set(set).where('id', '=', id).execute();
}

export async function findByDossier(db: Db, code: string): Promise<SessionRow | undefined> {
  return db.selectFrom('chatform_sessions').selectAll().where('dossier_code', '=', code).executeTakeFirst();
}

export async function listSettings(db: Db, unitCode: string): Promise<ChatformProcedureTable[]> {
  return db.selectFrom('chatform_procedures').selectAll().where('unit_code', '=', unitCode).execute();
}

export async function findSetting(db: Db, unitCode: string, procedureCode: string): Promise<ChatformProcedureTable | undefined> {
  return db.selectFrom('chatform_procedures').selectAll().where('unit_code', '=', unitCode).where('procedure_code', '=', procedureCode).executeTakeFirst();
}

export async function saveSetting(db: Db, row: ChatformProcedureTable): Promise<void> {
  await db
    .insertInto('chatform_procedures')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'procedure_code']).doUpdateSet({ enabled: row.enabled, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}
