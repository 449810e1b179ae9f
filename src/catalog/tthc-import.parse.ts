/**
 * Parser for one record of the national procedure export (Cổng Dịch vụ công quốc gia; format in
 * shared/data/README.md beside the project): raw JSON whose tables were flattened → `Procedure`.
 *
 * Pure: no I/O, no clock. Everything the grammar cannot read is reported as a `ParseProblem`
 * (field = the raw JSON field) instead of being dropped. "Không có thông tin" means "no
 * information" and is never a problem.
 */
import {
  procedureSchema,
  type Channel,
  type ChannelKind,
  type Component,
  type ComponentGroup,
  type Fee,
  type FeeBasis,
  type LegalDoc,
  type OnlineLevel,
  type ProcessingTime,
  type Procedure,
} from './catalog.types';
import { slugify } from '../shared/vietnamese';

/** One line of the export as published; every field is a string and may be missing. */
export interface NationalRecord {
  ma_thu_tuc?: string;
  detail_url?: string;
  ten_thu_tuc?: string;
  so_quyet_dinh?: string;
  cap_thuc_hien?: string;
  loai_thu_tuc?: string;
  linh_vuc?: string;
  doi_tuong_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  dia_chi_tiep_nhan?: string;
  co_quan_duoc_uy_quyen?: string;
  co_quan_phoi_hop?: string;
  thu_tuc_lien_quan?: string;
  trinh_tu_thuc_hien?: string;
  cach_thuc_thuc_hien?: string;
  thanh_phan_ho_so?: string;
  yeu_cau_dieu_kien?: string;
  ket_qua_xu_ly?: string;
  can_cu_phap_ly?: string;
  co_quan_thuc_hien?: string;
  bo_nganh?: string;
}

export interface ParseProblem {
  /** Stable machine code, e.g. `channel_time_unparsed`. */
  code: string;
  /** The raw field it concerns, e.g. `cach_thuc_thuc_hien`; `record` for the whole line. */
  field: string;
  /** For staff, in Vietnamese. */
  message: string;
  /** The offending source text, shortened. */
  excerpt: string;
}

export interface ParseResult {
  procedure: Procedure | null;
  problems: ParseProblem[];
}

const RECORD_FIELDS = [
  'ma_thu_tuc',
  'detail_url',
  'ten_thu_tuc',
  'so_quyet_dinh',
  'cap_thuc_hien',
  'loai_thu_tuc',
  'linh_vuc',
  'doi_tuong_thuc_hien',
  'co_quan_co_tham_quyen',
  'dia_chi_tiep_nhan',
  'co_quan_duoc_uy_quyen',
  'co_quan_phoi_hop',
  'thu_tuc_lien_quan',
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'yeu_cau_dieu_kien',
  'ket_qua_xu_ly',
  'can_cu_phap_ly',
  'co_quan_thuc_hien',
  'bo_nganh',
] as const satisfies readonly (keyof NationalRecord)[];

const NO_INFO = 'Không có thông tin';

// ---------------------------------------------------------------------------------------------
// Text

/** Zero-width marks and private-use glyphs (Wingdings bullets pasted from Word). */
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\ufeff\uf000-\uf8ff]/g;

/** NFC, invisible marks removed, runs of spaces collapsed per line, blank-line runs squeezed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Like cleanText, on one line. */
export function cleanLine(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function isNoInfo(s: string): boolean {
  return /^không có thông tin\.?$/i.test(cleanLine(s));
}

function excerptOf(s: string, max = 160): string {
  const line = cleanLine(s);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

type Report = (field: string, code: string, message: string, excerpt: string) => void;

// ---------------------------------------------------------------------------------------------
// Money

const AMOUNT = String.raw`(?:[1-9]\d{0,2}(?:[.,]\d{3})+|[1-9]\d*|0)`;
const VND = String.raw`(?:Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|Đồng|đồng)`;
const CURRENCY = String.raw`(?:${VND}|USD|EUR)`;
const PER_UNIT = String.raw`(?:\s?\/\s?(?:trang|bản sao|bản|lần|hồ sơ|trường hợp|giấy|thẻ|tờ khai))`;
const FEE_ITEM = String.raw`(?:(?:Lệ phí|Phí)\s?:\s?)?(?:Miễn phí|${AMOUNT}\s?${CURRENCY}${PER_UNIT}?)`;
const FEE_CELL = String.raw`(?:${NO_INFO}|${FEE_ITEM}(?:\s?${FEE_ITEM})*)`;

/** "20,000" and "20.000" are both twenty thousand: the portal mixes both separators. */
export function parseAmount(text: string): number {
  return Number.parseInt(text.replace(/[.,\s]/g, ''), 10);
}

/** "/trang" → per page, "/bản" → per copy; the first unit written wins (the fee's own unit). */
function basisFrom(text: string): FeeBasis {
  const m = /\/\s*(?:0?1\s+)?(trang|bản)(?!\p{L})/u.exec(text);
  if (!m) return 'per_case';
  return m[1] === 'trang' ? 'per_page' : 'per_copy';
}

function maxFrom(text: string): number | undefined {
  const m = new RegExp(
    String.raw`(?:tối đa(?: thu)?(?: không quá)?|không quá)\s*(${AMOUNT})\s?(?:${VND}|đ)`,
    'iu',
  ).exec(text);
  if (!m?.[1]) return undefined;
  const max = parseAmount(m[1]);
  return max > 0 ? max : undefined;
}

/** The amounts (VND) a free text mentions: "150.000 đồng/giấy", "20.000Đ/tờ khai", "15000000/lần Đồng". */
function vndAmountsIn(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(
    String.raw`(${AMOUNT})\s?(?:\/\s?[\p{L}\d]+\s?)?(?:việt nam đồng|vnđ|vnd|đồng|đ(?!\p{L}))`,
    'giu',
  );
  for (const m of text.matchAll(re)) if (m[1]) out.push(parseAmount(m[1]));
  return out.filter((n) => n > 0);
}

// ---------------------------------------------------------------------------------------------
// Channels: "Hình thức nộpThời gianPhí, lệ phíMô tả" then <channel><time><fee>(<note>)<desc>...

const CHANNELS: Record<string, ChannelKind> = {
  'Trực tiếp': 'in_person',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'post',
};
const CHANNEL_NAME = '(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)';
const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const TIME_UNIT = String.raw`(?:Ngày làm việc|ngày làm việc|Ngày|ngày|Giờ|giờ|Tháng|tháng|Năm|năm|Tuần|tuần)`;
/**
 * The time cell is glued to the fee cell ("120,000 VNĐ" = 1 day + 20,000 VNĐ), so the digits are
 * taken lazily: the shortest time that leaves a well-formed amount (no leading zero, groups of 3).
 */
const TIME_CELL = String.raw`(?:${NO_INFO}|\d+?(?:[.,]\d+)?(?:\s?${TIME_UNIT})?)`;
const ROW_STRICT = new RegExp(`${CHANNEL_NAME}(${TIME_CELL})(${FEE_CELL})`, 'gu');
/** A time the portal wrote in words ("Không quy định"): capitalised, short, glued to the channel. */
const ROW_LOOSE = new RegExp(String.raw`${CHANNEL_NAME}(\p{Lu}[^()\n;:\d]{0,120}?)(${FEE_CELL})`, 'gu');

interface Row {
  start: number;
  end: number;
  kind: ChannelKind;
  timeText: string;
  feeText: string;
}

export interface TimeParse {
  time: ProcessingTime | null;
  /** Set when the text is neither a usable time nor "Không có thông tin". */
  problem?: { code: string; message: string };
}

/** "7 Ngày làm việc", "15 Ngày", "1 Giờ", "0.5 Ngày làm việc", "3" (working days), "Không có thông tin". */
export function parseTime(raw: string): TimeParse {
  const text = cleanLine(raw);
  if (text === '' || isNoInfo(text)) return { time: null };
  const m = /^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ|tháng|năm|tuần)?$/iu.exec(text);
  if (!m?.[1]) {
    return {
      time: null,
      problem: { code: 'channel_time_unparsed', message: 'Không đọc được thời hạn giải quyết' },
    };
  }
  const value = Number.parseFloat(m[1].replace(',', '.'));
  const unitWord = (m[2] ?? '').toLowerCase();
  if (!(value > 0)) {
    return {
      time: null,
      problem: { code: 'channel_time_zero', message: 'Thời hạn giải quyết bằng 0, không dùng được' },
    };
  }
  // A bare number is how the portal writes working days (e.g. civil-status procedures, 1 = 1 ngày làm việc).
  if (unitWord === '' || unitWord === 'ngày làm việc') return { time: { value, unit: 'working_days' } };
  if (unitWord === 'ngày') return { time: { value, unit: 'days' } };
  if (unitWord === 'giờ') return { time: { value, unit: 'hours' } };
  return {
    time: null,
    problem: {
      code: 'channel_time_unit',
      message: `Đơn vị thời hạn "${m[2]}" chưa được hỗ trợ (chỉ ngày làm việc, ngày, giờ)`,
    },
  };
}

export interface FeeParse {
  fees: Fee[];
  /** Text that could not be structured (other currency, unreadable amount). */
  feeText: string;
  problems: { code: string; message: string; excerpt: string }[];
}

const FEE_ITEM_RE = new RegExp(
  String.raw`(?:(Lệ phí|Phí)\s?:\s?)?(?:(Miễn phí)|(${AMOUNT})\s?(${CURRENCY})(${PER_UNIT})?)`,
  'gu',
);

/**
 * One fee cell plus its note: "Miễn phí", "20,000 Việt Nam Đồng", "Lệ phí : 20,000 Việt Nam
 * ĐồngPhí : 2.000 Đồng/trang", "Không có thông tin"; the note (text in parentheses after the
 * cell) refines the unit, the cap and may list more fees ("  Phí: 400000 Đồng (Sát hạch …)").
 */
export function parseFeeCell(cellRaw: string, noteRaw = '', context = ''): FeeParse {
  const cell = cleanLine(cellRaw);
  const note = cleanLine(noteRaw);
  const result: FeeParse = { fees: [], feeText: '', problems: [] };
  if (cell === '' || isNoInfo(cell)) {
    if (note) result.feeText = note;
    return result;
  }
  const items = [...cell.matchAll(FEE_ITEM_RE)];
  const covered = items.reduce((n, m) => n + m[0].length, 0);
  if (items.length === 0 || covered < cell.replace(/\s/g, '').length * 0.8) {
    result.feeText = [cell, note].filter(Boolean).join(' ');
    result.problems.push({ code: 'channel_fee_unparsed', message: 'Không đọc được phí, lệ phí', excerpt: cell });
    return result;
  }
  const noteLabel = labelFromNote(note);
  const unstructured: string[] = [];
  // With one amount the note is about it; with several, only their own "/trang" counts.
  const single = items.length === 1;
  items.forEach((m, i) => {
    const kindWord = m[1];
    const label = kindWord ?? (i === 0 && noteLabel ? noteLabel : 'Phí, lệ phí');
    if (m[2]) {
      const free: Fee = { label: kindWord ?? 'Miễn phí', amount: 0, basis: 'per_case' };
      result.fees.push(i === 0 ? withNote(free, note) : free);
      return;
    }
    const amountText = m[3] ?? '';
    const currency = m[4] ?? '';
    const unitText = m[5] ?? '';
    if (!new RegExp(`^${VND}$`, 'u').test(currency)) {
      unstructured.push(cleanLine(m[0]));
      result.problems.push({
        code: 'channel_fee_currency',
        message: `Phí tính bằng ngoại tệ (${currency}), không quy đổi được sang đồng`,
        excerpt: m[0],
      });
      return;
    }
    let amount = parseAmount(amountText);
    // The portal sometimes stores thousands ("20 VNĐ" with note "20.000 đồng/lần"): trust the note.
    if (amount > 0 && amount < 1000) {
      if (vndAmountsIn(`${note} ${context}`).includes(amount * 1000)) amount *= 1000;
      else
        result.problems.push({
          code: 'channel_fee_suspicious',
          message: `Mức phí ${amount} đồng nhỏ bất thường, cần kiểm tra lại`,
          excerpt: [cell, note].filter(Boolean).join(' '),
        });
    }
    const basis = unitText ? basisFrom(unitText) : single ? basisFrom(note) : 'per_case';
    const fee: Fee = { label, amount, basis };
    if (basis !== 'per_case') {
      const max = maxFrom(`${note} ${context}`);
      if (max !== undefined && max > amount) fee.max = max;
    }
    result.fees.push(i === 0 ? withNote(fee, note) : fee);
  });
  // More fees listed in the note in the portal's "Phí: <amount> Đồng (<for what>)" form.
  for (const extra of feesInNote(note)) {
    if (!result.fees.some((f) => f.amount === extra.amount && f.basis === extra.basis)) result.fees.push(extra);
  }
  if (unstructured.length > 0) result.feeText = [...unstructured, note].filter(Boolean).join(' ');
  // "Miễn phí" over a note that lists amounts: do not tell citizens it is free; keep the note as text.
  const saysFree = result.fees.some((f) => f.amount === 0);
  if (saysFree && vndAmountsIn(note).length > 0) {
    result.fees = result.fees.filter((f) => f.amount > 0);
    result.feeText = joinUnique(result.feeText, note, ' ');
    result.problems.push({
      code: 'channel_fee_conflict',
      message: 'Ô phí ghi "Miễn phí" nhưng ghi chú nêu mức thu; giữ ghi chú dạng văn bản, cần kiểm tra lại',
      excerpt: note,
    });
  }
  return result;
}

function withNote(fee: Fee, note: string): Fee {
  return note ? { ...fee, note } : fee;
}

/** "Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần" → "Phí công bố nội dung đăng ký doanh nghiệp". */
function labelFromNote(note: string): string | undefined {
  const m = /^[-\s]*((?:Lệ phí|Phí)(?=[\s:])[^:()]{0,150}?)\s*:/u.exec(note);
  const label = m?.[1]?.trim();
  if (label && label.length > 1) return label;
  // "Đồng (Sát hạch thực hành)  Phí: …": the first entry names what the cell's amount is for.
  const first = /^(?:Đồng|đồng)?\s*\(([^()]{2,150})\)/u.exec(note);
  return first?.[1]?.replace(/^[-\s]+/, '').trim() || undefined;
}

function feesInNote(note: string): Fee[] {
  const out: Fee[] = [];
  const re = new RegExp(
    String.raw`(Lệ phí|Phí)\s?:\s?(${AMOUNT})\s?(\/\s?[\p{L}\d]+)?\s?(?:${VND}|đ(?!\p{L}))?\s?(\/\s?[\p{L}\d]+)?\s*(?:\(([^()]{2,200})\))?`,
    'gu',
  );
  for (const m of note.matchAll(re)) {
    const amount = parseAmount(m[2] ?? '0');
    if (!(amount >= 1000)) continue; // "Phí: 5% …" or a stray number, not a fee
    const unit = `${m[3] ?? ''}${m[4] ?? ''}`;
    const desc = m[5]?.replace(/^[-\s]+/, '').trim();
    out.push({ label: desc || m[1] || 'Phí', amount, basis: basisFrom(unit) });
  }
  return out;
}

/** Split "(note)rest" into the balanced parenthesised note and the description after it. */
function splitNote(rest: string): { note: string; description: string } {
  if (!rest.startsWith('(')) return { note: '', description: rest };
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return { note: rest.slice(1, i), description: rest.slice(i + 1) };
    }
  }
  // Unbalanced (the portal cuts notes): take up to the last ")" as the note.
  const last = rest.lastIndexOf(')');
  if (last > 0) return { note: rest.slice(1, last), description: rest.slice(last + 1) };
  return { note: rest.slice(1), description: '' };
}

function stripOuterParens(s: string): string {
  let t = s.trim();
  // "(đồng/lần (Miễn phí từ …)": an opening parenthesis the portal never closed.
  if (t.startsWith('(') && !balanced(t)) t = t.slice(1).trim();
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

export interface ChannelsParse {
  channels: Channel[];
  /** Cells read: rows, rows whose time was read, rows whose fee was read. */
  stats: { rows: number; timeParsed: number; feeParsed: number };
}

export function parseChannels(raw: string, report: Report, field = 'cach_thuc_thuc_hien'): ChannelsParse {
  const stats = { rows: 0, timeParsed: 0, feeParsed: 0 };
  const text = raw.normalize('NFC').replace(INVISIBLE, '');
  if (cleanLine(text) === '' || isNoInfo(text)) return { channels: [], stats };
  const headerAt = text.indexOf(CHANNEL_HEADER);
  const body = headerAt >= 0 ? text.slice(headerAt + CHANNEL_HEADER.length) : text;
  if (cleanLine(body) === '' || isNoInfo(body)) return { channels: [], stats };

  const rows: Row[] = [];
  for (const m of body.matchAll(ROW_STRICT)) rows.push(rowOf(m));
  for (const m of body.matchAll(ROW_LOOSE)) {
    const row = rowOf(m);
    if (!rows.some((r) => row.start < r.end && r.start < row.end)) rows.push(row);
  }
  rows.sort((a, b) => a.start - b.start);
  if (rows.length === 0) {
    report(field, 'channels_unparsed', 'Không đọc được bảng cách thức thực hiện', body);
    return { channels: [], stats };
  }
  const before = cleanLine(body.slice(0, rows[0]!.start));
  if (before) report(field, 'channels_unparsed', 'Có nội dung trước dòng đầu tiên của bảng cách thức thực hiện', before);

  const merged = new Map<string, Channel>();
  rows.forEach((row, i) => {
    stats.rows++;
    const rest = body.slice(row.end, rows[i + 1]?.start ?? body.length);
    // Under "Không có thông tin" there is no fee to annotate; "(1) Trường hợp…" is an enumerator.
    let { note: noteRaw, description: descRaw } = splitNote(rest);
    if (isNoInfo(row.feeText) || /^\s*(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*$/u.test(noteRaw)) {
      noteRaw = '';
      descRaw = rest;
    }
    const note = stripOuterParens(cleanLine(noteRaw));
    const description = cleanText(descRaw);
    const unreadRow = /(?:Trực tiếp|Trực tuyến|Dịch vụ bưu chính)\d/u.exec(descRaw);
    if (unreadRow) {
      report(field, 'channels_row_unparsed', 'Có một dòng hình thức nộp không đọc được', descRaw.slice(unreadRow.index));
    }

    const timeText = cleanLine(row.timeText);
    const t = parseTime(timeText);
    if (t.problem) report(field, t.problem.code, t.problem.message, timeText);
    else stats.timeParsed++;

    const fee = parseFeeCell(row.feeText, note, description);
    for (const p of fee.problems) report(field, p.code, p.message, p.excerpt);
    // A conflict is a cell read correctly that disagrees with its own note.
    if (!fee.problems.some((p) => p.code !== 'channel_fee_conflict')) stats.feeParsed++;

    const key = `${row.kind}|${timeText}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, {
        kind: row.kind,
        time: t.time,
        timeText,
        fees: fee.fees,
        feeText: fee.feeText,
        description,
      });
      return;
    }
    // The portal repeats a channel once per fee (thẻ tạm trú 145/155/165 USD): one channel, several fees.
    for (const f of fee.fees) {
      if (!existing.fees.some((e) => sameFee(e, f))) existing.fees.push(f);
    }
    existing.feeText = joinUnique(existing.feeText, fee.feeText, '; ');
    existing.description = joinUnique(existing.description, description, '\n');
  });
  return { channels: [...merged.values()], stats };
}

function rowOf(m: RegExpMatchArray): Row {
  const start = m.index ?? 0;
  return {
    start,
    end: start + m[0].length,
    kind: CHANNELS[m[1] ?? ''] ?? 'in_person',
    timeText: m[2] ?? '',
    feeText: m[3] ?? '',
  };
}

function sameFee(a: Fee, b: Fee): boolean {
  return a.amount === b.amount && a.basis === b.basis && a.label === b.label && (a.note ?? '') === (b.note ?? '');
}

function joinUnique(a: string, b: string, sep: string): string {
  if (!b || a === b || a.split(sep).includes(b)) return a;
  return a ? `${a}${sep}${b}` : b;
}

// ---------------------------------------------------------------------------------------------
// Components: [<title>]"Tên giấy tờMẫu đơn, tờ khaiSố lượng" then <name>[<form file>]<quantity>...

const COMPONENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
/**
 * The portal writes the quantity as "1 bản chính" or "0 bản chính,1 bản sao", glued to the name.
 * Quantities are one digit; "01 bản chính" with a leading zero is prose inside a name.
 */
const QUANTITY_RE =
  /(\d) bản chính(?:,\s?(\d) bản sao)?|Bản chính\s?:\s?(\d+)[,;\s]*Bản sao\s?:\s?(\d+)|(\d) bản sao(?=\S|$)/gu;
const FORM_FILE_EXT = /\.(?:docx?|DOCX?|pdf|PDF|xlsx?|XLSX?|rar|zip|odt)(?!\p{Ll})/gu;
/** How template files are usually named: "Mẫu số 01", "Mau 35 - Phu luc II", "PL 02", "Mus08", "TK03"… */
const FORM_PREFIX =
  /^(?:M[ẫa]u|MẪU|MAU|Ph[ụu] ?l[ụu]c|PHỤ LỤC|PHU LUC|Phlc|PL|Mus|Ms|TK|T[ờo] khai|Bi[ểe]u m[ẫa]u|Phi[ếe]u|Đ[ơo]n|Don|Danh s[áa]ch|B[ảa]n khai|BM)/u;

interface QuantityToken {
  start: number;
  end: number;
  originals: number;
  copies: number;
}

function quantityTokens(body: string): QuantityToken[] {
  const out: QuantityToken[] = [];
  for (const m of body.matchAll(QUANTITY_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const leadingDigitAt = start - 1;
    // "01 bản chính": a leading zero means the number belongs to the text, not to the table cell.
    if (body[leadingDigitAt] === '0' && !/\d/.test(body[leadingDigitAt - 1] ?? '')) continue;
    // "1 bản chính hoặc 1 bản sao có chứng thực": prose, the next row never starts in lower case after a space.
    if (/^\s+\p{Ll}/u.test(body.slice(end, end + 3))) continue;
    if (m[1] !== undefined) out.push({ start, end, originals: Number(m[1]), copies: Number(m[2] ?? 0) });
    else if (m[3] !== undefined) out.push({ start, end, originals: Number(m[3]), copies: Number(m[4] ?? 0) });
    else out.push({ start, end, originals: 0, copies: Number(m[5]) });
  }
  return out;
}

/**
 * Split "…ngày 27/12/2021;Mus08.docx" into the document name and its form file(s). The file
 * name is glued to the name, so the boundary is a glued capital ("…sảnMau 35", ";Mus08", "CPMẫu");
 * when several are possible, the first one that reads like a template name wins.
 */
export function splitFormFiles(text: string): { name: string; forms: string[] } {
  const exts = [...text.matchAll(FORM_FILE_EXT)];
  const last = exts.at(-1);
  if (!last || (last.index ?? 0) + last[0].length !== text.trimEnd().length) return { name: text, forms: [] };
  // Walk back over glued file names: "A.docxB.docx".
  let chain = [last];
  for (let i = exts.length - 2; i >= 0; i--) {
    const prev = exts[i]!;
    const between = text.slice((prev.index ?? 0) + prev[0].length, chain[0]!.index ?? 0);
    // Only file names sit between two extensions; names never hold ".docx".
    if (between.length > 0 && between.length <= 120 && !/[;\n]/u.test(between)) chain = [prev, ...chain];
    else break;
  }
  const firstExt = chain[0]!.index ?? 0;
  const windowStart = Math.max(0, firstExt - 120);
  // Candidate starts, nearest first. A file name holds no "; ", ": " or sentence break.
  const strong: number[] = [];
  const weak: number[] = [];
  for (let p = firstExt - 1; p > windowStart; p--) {
    const prev = text[p - 1] ?? '';
    const cur = text[p] ?? '';
    const next = text[p + 1] ?? '';
    if (/[;:]|\.\s|,\s/u.test(text.slice(p, firstExt))) break;
    if ((/[.;:)\]”"’]/u.test(prev) && /[\p{Lu}\d]/u.test(cur)) || (/[;:]/u.test(prev) && /\S/u.test(cur))) strong.push(p);
    else if (
      (/[\p{Ll}\d]/u.test(prev) && /\p{Lu}/u.test(cur)) ||
      (prev === '.' && /\p{Ll}/u.test(cur) && /\p{L}/u.test(text[p - 2] ?? '')) ||
      (/\p{Lu}/u.test(prev) && /\p{Lu}/u.test(cur) && /\p{Ll}/u.test(next))
    ) {
      weak.push(p);
    }
  }
  const all = [...strong, ...weak].sort((a, b) => b - a);
  const known = all.filter((p) => FORM_PREFIX.test(text.slice(p)));
  let boundary: number;
  if (known.length > 0) boundary = Math.min(...known);
  else if (strong.length > 0) boundary = strong[0]!;
  else if (weak.length > 0) boundary = weak[0]!;
  else {
    const space = text.lastIndexOf(' ', firstExt);
    boundary = space >= 0 ? space + 1 : 0;
  }
  const files = text.slice(boundary);
  const forms: string[] = [];
  let from = 0;
  for (const m of files.matchAll(FORM_FILE_EXT)) {
    const end = (m.index ?? 0) + m[0].length;
    const file = files.slice(from, m.index).trim();
    if (file) forms.push(file);
    from = end;
  }
  return { name: text.slice(0, boundary), forms };
}

/** "Tờ khai … (Mẫu số 03)", "theo mẫu TK06": a template named in the document's own name. */
function formNamedIn(name: string): string | undefined {
  const ref = /(?:^|[\s(;,])((?:Mẫu|mẫu)(?: số)? ?(?=[\p{Lu}\d])[\p{L}\d][\p{L}\d.\/_-]*)/u.exec(name);
  if (ref?.[1]) {
    const r = ref[1].replace(/[.;,]+$/, '');
    return r.charAt(0).toUpperCase() + r.slice(1);
  }
  // "Tờ khai đăng ký khai sinh theo mẫu (nếu …)": the document is itself the template.
  const own = /^((?:Tờ khai|Đơn|Phiếu|Bản khai)\s[^;(]{3,150}?)\s+theo mẫu/u.exec(name);
  return own?.[1]?.trim();
}

function cleanComponentName(raw: string): string {
  return cleanLine(raw)
    .replace(/^[\s.,;:)\]]+/u, '')
    .replace(/^(?:[-+*•]+\s*)+/u, '')
    .replace(/[;,]+$/u, '')
    .trim();
}

function cleanGroupTitle(raw: string): string {
  return cleanLine(raw)
    .replace(/^[-*+\s.,;)]+/u, '')
    .replace(/[:\s]+$/u, '')
    .trim();
}

export interface ComponentsParse {
  groups: ComponentGroup[];
  stats: { components: number; unparsed: number };
}

export function parseComponents(raw: string, report: Report, field = 'thanh_phan_ho_so'): ComponentsParse {
  const stats = { components: 0, unparsed: 0 };
  const text = raw.normalize('NFC').replace(INVISIBLE, '');
  const flat = cleanLine(text);
  if (flat === '' || isNoInfo(flat) || /^-+$/.test(flat)) return { groups: [], stats };
  const parts = text.split(COMPONENT_HEADER);
  if (parts.length === 1) {
    stats.unparsed++;
    report(field, 'components_no_table', 'Thành phần hồ sơ không có dạng bảng, không tách được giấy tờ', text);
    return { groups: [], stats };
  }
  const groups: { title: string; components: Component[] }[] = [];
  let title = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const body = parts[i] ?? '';
    const isLast = i === parts.length - 1;
    const tokens = quantityTokens(body);
    const components: Component[] = [];
    let from = 0;
    for (const tok of tokens) {
      const segment = body.slice(from, tok.start);
      from = tok.end;
      const component = componentOf(segment, tok);
      if (component) {
        components.push(component);
        stats.components++;
      } else if (cleanLine(segment) !== '') {
        stats.unparsed++;
        report(field, 'component_unnamed', 'Không tách được tên giấy tờ', segment);
      }
    }
    const tail = body.slice(from);
    if (isLast) {
      // The last table has nothing after it: leftover text is a row without quantity, and a case
      // heading with no row under it would otherwise vanish.
      const orphanTitle = components.length === 0 ? cleanGroupTitle(title) : '';
      const leftover = [orphanTitle, cleanGroupTitle(tail)].filter(Boolean).join(' – ');
      if (leftover !== '') {
        stats.unparsed++;
        report(field, 'component_unparsed', 'Có giấy tờ không ghi số lượng, không đọc được', leftover);
      }
    }
    if (components.length > 0) {
      groups.push({ title: cleanGroupTitle(title), components });
      title = tail;
    } else {
      // A heading directly followed by another heading ("* Giấy tờ phải nộp:" then a case): keep both.
      title = [cleanGroupTitle(title), cleanGroupTitle(tail)].filter(Boolean).join(' – ');
    }
  }
  return { groups: toGroups(groups), stats };
}

function componentOf(segment: string, tok: QuantityToken): Component | null {
  const { name: rawName, forms } = splitFormFiles(segment.replace(/\s+$/u, ''));
  let name = cleanComponentName(rawName);
  const fileForm = forms.map((f) => cleanLine(f).replace(/\.+$/, '')).filter(Boolean).join('; ');
  if (!name && fileForm) name = fileForm;
  if (!name) return null;
  const component: Component = {
    name,
    originals: tok.originals,
    copies: tok.copies,
    // "(nếu có)" = only when the applicant has it.
    required: !/\(nếu có\)/iu.test(name),
  };
  const form = fileForm || formNamedIn(name);
  if (form) component.form = form;
  return component;
}

/** Same title → one group; ids are ASCII slugs, unique within the procedure. */
function toGroups(groups: { title: string; components: Component[] }[]): ComponentGroup[] {
  const byTitle = new Map<string, ComponentGroup>();
  const used = new Set<string>();
  for (const g of groups) {
    const existing = byTitle.get(g.title);
    if (existing) {
      existing.components.push(...g.components);
      continue;
    }
    const base = slugify(g.title).slice(0, 50).replace(/-+$/, '') || (g.title ? 'nhom' : 'chung');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const group: ComponentGroup = { id, title: g.title, components: [...g.components] };
    byTitle.set(g.title, group);
  }
  return [...byTitle.values()];
}

// ---------------------------------------------------------------------------------------------
// Results: "<name>Mã: KQ.G15.000031<name>Mã: …" then the portal's UI ("Từ khóa…Mô tả…Chọn cơ quan…")

/** "Mã: KQ.G15.000031"; older codes ("000.00.00.G04-KQ0355") only when a space or the end follows. */
const RESULT_CODE = /Mã\s?:\s?(KQ\.[A-Z0-9]+\.\d+|[A-Za-z0-9][\w.-]*(?=\s|$))/gu;
const RESULT_UI = ['Từ khóa', 'Chọn cơ quan thực hiện'];

export function parseResults(raw: string, report: Report, field = 'ket_qua_xu_ly'): { name: string; code?: string }[] {
  let text = raw.normalize('NFC').replace(INVISIBLE, '');
  const cut = Math.min(...RESULT_UI.map((m) => text.indexOf(m)).filter((i) => i >= 0));
  if (Number.isFinite(cut)) {
    const trailer = text.slice(cut);
    text = text.slice(0, cut);
    // The trailer is UI, but its "Từ khóa"/"Mô tả" values are data the schema has no room for.
    const kw = /Từ khóa(.*?)(?:Mô tả|Chọn cơ quan thực hiện|$)/su.exec(trailer)?.[1] ?? '';
    const desc = /Mô tả(.*?)(?:Chọn cơ quan thực hiện|$)/su.exec(trailer)?.[1] ?? '';
    for (const [label, value] of [
      ['từ khóa', kw],
      ['mô tả', desc],
    ] as const) {
      if (cleanLine(value) && !isNoInfo(value)) {
        report(field, 'result_extra_dropped', `Bỏ qua phần "${label}" của kết quả (không có chỗ lưu)`, value);
      }
    }
  }
  if (cleanLine(text) === '' || isNoInfo(text)) return [];
  const results: { name: string; code?: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(RESULT_CODE)) {
    const name = cleanResultName(text.slice(from, m.index));
    from = (m.index ?? 0) + m[0].length;
    if (!name) {
      report(field, 'result_unnamed', 'Mã kết quả không kèm tên kết quả', m[0]);
      continue;
    }
    results.push({ name, code: m[1] });
  }
  const rest = cleanResultName(text.slice(from));
  if (rest) results.push({ name: rest });
  return results;
}

function cleanResultName(raw: string): string {
  return cleanLine(raw)
    .replace(/^(?:[-+*•]+\s*)+/u, '')
    .replace(/[;,]+$/u, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Legal basis: "Tên văn bản pháp lýMã văn bản" then <name><number> pairs, glued

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
/** Start of a document number: "123/2015/", "66.7/2025/", "60/2014/" (digits may be glued to a year). */
const DOC_NUMBER_HEAD = /(\d+)(?:\.\d{1,3}|\.?[a-z](?=\/))?\/\d{4}\/(?=[A-ZĐ])/gu;
/** Numbers without a year: "73/NĐ-CP", "48/VBHN-VPQH", "163/QĐ-BTP". */
const DOC_NUMBER_NO_YEAR = /(\d{1,4})\/(?=[A-ZĐ]{2,}\s?-\s?[A-ZĐ])/gu;
/** A number cell without issuer ("…của Chính phủ167/2025"): only at the end or glued to the next name. */
const DOC_NUMBER_BARE = /(?<![\d/])(\d+)\/\d{4}(?=[.\s]*$|\p{Lu}\p{Ll})/gu;
/** All-caps words that start a document name ("…NĐ-CPLUẬT HÀNG KHÔNG…"). */
const CAPS_DOC_WORDS_RE = /LUẬT|BỘ|NGHỊ|THÔNG|QUYẾT|PHÁP|QUY|CHỈ|HIẾN|VĂN|SỬA|VỀ|HƯỚNG/u;
const LOWER_VOWEL = 'aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
/** Does capital+next begin a Vietnamese word: a vowel, or ch, gh, gi, kh, ng, nh, ph, qu, th, tr? */
function startsWord(capital: string, next: string): boolean {
  if (LOWER_VOWEL.includes(next)) return true;
  // A capital vowel followed by a letter ("Áp dụng", "Ủy ban") begins a word; issuers are consonants.
  if (!/^[A-Z]$/.test(capital) && /^[AEIOUY]/.test(capital.normalize('NFD')) && /\p{Ll}/u.test(next)) return true;
  const pair = capital + next;
  return ['Ch', 'Gh', 'Gi', 'Kh', 'Ng', 'Nh', 'Ph', 'Qu', 'Th', 'Tr'].includes(pair);
}

interface DocToken {
  start: number;
  end: number;
  number: string;
}

/**
 * Read the issuer part of a number after "123/2015/": dash-separated capital groups
 * ("NĐ-CP", "TTLT-BYT-BCT", "QĐ-TTg", "NQ- HĐND"), with the two-digit legislature of "QH13" and
 * "UBTVQH15". A capital that begins a word belongs to the next name ("TT-BTPThông tư",
 * "NĐ-CPVề…"), but "NĐ-CPsửa đổi" keeps its P.
 */
function readIssuer(text: string, at: number): number {
  let i = at;
  for (let first = true; ; first = false) {
    let sepLen = 0;
    if (!first) {
      // "NĐ-CP", "NĐ- CP", "TTLT/BQP", "TT_BCA"; but " - Quy định…" starts the name.
      const sep = /^(?:[-/_]\s?|\s[-/_](?!\s))(?=\p{Lu})/u.exec(text.slice(i));
      if (!sep) break;
      sepLen = sep[0].length;
    }
    const partAt = i + sepLen;
    let len: number;
    if (text.startsWith('TTg', partAt)) {
      len = 3;
    } else {
      const run = /^\p{Lu}+/u.exec(text.slice(partAt))?.[0] ?? '';
      len = run.length;
      const after = text.slice(partAt + len);
      // "CPLUẬT", "CPBỘ LUẬT": give the capitals back to the all-caps name that follows.
      const caps = CAPS_DOC_WORDS_RE.exec(run.slice(1));
      if (caps) len = caps.index + 1;
      else if (run.endsWith('QH') && /^\d{2}/.test(after)) len += 2;
      // "CP" (Chính phủ) is never the start of the next name ("NĐ-CPhông tư" is a typo for "Thông tư").
      else if (/^\p{Ll}/u.test(after) && run !== 'CP' && startsWord(run.at(-1) ?? '', after[0]!)) len -= 1;
    }
    if (len <= 0) break;
    i = partAt + len;
  }
  return i;
}

function docTokens(text: string): DocToken[] {
  const out: DocToken[] = [];
  for (const re of [DOC_NUMBER_HEAD, DOC_NUMBER_NO_YEAR, DOC_NUMBER_BARE]) {
    let pos = 0;
    for (;;) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) break;
      let start = m.index;
      const digits = m[1] ?? '';
      // "năm 202446/2024/QH15": the year of the name is glued to the number.
      if (digits.length > 4 && /^(?:19|20)\d\d/.test(digits)) start += 4;
      const bare = re === DOC_NUMBER_BARE;
      const end = bare ? m.index + m[0].length : readIssuer(text, m.index + m[0].length);
      pos = Math.max(end, m.index + m[0].length);
      if (!bare && end === m.index + m[0].length) continue;
      if (out.some((t) => start < t.end && t.start < end)) continue;
      out.push({ start, end, number: text.slice(start, end).replace(/\s/g, '') });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Between two copies of one number: nothing, or the document type of the number cell. */
const SAME_DOC_GAP =
  /^[\s.]*(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Pháp lệnh|Luật)\s*)?(?:[Ss]ố)?\s*$/u;

/** A number written as a table cell is followed by the next name, glued or after a line break. */
function endsCell(text: string, tok: DocToken): boolean {
  const after = text.slice(tok.end);
  if (/^[.\s]*$/u.test(after)) return true;
  if (/^ngày\s*\d/iu.test(after)) return false; // "…/TT-BCAngày 01/7/2025": the name goes on
  if (/^[^\s,;.:)\]]/u.test(after)) return true;
  if (/^\.(?=[\p{Lu}\d])/u.test(after)) return true;
  return /^\s+\p{Lu}/u.test(after);
}

export function parseLegalBasis(
  raw: string,
  report: Report,
  field = 'can_cu_phap_ly',
): { docs: LegalDoc[]; stats: { docs: number; unsplit: number } } {
  const stats = { docs: 0, unsplit: 0 };
  let text = raw.normalize('NFC').replace(INVISIBLE, '');
  // The portal's next section sometimes spills in: "…Cơ quan thực hiệnSở Nông nghiệp và Môi trường".
  const spill = text.indexOf('Cơ quan thực hiện');
  if (spill >= 0) {
    report(field, 'legal_extra_dropped', 'Bỏ qua phần "Cơ quan thực hiện" lẫn vào căn cứ pháp lý', text.slice(spill));
    text = text.slice(0, spill);
  }
  if (cleanLine(text) === '' || isNoInfo(text)) return { docs: [], stats };
  const headerAt = text.indexOf(LEGAL_HEADER);
  if (headerAt >= 0) {
    const before = cleanLine(text.slice(0, headerAt));
    if (before) {
      stats.unsplit++;
      report(field, 'legal_unsplit', 'Có nội dung trước bảng căn cứ pháp lý', before);
    }
    text = text.slice(headerAt + LEGAL_HEADER.length);
  }
  const tokens = docTokens(text);
  const docs: LegalDoc[] = [];
  const push = (rawName: string, number: string): void => {
    let name = cleanLegalName(rawName);
    // "BỘ LUẬT HÀNG HẢI VIỆT NAMBỘ LUẬT HÀNG HẢI VIỆT NAM…": a document without number, its name
    // repeated in the number column.
    const twice = /^(.{8,}?)\1(?=\S)/u.exec(name);
    if (twice?.[1] && number) {
      docs.push({ name: twice[1], number: '' });
      stats.docs++;
      name = cleanLegalName(name.slice(twice[0].length));
    }
    if (!name) return;
    docs.push({ name, number });
    stats.docs++;
  };
  let from = 0;
  tokens.forEach((tok, i) => {
    if (!endsCell(text, tok)) return;
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    // "Luật 60/2014/QH1360/2014/QH13", "Nghị quyết 66.7/2025/NQ-CP 66.7/2025/NQ-CP": the first copy
    // belongs to the name.
    if (next && next.number === tok.number && SAME_DOC_GAP.test(text.slice(tok.end, next.start))) return;
    // "…bởi Nghị định số 232/2025/NĐ-CP34/2025/TT-NHNN": a name ending in a number, glued to the
    // cell — unless the next number is itself a name-only document ("…46/2010/QH1246/2010/QH12").
    if (
      next &&
      next.start === tok.end &&
      endsCell(text, next) &&
      !(afterNext && afterNext.start === next.end && afterNext.number === next.number)
    ) {
      return;
    }
    let name = cleanLegalName(text.slice(from, tok.start));
    if (!name) return; // "106/2024/NĐ-CP106/2024/NĐ-CP": this one is the name of the next cell
    // "…Bộ Tư phápThông tư số 03/2023/TT-BTP": the number cell repeats the document type.
    const typed = /(?<=[\p{L}\d.;)])(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Pháp lệnh|Luật)(?: số)?|[Ss]ố)\s*$/u.exec(
      name,
    );
    if (typed && typed.index > 0 && /[\p{Ll}\d.;)]/u.test(name[typed.index - 1] ?? '')) name = name.slice(0, typed.index);
    push(name, tok.number);
    from = tok.end;
  });
  const rest = cleanLegalName(text.slice(from));
  const repeated = /^(.{8,})\1$/u.exec(rest);
  if (repeated?.[1]) {
    push(repeated[1], '');
  } else if (rest) {
    stats.unsplit++;
    docs.push({ name: rest, number: '' });
    report(field, 'legal_unsplit', 'Không tách được số hiệu văn bản pháp lý', rest);
  }
  return { docs, stats };
}

function cleanLegalName(raw: string): string {
  return cleanLine(raw).replace(/^[\s.,;:)\]-]+/u, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Steps

export function parseSteps(raw: string): string[] {
  const text = cleanText(raw);
  if (!text || isNoInfo(text)) return [];
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=\S)\s*(?=Bước \d+\s?[:.])/u))
    .map((s) => s.replace(/^(?:[-–•]\s*)+/u, '').trim())
    .filter((s) => s !== '' && !/^[-+*.;:]+$/.test(s));
}

// ---------------------------------------------------------------------------------------------
// Online level

/**
 * Decree 42/2022/NĐ-CP art. 11: an online public service is "toàn trình" when every step,
 * payment and result included, happens online, "một phần" otherwise. The export has no such
 * flag, so:
 * - the name says "toàn trình" → 'full'; the name says "(trực tuyến) một phần" → 'partial';
 * - no "Trực tuyến" channel → null (cannot be done online);
 * - any other text says "trực tuyến một phần" → 'partial', else says "toàn trình" → 'full';
 * - otherwise 'partial': submission is online but nothing promises online payment and result.
 */
export function inferOnlineLevel(name: string, channels: Channel[], texts: string[]): OnlineLevel | null {
  const n = cleanLine(name).toLowerCase();
  if (n.includes('toàn trình')) return 'full';
  if (/(?:trực tuyến|dịch vụ công) một phần/u.test(n)) return 'partial';
  if (!channels.some((c) => c.kind === 'online')) return null;
  const all = texts.map((t) => cleanLine(t).toLowerCase()).join('\n');
  if (/(?:trực tuyến|dịch vụ công) một phần/u.test(all)) return 'partial';
  if (all.includes('toàn trình')) return 'full';
  return 'partial';
}

// ---------------------------------------------------------------------------------------------
// Record

function readRecord(raw: unknown, report: Report): NationalRecord | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      report('record', 'json_invalid', `Dòng không phải JSON hợp lệ (${(err as Error).message})`, raw);
      return null;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('record', 'record_invalid', 'Bản ghi không phải một đối tượng JSON', String(JSON.stringify(value) ?? value));
    return null;
  }
  const obj = value as Record<string, unknown>;
  const rec: NationalRecord = {};
  for (const key of RECORD_FIELDS) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') rec[key] = v;
    else if (typeof v === 'number') rec[key] = String(v);
    else report(key, 'field_type', `Trường ${key} không phải chuỗi, đã bỏ qua`, JSON.stringify(v));
  }
  return rec;
}

/** Plain field: '' when missing or "Không có thông tin". */
function plain(s: string | undefined): string {
  if (s === undefined) return '';
  const t = cleanLine(s);
  return isNoInfo(t) ? '' : t;
}

function plainText(s: string | undefined): string {
  if (s === undefined) return '';
  const t = cleanText(s);
  return isNoInfo(t) ? '' : t;
}

export function parseNationalRecord(raw: unknown): ParseResult {
  const problems: ParseProblem[] = [];
  const report: Report = (field, code, message, excerpt) =>
    problems.push({ code, field, message, excerpt: excerptOf(excerpt) });

  const rec = readRecord(raw, report);
  if (!rec) return { procedure: null, problems };

  const code = cleanLine(rec.ma_thu_tuc ?? '');
  const name = cleanLine(rec.ten_thu_tuc ?? '');
  if (!/^\d\.\d{6}$/.test(code)) {
    report('ma_thu_tuc', 'code_invalid', 'Thiếu mã thủ tục hoặc mã không đúng dạng 1.001193, bỏ qua bản ghi', code);
  }
  if (name.length < 3) {
    report('ten_thu_tuc', 'name_missing', 'Thiếu tên thủ tục, bỏ qua bản ghi', name);
  }
  if (problems.some((p) => p.code === 'code_invalid' || p.code === 'name_missing')) {
    return { procedure: null, problems };
  }

  let field = plain(rec.linh_vuc);
  if (field.length < 2) {
    report('linh_vuc', 'field_missing', 'Thiếu lĩnh vực, tạm xếp vào "Chưa phân loại"', rec.linh_vuc ?? '');
    field = 'Chưa phân loại';
  }

  const { channels } = parseChannels(rec.cach_thuc_thuc_hien ?? '', report);
  const { groups } = parseComponents(rec.thanh_phan_ho_so ?? '', report);
  const results = parseResults(rec.ket_qua_xu_ly ?? '', report);
  const { docs } = parseLegalBasis(rec.can_cu_phap_ly ?? '', report);
  const steps = parseSteps(rec.trinh_tu_thuc_hien ?? '');
  const conditions = plainText(rec.yeu_cau_dieu_kien);

  const candidate = {
    code,
    name,
    field,
    levels: plain(rec.cap_thuc_hien)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    type: plain(rec.loai_thu_tuc),
    applicants: plain(rec.doi_tuong_thuc_hien),
    agency: plain(rec.co_quan_thuc_hien) || plain(rec.co_quan_co_tham_quyen),
    submitAt: plain(rec.dia_chi_tiep_nhan),
    steps,
    channels,
    componentGroups: groups,
    forms: [],
    results,
    conditions,
    legalBasis: docs,
    onlineLevel: inferOnlineLevel(name, channels, [
      rec.trinh_tu_thuc_hien ?? '',
      rec.cach_thuc_thuc_hien ?? '',
      conditions,
    ]),
    summary: '',
    exemptions: [],
    keywords: [],
    decision: plain(rec.so_quyet_dinh),
    sourceUrl: plain(rec.detail_url),
  };
  const parsed = procedureSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      report('record', 'schema_invalid', `Dữ liệu sau khi đọc không hợp lệ: ${issue.message}`, issue.path.join('.'));
    }
    return { procedure: null, problems };
  }
  return { procedure: parsed.data, problems };
}
