import { hostname } from 'node:os';
import type { AdvisoryLocks } from '../db/advisory-locks';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import type { JobElection } from '../shared/periodic-job';
import * as repo from './jobs.repo';

/**
 * Once across processes (issue 16): every process on one PostgreSQL runs the timers of the
 * periodic jobs (escalation, draft expiry, audit checkpoints, reminders…); at each tick
 * - the job's advisory lock elects the one process that may run it now (pg_try_advisory_lock on a
 *   connection of its own: the others skip the tick; a process that dies releases it with its
 *   connection);
 * - the elected process reads the job's row in job_runs: if another process started a run less
 *   than 90% of an interval ago, this interval is done and it skips too (the margin absorbs the
 *   timers' drift, so one run per interval, not one per process);
 * - otherwise it notes the start, runs, notes the end (and the failure, if any), then unlocks.
 * SQLite (one process) has no election: every tick runs, as before.
 */
export class PgJobElection implements JobElection {
  readonly owner: string;

  constructor(
    private readonly db: Db,
    private readonly locks: AdvisoryLocks,
    private readonly clock: Clock,
    opts: { owner?: string } = {},
  ) {
    this.owner = opts.owner ?? `${hostname()}:${process.pid}`;
  }

  async elect<T>(job: string, intervalMs: number, run: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
    const lock = `job:${job}`;
    if (!(await this.locks.tryLock(lock))) return { ran: false };
    try {
      const now = this.clock.now();
      const last = await repo.findRun(this.db, job);
      if (last && intervalMs > 0 && now.getTime() - Date.parse(last.started_at) < intervalMs * 0.9) return { ran: false };
      await repo.startRun(this.db, job, this.owner, now.toISOString());
      let result: T;
      try {
        result = await run();
      } catch (err) {
        await repo.finishRun(this.db, job, this.clock.now().toISOString(), err instanceof Error ? err.message : String(err)).catch(() => undefined);
        throw err;
      }
      await repo.finishRun(this.db, job, this.clock.now().toISOString(), null);
      return { ran: true, result };
    } finally {
      await this.locks.unlock(lock);
    }
  }
}

/** The election the app uses: on PostgreSQL, PgJobElection; on SQLite none (every tick runs). */
export function jobElection(database: { db: Db; locks?: AdvisoryLocks }, clock: Clock): JobElection | undefined {
  return database.locks ? new PgJobElection(database.db, database.locks, clock) : undefined;
}
