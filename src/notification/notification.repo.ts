import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { DB, NotificationPrefsTable, NotificationTemplateTable, OauthTokenTable, OutboxTable } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

/** The message's INSERT, not run: a message already queued under its dedup key is left as it is. */
export function outboxInsert(db: Exec, row: OutboxTable) {
  return db
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedup_key').doNothing());
}

export async function insertOutbox(db: Exec, row: OutboxTable): Promise<boolean> {
  const r = await outboxInsert(db, row).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface OutboxFilter {
  recipient?: string;
  dossierCode?: string;
  unitCode?: string;
  status?: string;
  channel?: string;
  deliveredVia?: string;
  limit?: number;
}

export async function listOutbox(db: Exec, opts: OutboxFilter = {}): Promise<OutboxTable[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (opts.recipient) q = q.where('recipient', '=', opts.recipient);
  if (opts.dossierCode) q = q.where('dossier_code', '=', opts.dossierCode);
  if (opts.unitCode) q = q.where('unit_code', '=', opts.unitCode);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.channel) q = q.where('channel', '=', opts.channel);
  if (opts.deliveredVia) q = q.where('delivered_via', '=', opts.deliveredVia);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 100).execute();
}

export async function findOutbox(db: Exec, id: string): Promise<OutboxTable | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countOutboxByStatus(db: Exec, unitCode?: string): Promise<Record<string, number>> {
  let q = db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (unitCode) q = q.where('unit_code', '=', unitCode);
  const rows = await q.groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

// ------------------------------------------------------------------ claiming and marking

/**
 * Claims up to `limit` due messages for one worker: the due ones (pending, next attempt reached)
 * and those whose lease ran out (a worker died holding them), marked 'sending' under this
 * worker's lease in the same statement.
 *
 * PostgreSQL, a worker in every process: the candidates are locked FOR UPDATE SKIP LOCKED, so
 * concurrent workers take disjoint batches at once instead of queueing on the same rows (without
 * it, the second worker's UPDATE waited for the first's locks, then found the rows taken, and
 * its round came back empty). SQLite runs one writer at a time: candidates are read, then taken
 * with an UPDATE that re-checks the condition. Either way a row is claimed by one worker only.
 */
export async function claimDue(db: Exec, o: { owner: string; now: string; leaseUntil: string; channels: string[]; limit: number }): Promise<OutboxTable[]> {
  if (!o.channels.length) return [];
  const claim = (ids: string[] | SelectQueryBuilder<DB, 'outbox', { id: string }>) =>
    db
      .updateTable('outbox')
      .set({ status: 'sending', lease_owner: o.owner, lease_until: o.leaseUntil, attempts: sql<number>`attempts + 1`, updated_at: o.now })
      // ARRAY(subquery): evaluated once. `id IN (subquery)` may be planned as a join that runs the
      // locking subquery again for every row scanned, each time taking the next rows: one worker
      // then claims the whole backlog, whatever its LIMIT (seen: 950 of 1,000 in one round).
      .where(Array.isArray(ids) ? sql<boolean>`id in (${sql.join(ids)})` : sql<boolean>`id = any(array(${ids}))`)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', o.now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', o.now)]),
        ]),
      )
      .returningAll()
      .execute();
  const due = (q: SelectQueryBuilder<DB, 'outbox', { id: string }>) => q.where('status', '=', 'pending').where('next_attempt_at', '<=', o.now).where('channel', 'in', o.channels).orderBy('next_attempt_at');
  const expired = (q: SelectQueryBuilder<DB, 'outbox', { id: string }>) => q.where('status', '=', 'sending').where('lease_until', '<', o.now).where('channel', 'in', o.channels).orderBy('lease_until');

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const got = await claim(due(db.selectFrom('outbox').select('id')).limit(o.limit).forUpdate().skipLocked());
    if (got.length >= o.limit) return got;
    return [...got, ...(await claim(expired(db.selectFrom('outbox').select('id')).limit(o.limit - got.length).forUpdate().skipLocked()))];
  }
  const ids = (await due(db.selectFrom('outbox').select('id')).limit(o.limit).execute()).map((r) => r.id);
  if (ids.length < o.limit) ids.push(...(await expired(db.selectFrom('outbox').select('id')).limit(o.limit - ids.length).execute()).map((r) => r.id));
  return ids.length ? claim(ids) : [];
}

/**
 * Marks several messages sent in one statement (the worker's marks gathered while the previous
 * one ran), each only if this worker still holds it, each with its own transport and reference.
 */
export async function markSentMany(db: Exec, owner: string, now: string, sent: Array<{ id: string; via: string; providerRef: string | null }>): Promise<number> {
  if (!sent.length) return 0;
  const byId = (pick: (s: (typeof sent)[number]) => string | null) =>
    sql<string | null>`case ${sql.ref('id')} ${sql.join(sent.map((s) => sql`when ${s.id} then ${pick(s)}`), sql` `)} else null end`;
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, delivered_via: byId((s) => s.via), provider_ref: byId((s) => s.providerRef), lease_owner: null, lease_until: null, last_error: null, updated_at: now })
    .where('id', 'in', sent.map((s) => s.id))
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Back to pending for a later attempt, or dead when attempts are used up. */
export async function markFailed(db: Exec, id: string, owner: string, o: { now: string; error: string; dead: boolean; nextAttemptAt: string }): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: o.dead ? 'dead' : 'pending', last_error: o.error.slice(0, 1000), next_attempt_at: o.nextAttemptAt, lease_owner: null, lease_until: null, updated_at: o.now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives a held message back untouched (a worker stopping before it could send). */
export async function release(db: Exec, id: string, owner: string, now: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', lease_owner: null, lease_until: null, attempts: sql<number>`attempts - 1`, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute();
}

/** A dead (or waiting) message goes again now, with a fresh count of attempts. */
export async function requeue(db: Exec, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_owner: null, lease_until: null, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'pending'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ------------------------------------------------------------------ templates, preferences, tokens

export async function listTemplates(db: Exec, unitCode: string): Promise<NotificationTemplateTable[]> {
  return db.selectFrom('notification_templates').selectAll().where('unit_code', '=', unitCode).execute();
}

export async function upsertTemplate(db: Exec, row: NotificationTemplateTable): Promise<void> {
  await db
    .insertInto('notification_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'event', 'channel', 'language']).doUpdateSet({ subject: row.subject, body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteTemplate(db: Exec, k: { unit_code: string; event: string; channel: string; language: string }): Promise<void> {
  await db
    .deleteFrom('notification_templates')
    .where('unit_code', '=', k.unit_code)
    .where('event', '=', k.event)
    .where('channel', '=', k.channel)
    .where('language', '=', k.language)
    .execute();
}

/** PostgreSQL: the phone's row as JSON text (null: none), a subquery for another statement to select. */
export function prefsJsonOf(phone: string) {
  return sql<string | null>`(select row_to_json(p)::text from notification_prefs p where p.phone = ${phone})`;
}

export async function findPrefs(db: Exec, phone: string): Promise<NotificationPrefsTable | undefined> {
  return db.selectFrom('notification_prefs').selectAll().where('phone', '=', phone).executeTakeFirst();
}

/** The phones whose messages go to this Zalo follower. */
export async function phonesOfZaloUser(db: Exec, zaloUserId: string): Promise<string[]> {
  if (!zaloUserId) return [];
  return (await db.selectFrom('notification_prefs').select('phone').where('zalo_user_id', '=', zaloUserId).execute()).map((r) => r.phone);
}

export async function upsertPrefs(db: Exec, row: NotificationPrefsTable): Promise<void> {
  const { phone: _p, ...rest } = row;
  await db.insertInto('notification_prefs').values(row).onConflict((oc) => oc.column('phone').doUpdateSet(rest)).execute();
}

/**
 * The unit's name for the {unit} placeholder. Units are reference data every module shows; the
 * read goes through the caller's transaction because SQLite has one connection, which that
 * transaction holds.
 */
export async function unitName(db: Exec, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('units').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name;
}

export async function findToken(db: Exec, provider: string): Promise<OauthTokenTable | undefined> {
  return db.selectFrom('oauth_tokens').selectAll().where('provider', '=', provider).executeTakeFirst();
}

export async function insertTokenIfAbsent(db: Exec, row: OauthTokenTable): Promise<void> {
  await db.insertInto('oauth_tokens').values(row).onConflict((oc) => oc.column('provider').doNothing()).execute();
}

/** Stores refreshed tokens if nobody else did since `version` was read. */
export async function swapToken(db: Exec, provider: string, version: number, set: { access_token: string; refresh_token: string; expires_at: string; updated_at: string }): Promise<boolean> {
  const r = await db
    .updateTable('oauth_tokens')
    .set({ ...set, version: version + 1 })
    .where('provider', '=', provider)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The outbox's unsent part, for /metrics (see `outboxBacklog` in notification.service.ts). */
export interface OutboxBacklog {
  /** Waiting for a worker (pending) or being sent (sending). */
  pending: number;
  sending: number;
  /** Pending and due now: what a running worker would take at once. */
  due: number;
  /** Pending after at least one failed attempt (waiting for a retry). */
  retrying: number;
  /** Given up after NOTIFY_MAX_ATTEMPTS (an official may resend them). */
  dead: number;
  /** When the oldest pending message was queued (null: none pending). */
  oldestPendingAt: string | null;
}

/**
 * One grouped read over the statuses that are not "sent", through the (status, next_attempt_at)
 * index: the sent messages, nearly the whole table, are never counted.
 */
export async function outboxBacklog(db: Exec, now: string): Promise<OutboxBacklog> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('next_attempt_at', '<=', now).then(1).else(0).end()).as('due'),
      eb.fn.sum<number>(eb.case().when('last_error', 'is not', null).then(1).else(0).end()).as('failed'),
      eb.fn.min<string>('created_at').as('oldest'),
    ])
    .where('status', 'in', ['pending', 'sending', 'dead'])
    .groupBy('status')
    .execute();
  const by = new Map(rows.map((r) => [r.status, r]));
  const p = by.get('pending');
  return {
    pending: Number(p?.n ?? 0),
    sending: Number(by.get('sending')?.n ?? 0),
    due: Number(p?.due ?? 0),
    retrying: Number(p?.failed ?? 0),
    dead: Number(by.get('dead')?.n ?? 0),
    oldestPendingAt: p?.oldest ?? null,
  };
}

// ------------------------------------------------------------------ delivery reports, erasure

/** Status and last error of the messages with these de-duplication keys. */
export async function statesByDedupKey(db: Exec, keys: string[]): Promise<Array<Pick<OutboxTable, 'dedup_key' | 'status' | 'last_error' | 'channel'>>> {
  if (!keys.length) return [];
  return db.selectFrom('outbox').select(['dedup_key', 'status', 'last_error', 'channel']).where('dedup_key', 'in', keys).execute();
}

/** The gateway reported that a message it had taken never reached the handset: dead, not retried. */
export async function markUndelivered(db: Exec, id: string, o: { now: string; error: string }): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'dead', last_error: o.error.slice(0, 1000), lease_owner: null, lease_until: null, updated_at: o.now })
    .where('id', '=', id)
    .where('channel', '=', 'sms')
    .where('status', 'in', ['sent', 'sending', 'pending'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Personal data out of the outbox: messages not sent yet are removed, the others keep their record
 * (channel, event, status, times) without recipient or text.
 */
export async function forgetByDedupPrefix(db: Exec, prefix: string, now: string): Promise<number> {
  // substr, not LIKE: no wildcard to escape, the same on both engines.
  const starts = sql<boolean>`substr(dedup_key, 1, ${prefix.length}) = ${prefix}`;
  await db.deleteFrom('outbox').where(starts).where('status', '=', 'pending').execute();
  const r = await db.updateTable('outbox').set({ recipient: '', body: '(đã xóa dữ liệu cá nhân)', subject: '', updated_at: now }).where(starts).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
