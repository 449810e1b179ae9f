/**
 * The province benchmark's generator (bench/province-data.ts) at a tiny scale on a real
 * PostgreSQL: the data it writes straight into the tables must be what the product itself would
 * have — the indicators module's own rebuild gives back exactly the copy and judged states it
 * wrote, codes are gap-free per unit and day with their counters, and the worklist, search,
 * tracking lookup and indicators work on it — so that the benchmark cannot rot silently when the
 * schema or a module changes. Skipped without TEST_DATABASE_URL (PostgreSQL only: COPY).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices, type Services } from '../src/app';
import { loadConfig } from '../src/config';
import { monthOf } from '../src/indicator';
import { fixedClock } from '../src/shared/clock';
import { engines } from '../src/shared/testing';
import { pgDatabase } from './lib';
import { ensureProvince, findProvince, type Province } from './province-data';

const PARAMS = { dossiers: 3000, units: 5, years: 1 };

(engines().includes('postgres') ? describe : describe.skip)('bench:province generator, tiny [postgres]', () => {
  let db: Awaited<ReturnType<typeof pgDatabase>>;
  let p: Province;
  let s: Services;
  let app: FastifyInstance;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-province-test-'));

  beforeAll(async () => {
    db = await pgDatabase();
    if (!db) throw new Error('TEST_DATABASE_URL is set but no PostgreSQL answers');
    p = await ensureProvince(db.url, PARAMS, { now: new Date('2026-11-20T03:00:00Z') });
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' });
    s = await buildServices(config, { clock: fixedClock(new Date(p.now)) });
    app = await buildApp(config, s);
  });

  afterAll(async () => {
    await app?.close();
    await s?.database.close();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the dossiers with their history, files and day counters, and is found again by its marker', async () => {
    expect(p.reused).toBe(false);
    expect(p.units).toHaveLength(PARAMS.units);
    const count = async (t: 'dossiers' | 'dossier_history' | 'dossier_files') => Number((await s.database.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('dossiers')).toBe(PARAMS.dossiers);
    expect(await count('dossier_history')).toBeGreaterThan(4 * PARAMS.dossiers);
    expect(await count('dossier_files')).toBeGreaterThan(PARAMS.dossiers / 2);
    // Every code is unit-yymmdd-nnnn, numbered 1…n without a gap per unit and day, n in the counter.
    const gaps = await sql<{ k: string }>`
      SELECT d.k FROM (SELECT split_part(code, '-', 1) || '-' || split_part(code, '-', 2) AS k, count(*) AS n, max(split_part(code, '-', 3)::int) AS top FROM dossiers GROUP BY 1) d
      LEFT JOIN dossier_counters c ON c.unit_code || '-' || c.day = d.k
      WHERE d.n <> d.top OR c.n IS DISTINCT FROM d.top`.execute(s.database.db);
    expect(gaps.rows).toEqual([]);
    const again = await ensureProvince(db!.url, PARAMS);
    expect(again.reused).toBe(true);
    expect(again.now).toBe(p.now);
    expect((await findProvince(db!.url))?.params).toEqual(PARAMS);
  });

  it("shows an official the unit's open dossiers, finds a citizen by name without diacritics", async () => {
    const open = await s.database.db
      .selectFrom('dossiers')
      .select(['unit_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['new', 'received', 'in_progress', 'supplement_requested', 'payment_requested', 'processed'])
      .groupBy('unit_code')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const unit = p.units.find((u) => u.code === open.unit_code)!;
    const leader = unit.staff.find((m) => m.role === 'leader')!;
    const actor = { kind: 'staff' as const, id: leader.id, unitCode: unit.code, role: 'leader', name: 'Test' };
    const page = await s.dossierWorkflow.worklist(actor, { tab: 'all', limit: 50 });
    expect(Number(open.n)).toBeGreaterThan(0);
    expect(page.total).toBe(Number(open.n));
    expect(page.items.length).toBe(Math.min(50, page.total));
    const found = await s.dossierWorkflow.worklist(actor, { tab: 'all', q: 'thi', limit: 50 });
    expect(found.items.length).toBeGreaterThan(0);
    for (const d of found.items) expect(d.applicant.fullName).toMatch(/Thị/);
  });

  it("answers a citizen's tracking lookup with the dossier's status", async () => {
    const d = await s.database.db.selectFrom('dossiers').select(['code', 'applicant_phone', 'status']).where('status', '=', 'returned').limit(1).executeTakeFirstOrThrow();
    const r = await app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${d.applicant_phone}` });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.json().code).toBe(d.code);
    expect(r.json().status).toBe('returned');
  });

  it("is what the indicators module's own rebuild makes of the history, and its indicators are computed", async () => {
    const closed = monthOf(new Date(Date.parse(monthOf(new Date(p.now)).from) - 1)).key;
    const report = await s.indicators.report(p.units[0]!.code, closed);
    expect(report.hasDossiers).toBe(true);
    const ranking = await s.indicators.ranking('01', closed);
    expect(ranking.items).toHaveLength(PARAMS.units);
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const [t, order] of [['indicator_dossier_facts', 'dossier_id'], ['indicator_dossier_states', 'dossier_id'], ['indicator_dossier_clock', 'dossier_id, seq']] as const) {
        const rows = (await sql.raw(`SELECT * FROM ${t} ORDER BY ${order}`).execute(s.database.db)).rows as Array<Record<string, unknown>>;
        out[t] = rows.map((r) => (t === 'indicator_dossier_facts' ? { ...r, events: JSON.parse(r.events as string) } : r));
      }
      return out;
    };
    const generated = await snapshot();
    expect(generated.indicator_dossier_states).toHaveLength(PARAMS.dossiers);
    await s.indicators.rebuild();
    expect(await snapshot()).toEqual(generated);
    await s.database.db.deleteFrom('indicator_period_counts').execute();
    expect((await s.indicators.ranking('01', closed)).items.map((i) => [i.unit, i.total])).toEqual(ranking.items.map((i) => [i.unit, i.total]));
  });
});
