import type { Kysely } from 'kysely';

/**
 * Request budgets shared by every process on one database (issue 16, "many processes, one
 * database"): one row per budget key (the route and the address or account it limits), the hits
 * counted in its current window and when that window ends (UTC ISO text, compared as text).
 * Counted with one atomic upsert; rows whose window ended are deleted from time to time.
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset_idx').on('rate_limits').column('reset_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
