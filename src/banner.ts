import type { Config } from './config';

/**
 * What `npm start` / `motcua serve` prints once it listens: where to go, how to sign in in demo
 * mode, and the one setting people forget before printing QR codes (PUBLIC_URL).
 */

/** localhost, 127.x.x.x, ::1, 0.0.0.0: an address nobody else can reach. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '0.0.0.0';
}

/** Set when QR codes and links would point at this machine only while serving for real. */
export function publicUrlWarning(config: Pick<Config, 'publicUrl' | 'demo'>): string | undefined {
  if (config.demo || !isLoopbackUrl(config.publicUrl)) return undefined;
  return `PUBLIC_URL là ${config.publicUrl}: mã QR, đường dẫn trong tin nhắn và địa chỉ trả về của VNPay sẽ trỏ về chính máy này, người dân không mở được. Đặt PUBLIC_URL là địa chỉ người dân truy cập (ví dụ https://motcua.badinh.hanoi.gov.vn).`;
}

export function startupBanner(config: Pick<Config, 'publicUrl' | 'demo' | 'database' | 'payments'>): string {
  const u = config.publicUrl;
  const rule = '─'.repeat(72);
  const lines = [rule, ` motcua đang chạy: ${u}   (cơ sở dữ liệu: ${config.database.kind})`];
  if (config.demo) {
    lines.push(
      ' Chế độ DEMO (dữ liệu mẫu, tin nhắn không gửi thật):',
      `   Trang của người dân   ${u}/`,
      `   Cán bộ đăng nhập      ${u}/can-bo  — tiepnhan, chuyenvien, lanhdao, quantri; mật khẩu "demo"`,
      `   Tin nhắn đã gửi       ${u}/demo/tin-nhan  (cần đăng nhập cán bộ)`,
    );
    if (config.payments.vnpay?.fake || config.payments.vietqr?.demo) {
      lines.push('   Thanh toán thử        VietQR vào tài khoản giả lập, VNPay giả lập ngay trên máy này (không trừ tiền thật)');
    }
  }
  if (isLoopbackUrl(u)) {
    lines.push(` Mọi mã QR đang trỏ tới ${u}: trước khi in, đặt PUBLIC_URL=http://<địa chỉ máy trong mạng>:<cổng>.`);
  }
  lines.push(rule);
  return lines.join('\n') + '\n';
}
