import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { Handlers, type Broadcast } from './cluster.bus';

/**
 * SQLite: one server process per database file, but not the only writer. The one-off commands
 * (`motcua import-tthc`, `catalog-import`, `calendar import`, `seed`) and `motcua worker` write to
 * the same file from processes of their own, and what the server keeps in memory (the catalogue
 * and its search index, the assistant's index, the working calendar, the units, the offices,
 * cached dossier answers) must follow within a second, as on PostgreSQL.
 *
 * How: `PRAGMA data_version` — SQLite's own count, per connection, of the commits made by OTHER
 * connections (this process's writes do not move it) — is read every `everyMs`. It costs a few
 * microseconds and reads no table, so there is no change table to write (no migration), nothing
 * the writer has to remember to do, and even a change made with the sqlite3 shell is seen. When it
 * moved, this process cannot know what changed, so it does what a PostgreSQL process does after
 * missing messages: every shared cache starts afresh (`onResync`, see cluster.share.ts). That is
 * cheap here: the catalogue and the assistant compare their version row and rebuild only if it
 * moved; units, calendar and offices are small tables read again on their next use. Writes by
 * other processes are rare on a commune's SQLite (a command now and then, the worker's sends), so
 * the pages stay warm.
 */
export class SqliteWatch implements Broadcast {
  private readonly handlers = new Handlers();
  private readonly log: (msg: string) => void;
  private timer: NodeJS.Timeout | undefined;
  private last: number | undefined;
  private busy = false;
  private closed = false;

  constructor(private readonly opts: { db: Db; everyMs?: number; log?: (msg: string) => void }) {
    this.log = opts.log ?? (() => undefined);
  }

  get listening(): boolean {
    return !!this.timer;
  }

  /** Nothing to send: the commit itself is what the other processes notice. */
  publish(): void {}

  on(topic: string, fn: (message: unknown) => void): () => void {
    return this.handlers.on(topic, fn);
  }

  onResync(fn: () => void): () => void {
    return this.handlers.onResync(fn);
  }

  async listen(): Promise<void> {
    if (this.closed || this.timer) return;
    this.last = await this.version();
    this.timer = setInterval(() => void this.check(), this.opts.everyMs ?? 200);
    this.timer.unref();
  }

  private async version(): Promise<number> {
    const r = await sql<{ data_version: number }>`pragma data_version`.execute(this.opts.db);
    return Number(r.rows[0]?.data_version ?? 0);
  }

  private async check(): Promise<void> {
    // A long transaction of this process holds the connection: the next tick looks again.
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      const v = await this.version();
      if (v !== this.last) {
        this.last = v;
        this.handlers.resync(this.log);
      }
    } catch (e) {
      if (!this.closed) this.log(`Không đọc được bộ đếm thay đổi của tệp SQLite: ${(e as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
