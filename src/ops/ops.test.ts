/**
 * Operations on both engines: the probes, /metrics behind its token (a request made here is
 * counted under its route pattern; the outbox backlog follows messages queued here; open
 * dossiers and queue lengths), and the request id carried from the HTTP request into its audit
 * entry and its outbox message.
 */
import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { createTestEnv } from '../shared/testing';
import { Desk, fillForm } from '../dossier/workflow.testing';
import { APPLICANT } from '../dossier/dossier.testing';
import { Metrics } from './ops.metrics';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one series in Prometheus text (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (want.every((w) => have.includes(w)) && (want.length > 0 || have.length === 0)) return Number(m[3]);
  }
  return 0;
}

eachEngine('Operations: probes, metrics, request ids', { at: '2026-12-01T02:00:00Z', env: { METRICS_TOKEN: TOKEN, METRICS_CACHE_SECONDS: '0' } }, (t) => {
  const scrape = async () => {
    const r = await t.env.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    return r.body;
  };

  it('/healthz answers without the database; /readyz checks the database and every known migration', async () => {
    expect((await t.env.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.env.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', database: t.engine, migrations: { unknown: [] } });
    expect(ready.json().migrations.applied).toBe(ready.json().migrations.known);

    // A database without the latest migration is not ready: the code would query a column it lacks.
    const db = t.env.services.database.db;
    const row = await db.selectFrom('kysely_migration' as never).selectAll().where('name' as never, '=', '036-request-ids' as never).executeTakeFirstOrThrow();
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '036-request-ids' as never).execute();
    try {
      const r = await t.env.app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json().error.code).toBe('migrations_pending');
      expect(r.json().error.message).toContain('036-request-ids');
      // Alive all the same: a liveness probe must not restart a process waiting for `migrate`.
      expect((await t.env.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await db.insertInto('kysely_migration' as never).values(row as never).execute();
    }
    expect((await t.env.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    // Shutting down: not ready, so the load balancer stops sending.
    t.env.app.lifecycle.closing = true;
    try {
      const r = await t.env.app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json().error).toEqual({ code: 'shutting_down', message: 'Máy chủ đang dừng: không nhận yêu cầu mới.' });
    } finally {
      t.env.app.lifecycle.closing = false;
    }
  });

  it('/metrics needs the bearer token: 401 in the error shape without it or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }]) {
      const r = await t.env.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ error: { code: 'metrics_token_invalid', message: expect.stringContaining('METRICS_TOKEN') } });
      expect(r.body).not.toContain('motcua_http');
    }
  });

  it('counts a request under its route pattern (not its URL), with its latency', async () => {
    const before = await scrape();
    const labels = { method: 'GET', route: '/api/procedures/:code', status: '200' };
    const n0 = sample(before, 'motcua_http_requests_total', labels);
    const h0 = sample(before, 'motcua_http_request_duration_seconds_count', { method: 'GET', route: '/api/procedures/:code' });
    for (const code of ['1.001193', '1.001193']) expect((await t.env.app.inject({ method: 'GET', url: `/api/procedures/${code}?unit=00004` })).statusCode).toBe(200);
    const after = await scrape();
    expect(sample(after, 'motcua_http_requests_total', labels)).toBe(n0 + 2);
    expect(sample(after, 'motcua_http_request_duration_seconds_count', { method: 'GET', route: '/api/procedures/:code' })).toBe(h0 + 2);
    expect(after).not.toContain('route="/api/procedures/1.001193"');
    // The process's own: event-loop lag (and its percentiles), memory.
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(sample(after, 'motcua_db_up')).toBe(1);
    if (t.engine === 'postgres') expect(sample(after, 'motcua_db_pool_connections', { state: 'idle' }) + sample(after, 'motcua_db_pool_connections', { state: 'busy' })).toBeGreaterThan(0);
    else expect(after).toMatch(/^motcua_sqlite_wal_bytes \d+/m);
  });

  it('counts an answer of the fast lane (a cached search, written past onSend) like any other', async () => {
    const url = `/api/procedures?q=${encodeURIComponent('khai sinh')}`;
    expect((await t.env.app.inject({ method: 'GET', url })).statusCode).toBe(200); // made and cached
    const before = await scrape();
    const labels = { method: 'GET', route: '/api/procedures', status: '200' };
    const n0 = sample(before, 'motcua_http_requests_total', labels);
    const h0 = sample(before, 'motcua_http_request_duration_seconds_count', { method: 'GET', route: '/api/procedures' });
    const lane0 = t.env.app.fastLane.answered;
    for (let i = 0; i < 3; i++) expect((await t.env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })).statusCode).toBe(200);
    expect(t.env.app.fastLane.answered).toBe(lane0 + 3);
    const after = await scrape();
    expect(sample(after, 'motcua_http_requests_total', labels)).toBe(n0 + 3);
    expect(sample(after, 'motcua_http_request_duration_seconds_count', { method: 'GET', route: '/api/procedures' })).toBe(h0 + 3);
    // Counted out too: only the scrape itself is in flight.
    expect(sample(after, 'motcua_http_requests_in_flight')).toBe(1);
    expect(t.env.app.lifecycle.inFlight).toBe(0);
  });

  it('the outbox backlog, open dossiers and queue lengths follow what happens', async () => {
    const before = await scrape();
    const db = t.env.services.database.db;
    await db.transaction().execute(async (trx) => {
      for (const i of [1, 2, 3]) await t.env.services.notifications.enqueue(trx, { channel: 'sms', recipient: '0912000111', event: 'otp', body: `Ma ${i}`, unitCode: '00004', dedupKey: `metrics-test-${i}` });
    });
    await t.env.services.queue.seedDemo('00004');
    await t.env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'web' });
    const desk = new Desk(t.env);
    await desk.receiveAtCounter('1.001193');
    const after = await scrape();
    // The receipt queued its own notice to the applicant as well: at least the three above.
    expect(sample(after, 'motcua_outbox_backlog') - sample(before, 'motcua_outbox_backlog')).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'motcua_outbox_messages', { status: 'pending' }) - sample(before, 'motcua_outbox_messages', { status: 'pending' })).toBeGreaterThanOrEqual(3);
    const backlog = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'sending']).executeTakeFirstOrThrow();
    expect(sample(after, 'motcua_outbox_backlog')).toBe(Number(backlog.n));
    expect(sample(after, 'motcua_queue_waiting_tickets', { unit: '00004', service: 'ho-tich' })).toBe(sample(before, 'motcua_queue_waiting_tickets', { unit: '00004', service: 'ho-tich' }) + 1);
    const open = await db.selectFrom('dossiers').select('status').where('status', '=', 'received').execute();
    expect(sample(after, 'motcua_dossiers_open', { status: 'received' })).toBe(open.length);
  });

  it('reads the database figures at most once per cache period, whatever the number of requests and scrapes', async () => {
    let reads = 0;
    const metrics = new Metrics({
      database: t.env.services.database,
      clock: t.clock,
      cacheMs: 60_000,
      readFigures: async () => {
        reads++;
        return { outbox: { pending: 4, sending: 0, due: 4, retrying: 1, dead: 2, oldestPendingAt: null }, openDossiers: { received: 7 }, queues: [] };
      },
    });
    const [a, b] = await Promise.all([metrics.render(), metrics.render()]);
    await metrics.render();
    expect(reads).toBe(1);
    expect(sample(a.body, 'motcua_outbox_backlog')).toBe(4);
    expect(sample(b.body, 'motcua_outbox_failed')).toBe(2);
    expect(sample(b.body, 'motcua_dossiers_open', { status: 'received' })).toBe(7);
  });

  it("one submission's request id is in its log answer, its audit entry and its outbox message", async () => {
    const desk = new Desk(t.env);
    const form = (await t.env.app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).json();
    const requestId = `lb-${t.engine}-7f3a9c21e5`;
    const r = await t.env.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie: await desk.cookie('tiepnhan'), 'x-request-id': requestId },
      payload: { procedureCode: '1.001193', channel: 'in_person', applicant: { ...APPLICANT, phone: '0912000222' }, formData: fillForm(form.formData), submit: true },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers['x-request-id']).toBe(requestId);
    const code = r.json().code as string;
    const db = t.env.services.database.db;
    const audit = await db.selectFrom('audit_log').select(['action', 'request_id']).where('target_id', 'in', [code, r.json().id]).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.request_id === requestId)).toBe(true);
    const outbox = await db.selectFrom('outbox').select(['event', 'request_id']).where('dossier_code', '=', code).execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((m) => m.request_id === requestId)).toBe(true);
    // The chain still verifies: the id is inside the entry's hash, not beside it.
    expect((await t.env.services.audit.verify()).ok).toBe(true);
  });

  it('replaces an X-Request-Id that is not well-formed (log forging, oversized) with its own', async () => {
    for (const bad of ['short', 'has space 12345678', 'x'.repeat(65), 'semi;colon<script>1234']) {
      const r = await t.env.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': bad } });
      expect(r.headers['x-request-id']).not.toBe(bad);
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    }
  });
});

describe('Operations: /metrics without METRICS_TOKEN', () => {
  it('answers 404 as if it did not exist', async () => {
    const env = await createTestEnv('sqlite', { seed: false });
    try {
      const r = await env.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    } finally {
      await env.close();
    }
  });
});
