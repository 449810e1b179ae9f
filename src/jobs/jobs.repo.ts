import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, JobRunTable } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

export async function findRun(db: Exec, name: string): Promise<JobRunTable | undefined> {
  return db.selectFrom('job_runs').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listRuns(db: Exec): Promise<JobRunTable[]> {
  return db.selectFrom('job_runs').selectAll().orderBy('name').execute();
}

/** A run begins: who and when, one more run counted, the end not known yet. */
export async function startRun(db: Exec, name: string, owner: string, at: string): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ name, owner, started_at: at, finished_at: null, runs: 1, last_error: null })
    .onConflict((oc) => oc.column('name').doUpdateSet({ owner, started_at: at, finished_at: null, runs: sql<number>`job_runs.runs + 1` }))
    .execute();
}

export async function finishRun(db: Exec, name: string, at: string, error: string | null): Promise<void> {
  await db.updateTable('job_runs').set({ finished_at: at, last_error: error?.slice(0, 1000) ?? null }).where('name', '=', name).execute();
}
