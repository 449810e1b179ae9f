import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoHistory } from '../demo';
import { Desk } from '../dossier/workflow.testing';
import { travelClock } from '../shared/clock';
import { openPdf, pageTexts } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { fmt } from './dashboard.charts';
import { drillHref, pct } from './dashboard.tables';

const UNTIL = new Date('2026-12-02T09:00:00Z');
const PERIOD = '2026-11';

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  // Title, subtitle, then the header row (the empty row between is not listed): the data follows.
  return rows.slice(3);
}

const amp = (s: string) => s.replace(/&/g, '&amp;');

for (const engine of engines()) {
  describe(`indicator dashboards [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let api: any;
    const clock = travelClock();
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { DEMO: 'on' } });
      desk = new Desk(env);
      // A month of history of both wards, written like real dossiers (demo history, small).
      const h = await writeDemoHistory({ ...env.services, vnpay: env.config.payments.vnpay }, clock, { until: UNTIL, months: 1, perDay: { '00004': 3, '00082': 2 }, seed: 7 });
      clock.resume();
      expect(h.failures).toBe(0);
      api = (await desk.inject({ method: 'GET', url: `/api/indicators?unit=00004&period=${PERIOD}` })).json();
      expect(api.groups).toHaveLength(6);
    }, 240_000);
    afterAll(async () => {
      await env?.close();
    });

    const get = async (url: string, who: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });

    it("shows the unit's month with the API's figures, each one a link to its dossiers, and SVG charts", async () => {
      const r = await get(`/can-bo/chi-so?ky=${PERIOD}`, 'lanhdao');
      expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
      expect(r.body).toContain('Chỉ số tháng 11/2026 — Phường Ba Đình');
      expect(r.body).toContain(`data-figure="total">${fmt(api.total)}<`);
      expect(r.body).toContain(`Phường Ba Đình xếp <strong>${api.rank.position}/${api.rank.of}</strong>`);
      for (const g of api.groups) {
        expect(r.body).toContain(`<strong>${fmt(g.score)}</strong>/${g.max} điểm`);
        for (const i of g.indicators) {
          expect(r.body).toContain(`href="${amp(drillHref('00004', PERIOD, i.key, 'numerator'))}" data-figure="${i.key}:numerator">${i.numerator.toLocaleString('vi-VN')}<`);
          expect(r.body).toContain(`href="${amp(drillHref('00004', PERIOD, i.key, 'denominator'))}" data-figure="${i.key}:denominator">${i.denominator.toLocaleString('vi-VN')}<`);
          expect(r.body).toContain(`<strong>${pct(i.rate)}</strong>`);
        }
      }
      expect((r.body.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(r.body).toContain('Dữ liệu mẫu');
      expect(r.body).toContain('Theo thủ tục');
      expect(r.body).toContain('href="/can-bo/chi-so"');
    });

    it('the dossiers behind "on time" are exactly the API\'s, on the page and in Excel and PDF', async () => {
      const list = (await get(`/api/indicators/dossiers?unit=00004&period=${PERIOD}&indicator=on_time_rate&part=numerator`, 'lanhdao')).json();
      const onTime = api.groups.find((g: any) => g.key === 'progress').indicators.find((i: any) => i.key === 'on_time_rate');
      expect(list.total).toBe(onTime.numerator);
      const page = await get(drillHref('00004', PERIOD, 'on_time_rate', 'numerator'), 'lanhdao');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`data-figure="drill-total">${list.total.toLocaleString('vi-VN')} hồ sơ`);
      for (const d of list.items) expect(page.body).toContain(`href="/can-bo/ho-so/${d.code}"`);
      // Excel: every dossier of the list, not only the first page.
      const x = await get(`/can-bo/chi-so/xuat?bang=ho-so&dinh-dang=xlsx&don-vi=00004&ky=${PERIOD}&chi-so=on_time_rate&phan=numerator`, 'lanhdao');
      expect(x.statusCode).toBe(200);
      const rows = await readXlsx(x.rawPayload);
      const all = (await get(`/api/indicators/dossiers?unit=00004&period=${PERIOD}&indicator=on_time_rate&part=numerator&pageSize=1000`, 'lanhdao')).json();
      const codes = rows.map((r) => r[0]);
      expect(codes).toHaveLength(list.total);
      if (all.items.length === list.total) expect(new Set(codes)).toEqual(new Set(all.items.map((d: any) => d.code)));
      else for (const d of list.items) expect(codes).toContain(d.code);
    });

    it("exports the groups table: Excel numbers and PDF text equal the page's and the API's", async () => {
      const x = await get(`/can-bo/chi-so/xuat?bang=nhom&dinh-dang=xlsx&don-vi=00004&ky=${PERIOD}`, 'lanhdao');
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      const rows = await readXlsx(x.rawPayload);
      const body = rows;
      for (const g of api.groups) {
        for (const i of g.indicators) {
          const row = body.find((r) => r[1] === i.name)!;
          expect(row, i.key).toBeDefined();
          // No rate (nothing to count, e.g. no feedback in the month): an empty cell.
          expect(row.slice(2, 8)).toEqual([i.numerator, i.denominator, i.rate ?? undefined, i.threshold, i.score, i.max]);
        }
      }
      expect(body.at(-1)!.slice(6, 8)).toEqual([api.total, 100]);
      const p = await get(`/can-bo/chi-so/xuat?bang=nhom&dinh-dang=pdf&don-vi=00004&ky=${PERIOD}`, 'lanhdao');
      expect(p.headers['content-type']).toBe('application/pdf');
      const text = (await pageTexts(await openPdf(p.rawPayload))).join('\n');
      expect(text).toContain('Phường Ba Đình');
      for (const g of api.groups) for (const i of g.indicators) expect(text).toContain(pct(i.rate));
      expect(text).toContain(fmt(api.total));
      // Every table of the page can be exported.
      for (const t of ['xu-huong', 'thu-tuc', 'linh-vuc', 'danh-gia']) {
        for (const f of ['xlsx', 'pdf']) expect((await get(`/can-bo/chi-so/xuat?bang=${t}&dinh-dang=${f}&ky=${PERIOD}`, 'lanhdao')).statusCode, `${t}.${f}`).toBe(200);
      }
    });

    it('the supervisor ranks its communes; every official sees only their own unit', async () => {
      const ranking = (await desk.inject({ method: 'GET', url: `/api/indicators/ranking?parent=01&period=${PERIOD}` })).json();
      const first = await get(`/can-bo/chi-so?ky=${PERIOD}`, 'giamsat');
      expect(first.statusCode).toBe(303);
      const page = await get(`/can-bo/chi-so/xep-hang?ky=${PERIOD}`, 'giamsat');
      expect(page.statusCode).toBe(200);
      for (const i of ranking.items) expect(page.body).toContain(`${i.name}</a> xếp <strong>${i.position}/${ranking.items.length}</strong> (${fmt(i.total)} điểm)`);
      const x = await get(`/can-bo/chi-so/xuat?bang=xep-hang&dinh-dang=xlsx&ky=${PERIOD}`, 'giamsat');
      const rows = await readXlsx(x.rawPayload);
      expect(rows.map((r) => [r[1], r[2]])).toEqual(ranking.items.map((i: any) => [i.name, i.total]));
      expect((await get(`/can-bo/chi-so?don-vi=00082&ky=${PERIOD}`, 'giamsat')).statusCode).toBe(200);
      // A ward's official: not the other ward, not the city, not the ranking.
      for (const url of [`/can-bo/chi-so?don-vi=00004`, `/can-bo/chi-so?don-vi=01`, drillHref('00004', PERIOD, 'on_time_rate', 'numerator'), `/can-bo/chi-so/xuat?bang=ho-so&don-vi=00004&ky=${PERIOD}&chi-so=on_time_rate&phan=numerator`, '/can-bo/chi-so/xep-hang']) {
        expect([403, 404], url).toContain((await get(url, 'tiepnhan2')).statusCode);
      }
      expect((await get('/can-bo/chi-so', 'tiepnhan2')).body).toContain('Phường Cửa Nam');
      expect((await get('/can-bo/chi-so/xep-hang', 'lanhdao')).statusCode).toBe(403);
      expect((await desk.inject({ method: 'GET', url: '/can-bo/chi-so' })).statusCode).toBe(303);
    });

    it('refuses bad input with a Vietnamese message', async () => {
      const bad = await desk.inject({ method: 'GET', url: '/can-bo/chi-so?ky=2026-13', headers: { cookie: await desk.cookie('lanhdao'), accept: 'application/json' } });
      expect(bad.statusCode).toBe(400);
      const kind = await desk.inject({ method: 'GET', url: `/can-bo/chi-so/ho-so?ky=${PERIOD}&chi-so=abc&phan=numerator`, headers: { cookie: await desk.cookie('lanhdao'), accept: 'application/json' } });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.message).toMatch(/không hợp lệ/);
    });

    it('publishes the month and the year on a public page per unit, linked from the unit pages, with no personal data', async () => {
      const home = await desk.inject({ method: 'GET', url: '/dv/00004' });
      expect(home.body).toContain('href="/dv/00004/ket-qua-giai-quyet"');
      const r = await desk.inject({ method: 'GET', url: `/dv/00004/ket-qua-giai-quyet?ky=${PERIOD}` });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Kết quả giải quyết thủ tục hành chính');
      const online = api.groups.find((g: any) => g.key === 'online').indicators[0];
      const onTime = api.groups.find((g: any) => g.key === 'progress').indicators[0];
      expect(r.body).toContain(`data-figure="received">${online.denominator.toLocaleString('vi-VN')}<`);
      expect(r.body).toContain(`data-figure="on-time">${onTime.numerator.toLocaleString('vi-VN')} (${pct(onTime.rate)})<`);
      const year = (await desk.inject({ method: 'GET', url: '/api/indicators?unit=00004&period=2026' })).json();
      expect(r.body).toContain(`data-figure="total">${fmt(year.total)}/100<`);
      expect(r.body).toContain('Năm 2026');
      // No dossier code, name or phone number.
      expect(r.body).not.toMatch(/00004-\d{8}-\d{4}/);
      expect(r.body).not.toMatch(/0900\d{6}/);
      expect((await desk.inject({ method: 'GET', url: '/dv/99999/ket-qua-giai-quyet' })).statusCode).toBe(404);
    });
  });
}
