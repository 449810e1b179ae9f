export { PaymentService, METHOD_LABEL, PAYMENT_STATUS_LABEL, ONLINE_METHODS, type PaymentSummary, type PaymentRecord, type PaymentStatus } from './payment.service';
export { computeFee, feePhrase, type FeeQuote, type FeeInput } from './payment.fee';
export { buildVietQr, decodeVietQr, crc16ccitt } from './payment.vietqr';
export type { PaymentHooks } from './payment.routes';
