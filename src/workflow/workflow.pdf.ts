import {
  OFFICIAL_STYLES,
  RECEPTION_OFFICE,
  SIGN_HINT,
  A4,
  ADMIN_MARGINS,
  CM,
  INK,
  MUTED,
  RULE,
  createDoc,
  draw,
  drawNationalMotto,
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
 * The official forms of processing (Circular 01/2018/TT-VPCP, appendix; still cited with
 * Decree 118/2025): 02 request for supplement, 03 refusal, 04 apology and new date, 05 process
 * control sheet, 06 tracking book. View models in, bytes out; Noto Serif (Vietnamese) 13 pt,
 * margins of Decree 30/2020, every page break decided here.
 */

export const FORM_TITLES = {
  supplement: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  apology: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  control: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  book: 'SỔ THEO DÕI HỒ SƠ',
} as const;

const S = {
  ...OFFICIAL_STYLES,
  body: { font: 'serif', size: 13, lineGap: 1 },
  bold: { font: 'serifBold', size: 13 },
  th: { font: 'serifBold', size: 11 },
  td: { font: 'serif', size: 11 },
  draft: { font: 'serifBold', size: 40, color: '#d9d9d9' },
} satisfies Record<string, TextStyle>;

const OFFICE = RECEPTION_OFFICE;

export interface FormHeader {
  /** e.g. "Phường Ba Đình", printed upper-case as the issuing body. */
  unitName: string;
  /** Place of the date line, e.g. "Ba Đình". */
  place: string;
  date: { day: number; month: number; year: number };
  /** "Mã hồ sơ: ..." (or the number of the document) under the issuing body. */
  code?: string;
}

interface Page {
  doc: Doc;
  x: number;
  width: number;
  y: number;
  bottom: number;
  top: number;
  newPage(): void;
}

function page(doc: Doc, landscape = false): Page {
  const w = landscape ? A4.height : A4.width;
  const h = landscape ? A4.width : A4.height;
  const margins = landscape ? { top: 1.5 * CM, left: 2 * CM, right: 1.5 * CM, bottom: 1.5 * CM } : { ...ADMIN_MARGINS, right: 1.5 * CM };
  const p: Page = {
    doc,
    x: margins.left,
    width: w - margins.left - margins.right,
    y: margins.top,
    top: margins.top,
    bottom: h - margins.bottom,
    newPage() {
      doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: { top: margins.top, left: margins.left, right: margins.right, bottom: 1 } });
      p.y = margins.top;
    },
  };
  return p;
}

function header(p: Page, h: FormHeader, office = OFFICE): void {
  const { doc, x } = p;
  const leftW = p.width * 0.42;
  const rightX = x + leftW;
  const rightW = p.width - leftW;
  let ly = p.y;
  ly += draw(doc, upper(nfc(h.unitName)), x, ly, S.unit, leftW, 'center');
  const officeText = widthOf(doc, office, S.office) <= leftW ? office : office.replace(/ VÀ /, '\nVÀ ');
  ly += draw(doc, officeText, x, ly, S.office, leftW, 'center');
  const rule = Math.min(widthOf(doc, office, S.office), leftW) * 0.3;
  ly += 3;
  hline(doc, x + (leftW - rule) / 2, x + (leftW + rule) / 2, ly, 0.7, INK);
  const ry = drawNationalMotto(doc, rightX, p.y, rightW, { name: shrinkToLine(doc, NATIONAL_NAME, S.mottoName, rightW, 10.5), motto: S.motto });
  let y = Math.max(ly, ry) + 8;
  const codeH = h.code ? draw(doc, h.code, x, y, shrinkToLine(doc, h.code, S.code, leftW, 10), leftW, 'center') : 0;
  const dateH = draw(doc, placeAndDate(h.place, h.date), rightX, y, S.date, rightW, 'center');
  y += Math.max(codeH, dateH) + 16;
  p.y = y;
}

function title(p: Page, text: string, sub?: string): void {
  p.y += draw(p.doc, text, p.x, p.y, S.title, p.width, 'center');
  if (sub) p.y += draw(p.doc, sub, p.x, p.y, S.note, p.width, 'center');
  p.y += 12;
}

function para(p: Page, text: string, style: TextStyle = S.body, indent = 0, gap = 4): void {
  const t = nfc(text);
  if (!t) return;
  const h = heightOf(p.doc, t, style, p.width - indent);
  if (p.y + h > p.bottom) p.newPage();
  p.y += draw(p.doc, t, p.x + indent, p.y, style, p.width - indent) + gap;
}

/** "Label: value" with the label in regular and a dotted blank when the value is missing. */
function field(p: Page, label: string, value: string | undefined): void {
  para(p, `${label} ${nfc(value) || '…………………………………………'}`);
}

function signature(p: Page, blocks: Array<{ head: string; hint?: string; name?: string }>, space = 64): void {
  const colW = p.width / 2;
  const need = 60 + space;
  if (p.y + need > p.bottom) p.newPage();
  p.y += 10;
  const top = p.y;
  let bottom = top;
  blocks.forEach((b, i) => {
    const bx = blocks.length === 1 ? p.x + colW : p.x + i * colW;
    let y = top;
    y += draw(p.doc, b.head, bx, y, shrinkToLine(p.doc, b.head, S.signHead, colW, 10.5), colW, 'center');
    y += draw(p.doc, b.hint ?? SIGN_HINT, bx, y, S.signHint, colW, 'center');
    y += space;
    if (b.name) y += draw(p.doc, nfc(b.name), bx, y, S.signName, colW, 'center');
    bottom = Math.max(bottom, y);
  });
  p.y = bottom + 6;
}

function draftMark(doc: Doc, text = 'DỰ THẢO'): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.save();
    doc.rotate(-30, { origin: [A4.width / 2, A4.height / 2] });
    draw(doc, text, 0, A4.height / 2 - 30, S.draft, A4.width, 'center');
    doc.restore();
  }
}

function pageNumbers(doc: Doc, x: number, width: number, footer: string, pageH: number): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    if (i > start) draw(doc, String(i - start + 1), x, 0.8 * CM, S.pageNo, width, 'center');
    if (footer) {
      hline(doc, x, x + width, pageH - 1.3 * CM, 0.4, MUTED);
      draw(doc, footer, x, pageH - 1.2 * CM, S.footer, width, 'center');
    }
  }
}

interface Column {
  title: string;
  /** Share of the table width. */
  w: number;
  align?: 'left' | 'center';
}

/** A table whose rows never split, with the header repeated on every page. */
function table(p: Page, cols: Column[], rows: string[][], th: TextStyle = S.th, td: TextStyle = S.td, pad = 4): void {
  const { doc } = p;
  const widths = cols.map((c) => c.w * p.width);
  const xs = widths.map((_, i) => p.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => widths[i]! - 2 * pad;
  const headH = Math.max(...cols.map((c, i) => heightOf(doc, c.title, th, inner(i)))) + 2 * pad;
  const grid = (top: number, h: number) => {
    doc.save().lineWidth(0.6).strokeColor(RULE);
    doc.rect(p.x, top, p.width, h).stroke();
    for (let i = 1; i < xs.length; i++) doc.moveTo(xs[i]!, top).lineTo(xs[i]!, top + h).stroke();
    doc.restore();
  };
  const head = () => {
    doc.save().rect(p.x, p.y, p.width, headH).fill('#eeeeee').restore();
    cols.forEach((c, i) => {
      const h = heightOf(doc, c.title, th, inner(i));
      draw(doc, c.title, xs[i]! + pad, p.y + (headH - h) / 2, th, inner(i), 'center');
    });
    grid(p.y, headH);
    p.y += headH;
  };
  if (p.y + headH + 30 > p.bottom) p.newPage();
  head();
  if (rows.length === 0) rows = [cols.map((_, i) => (i === 1 ? 'Không có' : ''))];
  for (const row of rows) {
    const cells = row.map((t) => nfc(t));
    const h = Math.max(...cells.map((t, i) => heightOf(doc, t || ' ', td, inner(i)))) + 2 * pad;
    if (p.y + h > p.bottom) {
      p.newPage();
      head();
    }
    cells.forEach((t, i) => draw(doc, t, xs[i]! + pad, p.y + pad, td, inner(i), cols[i]!.align ?? 'left'));
    grid(p.y, h);
    p.y += h;
  }
  p.y += 6;
}

// ---------------------------------------------------------------------------------------------
// 02 — request for supplement

export interface SupplementFormVm extends FormHeader {
  applicant: { fullName: string; address?: string; phone?: string; email?: string };
  procedureName: string;
  items: string[];
  reason?: string;
  contact: { name: string; phone?: string };
}

export async function renderSupplementRequestPdf(vm: SupplementFormVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — ${vm.code ?? ''}`, keywords: 'yêu cầu bổ sung hồ sơ', margins: { top: ADMIN_MARGINS.top, left: ADMIN_MARGINS.left, right: 1.5 * CM } }, options);
  const p = page(doc);
  header(p, { ...vm, code: vm.code ? `Mã hồ sơ: ${vm.code}` : undefined });
  title(p, FORM_TITLES.supplement);
  field(p, 'Hồ sơ của:', vm.applicant.fullName);
  field(p, 'Nội dung yêu cầu giải quyết:', vm.procedureName);
  field(p, 'Địa chỉ:', vm.applicant.address);
  para(p, `Số điện thoại: ${vm.applicant.phone || '…………………'}      Email: ${vm.applicant.email || '…………………'}`);
  para(p, 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', S.body, 0, 2);
  vm.items.forEach((it, i) => para(p, `${i + 1}. ${it}`, S.body, 14, 2));
  p.y += 4;
  if (vm.reason) field(p, 'Lý do:', vm.reason);
  para(p, `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ${vm.contact.name}${vm.contact.phone ? `, số điện thoại ${vm.contact.phone}` : ''} để được hướng dẫn.`);
  para(p, 'Thời gian chờ bổ sung hồ sơ không tính vào thời hạn giải quyết; ngày hẹn trả kết quả sẽ được lùi tương ứng.', S.note);
  signature(p, [{ head: 'NGƯỜI HƯỚNG DẪN', name: vm.contact.name }]);
  pageNumbers(doc, p.x, p.width, '', A4.height);
  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// 03 — refusal (at reception, or of the request itself after examination)

export interface RefusalFormVm extends FormHeader {
  applicant: { fullName: string; address?: string; phone?: string };
  procedureName: string;
  reason: string;
  legalBasis?: string;
  /** 'reception': the receptionist refuses to receive; 'processing': the leader refuses the request. */
  stage: 'reception' | 'processing';
  signer: string;
}

export async function renderRefusalPdf(vm: RefusalFormVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ — ${vm.code ?? ''}`, keywords: 'từ chối tiếp nhận giải quyết hồ sơ', margins: { top: ADMIN_MARGINS.top, left: ADMIN_MARGINS.left, right: 1.5 * CM } }, options);
  const p = page(doc);
  header(p, { ...vm, code: vm.code ? `Mã hồ sơ: ${vm.code}` : undefined });
  title(p, FORM_TITLES.refusal);
  para(p, `Bộ phận tiếp nhận và trả kết quả ${nfc(vm.unitName)} tiếp nhận hồ sơ của: Ông/Bà ${nfc(vm.applicant.fullName)}`);
  field(p, 'Địa chỉ:', vm.applicant.address);
  field(p, 'Số điện thoại:', vm.applicant.phone);
  field(p, 'Nội dung yêu cầu giải quyết:', vm.procedureName);
  para(
    p,
    `Căn cứ quy định tại ${nfc(vm.legalBasis) || 'các văn bản quy phạm pháp luật hiện hành về thủ tục hành chính này'}, ${nfc(vm.unitName)} từ chối ${vm.stage === 'reception' ? 'tiếp nhận, giải quyết' : 'giải quyết'} hồ sơ của Ông/Bà vì lý do sau:`,
  );
  para(p, vm.reason, S.bold, 14);
  para(p, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
  signature(p, [{ head: vm.stage === 'reception' ? 'NGƯỜI TIẾP NHẬN' : 'THỦ TRƯỞNG CƠ QUAN', hint: vm.stage === 'reception' ? undefined : '(Ký, ghi rõ họ tên và đóng dấu)', name: vm.signer }]);
  pageNumbers(doc, p.x, p.width, '', A4.height);
  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// 04 — apology and new date

export interface ApologyFormVm extends FormHeader {
  applicant: { fullName: string };
  procedureName: string;
  receivedAt: string;
  dueAt: string;
  reason: string;
  newDueAt: { day: number; month: number; year: number; text: string };
  signer?: string;
  /** Not signed yet: printed with a "DỰ THẢO" mark for the leader to review. */
  draft?: boolean;
}

export async function renderApologyPdf(vm: ApologyFormVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả — ${vm.code ?? ''}`, keywords: 'xin lỗi, hẹn lại ngày trả kết quả', margins: { top: ADMIN_MARGINS.top, left: ADMIN_MARGINS.left, right: 1.5 * CM } }, options);
  const p = page(doc);
  header(p, { ...vm, code: vm.code ? `Mã hồ sơ: ${vm.code}` : undefined }, 'UBND');
  title(p, FORM_TITLES.apology);
  para(p, `Kính gửi: Ông/Bà ${nfc(vm.applicant.fullName)}`, S.bold);
  para(p, `Ngày ${nfc(vm.receivedAt)}, ${nfc(vm.unitName)} tiếp nhận giải quyết hồ sơ của Ông/Bà.`);
  field(p, 'Nội dung yêu cầu giải quyết:', vm.procedureName);
  field(p, 'Mã hồ sơ:', vm.code);
  field(p, 'Thời hẹn trả kết quả giải quyết hồ sơ:', vm.dueAt);
  para(p, `Tuy nhiên đến nay, ${nfc(vm.unitName)} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`);
  field(p, 'Lý do:', vm.reason);
  para(
    p,
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà, ${nfc(vm.unitName)} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ${vm.newDueAt.text} (ngày ${String(vm.newDueAt.day).padStart(2, '0')} tháng ${String(vm.newDueAt.month).padStart(2, '0')} năm ${vm.newDueAt.year}).`,
  );
  para(p, 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.');
  signature(p, [{ head: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: vm.signer }]);
  if (vm.draft) draftMark(doc, 'DỰ THẢO — CHỜ KÝ');
  pageNumbers(doc, p.x, p.width, '', A4.height);
  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// 05 — process control sheet

export interface ControlSheetVm extends FormHeader {
  applicant: { fullName: string };
  procedureName: string;
  receivedAt: string;
  dueAt: string;
  handlingBody: string;
  rows: Array<{ from: string; to: string; at: string; plannedEnd: string; result: string; note: string }>;
}

export async function renderControlSheetPdf(vm: ControlSheetVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Phiếu kiểm soát quá trình giải quyết hồ sơ — ${vm.code ?? ''}`, keywords: 'phiếu kiểm soát quá trình giải quyết hồ sơ', margins: { top: ADMIN_MARGINS.top, left: ADMIN_MARGINS.left, right: 1.5 * CM } }, options);
  const p = page(doc);
  header(p, { ...vm, code: vm.code ? `Mã hồ sơ: ${vm.code}` : undefined });
  title(p, FORM_TITLES.control);
  field(p, 'Kèm theo hồ sơ của:', vm.applicant.fullName);
  field(p, 'Nội dung yêu cầu giải quyết:', vm.procedureName);
  field(p, 'Ngày nhận hồ sơ:', vm.receivedAt);
  field(p, 'Ngày hẹn trả kết quả:', vm.dueAt);
  field(p, 'Cơ quan (bộ phận) giải quyết hồ sơ:', vm.handlingBody);
  p.y += 4;
  table(
    p,
    [
      { title: 'STT', w: 0.06, align: 'center' },
      { title: 'Giao — Nhận hồ sơ', w: 0.32 },
      { title: 'Thời gian giao, nhận', w: 0.16, align: 'center' },
      { title: 'Hạn của bước', w: 0.15, align: 'center' },
      { title: 'Kết quả (trước hạn / đúng hạn / quá hạn)', w: 0.13, align: 'center' },
      { title: 'Ghi chú', w: 0.18 },
    ],
    vm.rows.map((r, i) => [String(i + 1), `Giao: ${r.from}\nNhận: ${r.to}`, r.at, r.plannedEnd, r.result, r.note]),
  );
  para(p, 'Ghi chú: kết quả so sánh thời điểm giao hồ sơ với hạn của bước theo quy trình nội bộ (thời gian chờ người dân bổ sung, nộp phí không tính).', S.note);
  pageNumbers(doc, p.x, p.width, `${nfc(vm.unitName)} — Phiếu kiểm soát hồ sơ ${vm.code ?? ''}`, A4.height);
  return toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// 06 — tracking book, A4 landscape

export interface TrackingBookRow {
  code: string;
  procedureName: string;
  applicant: string;
  contact: string;
  receivedAt: string;
  dueAt: string;
  transferredAt: string;
  resultAt: string;
  returnedAt: string;
  status: string;
  note: string;
}

export interface TrackingBookVm extends FormHeader {
  period: string;
  rows: TrackingBookRow[];
  summary: string;
}

export const TRACKING_BOOK_COLUMNS: Array<{ key: keyof TrackingBookRow | 'no'; title: string; w: number }> = [
  { key: 'no', title: 'STT', w: 0.03 },
  { key: 'code', title: 'Mã hồ sơ', w: 0.125 },
  { key: 'procedureName', title: 'Tên thủ tục hành chính', w: 0.155 },
  { key: 'applicant', title: 'Tên cá nhân, tổ chức', w: 0.09 },
  { key: 'contact', title: 'Địa chỉ, số điện thoại', w: 0.09 },
  { key: 'receivedAt', title: 'Nhận hồ sơ', w: 0.072 },
  { key: 'dueAt', title: 'Hẹn trả kết quả', w: 0.072 },
  { key: 'transferredAt', title: 'Chuyển hồ sơ đến bộ phận giải quyết', w: 0.072 },
  { key: 'resultAt', title: 'Nhận kết quả giải quyết', w: 0.072 },
  { key: 'returnedAt', title: 'Trả kết quả', w: 0.072 },
  { key: 'status', title: 'Tình trạng', w: 0.075 },
  { key: 'note', title: 'Ghi chú', w: 0.075 },
];

export async function renderTrackingBookPdf(vm: TrackingBookVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const doc = createDoc({ title: `Sổ theo dõi hồ sơ — ${nfc(vm.unitName)} — ${vm.period}`, keywords: 'sổ theo dõi hồ sơ', layout: 'landscape', margins: { top: 1.5 * CM, left: 2 * CM, right: 1.5 * CM } }, options);
  const p = page(doc, true);
  header(p, vm);
  title(p, FORM_TITLES.book, vm.period);
  table(
    p,
    TRACKING_BOOK_COLUMNS.map((c) => ({ title: c.title, w: c.w, align: c.key === 'no' ? 'center' : 'left' })),
    vm.rows.map((r, i) => TRACKING_BOOK_COLUMNS.map((c) => (c.key === 'no' ? String(i + 1) : r[c.key]))),
    { font: 'serifBold', size: 8.5 },
    { font: 'serif', size: 8.5 },
    3,
  );
  para(p, vm.summary, S.note);
  pageNumbers(doc, p.x, p.width, `${nfc(vm.unitName)} — Sổ theo dõi hồ sơ — ${vm.period}`, A4.width);
  return toBuffer(doc);
}
