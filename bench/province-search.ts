/**
 * `npx tsx bench/province-search.ts`: the worklist's name search alone on the generated province
 * (bench/province-data.ts; it must exist: run `npm run bench:province` once), as bench:province
 * measures it — `dossierWorkflow.worklist(leader, { tab: 'all', q, limit: 50 })`, the 50 rows with
 * the page's eight tab counts, names without diacritics, twenty units taken in turn — with what
 * each search costs besides its time:
 * - statements sent to PostgreSQL per search (each one a round trip on a pooled connection);
 * - bytes allocated on V8's heap per search (bench/alloc-meter.mjs, garbage included) and the
 *   collections per 1,000 searches;
 * - CPU time per search of this process (Node: the driver, Kysely, the service) and of the
 *   PostgreSQL backends serving it (their /proc counters, found by this run's application_name),
 *   steadier than wall time on a shared machine.
 * The leader's "all open" page without a search is measured the same way, for comparison.
 * Reads only. Settings: BENCH_PROVINCE_DB_URL (as bench:province), BENCH_RUNS (400),
 * BENCH_ROUNDS (3: the measure repeated, each round printed, then the median round).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServices } from '../src/app';
import { allocationMeter } from './alloc-meter.mjs';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/shared/clock';
import { loadAverage, pct } from './lib';
import { provinceDatabaseUrl } from './province-data';

const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NAMES = ['thi lan', 'van hung', 'nguyen minh', 'tran thu ha'];
const APP = `motcua-search-bench-${process.pid}`;

let statements = 0;
{
  const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: unknown, ...a: unknown[]) {
    statements++;
    return orig.apply(this, a);
  };
}

/** CPU ticks (user + system) of each PostgreSQL backend serving this run's pool, by pid. */
async function backendTicks(admin: pg.Client): Promise<Map<number, number>> {
  const pids = (await admin.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [APP])).rows.map((r) => Number(r.pid));
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      throw new Error(`the PostgreSQL backend ${pid} is not readable in /proc: is the server on this machine?`);
    }
  }
  return ticks;
}

/** Ticks used between two readings (a backend that left the pool meanwhile used none: it was idle). */
function ticksBetween(a: Map<number, number>, b: Map<number, number>): number {
  let n = 0;
  for (const [pid, t] of b) n += t - (a.get(pid) ?? 0);
  return n;
}

const TICK_MS = 10; // USER_HZ = 100 on Linux
const round2 = (x: number) => Math.round(x * 100) / 100;

const base = provinceDatabaseUrl();
const url = `${base}${base.includes('?') ? '&' : '?'}application_name=${APP}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
const marker = (await admin.query('SELECT now, units FROM bench_province')).rows[0] as { now: string; units: string } | undefined;
if (!marker) throw new Error(`no province in ${base}: run npm run bench:province first`);
const units = JSON.parse(marker.units) as Array<{ code: string; staff: Array<{ id: string; role: string }> }>;
const sample = units.filter((_, i) => i % Math.max(1, Math.floor(units.length / 20)) === 0).slice(0, 20);
const actor = (i: number) => {
  const u = sample[i % sample.length]!;
  const m = u.staff.find((x) => x.role === 'leader')!;
  return { kind: 'staff' as const, id: m.id, unitCode: u.code, role: 'leader' as const, name: 'Bench' };
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-search-bench-'));
const s = await buildServices(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' }), { clock: fixedClock(new Date(marker.now)) });
type Round = { p50: number; p95: number; p99: number; statements: number; nodeCpu: number; pgCpu: number; kb: number; gcs: number; load: string };

/** `call` RUNS times in each of ROUNDS rounds (each printed); the median round. */
async function measure(what: string, call: () => Promise<unknown>): Promise<Round> {
  // Every pooled connection sees every statement (and plans it) before measuring.
  for (let w = 0; w < 200; w++) await Promise.all([call(), call()]);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const times: number[] = [];
    const st0 = statements;
    const cpu0 = process.cpuUsage();
    const pg0 = await backendTicks(admin);
    const allocated = allocationMeter();
    for (let k = 0; k < RUNS; k++) {
      const t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    const heap = allocated();
    const cpu = process.cpuUsage(cpu0);
    const pgTicks = ticksBetween(pg0, await backendTicks(admin));
    const one = {
      p50: round2(pct(times, 50)),
      p95: round2(pct(times, 95)),
      p99: round2(pct(times, 99)),
      statements: round2((statements - st0) / RUNS),
      nodeCpu: round2((cpu.user + cpu.system) / 1000 / RUNS),
      pgCpu: round2((pgTicks * TICK_MS) / RUNS),
      kb: round2(heap.bytes / 1024 / RUNS),
      gcs: round2((heap.collections * 1000) / RUNS),
      load: loadAverage(),
    };
    rounds.push(one);
    console.log(`${what}, round ${r + 1}: p50 ${one.p50} ms, p95 ${one.p95}, p99 ${one.p99}; ${one.statements} statements each; CPU each: Node ${one.nodeCpu} ms, PostgreSQL ${one.pgCpu} ms; ${one.kb} kB allocated each, ${one.gcs} collections per 1,000; load ${one.load}`);
  }
  return [...rounds].sort((a, b) => a.p50 - b.p50)[Math.floor(rounds.length / 2)]!;
}

const line = (what: string, m: Round) =>
  `${what}, ${RUNS} × ${ROUNDS} rounds over ${sample.length} units (median round): p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms; ` +
  `${m.statements} statements each; CPU each: Node ${m.nodeCpu} ms + PostgreSQL ${m.pgCpu} ms; ${m.kb} kB allocated each, ${m.gcs} collections per 1,000; load ${m.load}`;

try {
  let i = 0;
  const search = await measure('name search', () => s.dossierWorkflow.worklist(actor(i), { tab: 'all', q: NAMES[i++ % NAMES.length], limit: 50 }));
  const page = await measure('page without search', () => s.dossierWorkflow.worklist(actor(i++), { tab: 'all', limit: 50 }));
  const probe = await s.dossierWorkflow.worklist(actor(0), { tab: 'all', q: 'thi lan', limit: 50 });
  console.log(
    `\n${line('name search', search)}\n${line('leader "all open" page without search', page)}` +
      `\n("thi lan" in ${sample[0]!.code}: ${probe.total} found, ${probe.items.length} shown; tabs ${JSON.stringify(probe.counts)})`,
  );
} finally {
  await s.database.close();
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
