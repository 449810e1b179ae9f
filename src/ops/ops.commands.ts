import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { auditKey, buildServices } from '../app';
import { AuditService, FileCheckpointStore, type AuditVerification } from '../audit';
import type { Config } from '../config';
import { openDatabase, type Db } from '../db/connection';
import { parseDatabaseUrl } from '../config';
import { systemClock } from '../shared/clock';
import { backupSqlite, BackupError, restoreSqliteFile, tableCounts } from './ops.backup';
import { copyDatabase, CopyError } from './ops.copy';
import { runningOn } from './ops.running';

/**
 * The operators' commands (`motcua backup | restore | copy-to`): each returns the text to print
 * and the exit code, so tests run them in process and the CLI only prints.
 */
export interface CommandResult {
  out: string;
  code: number;
}

const fail = (message: string): CommandResult => ({ out: `Lỗi: ${message}\n`, code: 1 });

function flags(args: string[]): { files: string[]; force: boolean; unknown?: string } {
  const files: string[] = [];
  let force = false;
  for (const a of args) {
    if (a === '--force') force = true;
    else if (a.startsWith('--')) return { files, force, unknown: a };
    else files.push(a);
  }
  return { files, force };
}

const POSTGRES_BACKUP = 'Cơ sở dữ liệu là PostgreSQL: sao lưu bằng công cụ của PostgreSQL, ví dụ\n  pg_dump -Fc -f motcua.dump "$DATABASE_URL"\nvà khôi phục bằng\n  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" motcua.dump\n(xem README, mục "Operations").';

export async function backupCommand(config: Config, args: string[]): Promise<CommandResult> {
  const f = flags(args);
  if (f.unknown) return fail(`không hiểu tùy chọn ${f.unknown}`);
  if (f.files.length !== 1) return fail('cách dùng: backup FILE [--force] — ví dụ: npm run motcua -- backup /sao-luu/motcua-2026-12-04.db');
  if (config.database.kind !== 'sqlite') return { out: POSTGRES_BACKUP + '\n', code: 1 };
  if (config.database.url === ':memory:') return fail('cơ sở dữ liệu trong bộ nhớ không sao lưu được');
  try {
    const r = await backupSqlite(config.database.url, f.files[0]!, { force: f.force });
    const rows = Object.values(r.counts).reduce((s, n) => s + n, 0);
    return {
      out:
        `Đã sao lưu ${config.database.url} vào ${r.file}: ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${Object.keys(r.counts).length} bảng, ${rows} dòng` +
        ` (${r.counts.dossiers ?? 0} hồ sơ, nhật ký đến bản ghi ${r.auditHeadSeq}) trong ${(r.ms / 1000).toFixed(1)} giây.\n` +
        `Bản sao lưu không gồm các tệp đính kèm (${path.join(config.dataDir, 'files')}) và khóa (${path.join(config.dataDir, 'secret.key')} hoặc AUDIT_KEY/SECRET_KEY): hãy sao lưu cả hai.\n`,
      code: 0,
    };
  } catch (e) {
    if (e instanceof BackupError) return fail(e.message);
    throw e;
  }
}

/** Problems that make a restored chain untrustworthy, and the rows written after the backup (lost, expected). */
export function judgeRestoredChain(v: AuditVerification): { broken: string[]; lostAfter: number | undefined } {
  let lostAfter: number | undefined;
  const broken: string[] = [];
  for (const p of v.problems) {
    // A checkpoint signed after the backup names a row the backup does not have: those rows were
    // written after it and are lost with the restore — said, not an alarm.
    if (p.kind === 'checkpoint_mismatch' && p.seq > v.headSeq) lostAfter = Math.max(lostAfter ?? 0, p.seq);
    else broken.push(p.message);
  }
  return { broken, lostAfter };
}

export async function restoreCommand(config: Config, args: string[]): Promise<CommandResult> {
  const f = flags(args);
  if (f.unknown) return fail(`không hiểu tùy chọn ${f.unknown}`);
  if (f.files.length !== 1) return fail('cách dùng: restore FILE [--force]');
  if (config.database.kind !== 'sqlite') return { out: POSTGRES_BACKUP + '\n', code: 1 };
  const target = config.database.url;
  const running = runningOn(config.dataDir, target);
  if (running.length) {
    return fail(`máy chủ đang chạy trên ${target} (tiến trình ${running.map((r) => `${r.pid}: ${r.command}`).join(', ')}). Dừng máy chủ trước khi khôi phục.`);
  }
  const keyFile = path.join(config.dataDir, 'secret.key');
  if (!config.audit.key && !config.secretKey && !fs.existsSync(keyFile)) {
    return fail(`chưa có khóa của nhật ký: chép ${keyFile} từ máy cũ (hoặc đặt AUDIT_KEY/SECRET_KEY như máy cũ) rồi khôi phục lại; thiếu khóa thì không kiểm tra được nhật ký.`);
  }
  let plan;
  try {
    plan = restoreSqliteFile(f.files[0]!, target, { force: f.force });
  } catch (e) {
    if (e instanceof BackupError) return fail(e.message);
    throw e;
  }
  const lines = [`Đã khôi phục ${path.resolve(f.files[0]!)} vào ${target}.`];
  if (plan.keptAs) lines.push(`Cơ sở dữ liệu trước đó được giữ lại tại ${plan.keptAs}.`);
  // Opened as the server opens it: migrated to this version, then the chain walked end to end.
  const s = await buildServices(config);
  let v: AuditVerification;
  try {
    v = await s.audit.verify();
  } finally {
    await s.database.close();
  }
  const db = new SQLite(target, { readonly: true, fileMustExist: true });
  const after = tableCounts(db);
  db.close();
  const differ = Object.keys(plan.counts).filter((t) => plan.counts[t] !== after[t]);
  lines.push(`${Object.keys(after).length} bảng, ${after.dossiers ?? 0} hồ sơ, ${after.audit_log ?? 0} bản ghi nhật ký.`);
  if (differ.length) lines.push(`Số dòng đổi khi cập nhật cấu trúc lên phiên bản này: ${differ.map((t) => `${t} ${plan.counts[t]} → ${after[t]}`).join(', ')}.`);
  const { broken, lostAfter } = judgeRestoredChain(v);
  if (broken.length) {
    lines.push(`Nhật ký KHÔNG toàn vẹn (${broken.length} vấn đề):`, ...broken.map((m) => `  - ${m}`));
    return { out: lines.join('\n') + '\n', code: 2 };
  }
  lines.push(`Nhật ký toàn vẹn: ${v.checked} bản ghi, chuỗi mã băm khớp đến bản ghi ${v.headSeq}; ${v.checkpoints} mốc đã ký được đối chiếu.`);
  if (lostAfter) lines.push(`Lưu ý: có mốc đã ký đến bản ghi ${lostAfter}: các bản ghi ${v.headSeq + 1}–${lostAfter} (và mọi thay đổi sau lúc sao lưu) không có trong bản sao lưu.`);
  return { out: lines.join('\n') + '\n', code: 0 };
}

export async function copyToCommand(config: Config, args: string[], log: (m: string) => void = () => {}): Promise<CommandResult> {
  const f = flags(args);
  if (f.unknown) return fail(`không hiểu tùy chọn ${f.unknown}`);
  if (f.files.length !== 1) return fail('cách dùng: copy-to DATABASE_URL — ví dụ: npm run motcua -- copy-to postgres://motcua:matkhau@127.0.0.1:5432/motcua');
  if (config.database.kind !== 'sqlite' || config.database.url === ':memory:') return fail('copy-to chuyển từ một tệp SQLite: DATABASE_URL hiện tại phải là SQLite');
  let targetCfg;
  try {
    targetCfg = parseDatabaseUrl(f.files[0], config.dataDir);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (targetCfg.kind !== 'postgres') return fail('đích phải là địa chỉ PostgreSQL (postgres://…)');
  const running = runningOn(config.dataDir, config.database.url);
  if (running.length) return fail(`máy chủ đang chạy trên ${config.database.url} (tiến trình ${running.map((r) => r.pid).join(', ')}): dừng máy chủ trước khi chuyển, nếu không các thay đổi sau lúc chuyển sẽ mất.`);
  // The source at this version's schema first (as the server would at its next start).
  const s = await buildServices(config);
  await s.database.close();
  const source = new SQLite(config.database.url, { fileMustExist: true });
  const target = openDatabase(targetCfg);
  const key = auditKey(config);
  try {
    const r = await copyDatabase({
      source,
      target: target.db,
      log,
      verifyAudit: async (trx) => {
        const audit = new AuditService(trx as unknown as Db, systemClock, { key, checkpoints: new FileCheckpointStore(config.audit.checkpointFile) });
        const v = await audit.verify();
        return v.ok ? undefined : v.problems.map((p) => p.message).join('; ');
      },
    });
    const width = Math.max(...r.tables.map((t) => t.table.length));
    const table = r.tables.filter((t) => t.source).map((t) => `  ${t.table.padEnd(width)}  ${String(t.source).padStart(9)}  ${String(t.target).padStart(9)}`);
    return {
      out:
        `Đã chuyển ${r.rows} dòng của ${r.tables.length} bảng sang PostgreSQL trong ${(r.ms / 1000).toFixed(1)} giây; số dòng từng bảng khớp, nhật ký ở đích toàn vẹn.\n` +
        `  ${'bảng'.padEnd(width)}  ${'nguồn'.padStart(9)}  ${'đích'.padStart(9)}\n${table.join('\n')}\n` +
        `Tệp đính kèm giữ nguyên tại ${path.join(config.dataDir, 'files')}. Chạy máy chủ với DATABASE_URL mới (cùng DATA_DIR và khóa).\n`,
      code: 0,
    };
  } catch (e) {
    if (e instanceof CopyError) return fail(e.message);
    throw e;
  } finally {
    source.close();
    await target.close();
  }
}
