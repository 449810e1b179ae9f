/**
 * The dossiers' judged states (migration 021) against the from-scratch computation: several
 * hundred random histories — received online, at the counter, by post or never; supplements asked
 * once, twice, answered or not; fees asked (0 or not) and paid online or at the counter, or
 * assessed without being asked; results with or without a signed file, papers attached before or
 * after it; rejected, stopped, withdrawn; rows written after the periods' ends; a few timelines
 * out of time order; ratings changed over time — counted by the SQL over the states and by judging
 * every timeline of the history, for months, quarters, the year and ranges, closed and live, for
 * each commune and the city, before and after later changes to the dossiers. A closed month is not
 * rewritten by those changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { IndicatorService } from './indicator.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-08-01T01:00:00Z');
const UNITS = ['00004', '00082'];

let seed = 11;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const iso = (ms: number) => new Date(ms).toISOString();

interface Row {
  action: string;
  at: number;
  data: Record<string, unknown>;
}

/** A random history of one dossier from `t0`; ~3% of timelines get a row earlier than the one before. */
function history(t0: number): Row[] {
  const rows: Row[] = [];
  let t = t0;
  let due = t0 + (2 + Math.floor(rnd() * 10)) * DAY;
  const step = () => (t += Math.floor(rnd() * 3 * DAY) + 1);
  const dueAt = () => (rnd() < 0.05 ? null : iso(due));
  const start = rnd();
  if (start < 0.45) {
    rows.push({ action: 'submit', at: t, data: { dueAt: dueAt() } });
    if (rnd() < 0.1) return rows; // never accepted
    if (rnd() < 0.05) return [...rows, { action: 'refuse', at: step(), data: {} }];
    rows.push({ action: 'accept', at: step(), data: { dueAt: dueAt() } });
  } else rows.push({ action: 'receive', at: t, data: { dueAt: dueAt() } });
  const n = 1 + Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) {
    const x = rnd();
    if (x < 0.2) {
      rows.push({ action: 'request_supplement', at: step(), data: {} });
      if (rnd() < 0.8) {
        const waited = step() - rows.at(-1)!.at;
        due += Math.floor(waited * 0.7);
        rows.push({ action: 'supplement', at: t, data: { dueAt: dueAt() } });
      }
    } else if (x < 0.32) {
      rows.push({ action: 'request_payment', at: step(), data: { amount: rnd() < 0.2 ? 0 : 20000 } });
      if (rnd() < 0.8) {
        due += DAY;
        rows.push({ action: 'confirm_payment', at: step(), data: { dueAt: dueAt() } });
      }
    } else if (x < 0.45) rows.push({ action: 'assign', at: step(), data: {} });
    else if (x < 0.5) rows.push({ action: 'forward', at: t, data: {} }); // same instant as the row before
  }
  const end = rnd();
  if (end < 0.55) rows.push({ action: 'mark_result_ready', at: step(), data: { file: rnd() < 0.6 ? { id: uuidv7(), name: 'kq.pdf' } : null } });
  else if (end < 0.62) rows.push({ action: 'reject', at: step(), data: {} });
  else if (end < 0.67) rows.push({ action: 'stop', at: step(), data: {} });
  else if (end < 0.73) rows.push({ action: 'withdraw', at: step(), data: {} });
  if (end < 0.55 && rnd() < 0.5) rows.push({ action: 'return_result', at: step(), data: {} });
  if (end < 0.62 && rnd() < 0.05) rows.push({ action: 'mark_result_ready', at: step(), data: { file: null } }); // a second end changes nothing
  if (rnd() < 0.03 && rows.length > 2) rows[rows.length - 1]!.at = rows[rows.length - 2]!.at - 5 * HOUR; // out of time order
  return rows;
}

for (const engine of engines()) {
  describe(`judged states equal to the history, random dossiers [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-11-20T02:00:00Z');
    const ids: string[] = [];

    const insertRows = async (dossierId: string, rows: Row[]) => {
      const db = env.services.database.db;
      await db
        .insertInto('dossier_history')
        .values(
          rows.map((h, i) => ({
            id: uuidv7(h.at),
            dossier_id: dossierId,
            seq: i + 1,
            action: h.action,
            from_status: 'x',
            to_status: 'y',
            actor_kind: 'staff',
            actor_id: null,
            actor_name: 'Test',
            comment: '',
            data: JSON.stringify(h.data),
            idempotency_key: null,
            created_at: iso(h.at),
          })),
        )
        .execute();
    };

    beforeAll(async () => {
      seed = 11;
      env = await createTestEnv(engine, { clock });
      const db = env.services.database.db;
      for (let k = 0; k < 360; k++) {
        const unit = pick(UNITS);
        const t0 = START + Math.floor(rnd() * 125) * DAY + Math.floor(rnd() * 9) * HOUR;
        const rows = history(t0);
        const id = uuidv7(t0);
        const code = `${unit}-T${String(k).padStart(5, '0')}`;
        const received = rows.find((r) => r.action === 'receive' || r.action === 'accept');
        const ended = rows.find((r) => ['mark_result_ready', 'reject', 'stop', 'withdraw', 'refuse'].includes(r.action));
        const channel = rows[0]!.action === 'submit' ? 'online' : pick(['in_person', 'post']);
        await db
          .insertInto('dossiers')
          .values({
            id,
            code,
            unit_code: unit,
            procedure_code: '1.004746',
            channel,
            case_id: null,
            status: 'received',
            applicant: '{}',
            applicant_phone: '0900000000',
            applicant_name: 'Test',
            citizen_id: null,
            form_data: '{}',
            delivery: '{}',
            digitised: 1,
            submitted_at: iso(rows[0]!.at),
            received_at: received ? iso(received.at) : null,
            due_at: null,
            due_fixed: 1,
            idempotency_key: null,
            created_by: 'test',
            created_at: iso(rows[0]!.at),
            updated_at: iso(rows.at(-1)!.at),
            finished_at: ended ? iso(ended.at) : null,
            returned_at: null,
            outcome: '',
            supplement_count: 0,
          } as never)
          .execute();
        await insertRows(id, rows);
        ids.push(id);
        // Papers attached as files (before or after the result), sometimes none.
        if (rnd() < 0.7) {
          const at = t0 + Math.floor((rnd() - 0.2) * 8 * DAY);
          await db.insertInto('dossier_files').values({ id: uuidv7(at), dossier_id: id, component: 'to-khai', sha256: 'x'.repeat(64), name: 'a.pdf', mime: 'application/pdf', size: 10, created_at: iso(at) } as never).execute();
        }
        // Fees assessed (sometimes without a request), payments online or at the counter.
        if (rnd() < 0.35) {
          const at = t0 + Math.floor((rnd() - 0.5) * 40 * DAY);
          const amount = rnd() < 0.2 ? 0 : 20000;
          await db.insertInto('dossier_fees').values({ dossier_id: id, dossier_code: code, unit_code: unit, amount, gross: amount, lines: '[]', exemption_reason: null, exemption_percent: 0, assessed_by: 'test', assessed_at: iso(at) } as never).execute();
          if (rnd() < 0.7) {
            const paid = at + Math.floor(rnd() * 10 * DAY);
            const online = rnd() < 0.5;
            await db
              .insertInto('payments')
              .values({ id: uuidv7(paid), dossier_id: id, dossier_code: code, unit_code: unit, method: online ? 'vnpay' : 'cash', amount, status: 'paid', online: online ? 1 : 0, order_ref: `t-${k}`, provider_ref: null, receipt_no: null, data: '{}', created_by: 'test', created_at: iso(paid), confirmed_at: iso(paid) } as never)
              .execute();
          }
        }
        // Ratings, changed over time.
        if (ended && rnd() < 0.4) {
          const first = ended.at + Math.floor(rnd() * 5 * DAY);
          for (let v = 1; v <= 1 + Math.floor(rnd() * 3); v++) {
            const at = first + (v - 1) * Math.floor(rnd() * 10 * DAY);
            await db
              .insertInto('rating_versions')
              .values({ id: uuidv7(at), rating_id: id, version: v, dossier_id: id, dossier_code: code, unit_code: unit, source: 'link', level: pick(['dissatisfied', 'satisfied', 'very_satisfied']), reasons: '[]', comment: '', actor_kind: 'anonymous', actor_id: null, first_rated_at: iso(first), created_at: iso(at) } as never)
              .execute();
          }
        }
      }
    }, 240_000);
    afterAll(() => env?.close());

    const PERIODS: Array<string | { from: string; to: string }> = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2026-Q3', '2026-Q4', '2026', { from: '2026-09-20', to: '2026-10-09' }];
    const compare = async (label: string) => {
      const s = env.services;
      const scratch = new IndicatorService(s.database.db, s.units, clock, { source: 'history' });
      for (const period of PERIODS) {
        // Kept counts of closed periods are read, not computed: clear them so that the states are counted.
        await s.database.db.deleteFrom('indicator_period_counts').execute();
        for (const unit of ['00004', '00082', '01']) {
          expect(await s.indicators.report(unit, period), `${label} ${unit} ${JSON.stringify(period)}`).toEqual(await scratch.report(unit, period));
        }
        expect(await s.indicators.ranking('01', period), `${label} ranking ${JSON.stringify(period)}`).toEqual(await scratch.ranking('01', period));
      }
    };

    it('counts every period as the history does, closed and live', async () => {
      const states = await env.services.database.db.selectFrom('indicator_dossier_states').select(['irregular']).execute().catch(() => []);
      expect(states.length).toBe(0); // built on the first answer
      await compare('now 2026-11-20');
      const built = await env.services.database.db.selectFrom('indicator_dossier_states').selectAll().execute();
      expect(built.length).toBeGreaterThan(300);
      expect(built.some((r) => r.irregular === 1)).toBe(true);
      // Some dossiers open at a month's end had their appointment or pause moved after it (read from the clock rows).
      const end = '2026-09-30T17:00:00.000Z';
      expect(built.filter((r) => !r.irregular && r.received_at! < end && !(r.finished_at! < end) && r.clock_at! >= end).length).toBeGreaterThan(3);
      // Rows written after the instant read (the test clock before some of the history): live months.
      for (const at of ['2026-10-17T05:00:00Z', '2026-09-01T00:30:00Z']) {
        clock.set(at);
        await compare(`now ${at}`);
      }
      clock.set('2026-11-20T02:00:00Z');
    });

    it('follows later changes to the dossiers without rewriting a closed month', async () => {
      const s = env.services;
      const before = await s.indicators.report('00004', '2026-10');
      const beforeCity = await s.indicators.ranking('01', '2026-10');
      // Later rows (made now): supplements asked and answered, results, withdrawals — from 2026-11-21.
      clock.set('2026-11-25T02:00:00Z');
      let t = Date.parse('2026-11-21T02:00:00Z');
      for (const id of ids.filter((_, i) => i % 7 === 0)) {
        const seq0 = Number((await s.database.db.selectFrom('dossier_history').select((eb) => eb.fn.max('seq').as('m')).where('dossier_id', '=', id).executeTakeFirstOrThrow()).m);
        const rows: Row[] = [
          { action: pick(['request_supplement', 'request_payment', 'withdraw', 'mark_result_ready', 'supplement']), at: (t += HOUR), data: { amount: 20000, file: null } },
          { action: pick(['supplement', 'confirm_payment', 'stop', 'reject']), at: (t += HOUR), data: { dueAt: iso(t + 3 * DAY) } },
        ];
        await s.database.db.insertInto('dossier_history').values(
          rows.map((h, i) => ({ id: uuidv7(), dossier_id: id, seq: seq0 + i + 1, action: h.action, from_status: 'x', to_status: 'y', actor_kind: 'staff', actor_id: null, actor_name: 'Test', comment: '', data: JSON.stringify(h.data), idempotency_key: null, created_at: iso(h.at) })),
        ).execute();
        await s.database.db.insertInto('dossier_files').values({ id: uuidv7(), dossier_id: id, component: 'to-khai', sha256: 'z'.repeat(64), name: 'b.pdf', mime: 'application/pdf', size: 10, created_at: iso(t) } as never).execute();
      }
      await compare('after later changes');
      // The closed month, read again (from the states, not from its kept counts), has not moved.
      await s.database.db.deleteFrom('indicator_period_counts').execute();
      expect(await s.indicators.report('00004', '2026-10')).toEqual(before);
      expect(await s.indicators.ranking('01', '2026-10')).toEqual(beforeCity);
      // And a rebuild from scratch gives the same states.
      const snapshot = async () => (await s.database.db.selectFrom('indicator_dossier_states').selectAll().orderBy('dossier_id').execute()).map((r) => ({ ...r }));
      const kept = await snapshot();
      await s.indicators.rebuild();
      expect(await snapshot()).toEqual(kept);
      await compare('after a rebuild');
    });
  });
}
