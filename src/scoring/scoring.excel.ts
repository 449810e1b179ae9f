import ExcelJS from 'exceljs';
import type { RankingRow, TableView } from './scoring.types';

/** The month's table (every criterion of every unit, then the total and position) and the year to date, as .xlsx. */
export async function rankingXlsx(month: { view: TableView | null; label: string }, year: { rows: RankingRow[]; months: string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(`Tháng ${month.label}`.slice(0, 31));
  const v = month.view;
  if (v) {
    ws.addRow([v.table.title + (v.table.status === 'open' ? ' (tạm tính, chưa chốt)' : '') + (v.table.version > 1 ? ` — bản đính chính lần ${v.table.version - 1}` : '')]);
    ws.addRow(['Xếp hạng', 'Đơn vị', ...v.criteria.map((c) => `${c.name} (tối đa ${c.maxPoints})`), `Tổng điểm (tối đa ${v.maxTotal})`]).font = { bold: true };
    for (const u of v.units) ws.addRow([u.position, u.unitName, ...u.cells.map((c) => c.points), u.total]);
  } else ws.addRow([`Chưa có bảng điểm tháng ${month.label}`]);
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 28 : 14));
  const ys = wb.addWorksheet('Lũy kế năm');
  ys.addRow([`Lũy kế các tháng đã chốt: ${year.months.join(', ') || 'chưa có'}`]);
  ys.addRow(['Xếp hạng', 'Đơn vị', 'Tổng điểm lũy kế', 'Số tháng']).font = { bold: true };
  for (const r of year.rows) ys.addRow([r.position, r.unitName, r.total, r.months ?? 0]);
  ys.columns.forEach((c, i) => (c.width = i === 1 ? 28 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
