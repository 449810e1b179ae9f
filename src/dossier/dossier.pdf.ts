import { qrMatrix, type QrMatrix } from '../shared/qr';
import {
  OFFICIAL_STYLES,
  RECEPTION_OFFICE,
  SIGN_HINT,
  A5,
  ADMIN_MARGINS,
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
  placeAndDate,
  shrinkToLine,
  toBuffer,
  upper,
  widthOf,
  NATIONAL_NAME,
  type Doc,
  type PdfRenderOptions,
  type TextStyle,
} from '../shared/pdf';

/**
 * Printables of a dossier: the receipt with the appointment to return the result (Mẫu số 01,
 * Circular 01/2018/TT-VPCP), and the service card the counter prints for a citizen.
 *
 * View model in, bytes out: no data access. Every string is normalised to NFC. Missing optional
 * values of the receipt print as dotted leaders, as on the paper form, to be filled by hand.
 */

export type { PdfRenderOptions };

// ---------------------------------------------------------------------------------------------
// View models

export interface ReceiptComponent {
  /** Tên giấy tờ, e.g. "Tờ khai đăng ký khai sinh". */
  name: string;
  /** Number of originals (bản chính) received. */
  originals: number;
  /** Number of copies (bản sao) received. */
  copies: number;
  /** Scanned at the counter: printed as "(đã số hóa)" after the name. */
  digitised?: boolean;
}

export interface ReceiptPdfVm {
  /** e.g. "UBND phường Ba Đình"; printed upper-case in the header. */
  unitName: string;
  /**
   * e.g. "UBND thành phố Hà Nội". Not printed in the header: Decree 30/2020 names only the
   * issuing body's direct superior (the unit); it goes into the PDF's subject.
   */
  parentName?: string;
  /** Printed in the footer, so the citizen knows where to come back. */
  unitAddress?: string;
  /** Dossier code, e.g. "00004-261129-0001". */
  code: string;
  applicant: { fullName: string; phone?: string; address?: string; idNumber?: string };
  procedureName: string;
  /** Submission channel: "Trực tiếp" | "Trực tuyến" | "Qua bưu chính". */
  channelLabel: string;
  components: ReceiptComponent[];
  /** "14 giờ 05 phút, ngày 29/11/2026" */
  receivedAt: string;
  /** "17 giờ 00 phút, ngày 02/12/2026" */
  dueAt: string;
  /** Printed in italics under item 5, e.g. why the date is what it is. */
  dueNote?: string;
  /** Item 3, the legal time limit, e.g. "03 ngày làm việc"; a dotted blank when absent. */
  processingTime?: string;
  /** Item 6, where the result will be handed over; a dotted blank when absent. */
  resultPlace?: string;
  /** The official's name, or "Hệ thống tiếp nhận trực tuyến"; printed under the signature. */
  receiver?: string;
  /** Encoded in the QR code. */
  trackingUrl: string;
  /** e.g. "Miễn lệ phí" or "8.000 đồng"; left out when absent. */
  feeText?: string;
  /** A fee still due: its VietQR code (EMVCo payload) printed under the signatures, with a line of text. */
  payment?: { qrPayload: string; text: string };
  /** Place name of the date line, e.g. "Ba Đình". */
  place: string;
  issuedOn: { day: number; month: number; year: number };
}

export interface ServiceCardPdfVm {
  unitName: string;
  fullName: string;
  /** The account's phone number, printed as given. */
  phone: string;
  /** Printed: where to sign in. */
  signInUrl: string;
  /** Encoded in the QR code: the citizen's dossier list. */
  dossiersUrl: string;
  /** How to submit online, one step each; numbered when printed. */
  steps: string[];
  /** dd/mm/yyyy */
  issuedOn: string;
  // Deliberately no password: accounts sign in with an OTP sent by SMS, and nothing secret is
  // ever printed on paper that leaves the counter.
}

// ---------------------------------------------------------------------------------------------
// Receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), A4 portrait

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
export const SERVICE_CARD_TITLE = 'PHIẾU DỊCH VỤ CÔNG';
export const SIGN_IN_HOWTO = 'Đăng nhập bằng số điện thoại, nhận mã OTP qua tin nhắn';

/**
 * Margins of Decree 30/2020 (top/bottom 2 cm, left 3 cm) with the right margin at its 1.5 cm
 * minimum: Noto Serif is wider than Times New Roman, and the extra half centimetre keeps the
 * national motto, the signature headings and the dates on one line each at 13 pt.
 */
const R = {
  top: ADMIN_MARGINS.top,
  left: ADMIN_MARGINS.left,
  right: 1.5 * CM,
  bottom: PAGE_H - ADMIN_MARGINS.bottom,
  /** Share of the width for the issuing body (left); the national motto takes the rest. */
  headLeft: 0.41,
  cellPadX: 5,
  qrQuiet: 2,
  boxPad: 4,
};

/**
 * Spacing that gives way before the page does: a receipt is laid out at `NORMAL`, and at
 * `COMPACT` when that needs a second page (long component names). Text sizes of the body stay
 * at 13 pt either way; only gaps, the table's size and the QR code shrink.
 */
interface Density {
  paraGap: number;
  cellPadY: number;
  tableSize: number;
  headGap: number;
  titleGap: number;
  /** The QR symbol itself (without its quiet zone); at least the 3 cm asked for. */
  qrSymbol: number;
  /** Room for a handwritten signature. */
  signSpace: number;
  /** Width of the "Bản chính"/"Bản sao" columns; 0 fits the headers on one line. */
  countW: number;
}

const NORMAL: Density = { paraGap: 2, cellPadY: 3.5, tableSize: 12, headGap: 18, titleGap: 12, qrSymbol: 3.2 * CM, signSpace: 56, countW: 0 };
/** Headers "Bản chính" and "Bản sao" on two lines: the names get the width. */
const COMPACT: Density = { paraGap: 0, cellPadY: 2, tableSize: 11.5, headGap: 10, titleGap: 6, qrSymbol: 3.05 * CM, signSpace: 48, countW: 46 };

const RECEIPT_STYLES = {
  ...OFFICIAL_STYLES,
  codeValue: { font: 'serifBold', size: 13 },
  body: { font: 'serif', size: 13 },
  qrCaption: { font: 'serifItalic', size: 9.5 },
  running: { font: 'serifItalic', size: 10, color: MUTED },
} satisfies Record<string, TextStyle>;

const OFFICE = RECEPTION_OFFICE;

const count = (n: number): string => (Number.isFinite(n) && n > 0 ? String(Math.floor(n)) : '0');

type ReceiptModel = ReturnType<typeof receiptModel>;

function receiptModel(input: ReceiptPdfVm) {
  return {
    unitName: nfc(input.unitName),
    parentName: nfc(input.parentName),
    unitAddress: nfc(input.unitAddress),
    code: nfc(input.code),
    applicant: {
      fullName: nfc(input.applicant.fullName),
      phone: nfc(input.applicant.phone),
      address: nfc(input.applicant.address),
      idNumber: nfc(input.applicant.idNumber),
    },
    procedureName: nfc(input.procedureName),
    channelLabel: nfc(input.channelLabel),
    components: input.components.map((c) => ({
      name: nfc(c.name) + (c.digitised ? ' (đã số hóa)' : ''),
      originals: count(c.originals),
      copies: count(c.copies),
    })),
    receivedAt: nfc(input.receivedAt),
    dueAt: nfc(input.dueAt),
    dueNote: nfc(input.dueNote).replace(/^\((.*)\)$/u, '$1'),
    processingTime: nfc(input.processingTime),
    resultPlace: nfc(input.resultPlace),
    receiver: nfc(input.receiver),
    trackingUrl: input.trackingUrl.trim(),
    feeText: nfc(input.feeText),
    payment: input.payment ? { qrPayload: input.payment.qrPayload, text: nfc(input.payment.text) } : undefined,
    place: nfc(input.place),
    issuedOn: input.issuedOn,
  };
}

export async function renderReceiptPdf(input: ReceiptPdfVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const vm = receiptModel(input);
  const qr = await qrMatrix(vm.trackingUrl);
  const payQr = vm.payment ? await qrMatrix(vm.payment.qrPayload) : undefined;
  let doc = layoutReceipt(vm, qr, options, NORMAL, payQr);
  if (doc.bufferedPageRange().count > 1) {
    const compact = layoutReceipt(vm, qr, options, COMPACT, payQr);
    // Tighter spacing only when it saves a page; otherwise the roomier layout reads better.
    if (compact.bufferedPageRange().count < doc.bufferedPageRange().count) doc = compact;
  }
  return toBuffer(doc);
}

function layoutReceipt(vm: ReceiptModel, qr: QrMatrix, options: PdfRenderOptions, d: Density, payQr?: QrMatrix): Doc {
  const doc = createDoc(
    {
      title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${vm.code}`,
      subject: [`Hồ sơ ${vm.code}: ${vm.procedureName}`, vm.applicant.fullName, [vm.unitName, vm.parentName].filter(Boolean).join(', ')]
        .filter(Boolean)
        .join(' — '),
      keywords: `giấy tiếp nhận hồ sơ, hẹn trả kết quả, ${vm.code}`,
      margins: { top: R.top, left: R.left, right: R.right },
    },
    options,
  );
  const S = RECEIPT_STYLES;
  const x0 = R.left;
  const width = PAGE_W - R.left - R.right;
  const right = x0 + width;
  let y = R.top;

  const running = `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — mã hồ sơ ${vm.code} (tiếp theo)`;
  const newPage = (): void => {
    doc.addPage();
    y = R.top;
    y += draw(doc, running, x0, y, S.running, width) + 8;
  };
  const ensure = (h: number): void => {
    if (y + h > R.bottom) newPage();
  };

  // --- header: issuing body (left), national motto (right), code and date under them
  const leftW = width * R.headLeft;
  const rightX = x0 + leftW;
  const rightW = width - leftW;
  let ly = y;
  ly += draw(doc, upper(vm.unitName), x0, ly, S.unit, leftW, 'center');
  // Noto Serif is wider than Times New Roman: the office's name takes two lines of the column.
  const officeText = widthOf(doc, OFFICE, S.office) <= leftW ? OFFICE : 'BỘ PHẬN TIẾP NHẬN\nVÀ TRẢ KẾT QUẢ';
  ly += draw(doc, officeText, x0, ly, S.office, leftW, 'center');
  // Decree 30/2020: a rule a third to a half as long as the line above, centred under it.
  const officeRule = widthOf(doc, OFFICE, S.office) * 0.3;
  ly += 3;
  hline(doc, x0 + (leftW - officeRule) / 2, x0 + (leftW + officeRule) / 2, ly, 0.7, INK);

  const mottoStyles = {
    name: shrinkToLine(doc, NATIONAL_NAME, S.mottoName, rightW, 10.5),
    motto: S.motto,
  };
  const ry = drawNationalMotto(doc, rightX, y, rightW, mottoStyles);

  y = Math.max(ly, ry) + 8;
  const codeLabel = 'Mã hồ sơ: ';
  const codeStyle = shrinkToLine(doc, codeLabel + vm.code, S.codeValue, leftW, 10);
  const labelStyle = { ...S.code, size: codeStyle.size };
  const labelW = widthOf(doc, codeLabel, labelStyle);
  const codeW = widthOf(doc, vm.code, codeStyle);
  const codeX = x0 + Math.max(0, (leftW - labelW - codeW) / 2);
  draw(doc, codeLabel, codeX, y, labelStyle, labelW + 2);
  const codeH = draw(doc, vm.code, codeX + labelW, y, codeStyle, codeW + 2);
  const dateH = draw(doc, placeAndDate(vm.place, vm.issuedOn), rightX, y, S.date, rightW, 'center');
  y += Math.max(codeH, dateH) + d.headGap;

  // --- title
  y += draw(doc, RECEIPT_TITLE, x0, y, S.title, width, 'center') + d.titleGap;

  // --- who, what
  const lineH = heightOf(doc, 'X', S.body, width);
  /** A paragraph "label value"; the label and a dotted leader when there is no value. */
  const field = (label: string, value: string, style: TextStyle = S.body, indent = 0): void => {
    const w = width - indent;
    if (value) {
      const text = label ? `${label} ${value}` : value;
      ensure(heightOf(doc, text, style, w));
      y += draw(doc, text, x0 + indent, y, style, w) + d.paraGap;
      return;
    }
    ensure(lineH);
    draw(doc, label, x0 + indent, y, style, w);
    dottedLine(doc, x0 + indent + widthOf(doc, label, style) + 4, right, y + lineH * SERIF_BASELINE + 1);
    y += lineH + d.paraGap;
  };
  /** Two short paragraphs side by side when each fits its half, else one under the other. */
  const pair = (a: string, b: string): void => {
    const bx = x0 + width * 0.45;
    if (a && b && widthOf(doc, a, S.body) < bx - x0 - 8 && widthOf(doc, b, S.body) <= right - bx) {
      ensure(lineH);
      draw(doc, a, x0, y, S.body, bx - x0);
      draw(doc, b, bx, y, S.body, right - bx);
      y += lineH + d.paraGap;
    } else {
      for (const t of [a, b]) if (t) field('', t);
    }
  };

  // The form's opening sentence: "Bộ phận tiếp nhận và trả kết quả … tiếp nhận hồ sơ của: …".
  field(`Bộ phận tiếp nhận và trả kết quả ${vm.unitName} tiếp nhận hồ sơ của:`, vm.applicant.fullName && `Ông/Bà ${vm.applicant.fullName}`);
  field('Địa chỉ:', vm.applicant.address);
  if (vm.applicant.idNumber && vm.applicant.phone) {
    pair(`Số điện thoại: ${vm.applicant.phone}`, `Số định danh cá nhân: ${vm.applicant.idNumber}`);
  } else {
    field('Số điện thoại:', vm.applicant.phone);
    if (vm.applicant.idNumber) field('Số định danh cá nhân:', vm.applicant.idNumber);
  }
  field('Nội dung yêu cầu giải quyết:', vm.procedureName);
  pair(vm.channelLabel && `Hình thức nộp: ${vm.channelLabel}`, vm.feeText && `Phí, lệ phí: ${vm.feeText}`);

  // --- 1. components: rows are never split, the header row repeats on a new page
  const th: TextStyle = { font: 'serifBold', size: d.tableSize };
  const td: TextStyle = { font: 'serif', size: d.tableSize };
  const countW = d.countW || Math.max(60, widthOf(doc, 'Bản chính', th) + 2 * R.cellPadX);
  const colW = [34, width - 34 - 2 * countW, countW, countW];
  const colX = colW.map((_, i) => x0 + colW.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => colW[i]! - 2 * R.cellPadX;
  const heads = ['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'];
  const headH = Math.max(...heads.map((h, i) => heightOf(doc, h, th, inner(i)))) + 2 * d.cellPadY;
  const grid = (top: number, h: number): void => {
    doc.save().lineWidth(0.6).strokeColor(RULE);
    doc.rect(x0, top, width, h).stroke();
    for (let i = 1; i < colX.length; i++) doc.moveTo(colX[i]!, top).lineTo(colX[i]!, top + h).stroke();
    doc.restore();
  };
  const headerRow = (): void => {
    doc.save().rect(x0, y, width, headH).fill('#eeeeee').restore();
    heads.forEach((h, i) => {
      const hh = heightOf(doc, h, th, inner(i));
      draw(doc, h, colX[i]! + R.cellPadX, y + (headH - hh) / 2, th, inner(i), 'center');
    });
    grid(y, headH);
    y += headH;
  };
  // A row taller than a continuation page would never fit anywhere: cap its text.
  const maxTextH = R.bottom - R.top - 40 - headH - 2 * d.cellPadY;
  const oneLine = heightOf(doc, 'X', td, inner(1));
  const rows = vm.components.map((c, i) => {
    const name = fitText(doc, c.name, td, inner(1), maxTextH);
    return { cells: [String(i + 1), name, c.originals, c.copies], h: heightOf(doc, name, td, inner(1)) + 2 * d.cellPadY };
  });
  if (rows.length === 0) rows.push({ cells: ['', 'Không có giấy tờ kèm theo', '', ''], h: oneLine + 2 * d.cellPadY });

  const heading1 = '1. Thành phần hồ sơ nộp gồm:';
  ensure(lineH + d.paraGap + headH + rows[0]!.h);
  y += draw(doc, heading1, x0, y, S.body, width) + d.paraGap;
  headerRow();
  for (const row of rows) {
    if (y + row.h > R.bottom) {
      newPage();
      headerRow();
    }
    row.cells.forEach((text, i) => {
      const h = heightOf(doc, text, td, inner(i));
      const top = i === 1 ? y + d.cellPadY : y + (row.h - h) / 2;
      draw(doc, text, colX[i]! + R.cellPadX, top, td, inner(i), i === 1 ? 'left' : 'center');
    });
    grid(y, row.h);
    y += row.h;
  }
  y += 4;

  // --- 2–6
  const items: Array<{ label: string; value: string; style?: TextStyle; indent?: number }> = [
    { label: '2. Số lượng hồ sơ:', value: '01 (bộ)' },
    { label: '3. Thời gian giải quyết hồ sơ theo quy định là:', value: vm.processingTime },
    { label: '4. Thời gian nhận hồ sơ:', value: vm.receivedAt },
    { label: '5. Thời gian trả kết quả giải quyết hồ sơ:', value: vm.dueAt },
  ];
  if (vm.dueNote) items.push({ label: '', value: `(${vm.dueNote})`, style: S.note, indent: 14 });
  items.push({ label: '6. Đăng ký nhận kết quả tại:', value: vm.resultPlace });
  const itemsH = items.reduce((a, it) => {
    const text = it.label && it.value ? `${it.label} ${it.value}` : it.value;
    return a + (text ? heightOf(doc, text, it.style ?? S.body, width - (it.indent ?? 0)) : lineH) + d.paraGap;
  }, 0);

  // --- signatures, with the tracking code in the blank between them: [NGƯỜI NỘP HỒ SƠ] [QR]
  // [NGƯỜI TIẾP NHẬN HỒ SƠ]. The box costs no height of its own, which keeps a receipt of ~8
  // components on one page at 13 pt.
  const qrSize = (d.qrSymbol * (qr.size + 2 * R.qrQuiet)) / qr.size;
  const caption = 'Quét mã để theo dõi hồ sơ';
  const boxW = qrSize + 2 * R.boxPad;
  const captionStyle = shrinkToLine(doc, caption, S.qrCaption, boxW - 4, 8);
  const captionH = heightOf(doc, caption, captionStyle, boxW - 4);
  const boxH = R.boxPad + qrSize + captionH + R.boxPad;
  const gap = 8;
  const signW = (width - boxW) / 2 - gap;
  const signHeads = ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'];
  const signHead = shrinkToLine(doc, signHeads[1]!, S.signHead, signW, 11);
  const signHint = shrinkToLine(doc, SIGN_HINT, S.signHint, signW, 11);
  const names = [vm.applicant.fullName, vm.receiver].map((text) => {
    const style = shrinkToLine(doc, text, S.signName, signW, 11);
    return { text, style, h: heightOf(doc, text, style, signW) };
  });
  const signTopH = heightOf(doc, signHeads[1]!, signHead, signW) + heightOf(doc, SIGN_HINT, signHint, signW);
  const rowH = Math.max(boxH, signTopH + d.signSpace + Math.max(lineH, ...names.map((n) => n.h)));

  // Items 2–6 stay with the signatures, so that a page never starts with a lone signature.
  ensure(itemsH + 8 + rowH);
  for (const it of items) field(it.label, it.value, it.style, it.indent);
  y += 8;

  const boxX = x0 + signW + gap;
  [x0, boxX + boxW + gap].forEach((sx, i) => {
    let sy = y;
    sy += draw(doc, signHeads[i]!, sx, sy, signHead, signW, 'center');
    draw(doc, SIGN_HINT, sx, sy, signHint, signW, 'center');
    const name = names[i]!;
    if (name.text) draw(doc, name.text, sx, y + rowH - name.h, name.style, signW, 'center');
  });
  doc.save().lineWidth(0.6).strokeColor(RULE).rect(boxX, y, boxW, boxH).stroke().restore();
  drawQr(doc, qr, boxX + R.boxPad, y + R.boxPad, qrSize, R.qrQuiet);
  draw(doc, caption, boxX + 2, y + R.boxPad + qrSize, captionStyle, boxW - 4, 'center');

  // --- a fee still due: the VietQR code that pays it, under the signatures (on the next page if
  // it does not fit, so the form itself is never squeezed)
  if (payQr && vm.payment) {
    const size = 2.8 * CM;
    const tx = x0 + size + 10;
    const tw = right - tx;
    const th = heightOf(doc, vm.payment.text, S.note, tw);
    y += rowH + 10;
    if (y + Math.max(size, th) > R.bottom) newPage();
    drawQr(doc, payQr, x0, y, size, 2);
    draw(doc, vm.payment.text, tx, y + Math.max(0, (size - th) / 2), S.note, tw);
  }

  // --- page numbers (Decree 30/2020: from the second page, at the top centre) and a footer
  const footer = fitText(doc, [vm.unitName, vm.unitAddress].filter(Boolean).join(' — '), S.footer, width, heightOf(doc, 'X', S.footer, width));
  const { start, count: pages } = doc.bufferedPageRange();
  for (let i = start; i < start + pages; i++) {
    doc.switchToPage(i);
    if (i > start) draw(doc, String(i - start + 1), x0, 0.9 * CM, S.pageNo, width, 'center');
    if (footer) {
      hline(doc, x0, right, PAGE_H - 1.45 * CM, 0.4, MUTED);
      draw(doc, footer, x0, PAGE_H - 1.35 * CM, S.footer, width, 'center');
    }
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Service card (Phiếu dịch vụ công), A5 portrait
//
// A5 rather than half an A4 sheet: printers at the counter either take A5 or shrink it onto A4
// ("fit to page") by themselves, and the citizen gets a card-sized sheet with no cut line.

const C = {
  margin: 1.3 * CM,
  bottom: A5.height - 1.2 * CM,
  qr: 4.4 * CM,
  stepIndent: 24,
};

const CARD_STYLES = {
  unit: { font: 'sansSemiBold', size: 10.5 },
  title: { font: 'sansBold', size: 20 },
  subtitle: { font: 'sans', size: 10, color: MUTED },
  label: { font: 'sans', size: 9.5, color: MUTED },
  value: { font: 'sansBold', size: 13 },
  h2: { font: 'sansBold', size: 12 },
  text: { font: 'sans', size: 11, lineGap: 1.5 },
  strong: { font: 'sansSemiBold', size: 10.5, lineGap: 1.5 },
  url: { font: 'sans', size: 9 },
  caption: { font: 'sans', size: 8.5, color: MUTED },
  stepNo: { font: 'sansBold', size: 10.5 },
  warn: { font: 'sans', size: 9, lineGap: 1, color: '#333333' },
  footer: { font: 'sans', size: 8, color: MUTED },
} satisfies Record<string, TextStyle>;

export async function renderServiceCardPdf(
  input: ServiceCardPdfVm,
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const vm = {
    unitName: nfc(input.unitName),
    fullName: nfc(input.fullName),
    phone: nfc(input.phone),
    signInUrl: input.signInUrl.trim(),
    dossiersUrl: input.dossiersUrl.trim(),
    steps: input.steps.map(nfc).filter(Boolean),
    issuedOn: nfc(input.issuedOn),
  };
  const qr = await qrMatrix(vm.dossiersUrl);
  const doc = createDoc(
    {
      title: `Phiếu dịch vụ công — ${vm.fullName}`,
      subject: `Hướng dẫn đăng nhập và nộp hồ sơ trực tuyến — ${vm.unitName}`,
      keywords: 'phiếu dịch vụ công, đăng nhập, OTP, nộp hồ sơ trực tuyến',
      size: 'A5',
      margins: { top: C.margin, left: C.margin, right: C.margin },
    },
    options,
  );
  const S = CARD_STYLES;
  const x0 = C.margin;
  const width = A5.width - 2 * C.margin;
  let y = C.margin;

  // --- masthead
  y += draw(doc, upper(vm.unitName), x0, y, S.unit, width, 'center') + 4;
  y += draw(doc, SERVICE_CARD_TITLE, x0, y, S.title, width, 'center');
  y += draw(doc, 'Hướng dẫn đăng nhập và nộp hồ sơ trực tuyến', x0, y, S.subtitle, width, 'center') + 6;
  hline(doc, x0, x0 + width, y, 1.5, INK);
  y += 10;

  // --- who
  const half = (width - 12) / 2;
  const who = [
    { label: 'Họ và tên', value: vm.fullName, x: x0 },
    { label: 'Số điện thoại đăng nhập', value: vm.phone, x: x0 + half + 12 },
  ].map((f) => ({ ...f, style: shrinkToLine(doc, f.value, S.value, half, 10) }));
  let whoH = 0;
  for (const f of who) {
    const lh = draw(doc, f.label, f.x, y, S.label, half);
    whoH = Math.max(whoH, lh + 1 + draw(doc, f.value, f.x, y + lh + 1, f.style, half));
  }
  y += whoH + 12;

  // --- QR (left) and how to sign in (right)
  const qrTop = y;
  drawQr(doc, qr, x0, qrTop, C.qr, 2);
  doc.save().lineWidth(0.6).strokeColor('#999999').roundedRect(x0, qrTop, C.qr, C.qr, 4).stroke().restore();
  const qrCaption = 'Quét mã để xem hồ sơ của mình';
  const captionStyle = shrinkToLine(doc, qrCaption, S.caption, C.qr, 7.5);
  const qrBottom = qrTop + C.qr + 3 + draw(doc, qrCaption, x0, qrTop + C.qr + 3, captionStyle, C.qr, 'center');

  const rx = x0 + C.qr + 14;
  const rw = x0 + width - rx;
  let ry = qrTop;
  ry += draw(doc, 'CÁCH ĐĂNG NHẬP', rx, ry, S.h2, rw) + 3;
  ry += draw(doc, 'Truy cập:', rx, ry, S.text, rw);
  const urlStyle = shrinkToLine(doc, vm.signInUrl, S.url, rw, 7);
  ry += draw(doc, vm.signInUrl, rx, ry, urlStyle, rw) + 4;
  ry += draw(doc, `${SIGN_IN_HOWTO}.`, rx, ry, S.strong, rw) + 4;
  ry += draw(
    doc,
    'Không cần nhớ mật khẩu. Không đưa mã OTP cho bất kỳ ai, kể cả cán bộ.',
    rx,
    ry,
    S.warn,
    rw,
  );
  y = Math.max(qrBottom, ry) + 14;

  // --- steps, numbered; a step never splits, and a long list flows onto a second page
  const stepsTitle = 'CÁC BƯỚC NỘP HỒ SƠ TRỰC TUYẾN';
  const stepW = width - C.stepIndent;
  const firstH = vm.steps[0] ? heightOf(doc, vm.steps[0], S.text, stepW) : 0;
  if (y + heightOf(doc, stepsTitle, S.h2, width) + 6 + firstH > C.bottom - 24) {
    doc.addPage();
    y = C.margin;
  }
  y += draw(doc, stepsTitle, x0, y, S.h2, width) + 6;
  const firstLineH = heightOf(doc, 'X', S.text, stepW) - (S.text.lineGap ?? 0);
  vm.steps.forEach((step, i) => {
    const h = heightOf(doc, step, S.text, stepW);
    if (y + h > C.bottom - 24) {
      doc.addPage();
      y = C.margin;
    }
    // A filled disc with the number, centred on the step's first line.
    const r = 8.5;
    const cy = y + firstLineH / 2;
    const no = String(i + 1);
    const numberStyle = { ...S.stepNo, color: '#ffffff' };
    doc.save().circle(x0 + r, cy, r).fill(INK).restore();
    draw(doc, no, x0, cy - heightOf(doc, no, numberStyle, 2 * r) / 2, numberStyle, 2 * r, 'center');
    draw(doc, step, x0 + C.stepIndent, y, S.text, stepW);
    y += Math.max(h, cy + r - y) + 7;
  });

  // --- footer on every page
  const footer = [vm.issuedOn && `Cấp ngày ${vm.issuedOn}`, vm.unitName].filter(Boolean).join(' — ');
  const footerText = fitText(doc, footer, S.footer, width, heightOf(doc, 'X', S.footer, width));
  const { start, count: pages } = doc.bufferedPageRange();
  for (let i = start; i < start + pages; i++) {
    doc.switchToPage(i);
    hline(doc, x0, x0 + width, C.bottom - 16, 0.5, MUTED);
    draw(doc, footerText, x0, C.bottom - 12, S.footer, width, 'center');
  }

  return toBuffer(doc);
}
