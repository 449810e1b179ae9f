/** Display formats for Vietnamese users: VND without decimals, dd/mm/yyyy, Asia/Ho_Chi_Minh. */
import type { Channel, Fee, ProcessingTime } from '../catalog/catalog.types';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 20000 → "20.000 đồng". */
export function formatVnd(amount: number): string {
  return `${vnd.format(Math.round(amount))} đồng`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * Vietnam's clocks have been UTC+7 with no summer time since 13 June 1975 (IANA tz database,
 * Asia/Ho_Chi_Minh): from 1976 on, the wall clock is the UTC clock 7 hours on, read without ICU.
 * Intl's time-zone formatting costs ~2.3–2.9 µs of CPU a date and time, this ~0.4–0.8 µs, and a
 * tracking answer formats one per history step. Earlier times (and invalid dates, which Intl refuses) still go through Intl.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const VN_FIXED_SINCE = Date.UTC(1976, 0, 1);
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The wall clock in Vietnam as a UTC-read Date, or undefined where `VN_FIXED_SINCE` does not hold. */
function vnWall(date: Date): Date | undefined {
  const t = date.getTime();
  return t >= VN_FIXED_SINCE && t < 253_402_300_800_000 - VN_OFFSET_MS ? new Date(t + VN_OFFSET_MS) : undefined;
}

const dayOf = (w: Date) => `${pad2(w.getUTCDate())}/${pad2(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;

/** A Date or ISO string → "29/11/2026" in Vietnam's time zone. */
export function formatDate(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  const w = vnWall(date);
  return w ? dayOf(w) : dateFmt.format(date);
}

/** A Date or ISO string → "14:05 29/11/2026" in Vietnam's time zone. */
export function formatDateTime(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  const w = vnWall(date);
  return w ? `${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())} ${dayOf(w)}` : `${timeFmt.format(date)} ${dateFmt.format(date)}`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

export function formatTime(t: ProcessingTime | null | undefined): string {
  if (!t) return 'Không có thông tin';
  switch (t.unit) {
    case 'working_days':
      return `${num(t.value)} ngày làm việc`;
    case 'days':
      return `${num(t.value)} ngày`;
    case 'hours':
      return `${num(t.value)} giờ`;
  }
}

/**
 * A channel's time for display: the main phrase and its qualifier, each said once. The record's
 * text often restates the structured time ("1 ngày làm việc; hồ sơ nhận sau 15 giờ…"): the
 * restatement is dropped rather than shown as "1 ngày làm việc (1 ngày làm việc; …)". A text
 * that says more than the number ("Trong ngày tiếp nhận; …") is shown as it is.
 */
export function describeTime(time: ProcessingTime | null | undefined, timeText: string | undefined): { main: string; rest: string } {
  const f = time ? formatTime(time) : '';
  const t = (timeText ?? '').trim();
  if (!t) return { main: f || 'Không có thông tin', rest: '' };
  if (!f) return { main: t, rest: '' };
  const lead = new RegExp(`^0*${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
  if (lead.test(t)) return { main: f, rest: t.replace(lead, '').replace(/^[\s;,.:()–—-]+/u, '').trim() };
  return { main: t, rest: '' };
}

/** The time in one short phrase, for lists and listings: "1 ngày làm việc", "Trong ngày tiếp nhận". */
export function shortTime(time: ProcessingTime | null | undefined, timeText: string | undefined): string {
  const { main } = describeTime(time, timeText);
  return main.split(';')[0]!.trim();
}

/** The time in full, each fact once: "1 ngày làm việc; hồ sơ nhận sau 15 giờ thì…". */
export function fullTime(time: ProcessingTime | null | undefined, timeText: string | undefined): string {
  const { main, rest } = describeTime(time, timeText);
  return rest ? `${main}; ${rest}` : main;
}

const BASIS: Record<Fee['basis'], string> = { per_case: '', per_page: '/trang', per_copy: '/bản' };

export function formatFee(f: Fee): string {
  if (f.amount === 0) return `${f.label}: miễn phí`;
  const cap = f.max ? ` (tối đa ${formatVnd(f.max)})` : '';
  return `${f.label}: ${formatVnd(f.amount)}${BASIS[f.basis]}${cap}`;
}

/** One short phrase for a channel's fees, for listings: "Miễn phí", "8.000 đồng", "Theo quy định". */
export function feeSummary(ch: Channel | undefined): string {
  if (!ch) return 'Không có thông tin';
  if (ch.fees.length === 0) return shorten(ch.feeText) || 'Không có thông tin';
  // Copies asked for on the e-form are charged only when asked: said apart from the fee itself.
  const asked = ch.fees.filter((f) => f.copiesField && f.amount > 0);
  const fees = ch.fees.filter((f) => !f.copiesField);
  const main = fees.length === 0 ? '' : fees.every((f) => f.amount === 0) ? 'Miễn phí' : fees.filter((f) => f.amount > 0).map((f) => `${vnd.format(f.amount)} đ${BASIS[f.basis]}`).join(' + ');
  if (!asked.length) return main || 'Miễn phí';
  const copies = asked.map((f) => `${vnd.format(f.amount)} đ${BASIS[f.basis]}`).join(' + ');
  return main ? `${main}; bản sao ${copies}` : `Bản sao ${copies}`;
}

/** A channel's fees in full, for printed listings and posters: never cut. */
export function feeDetail(ch: Channel | undefined): string {
  if (!ch) return 'Không có thông tin';
  const fees = ch.fees.length && ch.fees.every((f) => f.amount === 0) ? 'Miễn phí' : ch.fees.filter((f) => f.amount > 0).map(formatFee).join('; ');
  return [fees, ch.feeText.trim()].filter(Boolean).join('. ') || 'Không có thông tin';
}

export const CHANNEL_LABEL: Record<Channel['kind'], string> = {
  in_person: 'Nộp trực tiếp',
  online: 'Nộp trực tuyến',
  post: 'Qua dịch vụ bưu chính',
};

/** First clause of a long free-text note, for lists and printed listings. */
export function shorten(text: string, max = 70): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const stop = Math.max(cut.lastIndexOf(';'), cut.lastIndexOf('.'), cut.lastIndexOf(','));
  return (stop > 20 ? cut.slice(0, stop) : cut.slice(0, cut.lastIndexOf(' '))).trim() + '…';
}

/** Working time for people, in the office's days of 8 hours: "2 giờ 30 phút", "3 ngày 4 giờ", "quá 1 ngày". */
export function formatWorking(ms: number | null): string {
  if (ms === null) return '—';
  const late = ms < 0;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 480);
  const hours = Math.floor((minutes % 480) / 60);
  const mins = minutes % 60;
  const text = days > 0 ? `${days} ngày${hours ? ` ${hours} giờ` : ''}` : hours > 0 ? `${hours} giờ${mins ? ` ${mins} phút` : ''}` : `${mins} phút`;
  return late ? `quá ${text}` : text;
}
