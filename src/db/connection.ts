import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { DB } from './schema';
import { ChangeFeed, watchedDialect } from './changes';
import { AdvisoryLocks } from './advisory-locks';
import { pipelinedPostgresDialect } from './postgres';

export type Db = Kysely<DB>;

const require = createRequire(import.meta.url);

export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** Every write to a dossier's rows, whoever makes it (see changes.ts): for answer caches. */
  changes: ChangeFeed;
  /** PostgreSQL: advisory locks on a connection of their own (the periodic jobs' election across processes). */
  locks?: AdvisoryLocks;
  /** PostgreSQL: the connection pool's clients now (for /metrics; no query). */
  pool?: () => { total: number; idle: number; waiting: number };
  /** SQLite: the database file (backup, the size of its write-ahead log); absent in memory. */
  file?: string;
  close(): Promise<void>;
}

// PostgreSQL returns bigint counts as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(cfg: DatabaseConfig): Database {
  const changes = new ChangeFeed();
  if (cfg.kind === 'postgres') {
    // Pipeline mode: the driver writes a transaction's BEGIN with its first statement, and its
    // COMMIT with its last when marked (postgres.ts).
    // No JIT compilation: motcua's statements are short, and an estimate past PostgreSQL's JIT
    // threshold (a province's indicators, the escalation's candidates) made compiling cost more
    // than running — a commune-month's report at 5M dossiers 548 → 273 ms (bench:province, stop 35).
    // `PGOPTIONS` (libpq's variable, which `options` replaces in node-postgres) still applies.
    const options = [process.env.PGOPTIONS, '-c jit=off'].filter(Boolean).join(' ');
    const pool = new pg.Pool({ connectionString: cfg.url, max: 10, pipeline: true, options } as pg.PoolConfig);
    // An idle client whose server connection is cut (a restart, a failover, a dropped test
    // database) is re-emitted on the pool; unhandled, that would crash the process. The pool
    // replaces the client on the next checkout.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: watchedDialect(pipelinedPostgresDialect(pool), changes) });
    const stats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const locks = new AdvisoryLocks(cfg.url);
    const close = async () => {
      await locks.close();
      await db.destroy();
    };
    return { db, kind: 'postgres', changes, locks, pool: stats, close };
  }
  if (cfg.url !== ':memory:') fs.mkdirSync(path.dirname(cfg.url), { recursive: true });
  const sqlite = new SQLite(cfg.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = cfg.url === ':memory:' ? undefined : startCheckpointer(sqlite, cfg.url);
  const db = new Kysely<DB>({ dialect: watchedDialect(new SqliteDialect({ database: withStatementCache(sqlite) }), changes) });
  return {
    db,
    kind: 'sqlite',
    changes,
    file: cfg.url === ':memory:' ? undefined : cfg.url,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** How often the background thread copies the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 250;

/**
 * SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages of log: on the
 * server's only thread, with an fsync of the database file (measured: about half of a submission's
 * commit time under load). Here a worker thread with its own connection checkpoints instead
 * (PASSIVE: it never blocks a writer or a reader), so commits only append to the log. If the
 * thread cannot start, SQLite's own checkpoint is kept.
 */
function startCheckpointer(sqlite: SQLite.Database, file: string): { stop(): Promise<void> } | undefined {
  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINTER, { eval: true, workerData: { module: require.resolve('better-sqlite3'), file, every: CHECKPOINT_EVERY_MS } });
  } catch {
    return undefined;
  }
  sqlite.pragma('wal_autocheckpoint = 0');
  // The thread never keeps the process alive; if it dies, the commits checkpoint again.
  worker.unref();
  worker.on('error', () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000'));
  return {
    stop: async () => {
      worker.postMessage('stop');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => void worker.terminate().then(() => resolve()), 2000);
        worker.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}

const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 100');
const once = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(once, workerData.every);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  once();
  db.close();
  parentPort.close();
});
`;

/**
 * Kysely asks better-sqlite3 to prepare every statement again on each call; preparing costs more
 * than running most of our queries (measured: a third of a submission's database time). Statements
 * are kept by SQL text (the SQL is parameterised, so the set is small and bounded); a statement
 * still busy (an open iterator) is never handed out twice — a fresh one is prepared instead.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const hit = cache.get(sql);
          if (hit && !hit.busy) return hit;
          const stmt = prepare(sql);
          if (!hit) {
            if (cache.size >= max) cache.delete(cache.keys().next().value as string);
            cache.set(sql, stmt);
          }
          return stmt;
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
