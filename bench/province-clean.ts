/**
 * `npm run bench:province` leaves the province as it found it (issue 16): its submissions are real
 * dossiers, and kept they would make every later run slower. A run first writes a marker (table
 * `bench_province_run`): the instant it started, the rows of every table, the audit chain's head
 * and the data directories its processes use; the small tables' contents are copied aside
 * (`bench_province_run_<table>`). At its end (also after a failure or Ctrl-C, and at the start of
 * the next run when one died half-way: the marker is still there) `endRun` removes, in one
 * transaction,
 * - the dossiers created since the start and every row that hangs off them in the large tables
 *   (any table with a `dossier_id` or `dossier_code` column: history, files, fees, payments,
 *   ratings, the indicators' facts, states and clock…);
 * - the audit chain's entries after the recorded head (its tail), the head put back exactly;
 * - in every small table (day counters of the codes, outbox, cluster bus, job runs, the
 *   indicators' kept counts, sessions…) the rows that were not there at the start, and the rows
 *   changed or deleted since are put back as they were — so the codes of the next run continue
 *   without a gap;
 * then deletes the data directories (the stored files, the checkpoints written during the run),
 * checks that every table holds as many rows as at the start and that the audit chain verifies
 * with the province's key (bench/province-data.ts BENCH_AUDIT_KEY), and drops the marker.
 */
import fs from 'node:fs';
import pg from 'pg';
import { AuditService, hashOf, macOf } from '../src/audit';
import { openDatabase } from '../src/db/connection';
import { parseDatabaseUrl } from '../src/config';
import type { AuditLogTable } from '../src/db/schema';
import { systemClock } from '../src/shared/clock';
import { createHmac } from 'node:crypto';
import { withClient } from './province-data';

const RUN = 'bench_province_run';
/** Tables of more rows than this (BENCH_PROVINCE_ASIDE_ROWS) are not copied aside: they must hang off the dossiers (or be the audit log). */
const SMALL = Number(process.env.BENCH_PROVINCE_ASIDE_ROWS ?? 300_000);
/** Copied aside whatever their size: the codes' day counters (one row per unit and day, ~230,000 at 126 units × 5 years). */
const ALWAYS_ASIDE = ['dossier_counters', 'audit_head'];

interface Marker {
  startedAt: string;
  /** The transaction id at the start (32 bits, as a row's xmin): rows written since have a greater one. */
  xid: number;
  headSeq: number;
  headHash: string;
  counts: Record<string, number>;
  small: string[];
  dataDirs: string[];
}


const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const aside = (t: string) => q(`${RUN}_${t}`);
const OPEN = `${RUN}__open_dossiers`;

/** The product's tables (not the benchmark's own). */
async function tables(c: pg.Client): Promise<string[]> {
  return (await c.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'bench\\_province%' ORDER BY 1`)).rows.map((r) => r.t);
}

async function countAll(c: pg.Client, list: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of list) out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${q(t)}`)).rows[0].n);
  return out;
}

async function readMarker(c: pg.Client): Promise<Marker | undefined> {
  if (!(await c.query(`SELECT to_regclass('${RUN}') AS t`)).rows[0].t) return undefined;
  const r = (await c.query(`SELECT marker FROM ${RUN}`)).rows[0];
  return r ? (JSON.parse(r.marker) as Marker) : undefined;
}

export interface RunCleanup {
  /** What was removed and checked, to print. */
  lines: string[];
}

/**
 * Writes the run's marker before anything else of the run writes, after cleaning up what a run
 * that died half-way left. `dataDirs`: the directories the run's processes keep files in.
 */
export async function beginRun(url: string, dataDirs: string[], log: (m: string) => void, auditKey: Buffer, asideRows = SMALL): Promise<void> {
  const left = await withClient(url, readMarker);
  if (left) {
    log(`lần chạy trước (bắt đầu ${left.startedAt}) dừng giữa chừng: dọn những gì nó để lại…`);
    for (const l of (await endRun(url, auditKey)).lines) log(l);
  }
  await rekeyIfForeign(url, auditKey, log);
  await withClient(url, async (c) => {
    const list = await tables(c);
    const counts = await countAll(c, list);
    const small = list.filter((t) => counts[t]! <= asideRows || ALWAYS_ASIDE.includes(t));
    const hangs = new Set((await c.query(`SELECT DISTINCT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('dossier_id', 'dossier_code')`)).rows.map((r) => r.t));
    const large = list.filter((t) => !small.includes(t) && t !== 'dossiers' && t !== 'audit_log' && !hangs.has(t));
    if (large.length) throw new Error(`bench:province: bảng lớn không gắn với hồ sơ, không dọn được: ${large.join(', ')}`);
    const head = (await c.query('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0];
    const xid = Number((await c.query('SELECT txid_current() % 4294967296 AS x')).rows[0].x);
    const marker: Marker = { startedAt: new Date().toISOString(), xid, headSeq: Number(head.seq), headHash: head.hash, counts, small, dataDirs };
    await c.query('BEGIN');
    for (const t of small) await c.query(`DROP TABLE IF EXISTS ${aside(t)}; CREATE TABLE ${aside(t)} AS SELECT * FROM ${q(t)}`);
    // The servers' periodic jobs (escalation) flag the open dossiers as their deadlines near: kept aside too.
    if (!small.includes('dossiers')) await c.query(`DROP TABLE IF EXISTS ${OPEN}; CREATE TABLE ${OPEN} AS SELECT * FROM dossiers WHERE finished_at IS NULL`);
    await c.query(`DROP TABLE IF EXISTS ${RUN}; CREATE TABLE ${RUN} (marker text NOT NULL)`);
    await c.query(`INSERT INTO ${RUN} VALUES ($1)`, [JSON.stringify(marker)]);
    await c.query('COMMIT');
  });
}

/** Adds a data directory to the marker (one made after beginRun). */
export async function noteDataDir(url: string, dir: string): Promise<void> {
  await withClient(url, async (c) => {
    const m = await readMarker(c);
    if (!m) return;
    m.dataDirs.push(dir);
    await c.query(`UPDATE ${RUN} SET marker = $1`, [JSON.stringify(m)]);
  });
}

/**
 * Puts the province back as the marker found it (see the file's comment), checks it and drops
 * the marker. Throws when a table's rows differ from the start or the audit chain does not verify.
 */
export async function endRun(url: string, auditKey: Buffer): Promise<RunCleanup> {
  const lines: string[] = [];
  const removed = await withClient(url, async (c) => {
    const m = await readMarker(c);
    if (!m) return undefined;
    const list = await tables(c);
    const small = new Set(m.small);
    const cols = async (t: string) =>
      (await c.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [t])).rows.map((r) => q(r.c));
    const hanging = (await c.query(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('dossier_id', 'dossier_code') ORDER BY 1, 2`)).rows as Array<{ t: string; c: string }>;
    await c.query('BEGIN');
    // Foreign keys and the audit log's append-only trigger off for this transaction: every table
    // ends as it was at the start, consistent as it was then (checked below by the counts).
    await c.query(`SET LOCAL session_replication_role = replica`);
    await c.query(`CREATE TEMP TABLE run_dossiers ON COMMIT DROP AS SELECT id, code FROM dossiers WHERE created_at >= $1`, [m.startedAt]);
    await c.query('CREATE INDEX ON run_dossiers (id); CREATE INDEX ON run_dossiers (code); ANALYZE run_dossiers');
    const dossiers = Number((await c.query('SELECT count(*) AS n FROM run_dossiers')).rows[0].n);
    const byTable: Record<string, number> = {};
    const add = (t: string, n: number | null) => n && (byTable[t] = (byTable[t] ?? 0) + n);
    for (const h of hanging) {
      if (small.has(h.t) || !list.includes(h.t)) continue;
      if (h.c === 'dossier_code' && hanging.some((x) => x.t === h.t && x.c === 'dossier_id')) continue;
      const key = h.c === 'dossier_id' ? 'id' : 'code';
      add(h.t, (await c.query(`DELETE FROM ${q(h.t)} WHERE ${q(h.c)} IN (SELECT ${key} FROM run_dossiers)`)).rowCount);
    }
    let putBack = 0;
    if (!small.has('dossiers')) {
      add('dossiers', (await c.query('DELETE FROM dossiers WHERE id IN (SELECT id FROM run_dossiers)')).rowCount);
      // Open dossiers changed since the start (flagged by the escalation job) are put back as they were.
      if ((await c.query(`SELECT to_regclass('${OPEN}') AS t`)).rows[0].t) {
        const cs = (await cols('dossiers')).join(', ');
        putBack = (await c.query(`DELETE FROM dossiers d USING ${OPEN} o WHERE d.id = o.id AND d::text <> o::text`)).rowCount ?? 0;
        await c.query(`INSERT INTO dossiers (${cs}) SELECT ${cs} FROM ${OPEN} o WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = o.id)`);
        if (putBack) byTable['dossiers (put back)'] = putBack;
      }
    }
    if (!small.has('audit_log')) add('audit_log', (await c.query('DELETE FROM audit_log WHERE seq > $1', [m.headSeq])).rowCount);
    for (const t of m.small) {
      if (!list.includes(t)) continue;
      const cs = (await cols(t)).join(', ');
      // Rows not as they were (new or changed) go; rows missing (deleted or changed) come back.
      const gone = (await c.query(`DELETE FROM ${q(t)} x WHERE x::text IN (SELECT y::text FROM ${q(t)} y EXCEPT ALL SELECT z::text FROM ${aside(t)} z)`)).rowCount ?? 0;
      const back = (await c.query(`INSERT INTO ${q(t)} (${cs}) SELECT ${cs} FROM ${aside(t)} z WHERE z::text IN (SELECT z::text FROM ${aside(t)} z EXCEPT ALL SELECT y::text FROM ${q(t)} y)`)).rowCount ?? 0;
      add(t, gone);
      add(`${t} (put back)`, back);
    }
    await c.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [m.headSeq, m.headHash]);
    await c.query('COMMIT');
    for (const d of m.dataDirs) fs.rmSync(d, { recursive: true, force: true });
    // The check: every table as many rows as at the start, and in the large ones no row written
    // since the start but the open dossiers put back.
    const now: Record<string, number> = {};
    const changed: string[] = [];
    for (const t of list) {
      const r = (await c.query(`SELECT count(*) AS n, count(*) FILTER (WHERE xmin::text::bigint >= $1) AS w FROM ${q(t)}`, [m.xid])).rows[0];
      now[t] = Number(r.n);
      const w = Number(r.w) - (t === 'dossiers' ? putBack : 0);
      if (!small.has(t) && w) changed.push(`${t} ${w}`);
    }
    const all = new Set([...Object.keys(m.counts), ...list]);
    const diff = [...all].filter((t) => m.counts[t] !== now[t]).map((t) => `${t} ${m.counts[t] ?? 'không có'} → ${now[t] ?? 'không có'}`);
    if (changed.length) diff.push(`dòng có sẵn bị sửa trong lần chạy: ${changed.join(', ')}`);
    const head = (await c.query('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0];
    return { m, dossiers, byTable, diff, tables: all.size, head: { seq: Number(head.seq), hash: head.hash as string } };
  });
  if (!removed) return { lines };
  const { m, dossiers, byTable, diff, tables: n } = removed;
  const detail = Object.entries(byTable)
    .sort((a, b) => b[1] - a[1])
    .map(([t, k]) => `${t} ${k.toLocaleString('en-US')}`)
    .join(', ');
  lines.push(`đã xoá ${dossiers.toLocaleString('en-US')} hồ sơ của lần chạy bắt đầu ${m.startedAt} và mọi dòng gắn với chúng (${detail || 'không có gì khác'}); thư mục dữ liệu ${m.dataDirs.length} đã xoá`);
  const v = await verifyAudit(url, auditKey);
  const auditOk = v.ok && removed.head.seq === m.headSeq && removed.head.hash === m.headHash;
  lines.push(
    `kiểm tra: ${n} bảng, số dòng ${diff.length ? `KHÁC lúc bắt đầu: ${diff.join('; ')}` : 'như lúc bắt đầu'}; nhật ký: đầu chuỗi bản ghi ${removed.head.seq} ${removed.head.seq === m.headSeq && removed.head.hash === m.headHash ? 'như lúc bắt đầu' : `KHÁC lúc bắt đầu (${m.headSeq})`}, ${v.ok ? `toàn vẹn (${v.checked} bản ghi)` : `KHÔNG toàn vẹn: ${v.problems.slice(0, 3).map((p) => p.message).join('; ')}`}`,
  );
  if (diff.length || !auditOk) {
    throw new Error(`bench:province: tỉnh không còn như lúc bắt đầu lần chạy (dấu vẫn giữ: lần chạy sau dọn lại; không được thì sinh lại tỉnh, BENCH_PROVINCE_REGENERATE=1)\n${lines.join('\n')}`);
  }
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    for (const t of m.small) await c.query(`DROP TABLE IF EXISTS ${aside(t)}`);
    await c.query(`DROP TABLE IF EXISTS ${OPEN}`);
    await c.query(`DROP TABLE ${RUN}`);
    await c.query('COMMIT');
  });
  // The rows deleted stay as dead tuples until autovacuum comes by; the next run's reads (the
  // commune-month afresh) would scan them. Vacuumed now, with fresh statistics.
  const touched = [...new Set(Object.keys(removed.byTable).map((t) => t.replace(/ \(put back\)$/, '')))];
  if (touched.length) {
    const t0 = performance.now();
    await withClient(url, (c) => c.query(`VACUUM (ANALYZE) ${touched.map(q).join(', ')}`));
    lines.push(`đã dọn dòng chết và cập nhật thống kê (VACUUM ANALYZE) ${touched.length} bảng trong ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { lines };
}

/** `motcua audit verify` on the province with its key, without checkpoints (those of a run are in its data directories). */
export async function verifyAudit(url: string, key: Buffer) {
  const database = openDatabase(parseDatabaseUrl(url, ''));
  try {
    return await new AuditService(database.db, systemClock, { key }).verify();
  } finally {
    await database.close();
  }
}

/**
 * A province generated before the benchmark gave it a key of its own (BENCH_AUDIT_KEY) has its
 * audit chain keyed with a key that is gone (the generator's throw-away data directory): no
 * `audit verify` could pass on it. When the chain is whole but keyed otherwise, sign it again with
 * the province's key — a generated province's log, not anyone's evidence — once.
 */
async function rekeyIfForeign(url: string, key: Buffer, log: (m: string) => void): Promise<void> {
  const v = await verifyAudit(url, key);
  if (v.ok) return;
  if (v.problems.some((p) => !['key_mark_forged', 'edited'].includes(p.kind))) {
    throw new Error(`bench:province: nhật ký của tỉnh không toàn vẹn: ${v.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  }
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await c.query(`SET LOCAL session_replication_role = replica`);
    const mark = (await c.query(`SELECT value FROM meta WHERE key = 'audit.keyed_after_seq'`)).rows[0];
    const keyedAfter = mark ? Number(JSON.parse(mark.value).seq) : 0;
    if (mark) await c.query(`UPDATE meta SET value = $1 WHERE key = 'audit.keyed_after_seq'`, [JSON.stringify({ seq: keyedAfter, mac: createHmac('sha256', key).update(`keyed-after:${keyedAfter}`).digest('hex') })]);
    const rows = (await c.query('SELECT * FROM audit_log ORDER BY seq')).rows as AuditLogTable[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const { hash: _old, ...rest } = { ...r, seq: Number(r.seq), prev_hash: prev };
      const hash = rest.seq <= keyedAfter ? hashOf(rest) : macOf(key, rest);
      await c.query('UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3', [prev, hash, rest.seq]);
      prev = hash;
    }
    await c.query('UPDATE audit_head SET hash = $1 WHERE id = 1', [prev]);
    await c.query('COMMIT');
    log(`nhật ký của tỉnh: ${rows.length} bản ghi ký lại bằng khoá của bench (tỉnh sinh trước khi bench có khoá riêng)`);
  });
  const again = await verifyAudit(url, key);
  if (!again.ok) throw new Error(`bench:province: ký lại nhật ký không thành: ${again.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
}
