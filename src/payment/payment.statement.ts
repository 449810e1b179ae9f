import ExcelJS from 'exceljs';
import { ValidationError } from '../shared/errors';
import { fold } from '../shared/vietnamese';
import { inflateEntry, zipEntries, ZipFormatError } from '../shared/zip';

/**
 * Bank statements as the banks' internet banking exports them (CSV or Excel): a header row
 * somewhere near the top, then one transaction per row. Columns are found by their names, in
 * Vietnamese or English, so the exports of different banks need no set-up.
 */

export interface StatementLine {
  /** Row number in the file (1-based), for the person reading the report. */
  row: number;
  /** YYYY-MM-DD when it could be read, else the text as given. */
  date: string;
  /** Credit in VND (incoming); debits are skipped. */
  amount: number;
  description: string;
  reference: string;
}

const HEADERS = {
  date: ['ngay giao dich', 'ngay gd', 'ngay hieu luc', 'ngay', 'thoi gian', 'transaction date', 'date', 'value date', 'posting date'],
  credit: ['so tien ghi co', 'ghi co', 'phat sinh co', 'so tien co', 'tien vao', 'credit amount', 'credit', 'so tien', 'amount'],
  debit: ['so tien ghi no', 'ghi no', 'phat sinh no', 'so tien no', 'tien ra', 'debit amount', 'debit'],
  description: ['noi dung giao dich', 'noi dung chuyen khoan', 'noi dung', 'dien giai', 'mo ta', 'chi tiet giao dich', 'chi tiet', 'description', 'details', 'narrative', 'remark'],
  reference: ['so tham chieu', 'ma giao dich', 'ma gd', 'so but toan', 'so chung tu', 'so ct', 'reference', 'ref no', 'transaction id', 'ref'],
} as const;
type Column = keyof typeof HEADERS;

const norm = (s: string) => fold(s).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

function findColumns(row: string[]): Partial<Record<Column, number>> | undefined {
  const cells = row.map(norm);
  const found: Partial<Record<Column, number>> = {};
  const taken = new Set<number>();
  // Most specific names first across all columns (e.g. "so tien ghi co" before "so tien").
  for (const col of ['debit', 'credit', 'date', 'description', 'reference'] as Column[]) {
    for (const name of HEADERS[col]) {
      const i = cells.findIndex((c, idx) => !taken.has(idx) && (c === name || c.startsWith(name + ' ')));
      if (i >= 0) {
        found[col] = i;
        taken.add(i);
        break;
      }
    }
  }
  return found.credit !== undefined && found.description !== undefined ? found : undefined;
}

/** "20.000", "20,000", "20.000,00", "20,000.00", "1 500 000 VND" → whole VND; undefined if not a number. */
export function parseAmount(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.round(raw) : undefined;
  let s = String(raw ?? '').replace(/\s|vnd|vnđ|đ|₫/gi, '');
  if (!s) return undefined;
  const neg = /^-|^\(.*\)$/.test(s);
  s = s.replace(/[()+-]/g, '');
  if (!/^[\d.,]+$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = Math.max(lastDot, lastComma);
    intPart = s.slice(0, dec);
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    if (sep) {
      const parts = s.split(sep);
      // Thousands separators group by three; otherwise the last group is decimals.
      if (!parts.slice(1).every((p) => p.length === 3)) intPart = parts.slice(0, -1).join('');
    }
  }
  const n = Number(intPart.replace(/[.,]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return neg ? -n : n;
}

/** dd/mm/yyyy[ hh:mm[:ss]], yyyy-mm-dd, or a Date → YYYY-MM-DD (the text itself when unreadable). */
export function parseDate(raw: unknown): string {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    // Excel dates carry no zone; exceljs gives them as UTC midnight of the day written.
    return raw.toISOString().slice(0, 10);
  }
  const s = String(raw ?? '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return s.slice(0, 30);
}

/** RFC 4180 CSV with the delimiter guessed (comma, semicolon or tab); a UTF-8 BOM is dropped. */
export function parseCsv(text: string, limits = STATEMENT_LIMITS): string[][] {
  let cells = 0;
  const t = text.replace(/^\uFEFF/, '');
  const firstLines = t.split(/\r?\n/).slice(0, 10).join('\n');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLines.split(d).length }));
  const delim = counts.sort((a, b) => b.n - a.n)[0]!.d;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quoted) {
      if (c === '"') {
        if (t[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delim) {
      row.push(cell);
      cell = '';
      if (++cells > limits.maxCells) throw tooBig(`hơn ${limits.maxCells.toLocaleString('vi-VN')} ô`);
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      if (rows.length > limits.maxRows) throw tooBig(`hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng`);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * How big a statement may be. A commune's statement for a month has hundreds of lines; exceljs
 * holds a workbook whole in memory (about 1–2 KB a cell), so a small .xlsx whose sheets inflate to
 * millions of cells (a 151 KB file took 376 MB) is refused before it is loaded.
 */
export const STATEMENT_LIMITS = { maxRows: 10_000, maxColumns: 50, maxCells: 100_000, maxUnzippedBytes: 20 * 1024 * 1024 };

const tooBig = (what: string) =>
  new ValidationError(
    `Tệp sao kê quá lớn (${what}). Mỗi lần chỉ nhập tối đa ${STATEMENT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng, ${STATEMENT_LIMITS.maxColumns} cột; xin tách sao kê theo tháng hoặc xuất lại chỉ các cột cần thiết.`,
    [{ field: 'file', code: 'statement_too_large', message: `Sao kê quá lớn: ${what}` }],
    'statement_too_large',
  );

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Looks inside the .xlsx without trusting its headers: every entry is inflated under one budget
 * of real bytes, and the sheets' rows, columns and cells are counted from their XML.
 */
export function checkWorkbookSize(data: Buffer, limits = STATEMENT_LIMITS): void {
  let budget = limits.maxUnzippedBytes;
  let entries;
  try {
    entries = zipEntries(data);
  } catch {
    throw new ValidationError('Không đọc được tệp Excel (.xlsx).', [{ field: 'file', code: 'invalid_file', message: 'Tệp không phải Excel .xlsx hợp lệ' }]);
  }
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    let content: Buffer | undefined;
    try {
      content = inflateEntry(data, e, budget);
    } catch (err) {
      if (!(err instanceof ZipFormatError)) throw err;
      throw new ValidationError('Không đọc được tệp Excel (.xlsx).', [{ field: 'file', code: 'invalid_file', message: 'Tệp không phải Excel .xlsx hợp lệ' }]);
    }
    if (!content) throw tooBig(`nội dung giải nén vượt quá ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB`);
    budget -= content.length;
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const xml = content.toString('latin1');
    let rows = 0;
    let maxRow = 0;
    for (const m of xml.matchAll(/<row\b([^>]*)>/g)) {
      rows++;
      const r = /\br="(\d+)"/.exec(m[1]!);
      maxRow = Math.max(maxRow, r ? Number(r[1]) : rows);
    }
    let cells = 0;
    let maxCol = 0;
    for (const m of xml.matchAll(/<c\b([^>]*)>?/g)) {
      cells++;
      const r = /\br="([A-Z]{1,3})(\d+)"/.exec(m[1]!);
      if (r) {
        maxCol = Math.max(maxCol, colIndex(r[1]!));
        maxRow = Math.max(maxRow, Number(r[2]));
      }
    }
    if (maxRow > limits.maxRows) throw tooBig(`${maxRow.toLocaleString('vi-VN')} dòng`);
    if (maxCol > limits.maxColumns) throw tooBig(`${maxCol.toLocaleString('vi-VN')} cột`);
    if (cells > limits.maxCells) throw tooBig(`${cells.toLocaleString('vi-VN')} ô`);
  }
}

async function excelRows(data: Buffer): Promise<unknown[][]> {
  checkWorkbookSize(data);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('Không đọc được tệp Excel (.xlsx).', [{ field: 'file', code: 'invalid_file', message: 'Tệp không phải Excel .xlsx hợp lệ' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const values: unknown[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      let v: unknown = cell.value;
      if (v && typeof v === 'object' && !(v instanceof Date)) {
        const o = v as { result?: unknown; text?: string; richText?: Array<{ text: string }> };
        v = o.result ?? o.text ?? (o.richText ? o.richText.map((x) => x.text).join('') : cell.text);
      }
      values[col - 1] = v;
    });
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

const isXlsx = (data: Buffer) => data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/** Reads the credit lines of a statement. Throws a ValidationError naming what is missing. */
export async function readStatement(file: { name: string; data: Buffer }): Promise<StatementLine[]> {
  let rows: unknown[][];
  if (isXlsx(file.data)) rows = await excelRows(file.data);
  else if (/\.xlsx?$/i.test(file.name)) throw new ValidationError('Chỉ đọc được Excel dạng .xlsx (Excel 2007 trở lên). Xin lưu lại tệp dưới dạng .xlsx hoặc CSV.', [{ field: 'file', code: 'invalid_file', message: 'Cần .xlsx hoặc .csv' }]);
  else rows = parseCsv(file.data.toString('utf8'));

  let header = -1;
  let cols: Partial<Record<Column, number>> | undefined;
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    cols = findColumns((rows[i] ?? []).map((c) => (c instanceof Date ? '' : String(c ?? ''))));
    if (cols) {
      header = i;
      break;
    }
  }
  if (!cols || header < 0) {
    throw new ValidationError('Không tìm thấy dòng tiêu đề của sao kê (cần ít nhất cột số tiền ghi có và cột nội dung/diễn giải).', [
      { field: 'file', code: 'no_header', message: 'Thiếu cột "Số tiền ghi có" (hoặc "Credit") và "Nội dung" (hoặc "Description")' },
    ]);
  }
  const out: StatementLine[] = [];
  for (let i = header + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const credit = parseAmount(r[cols.credit!]);
    const debit = cols.debit !== undefined ? parseAmount(r[cols.debit]) : undefined;
    if (credit === undefined || credit <= 0 || (debit !== undefined && debit > 0 && cols.debit === cols.credit)) continue;
    out.push({
      row: i + 1,
      date: cols.date !== undefined ? parseDate(r[cols.date]) : '',
      amount: credit,
      description: String(r[cols.description!] ?? '').normalize('NFC').trim().slice(0, 500),
      reference: cols.reference !== undefined ? String(r[cols.reference] ?? '').trim().slice(0, 100) : '',
    });
  }
  return out;
}

/** What a transfer note names: a dossier ("00004-261130-0001") or a linked group ("LT-00004-261204-0001"). */
export interface TransferRef {
  kind: 'dossier' | 'group';
  code: string;
}

/** A linked group's code as the group module makes it (the citizen's code for the whole group). */
export const GROUP_REF_RE = /^LT-\d{2,5}-\d{6}-\d{4,}$/;

/**
 * The codes a transfer note names, in the order written. Banks and payers drop or replace the
 * dashes ("00004 261130 0001", "000042611300001", "HS00004-261130-0001"): all read as
 * 00004-261130-0001. A group's code holds a dossier-shaped code after its "LT" ("LT-00004-261204-0001",
 * "LT000042612040001", "lt 00004 261204 0001"), and that same number is often a real dossier of the
 * unit (groups and dossiers count each day apart): with "LT" before it, it is read as the group only.
 */
export function referencesIn(description: string): TransferRef[] {
  const out: TransferRef[] = [];
  const seen = new Set<string>();
  const re = /(?:(LT)[-. _/]?|(?<!\d))(\d{2,5})[-. _/]?(\d{6})[-. _/]?(\d{4,6})(?!\d)/gi;
  for (const m of description.matchAll(re)) {
    const digits = `${m[2]}-${m[3]}-${m[4]}`;
    const ref: TransferRef = m[1] ? { kind: 'group', code: `LT-${digits}` } : { kind: 'dossier', code: digits };
    if (seen.has(`${ref.kind}:${ref.code}`)) continue;
    seen.add(`${ref.kind}:${ref.code}`);
    out.push(ref);
  }
  return out;
}

/** The dossier codes of a transfer note (a group's code is not one: see referencesIn). */
export function codesIn(description: string): string[] {
  return referencesIn(description).flatMap((r) => (r.kind === 'dossier' ? [r.code] : []));
}
