/**
 * bench:province leaves the province as it found it (bench/province-clean.ts), on a tiny generated
 * province on a real PostgreSQL: dossiers submitted through the product's own route during a "run"
 * are gone at its end with everything they wrote, every table holds the rows it held, the audit
 * chain verifies, the next run's codes continue without a gap, and a run that died half-way is
 * cleaned up by the next one. Skipped without TEST_DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { APPLICANT, fillForm, multipart, PDF } from '../src/dossier/dossier.testing';
import { engines } from '../src/shared/testing';
import { pgDatabase } from './lib';
import { beginRun, endRun, verifyAudit } from './province-clean';
import { BENCH_AUDIT_KEY, ensureProvince, type Province } from './province-data';

const KEY = Buffer.from(BENCH_AUDIT_KEY, 'utf8');
const PROC = '1.012564';

(engines().includes('postgres') ? describe : describe.skip)('bench:province cleans up after its run [postgres]', () => {
  let db: Awaited<ReturnType<typeof pgDatabase>>;
  let p: Province;
  const quiet = () => {};

  beforeAll(async () => {
    db = await pgDatabase();
    if (!db) throw new Error('TEST_DATABASE_URL is set but no PostgreSQL answers');
    p = await ensureProvince(db.url, { dossiers: 2000, units: 3, years: 1 }, { now: new Date(Date.now() - 3_600_000) });
  });

  const dirs: string[] = [];
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const counts = async () => {
    const c = new pg.Client({ connectionString: db!.url });
    await c.connect();
    try {
      const out: Record<string, number> = {};
      for (const { t } of (await c.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'bench\\_province%' ORDER BY 1`)).rows) {
        out[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
      }
      return out;
    } finally {
      await c.end();
    }
  };

  /** Submits `n` dossiers online through POST /api/dossiers (real clock), as the benchmark's servers do. */
  async function submit(dataDir: string, n: number): Promise<string[]> {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: db!.url, AUDIT_KEY: BENCH_AUDIT_KEY, LOG_LEVEL: 'silent', RATE_LIMIT: 'off', REQUIRE_PHONE_VERIFICATION: 'off', DEFAULT_UNIT: p.units[0]!.code });
    const s = await buildServices(config);
    const app = await buildApp(config, s);
    try {
      const form = (await app.inject({ method: 'GET', url: `/api/procedures/${PROC}/form` })).json();
      const components: string[] = form.cases.filter((c: { kind: string }) => c.kind === 'general').flatMap((c: { components: Array<{ id: string; required: boolean }> }) => c.components.filter((x) => x.required).map((x) => x.id));
      const codes: string[] = [];
      for (let i = 0; i < n; i++) {
        const dossier = JSON.stringify({ procedureCode: PROC, channel: 'online', applicant: APPLICANT, formData: fillForm(form.formData, { date: '2026-11-20' }), unit: p.units[0]!.code });
        const mp = multipart([{ name: 'dossier', value: dossier }, ...components.map((c) => ({ name: c, value: PDF, filename: `${c}.pdf`, type: 'application/pdf' }))]);
        const r = await app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: { ...mp.headers, accept: 'application/json' } });
        expect(r.statusCode, r.body.slice(0, 300)).toBe(201);
        codes.push(r.json().code);
      }
      return codes;
    } finally {
      await app.close();
      await s.database.close();
    }
  }

  // Every table copied aside (small), then the large-table path: rows found by their dossier, the open dossiers put back.
  it.each([
    ['every table copied aside', undefined],
    ['tables over 500 rows cleaned by their dossiers', 500],
  ])("removes a run's submissions and what hangs off them, and the next run's codes follow without a gap (%s)", async (_, aside) => {
    const before = await counts();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-clean-test-'));
    dirs.push(dir);
    await beginRun(db!.url, [dir], quiet, KEY, aside);
    const first = await submit(dir, 3);
    expect((await counts()).dossiers).toBe(before.dossiers! + 3);
    const { lines } = await endRun(db!.url, KEY);
    expect(lines[0]).toMatch(/^đã xoá 3 hồ sơ của lần chạy/);
    expect(lines[1]).toMatch(/số dòng như lúc bắt đầu/);
    // The deleted rows' dead tuples are vacuumed away at once (the next run would read past them).
    expect(lines[2]).toMatch(/^đã dọn dòng chết và cập nhật thống kê \(VACUUM ANALYZE\) \d+ bảng/);
    expect(await counts()).toEqual(before);
    expect(fs.existsSync(dir)).toBe(false);
    expect((await verifyAudit(db!.url, KEY)).ok).toBe(true);

    // The next run: its first code is the one the removed run's first dossier had.
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-clean-test-'));
    dirs.push(dir2);
    await beginRun(db!.url, [dir2], quiet, KEY, aside);
    expect(await submit(dir2, 1)).toEqual([first[0]]);
    // This run "dies" here: the next one finds its marker and cleans up first.
    const logged: string[] = [];
    await beginRun(db!.url, [], (m) => logged.push(m), KEY, aside);
    expect(logged[0]).toMatch(/dừng giữa chừng/);
    expect(logged[1]).toMatch(/^đã xoá 1 hồ sơ/);
    expect(fs.existsSync(dir2)).toBe(false);
    await endRun(db!.url, KEY);
    expect(await counts()).toEqual(before);
    expect((await verifyAudit(db!.url, KEY)).ok).toBe(true);
  }, 120_000);
});
