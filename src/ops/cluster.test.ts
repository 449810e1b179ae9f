/**
 * Two real motcua processes on one PostgreSQL database behave as one (issue 16): what one process
 * does, the other knows — sessions and tokens, sign-in lock-outs. Real processes (src/main.ts
 * serve through tsx), real HTTP on loopback, a fresh database per cluster (src/ops/cluster.testing.ts).
 * PostgreSQL only: several processes on one SQLite file is not a supported deployment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from './cluster.testing';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 nhưng chưa đặt TEST_DATABASE_URL');

interface Login {
  status: number;
  body: { token?: string; csrfToken?: string; error?: { code: string; message: string } };
  cookie: string;
}

async function login(base: string, username: string, password: string): Promise<Login> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { status: r.status, body: (await r.json()) as Login['body'], cookie };
}

describe.skipIf(!pgUrl)('Two processes on one PostgreSQL [postgres]', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ processes: 2 });
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
      const r = await login(i % 2 ? b : a, 'chuyenvien', 'sai-mat-khau');
      expect(r.status, c.output()).toBe(422);
      expect(r.body.error?.code).toBe('sign_in_failed');
    }
    // The sixth, on either process, is refused before the password is even checked: even the right one.
    for (const base of [a, b]) {
      const r = await login(base, 'chuyenvien', 'demo');
      expect(r.body.error?.code).toBe('account_locked');
      expect(r.body.error?.message).toMatch(/^Nhập sai mật khẩu nhiều lần\. Xin thử lại sau/);
    }
    // Another account from the same address is not affected.
    expect((await login(b, 'lanhdao', 'demo')).status).toBe(200);
  });
});
