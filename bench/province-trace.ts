/**
 * `npx tsx bench/province-trace.ts`: where the time of bench:province's slow measures goes, on the
 * generated province (bench/province-data.ts; it must exist: run `npm run bench:province` once).
 * Every SQL statement of one call, with its time at the driver (pg's Client.query), for:
 * - the worklist page's data of a leader's "all open" tab (the rows and the eight tab counts);
 * - a name search without diacritics ("thi lan") with the page's counts;
 * - the citizen's tracking lookup of a dossier never looked up before (a fresh app, in process,
 *   through `GET /api/dossiers/:code?phone=`).
 * Settings: BENCH_PROVINCE_DB_URL (as bench:province), TRACE_UNIT (the first unit of the
 * province), TRACE_RUNS (5: each traced call made this many times, the last one printed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/shared/clock';
import { loadAverage } from './lib';
import { provinceDatabaseUrl } from './province-data';

const RUNS = Number(process.env.TRACE_RUNS ?? 5);

interface Row { sql: string; ms: number; at: number }
let log: Row[] | undefined;
let t0 = 0;
{
  const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as any).query = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    const r = orig.apply(this, a);
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string })?.text ?? '?');
    if (r && typeof (r as Promise<unknown>).then === 'function' && log) {
      const l = log;
      const done = (ok: boolean) => l.push({ sql: (ok ? '' : 'FAILED ') + text, ms: performance.now() - t, at: t - t0 });
      (r as Promise<unknown>).then(() => done(true), () => done(false));
    }
    return r;
  };
}

async function traced(what: string, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 1; i <= RUNS; i++) {
    log = [];
    t0 = performance.now();
    await fn();
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 20));
    const rows = log;
    log = undefined;
    if (i < RUNS) continue;
    console.log(`\n=== ${what}: ${total.toFixed(2)} ms, ${rows.length} statements (call ${i} of ${RUNS}; load ${loadAverage()})`);
    for (const r of rows.sort((a, b) => a.at - b.at)) console.log(`  +${r.at.toFixed(2).padStart(7)} ${r.ms.toFixed(3).padStart(8)} ms  ${r.sql.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
}

const url = provinceDatabaseUrl();
const c = new pg.Client({ connectionString: url });
await c.connect();
const marker = (await c.query('SELECT now, units FROM bench_province')).rows[0] as { now: string; units: string } | undefined;
if (!marker) throw new Error(`no province in ${url}: run npm run bench:province first`);
const units = JSON.parse(marker.units) as Array<{ code: string; staff: Array<{ id: string; role: string }> }>;
const unit = units.find((u) => u.code === (process.env.TRACE_UNIT ?? units[0]!.code))!;
const sample = (await c.query(`SELECT code, applicant_phone AS phone FROM dossiers TABLESAMPLE SYSTEM (1) REPEATABLE (${Math.floor(Math.random() * 1e6)}) WHERE code IS NOT NULL LIMIT $1`, [RUNS])).rows as Array<{ code: string; phone: string }>;
await c.end();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-province-trace-'));
const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off', REQUIRE_PHONE_VERIFICATION: 'off', DEFAULT_UNIT: unit.code });
const s = await buildServices(config, { clock: fixedClock(new Date(marker.now)) });
const app = await buildApp(config, s);
try {
  const leader = unit.staff.find((x) => x.role === 'leader')!;
  const actor = { kind: 'staff' as const, id: leader.id, unitCode: unit.code, role: 'leader' as const, name: 'Trace' };
  await traced(`worklist, leader "all" of ${unit.code}`, () => s.dossierWorkflow.worklist(actor, { tab: 'all', limit: 50 }));
  await traced(`name search "thi lan" in ${unit.code}`, () => s.dossierWorkflow.worklist(actor, { tab: 'all', q: 'thi lan', limit: 50 }));
  let i = 0;
  await traced('tracking lookup of a dossier never looked up before', async () => {
    const d = sample[i++ % sample.length]!;
    const r = await app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${d.phone}`, headers: { accept: 'application/json' } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 200)}`);
  });
} finally {
  await app.close();
  await s.database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
