import type { Kysely } from 'kysely';

/**
 * Report reminders (issue 12, the supervisor's side): one row per data set, period, kind and unit
 * the reminder job has told — 'near' (the unit has not reported and the deadline is close) or
 * 'passed' (the supervisor is told which units missed it; unit_code is the supervisor's unit).
 * The row is written in the same transaction as the outbox messages, so a run is done once per
 * period whatever the job's schedule or restarts. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_reminders')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    /** 'near' or 'passed'. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** Outbox messages queued (0 when the unit has nobody to reach: still recorded, shown on the page). */
    .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reminders_pk', ['data_set', 'period', 'kind', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_reminders').execute();
}
