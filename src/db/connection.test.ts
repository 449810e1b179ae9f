import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';

describe('SQLite connection', () => {
  it('commits only append to the log; a background thread copies it into the database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ckpt-'));
    const file = path.join(dir, 'db.sqlite');
    const { db, close } = openDatabase({ kind: 'sqlite', url: file });
    try {
      await sql`create table t (id integer primary key, v text)`.execute(db);
      const fileSize = () => fs.statSync(file).size;
      const before = fileSize();
      // ~3 MB of log in 60 commits: SQLite's own checkpoint (every 1,000 pages) would run inside them.
      const v = 'x'.repeat(1000);
      for (let i = 0; i < 60; i++) await db.transaction().execute(async (trx) => { for (let j = 0; j < 50; j++) await sql`insert into t (v) values (${v})`.execute(trx); });
      // The commits do not checkpoint (SQLite's automatic checkpoint is off on this connection)…
      expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint).toBe(0);
      const walSize = fs.statSync(`${file}-wal`).size;
      expect(walSize).toBeGreaterThan(2_000_000);
      // …yet the log reaches the database file within a second or two.
      let grown = fileSize();
      for (let i = 0; i < 40 && grown < before + 2_000_000; i++) {
        await new Promise((r) => setTimeout(r, 100));
        grown = fileSize();
      }
      expect(grown).toBeGreaterThan(before + 2_000_000);
      expect(Number((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]!.n)).toBe(3000);
    } finally {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
