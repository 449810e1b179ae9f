import type { DossierFeeTable, PaymentTable } from '../db/schema';
import type { Actor } from '../dossier';
import type { FeeLine } from './payment.fee';

/**
 * What the payment module tells of fees and payments, shared by the ledger (payment.service.ts)
 * and the bank statement reconciliation (payment.reconcile.ts).
 */

export const PAYMENT_METHODS = ['vnpay', 'bank_transfer', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const METHOD_LABEL: Record<PaymentMethod, string> = { vnpay: 'VNPay', bank_transfer: 'Chuyển khoản ngân hàng (VietQR)', cash: 'Tiền mặt tại bộ phận một cửa' };
/** Paid without coming to the counter: what the online-payment indicator counts (Decision 766/QĐ-TTg). */
export const ONLINE_METHODS: ReadonlySet<string> = new Set<PaymentMethod>(['vnpay', 'bank_transfer']);

export type PaymentStatus = 'none' | 'exempt' | 'unpaid' | 'partial' | 'paid';
export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  none: 'Không phải nộp phí, lệ phí',
  exempt: 'Được miễn phí, lệ phí',
  unpaid: 'Chưa nộp',
  partial: 'Đã nộp một phần',
  paid: 'Đã nộp đủ',
};

export interface PaymentRecord {
  id: string;
  method: PaymentMethod;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  online: boolean;
  orderRef: string;
  providerRef: string | null;
  receiptNo: string | null;
  createdAt: string;
  confirmedAt: string | null;
}

/** A dossier's fee row (if assessed) and payments, as read from the database. */
export interface StoredPayments {
  fee: DossierFeeTable | undefined;
  payments: PaymentTable[];
}

export interface PaymentSummary {
  /** What is due after any exemption (VND). */
  amount: number;
  gross: number;
  paid: number;
  outstanding: number;
  status: PaymentStatus;
  /** Method of the last confirmed payment. */
  method: PaymentMethod | null;
  /** Some of it was paid online. */
  online: boolean;
  /** EMVCo payload for the outstanding amount (null when nothing is due or VietQR is not set up). */
  vietqr: string | null;
  lines: FeeLine[];
  exemption: { reason: string; percent: number } | null;
  /** A receptionist assessed the fee (quantities, exemption); otherwise it is the catalogue's default. */
  assessed: boolean;
  structured: boolean;
  feeText: string;
  payments: PaymentRecord[];
}

/** Several dossiers' fees as one sum (see batchSummary). */
export interface BatchSummary {
  amount: number;
  paid: number;
  outstanding: number;
  vnpay: boolean;
  /** EMVCo payload for the sum still owed with the group's code as the note (null: nothing owed, or no VietQR account). */
  vietqr: string | null;
  parts: Array<{ code: string; amount: number; paid: number; outstanding: number; status: PaymentStatus }>;
}

export interface StatementReport {
  importId: string;
  lines: number;
  matched: number;
  partial: number;
  overpaid: number;
  unmatched: number;
  duplicate: number;
  /** Each credit line: the dossier it paid, or the linked group (every part that owed) it paid. */
  items: Array<{ row: number; date: string; amount: number; description: string; reference: string; dossierCode: string | null; groupCode: string | null; status: string }>;
}

export const toRecord = (r: PaymentTable): PaymentRecord => ({
  id: r.id,
  method: r.method as PaymentMethod,
  amount: r.amount,
  status: r.status as PaymentRecord['status'],
  online: r.online === 1,
  orderRef: r.order_ref,
  providerRef: r.provider_ref,
  receiptNo: r.receipt_no,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
});

/** A batch order found settled by another notification while this one settled it: nothing is kept. */
export class AlreadySettled extends Error {}

/** Staff who take money and assess fees at the counter. */
export const CASHIER_ROLES = new Set(['receptionist', 'leader', 'admin']);

/** The actor the module reads dossiers as when money arrives without an official (VNPay, a statement). */
export const systemActor = (unitCode: string): Actor => ({ kind: 'staff', id: 'system', unitCode, role: 'system', name: 'Hệ thống' });
