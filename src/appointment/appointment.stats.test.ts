import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { ticketFacts } from '../queue';
import { queueStats } from './appointment.stats';
import type { TicketFact } from './appointment.types';

const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

describe('queue statistics: hand-computed', () => {
  const f = (o: Partial<TicketFact> & Pick<TicketFact, 'id' | 'takenAt'>): TicketFact => ({ service: 'ho-tich', counter: '1', officialId: 'a', priority: null, source: 'kiosk', calledAt: null, servedAt: null, doneAt: null, status: 'waiting', ...o });
  // Monday 30/11/2026 and Saturday 05/12/2026.
  const facts = [
    // wait 10, service 5 (served from the call)
    f({ id: '1', takenAt: vn('2026-11-30', '08:00'), calledAt: vn('2026-11-30', '08:10'), doneAt: vn('2026-11-30', '08:15'), status: 'done' }),
    // wait 20, service 8 (served from 08:32)
    f({ id: '2', takenAt: vn('2026-11-30', '08:05'), calledAt: vn('2026-11-30', '08:25'), servedAt: vn('2026-11-30', '08:32'), doneAt: vn('2026-11-30', '08:40'), status: 'done', counter: '2', officialId: 'b' }),
    // wait 30, no-show
    f({ id: '3', takenAt: vn('2026-11-30', '09:00'), calledAt: vn('2026-11-30', '09:30'), status: 'no_show', counter: '2', officialId: 'b' }),
    // never called (expired)
    f({ id: '4', takenAt: vn('2026-11-30', '09:10'), status: 'cancelled', counter: null, officialId: null, service: 'dat-dai' }),
    // Saturday, land: wait 4, service 12, an appointment
    f({ id: '5', takenAt: vn('2026-12-05', '08:20'), calledAt: vn('2026-12-05', '08:24'), doneAt: vn('2026-12-05', '08:36'), status: 'done', service: 'dat-dai', source: 'appointment' }),
  ];
  const s = queueStats(facts, { from: '2026-11-30', to: '2026-12-05', serviceName: (c) => ({ 'ho-tich': 'Hộ tịch', 'dat-dai': 'Đất đai' })[c] ?? c, officialName: (id) => ({ a: 'Cán bộ A', b: 'Cán bộ B' })[id] ?? id });

  it('totals: waits (10+20+30+4)/4 = 16, services (5+8+12)/3 = 8.3, no-shows 1 of 4 called', () => {
    expect(s.total).toMatchObject({ tickets: 5, called: 4, done: 3, noShow: 1, avgWait: 16, maxWait: 30, avgService: 8.3, noShowRate: 0.25 });
  });
  it('per service, counter, official, hour and weekday', () => {
    expect(s.byService.map((r) => [r.label, r.tickets, r.avgWait, r.avgService, r.noShowRate])).toEqual([
      ['Đất đai', 2, 4, 12, 0],
      ['Hộ tịch', 3, 20, 6.5, 1 / 3],
    ]);
    expect(s.byCounter.map((r) => [r.label, r.tickets, r.avgWait, r.avgService])).toEqual([
      ['Quầy 1', 2, 7, 8.5],
      ['Quầy 2', 2, 25, 8],
    ]);
    expect(s.byOfficial.map((r) => [r.label, r.called, r.noShow])).toEqual([
      ['Cán bộ A', 2, 0],
      ['Cán bộ B', 2, 1],
    ]);
    expect(s.byHour.map((r) => [r.label, r.tickets, r.avgWait])).toEqual([
      ['08:00–09:00', 3, 11.3],
      ['09:00–10:00', 2, 30],
    ]);
    expect(s.byWeekday.map((r) => [r.label, r.tickets])).toEqual([
      ['Thứ Hai', 4],
      ['Thứ Bảy', 1],
    ]);
    expect(s.bySource.map((r) => [r.label, r.tickets])).toEqual([
      ['Lịch hẹn', 1],
      ['Máy lấy số', 4],
    ]);
  });
});

for (const engine of engines()) {
  describe(`queue statistics from the real queue: page, chart, Excel, dashboard [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock(vn('2026-12-03', '07:00'));
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      desk = new Desk(env);
      const q = env.services.queue;
      await q.seedDemo('00004');
      const off = { id: (await env.services.accounts.findStaffByUsername('tiepnhan'))!.id, fullName: 'Tiếp nhận', unitCode: '00004' };
      // Thursday 03/12: A taken 08:00, B 08:06; counter 2 calls A at 08:12 (wait 12), done 08:20 (8);
      // calls B at 08:20 (wait 14), no-show at 08:25; C taken 10:00, called 10:03 (wait 3), done 10:13 (10).
      const at = (t: string) => clock.set(vn('2026-12-03', t));
      at('08:00');
      await q.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'kiosk' });
      at('08:06');
      await q.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'web' });
      at('08:12');
      await q.callNext(off, '2');
      at('08:20');
      await q.callNext(off, '2');
      at('08:25');
      await q.noShow(off, '2');
      at('10:00');
      await q.takeTicket({ unitCode: '00004', service: 'cu-tru', source: 'kiosk' });
      at('10:03');
      await q.callNext(off, '2');
      at('10:13');
      await q.done(off, '2');
      at('11:00');
    });
    afterAll(async () => {
      await env?.close();
    });

    it('the page shows the hand-computed figures and the busiest hours chart; Excel holds the same numbers', async () => {
      const cookie = await desk.cookie('lanhdao');
      const r = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/thong-ke?tu=2026-12-01&den=2026-12-03', headers: { cookie } });
      expect(r.statusCode, r.body).toBe(200);
      // Waits 12, 14, 3 → 9.7; services 8, 10 → 9; no-shows 1 of 3.
      expect(r.body).toContain('3 lượt lấy số; chờ trung bình <strong>9,7 phút</strong>, phục vụ trung bình <strong>9 phút</strong>, tỷ lệ vắng mặt <strong>33,3%</strong>');
      expect(r.body).toMatch(/<svg[^>]*>/);
      expect(r.body).toContain('Tiếp nhận');
      const x = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/thong-ke.xlsx?tu=2026-12-01&den=2026-12-03', headers: { cookie } });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const total = wb.getWorksheet('Tổng hợp')!.getRow(5).values as unknown[];
      expect(total.slice(1)).toEqual(['Tất cả', 3, 3, 2, 1, 1 / 3, 9.7, 14, 9]);
      const hours = wb.getWorksheet('Theo giờ lấy số')!;
      expect([hours.getRow(5).values, hours.getRow(6).values].map((v) => (v as unknown[]).slice(1, 3))).toEqual([
        ['08:00–09:00', 2],
        ['10:00–11:00', 1],
      ]);
      // Bad range: a Vietnamese message, no stack.
      const bad = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/thong-ke?tu=2026-12-05&den=2026-12-01', headers: { cookie } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Ngày bắt đầu phải trước ngày kết thúc');
      // Another ward's figures are not for this leader.
      expect((await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/thong-ke?don-vi=00082', headers: { cookie } })).statusCode).toBe(403);
    });

    it('the unit dashboard shows the month queue figures and links to the statistics', async () => {
      const r = await env.app.inject({ method: 'GET', url: '/can-bo/chi-so?ky=2026-12', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Hàng chờ tại quầy: <a href="/can-bo/hang-cho/thong-ke?tu=2026-12-01&amp;den=2026-12-31&amp;don-vi=00004">3 lượt lấy số</a>, chờ trung bình 9,7 phút');
      const menu = await env.app.inject({ method: 'GET', url: '/can-bo/lich-hen', headers: { cookie: await desk.cookie('tiepnhan') } });
      expect(menu.statusCode).toBe(200);
      expect(menu.body).toContain('href="/can-bo/hang-cho/thong-ke"');
    });
  });
}

for (const engine of engines()) {
  describe(`queue statistics: an appointment waits from its slot, not from its early arrival [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock(vn('2026-12-03', '07:00'));
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      await env.services.queue.seedDemo('00004');
    });
    afterAll(async () => {
      await env?.close();
    });

    it('arrived 20 minutes before a 14:00 slot, called at 14:05: a wait of 5 minutes; a walk-in taken at 13:50 waited 20', async () => {
      const q = env.services.queue;
      const appts = env.services.appointments;
      const off = { id: (await env.services.accounts.findStaffByUsername('tiepnhan'))!.id, fullName: 'Tiếp nhận', unitCode: '00004' };
      await appts.createSession('00004', { service: 'cu-tru', weekdays: [4], start: '13:30', end: '15:30', slotMinutes: 30, counters: 1, perCounter: 1 });
      const { appointment } = await appts.book('00004', { service: 'cu-tru', slotAt: vn('2026-12-03', '14:00'), fullName: 'Hà Văn Sơn', phone: '0933000444' }, { source: 'web' });
      clock.set(vn('2026-12-03', '13:40'));
      const arrived = await appts.arrive(appointment.code, { kind: 'staff', id: off.id, unitCode: '00004', role: 'receptionist' }, {});
      clock.set(vn('2026-12-03', '13:50'));
      const walkIn = await q.takeTicket({ unitCode: '00004', service: 'cu-tru', source: 'kiosk' });
      // 14:05: the appointment is due and called first, the walk-in next at 14:10.
      clock.set(vn('2026-12-03', '14:05'));
      expect((await q.callNext(off, '2'))!.id).toBe(arrived.ticketId);
      clock.set(vn('2026-12-03', '14:10'));
      expect((await q.callNext(off, '2'))!.id).toBe(walkIn.id);
      clock.set(vn('2026-12-03', '15:00'));
      const facts = await ticketFacts(env.services.database.db, { unitCode: '00004', from: new Date(vn('2026-12-03', '00:00')), to: new Date(vn('2026-12-04', '00:00')), now: clock.now() });
      expect(facts.find((f) => f.id === arrived.ticketId)).toMatchObject({ source: 'appointment', slotAt: vn('2026-12-03', '14:00'), takenAt: vn('2026-12-03', '13:40') });
      const s = queueStats(facts, { from: '2026-12-03', to: '2026-12-03' });
      expect(s.bySource.map((r) => [r.label, r.avgWait])).toEqual([
        ['Lịch hẹn', 5],
        ['Máy lấy số', 20],
      ]);
      expect(s.total.avgWait).toBe(12.5);
      // The statistics page says the same.
      const cookie = await new Desk(env).cookie('lanhdao');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/thong-ke?tu=2026-12-03&den=2026-12-03', headers: { cookie } });
      expect(page.body).toContain('chờ trung bình <strong>12,5 phút</strong>');
    });
  });
}
