import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

for (const engine of engines()) {
  describe(`audit log: append-only and hash-chained [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { seed: false });
    });
    afterAll(async () => {
      await env?.close();
    });
    const db = () => env.services.database.db;
    const audit = () => env.services.audit;
    const actor = { kind: 'staff' as const, id: 'u1', name: 'Nguyễn Thị Hòa' };

    /** What someone with the database owner's rights could do: lift the append-only guard. */
    async function dropGuard() {
      if (engine === 'postgres') await sql`DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log`.execute(db());
      else {
        await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db());
        await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db());
      }
    }

    it('chains every entry to the one before it, also under concurrent writers', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => audit().record({ actor, unitCode: '00004', action: 'dossier.view', targetKind: 'dossier', targetId: `00004-261130-${String(i).padStart(4, '0')}`, data: { what: 'page' } })),
      );
      const v = await audit().verify();
      expect(v).toMatchObject({ ok: true, checked: 20, headSeq: 20, problems: [] });
      const rows = await db().selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    });

    it('refuses UPDATE and DELETE in the database itself', async () => {
      await expect(db().updateTable('audit_log').set({ actor_name: 'X' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
      await expect(db().deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    });

    it('detects an edited row, a deleted row and a deleted tail', async () => {
      await dropGuard();
      await db().updateTable('audit_log').set({ actor_name: 'Người khác' }).where('seq', '=', 5).execute();
      let v = await audit().verify();
      expect(v.ok).toBe(false);
      expect(v.problems).toEqual([expect.objectContaining({ seq: 5, kind: 'edited' })]);
      // Recomputing the edited row's own hash does not help: without the key (outside the
      // database) it does not match, and the next row no longer links to it.
      const { hashOf } = await import('./audit.service');
      const r5 = (await db().selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow()) as any;
      const { hash: _h, ...rest } = r5;
      await db().updateTable('audit_log').set({ hash: hashOf({ ...rest, seq: Number(rest.seq) }) }).where('seq', '=', 5).execute();
      v = await audit().verify();
      expect(v.problems.map((p) => [p.seq, p.kind])).toEqual([
        [5, 'edited'],
        [6, 'broken_link'],
      ]);

      await db().deleteFrom('audit_log').where('seq', '=', 10).execute();
      v = await audit().verify();
      expect(v.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing', 'broken_link']));
      expect(v.problems.find((p) => p.kind === 'missing')!.message).toMatch(/Thiếu bản ghi số 10/);

      await db().deleteFrom('audit_log').where('seq', '=', 20).execute();
      v = await audit().verify();
      expect(v.problems.some((p) => p.kind === 'head_mismatch')).toBe(true);
    });
  });
}

describe('motcua audit verify (CLI)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite', { seed: false });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('says the log is intact, then exits non-zero naming the row someone edited', async () => {
    for (let i = 0; i < 3; i++) await env.services.audit.record({ actor: { kind: 'system', name: 'Hệ thống' }, action: 'test', targetKind: 't', targetId: String(i) });
    const cliEnv = { ...process.env, DATABASE_URL: env.config.database.kind === 'sqlite' ? `sqlite:${env.config.database.url}` : env.config.database.url, DATA_DIR: env.dataDir, LOG_LEVEL: 'silent' };
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const ok = await run(tsx, ['src/main.ts', 'audit', 'verify'], { cwd: ROOT, env: cliEnv });
    expect(ok.stdout).toMatch(/toàn vẹn: 3 bản ghi/);
    const cp = await run(tsx, ['src/main.ts', 'audit', 'checkpoint'], { cwd: ROOT, env: cliEnv });
    expect(cp.stdout).toMatch(/Đã ghi mốc nhật ký vào .*audit-checkpoints\.jsonl: bản ghi 3/);
    const anchored = await run(tsx, ['src/main.ts', 'audit', 'verify'], { cwd: ROOT, env: cliEnv });
    expect(anchored.stdout).toMatch(/1 mốc đã ký .* khớp/);
    await sql`DROP TRIGGER audit_log_no_update`.execute(env.services.database.db);
    await env.services.database.db.updateTable('audit_log').set({ target_id: 'sửa' }).where('seq', '=', 2).execute();
    const bad = await run(tsx, ['src/main.ts', 'audit', 'verify'], { cwd: ROOT, env: cliEnv }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/KHÔNG toàn vẹn/);
    expect(bad.stderr).toMatch(/Bản ghi 2 .* đã bị sửa/);
  }, 180_000);
});
