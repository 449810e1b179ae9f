import type { Kysely } from 'kysely';

/**
 * Targets a leader sets for the unit's officials (issue 11, "Officials: performance and targets"):
 * per official or per field, for a period, on one metric ("0 hồ sơ quá hạn", "tỷ lệ trực tuyến ≥
 * 80%"). A removed target is kept (removed_at) so that a past weekly review reads the same.
 * Performance itself is not stored: it is computed from the dossier history. Frozen once landed;
 * imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    /** The official the target is for; null for a field (or the whole unit). */
    .addColumn('staff_id', 'text')
    /** The field (lĩnh vực) the target is for; '' when it is an official's or the unit's. */
    .addColumn('field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('metric', 'text', (c) => c.notNull())
    /** '<=' or '>='. */
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    /** '2026-12' (a month) or '2026-W49' (an ISO week); from/to are its UTC bounds. */
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema.createIndex('staff_targets_unit_idx').on('staff_targets').columns(['unit_code', 'period_from']).execute();
  await db.schema.createIndex('staff_targets_staff_idx').on('staff_targets').columns(['staff_id', 'period_from']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_targets').execute();
}
