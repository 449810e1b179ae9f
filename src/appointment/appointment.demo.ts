/**
 * Demo (DEMO=on): the demo ward's appointment sessions — weekday mornings and afternoons, and a
 * Saturday morning session (it gives slots on the Saturdays the ward works) — and a few bookings
 * on the next open days, one of them bringing an online dossier to sign. Written once: a unit that
 * already has sessions is left as it is.
 */
import type { AppointmentService } from './appointment.service';

const PEOPLE = [
  { fullName: 'Nguyễn Thị Hoa', phone: '0912100001' },
  { fullName: 'Trần Văn Minh', phone: '0912100002' },
  { fullName: 'Lê Thị Thu', phone: '0912100003' },
  { fullName: 'Phạm Quốc Bảo', phone: '0912100004' },
  { fullName: 'Đỗ Thị Lan', phone: '0912100005' },
  { fullName: 'Hoàng Văn Nam', phone: '0912100006' },
];

export async function seedAppointmentDemo(svc: AppointmentService, unitCode: string, opts: { dossierCode?: string } = {}): Promise<{ sessions: number; bookings: number }> {
  if ((await svc.listSessions(unitCode)).length) return { sessions: 0, bookings: 0 };
  const known = new Set((await svc.queueServices(unitCode)).map((s) => s.code));
  const sessions = [
    { service: 'ho-tich', weekdays: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', slotMinutes: 30, counters: 2, perCounter: 1 },
    { service: 'ho-tich', weekdays: [1, 2, 3, 4, 5], start: '13:30', end: '16:30', slotMinutes: 30, counters: 2, perCounter: 1 },
    { service: 'cu-tru', weekdays: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', slotMinutes: 20, counters: 1, perCounter: 1 },
    { service: 'dat-dai', weekdays: [2, 4], start: '13:30', end: '16:30', slotMinutes: 60, counters: 1, perCounter: 1 },
    // Saturday mornings for people who work in the week (open on the ward's working Saturdays).
    { service: 'ho-tich', weekdays: [6], start: '07:30', end: '11:30', slotMinutes: 30, counters: 1, perCounter: 2 },
    { service: 'cu-tru', weekdays: [6], start: '07:30', end: '11:30', slotMinutes: 30, counters: 1, perCounter: 1 },
  ].filter((s) => known.size === 0 || known.has(s.service));
  for (const s of sessions) await svc.createSession(unitCode, s);
  let bookings = 0;
  const free = [...(await svc.slots(unitCode, { service: 'ho-tich', days: 7, onlyFree: true })), ...(await svc.slots(unitCode, { service: 'cu-tru', days: 7, onlyFree: true }))];
  // Spread over the week: every seventh free slot.
  const picks = free.filter((_, i) => i % 7 === 3).slice(0, PEOPLE.length);
  for (const [i, slot] of picks.entries()) {
    const person = PEOPLE[i]!;
    await svc.book(unitCode, { service: slot.service, slotAt: slot.at, ...person, dossierCode: i === 0 ? opts.dossierCode : undefined, procedureCode: slot.service === 'ho-tich' ? '1.001193' : undefined }, { source: i % 3 === 0 ? 'counter' : 'web' });
    bookings++;
  }
  return { sessions: sessions.length, bookings };
}
