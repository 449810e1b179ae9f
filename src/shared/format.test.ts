import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, TIME_ZONE } from './format';

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

describe('dates are shown in Vietnam’s time zone', () => {
  it('gives what Intl gives for Asia/Ho_Chi_Minh, at day and year boundaries and over a century of times', () => {
    const times = [
      '2026-12-06T16:59:59.999Z', // 23:59 on the 6th in Vietnam
      '2026-12-06T17:00:00.000Z', // 00:00 on the 7th
      '2026-12-31T17:00:00Z', // New Year in Vietnam, still the 31st in UTC
      '2024-02-28T17:30:00Z', // 29 February
      '1976-01-01T00:00:00Z',
      '1975-12-31T16:59:00Z', // before the fixed offset is used: Intl's answer
      '1960-06-01T12:00:00Z', // UTC+8 then
      '9999-12-31T16:00:00Z',
    ].map((s) => new Date(s));
    let seed = 35;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) times.push(new Date(Date.UTC(1970, 0, 1) + (next() / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1970, 0, 1))));
    for (const t of times) {
      expect(formatDate(t), t.toISOString()).toBe(dateFmt.format(t));
      expect(formatDateTime(t.toISOString()), t.toISOString()).toBe(`${timeFmt.format(t)} ${dateFmt.format(t)}`);
    }
    expect(formatDateTime('2026-12-06T17:05:00Z')).toBe('00:05 07/12/2026');
    expect(formatDate('2026-12-31T17:00:00Z')).toBe('01/01/2027');
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});
