import { sql, type Kysely } from 'kysely';

/**
 * The "closed" tab's list in its own order (issue 16, province scale).
 *
 * The tab lists a unit's finished dossiers (returned, withdrawn, stopped, not received) latest
 * change first. Without an index in that order the database reads every finished dossier of the
 * unit and sorts them before it can show the first 50: in the province benchmark's busiest ward
 * (88,553 dossiers over five years) that took 4.5 s from a cold cache. This partial index holds
 * only the finished dossiers, by unit and latest change (then id, the list's tie-break), so the
 * first page is an index range read that stops after 50 rows, and the tab's bounded count
 * (up to 10,000) reads the same range. Its term is the worklist's CLOSED_TERM written out
 * literally, which is what lets SQLite use a partial index too.
 *
 * A province running live can build it beforehand with CREATE INDEX CONCURRENTLY under the same
 * name and definition (IF NOT EXISTS lets the migration find it). Portable: both engines build it
 * the same way. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS dossiers_closed_updated_idx ON dossiers (unit_code, updated_at DESC, id) WHERE status IN ('returned', 'withdrawn', 'stopped', 'not_received')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS dossiers_closed_updated_idx`.execute(db);
}
