/**
 * Two real motcua processes on one PostgreSQL, each with its outbox worker and its periodic jobs
 * (issue 16): every message is delivered once though both workers run, the escalation job runs in
 * one process per tick, and dossier codes stay unique and gap-free when both processes take
 * submissions at once. Real processes (src/ops/cluster.testing.ts), real HTTP, a fake SMS gateway on
 * loopback that counts what reaches it. PostgreSQL only.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../app';
import { loadConfig } from '../config';
import { startFakeSmsGateway, type FakeSmsGateway } from '../notification/notification.testing';
import { fillForm } from '../dossier/dossier.testing';
import { startCluster, waitFor, type Cluster } from './cluster.testing';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 nhưng chưa đặt TEST_DATABASE_URL');

const MESSAGES = 1000;

describe.skipIf(!pgUrl)('Two processes, one outbox, one set of jobs [postgres]', () => {
  let c: Cluster;
  let gateway: FakeSmsGateway;
  /** This test's own view of the cluster's database (never started: no worker, no jobs). */
  let s: Services;
  beforeAll(async () => {
    // 20 ms per SMS: one worker alone would need seconds for the batch, so both take part.
    gateway = await startFakeSmsGateway({ latencyMs: 20 });
    const env = { SMS_HTTP_URL: gateway.url, REQUIRE_PHONE_VERIFICATION: 'off', ESCALATION_MINUTES: '0.02' };
    // Each process says who it is in a header of its SMS requests, so the gateway knows which worker sent what.
    c = await startCluster({ processes: 1, env: { ...env, SMS_HTTP_HEADERS: '{"X-Motcua-Process":"a"}' } });
    await c.add({ SMS_HTTP_HEADERS: '{"X-Motcua-Process":"b"}' });
    s = await buildServices(loadConfig({ ...c.env, LOG_LEVEL: 'silent' }));
  }, 300_000);
  afterAll(async () => {
    await s?.database.close();
    await c?.stop();
    await gateway?.close();
  }, 60_000);

  it(`delivers ${MESSAGES} outbox messages exactly once each with a worker in both processes`, async () => {
    const started = Date.now();
    await s.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < MESSAGES; i++) {
        await s.notifications.enqueue(trx, { channel: 'sms', recipient: `0912${String(i).padStart(6, '0')}`, event: 'cluster_test', body: `Tin thu ${i}`, unitCode: '00004', dedupKey: `cluster-test:${i}` });
      }
    });
    const ids = (await s.database.db.selectFrom('outbox').select('id').where('event', '=', 'cluster_test').execute()).map((r) => r.id);
    expect(ids).toHaveLength(MESSAGES);
    const sent = async () => Number((await s.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', 'cluster_test').where('status', '=', 'sent').executeTakeFirstOrThrow()).n);
    await waitFor('every message sent', async () => (await sent()) === MESSAGES, 120_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${c.output().slice(-3000)}`);
    });
    const elapsed = Date.now() - started;

    // Each message reached the gateway once: no message sent twice, none lost.
    const ours = new Set(ids);
    const requests = gateway.requests.filter((r) => ours.has(r.id));
    expect(requests).toHaveLength(MESSAGES);
    expect(ids.filter((id) => gateway.countOf(id) !== 1)).toEqual([]);
    // No message of the outbox at all (receipts, notices) went out twice.
    expect(gateway.requests.length).toBe(new Set(gateway.requests.map((r) => r.id)).size);
    // Both workers took their share, a batch (50) at a time: neither claimed the whole backlog
    // (a worker holding more than it can send before its lease runs out would see the other send
    // them again).
    const by = { a: 0, b: 0 } as Record<string, number>;
    for (const r of requests) by[String(r.headers['x-motcua-process'])]!++;
    expect(by.a! + by.b!).toBe(MESSAGES);
    expect(Math.min(by.a!, by.b!), JSON.stringify(by)).toBeGreaterThanOrEqual(MESSAGES * 0.2);
    const rounds = await s.database.db.selectFrom('outbox').select('attempts').where('event', '=', 'cluster_test').where('attempts', '!=', 1).execute();
    expect(rounds).toEqual([]);
    console.log(`outbox: ${MESSAGES} messages sent once each in ${elapsed} ms (process a ${by.a}, process b ${by.b})`);
  }, 180_000);

  const codes: string[] = [];

  it('gives 2 × 50 concurrent counter submissions on the two processes 100 distinct codes, consecutive, no gap', async () => {
    const [a, b] = c.urls as [string, string];
    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tiepnhan', password: 'demo' }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const form = (await (await fetch(`${a}/api/procedures/2.000815/form`)).json()) as { formData: unknown };
    const formData = fillForm(form.formData);
    const submit = async (base: string, i: number) => {
      const r = await fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ procedureCode: '2.000815', channel: 'in_person', applicant: { fullName: `Trần Thị Bình ${i}`, phone: `0987${String(i).padStart(6, '0')}` }, formData, submit: true }),
      });
      const body = (await r.json()) as { code?: string; status?: string };
      expect(r.status, JSON.stringify(body)).toBe(201);
      return body;
    };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => submit(i % 2 ? b : a, i)));
    for (const r of results) codes.push(r.code!);
    expect(results.every((r) => r.status === 'received')).toBe(true);
    expect(new Set(codes).size).toBe(100);
    // <unit>-<yymmdd>-<nnnn>: per unit and day (a run across midnight in Hà Nội makes two days), numbers 1, 2, 3… with no gap.
    const byDay = new Map<string, number[]>();
    for (const code of codes) {
      const [unit, day, n] = code.split('-') as [string, string, string];
      expect(unit).toBe('00004');
      byDay.set(day, [...(byDay.get(day) ?? []), Number(n)]);
    }
    for (const nums of byDay.values()) expect(nums.sort((x, y) => x - y)).toEqual(Array.from({ length: nums.length }, (_, i) => i + 1));
  }, 180_000);

  it('runs the escalation once: 100 dossiers past their step deadline are each flagged once, by one process per tick', async () => {
    expect(codes).toHaveLength(100);
    const db = s.database.db;
    const flags = async (action: string) =>
      (await db.selectFrom('audit_log').select(['target_id', (eb) => eb.fn.countAll<number>().as('n')]).where('action', '=', action).where('target_id', 'in', codes).groupBy('target_id').execute()).map((r) => ({ code: r.target_id, n: Number(r.n) }));
    // The step deadlines of all 100 pass at the same moment for both processes.
    await sql`UPDATE dossiers SET step_due_at = '2026-01-05T01:00:00.000Z' WHERE code IN (${sql.join(codes)})`.execute(db);
    await waitFor('every dossier flagged overdue', async () => (await flags('dossier.flag_overdue')).length === 100, 120_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${c.output().slice(-3000)}`);
    });
    // A few more ticks of both processes' timers (1.2 s each): nothing is flagged again.
    await new Promise((r) => setTimeout(r, 4_000));
    const overdue = await flags('dossier.flag_overdue');
    expect(overdue.filter((f) => f.n !== 1)).toEqual([]);
    expect(overdue).toHaveLength(100);
    // A flag "near the deadline" raised when they were received was raised once too.
    expect((await flags('dossier.flag_near')).filter((f) => f.n !== 1)).toEqual([]);
    // What the processes said they flagged adds up to the flags: no run counted a dossier another run had.
    const said = [...c.output().matchAll(/Cảnh báo hạn xử lý: (\d+) hồ sơ được gắn cờ/g)].reduce((n, m) => n + Number(m[1]), 0);
    const near = (await flags('dossier.flag_near')).length;
    expect(said).toBe(100 + near);
    // The job ran in turns: one row, runs counted across both processes.
    const run = await db.selectFrom('job_runs').selectAll().where('name', '=', 'escalation').executeTakeFirstOrThrow();
    expect(run.runs).toBeGreaterThan(1);
    expect(run.last_error).toBeNull();
    // The officials were told once per dossier and level (one SMS each, through the de-duplicated outbox).
    const notices = await db.selectFrom('outbox').select(['dedup_key']).where('event', '=', 'escalation_overdue').where('dossier_code', 'in', codes).execute();
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.dedup_key)).size).toBe(notices.length);
  }, 180_000);
});
