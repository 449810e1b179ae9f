import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from '../db/connection';

/**
 * How the processes on one database tell each other what changed (issue 16): "the catalogue
 * changed", "a ticket was called at unit 00004", "these dossiers changed". A message is a small
 * JSON value under a topic; it goes to every OTHER process (the one that made the change has
 * already dealt with it) within milliseconds. Delivery is best effort: a process that was cut off
 * from the database is told `resync` when it is back (it may have missed messages, so it drops
 * what it cached), and the caches keep their own time limits as a last resort.
 *
 * PostgreSQL: LISTEN/NOTIFY on one channel, a dedicated connection per process to listen (opened
 * again after a failover or a restart of the server, with backoff) and the pool to send. SQLite:
 * one process serves a database file, and the others that write to it (one-off commands,
 * `motcua worker`) are noticed by the file's change counter (`SqliteWatch`, cluster.sqlite.ts);
 * a database in memory has nobody to tell (`localOnly`).
 */
export interface Broadcast {
  /** Tells the other processes. Never throws, never waits (a failure is logged). */
  publish(topic: string, message: unknown): void;
  /** Messages of `topic` from the other processes; `null` when it was too big to send (assume everything changed). Returns the unsubscribe. */
  on(topic: string, fn: (message: unknown) => void): () => void;
  /** Called when the listening connection is back after a loss: messages may have been missed. */
  onResync(fn: () => void): () => void;
  /** Starts listening (serving processes; a one-off command only publishes). */
  listen(): Promise<void>;
  /** Whether messages from the others arrive now (false while reconnecting, or never for SQLite). */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** The channel every motcua process listens on (one per database). */
export const CHANNEL = 'motcua_events';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;

type Handler = (message: unknown) => void;

/** The subscribers of a process, by topic, and those told to start afresh (every backend keeps them alike). */
export class Handlers {
  private readonly byTopic = new Map<string, Set<Handler>>();
  private readonly resyncs = new Set<() => void>();

  on(topic: string, fn: Handler): () => void {
    let s = this.byTopic.get(topic);
    if (!s) this.byTopic.set(topic, (s = new Set()));
    s.add(fn);
    return () => s.delete(fn);
  }

  onResync(fn: () => void): () => void {
    this.resyncs.add(fn);
    return () => this.resyncs.delete(fn);
  }

  deliver(topic: string, message: unknown, log: (msg: string) => void): void {
    for (const fn of this.byTopic.get(topic) ?? []) {
      try {
        fn(message);
      } catch (e) {
        log(`Lỗi khi xử lý thông báo "${topic}" từ tiến trình khác: ${(e as Error).message}`);
      }
    }
  }

  resync(log: (msg: string) => void): void {
    for (const fn of this.resyncs) {
      try {
        fn();
      } catch (e) {
        log(`Lỗi khi làm mới bộ nhớ đệm sau khi kết nối lại: ${(e as Error).message}`);
      }
    }
  }
}

/** A SQLite database in memory (tests): nobody else can write to it, nothing to tell or hear. */
export function localOnly(): Broadcast {
  const handlers = new Handlers();
  return {
    publish: () => undefined,
    on: (topic, fn) => handlers.on(topic, fn),
    onResync: (fn) => handlers.onResync(fn),
    listen: async () => undefined,
    listening: false,
    close: async () => undefined,
  };
}

export interface PgBroadcastOptions {
  /** The connection string (the listening connection is opened from it). */
  url: string;
  /** The pool that sends (pg_notify). */
  db: Db;
  log?: (msg: string) => void;
  /** First and longest wait before connecting again (default 200 ms, 5 s). */
  retryMs?: { first: number; max: number };
}

export class PgBroadcast implements Broadcast {
  /** This process's mark on what it sends: its own messages come back to it and are ignored. */
  readonly origin = `${process.pid}-${randomBytes(6).toString('base64url')}`;
  private readonly handlers = new Handlers();
  private client: pg.Client | undefined;
  private closed = false;
  private wanted = false;
  private retry: NodeJS.Timeout | undefined;
  private wait: number;
  private lost = false;
  private connecting: Promise<void> | undefined;
  /** Messages being sent (closing waits for them: a one-off command's last change is told). */
  private readonly sending = new Set<Promise<unknown>>();
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: PgBroadcastOptions) {
    this.log = opts.log ?? (() => undefined);
    this.wait = opts.retryMs?.first ?? 200;
  }

  get listening(): boolean {
    return !!this.client && !this.lost;
  }

  publish(topic: string, message: unknown): void {
    if (this.closed) return;
    let payload = JSON.stringify({ o: this.origin, t: topic, m: message });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ o: this.origin, t: topic, big: 1 });
    const p = sql`select pg_notify(${CHANNEL}, ${payload})`
      .execute(this.opts.db)
      .catch((e: Error) => this.log(`Không gửi được thông báo "${topic}" cho các tiến trình khác: ${e.message}`))
      .finally(() => this.sending.delete(p));
    this.sending.add(p);
  }

  on(topic: string, fn: Handler): () => void {
    return this.handlers.on(topic, fn);
  }

  onResync(fn: () => void): () => void {
    return this.handlers.onResync(fn);
  }

  /** Resolves once listening, or after the first failure (then it keeps trying in the background). */
  async listen(): Promise<void> {
    if (this.closed || this.wanted) return this.connecting;
    this.wanted = true;
    this.connecting = this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.opts.url, application_name: 'motcua-listen' });
    let dropped = false;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.closed) return;
      if (!this.lost) this.log(`Mất kết nối nhận thông báo giữa các tiến trình (${why}); đang kết nối lại…`);
      this.lost = true;
      this.schedule();
    };
    client.on('error', (e) => drop(e.message));
    client.on('end', () => drop('kết nối đã đóng'));
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let m: { o?: string; t?: string; m?: unknown; big?: number };
      try {
        m = JSON.parse(n.payload);
      } catch {
        return;
      }
      if (m.o === this.origin || typeof m.t !== 'string') return;
      this.handlers.deliver(m.t, m.big ? null : m.m, this.log);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      drop((e as Error).message);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.wait = this.opts.retryMs?.first ?? 200;
    if (this.lost) {
      this.lost = false;
      this.log('Đã kết nối lại kênh thông báo giữa các tiến trình; làm mới bộ nhớ đệm.');
      // Whatever was said while this process was not listening is lost: start afresh.
      this.handlers.resync(this.log);
    }
  }

  private schedule(): void {
    if (this.retry || this.closed) return;
    const wait = this.wait;
    this.wait = Math.min(this.wait * 2, this.opts.retryMs?.max ?? 5_000);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, wait);
    this.retry.unref();
  }

  /** The listening connection's server-side process id (tests cut it with pg_terminate_backend). */
  backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  async close(): Promise<void> {
    await Promise.race([Promise.allSettled([...this.sending]), new Promise((r) => setTimeout(r, 2_000).unref())]);
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('notification');
      await c.end().catch(() => undefined);
    }
  }
}
