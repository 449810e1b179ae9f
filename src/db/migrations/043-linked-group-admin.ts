import type { Kysely } from 'kysely';

/**
 * The unit admin's page of linked procedure groups (issue 14): a group can be switched off without
 * being deleted (its submitted groups keep their page and their parts; the catalogue stops offering
 * it). Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  /** 1: offered in the unit's catalogue; 0: switched off by the unit admin. */
  await db.schema.alterTable('linked_groups').addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('linked_groups').dropColumn('enabled').execute();
}
