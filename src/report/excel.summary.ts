import ExcelJS from 'exceljs';
import type { DataTable } from '../dashboard';

/**
 * The summary in one workbook, a sheet per table (the page's tables, every unit and every
 * disaggregation): numbers stay numbers, so a sum or a chart made in Excel uses the API's values.
 */
const SHEET_NAME: Record<string, string> = { 'tong-hop': 'Tổng hợp', 'don-vi': 'Các đơn vị', 'dia-diem': 'Địa điểm', 'phan-to': 'Phân tổ' };

export async function summaryXlsx(tables: DataTable[], opts: { createdAt?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = opts.createdAt ?? new Date();
  for (const t of tables) {
    const ws = wb.addWorksheet(SHEET_NAME[t.id] ?? t.id, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.addRow([t.subtitle]).font = { italic: true };
    ws.addRow([]);
    const head = ws.addRow(t.columns.map((c) => c.label));
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of t.rows) {
      const row = ws.addRow(r.map((c) => (c.kind ? (c.value ?? null) : c.text)));
      r.forEach((c, i) => {
        if (c.kind) row.getCell(i + 1).numFmt = '#,##0.##';
      });
    }
    t.columns.forEach((c, i) => {
      const longest = Math.max(c.label.length, ...t.rows.map((r) => (r[i]?.text ?? '').length));
      ws.getColumn(i + 1).width = Math.min(50, Math.max(8, longest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
