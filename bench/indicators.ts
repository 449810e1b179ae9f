/**
 * `npm run bench:indicators`: with 200,000 dossiers (and their history, files, fees, payments and
 * ratings: bench/indicators-data.ts) over 20 communes in the database, the time to compute the
 * indicators of one commune-month (which includes its rank among the 20) and the ranking of the
 * 20 communes, p50 and p95, on SQLite and on PostgreSQL — closed month and current month.
 * A closed month is computed from the dossiers' judged states (migration 021) the first time, then
 * read from its kept counts; the current month is computed on every call. Each query's runs, the
 * load average and this process's CPU time are printed (BENCH_TIMES_FILE: every run as JSON).
 *
 * Settings (environment): BENCH_DOSSIERS (200000), BENCH_UNITS (20), BENCH_RUNS (40 per query),
 * BENCH_ENGINES (sqlite | postgres: one engine only), BENCH_PG_URL or TEST_DATABASE_URL (a
 * PostgreSQL server where the user may create databases; default
 * postgres://motcua@127.0.0.1:55432/postgres; unreachable → the PostgreSQL rows are skipped).
 * Target (issue 11): p95 under 300 ms for both, on both engines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/shared/clock';
import { generate } from './indicators-data';
import { pgDatabase } from './lib';

const N = Number(process.env.BENCH_DOSSIERS ?? 200_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const NOW = new Date('2026-11-20T02:00:00Z');
const TARGET_MS = 300;

interface Row {
  what: string;
  p50: number;
  p95: number;
  /** Median CPU time of this process per run (ms): SQLite's work and ours; PostgreSQL's server is not in it. */
  cpu?: number;
  note: string;
}

/** Every run's wall time (ms), per query, written to BENCH_TIMES_FILE (JSON) when set. */
const allTimes: Record<string, number[]> = {};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function measure(fn: () => Promise<unknown>, runs = RUNS, label = ''): Promise<{ p50: number; p95: number; cpu: number; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < 3; i++) last = await fn();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = await fn();
    const d = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpus.push((d.user + d.system) / 1000);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  if (label) {
    allTimes[label] = times.map(r);
    console.log(`  ${label}: ${times.map((x) => x.toFixed(0)).join(' ')} ms (load ${load()})`);
  }
  return { p50: r(pct(times, 50)), p95: r(pct(times, 95)), cpu: r(pct(cpus, 50)), last };
}

async function bench(engine: 'SQLite' | 'PostgreSQL', databaseUrl: string, dataDir: string): Promise<Row[]> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' });
  const s = await buildServices(config, { clock: fixedClock(NOW) });
  try {
    const t0 = performance.now();
    console.log(`${engine}: tạo ${N.toLocaleString('vi-VN')} hồ sơ ở ${UNITS} xã, phường…`);
    const g = await generate(s, N, UNITS, NOW, (m) => console.log(m));
    console.log(`${engine}: ${g.history.toLocaleString('vi-VN')} dòng lịch sử; tạo dữ liệu ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The indicators' copy of the timelines, built once from the whole history (then kept up to
    // date from the rows written after it, before every answer: that catching up is in the times).
    const r0 = performance.now();
    const rebuilt = await s.indicators.rebuild();
    const rebuildSeconds = (performance.now() - r0) / 1000;
    console.log(`${engine}: bản sao dòng thời gian của ${rebuilt.dossiers.toLocaleString('vi-VN')} hồ sơ dựng lại trong ${rebuildSeconds.toFixed(1)} s`);
    await sql.raw(engine === 'PostgreSQL' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(s.database.db);
    const unit = g.units[2]!;
    // A month that is over: computed from the copy the first time, then its kept counts are read.
    const forget = () => s.database.db.deleteFrom('indicator_period_counts').execute();
    console.log(`${engine}: load average ${load()} before the queries`);
    const computed = await measure(async () => (await forget(), s.indicators.report(unit, '2026-10')), Math.min(RUNS, 20), `${engine} closed month computed`);
    const computedRanking = await measure(async () => (await forget(), s.indicators.ranking('01', '2026-10')), Math.min(RUNS, 20), `${engine} closed ranking computed`);
    const closed = await measure(() => s.indicators.report(unit, '2026-10'), RUNS, `${engine} closed month kept`);
    const ranking = await measure(() => s.indicators.ranking('01', '2026-10'), RUNS, `${engine} closed ranking kept`);
    const live = await measure(() => s.indicators.report(unit, '2026-11'), RUNS, `${engine} live month`);
    const liveRanking = await measure(() => s.indicators.ranking('01', '2026-11'), RUNS, `${engine} live ranking`);
    const year = await measure(() => s.indicators.report(unit, '2026'), 3, `${engine} year`);
    const drill = await measure(() => s.indicators.dossiers(unit, '2026-10', 'on_time_rate', 'denominator', 1), Math.min(RUNS, 10), `${engine} drill-down`);
    console.log(`${engine}: load average ${load()} after the queries`);
    const rep = closed.last as Awaited<ReturnType<typeof s.indicators.report>>;
    const onTime = rep.groups.flatMap((x) => x.indicators).find((i) => i.key === 'on_time_rate')!;
    const rk = ranking.last as Awaited<ReturnType<typeof s.indicators.ranking>>;
    return [
      { what: `indicators of one commune-month (closed, 2026-10), with its rank — computed from the judged states`, ...computed, note: 'kept counts cleared before each run' },
      { what: `ranking of ${rk.items.length} communes (closed, 2026-10) — computed from the judged states`, ...computedRanking, note: 'kept counts cleared before each run' },
      { what: `indicators of one commune-month (closed, 2026-10), with its rank — kept counts`, ...closed, note: `${onTime.denominator} dossiers of the month; total ${rep.total}; rank ${rep.rank.position}/${rep.rank.of}` },
      { what: `ranking of ${rk.items.length} communes (closed, 2026-10) — kept counts`, ...ranking, note: `best ${rk.items[0]!.total}, worst ${rk.items.at(-1)!.total}` },
      { what: `indicators of one commune-month (current, 2026-11, live)`, ...live, note: '' },
      { what: `ranking of ${rk.items.length} communes (current, 2026-11, live)`, ...liveRanking, note: '' },
      { what: `indicators of one commune-year (2026, current), with its rank`, ...year, note: 'not a target (3 runs)' },
      { what: `drill-down: dossiers of on_time_rate's denominator, page 1`, ...drill, note: 'not a target' },
      { what: `rebuild of the indicators' copy and judged states from the whole history (once)`, p50: Math.round(rebuildSeconds * 1000), p95: Math.round(rebuildSeconds * 1000), cpu: undefined, note: `not a target: ${rebuilt.dossiers} dossiers, ${g.history} history rows` },
    ]
      .map((r) => ({ what: `${engine}: ${r.what}`, p50: r.p50, p95: r.p95, cpu: r.cpu, note: r.note }))
      .map((r) => (console.log(line(r)), r));
  } finally {
    await s.database.close();
  }
}

const line = (r: Row) => `| ${r.what} | ${r.p50} | ${r.p95} | ${r.cpu ?? ''} | ${r.note} |`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-indicators-'));
  const rows: Row[] = [];
  try {
    if (process.env.BENCH_ENGINES !== 'postgres') rows.push(...(await bench('SQLite', `sqlite:${path.join(dataDir, 'bench.db')}`, dataDir)));
    const pgdb = process.env.BENCH_ENGINES === 'sqlite' ? undefined : await pgDatabase();
    if (pgdb) {
      try {
        rows.push(...(await bench('PostgreSQL', pgdb.url, dataDir)));
      } finally {
        await pgdb.drop();
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const targets = rows.filter((r) => !r.note.startsWith('not a target'));
  const lines = [
    `motcua bench:indicators — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}, ${N.toLocaleString('en-US')} dossiers across ${UNITS} communes, ${RUNS} runs per query — load average at the end ${load()}`,
    '',
    '| query | p50 ms | p95 ms | CPU ms (p50, this process) | |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(line),
    '',
    `target: commune-month and ranking of 20 p95 < ${TARGET_MS} ms on both engines → ${targets.every((r) => r.p95 < TARGET_MS) ? 'met' : 'NOT met'}`,
  ];
  console.log('\n' + lines.join('\n'));
  if (process.env.BENCH_TIMES_FILE) fs.writeFileSync(process.env.BENCH_TIMES_FILE, JSON.stringify({ at: new Date().toISOString(), load: os.loadavg(), times: allTimes }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
