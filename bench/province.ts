/**
 * `npm run bench:province` (issue 16): a province on one PostgreSQL — 126 units and 5,000,000
 * dossiers over five years (bench/province-data.ts), generated once into its own database and
 * reused by later runs — measured through the product's own code paths:
 * - the worklist page's data (the service: 50 rows and the eight tab counts), a leader's "all
 *   open" and a specialist's "mine", p99 < 20 ms; a name search without diacritics, p50 < 5 ms;
 * - the indicators of one commune-month (with its rank among the 126) and the province's ranking
 *   of its 126 units for a month, computed afresh (every kept count deleted before each run: what
 *   the first reader of a closed month paid before the closed-month job) and for the current
 *   month: < 300 ms and < 2 s (p95); then the closed-month job (issue 16) keeping every unit's
 *   counts afresh (its whole run, and per unit), and what a user waits for a closed month after
 *   it ran: the commune-month served from the kept counts;
 * - on real server processes (loopback): the citizen's tracking lookup
 *   `GET /api/dossiers/:code?phone=` of dossiers never looked up before (every one a database
 *   read), one at a time, p99 < 5 ms, after a warm-up of BENCH_WARMUP_LOOKUPS (50) other dossiers
 *   (printed apart: the first lookups after a start) — from the server's readiness on (`/healthz` answers once it
 *   listens, after what a real server does once at start: migrations, the catalogue loaded; its
 *   periodic jobs' first ticks come 5 s later, during the lookups, as they would); then submissions per second (multipart with a 200 KB PDF,
 *   spread over the 126 units) with one server process and with two on the same database;
 * - the database's size and its largest tables and indexes.
 * Every figure is printed beside its target with met / not met and the load average when taken.
 *
 * Settings (environment): BENCH_PROVINCE_DOSSIERS (5000000), BENCH_PROVINCE_UNITS (126),
 * BENCH_PROVINCE_YEARS (5), BENCH_PROVINCE_REGENERATE=1 (generate again even when the database
 * holds this province), BENCH_PROVINCE_DB_URL (default: database motcua_province_bench on
 * BENCH_PG_URL / TEST_DATABASE_URL's server), BENCH_RUNS (200 per worklist query),
 * BENCH_SECONDS (10 per submission measure), BENCH_CONNECTIONS (16), BENCH_LOOKUPS (1000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildServices, type Services } from '../src/app';
import { loadConfig } from '../src/config';
import { monthOf } from '../src/indicator';
import { fixedClock } from '../src/shared/clock';
import { leanGetter, loadAverage, pct } from './lib';
import { ensureProvince, provinceDatabaseUrl, sampleDossiers, warmUpLookups, warmUpSample, type Province } from './province-data';
import { makePdf, prepareSubmission, PROCEDURE, startApp, type AppProcess } from './submission';

const env = process.env;
const PARAMS = { dossiers: Number(env.BENCH_PROVINCE_DOSSIERS ?? 5_000_000), units: Number(env.BENCH_PROVINCE_UNITS ?? 126), years: Number(env.BENCH_PROVINCE_YEARS ?? 5) };
const FORCE = ['1', 'true', 'on', 'yes'].includes((env.BENCH_PROVINCE_REGENERATE ?? '').toLowerCase());
const RUNS = Number(env.BENCH_RUNS ?? 200);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 16);
const LOOKUPS = Number(env.BENCH_LOOKUPS ?? 1000);

interface Figure {
  what: string;
  p50?: number;
  p95?: number;
  p99?: number;
  /** A rate or a size, printed as is. */
  value?: string;
  target?: string;
  met?: boolean;
  load: string;
  note?: string;
}

const round = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 100) / 100);

async function timed(fn: () => Promise<unknown>, runs: number, warm = 3): Promise<{ p50: number; p95: number; p99: number; load: string }> {
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: round(pct(times, 50)), p95: round(pct(times, 95)), p99: round(pct(times, 99)), load: loadAverage() };
}

/** Worklist, search and indicators through the services, in this process, on the data's clock. */
async function inProcess(p: Province, log: (m: string) => void): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-province-'));
  const s: Services = await buildServices(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: p.url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' }), { clock: fixedClock(new Date(p.now)) });
  const out: Figure[] = [];
  try {
    // Twenty units spread over the province (busy and quiet ones), taken in turn.
    const sample = p.units.filter((_, i) => i % Math.max(1, Math.floor(p.units.length / 20)) === 0).slice(0, 20);
    const actor = (i: number, role: 'leader' | 'specialist') => {
      const u = sample[i % sample.length]!;
      const m = u.staff.find((x) => x.role === role)!;
      return { kind: 'staff' as const, id: m.id, unitCode: u.code, role, name: 'Bench' };
    };
    let i = 0;
    log('worklist…');
    const all = await timed(() => s.dossierWorkflow.worklist(actor(i++, 'leader'), { tab: 'all', limit: 50 }), RUNS);
    const mine = await timed(() => s.dossierWorkflow.worklist(actor(i++, 'specialist'), { tab: 'mine', limit: 50 }), RUNS);
    const open = (await s.dossierWorkflow.worklist(actor(0, 'leader'), { tab: 'all', limit: 50 })).total;
    const names = ['thi lan', 'van hung', 'nguyen minh', 'tran thu ha'];
    const search = await timed(() => s.dossierWorkflow.worklist(actor(i, 'leader'), { tab: 'all', q: names[i++ % names.length], limit: 50 }), RUNS);
    const found = (await s.dossierWorkflow.worklist(actor(0, 'leader'), { tab: 'all', q: 'thi lan', limit: 50 })).total;
    out.push(
      { what: 'worklist page data, leader "all open" (50 rows + 8 tab counts)', ...all, target: 'p99 < 20 ms', met: all.p99 < 20, note: `${open} open in unit ${sample[0]!.code}` },
      { what: 'worklist page data, specialist "mine"', ...mine, target: 'p99 < 20 ms', met: mine.p99 < 20 },
      { what: 'name search without diacritics ("thi lan", …), with the page\'s counts', ...search, target: 'p50 < 5 ms', met: search.p50 < 5, note: `"thi lan": ${found} in unit ${sample[0]!.code}` },
    );

    const now = new Date(p.now);
    const live = monthOf(now).key;
    const closed = monthOf(new Date(Date.parse(monthOf(now).from) - 1)).key;
    const forget = () => s.database.db.deleteFrom('indicator_period_counts').execute();
    log(`indicators (${closed} closed, ${live} current)…`);
    let j = 0;
    const unit = () => sample[j++ % sample.length]!.code;
    const commune = await timed(async () => (await forget(), s.indicators.report(unit(), closed)), 10, 1);
    const communeLive = await timed(() => s.indicators.report(unit(), live), 10, 1);
    const ranking = await timed(async () => (await forget(), s.indicators.ranking('01', closed)), 5, 1);
    const rankingLive = await timed(() => s.indicators.ranking('01', live), 5, 1);
    const kept = await timed(() => s.indicators.ranking('01', closed), 10, 1);
    // The closed-month job (IndicatorService.keepClosedMonth, src/indicator/indicator.jobs.ts),
    // every kept count deleted before each run: its cost on the 1st, one unit at a time.
    log('closed-month job…');
    let jobRun = { period: '', kept: 0, left: 0, units: 0 };
    const job = await timed(async () => (await forget(), (jobRun = await s.indicators.keepClosedMonth())), 3, 0);
    const again = await s.indicators.keepClosedMonth();
    const served = await timed(() => s.indicators.report(unit(), closed), 20, 1);
    const rep = await s.indicators.report(sample[0]!.code, closed);
    const onTime = rep.groups.flatMap((g) => g.indicators).find((x) => x.key === 'on_time_rate');
    const rk = await s.indicators.ranking('01', closed);
    out.push(
      { what: `indicators of one commune-month (${closed}, closed) with its rank, computed afresh (no kept counts: before the closed-month job)`, ...commune, target: 'p95 < 300 ms', met: commune.p95 < 300, note: `${onTime?.denominator ?? '?'} dossiers of the month in ${sample[0]!.code}; rank ${rep.rank.position}/${rep.rank.of}` },
      { what: `indicators of one commune-month (${live}, current)`, ...communeLive, target: 'p95 < 300 ms', met: communeLive.p95 < 300 },
      { what: `ranking of the province's ${rk.items.length} units (${closed}, closed), computed`, ...ranking, target: 'p95 < 2 s', met: ranking.p95 < 2000, note: `best ${rk.items[0]?.total}, worst ${rk.items.at(-1)?.total}` },
      { what: `ranking of the province's units (${live}, current)`, ...rankingLive, target: 'p95 < 2 s', met: rankingLive.p95 < 2000 },
      { what: `ranking (${closed}), its kept counts read again`, ...kept, note: 'not a target' },
      {
        what: `closed-month job: ${closed} kept afresh for all ${jobRun.units} units, one at a time`,
        ...job,
        note: `not a target; ${round(job.p50 / Math.max(1, jobRun.kept))} ms a unit (p50 ÷ ${jobRun.kept}); a second run kept ${again.kept}`,
      },
      { what: `indicators of one commune-month (${closed}, closed) with its rank, after the job: served from kept counts`, ...served, target: 'p95 < 300 ms', met: served.p95 < 300 },
    );
  } finally {
    await s.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** The units whose catalogue offers `procedure` (the demo's second ward does not offer them all). */
async function unitsOffering(url: string, procedure: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('SELECT unit_code FROM unit_procedures WHERE procedure_code = $1 ORDER BY unit_code', [procedure])).rows.map((r) => r.unit_code);
  } finally {
    await c.end();
  }
}

function serverEnv(p: Province, dataDir: string): Record<string, string> {
  return { DATA_DIR: dataDir, DATABASE_URL: p.url, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', REQUIRE_PHONE_VERIFICATION: 'off', DEFAULT_UNIT: p.units[0]!.code };
}

async function lookups(app: AppProcess, list: Array<{ code: string; phone: string }>): Promise<{ p50: number; p99: number; errors: number; load: string }> {
  const times: number[] = [];
  let errors = 0;
  // A client that allocates little (bench/lib.ts): its own collections are not the server's time.
  const client = leanGetter(app.url, { accept: 'application/json', 'accept-encoding': 'br' });
  for (const d of list) {
    const t = performance.now();
    const status = await client.get(`/api/dossiers/${d.code}?phone=${d.phone}`);
    times.push(performance.now() - t);
    if (status !== 200) errors++;
  }
  client.close();
  return { p50: round(pct(times, 50)), p99: round(pct(times, 99)), errors, load: loadAverage() };
}

/** Submissions per second against every server at once, CONNECTIONS shared between them. */
async function submissions(apps: AppProcess[], units: string[]): Promise<{ rps: number; p50: number; p99: number; ok: number; failed: number; firstFailure?: string; load: string }> {
  const tpl = makePdf(200 * 1024);
  const subs = await Promise.all(apps.map((a) => prepareSubmission(a.url, tpl, units)));
  let ok = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const run = (seconds: number) =>
    Promise.all(
      apps.map((a, i) =>
        autocannon({
          url: `${a.url}/api/dossiers`,
          duration: seconds,
          connections: Math.max(1, Math.round(CONNECTIONS / apps.length)),
          pipelining: 1,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': subs[i]!.contentType, accept: 'application/json' },
              setupRequest: (req) => ({ ...req, body: subs[i]!.next().body }),
              onResponse: (status, body) => {
                if (status === 201) ok++;
                else {
                  failed++;
                  firstFailure ??= `${status} ${body.slice(0, 200)}`;
                }
              },
            },
          ],
        }),
      ),
    );
  await run(2); // warm-up
  ok = failed = 0;
  const t = performance.now();
  const rs = await run(SECONDS);
  const wall = (performance.now() - t) / 1000;
  return { rps: Math.round(ok / wall), p50: Math.max(...rs.map((r) => r.latency.p50)), p99: Math.max(...rs.map((r) => r.latency.p99)), ok, failed, firstFailure, load: loadAverage() };
}

async function onServers(p: Province, log: (m: string) => void): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-province-srv-'));
  const out: Figure[] = [];
  const apps: AppProcess[] = [];
  try {
    const list = await sampleDossiers(p.url, LOOKUPS);
    const warmList = await warmUpSample(p.url, list);
    apps.push(await startApp(serverEnv(p, dataDir)));
    log('tracking lookups…');
    // The first lookups after the start (the route's code run for the first time), apart from the measured ones.
    const warm = leanGetter(apps[0]!.url, { accept: 'application/json', 'accept-encoding': 'br' });
    const warmUp = await warmUpLookups((path) => warm.get(path), warmList);
    warm.close();
    log(warmUp.line);
    const first = await lookups(apps[0]!, list);
    const again = await lookups(apps[0]!, list);
    out.push(
      { what: `warm-up: ${warmUp.n} lookups of other dossiers just after the start, not counted`, p50: warmUp.p50, load: loadAverage(), note: `max ${warmUp.max} ms; the start's cost, apart from the steady state below` },
      { what: `tracking lookup GET /api/dossiers/:code?phone=, ${list.length} dossiers never looked up before, one at a time`, ...first, target: 'p99 < 5 ms', met: first.p99 < 5, note: `${first.errors} not 200` },
      { what: 'the same lookups again (answers kept in memory)', ...again, note: `not a target; ${again.errors} not 200` },
    );
    const units = await unitsOffering(p.url, PROCEDURE);
    log(`submissions to the ${units.length} units offering ${PROCEDURE}, one server process…`);
    const one = await submissions(apps, units);
    apps.push(await startApp(serverEnv(p, dataDir)));
    log('submissions, two server processes…');
    const two = await submissions(apps, units);
    const fail = (r: typeof one) => (r.failed ? `; ${r.failed} failed (${r.firstFailure})` : '');
    out.push(
      { what: `submissions/s, 1 server process (multipart, 200 KB PDF, over ${units.length} units)`, value: `${one.rps}/s`, p50: one.p50, p99: one.p99, load: one.load, note: `${one.ok} acknowledged${fail(one)}` },
      {
        what: 'submissions/s, 2 server processes on the same database',
        value: `${two.rps}/s`,
        p50: two.p50,
        p99: two.p99,
        load: two.load,
        target: 'ratio to 1 process (2 cores, PostgreSQL on the same machine)',
        note: `× ${(two.rps / Math.max(1, one.rps)).toFixed(2)}; ${two.ok} acknowledged${fail(two)}`,
      },
    );
  } finally {
    for (const a of apps) await a.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

async function sizes(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const mb = (b: string | number) => `${Math.round(Number(b) / 1024 / 1024).toLocaleString('en-US')} MB`;
    const db = (await c.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b;
    const tables = (
      await c.query(`SELECT c.relname AS t, c.reltuples::bigint AS n, pg_table_size(c.oid) AS heap, pg_indexes_size(c.oid) AS idx FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 10`)
    ).rows;
    const indexes = (
      await c.query(`SELECT c.relname AS i, t.relname AS t, pg_relation_size(c.oid) AS b FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' ORDER BY pg_relation_size(c.oid) DESC LIMIT 15`)
    ).rows;
    return [
      `database size: ${mb(db)}`,
      '',
      '| table | rows (estimate) | table MB | its indexes MB |',
      '| --- | ---: | ---: | ---: |',
      ...tables.map((t) => `| ${t.t} | ${Number(t.n).toLocaleString('en-US')} | ${mb(t.heap)} | ${mb(t.idx)} |`),
      '',
      '| largest indexes | table | MB |',
      '| --- | --- | ---: |',
      ...indexes.map((i) => `| ${i.i} | ${i.t} | ${mb(i.b)} |`),
    ];
  } finally {
    await c.end();
  }
}

function table(figures: Figure[]): string[] {
  return [
    '| measure | p50 ms | p95 ms | p99 ms | rate | target | met | load | |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.what} | ${f.p50 ?? ''} | ${f.p95 ?? ''} | ${f.p99 ?? ''} | ${f.value ?? ''} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'met' : '**not met**'} | ${f.load} | ${f.note ?? ''} |`),
  ];
}

async function main() {
  const started = performance.now();
  const log = (m: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${m}`);
  const url = provinceDatabaseUrl();
  log(`province: ${PARAMS.dossiers.toLocaleString('en-US')} dossiers, ${PARAMS.units} units, ${PARAMS.years} years in ${url.replace(/\/\/[^@]*@/, '//')}${FORCE ? ' (regenerate)' : ''}`);
  const p = await ensureProvince(url, PARAMS, { force: FORCE, log });
  log(p.reused ? `found, generated ${p.generatedAt} in ${Math.round(p.seconds)} s: reused` : `generated in ${Math.round(p.seconds)} s`);
  const figures = [...(await inProcess(p, log)), ...(await onServers(p, log))];
  const size = await sizes(url);
  const lines = [
    `motcua bench:province — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}, ${PARAMS.dossiers.toLocaleString('en-US')} dossiers, ${PARAMS.units} units, ${PARAMS.years} years (data up to ${p.now})`,
    `generation: ${p.reused ? `reused (made ${p.generatedAt} in ${Math.round(p.seconds)} s)` : `${Math.round(p.seconds)} s in this run`}; load average at the end ${loadAverage()}`,
    '',
    ...table(figures),
    '',
    ...size,
    '',
    `targets: ${figures.filter((f) => f.met !== undefined).every((f) => f.met) ? 'all met' : `NOT met: ${figures.filter((f) => f.met === false).map((f) => f.what.split(' (')[0]).join('; ')}`}`,
    `whole run: ${Math.round((performance.now() - started) / 1000)} s`,
  ];
  console.log('\n' + lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
