import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { BankImportTable, BankLineTable, DB, DossierFeeTable, PaymentTable } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

export async function findFee(db: Exec, dossierId: string): Promise<DossierFeeTable | undefined> {
  return db.selectFrom('dossier_fees').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

export async function upsertFee(db: Exec, row: DossierFeeTable): Promise<void> {
  const { dossier_id: _id, ...rest } = row;
  await db.insertInto('dossier_fees').values(row).onConflict((oc) => oc.column('dossier_id').doUpdateSet(rest)).execute();
}

/** Keeps the first assessment (a payment started on the computed fee freezes it). */
export async function insertFeeIfAbsent(db: Exec, row: DossierFeeTable): Promise<void> {
  await db.insertInto('dossier_fees').values(row).onConflict((oc) => oc.column('dossier_id').doNothing()).execute();
}

export async function listPayments(db: Exec, dossierId: string): Promise<PaymentTable[]> {
  return db.selectFrom('payments').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
}

/**
 * The fee row and the payments of a dossier (ordered as `listPayments`): on PostgreSQL in one
 * statement, each as JSON with the columns' names (a tracking lookup of a dossier not in memory
 * waits for one round trip, not two); on SQLite the two reads (no round trips there).
 */
export async function findFeeAndPayments(db: Exec, dossierId: string): Promise<{ fee: DossierFeeTable | undefined; payments: PaymentTable[] }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const [fee, payments] = await Promise.all([findFee(db, dossierId), listPayments(db, dossierId)]);
    return { fee, payments };
  }
  const r = await db
    .selectNoFrom([feeJsonOf(sql`${dossierId}`).as('fee'), paymentsJsonOf(sql`${dossierId}`).as('payments')])
    .executeTakeFirstOrThrow();
  return { fee: r.fee ?? undefined, payments: r.payments };
}

const feeJsonOf = (dossierId: RawBuilder<string>) => sql<DossierFeeTable | null>`(select row_to_json(f) from dossier_fees f where f.dossier_id = ${dossierId})`;
const paymentsJsonOf = (dossierId: RawBuilder<string>) => sql<PaymentTable[]>`(select coalesce(json_agg(p order by p.created_at, p.id), '[]') from payments p where p.dossier_id = ${dossierId})`;

/**
 * PostgreSQL: the same two reads as `findFeeAndPayments`, as one value another module's statement
 * selects (db/alongside.ts), `dossierId` being that statement's expression of the dossier's id.
 */
export function feeAndPaymentsJsonOf(dossierId: RawBuilder<string>): RawBuilder<[DossierFeeTable | null, PaymentTable[]]> {
  return sql<[DossierFeeTable | null, PaymentTable[]]>`json_build_array(${feeJsonOf(dossierId)}, ${paymentsJsonOf(dossierId)})`;
}

export async function findPayment(db: Exec, id: string): Promise<PaymentTable | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentByOrder(db: Exec, orderRef: string): Promise<PaymentTable | undefined> {
  return db.selectFrom('payments').selectAll().where('order_ref', '=', orderRef).executeTakeFirst();
}

/** The rows of a batch order (several dossiers paid at once): order references `<batch>.<n>`. */
export async function listBatch(db: Exec, batch: string): Promise<PaymentTable[]> {
  return db.selectFrom('payments').selectAll().where('order_ref', 'like', `${batch}.%`).orderBy('order_ref').execute();
}

/** Inserts a payment unless one with the same order reference exists (a re-imported statement). */
export async function insertPayment(db: Exec, row: PaymentTable): Promise<boolean> {
  const r = await db.insertInto('payments').values(row).onConflict((oc) => oc.column('order_ref').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Settles a pending order once: only the first notification that finds it pending changes it, so
 * a replayed or concurrent IPN gets "already confirmed".
 */
export async function settlePending(db: Exec, orderRef: string, set: { status: 'paid' | 'failed'; provider_ref: string | null; confirmed_at: string; receipt_no: string | null; data: string }): Promise<boolean> {
  const r = await db.updateTable('payments').set(set).where('order_ref', '=', orderRef).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function nextReceiptNo(db: Exec, unitCode: string, year: number): Promise<number> {
  const r = await db
    .insertInto('receipt_counters')
    .values({ unit_code: unitCode, year, n: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'year']).doUpdateSet((eb) => ({ n: eb('receipt_counters.n', '+', 1) })))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertImport(db: Exec, row: BankImportTable): Promise<void> {
  await db.insertInto('bank_imports').values(row).execute();
}

export async function insertLine(db: Exec, row: BankLineTable): Promise<void> {
  await db.insertInto('bank_lines').values(row).execute();
}

export async function listLines(db: Exec, o: { unitCode: string; importId?: string; statuses?: string[]; limit?: number }): Promise<BankLineTable[]> {
  let q = db.selectFrom('bank_lines').selectAll().where('unit_code', '=', o.unitCode);
  if (o.importId) q = q.where('import_id', '=', o.importId);
  if (o.statuses?.length) q = q.where('status', 'in', o.statuses);
  return q.orderBy('import_id', 'desc').orderBy('line_no').limit(o.limit ?? 500).execute();
}

export async function findLine(db: Exec, id: string): Promise<BankLineTable | undefined> {
  return db.selectFrom('bank_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateLine(db: Exec, id: string, set: Partial<BankLineTable>): Promise<void> {
  await db.updateTable('bank_lines').set(set).where('id', '=', id).execute();
}

export async function listImports(db: Exec, unitCode: string, limit = 20): Promise<BankImportTable[]> {
  return db.selectFrom('bank_imports').selectAll().where('unit_code', '=', unitCode).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Confirmed payments of a unit in a period, for the online-payment indicator. */
export async function paidInPeriod(db: Exec, unitCode: string, from: string, to: string): Promise<Array<{ dossier_id: string; online: number; amount: number }>> {
  return db
    .selectFrom('payments')
    .select(['dossier_id', 'online', 'amount'])
    .where('unit_code', '=', unitCode)
    .where('status', '=', 'paid')
    .where('confirmed_at', '>=', from)
    .where('confirmed_at', '<', to)
    .execute();
}

export async function feesInPeriod(db: Exec, unitCode: string, from: string, to: string): Promise<Array<{ dossier_id: string; amount: number; gross: number }>> {
  return db
    .selectFrom('dossier_fees')
    .select(['dossier_id', 'amount', 'gross'])
    .where('unit_code', '=', unitCode)
    .where('assessed_at', '>=', from)
    .where('assessed_at', '<', to)
    .execute();
}

/**
 * What the online-payment indicator reads (src/indicator): fees assessed and payments confirmed
 * for the dossiers of some units between `since` and `to`. Each row carries its own time, so a
 * reader can take the facts as they stood at any instant.
 */
/**
 * The same facts as a query for another module's SQL (the indicators count in the database): the
 * dossiers of `unitCodes` that owe a fee at `to` — a fee above 0 assessed, or a payment above 0
 * confirmed, in [since, to) — or, with `onlineOnly`, that paid above 0 online in [since, to).
 */
export function feeDossiersQuery(db: Exec, q: { unitCodes: string[]; since: string; to: string; onlineOnly?: boolean }) {
  const paid = db
    .selectFrom('payments')
    .select('dossier_id')
    .where('unit_code', 'in', q.unitCodes)
    .where('status', '=', 'paid')
    .where('confirmed_at', '>=', q.since)
    .where('confirmed_at', '<', q.to)
    .where('amount', '>', 0);
  if (q.onlineOnly) return paid.where('online', '=', 1);
  return db
    .selectFrom('dossier_fees')
    .select('dossier_id')
    .where('unit_code', 'in', q.unitCodes)
    .where('assessed_at', '>=', q.since)
    .where('assessed_at', '<', q.to)
    .where('amount', '>', 0)
    .unionAll(paid);
}

export async function paymentFacts(
  db: Exec,
  q: { unitCodes: string[]; since: string; to: string },
): Promise<{ fees: Array<{ dossierId: string; amount: number; at: string }>; paid: Array<{ dossierId: string; amount: number; online: boolean; at: string }> }> {
  if (!q.unitCodes.length) return { fees: [], paid: [] };
  const fees = await db
    .selectFrom('dossier_fees')
    .select(['dossier_id', 'amount', 'assessed_at'])
    .where('unit_code', 'in', q.unitCodes)
    .where('assessed_at', '>=', q.since)
    .where('assessed_at', '<', q.to)
    .execute();
  const paid = await db
    .selectFrom('payments')
    .select(['dossier_id', 'amount', 'online', 'confirmed_at'])
    .where('unit_code', 'in', q.unitCodes)
    .where('status', '=', 'paid')
    .where('confirmed_at', '>=', q.since)
    .where('confirmed_at', '<', q.to)
    .execute();
  return {
    fees: fees.map((f) => ({ dossierId: f.dossier_id, amount: f.amount, at: f.assessed_at })),
    paid: paid.map((p) => ({ dossierId: p.dossier_id, amount: p.amount, online: p.online === 1, at: p.confirmed_at! })),
  };
}
