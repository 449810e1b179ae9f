import { hostname } from 'node:os';
import type { Db } from '../db/connection';
import type { OutboxTable } from '../db/schema';
import type { Clock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import * as repo from './notification.repo';
import { DeliveryError, type Transport } from './notification.transports';
import type { Channel } from './notification.types';

export interface WorkerOptions {
  /** Messages claimed per round. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** How long a claimed message is this worker's; longer than a send can take (20 s timeout). */
  leaseMs: number;
  /** Attempts before a message is dead (dead-letter, shown to staff for a resend). */
  maxAttempts: number;
  /** First retry delay; doubled at each attempt, with ±20% jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Pause between rounds when there was nothing to do. */
  pollMs: number;
  /** Identifies this worker in the leases (host:pid:random by default). */
  owner?: string;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Test seams: run around each provider call (to simulate a crash between send and mark). */
  hooks?: { beforeSend?: (msg: OutboxTable) => Promise<void> | void; afterSend?: (msg: OutboxTable) => Promise<void> | void };
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  batchSize: 50,
  concurrency: 8,
  leaseMs: 120_000,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 6 * 3600_000,
  pollMs: 1000,
};

export interface RoundResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
}

/** Delay before attempt n+1 after n failed ones: base × 2^(n−1), capped, ±20% jitter. */
export function backoffMs(attempts: number, base: number, max: number, random: () => number = Math.random): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Delivers the outbox. Any number of workers (in the web process, or `motcua worker`) may run on
 * the same database: a message is claimed by one of them with a lease (status 'sending',
 * lease_owner, lease_until), sent, then marked sent only by the worker that still holds it. A
 * worker killed mid-send leaves a lease that runs out; the message is claimed again and re-sent
 * with the same id, so nothing is lost, and a provider that de-duplicates by id (the SMS gateway's
 * "id", the e-mail's Message-ID) shows it once. A worker that stops cleanly finishes what it holds.
 */
export class NotificationWorker {
  readonly owner: string;
  private readonly opts: WorkerOptions;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly transports: Partial<Record<Channel, Transport>>,
    opts: Partial<WorkerOptions> = {},
  ) {
    this.opts = { ...DEFAULT_WORKER_OPTIONS, ...opts };
    this.owner = this.opts.owner ?? `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  }

  /** Channels this worker can deliver; messages of other channels wait for one that can. */
  get channels(): Channel[] {
    return Object.keys(this.transports) as Channel[];
  }

  /** One round: claim due messages, send them, record the outcome. */
  async runOnce(): Promise<RoundResult> {
    const now = this.clock.now();
    const claimed = await repo.claimDue(this.db, {
      owner: this.owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.opts.leaseMs).toISOString(),
      channels: this.channels,
      limit: this.opts.batchSize,
    });
    const result: RoundResult = { claimed: claimed.length, sent: 0, retried: 0, dead: 0 };
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const msg = claimed[next++]!;
        if (!this.running && this.loop) {
          // Stopping: give back what was not started.
          await repo.release(this.db, msg.id, this.owner, this.clock.now().toISOString());
          continue;
        }
        const outcome = await this.deliver(msg);
        result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, claimed.length) }, lane));
    return result;
  }

  private async deliver(msg: OutboxTable): Promise<'sent' | 'retried' | 'dead'> {
    const transport = this.transports[msg.channel as Channel]!;
    try {
      await this.opts.hooks?.beforeSend?.(msg);
      const r = await transport.send(msg);
      await this.opts.hooks?.afterSend?.(msg);
      await this.markSent({ id: msg.id, via: transport.name, providerRef: r.providerRef ?? null });
      return 'sent';
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const retryable = !(err instanceof DeliveryError) || err.retryable;
      const dead = !retryable || msg.attempts >= this.opts.maxAttempts;
      const now = this.clock.now();
      const next = new Date(now.getTime() + backoffMs(msg.attempts, this.opts.backoffBaseMs, this.opts.backoffMaxMs)).toISOString();
      await repo.markFailed(this.db, msg.id, this.owner, { now: now.toISOString(), error: err.message, dead, nextAttemptAt: dead ? now.toISOString() : next });
      this.opts.log?.(dead ? 'notification dead' : 'notification retry', { id: msg.id, requestId: msg.request_id ?? undefined, channel: msg.channel, attempts: msg.attempts, error: err.message });
      return dead ? 'dead' : 'retried';
    }
  }

  /** Sent messages waiting for their mark, and whether a mark is being written. */
  private marks: Array<{ id: string; via: string; providerRef: string | null; done: (e?: unknown) => void }> = [];
  private marking = false;

  /**
   * Marks a message sent, together with those that lanes sent while the previous mark was being
   * written: one statement for several messages under load, at once when idle. Resolves once its
   * own mark is written (a lane moves on only then, as before).
   */
  private markSent(m: { id: string; via: string; providerRef: string | null }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.marks.push({ ...m, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.marking) void this.writeMarks();
    });
  }

  private async writeMarks(): Promise<void> {
    this.marking = true;
    try {
      while (this.marks.length) {
        const batch = this.marks.splice(0);
        try {
          await repo.markSentMany(this.db, this.owner, this.clock.now().toISOString(), batch);
          for (const b of batch) b.done();
        } catch (e) {
          for (const b of batch) b.done(e ?? new Error('mark failed'));
        }
      }
    } finally {
      this.marking = false;
    }
  }

  /** Runs rounds until stopped: straight on while there is work, else every pollMs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let r: RoundResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };
        try {
          r = await this.runOnce();
        } catch (e) {
          this.opts.log?.('notification worker round failed', { error: e instanceof Error ? e.message : String(e) });
        }
        if (!this.running) break;
        if (r.claimed < this.opts.batchSize) await this.sleep(this.opts.pollMs);
      }
    })();
  }

  /** Nudges a sleeping worker (after a message was queued in this process). */
  wake(): void {
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = () => {
        clearTimeout(this.timer);
        this.wakeUp = undefined;
        resolve();
      };
      this.timer = setTimeout(() => this.wakeUp?.(), ms);
      this.timer.unref?.();
    });
  }

  /** Stops after the round in progress: messages being sent are finished and marked. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  get isRunning(): boolean {
    return this.running;
  }

  async close(): Promise<void> {
    await this.stop();
    for (const t of Object.values(this.transports)) await t?.close?.();
  }
}
