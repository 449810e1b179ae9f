import type { InsertQueryBuilder, InsertResult, Kysely, QueryCreator, RawBuilder, Transaction, UpdateQueryBuilder } from 'kysely';
import type { DB } from './schema';

/**
 * A row one module prepares and another module's statement writes (a data-modifying `WITH` on
 * PostgreSQL): one round trip fewer inside a transaction that holds a lock every writer waits
 * for. The preparing module gives the row and how to INSERT it (its own table, its own SQL); the
 * carrying module only attaches it. `of` writes the same SQL for rows with the same keys, so the
 * carrier may call it with stand-ins for the row's values and compile its statement once per
 * shape (db/compiled.ts). Where no statement can carry it (SQLite has no INSERT in WITH) it is
 * run on its own with `writeAlongside`, in the carrier's transaction.
 */
export interface AlongsideWrite<R = any> {
  row: R;
  of(db: Kysely<DB> | Transaction<DB>, row: R): InsertQueryBuilder<DB, any, InsertResult>;
}

/** Runs prepared writes as statements of their own, on `db` (the carrier's transaction). */
export async function writeAlongside(db: Kysely<DB> | Transaction<DB>, writes: AlongsideWrite[]): Promise<void> {
  for (const w of writes) await db.executeQuery(w.of(db, w.row));
}

/**
 * A value one module reads within another module's statement (PostgreSQL: a scalar subquery in
 * its select list), so the read costs no round trip of its own: `expression` is the subquery
 * (the reading module's SQL), `decode` turns what the statement returned into the module's type.
 */
export interface AlongsideRead<T> {
  expression: RawBuilder<unknown>;
  decode(value: unknown): T;
  /**
   * The same read written from stand-ins for its `values`, so that a carrier may compile its
   * statement once per shape and bind the values at each run (db/compiled.ts): `of` writes the
   * same SQL at every call (a function of the module, not made per read).
   */
  shaped?: { of(stand: Readonly<Record<string, unknown>>): RawBuilder<unknown>; values: Readonly<Record<string, unknown>> };
}

/**
 * An `AlongsideRead` of what belongs to the carrier's row (a correlated subquery): `key` is the
 * row's key as an expression of the carrier's statement (e.g. the dossier's id column), so the
 * reading module need not know the carrier's table or its name in the statement.
 */
export type AlongsideReadOf<T> = (key: RawBuilder<string>) => AlongsideRead<T>;

/**
 * A row one module takes (UPDATE … RETURNING, a lock held until the commit) within another
 * module's statement (PostgreSQL): `take` is attached as a data-modifying `WITH` named `name`, and
 * `expression` (read from the carrier's select list, as an `AlongsideRead`) returns what it took.
 * Read from the select list, the take runs after the carrier's own rows are written, so the
 * carrier's locks are taken first, in the same order as when the take was a statement of its own.
 */
export interface AlongsideTake<T> extends AlongsideRead<T> {
  name: string;
  take(q: QueryCreator<DB>): UpdateQueryBuilder<DB, any, any, any>;
}
