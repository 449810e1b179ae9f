import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT, Desk, fillForm } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

for (const engine of engines()) {
  describe(`home visits by the support team [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    // Thursday 3/12/2026, 09:00 in Hà Nội.
    const clock = fixedClock('2026-12-03T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });
    const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;
    const form = (o: Record<string, string | string[]>) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(o)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      return p.toString();
    };
    const staffPost = async (url: string, who: string, body: Record<string, string | string[]>) => {
      const cookie = await desk.cookie(who);
      const page = await desk.inject({ method: 'GET', url: '/can-bo/ho-tro-tai-nha', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      return desk.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrfOf(page.body), ...body }) });
    };
    const REQUEST = { procedureCode: '1.004222', applicantName: 'Nguyễn Văn Thọ', requester: 'village_head', requesterName: 'Trần Văn Trưởng', phone: '0912 111 222', village: 'Tổ dân phố 5', address: 'Số 3 ngõ 12 phố Đội Cấn', preferredDays: 'sáng Thứ Bảy', note: '' };

    it('a relative or village head asks on the public page (no JS), proven by the code sent to the phone', async () => {
      const unitPage = await desk.inject({ method: 'GET', url: '/dv/00004' });
      expect(unitPage.body).toContain('href="/dv/00004/ho-tro-tai-nha"');
      const page = await desk.inject({ method: 'GET', url: '/dv/00004/ho-tro-tai-nha' });
      expect(page.statusCode).toBe(200);
      const csrf = csrfOf(page.body);
      const cookies = { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value };
      const bad = await desk.inject({ method: 'POST', url: '/dv/00004/ho-tro-tai-nha', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrf, ...REQUEST, phone: '12', address: '' }) });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Số điện thoại không hợp lệ');
      expect(bad.body).toContain('Địa chỉ là bắt buộc');
      const ok = await desk.inject({ method: 'POST', url: '/dv/00004/ho-tro-tai-nha', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrf, ...REQUEST }) });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Nhập mã xác thực');
      const id = /ho-tro-tai-nha\/([0-9a-f-]{36})/.exec(ok.body)![1]!;
      expect((await env.services.homeVisits.get(id)).status).toBe('unverified');
      const wrong = await desk.inject({ method: 'POST', url: `/dv/00004/ho-tro-tai-nha/${id}`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrf, code: '000000' }) });
      expect(wrong.statusCode).toBe(422);
      const otp = (await env.services.notifications.list({ recipient: '0912111222' })).find((x) => x.event === 'otp')!;
      const code = /(\d{6})/.exec(otp.body)![1]!;
      const done = await desk.inject({ method: 'POST', url: `/dv/00004/ho-tro-tai-nha/${id}`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrf, code }) });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('Đã nhận đề nghị hỗ trợ tại nhà');
      expect((await env.services.homeVisits.get(id)).status).toBe('requested');
    });

    it('the team plans a route by village, confirms by SMS and records a dossier received at home (channel home) or why not', async () => {
      const team = await env.services.homeVisits.team('00004');
      const tiepnhan = team.find((t) => t.fullName === 'Nguyễn Thị Hòa')!;
      // Only members of the support team record visits; the leader picks them.
      expect((await staffPost('/can-bo/ho-tro-tai-nha/to', 'lanhdao', { member: [tiepnhan.id] })).statusCode).toBe(303);
      expect((await staffPost('/can-bo/ho-tro-tai-nha', 'tiepnhan', { ...REQUEST, applicantName: 'Lê Thị Bà', phone: '0912333444', village: 'Tổ dân phố 2', address: 'Số 8 phố Kim Mã' })).statusCode).toBe(303);
      const open = await env.services.homeVisits.list('00004', ['requested']);
      expect(open).toHaveLength(2);
      for (const v of open) {
        const r = await staffPost(`/can-bo/ho-tro-tai-nha/${v.id}/xep-lich`, 'lanhdao', { date: '2026-12-05', assigneeId: tiepnhan.id });
        expect(r.statusCode, r.body).toBe(303);
      }
      const past = await env.services.homeVisits.request('00004', { ...REQUEST, phone: '0912555666' }, 'phone');
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${past.id}/xep-lich`, 'lanhdao', { date: '2026-12-01', assigneeId: tiepnhan.id })).body).toContain('Ngày đến nhà đã qua');

      const page = await desk.inject({ method: 'GET', url: '/can-bo/ho-tro-tai-nha', headers: { cookie: await desk.cookie('tiepnhan') } });
      expect(page.body).toContain('Ngày 05/12/2026 — lộ trình theo thôn');
      expect(page.body.indexOf('Tổ dân phố 2')).toBeLessThan(page.body.indexOf('Tổ dân phố 5')); // the route: by village
      const [first, second] = (await env.services.homeVisits.routes('00004'))[0]!.visits;

      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/xac-nhan`, 'tiepnhan', {})).statusCode).toBe(303);
      const sms = (await env.services.notifications.list({ recipient: '0912333444' })).filter((m) => m.event === 'home_visit_confirm');
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body).toContain('05/12/2026');

      // At home: the dossier received through the counter reception with channel "home".
      const f = (await desk.inject({ method: 'GET', url: '/api/procedures/1.004222/form' })).json();
      const r = await desk.inject({ method: 'POST', url: '/api/dossiers', headers: { cookie: await desk.cookie('tiepnhan') }, payload: { procedureCode: '1.004222', channel: 'home', applicant: { ...APPLICANT, fullName: 'Lê Thị Bà' }, formData: fillForm(f.formData), submit: true } });
      expect(r.statusCode, r.body).toBe(201);
      const home = r.json();
      expect(home.channel).toBe('home');
      const counterDossier = await desk.receiveAtCounter('1.004222');

      // The leader is not in the team; an in-person dossier is not a home one.
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'lanhdao', { dossierCode: home.code })).statusCode).toBe(403);
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'tiepnhan', { dossierCode: counterDossier.code })).body).toContain('không phải hồ sơ tiếp nhận tại nhà');
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'tiepnhan', { dossierCode: home.code })).statusCode).toBe(303);
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${second!.id}/ket-qua`, 'tiepnhan', { reason: '' })).body).toContain('Ghi lý do không tiếp nhận được hồ sơ');
      expect((await staffPost(`/can-bo/ho-tro-tai-nha/${second!.id}/ket-qua`, 'tiepnhan', { reason: 'Cụ ông nằm viện, hẹn tuần sau' })).statusCode).toBe(303);
      expect((await env.services.homeVisits.get(first!.id)).dossier_code).toBe(home.code);
      expect(await env.services.homeVisits.counts('00004', '2026-12-01', '2026-12-31')).toEqual({ planned: 0, received: 1, notReceived: 1 });
      // The worklist can filter the channel.
      const wl = await desk.inject({ method: 'GET', url: '/can-bo?kenh=home', headers: { cookie: await desk.cookie('tiepnhan') } });
      expect(wl.body).toContain('Tại nhà (tổ hỗ trợ)');
    });
  });
}
