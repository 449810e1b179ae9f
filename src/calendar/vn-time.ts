/**
 * Wall-clock arithmetic in Vietnam's time zone (Asia/Ho_Chi_Minh).
 *
 * Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for every
 * date this application will see, and it keeps the calendar independent of the server's TZ and of
 * the ICU data shipped with Node. If the country ever adopts DST, this file is the one to change.
 *
 * Calendar days are 'YYYY-MM-DD' strings (the storage format of STYLE.md); instants are JS Dates.
 */

export const VN_UTC_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed date that exists in the Gregorian calendar ('2025-02-29' is false). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01. Throws on a malformed date so a typo never becomes a silent NaN. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): "${date}"`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The calendar day in Vietnam at this instant. */
export function vnDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + VN_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since local midnight in Vietnam. */
export function vnMsOfDay(instant: Date): number {
  const local = instant.getTime() + VN_UTC_OFFSET_MS;
  return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant `minutes` after local midnight of `date` in Vietnam. */
export function vnInstant(date: IsoDate, minutes: number): Date {
  return new Date(dayNumber(date) * DAY_MS - VN_UTC_OFFSET_MS + minutes * MINUTE_MS);
}

/** '07:30' -> 450. The format is validated by the schemas; this only converts. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
