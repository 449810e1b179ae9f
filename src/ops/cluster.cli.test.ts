/**
 * A command typed by an operator while the servers run reaches them (issue 16): the national
 * catalogue imported with `motcua import-tthc`, a year's days off with `motcua calendar import`,
 * run as processes of their own against the same database. Every server then serves the change
 * within a second of the command's end — on PostgreSQL two servers (LISTEN/NOTIFY, src/cluster),
 * on SQLite the single server (the file's change counter, src/cluster/cluster.sqlite.ts).
 * Real processes (src/main.ts through tsx), real HTTP on loopback (src/ops/cluster.testing.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, waitFor, type Cluster } from './cluster.testing';

const pgUrl = process.env.TEST_DATABASE_URL;
const engines = pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** A procedure only the file has: its code and its name as the portal writes them. */
const CODE = '9.990016';
const NAME = 'Cấp giấy xác nhận nuôi ong mật trong khu dân cư';

async function json<T>(url: string): Promise<{ status: number; body: T }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as T };
}

for (const engine of engines) {
  describe(`Commands reach the running servers [${engine}]`, () => {
    let c: Cluster;
    beforeAll(async () => {
      c = await startCluster({ engine, processes: engine === 'postgres' ? 2 : 1 });
    }, 240_000);
    afterAll(async () => {
      await c?.stop();
    }, 60_000);

    it('motcua import-tthc --unit 00004: every server lists, finds and shows the new procedure within a second', async () => {
      const total = async (base: string) => (await json<{ total: number }>(`${base}/api/procedures?unit=00004&limit=1`)).body.total;
      const found = async (base: string, q: string) => (await json<{ items: Array<{ code: string }> }>(`${base}/api/procedures?unit=00004&limit=5&q=${encodeURIComponent(q)}`)).body.items.map((p) => p.code);
      // Every server has the catalogue in memory, without the procedure.
      const before = await total(c.urls[0]!);
      expect(before).toBeGreaterThan(0);
      for (const base of c.urls) {
        expect(await total(base)).toBe(before);
        expect(await found(base, 'nuôi ong mật')).not.toContain(CODE);
        expect((await fetch(`${base}/p/00004/${CODE}`)).status).toBe(404);
      }
      const file = path.join(c.dataDir, 'tthc-moi.jsonl');
      fs.writeFileSync(file, `${JSON.stringify({ ma_thu_tuc: CODE, ten_thu_tuc: NAME, linh_vuc: 'Nông nghiệp' })}\n`);

      const run = await c.command(['import-tthc', file, '--unit', '00004']);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toContain('Thêm mới 1');

      for (const base of c.urls) {
        await waitFor(`${base} to list the new procedure`, async () => (await total(base)) === before + 1, 5_000);
        const took = Date.now() - run.exitedAt;
        expect(took, `${base} served it ${took} ms after the command ended`).toBeLessThan(1_000);
        // Found by its words without diacritics, and its page is there.
        expect((await found(base, 'nuoi ong mat'))[0]).toBe(CODE);
        const page = await fetch(`${base}/p/00004/${CODE}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain(NAME);
      }
    });

    it('motcua calendar import: every server counts a day off added to the year within a second', async () => {
      type Exceptions = { daysOff: Array<{ date: string; name: string }> };
      const url = (base: string) => `${base}/api/calendar?unit=00004&year=2026`;
      // Read once before (the calendar is otherwise kept for 30 seconds).
      for (const base of c.urls) {
        const r = await json<Exceptions>(url(base));
        expect(r.status).toBe(200);
        expect(r.body.daysOff.map((d) => d.date)).toContain('2026-09-02');
        expect(r.body.daysOff.map((d) => d.date)).not.toContain('2026-06-15');
      }
      // The year's schedule as shipped, with one more day off decided later (the file replaces the year).
      const year = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../calendar/data/2026.json'), 'utf8')) as { daysOff: Array<{ date: string; name: string }> };
      year.daysOff.push({ date: '2026-06-15', name: 'Nghỉ theo quyết định bổ sung' });
      const file = path.join(c.dataDir, 'lich-2026.json');
      fs.writeFileSync(file, JSON.stringify(year));
      const run = await c.command(['calendar', 'import', file]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toContain(`Đã nhập lịch năm 2026: ${year.daysOff.length} ngày nghỉ`);

      for (const base of c.urls) {
        const seen = await waitFor(`${base} to show the added day off`, async () => {
          const r = await json<Exceptions>(url(base));
          return r.body.daysOff.some((d) => d.date === '2026-06-15') && r.body;
        }, 5_000);
        const took = Date.now() - run.exitedAt;
        expect(took, `${base} served it ${took} ms after the command ended`).toBeLessThan(1_000);
        expect(seen.daysOff).toContainEqual({ date: '2026-06-15', name: 'Nghỉ theo quyết định bổ sung' });
      }
    });

    it('a command refused for bad input says why in Vietnamese and changes nothing the servers show', async () => {
      const before = await Promise.all(c.urls.map(async (base) => (await json<unknown>(`${base}/api/calendar?unit=00004&year=2028`)).body));
      const file = path.join(c.dataDir, 'lich-sai.json');
      fs.writeFileSync(file, JSON.stringify({ year: 2028, daysOff: [{ date: '2029-01-01', name: 'Sai năm' }] }));
      const run = await c.command(['calendar', 'import', file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Ngày 2029-01-01 không thuộc năm 2028');
      expect(run.stderr).not.toMatch(/\bat .+\.ts:\d+/);
      await new Promise((r) => setTimeout(r, 500));
      expect(await Promise.all(c.urls.map(async (base) => (await json<unknown>(`${base}/api/calendar?unit=00004&year=2028`)).body))).toEqual(before);
    });
  });
}
