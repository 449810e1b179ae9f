import type { Kysely } from 'kysely';

/**
 * Periodic jobs across processes (issue 16): one row per job — who ran it last, when it started
 * and ended, how many runs, the last failure. On PostgreSQL the process elected by the job's
 * advisory lock reads it to know whether this interval's run was already done by another process
 * (src/jobs/jobs.election.ts). Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    /** host:pid of the process that ran it last. */
    .addColumn('owner', 'text', (c) => c.notNull())
    /** UTC ISO. */
    .addColumn('started_at', 'text', (c) => c.notNull())
    /** UTC ISO; null while a run is in progress (or was cut by a crash). */
    .addColumn('finished_at', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    /** The last run's failure, null when it succeeded. */
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
}
