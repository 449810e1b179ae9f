import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connection';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import * as repo from './notification.repo';

export type Channel = 'sms' | 'email' | 'zalo';

export interface Notice {
  channel: Channel;
  recipient: string;
  event: string;
  body: string;
  subject?: string;
  dossierCode?: string;
  unitCode?: string;
  /** Same key, same message: a retried action never queues it twice. */
  dedupKey: string;
}

export interface OutboxMessage {
  id: string;
  channel: Channel;
  recipient: string;
  event: string;
  subject: string;
  body: string;
  dossierCode: string | null;
  status: string;
  createdAt: string;
}

/**
 * The outbox: every message to a citizen is written in the same transaction as the change that
 * causes it. Delivery (SMS gateway, SMTP, Zalo) with retries is the worker's job.
 */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Queue a message inside the caller's transaction. Returns false if it was already queued. */
  async enqueue(trx: Kysely<DB> | Transaction<DB>, n: Notice): Promise<boolean> {
    const now = this.clock.now().toISOString();
    return repo.insertOutbox(trx, {
      id: uuidv7(),
      channel: n.channel,
      recipient: n.recipient,
      event: n.event,
      subject: n.subject ?? '',
      body: n.body,
      dossier_code: n.dossierCode ?? null,
      unit_code: n.unitCode ?? null,
      dedup_key: n.dedupKey,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    });
  }

  async list(opts: { recipient?: string; dossierCode?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
    const rows = await repo.listOutbox(this.db, opts);
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      recipient: r.recipient,
      event: r.event,
      subject: r.subject,
      body: r.body,
      dossierCode: r.dossier_code,
      status: r.status,
      createdAt: r.created_at,
    }));
  }
}
