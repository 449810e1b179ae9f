import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { migrateToLatest } from '../db/migrate';
import type { Db } from '../db/connection';

/**
 * `motcua copy-to DATABASE_URL`: a commune that grew out of SQLite moves to PostgreSQL. The target
 * is migrated by the same code, then every table is copied in the order its foreign keys need
 * (parents first; rows of a self-referencing table parents first too), in batches, inside ONE
 * transaction on the target: the counts of every table are compared and the audit chain is
 * verified there before it commits — a copy that does not match leaves the target as it was.
 * The source is read inside one read transaction: a snapshot of one instant. Files (DATA_DIR/files)
 * are not touched: the new server uses the same DATA_DIR.
 */

export class CopyError extends Error {}

/** Kysely's own tables: the target's are written by its migration, not copied. */
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TableCopy {
  table: string;
  source: number;
  target: number;
}

export interface CopyReport {
  tables: TableCopy[];
  rows: number;
  ms: number;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows a fresh migration writes by itself (seed rows such as the audit chain's head), per table. */
async function seedCounts(): Promise<Map<string, number>> {
  const mem = new SQLite(':memory:');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: mem }) });
  try {
    await migrateToLatest(db);
    const out = new Map<string, number>();
    for (const t of sourceTables(mem)) out.set(t, Number(mem.prepare(`SELECT count(*) FROM ${q(t)}`).pluck().get()));
    return out;
  } finally {
    await db.destroy();
  }
}

function sourceTables(src: SQLite.Database): string[] {
  return (src.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).filter((t) => !SKIP.has(t));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
export function dependencyOrder(tables: string[], refs: Map<string, string[]>): string[] {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new CopyError(`khóa ngoại vòng tròn giữa các bảng: ${[...path, t].join(' → ')}`);
    state.set(t, 'visiting');
    for (const r of refs.get(t) ?? []) if (r !== t && tables.includes(r)) visit(r, [...path, t]);
    state.set(t, 'done');
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return out;
}

interface Fk {
  table: string;
  from: string;
  to: string;
}

function foreignKeys(src: SQLite.Database, table: string): Fk[] {
  return (src.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(table) as Fk[]).map((f) => ({ table: f.table, from: f.from, to: f.to }));
}

/** Rows of a table that references itself, each after the row it points to. */
function parentsFirst(rows: Array<Record<string, unknown>>, self: Fk[]): Array<Record<string, unknown>> {
  const placed = new Set<unknown>();
  const keyCols = [...new Set(self.map((f) => f.to))];
  let left = rows;
  const out: Array<Record<string, unknown>> = [];
  while (left.length) {
    const next: typeof rows = [];
    for (const r of left) {
      const ready = self.every((f) => r[f.from] === null || r[f.from] === undefined || placed.has(`${f.to}:${String(r[f.from])}`) || !rows.some((x) => x[f.to] === r[f.from]));
      if (ready) {
        out.push(r);
        for (const c of keyCols) placed.add(`${c}:${String(r[c])}`);
      } else next.push(r);
    }
    if (next.length === left.length) throw new CopyError('các dòng của một bảng tự tham chiếu tạo thành vòng tròn');
    left = next;
  }
  return out;
}

export interface CopyOptions {
  /** Opened on the source file (read inside one transaction). */
  source: SQLite.Database;
  /** The target, opened by the caller (PostgreSQL). */
  target: Db;
  /** Verifies the audit chain as seen inside the copy's transaction; a failure message rolls back. */
  verifyAudit: (trx: Transaction<DB>) => Promise<string | undefined>;
  batchRows?: number;
  log?: (msg: string) => void;
}

export async function copyDatabase(o: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  const seeds = await seedCounts();

  // Refused unless empty: no table holds more than a fresh migration writes.
  const existing = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(o.target);
  const busy: string[] = [];
  for (const { table_name: t } of existing.rows) {
    if (SKIP.has(t)) continue;
    const n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(o.target)).rows[0]!.n);
    if (n > (seeds.get(t) ?? 0)) busy.push(`${t} (${n} dòng)`);
  }
  if (busy.length) throw new CopyError(`cơ sở dữ liệu đích không trống: ${busy.slice(0, 8).join(', ')}${busy.length > 8 ? ` và ${busy.length - 8} bảng khác` : ''}. Chỉ chuyển sang một cơ sở dữ liệu mới tạo.`);

  const applied = await migrateToLatest(o.target);
  log(`Đã cập nhật cấu trúc cơ sở dữ liệu đích (${applied.length} bước).`);

  const src = o.source;
  src.pragma('busy_timeout = 10000');
  src.exec('BEGIN'); // one snapshot of the source for the whole copy
  try {
    const tables = sourceTables(src);
    const cols = await sql<{ table_name: string; column_name: string; is_generated: string }>`
      SELECT table_name, column_name, is_generated FROM information_schema.columns WHERE table_schema = current_schema()`.execute(o.target);
    const targetCols = new Map<string, Map<string, boolean>>();
    for (const c of cols.rows) (targetCols.get(c.table_name) ?? targetCols.set(c.table_name, new Map()).get(c.table_name)!).set(c.column_name, c.is_generated === 'ALWAYS');
    const missing = tables.filter((t) => !targetCols.has(t));
    if (missing.length) throw new CopyError(`cơ sở dữ liệu đích thiếu bảng: ${missing.join(', ')}`);
    const fks = new Map(tables.map((t) => [t, foreignKeys(src, t)]));
    const order = dependencyOrder(tables, new Map([...fks].map(([t, f]) => [t, f.map((x) => x.table)])));

    const report: TableCopy[] = [];
    await o.target.transaction().execute(async (trx) => {
      // The rows a fresh migration wrote (the audit head) give way to the source's.
      for (const t of [...order].reverse()) if ((seeds.get(t) ?? 0) > 0) await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
      for (const t of order) {
        const srcCols = (src.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]);
        const tc = targetCols.get(t)!;
        const absent = srcCols.filter((c) => !tc.has(c));
        if (absent.length) throw new CopyError(`bảng ${t} ở đích thiếu cột ${absent.join(', ')}`);
        const insertable = srcCols.filter((c) => !tc.get(c));
        const batch = Math.max(1, Math.min(o.batchRows ?? 1000, Math.floor(60_000 / Math.max(1, insertable.length))));
        const select = `SELECT ${insertable.map(q).join(', ')} FROM ${q(t)}`;
        const self = fks.get(t)!.filter((f) => f.table === t);
        const write = async (rows: Array<Record<string, unknown>>) => {
          if (rows.length) await trx.insertInto(t as keyof DB).values(rows as never).execute();
        };
        let n = 0;
        if (self.length) {
          const all = parentsFirst(src.prepare(select).all() as Array<Record<string, unknown>>, self);
          for (let i = 0; i < all.length; i += batch) await write(all.slice(i, i + batch));
          n = all.length;
        } else {
          let rows: Array<Record<string, unknown>> = [];
          for (const r of src.prepare(select).iterate() as IterableIterator<Record<string, unknown>>) {
            rows.push(r);
            if (rows.length >= batch) {
              // The iterator holds the SQLite statement; inserting on PostgreSQL meanwhile is fine.
              await write(rows);
              n += rows.length;
              rows = [];
            }
          }
          await write(rows);
          n += rows.length;
        }
        const source = Number(src.prepare(`SELECT count(*) FROM ${q(t)}`).pluck().get());
        const target = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(trx)).rows[0]!.n);
        report.push({ table: t, source, target });
        if (source !== target || n !== source) throw new CopyError(`bảng ${t}: nguồn ${source} dòng, đích ${target} dòng — hủy toàn bộ việc chuyển`);
        if (source) log(`  ${t}: ${source} dòng`);
      }
      const problem = await o.verifyAudit(trx);
      if (problem) throw new CopyError(`nhật ký ở cơ sở dữ liệu đích không toàn vẹn: ${problem} — hủy toàn bộ việc chuyển`);
    });
    // Fresh statistics for the planner: the tables were empty when it last looked.
    await sql`ANALYZE`.execute(o.target);
    return { tables: report, rows: report.reduce((s, r) => s + r.target, 0), ms: performance.now() - started };
  } finally {
    src.exec('COMMIT');
  }
}
