/**
 * Issue 10, trust: what an attacker found in staff sign-in — forwarded addresses that pick their
 * own rate-limit key, a lock-out that can be raced or turned against an official, an open
 * redirect after sign-in, and temporary passwords and old sessions that outlive a change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

const login = (env: TestEnv, username: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, ...(remoteAddress ? { remoteAddress } : {}) });

describe('TRUST_PROXY', () => {
  it('trusts nobody by default, and takes addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });
});

for (const engine of engines()) {
  describe(`sign-in rate limit and forwarded addresses [${engine}]`, () => {
    let env: TestEnv;
    let proxied: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { RATE_LIMIT: 'on' } });
      proxied = await createTestEnv(engine, { env: { RATE_LIMIT: 'on', TRUST_PROXY: '127.0.0.1' } });
    });
    afterAll(async () => {
      await env?.close();
      await proxied?.close();
    });

    it('a client-chosen X-Forwarded-For does not reset the sign-in limit', async () => {
      const codes: number[] = [];
      for (let i = 1; i <= 12; i++) codes.push((await login(env, `khongco${i}`, 'sai', { 'x-forwarded-for': `10.0.0.${i}` })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 422)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
      const r = await login(env, 'khongco', 'sai', { 'x-forwarded-for': '10.0.0.99' });
      expect(r.statusCode).toBe(429);
      expect(r.json().error.code).toBe('rate_limited');
      expect(r.json().error.message).toMatch(/thử lại/);
    });

    it('behind a configured proxy, the forwarded address is the client', async () => {
      for (let i = 1; i <= 12; i++) {
        expect((await login(proxied, `khongco${i}`, 'sai', { 'x-forwarded-for': `10.0.1.${i}` })).statusCode).toBe(422);
      }
      // A forwarded header from an address that is not the proxy is ignored.
      const codes: number[] = [];
      for (let i = 1; i <= 11; i++) codes.push((await login(proxied, `khongco${i}`, 'sai', { 'x-forwarded-for': `10.0.2.${i}` }, '192.0.2.7')).statusCode);
      expect(codes.at(-1)).toBe(429);
    });
  });
}

for (const engine of engines()) {
  describe(`sign-in pages and sessions [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine);
    });
    afterAll(async () => {
      await env?.close();
    });

    /** Signs in through the staff sign-in form with a given `next`. */
    async function formSignIn(next: string, username = 'chuyenvien', password = 'demo') {
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = page.cookies.find((c) => c.name === 'motcua_csrf')!.value;
      return env.app.inject({ method: 'POST', url: '/can-bo/dang-nhap', cookies: { motcua_csrf: cookie }, payload: { _csrf: csrf, username, password, next } });
    }

    it('sends the browser only to paths of this site after sign-in', async () => {
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap?next=%2F%09%2Fevil.example' });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('evil.example');
      for (const next of ['/\t/evil.example', '/./\t/evil.example', '/.//evil.example', '//evil.example', 'https://evil.example/', '/\\evil.example']) {
        const r = await formSignIn(next);
        expect(r.statusCode, next).toBe(303);
        expect(r.headers.location, next).toBe('/can-bo');
      }
      const ok = await formSignIn('/can-bo/ho-so?tab=mine');
      expect(ok.headers.location).toBe('/can-bo/ho-so?tab=mine');
    });

    it('a line break in next is a 400, not a server error', async () => {
      const r = await formSignIn('/can-bo\r\nSet-Cookie: x=1');
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('không hợp lệ');
      const citizen = await env.app.inject({ method: 'GET', url: '/dang-nhap?next=%2Fca-nhan%0D%0ALocation:%20x' });
      expect(citizen.statusCode).toBe(400);
    });
  });
}
