import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { seedReportDemo } from './index';

/**
 * The demo's reports (quarantine areas by place, workers by home province, election day by phase,
 * the monthly pre-filled one) through every page of the supervisor's side: the summary, its live
 * part, print, Excel and PDF, the Excel form, the editor — what `npm start` shows `tonghop`.
 */
for (const engine of engines()) {
  describe(`the supervisor's pages over the demo reports [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const now = new Date('2026-12-03T03:00:00Z');
    const get = async (url: string, who = 'tonghop') => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock(now) });
      desk = new Desk(env);
      await seedReportDemo(env.services.reports, now, false);
    }, 120_000);
    afterAll(async () => {
      await env?.close();
    });

    it('opens every demo report: summary, live part, print, Excel, PDF, the Excel form and the editor', async () => {
      const sets = await env.services.reports.dataSets();
      expect(sets.map((d) => d.code)).toEqual(expect.arrayContaining(['CACH_LY', 'LAO_DONG_VE', 'BAU_CU']));
      for (const ds of sets) {
        const page = await get(`/can-bo/bao-cao/tong-hop?bo=${ds.code}&don-vi=01`);
        expect(page.statusCode, `${ds.code}: ${page.body.slice(0, 300)}`).toBe(200);
        const ky = /<option value="([^"]+)" selected/.exec(page.body.slice(page.body.indexOf('id="ky"')))![1]!;
        for (const f of ['in', 'xlsx', 'pdf']) expect((await get(`/can-bo/bao-cao/tong-hop?bo=${ds.code}&ky=${ky}&don-vi=01&dinh-dang=${f}`)).statusCode, `${ds.code} ${f}`).toBe(200);
        expect((await get(`/can-bo/bao-cao/tong-hop?bo=${ds.code}&ky=${ky}&don-vi=01&song=1`)).statusCode).toBe(200);
        expect((await get(`/can-bo/bao-cao/excel/tai-ve?bo=${ds.code}&ky=${ky}&don-vi=01`)).statusCode, `${ds.code} excel`).toBe(200);
        expect((await get(`/can-bo/bao-cao/bieu-mau/${ds.code}`)).statusCode, `${ds.code} editor`).toBe(200);
      }
      // The sources' views: quarantine areas with their free rooms; workers by home province across wards.
      const cl = await get('/can-bo/bao-cao/tong-hop?bo=CACH_LY&ky=20261202&don-vi=01');
      expect(cl.body).toContain('Từng địa điểm');
      expect(cl.body).toContain('Số phòng còn trống');
      const ld = await get('/can-bo/bao-cao/tong-hop?bo=LAO_DONG_VE&ky=20261202&don-vi=01');
      expect(ld.body).toContain('Số lao động trở về theo từng nhóm và đơn vị');
      expect((await get('/can-bo/bao-cao/tong-hop?bo=CACH_LY&don-vi=00004', 'quantri')).statusCode).toBe(200);
    }, 120_000);

    it("the menu's summary opens on a report being entered now, not on last March's election", async () => {
      const page = await get('/can-bo/bao-cao/tong-hop');
      expect(page.statusCode).toBe(200);
      const h1 = /<h1[^>]*>([^<]+)</.exec(page.body)![1]!;
      expect(h1).not.toContain('bầu cử');
      expect(h1).toContain('12/2026'); // this month's or today's report
    });
  });
}
