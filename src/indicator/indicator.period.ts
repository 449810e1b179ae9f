import { BadRequestError } from '../shared/errors';

/**
 * A reporting period: a month (`2026-11`), a quarter (`2026-Q4`), a year (`2026`) or a range of
 * days (`{from: '2026-11-01', to: '2026-11-15'}`, both days included). Boundaries are midnight in
 * Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving), given as UTC instants: `from` included,
 * `to` excluded — the form every timestamp of the history is compared with.
 */
export interface Period {
  /** Canonical text of the period: `2026-11`, `2026-Q4`, `2026`, `2026-11-01..2026-11-15`. */
  key: string;
  kind: 'month' | 'quarter' | 'year' | 'range';
  /** First instant (UTC ISO-8601), included. */
  from: string;
  /** First instant after the period (UTC ISO-8601), excluded. */
  to: string;
}

const VN_OFFSET_MS = 7 * 3_600_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** A range may cover at most this many days (five years): a longer one is a typing mistake. */
const MAX_RANGE_DAYS = 5 * 366;

function invalid(message: string): never {
  throw new BadRequestError('invalid_period', message);
}

const HINT = 'Kỳ báo cáo viết theo dạng tháng "2026-11", quý "2026-Q4", năm "2026", hoặc từ ngày – đến ngày "2026-11-01" – "2026-11-30".';

/** Midnight (Vietnam) at the start of a calendar day, as a UTC instant. */
function vnMidnight(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d) - VN_OFFSET_MS).toISOString();
}

function checkYear(y: number): void {
  if (y < MIN_YEAR || y > MAX_YEAR) invalid(`Năm ${y} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}. ${HINT}`);
}

function parseDay(text: string, field: 'từ ngày' | 'đến ngày'): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) invalid(`Ngày "${text}" (${field}) không đúng dạng năm-tháng-ngày, ví dụ 2026-11-01.`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  checkYear(y);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) invalid(`Ngày "${text}" (${field}) không có trên lịch.`);
  return { y, m: mo, d };
}

/** Reads a period; bad input is a 400 `invalid_period` with a Vietnamese message. */
export function parsePeriod(input: string | { from: string; to: string }): Period {
  if (typeof input !== 'string') {
    if (!input || typeof input.from !== 'string' || typeof input.to !== 'string' || !input.from.trim() || !input.to.trim()) invalid(`Cần cả từ ngày và đến ngày. ${HINT}`);
    const a = parseDay(input.from, 'từ ngày');
    const b = parseDay(input.to, 'đến ngày');
    const from = vnMidnight(a.y, a.m, a.d);
    const to = vnMidnight(b.y, b.m, b.d + 1);
    if (to <= from) invalid('Đến ngày phải bằng hoặc sau từ ngày.');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) invalid('Khoảng thời gian dài quá 5 năm; hãy chọn khoảng ngắn hơn.');
    const day = (p: { y: number; m: number; d: number }) => `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
    return { key: `${day(a)}..${day(b)}`, kind: 'range', from, to };
  }
  const text = input.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    checkYear(y);
    if (mo < 1 || mo > 12) invalid(`Tháng ${m[2]} không có (tháng từ 01 đến 12). ${HINT}`);
    return { key: `${y}-${m[2]}`, kind: 'month', from: vnMidnight(y, mo, 1), to: vnMidnight(y, mo + 1, 1) };
  }
  m = /^(\d{4})-?Q(\d)$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    checkYear(y);
    if (q < 1 || q > 4) invalid(`Quý ${q} không có (quý từ 1 đến 4). ${HINT}`);
    return { key: `${y}-Q${q}`, kind: 'quarter', from: vnMidnight(y, 3 * q - 2, 1), to: vnMidnight(y, 3 * q + 1, 1) };
  }
  m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    checkYear(y);
    return { key: String(y), kind: 'year', from: vnMidnight(y, 1, 1), to: vnMidnight(y + 1, 1, 1) };
  }
  if (!text) invalid(`Chưa chọn kỳ báo cáo. ${HINT}`);
  invalid(`Kỳ báo cáo "${input.slice(0, 40)}" không hợp lệ. ${HINT}`);
}

/** The month (Vietnam time) an instant falls in, as a period: the "current period" of a clock. */
export function monthOf(at: Date): Period {
  const vn = new Date(at.getTime() + VN_OFFSET_MS);
  return parsePeriod(`${vn.getUTCFullYear()}-${String(vn.getUTCMonth() + 1).padStart(2, '0')}`);
}
