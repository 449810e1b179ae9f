/**
 * The closed month's indicators kept by a job before anyone asks (issue 16), on both engines with
 * the test clock: nothing before 00:00 Asia/Ho_Chi_Minh on the 1st (and the copy's two minutes of
 * overlap), then one run keeps every unit's counts — equal to the from-scratch computation — and a
 * second run does nothing; a dossier changed after the month closed does not rewrite it; the work
 * of a run is bounded (communes first); on PostgreSQL two processes racing run it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { workerJobs } from '../main.jobs';
import { PgJobElection } from '../jobs';
import { fixedClock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { ClosedMonthJob, KEEP_MONTH_EVERY_MS } from './indicator.jobs';
import { parsePeriod } from './indicator.period';
import { IndicatorService } from './indicator.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const NOV = parsePeriod('2026-11');

for (const engine of engines()) {
  describe(`the closed month's indicators kept by a job [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-11-29T02:00:00Z');
    const open: string[] = [];

    const kept = async (p: { from: string; to: string }) =>
      env.services.database.db.selectFrom('indicator_period_counts').select(['unit_code', 'counts', 'computed_at']).where('from_at', '=', p.from).where('to_at', '=', p.to).orderBy('unit_code').execute();

    const history = async (dossierId: string, seq0: number, rows: Array<{ action: string; at: number; data?: Record<string, unknown> }>) => {
      await env.services.database.db
        .insertInto('dossier_history')
        .values(rows.map((h, i) => ({ id: uuidv7(h.at), dossier_id: dossierId, seq: seq0 + i + 1, action: h.action, from_status: 'x', to_status: 'y', actor_kind: 'staff', actor_id: null, actor_name: 'Test', comment: '', data: JSON.stringify(h.data ?? {}), idempotency_key: null, created_at: iso(h.at) })))
        .execute();
    };

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      const db = env.services.database.db;
      // 40 dossiers of October and November in both wards: on time, late, still open.
      for (let k = 0; k < 40; k++) {
        const unit = k % 3 === 0 ? '00082' : '00004';
        const t0 = Date.parse('2026-10-03T02:00:00Z') + k * 1.4 * DAY;
        const id = uuidv7(t0);
        const online = k % 2 === 0;
        const rows: Array<{ action: string; at: number; data: Record<string, unknown> }> = [{ action: online ? 'accept' : 'receive', at: t0, data: { dueAt: iso(t0 + 5 * DAY) } }];
        if (k % 4 !== 3) rows.push({ action: 'mark_result_ready', at: t0 + (k % 7) * DAY + HOUR, data: { file: null } });
        else open.push(id);
        await db
          .insertInto('dossiers')
          .values({ id, code: `${unit}-K${String(k).padStart(3, '0')}`, unit_code: unit, procedure_code: '1.004746', channel: online ? 'online' : 'in_person', case_id: null, status: 'received', applicant: '{}', applicant_phone: '0900000000', applicant_name: 'Test', citizen_id: null, form_data: '{}', delivery: '{}', digitised: 1, submitted_at: iso(t0), received_at: iso(t0), due_at: null, due_fixed: 1, idempotency_key: null, created_by: 'test', created_at: iso(t0), updated_at: iso(rows.at(-1)!.at), finished_at: rows.length > 1 ? iso(rows[1]!.at) : null, returned_at: null, outcome: '', supplement_count: 0 } as never)
          .execute();
        await history(id, 0, rows);
      }
    }, 120_000);
    afterAll(() => env?.close());

    it('keeps nothing of November before it closes; from 00:02 on 1 December one run keeps every unit, equal to the computation; a second run does nothing', async () => {
      const s = env.services;
      const units = await s.units.list();
      expect(units.length).toBeGreaterThanOrEqual(3);
      // 23:59 on 30 November in Hà Nội, then 00:01 on 1 December (within the copy's overlap): October is the closed month.
      for (const at of ['2026-11-30T16:59:00Z', '2026-11-30T17:01:00Z']) {
        clock.set(at);
        expect((await s.indicators.keepClosedMonth()).period).toBe('2026-10');
        expect(await kept(NOV)).toEqual([]);
      }
      clock.set('2026-11-30T17:02:00Z');
      const lines: string[] = [];
      const job = new ClosedMonthJob(s.indicators, { intervalMs: 0, log: (m) => lines.push(m) });
      expect(await job.runOnce()).toEqual({ period: '2026-11', kept: units.length, left: 0, units: units.length });
      expect(lines).toEqual([`Đã tính sẵn chỉ số tháng 2026-11 cho ${units.length} đơn vị; đủ ${units.length} đơn vị.`]);
      const rows = await kept(NOV);
      expect(rows.map((r) => r.unit_code)).toEqual(units.map((u) => u.code).sort());

      // A second run (the next tick, later that night) does nothing and writes no line.
      clock.advance(HOUR);
      expect(await job.runOnce()).toEqual({ period: '2026-11', kept: 0, left: 0, units: units.length });
      expect(lines).toHaveLength(1);
      expect(await kept(NOV)).toEqual(rows);

      // What a supervisor reads now comes from the kept counts and equals the from-scratch computation.
      const scratch = new IndicatorService(s.database.db, s.units, clock, { source: 'history' });
      for (const u of ['00004', '00082', '01']) expect(await s.indicators.report(u, '2026-11'), u).toEqual(await scratch.report(u, '2026-11'));
      expect(await s.indicators.ranking('01', '2026-11')).toEqual(await scratch.ranking('01', '2026-11'));
      expect((await s.indicators.report('00004', '2026-11')).hasDossiers).toBe(true);
      expect(await kept(NOV)).toEqual(rows);
    });

    it('runs beside the outbox worker, with the other periodic jobs', () => {
      expect(workerJobs(env.config, env.services).filter((j) => j instanceof ClosedMonthJob)).toHaveLength(1);
    });

    it('a dossier changed after the month closed does not rewrite the kept month', async () => {
      const s = env.services;
      const before = await kept(NOV);
      const report = await s.indicators.report('00004', '2026-11');
      // On 2 December the open dossiers get their results, one day late or more.
      clock.set('2026-12-02T03:00:00Z');
      for (const id of open) await history(id, 1, [{ action: 'mark_result_ready', at: clock.now().getTime() - HOUR, data: { file: null } }]);
      expect((await s.indicators.keepClosedMonth()).kept).toBe(0);
      expect(await kept(NOV)).toEqual(before);
      expect(await s.indicators.report('00004', '2026-11')).toEqual(report);
      // Counted again from the copy (kept counts cleared), the month reads the same: it is read as of its end.
      await s.database.db.deleteFrom('indicator_period_counts').execute();
      expect(await s.indicators.report('00004', '2026-11')).toEqual(report);
    });

    it('bounds a run: with no time left after the first unit it keeps one commune and leaves the rest to the next runs', async () => {
      const s = env.services;
      const units = await s.units.list();
      const dec = parsePeriod('2026-12');
      clock.set('2026-12-31T17:05:00Z');
      const first = await s.indicators.keepClosedMonth({ budgetMs: 0 });
      expect(first).toEqual({ period: '2026-12', kept: 1, left: units.length - 1, units: units.length });
      const one = await kept(dec);
      expect(one).toHaveLength(1);
      expect(units.find((u) => u.code === one[0]!.unit_code)!.parentCode).not.toBeNull();
      let runs = 1;
      while ((await s.indicators.keepClosedMonth({ budgetMs: 0 })).left > 0) runs++;
      expect(runs + 1).toBe(units.length);
      expect(await kept(dec)).toHaveLength(units.length);
      const scratch = new IndicatorService(s.database.db, s.units, clock, { source: 'history' });
      expect(await s.indicators.ranking('01', '2026-12')).toEqual(await scratch.ranking('01', '2026-12'));
      expect(await s.indicators.report('01', '2026-12')).toEqual(await scratch.report('01', '2026-12'));
    });

    it.skipIf(engine !== 'postgres')('two processes racing at the month’s turn: the job runs in one of them, once', async () => {
      const s = env.services;
      const other = openDatabase({ kind: 'postgres', url: env.config.database.url });
      try {
        const theirs = new IndicatorService(other.db, s.units, clock);
        const a = new PgJobElection(s.database.db, s.database.locks!, clock, { owner: 'may-a:1' });
        const b = new PgJobElection(other.db, other.locks!, clock, { owner: 'may-b:2' });
        const jan = parsePeriod('2027-01');
        clock.set('2027-01-31T17:05:00Z');
        const [ra, rb] = await Promise.all([
          a.elect('indicator-closed-month', KEEP_MONTH_EVERY_MS, () => s.indicators.keepClosedMonth()),
          b.elect('indicator-closed-month', KEEP_MONTH_EVERY_MS, () => theirs.keepClosedMonth()),
        ]);
        const ran = [ra, rb].filter((r) => r.ran);
        expect(ran).toHaveLength(1);
        const units = (await s.units.list()).length;
        expect(ran[0]).toEqual({ ran: true, result: { period: '2027-01', kept: units, left: 0, units } });
        expect(await kept(jan)).toHaveLength(units);
        const runs = await s.database.db.selectFrom('job_runs').select(['runs', 'last_error']).where('name', '=', 'indicator-closed-month').executeTakeFirstOrThrow();
        expect([Number(runs.runs), runs.last_error]).toEqual([1, null]);
      } finally {
        await other.close();
      }
    });
  });
}
