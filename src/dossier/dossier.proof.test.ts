/**
 * Issue 10, trust: proving that a dossier is yours. Every route that takes a code with a proof
 * shares one budget (an attacker guessing phones for sequential codes cannot spread guesses over
 * routes); the budget is the signed-in person's, else the address's; and changing a dossier needs
 * more than the code and the phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk } from './workflow.testing';
import { csrfOf } from '../shared/suite.testing';

const WRONG = '0987000111';

for (const engine of engines()) {
  describe(`the proof budget [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let code: string;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { RATE_LIMIT: 'on', REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
      code = (await desk.submitOnline('1.001193')).code;
    });
    afterAll(async () => {
      await env?.close();
    });

    const fill = (url: string) => url.replace(':code', code).replace(':id', '0190aaaa-0000-7000-8000-000000000000').replace(':form', 'tu-choi');
    /** One request to a route, from an address, with a wrong phone as the proof. */
    const hit = (r: { method: string; url: string }, ip: string) => {
      const url = `${fill(r.url)}?phone=${WRONG}`;
      return r.method === 'GET'
        ? env.app.inject({ method: 'GET', url, remoteAddress: ip })
        : env.app.inject({ method: r.method as 'POST', url, remoteAddress: ip, payload: r.url === '/tra-cuu' ? { code, phone: WRONG } : { type: 'withdraw', reason: 'Thử đoán số điện thoại' } });
    };

    it('every route that takes a code and a proof counts against the same budget', async () => {
      const all = env.app.proofGate.routes;
      const gated = all.filter((r) => r.proof);
      // The enumeration: every dossier route outside the staff workspace is either gated, or takes no proof.
      const dossierRoutes = all.filter((r) => /^\/(ho-so|api\/dossiers)\//.test(r.url));
      expect(dossierRoutes.length).toBeGreaterThan(10);
      console.info('gated:', gated.map((r) => `${r.method} ${r.url}`).join(', '), '\nnot gated (no proof taken):', dossierRoutes.filter((x) => !x.proof).map((r) => `${r.method} ${r.url}`).join(', '));
      for (const r of dossierRoutes.filter((x) => !x.proof)) {
        const res = await env.app.inject({ method: r.method as 'GET', url: `${fill(r.url)}?phone=${APPLICANT.phone}`, remoteAddress: '198.51.100.250', ...(r.method === 'GET' ? {} : { payload: {} }) });
        expect([401, 403, 404], `${r.method} ${r.url} takes a phone proof but is not gated: ${res.body}`).toContain(res.statusCode);
      }
      expect(gated.map((r) => `${r.method} ${r.url}`)).toEqual(
        expect.arrayContaining([
          'GET /api/dossiers/:code',
          'POST /api/dossiers/:code/actions',
          'POST /api/dossiers/:code/attachments',
          'POST /api/dossiers/:code/payments/vnpay',
          'GET /ho-so/:code',
          'GET /ho-so/:code/giay-hen.pdf',
          'GET /ho-so/:code/thong-bao-phi.pdf',
          'GET /ho-so/:code/bien-lai/:id.pdf',
          'POST /tra-cuu',
        ]),
      );
      const lookup = { method: 'GET', url: '/api/dossiers/:code' };
      let i = 0;
      for (const r of gated) {
        // Spend the budget on this route, then the lookup is refused; and the other way round.
        const a = `203.0.113.${++i}`;
        for (let k = 0; k < 10; k++) expect((await hit(r, a)).statusCode, `${r.method} ${r.url}`).not.toBe(429);
        const after = await hit(lookup, a);
        expect(after.statusCode, `${r.method} ${r.url} does not count against the lookup's budget`).toBe(429);
        expect(after.json().error.code).toBe('rate_limited');
        expect(after.headers['retry-after']).toBeDefined();
        const b = `203.0.113.${++i}`;
        for (let k = 0; k < 10; k++) await hit(lookup, b);
        expect((await hit(r, b)).statusCode, `${r.method} ${r.url} is not limited by the shared budget`).toBe(429);
      }
    });

    it('officials behind one address are not throttled by the citizens\' limit; a signed link costs nothing', async () => {
      const office = '192.0.2.44';
      let last = 0;
      for (let k = 0; k < 11; k++) last = (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=${APPLICANT.phone}`, remoteAddress: office })).statusCode;
      expect(last).toBe(429);
      // Two officials at the same address: a working minute of lookups each.
      for (const who of ['tiepnhan', 'chuyenvien']) {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: who, password: 'demo' }, remoteAddress: office });
        const cookie = `motcua_sid=${r.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
        for (let k = 0; k < 30; k++) {
          const g = await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie }, remoteAddress: office });
          expect(g.statusCode, g.body).toBe(200);
        }
      }
      // The citizen's signed link (QR code, SMS) proves possession: not counted.
      const token = env.services.dossiers.token(code);
      for (let k = 0; k < 3; k++) expect((await env.app.inject({ method: 'GET', url: `/ho-so/${code}?t=${token}`, remoteAddress: office })).statusCode).toBe(200);
    });
  });
}

for (const engine of engines()) {
  describe(`changing a dossier needs more than code and phone [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    const otpFromOutbox = async (phone: string) => {
      const m = (await env.services.notifications.list({ recipient: phone })).filter((x) => x.event === 'otp')[0]!;
      return /(\d{6})/.exec(m.body)![1]!;
    };

    it('code and phone cannot withdraw, supplement or pay; a one-time code or the signed link can', async () => {
      const d = await desk.submitOnline('1.001193');
      const token = env.services.dossiers.token(d.code);
      const w = await desk.act(d.code, null, { type: 'withdraw', reason: 'Kẻ xấu rút hộ' }, {}, `?phone=${APPLICANT.phone}`);
      expect(w.statusCode).toBe(403);
      expect(w.json().error.code).toBe('stronger_proof_required');
      expect(w.json().error.message).toMatch(/mã gửi tới số điện thoại/);
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}` })).json().status).toBe('new');
      const pay = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d.code}/payments/vnpay?phone=${APPLICANT.phone}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(pay.statusCode).toBe(403);
      // The page form too.
      const page = await env.app.inject({ method: 'GET', url: `/ho-so/${d.code}?phone=${APPLICANT.phone}` });
      const csrf = csrfOf(page.body);
      const cookies = { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value };
      const form = await env.app.inject({ method: 'POST', url: `/ho-so/${d.code}/rut?phone=${APPLICANT.phone}`, cookies, payload: { _csrf: csrf, reason: 'Kẻ xấu rút hộ' } });
      expect(form.statusCode).toBe(403);

      // A wrong one-time code is refused; the right one (sent to the applicant's phone) works once.
      expect((await env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone: APPLICANT.phone, purpose: 'verify_phone' } })).statusCode).toBe(200);
      const otp = await otpFromOutbox(APPLICANT.phone);
      const wrong = await desk.act(d.code, null, { type: 'withdraw', reason: 'Tôi nộp nhầm thủ tục', otp: otp === '000000' ? '111111' : '000000' }, {}, `?phone=${APPLICANT.phone}`);
      expect(wrong.json().error.code).toBe('otp_invalid');
      const ok = await desk.act(d.code, null, { type: 'withdraw', reason: 'Tôi nộp nhầm thủ tục', otp }, {}, `?phone=${APPLICANT.phone}`);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().status).toBe('withdrawn');

      // The signed link (SMS, QR on the receipt) is enough on its own.
      const d2 = await desk.submitOnline('1.001193');
      const viaLink = await desk.act(d2.code, null, { type: 'withdraw', reason: 'Tôi nộp nhầm thủ tục' }, {}, `?t=${env.services.dossiers.token(d2.code)}`);
      expect(viaLink.statusCode, viaLink.body).toBe(200);
      expect(token).not.toBe(env.services.dossiers.token(d2.code));
    });

    it('reading with code and phone never hands out the signed link; the page offers a one-time code first', async () => {
      const d = await desk.submitOnline('1.001193');
      const token = env.services.dossiers.token(d.code);
      const api = await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}` });
      expect(api.statusCode).toBe(200);
      expect(api.body).not.toContain(token);
      const look = await env.app.inject({ method: 'GET', url: '/tra-cuu' });
      const csrf = csrfOf(look.body);
      const cookies = { motcua_csrf: look.cookies.find((c) => c.name === 'motcua_csrf')!.value };
      const found = await env.app.inject({ method: 'POST', url: '/tra-cuu', cookies, payload: { _csrf: csrf, code: d.code, phone: '0912 345 678' } });
      expect(found.statusCode).toBe(303);
      expect(found.headers.location).not.toContain(token);
      const page = await env.app.inject({ method: 'GET', url: String(found.headers.location), cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(token);
      expect(page.body).toContain('Gửi mã xác thực');
      expect(page.body).not.toContain('Rút hồ sơ</button>');
      // "Gửi mã xác thực" → the code arrives by SMS → the signed page, where changes are offered.
      const send = await env.app.inject({ method: 'POST', url: `/ho-so/${d.code}/xac-thuc?phone=${APPLICANT.phone}`, cookies, payload: { _csrf: csrf, step: 'send' } });
      expect(send.statusCode).toBe(200);
      expect(send.body).toContain('Mã xác thực');
      const otp = await otpFromOutbox(APPLICANT.phone);
      const bad = await env.app.inject({ method: 'POST', url: `/ho-so/${d.code}/xac-thuc?phone=${APPLICANT.phone}`, cookies, payload: { _csrf: csrf, step: 'verify', otp: otp === '000000' ? '111111' : '000000' } });
      expect(bad.statusCode).toBe(422);
      const good = await env.app.inject({ method: 'POST', url: `/ho-so/${d.code}/xac-thuc?phone=${APPLICANT.phone}`, cookies, payload: { _csrf: csrf, step: 'verify', otp } });
      expect(good.statusCode, good.body).toBe(303);
      expect(good.headers.location).toBe(`/ho-so/${d.code}?t=${token}`);
      const signed = await env.app.inject({ method: 'GET', url: String(good.headers.location), cookies });
      expect(signed.body).toContain('Rút hồ sơ');
    });
  });
}
