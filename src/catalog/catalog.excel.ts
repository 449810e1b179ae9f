import ExcelJS from 'exceljs';
import { ValidationError } from '../shared/errors';
import { fold } from '../shared/vietnamese';
import type { CatalogService } from './catalog.service';
import type { TimeUnit } from './catalog.types';

/**
 * A unit's catalogue as an Excel workbook, for officials who keep lists in Excel: which
 * procedures the unit offers, its own shorter time commitments, the essential ones for village
 * halls, notes and order. Name, field, legal time and fee are shown for reading only; national
 * data is changed by importing the national export, not here.
 */

const UNIT_LABEL: Record<TimeUnit, string> = { working_days: 'ngày làm việc', days: 'ngày', hours: 'giờ' };
const HEADERS = ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thời hạn luật định', 'Cam kết của đơn vị', 'Đơn vị tính cam kết', 'Phí, lệ phí', 'Thiết yếu (x)', 'Ghi chú'] as const;

export async function exportUnitCatalog(catalog: CatalogService, unitCode: string): Promise<Buffer> {
  const uc = await catalog.unitCatalog(unitCode);
  const { items } = await catalog.search(unitCode, { limit: 100_000 });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Danh mục', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`DANH MỤC THỦ TỤC HÀNH CHÍNH — ${uc.unit.name.toLocaleUpperCase('vi-VN')} (mã ${unitCode})`]);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  const header = ws.addRow([...HEADERS]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  items.forEach((s, i) => {
    const e = uc.entries.get(s.code)!;
    ws.addRow([i + 1, s.code, s.name, s.field, s.timeText, e.commitment?.value ?? null, e.commitment ? UNIT_LABEL[e.commitment.unit] : null, s.feeText, e.essential ? 'x' : null, e.note || null]);
  });
  const widths = [6, 12, 60, 24, 20, 12, 16, 22, 10, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of [3, 4, 5, 8]) ws.getColumn(c).font = { color: { argb: 'FF555555' } };
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
  }
  return String(v).trim();
}

function parseUnit(s: string): TimeUnit | undefined {
  const f = fold(s).trim();
  if (!f || f === 'ngai lam viec') return 'working_days';
  if (f === 'ngai') return 'days';
  if (f === 'gio') return 'hours';
  return undefined;
}

/** Replace the unit's selection from a workbook made by exportUnitCatalog (or by hand). */
export async function importUnitCatalog(catalog: CatalogService, unitCode: string, data: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new ValidationError('Tệp không phải bảng tính Excel (.xlsx) hợp lệ.', [{ field: 'file', code: 'not_xlsx', message: 'Không đọc được tệp Excel' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ValidationError('Bảng tính không có trang nào.', [{ field: 'file', code: 'empty', message: 'Bảng tính trống' }]);
  // Find the header row by its "Mã thủ tục" cell, wherever the title rows end.
  let headerRow = 0;
  const col: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      const t = fold(cellText(cell.value));
      if (t === fold('Mã thủ tục')) headerRow = n;
      for (const h of HEADERS) if (t === fold(h)) col[h] = c;
    });
    if (!headerRow) for (const k of Object.keys(col)) delete col[k];
  });
  if (!headerRow || !col['Mã thủ tục']) {
    throw new ValidationError('Không tìm thấy cột "Mã thủ tục" trong bảng tính.', [{ field: 'file', code: 'missing_column', message: 'Thiếu cột Mã thủ tục' }]);
  }
  const rows: Parameters<CatalogService['setUnitCatalog']>[1] = [];
  const sheetRows: number[] = [];
  const problems: Array<{ field: string; code: string; message: string }> = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const get = (h: (typeof HEADERS)[number]) => (col[h] ? cellText(row.getCell(col[h]!).value) : '');
    const code = get('Mã thủ tục');
    if (!code) return;
    const where = `dòng ${n}`;
    if (!/^\d\.\d{6}$/.test(code)) {
      problems.push({ field: where, code: 'invalid_code', message: `Mã thủ tục "${code}" không đúng dạng 1.001193` });
      return;
    }
    const rawValue = get('Cam kết của đơn vị').replace(',', '.');
    let commitment = null;
    if (rawValue) {
      const value = Number(rawValue);
      const unit = parseUnit(get('Đơn vị tính cam kết'));
      if (!Number.isFinite(value) || value <= 0) problems.push({ field: where, code: 'invalid_commitment', message: `Cam kết "${rawValue}" phải là số lớn hơn 0` });
      else if (!unit) problems.push({ field: where, code: 'invalid_unit', message: `Đơn vị tính "${get('Đơn vị tính cam kết')}" phải là "ngày làm việc", "ngày" hoặc "giờ"` });
      else commitment = { value, unit };
    }
    const essential = ['x', 'co', 'có', '1'].includes(get('Thiết yếu (x)').toLowerCase());
    sheetRows.push(n);
    rows.push({ procedureCode: code, commitment, note: get('Ghi chú'), essential, sort: rows.length });
  });
  if (problems.length) throw new ValidationError('Danh mục không được cập nhật vì có dòng không hợp lệ.', problems);
  // The service numbers rows from 1 in the order given; name them by their sheet row instead.
  try {
    return await catalog.setUnitCatalog(unitCode, rows);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new ValidationError(
        e.message,
        e.fields.map((f) => ({ ...f, field: f.field.replace(/dòng (\d+)/, (_m, i) => `dòng ${sheetRows[Number(i) - 1] ?? i}`) })),
      );
    }
    throw e;
  }
}
