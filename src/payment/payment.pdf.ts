import { formatVnd } from '../shared/format';
import {
  A5,
  CM,
  MUTED,
  createDoc,
  draw,
  drawNationalMotto,
  drawQr,
  heightOf,
  hline,
  nfc,
  placeAndDate,
  toBuffer,
  upper,
  type PdfRenderOptions,
  type TextStyle,
} from '../shared/pdf';
import { qrMatrix } from '../shared/qr';

/**
 * Printables of payments: the receipt of a fee (biên lai thu phí, lệ phí) and the fee notice with
 * its VietQR code. A5 portrait: the size receipt books are printed in. View model in, bytes out.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(`${DIGITS[h]} trăm`);
  if (t > 1) {
    out.push(`${DIGITS[t]} mươi`);
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]!);
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]!);
  } else if (u > 0) {
    if (full || h > 0) out.push('linh');
    out.push(DIGITS[u]!);
  }
  return out.join(' ');
}

/** 125000 → "Một trăm hai mươi lăm nghìn đồng" (the "số tiền bằng chữ" of a receipt). */
export function vndInWords(amount: number): string {
  const n = Math.round(Math.abs(amount));
  if (n === 0) return 'Không đồng';
  const units = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    parts.push(`${readTriple(g, i < groups.length - 1)} ${units[i]}`.trim());
  }
  const s = parts.join(' ') + ' đồng';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const S = {
  unit: { font: 'serif', size: 10 },
  unitBold: { font: 'serifBold', size: 10 },
  motto: { font: 'serifBold', size: 10 },
  mottoName: { font: 'serifBold', size: 9 },
  title: { font: 'serifBold', size: 14 },
  sub: { font: 'serifItalic', size: 10 },
  body: { font: 'serif', size: 11, lineGap: 1 },
  bold: { font: 'serifBold', size: 11 },
  small: { font: 'serifItalic', size: 9, color: MUTED },
  sign: { font: 'serifBold', size: 11 },
} satisfies Record<string, TextStyle>;

export interface ReceiptPdfVm {
  unitName: string;
  /** e.g. "2026/000012" */
  receiptNo: string;
  payer: { fullName: string; address?: string };
  dossierCode: string;
  procedureName: string;
  lines: Array<{ label: string; amount: number }>;
  amount: number;
  /** "Tiền mặt", "Chuyển khoản (VietQR)", "VNPay" */
  methodLabel: string;
  /** Reference of an online payment (VNPay transaction number, bank reference). */
  reference?: string;
  place: string;
  paidOn: { day: number; month: number; year: number };
  collector: string;
}

function header(doc: PDFKit.PDFDocument, unitName: string, x: number, width: number): number {
  const leftW = width * 0.42;
  let y = 1.2 * CM;
  const lh = draw(doc, upper(nfc(unitName)), x, y, S.unitBold, leftW, 'center');
  hline(doc, x + leftW * 0.3, x + leftW * 0.7, y + lh + 2, 0.6);
  const underY = drawNationalMotto(doc, x + leftW, y, width - leftW, { name: S.mottoName, motto: S.motto });
  y = Math.max(y + lh, underY) + 14;
  return y;
}

export async function renderPaymentReceiptPdf(vm: ReceiptPdfVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const margin = 1.5 * CM;
  const doc = createDoc({ title: `Biên lai thu phí, lệ phí ${vm.receiptNo}`, subject: `Hồ sơ ${vm.dossierCode}`, size: 'A5', margins: { top: 1.2 * CM, left: margin, right: margin } }, options);
  const x = margin;
  const width = A5.width - 2 * margin;
  let y = header(doc, vm.unitName, x, width);
  y += draw(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ', x, y, S.title, width, 'center');
  y += draw(doc, `Số: ${vm.receiptNo}`, x, y, S.sub, width, 'center') + 10;
  const row = (label: string, value: string, style: TextStyle = S.body) => {
    y += draw(doc, `${label} ${nfc(value)}`, x, y, style, width) + 3;
  };
  row('Họ tên người nộp:', vm.payer.fullName);
  if (vm.payer.address) row('Địa chỉ:', vm.payer.address);
  row('Hồ sơ:', `${vm.dossierCode} — ${vm.procedureName}`);
  y += 4;
  for (const l of vm.lines) {
    const amt = formatVnd(l.amount);
    const h = heightOf(doc, nfc(l.label), S.body, width - 90);
    draw(doc, nfc(l.label), x + 8, y, S.body, width - 98);
    draw(doc, amt, x + width - 90, y, S.body, 90, 'right');
    y += h + 2;
  }
  hline(doc, x, x + width, y + 1, 0.5);
  y += 5;
  draw(doc, 'Tổng số tiền:', x, y, S.bold, width - 90);
  y += draw(doc, formatVnd(vm.amount), x + width - 120, y, S.bold, 120, 'right') + 3;
  row('Viết bằng chữ:', vndInWords(vm.amount), { ...S.body, font: 'serifItalic' });
  row('Hình thức thanh toán:', vm.methodLabel + (vm.reference ? ` (mã giao dịch ${vm.reference})` : ''));
  y += 8;
  const half = width / 2;
  y += draw(doc, placeAndDate(vm.place, vm.paidOn), x + half - 20, y, S.sub, half + 20, 'center') + 4;
  draw(doc, 'NGƯỜI NỘP TIỀN', x, y, S.sign, half, 'center');
  draw(doc, 'NGƯỜI THU TIỀN', x + half, y, S.sign, half, 'center');
  y += 14;
  draw(doc, '(Ký, ghi rõ họ tên)', x, y, S.sub, half, 'center');
  draw(doc, '(Ký, ghi rõ họ tên)', x + half, y, S.sub, half, 'center');
  y += 48;
  draw(doc, nfc(vm.payer.fullName), x, y, S.sign, half, 'center');
  draw(doc, nfc(vm.collector), x + half, y, S.sign, half, 'center');
  draw(doc, 'Biên lai điện tử lập trên hệ thống một cửa; giá trị như biên lai giấy khi có mã giao dịch hoặc chữ ký người thu.', x, A5.height - 1.3 * CM, S.small, width, 'center');
  return toBuffer(doc);
}

export interface FeeNoticePdfVm {
  unitName: string;
  dossierCode: string;
  applicant: string;
  procedureName: string;
  lines: Array<{ label: string; amount: number }>;
  amount: number;
  exemption?: string;
  /** VietQR payload; the notice says to pay at the counter when absent. */
  vietqr?: { payload: string; bankBin: string; account: string; accountName: string };
  trackingUrl: string;
  place: string;
  issuedOn: { day: number; month: number; year: number };
}

export async function renderFeeNoticePdf(vm: FeeNoticePdfVm, options: PdfRenderOptions = {}): Promise<Buffer> {
  const margin = 1.5 * CM;
  const doc = createDoc({ title: `Thông báo nộp phí, lệ phí hồ sơ ${vm.dossierCode}`, size: 'A5', margins: { top: 1.2 * CM, left: margin, right: margin } }, options);
  const x = margin;
  const width = A5.width - 2 * margin;
  let y = header(doc, vm.unitName, x, width);
  y += draw(doc, 'THÔNG BÁO NỘP PHÍ, LỆ PHÍ', x, y, S.title, width, 'center') + 10;
  y += draw(doc, `Kính gửi: ${nfc(vm.applicant)}`, x, y, S.body, width) + 3;
  y += draw(doc, `Hồ sơ ${vm.dossierCode} — ${nfc(vm.procedureName)}`, x, y, S.body, width) + 6;
  for (const l of vm.lines) {
    const h = heightOf(doc, nfc(l.label), S.body, width - 98);
    draw(doc, nfc(l.label), x + 8, y, S.body, width - 98);
    draw(doc, formatVnd(l.amount), x + width - 90, y, S.body, 90, 'right');
    y += h + 2;
  }
  if (vm.exemption) y += draw(doc, `Miễn, giảm: ${nfc(vm.exemption)}`, x + 8, y, S.sub, width - 8) + 2;
  hline(doc, x, x + width, y + 1, 0.5);
  y += 5;
  draw(doc, 'Số tiền phải nộp:', x, y, S.bold, width - 120);
  y += draw(doc, formatVnd(vm.amount), x + width - 120, y, S.bold, 120, 'right') + 2;
  y += draw(doc, `(${vndInWords(vm.amount)})`, x, y, S.sub, width) + 10;
  if (vm.vietqr) {
    const size = 4.2 * CM;
    const qr = await qrMatrix(vm.vietqr.payload);
    drawQr(doc, qr, x, y, size, 2);
    const tx = x + size + 12;
    const tw = width - size - 12;
    let ty = y + 4;
    ty += draw(doc, 'Chuyển khoản bằng mã VietQR', tx, ty, S.bold, tw) + 3;
    ty += draw(doc, 'Mở ứng dụng ngân hàng, chọn quét mã QR: số tiền và nội dung chuyển khoản được điền sẵn.', tx, ty, S.body, tw) + 3;
    ty += draw(doc, `Tài khoản: ${vm.vietqr.account} — ${nfc(vm.vietqr.accountName)}`, tx, ty, S.body, tw) + 2;
    ty += draw(doc, `Nội dung: ${vm.dossierCode}`, tx, ty, S.bold, tw);
    y = Math.max(y + size, ty) + 10;
  }
  y += draw(doc, `Có thể thanh toán qua VNPay hoặc nộp tại bộ phận một cửa. Theo dõi hồ sơ: ${vm.trackingUrl}`, x, y, S.body, width) + 10;
  draw(doc, placeAndDate(vm.place, vm.issuedOn), x + width / 2 - 20, y, S.sub, width / 2 + 20, 'center');
  return toBuffer(doc);
}
