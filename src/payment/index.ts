export { PaymentService } from './payment.service';
export { METHOD_LABEL, PAYMENT_STATUS_LABEL, ONLINE_METHODS, type PaymentSummary, type PaymentRecord, type PaymentStatus, type StoredPayments } from './payment.types';
export { computeFee, feePhrase, type FeeQuote, type FeeInput } from './payment.fee';
export { buildVietQr, decodeVietQr, crc16ccitt, transferNote } from './payment.vietqr';
/** The VietQR box of a tracking page (a linked group's page shows one for the group's sum). */
export { VietQrPay, bankName } from './payment.vietqr-views';
export type { PaymentHooks } from './payment.routes';
export { feeDossiersQuery, paymentFacts } from './payment.repo';
/** The payment module's table that is part of a dossier's answers (registered with the change feed, db/changes.ts). */
export const PAYMENT_DOSSIER_TABLES = { names: ['payments'] };
/** VNPay's signature and date format (the demo history pays through the fake gateway's signed notification). */
export { sign as signVnpay, vnpDate } from './payment.vnpay';
