/**
 * `motcua copy-to` from a commune's SQLite database to a fresh PostgreSQL database (the real
 * server of TEST_DATABASE_URL; a database made for the test and dropped after): every table's
 * count equal, the unit tree and every other foreign key satisfied, the audit chain verified on
 * the target, the dossiers readable by a server on the target, and a second copy refused.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../app';
import { loadConfig } from '../config';
import { Desk } from '../dossier/workflow.testing';
import { APPLICANT } from '../dossier/dossier.testing';
import { fixedClock } from '../shared/clock';
import { createPgDatabase, createTestEnv, type TestEnv } from '../shared/testing';
import { tableCounts } from './ops.backup';
import { copyToCommand } from './ops.commands';
import { dependencyOrder } from './ops.copy';

describe('copy-to: tables in the order their foreign keys need', () => {
  it('puts every table after the ones it points to, and refuses a cycle', () => {
    const refs = new Map([
      ['dossier_files', ['dossiers']],
      ['dossiers', ['units', 'procedures']],
      ['units', ['units']],
      ['unit_procedures', ['units', 'procedures']],
    ]);
    const order = dependencyOrder(['dossier_files', 'dossiers', 'procedures', 'unit_procedures', 'units'], refs);
    for (const [t, rs] of refs) for (const r of rs) if (r !== t) expect(order.indexOf(r)).toBeLessThan(order.indexOf(t));
    expect(() => dependencyOrder(['a', 'b'], new Map([['a', ['b']], ['b', ['a']]]))).toThrow(/vòng tròn/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('copy-to: SQLite → a fresh PostgreSQL [sqlite → postgres]', () => {
  let env: TestEnv;
  let target: { url: string; drop(): Promise<void> };
  let onTarget: Services | undefined;
  const codes: string[] = [];

  beforeAll(async () => {
    // 09:00 in Hà Nội on a working day: the counter queue is open.
    env = await createTestEnv('sqlite', { clock: fixedClock('2026-12-01T02:00:00Z'), env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
    target = await createPgDatabase();
    const desk = new Desk(env);
    for (const i of [1, 2, 3]) codes.push((await desk.receiveAtCounter('1.001193', 'tiepnhan', { ...APPLICANT, phone: `091200033${i}` })).code);
    // One online, with its papers attached (files on disk, rows in dossier_files).
    codes.push((await desk.submitOnline('1.001193', { ...APPLICANT, phone: '0912000339' })).code);
    await env.services.queue.seedDemo('00004');
    await env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'web' });
    await env.services.audit.checkpoint();
  });
  afterAll(async () => {
    await onTarget?.database.close();
    await env?.close();
    await target?.drop();
  });

  it('copies every table, compares the counts and verifies the audit chain on the target', async () => {
    const lines: string[] = [];
    const r = await copyToCommand(env.config, [target.url], (m) => lines.push(m));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('số dòng từng bảng khớp, nhật ký ở đích toàn vẹn');

    const src = new SQLite(env.config.database.url, { readonly: true });
    const source = tableCounts(src);
    src.close();
    delete source.kysely_migration;
    delete source.kysely_migration_lock;
    const cfg = loadConfig({ DATA_DIR: env.dataDir, DATABASE_URL: target.url, LOG_LEVEL: 'silent' });
    onTarget = await buildServices(cfg);
    const db = onTarget.database.db;
    for (const [t, n] of Object.entries(source)) {
      const got = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db);
      expect(Number(got.rows[0]!.n), t).toBe(n);
    }
    expect(source.dossiers).toBeGreaterThanOrEqual(3);
    expect(source.units).toBeGreaterThan(1);
    // Verified with the same key and signed checkpoints as the source.
    const v = await onTarget.audit.verify();
    expect(v.problems).toEqual([]);
    expect(v.checkpoints).toBeGreaterThan(0);
    // A server on the target sees the same dossiers and their files' records.
    for (const code of codes) {
      const a = await env.services.dossiers.findByCode(code);
      const b = await onTarget.dossiers.findByCode(code);
      expect(b).toEqual(a);
    }
    // The files were not moved: a server on the target with the same DATA_DIR reads every one.
    const files = await db.selectFrom('dossier_files').select('sha256').execute();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await onTarget.files.has(f.sha256)).toBe(true);
  }, 240_000);

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const before = await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers`.execute(onTarget!.database.db);
    const r = await copyToCommand(env.config, [target.url]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('không trống');
    // The tables past the eighth are counted, not trailed off ("…." before the advice).
    expect(r.out).toMatch(/\(\d+ dòng\) và \d+ bảng khác\. Chỉ chuyển sang một cơ sở dữ liệu mới tạo\./);
    expect(r.out).not.toContain('…');
    const after = await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers`.execute(onTarget!.database.db);
    expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n));
    const notPg = await copyToCommand(env.config, ['sqlite:/tmp/x.db']);
    expect(notPg.code).toBe(1);
    expect(notPg.out).toContain('PostgreSQL');
  }, 120_000);
});
