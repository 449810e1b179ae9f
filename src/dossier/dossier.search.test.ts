import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk } from './workflow.testing';

// Đăng ký lại kết hôn.
const PROC = '1.004746';

for (const engine of engines()) {
  describe(`worklist search by a fragment of a name or phone number [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('finds dossiers by part of the name (no diacritics) or of the phone, only in the official’s unit', async () => {
      const a = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Nguyễn Thị Lan Anh', phone: '0912111333' });
      const b = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Trần Văn Lâm', phone: '0977444555' });
      // The same name in the other ward is not found by Ba Đình's officials.
      await desk.receiveAtCounter('1.004746', 'tiepnhan2', { ...APPLICANT, fullName: 'Nguyễn Thị Lan Anh', phone: '0912111333' }).catch(() => undefined);
      const cookie = await desk.cookie('lanhdao');
      const search = async (q: string) => (await desk.inject({ method: 'GET', url: `/api/worklist?q=${encodeURIComponent(q)}`, headers: { cookie } })).json().items.map((i: any) => i.code);
      expect(await search('thi lan')).toEqual([a.code]);
      expect(await search('LAN ANH')).toEqual([a.code]);
      expect((await search('lam')).sort()).toEqual([b.code]);
      expect(await search('4445')).toEqual([b.code]);
      expect(await search('khong co ai')).toEqual([]);
    });

    it.runIf(engine === 'postgres')('PostgreSQL has the trigram indexes of the unit (pg_trgm and btree_gin created by the migration)', async () => {
      const r = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dossiers'`.execute(env.services.database.db);
      const byName = new Map(r.rows.map((x) => [x.indexname, x.indexdef]));
      expect(byName.get('dossiers_unit_name_trgm_idx')).toMatch(/gin \(unit_code, search_name gin_trgm_ops\)/);
      expect(byName.get('dossiers_unit_phone_trgm_idx')).toMatch(/gin \(unit_code, applicant_phone gin_trgm_ops\)/);
    });
  });
}
