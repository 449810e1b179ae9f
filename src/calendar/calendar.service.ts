import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { Signal } from '../shared/signal';
import * as repo from './calendar.repo';
import {
  datedNameSchema,
  DEFAULT_UNIT_CALENDAR,
  parseHolidayCalendar,
  parseUnitCalendar,
  type DatedName,
  type HolidayCalendar,
  type UnitCalendar,
} from './calendar.types';
import { dayStatus, holidaysOf } from './holidays';
import { isWorkingDay, saturdaySessions, workingSessions } from './working-days';
import { addDays, weekday, type IsoDate } from './vn-time';

/**
 * The working calendar as administered: the national declarations of each year (table
 * calendar_national_days, 024) layered under each unit's own declarations (unit_calendars).
 *
 * Due dates are computed on every submission, transfer and worklist page, so the declarations are
 * read once and kept in memory: a change made through this service clears them at once; a change
 * made by another process (`motcua calendar import` while the server runs) is seen within
 * RELOAD_MS.
 */
const RELOAD_MS = 30_000;

/** One reception or opening session of a day, e.g. {from: '07:30', to: '11:30'}. */
export interface OpeningSession {
  from: string;
  to: string;
  /** Only these services are received (a Saturday desk); absent: every service. */
  services?: string[];
}

export interface CalendarExceptions {
  unit: string;
  year: number;
  /** Monday–Friday days the unit does not work (national and unit declarations, holidays). */
  daysOff: DatedName[];
  /** Saturday and Sunday days the unit works or receives (days worked in exchange, Saturday desks). */
  workingDays: DatedName[];
}

const WEEKDAY_NAME = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** The public sentence for a unit's Saturday desk, e.g. "Thứ Bảy làm việc cả ngày (tiếp nhận hộ tịch, chứng thực, cư trú)". */
export function saturdayLine(cal: Pick<UnitCalendar, 'saturday'>): string | null {
  const s = cal.saturday;
  if (!s || s.session === 'none') return null;
  const when = s.session === 'all' ? 'cả ngày' : 'buổi sáng';
  return `Thứ Bảy làm việc ${when}${s.services.length ? ` (tiếp nhận ${s.services.join(', ')})` : ''}`;
}

/** The opening sessions of a date under a calendar ([] on a closed day). */
export function openingHoursIn(cal: UnitCalendar, date: IsoDate): OpeningSession[] {
  const sat = saturdaySessions(date, cal);
  if (sat.length) return sat.map(([from, to]) => ({ from, to, ...(cal.saturday.services.length ? { services: [...cal.saturday.services] } : {}) }));
  if (!isWorkingDay(date, cal)) return [];
  // The same sessions the due dates are computed with (working-days.ts).
  return workingSessions(date, cal).map(([from, to]) => ({ from: hhmmOf(from), to: hhmmOf(to) }));
}

const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The exceptions to Monday–Friday of a year under a calendar. */
export function exceptionsIn(cal: UnitCalendar, year: number): { daysOff: DatedName[]; workingDays: DatedName[] } {
  const daysOff = holidaysOf(year, cal)
    .filter((h) => weekday(h.date) >= 1 && weekday(h.date) <= 5)
    .map((h) => ({ date: h.date, name: h.name }));
  const workingDays: DatedName[] = [];
  const line = saturdayLine(cal);
  for (let d: IsoDate = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) {
      // A weekday the unit closes every week (its opening hours say "nghỉ").
      if (!isWorkingDay(d, cal) && !daysOff.some((x) => x.date === d)) daysOff.push({ date: d, name: `Đơn vị không làm việc ${WEEKDAY_NAME[w]} hằng tuần` });
      continue;
    }
    const s = dayStatus(d, cal);
    if (s && !s.off) workingDays.push({ date: d, name: s.declared?.name ?? 'Ngày làm việc' });
    else if (line && saturdaySessions(d, cal).length) workingDays.push({ date: d, name: line });
  }
  return { daysOff: daysOff.sort((a, b) => a.date.localeCompare(b.date)), workingDays };
}

// ---------------------------------------------------------------------------------------------
// The national schedule file (`motcua calendar import FILE`, the admin page)
// ---------------------------------------------------------------------------------------------

const yearFileSchema = z
  .object({
    year: z.number({ error: 'Cần ghi năm, ví dụ "year": 2027' }).int('Năm phải là số nguyên').min(2000, 'Năm phải từ 2000').max(2199, 'Năm phải trước 2200'),
    source: z.string().max(500).optional(),
    daysOff: z.array(datedNameSchema, { error: 'Cần danh sách ngày nghỉ "daysOff": [{"date": "YYYY-MM-DD", "name": "…"}]' }).min(1, 'Cần ít nhất một ngày nghỉ'),
    workingDays: z.array(datedNameSchema, { error: '"workingDays" phải là danh sách [{"date": "YYYY-MM-DD", "name": "…"}]' }).default([]),
  })
  .strict();
export type NationalYearFile = z.infer<typeof yearFileSchema>;

/** Days that are off by law whatever the schedule (Labour Code 2019 art. 112(1)); on a weekday the file must list them. */
const FIXED_HOLIDAYS: Array<[string, string]> = [
  ['01-01', 'Tết Dương lịch'],
  ['04-30', 'Ngày Chiến thắng'],
  ['05-01', 'Ngày Quốc tế lao động'],
  ['09-02', 'Quốc khánh'],
];

/**
 * Reads a national schedule file: one year `{year, daysOff: [{date, name}], workingDays: [...]}` or
 * a list of years. Every problem is reported (path and Vietnamese message), nothing is half-read.
 */
export function parseNationalFile(text: string): NationalYearFile[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ValidationError('Tệp lịch nghỉ không phải JSON hợp lệ.', [{ field: '(tệp)', code: 'invalid_json', message: `Không đọc được JSON: ${(e as Error).message}` }], 'invalid_calendar');
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const problems: Array<{ field: string; code: string; message: string }> = [];
  const years: NationalYearFile[] = [];
  if (list.length === 0) problems.push({ field: '(tệp)', code: 'empty', message: 'Tệp không có năm nào' });
  list.forEach((item, i) => {
    const at = (p: Array<string | number>) => [...(Array.isArray(raw) ? [i] : []), ...p].join('.') || '(gốc)';
    const r = yearFileSchema.safeParse(item, { error: z.locales.vi().localeError });
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ field: at(issue.path as Array<string | number>), code: issue.code, message: issue.message });
      return;
    }
    const y = r.data;
    const seen = new Map<string, string>();
    const check = (list: 'daysOff' | 'workingDays', days: DatedName[]) =>
      days.forEach((d, j) => {
        const field = at([list, j, 'date']);
        if (!d.date.startsWith(`${y.year}-`)) problems.push({ field, code: 'wrong_year', message: `Ngày ${d.date} không thuộc năm ${y.year}` });
        const before = seen.get(d.date);
        if (before) problems.push({ field, code: 'duplicate', message: before === list ? `Ngày ${d.date} được ghi hai lần` : `Ngày ${d.date} vừa là ngày nghỉ vừa là ngày làm việc` });
        seen.set(d.date, list);
        const w = weekday(d.date);
        if (list === 'workingDays' && w >= 1 && w <= 5) {
          problems.push({ field, code: 'not_weekend', message: `Ngày ${d.date} là ${WEEKDAY_NAME[w]}, vốn là ngày làm việc: chỉ ghi Thứ Bảy, Chủ nhật làm bù` });
        }
      });
    check('daysOff', y.daysOff);
    check('workingDays', y.workingDays);
    for (const [md, name] of FIXED_HOLIDAYS) {
      const date = `${y.year}-${md}`;
      const w = weekday(date);
      if (w >= 1 && w <= 5 && !y.daysOff.some((d) => d.date === date)) {
        problems.push({ field: at(['daysOff']), code: 'missing_holiday', message: `Thiếu ngày nghỉ lễ ${name} (${date}, ${WEEKDAY_NAME[w]}): tệp phải ghi đủ mọi ngày nghỉ của năm` });
      }
    }
    if (years.some((o) => o.year === y.year)) problems.push({ field: at(['year']), code: 'duplicate_year', message: `Năm ${y.year} được ghi hai lần` });
    years.push(y);
  });
  if (problems.length) throw new ValidationError('Tệp lịch nghỉ có lỗi, chưa nhập ngày nào.', problems, 'invalid_calendar');
  return years;
}

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

export class CalendarService {
  private national: Promise<HolidayCalendar> | null = null;
  private units = new Map<string, Promise<UnitCalendar>>();
  private loadedAt = 0;
  private changes = 0;
  private fingerprint = '';
  /** Every change of declarations or settings made by this process (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  /** Forget what was read (after a change, or in tests). */
  invalidate(changed = true): void {
    this.national = null;
    this.units.clear();
    if (changed) this.changes++;
  }

  /** Changes when the declarations change (pages that show them are cached by it). */
  version(): number {
    return this.changes;
  }

  /** The sentences a unit's public pages show: its Saturday desk, its own weekday hours. */
  async notes(unitCode: string): Promise<string[]> {
    const cal = await this.calendarOf(unitCode);
    const out: string[] = [];
    for (const [w, sessions] of Object.entries(cal.week ?? {})) {
      out.push(`${WEEKDAY_NAME[Number(w)]}: ${sessions.length ? sessions.map((x) => `${x.from}–${x.to}`).join(', ') : 'không làm việc'}`);
    }
    const sat = saturdayLine(cal);
    if (sat) out.push(sat);
    return out;
  }

  private fresh(): void {
    const t = Date.now();
    if (t - this.loadedAt > RELOAD_MS) {
      this.invalidate(false);
      this.loadedAt = t;
    }
  }

  /** The national declarations, by year (every imported year is `complete`). */
  nationalDeclarations(): Promise<HolidayCalendar> {
    this.fresh();
    if (!this.national) {
      const p = repo.listNationalDays(this.db).then((rows) => {
        const print = rows.map((r) => `${r.date}${r.kind}${r.name}`).join('|');
        if (this.fingerprint && print !== this.fingerprint) this.changes++;
        this.fingerprint = print;
        const byYear: Record<string, { daysOff: DatedName[]; workingDays: DatedName[]; complete: boolean }> = {};
        for (const r of rows) {
          const y = (byYear[String(r.year)] ??= { daysOff: [], workingDays: [], complete: true });
          (r.kind === 'off' ? y.daysOff : y.workingDays).push({ date: r.date, name: r.name });
        }
        return parseHolidayCalendar(byYear);
      });
      p.catch(() => (this.national = null));
      this.national = p;
    }
    return this.national;
  }

  /** The unit's own settings, as stored (no national declarations merged in). */
  async unitSettings(unitCode: string): Promise<UnitCalendar> {
    const raw = await repo.findUnitCalendar(this.db, unitCode);
    return raw ? parseUnitCalendar(JSON.parse(raw)) : DEFAULT_UNIT_CALENDAR;
  }

  /** The calendar a unit's due dates are computed with: its settings over the national declarations. */
  calendarOf(unitCode: string): Promise<UnitCalendar> {
    this.fresh();
    return this.units.get(unitCode) ?? this.remember(unitCode, this.unitSettings(unitCode));
  }

  /**
   * Reads the settings of those of these units not in memory in one statement, and keeps their
   * calendars as calendarOf would (forgotten on the same changes). For a job that meets many units
   * in a run: the escalation met 126 at province scale, each read by its own statement (issue 16).
   */
  async preload(unitCodes: string[]): Promise<void> {
    this.fresh();
    const missing = [...new Set(unitCodes)].filter((u) => !this.units.has(u));
    if (!missing.length) return;
    const stored = repo.findUnitCalendars(this.db, missing);
    await Promise.all(missing.map((u) => this.remember(u, stored.then((m) => (m.has(u) ? parseUnitCalendar(JSON.parse(m.get(u)!)) : DEFAULT_UNIT_CALENDAR)))));
  }

  private remember(unitCode: string, own: Promise<UnitCalendar>): Promise<UnitCalendar> {
    const p = Promise.all([own, this.nationalDeclarations()]).then(([own, national]) =>
      Object.keys(national).length ? parseUnitCalendar({ ...own, holidays: { ...own.holidays, ...national } }) : own,
    );
    p.catch(() => this.units.delete(unitCode));
    this.units.set(unitCode, p);
    return p;
  }

  /** The calendar the unit would have with these settings (nothing saved). */
  async withSettings(unitCode: string, own: UnitCalendar): Promise<UnitCalendar> {
    const national = await this.nationalDeclarations();
    return Object.keys(national).length ? parseUnitCalendar({ ...own, holidays: { ...own.holidays, ...national } }) : own;
  }

  /** Saves a unit's settings (validated); the next due date computed for the unit uses them. */
  async setUnitSettings(unitCode: string, input: unknown): Promise<UnitCalendar> {
    const cal = parseUnitCalendar(input);
    await repo.upsertUnitCalendar(this.db, unitCode, JSON.stringify(cal), this.clock.now().toISOString());
    this.invalidate();
    this.updates.emit();
    return cal;
  }

  /** Replaces the national schedule of each year in the file, all or nothing. */
  async importNational(text: string, by: string): Promise<Array<{ year: number; daysOff: number; workingDays: number }>> {
    const years = parseNationalFile(text);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const y of years) {
        await repo.replaceNationalYear(
          trx,
          y.year,
          [...y.daysOff.map((d) => ({ ...d, kind: 'off' as const })), ...y.workingDays.map((d) => ({ ...d, kind: 'work' as const }))],
          by,
          now,
        );
      }
    });
    this.invalidate();
    this.updates.emit();
    return years.map((y) => ({ year: y.year, daysOff: y.daysOff.length, workingDays: y.workingDays.length }));
  }

  /** The national schedule of a year as imported ([] lists when none was). */
  async nationalYear(year: number): Promise<{ declared: boolean; daysOff: DatedName[]; workingDays: DatedName[] }> {
    const y = (await this.nationalDeclarations())[String(year)];
    return { declared: !!y, daysOff: y ? [...y.daysOff] : [], workingDays: y ? [...y.workingDays] : [] };
  }

  async exceptions(unitCode: string, year: number): Promise<CalendarExceptions> {
    return { unit: unitCode, year, ...exceptionsIn(await this.calendarOf(unitCode), year) };
  }

  async openingHours(unitCode: string, date: IsoDate | Date): Promise<OpeningSession[]> {
    const day = typeof date === 'string' ? date : new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    return openingHoursIn(await this.calendarOf(unitCode), day);
  }
}

// ---------------------------------------------------------------------------------------------
// One service per database, for the module-level functions other modules call
// ---------------------------------------------------------------------------------------------

const services = new WeakMap<object, CalendarService>();
let lastDb: Kysely<DB> | undefined;

/** The calendar service of a database (one per database, so its cache is shared). */
export function calendarsOf(db: Kysely<DB>, clock?: Clock): CalendarService {
  let s = services.get(db);
  if (!s) {
    s = new CalendarService(db, clock);
    services.set(db, s);
  }
  lastDb = db;
  return s;
}

/** `{daysOff, workingDays}`: the exceptions to Monday–Friday of a unit's year. */
export async function unitCalendar(db: Kysely<DB>, unitCode: string, year: number): Promise<{ daysOff: DatedName[]; workingDays: DatedName[] }> {
  const { daysOff, workingDays } = await calendarsOf(db).exceptions(unitCode, year);
  return { daysOff, workingDays };
}

/**
 * The unit's opening sessions on a date ([] when closed), Saturday desks included. `db` defaults to
 * the database the application was built with.
 */
export async function openingHours(unitCode: string, date: IsoDate | Date, db: Kysely<DB> | undefined = lastDb): Promise<OpeningSession[]> {
  if (!db) throw new Error('openingHours: no database (build the application first, or pass db)');
  return calendarsOf(db).openingHours(unitCode, date);
}
