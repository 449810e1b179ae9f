import { ValidationError } from '../shared/errors';
import { normalizePhone } from '../shared/phone';

/**
 * A unit's offices: where a citizen actually goes (issue 15) — the one-stop office at the People's
 * Committee, the ward police, the health station… Hours are sessions per weekday in the working
 * calendar's own shape (`{from, to}` lists keyed by the weekday number, 0 = Sunday … 6 = Saturday,
 * as `UnitCalendar.week` and `OpeningSession`), extended to the weekend: Saturday hours are per office.
 */

export const OFFICE_KINDS = ['one_stop', 'police', 'health', 'other'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const OFFICE_KIND_LABEL: Record<OfficeKind, string> = {
  one_stop: 'Bộ phận một cửa',
  police: 'Công an',
  health: 'Trạm y tế',
  other: 'Nơi khác',
};

export const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Monday first, as offices post their hours. */
export const WEEK_ORDER: readonly Weekday[] = ['1', '2', '3', '4', '5', '6', '0'];
export const WEEKDAY_NAME: Record<Weekday, string> = { '0': 'Chủ nhật', '1': 'Thứ Hai', '2': 'Thứ Ba', '3': 'Thứ Tư', '4': 'Thứ Năm', '5': 'Thứ Sáu', '6': 'Thứ Bảy' };

export interface Session {
  from: string;
  to: string;
}
export type WeekHours = Record<Weekday, Session[]>;

export interface Office {
  id: string;
  unitCode: string;
  name: string;
  kind: OfficeKind;
  address: string;
  /** National form ('02438231111') or ''. */
  phone: string;
  week: WeekHours;
  notes: string;
  mapUrl: string;
  sort: number;
  updatedAt: string;
}

/** What an official types (the form's fields; the JSON body uses the same names). */
export interface OfficeInput {
  name?: string;
  kind?: string;
  address?: string;
  phone?: string;
  /** One text per weekday: "07:30-11:30, 13:30-17:00", "7h30–11h30", "nghỉ" or '' (closed). */
  hours?: Partial<Record<Weekday, string>>;
  notes?: string;
  mapUrl?: string;
  sort?: string | number;
}

export type OfficeData = Omit<Office, 'id' | 'unitCode' | 'updatedAt'>;

const MAX_SESSIONS = 3;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "7h30", "07:30", "7:30", "7h", "7g30" → "07:30"; undefined when it is not a time of day. */
export function normalizeClock(raw: string): string | undefined {
  const m = /^(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?|giờ\s*(\d{2})?)?$/iu.exec(raw.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? m[3] ?? '0');
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * One weekday's text read into sessions: "07:30-11:30, 13:30-17:00" (also "7h30–11h30 và 13h30–17h",
 * ";" between sessions); '' or "nghỉ" is closed. Problems come back as Vietnamese sentences.
 */
export function parseDayHours(text: string, day: string): { sessions: Session[]; problems: string[] } {
  const t = text.normalize('NFC').trim();
  if (!t || /^(nghỉ|đóng cửa|không làm việc|-)$/iu.test(t)) return { sessions: [], problems: [] };
  const parts = t.split(/\s*[,;]\s*|\s+và\s+/u).filter(Boolean);
  const sessions: Session[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*(?:-|–|—|đến)\s*(.+)$/u.exec(part);
    const from = m ? normalizeClock(m[1]!) : undefined;
    const to = m ? normalizeClock(m[2]!) : undefined;
    if (!from || !to) {
      problems.push(`${day}: "${part.slice(0, 40)}" chưa đúng dạng giờ; mỗi buổi ghi như 07:30-11:30, các buổi cách nhau bằng dấu phẩy, hoặc ghi "nghỉ"`);
      continue;
    }
    if (minutes(from) >= minutes(to)) problems.push(`${day}: buổi ${from}-${to} phải kết thúc sau khi bắt đầu`);
    sessions.push({ from, to });
  }
  if (sessions.length > MAX_SESSIONS) problems.push(`${day}: tối đa ${MAX_SESSIONS} buổi một ngày`);
  sessions.sort((a, b) => minutes(a.from) - minutes(b.from));
  for (let i = 1; i < sessions.length; i++) {
    if (minutes(sessions[i]!.from) < minutes(sessions[i - 1]!.to)) problems.push(`${day}: các buổi ${sessions[i - 1]!.from}-${sessions[i - 1]!.to} và ${sessions[i]!.from}-${sessions[i]!.to} chồng lên nhau`);
  }
  return { sessions, problems };
}

/** The form's text of one weekday: "07:30-11:30, 13:30-17:00" or "nghỉ". */
export function dayHoursText(sessions: readonly Session[]): string {
  return sessions.length ? sessions.map((s) => `${s.from}-${s.to}`).join(', ') : 'nghỉ';
}

const clean = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '');

/** The display form of a stored phone: "024 3823 1111", "0912 345 678". */
export function displayPhone(phone: string): string {
  if (/^02\d{9}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  return phone;
}

/**
 * An office as typed, checked field by field: every problem is listed (field and Vietnamese
 * message) in one ValidationError (422 `invalid_office`), nothing half-saved.
 */
export function parseOfficeInput(input: OfficeInput): OfficeData {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  const bad = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const name = clean(input.name);
  if (name.length < 3) bad('name', 'required', 'Cần ghi tên nơi tiếp nhận (ví dụ: Công an phường Ba Đình)');
  else if (name.length > 120) bad('name', 'too_long', 'Tên nơi tiếp nhận tối đa 120 ký tự');
  const kind = clean(input.kind) as OfficeKind;
  if (!OFFICE_KINDS.includes(kind)) bad('kind', 'invalid_kind', 'Chọn loại nơi tiếp nhận: bộ phận một cửa, công an, trạm y tế hoặc nơi khác');
  const address = clean(input.address);
  if (address.length < 5) bad('address', 'required', 'Cần ghi địa chỉ (số nhà, đường phố, phường/xã)');
  else if (address.length > 300) bad('address', 'too_long', 'Địa chỉ tối đa 300 ký tự');
  const rawPhone = clean(input.phone);
  const phone = rawPhone ? normalizePhone(rawPhone) : '';
  if (phone === null) bad('phone', 'invalid_phone', 'Số điện thoại không hợp lệ. Ví dụ đúng: 024 3823 1111 hoặc 0912345678');
  const week = {} as WeekHours;
  for (const d of WEEKDAYS) {
    const r = parseDayHours(clean(input.hours?.[d]), WEEKDAY_NAME[d]);
    week[d] = r.sessions;
    for (const m of r.problems) bad(`hours.${d}`, 'invalid_hours', m);
  }
  if (WEEKDAYS.every((d) => !week[d].length) && !problems.some((p) => p.field.startsWith('hours.'))) {
    bad('hours.1', 'no_hours', 'Cần ghi giờ làm việc của ít nhất một ngày trong tuần (ví dụ Thứ Hai: 07:30-11:30, 13:30-17:00)');
  }
  const notes = clean(input.notes);
  if (notes.length > 300) bad('notes', 'too_long', 'Ghi chú tối đa 300 ký tự');
  const mapUrl = clean(input.mapUrl);
  if (mapUrl && (!/^https:\/\/[^\s<>"]+$/.test(mapUrl) || mapUrl.length > 500)) bad('mapUrl', 'invalid_url', 'Đường dẫn bản đồ phải bắt đầu bằng https:// (tối đa 500 ký tự), ví dụ https://maps.google.com/?q=...');
  const sortText = clean(input.sort);
  const sort = sortText ? Number(sortText) : 0;
  if (!Number.isInteger(sort) || sort < 0 || sort > 999) bad('sort', 'invalid_sort', 'Thứ tự hiển thị là số nguyên từ 0 đến 999');
  if (problems.length) throw new ValidationError('Thông tin nơi tiếp nhận chưa hợp lệ.', problems, 'invalid_office');
  return { name, kind, address, phone: phone ?? '', week, notes, mapUrl, sort };
}

/** Stored JSON → hours (days missing from an old row are closed). */
export function weekOf(json: string): WeekHours {
  const raw = JSON.parse(json) as Partial<WeekHours>;
  const week = {} as WeekHours;
  for (const d of WEEKDAYS) week[d] = (raw[d] ?? []).map((s) => ({ from: s.from, to: s.to }));
  return week;
}

const sessionsText = (s: readonly Session[]) => (s.length ? s.map((x) => `${x.from}–${x.to}`).join(', ') : 'nghỉ');

/**
 * The week in lines, consecutive days with the same hours grouped, Monday first:
 * [{days: 'Thứ Hai – Thứ Sáu', text: '07:30–11:30, 13:30–17:00', weekdays: ['1'…'5']}, …].
 */
export function weekLines(week: WeekHours): Array<{ days: string; text: string; weekdays: Weekday[] }> {
  const out: Array<{ days: string; text: string; weekdays: Weekday[] }> = [];
  for (const d of WEEK_ORDER) {
    const text = sessionsText(week[d]);
    const last = out.at(-1);
    if (last && last.text === text) last.weekdays.push(d);
    else out.push({ days: '', text, weekdays: [d] });
  }
  for (const l of out) {
    const first = WEEKDAY_NAME[l.weekdays[0]!];
    const end = WEEKDAY_NAME[l.weekdays.at(-1)!];
    l.days = l.weekdays.length === 1 ? first : l.weekdays.length === 2 ? `${first}, ${end}` : `${first} – ${end}`;
  }
  return out;
}

/** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ". */
export function hoursText(week: WeekHours): string {
  return weekLines(week)
    .map((l) => `${l.days}: ${l.text}`)
    .join('; ');
}

/** Saturday's hours in a few words for listings ("Thứ Bảy 07:30–11:30"), or '' when closed. */
export function saturdayText(week: WeekHours): string {
  return week['6'].length ? `Thứ Bảy ${sessionsText(week['6'])}` : '';
}
