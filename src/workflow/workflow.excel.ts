import ExcelJS from 'exceljs';
import { TRACKING_BOOK_COLUMNS, type TrackingBookVm } from './workflow.pdf';

/** The tracking book (Sổ theo dõi hồ sơ, form 06) as an Excel workbook: the same rows as the PDF. */
export async function trackingBookXlsx(vm: TrackingBookVm): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = TRACKING_BOOK_COLUMNS.length;
  ws.addRow([`SỔ THEO DÕI HỒ SƠ — ${vm.unitName.toLocaleUpperCase('vi-VN')}`]);
  ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow([vm.period]);
  ws.mergeCells(2, 1, 2, n);
  ws.getRow(2).font = { italic: true };
  const header = ws.addRow(TRACKING_BOOK_COLUMNS.map((c) => c.title));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  vm.rows.forEach((r, i) => ws.addRow(TRACKING_BOOK_COLUMNS.map((c) => (c.key === 'no' ? i + 1 : r[c.key]))));
  TRACKING_BOOK_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(6, Math.round(c.w * 190));
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.addRow([]);
  ws.addRow([vm.summary]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
