/**
 * Issue 10, trust: what an attacker found in staff sign-in — forwarded addresses that pick their
 * own rate-limit key, a lock-out that can be raced or turned against an official, an open
 * redirect after sign-in, and temporary passwords and old sessions that outlive a change.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { fixedClock } from '../shared/clock';
import { clientKey } from '../shared/client-key';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { csrfOf } from '../shared/suite.testing';

// Every argon2 check the sign-in makes, with the hash it checks against (the real function runs).
const argon = vi.hoisted(() => ({ checked: [] as string[] }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: (hashed: string, ...rest: [string]) => { argon.checked.push(hashed); return real.verify(hashed, ...rest); } };
});

const login = (env: TestEnv, username: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, ...(remoteAddress ? { remoteAddress } : {}) });

describe('the key an address is counted under', () => {
  it('is an IPv4 address itself, an IPv6 address its /64, a mapped IPv4 address the IPv4 one', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('2001:DB8:0:1:aaaa:bbbb:cccc:1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8:0:1::2')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::FFFF:198.51.100.8')).toBe('198.51.100.8');
    expect(clientKey('not:an:address')).toBe('not:an:address');
  });
});

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

    it('an IPv6 client cannot escape the limits by walking the addresses of its /64', async () => {
      // Behind a dual-stack proxy (or HOST=::) a client's address can be IPv6; one home or one
      // rented server holds a whole /64 and may send from any address in it.
      const from = (net: string, i: number) => ({ 'x-forwarded-for': `2001:db8:${net}::${i.toString(16)}` });
      const signIns: number[] = [];
      for (let i = 1; i <= 11; i++) signIns.push((await login(proxied, `khongco${i}`, 'sai', from('a1', i))).statusCode);
      expect(signIns.slice(0, 10).every((c) => c === 422)).toBe(true);
      expect(signIns[10]).toBe(429);

      // The wrong-password delay of an account counts the /64 as one source…
      for (let i = 1; i <= 5; i++) expect((await login(proxied, 'chuyenvien2', 'sai', from('a2', i))).json().error.code).toBe('sign_in_failed');
      const locked = await login(proxied, 'chuyenvien2', 'demo', from('a2', 0x99));
      expect(locked.json().error.code).toBe('account_locked');
      // …and another network is another source: the official signs in.
      expect((await login(proxied, 'chuyenvien2', 'demo', { 'x-forwarded-for': '2001:db8:b1::1' })).statusCode).toBe(200);

      // The dossier-proof budget too.
      const lookups: number[] = [];
      for (let i = 1; i <= 11; i++) {
        lookups.push((await proxied.app.inject({ method: 'GET', url: '/api/dossiers/00004-261201-0001?phone=0999999999', headers: from('a3', i) })).statusCode);
      }
      expect(lookups.slice(0, 10).every((c) => c === 404)).toBe(true);
      expect(lookups[10]).toBe(429);

      // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is still its own IPv4 address.
      for (let i = 1; i <= 11; i++) expect((await login(proxied, `khongco${i}`, 'sai', { 'x-forwarded-for': `::ffff:198.51.100.${i}` })).statusCode).toBe(422);
    });

    it('an office behind one address signs in: only failed sign-ins spend the address\'s budget, and the 429 says the real wait', async () => {
      const office = '198.51.100.20';
      const unitCode = (await env.services.accounts.findStaffByUsername('tiepnhan'))!.unitCode;
      const officials = [];
      for (let i = 1; i <= 15; i++) officials.push(await env.services.accounts.createStaff({ username: `vanphong${i}`, fullName: `Cán bộ số ${i}`, unitCode, role: 'specialist' }));
      // Nine typos first, then fifteen officials within a minute, through the API and the form.
      for (let i = 1; i <= 9; i++) expect((await login(env, `vanphong${i}`, 'go-nham', {}, office)).statusCode).toBe(422);
      for (const [i, o] of officials.entries()) {
        if (i % 2) {
          const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap', remoteAddress: office });
          const r = await env.app.inject({ method: 'POST', url: '/can-bo/dang-nhap', remoteAddress: office, cookies: { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value }, payload: { _csrf: csrfOf(page.body), username: o.staff.username, password: o.temporaryPassword } });
          expect(r.statusCode, r.body).toBe(303);
        } else {
          const r = await login(env, o.staff.username, o.temporaryPassword, {}, office);
          expect(r.statusCode, r.body).toBe(200);
        }
      }
      // The tenth failure is still answered; the eleventh waits out the five-minute window.
      expect((await login(env, 'khongco', 'sai', {}, office)).statusCode).toBe(422);
      const r = await login(env, 'khongco', 'sai', {}, office);
      expect(r.statusCode).toBe(429);
      const wait = Number(r.headers['retry-after']);
      expect(wait).toBeGreaterThan(240);
      expect(wait).toBeLessThanOrEqual(300);
      expect(r.json().error).toEqual({ code: 'rate_limited', message: 'Bạn thao tác quá nhiều lần. Xin thử lại sau 5 phút.' });
      // The form page says the same, on the sign-in page itself.
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap', remoteAddress: office });
      const form = await env.app.inject({ method: 'POST', url: '/can-bo/dang-nhap', remoteAddress: office, cookies: { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value }, payload: { _csrf: csrfOf(page.body), username: 'vanphong1', password: officials[0]!.temporaryPassword } });
      expect(form.statusCode).toBe(429);
      expect(Number(form.headers['retry-after'])).toBeGreaterThan(240);
      expect(form.body).toContain('Xin thử lại sau 5 phút.');
      expect(form.body).toContain('name="password"');
    });

    it('parallel wrong passwords from one address cannot race the budget: exactly ten are checked', async () => {
      const rs = await Promise.all(Array.from({ length: 25 }, (_, i) => login(env, `songsong${i}`, 'sai', {}, '198.51.100.21')));
      const codes = rs.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 422)).toHaveLength(10);
      expect(codes.filter((c) => c === 429)).toHaveLength(15);
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
      const csrf = csrfOf(page.body);
      const cookie = page.cookies.find((c) => c.name === 'motcua_csrf')!.value;
      return env.app.inject({ method: 'POST', url: '/can-bo/dang-nhap', cookies: { motcua_csrf: cookie }, payload: { _csrf: csrf, username, password, next } });
    }

    it('40 parallel wrong passwords cannot race the count: the right one straight after waits', async () => {
      const wrong = await Promise.all(Array.from({ length: 40 }, () => login(env, 'chuyenvien2', 'sai-mat-khau')));
      const codes = wrong.map((r) => r.json().error.code);
      // Exactly the free attempts were checked; the rest were turned away without a check.
      expect(codes.filter((c) => c === 'sign_in_failed')).toHaveLength(5);
      expect(codes.filter((c) => c === 'account_locked')).toHaveLength(35);
      const right = await login(env, 'chuyenvien2', 'demo');
      expect(right.statusCode).toBe(422);
      expect(right.json().error.code).toBe('account_locked');
      expect(right.json().error.message).toMatch(/thử lại sau \d+ giây/);
      // The official at the office (another address) signs in all the same: no denial of service.
      const office = await login(env, 'chuyenvien2', 'demo', {}, '192.0.2.10');
      expect(office.statusCode, office.body).toBe(200);
    });

    it('unknown user names cost the same work as known ones (one argon2 check with the same parameters)', async () => {
      // Counted, not timed: the answer to an unknown name must not come back sooner because no
      // password was checked. Each attempt makes exactly one argon2 check, and the dummy hash an
      // unknown name is checked against has the same cost parameters as a real official's.
      const params = (hashed: string) => hashed.split('$').slice(1, 4).join('$');
      const stored = (await env.services.database.db.selectFrom('staff').select('password_hash').where('username', '=', 'lanhdao').executeTakeFirstOrThrow()).password_hash!;
      argon.checked.length = 0;
      await env.services.accounts.signInStaff('lanhdao', 'sai', '198.51.100.1').catch(() => undefined);
      expect(argon.checked).toEqual([stored]);
      for (let i = 0; i < 3; i++) {
        argon.checked.length = 0;
        await env.services.accounts.signInStaff(`khongtontai${i}`, 'sai', `198.51.100.${100 + i}`).catch(() => undefined);
        expect(argon.checked).toHaveLength(1);
        expect(argon.checked[0]).not.toBe(stored);
        expect(params(argon.checked[0]!)).toBe(params(stored));
      }
    });

    it('a temporary password opens nothing but the password change, on the API too', async () => {
      const admin = (await login(env, 'quantri', 'demo')).json().token as string;
      const created = await env.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'tamthoi1', fullName: 'Phan Thị Mới', role: 'receptionist' } });
      expect(created.statusCode, created.body).toBe(201);
      const temp = created.json().temporaryPassword as string;
      const first = await login(env, 'tamthoi1', temp);
      const token = first.json().token as string;
      const cookie = `motcua_sid=${first.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
      const worklist = await env.app.inject({ method: 'GET', url: '/api/worklist', headers: { authorization: `Bearer ${token}` } });
      expect(worklist.statusCode).toBe(403);
      expect(worklist.json().error.code).toBe('password_change_required');
      expect((await env.app.inject({ method: 'GET', url: '/api/worklist', headers: { cookie } })).statusCode).toBe(403);
      // Every workspace page leads to the password form, not only those that asked.
      const counter = await env.app.inject({ method: 'GET', url: '/can-bo/tiep-nhan?thu_tuc=1.001193', headers: { cookie } });
      expect(counter.statusCode).toBe(303);
      expect(counter.headers.location).toBe('/can-bo/mat-khau?bat-buoc=1');
      const changed = await env.app.inject({ method: 'POST', url: '/api/auth/password', headers: { authorization: `Bearer ${token}` }, payload: { current: temp, password: 'MatKhauMoi2026' } });
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await env.app.inject({ method: 'GET', url: '/api/worklist', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    });

    it('changing a password ends the account\'s other sessions and tokens', async () => {
      const a = (await login(env, 'lanhdao', 'demo', {}, '192.0.2.21')).json().token as string;
      const b = (await login(env, 'lanhdao', 'demo', {}, '192.0.2.22')).json().token as string;
      const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
      expect((await env.app.inject({ method: 'GET', url: '/api/worklist', headers: bearer(b) })).statusCode).toBe(200);
      const changed = await env.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(a), payload: { current: 'demo', password: 'LanhDao2026moi' } });
      expect(changed.statusCode, changed.body).toBe(200);
      const stale = await env.app.inject({ method: 'GET', url: '/api/worklist', headers: bearer(b) });
      // An ended session is no credential at all: 401 with the scheme to use, not 403.
      expect(stale.statusCode).toBe(401);
      expect(stale.json().error.code).toBe('auth_required');
      expect(stale.headers['www-authenticate']).toMatch(/^Bearer /);
      const anonymous = await env.app.inject({ method: 'GET', url: '/api/worklist' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.message).toMatch(/đăng nhập/);
      expect((await env.app.inject({ method: 'GET', url: '/api/worklist', headers: bearer(a) })).statusCode).toBe(200);
    });

    it('pages and answers with personal data are not stored by caches', async () => {
      const token = (await login(env, 'tiepnhan', 'demo')).json().token as string;
      const cookie = `motcua_sid=${token}`;
      const made = await env.app.inject({ method: 'POST', url: '/api/dossiers', headers: { authorization: `Bearer ${token}` }, payload: { procedureCode: '1.001193', channel: 'in_person', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, formData: {} } });
      const code = made.json().code as string | null;
      const urls = ['/can-bo', '/api/worklist', '/can-bo/mat-khau', '/tra-cuu', ...(code ? [`/api/dossiers/${code}`, `/ho-so/${code}?t=${env.services.dossiers.token(code)}`] : [`/api/dossiers/${made.json().id}`])];
      for (const url of urls) {
        const r = await env.app.inject({ method: 'GET', url, headers: url.startsWith('/api/') ? { authorization: `Bearer ${token}` } : { cookie } });
        expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBeLessThan(400);
        expect(r.headers['cache-control'], url).toContain('no-store');
      }
      // The public catalogue stays cacheable.
      expect(String((await env.app.inject({ method: 'GET', url: '/p/00004/1.001193' })).headers['cache-control'] ?? '')).not.toContain('no-store');
    });

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

    it('the session cookie lives 12 hours from when the browser gets it, whatever the server\'s clock says', async () => {
      // An absolute Expires from the server's clock is already past for a browser whose clock is
      // ahead (the browser tests' servers run on fixed clocks): the browser then drops the cookie
      // and the official is sent back to the sign-in form.
      const r = await formSignIn('/can-bo');
      expect(r.statusCode).toBe(303);
      for (const name of ['motcua_sid', 'motcua_who']) {
        const c = r.cookies.find((x) => x.name === name);
        expect(c, name).toBeDefined();
        expect(c!.maxAge, name).toBe(12 * 3600);
        expect(c!.expires, name).toBeUndefined();
      }
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

for (const engine of engines()) {
  describe(`growing sign-in delay [${engine}]`, () => {
    const clock = fixedClock('2026-12-01T02:00:00Z');
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('waits 30 s after 5 failures, then twice as long at each further failure; a good sign-in forgets them', async () => {
      const accounts = env.services.accounts;
      const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);
      for (let i = 0; i < 5; i++) expect(await code(accounts.signInStaff('tiepnhan', 'sai', '203.0.113.5'))).toBe('sign_in_failed');
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('account_locked');
      clock.advance(29_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('account_locked');
      clock.advance(2_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'sai', '203.0.113.5'))).toBe('sign_in_failed');
      clock.advance(59_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('account_locked');
      clock.advance(2_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'sai', '203.0.113.5'))).toBe('sign_in_failed');
      clock.advance(119_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('account_locked');
      clock.advance(2_000);
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('ok');
      // Forgotten: five fresh attempts again.
      for (let i = 0; i < 4; i++) expect(await code(accounts.signInStaff('tiepnhan', 'sai', '203.0.113.5'))).toBe('sign_in_failed');
      expect(await code(accounts.signInStaff('tiepnhan', 'demo', '203.0.113.5'))).toBe('ok');
    });

    it('an admin\'s password reset lifts the delay', async () => {
      const accounts = env.services.accounts;
      for (let i = 0; i < 5; i++) await accounts.signInStaff('chuyenvien', 'sai', '203.0.113.6').catch(() => undefined);
      await expect(accounts.signInStaff('chuyenvien', 'demo', '203.0.113.6')).rejects.toMatchObject({ code: 'account_locked' });
      const s = (await accounts.findStaffByUsername('chuyenvien'))!;
      const { temporaryPassword } = await accounts.resetStaffPassword(s.id);
      await expect(accounts.signInStaff('chuyenvien', temporaryPassword, '203.0.113.6')).resolves.toBeDefined();
    });
  });
}
