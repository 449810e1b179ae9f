/**
 * Parser for one record of the national procedure export (Cổng Dịch vụ công quốc gia; format in
 * shared/data/README.md beside the project): raw JSON whose tables were flattened → `Procedure`.
 *
 * Pure: no I/O, no clock. Everything the grammar cannot read is reported as a `ParseProblem`
 * (field = the raw JSON field) instead of being dropped. "Không có thông tin" means "no
 * information" and is never a problem. The documents table and the legal basis are read in
 * tthc-import.components.ts and tthc-import.legal.ts, the shared text helpers in tthc-import.text.ts.
 */
import {
  procedureSchema,
  type Channel,
  type ChannelKind,
  type Fee,
  type FeeBasis,
  type OnlineLevel,
  type ProcessingTime,
  type Procedure,
} from './catalog.types';
import { parseComponents } from './tthc-import.components';
import { parseLegalBasis } from './tthc-import.legal';
import { cleanLine, cleanText, excerptOf, INVISIBLE, isNoInfo, NO_INFO, type Report } from './tthc-import.text';

export { cleanLine, cleanText, type Report } from './tthc-import.text';
export { parseComponents, splitFormFiles, type ComponentsParse } from './tthc-import.components';
export { parseLegalBasis } from './tthc-import.legal';

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
