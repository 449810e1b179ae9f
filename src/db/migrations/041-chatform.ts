import type { Kysely } from 'kysely';

/**
 * Submitting from the chat (issue 15): the state of each chat submission under way (web widget or
 * Zalo follower), so a conversation can be left and resumed, and the transcript kept for the staff
 * page of the dossier it produced; and the unit's choice of the procedures offered in the chat.
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chatform_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** 'web' | 'zalo' | 'api': the assistant's channel. */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** The conversation's key as the assistant stores it (hashed for the web, the follower id on Zalo). */
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    /** 'active' | 'submitted' | 'cancelled'. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The question awaiting an answer ('case', 'name', 'phone', 'otp', 'field', 'paper', 'summary', …). */
    .addColumn('step', 'text', (c) => c.notNull())
    /** JSON: answers so far, the current field and paper. */
    .addColumn('state', 'text', (c) => c.notNull())
    /** The dossier draft the answers and photos go to (dossier module). */
    .addColumn('draft_id', 'text')
    .addColumn('dossier_code', 'text')
    /** JSON list of {role, text, at}: the conversation from the offer to the receipt. */
    .addColumn('transcript', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chatform_sessions_chat').on('chatform_sessions').columns(['channel', 'external_id', 'status']).execute();
  await db.schema.createIndex('chatform_sessions_dossier').on('chatform_sessions').column('dossier_code').execute();

  await db.schema
    .createTable('chatform_procedures')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    /** 1: offered in the chat; 0: not. No row: the default (procedures with a written e-form). */
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chatform_procedures_pk', ['unit_code', 'procedure_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chatform_procedures').execute();
  await db.schema.dropTable('chatform_sessions').execute();
}
