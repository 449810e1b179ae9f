import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The worklist's search on PostgreSQL at province scale (issue 16: name search p50 under 5 ms at
 * 5,000,000 dossiers).
 *
 * The trigram indexes of the dossiers (migrations 013 and 015: name and phone fragments) are GIN
 * indexes, which by default ("fastupdate") put new entries in a pending list that every search
 * reads whole, until the list reaches 4 MB or a vacuum merges it. Every dossier written — each
 * submission, and each action that changes an indexed column (status, step, appointment) —
 * adds its ~15 trigrams there, and autovacuum visits a table of millions of rows rarely. Measured
 * on bench:province's 5M database after its submissions (EXPLAIN (ANALYZE, BUFFERS)): 290 pending
 * pages (6,330 entries) read by every search, 5.2 ms of the name search's rows and 2.1 ms of its
 * count; with the list merged, 0.8 ms and 0.2 ms.
 *
 * Here the two indexes write their entries directly (fastupdate off: a few index pages per dossier
 * written, spread over every write instead of a 4 MB merge falling on one request), and the list
 * they hold now is merged. Both are changes of storage settings, made in a moment, not a rebuild.
 * Only GIN indexes of `dossiers` are touched; nothing changes on SQLite (no such index there) or
 * where pg_trgm is missing (no such index either). Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const name of await ginIndexes(db)) {
    await sql`ALTER INDEX ${sql.id(name)} SET (fastupdate = off)`.execute(db);
    await sql`SELECT gin_clean_pending_list(to_regclass(quote_ident(${name})))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const name of await ginIndexes(db)) await sql`ALTER INDEX ${sql.id(name)} RESET (fastupdate)`.execute(db);
}

/** The GIN indexes of the dossiers table in the current schema. */
async function ginIndexes(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index x
    JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
    WHERE x.indrelid = to_regclass('dossiers') AND a.amname = 'gin' ORDER BY 1`.execute(db);
  return r.rows.map((x) => x.name);
}
