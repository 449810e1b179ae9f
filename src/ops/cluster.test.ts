/**
 * Two real motcua processes on one PostgreSQL database behave as one (issue 16): what one process
 * does, the other knows — sessions and tokens, sign-in lock-outs, request budgets, catalogue
 * changes (within a second), queue calls on the displays. Real processes (src/main.ts serve
 * through tsx), real HTTP on loopback, a fresh database per cluster (src/ops/cluster.testing.ts).
 * The processes believe X-Forwarded-For from loopback (TRUST_PROXY), so each test is its own client
 * address and the budgets of one test do not spill into another's.
 * PostgreSQL only: several processes on one SQLite file is not a supported deployment.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUEUE_UNIT } from '../queue';
import { notInTheDaysLastMinute } from '../shared/testing';
import { startCluster, waitFor, type Cluster } from './cluster.testing';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 nhưng chưa đặt TEST_DATABASE_URL');

interface Login {
  status: number;
  body: { token?: string; csrfToken?: string; error?: { code: string; message: string } };
  cookie: string;
}

async function login(base: string, username: string, password: string, from = '198.51.100.1'): Promise<Login> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ username, password }) });
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { status: r.status, body: (await r.json()) as Login['body'], cookie };
}

describe.skipIf(!pgUrl)('Two processes on one PostgreSQL [postgres]', () => {
  let c: Cluster;
  beforeAll(async () => {
    // The processes read the real clock: the demo ward's queue gives numbers until 23:59, not 17:00,
    // so the ticket test does not depend on the hour CI runs at (see notInTheDaysLastMinute).
    c = await startCluster({ processes: 2, env: { RATE_LIMIT: 'on', TRUST_PROXY: '127.0.0.1' }, prepare: (s) => s.queue.saveSettings(DEMO_QUEUE_UNIT, { closingTime: '23:59' }) });
  }, 240_000);
  afterAll(async () => {
    await c?.stop();
  }, 60_000);

  it('a session opened on one process works on the other: the bearer token and the cookie', async () => {
    const [a, b] = c.urls as [string, string];
    const s = await login(a, 'tiepnhan', 'demo');
    expect(s.status).toBe(200);
    expect(s.body.token).toBeTruthy();
    // The API with the bearer token, on the other process.
    const w = await fetch(`${b}/api/worklist`, { headers: { authorization: `Bearer ${s.body.token}` } });
    expect(w.status).toBe(200);
    expect(((await w.json()) as { counts: Record<string, number> }).counts).toBeTypeOf('object');
    // The staff pages with the session cookie, on the other process.
    const page = await fetch(`${b}/can-bo/hang-cho`, { headers: { cookie: s.cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Nguyễn Thị Hòa');
    // Signed out on the other process: the token no longer works on the first one.
    const out = await fetch(`${b}/dang-xuat`, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(s.body.csrfToken!)}`, redirect: 'manual' });
    expect(out.status).toBe(303);
    const after = await fetch(`${a}/api/worklist`, { headers: { authorization: `Bearer ${s.body.token}` } });
    expect(after.status).toBe(401);
  });

  it('wrong passwords counted on both processes lock the account on both (5 failures, then a wait)', async () => {
    const [a, b] = c.urls as [string, string];
    // Five wrong passwords, alternating between the processes.
    for (let i = 0; i < 5; i++) {
      const r = await login(i % 2 ? b : a, 'chuyenvien', 'sai-mat-khau', '198.51.100.2');
      expect(r.status, c.output()).toBe(422);
      expect(r.body.error?.code).toBe('sign_in_failed');
    }
    // The sixth, on either process, is refused before the password is even checked: even the right one.
    for (const base of [a, b]) {
      const r = await login(base, 'chuyenvien', 'demo', '198.51.100.2');
      expect(r.body.error?.code).toBe('account_locked');
      expect(r.body.error?.message).toMatch(/^Nhập sai mật khẩu nhiều lần\. Xin thử lại sau/);
    }
    // Another account from the same address is not affected.
    expect((await login(b, 'lanhdao', 'demo', '198.51.100.2')).status).toBe(200);
  });

  it('the sign-in limit (10 failures per 5 minutes from an address) is reached with half the attempts on each process', async () => {
    const [a, b] = c.urls as [string, string];
    const from = '203.0.113.10';
    // An office behind the address: a dozen good sign-ins on both processes spend nothing.
    for (let i = 0; i < 12; i++) expect((await login(i % 2 ? b : a, i % 3 ? 'tiepnhan' : 'lanhdao', 'demo', from)).status, c.output()).toBe(200);
    // Ten attempts, five on each process (unknown names: no account lock-out involved).
    for (let i = 0; i < 10; i++) {
      const r = await login(i % 2 ? b : a, `khong-co-${i}`, 'sai', from);
      expect(r.status, c.output()).toBe(422);
    }
    // The eleventh is refused on either process, with how long to wait.
    for (const base of [a, b]) {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ username: 'tiepnhan', password: 'demo' }) });
      expect(r.status).toBe(429);
      const wait = Number(r.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(((await r.json()) as Login['body']).error).toEqual({ code: 'rate_limited', message: `Bạn thao tác quá nhiều lần. Xin thử lại sau ${wait < 90 ? `${wait} giây` : `${Math.ceil(wait / 60)} phút`}.` });
    }
    // Another address is not limited.
    expect((await login(a, 'tiepnhan', 'demo', '203.0.113.11')).status).toBe(200);
  });

  it('the dossier-lookup budget (10 a minute for an anonymous address) is shared too', async () => {
    const [a, b] = c.urls as [string, string];
    const lookup = (base: string) => fetch(`${base}/api/dossiers/00004-260101-9999?phone=0912345678`, { headers: { 'x-forwarded-for': '203.0.113.20' } });
    for (let i = 0; i < 10; i++) expect((await lookup(i % 2 ? b : a)).status).toBe(404);
    expect((await lookup(a)).status).toBe(429);
    expect((await lookup(b)).status).toBe(429);
  });

  it('a catalogue change made on one process is seen on the other within a second (three times)', async () => {
    const [a, b] = c.urls as [string, string];
    const admin = await login(a, 'quantri', 'demo', '198.51.100.3');
    const auth = { authorization: `Bearer ${admin.body.token}`, 'x-forwarded-for': '198.51.100.3' };
    const total = async (base: string) => ((await (await fetch(`${base}/api/procedures?unit=00004&limit=1`, { headers: { 'x-forwarded-for': '198.51.100.3' } })).json()) as { total: number }).total;
    type Row = { procedureCode: string; commitment: unknown; note: string; essential: boolean };
    for (let round = 0; round < 3; round++) {
      const rows = ((await (await fetch(`${a}/api/admin/catalog`, { headers: auth })).json()) as { items: Row[] }).items;
      // Both processes have the catalogue in memory before the change.
      const before = await total(b);
      expect(await total(a)).toBe(before);
      expect(before).toBe(rows.length);
      const put = await fetch(`${a}/api/admin/catalog`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: rows.slice(1).map((r) => ({ procedureCode: r.procedureCode, commitment: r.commitment ?? undefined, note: r.note, essential: r.essential })) }),
      });
      expect(put.status, await put.clone().text()).toBe(200);
      const changedAt = Date.now();
      await waitFor('the other process to show the change', async () => (await total(b)) === before - 1, 5_000);
      const took = Date.now() - changedAt;
      expect(took, `seen after ${took} ms`).toBeLessThan(1_000);
    }
  });

  it('a ticket called on one process appears on a queue display connected to the other', async () => {
    const [a, b] = c.urls as [string, string];
    await notInTheDaysLastMinute();
    // The display of unit 00004 follows process B.
    const ctl = new AbortController();
    const stream = await fetch(`${b}/dv/00004/hang-cho/su-kien`, { signal: ctl.signal, headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(stream.status).toBe(200);
    let text = '';
    const reader = stream.body!.getReader();
    const reading = (async () => {
      const dec = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        text += dec.decode(value, { stream: true });
      }
    })();
    try {
      await waitFor('the first board', () => text.includes('event: board'), 5_000);
      // A citizen takes a ticket on A; the official at counter 1 calls it on A.
      const taken = await fetch(`${a}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.5' }, body: JSON.stringify({ unit: '00004', service: 'ho-tich' }) });
      expect(taken.status, await taken.clone().text()).toBe(201);
      const { number } = (await taken.json()) as { number: string };
      const official = await login(a, 'tiepnhan', 'demo', '198.51.100.6');
      const framesBefore = text.length;
      const call = await fetch(`${a}/can-bo/hang-cho/1/goi`, {
        method: 'POST',
        headers: { cookie: official.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.6' },
        body: `_csrf=${encodeURIComponent(official.body.csrfToken!)}`,
        redirect: 'manual',
      });
      expect(call.status, await call.clone().text()).toBe(303);
      expect(call.headers.get('location')).toContain('xong=goi');
      const calledAt = Date.now();
      // The display on B shows the number at counter 1.
      const board = await waitFor(
        'the call on the display',
        () => {
          const frames = text.slice(framesBefore).split('\n\n').filter((f) => f.startsWith('event: board'));
          return frames.map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { counters: Array<{ code: string; number: string | null }>; lastCalls: Array<{ number: string; counter: string }> }).find((x) => x.lastCalls.some((l) => l.number === number));
        },
        5_000,
      );
      expect(Date.now() - calledAt).toBeLessThan(1_000);
      expect(board.counters.find((x) => x.code === '1')?.number).toBe(number);
      expect(board.lastCalls[0]).toMatchObject({ number, counter: '1' });
    } finally {
      ctl.abort();
      await reading;
    }
  }, 120_000);
});

/** A GET on a connection of its own (node's cluster hands connections, not requests, to workers in turn). */
function getOnce(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer from ${url} within 15 s`)));
  });
}

/** The workers of a primary: its child processes running motcua (tsx's esbuild service is a child too). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('src/main.ts'))
      .map((l) => Number(l.trim().split(/\s+/)[0]))
      .filter(Boolean);
  } catch {
    return [];
  }
};

describe.skipIf(!pgUrl)('WORKERS=2: two processes on one machine sharing the port [postgres]', () => {
  const token = 'metrics-token-0123456789';
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ processes: 1, env: { WORKERS: '2', METRICS_TOKEN: token } });
  }, 240_000);
  afterAll(async () => {
    await c?.stop();
  }, 60_000);

  it('serves from two workers, /metrics adds up both, a worker that dies is replaced, SIGTERM stops all', async () => {
    const [p] = c.processes as [(typeof c.processes)[0]];
    const workers = await waitFor('two workers', () => (childrenOf(p.pid).length === 2 ? childrenOf(p.pid) : undefined), 30_000);
    // Twenty requests, each on its own connection: the workers take them in turn.
    for (let i = 0; i < 20; i++) expect((await getOnce(`${p.url}/healthz`)).status).toBe(200);
    // Whichever worker answers the scrape, it counts every worker's requests once; the database
    // figures are not doubled (motcua_db_up is 1, not 2).
    for (let i = 0; i < 2; i++) {
      const m = await getOnce(`${p.url}/metrics`, { authorization: `Bearer ${token}` });
      expect(m.status, c.output()).toBe(200);
      expect(m.body).toMatch(/^motcua_http_requests_total\{method="GET",route="\/healthz",status="200"\} 20$/m);
      expect(m.body).toMatch(/^motcua_db_up 1$/m);
    }
    // A worker killed is started again; once the primary knows, the port keeps answering meanwhile.
    process.kill(workers[0]!, 'SIGKILL');
    await waitFor('the primary to notice', () => c.output().includes('dừng bất thường'), 15_000);
    expect((await getOnce(`${p.url}/healthz`)).status).toBe(200);
    const again = await waitFor('a new worker', () => {
      const now = childrenOf(p.pid);
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    }, 30_000);
    expect(again).toContain(workers[1]);
    await waitFor('the new worker to answer', async () => (await getOnce(`${p.url}/readyz`)).status === 200, 60_000);
    // SIGTERM to the primary: every worker stops gracefully, the primary exits with 0.
    const code = await p.stop();
    expect(code, c.output().slice(-3000)).toBe(0);
    expect(childrenOf(p.pid)).toEqual([]);
    for (const pid of again) expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});
