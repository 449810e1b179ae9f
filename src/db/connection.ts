import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { DB } from './schema';
import { ChangeFeed, watchedDialect } from './changes';
import { AdvisoryLocks } from './advisory-locks';

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
    // Pipeline mode: a transaction's deferred BEGIN goes out with its first statement (see
    // preparedStatements); Kysely otherwise sends one query at a time on a connection, so nothing else changes.
    const pool = new pg.Pool({ connectionString: cfg.url, max: 10, pipeline: true } as pg.PoolConfig);
    // An idle client whose server connection is cut (a restart, a failover, a dropped test
    // database) is re-emitted on the pool; unhandled, that would crash the process. The pool
    // replaces the client on the next checkout.
    pool.on('error', () => {});
    pool.on('connect', preparedStatements);
    const db = new Kysely<DB>({ dialect: watchedDialect(new PostgresDialect({ pool }), changes) });
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

/** Names of the prepared statements, by SQL text (the same name on every connection). */
const statementNames = new Map<string, string>();
/** Plain statements only: DDL and session commands are sent as they are. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** Kysely's transaction commands, as it sends them (PostgresDriver). */
const BEGIN = 'begin';
const ENDS: Record<string, 'COMMIT' | 'ROLLBACK'> = { commit: 'COMMIT', rollback: 'ROLLBACK' };

type Send = (text: unknown, values?: unknown, cb?: unknown) => unknown;

/**
 * Two changes to how Kysely's queries reach PostgreSQL, on each pooled connection:
 *
 * - Kysely sends every query as an unnamed statement, which PostgreSQL parses and plans again each
 *   time (a third of the server's time on a submission's short statements). The same SQL text gets
 *   one name here, so each connection parses it once and reuses it (pg sends Parse only the first
 *   time a connection sees the name). Bounded: our SQL is parameterised, so the set of texts is
 *   small; past the bound, statements go unnamed again.
 * - A transaction's BEGIN is not sent on its own: it is held until the transaction's first
 *   statement and written with it (pipeline mode: one socket write, one wait instead of two). A
 *   transaction that ends before any statement sends nothing. PostgreSQL runs them in order, so
 *   the statement is inside the transaction as before (its snapshot is taken by that statement
 *   either way). Each socket write and wait is a measurable part of a submission's CPU time
 *   (issue 10). BEGIN itself fails only when the connection can run nothing, and then the
 *   statement fails too; the caller sees BEGIN's error first.
 */
function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Send;
  let beginHeld = false;
  const send: Send = (text, values, cb) => {
    if (typeof text !== 'string' || !Array.isArray(values) || !PREPARABLE.test(text)) return query(text, values, cb);
    let name = statementNames.get(text);
    if (!name) {
      if (statementNames.size >= 2000) return query(text, values, cb);
      name = `m${statementNames.size}`;
      statementNames.set(text, name);
    }
    return query({ name, text, values }, cb);
  };
  (client as unknown as { query: Send }).query = (text, values, cb) => {
    if (cb !== undefined || typeof text !== 'string') {
      if (beginHeld) throw new Error('a held BEGIN cannot go with a callback or query object');
      return query(text, values, cb);
    }
    const lower = text.length < 10 ? text.trim().toLowerCase() : '';
    if (!beginHeld) {
      if (lower !== BEGIN) return send(text, values);
      beginHeld = true;
      return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
    }
    beginHeld = false;
    // Nothing was run in the transaction: nothing to send.
    const end = ENDS[lower];
    if (end) return Promise.resolve({ command: end, rowCount: null, rows: [], fields: [] });
    const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    stream.cork();
    let began: Promise<unknown>;
    let result: Promise<unknown>;
    try {
      began = query(BEGIN) as Promise<unknown>;
      result = send(text, values) as Promise<unknown>;
    } finally {
      stream.uncork();
    }
    return Promise.allSettled([began, result]).then(([b, r]) => {
      if (b.status === 'rejected') throw b.reason;
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
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
