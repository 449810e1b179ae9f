import type { Kysely, Transaction } from 'kysely';
import type { DB, OutboxTable } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

export async function insertOutbox(db: Exec, row: OutboxTable): Promise<boolean> {
  const r = await db
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listOutbox(db: Exec, opts: { recipient?: string; dossierCode?: string; limit?: number } = {}): Promise<OutboxTable[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (opts.recipient) q = q.where('recipient', '=', opts.recipient);
  if (opts.dossierCode) q = q.where('dossier_code', '=', opts.dossierCode);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 100).execute();
}
