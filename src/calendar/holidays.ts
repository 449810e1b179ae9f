import { LunarDate } from '@nghiavuive/lunar_date_vi';
import type { CalendarDays, DatedName, Holiday, HolidayCalendar } from './calendar.types';
import { addDays, weekday, yearOf, type IsoDate } from './vn-time';

/**
 * Public holidays of Vietnam: Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), art. 112(1):
 *   a) Tết Dương lịch: 1 day (1 January);
 *   b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 1 day (30 April);
 *   d) Ngày Quốc tế lao động: 1 day (1 May);
 *   đ) Quốc khánh: 2 days (2 September and one adjacent day, before or after);
 *   e) Giỗ Tổ Hùng Vương: 1 day (10th day of the 3rd lunar month).
 * Art. 112(3): every year the Prime Minister fixes the exact days of (b) and (đ). Art. 111(3): a
 * holiday falling on the weekly rest day is compensated on the next working day (nghỉ bù).
 *
 * What is computed here is only a default for years nobody has configured; the official schedule,
 * once announced, goes into a `HolidayCalendar` (calendar.types.ts) and wins.
 *
 * The 2019 Code is in force since 2021. The 2012 Code (2013–2020) had the same list except a
 * single National Day, so for years before 2021 only 2 September is computed; earlier rules are
 * not modelled (declare the days if historical data needs them).
 */

// ---------------------------------------------------------------------------------------------
// Lunar dates
//
// The Vietnamese lunar calendar is computed for UTC+7 and differs from the Chinese one (UTC+8)
// in some years: Tết 2007 was 17 Feb in Vietnam and 18 Feb in China, Tết 2030 will be 2 Feb vs
// 3 Feb, Giỗ Tổ 2037 and 2038 differ by a day. `@nghiavuive/lunar_date_vi` converts with
// Hồ Ngọc Đức's year tables (1200–2199), his astronomical algorithm run for UTC+7. Before choosing
// it we compared its Tết and Giỗ Tổ with that algorithm (timezone 7) for 1900–2199: identical for
// 1967–2174; the few differences are earlier years, where the tables follow the calendar then in
// use (UTC+8 until 1967), and the tables' last years. holidays.test.ts pins known dates.
// `lunar-javascript` is Chinese (UTC+8) and was rejected for the differences above.
// ---------------------------------------------------------------------------------------------

const FIRST_YEAR = 1201;
const LAST_YEAR = 2198;

/** The Gregorian date of a (non-leap-month) Vietnamese lunar date. */
export function lunarToSolar(day: number, month: number, lunarYear: number): IsoDate {
  if (!Number.isInteger(lunarYear) || lunarYear < FIRST_YEAR || lunarYear > LAST_YEAR) {
    throw new RangeError(`Chỉ tính được âm lịch cho các năm ${FIRST_YEAR}–${LAST_YEAR} (nhận được ${lunarYear})`);
  }
  const lunar = new LunarDate({ day, month, year: lunarYear });
  lunar.init();
  const s = lunar.toSolarDate().get();
  return `${String(s.year).padStart(4, '0')}-${pad(s.month)}-${pad(s.day)}`;
}

/** Mùng 1 Tết: the first day of the lunar year that starts in this Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar(1, 1, year);
}

const pad = (n: number) => String(n).padStart(2, '0');
const ddmm = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;
const isWeekend = (d: IsoDate) => {
  const w = weekday(d);
  return w === 0 || w === 6;
};

// ---------------------------------------------------------------------------------------------
// Computed holidays
// ---------------------------------------------------------------------------------------------

interface Computed {
  /** Every computed day off of the year, including Tết's. */
  all: Map<IsoDate, Holiday>;
  /** The same without the default Tết days and their compensatory days. */
  withoutTet: Map<IsoDate, Holiday>;
}

const computedCache = new Map<number, Computed>();

/**
 * Default Tết: the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1 to mùng 4, the
 * shape most recent official schedules take around their five statutory days. Governments often
 * shift it (2025: 28 tháng Chạp to mùng 3), which is why a declared `tet` replaces it.
 */
function defaultTet(year: number): DatedName[] {
  const newYear = lunarNewYear(year);
  return [
    { date: addDays(newYear, -1), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' },
    ...[1, 2, 3, 4].map((n, i) => ({ date: addDays(newYear, i), name: `Tết Nguyên đán (mùng ${n})` })),
  ];
}

/**
 * The second National Day (art. 112(1)(đ)) is chosen each year by the Prime Minister. Default:
 * the adjacent weekday that joins the break to a weekend, as in 2021 (Thu → 3/9), 2022 (Fri →
 * 1/9), 2023 (Sat → 1/9), 2024 (Mon → 3/9) and 2025 (Tue → 1/9); when 2 September is a Sunday,
 * Monday 3/9; when it is a Wednesday neither side joins a weekend and we take 3/9 — an arbitrary
 * choice, to be corrected by declaring the year's schedule.
 */
function nationalDayAdjacent(year: number): IsoDate {
  const before = `${year}-09-01`;
  const after = `${year}-09-03`;
  switch (weekday(`${year}-09-02`)) {
    case 2: // Tuesday: Monday 1/9 joins the weekend
    case 5: // Friday: 3/9 would be a Saturday
    case 6: // Saturday: Friday 1/9
      return before;
    default: // Sunday, Monday, Wednesday, Thursday
      return after;
  }
}

/**
 * Art. 111(3): each holiday that falls on a Saturday or Sunday gives one day off on the next
 * working day, i.e. the next Monday–Friday that is not already a holiday or a compensatory day
 * (so Tết 2024, with mùng 1 and 2 on a weekend, yields two days after the block).
 */
function compensate(days: readonly Holiday[]): Holiday[] {
  const taken = new Set(days.map((d) => d.date));
  const out: Holiday[] = [];
  for (const h of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ date: d, name: `Nghỉ bù ${h.name.replace(/ \(.*\)$/, '')} (${ddmm(h.date)})`, kind: 'compensatory' });
  }
  return out;
}

function computed(year: number): Computed {
  const hit = computedCache.get(year);
  if (hit) return hit;
  const fixed: Holiday[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch', kind: 'statutory' },
    { date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'statutory' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng', kind: 'statutory' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế lao động', kind: 'statutory' },
    { date: `${year}-09-02`, name: 'Quốc khánh', kind: 'statutory' },
  ];
  if (year >= 2021) fixed.push({ date: nationalDayAdjacent(year), name: 'Quốc khánh (ngày liền kề)', kind: 'statutory' });
  const tet: Holiday[] = defaultTet(year).map((d) => ({ ...d, kind: 'statutory' }));

  // Tết never comes near the other holidays (it falls between 21 January and 20 February, and
  // 1 January's compensatory day is at most 3 January), so the two groups compensate separately.
  const fixedAll = [...fixed, ...compensate(fixed)];
  const tetAll = [...tet, ...compensate(tet)];
  const result: Computed = {
    all: new Map([...fixedAll, ...tetAll].map((h) => [h.date, h])),
    withoutTet: new Map(fixedAll.map((h) => [h.date, h])),
  };
  computedCache.set(year, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Layering declarations over the computed days
// ---------------------------------------------------------------------------------------------

export type DayStatus = { off: true; holiday: Holiday } | { off: false; declared?: DatedName };

/**
 * What the calendar says about one day, before the weekday rule: `undefined` when nothing
 * special applies (then Monday–Friday work). Precedence: unit declarations, national
 * declarations, computed holidays.
 */
export function dayStatus(date: IsoDate, cal: CalendarDays = {}): DayStatus | undefined {
  const unitOff = cal.daysOff?.find((d) => d.date === date);
  if (unitOff) return { off: true, holiday: { ...unitOff, kind: 'declared' } };
  const unitWork = cal.workingDays?.find((d) => d.date === date);
  if (unitWork) return { off: false, declared: unitWork };

  const year = yearOf(date);
  const declared = cal.holidays?.[String(year)];
  const natOff = declared?.tet?.find((d) => d.date === date) ?? declared?.daysOff.find((d) => d.date === date);
  if (natOff) return { off: true, holiday: { ...natOff, kind: 'declared' } };
  const natWork = declared?.workingDays.find((d) => d.date === date);
  if (natWork) return { off: false, declared: natWork };

  if (declared?.complete) return undefined;
  const c = computed(year);
  const h = (declared?.tet ? c.withoutTet : c.all).get(date);
  return h ? { off: true, holiday: h } : undefined;
}

/**
 * Every day off of a year other than ordinary weekends, sorted: statutory holidays (also when they
 * fall on a weekend), compensatory days, and declared days off, minus computed days that a
 * declaration turned into working days.
 */
export function holidaysOf(year: number, cal: CalendarDays = {}): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Năm không hợp lệ: ${year}`);
  const declared: HolidayCalendar[string] | undefined = cal.holidays?.[String(year)];
  const candidates = new Set<IsoDate>([
    ...(declared?.complete ? [] : (declared?.tet ? computed(year).withoutTet : computed(year).all).keys()),
    ...(declared?.tet ?? []).map((d) => d.date),
    ...(declared?.daysOff ?? []).map((d) => d.date),
    ...(cal.daysOff ?? []).map((d) => d.date).filter((d) => yearOf(d) === year),
  ]);
  const out: Holiday[] = [];
  for (const date of [...candidates].sort()) {
    const s = dayStatus(date, cal);
    if (s?.off) out.push(s.holiday);
  }
  return out;
}
