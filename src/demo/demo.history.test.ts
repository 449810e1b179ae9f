import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../app';
import { travelClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { writeDemoHistory } from '.';

// Thursday 3/12/2026, 16:00 in Hà Nội: the history ends here.
const UNTIL = new Date('2026-12-03T09:00:00Z');

for (const engine of engines()) {
  describe(`demo history [${engine}]`, () => {
    let env: TestEnv;
    const clock = travelClock();
    let result: Awaited<ReturnType<typeof writeDemoHistory>>;
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, seed: false, env: { DEMO: 'on' } });
      // What `npm start` does on an empty database, on a smaller scale (one month, fewer a day).
      expect(await seedIfEmpty(env.services)).toEqual({});
      clock.set(UNTIL);
      result = await writeDemoHistory({ ...env.services, vnpay: env.config.payments.vnpay }, clock, { until: UNTIL, months: 1, perDay: { '00004': 4, '00082': 2 } });
      clock.resume();
    }, 240_000);
    afterAll(async () => {
      await env?.close();
    });

    it('writes dossiers of both wards through the real services, every one marked demo, with every kind of story', async () => {
      expect(result.failures, String((result as { lastError?: unknown }).lastError)).toBe(0);
      expect(result.dossiers).toBeGreaterThan(100);
      const db = env.services.database.db;
      const rows = await db.selectFrom('dossiers').select(['unit_code', 'channel', 'status', 'demo', 'digitised', 'supplement_count', 'due_at', 'finished_at', 'received_at', 'submitted_at', 'code']).execute();
      expect(rows.length).toBe(result.dossiers);
      expect(rows.every((r) => r.demo === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.unit_code))).toEqual(new Set(['00004', '00082']));
      expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['online', 'in_person', 'post']));
      const statuses = new Set(rows.map((r) => r.status));
      for (const s of ['returned', 'not_received', 'in_progress']) expect(statuses).toContain(s);
      expect(rows.some((r) => r.digitised === 1) && rows.some((r) => r.digitised === 0)).toBe(true);
      expect(rows.some((r) => r.supplement_count === 1) && rows.some((r) => r.supplement_count === 2)).toBe(true);
      // Some finished after their appointment, most before it.
      const finished = rows.filter((r) => r.finished_at && r.due_at);
      const late = finished.filter((r) => r.finished_at! > r.due_at!);
      expect(late.length).toBeGreaterThan(0);
      expect(late.length).toBeLessThan(finished.length / 3);
      // Every moment is in the month before the end, in the order things happened.
      const from = new Date(UNTIL);
      from.setUTCMonth(from.getUTCMonth() - 1);
      expect(rows.every((r) => r.submitted_at! >= from.toISOString() && r.submitted_at! <= UNTIL.toISOString())).toBe(true);
      const history = await db.selectFrom('dossier_history').select(['action', 'created_at']).execute();
      expect(history.every((h) => h.created_at <= UNTIL.toISOString())).toBe(true);
      for (const a of ['submit', 'receive', 'accept', 'request_supplement', 'supplement', 'request_payment', 'confirm_payment', 'mark_result_ready', 'return_result']) {
        expect(history.some((h) => h.action === a), a).toBe(true);
      }
      // Fees paid at the counter and online (through the fake VNPay's signed notification).
      const paid = await db.selectFrom('payments').select(['method', 'status']).where('status', '=', 'paid').execute();
      expect(new Set(paid.map((p) => p.method))).toEqual(new Set(['cash', 'vnpay']));
      // The history's messages were written (the real notices, with their templates) as delivered
      // to the demo inbox at their moment: none waits in the outbox for the worker.
      const outbox = await db.selectFrom('outbox').select(['status', 'delivered_via', 'created_at', 'sent_at', 'event']).execute();
      expect(outbox.length).toBeGreaterThan(result.dossiers);
      expect(outbox.filter((o) => o.status !== 'sent' || o.delivered_via !== 'demo' || o.sent_at !== o.created_at)).toEqual([]);
      expect(outbox.every((o) => o.created_at <= UNTIL.toISOString())).toBe(true);
      expect(new Set(outbox.map((o) => o.event))).toContain('returned');
      // Ratings after the result, through the rating service; a "Không hài lòng" opens a follow-up.
      const rated = await db.selectFrom('rating_versions').select(['level']).execute();
      expect(rated.length).toBeGreaterThan(20);
      expect(new Set(rated.map((x) => x.level))).toEqual(new Set(['very_satisfied', 'satisfied', 'dissatisfied']));
      expect((await db.selectFrom('rating_followups').select('id').execute()).length).toBeGreaterThan(0);
    });

    it('shows "Dữ liệu mẫu" on a demo dossier in the workspace, and the clock runs again', async () => {
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5_000);
      const db = env.services.database.db;
      const one = await db.selectFrom('dossiers').select('code').where('unit_code', '=', '00004').where('status', '=', 'returned').executeTakeFirstOrThrow();
      const desk = new Desk(env);
      const page = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${one.code}`, headers: { cookie: await desk.cookie('lanhdao') } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Dữ liệu mẫu');
      const list = await desk.inject({ method: 'GET', url: '/can-bo?tab=closed', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(list.body).toContain('Dữ liệu mẫu');
    });
  });

  describe(`demo mode off [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { seed: false });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('writes no demo dossier: the service refuses the mark and start-up writes no history', async () => {
      const clock = travelClock();
      expect(env.config.demo).toBe(false);
      expect(await seedIfEmpty(env.services, { clock, config: env.config })).toEqual({});
      const db = env.services.database.db;
      expect((await db.selectFrom('dossiers').select('id').execute()).length).toBe(0);
      await expect(
        env.services.dossiers.createDraft(
          { unitCode: '00004', procedureCode: '1.001193', channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, demo: true },
          { kind: 'anonymous' },
        ),
      ).rejects.toMatchObject({ code: 'demo_off' });
      await expect(writeDemoHistory({ ...env.services }, clock, { until: clock.now(), months: 1 })).rejects.toMatchObject({ code: 'demo_off' });
      expect((await db.selectFrom('dossiers').select('id').execute()).length).toBe(0);
    });
  });
}
