import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { startFakeOidcProvider, throughProvider } from './oidc.testing';

for (const engine of engines()) {
  describe(`e-ID sign-ins from one office address, with rate limits on [${engine}]`, () => {
    let env: TestEnv;
    let provider: Awaited<ReturnType<typeof startFakeOidcProvider>>;
    const SUBJECT = '001090000888';
    const office = '198.51.100.30';

    beforeAll(async () => {
      provider = await startFakeOidcProvider(SUBJECT);
      env = await createTestEnv(engine, { env: { ...provider.env, RATE_LIMIT: 'on' } });
      const admin = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'demo' } });
      const cookie = `motcua_sid=${admin.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
      const link = await env.app.inject({ method: 'PATCH', url: '/api/admin/staff/chuyenvien', headers: { cookie }, payload: { fullName: 'Trần Văn Minh', role: 'specialist', fields: ['Hộ tịch'], oidcSubject: SUBJECT } });
      expect(link.statusCode, link.body).toBe(200);
    });
    afterAll(async () => {
      await env?.close();
      await provider?.close();
    });

    async function eIdSignIn(): Promise<{ status: number; cookie?: string }> {
      const start = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc?next=/can-bo', remoteAddress: office });
      expect(start.statusCode, start.body).toBe(303);
      const back = await throughProvider(start.headers.location as string);
      const done = await env.app.inject({ method: 'GET', url: back.pathname + back.search, remoteAddress: office });
      const sid = done.cookies.find((c) => c.name === 'motcua_sid');
      return { status: done.statusCode, cookie: sid ? `motcua_sid=${sid.value}` : undefined };
    }
    const failingCallback = () => env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc/callback?code=x&state=khong-co', remoteAddress: office, headers: { accept: 'application/json' } });

    it('25 officials behind one address sign in with e-ID; only failed callbacks spend the budget, and the 429 says the real wait', async () => {
      // A few broken callbacks first (a stale tab, a double click), then 25 good sign-ins.
      for (let i = 0; i < 5; i++) expect((await failingCallback()).statusCode).toBe(422);
      for (let i = 0; i < 25; i++) {
        const r = await eIdSignIn();
        expect(r.status, `sign-in ${i + 1}`).toBe(303);
        expect(r.cookie).toBeTruthy();
      }
      const home = await env.app.inject({ method: 'GET', url: '/can-bo', headers: { cookie: (await eIdSignIn()).cookie! } });
      expect(home.body).toContain('Trần Văn Minh');
      // 20 failures per 5 minutes: 15 more are still answered, the next waits out the window.
      for (let i = 0; i < 15; i++) expect((await failingCallback()).statusCode).toBe(422);
      const r = await failingCallback();
      expect(r.statusCode).toBe(429);
      const wait = Number(r.headers['retry-after']);
      expect(wait).toBeGreaterThan(240);
      expect(wait).toBeLessThanOrEqual(300);
      expect(r.json().error).toEqual({ code: 'rate_limited', message: 'Bạn thao tác quá nhiều lần. Xin thử lại sau 5 phút.' });
      // A browser gets a page saying the same.
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc/callback?code=x&state=khong-co', remoteAddress: office });
      expect(page.statusCode).toBe(429);
      expect(page.body).toContain('Xin thử lại sau 5 phút.');
      // Another address is not affected.
      const other = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc/callback?code=x&state=khong-co', remoteAddress: '198.51.100.31' });
      expect(other.statusCode).toBe(422);
    });
  });
}
