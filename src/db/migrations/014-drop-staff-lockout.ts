import type { Kysely } from 'kysely';

// staff.failed_logins and staff.locked_until are no longer read nor written: failed sign-ins are
// counted per account and source address in login_throttle (migration 011). Dropped on both
// engines (SQLite ≥ 3.35 drops a column in place; neither column is indexed). Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('failed_logins').execute();
  await db.schema.alterTable('staff').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('staff').addColumn('locked_until', 'text').execute();
}
