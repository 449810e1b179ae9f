import { createDoc, draw, fitText, heightOf, hline, toBuffer, type Doc, type PdfRenderOptions, type TextStyle } from '../shared/pdf';
import { formatDate, formatDateTime, formatWorking } from '../shared/format';
import type { WeeklyReview } from './performance.service';
import { pct, periodKeyText, targetText } from './performance.format';

const M = { top: 36, left: 40, right: 40 };
const BOTTOM = 30;
const TITLE: TextStyle = { font: 'sansBold', size: 14 };
const H2: TextStyle = { font: 'sansSemiBold', size: 11 };
const CELL: TextStyle = { font: 'sans', size: 8.5 };
const HEAD: TextStyle = { font: 'sansSemiBold', size: 8.5 };

/** A table of text cells; widths are fractions of the line. Starts a new page when the page is full. */
function table(doc: Doc, y: number, head: string[], widths: number[], rows: string[][]): number {
  const x0 = M.left;
  const total = doc.page.width - M.left - M.right;
  const w = widths.map((f) => f * total);
  const line = (cells: string[], style: TextStyle) => {
    const h = Math.max(...cells.map((c, i) => heightOf(doc, fitText(doc, c, style, w[i]! - 4, 30), style, w[i]! - 4))) + 4;
    if (y + h > doc.page.height - BOTTOM) {
      doc.addPage();
      y = M.top;
    }
    let x = x0;
    cells.forEach((c, i) => {
      draw(doc, fitText(doc, c, style, w[i]! - 4, 30), x + 2, y + 2, style, w[i]! - 4);
      x += w[i]!;
    });
    y += h;
    hline(doc, x0, x0 + total, y, 0.3);
  };
  line(head, HEAD);
  for (const r of rows) line(r, CELL);
  if (!rows.length) line(['Không có.', ...head.slice(1).map(() => '')], CELL);
  return y + 10;
}

function heading(doc: Doc, y: number, text: string): number {
  if (y + 40 > doc.page.height - BOTTOM) {
    doc.addPage();
    y = M.top;
  }
  return y + draw(doc, text, M.left, y, H2, doc.page.width - M.left - M.right) + 4;
}

/** The weekly review for the chairman's Monday meeting, on landscape A4. */
export async function renderWeeklyReviewPdf(r: WeeklyReview, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Giao ban tuần ${r.week.key} — ${r.unit.name}`, layout: 'landscape', margins: M }, options);
  const width = doc.page.width - M.left - M.right;
  let y = M.top;
  y += draw(doc, `BÁO CÁO GIAO BAN TUẦN — ${r.unit.name.toUpperCase()}`, M.left, y, TITLE, width, 'center') + 2;
  y += draw(doc, `${r.week.label}. Lập lúc ${formatDateTime(r.generatedAt)}.`, M.left, y, CELL, width, 'center') + 12;
  y = heading(doc, y, '1. Công việc của từng cán bộ');
  y = table(
    doc,
    y,
    ['Cán bộ', 'Hồ sơ đã xử lý', 'Bước đúng hạn', 'Bước quá hạn', 'Tỷ lệ đúng hạn', 'Yêu cầu bổ sung', 'Không hài lòng'],
    [0.28, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12],
    r.officials.map((o) => [o.staff.fullName, String(o.dossiers), String(o.onTime), String(o.late), pct(o.onTimeRate), String(o.supplementRequests), String(o.ratings.dissatisfied)]),
  );
  y = heading(doc, y, '2. Chỉ tiêu');
  y = table(
    doc,
    y,
    ['Áp dụng cho', 'Chỉ tiêu', 'Kỳ', 'Hiện đạt', 'Kết quả'],
    [0.25, 0.35, 0.1, 0.15, 0.15],
    r.targets.map((t) => [t.subject, targetText(t.target), periodKeyText(t.target.periodKey), t.actual === null ? '—' : String(t.actual), t.text]),
  );
  const dossiers = (list: WeeklyReview['overdue']) => list.map((d) => [d.code, d.procedureName, d.applicantName, d.handler || '—', d.dueAt ? formatDate(d.dueAt) : '—', formatWorking(d.leftMs)]);
  const head = ['Hồ sơ', 'Thủ tục', 'Người nộp', 'Đang xử lý', 'Hẹn trả', 'Còn lại'];
  const widths = [0.16, 0.32, 0.16, 0.14, 0.1, 0.12];
  y = heading(doc, y, `3. Hồ sơ quá hạn (${r.overdue.length})`);
  y = table(doc, y, head, widths, dossiers(r.overdue));
  y = heading(doc, y, `4. Hồ sơ sắp đến hạn (${r.atRisk.length})`);
  y = table(doc, y, head, widths, dossiers(r.atRisk));
  y = heading(doc, y, `5. Đánh giá không hài lòng trong tuần (${r.dissatisfied.length})`);
  table(doc, y, ['Hồ sơ', 'Thời điểm', 'Lý do'], [0.2, 0.2, 0.6], r.dissatisfied.map((d) => [d.code || '—', formatDateTime(d.ratedAt), d.reasons.join(', ') || '—']));
  return toBuffer(doc);
}
