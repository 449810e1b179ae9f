/**
 * `npm run bench:dossiers`: dossier submissions per second (one multipart POST /api/dossiers with
 * a small JSON dossier and one ~200 KB PDF, every PDF different so nothing is deduplicated) on
 * SQLite and PostgreSQL; tracking lookups per second (GET /api/dossiers/:code?phone=…) against a
 * bare Fastify route measured in the same run; then a crash test on each engine: `kill -9` the
 * server in the middle of a burst of submissions, restart it (its start-up sweep runs with
 * SWEEP_GRACE_SECONDS=0), and check that every acknowledged submission is there, whole, with no
 * half-written dossier and no orphan file.
 *
 * Settings (environment): BENCH_SECONDS (10) per measure, BENCH_CONNECTIONS (16);
 * BENCH_ONLY (load | crash | profile | cpu: one part only; cpu: CPU time per submission, BENCH_AMOUNT of them); BENCH_ENGINES (sqlite | postgres: one engine only); BENCH_PROCEDURE (1.012564: its general case
 * asks for exactly one paper); BENCH_CRASH_AFTER (150 acknowledged submissions before the kill);
 * BENCH_PROFILE=1 (extra runs of submissions and of lookups under `node --cpu-prof` on the first
 * engine of BENCH_ENGINES, SQLite by default, summarised by cpuprofile.ts); BENCH_PG_URL or TEST_DATABASE_URL (a PostgreSQL server where the
 * user may create databases; default: the development server postgres://motcua@127.0.0.1:55432/postgres
 * — a fresh database is created on it for each run and dropped afterwards; without a reachable
 * server the PostgreSQL rows say "skipped"); BENCH_MAX_NOISE (25) and BENCH_TRIES (3): the machine
 * may be shared, so a measure during which other processes used more than BENCH_MAX_NOISE % of a
 * core is taken again, and the least disturbed of the tries is reported with its disturbance;
 * BENCH_NODE_ARGS (extra node options for the server, e.g. a `--import` preload for an experiment).
 *
 * The app is started as `node --import tsx src/main.ts serve` (one process: the tsx CLI would put
 * a parent in between, and `kill -9` must hit the server itself).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseDatabaseUrl } from '../src/config';
import { openDatabase } from '../src/db/connection';
import { summariseProfile } from './cpuprofile';
import { allProcesses, cpuMeter, cpuSeconds, cpuText, quietest as quietestOf, type CpuShare } from './cpu-meter';
import { BROWSER_HEADERS, freePort, load, startServer, type LoadResult } from './lib';
import { bytes, checkPdf, makePdf, PHONE, prepareSubmission, PROCEDURE, sleep, startApp, type AppProcess, type PdfTemplate, type Submission } from './submission';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CRASH_AFTER = Number(process.env.BENCH_CRASH_AFTER ?? 150);
const CRASH_CONCURRENCY = 24;
/** A measure during which other processes used more than this (% of one core) is taken again, up to BENCH_TRIES times in all. */
const MAX_NOISE = Number(process.env.BENCH_MAX_NOISE ?? 25);
const TRIES = Number(process.env.BENCH_TRIES ?? 3);
const PROFILE = ['1', 'on', 'true', 'yes'].includes((process.env.BENCH_PROFILE ?? '').toLowerCase());
/** Run one part only: "load", "crash" or "profile" (the default runs load and crash, and profile with BENCH_PROFILE). */
const ONLY = process.env.BENCH_ONLY;
const PG_ADMIN = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://motcua@127.0.0.1:55432/postgres';
const PDF_TARGET_BYTES = 200 * 1024;

type Engine = 'SQLite' | 'PostgreSQL';

// ------------------------------------------------------------------ servers and databases

interface Store {
  engine: Engine;
  dataDir: string;
  databaseUrl: string;
  /**
   * PostgreSQL: the process ids of the backends connected to this run's database now (the
   * server's pool): their CPU is the submissions' own, where every postgres process of the
   * machine also serves other sessions' databases.
   */
  backends?: () => Promise<Set<number>>;
  drop(): Promise<void>;
}

async function pgReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

async function makeStore(engine: Engine): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-dossiers-'));
  if (engine === 'SQLite') {
    return { engine, dataDir, databaseUrl: `sqlite:${path.join(dataDir, 'motcua.db')}`, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `motcua_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    engine,
    dataDir,
    databaseUrl: u.toString(),
    backends: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      try {
        const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
        return new Set(r.rows.map((x) => Number(x.pid)));
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      const d = new pg.Client({ connectionString: PG_ADMIN });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function appEnv(store: Store, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: store.dataDir,
    DATABASE_URL: store.databaseUrl,
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'silent',
    DEMO: 'on',
    REQUIRE_PHONE_VERIFICATION: 'off',
    ...extra,
  };
}

// ------------------------------------------------------------------ load

/** The least disturbed of up to TRIES runs of a measure (see MAX_NOISE). */
const quietest = <T extends Measured>(run: () => Promise<T>): Promise<T> => quietestOf(run, TRIES, MAX_NOISE);

interface Measured extends LoadResult {
  cpu: CpuShare;
}

interface SubmitResult extends Measured {
  codes: string[];
  firstFailure?: string;
}

/** The run's own PostgreSQL backends at the start and at the end of a measure (see Store.backends). */
async function backendsDuring<T>(store: Store | undefined, measure: () => Promise<(own?: Set<number>) => T>): Promise<T> {
  const before = await store?.backends?.();
  const finish = await measure();
  const after = await store?.backends?.();
  return finish(before && after ? new Set([...before, ...after]) : undefined);
}

async function submitLoad(app: AppProcess, sub: Submission, seconds: number, store?: Store): Promise<SubmitResult> {
  return backendsDuring(store, async () => {
    const codes: string[] = [];
    let firstFailure: string | undefined;
    const meter = cpuMeter(app.child.pid);
    const r = await autocannon({
      url: `${app.url}/api/dossiers`,
      duration: seconds,
      connections: CONNECTIONS,
      pipelining: 1,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': sub.contentType, accept: 'application/json' },
          setupRequest: (req) => ({ ...req, body: sub.next().body }),
          onResponse: (status, body) => {
            if (status === 201) codes.push((JSON.parse(body) as { code: string }).code);
            else firstFailure ??= `${status} ${body.slice(0, 300)}`;
          },
        },
      ],
    });
    return (own?: Set<number>) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, count: r.requests.total, cpu: meter(own), codes, firstFailure });
  });
}

/**
 * Each code looked up once, in order (every one a cache miss: the row, files, history, fee and
 * payment read, the answer made and compressed): what the first lookup of a dossier costs. It also
 * fills the answer cache, so the repeated lookups measured next are what they say.
 */
async function firstLookups(app: AppProcess, codes: string[], store?: Store): Promise<Measured & { seconds: number }> {
  return backendsDuring(store, async () => {
    let i = 0;
    const meter = cpuMeter(app.child.pid);
    const t0 = performance.now();
    const r = await autocannon({
      url: `${app.url}/api/dossiers/${codes[0]}?phone=${PHONE}`,
      amount: codes.length,
      connections: CONNECTIONS,
      pipelining: 1,
      headers: BROWSER_HEADERS,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/dossiers/${codes[i++ % codes.length]}?phone=${PHONE}` }) }],
    });
    const seconds = (performance.now() - t0) / 1000;
    return (own?: Set<number>) => ({ rps: r.requests.total / seconds, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, count: r.requests.total, cpu: meter(own), seconds });
  });
}

async function lookupLoad(app: AppProcess, codes: string[], seconds: number, store?: Store): Promise<Measured> {
  return backendsDuring(store, async () => {
    let i = 0;
    const meter = cpuMeter(app.child.pid);
    const r = await autocannon({
      url: `${app.url}/api/dossiers/${codes[0]}?phone=${PHONE}`,
      duration: seconds,
      connections: CONNECTIONS,
      pipelining: 1,
      headers: BROWSER_HEADERS,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/dossiers/${codes[i++ % codes.length]}?phone=${PHONE}` }) }],
    });
    return (own?: Set<number>) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, count: r.requests.total, cpu: meter(own) });
  });
}

// ------------------------------------------------------------------ what is in the database and on disk

interface Snapshot {
  dossiers: Array<{ id: string; code: string | null; status: string; phone: string }>;
  files: Array<{ dossierId: string; sha256: string; size: number; component: string }>;
  historyCount: Map<string, number>;
  outboxCodes: Set<string>;
  /** sha256 → size of every blob under DATA_DIR/files. */
  blobs: Map<string, number>;
  tmp: string[];
  /** Anything else under files/ that is neither a blob nor tmp. */
  stray: string[];
}

async function snapshot(store: Store): Promise<Snapshot> {
  const database = openDatabase(parseDatabaseUrl(store.databaseUrl, store.dataDir));
  try {
    const db = database.db;
    const dossiers = (await db.selectFrom('dossiers').select(['id', 'code', 'status', 'applicant_phone']).execute()).map((d) => ({ id: d.id, code: d.code, status: d.status, phone: d.applicant_phone }));
    const files = (await db.selectFrom('dossier_files').select(['dossier_id', 'sha256', 'size', 'component']).execute()).map((f) => ({ dossierId: f.dossier_id, sha256: f.sha256, size: Number(f.size), component: f.component }));
    const historyCount = new Map<string, number>();
    for (const h of await db.selectFrom('dossier_history').select('dossier_id').execute()) historyCount.set(h.dossier_id, (historyCount.get(h.dossier_id) ?? 0) + 1);
    const outboxCodes = new Set((await db.selectFrom('outbox').select('dossier_code').execute()).map((o) => o.dossier_code ?? ''));
    const root = path.join(store.dataDir, 'files');
    const blobs = new Map<string, number>();
    const stray: string[] = [];
    const ls = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d) : []);
    const tmp = ls(path.join(root, 'tmp'));
    for (const a of ls(root)) {
      if (a === 'tmp') continue;
      if (!/^[0-9a-f]{2}$/.test(a)) {
        stray.push(a);
        continue;
      }
      for (const b of ls(path.join(root, a))) {
        for (const name of ls(path.join(root, a, b))) {
          if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(a + b)) blobs.set(name, fs.statSync(path.join(root, a, b, name)).size);
          else stray.push(`${a}/${b}/${name}`);
        }
      }
    }
    return { dossiers, files, historyCount, outboxCodes, blobs, tmp, stray };
  } finally {
    await database.close();
  }
}

function filesByDossier(s: Snapshot): Map<string, Snapshot['files']> {
  const m = new Map<string, Snapshot['files']>();
  for (const f of s.files) m.set(f.dossierId, [...(m.get(f.dossierId) ?? []), f]);
  return m;
}

/** Submitted dossiers lacking a code, a history row, the outbox message or a required file on disk. */
function incompleteDossiers(s: Snapshot, components: string[]): string[] {
  const byDossier = filesByDossier(s);
  const bad: string[] = [];
  for (const d of s.dossiers) {
    if (d.status === 'draft') continue;
    const why: string[] = [];
    if (!d.code) why.push('no code');
    if (!s.historyCount.get(d.id)) why.push('no history');
    if (d.code && !s.outboxCodes.has(d.code)) why.push('no SMS in the outbox');
    const fs_ = byDossier.get(d.id) ?? [];
    for (const c of components) {
      const f = fs_.find((x) => x.component === c);
      if (!f) why.push(`no file row for ${c}`);
      else if (s.blobs.get(f.sha256) !== f.size) why.push(`file of ${c} missing on disk`);
    }
    if (why.length) bad.push(`${d.code ?? d.id}: ${why.join(', ')}`);
  }
  return bad;
}

// ------------------------------------------------------------------ crash test

interface CrashReport {
  engine: Engine;
  lines: string[];
  pass: boolean;
}

async function crashTest(engine: Engine, tpl: PdfTemplate): Promise<CrashReport> {
  const store = await makeStore(engine);
  const env = appEnv(store, { SWEEP_GRACE_SECONDS: '0' });
  const lines: string[] = [];
  let pass = true;
  const check = (ok: boolean, text: string) => {
    if (!ok) pass = false;
    lines.push(`  [${ok ? 'PASS' : 'FAIL'}] ${text}`);
  };
  try {
    let app = await startApp(env);
    const sub = await prepareSubmission(app.url, tpl);
    const acked = new Map<string, string>(); // code → sha256 of the PDF sent
    // Warm the server up a little so the kill lands on a server at full speed.
    for (let i = 0; i < 5; i++) {
      const { body, sha256 } = sub.nextWithHash();
      const r = await fetch(`${app.url}/api/dossiers`, { method: 'POST', headers: { 'content-type': sub.contentType }, body: bytes(body) });
      if (r.status !== 201) throw new Error(`a bench submission is refused: ${r.status} ${await r.text()}`);
      acked.set(((await r.json()) as { code: string }).code, sha256);
    }
    const warmCount = acked.size;
    let killed = false;
    let sent = 0;
    let inFlight = 0;
    let inFlightAtKill = 0;
    let failedAfterKill = 0;
    let refused = 0;
    let otherStatus = '';
    const killedAt = { t: 0 };
    const t0 = performance.now();
    const worker = async () => {
      while (!killed) {
        const { body, sha256 } = sub.nextWithHash();
        sent++;
        inFlight++;
        try {
          const r = await fetch(`${app.url}/api/dossiers`, { method: 'POST', headers: { 'content-type': sub.contentType, accept: 'application/json' }, body: bytes(body) });
          const text = await r.text();
          if (r.status === 201) {
            acked.set((JSON.parse(text) as { code: string }).code, sha256);
            if (!killed && acked.size - warmCount >= CRASH_AFTER) {
              killed = true;
              inFlightAtKill = inFlight - 1;
              killedAt.t = performance.now() - t0;
              app.child.kill('SIGKILL');
            }
          } else {
            refused++;
            otherStatus ||= `${r.status} ${text.slice(0, 200)}`;
          }
        } catch {
          if (killed) failedAfterKill++;
          else refused++;
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: CRASH_CONCURRENCY }, worker));
    await app.kill9(); // waits for the exit of the killed process
    const ackedInBurst = acked.size - warmCount;
    lines.push(
      `  ${CRASH_CONCURRENCY} clients submitting; kill -9 after ${ackedInBurst} acknowledged (${(killedAt.t / 1000).toFixed(2)} s into the burst), ` +
        `${inFlightAtKill} requests in flight, ${failedAfterKill} cut off${refused ? `, ${refused} refused before the kill (${otherStatus})` : ''}`,
    );

    const before = await snapshot(store);
    const referenced = new Set(before.files.map((f) => f.sha256));
    const orphansBefore = [...before.blobs.keys()].filter((h) => !referenced.has(h)).length;
    const draftsBefore = before.dossiers.filter((d) => d.status === 'draft');
    const draftFiles = filesByDossier(before);
    lines.push(
      `  left by the kill: ${before.tmp.length} tmp files, ${orphansBefore} unreferenced blobs, ${draftsBefore.length} draft rows` +
        (draftsBefore.length ? ` (${draftsBefore.filter((d) => draftFiles.has(d.id)).length} with file rows)` : ''),
    );

    app = await startApp(env);
    const swept = /Đã dọn[^\n]*/.exec(app.output())?.[0];
    lines.push(`  restart with SWEEP_GRACE_SECONDS=0: ${swept ? `"${swept}"` : 'the start-up sweep found nothing to remove'}`);

    // Every acknowledged submission, as a citizen would check it: code + phone over HTTP.
    const missing: string[] = [];
    for (const [code] of acked) {
      const r = await fetch(`${app.url}/api/dossiers/${code}?phone=${PHONE}`);
      const d = r.status === 200 ? ((await r.json()) as { status: string; attachments: Array<{ component: string; size: number }> }) : undefined;
      if (!d || d.status !== 'new' || sub.components.some((c) => !d.attachments.some((a) => a.component === c))) missing.push(`${code} (${r.status}${d ? ` ${d.status}, ${d.attachments.length} files` : ''})`);
    }
    await app.stop();

    const after = await snapshot(store);
    const byCode = new Map(after.dossiers.filter((d) => d.code).map((d) => [d.code!, d]));
    const byDossier = filesByDossier(after);
    let contentOk = 0;
    for (const [code, sha] of acked) {
      const d = byCode.get(code);
      const f = d && byDossier.get(d.id)?.find((x) => x.sha256 === sha);
      if (!f || after.blobs.get(sha) !== f.size) {
        missing.push(`${code} (file ${sha.slice(0, 12)}… ${f ? 'not on disk' : 'not recorded'})`);
        continue;
      }
      // The bytes on disk are the bytes sent.
      const h = createHash('sha256').update(fs.readFileSync(path.join(store.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).digest('hex');
      if (h === sha) contentOk++;
      else missing.push(`${code} (content on disk does not hash to ${sha.slice(0, 12)}…)`);
    }
    check(
      missing.length === 0,
      `every acknowledged submission is there: ${acked.size - missing.length}/${acked.size} found by code + phone over HTTP (status "new", its paper attached), ` +
        `${contentOk} files on disk byte for byte` + (missing.length ? `; missing: ${missing.slice(0, 5).join('; ')}` : ''),
    );

    const drafts = after.dossiers.filter((d) => d.status === 'draft');
    check(
      drafts.length === 0,
      drafts.length === 0
        ? 'no half-written dossier: no draft row left by the one-request submissions'
        : `no half-written dossier: ${drafts.length} draft rows left by one-request submissions cut by the kill ` +
            `(${drafts.filter((d) => byDossier.has(d.id)).length} with file rows); ids ${drafts.slice(0, 3).map((d) => d.id).join(', ')}${drafts.length > 3 ? ', …' : ''}`,
    );

    const submitted = after.dossiers.filter((d) => d.status !== 'draft');
    const incomplete = incompleteDossiers(after, sub.components);
    const extra = submitted.length - acked.size;
    check(
      incomplete.length === 0,
      `every submitted dossier is whole: ${submitted.length - incomplete.length}/${submitted.length} have their code, history row, SMS in the outbox and files on disk` +
        (extra > 0 ? ` (${extra} more than acknowledged: committed while their answer was cut off)` : '') +
        (incomplete.length ? `; incomplete: ${incomplete.slice(0, 5).join('; ')}` : ''),
    );

    const refAfter = new Set(after.files.map((f) => f.sha256));
    const orphans = [...after.blobs.keys()].filter((h) => !refAfter.has(h));
    const lost = after.files.filter((f) => after.blobs.get(f.sha256) !== f.size);
    const draftIds = new Set(drafts.map((d) => d.id));
    const bySubmitted = new Set(after.files.filter((f) => !draftIds.has(f.dossierId)).map((f) => f.sha256));
    const draftOnly = [...after.blobs.keys()].filter((h) => refAfter.has(h) && !bySubmitted.has(h)).length;
    check(
      orphans.length === 0 && after.tmp.length === 0 && after.stray.length === 0 && lost.length === 0,
      `no orphan file: ${after.blobs.size} blobs under DATA_DIR/files, ${orphans.length} unreferenced, ${after.tmp.length} in tmp/, ${after.stray.length} stray; ` +
        `${after.files.length - lost.length}/${after.files.length} file rows have their blob` +
        (draftOnly ? ` (${draftOnly} blobs are referenced only by the leftover drafts above)` : ''),
    );
    lines.push(`  result: ${pass ? 'PASS' : 'FAIL'}`);
  } finally {
    await store.drop();
  }
  return { engine, lines, pass };
}

// ------------------------------------------------------------------ main

interface EngineResult {
  engine: Engine;
  submit?: SubmitResult;
  lookup?: Measured;
  /** Each submitted dossier looked up once (cache misses). */
  first?: Measured & { seconds: number };
  integrity?: string;
  skipped?: string;
  components?: string[];
  dossierJsonBytes?: number;
}

async function benchEngine(engine: Engine, tpl: PdfTemplate): Promise<EngineResult> {
  const store = await makeStore(engine);
  try {
    const app = await startApp(appEnv(store));
    try {
      const sub = await prepareSubmission(app.url, tpl);
      const probe = await fetch(`${app.url}/api/dossiers`, { method: 'POST', headers: { 'content-type': sub.contentType }, body: bytes(sub.next().body) });
      if (probe.status !== 201) throw new Error(`a bench submission is refused: ${probe.status} ${await probe.text()}`);
      await submitLoad(app, sub, 2); // warm-up
      const submit = await quietest(() => submitLoad(app, sub, SECONDS, store));
      if (!submit.codes.length) throw new Error(`no submission succeeded: ${submit.firstFailure}`);
      await sleep(500);
      // First every dossier once (all misses; this also warms the cache), then repeated lookups.
      // A 2 s warm-up did not reach every code when there were more than it could look up once
      // (2,340 on SQLite at 23:51 on 2026-12-03): the "repeated" measure was then mostly first
      // lookups (225/s against 2,101/s in a run with fewer codes).
      const first = await firstLookups(app, submit.codes, store);
      await lookupLoad(app, submit.codes, 2); // warm-up
      const lookup = await quietest(() => lookupLoad(app, submit.codes, SECONDS, store));
      await app.stop();

      const s = await snapshot(store);
      const submitted = s.dossiers.filter((d) => d.status !== 'draft');
      const distinct = new Set(s.files.map((f) => f.sha256));
      const incomplete = incompleteDossiers(s, sub.components);
      const drafts = s.dossiers.length - submitted.length;
      const diskMb = [...s.blobs.values()].reduce((a, b) => a + b, 0) / 1024 / 1024;
      const integrity =
        `${engine}: ${submitted.length} dossiers submitted in all (the measured run acknowledged ${submit.codes.length}), ` +
        `${s.files.length} file rows, ${distinct.size} distinct contents, ${s.blobs.size} blobs on disk (${diskMb.toFixed(0)} MB, no deduplication), ` +
        `${drafts} drafts, ${incomplete.length} incomplete → ${drafts === 0 && incomplete.length === 0 && s.blobs.size === distinct.size ? 'ok' : 'PROBLEM'}`;
      return { engine, submit, first, lookup, integrity, components: sub.components, dossierJsonBytes: sub.dossierJsonBytes };
    } finally {
      await app.stop();
    }
  } finally {
    await store.drop();
  }
}

/**
 * SQLite submissions, then lookups, each in a server run under the V8 profiler (`--cpu-prof`);
 * prints where the server's main thread spends its time. The profiles are kept in the temp dir.
 */
async function profileServer(tpl: PdfTemplate, engine: Engine): Promise<string[]> {
  const store = await makeStore(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-prof-'));
  const out: string[] = [];
  const profiled = async (label: string, run: (app: AppProcess) => Promise<{ what: string; requests: number; stopAt: number }>) => {
    const before = new Set(fs.readdirSync(dir));
    const app = await startApp(appEnv(store), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const r = await run(app);
    await app.stop();
    const margin = performance.now() - r.stopAt; // shutdown, after the load
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
    if (!file) return void out.push(`profile of ${label}: no .cpuprofile written`);
    const keep = path.join(os.tmpdir(), `motcua-${label.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`);
    fs.copyFileSync(path.join(dir, file), keep);
    const p = summariseProfile(keep, 25, [], { lastMs: SECONDS * 1000 - 200, endMarginMs: margin + 100 });
    const perReq = (ms: number) => `${((ms * 1000) / r.requests).toFixed(0).padStart(5)} µs/req`;
    const pc = (ms: number) => `${((ms / p.totalMs) * 100).toFixed(1).padStart(5)}%`;
    const row = (x: { name: string; ms: number }) => `  ${pc(x.ms)} ${perReq(x.ms)}  ${x.name}`;
    out.push(
      `profile of the ${engine} server, ${label} (${r.what}): ${keep}`,
      `the measured ${(p.totalMs / 1000).toFixed(1)} s: main thread busy ${pc(p.busyMs)}, ${perReq(p.busyMs).trim()} of main-thread time`,
      'self time by package / source file:',
      ...p.selfByArea.slice(0, 15).map(row),
      'self time by function:',
      ...p.selfByFunction.map(row),
      "inclusive time of the app's functions (src/; async continuations are not attributed to their caller):",
      ...p.inclusiveApp.slice(0, 15).map(row),
      '',
    );
  };
  let codes: string[] = [];
  try {
    await profiled('submissions', async (app) => {
      const sub = await prepareSubmission(app.url, tpl);
      await submitLoad(app, sub, 2);
      const r = await submitLoad(app, sub, SECONDS);
      codes = r.codes;
      return { what: `${r.rps.toFixed(0)} req/s under the profiler, ${cpuText(r.cpu)}`, requests: r.rps * SECONDS, stopAt: performance.now() };
    });
    await profiled('lookups', async (app) => {
      await lookupLoad(app, codes, 2);
      const r = await lookupLoad(app, codes, SECONDS);
      return { what: `${r.rps.toFixed(0)} req/s under the profiler`, requests: r.rps * SECONDS, stopAt: performance.now() };
    });
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  }
}


/**
 * CPU time per submission, which a busy shared machine does not distort the way it distorts a
 * rate: BENCH_AMOUNT (1000) submissions by 16 connections after a warm-up of 200, and the CPU the
 * server process (all its threads: fsync and file work included) and PostgreSQL used for them.
 */
async function cpuPerSubmission(engine: Engine, tpl: PdfTemplate): Promise<string[]> {
  const amount = Number(process.env.BENCH_AMOUNT ?? 1000);
  const store = await makeStore(engine);
  try {
    const app = await startApp(appEnv(store));
    try {
      const sub = await prepareSubmission(app.url, tpl);
      const run = async (n: number) => {
        let ok = 0;
        const before = await store.backends?.();
        const p0 = allProcesses();
        const t0 = performance.now();
        await autocannon({
          url: `${app.url}/api/dossiers`,
          amount: n,
          connections: CONNECTIONS,
          pipelining: 1,
          requests: [{ method: 'POST', headers: { 'content-type': sub.contentType, accept: 'application/json' }, setupRequest: (req) => ({ ...req, body: sub.next().body }), onResponse: (status) => void (status === 201 && ok++) }],
        });
        const wall = (performance.now() - t0) / 1000;
        const p1 = allProcesses();
        const after = await store.backends?.();
        const c = cpuSeconds(p0, p1, app.child.pid!, before && after ? new Set([...before, ...after]) : undefined);
        return { ok, wall, server: (c.server * 1000) / ok, postgres: (c.postgres * 1000) / ok, postgresAll: (c.postgresAll * 1000) / ok };
      };
      await run(200);
      const r = await run(amount);
      const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      return [
        `CPU per submission (${engine}): ${r.ok}/${amount} acknowledged in ${r.wall.toFixed(1)} s (${(r.ok / r.wall).toFixed(0)}/s at load average ${load}); ` +
          `server ${r.server.toFixed(2)} ms${engine === 'PostgreSQL' ? `, PostgreSQL ${r.postgres.toFixed(2)} ms (its backends; every postgres process ${r.postgresAll.toFixed(2)} ms)` : ''} of CPU per submission`,
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await store.drop();
  }
}

async function main() {
  const tpl = makePdf(PDF_TARGET_BYTES);
  await checkPdf(tpl.pdf);
  const pgProblem = await pgReachable();
  // BENCH_ENGINES=sqlite | postgres: one engine only.
  const only = (process.env.BENCH_ENGINES ?? '').toLowerCase();
  const engines: Engine[] = (pgProblem ? ['SQLite' as const] : ['SQLite' as const, 'PostgreSQL' as const]).filter((e) => !only || e.toLowerCase().startsWith(only));
  console.log(`Chuẩn bị: tệp PDF ${(tpl.pdf.length / 1024).toFixed(0)} KB (mở được bằng pdf.js), mỗi lần nộp một bản khác nhau; PostgreSQL: ${pgProblem ? `bỏ qua (${pgProblem})` : 'có'}`);
  const part = (p: string) => (ONLY ? ONLY === p : p !== 'profile' || PROFILE);
  const lines: string[] = [
    `motcua dossier bench — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per measure`,
  ];

  if (part('load')) {
    const basePort = await freePort();
    const base = await startServer(['bench/baseline-server.ts'], {}, basePort, '/');
    const bareUrl = `http://127.0.0.1:${basePort}/`;
    await load(bareUrl, 2);
    const bare = await quietest(async (): Promise<Measured> => {
      const meter = cpuMeter(base.child.pid);
      return { ...(await load(bareUrl, SECONDS)), cpu: meter() };
    });
    await base.stop();

    const results: EngineResult[] = [];
    for (const e of engines) {
      console.log(`Đo ${e}: nộp hồ sơ ${SECONDS} s, tra cứu ${SECONDS} s…`);
      results.push(await benchEngine(e, tpl));
    }
    if (pgProblem) results.push({ engine: 'PostgreSQL', skipped: pgProblem });

    const f = (n: number) => n.toFixed(0);
    const ratio = (n: number) => `${((n / bare.rps) * 100).toFixed(0)}%`;
    const errs = (r: LoadResult) => r.errors + r.non2xx;
    const first = results.find((r) => r.submit)!;
    const sqlite = results.find((r) => r.engine === 'SQLite' && r.submit);
    const postgres = results.find((r) => r.engine === 'PostgreSQL' && r.submit);
    const rows: string[] = [`| bare Fastify route (baseline) | – | ${f(bare.rps)} | 100% | ${bare.p50} | ${bare.p99} | ${errs(bare)} |`];
    for (const r of results) {
      if (r.skipped) rows.push(`| submission, multipart with one PDF | ${r.engine} | skipped | | | | |`);
      else rows.push(`| submission, multipart with one PDF | ${r.engine} | ${f(r.submit!.rps)} | – | ${r.submit!.p50} | ${r.submit!.p99} | ${errs(r.submit!)} |`);
    }
    for (const r of results) {
      if (r.skipped) rows.push(`| tracking lookup GET /api/dossiers/:code?phone= | ${r.engine} | skipped | | | | |`);
      else rows.push(`| tracking lookup GET /api/dossiers/:code?phone= | ${r.engine} | ${f(r.lookup!.rps)} | ${ratio(r.lookup!.rps)} | ${r.lookup!.p50} | ${r.lookup!.p99} | ${errs(r.lookup!)} |`);
    }
    for (const r of results) {
      if (r.first) rows.push(`| first lookup of each dossier (${r.first.count} codes once, cache misses) | ${r.engine} | ${f(r.first.rps)} | ${ratio(r.first.rps)} | ${r.first.p50} | ${r.first.p99} | ${errs(r.first)} |`);
    }
    lines.push(
      `each submission: procedure ${PROCEDURE}, ${first.dossierJsonBytes} bytes of dossier JSON, one ${(tpl.pdf.length / 1024).toFixed(0)} KB PDF (unique content) attached to ` +
        `${first.components!.length === 1 ? `its one required paper "${first.components![0]}"` : `each of its required papers ${first.components!.join(', ')}`}`,
      '',
      '| route | engine | req/s | vs bare route | p50 ms | p99 ms | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `CPU in % of one core (${os.cpus().length} cores in all) during each measure — bare route: ${cpuText(bare.cpu)}`,
      ...results.filter((r) => r.submit).map((r) => `  submissions ${r.engine}: ${cpuText(r.submit!.cpu)}; lookups ${r.engine}: ${cpuText(r.lookup!.cpu)}; first lookups ${r.engine}: ${cpuText(r.first!.cpu)}`),
      // CPU time per answer: far less distorted by a busy machine than a rate.
      ...results
        .filter((r) => r.submit)
        .map((r) => {
          const per = (m: Measured, unit: 'ms' | 'µs') => {
            const each = m.cpu.server / 100 / Math.max(1e-9, m.rps);
            const pgEach = m.cpu.postgres / 100 / Math.max(1e-9, m.rps);
            const pgAllEach = m.cpu.postgresAll / 100 / Math.max(1e-9, m.rps);
            const k = unit === 'ms' ? 1e3 : 1e6;
            const t = (x: number) => `${(x * k).toFixed(unit === 'ms' ? 2 : 0)} ${unit}`;
            return `server ${t(each)}${r.engine === 'PostgreSQL' ? `, PostgreSQL ${t(pgEach)} (its backends; every postgres process ${t(pgAllEach)})` : ''}`;
          };
          return `  CPU per answer, ${r.engine}: submission ${per(r.submit!, 'ms')}; repeated lookup ${per(r.lookup!, 'µs')}; first lookup ${per(r.first!, 'µs')}`;
        }),
      ...results.filter((r) => r.integrity).map((r) => `after the load — ${r.integrity}`),
      ...(pgProblem ? [`PostgreSQL skipped: ${pgProblem} (set BENCH_PG_URL or TEST_DATABASE_URL)`] : []),
      '',
      `targets: ${sqlite ? `submissions ≥ 300/s on SQLite → ${sqlite.submit!.rps >= 300 ? 'met' : 'NOT met'} (${f(sqlite.submit!.rps)}/s); ` : ''}` +
        `${postgres ? `submissions ≥ 250/s on PostgreSQL → ${postgres.submit!.rps >= 250 ? 'met' : 'NOT met'} (${f(postgres.submit!.rps)}/s); ` : ''}` +
        `lookups ${results.filter((r) => r.lookup).map((r) => `${r.engine} ${ratio(r.lookup!.rps)}`).join(', ')} of the 2-byte bare route (not a target: a tracking lookup is judged against its own ceiling, the same bytes and headers, in \`npm run bench\`)`,
      '',
    );
  }

  if (part('crash')) {
    const crashes: CrashReport[] = [];
    for (const e of engines) {
      console.log(`Thử sập máy chủ (${e})…`);
      crashes.push(await crashTest(e, tpl));
    }
    if (pgProblem) lines.push(`crash test (PostgreSQL): skipped — ${pgProblem}`);
    lines.push(...crashes.flatMap((c) => [`crash test (${c.engine}):`, ...c.lines]), `crash test → ${crashes.every((c) => c.pass) ? 'PASS' : 'FAIL'}`, '');
  }

  if (ONLY === 'cpu') {
    for (const e of engines) lines.push(...(await cpuPerSubmission(e, tpl)));
  }

  if (part('profile')) {
    // The first engine asked for (BENCH_ENGINES=postgres profiles the PostgreSQL server).
    console.log(`Đo hồ sơ CPU (${engines[0]})…`);
    lines.push(...(await profileServer(tpl, engines[0]!)));
  }
  console.log('\n' + lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
