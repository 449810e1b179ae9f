import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import { computeDueAt, holidaysOf, isWorkingDay, lunarNewYear, lunarToSolar, parseHolidayCalendar, parseUnitCalendar } from '.';

const dates = (year: number, cal?: Parameters<typeof holidaysOf>[1]) => holidaysOf(year, cal).map((h) => h.date);
const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';

describe('lunar dates (Vietnamese calendar, UTC+7)', () => {
  it('puts Tết (1/1 lunar) on the dates Vietnam celebrated or will celebrate it', () => {
    expect(lunarNewYear(2024)).toBe('2024-02-10');
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on the official dates', () => {
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('follows the Vietnamese calendar where it differs from the Chinese one', () => {
    // Tết 2007: 17 Feb in Vietnam, 18 Feb in China. Tết 1985: 21 Jan in Vietnam, 20 Feb in China
    // (the two calendars put the 11th month a month apart that year).
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });

  describe('whatever the server time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('gives the same Tết in %s', (tz) => {
      process.env.TZ = tz;
      expect(lunarNewYear(2026)).toBe('2026-02-17');
      expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    });
  });

  it('refuses years the tables do not cover', () => {
    expect(() => lunarNewYear(2500)).toThrow(/2198/);
  });
});

describe('holidaysOf: the statutory days (Labour Code 2019 art. 112) and compensation (art. 111(3))', () => {
  it('lists 2026 as announced: Tết Mon 16 – Fri 20 Feb, Giỗ Tổ on a Sunday compensated on Monday 27 Apr', () => {
    const list = holidaysOf(2026).filter((h) => h.date < '2026-09-01');
    expect(list).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'statutory' },
      { date: '2026-02-16', name: 'Tết Nguyên đán (ngày cuối năm âm lịch)', kind: 'statutory' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)', kind: 'statutory' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)', kind: 'statutory' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)', kind: 'statutory' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)', kind: 'statutory' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'statutory' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04)', kind: 'compensatory' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'statutory' },
      { date: '2026-05-01', name: 'Ngày Quốc tế lao động', kind: 'statutory' },
    ]);
  });

  it('compensates holidays on a weekend on the next working days (2022: 1/1 Sat, 10/4 Sun, 30/4 Sat, 1/5 Sun)', () => {
    const d = dates(2022);
    expect(d).toContain('2022-01-03');
    expect(d).toContain('2022-04-11');
    // Both fall on the weekend: Monday and Tuesday off, as in 2022 (30/4 to 3/5).
    expect(d).toEqual(expect.arrayContaining(['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']));
    expect(d).not.toContain('2022-05-04');
  });

  it('chains compensation past other holidays (2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → off to Wed 3/5)', () => {
    const april = dates(2023).filter((x) => x >= '2023-04-01' && x <= '2023-05-31');
    expect(april).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
  });

  it.each([
    [2021, ['2021-09-02', '2021-09-03']], // Thu: the Friday after
    [2022, ['2022-09-01', '2022-09-02']], // Fri: the Thursday before
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04']], // Sat: Friday before, Monday in compensation
    [2024, ['2024-09-02', '2024-09-03']], // Mon: the Tuesday after
    [2025, ['2025-09-01', '2025-09-02']], // Tue: the Monday before
  ])('gives the National Day its adjacent day as the government did in %i', (year, expected) => {
    expect(dates(year).filter((x) => x.slice(5, 7) === '09')).toEqual(expected);
  });

  it('gives a single National Day before the 2019 Code (2020)', () => {
    expect(dates(2020).filter((x) => x.slice(5, 7) === '09')).toEqual(['2020-09-02']);
  });
});

describe('declared schedules override the computed defaults', () => {
  // Tết 2025 as the government scheduled it: Sat 25 Jan to Sun 2 Feb, i.e. Mon 27 to Fri 31 Jan.
  const tet2025 = ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date, i) => ({
    date,
    name: i < 2 ? 'Nghỉ Tết Nguyên đán (cuối năm Giáp Thìn)' : 'Nghỉ Tết Nguyên đán Ất Tỵ',
  }));
  const official = parseUnitCalendar({ holidays: { '2025': { tet: tet2025 } } });
  const computedOnly = parseUnitCalendar({});

  it('replaces the default Tết days and their compensatory day with the official ones', () => {
    // Default: 28 Jan – 1 Feb (Sat) with Monday 3 Feb in compensation; official: 27 – 31 Jan.
    expect(isWorkingDay('2025-01-27', computedOnly)).toBe(true);
    expect(isWorkingDay('2025-02-03', computedOnly)).toBe(false);
    expect(isWorkingDay('2025-01-27', official)).toBe(false);
    expect(isWorkingDay('2025-02-03', official)).toBe(true);
    expect(dates(2025, official).slice(0, 6)).toEqual(['2025-01-01', ...tet2025.map((d) => d.date)]);
    expect(holidaysOf(2025, official)[1]).toEqual({ ...tet2025[0], kind: 'declared' });
  });

  it('makes a dossier received on the Friday before Tết 2025 due after the official break', () => {
    const receivedAt = new Date('2025-01-24T09:00:00+07:00');
    expect(vn(computeDueAt(receivedAt, { value: 1, unit: 'working_days' }, official))).toBe('2025-02-03T17:00:00+07:00');
    expect(vn(computeDueAt(receivedAt, { value: 1, unit: 'working_days' }, computedOnly))).toBe('2025-01-27T17:00:00+07:00');
  });

  it('lets a declaration move the second National Day (a declared working day beats a computed holiday)', () => {
    const cal = parseUnitCalendar({
      holidays: {
        '2026': {
          daysOff: [{ date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' }],
          workingDays: [{ date: '2026-09-03', name: 'Ngày làm việc' }],
        },
      },
    });
    expect(dates(2026, cal).filter((x) => x.slice(5, 7) === '09')).toEqual(['2026-09-01', '2026-09-02']);
    expect(isWorkingDay('2026-09-03', cal)).toBe(true);
  });

  it('lets a unit declaration beat the national one', () => {
    const cal = parseUnitCalendar({
      holidays: { '2024': { daysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4' }] } },
      workingDays: [{ date: '2024-04-29', name: 'Trực tiếp nhận hồ sơ' }],
    });
    expect(isWorkingDay('2024-04-29', cal)).toBe(true);
    expect(dates(2024, cal)).not.toContain('2024-04-29');
  });

  it('includes the unit’s own days off of that year', () => {
    const cal = parseUnitCalendar({ daysOff: [{ date: '2025-03-04', name: 'Đại hội đại biểu Đảng bộ xã' }] });
    expect(holidaysOf(2025, cal).find((h) => h.date === '2025-03-04')).toEqual({
      date: '2025-03-04',
      name: 'Đại hội đại biểu Đảng bộ xã',
      kind: 'declared',
    });
    expect(dates(2024, cal)).not.toContain('2025-03-04');
  });
});

describe('validation of calendars (Vietnamese messages)', () => {
  const problems = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).fields;
    }
    throw new Error('expected a ValidationError');
  };

  it('rejects a day that is both off and worked', () => {
    const p = problems(() =>
      parseHolidayCalendar({
        '2024': {
          daysOff: [{ date: '2024-04-29', name: 'Nghỉ' }],
          workingDays: [{ date: '2024-04-29', name: 'Làm' }],
        },
      }),
    );
    expect(p).toEqual([expect.objectContaining({ field: '2024.workingDays.0.date', message: 'Ngày 2024-04-29 vừa là ngày nghỉ vừa là ngày làm việc' })]);
  });

  it('rejects dates filed under another year and dates that do not exist', () => {
    const p = problems(() =>
      parseHolidayCalendar({ '2024': { daysOff: [{ date: '2025-01-02', name: 'Nghỉ' }, { date: '2025-02-29', name: 'Nghỉ' }] } }),
    );
    expect(p.map((x) => x.message)).toEqual(
      expect.arrayContaining(['Ngày 2025-01-02 không thuộc năm 2024', 'Ngày không có trong lịch (ví dụ ngày 30 tháng 2)']),
    );
  });

  it('rejects opening hours that are out of order and a cut-off outside them', () => {
    const p = problems(() =>
      parseUnitCalendar({ hours: { morning: ['11:30', '07:30'], afternoon: ['13:30', '17:00'] }, civilStatusCutoff: '19:00' }),
    );
    expect(p.map((x) => x.message)).toContain('Giờ kết thúc buổi sáng phải sau giờ bắt đầu');
    const q = problems(() => parseUnitCalendar({ civilStatusCutoff: '19:00' }));
    expect(q).toEqual([expect.objectContaining({ field: 'civilStatusCutoff', message: 'Giờ chốt nhận hồ sơ hộ tịch phải nằm trong giờ làm việc' })]);
    const r = problems(() => parseUnitCalendar({ hours: { morning: ['7h30', '11:30'], afternoon: ['13:30', '17:00'] } }));
    expect(r[0]?.message).toBe('Giờ phải có dạng HH:MM, từ 00:00 đến 23:59');
  });

  it('speaks Vietnamese for type errors too', () => {
    const p = problems(() => parseUnitCalendar({ daysOff: 'none' }));
    expect(p[0]?.message).toMatch(/không hợp lệ/);
  });

  it('fills the defaults', () => {
    expect(parseUnitCalendar(undefined)).toEqual({
      holidays: {},
      daysOff: [],
      workingDays: [],
      hours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
      civilStatusCutoff: '15:00',
      saturday: { session: 'none', services: [] },
      week: {},
    });
  });
});
