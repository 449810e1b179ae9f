import type { Kysely } from 'kysely';

/**
 * A unit's offices (issue 15, "where to go is a concrete office"): the one-stop office, the ward
 * police, the health station… each with its address, phone and opening hours per weekday; and which
 * office receives a procedure — by the catalogue's implementing agency text, or per procedure.
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** 'one_stop', 'police', 'health', 'other': what the automatic mapping of agencies looks for. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    /** National form (02438231111, 0912345678) or ''. */
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON {"0".."6": [{from, to}]}: sessions per weekday, 0 = Sunday … 6 = Saturday; [] = closed. */
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('map_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offices_unit').on('offices').columns(['unit_code', 'sort']).execute();
  await db.schema
    .createTable('office_mappings')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** 'agency': `key` is the folded agency text; 'procedure': `key` is the procedure's code. */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    /** The agency text as the catalogue writes it (for the admin page), or the procedure's code. */
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('office_mappings_pk', ['unit_code', 'scope', 'key'])
    .execute();
  /** One row per unit, counted up by every change: other nodes notice a change by the sum. */
  await db.schema
    .createTable('office_versions')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('office_versions').execute();
  await db.schema.dropTable('office_mappings').execute();
  await db.schema.dropTable('offices').execute();
}
