import ExcelJS from 'exceljs';
import { CM, createDoc, draw, heightOf, hline, MUTED, nfc, toBuffer, type TextStyle } from '../shared/pdf';
import type { DataTable } from './dashboard.tables';

/**
 * Any dashboard table as Excel (numbers stay numbers: a rate is the fraction with a percent
 * format, so a sum or a chart in Excel uses the API's value) or as an A4 landscape PDF with
 * Vietnamese fonts (what the leader prints for the meeting).
 */

export async function tableXlsx(t: DataTable, opts: { createdAt?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = opts.createdAt ?? new Date();
  const ws = wb.addWorksheet(t.id, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
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
    const row = ws.addRow(r.map((c) => (c.kind && c.value !== undefined ? c.value : c.text)));
    r.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.kind === 'pct') cell.numFmt = '0.00%';
      else if (c.kind === 'num') cell.numFmt = '0.##';
      else if (c.kind === 'int') cell.numFmt = '0';
    });
  }
  t.columns.forEach((c, i) => {
    const longest = Math.max(c.label.length, ...t.rows.map((r) => (r[i]?.text ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TITLE: TextStyle = { font: 'sansBold', size: 13 };
const SUB: TextStyle = { font: 'sans', size: 9.5, color: MUTED };
const HEAD: TextStyle = { font: 'sansSemiBold', size: 8.5 };
const BODY: TextStyle = { font: 'sans', size: 8.5 };

export async function tablePdf(t: DataTable, opts: { createdAt?: Date } = {}): Promise<Buffer> {
  const margins = { top: 1.5 * CM, left: 1.5 * CM, right: 1.5 * CM };
  const doc = createDoc({ title: nfc(t.title), subject: nfc(t.subtitle), layout: 'landscape', margins }, { creationDate: opts.createdAt });
  const pageW = doc.page.width;
  const bottom = doc.page.height - 1.5 * CM;
  const width = pageW - margins.left - margins.right;
  // Text columns share what the numeric ones leave; numbers get a fixed width.
  const numW = 62;
  const numeric = t.columns.filter((c) => c.numeric).length;
  const textW = (width - numeric * numW) / Math.max(1, t.columns.length - numeric);
  const widths = t.columns.map((c) => (c.numeric ? numW : textW));
  const xs = widths.map((_, i) => margins.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = 3;

  let y = margins.top;
  y += draw(doc, nfc(t.title), margins.left, y, TITLE, width) + 2;
  y += draw(doc, nfc(t.subtitle), margins.left, y, SUB, width) + 8;

  const rowOf = (cells: string[], style: TextStyle): number => Math.max(...cells.map((c, i) => heightOf(doc, c, style, widths[i]! - 2 * pad))) + 2 * pad;
  const drawRow = (cells: string[], style: TextStyle, h: number) => {
    cells.forEach((c, i) => draw(doc, c, xs[i]! + pad, y + pad, style, widths[i]! - 2 * pad, t.columns[i]?.numeric ? 'right' : 'left'));
    y += h;
    hline(doc, margins.left, margins.left + width, y, 0.3);
  };
  const header = () => {
    const cells = t.columns.map((c) => nfc(c.label));
    const h = rowOf(cells, HEAD);
    hline(doc, margins.left, margins.left + width, y, 0.8);
    drawRow(cells, HEAD, h);
  };
  header();
  for (const r of t.rows) {
    const cells = r.map((c) => nfc(c.text));
    const h = rowOf(cells, BODY);
    if (y + h > bottom) {
      doc.addPage();
      y = margins.top;
      header();
    }
    drawRow(cells, BODY, h);
  }
  if (!t.rows.length) draw(doc, 'Không có dòng nào.', margins.left, y + 6, BODY, width);
  // Page numbers, once the count is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    draw(doc, `Trang ${i + 1}/${range.count}`, margins.left, doc.page.height - 1.1 * CM, SUB, width, 'right');
  }
  return toBuffer(doc);
}
