import type { CatalogService, ChannelKind } from '../catalog';
import type { PaymentConfig } from '../config';
import type { RawBuilder } from 'kysely';
import type { AlongsideRead } from '../db/alongside';
import type { Db } from '../db/connection';
import type { DossierFeeTable, PaymentTable } from '../db/schema';
import type { Actor, Dossier, DossierService } from '../dossier';
import type { DossierNotice, NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import * as repo from './payment.repo';
import { computeFee, type FeeInput, type FeeLine, type FeeQuote } from './payment.fee';
import { BankStatements } from './payment.reconcile';
import {
  AlreadySettled,
  CASHIER_ROLES,
  systemActor,
  toRecord,
  type BatchSummary,
  type PaymentRecord,
  type PaymentStatus,
  type PaymentSummary,
  type StatementReport,
  type StoredPayments,
} from './payment.types';
import { buildVietQr } from './payment.vietqr';
import { IPN, paymentUrl, verify, type IpnAnswer } from './payment.vnpay';

/**
 * Fees and payments of dossiers: the fee from the catalogue (and the receptionist's assessment),
 * VietQR codes, VNPay orders and their IPN, cash at the counter, bank statement reconciliation,
 * receipts. Every confirmed payment tells the citizen in the same transaction (outbox).
 */
export class PaymentService {
  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly opts: {
      config: PaymentConfig;
      publicUrl: string;
      /** Called after a payment is recorded as paid: the workflow restarts a clock stopped for the fee. */
      onPaid?: (dossierCode: string, p: { amount: number; method: 'cash' | 'transfer' | 'online'; reference: string }) => Promise<unknown>;
      /**
       * A linked group's unit and member dossier codes, in the members' order (issue 14): a transfer
       * naming the group's code pays its parts. Wired in app.ts from the linked module.
       */
      groupMembers?: (groupCode: string) => Promise<{ unitCode: string; codes: string[] } | undefined>;
    },
  ) {
    this.statements = new BankStatements(db, dossiers, notifications, clock, {
      freeze: (d) => this.freeze(d),
      summary: (d) => this.summary(d),
      noticeOf: (d, event, amount, occurrence) => this.noticeOf(d, event, amount, occurrence),
      receiptNo: (trx, unitCode) => this.receiptNo(trx, unitCode),
      allOrNone: (notices, write) => this.allOrNone(notices, write),
      paid: (dossierCode, p) => this.paid(dossierCode, p),
      groupMembers: (groupCode) => this.opts.groupMembers?.(groupCode),
    });
  }

  private readonly statements: BankStatements;

  /** Best effort after the commit: a failure leaves the dossier for an official to confirm by hand. */
  private async paid(dossierCode: string, p: { amount: number; method: 'cash' | 'transfer' | 'online'; reference: string }): Promise<void> {
    try {
      await this.opts.onPaid?.(dossierCode, p);
    } catch {
      /* the payment stays recorded; the official sees it on the dossier */
    }
  }

  get vietqrAccount(): PaymentConfig['vietqr'] {
    return this.opts.config.vietqr;
  }

  get vnpayEnabled(): boolean {
    return !!this.opts.config.vnpay;
  }

  /** VNPay is played by motcua's own demo page (demo mode with no VNPAY_* set). */
  get vnpayFake(): boolean {
    return !!this.opts.config.vnpay?.fake;
  }

  /** Origin of the VNPay payment page, where the "pay with VNPay" form's redirect leads. */
  get vnpayOrigin(): string | undefined {
    const url = this.opts.config.vnpay?.url;
    return url ? new URL(url).origin : undefined;
  }

  /** The fee a procedure costs by a channel, before anything is submitted. */
  async estimate(unitCode: string, procedureCode: string, channel: ChannelKind, input: FeeInput = {}): Promise<FeeQuote> {
    const { procedure } = await this.catalog.getUnitProcedure(unitCode, procedureCode);
    return computeFee(procedure, channel, input);
  }

  private async quoteOf(d: Dossier, fresh = false, known?: { fee: DossierFeeTable | undefined }): Promise<{ quote: FeeQuote; assessed: boolean }> {
    const stored = fresh ? undefined : known ? known.fee : await repo.findFee(this.db, d.id);
    const procedure = await this.catalog.getProcedure(d.procedureCode);
    if (stored) {
      const base = computeFee(procedure, feeChannel(d.channel), { requested: d.formData });
      return {
        quote: {
          ...base,
          lines: JSON.parse(stored.lines) as FeeLine[],
          gross: stored.gross,
          amount: stored.amount,
          exemption: stored.exemption_reason ? { reason: stored.exemption_reason, percent: stored.exemption_percent } : null,
        },
        assessed: !stored.assessed_by.startsWith('system'),
      };
    }
    return { quote: computeFee(procedure, feeChannel(d.channel), { requested: d.formData }), assessed: false };
  }

  vietqrFor(code: string, amount: number): string | null {
    const q = this.opts.config.vietqr;
    if (!q || amount <= 0) return null;
    return buildVietQr({ bankBin: q.bankBin, account: q.account, amount, purpose: code });
  }

  /**
   * `fresh`: the dossier was written by the current request, so it has no fee row and no payment yet (two reads fewer).
   * `known`: its fee row and payments as `storedAlong` read them in the dossier's own statement.
   */
  async summary(d: Dossier, fresh = false, known?: StoredPayments): Promise<PaymentSummary> {
    // The fee and the payments are read together (a first tracking lookup waits for one read, not two).
    const stored = fresh ? undefined : (known ?? (await repo.findFeeAndPayments(this.db, d.id)));
    const { quote, assessed } = await this.quoteOf(d, fresh, stored);
    const rows = stored?.payments ?? [];
    const payments = rows.map(toRecord);
    const done = payments.filter((p) => p.status === 'paid');
    const paid = done.reduce((s, p) => s + p.amount, 0);
    const outstanding = Math.max(0, quote.amount - paid);
    const status: PaymentStatus = quote.amount === 0 ? (quote.exemption && quote.gross > 0 ? 'exempt' : 'none') : paid === 0 ? 'unpaid' : paid < quote.amount ? 'partial' : 'paid';
    return {
      amount: quote.amount,
      gross: quote.gross,
      paid,
      outstanding,
      status,
      method: done.at(-1)?.method ?? null,
      online: done.some((p) => p.online),
      vietqr: d.code && outstanding > 0 ? this.vietqrFor(d.code, outstanding) : null,
      lines: quote.lines,
      exemption: quote.exemption,
      assessed,
      structured: quote.structured,
      feeText: quote.feeText,
      payments,
    };
  }

  /**
   * A dossier's fee row and payments, read by the dossier module's statement on PostgreSQL
   * (db/alongside.ts: a first tracking lookup's one statement), for `json`'s `known`.
   */
  storedAlong(dossierId: RawBuilder<string>): AlongsideRead<StoredPayments> {
    return {
      expression: repo.feeAndPaymentsJsonOf(dossierId),
      decode: (v) => {
        const [fee, payments] = v as [DossierFeeTable | null, PaymentTable[]];
        return { fee: fee ?? undefined, payments };
      },
    };
  }

  /** `payment` of GET /api/dossiers/:code (`known`: as `summary`). */
  async json(d: Dossier, fresh = false, known?: StoredPayments): Promise<Record<string, unknown>> {
    const s = await this.summary(d, fresh, known);
    return {
      amount: s.amount,
      status: s.status,
      method: s.method,
      vietqr: s.vietqr,
      paid: s.paid,
      outstanding: s.outstanding,
      online: s.online,
      exemption: s.exemption,
      lines: s.lines.map((l) => ({ label: l.label, basis: l.basis, unitAmount: l.unitAmount, quantity: l.quantity, amount: l.amount })),
      vnpay: this.vnpayEnabled && s.outstanding > 0 && !!d.code,
    };
  }

  /** Flags the indicators read: does the dossier bear a fee, is it paid, was it paid online. */
  async flags(d: Dossier): Promise<{ feeBearing: boolean; paid: boolean; paidOnline: boolean }> {
    const s = await this.summary(d);
    return { feeBearing: s.gross > 0, paid: s.status === 'paid', paidOnline: s.status === 'paid' && s.online };
  }

  private checkCashier(d: Dossier, actor: Actor): Extract<Actor, { kind: 'staff' }> {
    if (actor.kind !== 'staff' || actor.unitCode !== d.unitCode) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
    if (!CASHIER_ROLES.has(actor.role)) throw new ForbiddenError('Chỉ công chức một cửa, lãnh đạo hoặc quản trị đơn vị mới xác định và thu phí, lệ phí.', 'cashier_only');
    return actor;
  }

  /**
   * The receptionist fixes the fee: pages, copies, and an exemption with its reason. Not once money
   * was taken against a different amount.
   */
  async assess(d: Dossier, actor: Actor, input: FeeInput): Promise<PaymentSummary> {
    const staff = this.checkCashier(d, actor);
    if (!d.code) throw new RuleViolationError('dossier_not_submitted', 'Hồ sơ chưa nộp nên chưa xác định phí, lệ phí.');
    const procedure = await this.catalog.getProcedure(d.procedureCode);
    const quote = computeFee(procedure, feeChannel(d.channel), { ...input, requested: d.formData });
    const before = await this.summary(d);
    if (before.paid > 0 && before.paid > quote.amount) {
      throw new RuleViolationError('fee_below_paid', 'Số đã thu lớn hơn mức phí mới; xin xử lý hoàn trả trước khi sửa mức phí.');
    }
    await repo.upsertFee(this.db, {
      dossier_id: d.id,
      dossier_code: d.code,
      unit_code: d.unitCode,
      amount: quote.amount,
      gross: quote.gross,
      lines: JSON.stringify(quote.lines),
      exemption_reason: quote.exemption?.reason ?? null,
      exemption_percent: quote.exemption?.percent ?? 0,
      assessed_by: `staff:${staff.id}:${staff.name}`,
      assessed_at: this.clock.now().toISOString(),
    });
    return this.summary(d);
  }

  /**
   * An official asked for `amount` (the workflow's request_payment): that is what remains to pay.
   * The computed fee is kept when it says the same; otherwise the official's figure replaces it.
   */
  async adoptRequestedAmount(d: Dossier, actor: Actor, amount: number): Promise<PaymentSummary> {
    if (!d.code) return this.summary(d);
    const s = await this.summary(d);
    if (amount === s.outstanding) {
      await this.freeze(d);
      return this.summary(d);
    }
    const total = s.paid + amount;
    const by = actor.kind === 'staff' ? `staff:${actor.id}:${actor.name}` : 'system';
    await repo.upsertFee(this.db, {
      dossier_id: d.id,
      dossier_code: d.code,
      unit_code: d.unitCode,
      amount: total,
      gross: total,
      lines: JSON.stringify([{ label: 'Phí, lệ phí theo thông báo của cán bộ', basis: 'per_case', unitAmount: total, quantity: 1, amount: total }] satisfies FeeLine[]),
      exemption_reason: null,
      exemption_percent: 0,
      assessed_by: by,
      assessed_at: this.clock.now().toISOString(),
    });
    return this.summary(d);
  }

  /** The fee as computed now, frozen so that an order started on it is checked against it. */
  private async freeze(d: Dossier): Promise<void> {
    const { quote } = await this.quoteOf(d);
    await repo.insertFeeIfAbsent(this.db, {
      dossier_id: d.id,
      dossier_code: d.code!,
      unit_code: d.unitCode,
      amount: quote.amount,
      gross: quote.gross,
      lines: JSON.stringify(quote.lines),
      exemption_reason: quote.exemption?.reason ?? null,
      exemption_percent: quote.exemption?.percent ?? 0,
      assessed_by: 'system',
      assessed_at: this.clock.now().toISOString(),
    });
  }

  private async noticeOf(d: Dossier, event: DossierNotice['event'], amount: number, occurrence: string): Promise<DossierNotice> {
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    return {
      event,
      dossierId: d.id,
      code: d.code!,
      unitCode: d.unitCode,
      procedureName: procedure?.name ?? d.procedureCode,
      applicant: { fullName: d.applicant.fullName, phone: d.applicant.phone, email: d.applicant.email },
      trackingUrl: this.dossiers.trackingUrl(d.code!),
      dueAt: d.dueAt,
      amount,
      occurrence,
    };
  }

  /**
   * The fee notice as a message, for the workflow to queue in the transaction that asks for the
   * "financial obligation" (it builds the notice first: reading the catalogue inside a SQLite
   * transaction would wait on the connection that transaction holds).
   */
  async feeNotice(d: Dossier): Promise<DossierNotice> {
    const s = await this.summary(d);
    return this.noticeOf(d, 'payment_requested', s.outstanding, `${s.amount}:${s.paid}`);
  }

  /** Sends the fee notice (SMS/e-mail/Zalo with the amount and the link to pay). */
  async requestPayment(d: Dossier, actor: Actor): Promise<PaymentSummary> {
    this.checkCashier(d, actor);
    if (!d.code) throw new RuleViolationError('dossier_not_submitted', 'Hồ sơ chưa nộp.');
    await this.freeze(d);
    const s = await this.summary(d);
    if (s.outstanding <= 0) throw new RuleViolationError('nothing_to_pay', 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.');
    const notice = await this.feeNotice(d);
    await this.db.transaction().execute((trx) => this.notifications.notifyDossier(trx, notice));
    return s;
  }

  /**
   * Several payment rows and their citizens' notices in one transaction: `write` throws
   * AlreadySettled when it finds a row already written by a concurrent request, and then nothing
   * is kept (false).
   */
  private allOrNone(notices: DossierNotice[], write: (trx: Parameters<typeof repo.insertPayment>[0]) => Promise<void>): Promise<boolean> {
    return this.db
      .transaction()
      .execute(async (trx) => {
        await write(trx);
        for (const n of notices) await this.notifications.notifyDossier(trx, n);
        return true;
      })
      .catch((e: unknown) => {
        if (e instanceof AlreadySettled) return false;
        throw e;
      });
  }

  private async receiptNo(trx: Parameters<typeof repo.nextReceiptNo>[0], unitCode: string): Promise<string> {
    const year = new Date(this.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
    const n = await repo.nextReceiptNo(trx, unitCode, year);
    return `${year}/${String(n).padStart(6, '0')}`;
  }

  /** Cash at the counter: recorded, numbered, and the citizen told. */
  async recordCash(d: Dossier, actor: Actor, amount?: number): Promise<PaymentRecord> {
    const staff = this.checkCashier(d, actor);
    if (!d.code) throw new RuleViolationError('dossier_not_submitted', 'Hồ sơ chưa nộp.');
    await this.freeze(d);
    const s = await this.summary(d);
    const take = amount ?? s.outstanding;
    if (!Number.isInteger(take) || take <= 0) throw new ValidationError('Số tiền thu phải là số nguyên dương.', [{ field: 'amount', code: 'invalid_number', message: 'Số tiền không hợp lệ' }]);
    if (take > s.outstanding) throw new RuleViolationError('amount_exceeds_due', `Số tiền thu vượt quá số còn phải nộp (${s.outstanding.toLocaleString('vi-VN')} đồng).`);
    const now = this.clock.now().toISOString();
    const id = uuidv7();
    const notice = await this.noticeOf(d, 'payment_received', take, id);
    await this.db.transaction().execute(async (trx) => {
      await repo.insertPayment(trx, {
        id,
        dossier_id: d.id,
        dossier_code: d.code!,
        unit_code: d.unitCode,
        method: 'cash',
        amount: take,
        status: 'paid',
        online: 0,
        order_ref: `cash:${id}`,
        provider_ref: null,
        receipt_no: await this.receiptNo(trx, d.unitCode),
        data: JSON.stringify({ collector: staff.name }),
        created_by: `staff:${staff.id}`,
        created_at: now,
        confirmed_at: now,
      });
      await this.notifications.notifyDossier(trx, notice);
    });
    await this.paid(d.code!, { amount: take, method: 'cash', reference: `cash:${id}` });
    return toRecord((await repo.findPayment(this.db, id))!);
  }

  // ------------------------------------------------------------------ VNPay

  /** A signed VNPay payment URL for what is still due; the order waits for VNPay's IPN. */
  async createVnpayPayment(d: Dossier, ipAddr: string): Promise<{ paymentUrl: string; orderRef: string; amount: number }> {
    const cfg = this.opts.config.vnpay;
    if (!cfg) throw new RuleViolationError('vnpay_not_configured', 'Đơn vị chưa kết nối cổng thanh toán VNPay. Xin chuyển khoản bằng mã VietQR hoặc nộp tại bộ phận một cửa.');
    if (!d.code) throw new RuleViolationError('dossier_not_submitted', 'Hồ sơ chưa nộp.');
    await this.freeze(d);
    const s = await this.summary(d);
    if (s.outstanding <= 0) throw new RuleViolationError('nothing_to_pay', 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.');
    const now = this.clock.now();
    const orderRef = uuidv7().replace(/-/g, '');
    await repo.insertPayment(this.db, {
      id: uuidv7(),
      dossier_id: d.id,
      dossier_code: d.code,
      unit_code: d.unitCode,
      method: 'vnpay',
      amount: s.outstanding,
      status: 'pending',
      online: 1,
      order_ref: orderRef,
      provider_ref: null,
      receipt_no: null,
      data: '{}',
      created_by: 'citizen',
      created_at: now.toISOString(),
      confirmed_at: null,
    });
    return { paymentUrl: this.vnpayUrl(orderRef, s.outstanding, d.code, ipAddr, now), orderRef, amount: s.outstanding };
  }

  /**
   * Several dossiers' fees as one sum (a linked group pays once, issue 14): what each still owes,
   * and the total. Dossiers not found or not submitted are left out. With `transferNote` (the
   * group's code), a VietQR payload for the sum still owed carries it as the transfer note.
   */
  async batchSummary(codes: string[], transferNote?: string): Promise<BatchSummary> {
    const parts: BatchSummary['parts'] = [];
    for (const code of codes) {
      const d = await this.dossiers.findByCode(code);
      if (!d?.code) continue;
      const s = await this.summary(d);
      parts.push({ code: d.code, amount: s.amount, paid: s.paid, outstanding: s.outstanding, status: s.status });
    }
    const sum = (k: 'amount' | 'paid' | 'outstanding') => parts.reduce((n, p) => n + p[k], 0);
    const outstanding = sum('outstanding');
    return { amount: sum('amount'), paid: sum('paid'), outstanding, vnpay: this.vnpayEnabled && outstanding > 0, vietqr: transferNote && outstanding > 0 ? this.vietqrFor(transferNote, outstanding) : null, parts };
  }

  /**
   * One VNPay order for what several dossiers still owe (a linked group pays once): one pending row
   * per dossier that owes, under one order reference `<batch>` (rows `<batch>.<n>`); VNPay's IPN
   * settles them together, all or none.
   */
  async createVnpayBatch(codes: string[], label: string, ipAddr: string): Promise<{ paymentUrl: string; orderRef: string; amount: number; parts: Array<{ code: string; amount: number }> }> {
    const cfg = this.opts.config.vnpay;
    if (!cfg) throw new RuleViolationError('vnpay_not_configured', 'Đơn vị chưa kết nối cổng thanh toán VNPay. Xin chuyển khoản bằng mã VietQR hoặc nộp tại bộ phận một cửa.');
    const owing: Array<{ d: Dossier; amount: number }> = [];
    for (const code of codes) {
      const d = await this.dossiers.findByCode(code);
      if (!d?.code) continue;
      await this.freeze(d);
      const s = await this.summary(d);
      if (s.outstanding > 0) owing.push({ d, amount: s.outstanding });
    }
    if (!owing.length) throw new RuleViolationError('nothing_to_pay', 'Các hồ sơ không còn khoản phí, lệ phí nào phải nộp.');
    const amount = owing.reduce((n, o) => n + o.amount, 0);
    const now = this.clock.now();
    const batch = uuidv7().replace(/-/g, '');
    await this.db.transaction().execute(async (trx) => {
      for (const [i, o] of owing.entries()) {
        await repo.insertPayment(trx, {
          id: uuidv7(),
          dossier_id: o.d.id,
          dossier_code: o.d.code!,
          unit_code: o.d.unitCode,
          method: 'vnpay',
          amount: o.amount,
          status: 'pending',
          online: 1,
          order_ref: `${batch}.${i + 1}`,
          provider_ref: null,
          receipt_no: null,
          data: JSON.stringify({ batch, group: label }),
          created_by: 'citizen',
          created_at: now.toISOString(),
          confirmed_at: null,
        });
      }
    });
    return { paymentUrl: this.vnpayUrl(batch, amount, label, ipAddr, now), orderRef: batch, amount, parts: owing.map((o) => ({ code: o.d.code!, amount: o.amount })) };
  }

  /** The signed URL of a VNPay order (valid 15 minutes), paying `amount` for what `label` names. */
  private vnpayUrl(orderRef: string, amount: number, label: string, ipAddr: string, now: Date): string {
    const cfg = this.opts.config.vnpay!;
    return paymentUrl({
      gatewayUrl: cfg.url,
      tmnCode: cfg.tmnCode,
      secret: cfg.hashSecret,
      orderRef,
      amount,
      orderInfo: `Thanh toan phi le phi ho so ${label}`,
      returnUrl: `${this.opts.publicUrl}/thanh-toan/vnpay/ket-qua`,
      ipAddr: ipAddr.replace(/^::ffff:/, '') || '127.0.0.1',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 15 * 60_000),
    });
  }

  /** The rows of a VNPay order: its own, or each dossier's of a batch paid at once. */
  private async orderRows(ref: string | undefined): Promise<PaymentTable[]> {
    if (!ref) return [];
    const one = await repo.findPaymentByOrder(this.db, ref);
    if (one) return [one];
    return /^[0-9a-f]{32}$/.test(ref) ? repo.listBatch(this.db, ref) : [];
  }

  /**
   * VNPay's server-to-server notification. Checks, in VNPay's order: signature (97), our order
   * (01), amount (04), already settled (02); then settles the order once. A bad signature, a wrong
   * amount or a replay never marks anything paid.
   */
  async handleVnpayIpn(query: Record<string, string | undefined>): Promise<IpnAnswer> {
    const cfg = this.opts.config.vnpay;
    try {
      if (!cfg) return IPN.unknown;
      if (!verify(query, cfg.hashSecret)) return IPN.invalidSignature;
      // One order is one dossier's, or a batch of several dossiers paid at once (one row each).
      const rows = await this.orderRows(query.vnp_TxnRef);
      if (!rows.length || rows.some((r) => r.method !== 'vnpay') || (query.vnp_TmnCode && query.vnp_TmnCode !== cfg.tmnCode)) return IPN.orderNotFound;
      if (Number(query.vnp_Amount) !== rows.reduce((n, r) => n + r.amount, 0) * 100) return IPN.invalidAmount;
      if (rows.some((r) => r.status !== 'pending')) return IPN.alreadyConfirmed;
      const success = query.vnp_ResponseCode === '00' && query.vnp_TransactionStatus === '00';
      const notices: DossierNotice[] = [];
      if (success) {
        for (const r of rows) notices.push(await this.noticeOf(await this.dossiers.getForActor(r.dossier_code, systemActor(r.unit_code)), 'payment_received', r.amount, r.id));
      }
      const settled = await this.allOrNone(notices, async (trx) => {
        // One payment, one receipt number for every dossier it covers.
        const receipt = success ? await this.receiptNo(trx, rows[0]!.unit_code) : null;
        for (const r of rows) {
          const ok = await repo.settlePending(trx, r.order_ref, {
            status: success ? 'paid' : 'failed',
            provider_ref: query.vnp_TransactionNo ?? null,
            confirmed_at: this.clock.now().toISOString(),
            receipt_no: receipt,
            data: JSON.stringify({ ...(JSON.parse(r.data || '{}') as object), bank: query.vnp_BankCode, responseCode: query.vnp_ResponseCode, payDate: query.vnp_PayDate }),
          });
          // Settled meanwhile by a concurrent notification: all or none.
          if (!ok) throw new AlreadySettled();
        }
      });
      if (settled && success) for (const r of rows) await this.paid(r.dossier_code, { amount: r.amount, method: 'online', reference: r.order_ref });
      return settled ? IPN.confirmed : IPN.alreadyConfirmed;
    } catch {
      return IPN.unknown;
    }
  }

  async vnpayReturn(query: Record<string, string | undefined>): Promise<{ valid: boolean; success: boolean; dossierCode?: string; dossierCodes?: string[]; amount?: number; settled?: 'pending' | 'paid' | 'failed' }> {
    const cfg = this.opts.config.vnpay;
    if (!cfg || !verify(query, cfg.hashSecret)) return { valid: false, success: false };
    const rows = await this.orderRows(query.vnp_TxnRef);
    if (!rows.length) return { valid: false, success: false };
    return {
      valid: true,
      success: query.vnp_ResponseCode === '00' && query.vnp_TransactionStatus !== '02',
      dossierCode: rows[0]!.dossier_code,
      dossierCodes: rows.map((r) => r.dossier_code),
      amount: rows.reduce((n, r) => n + r.amount, 0),
      settled: rows[0]!.status as 'pending' | 'paid' | 'failed',
    };
  }

  // ------------------------------------------------------------------ bank statements (payment.reconcile.ts)

  importStatement(unitCode: string, actor: Actor, file: { name: string; data: Buffer }): Promise<StatementReport> {
    return this.statements.importStatement(unitCode, actor, file);
  }

  reconciliation(unitCode: string, opts: { all?: boolean } = {}) {
    return this.statements.reconciliation(unitCode, opts);
  }

  resolveLine(unitCode: string, actor: Actor, lineId: string, input: { dossierCode?: string; note?: string }): Promise<void> {
    return this.statements.resolveLine(unitCode, actor, lineId, input);
  }

  // ------------------------------------------------------------------ receipts and indicators

  async payment(d: Dossier, paymentId: string): Promise<PaymentRecord & { collector: string }> {
    const p = await repo.findPayment(this.db, paymentId);
    if (!p || p.dossier_id !== d.id || p.status !== 'paid') throw new NotFoundError('Không có biên lai này.', 'receipt_not_found');
    return { ...toRecord(p), collector: (JSON.parse(p.data) as { collector?: string }).collector ?? 'Hệ thống thu trực tuyến' };
  }

  /** Online-payment rate inputs of a period (Decision 766/QĐ-TTg): dossiers with a fee, and those paid online. */
  async onlinePaymentFigures(unitCode: string, fromIso: string, toIso: string): Promise<{ feeBearing: number; zeroFee: number; paidOnline: number }> {
    const fees = await repo.feesInPeriod(this.db, unitCode, fromIso, toIso);
    const payments = await repo.paidInPeriod(this.db, unitCode, fromIso, '9999');
    const online = new Set(payments.filter((p) => p.online === 1).map((p) => p.dossier_id));
    const bearing = fees.filter((f) => f.gross > 0);
    return { feeBearing: bearing.length, zeroFee: fees.length - bearing.length, paidOnline: bearing.filter((f) => online.has(f.dossier_id)).length };
  }
}

/** A dossier received at home (support team) pays the fees of a paper dossier at the counter. */
function feeChannel(c: Dossier['channel']): 'in_person' | 'online' | 'post' {
  return c === 'home' ? 'in_person' : c;
}
