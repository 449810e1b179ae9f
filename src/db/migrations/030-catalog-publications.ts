import type { Kysely } from 'kysely';

/**
 * What each unit published of each procedure, over time (issue 11, transparency group): one row
 * every time a procedure enters or leaves a unit's catalogue, or the information a citizen needs
 * (papers, time, fee, forms) becomes complete or incomplete there. Never updated: the state at an
 * instant is the latest row written before it, so a closed period's "procedures published with
 * complete information" does not change when the catalogue changes later. Written by the catalogue
 * module in the same transaction as the change (src/catalog/catalog.publication.ts).
 *
 * The indicators' kept counts of closed periods are cleared: they were counted without the
 * transparency sub-indicators added with this table. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** 1: in the unit's catalogue from `at` on; 0: removed from it. */
    .addColumn('listed', 'integer', (c) => c.notNull())
    /** The kinds of information missing (JSON array of 'time' | 'fee' | 'papers' | 'forms'); '[]' when complete. */
    .addColumn('gaps', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_publications_unit_idx').on('catalog_publications').columns(['unit_code', 'procedure_code', 'at']).execute();
  await db.deleteFrom('indicator_period_counts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_publications').execute();
}
