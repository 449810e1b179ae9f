/**
 * The election of one process per periodic job's tick, on a real PostgreSQL: two "processes" here
 * are two connections to one database (two pools, two lock connections), as two motcua processes
 * would have. The two-process test with real processes is src/ops/cluster.jobs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { fixedClock } from '../shared/clock';
import { createPgDatabase } from '../shared/testing';
import { jobElection, listJobRuns, PgJobElection } from './index';

describe('jobElection [sqlite]', () => {
  it('is none on SQLite: one process, every tick runs', async () => {
    const d = openDatabase({ kind: 'sqlite', url: ':memory:' });
    expect(jobElection(d, fixedClock('2026-12-01T02:00:00Z'))).toBeUndefined();
    await d.close();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PgJobElection [postgres]', () => {
  let pg: { url: string; drop(): Promise<void> };
  let a: Database;
  let b: Database;
  const clock = fixedClock('2026-12-01T02:00:00Z');
  const MINUTE = 60_000;
  let electA: PgJobElection;
  let electB: PgJobElection;

  beforeAll(async () => {
    pg = await createPgDatabase();
    a = openDatabase({ kind: 'postgres', url: pg.url });
    b = openDatabase({ kind: 'postgres', url: pg.url });
    await migrateToLatest(a.db);
    electA = new PgJobElection(a.db, a.locks!, clock, { owner: 'may-a:101' });
    electB = new PgJobElection(b.db, b.locks!, clock, { owner: 'may-b:202' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.drop();
  });

  /** A run that waits until released. */
  function held<T>(value: T) {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    return { run: async () => (started++, await gate, value), release: () => release(), started: () => started };
  }

  it('runs a tick in one process only; the other skips while it runs and for the rest of the interval', async () => {
    const first = held('a ran');
    const running = electA.elect('escalation', 10 * MINUTE, first.run);
    await waitUntil(() => first.started() === 1);
    let bRan = 0;
    expect(await electB.elect('escalation', 10 * MINUTE, async () => bRan++)).toEqual({ ran: false });
    // The same process's second timer would not run it twice either.
    expect(await electA.elect('escalation', 10 * MINUTE, async () => bRan++)).toEqual({ ran: false });
    first.release();
    expect(await running).toEqual({ ran: true, result: 'a ran' });

    // Done for this interval: B's next tick, 9 minutes later, does nothing…
    clock.advance(8 * MINUTE);
    expect(await electB.elect('escalation', 10 * MINUTE, async () => bRan++)).toEqual({ ran: false });
    // …and runs once a whole interval (less the drift margin) has passed since A started.
    clock.advance(1 * MINUTE);
    expect(await electB.elect('escalation', 10 * MINUTE, async () => ++bRan)).toEqual({ ran: true, result: 1 });
    expect(bRan).toBe(1);
    const row = (await listJobRuns(a.db)).find((r) => r.name === 'escalation');
    expect(row).toMatchObject({ owner: 'may-b:202', runs: 2, started_at: clock.now().toISOString(), finished_at: clock.now().toISOString(), last_error: null });
  });

  it('different jobs do not hold each other up', async () => {
    const esc = held(1);
    const running = electA.elect('draft-expiry', MINUTE, esc.run);
    await waitUntil(() => esc.started() === 1);
    expect(await electB.elect('audit-checkpoint', MINUTE, async () => 'mốc')).toEqual({ ran: true, result: 'mốc' });
    esc.release();
    await running;
  });

  it('a failed run is noted and lets go of the lock; the next interval runs again', async () => {
    await expect(electA.elect('report-reminders', MINUTE, async () => Promise.reject(new Error('mất kết nối tới cổng SMS')))).rejects.toThrow('mất kết nối');
    expect((await listJobRuns(a.db)).find((r) => r.name === 'report-reminders')).toMatchObject({ runs: 1, last_error: 'mất kết nối tới cổng SMS' });
    clock.advance(MINUTE);
    expect(await electB.elect('report-reminders', MINUTE, async () => 'ok')).toEqual({ ran: true, result: 'ok' });
    expect((await listJobRuns(a.db)).find((r) => r.name === 'report-reminders')).toMatchObject({ runs: 2, last_error: null, owner: 'may-b:202' });
  });

  it('a process that dies mid-run loses the lock with its connection: another takes the job over', async () => {
    const dying = openDatabase({ kind: 'postgres', url: pg.url });
    const electC = new PgJobElection(dying.db, dying.locks!, clock, { owner: 'may-c:303' });
    const stuck = held('never');
    void electC.elect('vaccination-reminders', 0, stuck.run).catch(() => undefined);
    await waitUntil(() => stuck.started() === 1);
    expect(await electB.elect('vaccination-reminders', 0, async () => 'b')).toEqual({ ran: false });
    // Its connections go (a crash, a kill -9: the server ends the session and its locks).
    await dying.locks!.close();
    expect(await electB.elect('vaccination-reminders', 0, async () => 'b')).toEqual({ ran: true, result: 'b' });
    stuck.release();
    await dying.close();
  });
});

async function waitUntil(f: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
