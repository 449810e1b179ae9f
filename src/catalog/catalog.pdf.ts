import { qrMatrix } from '../shared/qr';
import {
  CM,
  INK,
  MUTED,
  PAGE_H,
  PAGE_W,
  RULE,
  SERIF_BASELINE,
  createDoc,
  dottedLine,
  draw,
  drawNationalMotto,
  drawQr,
  fitText,
  heightOf,
  hline,
  nfc,
  toBuffer,
  upper,
  use,
  type PdfRenderOptions,
  type TextStyle,
} from '../shared/pdf';

export type { PdfRenderOptions };

/**
 * Printable PDFs of the catalogue: the wall listing of a field's procedures (one QR code per
 * procedure), a one-page poster per procedure, and blank form templates.
 *
 * Everything here takes plain view models and returns bytes: no database, no HTTP. Layout is done
 * by hand (measure, then draw) rather than with pdfkit's automatic flow so that a table row is
 * never split across pages and nothing is silently pushed onto an extra page. Fonts, document
 * setup and drawing helpers are shared with the other printables in ../shared/pdf.
 */

// ---------------------------------------------------------------------------------------------
// View models

export interface FieldListingItem {
  /** National code, e.g. "1.001193". */
  code: string;
  name: string;
  /** Processing time as displayed, e.g. "03 ngày làm việc". */
  time: string;
  /** Fees as displayed, e.g. "Miễn lệ phí" or "8.000 đồng/bản". */
  fee: string;
  /** Absolute URL of the procedure's public page; encoded in the row's QR code. */
  url: string;
}

export interface FieldListingPdfVm {
  /** e.g. "UBND phường Ba Đình"; printed upper-case. */
  unitName: string;
  /** e.g. "UBND thành phố Hà Nội"; printed upper-case above the unit. */
  parentName?: string;
  address?: string;
  openingHours?: string;
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: string;
  items: FieldListingItem[];
  /** dd/mm/yyyy */
  printedOn: string;
}

export interface PosterPdfVm {
  unitName: string;
  code: string;
  name: string;
  field: string;
  summary: string;
  time: string;
  fee: string;
  /** What to bring, one line each (when `groups` is not given). */
  components: string[];
  /**
   * What to bring, by case: the general list, then each case under its own heading ("Trường hợp:
   * …"), so nobody reads a case's papers as required of everyone.
   */
  groups?: Array<{ title: string; items: string[] }>;
  /** Absolute URL of the procedure's public page; encoded in the QR code and printed. */
  url: string;
}

export interface FormTemplatePdfVm {
  title: string;
  /** e.g. "Mẫu ban hành kèm Thông tư 04/2024/TT-BTP"; may be empty. */
  source: string;
  procedureName: string;
  /** Labels of the lines to fill in. */
  fields: string[];
}

// ---------------------------------------------------------------------------------------------
// Field listing (danh mục thủ tục theo lĩnh vực), A4 portrait, to post on the wall

const L = {
  margin: 36,
  top: 36,
  /** The table never goes below this line; the footer lives under it. */
  bodyBottom: PAGE_H - 62,
  footerRule: PAGE_H - 54,
  /** Continuation pages: a running head above the table. */
  runningHeadY: 26,
  contTableTop: 46,
  cellPadX: 5,
  cellPadY: 6,
  /** QR drawn at 2.6 cm with its quiet zone: the symbol itself is ≥ 2.2 cm, enough for a phone. */
  qr: 2.6 * CM,
};

const LISTING_STYLES = {
  parent: { font: 'serif', size: 10.5 },
  unit: { font: 'serifBold', size: 13 },
  title: { font: 'serifBold', size: 15, lineGap: 1 },
  hint: { font: 'serifItalic', size: 10.5, color: MUTED },
  running: { font: 'serifItalic', size: 8.5, color: MUTED },
  th: { font: 'serifBold', size: 9.5 },
  stt: { font: 'serif', size: 10 },
  name: { font: 'serifBold', size: 10.5, lineGap: 0.5 },
  code: { font: 'serif', size: 8.5, color: MUTED },
  cell: { font: 'serif', size: 9.5, lineGap: 0.5 },
  footer: { font: 'serif', size: 8, color: MUTED },
  page: { font: 'serif', size: 9 },
} satisfies Record<string, TextStyle>;

export async function renderFieldListingPdf(
  input: FieldListingPdfVm,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const vm = {
    unitName: nfc(input.unitName),
    parentName: nfc(input.parentName),
    address: nfc(input.address),
    openingHours: nfc(input.openingHours),
    field: nfc(input.field),
    printedOn: nfc(input.printedOn),
    items: input.items.map((it) => ({
      code: nfc(it.code),
      name: nfc(it.name),
      time: nfc(it.time),
      fee: nfc(it.fee),
      url: it.url.trim(),
    })),
  };
  const qrs = await Promise.all(vm.items.map((it) => qrMatrix(it.url)));

  const title = `DANH MỤC THỦ TỤC HÀNH CHÍNH — LĨNH VỰC ${upper(vm.field)}`;
  const doc = createDoc(
    {
      title: `${title} — ${vm.unitName}`,
      subject: `Danh mục thủ tục hành chính lĩnh vực ${vm.field} của ${vm.unitName}`,
      keywords: `thủ tục hành chính, ${vm.field}, mã QR`,
      margins: { top: L.top, left: L.margin, right: L.margin },
    },
    options,
  );
  const S = LISTING_STYLES;
  const x0 = L.margin;
  const width = PAGE_W - 2 * L.margin;

  // Columns: STT | Tên thủ tục | Thời hạn | Phí, lệ phí | Mã QR
  const qrCol = L.qr + 2 * L.cellPadX;
  const colW = [30, 0, 92, 96, qrCol];
  colW[1] = width - colW.reduce((a, b) => a + b, 0);
  const colX = colW.map((_, i) => x0 + colW.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => colW[i]! - 2 * L.cellPadX;
  const heads = ['STT', 'Tên thủ tục hành chính', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mã QR'];
  const headH =
    Math.max(...heads.map((h, i) => heightOf(doc, h, S.th, inner(i)))) + 2 * L.cellPadY;

  // --- first-page header
  let y = L.top;
  if (vm.parentName) y += draw(doc, upper(vm.parentName), x0, y, S.parent, width, 'center');
  y += draw(doc, upper(vm.unitName), x0, y, S.unit, width, 'center');
  hline(doc, PAGE_W / 2 - 40, PAGE_W / 2 + 40, y + 2, 0.8, INK);
  y += 14;
  y += draw(doc, title, x0, y, S.title, width, 'center');
  y += 2;
  y += draw(doc, 'Quét mã QR để xem chi tiết và nộp hồ sơ trực tuyến', x0, y, S.hint, width, 'center');
  y += 10;

  const drawHeaderRow = (top: number): number => {
    doc.save().rect(x0, top, width, headH).fill('#e6e6e6').restore();
    heads.forEach((h, i) => {
      const th = heightOf(doc, h, S.th, inner(i));
      draw(doc, h, colX[i]! + L.cellPadX, top + (headH - th) / 2, S.th, inner(i), 'center');
    });
    drawGrid(top, headH);
    return top + headH;
  };
  const drawGrid = (top: number, h: number): void => {
    doc.save().lineWidth(0.6).strokeColor(RULE);
    doc.rect(x0, top, width, h).stroke();
    for (let i = 1; i < colX.length; i++) {
      doc.moveTo(colX[i]!, top).lineTo(colX[i]!, top + h).stroke();
    }
    doc.restore();
  };
  const newPage = (): number => {
    doc.addPage();
    draw(
      doc,
      `${upper(vm.unitName)} — Danh mục thủ tục hành chính lĩnh vực ${vm.field}`,
      x0,
      L.runningHeadY,
      S.running,
      width,
      'left',
    );
    return drawHeaderRow(L.contTableTop);
  };

  y = drawHeaderRow(y);

  // A row taller than a whole continuation page would never fit anywhere: cap its text.
  const maxRowH = L.bodyBottom - L.contTableTop - headH;
  const maxTextH = maxRowH - 2 * L.cellPadY;
  const codeGap = 2;

  if (vm.items.length === 0) {
    const msg = 'Chưa có thủ tục hành chính nào trong lĩnh vực này.';
    const h = heightOf(doc, msg, S.cell, width - 2 * L.cellPadX) + 2 * L.cellPadY;
    doc.save().lineWidth(0.6).strokeColor(RULE).rect(x0, y, width, h).stroke().restore();
    draw(doc, msg, x0 + L.cellPadX, y + L.cellPadY, S.hint, width - 2 * L.cellPadX, 'center');
  }

  vm.items.forEach((item, index) => {
    const code = item.code ? `Mã thủ tục: ${item.code}` : '';
    const codeH = code ? heightOf(doc, code, S.code, inner(1)) + codeGap : 0;
    const name = fitText(doc, item.name, S.name, inner(1), maxTextH - codeH);
    const time = fitText(doc, item.time, S.cell, inner(2), maxTextH);
    const fee = fitText(doc, item.fee, S.cell, inner(3), maxTextH);
    const stt = String(index + 1);
    const nameH = heightOf(doc, name, S.name, inner(1)) + codeH;
    const timeH = heightOf(doc, time, S.cell, inner(2));
    const feeH = heightOf(doc, fee, S.cell, inner(3));
    const rowH = Math.max(L.qr, nameH, timeH, feeH) + 2 * L.cellPadY;

    if (y + rowH > L.bodyBottom) y = newPage();

    const mid = (h: number) => y + (rowH - h) / 2;
    draw(doc, stt, colX[0]! + L.cellPadX, mid(heightOf(doc, stt, S.stt, inner(0))), S.stt, inner(0), 'center');
    const nameTop = mid(nameH);
    const nh = draw(doc, name, colX[1]! + L.cellPadX, nameTop, S.name, inner(1));
    if (code) draw(doc, code, colX[1]! + L.cellPadX, nameTop + nh + codeGap, S.code, inner(1));
    draw(doc, time, colX[2]! + L.cellPadX, mid(timeH), S.cell, inner(2), 'center');
    draw(doc, fee, colX[3]! + L.cellPadX, mid(feeH), S.cell, inner(3), 'center');
    drawQr(doc, qrs[index]!, colX[4]! + L.cellPadX, mid(L.qr), L.qr);
    drawGrid(y, rowH);
    y += rowH;
  });

  // --- footers, now that the page count is known
  const { start, count } = doc.bufferedPageRange();
  const footerLeft = [
    [vm.address && `Địa chỉ: ${vm.address}`, vm.openingHours && `Giờ làm việc: ${vm.openingHours}`]
      .filter(Boolean)
      .join(' · '),
    vm.printedOn && `In ngày ${vm.printedOn}`,
  ]
    .filter(Boolean)
    .join('\n');
  const pageColW = 70;
  const footerW = width - pageColW - 10;
  const footerText = fitText(doc, footerLeft, S.footer, footerW, PAGE_H - L.footerRule - 20);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    hline(doc, x0, x0 + width, L.footerRule, 0.5, MUTED);
    draw(doc, footerText, x0, L.footerRule + 5, S.footer, footerW);
    draw(doc, `Trang ${i - start + 1}/${count}`, x0 + width - pageColW, L.footerRule + 5, S.page, pageColW, 'right');
  }

  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// Poster (one procedure, one A4 page)

const P = {
  margin: 42,
  qr: 9 * CM,
  bottom: PAGE_H - 36,
};

const POSTER_STYLES = {
  unit: { font: 'sansSemiBold', size: 12 },
  meta: { font: 'sans', size: 10, color: MUTED },
  summary: { font: 'serif', size: 12.5, lineGap: 2, color: '#222222' },
  url: { font: 'sans', size: 10, color: '#222222' },
  hint: { font: 'sans', size: 11.5, lineGap: 2, color: '#222222' },
  boxLabel: { font: 'sansSemiBold', size: 9.5, color: MUTED },
  h2: { font: 'sansBold', size: 16 },
  item: { font: 'serif', size: 12, lineGap: 1 },
  group: { font: 'sansSemiBold', size: 11.5 },
  more: { font: 'serifItalic', size: 11.5, color: MUTED },
} satisfies Record<string, TextStyle>;

export async function renderPosterPdf(input: PosterPdfVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const vm = {
    unitName: nfc(input.unitName),
    code: nfc(input.code),
    name: nfc(input.name),
    field: nfc(input.field),
    summary: nfc(input.summary),
    time: nfc(input.time),
    fee: nfc(input.fee),
    components: input.components.map(nfc).filter(Boolean),
    groups: input.groups?.map((g) => ({ title: nfc(g.title), items: g.items.map(nfc).filter(Boolean) })).filter((g) => g.items.length),
    url: input.url.trim(),
  };
  const qr = await qrMatrix(vm.url);
  const doc = createDoc(
    {
      title: `${vm.name} — ${vm.unitName}`,
      subject: `Thủ tục ${vm.name} (mã ${vm.code}), lĩnh vực ${vm.field}`,
      keywords: `thủ tục hành chính, ${vm.field}, ${vm.code}, mã QR`,
      margins: { top: P.margin, left: P.margin, right: P.margin },
    },
    options,
  );
  const S = POSTER_STYLES;
  const x0 = P.margin;
  const width = PAGE_W - 2 * P.margin;
  let y = P.margin;

  // --- masthead
  y += draw(doc, upper(vm.unitName), x0, y, S.unit, width);
  const meta = [vm.field && `Lĩnh vực: ${vm.field}`, vm.code && `Mã thủ tục: ${vm.code}`]
    .filter(Boolean)
    .join('   ·   ');
  y += draw(doc, meta, x0, y + 1, S.meta, width) + 6;
  hline(doc, x0, x0 + width, y, 2, INK);
  y += 16;

  // --- title: as large as fits in three lines
  const titleText = upper(vm.name);
  let titleStyle: TextStyle = { font: 'sansBold', size: 30, lineGap: 0 };
  for (let size = 30; size >= 18; size -= 2) {
    titleStyle = { font: 'sansBold', size, lineGap: 0 };
    if (heightOf(doc, titleText, titleStyle, width) <= 3.05 * size * 1.3) break;
  }
  const titleFit = fitText(doc, titleText, titleStyle, width, 3.05 * titleStyle.size * 1.3);
  y += draw(doc, titleFit, x0, y, titleStyle, width, 'center') + 8;

  if (vm.summary) {
    const summary = fitText(doc, vm.summary, S.summary, width, 4 * 12.5 * 1.4 + 8);
    y += draw(doc, summary, x0, y, S.summary, width, 'center') + 14;
  } else {
    y += 6;
  }

  // --- QR on the left, time and fee on the right
  const qrTop = y;
  drawQr(doc, qr, x0, qrTop, P.qr, 3);
  doc.save().lineWidth(0.8).strokeColor('#999999').roundedRect(x0, qrTop, P.qr, P.qr, 6).stroke().restore();
  // The URL on one line if a readable size allows it (a break inside a URL misleads a reader).
  let urlStyle: TextStyle = S.url;
  for (let size = S.url.size; size >= 7.5; size -= 0.5) {
    urlStyle = { ...S.url, size };
    if (use(doc, urlStyle).widthOfString(vm.url) <= P.qr) break;
  }
  const urlText = fitText(doc, vm.url, urlStyle, P.qr, 2 * urlStyle.size * 1.3 + 2);
  const qrBottom =
    qrTop + P.qr + 4 + draw(doc, urlText, x0, qrTop + P.qr + 4, urlStyle, P.qr, 'center');

  const rx = x0 + P.qr + 20;
  const rw = x0 + width - rx;
  const hint =
    'Quét mã QR bằng camera điện thoại để xem hướng dẫn chi tiết, tải mẫu đơn và nộp hồ sơ trực tuyến.';
  const hintH = heightOf(doc, hint, S.hint, rw);
  const pad = 12;
  const boxGap = 14;
  const boxBudget = (qrBottom - qrTop - hintH - 2 * boxGap) / 2;
  const boxes = [
    { label: 'THỜI HẠN GIẢI QUYẾT', value: vm.time || '—' },
    { label: 'PHÍ, LỆ PHÍ', value: vm.fee || '—' },
  ].map(({ label, value }) => {
    const labelH = heightOf(doc, label, S.boxLabel, rw - 2 * pad);
    const maxValueH = Math.max(20, boxBudget - 2 * pad - labelH - 4);
    let style: TextStyle = { font: 'sansBold', size: 20, lineGap: 1 };
    for (let size = 20; size >= 11; size -= 1) {
      style = { font: 'sansBold', size, lineGap: 1 };
      if (heightOf(doc, value, style, rw - 2 * pad) <= maxValueH) break;
    }
    const shown = fitText(doc, value, style, rw - 2 * pad, maxValueH);
    const h = 2 * pad + labelH + 4 + heightOf(doc, shown, style, rw - 2 * pad);
    return { label, labelH, shown, style, h };
  });
  // Centre the column against the QR code and its URL.
  const columnH = hintH + boxes.reduce((a, b) => a + boxGap + b.h, 0);
  let ry = qrTop + Math.max(0, (qrBottom - qrTop - columnH) / 2);
  ry += draw(doc, hint, rx, ry, S.hint, rw);
  for (const b of boxes) {
    ry += boxGap;
    doc.save().lineWidth(1).strokeColor(INK).roundedRect(rx, ry, rw, b.h, 6).stroke().restore();
    draw(doc, b.label, rx + pad, ry + pad, S.boxLabel, rw - 2 * pad);
    draw(doc, b.shown, rx + pad, ry + pad + b.labelH + 4, b.style, rw - 2 * pad);
    ry += b.h;
  }

  y = Math.max(qrBottom, ry) + 20;

  // --- checklist, cut to what fits on the page
  y += draw(doc, 'Cần chuẩn bị', x0, y, S.h2, width) + 6;
  const more = '… xem đầy đủ khi quét mã';
  const moreH = heightOf(doc, more, S.more, width);
  const boxSize = 10;
  const indent = boxSize + 10;
  const itemW = width - indent;
  const gap = 5;
  // A group's heading is a line without a box; with one untitled group there is none.
  const entries: Array<{ text: string; heading: boolean }> = vm.groups
    ? vm.groups.flatMap((g) => [...(vm.groups!.length > 1 || g.title ? [{ text: g.title, heading: true }] : []), ...g.items.map((text) => ({ text, heading: false }))])
    : vm.components.map((text) => ({ text, heading: false }));
  const items = entries.map((e) => ({ ...e, h: e.heading ? heightOf(doc, e.text, S.group, width) + 2 : heightOf(doc, e.text, S.item, itemW) }));
  const itemLineH = heightOf(doc, 'X', S.item, itemW);
  const drawItem = (text: string, h: number, heading = false): void => {
    if (heading) {
      draw(doc, text, x0, y + 2, S.group, width);
      y += h + gap;
      return;
    }
    doc.save().lineWidth(1).strokeColor(INK);
    doc.rect(x0, y + (itemLineH - boxSize) / 2, boxSize, boxSize).stroke();
    doc.restore();
    draw(doc, text, x0 + indent, y, S.item, itemW);
    y += h + gap;
  };
  const allFit = items.reduce((a, it) => a + it.h + gap, 0) <= P.bottom - y;
  if (allFit) {
    for (const it of items) drawItem(it.text, it.h, it.heading);
  } else {
    // Keep room for the "more" line; the first item that does not fit is cut, if a line fits.
    for (const it of items) {
      const room = P.bottom - y - moreH - gap;
      if (it.h <= room) {
        drawItem(it.text, it.h, it.heading);
        continue;
      }
      if (it.heading) break;
      if (room >= itemLineH) {
        const cut = fitText(doc, it.text, S.item, itemW, room);
        if (cut.length > 1) drawItem(cut, heightOf(doc, cut, S.item, itemW));
      }
      break;
    }
  }
  if (!allFit || items.length === 0) {
    draw(doc, more, x0 + (items.length ? indent : 0), y, S.more, width);
  }

  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// Blank form template (biểu mẫu), laid out like an administrative document

/** Margins after Decree 30/2020/NĐ-CP (top/bottom 2 cm, left 3 cm, right 2 cm). */
const F = {
  top: 2 * CM,
  bottom: PAGE_H - 2 * CM,
  left: 3 * CM,
  right: 2 * CM,
  /** Room for one handwritten line. */
  lineStep: 27,
};

const FORM_STYLES = {
  source: { font: 'serifItalic', size: 9.5 },
  motto1: { font: 'serifBold', size: 12 },
  motto2: { font: 'serifBold', size: 13 },
  title: { font: 'serifBold', size: 14, lineGap: 2 },
  body: { font: 'serif', size: 13 },
  date: { font: 'serifItalic', size: 13 },
  sign: { font: 'serifBold', size: 13 },
  signHint: { font: 'serifItalic', size: 12 },
  footer: { font: 'serifItalic', size: 8, color: MUTED },
} satisfies Record<string, TextStyle>;

export async function renderFormTemplatePdf(
  input: FormTemplatePdfVm,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const vm = {
    title: nfc(input.title),
    source: nfc(input.source),
    procedureName: nfc(input.procedureName),
    fields: input.fields.map(nfc).filter(Boolean),
  };
  const doc = createDoc(
    {
      title: vm.title,
      subject: vm.procedureName ? `Biểu mẫu của thủ tục ${vm.procedureName}` : undefined,
      keywords: ['biểu mẫu', vm.source].filter(Boolean).join(', '),
      margins: { top: F.top, left: F.left, right: F.right },
    },
    options,
  );
  const S = FORM_STYLES;
  const x0 = F.left;
  const width = PAGE_W - F.left - F.right;
  const right = x0 + width;
  let y = F.top;

  const lineH = () => doc.currentLineHeight();
  /** A label followed by a dotted leader to the right margin; wraps onto a full dotted line. */
  const fillLine = (label: string) => {
    use(doc, S.body);
    const single = doc.widthOfString(label);
    const minDots = 40;
    if (single + 4 + minDots <= width) {
      draw(doc, label, x0, y, S.body, width);
      dottedLine(doc, x0 + single + 4, right, y + lineH() * SERIF_BASELINE + 1);
    } else {
      const h = draw(doc, label, x0, y, S.body, width);
      y += h - lineH() + F.lineStep;
      dottedLine(doc, x0, right, y + lineH() * SERIF_BASELINE + 1);
    }
    y += F.lineStep;
  };

  // --- source (top right), national motto
  if (vm.source) {
    const w = width * 0.6;
    y += draw(doc, vm.source, right - w, y, S.source, w, 'right') + 6;
  }
  y = drawNationalMotto(doc, x0, y, width, { name: S.motto1, motto: S.motto2 }) + 26;

  // --- title
  y += draw(doc, upper(vm.title), x0, y, S.title, width, 'center') + 18;

  // --- addressee and fields
  fillLine('Kính gửi:');
  const signatureBlock = 4 * F.lineStep + 60;
  vm.fields.forEach((field, i) => {
    // A label ending in a full stop is a statement (the customary "Tôi cam đoan..."), not a blank.
    const statement = /[.!]$/u.test(field);
    const label = statement || /[:?…]$/u.test(field) ? field : `${field}:`;
    let h = heightOf(doc, label, S.body, width) + (statement ? 8 : F.lineStep);
    // The last field goes with the signature so the signature never stands alone on a page.
    if (i === vm.fields.length - 1) h += 8 + signatureBlock;
    if (y + h > F.bottom) {
      doc.addPage();
      y = F.top;
    }
    if (statement) y += draw(doc, label, x0, y, { ...S.body, lineGap: 2 }, width, 'justify') + 8;
    else fillLine(label);
  });

  // --- date and signature, kept together on one page
  y += 8;
  if (y + signatureBlock > F.bottom) {
    doc.addPage();
    y = F.top;
  }
  const colX = x0 + width / 2;
  const colW = width / 2;
  y += draw(doc, '……, ngày … tháng … năm ……', colX, y, S.date, colW, 'center') + 4;
  y += draw(doc, 'NGƯỜI YÊU CẦU', colX, y, S.sign, colW, 'center');
  draw(doc, '(Ký, ghi rõ họ tên)', colX, y, S.signHint, colW, 'center');

  // --- a discreet footer naming the procedure, so a loose sheet can be placed
  if (vm.procedureName) {
    const { start, count } = doc.bufferedPageRange();
    const text = fitText(doc, `Biểu mẫu thủ tục: ${vm.procedureName}`, S.footer, width - 60, 12);
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      draw(doc, text, x0, PAGE_H - 1.2 * CM, S.footer, width - 60);
      if (count > 1) {
        draw(doc, `Trang ${i - start + 1}/${count}`, right - 60, PAGE_H - 1.2 * CM, S.footer, 60, 'right');
      }
    }
  }

  return toBuffer(doc);
}
