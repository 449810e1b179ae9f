import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** All SQL of the assistant's tables. */
type Exec = Kysely<DB> | Transaction<DB>;

export type ConversationRow = DB['assistant_conversations'];
export type MessageRow = DB['assistant_messages'];
export type HandoffRow = DB['assistant_handoffs'];
export type FaqRow = DB['assistant_faqs'];
export type SynonymRow = DB['assistant_synonyms'];

// ------------------------------------------------------------------ conversations and messages

export async function findConversation(db: Exec, channel: string, externalId: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('assistant_conversations').selectAll().where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
}

export async function findConversationById(db: Exec, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('assistant_conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Insert unless a conversation for this channel and id exists (two first messages at once): the
 * row inserted, or `undefined` when the other message's was kept.
 */
export async function insertConversation(db: Exec, row: ConversationRow): Promise<ConversationRow | undefined> {
  return db
    .insertInto('assistant_conversations')
    .values(row)
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateConversation(db: Exec, id: string, patch: Partial<Pick<ConversationRow, 'memory' | 'unit_code' | 'updated_at'>>): Promise<void> {
  await db.updateTable('assistant_conversations').set(patch).where('id', '=', id).execute();
}

/** The next message numbers of a conversation, reserved atomically (works on both engines). */
export async function reserveSeq(db: Exec, conversationId: string, count: number): Promise<number> {
  const r = await db
    .updateTable('assistant_conversations')
    .set({ message_count: sql`message_count + ${count}` })
    .where('id', '=', conversationId)
    .returning('message_count')
    .executeTakeFirstOrThrow();
  return r.message_count - count + 1;
}

export async function insertMessage(db: Exec, row: MessageRow): Promise<void> {
  await db.insertInto('assistant_messages').values(row).execute();
}

export async function listMessages(db: Exec, conversationId: string, opts: { afterSeq?: number; limit?: number } = {}): Promise<MessageRow[]> {
  let q = db.selectFrom('assistant_messages').selectAll().where('conversation_id', '=', conversationId);
  if (opts.afterSeq !== undefined) q = q.where('seq', '>', opts.afterSeq);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(opts.limit ?? 200)
    .execute();
  return rows.reverse();
}

export async function updateMessageDelivery(db: Exec, id: string, delivery: string, error: string | null): Promise<void> {
  await db.updateTable('assistant_messages').set({ delivery, delivery_error: error }).where('id', '=', id).execute();
}

export async function findMessage(db: Exec, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('assistant_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Citizens' messages of a unit since a time, for the statistics page. */
export async function listUserMessagesSince(db: Exec, unitCode: string, since: string): Promise<Array<Pick<MessageRow, 'text' | 'intent' | 'decision' | 'procedure_code' | 'created_at'>>> {
  return db
    .selectFrom('assistant_messages')
    .select(['text', 'intent', 'decision', 'procedure_code', 'created_at'])
    .where('unit_code', '=', unitCode)
    .where('role', '=', 'user')
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute();
}

// ------------------------------------------------------------------ hand-over

export async function insertHandoff(db: Exec, row: HandoffRow): Promise<void> {
  await db.insertInto('assistant_handoffs').values(row).execute();
}

export async function findHandoff(db: Exec, id: string): Promise<HandoffRow | undefined> {
  return db.selectFrom('assistant_handoffs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listHandoffs(db: Exec, unitCode: string, status: 'open' | 'answered', limit = 100): Promise<HandoffRow[]> {
  return db
    .selectFrom('assistant_handoffs')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('status', '=', status)
    .orderBy('created_at', status === 'open' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

/** Mark answered only if still open: two officials answering at once cannot both win. */
export async function answerHandoff(db: Exec, id: string, patch: Pick<HandoffRow, 'reply' | 'staff_id' | 'staff_name' | 'answered_at'>): Promise<boolean> {
  const r = await db
    .updateTable('assistant_handoffs')
    .set({ ...patch, status: 'answered' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setHandoffFaq(db: Exec, id: string, faqId: string): Promise<void> {
  await db.updateTable('assistant_handoffs').set({ faq_id: faqId }).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ FAQ and synonyms

export async function insertFaq(db: Exec, row: FaqRow): Promise<void> {
  await db.insertInto('assistant_faqs').values(row).execute();
}

export async function listFaqs(db: Exec, unitCode: string): Promise<FaqRow[]> {
  return db.selectFrom('assistant_faqs').selectAll().where('unit_code', '=', unitCode).orderBy('created_at', 'desc').execute();
}

export async function deleteFaq(db: Exec, unitCode: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('assistant_faqs').where('unit_code', '=', unitCode).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listSynonyms(db: Exec, unitCode: string): Promise<SynonymRow[]> {
  return db.selectFrom('assistant_synonyms').selectAll().where('unit_code', '=', unitCode).orderBy('phrase').execute();
}

export async function upsertSynonym(db: Exec, row: SynonymRow): Promise<void> {
  await db
    .insertInto('assistant_synonyms')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'phrase_key']).doUpdateSet({ phrase: row.phrase, expansion: row.expansion, created_by: row.created_by, created_at: row.created_at }))
    .execute();
}

export async function deleteSynonym(db: Exec, unitCode: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('assistant_synonyms').where('unit_code', '=', unitCode).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ------------------------------------------------------------------ Zalo

/** Record a Zalo event id; false if it was already seen (Zalo retries, or sent it twice). */
export async function claimZaloEvent(db: Exec, msgId: string, eventName: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('assistant_zalo_events')
    .values({ msg_id: msgId, event_name: eventName, received_at: at })
    .onConflict((oc) => oc.column('msg_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findZaloTokens(db: Exec, appId: string): Promise<DB['assistant_zalo_tokens'] | undefined> {
  return db.selectFrom('assistant_zalo_tokens').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

export async function saveZaloTokens(db: Exec, row: DB['assistant_zalo_tokens']): Promise<void> {
  await db
    .insertInto('assistant_zalo_tokens')
    .values(row)
    .onConflict((oc) => oc.column('app_id').doUpdateSet({ access_token: row.access_token, refresh_token: row.refresh_token, expires_at: row.expires_at, updated_at: row.updated_at }))
    .execute();
}

// ------------------------------------------------------------------ meta

export async function getMeta(db: Exec, key: string): Promise<string | undefined> {
  return (await db.selectFrom('assistant_meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function setMeta(db: Exec, key: string, value: string): Promise<void> {
  await db
    .insertInto('assistant_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
