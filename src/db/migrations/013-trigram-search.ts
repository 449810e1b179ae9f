import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Worklist search by a fragment of a name or phone number (issue 10): on PostgreSQL, trigram GIN
 * indexes (pg_trgm) that also hold the unit (btree_gin) let `unit_code = … AND search_name LIKE
 * '%fragment%'` read only the unit's matching rows instead of every dossier of the unit. Both
 * extensions are in PostgreSQL's contrib and "trusted": a database owner may create them. SQLite
 * has no such index and keeps its narrow covering index (migration 003): nothing changes there.
 * Where the extension cannot be created (contrib not installed), the search still works, unindexed.
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // "Mine" counted from one index (who must act, and the status): without it PostgreSQL combined
  // the handler index with a scan of every open dossier's status (the drafts' expiry index).
  await sql`CREATE INDEX dossiers_handler_status_idx ON dossiers (unit_code, (coalesce(assignee_id, CAST('role:' AS TEXT) || "current_role")), status)`.execute(db);
  // The migration runs in a transaction: a refused CREATE EXTENSION must not abort it.
  await sql`SAVEPOINT trgm`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE EXTENSION IF NOT EXISTS btree_gin`.execute(db);
    await sql`RELEASE SAVEPOINT trgm`.execute(db);
  } catch (e) {
    await sql`ROLLBACK TO SAVEPOINT trgm`.execute(db);
    process.stderr.write(`pg_trgm/btree_gin không tạo được (${(e as Error).message}): tìm theo tên trong danh sách hồ sơ sẽ chậm hơn.\n`);
    return;
  }
  await sql`CREATE INDEX dossiers_unit_name_trgm_idx ON dossiers USING gin (unit_code, search_name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX dossiers_unit_phone_trgm_idx ON dossiers USING gin (unit_code, applicant_phone gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS dossiers_unit_phone_trgm_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS dossiers_unit_name_trgm_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS dossiers_handler_status_idx`.execute(db);
}
