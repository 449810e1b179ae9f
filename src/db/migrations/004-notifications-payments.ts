import type { Kysely } from 'kysely';

// Delivery of the outbox (leases, provider ids), message templates, citizens' notification
// choices, OAuth tokens of providers (Zalo OA), fees assessed on dossiers, payments (VNPay,
// VietQR transfers, cash), bank statement imports and receipt numbering. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // A claimed message is leased to one worker until lease_until; an expired lease (a crashed
  // worker) makes it claimable again. Few rows are 'sending' at a time: the (status,
  // next_attempt_at) index finds them, and each index costs every dossier action its page writes.
  await db.schema.alterTable('outbox').addColumn('lease_owner', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('delivered_via', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('provider_ref', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('outbox_unit_idx').on('outbox').columns(['unit_code', 'created_at']).execute();
  await db.schema.createIndex('outbox_dossier_idx').on('outbox').column('dossier_code').execute();

  await db.schema
    .createTable('notification_templates')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_templates_pk', ['unit_code', 'event', 'channel', 'language'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('zalo_user_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('essential_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_tokens')
    .addColumn('provider', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dossier_fees')
    .addColumn('dossier_id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('gross', 'integer', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('exemption_reason', 'text')
    .addColumn('exemption_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_fees_code_idx').on('dossier_fees').column('dossier_code').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('order_ref', 'text', (c) => c.notNull().unique())
    .addColumn('provider_ref', 'text')
    .addColumn('receipt_no', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('payments_dossier_idx').on('payments').columns(['dossier_id', 'status']).execute();
  await db.schema.createIndex('payments_unit_idx').on('payments').columns(['unit_code', 'confirmed_at']).execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_counters_pk', ['unit_code', 'year'])
    .execute();

  await db.schema
    .createTable('bank_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bank_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('tx_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('dossier_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('bank_lines_import_idx').on('bank_lines').columns(['import_id', 'line_no']).execute();
  await db.schema.createIndex('bank_lines_unit_status_idx').on('bank_lines').columns(['unit_code', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['bank_lines', 'bank_imports', 'receipt_counters', 'payments', 'dossier_fees', 'oauth_tokens', 'notification_prefs', 'notification_templates']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex('outbox_dossier_idx').execute();
  await db.schema.dropIndex('outbox_unit_idx').execute();
  for (const c of ['updated_at', 'provider_ref', 'delivered_via', 'lease_until', 'lease_owner']) {
    await db.schema.alterTable('outbox').dropColumn(c).execute();
  }
}
