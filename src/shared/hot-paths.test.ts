import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT, Desk } from '../dossier/workflow.testing';
import { createTestEnv, engines, type TestEnv } from './testing';

/**
 * Issue 10 (speed): the answers most requests ask for — cached public pages, the search API, the
 * tracking lookup — carry no per-request work they do not need, and keep every protection.
 * (What they cost is measured by `npm run bench`; here: what they do and do not do.)
 */
const PROC = '1.004746';

/** The hooks Fastify runs for one route, by lifecycle phase (read from printRoutes' tree). */
function hooksOf(env: TestEnv, method: string, url: string): Record<string, string[]> {
  const lines = env.app.printRoutes({ includeHooks: true, commonPrefix: false, method }).split('\n');
  // Each route line is "<indent>├── <path segment> (METHOD)"; a child's path continues its parent's.
  const stack: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const m = /^(.*?)(?:├── |└── )(.+) \(([A-Z, ]+)\)$/.exec(lines[k]!);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const full = (depth > 0 ? stack[depth - 1]! : '') + m[2]!;
    stack[depth] = full;
    stack.length = depth + 1;
    if (full !== url) continue;
    const hooks: Record<string, string[]> = {};
    for (let j = k + 1; j < lines.length; j++) {
      const h = /• \((\w+)\) (\[.*\])$/.exec(lines[j]!);
      if (!h) break;
      hooks[h[1]!] = JSON.parse(h[2]!) as string[];
    }
    return hooks;
  }
  throw new Error(`route ${method} ${url} not found`);
}

for (const engine of engines()) {
  describe(`the fast lane keeps every limit [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { RATE_LIMIT: 'on', REQUIRE_PHONE_VERIFICATION: 'off' } });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('the global limit counts cached answers sent in the lane, by address, with the same 429', async () => {
      const url = `/api/procedures?q=${encodeURIComponent('khai sinh')}`;
      const ask = (ip: string) => env.app.inject({ method: 'GET', url, remoteAddress: ip });
      const first = await ask('198.51.100.7');
      expect(first.headers['x-ratelimit-limit']).toBe('300');
      const before = env.app.fastLane.answered;
      let last = first;
      for (let i = 1; i < 300; i++) last = await ask('198.51.100.7');
      expect(last.statusCode).toBe(200);
      expect(last.headers['x-ratelimit-remaining']).toBe('0');
      // (Nearly) all in the lane: a catalogue version due for its re-check sends one along the normal path.
      expect(env.app.fastLane.answered).toBeGreaterThanOrEqual(before + 290);
      const over = await ask('198.51.100.7');
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('rate_limited');
      // The global budget runs over a minute: the message names the wait Retry-After gives.
      const wait = Number(over.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(over.json().error.message).toBe(`Bạn thao tác quá nhanh. Xin vui lòng chờ ${wait < 60 ? `${wait} giây` : '1 phút'} rồi thử lại.`);
      expect(over.headers['content-security-policy']).toContain("default-src 'self'");
      // Another address has its own budget.
      expect((await ask('198.51.100.8')).statusCode).toBe(200);
    });

    it('with the limits counting, a cached answer in the lane carries their headers and is otherwise the normal path\'s', async () => {
      const url = `/api/procedures?q=${encodeURIComponent('đăng ký kết hôn')}`;
      const ask = (cookie?: string) => env.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.20', headers: { 'accept-encoding': 'br', ...(cookie ? { cookie } : {}) } });
      await ask(); // made and cached on the normal path
      const before = env.app.fastLane.answered;
      const normal = await ask('motcua_theme=1');
      const fast = await ask();
      expect(env.app.fastLane.answered).toBe(before + 1);
      expect(fast.statusCode).toBe(200);
      expect(fast.rawPayload.equals(normal.rawPayload)).toBe(true);
      // The same headers; the budget's own figures are one try apart.
      const varying = ['x-request-id', 'date', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
      const rest = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !varying.includes(k)));
      expect(rest(fast.headers)).toEqual(rest(normal.headers));
      expect(fast.headers['x-ratelimit-limit']).toBe('300');
      expect(Number(fast.headers['x-ratelimit-remaining'])).toBe(Number(normal.headers['x-ratelimit-remaining']) - 1);
      expect(fast.headers['x-ratelimit-reset']).toBeDefined();
    });

    it('a cached tracking lookup in the lane still takes a try from the proof budget', async () => {
      const d = await new Desk(env).submitOnline(PROC);
      const ask = () => env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}`, remoteAddress: '198.51.100.9' });
      const before = env.app.fastLane.answered;
      for (let i = 0; i < 10; i++) expect((await ask()).statusCode).toBe(200);
      expect(env.app.fastLane.answered).toBeGreaterThanOrEqual(before + 8);
      const over = await ask();
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('rate_limited');
      expect(over.headers['retry-after']).toBeDefined();
    });
  });

  describe(`hot paths carry only the work they need [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('an anonymous lookup or search mints no CSRF cookie; personal data stays no-store', async () => {
      const d = await desk.submitOnline(PROC);
      const look = await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}` });
      expect(look.statusCode).toBe(200);
      expect(look.headers['set-cookie']).toBeUndefined();
      expect(look.headers['cache-control']).toBe('no-store');
      expect(look.headers['content-security-policy']).toContain("default-src 'self'");
      const search = await env.app.inject({ method: 'GET', url: '/api/procedures?q=khai%20sinh' });
      expect(search.statusCode).toBe(200);
      expect(search.headers['set-cookie']).toBeUndefined();
      // A page with a form still gets its double-submit token.
      const page = await env.app.inject({ method: 'GET', url: '/tra-cuu' });
      expect(page.cookies.find((c) => c.name === 'motcua_csrf')?.value).toMatch(/^[\w-]{20,}$/);
      // The phone proof is still checked, in any written form, and a wrong one is refused.
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${encodeURIComponent('0912 345 678')}` })).statusCode).toBe(200);
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=0999999999` })).statusCode).toBe(404);
      // Bad input keeps its Vietnamese 400 (the plain checks fall back to the schema).
      const long = await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${'0'.repeat(21)}` });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.code).toBeTruthy();
      const badCode = await env.app.inject({ method: 'GET', url: `/api/dossiers/abc?phone=${APPLICANT.phone}` });
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().error.message).toMatch(/Tham số|Mã hồ sơ/);
    });

    it('a cached search answer or QR page is sent again as it was, and never outlives a change of the catalogue', async () => {
      const unit = (await env.services.units.serviceUnits())[0]!.code;
      const proc = await env.services.catalog.getProcedure(PROC);
      const search = `/api/procedures?q=${encodeURIComponent(proc.name)}`;
      const page = `/p/${unit}/${PROC}`;
      const first = await env.app.inject({ method: 'GET', url: search });
      const again = await env.app.inject({ method: 'GET', url: search });
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body); // the cached answer, byte for byte
      expect((first.json() as { items: Array<{ code: string; name: string }> }).items.find((i) => i.code === PROC)?.name).toBe(proc.name);
      const page1 = await env.app.inject({ method: 'GET', url: page, headers: { 'accept-encoding': 'br' } });
      const page2 = await env.app.inject({ method: 'GET', url: page, headers: { 'accept-encoding': 'br' } });
      expect(page2.headers['content-encoding']).toBe('br');
      expect(page2.rawPayload.equals(page1.rawPayload)).toBe(true);
      // The catalogue changes: the very next answers show it (no stale search, no stale page).
      const renamed = `${proc.name} (đã sửa tên)`;
      await env.services.catalog.upsertProcedures([{ ...proc, name: renamed }], 'test');
      const after = (await env.app.inject({ method: 'GET', url: search })).json() as { items: Array<{ code: string; name: string }> };
      expect(after.items.find((i) => i.code === PROC)?.name).toBe(renamed);
      expect((await env.app.inject({ method: 'GET', url: page })).body).toContain('(đã sửa tên)');
    });

    it('the search input is still cleaned before the cached answer is looked up or made (NFC, no NUL)', async () => {
      const composed = await env.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent('khai sinh'.normalize('NFC'))}` });
      // The same words with a NUL after them: another URL (another cache entry), the same answer.
      const typed = await env.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent('khai sinh')}%00` });
      expect(typed.statusCode).toBe(200);
      expect(typed.json()).toEqual(composed.json());
      const accented = await env.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent('đăng ký khai sinh'.normalize('NFD'))}` });
      const nfc = await env.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent('đăng ký khai sinh')}` });
      expect(accented.statusCode).toBe(200);
      expect(accented.json()).toEqual(nfc.json());
      expect((nfc.json() as { total: number }).total).toBeGreaterThan(0);
    });

    it('the fast lane sends the very answer of the normal path (bytes and headers), before the cookies and the session', async () => {
      const d = await desk.submitOnline(PROC);
      const unit = (await env.services.units.serviceUnits())[0]!.code;
      const page = await env.app.inject({ method: 'GET', url: `/p/${unit}/${PROC}`, headers: { 'accept-encoding': 'identity' } });
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
      const urls = [`/api/procedures?q=${encodeURIComponent('khai sinh')}`, `/p/${unit}/${PROC}`, `/api/dossiers/${d.code}?phone=${APPLICANT.phone}`, stylesheet, `/dv/${unit}`];
      // A cookie (any) sends a request along the normal path: the reference.
      const ask = (url: string, cookie?: string, headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }) =>
        env.app.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
      const withoutId = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'x-request-id' && k !== 'date'));
      const sameAnswer = async (url: string, headers?: Record<string, string>, status = 200) => {
        const what = `${url} ${JSON.stringify(headers ?? {})}`;
        const before = env.app.fastLane.answered;
        const normal = await ask(url, 'motcua_theme=1', headers);
        expect(env.app.fastLane.answered, what).toBe(before);
        const fast = await ask(url, undefined, headers);
        expect(env.app.fastLane.answered, `${what} was not answered in the fast lane`).toBe(before + 1);
        expect(fast.statusCode, what).toBe(status);
        expect(normal.statusCode, what).toBe(status);
        expect(fast.rawPayload.equals(normal.rawPayload), what).toBe(true);
        expect(withoutId(fast.headers), what).toEqual(withoutId(normal.headers));
        expect(fast.headers['x-request-id'], what).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
        expect(fast.headers['content-security-policy'], what).toContain("default-src 'self'");
        return fast;
      };
      for (const url of urls) {
        await ask(url); // made once (and cached) on the normal path
        // Every encoding: brotli, gzip, none (and none asked for).
        for (const encoding of ['gzip, deflate, br', 'gzip', 'identity', undefined]) await sameAnswer(url, encoding ? { 'accept-encoding': encoding } : {});
      }
      // The stylesheet revalidated: the same 304 in the lane, its plain name's shorter cache too.
      const css = await sameAnswer(stylesheet, { 'accept-encoding': 'br' });
      expect(css.headers['cache-control']).toContain('immutable');
      await sameAnswer(stylesheet, { 'if-none-match': String(css.headers.etag) }, 304);
      const plainName = await sameAnswer('/static/app.css', { 'accept-encoding': 'br' });
      expect(plainName.headers['cache-control']).toBe('public, max-age=3600');
      // Shutting down: an answer in the lane closes its connection, as on the normal path.
      env.app.lifecycle.closing = true;
      try {
        const closing = await sameAnswer(urls[0]!);
        expect(closing.headers.connection).toBe('close');
      } finally {
        env.app.lifecycle.closing = false;
      }
      expect(env.app.lifecycle.inFlight).toBe(0);
      // Personal data stays no-store in the lane; the proof is still checked (a wrong phone is not answered there).
      const look = await ask(`/api/dossiers/${d.code}?phone=${APPLICANT.phone}`);
      expect(look.headers['cache-control']).toBe('no-store');
      const before = env.app.fastLane.answered;
      expect((await ask(`/api/dossiers/${d.code}?phone=0999999999`)).statusCode).toBe(404);
      // Input that cleaning would change, or a signed-in caller, takes the normal path (same answer).
      expect((await ask(`/api/dossiers/${d.code}?phone=${APPLICANT.phone}%00`)).statusCode).toBe(200);
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}`, headers: { authorization: 'Bearer x' } })).statusCode).toBe(200);
      expect(env.app.fastLane.answered).toBe(before);
    });

    it('reading routes carry no hook of the change guard, the uploads or the multipart disk mode; changing routes carry theirs', () => {
      for (const url of ['/p/:unit/:code', '/api/procedures', '/api/dossiers/:code']) {
        const h = hooksOf(env, 'GET', url);
        // One hook of the app's own: the request id (into its log lines, audit rows and outbox
        // messages), the in-flight count (graceful shutdown, src/ops), the security headers and the
        // fast lane (src/shared/fast-lane.ts); then the cookies.
        expect(h.onRequest, url).toHaveLength(2);
        // No onResponse hook, so Fastify puts no listener on each response (the in-flight count is taken at onSend).
        expect(h.onResponse, url).toBeUndefined();
        expect(h.onRequestAbort, url).toBeUndefined();
        // Input cleaning runs as the first preHandler: no preValidation phase at all.
        expect(h.preValidation, url).toBeUndefined();
        // Input cleaning, session, and on /api routes the single-module accounts' scope (a callback, no
        // promise; src/staff/staff.guard.ts) (+ the proof budget on the lookup).
        expect(h.preHandler, url).toHaveLength(url === '/api/dossiers/:code' ? 4 : url.startsWith('/api/') ? 3 : 2);
        expect(h.onSend, url).toHaveLength(2); // the app's one ('connection: close' while shutting down, the in-flight count, no-store), the cookies'
      }
      for (const url of ['/api/dossiers', '/api/dossiers/:code/actions', '/api/dossiers/:code/attachments']) {
        const h = hooksOf(env, 'POST', url);
        expect(h.onResponse, url).toHaveLength(1); // removes the request's temporary upload files
        expect(h.onRequestAbort, url).toHaveLength(1);
        expect(h.preHandler!.length, url).toBeGreaterThanOrEqual(2); // session, change guard (read-only, audit)
        expect(h.onSend!.length, url).toBe(3); // the app's one, the cookies', the change guard's audit entry
        expect(h.preValidation, url).toBeUndefined();
      }
    });
  });
}
