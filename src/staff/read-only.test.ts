import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { routesOf } from '../shared/routes.testing';
import { csrfOf } from '../shared/suite.testing';

/** Where an official's session counts: the workspace, the officials' APIs and the tracking pages. */
const SIGNED_IN_SURFACE = /^(POST|PUT|PATCH|DELETE) \/(can-bo|ho-so|api\/(dossiers|admin|notifications|payments\/reconciliation|audit|reports|worklist|me))/;
/** Signing in and out and one's own password stay open to a read-only official. */
const SELF_SERVICE = /^POST \/(dang-xuat|can-bo\/dang-nhap|can-bo\/mat-khau|api\/auth\/)/;
/** The supervisor's one write: the monthly scoring of the units below (src/scoring/scoring.test.ts). */
const SUPERVISOR_SCORING = /^POST \/can-bo\/cham-diem(\/|$)/;
/** And the reports it manages (issue 12): data sets, imports for the units below, reopening a ward's report (src/report tests). */
const SUPERVISOR_REPORTS = /^POST \/(can-bo\/bao-cao|api\/reports)(\/|$)/;

async function rowCounts(env: TestEnv): Promise<Record<string, number>> {
  const db = env.services.database.db;
  const out: Record<string, number> = {};
  for (const t of await db.introspection.getTables()) {
    if (t.isView || /kysely|session/.test(t.name)) continue;
    const r = await db.selectFrom(t.name as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t.name] = Number((r as { n: number }).n);
  }
  return out;
}

for (const engine of engines()) {
  describe(`the supervisor reads only; every change of an official is audited [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let code = '';
    let token = '';

    beforeAll(async () => {
      env = await createTestEnv(engine, {
        clock: fixedClock('2026-11-30T02:00:00Z'),
        env: {
          REQUIRE_PHONE_VERIFICATION: 'off',
          VNPAY_TMN_CODE: 'MOTCUA01',
          VNPAY_HASH_SECRET: 'VNPAYTESTSECRET0123456789ABCDEF',
          VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
        },
      });
      desk = new Desk(env);
      code = (await desk.submitOnline('1.004746')).code;
      await desk.ok(code, 'tiepnhan', { type: 'accept' });
      await desk.ok(code, 'tiepnhan', { type: 'request_payment', amount: 8000 });
      token = (await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'giamsat', password: 'demo' } })).json().token;
    });
    afterAll(async () => {
      await env?.close();
    });

    const auditBy = async (username: string) => {
      const s = (await env.services.accounts.listStaff(['00004', '01'])).find((x) => x.username === username)!;
      return (await env.services.audit.list({ limit: 1000 })).filter((e) => e.actorId === s.id).sort((a, b) => a.seq - b.seq);
    };

    it('refuses the VNPay order, the citizen account and the FAQ entry the supervisor could make', async () => {
      const cookie = await desk.cookie('giamsat');
      const page = await desk.inject({ method: 'GET', url: '/can-bo/tro-ly/cau-hoi-thuong-gap', headers: { cookie } });
      const csrf = csrfOf(page.body);
      const before = await rowCounts(env);

      const vnpay = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/payments/vnpay`, headers: { authorization: `Bearer ${token}` }, payload: {} });
      expect(vnpay.statusCode, vnpay.body).toBe(403);
      expect(vnpay.json().error.code).toBe('read_only');
      const card = await desk.inject({ method: 'POST', url: '/can-bo/phieu-dich-vu-cong', headers: { cookie }, payload: { _csrf: csrf, phone: '0909111222', fullName: 'Phạm Thị Hoa' } });
      expect(card.statusCode).toBe(403);
      expect(card.body).toContain('chỉ được xem');
      const faq = await desk.inject({ method: 'POST', url: '/can-bo/tro-ly/cau-hoi-thuong-gap', headers: { cookie }, payload: { _csrf: csrf, question: 'Làm căn cước ở đâu?', answer: 'Tại công an phường.' } });
      expect(faq.statusCode).toBe(403);
      expect(await rowCounts(env)).toEqual(before);
    });

    it('answers 403 read_only on every changing route of the workspace and the APIs, and nothing changes', async () => {
      const cookie = await desk.cookie('giamsat');
      const before = await rowCounts(env);
      const routes = routesOf(env.app).filter((r) => SIGNED_IN_SURFACE.test(r) && !SELF_SERVICE.test(r) && !SUPERVISOR_SCORING.test(r) && !SUPERVISOR_REPORTS.test(r));
      expect(routes.length).toBeGreaterThan(30);
      const allowed: string[] = [];
      for (const r of routes) {
        const [method, template] = r.split(' ') as [string, string];
        const url = template.replace(':code', code).replace(/:[a-zA-Z]+/g, '01a20000-0000-7000-8000-000000000000');
        // Bearer tokens count on the API only; the cookie everywhere.
        const ways = [{ cookie, accept: 'application/json' }, ...(url.startsWith('/api/') ? [{ authorization: `Bearer ${token}`, accept: 'application/json' }] : [])];
        for (const headers of ways) {
          const res = await desk.inject({ method: method as 'POST', url, headers, payload: {} });
          if (res.statusCode !== 403 || res.json().error?.code !== 'read_only') allowed.push(`${r} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        }
      }
      expect(allowed).toEqual([]);
      expect(await rowCounts(env)).toEqual(before);
      // Still allowed: reading, and one's own password page.
      expect((await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie } })).statusCode).toBe(200);
    });

    it('records every change an official makes, also where the module writes no entry of its own', async () => {
      const cookie = await desk.cookie('quantri');
      const page = await desk.inject({ method: 'GET', url: '/can-bo/tro-ly/cau-hoi-thuong-gap', headers: { cookie } });
      const csrf = csrfOf(page.body);
      const before = (await auditBy('quantri')).length;
      const faq = await desk.inject({ method: 'POST', url: '/can-bo/tro-ly/cau-hoi-thuong-gap', headers: { cookie }, payload: { _csrf: csrf, question: 'Làm căn cước ở đâu?', answer: 'Tại công an phường.' } });
      expect(faq.statusCode).toBe(303);
      const after = await auditBy('quantri');
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)).toMatchObject({ action: 'staff.change', targetKind: 'route', targetId: 'POST /can-bo/tro-ly/cau-hoi-thuong-gap', unitCode: '00004' });

      // The receptionist prints a citizen's service card (which opens a citizen account).
      const rc = await desk.cookie('tiepnhan');
      const p2 = await desk.inject({ method: 'GET', url: '/can-bo/phieu-dich-vu-cong', headers: { cookie: rc } });
      const csrf2 = csrfOf(p2.body);
      const n = (await auditBy('tiepnhan')).length;
      const card = await desk.inject({ method: 'POST', url: '/can-bo/phieu-dich-vu-cong', headers: { cookie: rc }, payload: { _csrf: csrf2, phone: '0909111222', fullName: 'Phạm Thị Hoa' } });
      expect(card.statusCode).toBe(200);
      const entries = await auditBy('tiepnhan');
      expect(entries.length).toBe(n + 1);
      expect(entries.at(-1)!.targetId).toBe('POST /can-bo/phieu-dich-vu-cong');

      // A change the module records itself is recorded once, not twice.
      const m = (await auditBy('tiepnhan')).length;
      await desk.ok(code, 'tiepnhan', { type: 'confirm_payment' }).catch(() => undefined);
      const acts = (await auditBy('tiepnhan')).slice(m);
      expect(acts.filter((e) => e.action === 'staff.change')).toEqual([]);
    });
  });
}
