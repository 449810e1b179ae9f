import { formatVnd } from '../shared/format';

/** Short names of the banks of common collection accounts (NAPAS BINs), to type a transfer by hand. */
const BANK_NAMES: Record<string, string> = {
  '970405': 'Agribank',
  '970407': 'Techcombank',
  '970415': 'VietinBank',
  '970416': 'ACB',
  '970418': 'BIDV',
  '970422': 'MB',
  '970423': 'TPBank',
  '970432': 'VPBank',
  '970436': 'Vietcombank',
  '970403': 'Sacombank',
};

export function bankName(bin: string): string {
  return BANK_NAMES[bin] ?? `ngân hàng mã BIN ${bin}`;
}

export interface VietQrPayProps {
  code: string;
  amount: number;
  qrSvg: string;
  account: { bankBin: string; account: string; accountName: string; demo?: boolean };
  /** The QR code as a PNG file to save on the phone (Content-Disposition: attachment). */
  pngHref: string;
  /** What the code is, in the transfer note's hint: a dossier's (default) or a linked group's. */
  of?: 'dossier' | 'group';
}

/**
 * The VietQR code on the tracking page, and how to pay it from the very phone that shows it: a
 * phone cannot scan its own screen, so the citizen saves the image and opens it from the bank
 * app's "scan QR" (every Vietnamese bank app can read a QR from the photo library), or types the
 * transfer by hand with the account, the amount and the note shown here.
 */
export function VietQrPay(p: VietQrPayProps) {
  return (
    <div class="qrbox vietqr">
      {p.account.demo ? (
        <p class="note" role="note">
          Chế độ DEMO: đây là tài khoản giả lập ({p.account.account}), <strong>đừng chuyển tiền thật</strong>.
        </p>
      ) : null}
      <div class="qr" role="img" aria-label={`Mã VietQR chuyển khoản ${formatVnd(p.amount)} cho ${p.of === 'group' ? 'cả nhóm hồ sơ liên thông' : 'hồ sơ'} ${p.code}`} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
      <p>
        Quét mã bằng ứng dụng ngân hàng: số tiền và nội dung chuyển khoản đã điền sẵn, xin giữ nguyên.
      </p>
      <h3>Đang xem trang này trên chính điện thoại dùng để chuyển khoản?</h3>
      <ol class="steps-pay">
        <li>
          <a class="btn" href={p.pngHref} download={`vietqr-${p.code}.png`}>
            Lưu ảnh mã QR
          </a>{' '}
          (hoặc chụp màn hình).
        </li>
        <li>Mở ứng dụng ngân hàng, chọn “Quét mã QR”, rồi chọn ảnh vừa lưu từ thư viện ảnh.</li>
        <li>Kiểm tra số tiền, nội dung rồi xác nhận chuyển khoản.</li>
      </ol>
      <p>Hoặc chuyển khoản thủ công với đúng các thông tin sau:</p>
      <dl class="transfer">
        <dt>Ngân hàng</dt>
        <dd>{bankName(p.account.bankBin)}</dd>
        <dt>Số tài khoản</dt>
        <dd>
          <strong class="copy">{p.account.account}</strong>
        </dd>
        <dt>Chủ tài khoản</dt>
        <dd>{p.account.accountName}</dd>
        <dt>Số tiền</dt>
        <dd>
          <strong class="copy">{p.amount.toLocaleString('vi-VN')}</strong> đồng
        </dd>
        <dt>Nội dung chuyển khoản</dt>
        <dd>
          <strong class="copy">{p.code}</strong> ({p.of === 'group' ? 'mã hồ sơ liên thông, cho mọi phần của nhóm' : 'mã hồ sơ'} — gõ đúng để hệ thống tự đối soát)
        </dd>
      </dl>
    </div>
  );
}
