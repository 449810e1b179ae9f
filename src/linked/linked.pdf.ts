import { formatDate, formatDateTime } from '../shared/format';
import { ADMIN_MARGINS, createDoc, draw, drawNationalMotto, drawQr, hline, nfc, OFFICIAL_STYLES, PAGE_H, PAGE_W, RECEPTION_OFFICE, toBuffer, upper, type TextStyle } from '../shared/pdf';
import { qrMatrix } from '../shared/qr';
import type { SubmissionView } from './linked.types';

const BODY: TextStyle = { font: 'serif', size: 12, lineGap: 1 };
const BOLD: TextStyle = { font: 'serifBold', size: 12, lineGap: 1 };

/** The group's fees still owed, paid once by the VietQR code printed on the receipt. */
export interface GroupReceiptPayment {
  payload: string;
  amount: number;
  account: { account: string; accountName: string };
}

/**
 * The receipt of a linked group (giấy tiếp nhận hồ sơ liên thông): every part with its own code,
 * agency and appointment, the group's date (the latest part's), a QR to the group's page, and
 * while fees are owed the VietQR code that pays them all at once.
 */
export async function renderGroupReceiptPdf(vm: { unitName: string; v: SubmissionView; trackingUrl: string; now: Date; payment?: GroupReceiptPayment }): Promise<Buffer> {
  const v = vm.v;
  const doc = createDoc({ title: `Giấy tiếp nhận hồ sơ liên thông ${v.code}`, subject: v.groupName, margins: ADMIN_MARGINS }, { creationDate: vm.now });
  const left = ADMIN_MARGINS.left;
  const width = PAGE_W - ADMIN_MARGINS.left - ADMIN_MARGINS.right;
  const half = width * 0.42;
  let y = ADMIN_MARGINS.top;
  draw(doc, upper(nfc(vm.unitName)), left, y, OFFICIAL_STYLES.unit, half, 'center');
  draw(doc, RECEPTION_OFFICE, left, y + 16, OFFICIAL_STYLES.office, half, 'center');
  drawNationalMotto(doc, left + half, y, width - half);
  y += 60;
  y += draw(doc, 'GIẤY TIẾP NHẬN HỒ SƠ LIÊN THÔNG VÀ HẸN TRẢ KẾT QUẢ', left, y, OFFICIAL_STYLES.title, width, 'center') + 4;
  y += draw(doc, `Mã hồ sơ liên thông: ${v.code}`, left, y, BOLD, width, 'center') + 10;
  y += draw(doc, nfc(v.groupName), left, y, BODY, width) + 4;
  y += draw(doc, `Người nộp: ${nfc(v.applicantName)} — điện thoại ${v.applicantPhone}`, left, y, BODY, width) + 2;
  y += draw(doc, `Nộp lúc: ${formatDateTime(v.createdAt)}`, left, y, BODY, width) + 8;
  y += draw(doc, `Hồ sơ gồm ${v.members.length} phần, mỗi phần có mã và ngày hẹn riêng:`, left, y, BOLD, width) + 4;
  v.members.forEach((m, i) => {
    hline(doc, left, left + width, y);
    y += 4;
    y += draw(doc, `${i + 1}. ${nfc(m.procedureName)}`, left, y, BOLD, width);
    y += draw(doc, `Mã hồ sơ: ${m.code} — cơ quan giải quyết: ${nfc(m.agencyName)}`, left + 14, y, BODY, width - 14);
    y += draw(doc, `Hẹn trả: ${m.dueAt ? formatDate(m.dueAt) : 'khi cán bộ tiếp nhận'} — tình trạng: ${nfc(m.statusLabel)}`, left + 14, y, BODY, width - 14) + 4;
  });
  hline(doc, left, left + width, y);
  y += 8;
  y += draw(doc, `Dự kiến xong cả nhóm: ${v.dueAt ? formatDate(v.dueAt) : 'khi mọi phần được tiếp nhận'} (ngày hẹn của phần cuối cùng).`, left, y, BOLD, width) + 10;
  const size = 90;
  if (y + size + 40 < PAGE_H - 40) {
    drawQr(doc, await qrMatrix(vm.trackingUrl), left, y, size);
    draw(doc, 'Quét mã để theo dõi cả nhóm, hoặc tra cứu bằng mã hồ sơ liên thông và số điện thoại.', left + size + 12, y + 20, { font: 'serifItalic', size: 11 }, width - size - 12);
    y += size + 14;
  }
  const pay = vm.payment;
  if (pay) {
    // On the next page when it does not fit: the parts' list is never squeezed.
    if (y + size + 20 > PAGE_H - 40) {
      doc.addPage();
      y = ADMIN_MARGINS.top;
    }
    const text = `Nộp phí, lệ phí của cả nhóm một lần, ${pay.amount.toLocaleString('vi-VN')} đồng: quét mã VietQR bằng ứng dụng ngân hàng (tài khoản ${pay.account.account} — ${pay.account.accountName}); số tiền và nội dung chuyển khoản (mã hồ sơ liên thông ${v.code}) đã điền sẵn. Mỗi phần cũng có thể nộp riêng trên trang của phần đó, hoặc nộp tại bộ phận một cửa.`;
    drawQr(doc, await qrMatrix(pay.payload), left, y, size, 2);
    draw(doc, text, left + size + 12, y + 6, BODY, width - size - 12);
  }
  return toBuffer(doc);
}
