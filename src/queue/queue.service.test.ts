import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { ticketFacts, type QueueService, type QueueOfficial } from './index';

const MIN = 60_000;

for (const engine of engines()) {
  describe(`queue: order, estimates, spam, messages [${engine}]`, () => {
    let env: TestEnv;
    let q: QueueService;
    // Monday 30/11/2026, 08:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T01:00:00Z');
    let unit = 0;
    const official = (unitCode: string): QueueOfficial => ({ id: 'o1', fullName: 'Nguyễn Thị Hòa', unitCode });
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      q = env.services.queue;
    });
    afterAll(async () => {
      await env?.close();
    });
    /** A fresh unit per test (the queue's tables are keyed by unit code only; no unit row needed). */
    const freshUnit = async (counters: Array<{ code: string; services: string[] }> = [{ code: '1', services: ['ho-tich', 'dat-dai'] }]) => {
      const u = `T${engine[0]}${++unit}`;
      await q.saveService(u, { code: 'ho-tich', name: 'Hộ tịch – chứng thực', letter: 'A', fieldCodes: ['Hộ tịch'], defaultMinutes: 10 });
      await q.saveService(u, { code: 'dat-dai', name: 'Đất đai – xây dựng', letter: 'B', fieldCodes: ['Đất đai'], defaultMinutes: 20 });
      for (const c of counters) {
        await q.saveCounterDefinition(u, { code: c.code, name: `Quầy ${c.code}`, services: c.services });
        await q.openCounter(official(u), c.code, c.services);
      }
      return u;
    };
    const take = async (unitCode: string, extra: { service?: string; priority?: string; phone?: string; appointment?: { id: string; slotAt: Date } } = {}) => {
      clock.advance(MIN);
      return q.takeTicket({ unitCode, service: extra.service ?? 'ho-tich', source: 'kiosk', ...extra });
    };

    it('numbers per service and day, counts those before, estimates from the default time, then from the day’s service times', async () => {
      const u = await freshUnit();
      const a = await take(u);
      const b = await take(u);
      const c = await take(u);
      const d = await take(u, { service: 'dat-dai' });
      expect([a.number, b.number, c.number, d.number]).toEqual(['A-001', 'A-002', 'A-003', 'B-001']);
      expect([a.position, b.position, c.position, d.position]).toEqual([0, 1, 2, 0]);
      expect([a.estimatedWaitMinutes, b.estimatedWaitMinutes, c.estimatedWaitMinutes]).toEqual([0, 10, 20]);
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(a.trackUrl).toBe(`http://motcua.test/hang-cho/${a.id}`);
      // Served in 4 minutes: the estimate follows the day's real service time.
      expect((await q.callNext(official(u), '1'))!.number).toBe('A-001');
      clock.advance(4 * MIN);
      await q.done(official(u), '1');
      const v = await q.view(c.id);
      expect(v).toMatchObject({ status: 'waiting', position: 1, estimatedWaitMinutes: 4 });
      // Two counters serving the service halve the wait.
      await q.saveCounterDefinition(u, { code: '2', name: 'Quầy 2', services: ['ho-tich'] });
      await q.openCounter(official(u), '2', ['ho-tich']);
      const e = await take(u);
      expect(e).toMatchObject({ position: 2, estimatedWaitMinutes: 4 });
    });

    it('strict rule: a priority ticket taken after two normal ones is called first; then by time taken', async () => {
      const u = await freshUnit();
      const n1 = await take(u);
      const n2 = await take(u);
      const p = await take(u, { priority: 'elderly' });
      expect(p.position).toBe(0);
      expect((await q.view(n1.id)).position).toBe(1);
      const calls = [];
      for (let i = 0; i < 3; i++) calls.push((await q.callNext(official(u), '1'))!.id);
      expect(calls).toEqual([p.id, n1.id, n2.id]);
      expect(await q.callNext(official(u), '1')).toBeUndefined();
    });

    it('"every" rule: one priority ticket per N others at a counter', async () => {
      const u = await freshUnit();
      await q.saveSettings(u, { priorityRule: 'every', priorityEvery: 2 });
      const n = [await take(u), await take(u), await take(u), await take(u)];
      const p = [await take(u, { priority: 'disabled' }), await take(u, { priority: 'pregnant' })];
      const order = [];
      for (let i = 0; i < 6; i++) order.push((await q.callNext(official(u), '1'))!.id);
      // A counter owes a priority call at the start of the day, then one after every two others.
      expect(order).toEqual([p[0]!.id, n[0]!.id, n[1]!.id, p[1]!.id, n[2]!.id, n[3]!.id]);
    });

    it('appointments at their slot: before normal tickets once the slot has come, after waiting priority ones (strict)', async () => {
      const u = await freshUnit();
      const slot = new Date(clock.now().getTime() + 5 * MIN);
      const appt = await take(u, { service: 'ho-tich', appointment: { id: 'ap-1', slotAt: slot } });
      const n1 = await take(u);
      // Before its slot, the appointment waits behind those who came before the slot.
      expect((await q.view(appt.id)).position).toBe(1);
      const n2 = await take(u);
      const n3 = await take(u);
      clock.set(new Date(slot.getTime() + MIN));
      const p = await take(u, { priority: 'merit' });
      const order = [];
      for (let i = 0; i < 5; i++) order.push((await q.callNext(official(u), '1'))!.id);
      expect(order).toEqual([p.id, appt.id, n1.id, n2.id, n3.id]);
    });

    it('a transfer keeps the place: the ticket comes before those taken after it in the new service', async () => {
      const u = await freshUnit([
        { code: '1', services: ['ho-tich'] },
        { code: '2', services: ['dat-dai'] },
      ]);
      const a = await take(u);
      const b1 = await take(u, { service: 'dat-dai' });
      const b2 = await take(u, { service: 'dat-dai' });
      expect((await q.callNext(official(u), '1'))!.id).toBe(a.id);
      // Counter 1 finds the citizen needs land: to "Đất đai", placed by the time the ticket was taken.
      const moved = await q.transfer(official(u), { counter: '1' }, 'dat-dai');
      expect(moved).toMatchObject({ status: 'waiting', service: 'dat-dai', transferredFrom: 'ho-tich', number: a.number, counter: null });
      expect((await q.view(a.id)).position).toBe(0);
      const order = [];
      for (let i = 0; i < 3; i++) order.push((await q.callNext(official(u), '2'))!.id);
      expect(order).toEqual([a.id, b1.id, b2.id]);
      await expect(q.transfer(official(u), { ticketId: b2.id }, 'nope')).rejects.toMatchObject({ code: 'unknown_service' });
    });

    it('counter steps: recall, serving, no-show, done; staff of another unit are refused; a closed counter calls nobody', async () => {
      const u = await freshUnit();
      const a = await take(u);
      const b = await take(u);
      await expect(q.callNext({ ...official(u), unitCode: '00082' }, '1')).rejects.toMatchObject({ code: 'counter_not_found' });
      expect((await q.callNext(official(u), '1'))!.id).toBe(a.id);
      expect((await q.recall(official(u), '1')).recalls).toBe(1);
      expect((await q.view(a.id))).toMatchObject({ status: 'called', counter: '1', counterName: 'Quầy 1', recalls: 1 });
      expect((await q.noShow(official(u), '1')).status).toBe('no_show');
      await q.callNext(official(u), '1');
      expect((await q.serve(official(u), '1')).status).toBe('serving');
      await expect(q.noShow(official(u), '1')).rejects.toMatchObject({ code: 'wrong_state' });
      const done = await q.done(official(u), '1');
      expect(done).toMatchObject({ id: b.id, status: 'done' });
      expect(done.servedAt).not.toBeNull();
      await q.closeCounter(official(u), '1');
      await expect(q.callNext(official(u), '1')).rejects.toMatchObject({ code: 'counter_closed' });
      const facts = await ticketFacts(env.services.database.db, { unitCode: u, from: new Date(clock.now().getTime() - 86_400_000), to: new Date(clock.now().getTime() + MIN), now: clock.now() });
      expect(facts.map((f) => [f.id, f.status, f.counter])).toEqual([
        [a.id, 'no_show', '1'],
        [b.id, 'done', '1'],
      ]);
    });

    it('spam and closing time: one waiting ticket per phone per service; tickets expire at closing time; none after it', async () => {
      const u = await freshUnit();
      const t = await take(u, { phone: '0912 345 678' });
      await expect(take(u, { phone: '+84912345678' })).rejects.toMatchObject({ code: 'ticket_exists' });
      await expect(take(u, { phone: '0912345678' })).rejects.toThrow(/A-001/);
      // Another service is another queue.
      await take(u, { phone: '0912345678', service: 'dat-dai' });
      await expect(take(u, { phone: '12' })).rejects.toMatchObject({ code: 'invalid_phone' });
      await expect(take(u, { priority: 'vip' })).rejects.toMatchObject({ code: 'unknown_priority' });
      await expect(take(u, { service: 'x' })).rejects.toMatchObject({ code: 'unknown_service' });
      // 17:00 in Hà Nội: the ticket expires, no new ticket today.
      clock.set('2026-11-30T10:00:00Z');
      expect((await q.view(t.id)).status).toBe('cancelled');
      await expect(take(u)).rejects.toMatchObject({ code: 'queue_closed' });
      expect(await q.callNext(official(u), '1')).toBeUndefined();
      // Next morning the same phone takes a number again, numbering restarts.
      clock.set('2026-12-01T01:00:00Z');
      expect((await take(u, { phone: '0912345678' })).number).toBe('A-001');
    });

    it('the counter reception of a dossier from the ticket: linked both ways, the ticket becomes "serving"', async () => {
      const u = await freshUnit();
      const t = await take(u);
      await q.callNext(official(u), '1');
      await expect(q.linkDossier('00082', t.id, { id: 'd-1', code: '00004-261130-0001' })).rejects.toMatchObject({ code: 'ticket_not_found' });
      clock.advance(MIN);
      await q.linkDossier(u, t.id, { id: 'd-1', code: '00004-261130-0001' });
      const linked = await q.ticketOfDossier('d-1');
      expect(linked).toMatchObject({ id: t.id, status: 'serving', dossierCode: '00004-261130-0001' });
      // The wait is on record: taken, called, and serving from the reception.
      expect(Date.parse(linked!.servedAt!) - Date.parse(linked!.takenAt)).toBe(MIN);
    });

    it('messages through the outbox: "three turns away" once, and "your turn" with the counter', async () => {
      clock.set('2026-12-02T01:00:00Z');
      const u = await freshUnit();
      const list = [];
      for (let i = 0; i < 6; i++) list.push(await take(u, { phone: `09123400${10 + i}` }));
      const outbox = async () =>
        (await env.services.database.db.selectFrom('outbox').select(['recipient', 'event', 'body']).where('unit_code', '=', u).orderBy('created_at').orderBy('event').execute());
      expect(await outbox()).toEqual([]);
      await q.callNext(official(u), '1');
      let rows = await outbox();
      // Called: the first; now three before the fifth.
      expect(rows.map((r) => [r.recipient, r.event])).toEqual([
        ['0912340010', 'queue_called'],
        ['0912340014', 'queue_near'],
      ]);
      expect(rows[0]!.body).toContain('Đến lượt bạn: mời số A-001 đến Quầy 1');
      expect(rows[1]!.body).toContain('Còn 3 người trước bạn');
      clock.advance(MIN);
      await q.callNext(official(u), '1');
      rows = await outbox();
      expect(rows.map((r) => [r.recipient, r.event]).slice(2)).toEqual([
        ['0912340011', 'queue_called'],
        ['0912340015', 'queue_near'],
      ]);
    });
  });
}
