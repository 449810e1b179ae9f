import { describe, expect, it } from 'vitest';
import { addMonthsClamped, dueDate, endDate, isoWeekOf, isValidDay, scheduleFor, weekDays } from './vaccination.schedule';
import { TCMR_SCHEDULE } from './vaccination.tcmr';

const due = (birth: string) => Object.fromEntries(scheduleFor(birth, TCMR_SCHEDULE).map((d) => [d.key, d.dueDate]));

describe('month arithmetic of a child\'s age', () => {
  it('born on 31 January: the month\'s last day when the month is shorter, counted from the birth date each time', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-01-31', 4)).toBe('2026-05-31');
    // A leap year's February has its 29th.
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    const d = due('2026-01-31');
    expect(d['dpt-vgb-hib-1']).toBe('2026-03-31');
    expect(d['dpt-vgb-hib-2']).toBe('2026-04-30');
    expect(d['dpt-vgb-hib-3']).toBe('2026-05-31');
    expect(d['ipv-1']).toBe('2026-06-30');
    expect(d['soi-1']).toBe('2026-10-31');
    expect(d['vnnb-1']).toBe('2027-01-31');
    // 12 months and 14 days.
    expect(d['vnnb-2']).toBe('2027-02-14');
    expect(d['soi-rubella']).toBe('2027-07-31');
    expect(endDate('2026-01-31')).toBe('2028-01-31');
  });

  it('born on 29 February: 28 February in common years, 29 February again four years on', () => {
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(endDate('2028-02-29')).toBe('2030-02-28');
    const d = due('2028-02-29');
    expect(d['vgb-so-sinh']).toBe('2028-02-29');
    expect(d['dpt-vgb-hib-1']).toBe('2028-04-29');
    expect(d['vnnb-1']).toBe('2029-02-28');
    expect(d['vnnb-2']).toBe('2029-03-14');
    expect(d['soi-rubella']).toBe('2029-08-29');
    // Across the end of a year, and backwards (the demo's birth dates).
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('lists the doses by day, leaves out any dose at or after 24 months', () => {
    const s = scheduleFor('2026-01-31', [...TCMR_SCHEDULE, { key: 'late', vaccine: 'Thử', dose: 'Mũi 1', months: 23, days: 31, note: '' }]);
    expect(s.map((x) => x.dueDate)).toEqual([...s.map((x) => x.dueDate)].sort());
    expect(s.find((x) => x.key === 'late')).toBeUndefined();
    // 23 months and 31 days is the 24-month day itself (2028-01-31): out; a day earlier is in.
    expect(dueDate('2026-01-31', { months: 23, days: 30 })).toBe('2028-01-30');
    expect(scheduleFor('2026-01-31', [{ key: 'x', vaccine: 'Thử', dose: 'Mũi 1', months: 23, days: 30, note: '' }])).toHaveLength(1);
  });

  it('reads days and ISO weeks', () => {
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isoWeekOf('2026-12-04')).toBe('2026-W49');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(weekDays('2026-W49')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekDays('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekDays('2025-W53')).toBeUndefined();
    expect(weekDays('tuần này')).toBeUndefined();
  });
});
