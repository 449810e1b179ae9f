import { createHash } from 'node:crypto';
import pg from 'pg';

/** The first key of every motcua advisory lock ("motc"): the second names the lock. */
const NAMESPACE = 0x6d6f7463;

/** The two 32-bit keys of a lock's name (pg_try_advisory_lock(int, int)). */
export function lockKeys(name: string): [number, number] {
  return [NAMESPACE, createHash('sha256').update(name).digest().readInt32BE(0)];
}

/**
 * PostgreSQL session advisory locks on a connection of their own, outside the pool: a lock is
 * held while its holder works with the pool (a job's run may take minutes, and must not keep one
 * of the pool's connections from the requests), and a process that dies loses its connection and
 * so its locks — nothing to expire or clean up. Connected at the first use.
 *
 * A session lock is re-entrant in its session: this process could take the same lock twice. Names
 * held here are kept in `held`, so a second take in the same process is refused like one from
 * another process.
 */
export class AdvisoryLocks {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly held = new Set<string>();
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string) {}

  /** True if this process now holds `name`; false if anyone (this process included) holds it. */
  async tryLock(name: string): Promise<boolean> {
    if (this.closed || this.held.has(name)) return false;
    this.held.add(name);
    try {
      const r = await this.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', lockKeys(name));
      if (r.rows[0]?.ok) return true;
    } catch (err) {
      this.drop(); // a broken connection: its locks are gone with it; the next take reconnects
      this.held.delete(name);
      throw err;
    }
    this.held.delete(name);
    return false;
  }

  async unlock(name: string): Promise<void> {
    if (!this.held.delete(name)) return;
    try {
      if (this.client) await this.query('select pg_advisory_unlock($1, $2)', lockKeys(name));
    } catch {
      // Could not say so: closing the connection releases every lock it held.
      this.drop();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    this.connecting = undefined;
    this.held.clear();
    await c?.end().catch(() => undefined);
  }

  /** One statement at a time on the connection (the jobs' timers may fire together). */
  private query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    const run = this.queue.then(async () => (await this.connection()).query<R>(text, values));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const c = new pg.Client({ connectionString: this.url, application_name: 'motcua locks' });
      // A connection cut by the server (restart, failover) is replaced at the next take.
      c.on('error', () => this.drop());
      await c.connect();
      this.client = c;
      return c;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private drop(): void {
    const c = this.client;
    this.client = undefined;
    this.held.clear();
    void c?.end().catch(() => undefined);
  }
}
