import type { ChangeFeed, DossierChange, WatchedTables } from '../db/changes';

/**
 * What was read or made from one dossier (its row, its files and history, a finished answer),
 * kept until the dossier changes. A tracking lookup then costs no query at all.
 *
 * Invalidation: `ChangeFeed` reports every write to a dossier's rows, from whatever code (see
 * db/changes.ts), when the statement runs and again when its transaction commits. A part read
 * while any write happened is not kept (the `writes` counter moved): it may mix old and new data.
 * Entries also expire after `ttlMs`, which bounds how long a change made by another server on the
 * same database (which this process cannot see) or a catalogue rename can take to show.
 *
 * The cache never decides who may see a dossier: callers check the proof (phone, signed link,
 * session) on every request, against the cached row, before using any cached part.
 */
/** The dossier module's tables that make up a dossier's answers: every `dossier*` one but the day counter. */
export const DOSSIER_TABLES: WatchedTables = { prefixes: ['dossier'], except: ['dossier_counters'] };

interface Entry {
  id: string;
  code: string | null;
  at: number;
  parts: Map<string, unknown>;
}

export class DossierCache {
  private readonly byRef = new Map<string, Entry>();
  private entries = 0;
  private writes = 0;
  /** Parts served from memory / read from the database (tests, benchmark). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    feed: ChangeFeed | undefined,
    private readonly opts: { ttlMs: number; capacity?: number; now?: () => number },
  ) {
    feed?.watch(DOSSIER_TABLES);
    feed?.on((c) => this.changed(c));
  }

  get enabled(): boolean {
    return this.opts.ttlMs > 0;
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : performance.now();
  }

  private changed(c: DossierChange): void {
    this.writes++;
    if (!c.keys) {
      this.byRef.clear();
      this.entries = 0;
      return;
    }
    for (const k of c.keys) this.drop(k);
  }

  private drop(ref: string): void {
    const e = this.byRef.get(ref);
    if (!e) return;
    this.byRef.delete(e.id);
    if (e.code) this.byRef.delete(e.code);
    this.entries--;
  }

  private entry(ref: string): Entry | undefined {
    const e = this.byRef.get(ref);
    if (!e) return undefined;
    if (this.now() - e.at > this.opts.ttlMs) {
      this.drop(ref);
      return undefined;
    }
    return e;
  }

  /** A part already cached, or undefined: for callers that can skip making `load` on a hit. */
  peek<T>(ref: string, name: string): T | undefined {
    if (!this.enabled) return undefined;
    const hit = this.entry(ref)?.parts.get(name);
    if (hit !== undefined) this.stats.hits++;
    return hit as T | undefined;
  }

  /**
   * A part of a dossier's cached data (`load` when absent). `ref` is the dossier's id or code;
   * `ids` gives both, for the entry to be found by either (and dropped by a change naming either).
   * `also`: other parts that came with the value (read by the same statement), kept with it on the
   * same terms.
   */
  async part<T>(ref: string, name: string, load: () => Promise<T>, ids?: (v: T) => { id: string; code: string | null } | undefined, also?: () => Array<[string, unknown]>): Promise<T> {
    if (!this.enabled) return load();
    const hit = this.entry(ref)?.parts.get(name);
    if (hit !== undefined) {
      this.stats.hits++;
      return hit as T;
    }
    this.stats.misses++;
    const token = this.writes;
    const v = await load();
    if (token !== this.writes || v === undefined) return v;
    let e = this.entry(ref);
    if (!e) {
      const who = ids ? ids(v) : undefined;
      if (!who) return v;
      e = { id: who.id, code: who.code, at: this.now(), parts: new Map() };
      if (this.entries >= (this.opts.capacity ?? 20_000)) {
        this.byRef.clear();
        this.entries = 0;
      }
      this.byRef.set(who.id, e);
      if (who.code) this.byRef.set(who.code, e);
      this.entries++;
    }
    e.parts.set(name, v);
    if (also) for (const [n, p] of also()) e.parts.set(n, p);
    return v;
  }

  /** Dossiers cached now (for tests and the benchmark's report). */
  get size(): number {
    return this.entries;
  }
}
