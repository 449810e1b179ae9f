import type { ProcessingTime } from '../catalog';
import type { DueOptions, UnitCalendar } from './calendar.types';
import { dayStatus } from './holidays';
import { addDays, dateOfDayNumber, DAY_MS, MINUTE_MS, minutesOf, VN_UTC_OFFSET_MS, vnDateOf, vnInstant, vnMsOfDay, weekday, type IsoDate } from './vn-time';

/**
 * Working days, working hours and the appointment date (ngày hẹn trả kết quả).
 *
 * Sources, and the choices made where they are silent:
 * - A deadline in working days excludes weekends and holidays (Decree 118/2025 and the national
 *   procedure records, DOMAIN.md "Deadlines" [checked]).
 * - Civil Code 2015 art. 147: a period in days starts on the day after the day that triggers it
 *   (147(2)); a period in hours starts at the triggering moment (147(1)). Art. 148(5): when the
 *   last day of a period is a weekend or holiday, it ends at the end of the next working day.
 * - The appointment is the close of the last session of the last day, not midnight
 *   (art. 148(6)): a result is handed over at the counter, which closes then. A day's sessions
 *   are the unit's own hours of that weekday when it declared them (`workingSessions`).
 */

/** Legal daily working time: 8 hours (Labour Code 2019 art. 105; 40-hour week for state bodies,
 * Decision 188/1999/QĐ-TTg). Used to turn a fraction of a working day into working time. */
export const WORKING_DAY_MS = 8 * 3_600_000;

/** Guard against a calendar that declares every day off: two years without a working day. */
const MAX_SCAN_DAYS = 732;

/**
 * A working day: Monday–Friday unless declared off (nationally or by the unit), a weekend day
 * declared worked, and not a weekday the unit declared closed every week (`week: {"3": []}`: the
 * office does no work that day, so no deadline can run or fall on it).
 */
export function isWorkingDay(date: IsoDate, cal: UnitCalendar): boolean {
  const s = dayStatus(date, cal);
  if (s) return !s.off;
  const w = weekday(date);
  if (w < 1 || w > 5) return false;
  const own = cal.week?.[String(w) as '1'];
  return !own || own.length > 0;
}

/**
 * The working sessions of a day, in minutes after midnight: the unit's own hours of that weekday
 * when it declared them (`week`, e.g. Friday 07:30–11:30), else its daily `hours`. The same
 * sessions decide when a dossier is deemed received, the time of day a deadline ends, the working
 * time of hours and fractions, and the opening hours citizens and appointments see — one rule.
 */
export function workingSessions(date: IsoDate, cal: UnitCalendar): Array<[number, number]> {
  const own = cal.week?.[String(weekday(date)) as '1'];
  if (own && own.length) return own.map((x) => [minutesOf(x.from), minutesOf(x.to)]);
  const { morning, afternoon } = cal.hours;
  return [
    [minutesOf(morning[0]), minutesOf(morning[1])],
    [minutesOf(afternoon[0]), minutesOf(afternoon[1])],
  ];
}

/**
 * The reception sessions of a unit's working Saturday ([] on any other day, on a Saturday that is
 * a day off, and on a Saturday that is a declared working day — that one has the full sessions).
 */
export function saturdaySessions(date: IsoDate, cal: UnitCalendar): Array<[string, string]> {
  const session = cal.saturday?.session ?? 'none';
  if (session === 'none' || weekday(date) !== 6) return [];
  if (dayStatus(date, cal)) return []; // a holiday, or a declared day (off, or worked in full)
  const { morning, afternoon } = cal.hours;
  return session === 'all' ? [[morning[0], morning[1]], [afternoon[0], afternoon[1]]] : [[morning[0], morning[1]]];
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

/** Whether a Saturday desk receives dossiers of this field (every field when it names no service). */
function deskServes(cal: UnitCalendar, field: string | undefined): boolean {
  const services = cal.saturday?.services ?? [];
  if (!services.length || field === undefined) return true;
  const f = fold(field);
  return services.some((s) => f.includes(fold(s)));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: UnitCalendar): IsoDate {
  return stepWorkingDay(date, 1, cal);
}

/**
 * The n-th working day after `date` (n > 0), before it (n < 0), or `date` itself when n = 0 and it
 * is a working day (otherwise the next working day).
 */
export function addWorkingDays(date: IsoDate, n: number, cal: UnitCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày làm việc phải là số nguyên (nhận được ${n})`);
  if (n === 0) return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = stepWorkingDay(d, Math.sign(n), cal);
  return d;
}

function stepWorkingDay(date: IsoDate, dir: number, cal: UnitCalendar): IsoDate {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, dir);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new RangeError(`Không tìm thấy ngày làm việc nào trong hai năm kể từ ${date}: kiểm tra lịch nghỉ đã khai báo`);
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

/** The working sessions of a day as instants, in order. */
function sessionsOf(date: IsoDate, cal: UnitCalendar): Array<[Date, Date]> {
  return workingSessions(date, cal).map(([a, b]) => [vnInstant(date, a), vnInstant(date, b)]);
}

const opening = (date: IsoDate, cal: UnitCalendar) => vnInstant(date, workingSessions(date, cal)[0]![0]);
const closing = (date: IsoDate, cal: UnitCalendar) => vnInstant(date, workingSessions(date, cal).at(-1)![1]);

/** When and on which day the office is deemed to have received a dossier. */
export interface Reception {
  /** The working day the dossier counts as received on. */
  date: IsoDate;
  /** The instant from which working time runs (receipt time, or the next opening). */
  at: Date;
  /** True when the receipt moved to a later working day (weekend, holiday, after hours, cut-off). */
  moved: boolean;
}

/**
 * A dossier received on a day off or outside office hours counts as received at the next opening
 * (the same morning when it arrives before opening, e.g. at 06:00 online; the next working day
 * when it arrives after closing). The law does not say this for every procedure; we chose it
 * because the office cannot act before it opens, and the receipt form must show a working day.
 * Receipt between two sessions (the lunch break) stays on that day and its working time starts
 * with the next session. "Closing" is that day's: a unit whose Friday ends at 11:30 deems a
 * dossier handed in on Friday at 14:00 received on the next working day.
 *
 * A unit's working Saturday (`saturday`): received that day while its desk is open, for the
 * services the desk names (DOMAIN.md: "some police procedures receive on Saturday mornings").
 *
 * Civil status: received after the cut-off (15:00) → received on the next working day
 * (DOMAIN.md [checked]: "received after 15:00 → returned the next working day"); 15:00 sharp is
 * not "after".
 */
export function receptionOf(receivedAt: Date, cal: UnitCalendar, opts: DueOptions = {}): Reception {
  assertDate(receivedAt, 'receivedAt');
  const day = vnDateOf(receivedAt);
  const ms = vnMsOfDay(receivedAt);
  const afterCutoff = opts.civilStatus === true && ms > minutesOf(cal.civilStatusCutoff) * MINUTE_MS;
  if (!isWorkingDay(day, cal)) {
    const desk = saturdaySessions(day, cal);
    const closes = desk.length ? minutesOf(desk[desk.length - 1]![1]) * MINUTE_MS : 0;
    if (desk.length && ms < closes && !afterCutoff && deskServes(cal, opts.field)) {
      const opens = minutesOf(desk[0]![0]) * MINUTE_MS;
      return { date: day, at: ms < opens ? vnInstant(day, minutesOf(desk[0]![0])) : receivedAt, moved: false };
    }
  }
  const sessions = isWorkingDay(day, cal) ? workingSessions(day, cal) : [];
  const afterHours = !sessions.length || ms >= sessions.at(-1)![1] * MINUTE_MS;
  if (afterHours || afterCutoff) {
    const next = nextWorkingDay(day, cal);
    return { date: next, at: opening(next, cal), moved: true };
  }
  // Before a session's end: inside it (from the receipt), or before it (from its start).
  const [start] = sessions.find(([, end]) => ms < end * MINUTE_MS)!;
  return { date: day, at: ms < start * MINUTE_MS ? vnInstant(day, start) : receivedAt, moved: false };
}

/**
 * The appointment (ngày hẹn trả kết quả) for a dossier received at `receivedAt`.
 *
 * - working_days: counted from the working day after the (deemed) day of receipt (Civil Code
 *   art. 147(2)); due at the close of the last session of the N-th working day. A fraction
 *   of a day is that fraction of 8 working hours (WORKING_DAY_MS), run inside the sessions after
 *   the whole days — so 0.5 day is due at 11:30 on the next working day with the default hours.
 *   Civil status (opts.civilStatus): the day of receipt itself is day 1, because the procedures
 *   that carry the 15:00 rule return "trong ngày" — "1 ngày làm việc; hồ sơ nhận sau 15 giờ thì
 *   trả kết quả trong ngày làm việc tiếp theo" only makes sense if a dossier received at 14:59 is
 *   returned the same day and one received at 15:01 the next working day.
 * - hours: working hours inside the day's sessions only, from the moment of
 *   receipt (art. 147(1)); received outside the sessions, from the next session's start.
 * - days: calendar days from the day after the (deemed) day of receipt; due at the close of the
 *   last day, or of the next working day when the last day is a day off (art. 148(5)). A fraction
 *   of a calendar day cannot be a date: it is rounded up (the law is silent; procedures in
 *   calendar days are whole numbers in practice).
 */
export function computeDueAt(receivedAt: Date, time: ProcessingTime, cal: UnitCalendar, opts: DueOptions = {}): Date {
  if (!Number.isFinite(time.value) || time.value <= 0) {
    throw new RangeError(`Thời hạn giải quyết phải là số dương (nhận được ${time.value})`);
  }
  const rec = receptionOf(receivedAt, cal, opts);
  switch (time.unit) {
    case 'hours':
      return addWorkingMillis(rec.at, Math.round(time.value * 3_600_000), cal);
    case 'days': {
      const last = addDays(rec.date, Math.ceil(time.value - 1e-9));
      return closing(isWorkingDay(last, cal) ? last : nextWorkingDay(last, cal), cal);
    }
    case 'working_days': {
      // Tolerate float noise from stored values like 2.4999999999.
      const whole = Math.floor(time.value + 1e-9);
      const fraction = Math.max(0, time.value - whole);
      const fractionMs = fraction < 1e-9 ? 0 : Math.round(fraction * WORKING_DAY_MS);
      // A Saturday desk's day is a day of reception, not a working day of the deadline: day 1 is
      // the next working day even for civil status.
      const dayOne = opts.civilStatus && isWorkingDay(rec.date, cal) ? rec.date : nextWorkingDay(rec.date, cal);
      if (whole === 0) {
        // Only a fraction: it runs from the start of day 1 (or from the receipt itself when the
        // day of receipt is day 1, i.e. civil status).
        return addWorkingMillis(dayOne === rec.date ? rec.at : opening(dayOne, cal), fractionMs, cal);
      }
      const lastDay = addWorkingDays(dayOne, whole - 1, cal);
      return addWorkingMillis(closing(lastDay, cal), fractionMs, cal);
    }
  }
}

/**
 * `from` moved forward by `ms` of working time (time inside the sessions of working days). Ending
 * exactly at the end of a session gives that end (11:30 rather than 13:30). 0 returns `from`.
 */
export function addWorkingMillis(from: Date, ms: number, cal: UnitCalendar): Date {
  assertDate(from, 'from');
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Thời gian làm việc cộng thêm phải là số không âm (nhận được ${ms})`);
  if (ms === 0) return new Date(from.getTime());
  let t = from.getTime();
  let remaining = ms;
  let day = vnDateOf(from);
  if (!isWorkingDay(day, cal)) day = nextWorkingDay(day, cal);
  for (;;) {
    for (const [s, e] of sessionsOf(day, cal)) {
      if (t >= e.getTime()) continue;
      const start = Math.max(t, s.getTime());
      const available = e.getTime() - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
      t = e.getTime();
    }
    day = nextWorkingDay(day, cal);
  }
}

/**
 * Working time between two instants: the overlap of [a, b] with the sessions of working days.
 * Negative when b is before a. Used to stop the clock while a citizen supplements a dossier
 * (the waiting time is excluded from the deadline: DOMAIN.md [secondary]).
 */
export function workingMillisBetween(a: Date, b: Date, cal: UnitCalendar): number {
  assertDate(a, 'a');
  assertDate(b, 'b');
  if (b.getTime() < a.getTime()) return -workingMillisBetween(b, a, cal);
  let total = 0;
  const last = vnDateOf(b);
  for (let day = vnDateOf(a); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day, cal)) continue;
    for (const [s, e] of sessionsOf(day, cal)) {
      const overlap = Math.min(e.getTime(), b.getTime()) - Math.max(s.getTime(), a.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * `workingMillisBetween(from, b, cal)` for many `b` (a worklist page: the time left of each of its
 * rows, some due months ago): each day's working time is computed once, and the full days between
 * `from` and `b` are summed from running totals instead of walked day by day for every row.
 * Same result as workingMillisBetween for every `b`.
 */
export function workingMillisFrom(from: Date, cal: UnitCalendar): (b: Date) => number {
  assertDate(from, 'from');
  const dayOf = (t: number) => Math.floor((t + VN_UTC_OFFSET_MS) / DAY_MS);
  const fromMs = from.getTime();
  const fromDay = dayOf(fromMs);
  // A day's sessions as [start, end] instants in ms ([] when the office is closed), made once.
  const cache = new Map<number, Array<[number, number]>>();
  const sessions = (n: number) => {
    let v = cache.get(n);
    if (!v) {
      const day = dateOfDayNumber(n);
      v = isWorkingDay(day, cal) ? sessionsOf(day, cal).map(([st, e]) => [st.getTime(), e.getTime()] as [number, number]) : [];
      cache.set(n, v);
    }
    return v;
  };
  /** Working time of day n between the instants lo and hi. */
  const within = (n: number, lo: number, hi: number) => sessions(n).reduce((t, [st, e]) => t + Math.max(0, Math.min(e, hi) - Math.max(st, lo)), 0);
  // after[k]: full days fromDay+1 … fromDay+k; before[k]: full days fromDay−k … fromDay−1.
  const after = [0];
  const before = [0];
  const full = (sums: number[], k: number, dir: 1 | -1) => {
    for (let i = sums.length; i <= k; i++) sums.push(sums[i - 1]! + within(fromDay + dir * i, -Infinity, Infinity));
    return sums[k]!;
  };
  return (b: Date) => {
    assertDate(b, 'b');
    const bMs = b.getTime();
    const bDay = dayOf(bMs);
    if (bDay === fromDay) return bMs >= fromMs ? within(fromDay, fromMs, bMs) : -within(fromDay, bMs, fromMs);
    // The first day from its instant on, the full days in between, the last day up to its instant.
    if (bDay > fromDay) return within(fromDay, fromMs, Infinity) + full(after, bDay - fromDay - 1, 1) + within(bDay, -Infinity, bMs);
    return -(within(bDay, bMs, Infinity) + full(before, fromDay - bDay - 1, -1) + within(fromDay, -Infinity, fromMs));
  };
}

/**
 * The appointment moved later by an amount of working time, e.g. the working time the dossier
 * spent waiting for a supplement: extendDueAt(dueAt, workingMillisBetween(pausedAt, resumedAt)).
 * The result may fall inside a session (a paused hour moves 17:00 to 08:30 the next working day).
 */
export function extendDueAt(dueAt: Date, pausedWorkingMillis: number, cal: UnitCalendar): Date {
  return addWorkingMillis(dueAt, pausedWorkingMillis, cal);
}

function assertDate(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name}: thời điểm không hợp lệ`);
}

/**
 * A due date laid on a changed calendar (a unit's new day off, working Saturday or hours): the same
 * number of working days after the day of receipt, and the same place in the last day — its close
 * when it was due at the close (the appointment of a procedure in working days), else the same
 * working time after that day's opening. A dossier received on Monday and due "5 working days"
 * later is due at the close of the 5th working day of the new calendar, as one received under it
 * would be; a shorter Friday does not move it by hours.
 */
export function moveDueAt(receivedAt: Date, dueAt: Date, before: UnitCalendar, after: UnitCalendar): Date {
  assertDate(receivedAt, 'receivedAt');
  assertDate(dueAt, 'dueAt');
  const start = receptionOf(receivedAt, before).date;
  const dueDay = vnDateOf(dueAt);
  if (dueDay <= start || !isWorkingDay(dueDay, before)) {
    // Not a day of the count (due on the day of receipt, or outside the calendar): same working time.
    return addWorkingMillis(receivedAt, Math.max(0, workingMillisBetween(receivedAt, dueAt, before)), after);
  }
  let n = 0;
  for (let d = start; d < dueDay; d = addDays(d, 1)) if (isWorkingDay(addDays(d, 1), before)) n++;
  const newDay = addWorkingDays(start, n, after);
  if (dueAt.getTime() >= closing(dueDay, before).getTime()) return closing(newDay, after);
  const into = workingMillisBetween(opening(dueDay, before), dueAt, before);
  return into <= 0 ? opening(newDay, after) : addWorkingMillis(opening(newDay, after), into, after);
}

/** Length of one working day of this unit (7.5 hours with the default hours). */
export function workingDayLength(cal: UnitCalendar): number {
  const { morning, afternoon } = cal.hours;
  return (minutesOf(morning[1]) - minutesOf(morning[0]) + minutesOf(afternoon[1]) - minutesOf(afternoon[0])) * MINUTE_MS;
}

