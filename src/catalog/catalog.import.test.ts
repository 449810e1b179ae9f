import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, NATIONAL_FILE, type TestEnv } from '../shared/testing';
import { formatImportReport, importNationalFile } from './catalog.import';

const haveFile = fs.existsSync(NATIONAL_FILE);

for (const engine of engines()) {
  describe.skipIf(!haveFile)(`import of the national catalogue [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('imports all 2,642 procedures, keeps curated demo records, and is idempotent', async () => {
      const { catalog } = env.services;
      const demoBefore = await catalog.getProcedure('1.001193');
      const first = await importNationalFile(catalog, NATIONAL_FILE);
      expect(first.lines).toBe(2642);
      expect(first.rejected).toBe(0);
      expect(first.total).toBe(2642);
      expect(first.inserted + first.kept).toBe(2642);
      expect(first.kept).toBe(54);
      expect(await catalog.procedureCount()).toBe(2642);
      // The demo record, written for citizens, is not replaced by the portal's text.
      expect(await catalog.getProcedure('1.001193')).toEqual(demoBefore);

      const again = await importNationalFile(catalog, NATIONAL_FILE);
      expect(again.inserted).toBe(0);
      expect(again.updated).toBe(0);
      expect(again.unchanged).toBe(2642 - 54);
      expect(await catalog.procedureCount()).toBe(2642);

      const report = formatImportReport(first);
      expect(report).toContain('2642 thủ tục hợp lệ');
    });

    it('makes imported procedures searchable once a unit offers them', async () => {
      const { catalog } = env.services;
      await importNationalFile(catalog, NATIONAL_FILE, { attachTo: '00004' });
      const r = await catalog.search('00004', { q: 'dang ky khai sinh', limit: 5 });
      expect(r.items[0]!.code).toBe('1.001193');
      const total = (await catalog.search('00004', { limit: 1 })).total;
      expect(total).toBe(2642);
      // A record only the national file has now has a page.
      const res = await env.app.inject({ method: 'GET', url: '/api/procedures/1.000178' });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toMatch(/khiếu nại/i);
    });

    it('reports a line that is not JSON instead of failing the whole import', async () => {
      const bad = `${env.dataDir}/bad.jsonl`;
      fs.writeFileSync(bad, '{"ma_thu_tuc": "1.999999", "ten_thu_tuc": "Thủ tục thử nghiệm", "linh_vuc": "Thử"}\nkhông phải json\n{"ten_thu_tuc": "thiếu mã"}\n');
      const r = await importNationalFile(env.services.catalog, bad);
      expect(r.lines).toBe(3);
      expect(r.rejected).toBe(2);
      expect(r.inserted).toBe(1);
      expect(formatImportReport(r)).toMatch(/không phải JSON/);
    });
  });
}
