import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_LABEL } from '../catalog/catalog.completeness';
import { Desk } from '../dossier/workflow.testing';
import { createTestEnv, type TestEnv } from './testing';

/** The one table shape of the workspace (StaffTable), on the catalogue's and the staff module's pages. */
describe('officials’ tables', () => {
  let env: TestEnv;
  let desk: Desk;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    desk = new Desk(env);
  });
  afterAll(async () => env?.close());

  const tables = async (url: string) => {
    const r = await desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie('quantri') } });
    expect(r.statusCode, url).toBe(200);
    return [...r.body.matchAll(/<table class="grid[^"]*">(.*?)<\/table>/gs)].map((m) => ({
      caption: /<caption>(.*?)<\/caption>/s.exec(m[1]!)?.[1],
      head: [...m[1]!.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((h) => h[1]),
      rows: (m[1]!.split('<tbody>')[1]!.match(/<tr>/g) ?? []).length,
    }));
  };

  it('the catalogue module’s completeness page and the staff list render the same shape', async () => {
    const completeness = await tables('/can-bo/quan-tri/do-day-du');
    expect(completeness[0]!.caption).toMatch(/^\d+ \/ 54 thủ tục còn thiếu thông tin$/);
    expect(completeness[0]!.head).toEqual(Object.values(GAP_LABEL));
    expect(completeness[0]!.rows).toBe(1);
    const staff = await tables('/can-bo/quan-tri/can-bo');
    expect(staff[0]!.head).toEqual(['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Lĩnh vực', 'Liên hệ', 'Trạng thái']);
    expect(staff[0]!.rows).toBeGreaterThanOrEqual(5);
    const processes = await tables('/can-bo/quan-tri/quy-trinh');
    expect(processes[0]!.head).toEqual(['Thủ tục', 'Quy trình']);
  });
});
