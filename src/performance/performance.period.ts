import { ValidationError } from '../shared/errors';

/** A period of officials' work: a month ('2026-12') or an ISO week ('2026-W49'), in Vietnam time. */
export interface WorkPeriod {
  key: string;
  kind: 'month' | 'week';
  /** UTC ISO instant of the first moment (00:00 in Hà Nội). */
  from: string;
  /** UTC ISO instant just after the last moment. */
  to: string;
  /** First and last calendar day (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  label: string;
}

const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
const dayPlus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function monthPeriod(y: number, m: number): WorkPeriod {
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { key: first.slice(0, 7), kind: 'month', from: startOf(first), to: startOf(next), firstDay: first, lastDay: dayPlus(next, -1), label: `Tháng ${m}/${y}` };
}

/** Monday of ISO week 1 of the year: the week holding 4 January. */
function isoWeekMonday(y: number, w: number): string {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const dow = (jan4.getUTCDay() + 6) % 7;
  return dayPlus(jan4.toISOString().slice(0, 10), -dow + (w - 1) * 7);
}

function weekPeriod(y: number, w: number): WorkPeriod {
  const monday = isoWeekMonday(y, w);
  const sunday = dayPlus(monday, 6);
  const d = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}`;
  return { key: `${y}-W${String(w).padStart(2, '0')}`, kind: 'week', from: startOf(monday), to: startOf(dayPlus(monday, 7)), firstDay: monday, lastDay: sunday, label: `Tuần ${w}/${y} (${d(monday)}–${d(sunday)})` };
}

/** The ISO week holding a calendar day. */
export function weekOfDay(day: string): WorkPeriod {
  const t = new Date(`${day}T00:00:00Z`);
  const dow = (t.getUTCDay() + 6) % 7;
  const thursday = new Date(t.getTime() + (3 - dow) * 86_400_000);
  const y = thursday.getUTCFullYear();
  const w = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) + 1;
  return weekPeriod(y, w);
}

export function monthOfDay(day: string): WorkPeriod {
  return monthPeriod(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
}

/** Today's calendar day in Hà Nội. */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** '2026-12' or '2026-W49'; anything else is a 400 with a Vietnamese message. */
export function parseWorkPeriod(text: string, field = 'period'): WorkPeriod {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12) return monthPeriod(y, mo);
  }
  m = /^(\d{4})-W(\d{2})$/i.exec(s);
  if (m) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    const last = weekOfDay(`${y}-12-28`).key === `${y}-W53` ? 53 : 52;
    if (y >= 2000 && y <= 2100 && w >= 1 && w <= last) return weekPeriod(y, w);
  }
  throw new ValidationError('Kỳ không hợp lệ: dùng tháng (ví dụ 2026-12) hoặc tuần (ví dụ 2026-W49).', [{ field, code: 'invalid_period', message: 'Kỳ là tháng dạng 2026-12 hoặc tuần dạng 2026-W49' }], 'invalid_input');
}

/** The month before (for links). */
export function shiftPeriod(p: WorkPeriod, n: number): WorkPeriod {
  if (p.kind === 'week') return weekOfDay(dayPlus(p.firstDay, 7 * n));
  const y = Number(p.key.slice(0, 4));
  const m = Number(p.key.slice(5, 7)) - 1 + n;
  return monthPeriod(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1);
}
