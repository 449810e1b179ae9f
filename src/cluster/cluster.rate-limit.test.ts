/**
 * Request budgets in the database (migration 038) as two processes see them: two stores on one
 * database stand for two processes (each has its own memory; only the table is shared).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { DbRateLimitStore } from './cluster.rate-limit';

const T0 = Date.parse('2026-12-04T08:00:00.000Z');

for (const engine of engines()) {
  describe(`Shared request budgets [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { seed: false });
    });
    afterAll(async () => {
      await env?.close();
    });
    const stores = () => [new DbRateLimitStore(env.services.database.db), new DbRateLimitStore(env.services.database.db)] as const;

    it('small budgets are counted exactly across processes, and a window that ended starts again', async () => {
      const [a, b] = stores();
      const counts: number[] = [];
      for (let i = 0; i < 6; i++) counts.push((await (i % 2 ? b : a).hit('login:203.0.113.1', 60_000, T0 + i * 1000, 10)).count);
      expect(counts).toEqual([1, 2, 3, 4, 5, 6]);
      // The window ends a minute after its first hit, for both.
      expect((await b.hit('login:203.0.113.1', 60_000, T0 + 7_000, 10)).resetAt).toBe(T0 + 60_000);
      const again = await a.hit('login:203.0.113.1', 60_000, T0 + 60_000, 10);
      expect(again).toEqual({ count: 1, resetAt: T0 + 120_000 });
      // Another key has its own count.
      expect((await a.hit('login:203.0.113.2', 60_000, T0, 10)).count).toBe(1);
    });

    it('parallel hits on both processes are never counted twice nor lost', async () => {
      const [a, b] = stores();
      const r = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).hit('proof:ip:203.0.113.3', 60_000, T0, 10)));
      expect(r.map((x) => x.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('large budgets are counted in memory and added up in the table at each flush', async () => {
      const [a, b] = stores();
      const key = 'http:203.0.113.4';
      let last = { count: 0, resetAt: 0 };
      for (let i = 0; i < 30; i++) last = await a.hit(key, 60_000, T0 + 1000, 300);
      expect(last.count).toBe(30);
      for (let i = 0; i < 20; i++) last = await b.hit(key, 60_000, T0 + 1000, 300);
      // Before any flush each process knows only its own hits.
      expect(last.count).toBe(20);
      await a.flush(T0 + 1500);
      await b.flush(T0 + 1500);
      // After B's flush B knows A's hits; A learns B's at its next flush.
      expect((await b.hit(key, 60_000, T0 + 1600, 300)).count).toBe(51);
      expect((await a.hit(key, 60_000, T0 + 1600, 300)).count).toBe(31);
      await a.flush(T0 + 1700);
      // 50 flushed by both, then A's one (B's one is still pending in B), then this one.
      expect((await a.hit(key, 60_000, T0 + 1800, 300)).count).toBe(52);
      // Nothing pending stays behind: each process's last hits reach the table.
      await a.flush(T0 + 1900);
      await b.flush(T0 + 1900);
      const row = await env.services.database.db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      expect(row.count).toBe(53);
    });

    it('windows that ended are deleted from the table', async () => {
      const store = new DbRateLimitStore(env.services.database.db, { pruneMs: 0 });
      await store.hit('old:1', 1_000, T0, 5);
      // A hit a day later deletes the rows whose window ended (in the background).
      await store.hit('new:1', 1_000, T0 + 86_400_000, 5);
      const db = env.services.database.db;
      for (let i = 0; i < 50 && (await db.selectFrom('rate_limits').select('key').where('key', '=', 'old:1').executeTakeFirst()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await db.selectFrom('rate_limits').select('key').where('key', '=', 'old:1').executeTakeFirst()).toBeUndefined();
      expect(await db.selectFrom('rate_limits').select('key').where('key', '=', 'new:1').executeTakeFirst()).toBeDefined();
    });
  });
}
