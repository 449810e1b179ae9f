import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Online backup of a SQLite database with SQLite's backup API (better-sqlite3's `.backup()`),
 * from a process of its own while the server keeps serving.
 *
 * The copy is made in ONE step: the backup API restarts a copy made in small steps whenever
 * another connection (the server) writes between two steps, which under steady writes may never
 * finish; one step reads every page inside one read transaction — a snapshot of one instant —
 * and, the database being in WAL mode, never blocks the server's writes meanwhile.
 *
 * The copy is written beside the destination, checked (quick_check), switched to a single-file
 * journal (no -wal file to forget) and only then renamed into place: a backup interrupted
 * half-way never leaves a file that looks complete.
 */

export class BackupError extends Error {}

export interface BackupReport {
  file: string;
  bytes: number;
  ms: number;
  /** Rows per table in the copy. */
  counts: Record<string, number>;
  /** The audit chain's last entry in the copy. */
  auditHeadSeq: number;
}

/** Every table of a SQLite file with its row count (SQLite's own tables left out). */
export function tableCounts(db: SQLite.Database): Record<string, number> {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, Number(db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get())]));
}

function auditHead(db: SQLite.Database): number {
  try {
    return Number(db.prepare('SELECT seq FROM audit_head WHERE id = 1').pluck().get() ?? 0);
  } catch {
    return 0;
  }
}

/** Checks a file is a sound SQLite database; returns SQLite's own answer when it is not. */
export function checkSqliteFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') !== 'SQLite format 3\0') return 'không phải tệp cơ sở dữ liệu SQLite';
  } catch (e) {
    return (e as Error).message;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const r = db.pragma('quick_check', { simple: true }) as string;
    return r === 'ok' ? undefined : `quick_check: ${r}`;
  } finally {
    db.close();
  }
}

export async function backupSqlite(source: string, dest: string, opts: { force?: boolean } = {}): Promise<BackupReport> {
  const started = performance.now();
  if (!fs.existsSync(source)) throw new BackupError(`không có cơ sở dữ liệu tại ${source}`);
  const target = path.resolve(dest);
  if (target === path.resolve(source)) throw new BackupError('tệp sao lưu không được trùng với tệp cơ sở dữ liệu đang dùng');
  if (fs.existsSync(target) && !opts.force) throw new BackupError(`tệp ${target} đã có; chọn tên khác, hoặc thêm --force để ghi đè`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`thư mục ${path.dirname(target)} không tồn tại`);
  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const src = new SQLite(source, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 10000');
    // After the first (setup) step, every remaining page in one step: one snapshot (see above).
    await src.backup(tmp, { progress: () => 0x7fffffff });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`sao lưu thất bại: ${(e as Error).message}`);
  } finally {
    src.close();
  }
  let counts: Record<string, number>;
  let head: number;
  const copy = new SQLite(tmp, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new BackupError(`bản sao lưu không toàn vẹn (quick_check: ${check})`);
    counts = tableCounts(copy);
    head = auditHead(copy);
  } catch (e) {
    copy.close();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  copy.close();
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, target);
  return { file: target, bytes: fs.statSync(target).size, ms: performance.now() - started, counts, auditHeadSeq: head };
}

export interface RestorePlan {
  /** Where the database that was there is kept (with --force), if there was one. */
  keptAs?: string;
  counts: Record<string, number>;
  auditHeadSeq: number;
}

/**
 * Puts a backup in place of the configured SQLite file. The caller has checked no server runs
 * on it. An existing database is never deleted: with `force` it is kept beside, renamed
 * `<file>.truoc-khoi-phuc-<time>`, its write-ahead log folded in first so the kept file is whole.
 */
export function restoreSqliteFile(backup: string, target: string, opts: { force?: boolean; now?: Date } = {}): RestorePlan {
  if (!fs.existsSync(backup)) throw new BackupError(`không tìm thấy tệp sao lưu ${backup}`);
  const bad = checkSqliteFile(backup);
  if (bad) throw new BackupError(`tệp ${backup} không dùng được: ${bad}`);
  const exists = fs.existsSync(target);
  if (exists && !opts.force) {
    throw new BackupError(`đã có cơ sở dữ liệu tại ${target}; thêm --force để thay bằng bản sao lưu (bản đang có được giữ lại bên cạnh, không bị xóa)`);
  }
  const src = new SQLite(backup, { readonly: true, fileMustExist: true });
  const counts = tableCounts(src);
  const head = auditHead(src);
  src.close();
  let keptAs: string | undefined;
  if (exists) {
    const old = new SQLite(target, { fileMustExist: true });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.pragma('journal_mode = DELETE');
    old.close();
    keptAs = `${target}.truoc-khoi-phuc-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  fs.copyFileSync(backup, tmp);
  fs.renameSync(tmp, target);
  return { keptAs, counts, auditHeadSeq: head };
}
