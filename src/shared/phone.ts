/**
 * Vietnamese phone numbers. Stored in national form (0912345678); "+84 912 345 678", "84912345678"
 * and "0912.345.678" are the same number. Mobile prefixes since the 2018 renumbering:
 * 03x, 05x, 07x, 08x, 09x; landlines 02x (11 digits).
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[\s.\-()]/g, '');
  let n = digits;
  if (n.startsWith('+84')) n = '0' + n.slice(3);
  else if (/^84\d{9,10}$/.test(n)) n = '0' + n.slice(2);
  if (/^0[35789]\d{8}$/.test(n)) return n;
  if (/^02\d{9}$/.test(n)) return n;
  return null;
}

export function isMobile(phone: string): boolean {
  return /^0[35789]\d{8}$/.test(phone);
}

/** +84 form for SMS gateways. */
export function toE164(phone: string): string {
  return '+84' + phone.slice(1);
}

/** "0912 345 678" for display. */
export function formatPhone(phone: string): string {
  return phone.length === 10 ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}

export const PHONE_MESSAGE = 'Số điện thoại không hợp lệ. Ví dụ đúng: 0912345678 hoặc +84912345678.';
