import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

/** A period typed badly on the dashboards: said in the page (current month shown), never an error page. */
for (const engine of engines()) {
  describe(`dashboards with a bad period [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock('2026-12-03T02:00:00Z') });
      desk = new Desk(env);
    });
    afterAll(() => env?.close());
    const get = async (url: string, who: string, accept?: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who), ...(accept ? { accept } : {}) } });

    it("shows the unit's page for the current month with a clear message, the typed period kept in the field", async () => {
      const r = await get('/can-bo/chi-so?ky=2026-13', 'lanhdao');
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('Không xem được kỳ &quot;2026-13&quot;. Đang hiển thị tháng 12/2026.');
      expect(r.body).toContain('Tháng 13 không có (tháng từ 01 đến 12).');
      expect(r.body).toContain('Chỉ số tháng 12/2026 — Phường Ba Đình');
      expect(r.body).toContain('name="ky" value="2026-13"');
      expect(r.body).not.toMatch(/at .*\.ts:\d+/);
      const ok = await get('/can-bo/chi-so?ky=2026-11', 'lanhdao');
      expect(ok.statusCode).toBe(200);
      expect(ok.body).not.toContain('Không xem được kỳ');
    });

    it("says so on the supervisor's ranking too", async () => {
      const r = await get('/can-bo/chi-so/xep-hang?ky=thang-muoi', 'giamsat');
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('Không xem được kỳ &quot;thang-muoi&quot;. Đang hiển thị tháng 12/2026.');
      expect(r.body).toContain('Xếp hạng các đơn vị, tháng 12/2026');
    });

    it('says so on the public results page too, which shows the current month', async () => {
      const r = await desk.inject({ method: 'GET', url: '/dv/00004/ket-qua-giai-quyet?ky=2026-13' });
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('Không xem được kỳ &quot;2026-13&quot;. Đang hiển thị tháng 12/2026.');
      expect(r.body).toContain('Tháng 13 không có (tháng từ 01 đến 12).');
      expect(r.headers['cache-control'] ?? '').not.toContain('public');
      const quarter = await desk.inject({ method: 'GET', url: '/dv/00004/ket-qua-giai-quyet?ky=2026-Q4' });
      expect(quarter.statusCode).toBe(400);
      expect(quarter.body).toContain('Trang này xem theo tháng, ví dụ 2026-11.');
      expect((await desk.inject({ method: 'GET', url: '/dv/00004/ket-qua-giai-quyet?ky=2026-11' })).statusCode).toBe(200);
    });

    it('answers a JSON client and the API with 400 invalid_period and a Vietnamese message', async () => {
      const page = await get('/can-bo/chi-so?ky=2026-13', 'lanhdao', 'application/json');
      expect(page.statusCode).toBe(400);
      expect(page.json().error.code).toBe('invalid_period');
      const api = await desk.inject({ method: 'GET', url: '/api/indicators?unit=00004&period=2026-13' });
      expect(api.statusCode).toBe(400);
      expect(api.json().error).toMatchObject({ code: 'invalid_period', message: expect.stringContaining('Kỳ') });
    });
  });
}
