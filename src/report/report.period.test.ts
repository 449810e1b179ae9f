import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import { currentPeriod, isoWeekOf, isoWeeksInYear, nextPeriod, parsePeriod, periodDeadline, periodLabel, previousPeriod, recentPeriods } from './report.period';
import type { EventPhase } from './report.types';

const ELECTION = {
  eventDate: '2026-03-15',
  eventPhases: [
    { code: 'TRONG', name: 'Trong ngày bầu cử', offsetDays: 0, deadlineTime: '20:00' },
    { code: 'TRUOC', name: 'Trước ngày bầu cử', offsetDays: -1, deadlineTime: '17:00' },
    { code: 'SAU', name: 'Sau ngày bầu cử', offsetDays: 1, deadlineTime: '11:00' },
  ] satisfies EventPhase[],
};

describe('report periods (DHIS2 codes, Asia/Ho_Chi_Minh)', () => {
  it('ISO weeks: 2026 and 2020 have 53 weeks, 2027 has 52; a new year may start in the old year\'s week', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // 1 January 2026 is a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(parsePeriod('weekly', '2026W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(() => parsePeriod('weekly', '2027W53')).toThrow(/năm 2027 có 52 tuần/);
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 }); // Monday of 2026W1
    expect(parsePeriod('weekly', '2026W1')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parsePeriod('weekly', '2026W49')).toMatchObject({ start: '2026-11-30', end: '2026-12-06' });
    // Zero-padded input is read, DHIS2's unpadded code is kept.
    expect(parsePeriod('weekly', '2026W09').code).toBe('2026W9');
    expect(previousPeriod('weekly', '2027W1')).toBe('2026W53');
    expect(nextPeriod('weekly', '2026W53')).toBe('2027W1');
    expect(previousPeriod('weekly', '2026W1')).toBe('2025W52');
  });

  it('days, months, quarters and years, with the period before', () => {
    expect(parsePeriod('daily', '20261203')).toMatchObject({ start: '2026-12-03', end: '2026-12-03' });
    expect(() => parsePeriod('daily', '20260230')).toThrow(ValidationError);
    expect(() => parsePeriod('daily', '2026-12-03')).toThrow(/ví dụ 20261203/);
    expect(previousPeriod('daily', '20260301')).toBe('20260228');
    expect(previousPeriod('daily', '20280301')).toBe('20280229');
    expect(parsePeriod('monthly', '202602')).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriod('monthly', '202802')).toMatchObject({ end: '2028-02-29' });
    expect(() => parsePeriod('monthly', '202613')).toThrow(ValidationError);
    expect(previousPeriod('monthly', '202601')).toBe('202512');
    expect(parsePeriod('quarterly', '2026Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('quarterly', '2026Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(() => parsePeriod('quarterly', '2026Q5')).toThrow(ValidationError);
    expect(previousPeriod('quarterly', '2026Q1')).toBe('2025Q4');
    expect(parsePeriod('yearly', '2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(previousPeriod('yearly', '2026')).toBe('2025');
    expect(periodLabel(parsePeriod('quarterly', '2026Q4'))).toBe('Quý IV/2026');
    expect(periodLabel(parsePeriod('weekly', '2026W49'))).toBe('Tuần 49/2026 (30/11/2026 – 06/12/2026)');
  });

  it('the current period is the one of today in Hà Nội (UTC+7), not in UTC', () => {
    // 3 December 2026, 18:30 UTC is 4 December 01:30 in Hà Nội.
    const now = new Date('2026-12-03T18:30:00Z');
    expect(currentPeriod('daily', now)).toBe('20261204');
    expect(currentPeriod('daily', new Date('2026-12-03T16:59:00Z'))).toBe('20261203');
    expect(currentPeriod('weekly', now)).toBe('2026W49');
    expect(currentPeriod('monthly', new Date('2026-12-31T17:00:00Z'))).toBe('202701');
    expect(currentPeriod('quarterly', now)).toBe('2026Q4');
    expect(recentPeriods('daily', now, 3)).toEqual(['20261204', '20261203', '20261202']);
  });

  it('event phases: one day each around the event day, in order, with the period before', () => {
    expect(parsePeriod('event', '20260314', ELECTION)).toMatchObject({ start: '2026-03-14', phase: { code: 'TRUOC' } });
    expect(parsePeriod('event', '20260316', ELECTION).phase?.name).toBe('Sau ngày bầu cử');
    expect(() => parsePeriod('event', '20260317', ELECTION)).toThrow(/20260314 \(Trước ngày bầu cử\)/);
    expect(previousPeriod('event', '20260315', ELECTION)).toBe('20260314');
    expect(previousPeriod('event', '20260314', ELECTION)).toBeUndefined();
    expect(nextPeriod('event', '20260316', ELECTION)).toBeUndefined();
    expect(recentPeriods('event', new Date('2026-12-03T18:30:00Z'), 10, ELECTION)).toEqual(['20260316', '20260315', '20260314']);
    expect(currentPeriod('event', new Date('2026-03-15T05:00:00Z'), ELECTION)).toBe('20260315');
    expect(currentPeriod('event', new Date('2026-01-01T05:00:00Z'), ELECTION)).toBe('20260314');
    expect(currentPeriod('event', new Date('2026-12-01T05:00:00Z'), ELECTION)).toBe('20260316');
    expect(periodLabel(parsePeriod('event', '20260315', ELECTION))).toBe('Trong ngày bầu cử (15/03/2026)');
  });

  it('deadlines: a time in Hà Nội some days after the period ends, or a time on the phase\'s day', () => {
    const daily = { periodType: 'daily' as const, deadline: { daysAfter: 0, time: '17:00' }, eventDate: null, eventPhases: [] };
    expect(periodDeadline(daily, '20261203').toISOString()).toBe('2026-12-03T10:00:00.000Z');
    const monthly = { ...daily, periodType: 'monthly' as const, deadline: { daysAfter: 5, time: '23:59' } };
    // December ends on the 31st; five days later is 5 January.
    expect(periodDeadline(monthly, '202612').toISOString()).toBe('2027-01-05T16:59:00.000Z');
    const weekly = { ...daily, periodType: 'weekly' as const, deadline: { daysAfter: 1, time: '08:00' } };
    expect(periodDeadline(weekly, '2026W53').toISOString()).toBe('2027-01-04T01:00:00.000Z');
    const event = { periodType: 'event' as const, deadline: { daysAfter: 0, time: '23:59' }, ...ELECTION };
    expect(periodDeadline(event, '20260315').toISOString()).toBe('2026-03-15T13:00:00.000Z');
    expect(periodDeadline(event, '20260314').toISOString()).toBe('2026-03-14T10:00:00.000Z');
  });
});
