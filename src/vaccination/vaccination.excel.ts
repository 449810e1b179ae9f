import ExcelJS from 'exceljs';
import { formatPhone } from '../shared/phone';
import { dmy } from './vaccination.schedule';
import type { DueList } from './vaccination.service';

/** The week's list of the health station as .xlsx: one row per child and dose due, by village. */
export async function dueListXlsx(l: DueList, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(`Tuần ${l.week}`.slice(0, 31));
  ws.addRow([`Danh sách trẻ đến lịch tiêm — ${unitName} — tuần ${l.week} (${dmy(l.from)} – ${dmy(l.to)})`]).font = { bold: true };
  ws.addRow(['Thôn, tổ dân phố', 'Họ tên trẻ', 'Ngày sinh', 'Số điện thoại', 'Vắc xin', 'Mũi', 'Ngày đến lịch', 'Đã nhắn nhắc', 'Mũi trước chưa tiêm', 'Ghi chú']).font = { bold: true };
  for (const v of l.villages)
    for (const c of v.children)
      for (const d of c.due)
        ws.addRow([
          v.village,
          c.childName,
          dmy(c.birthDate),
          formatPhone(c.phone),
          d.vaccine,
          d.dose,
          dmy(d.dueDate),
          d.remindedAt ? 'Có' : 'Chưa',
          c.overdue.map((o) => `${o.vaccine} ${o.dose.toLowerCase()} (${dmy(o.dueDate)})`).join('; '),
          c.phoneBounced ? 'Số điện thoại không nhận được tin nhắn' : '',
        ]);
  ws.columns.forEach((c, i) => (c.width = [22, 26, 12, 14, 30, 16, 13, 12, 40, 30][i] ?? 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
