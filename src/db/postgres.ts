import {
  AbortedTransactionError,
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';

/**
 * Kysely on PostgreSQL through node-postgres: Kysely's own PostgresDriver, with three changes to
 * how statements reach the server. Each round trip, socket write and parse is a measurable part
 * of a submission's CPU time (issue 10).
 *
 * - Kysely sends every query as an unnamed statement, which PostgreSQL parses and plans again
 *   each time (a third of the server's time on a submission's short statements). The same SQL
 *   text gets one name here, so each connection parses it once and reuses it (pg sends Parse only
 *   the first time a connection sees the name). Bounded: our SQL is parameterised, so the set of
 *   texts is small; past the bound, statements go unnamed again.
 * - A transaction's BEGIN is not sent on its own: it is held until the transaction's first
 *   statement and written with it (one socket write, one wait instead of two). A transaction that
 *   ends before any statement sends nothing. PostgreSQL runs them in order, so the statement is
 *   inside the transaction as before (its snapshot is taken by that statement either way). BEGIN
 *   fails only when the connection can run nothing, and then the statement fails too.
 * - A statement marked with `lastInTransaction` is written with the COMMIT (see there).
 *
 * The pool must be in pipeline mode (`pipeline: true`): pg then writes a query without waiting
 * for the one before it to be answered. Kysely sends one query at a time on a connection, so
 * only the statements written together here are ever in flight together.
 */
export function pipelinedPostgresDialect(pool: pg.Pool): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PipelinedDriver(pool),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

const lastStatements = new WeakSet<CompiledQuery>();

/**
 * `query`, compiled and marked as the last statement of its transaction: on PostgreSQL the
 * transaction's COMMIT is written with it (one wait fewer, and the transaction's row locks are let
 * go one round trip sooner). PostgreSQL answers each in turn: when the statement fails, the COMMIT
 * finds the transaction aborted and rolls it back. The statement's promise settles only once the
 * COMMIT is answered: it rejects when the statement or the commit failed (nothing was kept),
 * resolves when both succeeded (everything was). So the caller must run nothing in the transaction
 * after it (refused), and do nothing after it that can fail: the transaction is already over.
 * Outside a transaction, and on SQLite, it is a plain statement.
 */
export function lastInTransaction<O>(query: Compilable<O>): CompiledQuery<O> {
  const compiled = query.compile();
  lastStatements.add(compiled);
  return compiled;
}

/** Names of the prepared statements, by SQL text (the same name on every connection). */
const statementNames = new Map<string, string>();
const MAX_NAMED = 2000;
/** Plain statements only: DDL and session commands are sent as they are. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name || statementNames.size >= MAX_NAMED || !PREPARABLE.test(text)) return name;
  name = `m${statementNames.size}`;
  statementNames.set(text, name);
  return name;
}

type Transaction =
  | { state: 'none' }
  /** Begun by Kysely; its BEGIN (this text) not sent yet. */
  | { state: 'held'; begin: string }
  | { state: 'open' }
  /** Ended by its last statement's COMMIT: committed, or rolled back when that statement failed. */
  | { state: 'ended'; committed: boolean };

class PipelinedConnection implements DatabaseConnection {
  tx: Transaction = { state: 'none' };
  discarded = false;
  /** Why the server connection ended (terminated backend, restart, network), once it has. */
  lost: Error | undefined;

  constructor(readonly client: pg.PoolClient) {
    // The pool listens for a client's errors only while it is idle: a connection lost while
    // checked out (its backend terminated, the server restarted) would be an unhandled 'error'
    // event and end the process. Kept here instead: the statements after it fail with the
    // server's reason, and the client leaves the pool when released.
    client.on('error', (e) => {
      this.lost ??= e;
    });
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.lost) throw this.lost;
    if (this.discarded) throw new Error('PostgreSQL connection discarded');
    const tx = this.tx;
    if (tx.state === 'ended') throw new Error('A statement after the last statement of its transaction (lastInTransaction): the transaction is already over.');
    const begin = tx.state === 'held' ? tx.begin : undefined;
    const commit = tx.state !== 'none' && lastStatements.has(q);
    if (!begin && !commit) return resultOf(await this.send(q).catch((e: unknown) => this.failed(e)));
    this.tx = commit ? { state: 'ended', committed: false } : { state: 'open' };
    // One socket write; PostgreSQL answers each in turn.
    const stream = (this.client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    stream.cork();
    const sent: Array<Promise<pg.QueryResult>> = [];
    try {
      if (begin) sent.push(this.client.query(begin));
      sent.push(this.send(q));
      if (commit) sent.push(this.client.query('commit'));
    } finally {
      stream.uncork();
    }
    const answers = await Promise.allSettled(sent);
    const failed = answers.find((a) => a.status === 'rejected');
    if (failed) this.failed(failed.reason);
    const results = answers.map((a) => (a as PromiseFulfilledResult<pg.QueryResult>).value);
    if (commit) {
      // A transaction left aborted by an earlier failure (caught by the caller) is rolled back.
      if (results.at(-1)!.command !== 'COMMIT') throw new AbortedTransactionError();
      this.tx = { state: 'ended', committed: true };
    }
    return resultOf(results[begin ? 1 : 0]!);
  }

  /**
   * Rethrows a statement's failure. Anything but PostgreSQL's answer that the statement is in error
   * (a reset or closed socket, a FATAL before the server hung up) may have left the client unusable
   * without its 'error' event, depending on which of the socket's events came first: it is then
   * lost, and leaves the pool when released rather than failing its next user.
   */
  failed(e: unknown): never {
    if ((e as { severity?: unknown } | undefined)?.severity !== 'ERROR') this.lost ??= e instanceof Error ? e : new Error(String(e));
    throw e;
  }

  streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('Streaming queries (cursors) are not supported on a pipelined connection.');
  }

  private send(q: CompiledQuery): Promise<pg.QueryResult> {
    const values = [...q.parameters];
    const name = statementName(q.sql);
    return name ? this.client.query({ name, text: q.sql, values }) : this.client.query(q.sql, values);
  }

  /** Ends the transaction on the connection's side; what is left to send to the server, if anything. */
  end(): Transaction {
    const tx = this.tx;
    this.tx = { state: 'none' };
    return tx;
  }
}

function resultOf<R>({ command, rowCount, rows }: pg.QueryResult): QueryResult<R> {
  if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command } as R] };
  const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { numAffectedRows: changed ? BigInt(rowCount ?? 0) : undefined, rows: (rows ?? []) as R[] };
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

class PipelinedDriver implements Driver {
  private readonly connections = new WeakMap<pg.PoolClient, PipelinedConnection>();
  private ended = false;

  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let c = this.connections.get(client);
    if (!c) {
      c = new PipelinedConnection(client);
      this.connections.set(client, c);
    }
    return c;
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const words = ['start transaction', settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode].filter(Boolean);
    (c as PipelinedConnection).tx = { state: 'held', begin: words.length > 1 ? words.join(' ') : 'begin' };
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    const conn = c as PipelinedConnection;
    const tx = conn.end();
    if (tx.state === 'ended' && !tx.committed) throw new AbortedTransactionError();
    if (tx.state !== 'open') return; // nothing was run, or the COMMIT went with the last statement
    const r = await conn.client.query('commit').catch((e: unknown) => conn.failed(e));
    // PostgreSQL completes COMMIT with ROLLBACK when an earlier failure left the transaction aborted.
    if (r.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    const conn = c as PipelinedConnection;
    if (conn.end().state !== 'open') return; // nothing was sent, or the transaction is already over
    try {
      await conn.client.query('rollback');
    } catch {
      // The connection is gone (or cannot roll back): the server undoes the transaction as the
      // session ends, so the caller gets the failure that made it roll back, not this one. The
      // client is ended on release, never reused.
      conn.discarded = true;
    }
  }

  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoted(name)}`));
  }

  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`release savepoint ${quoted(name)}`));
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    const conn = c as PipelinedConnection;
    // A client still inside a transaction on the server's side (its last ReadyForQuery said so)
    // would hand that transaction to its next user: ended instead.
    const dirty = conn.lost !== undefined || conn.discarded || conn.client.getTransactionStatus() !== 'I';
    conn.tx = { state: 'none' };
    conn.client.release(dirty || undefined);
  }

  async destroy(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }
}
