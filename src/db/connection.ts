import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { DB } from './schema';
import { ChangeFeed, watchedDialect } from './changes';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** Every write to a dossier's rows, whoever makes it (see changes.ts): for answer caches. */
  changes: ChangeFeed;
  close(): Promise<void>;
}

// PostgreSQL returns bigint counts as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(cfg: DatabaseConfig): Database {
  const changes = new ChangeFeed();
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: cfg.url, max: 10 });
    // An idle client whose server connection is cut (a restart, a failover, a dropped test
    // database) is re-emitted on the pool; unhandled, that would crash the process. The pool
    // replaces the client on the next checkout.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: watchedDialect(new PostgresDialect({ pool }), changes) });
    return { db, kind: 'postgres', changes, close: () => db.destroy() };
  }
  if (cfg.url !== ':memory:') fs.mkdirSync(path.dirname(cfg.url), { recursive: true });
  const sqlite = new SQLite(cfg.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: watchedDialect(new SqliteDialect({ database: withStatementCache(sqlite) }), changes) });
  return { db, kind: 'sqlite', changes, close: () => db.destroy() };
}

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
