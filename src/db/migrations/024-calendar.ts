import type { Kysely } from 'kysely';

/**
 * The working calendar, administered (issue 13): the national declarations of each year (the Prime
 * Minister's schedule of days off and days worked in exchange, for civil servants), as rows set by
 * `motcua calendar import FILE` or the admin page. A unit's own declarations stay in
 * `unit_calendars.data` (002) as JSON. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_national_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    /** 'off' (a day off on a weekday, Tết included) or 'work' (a weekend day worked in exchange). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_national_days_year').on('calendar_national_days').column('year').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_national_days').execute();
}
