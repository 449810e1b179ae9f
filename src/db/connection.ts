import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { DB } from './schema';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

// PostgreSQL returns bigint counts as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(cfg: DatabaseConfig): Database {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: cfg.url, max: 10 });
    // An idle client whose server connection is cut (a restart, a failover, a dropped test
    // database) is re-emitted on the pool; unhandled, that would crash the process. The pool
    // replaces the client on the next checkout.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (cfg.url !== ':memory:') fs.mkdirSync(path.dirname(cfg.url), { recursive: true });
  const sqlite = new SQLite(cfg.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}
