/**
 * The attacks of issue 10 item 10 on the audit log, by someone with write access to the database
 * (the append-only triggers dropped): cut off the last rows and move the head; rewrite a row and
 * re-chain everything after it. The chain is keyed (HMAC, key outside the database) and its head is
 * anchored by signed checkpoints outside the database, so `verify` now tells; an untouched log
 * still verifies, and rows written before the key existed keep verifying.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../db/schema';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { AuditService, hashOf, macOf } from './audit.service';
import { AuditCheckpointJob, FileCheckpointStore } from './audit.checkpoints';
import * as repo from './audit.repo';

for (const engine of engines()) {
  describe(`audit log keyed and anchored outside the database [${engine}]`, () => {
    let env: TestEnv | undefined;
    afterEach(async () => {
      await env?.close();
      env = undefined;
    });
    const actor = { kind: 'staff' as const, id: 'u1', name: 'Nguyễn Thị Hòa' };
    async function fresh() {
      env = await createTestEnv(engine, { seed: false });
      return env;
    }
    const db = () => env!.services.database.db;
    const record = async (n: number, from = 0) => {
      for (let i = 0; i < n; i++) await env!.services.audit.record({ actor, unitCode: '00004', action: 'dossier.view', targetKind: 'dossier', targetId: `00004-261130-${String(from + i).padStart(4, '0')}`, data: { what: 'page' } });
    };
    async function dropGuard() {
      if (engine === 'postgres') await sql`DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log`.execute(db());
      else {
        await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db());
        await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db());
      }
    }
    const rows = async () => (await db().selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({ ...r, seq: Number(r.seq) })) as AuditLogTable[];
    const kinds = (v: { problems: Array<{ seq: number; kind: string }> }) => v.problems.map((p) => [p.seq, p.kind]);

    it('verifies an untouched log against its signed checkpoints, written outside the database', async () => {
      await fresh();
      await record(10);
      const c1 = await env!.services.audit.checkpoint();
      expect(c1).toMatchObject({ seq: 10, keyedAfter: 0 });
      expect(await env!.services.audit.checkpoint()).toBeUndefined(); // nothing new
      await record(5, 10);
      await env!.services.audit.checkpoint();
      const lines = fs.readFileSync(env!.config.audit.checkpointFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.seq)).toEqual([10, 15]);
      const v = await env!.services.audit.verify();
      expect(v).toMatchObject({ ok: true, checked: 15, headSeq: 15, checkpoints: 2, problems: [] });
    });

    it('the worker\'s checkpoint job anchors a moved head in the file and prints it in the log, and stays quiet otherwise', async () => {
      await fresh();
      await record(3);
      const lines: string[] = [];
      const job = new AuditCheckpointJob(env!.services.audit, { intervalMs: 60_000, log: (m) => lines.push(m) });
      const c = await job.runOnce();
      expect(c).toMatchObject({ seq: 3 });
      expect(lines).toEqual([`Mốc nhật ký: bản ghi 3, mã băm ${c!.hash}, lúc ${c!.at}, chữ ký ${c!.mac}`]);
      const file = fs.readFileSync(env!.config.audit.checkpointFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(file.at(-1)).toEqual(c);
      expect(c!.hash).toBe((await rows()).at(-1)!.hash);
      expect(await job.runOnce()).toBeUndefined();
      expect(lines).toHaveLength(1);
    });

    it('detects the last rows deleted and the head moved back', async () => {
      await fresh();
      await record(15);
      await env!.services.audit.checkpoint();
      await dropGuard();
      const r12 = (await rows())[11]!;
      await db().deleteFrom('audit_log').where('seq', '>', 12).execute();
      await db().updateTable('audit_head').set({ seq: 12, hash: r12.hash }).where('id', '=', 1).execute();
      const v = await env!.services.audit.verify();
      expect(v.ok).toBe(false);
      // The chain in the database is consistent: only the checkpoint outside it tells.
      expect(kinds(v)).toEqual([[15, 'checkpoint_mismatch']]);
      expect(v.problems[0]!.message).toMatch(/Bản ghi 15, đã ký trong mốc lúc .* không còn trong nhật ký/);
    });

    it('detects a row rewritten and the rest of the chain recomputed, before and after the last checkpoint', async () => {
      await fresh();
      await record(10);
      await env!.services.audit.checkpoint();
      await record(2, 10);
      await dropGuard();
      const original = await rows();
      const restore = async () => {
        for (const r of original) await db().updateTable('audit_log').set({ actor_name: r.actor_name, prev_hash: r.prev_hash, hash: r.hash }).where('seq', '=', r.seq).execute();
        await db().updateTable('audit_head').set({ hash: original.at(-1)!.hash }).where('id', '=', 1).execute();
        expect((await env!.services.audit.verify()).ok).toBe(true);
      };
      // The attacker knows the algorithm but not the key: they re-chain with a key of their own
      // (or with plain SHA-256 — both tried).
      for (const forge of [(r: Omit<AuditLogTable, 'hash'>) => hashOf(r), (r: Omit<AuditLogTable, 'hash'>) => macOf(randomBytes(32), r)]) {
        for (const from of [3, 11]) {
          let prev = (await rows())[from - 2]!.hash;
          for (const r of (await rows()).filter((x) => x.seq >= from)) {
            const changed = { ...r, actor_name: r.seq === from ? 'Người khác' : r.actor_name, prev_hash: prev };
            const { hash: _old, ...rest } = changed;
            const hash = forge(rest);
            await db().updateTable('audit_log').set({ actor_name: changed.actor_name, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
            prev = hash;
          }
          await db().updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
          const v = await env!.services.audit.verify();
          expect(v.ok).toBe(false);
          const edited = v.problems.filter((p) => p.kind === 'edited').map((p) => p.seq);
          expect(edited).toEqual(Array.from({ length: 13 - from }, (_, i) => from + i));
          expect(v.problems.every((p) => p.kind === 'edited' || p.kind === 'checkpoint_mismatch')).toBe(true);
          if (from <= 10) expect(kinds(v)).toContainEqual([10, 'checkpoint_mismatch']);
          await restore();
        }
      }
    });

    it('keeps verifying rows written before the chain was keyed, and refuses a moved mark', async () => {
      await fresh();
      const database = db();
      // A database from before: rows hashed with plain SHA-256, no mark.
      await database.deleteFrom('meta').where('key', '=', 'audit.keyed_after_seq').execute();
      for (let i = 0; i < 3; i++) {
        await database.transaction().execute(async (trx) => {
          const { seq, prevHash } = await repo.claimNext(trx);
          const row = { seq, id: `legacy-${i}`, at: '2026-11-01T00:00:00.000Z', actor_kind: 'system', actor_id: null, actor_name: 'Hệ thống', unit_code: null, action: 'legacy', target_kind: 't', target_id: String(i), data: '{}', prev_hash: prevHash };
          await repo.insertEntry(trx, { ...row, hash: hashOf(row) });
        });
      }
      // The upgraded server starts: rows so far are marked as unkeyed, new ones are keyed.
      const key = (env!.services.audit as unknown as { key: Buffer }).key;
      const store = new FileCheckpointStore(env!.config.audit.checkpointFile);
      const audit = new AuditService(database, env!.services.clock, { key, checkpoints: store });
      await audit.init();
      for (let i = 0; i < 2; i++) await audit.record({ actor, action: 'dossier.view', targetKind: 'dossier', targetId: String(i) });
      const all = await rows();
      expect(all[2]!.hash).toBe(hashOf(all[2]!));
      expect(all[3]!.hash).toBe(macOf(key, all[3]!));
      expect(await audit.checkpoint()).toMatchObject({ seq: 5, keyedAfter: 3 });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 5, checkpoints: 1 });

      // Deleting the mark so that a restart marks every row as unkeyed (then re-chaining them with
      // SHA-256 would pass) is caught: the signed checkpoint says where the unkeyed rows end.
      await database.deleteFrom('meta').where('key', '=', 'audit.keyed_after_seq').execute();
      const restarted = new AuditService(database, env!.services.clock, { key, checkpoints: store });
      await restarted.init();
      let v = await restarted.verify();
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => p.kind)).toContain('key_mark_forged');
      // A mark written without the key is refused too.
      await database.updateTable('meta').set({ value: JSON.stringify({ seq: 5, mac: '0'.repeat(64) }) }).where('key', '=', 'audit.keyed_after_seq').execute();
      v = await restarted.verify();
      expect(v.problems[0]).toMatchObject({ kind: 'key_mark_forged' });
    });

    it('reports a checkpoint line that was not signed with the key', async () => {
      await fresh();
      await record(3);
      await env!.services.audit.checkpoint();
      fs.appendFileSync(env!.config.audit.checkpointFile, JSON.stringify({ seq: 2, hash: 'a'.repeat(64), at: '2026-12-01T00:00:00.000Z', keyedAfter: 0, mac: 'b'.repeat(64) }) + '\n');
      const v = await env!.services.audit.verify();
      expect(kinds(v)).toEqual([[2, 'checkpoint_forged']]);
    });
  });
}
