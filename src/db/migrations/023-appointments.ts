import type { Kysely } from 'kysely';

// Appointments at the counter (issue 13). A unit defines sessions (weekdays or one date, hours,
// slot length, counters and bookings per counter); a booking holds one place of a slot. The places
// taken are counted per slot in `appointment_slots` (UPDATE ... SET booked = booked + 1 WHERE
// booked < capacity: two citizens booking the last place at once, exactly one wins, on both
// engines). Frozen once landed; imports no app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointment_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    // The queue's service code (a group of fields served by some counters).
    .addColumn('service', 'text', (c) => c.notNull())
    // JSON array of ISO weekdays (1 = Monday … 6 = Saturday, 7 = Sunday); [] with `on_date`.
    .addColumn('weekdays', 'text', (c) => c.notNull())
    // One date only (YYYY-MM-DD), e.g. a working Saturday; null: every week.
    .addColumn('on_date', 'text')
    // 'HH:MM' in Vietnam's time.
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('counters', 'integer', (c) => c.notNull())
    .addColumn('per_counter', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_sessions_unit_idx').on('appointment_sessions').columns(['unit_code', 'service']).execute();

  await db.schema
    .createTable('appointment_slots')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    // UTC ISO instant of the slot's start.
    .addColumn('slot_at', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_slots_pk', ['unit_code', 'service', 'slot_at'])
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What the citizen reads and types: 'LH' + 8 letters/digits, unique.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text')
    // An online dossier already submitted: the citizen comes to sign or show the originals.
    .addColumn('dossier_code', 'text')
    .addColumn('slot_at', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('zalo_user_id', 'text')
    // web | counter | assistant | zalo | api
    .addColumn('source', 'text', (c) => c.notNull())
    // booked | cancelled | arrived
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moves', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('arrived_at', 'text')
    .addColumn('cancelled_at', 'text')
    // The slot a reminder was queued for (a moved booking is reminded again).
    .addColumn('reminded_slot', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_unit_slot_idx').on('appointments').columns(['unit_code', 'slot_at']).execute();
  await db.schema.createIndex('appointments_phone_idx').on('appointments').column('phone').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appointments').execute();
  await db.schema.dropTable('appointment_slots').execute();
  await db.schema.dropTable('appointment_sessions').execute();
}
