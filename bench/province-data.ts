/**
 * The generated province of `npm run bench:province` (bench/province.ts): U units of Hà Nội (126 by
 * default: the communes and wards since 2025) and N dossiers (5,000,000) received over Y years
 * (5) before `now`, in its own PostgreSQL database, written with the real schema (the migrations
 * of a `buildServices`) through COPY:
 * - units of unequal size (busy urban wards, quiet communes), five officials each, the demo
 *   catalogue in every unit and a process version per unit and procedure;
 * - procedures in a long-tail mix (a few make most dossiers), channels moving from the counter to
 *   online over the years (25% → 60%), by post for 5%;
 * - each dossier's life as the action engine writes it (bench/data-lib.ts `dossierLife`: receipt,
 *   assignment, fees, supplements, approval, result, return; 8% late), 1% refused at reception
 *   online, 0.8% withdrawn, 0.4% stopped; codes `unit-yymmdd-nnnn` gap-free per unit and day with
 *   the day counters they came from; the worklist's projection (step, role, assignee, overdue
 *   flag); papers and results as file rows, fees, payments and ratings;
 * - the indicators' copy of each timeline and its judged state (src/indicator: the very
 *   `stateOf` the module's rebuild uses), so that the indicators need no hour-long rebuild — a
 *   test (bench/province.test.ts) checks that the module's own rebuild gives the same rows.
 * Indexes and constraints of these tables are dropped before the load and made again after it
 * with their own definitions (faster than maintaining them row by row), then the foreign keys are
 * validated and the tables analysed. The database keeps a marker (table `bench_province`) with the
 * parameters: a database that already holds the same province is reused.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildServices, type Services } from '../src/app';
import { loadConfig, parseDatabaseUrl } from '../src/config';
import { openDatabase } from '../src/db/connection';
import { lastChangeId, RESULT_COMPONENT, TIMELINE_ACTIONS, type FullTimeline, type TimelineEvent } from '../src/dossier';
import { vnDay } from '../src/dossier/dossier.submission';
import { stateOf } from '../src/indicator/indicator.state';
import { fixedClock } from '../src/shared/clock';
import { uuidv7 } from '../src/shared/ids';
import { fold } from '../src/shared/vietnamese';
import { benchUnits, DAY, dossierLife, historyRows, HOUR, insertStaff, mulberry32, papersAndMoney, personName, phoneNumber, STEP_ROLES, type BenchStaff, type LifeEvent } from './data-lib';
import { PG_ADMIN, pct } from './lib';

export interface ProvinceParams {
  dossiers: number;
  units: number;
  years: number;
}

export interface ProvinceUnit {
  code: string;
  staff: BenchStaff[];
}

export interface Province {
  url: string;
  params: ProvinceParams;
  /** The instant the data ends at (the clock of in-process measures). */
  now: string;
  units: ProvinceUnit[];
  generatedAt: string;
  /** How long the generation took (s), and whether this run made it or found it. */
  seconds: number;
  reused: boolean;
}

/** A sample of the province's dossiers (codes and phones), the same for a seed: bench:province's lookups take seed 16. */
export async function sampleDossiers(url: string, n: number, seed = 16): Promise<Array<{ code: string; phone: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT code, applicant_phone AS phone FROM dossiers TABLESAMPLE SYSTEM (1) REPEATABLE (${Math.trunc(seed)}) WHERE code IS NOT NULL LIMIT $1`, [n]);
    return r.rows.length >= Math.min(n, 10) ? r.rows : (await c.query(`SELECT code, applicant_phone AS phone FROM dossiers WHERE code IS NOT NULL ORDER BY random() LIMIT $1`, [n])).rows;
  } finally {
    await c.end();
  }
}

/** How many lookups warm a fresh server up before the measured ones (BENCH_WARMUP_LOOKUPS). */
export const WARMUP_LOOKUPS = Number(process.env.BENCH_WARMUP_LOOKUPS ?? 50);

/**
 * The warm-up before a lookup measure: WARMUP_LOOKUPS lookups of other dossiers than the measured
 * ones (so these stay never read), through the route, not counted. The first lookups after a start
 * run the route's code for the first time (issue 16, 6 Dec: first lookup median 111 ms, 13 ms after
 * one found dossier); the measure that follows is the steady state, the warm-up's own line the
 * start's cost. The warm-up's dossiers: another sample, without the measured ones.
 */
export async function warmUpSample(url: string, measured: Array<{ code: string }>, seed = 16): Promise<Array<{ code: string; phone: string }>> {
  const skip = new Set(measured.map((d) => d.code));
  return (await sampleDossiers(url, WARMUP_LOOKUPS + skip.size, seed + 7919)).filter((d) => !skip.has(d.code)).slice(0, WARMUP_LOOKUPS);
}

/** Runs the warm-up's lookups (from warmUpSample) one at a time: its line to print, with p50 and max. */
export async function warmUpLookups(get: (path: string) => Promise<number>, list: Array<{ code: string; phone: string }>): Promise<{ n: number; p50: number; max: number; line: string }> {
  const times: number[] = [];
  for (const d of list) {
    const t = performance.now();
    await get(`/api/dossiers/${d.code}?phone=${d.phone}`);
    times.push(performance.now() - t);
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const p50 = r2(times.length ? pct(times, 50) : 0);
  const max = r2(Math.max(0, ...times));
  return { n: list.length, p50, max, line: `warm-up: ${list.length} lookups of other dossiers (not counted), p50 ${p50} ms, max ${max} ms` };
}

/** BENCH_PROVINCE_DB_URL, else the database `motcua_province_bench` on the bench's PostgreSQL server. */
export function provinceDatabaseUrl(): string {
  if (process.env.BENCH_PROVINCE_DB_URL) return process.env.BENCH_PROVINCE_DB_URL;
  const u = new URL(PG_ADMIN);
  u.pathname = '/motcua_province_bench';
  return u.toString();
}

/**
 * The audit key of a generated province (AUDIT_KEY of the generator, of bench:province's services
 * and servers), so that `AUDIT_KEY=… motcua audit verify` can check its chain after a run. A
 * benchmark's key, not a secret.
 */
export const BENCH_AUDIT_KEY = 'motcua-bench-province-audit-key-v1-not-a-secret';

const BULK = ['dossiers', 'dossier_history', 'dossier_files', 'dossier_fees', 'payments', 'rating_versions', 'indicator_dossier_facts', 'indicator_dossier_states', 'indicator_dossier_clock', 'dossier_counters'];

const sameParams = (a: ProvinceParams, b: ProvinceParams) => a.dossiers === b.dossiers && a.units === b.units && a.years === b.years;

/** One connection for the length of `fn`, always closed. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The marker of a generated province in `url`, or undefined (no database, no marker). */
export async function findProvince(url: string): Promise<Omit<Province, 'reused' | 'url'> | undefined> {
  try {
    return await withClient(url, async (c) => {
      if (!(await c.query(`SELECT to_regclass('bench_province') AS t`)).rows[0].t) return undefined;
      const r = (await c.query('SELECT params, now, units, generated_at, seconds FROM bench_province')).rows[0];
      return r ? { params: JSON.parse(r.params), now: r.now, units: JSON.parse(r.units), generatedAt: r.generated_at, seconds: Number(r.seconds) } : undefined;
    });
  } catch (e) {
    if ((e as { code?: string }).code === '3D000') return undefined; // no such database
    throw e;
  }
}

/**
 * The province of `params` in the database at `url`: found by its marker, else generated (into a
 * database made afresh: dropped first when it exists and is a bench province or empty). `force`
 * generates again even when the marker matches.
 */
export async function ensureProvince(url: string, params: ProvinceParams, opts: { force?: boolean; log?: (m: string) => void; now?: Date } = {}): Promise<Province> {
  const log = opts.log ?? (() => {});
  const found = await findProvince(url);
  if (found && sameParams(found.params, params) && !opts.force) return { ...found, url, reused: true };
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": letters, digits and _ only`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (c) => {
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists) {
      const tables = await withClient(url, async (d) => Number((await d.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n));
      if (tables && !found) throw new Error(`database ${name} holds tables but no generated province: refusing to drop it (choose another BENCH_PROVINCE_DB_URL)`);
      await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${name}`);
  });
  const t0 = performance.now();
  const made = await generate(url, params, log, opts.now ?? new Date());
  const seconds = (performance.now() - t0) / 1000;
  const generatedAt = new Date().toISOString();
  await withClient(url, async (c) => {
    await c.query('CREATE TABLE bench_province (params text NOT NULL, now text NOT NULL, units text NOT NULL, generated_at text NOT NULL, seconds real NOT NULL)');
    await c.query('INSERT INTO bench_province VALUES ($1, $2, $3, $4, $5)', [JSON.stringify(params), made.now, JSON.stringify(made.units), generatedAt, seconds]);
  });
  return { url, params, now: made.now, units: made.units, generatedAt, seconds, reused: false };
}

// ------------------------------------------------------------------ COPY

/** A value in COPY's text format. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

/** One table's COPY … FROM STDIN in its own connection and transaction (after TRUNCATE, so the rows are written frozen). */
class CopyWriter {
  rows = 0;
  private lines: string[] = [];
  private constructor(
    private readonly client: pg.Client,
    private readonly stream: NodeJS.WritableStream,
    readonly columns: string[],
  ) {}

  static async open(url: string, table: string, columns: string[]): Promise<CopyWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${table}`);
    const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FREEZE)`));
    return new CopyWriter(client, stream, columns);
  }

  add(row: Record<string, string | number | null | undefined>): void {
    this.lines.push(this.columns.map((c) => cell(row[c])).join('\t'));
    this.rows++;
  }

  async flush(): Promise<void> {
    if (!this.lines.length) return;
    const chunk = this.lines.join('\n') + '\n';
    this.lines = [];
    if (!this.stream.write(chunk)) await once(this.stream as unknown as NodeJS.EventEmitter, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream as NodeJS.WritableStream);
    await this.client.query('COMMIT');
    await this.client.end();
  }
}

/** Drops the indexes and constraints of `tables` (and foreign keys pointing at them); returns the statements that make them again. */
async function dropIndexes(c: pg.Client, tables: string[]): Promise<string[]> {
  const fks = (
    await c.query(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
      [tables],
    )
  ).rows;
  const keys = (await c.query(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY($1::regclass[])`, [tables])).rows;
  const indexes = (
    await c.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [tables],
    )
  ).rows;
  for (const f of fks) await c.query(`ALTER TABLE ${f.t} DROP CONSTRAINT "${f.conname}"`);
  for (const k of keys) await c.query(`ALTER TABLE ${k.t} DROP CONSTRAINT "${k.conname}"`);
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  return [...keys.map((k) => `ALTER TABLE ${k.t} ADD CONSTRAINT "${k.conname}" ${k.def}`), ...indexes.map((i) => i.def), ...fks.map((f) => `ALTER TABLE ${f.t} ADD CONSTRAINT "${f.conname}" ${f.def}`)];
}

// ------------------------------------------------------------------ the data

const DOSSIER_COLUMNS = [
  'id', 'code', 'unit_code', 'procedure_code', 'channel', 'status', 'applicant', 'applicant_phone', 'applicant_name', 'form_data', 'delivery', 'digitised',
  'submitted_at', 'received_at', 'due_at', 'due_fixed', 'created_by', 'created_at', 'updated_at', 'process_id', 'step_no', 'current_role', 'assignee_id',
  'examiner_id', 'step_started_at', 'step_due_at', 'schedule', 'paused_at', 'paused_status', 'supplement_count', 'finished_at', 'returned_at', 'outcome',
  'flag', 'search_name', 'version',
];
const HISTORY_COLUMNS = ['id', 'dossier_id', 'seq', 'action', 'from_status', 'to_status', 'actor_kind', 'actor_id', 'actor_name', 'comment', 'data', 'created_at'];
const FILE_COLUMNS = ['id', 'dossier_id', 'component', 'sha256', 'name', 'mime', 'size', 'created_at'];
const FEE_COLUMNS = ['dossier_id', 'dossier_code', 'unit_code', 'amount', 'gross', 'lines', 'exemption_reason', 'exemption_percent', 'assessed_by', 'assessed_at'];
const PAYMENT_COLUMNS = ['id', 'dossier_id', 'dossier_code', 'unit_code', 'method', 'amount', 'status', 'online', 'order_ref', 'provider_ref', 'receipt_no', 'data', 'created_by', 'created_at', 'confirmed_at'];
const RATING_COLUMNS = ['id', 'rating_id', 'version', 'dossier_id', 'dossier_code', 'unit_code', 'source', 'level', 'reasons', 'comment', 'actor_kind', 'actor_id', 'first_rated_at', 'created_at'];
const FACT_COLUMNS = ['dossier_id', 'unit_code', 'code', 'procedure_code', 'channel', 'received_at', 'ended_at', 'first_file_at', 'events', 'seq'];
const STATE_COLUMNS = [
  'dossier_id', 'unit_code', 'online', 'received_at', 'published', 'ended_at', 'finished_at', 'finished_late', 'result_at', 'digitised', 'withdrawn_at',
  'late_supplement_at', 'payment_asked_at', 'clock_at', 'due_at', 'paused_since', 'irregular',
];
const CLOCK_COLUMNS = ['dossier_id', 'seq', 'at', 'due_at', 'paused_since'];

/** Rows whose `data` carries the appointment (dossier.timelines.ts reads the same). */
const CARRIES_DUE = new Set(['submit', 'receive', 'accept', 'supplement', 'confirm_payment']);
const ENDS = new Set(['mark_result_ready', 'reject', 'stop', 'withdraw']);
const CITIZEN_ACTIONS = new Set(['submit', 'supplement', 'withdraw']);
const ROLE_OF_ACTION: Record<string, string> = { receive: 'receptionist', accept: 'receptionist', refuse: 'receptionist', assign: 'receptionist', request_payment: 'specialist', confirm_payment: 'receptionist', request_supplement: 'specialist', approve: 'leader', mark_result_ready: 'leader', return_result: 'receptionist', stop: 'leader' };

/** Cumulative weights → an index drawn with `r` in [0, 1). */
function drawer(weights: number[]): (r: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cum = weights.map((w) => (acc += w / total));
  return (r) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Units, officials, catalogues and processes through the services; then the dossiers by COPY. */
async function generate(url: string, params: ProvinceParams, log: (m: string) => void, now: Date): Promise<{ now: string; units: ProvinceUnit[] }> {
  // The data ends at the last whole hour: the servers measured later run on the real clock.
  const NOW = Math.floor(now.getTime() / HOUR) * HOUR;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-province-'));
  const s: Services = await buildServices(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off', AUDIT_KEY: BENCH_AUDIT_KEY }), { clock: fixedClock(new Date(NOW)) });
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  let units: ProvinceUnit[];
  const procs = new Map<string, { codes: string[]; processes: string[]; draw: (r: number) => number }>();
  try {
    const codes = await benchUnits(s, params.units);
    const first = [...(await s.catalog.unitCatalog(codes[0]!)).entries.values()].sort((a, b) => a.sort - b.sort);
    const at = new Date(NOW).toISOString();
    units = [];
    for (const code of codes) {
      if (!(await s.catalog.unitCatalog(code)).entries.size) await s.catalog.setUnitCatalog(code, first.map(({ unitCode: _u, ...e }) => e));
      units.push({ code, staff: await insertStaff(s.database.db, code, at) });
      // A unit's dossiers spread over the first 20 procedures of its catalogue, the first ones most.
      const list = [...(await s.catalog.unitCatalog(code)).entries.values()].sort((a, b) => a.sort - b.sort).slice(0, 20).map((e) => e.procedureCode);
      const processes: string[] = [];
      for (const p of list) processes.push((await s.workflow.current(code, p)).id);
      procs.set(code, { codes: list, processes, draw: drawer(list.map((_, i) => 1 / (i + 1))) });
    }
    log(`  ${codes.length} đơn vị, cán bộ, danh mục và quy trình (${took()})`);
  } finally {
    await s.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const ddl = new pg.Client({ connectionString: url });
  await ddl.connect();
  const recreate = await dropIndexes(ddl, BULK);
  const open = (t: string, cols: string[]) => CopyWriter.open(url, t, cols);
  const w = {
    dossiers: await open('dossiers', DOSSIER_COLUMNS),
    history: await open('dossier_history', HISTORY_COLUMNS),
    files: await open('dossier_files', FILE_COLUMNS),
    fees: await open('dossier_fees', FEE_COLUMNS),
    payments: await open('payments', PAYMENT_COLUMNS),
    ratings: await open('rating_versions', RATING_COLUMNS),
    facts: await open('indicator_dossier_facts', FACT_COLUMNS),
    states: await open('indicator_dossier_states', STATE_COLUMNS),
    clock: await open('indicator_dossier_clock', CLOCK_COLUMNS),
  };
  const writers = Object.values(w);

  const rnd = mulberry32(2026);
  // Units of unequal size: a few busy urban wards, many quiet communes.
  const drawUnit = drawer(units.map(() => 0.3 + 2 * rnd() ** 2));
  const span = params.years * 365 * DAY;
  const start = NOW - span;
  const counters = new Map<string, number>();
  const folded = new Map<string, string>();
  const N = params.dossiers;
  for (let k = 0; k < N; k++) {
    // Received in time order over the years, on a working hour (08:00–17:00 in Hà Nội), never on a Sunday.
    const dayStart = Math.floor((start + (k / N) * span) / DAY) * DAY;
    const day = new Date(dayStart).getUTCDay() === 0 ? dayStart - DAY : dayStart;
    const t0 = Math.min(NOW - HOUR, day + HOUR + Math.floor(rnd() * 9 * 60) * 60_000);
    const unit = units[drawUnit(rnd())]!;
    const catalogue = procs.get(unit.code)!;
    const pi = catalogue.draw(rnd());
    const procedure = catalogue.codes[pi]!;
    const x = rnd();
    const onlineShare = 0.25 + (0.35 * (t0 - start)) / span;
    const channel = x < onlineShare ? 'online' : x < 0.95 ? 'in_person' : 'post';
    const life = dossierLife(rnd, procedure, channel, t0, NOW);
    let kept: LifeEvent[] = life.kept;
    let endedBy: 'refuse' | 'withdraw' | 'stop' | undefined;
    const r = rnd();
    const cut = t0 + (1 + rnd() * 2) * DAY;
    if (channel === 'online' && r < 0.01) {
      endedBy = 'refuse';
      kept = [kept[0]!, { action: 'refuse', at: t0, to: 'not_received', data: { reason: 'Hồ sơ không đúng thẩm quyền' } }];
    } else if (r >= 0.01 && r < 0.022 && cut <= NOW && cut < life.finish - HOUR) {
      endedBy = r < 0.018 ? 'withdraw' : 'stop';
      kept = [...kept.filter((h) => h.at < cut), { action: endedBy, at: cut, to: endedBy === 'withdraw' ? 'withdrawn' : 'stopped', data: {} }];
    }
    const status = kept.at(-1)!.to;
    const submittedAt = kept[0]!.at;
    const dayKey = `${unit.code}-${vnDay(new Date(submittedAt))}`;
    const n = (counters.get(dayKey) ?? 0) + 1;
    counters.set(dayKey, n);
    const code = `${dayKey}-${String(n).padStart(4, '0')}`;
    const id = uuidv7(submittedAt);
    const name = personName(rnd);
    const phone = phoneNumber(rnd);
    let search = folded.get(name);
    if (search === undefined) folded.set(name, (search = fold(name)));
    const staffOf = (role: string) => unit.staff.filter((m) => m.role === role);
    const specialist = staffOf('specialist')[Math.floor(rnd() * 3)]!;
    const receptionist = staffOf('receptionist')[0]!;
    const leader = staffOf('leader')[0]!;
    const received = kept.some((h) => h.action === 'receive' || h.action === 'accept');
    const closed = ['returned', 'withdrawn', 'stopped', 'not_received'].includes(status);
    const lastAt = kept.at(-1)!.at;
    // The worklist's projection: the step the dossier stands at and who must act.
    const last = kept.at(-1)!.action;
    const stepNo = closed || status === 'processed' ? 5 : status === 'new' ? 0 : status === 'received' ? 0 : last === 'approve' ? 4 : 2;
    const waiting = status === 'supplement_requested' || status === 'payment_requested';
    const role = closed || waiting ? '' : STEP_ROLES[stepNo]!;
    const finishedAt = endedBy ? kept.at(-1)!.at : life.finished ? life.finish : null;
    const dueIso = received ? new Date(life.due).toISOString() : endedBy === 'refuse' ? null : new Date(life.due - HOUR).toISOString();
    w.dossiers.add({
      id,
      code,
      unit_code: unit.code,
      procedure_code: procedure,
      channel,
      status,
      applicant: JSON.stringify({ fullName: name, phone, idNumber: `0010${String(k).padStart(8, '0')}`, address: `Số ${1 + (k % 200)}, ${unit.code}` }),
      applicant_phone: phone,
      applicant_name: name,
      form_data: '{}',
      delivery: '{"method":"counter"}',
      digitised: channel === 'online' ? 1 : 0,
      submitted_at: new Date(submittedAt).toISOString(),
      received_at: received ? new Date(t0).toISOString() : null,
      due_at: dueIso,
      due_fixed: received ? 1 : 0,
      created_by: channel === 'online' ? 'citizen' : receptionist.id,
      created_at: new Date(submittedAt).toISOString(),
      updated_at: new Date(lastAt).toISOString(),
      process_id: catalogue.processes[pi]!,
      step_no: stepNo,
      current_role: role,
      assignee_id: !closed && !waiting && stepNo === 2 ? specialist.id : null,
      examiner_id: kept.some((h) => h.action === 'assign') ? specialist.id : null,
      step_started_at: new Date(lastAt).toISOString(),
      step_due_at: closed ? null : new Date(t0 + (life.due - t0) * (0.1 + stepNo * 0.15)).toISOString(),
      schedule: '[]',
      paused_at: waiting ? new Date(lastAt).toISOString() : null,
      paused_status: waiting ? 'in_progress' : null,
      supplement_count: kept.filter((h) => h.action === 'request_supplement').length,
      finished_at: finishedAt === null ? null : new Date(finishedAt).toISOString(),
      returned_at: status === 'returned' ? new Date(lastAt).toISOString() : null,
      outcome: endedBy === 'refuse' ? 'refused' : endedBy === 'withdraw' ? 'withdrawn' : endedBy === 'stop' ? 'stopped' : life.finished ? 'approved' : '',
      flag: !closed && status !== 'processed' && received && life.due < NOW ? 'overdue' : '',
      search_name: search,
      version: kept.length,
    });
    const rows = historyRows(id, kept, (h) => {
      if (CITIZEN_ACTIONS.has(h.action) && (channel === 'online' || h.action !== 'submit')) return { kind: 'citizen', id: null, name };
      const role = ROLE_OF_ACTION[h.action];
      const actor = role === 'specialist' ? specialist : role === 'leader' ? leader : receptionist;
      return { kind: 'staff', id: actor.id, name: `Cán bộ ${unit.staff.indexOf(actor) + 1} của ${unit.code}` };
    });
    for (const h of rows) w.history.add(h);
    const extra = papersAndMoney(
      rnd,
      { id, code, unit: unit.code, channel, k, t0, now: NOW, life: { ...life, kept, finished: !endedBy && life.finished, returned: status === 'returned', fee: endedBy === 'refuse' ? 0 : life.fee, paidAt: endedBy && life.paidAt > lastAt ? Infinity : life.paidAt } },
      (i) => (k * 2 + i).toString(16).padStart(64, '0'),
    );
    for (const f of extra.files) w.files.add(f);
    if (extra.fee) w.fees.add(extra.fee);
    if (extra.payment) w.payments.add(extra.payment);
    if (extra.rating) w.ratings.add(extra.rating);

    // The indicators' copy and judged state, as the module's rebuild makes them from these rows.
    const events: TimelineEvent[] = [];
    let receivedAt: string | null = null;
    let endedAt: string | null = null;
    for (const h of kept) {
      if (!(TIMELINE_ACTIONS as readonly string[]).includes(h.action)) continue;
      const at = new Date(h.at).toISOString();
      const e: TimelineEvent = { action: h.action, at };
      if (CARRIES_DUE.has(h.action)) e.dueAt = (h.data.dueAt as string | undefined) ?? null;
      else if (h.action === 'mark_result_ready') e.resultFile = h.data.file != null;
      else if (h.action === 'request_payment') e.amount = Number(h.data.amount ?? 0);
      events.push(e);
      if ((h.action === 'receive' || h.action === 'accept') && !receivedAt) receivedAt = at;
      if (ENDS.has(h.action) && !endedAt) endedAt = at;
    }
    const papers = extra.files.filter((f) => f.component !== RESULT_COMPONENT).map((f) => f.created_at as string);
    const timeline: FullTimeline = { id, code, unitCode: unit.code, procedureCode: procedure, channel: channel as FullTimeline['channel'], events, firstFileAt: papers.length ? papers.sort()[0]! : null, receivedAt, endedAt, seq: kept.length };
    w.facts.add({ dossier_id: id, unit_code: unit.code, code, procedure_code: procedure, channel, received_at: receivedAt, ended_at: endedAt, first_file_at: timeline.firstFileAt, events: JSON.stringify(events), seq: kept.length });
    const judged = stateOf(timeline);
    w.states.add(judged.state);
    for (const c of judged.clock) w.clock.add(c);

    if ((k + 1) % 2000 === 0 || k === N - 1) {
      await Promise.all(writers.map((x) => x.flush()));
      if ((k + 1) % 250_000 === 0) log(`  ${(k + 1).toLocaleString('en-US')} dossiers, ${w.history.rows.toLocaleString('en-US')} history rows (${took()})`);
    }
  }
  await Promise.all(writers.map((x) => x.end()));
  const counterWriter = await CopyWriter.open(url, 'dossier_counters', ['unit_code', 'day', 'n']);
  for (const [key, n] of counters) counterWriter.add({ unit_code: key.slice(0, key.indexOf('-')), day: key.slice(key.indexOf('-') + 1), n });
  await counterWriter.end();
  log(`  rows written: ${writers.map((x, i) => `${Object.keys(w)[i]} ${x.rows.toLocaleString('en-US')}`).join(', ')}, day counters ${counters.size.toLocaleString('en-US')} (${took()})`);

  try {
    await ddl.query(`SET maintenance_work_mem = '512MB'`);
    for (const stmt of recreate) {
      const t = performance.now();
      await ddl.query(stmt);
      const what = /^CREATE (UNIQUE )?INDEX (\S+)/.exec(stmt)?.[2] ?? /ADD CONSTRAINT "([^"]+)"/.exec(stmt)?.[1] ?? stmt.slice(0, 40);
      if (performance.now() - t > 5000) log(`    ${what}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
    log(`  indexes and constraints made again, foreign keys checked (${took()})`);
    await ddl.query(`VACUUM (ANALYZE) ${BULK.join(', ')}`);
    // The indicators follow the history from its newest row on (what a rebuild would leave).
    const database = openDatabase(parseDatabaseUrl(url, os.tmpdir()));
    const cursor = await lastChangeId(database.db).finally(() => database.close());
    await ddl.query(`INSERT INTO indicator_sync (name, cursor, updated_at) VALUES ('history', $1, $2) ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`, [cursor, new Date(NOW).toISOString()]);
    log(`  analysed (${took()})`);
  } finally {
    await ddl.end();
  }
  return { now: new Date(NOW).toISOString(), units };
}
