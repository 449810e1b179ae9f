import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { shiftYear } from './admin.service';
import { copyCode } from './admin.views';
import { csrfOf } from '../shared/suite.testing';

/**
 * The data set editor (issue 12): a supervisor creates and edits reports in the UI (no JS) and as
 * DHIS2-shaped JSON, copies last year's, closes one; a ward cannot.
 */

const ELECTION = {
  code: 'BAU_CU_2026',
  name: 'Báo cáo ngày bầu cử 2026',
  periodType: 'event',
  eventDate: '2026-05-24',
  eventPhases: [
    { code: 'TRUOC', name: 'Trước ngày bầu cử', offsetDays: -1, deadlineTime: '17:00' },
    { code: 'TRONG', name: 'Trong ngày bầu cử', offsetDays: 0, deadlineTime: '20:00' },
    { code: 'SAU', name: 'Sau ngày bầu cử', offsetDays: 1, deadlineTime: '12:00' },
  ],
  dataElements: [
    { code: 'CU_TRI', name: 'Số cử tri', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
    { code: 'DA_BAU', name: 'Số cử tri đã bỏ phiếu', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryOptionCombos: [{ code: 'NAM' }, { code: 'NU' }] },
  ],
  rules: [{ code: 'KHONG_VUOT', left: 'DA_BAU', operator: '<=', right: 'CU_TRI', message: 'Số đã bỏ phiếu không vượt số cử tri' }],
  units: [{ code: '00004' }, '00082'],
};

for (const engine of engines()) {
  describe(`report data set editor [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const get = async (url: string, who: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });
    const post = async (url: string, who: string, payload: unknown) => desk.inject({ method: 'POST', url, headers: { cookie: await desk.cookie(who) }, payload: payload as never });
    const form = async (url: string, who: string, fields: Array<[string, string]>) =>
      desk.inject({ method: 'POST', url, headers: { cookie: await desk.cookie(who), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock('2026-12-03T03:00:00Z') });
      desk = new Desk(env);
    }, 120_000);
    afterAll(async () => {
      await env?.close();
    });

    it('JSON in DHIS2 shape: created by the supervisor, read back with option combos spelt out; a ward may not', async () => {
      const r = await post('/api/reports/dataSets', 'giamsat', ELECTION);
      expect(r.statusCode, r.body).toBe(200);
      const list = (await get('/api/reports/dataSets', 'lanhdao')).json();
      const ds = list.find((d: any) => d.code === 'BAU_CU_2026');
      expect(ds).toMatchObject({ code: 'BAU_CU_2026', name: 'Báo cáo ngày bầu cử 2026', periodType: 'event', ownerUnit: '01', units: [{ code: '00004', name: 'Phường Ba Đình' }, { code: '00082', name: 'Phường Cửa Nam' }] });
      expect(ds.dataElements[1]).toMatchObject({ code: 'DA_BAU', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'SEX', categoryOptionCombos: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] });
      // What GET answers, POST takes back unchanged.
      const again = await post('/api/reports/dataSets', 'giamsat', ds);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual(ds);
      const ward = await post('/api/reports/dataSets', 'lanhdao', { ...ELECTION, code: 'CUA_PHUONG' });
      expect(ward.statusCode).toBe(403);
      const bad = await post('/api/reports/dataSets', 'giamsat', { ...ELECTION, code: 'bau cu', dataElements: [{ code: 'X1', name: 'X', valueType: 'SO' }], units: ['79001'] });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.code).toBe('invalid_data_set');
      expect(JSON.stringify(bad.json().error.fields)).toContain('Mã gồm chữ in hoa');
    });

    it('the editor page creates a report without JavaScript, "Thêm dòng" adds rows, errors come back in Vietnamese', async () => {
      const page = await get('/can-bo/bao-cao/bieu-mau/moi', 'giamsat');
      expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
      expect(page.body).toContain('Phường Cửa Nam (00082)');
      const csrf = csrfOf(page.body);
      const base: Array<[string, string]> = [
        ['_csrf', csrf],
        ['isNew', '1'],
        ['code', 'CACH_LY_MOI'],
        ['name', 'Khu cách ly'],
        ['periodType', 'daily'],
        ['deadlineDays', '0'],
        ['deadlineTime', '17:00'],
        ['usesPlaces', '1'],
        ['de_code', 'SO_PHONG'],
        ['de_name', 'Số phòng'],
        ['de_type', 'INTEGER_ZERO_OR_POSITIVE'],
        ['de_section', 'Phòng'],
        ['de_combo', ''],
        ['de_code', 'PHONG_TRONG'],
        ['de_name', 'Số phòng trống'],
        ['de_type', 'INTEGER_ZERO_OR_POSITIVE'],
        ['de_section', 'Phòng'],
        ['de_combo', ''],
        ['de_code', ''],
        ['de_name', ''],
        ['de_type', 'INTEGER_ZERO_OR_POSITIVE'],
        ['de_section', ''],
        ['de_combo', ''],
        ['rule_code', 'TRONG'],
        ['rule_left', 'PHONG_TRONG'],
        ['rule_op', '<='],
        ['rule_right', 'SO_PHONG'],
        ['rule_message', 'Số phòng trống không vượt số phòng'],
        ['units', '00004'],
        ['units', '00082'],
      ];
      const more = await form('/can-bo/bao-cao/bieu-mau', 'giamsat', [...base, ['action', 'more'], ['extraRows', '2']]);
      expect(more.statusCode).toBe(200);
      expect((more.body.match(/name="de_code"/g) ?? []).length).toBe(2 + 7);
      const wrong = await form('/can-bo/bao-cao/bieu-mau', 'giamsat', [...base.map(([k, v]): [string, string] => (k === 'rule_right' ? [k, 'KHONG_CO'] : [k, v])), ['action', 'save']]);
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('KHONG_CO');
      expect(wrong.body).toContain('value="Số phòng trống"'); // what was typed is kept
      const ok = await form('/can-bo/bao-cao/bieu-mau', 'giamsat', [...base, ['action', 'save']]);
      expect(ok.statusCode, ok.body.slice(0, 1500)).toBe(303);
      const ds = await env.services.reports.dataSet('CACH_LY_MOI');
      expect(ds).toMatchObject({ name: 'Khu cách ly', usesPlaces: true, ownerUnit: '01', units: ['00004', '00082'], deadline: { daysAfter: 0, time: '17:00' } });
      expect(ds.dataElements.map((e) => e.code)).toEqual(['SO_PHONG', 'PHONG_TRONG']);
      expect(ds.rules).toHaveLength(1);
      const list = await get('/can-bo/bao-cao/bieu-mau?da-luu=CACH_LY_MOI', 'giamsat');
      expect(list.body).toContain('Đã lưu báo cáo CACH_LY_MOI.');
      // Editing keeps the code and changes the rest.
      const edit = await get('/can-bo/bao-cao/bieu-mau/CACH_LY_MOI', 'giamsat');
      expect(edit.body).toContain('value="Số phòng trống"');
      const renamed = await form('/can-bo/bao-cao/bieu-mau', 'giamsat', [...base.map(([k, v]): [string, string] => (k === 'isNew' ? [k, '0'] : k === 'name' ? [k, 'Khu cách ly tập trung'] : [k, v])), ['action', 'save']]);
      expect(renamed.statusCode).toBe(303);
      expect((await env.services.reports.dataSet('CACH_LY_MOI')).name).toBe('Khu cách ly tập trung');
      // A ward's official does not get the editor.
      expect((await get('/can-bo/bao-cao/bieu-mau', 'chuyenvien')).statusCode).toBe(403);
    });

    it("copies last year's report to next year's date, and closes one", async () => {
      const page = await get('/can-bo/bao-cao/bieu-mau', 'giamsat');
      const csrf = csrfOf(page.body);
      expect(page.body).toContain('value="BAU_CU_2027"');
      const r = await form('/can-bo/bao-cao/bieu-mau/BAU_CU_2026/sao-chep', 'giamsat', [
        ['_csrf', csrf],
        ['code', 'BAU_CU_2027'],
        ['name', 'Báo cáo ngày bầu cử 2027'],
      ]);
      expect(r.statusCode, r.body.slice(0, 500)).toBe(303);
      const copy = await env.services.reports.dataSet('BAU_CU_2027');
      const src = await env.services.reports.dataSet('BAU_CU_2026');
      expect(copy).toMatchObject({ name: 'Báo cáo ngày bầu cử 2027', eventDate: '2027-05-24', eventPhases: src.eventPhases, units: src.units, rules: src.rules, closed: false });
      expect(copy.dataElements).toEqual(src.dataElements);
      const closed = await form('/can-bo/bao-cao/bieu-mau/BAU_CU_2026/dong', 'giamsat', [['_csrf', csrf]]);
      expect(closed.statusCode).toBe(303);
      expect((await env.services.reports.dataSet('BAU_CU_2026')).closed).toBe(true);
      const noCsrf = await form('/can-bo/bao-cao/bieu-mau/BAU_CU_2026/mo', 'giamsat', [['_csrf', 'sai']]);
      expect(noCsrf.statusCode).toBe(403);
      expect((await env.services.reports.dataSet('BAU_CU_2026')).closed).toBe(true);
    });

    it('names copies and dates by year', () => {
      expect(copyCode('BAU_CU_2026', 2026)).toBe('BAU_CU_2027');
      expect(copyCode('CACH_LY', 2026)).toBe('CACH_LY_2027');
      expect(shiftYear('2028-02-29')).toBe('2029-02-28');
      expect(shiftYear(null)).toBeNull();
    });
  });
}
