/**
 * `npx tsx bench/province-lookups.ts`: bench:province's tracking lookup alone, explained — on the
 * generated province (it must exist: `npm run bench:province` makes it once), a real server
 * process started as the benchmark starts it, then `GET /api/dossiers/:code?phone=` of dossiers it
 * never looked up before, one at a time, as bench:province measures it. The server runs with
 * bench/lookup-probe.mjs, which records its side: each request's time in the server, every SQL
 * statement, garbage collection and the event loop's lateness. Printed: the client's and the
 * server's p50/p99, the server's CPU per lookup, the statements of a lookup, what else the server
 * ran meanwhile (jobs, the outbox worker), the slowest lookups with what overlapped them, and the
 * bytes the server and the client allocated per lookup with their collections (bench/alloc-meter.mjs:
 * figures that do not depend on the machine's load). The client is `leanGetter` (bench/lib.ts): on
 * two cores, fetch's own garbage (~75 KB a request against ~18 KB) was in the measured times.
 *
 * Settings: BENCH_PROVINCE_DB_URL (as bench:province), BENCH_LOOKUPS (1000), LOOKUP_SEED (the
 * sample's seed: 16, bench:province's, whose pages earlier runs may have left in memory; another
 * seed gives dossiers whose pages no run read), BENCH_WARMUP_LOOKUPS (50: lookups of other dossiers
 * before the measured ones, not counted, printed on their own line), LOOKUP_WAIT_S (0: seconds between the server's
 * readiness and the first lookup), LOOKUP_EXPLAIN=N (EXPLAIN (ANALYZE, BUFFERS) of the
 * statements the last lookup ran, as the probe recorded them, for N more never-read dossiers), LOOKUP_PROFILE=1 (the server run under V8's profiler
 * and without the probe: where its CPU time went during the lookups; LOOKUP_PROFILE_OUT=file keeps the .cpuprofile), LOOKUP_ALLOC=1 (what the server allocated during the lookups,
 * sampled, by function), LOOKUP_JOBS_DUE=1 (every periodic job's last run moved a
 * day back, so that the server's first tick runs each of them, as in a province's server that
 * started long after the last run — bench:province's case when it has not run for a while),
 * LOOKUP_NODE_ARGS (node's own options for the server, e.g. "--max-semi-space-size=64"),
 * LOOKUP_SPLIT=1 (each lookup's CPU in the server and the involuntary context switches of the
 * server and of the client, in the split of the client's time, and every timer the server set and
 * ran during the lookups; reading them allocates ~1 KB a lookup on each side and a stack per timer,
 * so the allocation figures are read without it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { summariseProfile } from './cpuprofile';
import { allocationMeter } from './alloc-meter.mjs';
import { leanGetter, loadAverage, pct, treeCpuSeconds } from './lib';
import { findProvince, provinceDatabaseUrl, sampleDossiers, warmUpLookups, warmUpSample } from './province-data';
import { sleep, startApp, type AppProcess } from './submission';

const N = Number(process.env.BENCH_LOOKUPS ?? 1000);
const SEED = Number(process.env.LOOKUP_SEED ?? 16);
const WAIT_S = Number(process.env.LOOKUP_WAIT_S ?? 0);
const EXPLAIN = Number(process.env.LOOKUP_EXPLAIN ?? 0);
const JOBS_DUE = process.env.LOOKUP_JOBS_DUE === '1';
const PROFILE = process.env.LOOKUP_PROFILE === '1';
const ALLOC = process.env.LOOKUP_ALLOC === '1';
const SPLIT = process.env.LOOKUP_SPLIT === '1';
const PROBE = new URL('./lookup-probe.mjs', import.meta.url).pathname;

interface Probe {
  origin: number;
  requests: Array<{ t: number; ms: number; sentMs?: number; url: string; cpu?: number; ics?: number }>;
  sql: Array<{ t: number; ms: number; ok: boolean; sql: string; values?: unknown[] }>;
  gc: Array<{ t: number; ms: number; kind: number }>;
  lags: Array<{ t: number; ms: number }>;
  eld: { p50: number; p99: number; max: number };
  mem: { rss: number; heapUsed: number; heapTotal: number };
  cpu: { user: number; system: number };
  allocated: { bytes: number; collections: number };
  /** What keeps the server's event loop alive when the probe writes (timers, sockets, ...). */
  resources?: string[];
  /** Timers set and run between two signals, by where they were set (the probe's own excluded). */
  timers?: Array<[string, { set: number; ran: number; ms: number; max: number }]>;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export { sampleDossiers };

async function probe(app: AppProcess, file: string): Promise<Probe> {
  fs.rmSync(file, { force: true });
  app.child.kill('SIGUSR2');
  for (let i = 0; i < 200 && !fs.existsSync(file); i++) await sleep(25);
  await sleep(50);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Probe;
}

/**
 * The statements a lookup ran (as the probe recorded them: text and values), each with EXPLAIN
 * (ANALYZE, BUFFERS) on PostgreSQL's side for other dossiers: the measured dossier's code and id in
 * the values become theirs.
 */
async function explain(url: string, ran: { code: string; statements: Array<{ sql: string; values?: unknown[] }> }, list: Array<{ code: string; phone: string }>): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const out: string[] = [];
  try {
    const idOf = async (code: string) => (await c.query('SELECT id FROM dossiers WHERE code = $1', [code])).rows[0]?.id as string | undefined;
    const ranId = await idOf(ran.code);
    const total = new Map<string, { ms: number; hit: number; read: number; n: number }>();
    for (const d of list) {
      // Read only when a statement needs it (after the statements by code: their pages unread).
      let id: string | undefined;
      for (const s of ran.statements) {
        const values = [];
        for (const v of s.values ?? []) values.push(v === ran.code ? d.code : v === ranId && ranId ? (id ??= await idOf(d.code)) : v);
        const plan = (await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, values)).rows[0]['QUERY PLAN'][0];
        const what = s.sql.replace(/\s+/g, ' ').slice(0, 90);
        const t = total.get(what) ?? { ms: 0, hit: 0, read: 0, n: 0 };
        t.ms += plan['Execution Time'];
        t.hit += plan.Plan['Shared Hit Blocks'];
        t.read += plan.Plan['Shared Read Blocks'];
        t.n++;
        total.set(what, t);
      }
    }
    out.push(`EXPLAIN (ANALYZE, BUFFERS) of the statements of a lookup (as ${ran.code}'s ran), ${list.length} dossiers never read (load ${loadAverage()}):`);
    for (const [what, t] of total) out.push(`  ${r2(t.ms / t.n)} ms, pages: ${r2(t.hit / t.n)} in shared buffers + ${r2(t.read / t.n)} read  ${what}`);
  } finally {
    await c.end();
  }
  return out;
}

async function main() {
  const url = provinceDatabaseUrl();
  const p = await findProvince(url);
  if (!p) throw new Error(`no generated province in ${url}: run npm run bench:province once`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-lookups-'));
  const out = path.join(dataDir, 'probe.json');
  const list = await sampleDossiers(url, N, SEED);
  const warmList = await warmUpSample(url, list, SEED);
  if (JOBS_DUE) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`UPDATE job_runs SET started_at = to_char((started_at::timestamptz - interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    await c.end();
  }
  const env = { DATA_DIR: dataDir, DATABASE_URL: url, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', REQUIRE_PHONE_VERIFICATION: 'off', DEFAULT_UNIT: p.units[0]!.code, PROBE_OUT: out, ...(SPLIT ? { PROBE_SPLIT: '1' } : {}), ...(ALLOC ? { PROBE_ALLOC: path.join(dataDir, 'alloc.json') } : {}) };
  const t0 = Date.now();
  const profiles = path.join(dataDir, 'profiles');
  const nodeArgs = (process.env.LOOKUP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const app = await startApp(env, [...nodeArgs, ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : ['--import', PROBE])]);
  console.log(`server ready in ${Date.now() - t0} ms; ${list.length} dossiers (seed ${SEED}); load ${loadAverage()}`);
  try {
    if (WAIT_S) await sleep(WAIT_S * 1000);
    const headers = { accept: 'application/json', 'accept-encoding': 'br' };
    const lean = leanGetter(app.url, headers);
    // The first lookups after the start, apart: the measure below is the steady state.
    console.log((await warmUpLookups((p) => lean.get(p), warmList)).line);
    if (PROFILE) {
      lean.close();
      return await profiled(app, list, profiles);
    }
    const startup = await probe(app, out);
    const cpu0 = treeCpuSeconds(app.child.pid!);
    const client: Client[] = [];
    const clientAllocated = allocationMeter();
    for (const d of list) {
      // The client's own involuntary switches (LOOKUP_SPLIT=1), read outside the measured time.
      const ics = SPLIT ? process.resourceUsage().involuntaryContextSwitches : 0;
      const t = performance.timeOrigin + performance.now();
      const status = await lean.get(`/api/dossiers/${d.code}?phone=${d.phone}`);
      const ms = performance.timeOrigin + performance.now() - t;
      client.push({ t, ms, code: d.code, status, ics: SPLIT ? process.resourceUsage().involuntaryContextSwitches - ics : NaN });
    }
    const mine = clientAllocated();
    lean.close();
    const cpu = treeCpuSeconds(app.child.pid!) - cpu0;
    const load = loadAverage();
    const run = await probe(app, out);
    report(startup, run, client, cpu, load);
    const kb = (b: number) => r2(b / 1024 / client.length);
    console.log(`  allocated per lookup: server ${kb(run.allocated.bytes)} KB (${run.allocated.collections} collections in ${client.length} lookups), client ${kb(mine.bytes)} KB (${mine.collections} collections)`);
    if (ALLOC) {
      await sleep(1000);
      const by = JSON.parse(fs.readFileSync(path.join(dataDir, 'alloc.json'), 'utf8')) as Array<[string, number]>;
      const total = by.reduce((a, [, b]) => a + b, 0);
      console.log(`allocated during the lookups (sampled; top 60 functions ${Math.round(total / 1024 / client.length)} KB per lookup):`);
      for (const [name, bytes] of by.slice(0, 40)) console.log(`  ${r2(bytes / 1024 / client.length)} KB  ${name}`);
    }
    if (EXPLAIN) {
      // The statements of the last lookup (the others' as well: all ask the same).
      const last = run.requests.filter((r) => r.url.startsWith('/api/dossiers/')).at(-1)!;
      const statements = run.sql.filter((s) => s.t >= last.t && s.t <= last.t + last.ms);
      const code = decodeURIComponent(last.url.slice('/api/dossiers/'.length).split('?')[0]!);
      for (const l of await explain(url, { code, statements }, await sampleDossiers(url, EXPLAIN, SEED + 1000))) console.log(l);
    }
    if (process.env.LOOKUP_OUTPUT === '1') console.log(`server output:\n${app.output().slice(-4000)}`);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The lookups with the server under V8's profiler: where its time went while they ran. */
async function profiled(app: AppProcess, list: Array<{ code: string; phone: string }>, dir: string): Promise<void> {
  const cpu0 = treeCpuSeconds(app.child.pid!);
  const t0 = performance.now();
  const times: number[] = [];
  const client = leanGetter(app.url, { accept: 'application/json', 'accept-encoding': 'br' });
  for (const d of list) {
    const t = performance.now();
    await client.get(`/api/dossiers/${d.code}?phone=${d.phone}`);
    times.push(performance.now() - t);
  }
  client.close();
  const lastMs = performance.now() - t0;
  const cpu = treeCpuSeconds(app.child.pid!) - cpu0;
  const load = loadAverage();
  const end = performance.now();
  await app.stop();
  const margin = performance.now() - end;
  const file = path.join(dir, fs.readdirSync(dir)[0]!);
  if (process.env.LOOKUP_PROFILE_OUT) fs.copyFileSync(file, process.env.LOOKUP_PROFILE_OUT);
  const s = summariseProfile(file, 30, [], { lastMs, endMarginMs: margin });
  console.log(`lookups (profiled): client p50 ${r2(pct(times, 50))} p99 ${r2(pct(times, 99))} ms; server CPU ${r2((cpu * 1000) / list.length)} ms per lookup; load ${load}`);
  console.log(`CPU profile of the lookups: ${r2(s.busyMs)} ms busy of ${r2(s.totalMs)}`);
  for (const f of s.selfByFunction) console.log(`  self ${r2(f.ms)} ms  ${f.name}`);
  for (const f of s.selfByArea.slice(0, 20)) console.log(`  area ${r2(f.ms)} ms  ${f.name}`);
  for (const f of s.inclusiveApp.slice(0, 25)) console.log(`  incl ${r2(f.ms)} ms  ${f.name}`);
}

type Client = { t: number; ms: number; code: string; status: number; ics: number };

function report(startup: Probe, run: Probe, client: Client[], cpu: number, load: string) {
  const lookups = run.requests.filter((r) => r.url.startsWith('/api/dossiers/'));
  const cms = client.map((c) => c.ms);
  const sms = lookups.map((r) => r.ms);
  console.log(`startup and warm-up (until the first measured lookup): ${startup.requests.length} requests, ${startup.sql.length} statements (${r2(startup.sql.reduce((a, s) => a + s.ms, 0))} ms at the driver), gc ${startup.gc.length} (${r2(startup.gc.reduce((a, g) => a + g.ms, 0))} ms), event loop late > 1 ms ${startup.lags.length}×, max ${r2(Math.max(0, ...startup.lags.map((l) => l.ms)))} ms`);
  console.log(`lookups: client p50 ${r2(pct(cms, 50))} p99 ${r2(pct(cms, 99))} max ${r2(Math.max(...cms))} ms; in the server p50 ${r2(pct(sms, 50))} p99 ${r2(pct(sms, 99))} ms; ${client.filter((c) => c.status !== 200).length} not 200; server CPU ${r2((cpu * 1000) / client.length)} ms per lookup; load ${load}`);
  console.log(`  event loop: delay p50 ${r2(run.eld.p50)} p99 ${r2(run.eld.p99)} max ${r2(run.eld.max)} ms; late > 1 ms ${run.lags.length}× (${r2(run.lags.reduce((a, l) => a + l.ms, 0))} ms); gc ${run.gc.length}× (${r2(run.gc.reduce((a, g) => a + g.ms, 0))} ms, max ${r2(Math.max(0, ...run.gc.map((g) => g.ms)))})`);
  const kinds = new Map<string, { n: number; ms: number; max: number }>();
  for (const g of run.gc) {
    const k = ({ 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' } as Record<number, string>)[g.kind] ?? String(g.kind);
    const e = kinds.get(k) ?? { n: 0, ms: 0, max: 0 };
    e.n++;
    e.ms += g.ms;
    e.max = Math.max(e.max, g.ms);
    kinds.set(k, e);
  }
  const mb = (b: number) => Math.round(b / 1048576);
  const held = new Map<string, number>();
  for (const k of run.resources ?? []) held.set(k, (held.get(k) ?? 0) + 1);
  console.log(`  the server's active resources after the lookups: ${[...held].map(([k, n]) => `${k} ${n}`).join(', ')} (unref'd timers not listed)`);
  const timers = (run.timers ?? []).filter(([, e]) => e.ran || e.set);
  if (SPLIT) console.log(`  timers during the lookups (set / callbacks run, their time): ${timers.length ? '' : 'none'}`);
  for (const [where, e] of timers.slice(0, 10)) console.log(`    ${e.set} set / ${e.ran} ran, ${r2(e.ms)} ms (max ${r2(e.max)})  ${where.slice(0, 140)}`);
  console.log(`  gc by kind: ${[...kinds].map(([k, e]) => `${k} ${e.n}× ${r2(e.ms)} ms (max ${r2(e.max)})`).join(', ')}; heap ${mb(startup.mem.heapUsed)} MB used before the lookups, ${mb(run.mem.heapUsed)} after (rss ${mb(run.mem.rss)} MB)`);
  // Statements inside a lookup's time in the server are the lookup's; the others are the jobs'.
  const inside = (t: number) => lookups.some((r) => t >= r.t && t <= r.t + r.ms);
  const mine = run.sql.filter((s) => inside(s.t));
  const other = run.sql.filter((s) => !inside(s.t));
  const byText = (xs: Probe['sql']) => {
    const m = new Map<string, { n: number; ms: number; max: number }>();
    for (const s of xs) {
      const k = s.sql.replace(/\s+/g, ' ').slice(0, 110);
      const e = m.get(k) ?? { n: 0, ms: 0, max: 0 };
      e.n++;
      e.ms += s.ms;
      e.max = Math.max(e.max, s.ms);
      m.set(k, e);
    }
    return [...m].sort((a, b) => b[1].ms - a[1].ms);
  };
  console.log(`  the lookups' statements (${r2(mine.length / Math.max(1, lookups.length))} per lookup):`);
  for (const [k, e] of byText(mine).slice(0, 10)) console.log(`    ${e.n}× avg ${r2(e.ms / e.n)} max ${r2(e.max)} ms  ${k}`);
  console.log(`  other statements meanwhile: ${other.length} (${r2(other.reduce((a, s) => a + s.ms, 0))} ms at the driver)`);
  for (const [k, e] of byText(other).slice(0, 10)) console.log(`    ${e.n}× avg ${r2(e.ms / e.n)} max ${r2(e.max)} ms  ${k}`);
  // The slowest lookups, and what overlapped them.
  const slow = [...lookups].sort((a, b) => b.ms - a.ms).slice(0, 12);
  console.log('  slowest lookups in the server (ms; their statements; overlapping: other statements, gc, event-loop lateness):');
  for (const r of slow) {
    const end = r.t + r.ms;
    const over = <T extends { t: number; ms: number }>(xs: T[]) => xs.filter((x) => x.t < end && x.t + x.ms > r.t);
    const own = run.sql.filter((s) => s.t >= r.t && s.t <= end);
    const foreign = over(other);
    console.log(
      `    ${r2(r.ms)} ${r.url.slice(14, 34)}${r.cpu === undefined ? '' : ` cpu ${r2(r.cpu)} switched ${r.ics}`} [${own.map((s) => r2(s.ms)).join(' ')}] others ${foreign.length}${foreign.length ? ` (${foreign.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 40)).slice(0, 2).join(' | ')})` : ''} gc ${over(run.gc).map((g) => r2(g.ms)).join(' ') || '-'} late ${over(run.lags).map((l) => r2(l.ms)).join(' ') || '-'}`,
    );
  }
  whatTheTailOverlapped(run, lookups, other);
  whereTheClientWaited(run, lookups, client);
}

/**
 * The slowest 1 % of the lookups in the server, each counted under what overlapped it: a garbage
 * collection, a statement of something else (a periodic job, the outbox), the code's first runs
 * (one of the first 20 lookups after the start), the event loop late (a timer's callback or other
 * work, or no core for the server), or nothing of these; and the first lookups' own times.
 */
function whatTheTailOverlapped(run: Probe, lookups: Probe['requests'], other: Probe['sql']) {
  const first = new Set(lookups.slice(0, 20));
  const slow = [...lookups].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(lookups.length / 100)));
  const by = { gc: 0, others: 0, first: 0, late: 0, none: 0 };
  for (const r of slow) {
    const over = <T extends { t: number; ms: number }>(xs: T[]) => xs.some((x) => x.t < r.t + r.ms && x.t + x.ms > r.t);
    const gc = over(run.gc), others = over(other), late = over(run.lags), isFirst = first.has(r);
    if (gc) by.gc++;
    if (others) by.others++;
    if (isFirst) by.first++;
    if (late) by.late++;
    if (!gc && !others && !isFirst && !late) by.none++;
  }
  console.log(`  the slowest 1 % in the server (${slow.length}, from ${r2(slow.at(-1)?.ms ?? 0)} ms) overlapped: a collection ${by.gc}, another statement ${by.others}, among the first 20 lookups ${by.first}, the event loop late > 1 ms ${by.late}, none of these ${by.none}`);
  console.log(`  the first lookups in the server (ms): ${lookups.slice(0, 8).map((r) => r2(r.ms)).join(' ')}; the rest p50 ${r2(pct(lookups.slice(20).map((r) => r.ms), 50))}`);
}

/**
 * The client's time of each lookup split on one clock (both processes' time origins): before the
 * server saw the request, in the server, after the server finished until the client had the whole
 * answer — and for the server's part its CPU, the statement's time and the kernel's involuntary
 * switches of either process, so that a slow lookup reads as work, waiting on PostgreSQL or waiting
 * for a core.
 */
function whereTheClientWaited(run: Probe, lookups: Probe['requests'], client: Client[]) {
  const byCode = new Map(lookups.map((r) => [decodeURIComponent(r.url.slice('/api/dossiers/'.length).split('?')[0]!), r]));
  const rows = client.flatMap((c) => {
    const r = byCode.get(c.code);
    if (!r) return [];
    const start = run.origin + r.t;
    const sqlMs = run.sql.filter((s) => s.t >= r.t && s.t <= r.t + r.ms).reduce((a, s) => a + s.ms, 0);
    const sent = r.sentMs ?? r.ms;
    return [{ c, r, sent, before: start - c.t, after: c.t + c.ms - (start + sent), sqlMs }];
  });
  const p = (xs: number[], q: number) => r2(pct(xs, q));
  const part = (f: (x: (typeof rows)[number]) => number) => `p50 ${p(rows.map(f), 50)} p99 ${p(rows.map(f), 99)}`;
  console.log(`  the client's time split (ms): before the server ${part((x) => x.before)}; in the server until the answer was written ${part((x) => x.sent)}, until 'finish' ${part((x) => x.r.ms)} (${SPLIT ? `its CPU ${part((x) => x.r.cpu ?? 0)}, ` : ''}statement ${part((x) => x.sqlMs)}); after ${part((x) => x.after)}`);
  const slow = [...rows].sort((a, b) => b.c.ms - a.c.ms).slice(0, Math.max(1, Math.ceil(rows.length / 100)));
  const sum = (f: (x: (typeof rows)[number]) => number) => r2(slow.reduce((a, x) => a + f(x), 0) / slow.length);
  console.log(
    `  the slowest 1 % at the client (${slow.length}), on average: client ${sum((x) => x.c.ms)} = before ${sum((x) => x.before)} + server ${sum((x) => x.sent)} (until 'finish' ${sum((x) => x.r.ms)}; ${SPLIT ? `CPU ${sum((x) => x.r.cpu ?? 0)}, ` : ''}statement ${sum((x) => x.sqlMs)}${SPLIT ? `, switched ${sum((x) => x.r.ics ?? 0)}` : ''}) + after ${sum((x) => x.after)}${SPLIT ? `; client switched ${sum((x) => x.c.ics)}` : ''}`,
  );
  for (const x of slow.slice(0, 12))
    console.log(`    ${r2(x.c.ms)} ${x.c.code}: before ${r2(x.before)}, server ${r2(x.sent)} (until 'finish' ${r2(x.r.ms)}; ${SPLIT ? `CPU ${r2(x.r.cpu ?? NaN)}, ` : ''}statement ${r2(x.sqlMs)}${SPLIT ? `, switched ${x.r.ics}` : ''}), after ${r2(x.after)}${SPLIT ? `; client switched ${x.c.ics}` : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
