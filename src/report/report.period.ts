import { ValidationError } from '../shared/errors';
import type { DataSet, EventPhase, PeriodType } from './report.types';

/**
 * Reporting periods with DHIS2's codes: daily `20261203`, weekly ISO `2026W49`, monthly `202612`,
 * quarterly `2026Q4`, yearly `2026`. An event data set (election day) has phases, each one day
 * relative to the event; a phase's period code is that day's daily code, so what we send DHIS2
 * stays a valid period. Days are calendar days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
 */
export interface Period {
  type: PeriodType;
  code: string;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  /** For an event data set, the phase. */
  phase?: EventPhase;
}

/** What the event arithmetic needs of a data set. */
export type EventContext = Pick<DataSet, 'eventDate' | 'eventPhases'>;

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const bad = (code: string, why: string) => new ValidationError(`Kỳ báo cáo "${code}" không hợp lệ: ${why}.`, [{ field: 'period', code: 'invalid_period', message: why }], 'invalid_period');

/** YYYY-MM-DD of a UTC midnight timestamp. */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => iso(ms(day) + n * DAY_MS);

/** The calendar day in Hà Nội of an instant. */
export function vnDay(now: Date): string {
  return iso(Math.floor((now.getTime() + VN_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** An instant from a Hà Nội day and time (HH:MM). */
export function vnInstant(day: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(ms(day) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000 - VN_OFFSET_MS);
}

const validDay = (y: number, m: number, d: number) => {
  const t = Date.UTC(y, m - 1, d);
  const x = new Date(t);
  return y >= 1900 && y <= 2999 && x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d;
};
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dailyCode = (day: string) => day.replaceAll('-', '');

/** Monday of ISO week 1 of a year (the week holding 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - dow * DAY_MS;
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday (ISO 8601). */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS);
}

/** The ISO week (year, week) a day belongs to: 2027-01-01 is in 2026W53. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const t = ms(day);
  let year = Number(day.slice(0, 4)) + 1;
  while (isoWeekOneMonday(year) > t) year--;
  return { year, week: Math.floor((t - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1 };
}

function phasePeriods(ctx: EventContext | undefined): Array<{ code: string; day: string; phase: EventPhase }> {
  if (!ctx?.eventDate) return [];
  return [...ctx.eventPhases].sort((a, b) => a.offsetDays - b.offsetDays).map((phase) => {
    const day = addDays(ctx.eventDate!, phase.offsetDays);
    return { code: dailyCode(day), day, phase };
  });
}

/** Reads a period code of a type; throws `invalid_period` (Vietnamese message) when it is not one. */
export function parsePeriod(type: PeriodType, code: string, event?: EventContext): Period {
  const c = String(code ?? '').trim();
  switch (type) {
    case 'daily': {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(c);
      if (!m || !validDay(+m[1]!, +m[2]!, +m[3]!)) throw bad(c, 'kỳ ngày có dạng NămThángNgày, ví dụ 20261203');
      const day = `${m[1]}-${m[2]}-${m[3]}`;
      return { type, code: c, start: day, end: day };
    }
    case 'weekly': {
      const m = /^(\d{4})W(\d{1,2})$/.exec(c);
      if (!m) throw bad(c, 'kỳ tuần có dạng NămWTuần, ví dụ 2026W49');
      const year = +m[1]!;
      const week = +m[2]!;
      if (week < 1 || week > isoWeeksInYear(year)) throw bad(c, `năm ${year} có ${isoWeeksInYear(year)} tuần`);
      const start = isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS;
      return { type, code: `${year}W${week}`, start: iso(start), end: iso(start + 6 * DAY_MS) };
    }
    case 'monthly': {
      const m = /^(\d{4})(\d{2})$/.exec(c);
      if (!m || +m[2]! < 1 || +m[2]! > 12) throw bad(c, 'kỳ tháng có dạng NămTháng, ví dụ 202612');
      const y = +m[1]!;
      const mo = +m[2]!;
      return { type, code: c, start: `${y}-${pad(mo)}-01`, end: iso(Date.UTC(y, mo, 0)) };
    }
    case 'quarterly': {
      const m = /^(\d{4})Q([1-4])$/.exec(c);
      if (!m) throw bad(c, 'kỳ quý có dạng NămQQuý, ví dụ 2026Q4');
      const y = +m[1]!;
      const q = +m[2]!;
      return { type, code: c, start: `${y}-${pad(q * 3 - 2)}-01`, end: iso(Date.UTC(y, q * 3, 0)) };
    }
    case 'yearly': {
      if (!/^\d{4}$/.test(c)) throw bad(c, 'kỳ năm có dạng Năm, ví dụ 2026');
      return { type, code: c, start: `${c}-01-01`, end: `${c}-12-31` };
    }
    case 'event': {
      const p = phasePeriods(event).find((x) => x.code === c);
      if (!p) {
        const list = phasePeriods(event).map((x) => `${x.code} (${x.phase.name})`).join(', ');
        throw bad(c, list ? `kỳ của sự kiện là một trong: ${list}` : 'báo cáo chưa có ngày sự kiện');
      }
      return { type, code: c, start: p.day, end: p.day, phase: p.phase };
    }
  }
}

export function periodRange(p: Period): { start: string; end: string } {
  return { start: p.start, end: p.end };
}

/** The period that contains a day (for an event: the phase of that day, else undefined). */
export function periodOfDay(type: PeriodType, day: string, event?: EventContext): string | undefined {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (type) {
    case 'daily':
      return dailyCode(day);
    case 'weekly': {
      const w = isoWeekOf(day);
      return `${w.year}W${w.week}`;
    }
    case 'monthly':
      return `${y}${pad(m)}`;
    case 'quarterly':
      return `${y}Q${Math.ceil(m / 3)}`;
    case 'yearly':
      return String(y);
    case 'event':
      return phasePeriods(event).find((p) => p.day === day)?.code;
  }
}

/** The period before (for an event: the previous phase, undefined before the first). */
export function previousPeriod(type: PeriodType, code: string, event?: EventContext): string | undefined {
  const p = parsePeriod(type, code, event);
  if (type === 'event') {
    const all = phasePeriods(event);
    const i = all.findIndex((x) => x.code === p.code);
    return i > 0 ? all[i - 1]!.code : undefined;
  }
  return periodOfDay(type, addDays(p.start, -1));
}

export function nextPeriod(type: PeriodType, code: string, event?: EventContext): string | undefined {
  const p = parsePeriod(type, code, event);
  if (type === 'event') {
    const all = phasePeriods(event);
    const i = all.findIndex((x) => x.code === p.code);
    return i >= 0 && i < all.length - 1 ? all[i + 1]!.code : undefined;
  }
  return periodOfDay(type, addDays(p.end, 1));
}

/**
 * The period being reported now: the one holding today in Hà Nội. For an event, today's phase,
 * else the last phase already begun, else the first.
 */
export function currentPeriod(type: PeriodType, now: Date, event?: EventContext): string | undefined {
  const today = vnDay(now);
  if (type !== 'event') return periodOfDay(type, today);
  const all = phasePeriods(event);
  return ([...all].reverse().find((p) => p.day <= today) ?? all[0])?.code;
}

/** The last `n` periods up to the current one, newest first (event: every phase). */
export function recentPeriods(type: PeriodType, now: Date, n: number, event?: EventContext): string[] {
  if (type === 'event') return phasePeriods(event).map((p) => p.code).reverse();
  const out: string[] = [];
  let c = currentPeriod(type, now);
  while (c && out.length < n) {
    out.push(c);
    c = previousPeriod(type, c);
  }
  return out;
}

/**
 * When a period's report is due: `time` (Hà Nội) `daysAfter` days after the period's last day; for
 * an event, the phase's time on the phase's day.
 */
export function periodDeadline(ds: Pick<DataSet, 'periodType' | 'deadline' | 'eventDate' | 'eventPhases'>, code: string): Date {
  const p = parsePeriod(ds.periodType, code, ds);
  if (p.phase) return vnInstant(p.start, p.phase.deadlineTime || '23:59');
  return vnInstant(addDays(p.end, ds.deadline.daysAfter ?? 0), ds.deadline.time || '23:59');
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** A period in words: "Ngày 03/12/2026", "Tuần 49/2026 (30/11/2026 – 06/12/2026)", "Quý IV/2026". */
export function periodLabel(p: Period): string {
  switch (p.type) {
    case 'daily':
      return `Ngày ${dmy(p.start)}`;
    case 'weekly':
      return `Tuần ${p.code.split('W')[1]}/${p.code.slice(0, 4)} (${dmy(p.start)} – ${dmy(p.end)})`;
    case 'monthly':
      return `Tháng ${p.start.slice(5, 7)}/${p.start.slice(0, 4)}`;
    case 'quarterly':
      return `Quý ${ROMAN[Number(p.code.slice(5)) - 1]}/${p.code.slice(0, 4)}`;
    case 'yearly':
      return `Năm ${p.code}`;
    case 'event':
      return `${p.phase?.name ?? 'Giai đoạn'} (${dmy(p.start)})`;
  }
}
