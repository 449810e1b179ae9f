import type { ChangeFeed } from '../db/changes';

/** How long another server's deletion of finished dossiers can take to show in this one's counts. */
export const CLOSED_OVER_TTL_MS = 5 * 60_000;

/**
 * The closed tab's filters (units, procedures, status, channel) known to hold more than the count
 * shows ("hơn 10.000"), so that a page does not count 10,001 finished dossiers again to say the
 * same (issue 16: ~1.9 ms of PostgreSQL's CPU on every worklist page and name search of a busy
 * unit, the largest part of a search's).
 *
 * Why it stays true: a finished dossier never opens again (no action starts from a closed status,
 * dossier.rules.ts) and keeps its unit, procedure and channel; the code deletes no dossier but
 * drafts. So only deleting rows of the dossiers table other than drafts (or raw SQL writing to a
 * dossier table) can bring a unit back under the limit: `ChangeFeed` reports every such statement
 * of this process (`removed`), which forgets everything. Another server on the same database is not seen: a
 * fact also expires after `ttlMs`, which bounds how long its deletions take to show.
 */
export class ClosedOverLimit {
  private readonly over = new Map<string, number>();
  private removals = 0;
  /** Pages that skipped the count / counted (tests, benchmark). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    feed: ChangeFeed | undefined,
    private readonly opts: { ttlMs: number; capacity?: number; now?: () => number },
  ) {
    feed?.on((c) => {
      if (!c.removed) return;
      this.removals++;
      this.over.clear();
    });
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : performance.now();
  }

  /**
   * The bounded count of the filter `key` (`upTo` or less exact, more means "more than upTo"): from
   * memory when it was already over `upTo`, else `count()`, remembered when over.
   */
  async count(filter: string, upTo: number, count: () => Promise<number>): Promise<number> {
    const key = `${upTo} ${filter}`;
    const at = this.over.get(key);
    if (at !== undefined && this.now() - at <= this.opts.ttlMs) {
      this.stats.hits++;
      return upTo + 1;
    }
    this.stats.misses++;
    const token = this.removals;
    const n = await count();
    // A deletion while counting: the count may be from before it.
    if (n > upTo && token === this.removals) {
      if (this.over.size >= (this.opts.capacity ?? 10_000)) this.over.clear();
      this.over.set(key, this.now());
    }
    return n;
  }
}
