import { sql } from 'kysely';
import type { Db } from '../db/connection';
import type { RateLimitStore } from '../shared/rate-limit';

/**
 * Request budgets in the database (table rate_limits, migration 038), so that every process on
 * one PostgreSQL counts against the same budget: ten failed sign-ins per five minutes from an address
 * are ten whichever processes the load balancer sent them to.
 *
 * - Small budgets (sign-ins, dossier proofs, the rating tablet, queue tickets: at most
 *   `exactUpTo` hits per window) are counted in the table at every hit, with one atomic upsert
 *   (INSERT … ON CONFLICT DO UPDATE … RETURNING): exact across processes, even for parallel hits.
 * - Large budgets (the 300-a-minute flood guard on every request) are counted in memory and added
 *   to the table once per `flushMs`, all keys in one statement; between two flushes a process
 *   sees its own hits at once and the others' as of its last flush. So the hot path of every
 *   request costs no query, and a flood is still stopped across processes within about a second.
 *
 * Windows are fixed (they start at the key's first hit, like the in-memory store). Rows whose
 * window ended are deleted every `pruneMs` by whichever process counts then.
 */
export interface DbRateLimitOptions {
  /** Budgets up to this many hits are counted exactly in the table (default 100). */
  exactUpTo?: number;
  /** How often the large budgets' hits are added to the table (default 1,000 ms). */
  flushMs?: number;
  /** How often ended windows are deleted (default 60 s). */
  pruneMs?: number;
  log?: (msg: string) => void;
}

interface Local {
  /** Hits of all processes as of the last flush. */
  base: number;
  /** This process's hits since the last flush. */
  pending: number;
  resetAt: number;
  windowMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class DbRateLimitStore implements RateLimitStore {
  private readonly local = new Map<string, Local>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private prunedAt = 0;
  private readonly exactUpTo: number;
  private readonly flushMs: number;
  private readonly pruneMs: number;

  constructor(
    private readonly db: Db,
    private readonly opts: DbRateLimitOptions = {},
  ) {
    this.exactUpTo = opts.exactUpTo ?? 100;
    this.flushMs = opts.flushMs ?? 1_000;
    this.pruneMs = opts.pruneMs ?? 60_000;
  }

  async hit(key: string, windowMs: number, nowMs: number, max?: number): Promise<{ count: number; resetAt: number }> {
    this.prune(nowMs);
    if (max !== undefined && max > this.exactUpTo) return this.hitLocal(key, windowMs, nowMs);
    const [r] = await this.add([{ key, n: 1, windowMs }], nowMs);
    return { count: r!.count, resetAt: r!.resetAt };
  }

  /** Adds hits to keys in one atomic statement: each key's count in its window, and when that window ends. */
  private async add(rows: Array<{ key: string; n: number; windowMs: number }>, nowMs: number): Promise<Array<{ key: string; count: number; resetAt: number }>> {
    const now = iso(nowMs);
    const out = await this.db
      .insertInto('rate_limits')
      .values(rows.map((r) => ({ key: r.key, count: r.n, reset_at: iso(nowMs + r.windowMs) })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // A window that has ended starts again with these hits.
          count: sql`CASE WHEN rate_limits.reset_at <= ${now} THEN excluded.count ELSE rate_limits.count + excluded.count END`,
          reset_at: sql`CASE WHEN rate_limits.reset_at <= ${now} THEN excluded.reset_at ELSE rate_limits.reset_at END`,
        }),
      )
      .returning(['key', 'count', 'reset_at'])
      .execute();
    return out.map((r) => ({ key: r.key, count: Number(r.count), resetAt: Date.parse(r.reset_at) }));
  }

  /** Only the exact (small) budgets are refunded: the failure budgets are among them. */
  async refund(key: string, nowMs: number): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ count: sql`count - 1` })
      .where('key', '=', key)
      .where('reset_at', '>', iso(nowMs))
      .where('count', '>', 0)
      .execute();
  }

  private hitLocal(key: string, windowMs: number, nowMs: number): { count: number; resetAt: number } {
    let e = this.local.get(key);
    if (!e || e.resetAt <= nowMs) {
      // A new window here; the flush learns whether other processes already began one.
      e = { base: 0, pending: 0, resetAt: nowMs + windowMs, windowMs };
      this.local.set(key, e);
    }
    e.pending++;
    this.schedule();
    return { count: e.base + e.pending, resetAt: e.resetAt };
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs);
    this.timer.unref();
  }

  /** Adds every key's pending hits to the table and learns the totals of all processes. */
  async flush(nowMs = Date.now()): Promise<void> {
    if (this.flushing) await this.flushing;
    const rows: Array<{ key: string; n: number; windowMs: number }> = [];
    for (const [key, e] of this.local) {
      if (e.pending > 0) rows.push({ key, n: e.pending, windowMs: e.windowMs });
      else if (e.resetAt <= nowMs) this.local.delete(key);
    }
    if (!rows.length) return;
    for (const r of rows) this.local.get(r.key)!.pending -= r.n;
    this.flushing = (async () => {
      try {
        // One statement per 500 keys (a flood of distinct addresses stays a few statements).
        for (let i = 0; i < rows.length; i += 500) {
          for (const r of await this.add(rows.slice(i, i + 500), nowMs)) {
            const e = this.local.get(r.key);
            if (e) {
              e.base = r.count;
              e.resetAt = r.resetAt;
            }
          }
        }
      } catch (err) {
        // Counted here still; the table learns them at the next flush.
        for (const r of rows) {
          const e = this.local.get(r.key);
          if (e) e.pending += r.n;
        }
        this.opts.log?.(`Không ghi được bộ đếm giới hạn truy cập vào cơ sở dữ liệu: ${(err as Error).message}`);
        this.schedule();
      }
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  private prune(nowMs: number): void {
    if (nowMs - this.prunedAt < this.pruneMs) return;
    this.prunedAt = nowMs;
    this.db
      .deleteFrom('rate_limits')
      .where('reset_at', '<', iso(nowMs))
      .execute()
      .catch(() => undefined);
  }

  /** Adds what is still pending (at shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush().catch(() => undefined);
  }
}

/**
 * The same store for @fastify/rate-limit (its `store` option takes a class): each route's limit
 * counts under its own prefix (method and route pattern), the global one under "http:".
 */
export function fastifyRateLimitStore(store: RateLimitStore, now: () => number = Date.now) {
  return class SharedRateLimitStore {
    prefix = 'http:';
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      const t = now();
      store.hit(this.prefix + key, timeWindow, t, max).then(
        (r) => cb(null, { current: r.count, ttl: Math.max(0, r.resetAt - t) }),
        (e: Error) => cb(e),
      );
    }
    child(routeOptions: object): SharedRateLimitStore {
      const c = new SharedRateLimitStore();
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      c.prefix = `http:${[r?.method ?? ''].flat().join(',')}${r?.url ?? ''}:`;
      return c;
    }
  };
}
