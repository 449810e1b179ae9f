import { z } from 'zod';
import { ValidationError } from '../shared/errors';
import { isIsoDate, minutesOf, type IsoDate } from './vn-time';

export type { IsoDate } from './vn-time';

/**
 * The data that decides which days a one-stop office works.
 *
 * Two layers of declarations sit on top of the computed statutory holidays (see holidays.ts):
 * - `HolidayCalendar`: what the government declares for the whole country each year. The Labour
 *   Code 2019 art. 112(3) lets the Prime Minister fix the exact Tết days and the second National
 *   Day each year, and the Ministry of Home Affairs publishes swaps (a Monday off, a Saturday worked
 *   in exchange) for civil servants; none of that can be computed, so it is data.
 * - `UnitCalendar`: one office's own rules: its own days off and working Saturdays, its opening
 *   hours and the civil-status cut-off, plus the national `holidays` it was configured with.
 *
 * Precedence, most specific first: the unit's declared days, then the national declared days,
 * then the computed holidays, then the weekday rule (Monday–Friday work). A declared day is
 * therefore always obeyed, which is how an official corrects a computed default.
 */

const isoDate = z
  .string({ error: 'Ngày phải là chuỗi dạng YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-02-16')
  .refine(isIsoDate, 'Ngày không có trong lịch (ví dụ ngày 30 tháng 2)');

const hhmm = z
  .string({ error: 'Giờ phải là chuỗi dạng HH:MM' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM, từ 00:00 đến 23:59');

export const datedNameSchema = z.object({
  date: isoDate,
  /** Shown to citizens and staff, e.g. "Nghỉ bù Tết Dương lịch", "Làm bù cho ngày 29/4". */
  name: z.string().trim().normalize('NFC').min(1, 'Cần ghi tên ngày (ví dụ: Nghỉ hoán đổi dịp 30/4)'),
});
export type DatedName = z.infer<typeof datedNameSchema>;

function noDateTwice(
  ctx: z.RefinementCtx,
  daysOff: ReadonlyArray<{ list: string; days: readonly DatedName[] }>,
  workingDays: readonly DatedName[],
  workingPath: string,
) {
  const off = new Set(daysOff.flatMap((l) => l.days.map((d) => d.date)));
  workingDays.forEach((d, i) => {
    if (off.has(d.date)) {
      ctx.addIssue({
        code: 'custom',
        path: [workingPath, i, 'date'],
        message: `Ngày ${d.date} vừa là ngày nghỉ vừa là ngày làm việc`,
      });
    }
  });
}

export const holidayYearSchema = z
  .object({
    /**
     * The official Tết days off of that year, as the government announced them. When present it
     * replaces the computed default (the last day of the lunar year and the first four days of the
     * new year) together with that default's compensatory days. List the working days that are off;
     * weekend days may be listed too and are harmless.
     */
    tet: z.array(datedNameSchema).min(1, 'Lịch nghỉ Tết cần ít nhất một ngày').optional(),
    /** Other days off declared nationally: swapped days, compensatory days, extraordinary days. */
    daysOff: z.array(datedNameSchema).default([]),
    /** Declared working days, e.g. the Saturday worked in exchange for a swapped day off. */
    workingDays: z.array(datedNameSchema).default([]),
    /**
     * True when the year's whole schedule was declared (the Prime Minister's announcement, imported
     * by `motcua calendar import`): the computed defaults of that year are then ignored, so that a
     * default that the announcement moved (2026: 3 September) does not stay a day off.
     */
    complete: z.boolean().default(false),
  })
  .superRefine((y, ctx) => {
    noDateTwice(ctx, [{ list: 'tet', days: y.tet ?? [] }, { list: 'daysOff', days: y.daysOff }], y.workingDays, 'workingDays');
  });
export type HolidayYear = z.infer<typeof holidayYearSchema>;

/** National declarations by Gregorian year: `{ "2025": { tet: [...], daysOff: [...], workingDays: [...] } }`. */
export const holidayCalendarSchema = z
  .record(z.string().regex(/^\d{4}$/, 'Năm phải gồm 4 chữ số, ví dụ "2026"'), holidayYearSchema)
  .superRefine((cal, ctx) => {
    for (const [year, y] of Object.entries(cal)) {
      const lists = { tet: y.tet ?? [], daysOff: y.daysOff, workingDays: y.workingDays };
      for (const [list, days] of Object.entries(lists)) {
        days.forEach((d, i) => {
          if (!d.date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: [year, list, i, 'date'], message: `Ngày ${d.date} không thuộc năm ${year}` });
          }
        });
      }
    }
  });
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

/**
 * Office hours by default: 07:30–11:30 and 13:30–17:00, the hours most commune offices post.
 * Units differ (DOMAIN.md: "07:00–11:30 and 13:30–17:00" is also common), hence configurable.
 */
export const DEFAULT_HOURS = { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] } as const;

/** DOMAIN.md [checked]: "Civil status: received after 15:00 → returned the next working day". */
export const DEFAULT_CIVIL_STATUS_CUTOFF = '15:00';

const session = (label: string) =>
  z
    .tuple([hhmm, hhmm])
    .refine(([a, b]) => minutesOf(a) < minutesOf(b), `Giờ kết thúc buổi ${label} phải sau giờ bắt đầu`);

export const unitCalendarSchema = z
  .object({
    holidays: holidayCalendarSchema.default({}),
    /** The unit's own days off (e.g. a local event decided by the People's Committee). */
    daysOff: z.array(datedNameSchema).default([]),
    /** The unit's own working days on a weekend, e.g. a Saturday morning desk for residence files. */
    workingDays: z.array(datedNameSchema).default([]),
    hours: z
      .object({ morning: session('sáng'), afternoon: session('chiều') })
      .default({ morning: [...DEFAULT_HOURS.morning], afternoon: [...DEFAULT_HOURS.afternoon] })
      .refine((h) => minutesOf(h.morning[1]) <= minutesOf(h.afternoon[0]), 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc'),
    civilStatusCutoff: hhmm.default(DEFAULT_CIVIL_STATUS_CUTOFF),
    /**
     * Working Saturdays (every Saturday that is not a day off): a reception desk in the morning or
     * all day, for some services ("hộ tịch", "chứng thực", "cư trú"; empty = every service). Such a
     * Saturday is a day of reception, not a working day of the deadline: the legal week of civil
     * servants stays Monday–Friday (DOMAIN.md: "some police procedures receive on Saturday
     * mornings"), so a dossier received that Saturday counts as received that day and its working
     * days run from Monday (received on an ordinary weekend, its day 1 would be Tuesday).
     */
    saturday: z
      .object({
        session: z.enum(['none', 'morning', 'all']).default('none'),
        services: z.array(z.string().trim().normalize('NFC').min(1).max(60)).max(20).default([]),
      })
      .default({ session: 'none', services: [] }),
    /**
     * Opening hours per weekday ("1" Monday … "5" Friday) when a day differs from `hours` (e.g.
     * Friday afternoon closed for internal meetings; [] = closed that weekday). One rule for
     * everything (working-days.ts `workingSessions`): shown to citizens, used for appointments,
     * and for deadlines — received after that day's closing counts from the next working day, a
     * deadline ending that day ends at its closing, working hours run inside its sessions.
     */
    week: z
      .partialRecord(
        z.enum(['1', '2', '3', '4', '5']),
        z
          .array(z.object({ from: hhmm, to: hhmm }))
          .max(3, 'Mỗi ngày tối đa 3 buổi')
          .refine((list) => list.every((x, i) => minutesOf(x.from) < minutesOf(x.to) && (i === 0 || minutesOf(list[i - 1]!.to) <= minutesOf(x.from))), 'Mỗi buổi phải kết thúc sau khi bắt đầu, và các buổi theo thứ tự không chồng nhau'),
      )
      .default({}),
  })
  .superRefine((c, ctx) => {
    noDateTwice(ctx, [{ list: 'daysOff', days: c.daysOff }], c.workingDays, 'workingDays');
    const cut = minutesOf(c.civilStatusCutoff);
    if (cut < minutesOf(c.hours.morning[0]) || cut > minutesOf(c.hours.afternoon[1])) {
      ctx.addIssue({
        code: 'custom',
        path: ['civilStatusCutoff'],
        message: 'Giờ chốt nhận hồ sơ hộ tịch phải nằm trong giờ làm việc',
      });
    }
  });
export type UnitCalendar = z.infer<typeof unitCalendarSchema>;
export type UnitCalendarInput = z.input<typeof unitCalendarSchema>;

/** What `holidaysOf` needs: any UnitCalendar fits, and so does `{ holidays }` alone. */
export interface CalendarDays {
  holidays?: HolidayCalendar;
  daysOff?: readonly DatedName[];
  workingDays?: readonly DatedName[];
}

export type HolidayKind = 'statutory' | 'compensatory' | 'declared';

/** A day off other than an ordinary weekend. */
export interface Holiday {
  date: IsoDate;
  /** Vietnamese, e.g. "Tết Nguyên đán (mùng 1)", "Nghỉ bù Giỗ Tổ Hùng Vương (26/04)". */
  name: string;
  /** statutory: Labour Code art. 112; compensatory: art. 111(3); declared: configuration. */
  kind: HolidayKind;
}

export interface DueOptions {
  /**
   * A civil-status procedure carrying the 15:00 rule ("hồ sơ nhận sau 15 giờ thì trả kết quả trong
   * ngày làm việc tiếp theo"): set it for the procedures whose record says so.
   */
  civilStatus?: boolean;
  /** The procedure's field (lĩnh vực): a Saturday desk receives only the services it names. */
  field?: string;
}

/**
 * Parses a unit's calendar from configuration or a form; a failure is a ValidationError whose
 * field messages are Vietnamese (our own for domain rules, zod's Vietnamese locale for the rest).
 */
export function parseUnitCalendar(input: unknown): UnitCalendar {
  const r = unitCalendarSchema.safeParse(input ?? {}, { error: z.locales.vi().localeError });
  if (r.success) return deepFreeze(r.data);
  throw new ValidationError(
    'Lịch làm việc của đơn vị không hợp lệ.',
    r.error.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', code: i.code, message: i.message })),
  );
}

export function parseHolidayCalendar(input: unknown): HolidayCalendar {
  const r = holidayCalendarSchema.safeParse(input ?? {}, { error: z.locales.vi().localeError });
  if (r.success) return deepFreeze(r.data);
  throw new ValidationError(
    'Lịch nghỉ lễ, Tết không hợp lệ.',
    r.error.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', code: i.code, message: i.message })),
  );
}

/** Monday–Friday, 07:30–11:30 and 13:30–17:00, computed holidays only, civil-status cut-off 15:00. */
export const DEFAULT_UNIT_CALENDAR: UnitCalendar = parseUnitCalendar({});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
