/**
 * LISTEN/NOTIFY between processes (two PgBroadcast on one fresh PostgreSQL database stand for two
 * processes): messages reach the other one only, a message too big for NOTIFY arrives as "unknown,
 * assume everything changed", and a listening connection that the server cuts is opened again,
 * with a resync (messages may have been missed) and messages flowing again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connection';
import { createPgDatabase } from '../shared/testing';
import { waitFor } from '../ops/cluster.testing';
import { localOnly, PgBroadcast } from './cluster.bus';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 nhưng chưa đặt TEST_DATABASE_URL');

describe.skipIf(!pgUrl)('Broadcast between processes [postgres]', () => {
  let created: { url: string; drop(): Promise<void> };
  let database: Database;
  let a: PgBroadcast;
  let b: PgBroadcast;
  const logs: string[] = [];
  beforeAll(async () => {
    created = await createPgDatabase();
    database = openDatabase({ kind: 'postgres', url: created.url });
    a = new PgBroadcast({ url: created.url, db: database.db, log: (m) => logs.push(m) });
    b = new PgBroadcast({ url: created.url, db: database.db, log: (m) => logs.push(m), retryMs: { first: 50, max: 200 } });
    await a.listen();
    await b.listen();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
    await created?.drop();
  });

  it('a message goes to the other process, not back to the sender, by topic', async () => {
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    const other: unknown[] = [];
    a.on('queue', (m) => gotA.push(m));
    b.on('queue', (m) => gotB.push(m));
    b.on('catalog', (m) => other.push(m));
    a.publish('queue', { unitCode: '00004', kind: 'called', number: 'A-001' });
    await waitFor('the message on B', () => gotB.length === 1, 5_000);
    expect(gotB[0]).toEqual({ unitCode: '00004', kind: 'called', number: 'A-001' });
    await new Promise((r) => setTimeout(r, 100));
    expect(gotA).toEqual([]);
    expect(other).toEqual([]);
  });

  it('a message too big for NOTIFY arrives as null (everything may have changed)', async () => {
    const got: unknown[] = [];
    b.on('dossiers', (m) => got.push(m));
    a.publish('dossiers', Array.from({ length: 2000 }, (_, i) => `00004-261204-${String(i).padStart(4, '0')}`));
    await waitFor('the big message on B', () => got.length === 1, 5_000);
    expect(got).toEqual([null]);
  });

  it('a listening connection cut by the server comes back: resync, then messages again', async () => {
    let resyncs = 0;
    b.onResync(() => resyncs++);
    const got: unknown[] = [];
    b.on('calendar', (m) => got.push(m));
    const pid = b.backendPid();
    expect(pid).toBeTypeOf('number');
    const admin = new pg.Client({ connectionString: created.url });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await waitFor('the reconnection', () => resyncs === 1 && b.listening && b.backendPid() !== pid, 10_000);
    expect(logs.some((l) => l.startsWith('Mất kết nối nhận thông báo giữa các tiến trình'))).toBe(true);
    a.publish('calendar', 1);
    await waitFor('a message after the reconnection', () => got.length === 1, 5_000);
  });

  it('SQLite: nobody to tell (one process per database)', async () => {
    const l = localOnly();
    expect(l.listening).toBe(false);
    expect(() => l.publish('catalog', 1)).not.toThrow();
  });
});
