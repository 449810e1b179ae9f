import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import * as repo from './dossier.repo';
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
      // Fragments cut inside words, across words, and too short for a trigram (read without the index).
      expect(await search('guyen thi la')).toEqual([a.code]);
      expect(await search('i lan a')).toEqual([a.code]);
      expect((await search('la')).sort()).toEqual([a.code, b.code].sort());
      expect(await search('n a')).toEqual([a.code]);
    });

    it.runIf(engine === 'postgres')('PostgreSQL indexes each trigram of a name with its unit, and the search reads that index', async () => {
      const db = env.services.database.db;
      const r = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dossiers'`.execute(db);
      const byName = new Map(r.rows.map((x) => [x.indexname, x.indexdef]));
      expect(byName.get('dossiers_unit_trigrams_idx')).toMatch(/gin \(motcua_unit_trigrams\(unit_code, search_name\)\)/);
      expect(byName.has('dossiers_unit_name_trgm_idx')).toBe(false); // replaced: one GIN index per row written, as before
      expect(byName.get('dossiers_unit_phone_trgm_idx')).toMatch(/gin \(unit_code, applicant_phone gin_trgm_ops\)/);
      // The "mine" count reads the handler index alone (it holds the expression's columns).
      expect(byName.get('dossiers_handler_status_cover_idx')).toMatch(/INCLUDE \(assignee_id, "current_role"\)/);
      const t = await sql<{ t: string[] }>`SELECT motcua_unit_trigrams('00004', 'nguyen thi lan') AS t`.execute(db);
      expect(t.rows[0]!.t).toEqual(expect.arrayContaining(['00004:thi', '00004:lan', '00004:guy']));
      // The name search asks for the very expression of the index (tables this small are read whole
      // by the planner; the 200,000-dossier benchmark shows the index used: npm run bench:worklist).
      const f = { unitCodes: ['00004'], tab: 'all' as const, me: { id: 'x', role: 'leader' }, now: '', todayEnd: '', soonEnd: '', search: { name: 'thi lan' } };
      const compiled = repo.worklistQuery(db, f, true).compile();
      expect(compiled.sql).toContain('motcua_unit_trigrams(unit_code, search_name) @> $');
      expect(compiled.parameters).toContainEqual(['00004:thi', '00004:lan']);
    });

    it.runIf(engine === 'postgres')('PostgreSQL writes the trigram indexes directly: a search never reads a pending list of recent dossiers (migration 045)', async () => {
      const db = env.services.database.db;
      const opts = await sql<{ name: string; opts: string[] | null }>`
        SELECT c.relname AS name, c.reloptions AS opts FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
        WHERE x.indrelid = 'dossiers'::regclass AND a.amname = 'gin' ORDER BY 1`.execute(db);
      expect(opts.rows.map((r) => [r.name, r.opts])).toEqual([
        ['dossiers_unit_phone_trgm_idx', ['fastupdate=off']],
        ['dossiers_unit_trigrams_idx', ['fastupdate=off']],
      ]);
      // New dossiers and an action on one (a new row version, indexed again): nothing waits in a
      // pending list (with fastupdate on, each of these writes would leave a pending page).
      const d = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Lê Thị Mai', phone: '0903222111' });
      await desk.ok(d.code, 'tiepnhan', { type: 'forward' }).catch(() => undefined);
      for (const r of opts.rows) {
        const cleaned = await sql<{ n: number }>`SELECT gin_clean_pending_list(to_regclass(${r.name})) AS n`.execute(db);
        expect(Number(cleaned.rows[0]!.n), r.name).toBe(0);
      }
      const cookie = await desk.cookie('lanhdao');
      const found = (await desk.inject({ method: 'GET', url: '/api/worklist?q=thi%20mai', headers: { cookie } })).json();
      expect(found.items.map((i: any) => i.code)).toEqual([d.code]);
    });

    it('the trigrams a fragment requires are pieces of its runs of letters and digits', () => {
      expect(repo.requiredTrigrams('thi lan').sort()).toEqual(['lan', 'thi']);
      expect(repo.requiredTrigrams('nguyen th').sort()).toEqual(['guy', 'ngu', 'uye', 'yen']);
      expect(repo.requiredTrigrams('an')).toEqual([]);
      expect(repo.requiredTrigrams('ab-cd efg')).toEqual(['efg']);
    });
  });
}
