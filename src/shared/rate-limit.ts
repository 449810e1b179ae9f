/**
 * Request budgets (fixed windows) behind a small store interface: one process keeps them in
 * memory; several processes on one PostgreSQL database share a table (src/cluster: the
 * composition root passes that store where budgets are counted), and nothing else changes.
 */
export interface RateLimitStore {
  /**
   * Counts one hit of `key` in its current window of `windowMs`: the hits so far and when the
   * window ends. `max` (the budget) lets a shared store count large budgets more cheaply.
   */
  hit(key: string, windowMs: number, nowMs: number, max?: number): Promise<{ count: number; resetAt: number }>;
  /**
   * Gives back one hit of `key` in its current window (a budget that counts only failures: the
   * attempt that turned out well is not kept). Nothing when the window has ended or is empty.
   */
  refund(key: string, nowMs: number): Promise<void>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 100_000) {}

  async hit(key: string, windowMs: number, nowMs: number): Promise<{ count: number; resetAt: number }> {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= nowMs) {
      if (this.windows.size >= this.maxKeys) this.prune(nowMs);
      w = { count: 0, resetAt: nowMs + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetAt: w.resetAt };
  }

  async refund(key: string, nowMs: number): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.resetAt > nowMs && w.count > 0) w.count--;
  }

  private prune(nowMs: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= nowMs) this.windows.delete(k);
    // Still full (a flood of distinct keys): forget the oldest half rather than grow without end.
    if (this.windows.size >= this.maxKeys) {
      let n = Math.floor(this.maxKeys / 2);
      for (const k of this.windows.keys()) {
        if (n-- <= 0) break;
        this.windows.delete(k);
      }
    }
  }
}

export interface Budget {
  max: number;
  windowMs: number;
}

/** An error the error handler turns into 429 {error:{code:"rate_limited", message}} with Retry-After. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s budget; throws RateLimitedError when it is spent. */
  async take(key: string, budget: Budget): Promise<void> {
    const now = this.now();
    const { count, resetAt } = await this.store.hit(key, budget.windowMs, now, budget.max);
    if (count > budget.max) throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  }

  /**
   * A budget of failures (sign-ins): each attempt takes one try first, atomically, so parallel
   * attempts cannot slip past the count; `forgive` gives it back when the attempt succeeded.
   */
  async forgive(key: string): Promise<void> {
    await this.store.refund(key, this.now());
  }

  /**
   * Runs `attempt` against `key`'s budget of failures: the try is taken first (a spent budget
   * throws RateLimitedError before the attempt runs) and given back when the attempt succeeds.
   */
  async failuresOnly<T>(key: string, budget: Budget, attempt: () => Promise<T>): Promise<T> {
    await this.take(key, budget);
    const r = await attempt();
    await this.forgive(key);
    return r;
  }
}

/** How long to wait, as a person reads it: "45 giây", "4 phút" (rounded up: never shorter than the truth). */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 90 ? `${s} giây` : `${Math.ceil(s / 60)} phút`;
}

/** The message of a 429: the real wait, from the limiter. */
export const rateLimitedMessage = (retryAfterSeconds: number): string => `Bạn thao tác quá nhiều lần. Xin thử lại sau ${waitText(retryAfterSeconds)}.`;
