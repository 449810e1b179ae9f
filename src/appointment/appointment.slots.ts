/**
 * Slot generation: a pure function of the unit's sessions, the day's opening hours and the places
 * already taken. A slot exists only when the day is open and the whole slot lies inside one of
 * the day's opening intervals (which may name the services they receive): a Saturday session gives
 * slots only on the Saturdays the unit works, a session on a public holiday none.
 */
import type { Session, Slot } from './appointment.types';

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant `minutes` after midnight of a Vietnam calendar date. */
export function vnInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + minutes * 60_000);
}

/** Vietnam calendar date and 'HH:MM' of an instant. */
export function vnParts(instant: Date | string): { date: string; time: string } {
  const local = new Date(new Date(instant).getTime() + VN_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Does the session take appointments on this date (before looking at the calendar)? */
export function sessionApplies(s: Session, date: string): boolean {
  if (!s.active) return false;
  if (s.validFrom && date < s.validFrom) return false;
  if (s.validTo && date > s.validTo) return false;
  return s.onDate ? s.onDate === date : s.weekdays.includes(isoWeekday(date));
}

/**
 * The slots of one date for one service (or every service), earliest first. `booked` maps
 * `${service}|${at}` to the places taken. Slots of two sessions starting at the same instant for
 * the same service add their capacities.
 */
export function slotsOfDay(
  sessions: Session[],
  date: string,
  hours: Array<{ from: string; to: string; services?: string[] }>,
  booked: Map<string, number>,
  opts: { service?: string; after?: Date } = {},
): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const s of sessions) {
    if (opts.service && s.service !== opts.service) continue;
    if (!sessionApplies(s, date)) continue;
    const end = minutesOf(s.end);
    for (let t = minutesOf(s.start); t + s.slotMinutes <= end; t += s.slotMinutes) {
      const inside = hours.some((h) => minutesOf(h.from) <= t && t + s.slotMinutes <= minutesOf(h.to) && (!h.services?.length || h.services.includes(s.service)));
      if (!inside) continue;
      const at = vnInstant(date, t);
      if (opts.after && at.getTime() <= opts.after.getTime()) continue;
      const iso = at.toISOString();
      const key = `${s.service}|${iso}`;
      const capacity = s.counters * s.perCounter;
      const prev = byKey.get(key);
      if (prev) {
        prev.capacity += capacity;
        prev.free = Math.max(0, prev.capacity - prev.booked);
        continue;
      }
      const taken = booked.get(key) ?? 0;
      byKey.set(key, { at: iso, date, time: hhmm(t), service: s.service, sessionId: s.id, minutes: s.slotMinutes, capacity, booked: taken, free: Math.max(0, capacity - taken) });
    }
  }
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at) || a.service.localeCompare(b.service));
}
