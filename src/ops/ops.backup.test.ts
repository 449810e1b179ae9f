/**
 * `motcua backup` while the server writes, then `motcua restore` on another machine's DATA_DIR:
 * the copy is one consistent instant (every dossier received has its audit entry and its notice,
 * none without), its tables' counts are restored exactly, the audit chain verifies, and rows the
 * backup missed are reported from the signed checkpoints. A tampered backup fails the restore.
 * SQLite only: PostgreSQL is backed up with pg_dump (README).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { Desk } from '../dossier/workflow.testing';
import { APPLICANT } from '../dossier/dossier.testing';
import { createTestEnv, type TestEnv } from '../shared/testing';
import { tableCounts } from './ops.backup';
import { restoreCommand } from './ops.commands';

const ROOT = path.resolve(import.meta.dirname, '../..');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const count = (db: SQLite.Database, q: string) => Number(db.prepare(q).pluck().get());

describe('Backup while serving, restore and verify [sqlite]', () => {
  let env: TestEnv;
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-backup-'));
    dirs.push(d);
    return d;
  };
  let backupFile = '';
  let atStart = 0;
  let atEnd = 0;

  beforeAll(async () => {
    env = await createTestEnv('sqlite');
  });
  afterAll(async () => {
    await env?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('takes a consistent backup in another process while dossiers are being received', async () => {
    const desk = new Desk(env);
    await desk.receiveAtCounter('1.001193');
    const dbFile = env.config.database.url;
    const live = new SQLite(dbFile, { readonly: true });
    atStart = count(live, 'SELECT count(*) FROM dossiers');
    backupFile = path.join(tmp(), 'motcua-sao-luu.db');

    // Receptions go on (each one: dossier, history, audit entry, notice, in one transaction)
    // until the backup process has finished.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await desk.receiveAtCounter('1.001193', 'tiepnhan', { ...APPLICANT, phone: `09120${String(10000 + i).slice(-5)}` });
        written++;
      }
    })();
    const r = await runCli(['backup', backupFile], { DATA_DIR: env.dataDir, DATABASE_URL: `sqlite:${dbFile}` });
    writing = false;
    await writer;
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`Đã sao lưu ${dbFile} vào ${backupFile}`);
    expect(r.out).toContain('secret.key');
    expect(written).toBeGreaterThan(0);
    atEnd = count(live, 'SELECT count(*) FROM dossiers');
    live.close();

    const copy = new SQLite(backupFile, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(fs.existsSync(`${backupFile}-wal`)).toBe(false);
      const dossiers = count(copy, 'SELECT count(*) FROM dossiers');
      expect(dossiers).toBeGreaterThanOrEqual(atStart);
      expect(dossiers).toBeLessThanOrEqual(atEnd);
      // One instant: every received dossier with its audit entry and its notice, and nothing more.
      expect(count(copy, `SELECT count(*) FROM audit_log WHERE action = 'dossier.receive'`)).toBe(dossiers);
      expect(count(copy, `SELECT count(DISTINCT dossier_code) FROM outbox WHERE dossier_code IS NOT NULL`)).toBe(dossiers);
      expect(count(copy, 'SELECT seq FROM audit_head')).toBe(count(copy, 'SELECT max(seq) FROM audit_log'));
    } finally {
      copy.close();
    }
    // An existing file is not overwritten without --force.
    const again = await runCli(['backup', backupFile], { DATA_DIR: env.dataDir, DATABASE_URL: `sqlite:${dbFile}` });
    expect(again.code).toBe(1);
    expect(again.out).toContain('đã có');
  }, 240_000);

  it('restores into a new DATA_DIR: same counts, the chain verifies, rows after the backup reported as lost', async () => {
    // Written after the backup: a signed checkpoint of a head the backup does not have.
    const cp = await env.services.audit.checkpoint();
    expect(cp!.seq).toBeGreaterThan(0);
    const dataDir = tmp();
    const cfg = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    // Without the key, nothing is restored: the chain could not be verified.
    const noKey = await restoreCommand(cfg, [backupFile]);
    expect(noKey.code).toBe(1);
    expect(noKey.out).toContain('secret.key');
    expect(fs.existsSync(cfg.database.url)).toBe(false);

    fs.copyFileSync(path.join(env.dataDir, 'secret.key'), path.join(dataDir, 'secret.key'));
    fs.copyFileSync(env.config.audit.checkpointFile, cfg.audit.checkpointFile);
    const r = await restoreCommand(cfg, [backupFile]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Nhật ký toàn vẹn');
    const backup = new SQLite(backupFile, { readonly: true });
    const restored = new SQLite(cfg.database.url, { readonly: true });
    const before = tableCounts(backup);
    const after = tableCounts(restored);
    const head = count(restored, 'SELECT seq FROM audit_head');
    backup.close();
    restored.close();
    expect(after).toEqual(before);
    expect(r.out).toContain(`chuỗi mã băm khớp đến bản ghi ${head}`);
    if (cp!.seq > head) expect(r.out).toContain(`các bản ghi ${head + 1}–${cp!.seq}`);

    // Once there, not replaced without --force; with it, the old one is kept beside.
    const refused = await restoreCommand(cfg, [backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('--force');
    const forced = await restoreCommand(cfg, [backupFile, '--force']);
    expect(forced.code, forced.out).toBe(0);
    const kept = /giữ lại tại (\S+)\./.exec(forced.out)![1]!;
    expect(fs.existsSync(kept)).toBe(true);
  }, 240_000);

  it('a backup whose audit log was edited does not pass the restore', async () => {
    const dir = tmp();
    const bad = path.join(dir, 'sua.db');
    fs.copyFileSync(backupFile, bad);
    const db = new SQLite(bad);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET actor_name = 'Người khác' WHERE seq = (SELECT min(seq) FROM audit_log WHERE action = 'dossier.receive')`).run();
    db.close();
    fs.copyFileSync(path.join(env.dataDir, 'secret.key'), path.join(dir, 'secret.key'));
    const r = await restoreCommand(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), [bad]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Nhật ký KHÔNG toàn vẹn');
    expect(r.out).toContain('đã bị sửa');
  }, 120_000);
});
