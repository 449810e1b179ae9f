import ExcelJS from 'exceljs';
import { periodLabel } from './summary.text';

/**
 * The report form as Excel (issue 12, "Entering data"): one sheet per unit, a row per data element
 * (× option combo × place), the codes in hidden columns and the sheet's data set, period and unit
 * in a hidden first row — so a filled workbook says by itself what it holds. Reading it back gives
 * the values with their sheet and row, for row-numbered errors; the import (all or nothing) is the
 * report model's.
 */

export interface EntryElement {
  code: string;
  name: string;
  valueType: string;
  section: string;
  combos: Array<{ code: string; name: string }>;
}

export interface EntryUnit {
  code: string;
  name: string;
  /** The unit's places (quarantine areas…) when the report's rows are places. */
  places: Array<{ code: string; name: string }>;
  /** Current values keyed `place|element|combo`, written into the sheet. */
  values: Map<string, { value: string; comment?: string }>;
  /** The previous period's values, same keys, shown beside (read only). */
  previous?: Map<string, string>;
}

export interface EntryForm {
  dataSet: { code: string; name: string };
  period: string;
  elements: EntryElement[];
  usesPlaces: boolean;
  units: EntryUnit[];
}

/** One value read from a sheet, with where it was. */
export interface SheetValue {
  sheet: string;
  row: number;
  place: string;
  dataElement: string;
  coc: string;
  value: string;
  comment: string;
}

export interface SheetRead {
  sheet: string;
  dataSet: string;
  period: string;
  unitCode: string;
  values: SheetValue[];
}

export interface ReadProblem {
  sheet: string;
  row: number;
  message: string;
}

const MARK = 'motcua:bao-cao';
/** Row of the column titles; data starts below it. */
const HEAD_ROW = 4;
const COL = { element: 1, coc: 2, place: 3, elementName: 4, cocName: 5, placeName: 6, value: 7, previous: 8, comment: 9 } as const;

export const entryKey = (place: string, element: string, coc: string) => `${place}|${element}|${coc}`;

const TYPE_HINT: Record<string, string> = {
  INTEGER_ZERO_OR_POSITIVE: 'số nguyên ≥ 0',
  NUMBER: 'số',
  PERCENTAGE: 'phần trăm (0–100)',
  TEXT: 'chữ',
  BOOLEAN: 'có/không',
  DATE: 'ngày (dd/mm/yyyy)',
};

/** Sheet names: unique, at most 31 characters, none of Excel's forbidden ones. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 28).trim() || 'Don vi';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 26)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

export async function entryWorkbook(form: EntryForm, opts: { createdAt?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = opts.createdAt ?? new Date();
  const used = new Set<string>();
  for (const u of form.units) {
    const ws = wb.addWorksheet(sheetName(u.name, used), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const meta = ws.getRow(1);
    meta.values = [MARK, form.dataSet.code, form.period, u.code];
    meta.hidden = true;
    ws.getRow(2).values = [`${form.dataSet.name} — ${periodLabel(form.period)} — ${u.name}`];
    ws.getRow(2).font = { bold: true, size: 13 };
    ws.getRow(3).values = ['Nhập số liệu vào cột "Giá trị" (để trống nếu không có). Không sửa, xóa hay sắp xếp lại các dòng; các cột mã bị ẩn là để hệ thống đọc.'];
    ws.getRow(3).font = { italic: true };
    const head = ws.getRow(HEAD_ROW);
    head.values = ['Mã chỉ tiêu', 'Mã phân tổ', 'Mã địa điểm', 'Chỉ tiêu', 'Phân tổ', 'Địa điểm', 'Giá trị', 'Kỳ trước', 'Ghi chú'];
    head.font = { bold: true };
    let r = HEAD_ROW + 1;
    const places = form.usesPlaces && u.places.length ? u.places : [{ code: '', name: '' }];
    for (const pl of places) {
      for (const e of form.elements) {
        const combos = e.combos.length ? e.combos : [{ code: '', name: '' }];
        for (const c of combos) {
          const k = entryKey(pl.code, e.code, c.code);
          const cur = u.values.get(k);
          const row = ws.getRow(r++);
          row.values = [e.code, c.code, pl.code, `${e.name} (${TYPE_HINT[e.valueType] ?? e.valueType})`, c.name, pl.name, excelValue(cur?.value, e.valueType), excelValue(u.previous?.get(k), e.valueType), cur?.comment ?? ''];
          const v = row.getCell(COL.value);
          v.protection = { locked: false };
          v.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
          if (e.valueType === 'INTEGER_ZERO_OR_POSITIVE') v.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: 'Giá trị không hợp lệ', error: 'Nhập số nguyên không âm.' };
          row.getCell(COL.comment).protection = { locked: false };
          row.getCell(COL.previous).font = { color: { argb: 'FF666666' } };
        }
      }
    }
    for (const c of [COL.element, COL.coc, COL.place]) ws.getColumn(c).hidden = true;
    if (!form.usesPlaces) ws.getColumn(COL.placeName).hidden = true;
    ws.getColumn(COL.elementName).width = 48;
    ws.getColumn(COL.cocName).width = 28;
    ws.getColumn(COL.placeName).width = 28;
    ws.getColumn(COL.value).width = 14;
    ws.getColumn(COL.previous).width = 12;
    ws.getColumn(COL.comment).width = 30;
    ws.views = [{ state: 'frozen', ySplit: HEAD_ROW }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function excelValue(v: string | undefined, type: string): string | number | null {
  if (v === undefined || v === '') return null;
  if (['INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE'].includes(type) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (type === 'BOOLEAN') return v === 'true' ? 'có' : v === 'false' ? 'không' : v;
  if (type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return v;
}

/** A cell as the text the import reads: numbers as plain decimals, yes/no as true/false, dates ISO. */
function cellText(c: ExcelJS.Cell): string {
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return String(v.result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
  }
  return String(v).trim();
}

/** Vietnamese ways of writing a value, read as the import expects them. */
export function normaliseEntry(raw: string, type: string): string {
  const t = raw.trim();
  if (!t) return '';
  if (type === 'BOOLEAN') {
    const l = t.toLowerCase();
    if (['có', 'co', 'x', 'true', '1', 'yes'].includes(l)) return 'true';
    if (['không', 'khong', 'false', '0', 'no'].includes(l)) return 'false';
    return t;
  }
  if (type === 'DATE') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return t;
  }
  if (['INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE'].includes(type)) {
    // "1.234" (thousands) and "12,5" (decimal comma), as typed in Vietnam.
    if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) return t.replace(/\./g, '');
    if (/^-?\d+,\d+$/.test(t)) return t.replace(',', '.');
  }
  return t;
}

/**
 * Reads a filled workbook: every sheet made by `entryWorkbook` (others are ignored), every row
 * with a code. Problems of the file itself (a sheet of another report, a row whose codes were
 * changed) come back with their sheet and row; values are checked by the import.
 */
export async function readEntryWorkbook(buf: Buffer, known: { dataSet: string; elements: EntryElement[] }): Promise<{ sheets: SheetRead[]; problems: ReadProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { sheets: [], problems: [{ sheet: '', row: 0, message: 'Tệp không phải bảng tính Excel (.xlsx) đọc được.' }] };
  }
  const byCode = new Map(known.elements.map((e) => [e.code, e]));
  const sheets: SheetRead[] = [];
  const problems: ReadProblem[] = [];
  for (const ws of wb.worksheets) {
    const meta = ws.getRow(1);
    if (cellText(meta.getCell(1)) !== MARK) continue;
    const dataSet = cellText(meta.getCell(2));
    const period = cellText(meta.getCell(3));
    const unitCode = cellText(meta.getCell(4));
    if (dataSet !== known.dataSet) {
      problems.push({ sheet: ws.name, row: 1, message: `Trang tính là biểu của báo cáo ${dataSet || '(không rõ)'}, không phải ${known.dataSet}.` });
      continue;
    }
    const values: SheetValue[] = [];
    for (let r = HEAD_ROW + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const element = cellText(row.getCell(COL.element));
      if (!element) continue;
      const e = byCode.get(element);
      if (!e) {
        problems.push({ sheet: ws.name, row: r, message: `Mã chỉ tiêu "${element}" không có trong báo cáo (dòng đã bị sửa?).` });
        continue;
      }
      const coc = cellText(row.getCell(COL.coc));
      if (coc && !e.combos.some((c) => c.code === coc)) {
        problems.push({ sheet: ws.name, row: r, message: `Mã phân tổ "${coc}" không thuộc chỉ tiêu ${e.name}.` });
        continue;
      }
      values.push({ sheet: ws.name, row: r, place: cellText(row.getCell(COL.place)), dataElement: element, coc, value: normaliseEntry(cellText(row.getCell(COL.value)), e.valueType), comment: cellText(row.getCell(COL.comment)) });
    }
    sheets.push({ sheet: ws.name, dataSet, period, unitCode, values });
  }
  if (!sheets.length && !problems.length) problems.push({ sheet: '', row: 0, message: 'Tệp không có trang biểu mẫu báo cáo nào của motcua (hãy tải biểu mẫu về, điền rồi gửi lại).' });
  return { sheets, problems };
}
