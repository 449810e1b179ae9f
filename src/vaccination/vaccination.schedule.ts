/**
 * A child's schedule from the birth date: calendar days (YYYY-MM-DD, Vietnam's calendar), no time
 * of day and no time zone once the birth date is known.
 *
 * The rule for "N months old": the same day of the month, N months later; when that month has no
 * such day (born on the 31st, or on 29 February), the last day of that month. So a child born on
 * 31 January is 1 month old on 28 February (29 February in a leap year), 2 months old on 31 March
 * and 3 months old on 30 April; a child born on 29 February 2024 is 12 months old on 28 February
 * 2025 and 48 months old on 29 February 2028. Each age is counted from the birth date (never from
 * the previous month's clamped day), so a short month does not shift later doses. This is the rule
 * the Civil Code 2015 (art. 148, periods in months) gives for the end of a period counted in months
 * [memory: as we read it]. Days after the months ("12 months and 14 days") are added to that day.
 */
import type { ScheduleDose } from './vaccination.tcmr';

const DAY_MS = 86_400_000;

/** Days in a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The day N months after `day`, clamped to the last day of a shorter month. */
export function addMonthsClamped(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The day a dose is due: months (clamped), then days. */
export function dueDate(birthDate: string, dose: Pick<ScheduleDose, 'months' | 'days'>): string {
  return addDays(addMonthsClamped(birthDate, dose.months), dose.days);
}

/** Reminders cover the child up to this day (24 months old), exclusive. */
export const REMINDER_MONTHS = 24;
export function endDate(birthDate: string): string {
  return addMonthsClamped(birthDate, REMINDER_MONTHS);
}

export interface ScheduledDose extends ScheduleDose {
  dueDate: string;
}

/** The doses due before the child is 24 months old, by due date (then as listed). */
export function scheduleFor(birthDate: string, doses: readonly ScheduleDose[]): ScheduledDose[] {
  const end = endDate(birthDate);
  return doses
    .map((d, i) => ({ d: { ...d, dueDate: dueDate(birthDate, d) }, i }))
    .filter(({ d }) => d.dueDate < end)
    .sort((a, b) => a.d.dueDate.localeCompare(b.d.dueDate) || a.i - b.i)
    .map(({ d }) => d);
}

/** Today's date in Vietnam (UTC+7, no daylight saving). */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Hour of the day in Vietnam. */
export function vnHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCHours();
}

/** '31/03/2026'. */
export function dmy(day: string): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

/** ISO week of a day: '2026-W49' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** Monday and Sunday of an ISO week ('2026-W49'); undefined when it is not a week. */
export function weekDays(week: string): { from: string; to: string } | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const from = new Date(mondayOfWeek1 + (n - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  if (n < 1 || isoWeekOf(from) !== week) return undefined;
  return { from, to: addDays(from, 6) };
}
