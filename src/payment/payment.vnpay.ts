import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * VNPay payment gateway, API version 2.1.0 (DOMAIN.md "Payments"): parameters sorted by name,
 * values URL-encoded with spaces as "+", HMAC-SHA512 with the merchant's hash secret in
 * vnp_SecureHash; amounts in VND × 100; the return and the IPN are verified by signing the
 * received vnp_* parameters again without vnp_SecureHash and vnp_SecureHashType.
 */

export const VNPAY_VERSION = '2.1.0';

export function vnpEncode(v: string): string {
  return encodeURIComponent(v).replace(/%20/g, '+');
}

/** The string that is signed: vnp_* parameters (hash fields excluded), sorted, encoded. */
export function signData(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${vnpEncode(k)}=${vnpEncode(params[k]!)}`)
    .join('&');
}

export function sign(params: Record<string, string | undefined>, secret: string): string {
  return createHmac('sha512', secret).update(Buffer.from(signData(params), 'utf8')).digest('hex');
}

export function verify(params: Record<string, string | undefined>, secret: string): boolean {
  const given = String(params.vnp_SecureHash ?? '').toLowerCase();
  const expected = sign(params, secret);
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** yyyyMMddHHmmss in Vietnam's time (GMT+7), as VNPay wants its dates. */
export function vnpDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

export interface PaymentUrlInput {
  gatewayUrl: string;
  tmnCode: string;
  secret: string;
  /** vnp_TxnRef: our order, unique. */
  orderRef: string;
  /** VND. */
  amount: number;
  /** Plain ASCII: VNPay shows it and some banks reject other characters. */
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  locale?: 'vn' | 'en';
}

export function paymentUrl(i: PaymentUrlInput): string {
  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: i.tmnCode,
    vnp_Amount: String(i.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: i.orderRef,
    vnp_OrderInfo: i.orderInfo,
    vnp_OrderType: 'other',
    vnp_Locale: i.locale ?? 'vn',
    vnp_ReturnUrl: i.returnUrl,
    vnp_IpAddr: i.ipAddr,
    vnp_CreateDate: vnpDate(i.createdAt),
    vnp_ExpireDate: vnpDate(i.expiresAt),
  };
  const query = signData(params);
  return `${i.gatewayUrl}?${query}&vnp_SecureHash=${sign(params, i.secret)}`;
}

/** VNPay's IPN answers: what the merchant tells the gateway about the notification it got. */
export const IPN = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN)[keyof typeof IPN];
