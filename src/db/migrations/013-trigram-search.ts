import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Worklist search by a fragment of a name or phone number (issue 10): on PostgreSQL, trigram GIN
 * indexes (pg_trgm, in PostgreSQL's contrib, a "trusted" extension a database owner may create)
 * let `LIKE '%fragment%'` read a few index pages instead of every dossier of the unit. SQLite has
 * no such index and keeps its narrow covering index (migration 003): nothing changes there.
 * Where the extension cannot be created (contrib not installed), the search still works, unindexed.
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The migration runs in a transaction: a refused CREATE EXTENSION must not abort it.
  await sql`SAVEPOINT trgm`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`RELEASE SAVEPOINT trgm`.execute(db);
  } catch (e) {
    await sql`ROLLBACK TO SAVEPOINT trgm`.execute(db);
    process.stderr.write(`pg_trgm không tạo được (${(e as Error).message}): tìm theo tên trong danh sách hồ sơ sẽ chậm hơn.\n`);
    return;
  }
  await sql`CREATE INDEX dossiers_search_name_trgm_idx ON dossiers USING gin (search_name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX dossiers_phone_trgm_idx ON dossiers USING gin (applicant_phone gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS dossiers_phone_trgm_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS dossiers_search_name_trgm_idx`.execute(db);
}
