import { sql, type Kysely } from 'kysely';

// The counter queue (issue 13): the unit's queue settings, its services (groups of fields served by
// some counters), its counters, the day's ticket numbers per service, and the tickets. A ticket's
// times (taken, called, serving, done) are kept on its row for the statistics; its id is random
// (the citizen's live page is reached by it alone). Frozen once landed; imports no app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('queue_settings')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    // 'strict' (priority tickets always first) or 'every' (one priority ticket per N others).
    .addColumn('priority_rule', 'text', (c) => c.notNull())
    .addColumn('priority_every', 'integer', (c) => c.notNull())
    // JSON [{code, label}] in the unit's order.
    .addColumn('categories', 'text', (c) => c.notNull())
    // 'HH:MM' in Vietnam's time: waiting tickets expire then.
    .addColumn('closing_time', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queue_services')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The letter heading the ticket numbers ('A' in A-017).
    .addColumn('letter', 'text', (c) => c.notNull())
    // JSON array of the catalogue's field names it serves.
    .addColumn('field_codes', 'text', (c) => c.notNull())
    // Minutes per citizen assumed before the day has served anyone.
    .addColumn('default_minutes', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_services_pk', ['unit_code', 'code'])
    .execute();

  await db.schema
    .createTable('queue_counters')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON array of service codes served while open.
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('official_id', 'text')
    .addColumn('official_name', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_counters_pk', ['unit_code', 'code'])
    .execute();

  await db.schema
    .createTable('queue_numbers')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_numbers_pk', ['unit_code', 'service', 'day'])
    .execute();

  await db.schema
    .createTable('queue_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('phone', 'text')
    // kiosk | web | assistant | zalo | counter | appointment
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text')
    .addColumn('slot_at', 'text')
    // waiting | called | serving | done | no_show | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('counter', 'text')
    .addColumn('official_id', 'text')
    .addColumn('official_name', 'text')
    .addColumn('taken_at', 'text', (c) => c.notNull())
    // The instant that places it in the queue: taken_at, kept across a transfer; an appointment's slot.
    .addColumn('order_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('served_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('recalls', 'integer', (c) => c.notNull())
    .addColumn('near_notified', 'integer', (c) => c.notNull())
    .addColumn('transferred_from', 'text')
    .addColumn('dossier_id', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('device', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('queue_tickets_unit_day_idx').on('queue_tickets').columns(['unit_code', 'day', 'status']).execute();
  await db.schema.createIndex('queue_tickets_unit_taken_idx').on('queue_tickets').columns(['unit_code', 'taken_at']).execute();
  // One waiting ticket per phone per service (ticket spam); expired ones are cancelled first.
  await db.schema
    .createIndex('queue_tickets_phone_uq')
    .on('queue_tickets')
    .columns(['unit_code', 'service', 'phone'])
    .unique()
    .where(sql<boolean>`status = 'waiting' and phone is not null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('queue_tickets').execute();
  await db.schema.dropTable('queue_numbers').execute();
  await db.schema.dropTable('queue_counters').execute();
  await db.schema.dropTable('queue_services').execute();
  await db.schema.dropTable('queue_settings').execute();
}
