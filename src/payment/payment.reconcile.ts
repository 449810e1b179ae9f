import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { Actor, Dossier, DossierService } from '../dossier';
import type { DossierNotice, NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import * as repo from './payment.repo';
import { GROUP_REF_RE, readStatement, referencesIn } from './payment.statement';
import { shareTransfer } from './payment.transfer';
import { AlreadySettled, CASHIER_ROLES, systemActor, type PaymentSummary, type StatementReport } from './payment.types';

/** What reconciliation uses of the ledger (PaymentService): the same fee, receipts and notices as a payment at the counter. */
export interface Ledger {
  /** The fee as computed now, frozen so that a credit is checked against it. */
  freeze(d: Dossier): Promise<void>;
  summary(d: Dossier): Promise<PaymentSummary>;
  noticeOf(d: Dossier, event: DossierNotice['event'], amount: number, occurrence: string): Promise<DossierNotice>;
  receiptNo(trx: Parameters<typeof repo.nextReceiptNo>[0], unitCode: string): Promise<string>;
  /** Several payment rows and their notices in one transaction; false when AlreadySettled was thrown. */
  allOrNone(notices: DossierNotice[], write: (trx: Parameters<typeof repo.insertPayment>[0]) => Promise<void>): Promise<boolean>;
  /** After the commit: the workflow restarts a clock stopped for the fee. */
  paid(dossierCode: string, p: { amount: number; method: 'cash' | 'transfer' | 'online'; reference: string }): Promise<void>;
  /** A linked group's unit and member codes (issue 14), when the linked module is wired. */
  groupMembers(groupCode: string): Promise<{ unitCode: string; codes: string[] } | undefined> | undefined;
}

/**
 * Bank statement reconciliation: the credits of a statement the unit's account received, matched
 * to the dossiers (or linked groups) their transfer notes name, recorded as transfers; what does
 * not match waits for a person on the reconciliation page.
 */
export class BankStatements {
  constructor(
    private readonly db: Db,
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly ledger: Ledger,
  ) {}

  private async findDossier(code: string, unitCode: string): Promise<Dossier | undefined> {
    try {
      return await this.dossiers.getForActor(code, systemActor(unitCode));
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /** A linked group of the unit with its submitted parts (n: the part's place, 1-based). */
  private async findGroup(code: string, unitCode: string): Promise<TransferTarget | undefined> {
    const g = await this.ledger.groupMembers(code);
    if (!g || g.unitCode !== unitCode) return undefined;
    const members: Array<{ d: Dossier; n: number }> = [];
    for (const [i, c] of g.codes.entries()) {
      const d = await this.findDossier(c, unitCode);
      if (d?.code) members.push({ d, n: i + 1 });
    }
    return members.length ? { kind: 'group', code, members } : undefined;
  }

  /** What a transfer note pays: the first code in it that is a dossier or a linked group of the unit. */
  private async targetOf(description: string, unitCode: string): Promise<TransferTarget | undefined> {
    for (const ref of referencesIn(description)) {
      const d = ref.kind === 'dossier' ? await this.findDossier(ref.code, unitCode) : undefined;
      const t: TransferTarget | undefined = d ? { kind: 'dossier', d } : ref.kind === 'group' ? await this.findGroup(ref.code, unitCode) : undefined;
      if (t) return t;
    }
    return undefined;
  }

  /**
   * Imports a statement: each credit whose note names a dossier — or a linked group, for all its
   * parts — of the unit is recorded as a transfer (once: a re-imported statement changes
   * nothing); an exact amount is "matched", less is "partial", more is "overpaid"; a credit naming
   * neither is "unmatched". All but the matched ones wait for a person on the reconciliation page.
   */
  async importStatement(unitCode: string, actor: Actor, file: { name: string; data: Buffer }): Promise<StatementReport> {
    if (actor.kind !== 'staff' || actor.unitCode !== unitCode || !CASHIER_ROLES.has(actor.role)) throw new ForbiddenError('Chỉ công chức một cửa, lãnh đạo hoặc quản trị đơn vị mới đối soát sao kê.', 'cashier_only');
    const lines = await readStatement(file);
    const importId = uuidv7();
    const now = this.clock.now().toISOString();
    const report: StatementReport = { importId, lines: lines.length, matched: 0, partial: 0, overpaid: 0, unmatched: 0, duplicate: 0, items: [] };
    for (const line of lines) {
      const target = await this.targetOf(line.description, unitCode);
      const r = target ? await this.applyTransfer(target, { ...line, orderRef: bankOrderRef(line), importId, by: actor.id }) : { status: 'unmatched' as const, paymentId: null };
      const code = target ? targetCode(target) : null;
      report[r.status]++;
      report.items.push({ ...line, dossierCode: target?.kind === 'dossier' ? code : null, groupCode: target?.kind === 'group' ? code : null, status: r.status });
      await repo.insertLine(this.db, {
        id: uuidv7(),
        import_id: importId,
        unit_code: unitCode,
        line_no: line.row,
        tx_date: line.date,
        amount: line.amount,
        description: line.description,
        reference: line.reference,
        dossier_code: code,
        status: r.status,
        payment_id: r.paymentId,
        note: '',
        resolved_by: null,
        resolved_at: null,
      });
    }
    await repo.insertImport(this.db, {
      id: importId,
      unit_code: unitCode,
      file_name: file.name.slice(0, 200),
      imported_by: actor.kind === 'staff' ? actor.name : '',
      summary: JSON.stringify({ lines: report.lines, matched: report.matched, partial: report.partial, overpaid: report.overpaid, unmatched: report.unmatched, duplicate: report.duplicate }),
      created_at: now,
    });
    return report;
  }

  /** Records a credit for a dossier or for a group's parts, once per bank line ("duplicate" after). */
  private async applyTransfer(target: TransferTarget, t: BankTransfer): Promise<{ status: 'matched' | 'partial' | 'overpaid' | 'duplicate'; paymentId: string | null }> {
    if (target.kind === 'group') return this.groupTransfer(target, t);
    const d = target.d;
    if (await repo.findPaymentByOrder(this.db, t.orderRef)) return { status: 'duplicate', paymentId: null };
    await this.ledger.freeze(d);
    const s = await this.ledger.summary(d);
    const status = t.amount === s.outstanding ? 'matched' : t.amount < s.outstanding ? 'partial' : 'overpaid';
    const paymentId = await this.recordTransfer(d, t);
    return paymentId ? { status, paymentId } : { status: 'duplicate', paymentId: null };
  }

  private async recordTransfer(d: Dossier, t: BankTransfer): Promise<string | null> {
    const id = uuidv7();
    const now = this.clock.now().toISOString();
    const notice = await this.ledger.noticeOf(d, 'payment_received', t.amount, id);
    return this.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertPayment(trx, {
        id,
        dossier_id: d.id,
        dossier_code: d.code!,
        unit_code: d.unitCode,
        method: 'bank_transfer',
        amount: t.amount,
        status: 'paid',
        online: 1,
        order_ref: t.orderRef,
        provider_ref: t.reference || null,
        receipt_no: null,
        data: JSON.stringify({ statementDate: t.date, importId: t.importId }),
        created_by: `staff:${t.by}`,
        created_at: now,
        confirmed_at: now,
      });
      if (!inserted) return null;
      await trx.updateTable('payments').set({ receipt_no: await this.ledger.receiptNo(trx, d.unitCode) }).where('id', '=', id).execute();
      await this.notifications.notifyDossier(trx, notice);
      return id;
    }).then(async (paidId) => {
      if (paidId) await this.ledger.paid(d.code!, { amount: t.amount, method: 'transfer', reference: t.orderRef });
      return paidId;
    });
  }

  /**
   * One credit for a linked group (its VietQR names the group's code): shared among the parts
   * (shareTransfer), one payment row per part that gets a share (`bank:<ref>.<n>`, n the part's
   * place), one receipt number for all, each part's citizen notice and clock as for a dossier paid
   * alone — all in one transaction, or nothing when the line was recorded before.
   */
  private async groupTransfer(g: Extract<TransferTarget, { kind: 'group' }>, t: BankTransfer): Promise<{ status: 'matched' | 'partial' | 'overpaid' | 'duplicate'; paymentId: string | null }> {
    const refs = [t.orderRef, ...g.members.map((m) => `${t.orderRef}.${m.n}`)];
    for (const ref of refs) if (await repo.findPaymentByOrder(this.db, ref)) return { status: 'duplicate', paymentId: null };
    const owed = [];
    for (const m of g.members) {
      await this.ledger.freeze(m.d);
      const s = await this.ledger.summary(m.d);
      owed.push({ outstanding: s.outstanding, amount: s.amount });
    }
    const { shares, status } = shareTransfer(t.amount, owed);
    const rows = g.members.flatMap((m, i) => (shares[i]! > 0 ? [{ ...m, id: uuidv7(), amount: shares[i]!, orderRef: `${t.orderRef}.${m.n}` }] : []));
    const notices = await Promise.all(rows.map((r) => this.ledger.noticeOf(r.d, 'payment_received', r.amount, r.id)));
    const now = this.clock.now().toISOString();
    const recorded = await this.ledger.allOrNone(notices, async (trx) => {
      const receipt = await this.ledger.receiptNo(trx, rows[0]!.d.unitCode);
        for (const r of rows) {
          const ok = await repo.insertPayment(trx, {
            id: r.id,
            dossier_id: r.d.id,
            dossier_code: r.d.code!,
            unit_code: r.d.unitCode,
            method: 'bank_transfer',
            amount: r.amount,
            status: 'paid',
            online: 1,
            order_ref: r.orderRef,
            provider_ref: t.reference || null,
            receipt_no: receipt,
            data: JSON.stringify({ statementDate: t.date, importId: t.importId, group: g.code, credit: t.amount }),
            created_by: `staff:${t.by}`,
            created_at: now,
            confirmed_at: now,
          });
          // Recorded meanwhile by another import of the same line: all or none.
          if (!ok) throw new AlreadySettled();
        }
    });
    if (!recorded) return { status: 'duplicate', paymentId: null };
    for (const r of rows) await this.ledger.paid(r.d.code!, { amount: r.amount, method: 'transfer', reference: r.orderRef });
    return { status, paymentId: rows[0]!.id };
  }

  async reconciliation(unitCode: string, opts: { all?: boolean } = {}) {
    const lines = await repo.listLines(this.db, { unitCode, statuses: opts.all ? undefined : ['unmatched', 'partial', 'overpaid'] });
    const imports = await repo.listImports(this.db, unitCode);
    const group = (c: string | null) => !!c && GROUP_REF_RE.test(c);
    return {
      imports: imports.map((i) => ({ id: i.id, fileName: i.file_name, importedBy: i.imported_by, createdAt: i.created_at, summary: JSON.parse(i.summary) as Record<string, number> })),
      lines: lines.map((l) => ({ id: l.id, importId: l.import_id, row: l.line_no, date: l.tx_date, amount: l.amount, description: l.description, reference: l.reference, dossierCode: group(l.dossier_code) ? null : l.dossier_code, groupCode: group(l.dossier_code) ? l.dossier_code : null, status: l.status, note: l.note })),
    };
  }

  /**
   * A person settles a line: an unmatched credit assigned to a dossier or a linked group (recorded
   * as its payment), or a partial/overpaid/unmatched one acknowledged with a note (refund
   * arranged, not ours...).
   */
  async resolveLine(unitCode: string, actor: Actor, lineId: string, input: { dossierCode?: string; note?: string }): Promise<void> {
    if (actor.kind !== 'staff' || actor.unitCode !== unitCode || !CASHIER_ROLES.has(actor.role)) throw new ForbiddenError('Chỉ công chức một cửa, lãnh đạo hoặc quản trị đơn vị mới đối soát sao kê.', 'cashier_only');
    const line = await repo.findLine(this.db, lineId);
    if (!line || line.unit_code !== unitCode) throw new NotFoundError('Không có dòng sao kê này.', 'line_not_found');
    if (line.status === 'resolved' || line.status === 'matched' || line.status === 'duplicate') throw new RuleViolationError('line_settled', 'Dòng sao kê này đã được xử lý.');
    const note = (input.note ?? '').normalize('NFC').trim().slice(0, 300);
    let paymentId = line.payment_id;
    let code = line.dossier_code;
    if (input.dossierCode && !line.payment_id) {
      const typed = input.dossierCode.trim().toUpperCase();
      const d = GROUP_REF_RE.test(typed) ? undefined : await this.findDossier(typed, unitCode);
      const target: TransferTarget | undefined = d ? { kind: 'dossier', d } : GROUP_REF_RE.test(typed) ? await this.findGroup(typed, unitCode) : undefined;
      if (!target) throw new ValidationError('Không có hồ sơ (hoặc hồ sơ liên thông) với mã này trong đơn vị.', [{ field: 'dossierCode', code: 'dossier_not_found', message: 'Mã hồ sơ không đúng' }]);
      const line2 = { amount: line.amount, date: line.tx_date, description: line.description, reference: line.reference };
      const r = await this.applyTransfer(target, { ...line2, orderRef: bankOrderRef(line2), importId: line.import_id, by: actor.id });
      if (!r.paymentId) throw new RuleViolationError('duplicate_transfer', 'Khoản chuyển khoản này đã được ghi nhận.');
      paymentId = r.paymentId;
      code = targetCode(target);
    } else if (!note) {
      throw new ValidationError('Cần mã hồ sơ hoặc ghi chú cách xử lý.', [{ field: 'note', code: 'required', message: 'Nhập mã hồ sơ hoặc ghi chú' }]);
    }
    await repo.updateLine(this.db, lineId, { status: 'resolved', payment_id: paymentId, dossier_code: code, note, resolved_by: actor.name, resolved_at: this.clock.now().toISOString() });
  }
}

/** What a bank credit pays: one dossier, or the submitted parts of a linked group. */
type TransferTarget = { kind: 'dossier'; d: Dossier } | { kind: 'group'; code: string; members: Array<{ d: Dossier; n: number }> };
const targetCode = (t: TransferTarget): string => (t.kind === 'dossier' ? t.d.code! : t.code);

/** A credit line of a statement, as recorded. */
interface BankTransfer {
  amount: number;
  date: string;
  reference: string;
  orderRef: string;
  importId: string;
  by: string;
}

/** A statement line's own reference: the bank's, or a digest of the line when it has none. */
function bankOrderRef(l: { reference: string; date: string; amount: number; description: string }): string {
  return `bank:${l.reference ? l.reference : sha(`${l.date}|${l.amount}|${l.description}`).slice(0, 32)}`;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
