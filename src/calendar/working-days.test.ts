import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import {
  addWorkingDays,
  computeDueAt,
  extendDueAt,
  isWorkingDay,
  moveDueAt,
  nextWorkingDay,
  parseUnitCalendar,
  receptionOf,
  workingMillisBetween,
  workingMillisFrom,
  type UnitCalendar,
} from '.';

const cal = parseUnitCalendar({});
const HOUR = 3_600_000;
/** Vietnam wall-clock rendering of an instant, to compare with literal appointments. */
const vn = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 19) + '+07:00';
const at = (s: string) => new Date(s);
const wd = (value: number) => ({ value, unit: 'working_days' as const });
const due = (received: string, time: Parameters<typeof computeDueAt>[1], c: UnitCalendar = cal, civilStatus = false) =>
  vn(computeDueAt(at(received), time, c, { civilStatus }));

/** The 2024 swap: Monday 29 April off, Saturday 4 May worked in exchange. */
const swap2024 = parseUnitCalendar({
  holidays: {
    '2024': {
      daysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' }],
      workingDays: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4' }],
    },
  },
});

describe('isWorkingDay / nextWorkingDay / addWorkingDays', () => {
  it('works Monday to Friday, not on weekends or holidays', () => {
    expect(isWorkingDay('2025-03-03', cal)).toBe(true); // Monday
    expect(isWorkingDay('2025-03-07', cal)).toBe(true); // Friday
    expect(isWorkingDay('2025-03-08', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09', cal)).toBe(false); // Sunday
    expect(isWorkingDay('2025-04-30', cal)).toBe(false); // Wednesday, Ngày Chiến thắng
  });

  it('obeys a declared working Saturday and a declared day off', () => {
    expect(isWorkingDay('2024-05-04', swap2024)).toBe(true);
    expect(isWorkingDay('2024-04-29', swap2024)).toBe(false);
    const unit = parseUnitCalendar({ workingDays: [{ date: '2025-03-08', name: 'Tiếp nhận hồ sơ cư trú sáng thứ Bảy' }] });
    expect(isWorkingDay('2025-03-08', unit)).toBe(true);
  });

  it('skips 30/4 and 1/5 to the next working day', () => {
    expect(nextWorkingDay('2025-04-29', cal)).toBe('2025-05-02');
    expect(nextWorkingDay('2025-03-07', cal)).toBe('2025-03-10');
  });

  it('adds working days across New Year, and counts back', () => {
    expect(addWorkingDays('2024-12-30', 3, cal)).toBe('2025-01-03');
    expect(addWorkingDays('2025-01-02', -1, cal)).toBe('2024-12-31');
    expect(addWorkingDays('2025-03-08', 0, cal)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-07', 0, cal)).toBe('2025-03-07');
  });

  it('rejects malformed dates rather than guessing', () => {
    expect(() => isWorkingDay('2025-13-01', cal)).toThrow(RangeError);
  });
});

describe('computeDueAt: working days', () => {
  it('counts from the next working day and is due at the close of the afternoon of the N-th', () => {
    expect(due('2025-03-03T09:00:00+07:00', wd(3))).toBe('2025-03-06T17:00:00+07:00');
    expect(due('2025-03-03T09:00:00+07:00', wd(1))).toBe('2025-03-04T17:00:00+07:00');
  });

  it('crosses the year boundary and New Year’s Day (received Mon 30/12/2024, 3 days)', () => {
    // Tue 31/12 (1), Wed 1/1 holiday, Thu 2/1 (2), Fri 3/1 (3).
    expect(due('2024-12-30T10:00:00+07:00', wd(3))).toBe('2025-01-03T17:00:00+07:00');
  });

  it('lands after Tết when received just before it (Fri 13/2/2026, 3 days)', () => {
    // Weekend, Tết Mon 16 – Fri 20, weekend, then Mon 23 (1), Tue 24 (2), Wed 25 (3).
    expect(due('2026-02-13T10:00:00+07:00', wd(3))).toBe('2026-02-25T17:00:00+07:00');
  });

  it('skips Giỗ Tổ and its compensatory Monday, then 30/4 and 1/5 (Fri 24/4/2026, 3 days)', () => {
    // Sun 26/4 Giỗ Tổ → Mon 27/4 off; Tue 28 (1), Wed 29 (2), Thu 30/4 and Fri 1/5 off, Mon 4/5 (3).
    expect(due('2026-04-24T09:00:00+07:00', wd(3))).toBe('2026-05-04T17:00:00+07:00');
  });

  it('skips Giỗ Tổ on a weekday (received Fri 4/4/2025, Giỗ Tổ Mon 7/4)', () => {
    expect(due('2025-04-04T09:00:00+07:00', wd(1))).toBe('2025-04-08T17:00:00+07:00');
  });

  it('skips both National Days (received Fri 29/8/2025; 1/9 and 2/9 off)', () => {
    expect(due('2025-08-29T09:00:00+07:00', wd(1))).toBe('2025-09-03T17:00:00+07:00');
  });

  it('counts a declared working Saturday and skips a declared day off (30/4 – 1/5/2024 swap)', () => {
    // Fri 26/4: Mon 29/4 swapped off, 30/4 and 1/5 holidays, Thu 2/5 (1), Fri 3/5 (2), Sat 4/5 (3).
    expect(due('2024-04-26T09:00:00+07:00', wd(2), swap2024)).toBe('2024-05-03T17:00:00+07:00');
    expect(due('2024-04-26T09:00:00+07:00', wd(3), swap2024)).toBe('2024-05-04T17:00:00+07:00');
    // Without the declarations Monday 29/4 is day 1.
    expect(due('2024-04-26T09:00:00+07:00', wd(3))).toBe('2024-05-03T17:00:00+07:00');
  });

  it('skips a day off the unit declared itself', () => {
    const unit = parseUnitCalendar({ daysOff: [{ date: '2025-03-04', name: 'Đại hội đại biểu Đảng bộ xã' }] });
    expect(due('2025-03-03T09:00:00+07:00', wd(1), unit)).toBe('2025-03-05T17:00:00+07:00');
  });

  it('treats a dossier received on Saturday as received on Monday', () => {
    expect(due('2025-03-08T10:00:00+07:00', wd(1))).toBe('2025-03-11T17:00:00+07:00');
    expect(receptionOf(at('2025-03-08T10:00:00+07:00'), cal)).toEqual({
      date: '2025-03-10',
      at: at('2025-03-10T07:30:00+07:00'),
      moved: true,
    });
  });

  it('treats 06:00 as received at that morning’s opening and 18:00 as received the next working day', () => {
    expect(vn(receptionOf(at('2025-03-03T06:00:00+07:00'), cal).at)).toBe('2025-03-03T07:30:00+07:00');
    expect(due('2025-03-03T06:00:00+07:00', wd(1))).toBe('2025-03-04T17:00:00+07:00');
    expect(vn(receptionOf(at('2025-03-03T18:00:00+07:00'), cal).at)).toBe('2025-03-04T07:30:00+07:00');
    expect(due('2025-03-03T18:00:00+07:00', wd(1))).toBe('2025-03-05T17:00:00+07:00');
    // 17:00 sharp is closing time: already after hours.
    expect(due('2025-03-07T17:00:00+07:00', wd(1))).toBe('2025-03-11T17:00:00+07:00');
  });

  it('reads instants in Vietnam time whatever offset they were written with', () => {
    // 2025-03-03T23:30Z is 06:30 on Tuesday 4 March in Vietnam.
    expect(due('2025-03-03T23:30:00Z', wd(1))).toBe('2025-03-05T17:00:00+07:00');
  });

  it('makes half a working day 4 working hours after the whole days', () => {
    // From the opening of the next working day: Tue 07:30 + 4 h = 11:30.
    expect(due('2025-03-03T09:00:00+07:00', wd(0.5))).toBe('2025-03-04T11:30:00+07:00');
    // One day to Tue 17:00, then 4 h from Wed 07:30.
    expect(due('2025-03-03T09:00:00+07:00', wd(1.5))).toBe('2025-03-05T11:30:00+07:00');
    // A 4.5-hour morning (07:00–11:30): the half day ends before the morning does, at 11:00.
    const early = parseUnitCalendar({ hours: { morning: ['07:00', '11:30'], afternoon: ['13:30', '17:00'] } });
    expect(due('2025-03-03T09:00:00+07:00', wd(0.5), early)).toBe('2025-03-04T11:00:00+07:00');
  });

  it('rejects a non-positive time', () => {
    expect(() => computeDueAt(at('2025-03-03T09:00:00+07:00'), wd(0), cal)).toThrow(RangeError);
  });
});

describe('computeDueAt: civil status and the 15:00 cut-off', () => {
  it('returns a same-day procedure that day at 14:59 and the next working day at 15:01', () => {
    expect(due('2025-03-03T14:59:00+07:00', wd(1), cal, true)).toBe('2025-03-03T17:00:00+07:00');
    expect(due('2025-03-03T15:00:00+07:00', wd(1), cal, true)).toBe('2025-03-03T17:00:00+07:00');
    expect(due('2025-03-03T15:01:00+07:00', wd(1), cal, true)).toBe('2025-03-04T17:00:00+07:00');
  });

  it('moves a Friday 15:01 civil-status dossier to Monday', () => {
    expect(due('2025-03-07T15:01:00+07:00', wd(1), cal, true)).toBe('2025-03-10T17:00:00+07:00');
  });

  it('does not apply the cut-off to other dossiers', () => {
    expect(due('2025-03-03T15:01:00+07:00', wd(1))).toBe('2025-03-04T17:00:00+07:00');
    expect(due('2025-03-03T14:59:00+07:00', wd(1))).toBe('2025-03-04T17:00:00+07:00');
  });

  it('uses the unit’s own cut-off', () => {
    const unit = parseUnitCalendar({ civilStatusCutoff: '16:00' });
    expect(due('2025-03-03T15:30:00+07:00', wd(1), unit, true)).toBe('2025-03-03T17:00:00+07:00');
  });
});

describe('computeDueAt: hours', () => {
  it('counts working hours across lunch', () => {
    // 10:30 → 11:30 is 1 h, the second hour runs 13:30 → 14:30.
    expect(due('2025-03-03T10:30:00+07:00', { value: 2, unit: 'hours' })).toBe('2025-03-03T14:30:00+07:00');
  });

  it('counts working hours overnight and over a weekend', () => {
    expect(due('2025-03-03T16:00:00+07:00', { value: 2, unit: 'hours' })).toBe('2025-03-04T08:30:00+07:00');
    expect(due('2025-03-07T16:30:00+07:00', { value: 1, unit: 'hours' })).toBe('2025-03-10T08:00:00+07:00');
  });

  it('starts at the next session when received outside one', () => {
    expect(due('2025-03-03T12:00:00+07:00', { value: 1, unit: 'hours' })).toBe('2025-03-03T14:30:00+07:00');
    expect(due('2025-03-03T06:00:00+07:00', { value: 1, unit: 'hours' })).toBe('2025-03-03T08:30:00+07:00');
    expect(due('2025-03-08T10:00:00+07:00', { value: 1, unit: 'hours' })).toBe('2025-03-10T08:30:00+07:00');
  });

  it('ends at a session’s end rather than the next session’s start', () => {
    expect(due('2025-03-03T10:30:00+07:00', { value: 1, unit: 'hours' })).toBe('2025-03-03T11:30:00+07:00');
  });
});

describe('computeDueAt: calendar days', () => {
  it('adds calendar days from the day after receipt', () => {
    expect(due('2025-03-03T09:00:00+07:00', { value: 3, unit: 'days' })).toBe('2025-03-06T17:00:00+07:00');
  });

  it('moves a deadline ending on a Sunday to the end of Monday (Civil Code art. 148(5))', () => {
    expect(due('2025-03-03T09:00:00+07:00', { value: 6, unit: 'days' })).toBe('2025-03-10T17:00:00+07:00');
  });

  it('moves a deadline ending on 30/4 past 1/5 too', () => {
    // Fri 25/4/2025 + 5 days = Wed 30/4, then Thu 1/5 is a holiday: Fri 2/5.
    expect(due('2025-04-25T09:00:00+07:00', { value: 5, unit: 'days' })).toBe('2025-05-02T17:00:00+07:00');
  });

  it('counts 15 days of a poor-household recognition over Tết 2026', () => {
    // Received Mon 9/2/2026; 24/2 is a Tuesday after the Tết break, a working day.
    expect(due('2026-02-09T09:00:00+07:00', { value: 15, unit: 'days' })).toBe('2026-02-24T17:00:00+07:00');
    // 10 days end on Thu 19/2, inside Tết: the deadline moves to Mon 23/2.
    expect(due('2026-02-09T09:00:00+07:00', { value: 10, unit: 'days' })).toBe('2026-02-23T17:00:00+07:00');
  });
});

describe('workingMillisBetween and extendDueAt (the supplement clock)', () => {
  it('measures only time inside sessions of working days', () => {
    expect(workingMillisBetween(at('2025-03-03T10:00:00+07:00'), at('2025-03-03T14:00:00+07:00'), cal)).toBe(2 * HOUR);
    expect(workingMillisBetween(at('2025-03-07T16:00:00+07:00'), at('2025-03-10T08:30:00+07:00'), cal)).toBe(2 * HOUR);
    expect(workingMillisBetween(at('2025-04-29T16:00:00+07:00'), at('2025-05-02T08:30:00+07:00'), cal)).toBe(2 * HOUR);
    expect(workingMillisBetween(at('2025-03-03T07:30:00+07:00'), at('2025-03-07T17:00:00+07:00'), cal)).toBe(5 * 7.5 * HOUR);
    expect(workingMillisBetween(at('2025-03-08T08:00:00+07:00'), at('2025-03-09T16:00:00+07:00'), cal)).toBe(0);
  });

  it('is negative when the instants are reversed', () => {
    expect(workingMillisBetween(at('2025-03-03T14:00:00+07:00'), at('2025-03-03T10:00:00+07:00'), cal)).toBe(-2 * HOUR);
  });

  it('moves an appointment by working time', () => {
    expect(vn(extendDueAt(at('2025-03-03T17:00:00+07:00'), HOUR, cal))).toBe('2025-03-04T08:30:00+07:00');
    expect(vn(extendDueAt(at('2025-03-03T17:00:00+07:00'), 0, cal))).toBe('2025-03-03T17:00:00+07:00');
    // A full working day over 30/4 and 1/5.
    expect(vn(extendDueAt(at('2025-04-29T17:00:00+07:00'), 7.5 * HOUR, cal))).toBe('2025-05-02T17:00:00+07:00');
    expect(() => extendDueAt(at('2025-03-03T17:00:00+07:00'), -1, cal)).toThrow(RangeError);
  });

  it('pushes the appointment by the time spent waiting for a supplement', () => {
    const dueAt = computeDueAt(at('2025-03-03T09:00:00+07:00'), wd(5), cal);
    expect(vn(dueAt)).toBe('2025-03-10T17:00:00+07:00');
    // Supplement requested Wed 10:00, received Fri 10:00: two working days of waiting.
    const paused = workingMillisBetween(at('2025-03-05T10:00:00+07:00'), at('2025-03-07T10:00:00+07:00'), cal);
    expect(paused).toBe(15 * HOUR);
    expect(vn(extendDueAt(dueAt, paused, cal))).toBe('2025-03-12T17:00:00+07:00');
  });
});

describe('workingMillisFrom (many rows against one instant)', () => {
  it('gives workingMillisBetween for every instant, before or after, across weekends, holidays and swapped days', () => {
    // A fixed pseudo-random walk (no Math.random: the same cases on every run).
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const c of [cal, swap2024]) {
      for (const fromIso of ['2024-04-26T09:15:00+07:00', '2024-05-04T12:00:00+07:00', '2025-01-27T16:59:00+07:00', '2024-04-29T07:00:00+07:00']) {
        const from = at(fromIso);
        const left = workingMillisFrom(from, c);
        for (let i = 0; i < 300; i++) {
          // Up to ~400 days either way, at any minute of the day (inside and outside the sessions).
          const b = new Date(from.getTime() + Math.round((next() - 0.5) * 800 * 86_400_000 / 60_000) * 60_000);
          expect(left(b), `${fromIso} → ${b.toISOString()}`).toBe(workingMillisBetween(from, b, c));
        }
        expect(left(from)).toBe(0);
        expect(left(new Date(from.getTime() + 3 * 86_400_000))).toBe(workingMillisBetween(from, new Date(from.getTime() + 3 * 86_400_000), c));
      }
    }
  });
});

describe("a unit's own hours per weekday and its working Saturdays, in due dates", () => {
  // Friday closes at 11:30 (afternoon: internal meetings); Wednesday opens 08:00–12:00, 14:00–17:30.
  const short = parseUnitCalendar({ week: { '5': [{ from: '07:30', to: '11:30' }], '3': [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '17:30' }] } });
  const desk = (session: 'morning' | 'all', services: string[] = []) => parseUnitCalendar({ saturday: { session, services } });
  const civil = (received: string, c: UnitCalendar, field?: string) => vn(computeDueAt(at(received), wd(1), c, { civilStatus: true, field }));

  it("received after that day's own closing counts from the next working day; a deadline ending that day ends at its closing", () => {
    // Friday 14:00: the office closed at 11:30 → received Monday 7/12/2026, day 1 Tuesday.
    expect(receptionOf(at('2026-12-04T14:00:00+07:00'), short)).toEqual({ date: '2026-12-07', at: at('2026-12-07T07:30:00+07:00'), moved: true });
    expect(due('2026-12-04T14:00:00+07:00', wd(1), short)).toBe('2026-12-08T17:00:00+07:00');
    // With the daily hours Friday 14:00 is inside the afternoon: day 1 is Monday.
    expect(due('2026-12-04T14:00:00+07:00', wd(1))).toBe('2026-12-07T17:00:00+07:00');
    // Received Thursday: day 1 is Friday, due at Friday's closing, 11:30 (not 17:00).
    expect(due('2026-12-03T09:00:00+07:00', wd(1), short)).toBe('2026-12-04T11:30:00+07:00');
    // Wednesday's own sessions: 07:45 is before its opening (08:00), 13:00 is its lunch (until 14:00), 17:20 still open.
    expect(vn(receptionOf(at('2026-12-02T07:45:00+07:00'), short).at)).toBe('2026-12-02T08:00:00+07:00');
    expect(vn(receptionOf(at('2026-12-02T13:00:00+07:00'), short).at)).toBe('2026-12-02T14:00:00+07:00');
    expect(receptionOf(at('2026-12-02T17:20:00+07:00'), short).date).toBe('2026-12-02');
    // Tuesday → day 1 Wednesday, due at its closing 17:30.
    expect(due('2026-12-01T09:00:00+07:00', wd(1), short)).toBe('2026-12-02T17:30:00+07:00');
  });

  it('runs working hours and fractions inside the sessions of each weekday', () => {
    // 4 working hours from Friday 10:30: one hour left on Friday (to 11:30), three on Monday from 07:30.
    expect(due('2026-12-04T10:30:00+07:00', { value: 4, unit: 'hours' }, short)).toBe('2026-12-07T10:30:00+07:00');
    expect(workingMillisBetween(at('2026-12-04T07:30:00+07:00'), at('2026-12-04T17:00:00+07:00'), short)).toBe(4 * HOUR);
    const left = workingMillisFrom(at('2026-12-04T07:30:00+07:00'), short);
    expect(left(at('2026-12-07T07:30:00+07:00'))).toBe(4 * HOUR);
  });

  it('a weekday the unit closes every week is no working day', () => {
    const noWed = parseUnitCalendar({ week: { '3': [] } });
    expect(isWorkingDay('2026-12-02', noWed)).toBe(false);
    // Received Tuesday: 1 Thursday, 2 Friday.
    expect(due('2026-12-01T09:00:00+07:00', wd(2), noWed)).toBe('2026-12-04T17:00:00+07:00');
    try {
      parseUnitCalendar({ week: { '5': [{ from: '11:30', to: '07:30' }] } });
      expect.unreachable('a session ending before it starts is refused');
    } catch (e) {
      expect((e as ValidationError).fields.map((f) => `${f.field}: ${f.message}`)).toEqual(['week.5: Mỗi buổi phải kết thúc sau khi bắt đầu, và các buổi theo thứ tự không chồng nhau']);
    }
  });

  it("a Saturday desk receives, but the count starts on the next working day — civil status included, and only while the desk is open", () => {
    // Civil status, 1 working day, received at the Saturday morning desk at 09:00: returned Monday (the desk does not process).
    expect(civil('2026-11-28T09:00:00+07:00', desk('morning'))).toBe('2026-11-30T17:00:00+07:00');
    expect(receptionOf(at('2026-11-28T09:00:00+07:00'), desk('morning'), { civilStatus: true })).toEqual({ date: '2026-11-28', at: at('2026-11-28T09:00:00+07:00'), moved: false });
    // A morning desk at 12:00 is closed: deemed received Monday, returned Monday (civil status: day of receipt is day 1).
    expect(receptionOf(at('2026-11-28T12:00:00+07:00'), desk('morning')).date).toBe('2026-11-30');
    // All day: 14:00 is received on Saturday; 15:30 is after the civil-status cut-off.
    expect(receptionOf(at('2026-11-28T14:00:00+07:00'), desk('all')).date).toBe('2026-11-28');
    expect(receptionOf(at('2026-11-28T15:30:00+07:00'), desk('all'), { civilStatus: true })).toMatchObject({ date: '2026-11-30', moved: true });
    // 3 working days from the Saturday desk: Mon, Tue, Wed (from an ordinary Saturday: Tue, Wed, Thu).
    expect(due('2026-11-28T09:00:00+07:00', wd(3), desk('morning'))).toBe('2026-12-02T17:00:00+07:00');
    expect(due('2026-11-28T09:00:00+07:00', wd(3))).toBe('2026-12-03T17:00:00+07:00');
    // A desk for civil status only does not receive a land dossier.
    expect(receptionOf(at('2026-11-28T09:00:00+07:00'), desk('morning', ['hộ tịch']), { field: 'Đất đai' }).date).toBe('2026-11-30');
  });

  it("a unit's own swapped days: a Saturday it works in exchange for a Friday off counts as a full working day", () => {
    const swap = parseUnitCalendar({ daysOff: [{ date: '2026-12-11', name: 'Nghỉ hoán đổi (lễ hội làng)' }], workingDays: [{ date: '2026-12-12', name: 'Làm bù cho ngày 11/12' }] });
    // Received Thursday 10/12: day 1 Saturday 12/12 (worked), day 2 Monday 14/12.
    expect(due('2026-12-10T09:00:00+07:00', wd(2), swap)).toBe('2026-12-14T17:00:00+07:00');
    // Received on the swapped Saturday at 15:00: that day, day 1 Monday.
    expect(receptionOf(at('2026-12-12T15:00:00+07:00'), swap)).toMatchObject({ date: '2026-12-12', moved: false });
    expect(due('2026-12-12T15:00:00+07:00', wd(1), swap)).toBe('2026-12-14T17:00:00+07:00');
    // Received on the Friday off: deemed received Saturday 12/12 at opening.
    expect(receptionOf(at('2026-12-11T09:00:00+07:00'), swap)).toEqual({ date: '2026-12-12', at: at('2026-12-12T07:30:00+07:00'), moved: true });
  });

  it('moves a due date by working days, not by hours, when the calendar changes', () => {
    const received = at('2026-11-30T09:00:00+07:00');
    const was = computeDueAt(received, wd(5), cal); // Monday 7/12 17:00
    const fridayShort = parseUnitCalendar({ week: { '5': [{ from: '07:30', to: '11:30' }] } });
    // A shorter Friday does not move a dossier due on Monday; a new day off moves it a day, at the new day's closing.
    expect(vn(moveDueAt(received, was, cal, fridayShort))).toBe('2026-12-07T17:00:00+07:00');
    const off = parseUnitCalendar({ daysOff: [{ date: '2026-12-03', name: 'Lễ hội' }], week: { '2': [{ from: '07:30', to: '11:30' }] } });
    expect(vn(moveDueAt(received, was, cal, off))).toBe('2026-12-08T11:30:00+07:00');
    // Same as a dossier received under the new calendar.
    expect(vn(moveDueAt(received, was, cal, off))).toBe(vn(computeDueAt(received, wd(5), off)));
  });
});
