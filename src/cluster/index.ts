/**
 * Many processes, one database (issue 16): what makes two or more motcua processes on one
 * PostgreSQL behave as one process.
 *
 * - `Broadcast` (cluster.bus.ts): LISTEN/NOTIFY between the processes (reconnecting); on a SQLite
 *   file, the commits of other processes (commands, `motcua worker`) noticed by `SqliteWatch` (cluster.sqlite.ts).
 * - `shareAcrossProcesses` (cluster.share.ts): caches dropped and queue events delivered in every process.
 * - `DbRateLimitStore` (cluster.rate-limit.ts): request budgets in the database (migration 038),
 *   for RateLimiter and @fastify/rate-limit alike.
 * - `runWorkers` (cluster.workers.ts): WORKERS=N processes on one machine sharing the port, with
 *   /metrics summed over them.
 */
import type { Database } from '../db/connection';
import { localOnly, PgBroadcast, type Broadcast } from './cluster.bus';
import { DbRateLimitStore } from './cluster.rate-limit';
import { SqliteWatch } from './cluster.sqlite';

export { CHANNEL, localOnly, PgBroadcast, type Broadcast } from './cluster.bus';
export { SqliteWatch } from './cluster.sqlite';
export { DbRateLimitStore, fastifyRateLimitStore } from './cluster.rate-limit';
export { shareAcrossProcesses, type SharedCache, type SharedQueue } from './cluster.share';

/**
 * What a process needs to share its state: on PostgreSQL the broadcast (listening starts with
 * `broadcast.listen()`, serving processes only) and the budgets in the table; on SQLite (one
 * serving process per database) budgets in memory (`rateLimits` undefined), and the other
 * processes' commits to the file noticed once listening (nothing at all for a database in memory).
 */
export function openCluster(database: Database, url: string, log: (msg: string) => void): { broadcast: Broadcast; rateLimits: DbRateLimitStore | undefined } {
  if (database.kind !== 'postgres') return { broadcast: database.file ? new SqliteWatch({ db: database.db, log }) : localOnly(), rateLimits: undefined };
  return { broadcast: new PgBroadcast({ url, db: database.db, log }), rateLimits: new DbRateLimitStore(database.db, { log }) };
}
export { isWorkerProcess, runWorkers, workerMetricsLink, type WorkersOptions } from './cluster.workers';
