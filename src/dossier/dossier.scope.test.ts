import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { routesOf } from '../shared/routes.testing';
import { APPLICANT, Desk, multipart, PDF } from './workflow.testing';

/** Routes of the officials' workspace and API: each must keep a commune to its own dossiers. */
const STAFF_SURFACE = /^(GET|POST|PUT|PATCH|DELETE) (\/can-bo(?!\/dang-nhap)|\/api\/(dossiers\/:code|worklist|admin|audit|reports))/;

/** Routes of the surface that never show or change a dossier (their own tests cover them). */
const NOT_ABOUT_DOSSIERS = new Set([
  // Report consolidation (issue 12): a unit's reports, not dossiers; another unit's report answers
  // 403 (src/report/report.routes.test.ts).
  'GET /can-bo/bao-cao/:ds',
  'POST /can-bo/bao-cao/:ds',
  'POST /can-bo/bao-cao/:ds/o',
  'POST /can-bo/bao-cao/:ds/hoan-thanh',
  'POST /can-bo/bao-cao/:ds/phe-duyet',
  'POST /can-bo/bao-cao/:ds/mo-lai',
  'POST /can-bo/bao-cao/:ds/tinh-tu-danh-sach',
  'POST /can-bo/bao-cao/:ds/lay-so-lieu',
  'POST /can-bo/bao-cao/:ds/dia-diem',
  'GET /can-bo/bao-cao/:ds/danh-sach',
  'POST /can-bo/bao-cao/:ds/danh-sach',
  'POST /can-bo/bao-cao/:ds/danh-sach/:id/roi-di',
  'GET /can-bo/bao-cao',
  'GET /api/reports/dataValueSets',
  'POST /api/reports/dataValueSets',
  'POST /can-bo/mat-khau',
  'GET /can-bo/mat-khau',
  'GET /can-bo/tiep-nhan-tai-quay',
  'GET /can-bo/phieu-dich-vu-cong',
  'POST /can-bo/phieu-dich-vu-cong',
  // The counter queue (its own tests: src/queue/queue.routes.test.ts); a ticket of another unit is refused there.
  'GET /can-bo/hang-cho',
  'POST /can-bo/hang-cho/:counter/:action',
  'GET /can-bo/hang-cho/ve/:id/tiep-nhan',
  // An appointment's arrival takes a booking code (LH…), not a dossier code; another unit's booking is
  // "not found" there (AppointmentService.get, src/appointment tests).
  'POST /can-bo/lich-hen/:code/den',
  // A row of the unit's vaccination schedule (src/vaccination tests: the health station's own unit only).
  'POST /can-bo/tiem-chung/lich/:key/xoa',
]);

for (const engine of engines()) {
  describe(`unit scoping of every staff route and API [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let code = '';
    let fileId = '';
    let historyBefore = 0;
    const clock = fixedClock('2026-11-30T02:00:00Z');

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
      // A dossier of Phường Ba Đình (00004), part-way through: files, a request for supplement.
      // (Not the day's first number: previews elsewhere use "…-0001" as their sample code.)
      await desk.submitOnline('1.004746');
      const d = await desk.submitOnline('1.004746', { ...APPLICANT, fullName: 'Trịnh Thị Bảo Ngân', phone: '0977123456' });
      code = d.code;
      fileId = d.attachments[0].id;
      await desk.ok(code, 'tiepnhan', { type: 'accept' });
      await desk.ok(code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      await desk.ok(code, 'chuyenvien', { type: 'request_supplement', items: ['Bản sao giấy chứng nhận kết hôn'] });
      // An admin in the other ward, to try the admin routes on the first ward's data.
      await env.services.accounts.upsertStaff({ username: 'quantri2', fullName: 'Quản trị Cửa Nam', unitCode: '00082', role: 'admin', fields: [], password: 'demo' });
      await env.services.accounts.upsertStaff({ username: 'lanhdao2', fullName: 'Lãnh đạo Cửa Nam', unitCode: '00082', role: 'leader', fields: [], password: 'demo' });
      historyBefore = (await desk.get(code, 'tiepnhan')).history.length;
    });
    afterAll(async () => {
      await env?.close();
    });

    /** How to call each route for the 00004 dossier (or with 00004's data in the request). */
    function requestFor(route: string): { method: string; url: string; payload?: unknown; multipart?: boolean } | undefined {
      const [method, template] = route.split(' ') as [string, string];
      const url = template
        .replace(':code/local', '1.004746/local')
        .replace('processes/:code', 'processes/1.004746')
        .replace('danh-muc/:code', 'danh-muc/1.004746')
        .replace('quy-trinh/:code', 'quy-trinh/1.004746')
        .replace(':code', code)
        .replace(':ds', 'CACH_LY')
        // The unit admin's linked groups: the other ward's admin must not reach Ba Đình's demo group.
        .replace('lien-thong/:group', 'lien-thong/LT-KS')
        .replace(':username', 'chuyenvien')
        .replace('tep/:file', `tep/${fileId}`)
        .replace('phieu/:file', 'phieu/kiem-soat.pdf')
        .replace('forms/:form', 'forms/kiem-soat')
        .replace(':id.pdf', '01a20000-0000-7000-8000-000000000000.pdf')
        .replace(':id', '01a20000-0000-7000-8000-000000000000')
        .replace(':page', '1')
        .replace('.:fmt', '.pdf')
        .replace(':event/:channel/:language', 'received/sms/vi');
      if (url.includes(':')) return undefined;
      const withUnit = (u: string) => (u.includes('?') ? `${u}&unit=00004` : `${u}?unit=00004`);
      if (route === 'GET /api/worklist' || route === 'GET /can-bo') return { method, url: withUnit(url) };
      if (route === 'GET /api/reports/tracking-book' || route.startsWith('GET /can-bo/so-theo-doi')) return { method, url: withUnit(`${url}?from=2026-11-01&to=2026-12-31&tu=2026-11-01&den=2026-12-31`) };
      if (route === 'POST /api/worklist/assign' || route === 'POST /can-bo/phan-cong') return { method, url, payload: { codes: [code], assignee: 'chuyenvien2' } };
      if (method === 'GET') return { method, url };
      return { method, url, payload: { type: 'propose_result', reason: 'Thử vượt quyền', amount: 1000, method: 'cash', assignee: 'chuyenvien2', items: ['x'], steps: [], rows: [] } };
    }

    it('covers every route of the workspace and the staff API', () => {
      const surface = routesOf(env.app).filter((r) => STAFF_SURFACE.test(r) && !NOT_ABOUT_DOSSIERS.has(r));
      expect(surface.length).toBeGreaterThan(25);
      const unmapped = surface.filter((r) => !requestFor(r));
      expect(unmapped).toEqual([]);
    });

    for (const who of ['tiepnhan2', 'lanhdao2', 'quantri2']) {
      it(`an official of Phường Cửa Nam (${who}) gets 403/404 for Ba Đình's dossier on every route, by cookie and by bearer token`, async () => {
        const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: who, password: 'demo' } });
        const cookie = `motcua_sid=${login.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
        const bearer = `Bearer ${login.json().token}`;
        const csrf = login.json().csrfToken as string;
        const surface = routesOf(env.app).filter((r) => STAFF_SURFACE.test(r) && !NOT_ABOUT_DOSSIERS.has(r));
        const leaks: string[] = [];
        for (const route of surface) {
          const rq = requestFor(route)!;
          const variants: Array<Record<string, string>> = [{ cookie }];
          if (rq.url.startsWith('/api/')) variants.push({ authorization: bearer });
          for (const headers of variants) {
            let r;
            if (rq.method === 'GET') r = await desk.inject({ method: 'GET', url: rq.url, headers });
            else if (rq.url.startsWith('/api/')) r = await desk.inject({ method: rq.method as 'POST', url: rq.url, headers, payload: rq.payload as object });
            else {
              // A page form: urlencoded with the session's own CSRF token, so only scoping can refuse it.
              const form = new URLSearchParams({ _csrf: csrf, ...Object.fromEntries(Object.entries(rq.payload as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)])) });
              if (route === 'POST /can-bo/phan-cong') form.set('codes', code);
              r = await desk.inject({ method: rq.method as 'POST', url: rq.url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
            }
            const refused = r.statusCode === 403 || r.statusCode === 404;
            const shows = r.body.includes(code) || r.body.includes('Trịnh Thị Bảo Ngân') || r.body.includes('0977123456');
            // Bulk assignment answers per dossier: each of the other unit's is "not found".
            const bulkRefused =
              (route === 'POST /api/worklist/assign' && r.statusCode === 200 && r.json().results.every((x: any) => !x.ok && x.error.code === 'dossier_not_found')) ||
              (route === 'POST /can-bo/phan-cong' && r.statusCode === 303 && /da_phan_cong=0/.test(String(r.headers.location)));
            // A route that names the dossier (or asks for the other unit) must refuse; any other
            // route answers for the official's own unit and must never show the dossier.
            const namesIt = rq.url.includes(code) || rq.url.includes('unit=00004') || route.includes('/assign') || route.includes('/phan-cong');
            if ((namesIt && !(refused || bulkRefused) && !(route.startsWith('GET /can-bo/so-theo-doi ') || route === 'GET /can-bo/so-theo-doi')) || (shows && !bulkRefused)) {
              leaks.push(`${route} [${Object.keys(headers)[0]}] → ${r.statusCode}${shows ? ' (shows the dossier)' : ''}`);
            }
          }
        }
        expect(leaks).toEqual([]);
        // Nothing happened to the dossier.
        expect((await desk.get(code, 'tiepnhan')).history.length).toBe(historyBefore);
      });
    }

    it("a supervisor of the city reads both wards' dossiers and changes nothing", async () => {
      const d = await desk.get(code, 'giamsat');
      expect(d.allowedActions).toEqual([]);
      const r = await desk.act(code, 'giamsat', { type: 'propose_result' });
      // Read-only is enforced before any route (staff/staff.guard.ts, registerChangeGuard).
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('read_only');
      const list = (await desk.inject({ method: 'GET', url: '/api/worklist?tab=waiting', headers: { cookie: await desk.cookie('giamsat') } })).json();
      expect(list.items.map((i: any) => i.code)).toContain(code);
      expect((await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie: await desk.cookie('giamsat') } })).statusCode).toBe(200);
      // …and a ward's official never sees the city's supervisor scope.
      expect((await desk.inject({ method: 'GET', url: '/api/worklist?unit=00082', headers: { cookie: await desk.cookie('tiepnhan') } })).statusCode).toBe(404);
    });

    it('the citizen can only supplement their own dossier', async () => {
      const mp = multipart([
        { name: 'component', value: 'khac' },
        { name: 'file', value: PDF, filename: 'x.pdf', type: 'application/pdf' },
      ]);
      expect((await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/attachments?phone=0987654321`, payload: mp.body, headers: mp.headers })).statusCode).toBe(404);
      expect((await desk.act(code, null, { type: 'supplement' }, {}, '?phone=0987654321')).statusCode).toBe(404);
    });
  });
}
