import type { Kysely } from 'kysely';

/**
 * The indicators' judged state of each dossier (issue 11 "Speed", src/indicator): one narrow row
 * per dossier beside its copied timeline (migration 017) — when it was received (and by which
 * channel, with or without an appointment), finished (on time or late against the appointment it
 * then had), its result (electronic and digitised or not), withdrawn, asked for a second
 * supplement, asked for a fee, and its appointment and pause after the last row that moved them —
 * so that a period's counts are one SQL count over the rows of (unit, received) and (unit, ended)
 * instead of judging every dossier in JavaScript. A dossier whose appointment or pause moved after
 * the instant a period is read as of reads them at that instant from `indicator_dossier_clock` (one row from its receipt and one for every row that moved either).
 * `irregular` marks a timeline whose rows are not in time order (judged from the copy instead).
 * Both are rebuilt from the history: the copy's cursor is removed here, so the next answer
 * rebuilds the copy and these rows with it. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_dossier_states')
    .addColumn('dossier_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text')
    /** 1 when the receipt carried an appointment (a tracking code and a date to return). */
    .addColumn('published', 'integer', (c) => c.notNull())
    /** The first `mark_result_ready`, `reject`, `stop`, `withdraw`: what finds a period's dossiers. */
    .addColumn('ended_at', 'text')
    /** The first `mark_result_ready`, `reject` or `stop`, and whether it came after the appointment it then had. */
    .addColumn('finished_at', 'text')
    .addColumn('finished_late', 'integer', (c) => c.notNull())
    /** finished_at when it was a `mark_result_ready`; digitised: a signed result file and papers attached as files before it. */
    .addColumn('result_at', 'text')
    .addColumn('digitised', 'integer', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    /** The second `request_supplement` (from then on the dossier is late). */
    .addColumn('late_supplement_at', 'text')
    /** The first `request_payment` of an amount above 0. */
    .addColumn('payment_asked_at', 'text')
    /** The last timeline row that moved the appointment or the pause (from the receipt on): after it, they are `due_at`, `paused_since`. */
    .addColumn('clock_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('paused_since', 'text')
    .addColumn('irregular', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_states_received_idx').on('indicator_dossier_states').columns(['unit_code', 'received_at']).execute();
  await db.schema.createIndex('indicator_states_ended_idx').on('indicator_dossier_states').columns(['unit_code', 'ended_at', 'received_at']).execute();
  await db.schema.createIndex('indicator_states_irregular_idx').on('indicator_dossier_states').columns(['irregular', 'unit_code']).execute();
  await db.schema
    .createTable('indicator_dossier_clock')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('paused_since', 'text')
    .addPrimaryKeyConstraint('indicator_dossier_clock_pk', ['dossier_id', 'seq'])
    .execute();
  // Who owes a fee, who paid online, who is dissatisfied: read by the indicators' counts from the
  // index alone (payment and rating modules' queries, src/payment feeDossiersQuery, src/rating
  // dissatisfiedQuery).
  await db.schema.createIndex('dossier_fees_unit_assessed_cover_idx').on('dossier_fees').columns(['unit_code', 'assessed_at', 'amount', 'dossier_id']).execute();
  await db.schema.createIndex('payments_unit_confirmed_cover_idx').on('payments').columns(['unit_code', 'confirmed_at', 'status', 'amount', 'online', 'dossier_id']).execute();
  await db.schema
    .createIndex('rating_versions_unit_level_idx')
    .on('rating_versions')
    .columns(['unit_code', 'first_rated_at', 'level', 'created_at', 'dossier_id', 'rating_id', 'version'])
    .execute();
  // The copy is rebuilt (with these rows) at the next answer.
  await db.deleteFrom('indicator_sync').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rating_versions_unit_level_idx').execute();
  await db.schema.dropIndex('payments_unit_confirmed_cover_idx').execute();
  await db.schema.dropIndex('dossier_fees_unit_assessed_cover_idx').execute();
  await db.schema.dropTable('indicator_dossier_clock').execute();
  await db.schema.dropTable('indicator_dossier_states').execute();
}
