import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPgDatabase } from '../shared/testing';
import { openDatabase } from './connection';
import { lastInTransaction } from './postgres';
import { countSocketWrites } from './wire.testing';

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

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL connection', () => {
  it("sends a transaction's BEGIN with its first statement, one write fewer, and the transaction stays whole", async () => {
    const pgdb = await createPgDatabase();
    const { db, close } = openDatabase({ kind: 'postgres', url: pgdb.url });
    // Socket writes (corked writes leave as one).
    const writes = countSocketWrites();
    try {
      await sql`create table t (id integer primary key, v text)`.execute(db);
      await sql`insert into t values (0, 'seed')`.execute(db);
      writes.count = 0;
      await db.transaction().execute(async (trx) => {
        await sql`insert into t values (${1}, ${'a'})`.execute(trx);
        await sql`update t set v = ${'b'} where id = ${1}`.execute(trx);
      });
      // begin + insert, update, commit: 3 writes (4 when BEGIN went alone).
      expect(writes.count).toBe(3);
      expect((await sql<{ v: string }>`select v from t where id = 1`.execute(db)).rows).toEqual([{ v: 'b' }]);

      // The first statement is inside the transaction: undone with it, unseen by others until the commit.
      let seenMeanwhile: unknown[] = ['not read'];
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${2}, ${'c'})`.execute(trx);
          seenMeanwhile = (await sql`select id from t where id = 2`.execute(db)).rows;
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(seenMeanwhile).toEqual([]);
      expect((await sql`select id from t where id = 2`.execute(db)).rows).toEqual([]);

      // A first statement that fails leaves nothing, and the connection serves the next transaction.
      await expect(db.transaction().execute((trx) => sql`insert into t values (${0}, ${'dup'})`.execute(trx))).rejects.toThrow(/duplicate key/);
      // A transaction that ends before any statement sends nothing.
      writes.count = 0;
      await db.transaction().execute(async () => {});
      await expect(db.transaction().execute(async () => { throw new Error('nothing done'); })).rejects.toThrow('nothing done');
      expect(writes.count).toBe(0);
      await db.transaction().execute((trx) => sql`insert into t values (${3}, ${'d'})`.execute(trx));
      expect((await sql<{ id: number }>`select id from t order by id`.execute(db)).rows.map((r) => r.id)).toEqual([0, 1, 3]);

      // The last statement, marked, carries the COMMIT: begin + insert, update + commit: 2 writes.
      writes.count = 0;
      await db.transaction().execute(async (trx) => {
        await sql`insert into t values (${4}, ${'e'})`.execute(trx);
        await trx.executeQuery(lastInTransaction(trx.updateTable('t' as never).set({ v: 'f' } as never).where('id' as never, '=', 4 as never)));
      });
      expect(writes.count).toBe(2);
      expect((await sql<{ v: string }>`select v from t where id = 4`.execute(db)).rows).toEqual([{ v: 'f' }]);
      // Committed by the time the statement answers: another connection sees it at once.
      let seenAfterLast: unknown[] = [];
      await db.transaction().execute(async (trx) => {
        await trx.executeQuery(lastInTransaction(trx.insertInto('t' as never).values({ id: 5, v: 'g' } as never)));
        seenAfterLast = (await sql`select id from t where id = 5`.execute(db)).rows;
      });
      expect(seenAfterLast).toEqual([{ id: 5 }]);
      // A last statement that fails rolls the whole transaction back (the first statement too).
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${6}, ${'h'})`.execute(trx);
          await trx.executeQuery(lastInTransaction(trx.insertInto('t' as never).values({ id: 0, v: 'dup' } as never)));
        }),
      ).rejects.toThrow(/duplicate key/);
      // …and so does one whose failure the caller catches: the transaction answers as not committed.
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${7}, ${'i'})`.execute(trx);
          await trx.executeQuery(lastInTransaction(trx.insertInto('t' as never).values({ id: 0, v: 'dup' } as never))).catch(() => undefined);
        }),
      ).rejects.toThrow(/rolled back/);
      // Nothing may run after the last statement: refused, and what came before stays committed.
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.executeQuery(lastInTransaction(trx.insertInto('t' as never).values({ id: 8, v: 'j' } as never)));
          await sql`insert into t values (${9}, ${'k'})`.execute(trx);
        }),
      ).rejects.toThrow(/already over/);
      expect((await sql<{ id: number }>`select id from t order by id`.execute(db)).rows.map((r) => r.id)).toEqual([0, 1, 3, 4, 5, 8]);
      // The connections still serve transactions as before.
      await db.transaction().execute((trx) => sql`insert into t values (${10}, ${'l'})`.execute(trx));
      expect((await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)).rows[0]!.n).toBe(7);
    } finally {
      writes.stop();
      await close();
      await pgdb.drop();
    }
  });
  it('compiles no statement just in time (JIT costs more than motcua\'s statements run), whatever the server says', async () => {
    const pgdb = await createPgDatabase();
    const { db, close } = openDatabase({ kind: 'postgres', url: pgdb.url });
    try {
      const admin = new pg.Client({ connectionString: pgdb.url });
      await admin.connect();
      // The server's default is on (PostgreSQL 11 and later)…
      expect((await admin.query<{ jit: string }>('show jit')).rows[0]!.jit).toBe('on');
      await admin.end();
      // …and every connection of the pool has it off.
      const seen = await Promise.all([0, 1, 2].map(() => db.connection().execute(async (c) => (await sql<{ jit: string }>`show jit`.execute(c)).rows[0]!.jit)));
      expect(seen).toEqual(['off', 'off', 'off']);
    } finally {
      await close();
      await pgdb.drop();
    }
  });
  it('survives what a server does to it: a lost connection, a statement timeout, a unique violation — the transaction is undone, the caller sees why, the pool goes on', async () => {
    const pgdb = await createPgDatabase();
    const { db, close, pool } = openDatabase({ kind: 'postgres', url: pgdb.url });
    const admin = new pg.Client({ connectionString: pgdb.url });
    await admin.connect();
    const ids = async () => (await sql<{ id: number }>`select id from t order by id`.execute(db)).rows.map((r) => r.id);
    const pidOf = async (trx: typeof db) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
    // A backend terminated by another session: gone once pg_stat_activity no longer lists it.
    const terminate = async (pid: number) => {
      await admin.query('select pg_terminate_backend($1)', [pid]);
      while ((await admin.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount) await new Promise((r) => setTimeout(r, 5));
    };
    // What a caller sees when its backend was killed before it wrote: the server's reason, or, when the
    // kernel's reset reaches the client before that last message is read, the reset itself.
    const LOST = /terminating connection|ECONNRESET/;
    try {
      await sql`create table t (id integer primary key, v text)`.execute(db);
      await sql`insert into t values (0, 'seed')`.execute(db);

      // Lost between two statements of a transaction: the next one fails with the server's reason
      // (not a failed ROLLBACK's), the first is undone, and the next transactions run on a new connection.
      await expect(
        db.transaction().execute(async (trx) => {
          const pid = await pidOf(trx);
          await sql`insert into t values (${1}, ${'a'})`.execute(trx);
          await terminate(pid);
          await sql`insert into t values (${2}, ${'b'})`.execute(trx);
        }),
      ).rejects.toThrow(LOST);
      expect(await ids()).toEqual([0]);
      await db.transaction().execute((trx) => sql`insert into t values (${3}, ${'c'})`.execute(trx));
      expect(await ids()).toEqual([0, 3]);

      // Lost while the held BEGIN and the first statement are on the wire (the statement ends its own backend).
      await expect(db.transaction().execute((trx) => sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx))).rejects.toThrow(/terminating connection/);
      // Lost just before the statement that carries the COMMIT: nothing is kept.
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${4}, ${'d'})`.execute(trx);
          await terminate(await pidOf(trx));
          await trx.executeQuery(lastInTransaction(trx.insertInto('t' as never).values({ id: 5, v: 'e' } as never)));
        }),
      ).rejects.toThrow(LOST);
      expect(await ids()).toEqual([0, 3]);
      // Outside a transaction too; the pool keeps no dead client.
      await db.connection().execute(async (c) => {
        await terminate(await pidOf(c));
        await expect(sql`select 1`.execute(c)).rejects.toThrow(LOST);
      });
      expect((await sql<{ n: number }>`select 1 as n`.execute(db)).rows).toEqual([{ n: 1 }]);
      expect(pool!().total).toBeLessThanOrEqual(2);

      // A statement timeout: the statement fails with it, the transaction is undone, SET LOCAL ends with it.
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = 100`.execute(trx);
          await sql`insert into t values (${6}, ${'f'})`.execute(trx);
          await sql`select pg_sleep(5)`.execute(trx);
        }),
      ).rejects.toThrow(/statement timeout/);
      // …and when it strikes the statement written with the COMMIT.
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = 100`.execute(trx);
          await sql`insert into t values (${7}, ${'g'})`.execute(trx);
          await trx.executeQuery(lastInTransaction(trx.selectNoFrom(sql<number>`pg_sleep(5)`.as('slept'))));
        }),
      ).rejects.toThrow(/statement timeout/);
      expect(await ids()).toEqual([0, 3]);
      expect((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)).rows).toEqual([{ statement_timeout: '0' }]);

      // A unique violation after the held BEGIN's statement undoes both, even when the caller catches it
      // and goes on; the connection is then out of any transaction (its next write is seen at once).
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${8}, ${'h'})`.execute(trx);
          await sql`insert into t values (${0}, ${'dup'})`.execute(trx);
        }),
      ).rejects.toThrow(/duplicate key/);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (${9}, ${'i'})`.execute(trx);
          await sql`insert into t values (${0}, ${'dup'})`.execute(trx).catch(() => undefined);
          await sql`insert into t values (${10}, ${'j'})`.execute(trx);
        }),
      ).rejects.toThrow(/current transaction is aborted/);
      await sql`insert into t values (${11}, ${'k'})`.execute(db);
      expect((await admin.query('select id from t order by id')).rows.map((r) => r.id)).toEqual([0, 3, 11]);
    } finally {
      await admin.end();
      await close();
      await pgdb.drop();
    }
  });
});
