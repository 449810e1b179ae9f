import { sql, type Kysely } from 'kysely';

/**
 * Report consolidation (issue 12): one row per data set, period and unit that has entered values —
 * how many values it holds and when it last changed — kept in the same transaction as the values
 * (ReportService), so "which units reported" is an index lookup instead of a DISTINCT over every
 * value of the period (5.6 million at the nation's scale). Derived: rebuilt from report_values by
 * `ReportService.rebuildReported`; filled here from the values already stored. Frozen once landed;
 * imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_reported')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** Values the unit holds for the period (its own row and its places'); the row goes at 0. */
    .addColumn('value_count', 'integer', (c) => c.notNull().defaultTo(0))
    /** When a value of the unit last changed (UTC ISO). */
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reported_pk', ['data_set', 'period', 'unit_code'])
    .execute();
  await sql`INSERT INTO report_reported (data_set, period, unit_code, value_count, updated_at)
    SELECT data_set, period, unit_code, count(*), max(updated_at) FROM report_values GROUP BY data_set, period, unit_code`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_reported').execute();
}
