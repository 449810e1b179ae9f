import type { Kysely } from 'kysely';

// The virtual assistant: conversations with their messages and short memory, questions handed
// over to staff, FAQ entries and synonyms that units add, Zalo events already seen and the OA's
// tokens. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assistant_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // Web and API: a hash of the session id; Zalo: the follower's user id (needed to reply).
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('memory', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assistant_conversations_channel_external_uq', ['channel', 'external_id'])
    .execute();

  await db.schema
    .createTable('assistant_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('assistant_conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('intent', 'text')
    .addColumn('decision', 'text')
    .addColumn('procedure_code', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('delivery_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assistant_messages_seq_uq', ['conversation_id', 'seq'])
    .execute();
  await db.schema.createIndex('assistant_messages_unit_idx').on('assistant_messages').columns(['unit_code', 'role', 'created_at']).execute();

  await db.schema
    .createTable('assistant_handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('assistant_conversations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('staff_id', 'text')
    .addColumn('staff_name', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('faq_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assistant_handoffs_unit_idx').on('assistant_handoffs').columns(['unit_code', 'status', 'created_at']).execute();

  await db.schema
    .createTable('assistant_faqs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text')
    .addColumn('handoff_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assistant_faqs_unit_idx').on('assistant_faqs').column('unit_code').execute();

  await db.schema
    .createTable('assistant_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('phrase_key', 'text', (c) => c.notNull())
    .addColumn('expansion', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assistant_synonyms_unit_phrase_uq', ['unit_code', 'phrase_key'])
    .execute();

  await db.schema
    .createTable('assistant_zalo_events')
    .addColumn('msg_id', 'text', (c) => c.primaryKey())
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assistant_zalo_tokens')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text', (c) => c.notNull())
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assistant_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assistant_meta', 'assistant_zalo_tokens', 'assistant_zalo_events', 'assistant_synonyms', 'assistant_faqs', 'assistant_handoffs', 'assistant_messages', 'assistant_conversations']) {
    await db.schema.dropTable(t).execute();
  }
}
