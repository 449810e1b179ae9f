import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { AppointmentService, type QueuePort } from './index';

const MIN = 60_000;

/** Vietnam local time → UTC ISO. */
const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

for (const engine of engines()) {
  describe(`appointments: sessions, slots, bookings [${engine}]`, () => {
    let env: TestEnv;
    let appt: AppointmentService;
    const tickets: Array<Parameters<QueuePort['takeTicket']>[0]> = [];
    // Thursday 03/12/2026, 09:00 in Hà Nội.
    const clock = fixedClock(vn('2026-12-03', '09:00'));
    const unit = '00004';
    const outbox = async (event: string) =>
      env.services.database.db.selectFrom('outbox').select(['recipient', 'body', 'channel', 'event']).where('event', '=', event).orderBy('created_at').execute();

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      // The ward works Saturday 05/12 and takes Monday 07/12 off (its own declarations).
      await env.services.dossiers.setCalendar(unit, {
        workingDays: [{ date: '2026-12-05', name: 'Thứ Bảy làm việc' }],
        daysOff: [{ date: '2026-12-07', name: 'Nghỉ bù của phường' }],
      });
      // The app's service with a queue that records the tickets it is asked for.
      const queue: QueuePort = {
        services: async () => [
          { code: 'ho-tich', name: 'Hộ tịch – chứng thực' },
          { code: 'dat-dai', name: 'Đất đai – xây dựng' },
        ],
        takeTicket: async (input) => {
          tickets.push(input);
          return { id: `t${tickets.length}`, number: `A-${String(tickets.length).padStart(3, '0')}`, service: input.service, position: 0, estimatedWaitMinutes: 0, trackUrl: `http://motcua.test/hang-cho/t${tickets.length}` };
        },
      };
      appt = new AppointmentService({ ...(env.services.appointments as unknown as { deps: ConstructorParameters<typeof AppointmentService>[0] }).deps, queue: () => queue });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('gives slots on working days and the working Saturday only, never on a day off, a Sunday or in the past', async () => {
      // Monday to Saturday mornings, 07:30–11:30, 60-minute slots, 2 counters × 1.
      const s = await appt.createSession(unit, { service: 'ho-tich', weekdays: [1, 2, 3, 4, 5, 6], start: '07:30', end: '11:30', slotMinutes: 60, counters: 2, perCounter: 1 });
      expect(s.weekdays).toEqual([1, 2, 3, 4, 5, 6]);
      const slots = await appt.slots(unit, { service: 'ho-tich', days: 6 });
      const byDay = new Map<string, string[]>();
      for (const x of slots) byDay.set(x.date, [...(byDay.get(x.date) ?? []), x.time]);
      // Thursday from 09:00 on: 09:30 and 10:30 (07:30 and 08:30 are past); 4 slots a morning.
      expect(Object.fromEntries(byDay)).toEqual({
        '2026-12-03': ['09:30', '10:30'],
        '2026-12-04': ['07:30', '08:30', '09:30', '10:30'],
        '2026-12-05': ['07:30', '08:30', '09:30', '10:30'],
        '2026-12-08': ['07:30', '08:30', '09:30', '10:30'],
      });
      expect(slots.every((x) => x.capacity === 2 && x.free === 2)).toBe(true);
      expect(slots.find((x) => x.date === '2026-12-05')!.at).toBe(vn('2026-12-05', '07:30'));
    });

    it('a Saturday desk that receives some services only: the calendar names them as people do, matched to the queue services', async () => {
      // The calendar module's hours of a Saturday desk "hộ tịch, chứng thực, cư trú" (its demo); weekdays as usual.
      const deps = (appt as unknown as { deps: ConstructorParameters<typeof AppointmentService>[0] }).deps;
      const desk = new AppointmentService({
        ...deps,
        openingHours: async (u, date) => (new Date(`${date}T00:00:00Z`).getUTCDay() === 6 ? [{ from: '07:00', to: '11:30', services: ['hộ tịch', 'chứng thực', 'cư trú'] }] : deps.openingHours(u, date)),
      });
      const ho = await desk.createSession(unit, { service: 'ho-tich', onDate: '2026-12-12', start: '08:00', end: '09:00', slotMinutes: 30, counters: 1, perCounter: 1 });
      expect(ho.onDate).toBe('2026-12-12');
      // Land is not received at the Saturday desk: refused, and a weekly Saturday session gives no slot.
      await expect(desk.createSession(unit, { service: 'dat-dai', onDate: '2026-12-12', start: '08:00', end: '09:00', slotMinutes: 30, counters: 1, perCounter: 1 })).rejects.toMatchObject({ code: 'day_closed' });
      const land = await desk.createSession(unit, { service: 'dat-dai', weekdays: [6], start: '08:00', end: '09:00', slotMinutes: 30, counters: 1, perCounter: 1 });
      expect((await desk.slots(unit, { service: 'ho-tich', from: '2026-12-12', days: 1 })).map((x) => x.time)).toEqual(expect.arrayContaining(['08:00', '08:30']));
      expect(await desk.slots(unit, { service: 'dat-dai', from: '2026-12-12', days: 1 })).toEqual([]);
      await desk.setSessionActive(unit, land.id, false);
      await desk.setSessionActive(unit, ho.id, false);
    });

    it('refuses a one-date session on a day the unit is closed, accepts it on the working Saturday', async () => {
      const closed = appt.createSession(unit, { service: 'dat-dai', onDate: '2026-12-07', start: '07:30', end: '11:30', slotMinutes: 30, counters: 1, perCounter: 1 });
      await expect(closed).rejects.toMatchObject({ code: 'day_closed' });
      await expect(closed).rejects.toThrow(/07\/12\/2026/);
      await expect(appt.createSession(unit, { service: 'dat-dai', onDate: '2026-12-06', start: '07:30', end: '11:30', slotMinutes: 30, counters: 1, perCounter: 1 })).rejects.toMatchObject({ code: 'day_closed' });
      const sat = await appt.createSession(unit, { service: 'dat-dai', onDate: '2026-12-05', start: '08:00', end: '12:00', slotMinutes: 30, counters: 1, perCounter: 1 });
      expect(sat.onDate).toBe('2026-12-05');
      // The session runs to 12:00 but the office closes at 11:30: the last slot is 11:00–11:30.
      const times = (await appt.slots(unit, { service: 'dat-dai', days: 7 })).map((x) => `${x.date} ${x.time}`);
      expect(times).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => `2026-12-05 ${t}`));
      // Bad input: every field named, in Vietnamese.
      const bad = appt.createSession(unit, { service: 'ho-tich', weekdays: [], start: '11:00', end: '10:00', slotMinutes: 2, counters: 0, perCounter: 1 });
      await expect(bad).rejects.toMatchObject({ code: 'invalid_session' });
      const fields = ((await bad.catch((e) => e)) as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort();
      expect(fields).toEqual(['counters', 'end', 'slotMinutes', 'weekdays']);
      await expect(appt.createSession(unit, { service: 'khong-co', weekdays: [1], start: '07:30', end: '08:30', slotMinutes: 30, counters: 1, perCounter: 1 })).rejects.toMatchObject({ code: 'invalid_session' });
    });

    it('books with a code and a signed link, moves and cancels with the proof, gives places back', async () => {
      const at = vn('2026-12-04', '08:30');
      const { appointment: a, link } = await appt.book(unit, { service: 'ho-tich', slotAt: at, fullName: 'Nguyễn Văn An', phone: '0912 345 678', procedureCode: '1.001193', dossierCode: '00004-261201-0001' }, { source: 'web' });
      expect(a).toMatchObject({ status: 'booked', slotAt: at, phone: '0912345678', procedureCode: '1.001193', dossierCode: '00004-261201-0001', source: 'web' });
      expect(a.code).toMatch(/^LH[0-9A-Z]{8}$/);
      expect(link).toBe(`http://motcua.test/lich-hen/${a.code}?t=${appt.token(a.code)}`);
      const sms = (await outbox('appointment_booked')).filter((m) => m.recipient === '0912345678');
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body).toContain(a.code);
      expect(sms[0]!.body).toContain(link);
      expect(sms[0]!.body).toContain('08:30');
      let slot = (await appt.slots(unit, { service: 'ho-tich', from: '2026-12-04', days: 1 })).find((x) => x.at === at)!;
      expect(slot).toMatchObject({ booked: 1, free: 1 });

      // Same phone, same service, same day: refused; a wrong phone reads nothing.
      await expect(appt.book(unit, { service: 'ho-tich', slotAt: vn('2026-12-04', '09:30'), fullName: 'Nguyễn Văn An', phone: '0912345678' }, { source: 'web' })).rejects.toMatchObject({ code: 'already_booked' });
      await expect(appt.get(a.code, { kind: 'anonymous' }, { phone: '0987654321' })).rejects.toMatchObject({ code: 'appointment_not_found' });
      expect((await appt.get(a.code, { kind: 'anonymous' }, { phone: '+84912345678' })).id).toBe(a.id);

      // Code + phone read, but do not change: a signed link or a one-time code is needed.
      const target = vn('2026-12-05', '09:30');
      await expect(appt.move(a.code, target, { kind: 'anonymous' }, { phone: '0912345678' })).rejects.toMatchObject({ code: 'stronger_proof_required' });
      await expect(appt.cancel(a.code, { kind: 'anonymous' }, { phone: '0912345678', otp: '000000' })).rejects.toMatchObject({ code: 'otp_invalid' });
      const otp = await env.services.accounts.requestOtp('0912345678', 'verify_phone');
      const code = otp.demoCode ?? (await env.services.database.db.selectFrom('outbox').select('body').where('event', '=', 'otp').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).body.match(/\d{6}/)![0];
      const moved = await appt.move(a.code, target, { kind: 'anonymous' }, { phone: '0912345678', otp: code });
      expect(moved).toMatchObject({ slotAt: target, moves: 1, status: 'booked' });
      slot = (await appt.slots(unit, { service: 'ho-tich', from: '2026-12-04', days: 1 })).find((x) => x.at === at)!;
      expect(slot.booked).toBe(0);
      expect((await appt.slots(unit, { service: 'ho-tich', from: '2026-12-05', days: 1 })).find((x) => x.at === target)!.booked).toBe(1);
      expect((await outbox('appointment_moved')).at(-1)!.body).toContain('09:30');

      // A slot that does not exist (a Sunday, 08:00 between slots) is refused.
      await expect(appt.move(a.code, vn('2026-12-06', '07:30'), { kind: 'anonymous' }, { token: appt.token(a.code) })).rejects.toMatchObject({ code: 'slot_unavailable' });
      await expect(appt.move(a.code, vn('2026-12-04', '08:00'), { kind: 'anonymous' }, { token: appt.token(a.code) })).rejects.toMatchObject({ code: 'slot_unavailable' });

      // The signed link cancels; the place is given back; a cancelled booking cannot be moved.
      const cancelled = await appt.cancel(a.code, { kind: 'anonymous' }, { token: appt.token(a.code) });
      expect(cancelled.status).toBe('cancelled');
      expect((await appt.slots(unit, { service: 'ho-tich', from: '2026-12-05', days: 1 })).find((x) => x.at === target)!.booked).toBe(0);
      await expect(appt.move(a.code, at, { kind: 'anonymous' }, { token: appt.token(a.code) })).rejects.toMatchObject({ code: 'appointment_cancelled' });
      await expect(appt.cancel(a.code, { kind: 'anonymous' }, { token: 'x'.repeat(24) })).rejects.toMatchObject({ code: 'appointment_not_found' });
      // Bad input: named fields.
      const bad = appt.book(unit, { service: 'ho-tich', slotAt: at, fullName: '123', phone: '12345' }, { source: 'web' });
      await expect(bad).rejects.toMatchObject({ code: 'invalid_booking' });
    });

    it('two citizens booking the last place at once: exactly one wins', async () => {
      const at = vn('2026-12-04', '10:30');
      // One place left: a first booking takes one of the two.
      await appt.book(unit, { service: 'ho-tich', slotAt: at, fullName: 'Trần Thị Bình', phone: '0912000001' }, { source: 'counter' });
      const racers = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => appt.book(unit, { service: 'ho-tich', slotAt: at, fullName: `Người ${i}`, phone: `09130000${String(i).padStart(2, '0')}` }, { source: 'web' })),
      );
      const won = racers.filter((r) => r.status === 'fulfilled');
      const lost = racers.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(5);
      expect(lost.every((r) => (r.reason as { code: string }).code === 'slot_full')).toBe(true);
      const rows = await env.services.database.db.selectFrom('appointments').select('id').where('slot_at', '=', at).where('status', '=', 'booked').execute();
      expect(rows).toHaveLength(2);
      expect((await appt.slots(unit, { service: 'ho-tich', from: '2026-12-04', days: 1 })).find((x) => x.at === at)).toMatchObject({ booked: 2, free: 0 });
    });

    it('reminds the day before, once, from 07:00; a moved booking is reminded of its new slot', async () => {
      const { appointment: a } = await appt.book(unit, { service: 'ho-tich', slotAt: vn('2026-12-08', '09:30'), fullName: 'Lê Văn Cường', phone: '0912000002' }, { source: 'web', zaloUserId: 'zalo-user-1' });
      const mine = async () => (await outbox('appointment_reminder')).filter((m) => m.body.includes(a.code));
      // Sunday evening: not yet (the booking is on Tuesday; Monday is a day off but still "the day before").
      clock.set(vn('2026-12-06', '20:00'));
      await appt.sendReminders();
      expect(await mine()).toHaveLength(0);
      clock.set(vn('2026-12-07', '06:30'));
      await appt.sendReminders();
      expect(await mine()).toHaveLength(0);
      clock.set(vn('2026-12-07', '07:05'));
      expect(await appt.sendReminders()).toBeGreaterThanOrEqual(1);
      const first = await mine();
      expect(first.map((m) => m.channel).sort()).toEqual(['sms', 'zalo']);
      expect(first.find((m) => m.channel === 'sms')!.body).toContain('09:30');
      expect(first.find((m) => m.channel === 'zalo')!.body).toContain('ngày mai');
      clock.set(vn('2026-12-07', '09:00'));
      await appt.sendReminders();
      expect(await mine()).toHaveLength(2);
      // Moved to another slot of tomorrow: reminded again, for the new time.
      await appt.move(a.code, vn('2026-12-08', '10:30'), { kind: 'anonymous' }, { token: appt.token(a.code) });
      await appt.sendReminders();
      const after = (await mine()).filter((m) => m.channel === 'sms');
      expect(after).toHaveLength(2);
      expect(after[1]!.body).toContain('10:30');
      clock.set(vn('2026-12-03', '09:00'));
    });

    it('an arrival on time gets a queue ticket marked with its slot; too early or too late does not', async () => {
      const at = vn('2026-12-04', '07:30');
      const { appointment: a } = await appt.book(unit, { service: 'ho-tich', slotAt: at, fullName: 'Phạm Thị Dung', phone: '0912000003' }, { source: 'web' });
      const staff = { kind: 'staff' as const, id: 's1', unitCode: unit, role: 'receptionist' };
      clock.set(new Date(Date.parse(at) - 45 * MIN));
      await expect(appt.arrive(a.code, staff, {})).rejects.toMatchObject({ code: 'too_early' });
      clock.set(new Date(Date.parse(at) - 20 * MIN));
      const n = tickets.length;
      const arrived = await appt.arrive(a.code, { kind: 'anonymous' }, { token: appt.token(a.code) });
      expect(arrived).toMatchObject({ status: 'arrived', ticketNumber: `A-${String(n + 1).padStart(3, '0')}` });
      expect(tickets.at(-1)).toEqual({ unitCode: unit, service: 'ho-tich', phone: '0912000003', source: 'appointment', appointment: { id: a.id, slotAt: new Date(at) } });
      // Twice: the same ticket.
      expect((await appt.arrive(a.code, staff, {})).ticketId).toBe(arrived.ticketId);
      expect(tickets.length).toBe(n + 1);
      // Another booking, 20 minutes late.
      const at2 = vn('2026-12-04', '08:30');
      const { appointment: b } = await appt.book(unit, { service: 'ho-tich', slotAt: at2, fullName: 'Hoàng Văn Em', phone: '0912000004' }, { source: 'web' });
      clock.set(new Date(Date.parse(at2) + 20 * MIN));
      await expect(appt.arrive(b.code, staff, {})).rejects.toMatchObject({ code: 'too_late' });
      // Another unit's official sees nothing.
      await expect(appt.arrive(b.code, { ...staff, unitCode: '00082' }, {})).rejects.toMatchObject({ code: 'appointment_not_found' });
      clock.set(vn('2026-12-03', '09:00'));
    });

    it('with the real queue: the arrival ticket waits, then is called before earlier normal tickets once its slot comes', async () => {
      const queue = env.services.queue;
      await queue.seedDemo(unit);
      const svc = env.services.appointments;
      await svc.createSession(unit, { service: 'ho-tich', onDate: '2026-12-04', start: '09:30', end: '10:00', slotMinutes: 30, counters: 1, perCounter: 1 });
      const at = vn('2026-12-04', '09:30');
      const { appointment: a } = await svc.book(unit, { service: 'ho-tich', slotAt: at, fullName: 'Vũ Thị Giang', phone: '0912000005' }, { source: 'web' });
      // 09:05: two citizens take normal tickets, then the booked citizen arrives (25 minutes early).
      clock.set(vn('2026-12-04', '09:05'));
      const n1 = await queue.takeTicket({ unitCode: unit, service: 'ho-tich', source: 'kiosk' });
      clock.set(vn('2026-12-04', '09:06'));
      const n2 = await queue.takeTicket({ unitCode: unit, service: 'ho-tich', source: 'kiosk' });
      clock.set(vn('2026-12-04', '09:07'));
      const arrived = await svc.arrive(a.code, { kind: 'anonymous' }, { token: svc.token(a.code) });
      expect(arrived.status).toBe('arrived');
      const t = (await queue.ticket(arrived.ticketId!))!;
      expect(t).toMatchObject({ source: 'appointment', appointmentId: a.id, slotAt: at, status: 'waiting' });
      const official = { id: 'off-1', fullName: 'Cán bộ Một', unitCode: unit };
      // Before the slot, normal tickets go first.
      clock.set(vn('2026-12-04', '09:10'));
      expect((await queue.callNext(official, '2'))!.id).toBe(n1.id);
      // At 09:30 the appointment comes before the normal ticket taken earlier.
      clock.set(vn('2026-12-04', '09:30'));
      expect((await queue.callNext(official, '2'))!.id).toBe(arrived.ticketId);
      expect((await queue.callNext(official, '2'))!.id).toBe(n2.id);
      clock.set(vn('2026-12-03', '09:00'));
    });
  });
}
