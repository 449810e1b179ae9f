import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import * as repo from './dossier.repo';
import { WORKLIST_TABS } from './dossier.workflow';
import { APPLICANT, Desk } from './workflow.testing';

// Đăng ký lại kết hôn.
const PROC = '1.004746';
const NOW = '2026-11-30T02:00:00.000Z';
const BOUNDS = { now: NOW, todayEnd: '2026-11-30T16:59:59.999Z', soonEnd: '2026-12-02T16:59:59.999Z' };
const OPEN = ['new', 'received', 'in_progress', 'supplement_requested', 'payment_requested', 'processed'];
const CLOSED = ['returned', 'withdrawn', 'stopped', 'not_received'];
const STATUSES = [...OPEN, ...CLOSED];
const DUES = [null, '2026-11-29T09:00:00.000Z', '2026-11-30T09:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z', '2026-12-09T09:00:00.000Z'];

interface Made {
  id: string;
  status: string;
  due: string | null;
  assignee: string | null;
  role: string;
  name: string;
}

/**
 * The worklist page's one statement (repo.worklistPage, issue 16): its rows are exactly the tab's
 * (or the search's) rows in their order, its counts exactly each open tab's count, its total exactly
 * what the search finds — checked against fixtures whose membership is worked out here, on every
 * tab, across pages, and past the last one.
 */
eachEngine('worklist page: rows, the search total and the open tabs\' counts in one statement', { at: NOW, env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  it('gives the rows, total and counts of separate queries, in one round trip', async () => {
    const desk = new Desk(t.env);
    const first = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Phạm Văn Bình' });
    const leader = (await t.env.services.accounts.findStaffByUsername('lanhdao'))!;
    const db = t.env.services.database.db;
    const template = await db.selectFrom('dossiers').selectAll().where('code', '=', first.code).executeTakeFirstOrThrow();
    // 60 dossiers of the unit over every status, appointment, handler and two names; some share
    // their last change (the id orders them); a draft and another ward's dossier must never show.
    const made: Made[] = [{ id: template.id, status: template.status, due: template.due_at, assignee: template.assignee_id, role: template.current_role ?? '', name: template.search_name }];
    const rows = [];
    for (let i = 0; i < 60; i++) {
      const m: Made = {
        id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        status: STATUSES[i % STATUSES.length]!,
        due: DUES[i % DUES.length]!,
        assignee: i % 4 === 0 ? leader.id : null,
        role: i % 3 === 0 ? 'leader' : 'specialist',
        name: i % 5 === 0 ? `tran van hung ${i}` : `nguyen thi lan ${i}`,
      };
      made.push(m);
      rows.push({ ...template, id: m.id, code: `00004-261130-${String(100 + i).padStart(4, '0')}`, idempotency_key: null, status: m.status, due_at: m.due, assignee_id: m.assignee, current_role: m.role, search_name: m.name, updated_at: `2026-11-2${i % 7}T01:00:00.000Z` });
    }
    rows.push({ ...template, id: '00000000-0000-7000-8000-000000000900', code: null, idempotency_key: null, status: 'draft', search_name: 'nguyen thi lan nhap', updated_at: '2026-11-29T01:00:00.000Z' });
    const other = (await db.selectFrom('units').select('code').where('code', '!=', '00004').orderBy('code').executeTakeFirstOrThrow()).code;
    rows.push({ ...template, id: '00000000-0000-7000-8000-000000000901', code: `${other}-261130-0001`, idempotency_key: null, unit_code: other, search_name: 'nguyen thi lan khac', updated_at: '2026-11-29T01:00:00.000Z' });
    await db.insertInto('dossiers').values(rows).execute();

    const running = (m: Made) => m.status === 'received' || m.status === 'in_progress';
    const on: Record<(typeof WORKLIST_TABS)[number], (m: Made) => boolean> = {
      mine: (m) => ['new', 'received', 'in_progress', 'processed'].includes(m.status) && (m.assignee ? m.assignee === leader.id : m.role === 'leader'),
      new: (m) => m.status === 'new',
      due_today: (m) => running(m) && !!m.due && m.due >= BOUNDS.now && m.due <= BOUNDS.todayEnd,
      due_soon: (m) => running(m) && !!m.due && m.due >= BOUNDS.now && m.due <= BOUNDS.soonEnd,
      overdue: (m) => running(m) && !!m.due && m.due < BOUNDS.now,
      waiting: (m) => m.status === 'supplement_requested' || m.status === 'payment_requested',
      all: (m) => OPEN.includes(m.status),
      closed: (m) => CLOSED.includes(m.status),
    };
    const expectedAll = Object.fromEntries(WORKLIST_TABS.map((tab) => [tab, made.filter(on[tab]).length]));
    for (const tab of WORKLIST_TABS) expect(expectedAll[tab], `fixtures on the tab ${tab}`).toBeGreaterThan(0);
    const { closed: closedCount, ...expected } = expectedAll;

    let statements = 0;
    const counted = db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => (statements++, a.result) });
    const filter = (tab: (typeof WORKLIST_TABS)[number], more: Partial<repo.WorklistFilter> = {}): repo.WorklistFilter => ({ unitCodes: ['00004'], tab, me: { id: leader.id, role: 'leader' }, ...BOUNDS, ...more });
    const ids = (q: { id: string }[]) => q.map((r) => r.id);

    for (const tab of WORKLIST_TABS) {
      for (const offset of [0, 7, 63]) {
        statements = 0;
        const page = await repo.worklistPage(counted, filter(tab), 7, offset, filter('all'));
        expect(statements, tab).toBe(1);
        expect(page.counts, `${tab} +${offset}`).toEqual(expected);
        expect(ids(page.rows), `${tab} +${offset}`).toEqual(ids(await repo.worklistQuery(db, filter(tab), false).limit(7).offset(offset).execute()));
        expect(page.rows.length, `${tab} +${offset}`).toBe(Math.max(0, Math.min(7, expectedAll[tab]! - offset)));
      }
    }
    // The tabs' filters count what they select (here one status: the open tabs that hold it).
    const processed = await repo.worklistPage(db, filter('all', { status: 'processed' }), 7, 0, filter('all', { status: 'processed' }));
    const isProcessed = (m: Made) => m.status === 'processed';
    expect(processed.counts).toEqual(Object.fromEntries(WORKLIST_TABS.filter((tab) => tab !== 'closed').map((tab) => [tab, made.filter((m) => isProcessed(m) && on[tab](m)).length])));
    // The closed tab, counted beside the page: exactly, or up to a bound and one more ("more than").
    expect(await repo.countWorklist(db, { ...filter('closed'), countUpTo: 10_000 })).toBe(closedCount);
    expect(await repo.countWorklist(db, { ...filter('closed'), countUpTo: 5 })).toBe(6);

    // A search: every submitted dossier of the unit whose name holds the fragment, whatever its tab.
    const found = made.filter((m) => m.name.includes('thi lan')).length;
    expect(found).toBeGreaterThan(14);
    const search = (offset: number) => repo.worklistPage(counted, filter('all', { search: { name: 'thi lan' } }), 7, offset, filter('all'));
    await search(0); // PostgreSQL asks once per database whether the unit-trigram index exists
    for (const offset of [0, 7, found - 1]) {
      statements = 0;
      const page = await search(offset);
      expect(statements).toBe(1);
      expect([page.total, page.counts]).toEqual([found, expected]);
      expect(ids(page.rows)).toEqual(ids(await repo.worklistQuery(db, filter('all', { search: { name: 'thi lan' } }), false).limit(7).offset(offset).execute()));
    }
    expect((await search(found - 1)).rows).toHaveLength(1);
    // Past the last match no row carries the total: it is counted apart.
    statements = 0;
    const past = await search(found + 7);
    expect([past.rows, past.total, past.counts, statements]).toEqual([[], found, expected, 2]);
    // Nothing found: no rows, a total of 0, the counts all the same.
    const none = await repo.worklistPage(db, filter('all', { search: { name: 'khong co ai' } }), 7, 0, filter('all'));
    expect([none.rows, none.total, none.counts]).toEqual([[], 0, expected]);
    if (t.engine === 'postgres') {
      // The search's page rows are read back where its matches lie (a TID scan), not through the
      // primary key: at 5,000,000 dossiers 50 rows read 50 pages instead of 250.
      // (A few dozen rows are read whole at this size: sequential scans off, as at that scale.)
      const q = repo.worklistPageQuery(db, filter('all', { search: { name: 'thi lan' } }), 7, 0, filter('all'), true).compile();
      const plan = await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(tx);
        return (await tx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
      });
      expect(plan).toContain('Tid Scan on dossiers');
      expect(plan).not.toContain('dossiers_pkey');
    }
    // By phone fragment and by the other name.
    const hung = await repo.worklistPage(db, filter('mine', { search: { name: 'van hung' } }), 50, 0, filter('all'));
    expect(hung.total).toBe(made.filter((m) => m.name.includes('van hung')).length);
    expect(ids(hung.rows).sort()).toEqual(made.filter((m) => m.name.includes('van hung')).map((m) => m.id).sort());
  }, 60_000);

  it('the worklist through HTTP: a search page past its end still says how many were found', async () => {
    const desk = new Desk(t.env);
    const cookie = await desk.cookie('lanhdao');
    const get = async (q: string) => (await desk.inject({ method: 'GET', url: `/api/worklist?${q}`, headers: { cookie } })).json();
    const firstPage = await get('q=thi%20lan&limit=5');
    expect(firstPage.total).toBeGreaterThan(10);
    expect(firstPage.items).toHaveLength(5);
    const far = await get('q=thi%20lan&limit=5&page=100');
    expect([far.items, far.total, far.counts]).toEqual([[], firstPage.total, firstPage.counts]);
  });
});
