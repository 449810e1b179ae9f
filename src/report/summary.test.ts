import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { openPdf, pageTexts } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import type { ReportActor } from './report.types';

/**
 * The supervisor's side (issue 12): the summary over the units below (API, page, live part,
 * exports, print), completeness, and the reminder job through the outbox — on both engines.
 */

const DS = 'LAO_DONG_THU';
const DAY = '20261203';
const DEF = {
  code: DS,
  name: 'Lao động về địa phương (thử)',
  periodType: 'daily',
  deadline: { daysAfter: 0, time: '17:00' },
  dataElements: [
    { code: 'SO_LAO_DONG', name: 'Số lao động về địa phương', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'PROVINCE' },
    { code: 'SO_HO', name: 'Số hộ có người về', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
  ],
  units: ['00004', '00082'],
};

for (const engine of engines()) {
  describe(`report summary, completeness and reminders [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock('2026-12-03T03:00:00Z'); // 10:00 in Hà Nội
    const actor = async (username: string): Promise<ReportActor> => {
      const s = (await env.services.accounts.listStaff(['00004', '00082', '01'])).find((x) => x.username === username)!;
      return { id: s.id, name: s.fullName, unitCode: s.unitCode, role: s.role };
    };
    const get = async (url: string, who: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });
    const save = async (who: string, unitCode: string, values: Array<[string, string, string]>) =>
      env.services.reports.saveValues(await actor(who), { dataSet: DS, period: DAY, unitCode }, values.map(([dataElement, coc, value]) => ({ dataElement, coc, value })));
    const outbox = (event: string) => env.services.database.db.selectFrom('outbox').selectAll().where('event', '=', event).orderBy('created_at').execute();

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      desk = new Desk(env);
      // The supervisor is reached by SMS (the demo account has no phone).
      await env.services.database.db.updateTable('staff').set({ phone: '0901000099' }).where('username', '=', 'giamsat').execute();
      const r = await desk.inject({ method: 'POST', url: '/api/reports/dataSets', headers: { cookie: await desk.cookie('giamsat') }, payload: DEF });
      expect(r.statusCode, r.body).toBe(200);
      await save('quantri', '00004', [
        ['SO_LAO_DONG', 'P01', '5'],
        ['SO_LAO_DONG', 'P38', '3'],
        ['SO_HO', '', '4'],
      ]);
      await save('tiepnhan2', '00082', [
        ['SO_LAO_DONG', 'P38', '2'],
        ['SO_HO', '', '1'],
      ]);
      await env.services.reports.complete(await actor('quantri'), { dataSet: DS, period: DAY, unitCode: '00004' });
    }, 120_000);
    afterAll(async () => {
      await env?.close();
    });

    it('GET /api/reports/summary: every element and option summed over the units below, a row per unit', async () => {
      const r = await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat');
      expect(r.statusCode, r.body).toBe(200);
      const s = r.json();
      expect(s).toMatchObject({ dataSet: DS, period: DAY, orgUnit: '01' });
      const v = (list: any[], de: string, coc?: string) => list.find((x) => x.dataElement === de && x.categoryOptionCombo === coc)?.value;
      expect(v(s.values, 'SO_LAO_DONG', 'P01')).toBe(5);
      expect(v(s.values, 'SO_LAO_DONG', 'P38')).toBe(5);
      expect(v(s.values, 'SO_HO')).toBe(5);
      const ba = s.children.find((c: any) => c.orgUnit === '00004');
      const cn = s.children.find((c: any) => c.orgUnit === '00082');
      expect(ba).toMatchObject({ name: 'Phường Ba Đình', complete: true });
      expect(cn).toMatchObject({ name: 'Phường Cửa Nam', complete: false });
      expect(v(cn.values, 'SO_LAO_DONG', 'P38')).toBe(2);
      // Completeness: who reported, completely, on time.
      const c = (await get(`/api/reports/completeness?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat')).json();
      expect(c.units).toEqual([
        expect.objectContaining({ orgUnit: '00004', reported: true, complete: true, onTime: true }),
        expect.objectContaining({ orgUnit: '00082', reported: true, complete: false, onTime: false }),
      ]);
    });

    it('a ward reads its own summary only; bad parameters answer in Vietnamese', async () => {
      expect((await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=00004`, 'lanhdao')).statusCode).toBe(200);
      const other = await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=00004`, 'lanhdao2');
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('unit_out_of_scope');
      const up = await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'lanhdao2');
      expect(up.statusCode).toBe(403);
      const bad = await get(`/api/reports/summary?dataSet=${DS}&period=2026-12-03&orgUnit=01`, 'giamsat');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.message).toContain('Kỳ báo cáo');
      const none = await get(`/api/reports/summary?dataSet=KHONG_CO&period=${DAY}`, 'giamsat');
      expect(none.statusCode).toBe(404);
      expect((await desk.inject({ method: 'GET', url: `/api/reports/summary?dataSet=${DS}&period=${DAY}` })).statusCode).toBe(401);
      // The page names the bad parameter.
      const page = await get(`/can-bo/bao-cao/tong-hop?bo=lao dong&dinh-dang=doc`, 'giamsat');
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('Tham số của trang tổng hợp không hợp lệ: Mã báo cáo chỉ gồm chữ không dấu, số, dấu gạch; Định dạng là xlsx, pdf hoặc in.');
    });

    it('the page shows the totals, a row per unit to drill into, the provinces across units and an SVG chart', async () => {
      const r = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01`, 'giamsat');
      expect(r.statusCode, r.body.slice(0, 400)).toBe(200);
      expect(r.body).toContain('Tổng hợp Lao động về địa phương (thử) — Ngày 03/12/2026');
      expect(r.body).toContain('data-figure="reported">2<');
      expect(r.body).toContain('data-figure="complete">1<');
      expect(r.body).toContain(`href="/can-bo/bao-cao/tong-hop?bo=${DS}&amp;ky=${DAY}&amp;don-vi=00082"`);
      expect(r.body).toContain('Thành phố Hà Nội'); // P01, the home province
      expect(r.body).toContain('Tỉnh Thanh Hóa'); // P38
      expect(r.body).toContain('<svg');
      expect(r.body).toContain('hx-trigger="every 3s"');
      // Drilling into a ward: its own figures.
      const ward = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=00082`, 'giamsat');
      expect(ward.statusCode).toBe(200);
      expect(ward.body).toContain('Phường Cửa Nam');
      expect(ward.body).toContain('← Thành phố Hà Nội');
    });

    it('the live part answers 204 while nothing changed, and the new figures as soon as a ward saves', async () => {
      const page = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01`, 'giamsat');
      const live = /hx-get="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
      expect((await get(live, 'giamsat')).statusCode).toBe(204);
      await save('tiepnhan2', '00082', [['SO_LAO_DONG', 'P38', '12']]);
      const after = await get(live, 'giamsat');
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('id="tong-hop-song"');
      expect(after.body).not.toContain('<html');
      expect(live).toContain('song=1');
      const api = (await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat')).json();
      expect(api.values.find((x: any) => x.dataElement === 'SO_LAO_DONG' && x.categoryOptionCombo === 'P38').value).toBe(15);
      expect(after.body).toContain('>15<');
    });

    it('exports the summary as Excel (numbers stay numbers) and PDF, and prints on A4', async () => {
      const x = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01&dinh-dang=xlsx`, 'giamsat');
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Các đơn vị', 'Phân tổ']);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      const api = (await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat')).json();
      const total = api.values.filter((v: any) => v.dataElement === 'SO_LAO_DONG').reduce((a: number, v: any) => a + v.value, 0);
      expect(rows).toContainEqual(['Số lao động về địa phương', 'Tổng', total]);
      expect(rows).toContainEqual(['', 'Tỉnh Thanh Hóa', 15]);
      const units: unknown[][] = [];
      wb.worksheets[1]!.eachRow((r) => units.push((r.values as unknown[]).slice(1)));
      expect(units.find((r) => r[0] === 'Phường Cửa Nam')?.[1]).toBe('Đang nhập');
      const p = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01&dinh-dang=pdf`, 'giamsat');
      expect(p.statusCode).toBe(200);
      const text = (await pageTexts(await openPdf(p.rawPayload))).join('\n');
      expect(text).toContain('Tổng hợp Lao động về địa phương');
      expect(text).toContain('Tỉnh Thanh Hóa 15');
      expect(text).toContain('Phường Cửa Nam');
      const print = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01&dinh-dang=in`, 'giamsat');
      expect(print.statusCode).toBe(200);
      expect(print.body).toContain('size: A4 portrait');
      expect(print.body).not.toContain('staff-menu');
    });

    it('reminds the ward that has not completed as the deadline nears, once; tells the supervisor when it passes, once', async () => {
      clock.set('2026-12-03T08:30:00Z'); // 15:30, the deadline is 17:00
      const first = await env.services.reportReminders.run();
      expect(first.near).toBe(1);
      const near = (await outbox('report_reminder')).filter((m) => m.body.includes('ngày 03/12/2026'));
      expect(near.map((m) => m.unit_code)).toEqual(near.map(() => '00082'));
      expect(near.map((m) => m.recipient)).toContain('0901000084'); // lanhdao2, the ward's leader
      expect(near[0]!.body).toContain('Phường Cửa Nam đã nhập nhưng chưa đánh dấu hoàn thành');
      expect(near[0]!.body).toContain('17:00 03/12/2026');
      const again = await env.services.reportReminders.run();
      expect(again.near).toBe(0);
      expect((await outbox('report_reminder')).length).toBe(near.length + (await outbox('report_reminder')).filter((m) => !m.body.includes('ngày 03/12/2026')).length);
      // The page says when the ward was reminded.
      const page = await get(`/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01`, 'giamsat');
      expect(page.body).toContain('15:30 03/12/2026');

      clock.set('2026-12-03T10:30:00Z'); // 17:30: passed
      await env.services.reportReminders.run();
      const told = (await outbox('report_overdue')).filter((m) => m.body.includes('ngày 03/12/2026'));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ recipient: '0901000099', unit_code: '01' });
      expect(told[0]!.body).toContain('1/2 đơn vị chưa gửi đủ: Phường Cửa Nam');
      await env.services.reportReminders.run();
      expect((await outbox('report_overdue')).filter((m) => m.body.includes('ngày 03/12/2026'))).toHaveLength(1);
      clock.set('2026-12-03T03:00:00Z');
    });

    it('childValues=totals: each unit below by element only, summed by the database; the page keeps the cross element by option', async () => {
      const v = (list: any[], de: string, coc?: string) => list.find((x) => x.dataElement === de && x.categoryOptionCombo === coc)?.value;
      const all = (await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat')).json();
      const r = await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01&childValues=totals`, 'giamsat');
      expect(r.statusCode, r.body).toBe(200);
      const t = r.json();
      expect(t.values).toEqual(all.values);
      for (const c of t.children) {
        const full = all.children.find((x: any) => x.orgUnit === c.orgUnit);
        expect(c.values.every((x: any) => x.categoryOptionCombo === undefined)).toBe(true);
        expect(v(c.values, 'SO_LAO_DONG')).toBe(full.values.filter((x: any) => x.dataElement === 'SO_LAO_DONG').reduce((a: number, x: any) => a + x.value, 0));
        expect(v(c.values, 'SO_HO')).toBe(v(full.values, 'SO_HO'));
      }
      const bad = await get(`/api/reports/summary?dataSet=${DS}&period=${DAY}&orgUnit=01&childValues=mot-phan`, 'giamsat');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'childValues', message: 'childValues là all hoặc totals' })]);
    });

    it('completeness reads who reported from report_reported, kept with every save and delete, and rebuilt from the values', async () => {
      const DAY2 = '20261202';
      const completeness = async () => (await get(`/api/reports/completeness?dataSet=${DS}&period=${DAY2}&orgUnit=01`, 'giamsat')).json().units.map((u: any) => [u.orgUnit, u.reported]);
      expect(await completeness()).toEqual([['00004', false], ['00082', false]]);
      const key = (unitCode: string) => ({ dataSet: DS, period: DAY2, unitCode });
      await env.services.reports.saveValues(await actor('tiepnhan2'), key('00082'), [{ dataElement: 'SO_HO', value: '2' }, { dataElement: 'SO_LAO_DONG', coc: 'P01', value: '1' }]);
      await env.services.reports.saveValues(await actor('quantri'), key('00004'), [{ dataElement: 'SO_HO', value: '3' }]);
      expect(await completeness()).toEqual([['00004', true], ['00082', true]]);
      // Cửa Nam clears its figures: it has not reported any more.
      await env.services.reports.saveValues(await actor('tiepnhan2'), key('00082'), [{ dataElement: 'SO_HO', value: '' }, { dataElement: 'SO_LAO_DONG', coc: 'P01', value: '' }]);
      expect(await completeness()).toEqual([['00004', true], ['00082', false]]);
      const rows = () => env.services.database.db.selectFrom('report_reported').select(['unit_code', 'value_count']).where('data_set', '=', DS).where('period', '=', DAY2).execute();
      expect((await rows()).map((r) => [r.unit_code, Number(r.value_count)])).toEqual([['00004', 1]]);
      // Lost (a restore, a load by SQL): rebuilt from the values, the same answer.
      await env.services.database.db.deleteFrom('report_reported').execute();
      expect(await completeness()).toEqual([['00004', false], ['00082', false]]);
      expect(await env.services.reports.rebuildReported()).toBeGreaterThanOrEqual(3);
      expect(await completeness()).toEqual([['00004', true], ['00082', false]]);
      expect((await get(`/api/reports/completeness?dataSet=${DS}&period=${DAY}&orgUnit=01`, 'giamsat')).json().units.map((u: any) => u.reported)).toEqual([true, true]);
    });
  });
}
