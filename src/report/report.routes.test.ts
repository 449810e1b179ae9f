import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { seedReportDemo } from './report.demo';
import { csrfOf } from '../shared/suite.testing';

for (const engine of engines()) {
  describe(`report entry pages and the DHIS2 API over HTTP [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    // Thursday 3/12/2026, 09:00 in Hà Nội.
    const clock = fixedClock('2026-12-03T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      desk = new Desk(env);
      await seedReportDemo(env.services.reports, clock.now(), false);
    });
    afterAll(async () => {
      await env?.close();
    });
    const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
    const post = async (who: string, page: string, url: string, body: Record<string, string>, accept?: string) => {
      const cookie = await desk.cookie(who);
      const p = await desk.inject({ method: 'GET', url: page, headers: { cookie } });
      expect(p.statusCode, p.body.slice(0, 300)).toBe(200);
      return desk.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...(accept ? { accept } : {}) }, payload: form({ _csrf: csrfOf(p.body), ...body }) });
    };

    it("a ward enters today's quarantine report on the phone form (no JS): previous day beside, errors in Vietnamese, complete", async () => {
      const cookie = await desk.cookie('tiepnhan2');
      const list = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Tình hình khu cách ly tập trung');
      expect(list.body).toContain('href="/can-bo/bao-cao"'); // the staff menu entry
      expect(list.body).toMatch(/Ngày 03\/12\/2026<\/td><td>17:00 ngày 03\/12\/2026<\/td><td>Chưa nhập/);
      const page = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY?ky=20261203', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<meta name="viewport"');
      expect(page.body).toContain('Khu cách ly số 1 – Nhà văn hóa phường');
      expect(page.body).toContain('Kỳ trước: 18'); // yesterday's rooms of the area
      const place = await env.services.reports.places('CACH_LY', ['00082']);
      const id = place.find((p) => p.code === 'CN_KCL1')!.id;

      const bad = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY?ky=20261203&don-vi=00082', { [`v:${id}:ROOMS:`]: '18', [`v:${id}:USED:`]: 'năm' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('&quot;Số phòng đang sử dụng&quot;: giá trị &quot;năm&quot; phải là số nguyên không âm');
      expect(bad.body).toContain('value="năm"'); // what was typed comes back
      expect(await env.services.reports.values({ dataSet: 'CACH_LY', period: '20261203', unitCode: '00082' })).toEqual([]);

      const ok = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY?ky=20261203&don-vi=00082', { [`v:${id}:ROOMS:`]: '18', [`v:${id}:CAPACITY:`]: '2', [`v:${id}:USED:`]: '5', [`v:${id}:FREE:`]: '13', [`v:${id}:OCCUPANTS:NAM`]: '4' });
      expect(ok.statusCode, ok.body.slice(0, 500)).toBe(303);
      const after = await desk.inject({ method: 'GET', url: ok.headers.location as string, headers: { cookie } });
      expect(after.body).toContain('Đã lưu số liệu.');
      expect(after.body).toContain('Đỗ Thị Lan'); // the change history
      expect(after.body).toContain('(trống) → 18');
      // The supervisor's rollup moved at once.
      const city = await env.services.reports.rollups({ dataSet: 'CACH_LY', period: '20261203', unitCodes: ['00082', '01'] });
      expect(city.find((r) => r.unitCode === '00082' && r.dataElement === 'ROOMS')?.sum).toBe(18);

      // With JS: one value as it is typed, a JSON answer; a bad one says why.
      const one = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/o?ky=20261203&don-vi=00082', { field: `v:${id}:FREE:`, value: '12' }, 'application/json');
      expect(one.statusCode).toBe(200);
      expect(one.json().warnings[0]).toContain('Số phòng còn trống phải bằng tổng số phòng trừ số phòng đang sử dụng');
      const wrong = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/o?ky=20261203&don-vi=00082', { field: `v:${id}:FREE:`, value: '-1' }, 'application/json');
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error.code).toBe('invalid_report_values');
      const refused = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/hoan-thanh?ky=20261203&don-vi=00082', {});
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('Chưa thể hoàn thành');
      await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/o?ky=20261203&don-vi=00082', { field: `v:${id}:FREE:`, value: '13' }, 'application/json');
      const done = await post('tiepnhan2', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/hoan-thanh?ky=20261203&don-vi=00082', {});
      expect(done.statusCode).toBe(303);
      const locked = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY?ky=20261203', headers: { cookie } });
      expect(locked.body).toContain('Tình trạng: <strong>Đã hoàn thành</strong>');
      expect(locked.body).not.toContain('Lưu số liệu');
      // Another ward's report is not theirs to read.
      expect((await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY?ky=20261203&don-vi=00004', headers: { cookie } })).statusCode).toBe(403);
    });

    it('the supervisor (tonghop) reads a ward report, reopens it with a reason; approval by the ward leader', async () => {
      const t = await desk.cookie('tonghop');
      const list = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao', headers: { cookie: t } });
      expect(list.body).toContain('Báo cáo của các đơn vị cấp dưới');
      const url = '/can-bo/bao-cao/BAU_CU?ky=20260316&don-vi=00082';
      const page = await desk.inject({ method: 'GET', url, headers: { cookie: t } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Sau ngày bầu cử (16/03/2026)');
      expect(page.body).toContain('Đã hoàn thành, chờ lãnh đạo phê duyệt');
      expect(page.body).toContain('Mở lại báo cáo');
      const noReason = await post('tonghop', url, '/can-bo/bao-cao/BAU_CU/mo-lai?ky=20260316&don-vi=00082', { reason: '' });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.body).toContain('Ghi lý do mở lại');
      // The ward's own officer cannot reopen.
      expect((await post('tiepnhan2', '/can-bo/bao-cao/BAU_CU?ky=20260316', '/can-bo/bao-cao/BAU_CU/mo-lai?ky=20260316&don-vi=00082', { reason: 'Muốn sửa lại số' })).statusCode).toBe(403);
      const re = await post('tonghop', url, '/can-bo/bao-cao/BAU_CU/mo-lai?ky=20260316&don-vi=00082', { reason: 'Số cử tri đi bầu chưa khớp biên bản' });
      expect(re.statusCode).toBe(303);
      const w = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/BAU_CU?ky=20260316', headers: { cookie: await desk.cookie('tiepnhan2') } });
      expect(w.body).toContain('Số cử tri đi bầu chưa khớp biên bản');
      expect(w.body).toContain('Lưu số liệu');
      // Completed again; the leader approves.
      expect((await post('tiepnhan2', '/can-bo/bao-cao/BAU_CU?ky=20260316', '/can-bo/bao-cao/BAU_CU/hoan-thanh?ky=20260316&don-vi=00082', {})).statusCode).toBe(303);
      expect((await post('lanhdao2', '/can-bo/bao-cao/BAU_CU?ky=20260316', '/can-bo/bao-cao/BAU_CU/phe-duyet?ky=20260316&don-vi=00082', {})).statusCode).toBe(303);
      expect((await env.services.reports.completion({ dataSet: 'BAU_CU', period: '20260316', unitCode: '00082' }))?.approvedBy).toBe('Bùi Văn Thắng');
    });

    it("the supervisor cannot change a ward's figures through its form (403 in Vietnamese), only import on its behalf, which the ward's history shows", async () => {
      const page = '/can-bo/bao-cao/CACH_LY?ky=20261203&don-vi=00004';
      const before = await env.services.reports.values({ dataSet: 'CACH_LY', period: '20261203', unitCode: '00004' });
      const place = (await env.services.reports.places('CACH_LY', ['00004']))[0]!;
      const form = await post('tonghop', page, page, { [`v:${place.id}:ROOMS:`]: '99' });
      expect(form.statusCode).toBe(403);
      expect(form.body).toContain('Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới');
      expect(form.body).toContain('Nhập báo cáo bằng Excel');
      const one = await post('tonghop', page, '/can-bo/bao-cao/CACH_LY/o?ky=20261203&don-vi=00004', { field: `v:${place.id}:ROOMS:`, value: '99' }, 'application/json');
      expect(one.statusCode).toBe(403);
      expect(one.json().error).toMatchObject({ code: 'report_enter_forbidden', message: expect.stringContaining('Cấp trên không sửa trực tiếp') });
      const newPlace = await post('tonghop', page, '/can-bo/bao-cao/CACH_LY/dia-diem?ky=20261203&don-vi=00004', { code: 'KCL_MOI', name: 'Khu mới' });
      expect(newPlace.statusCode).toBe(403);
      expect(newPlace.body).toContain('Địa điểm do chính đơn vị quản lý');
      // The page says so before anyone tries, and where to import instead.
      const view = await desk.inject({ method: 'GET', url: page, headers: { cookie: await desk.cookie('tonghop') } });
      expect(view.body).toContain('Bạn đang xem báo cáo của Phường Ba Đình. Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới');
      expect(view.body).toContain('href="/can-bo/bao-cao/excel?bo=CACH_LY&amp;ky=20261203&amp;don-vi=00004">Nhập thay bằng Excel</a>');
      expect(view.body).not.toContain('Lưu số liệu');
      // A ward's own future day: why there is nothing to fill yet.
      const future = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY?ky=20261231', headers: { cookie: await desk.cookie('quantri') } });
      expect(future.body).toContain('Chưa đến kỳ báo cáo này: nhập được từ ngày 31/12/2026.');
      const complete = await post('tonghop', page, '/can-bo/bao-cao/CACH_LY/hoan-thanh?ky=20261203&don-vi=00004', {});
      expect(complete.statusCode).toBe(403);
      expect(await env.services.reports.values({ dataSet: 'CACH_LY', period: '20261203', unitCode: '00004' })).toEqual(before);
      expect((await env.services.reports.places('CACH_LY', ['00004'])).map((p) => p.code)).not.toContain('KCL_MOI');
      // What the issue allows: an import on the ward's behalf (DHIS2 JSON here; Excel goes the same way), marked in its history.
      const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tonghop', password: 'demo' } });
      const imp = await desk.inject({ method: 'POST', url: '/api/reports/dataValueSets', headers: { authorization: `Bearer ${login.json().token}` }, payload: { dataSet: 'LAO_DONG_VE', period: '20261122', orgUnit: '00004', dataValues: [{ dataElement: 'HOUSEHOLDS', value: '7' }] } });
      expect(imp.json()).toMatchObject({ importCount: { imported: 1 } });
      expect((await env.services.reports.history({ dataSet: 'LAO_DONG_VE', period: '20261122', unitCode: '00004' })).map((h) => [h.source, h.newValue])).toEqual([['behalf', '7']]);
      const ward = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/LAO_DONG_VE?ky=20261122', headers: { cookie: await desk.cookie('quantri') } });
      expect(ward.body).toContain('Cấp trên nhập thay');
    });

    it('registers: the ward sees names and days stayed, the counts are computed from them; the supervisor sees counts only', async () => {
      const cookie = await desk.cookie('quantri');
      const reg = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY/danh-sach', headers: { cookie } });
      expect(reg.statusCode).toBe(200);
      expect(reg.body).toContain('Danh sách người cách ly');
      const bad = await post('quantri', '/can-bo/bao-cao/CACH_LY/danh-sach', '/can-bo/bao-cao/CACH_LY/danh-sach', { fullName: '', sex: 'NAM', arrivedOn: '2026-12-10', placeId: '' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Họ tên là bắt buộc');
      const place = (await env.services.reports.places('CACH_LY', ['00004']))[0]!;
      const before = (await env.services.reports.values({ dataSet: 'CACH_LY', period: '20261203', unitCode: '00004' })).filter((v) => v.placeId === place.id && v.dataElement === 'OCCUPANTS' && v.coc === 'NU');
      const ok = await post('quantri', '/can-bo/bao-cao/CACH_LY/danh-sach', '/can-bo/bao-cao/CACH_LY/danh-sach', { fullName: 'Trần Thị Mới', sex: 'NU', birthYear: '1990', arrivedOn: '2026-11-20', placeId: place.id });
      expect(ok.statusCode).toBe(303);
      const reg2 = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY/danh-sach', headers: { cookie } });
      expect(reg2.body).toMatch(/Trần Thị Mới<\/td><td>Nữ<\/td><td>[^<]+<\/td><td>20\/11\/2026<\/td><td>14<\/td>/);
      const tinh = await post('quantri', '/can-bo/bao-cao/CACH_LY?ky=20261203', '/can-bo/bao-cao/CACH_LY/tinh-tu-danh-sach?ky=20261203&don-vi=00004', {});
      expect([200, 303]).toContain(tinh.statusCode);
      const after = (await env.services.reports.values({ dataSet: 'CACH_LY', period: '20261203', unitCode: '00004' })).filter((v) => v.placeId === place.id && v.dataElement === 'OCCUPANTS' && v.coc === 'NU');
      expect(Number(after[0]?.value ?? 0)).toBe(Number(before[0]?.value ?? 0) + 1);
      // No names for the city.
      const city = await desk.inject({ method: 'GET', url: '/can-bo/bao-cao/CACH_LY/danh-sach', headers: { cookie: await desk.cookie('tonghop') } });
      expect(city.statusCode).toBe(403);
      expect(city.body).not.toContain('Trần Thị Mới');
    });

    it("the monthly administrative-procedures report is pre-filled from the unit's indicators for the ward to check", async () => {
      await desk.receiveAtCounter('1.004222');
      await desk.receiveAtCounter('1.001193');
      const r = await post('quantri', '/can-bo/bao-cao/KQ_TTHC?ky=202612', '/can-bo/bao-cao/KQ_TTHC/lay-so-lieu?ky=202612&don-vi=00004', {});
      expect(r.statusCode, r.body.slice(0, 300)).toBe(303);
      const figures = Object.fromEntries((await env.services.indicators.report('00004', '2026-12')).groups.flatMap((g) => g.indicators).map((i) => [i.key, i]));
      const values = Object.fromEntries((await env.services.reports.values({ dataSet: 'KQ_TTHC', period: '202612', unitCode: '00004' })).map((v) => [v.dataElement, v.value]));
      expect(Number(values.RECEIVED)).toBeGreaterThanOrEqual(1);
      expect(values).toMatchObject({ RECEIVED: String(figures.online_rate!.denominator), RECEIVED_ONLINE: String(figures.online_rate!.numerator), DUE: String(figures.on_time_rate!.denominator), ON_TIME: String(figures.on_time_rate!.numerator), FEE_DOSSIERS: String(figures.online_payment_rate!.denominator) });
      const h = await env.services.reports.history({ dataSet: 'KQ_TTHC', period: '202612', unitCode: '00004' });
      expect(new Set(h.map((x) => x.source))).toEqual(new Set(['prefill']));
      // The ward checks and completes it; completed, it is locked — for the city too, until reopened.
      expect((await post('quantri', '/can-bo/bao-cao/KQ_TTHC?ky=202612', '/can-bo/bao-cao/KQ_TTHC/hoan-thanh?ky=202612&don-vi=00004', {})).statusCode).toBe(303);
      const again = await post('quantri', '/can-bo/bao-cao/KQ_TTHC?ky=202612', '/can-bo/bao-cao/KQ_TTHC/lay-so-lieu?ky=202612&don-vi=00004', {});
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('cần cấp trên mở lại trước khi sửa');
      // The city does not pre-fill a ward's report (it reopens it, or imports on the ward's behalf).
      const city = await post('tonghop', '/can-bo/bao-cao/KQ_TTHC?ky=202612&don-vi=00004', '/can-bo/bao-cao/KQ_TTHC/lay-so-lieu?ky=202612&don-vi=00004', {});
      expect(city.statusCode).toBe(403);
      expect(city.body).toContain('Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới');
    });

    it('POST and GET /api/reports/dataValueSets: import summary, ERROR with nothing written, export imports back', async () => {
      const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tonghop', password: 'demo' } });
      const auth = { authorization: `Bearer ${login.json().token}` };
      const period = '20261201';
      const exported = await desk.inject({ method: 'GET', url: `/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=${period}&orgUnit=01&children=true`, headers: auth });
      expect(exported.statusCode).toBe(200);
      const set = exported.json();
      expect(set.dataValues.length).toBeGreaterThan(4);
      expect(new Set(set.dataValues.map((v: { orgUnit: string }) => v.orgUnit))).toEqual(new Set(['00004', '00082']));
      // The export, moved to a day without data, imports and exports back identically.
      const moved = { ...set, period: '20261125', dataValues: set.dataValues.map((v: Record<string, string>) => ({ ...v, period: '20261125' })) };
      const imp = await desk.inject({ method: 'POST', url: '/api/reports/dataValueSets', headers: auth, payload: moved });
      expect(imp.statusCode, imp.body).toBe(200);
      expect(imp.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: set.dataValues.length, updated: 0, ignored: 0, deleted: 0 } });
      const back = (await desk.inject({ method: 'GET', url: '/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=20261125&orgUnit=01&children=true', headers: auth })).json();
      expect(back.dataValues).toEqual(moved.dataValues);
      // All or nothing.
      const bad = await desk.inject({ method: 'POST', url: '/api/reports/dataValueSets', headers: auth, payload: { dataSet: 'LAO_DONG_VE', period: '20261124', orgUnit: '00004', dataValues: [{ dataElement: 'HOUSEHOLDS', value: '3' }, { dataElement: 'WORKERS', categoryOptionCombo: 'P38', value: 'nhiều' }] } });
      expect(bad.statusCode).toBe(200);
      expect(bad.json()).toMatchObject({ status: 'ERROR', importCount: { imported: 0 }, conflicts: [{ object: 'WORKERS.P38' }] });
      expect((await desk.inject({ method: 'GET', url: '/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=20261124&orgUnit=00004', headers: auth })).json().dataValues).toEqual([]);
      // A ward reads only its own.
      const ward = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan2', password: 'demo' } });
      const r = await desk.inject({ method: 'GET', url: '/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=20261201&orgUnit=00004', headers: { authorization: `Bearer ${ward.json().token}` } });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('report_read_forbidden');
      const q = await desk.inject({ method: 'GET', url: '/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=2026-12-01&orgUnit=01', headers: auth });
      expect(q.statusCode).toBe(422);
      expect(q.json().error.message).toContain('ví dụ 20261203');
      expect((await desk.inject({ method: 'GET', url: '/api/reports/dataValueSets?dataSet=LAO_DONG_VE&period=20261201&orgUnit=01' })).statusCode).toBe(401);
    });
  });
}
