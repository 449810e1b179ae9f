import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import * as repo from './dossier.repo';
import { CLOSED_COUNT_UP_TO } from './dossier.workflow';
import { APPLICANT, Desk } from './workflow.testing';

// Đăng ký lại kết hôn.
const PROC = '1.004746';

/**
 * The "closed" tab of a ward that has kept years of finished dossiers: its count stops at
 * CLOSED_COUNT_UP_TO and says "hơn 10.000" (issue 16), the open tabs stay exact.
 */
eachEngine('worklist: the closed tab counted up to 10,000', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  /** `n` finished dossiers more in the unit, made from a received one (as years of returned results would be). */
  async function addFinished(template: string, n: number, from: number) {
    const db = t.env.services.database.db;
    const row = await db.selectFrom('dossiers').selectAll().where('code', '=', template).executeTakeFirstOrThrow();
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, j) => {
        const k = from + i + j;
        return { ...row, id: `00000000-0000-7000-8000-${String(k).padStart(12, '0')}`, code: `00004-201130-${String(k).padStart(5, '0')}`, idempotency_key: null, status: 'returned', updated_at: `2020-11-30T02:${String(k % 60).padStart(2, '0')}:00.000Z` };
      });
      await db.insertInto('dossiers').values(rows).execute();
    }
  }

  it('shows the exact count up to 10,000 finished dossiers, then "hơn 10.000" on the tab, its list and the JSON', async () => {
    const desk = new Desk(t.env);
    const open = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Phạm Thị Hoa' });
    const cookie = await desk.cookie('lanhdao');
    const worklist = async (q = '') => (await desk.inject({ method: 'GET', url: `/api/worklist${q}`, headers: { cookie } })).json();
    const before = await worklist('?tab=all');
    expect(before.countsOver).toEqual([]);
    // Up to exactly the limit: the count is exact.
    await addFinished(open.code, CLOSED_COUNT_UP_TO - before.counts.closed, 1);
    const at = await worklist('?tab=closed');
    expect(at.counts.closed).toBe(CLOSED_COUNT_UP_TO);
    expect([at.total, at.totalOver, at.countsOver]).toEqual([CLOSED_COUNT_UP_TO, false, []]);
    const page = (await desk.inject({ method: 'GET', url: '/can-bo?tab=closed', headers: { cookie } })).body;
    expect(page).toContain('Đã kết thúc <span class="count">(10.000)</span>');
    // One more: the count stops and says so; the open tabs are still counted exactly.
    await addFinished(open.code, 1, CLOSED_COUNT_UP_TO + 1);
    const over = await worklist('?tab=closed');
    expect([over.counts.closed, over.total, over.totalOver, over.countsOver]).toEqual([CLOSED_COUNT_UP_TO, CLOSED_COUNT_UP_TO, true, ['closed']]);
    expect(over.items).toHaveLength(50);
    // Another tab's far page does not count the closed tab further.
    expect((await worklist('?tab=all&page=300')).countsOver).toEqual(['closed']);
    const all = await worklist('?tab=all');
    expect([all.total, all.totalOver, all.counts.all, all.counts.new]).toEqual([before.counts.all, false, before.counts.all, before.counts.new]);
    const html = (await desk.inject({ method: 'GET', url: '/can-bo?tab=closed', headers: { cookie } })).body;
    expect(html).toContain('Đã kết thúc <span class="count">(hơn 10.000)</span>');
    expect(html).toContain('Đã kết thúc: hơn 10.000 hồ sơ');
    expect(html).toContain('Trang sau →');
    // The last page of the first 10,000 still offers the next one; past it, the count follows the page.
    expect((await desk.inject({ method: 'GET', url: '/can-bo?tab=closed&page=200', headers: { cookie } })).body).toContain('Trang sau →');
    const last = await worklist('?tab=closed&page=201');
    expect([last.items.length, last.totalOver]).toEqual([1, false]);
    expect(last.total).toBe(CLOSED_COUNT_UP_TO + 1);
    // A filter on the closed tab counts what it selects, up to the same limit.
    const withdrawn = await worklist('?tab=closed&status=withdrawn');
    expect([withdrawn.total, withdrawn.totalOver]).toEqual([0, false]);
    const n = await sql<{ n: number | string }>`SELECT count(*) AS n FROM dossiers WHERE unit_code = '00004' AND status = 'returned'`.execute(t.env.services.database.db);
    expect(Number(n.rows[0]!.n)).toBeGreaterThan(CLOSED_COUNT_UP_TO);

    // The tab's first page is read in the order of the closed dossiers' own index (migration 046),
    // not found among all of them and sorted: at 88,553 dossiers of a ward that sort took 4.5 s.
    const db = t.env.services.database.db;
    await sql`ANALYZE`.execute(db);
    const f = { unitCodes: ['00004'], tab: 'closed' as const, me: { id: 'x', role: 'leader' }, now: '', todayEnd: '', soonEnd: '' };
    const q = repo.worklistQuery(db, f, false).limit(50).compile();
    const explain = t.engine === 'postgres' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
    const plan = (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain + q.sql, [...q.parameters]))).rows.map((r) => String(r['QUERY PLAN'] ?? r.detail)).join('\n');
    expect(plan).toContain('dossiers_closed_updated_idx');
    expect(plan).not.toMatch(/Sort|TEMP B-TREE/);
  }, 120_000);

  it('does not count a tab already over the limit again, and counts exactly once finished dossiers are deleted', async () => {
    const desk = new Desk(t.env);
    const cookie = await desk.cookie('lanhdao');
    const worklist = async (q = '') => (await desk.inject({ method: 'GET', url: `/api/worklist${q}`, headers: { cookie } })).json();
    const memo = t.env.services.dossiers.closedOver!;
    expect((await worklist('?tab=all')).countsOver).toEqual(['closed']);
    // The next pages and searches of the unit say "hơn 10.000" without counting the 10,001 again.
    const seen = { ...memo.stats };
    const search = await worklist('?tab=all&q=hoa');
    expect([search.counts.closed, search.countsOver, search.total]).toEqual([CLOSED_COUNT_UP_TO, ['closed'], CLOSED_COUNT_UP_TO + 2]);
    expect((await worklist('?tab=closed')).totalOver).toBe(true);
    expect(memo.stats).toEqual({ hits: seen.hits + 2, misses: seen.misses });
    // A purge of finished dossiers (any deletion from the dossiers table): the count is exact again.
    const db = t.env.services.database.db;
    await db.deleteFrom('dossiers').where('id', 'in', ['00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002']).execute();
    const after = await worklist('?tab=closed');
    expect([after.counts.closed, after.countsOver, after.total, after.totalOver]).toEqual([CLOSED_COUNT_UP_TO - 1, [], CLOSED_COUNT_UP_TO - 1, false]);
    const html = (await desk.inject({ method: 'GET', url: '/can-bo?tab=all', headers: { cookie } })).body;
    expect(html).toContain('Đã kết thúc <span class="count">(9.999)</span>');
  }, 60_000);
});
