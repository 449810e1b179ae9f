import type { Kysely } from 'kysely';

/**
 * Monthly scoring of units by their supervisor (issue 11, the Bắc Từ Liêm model): a scoring table
 * per parent unit and month, versioned (a correction after finalising is a new version with a
 * reason; earlier versions are kept, never changed), its criteria, each unit's scores per
 * criterion (self-assessment, the supervisor's adjustment with its reason, the final points), and
 * the evidence files a unit attaches (bytes in the content-addressed file store). Frozen once
 * landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scoring_tables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** 'open' (units assess, the supervisor reviews), 'finalised' (locked), 'superseded' (a later version replaced it). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** Why this version exists (a correction of a finalised month); '' for the first. */
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finalised_by', 'text')
    .addColumn('finalised_at', 'text')
    .addUniqueConstraint('scoring_tables_version_uq', ['parent_code', 'month', 'version'])
    .execute();

  await db.schema
    .createTable('scoring_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('table_id', 'text', (c) => c.notNull().references('scoring_tables.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_points', 'real', (c) => c.notNull())
    /** 'auto' (from an indicator) or 'manual' (self-assessed, reviewed by the supervisor). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text')
    /** For 'auto': the rate (0–1) at which the full points are earned; below, points × rate ÷ threshold. */
    .addColumn('threshold', 'real')
    .addColumn('guidance', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('scoring_criteria_table_idx').on('scoring_criteria').columns(['table_id', 'sort']).execute();

  await db.schema
    .createTable('scoring_entries')
    .addColumn('table_id', 'text', (c) => c.notNull().references('scoring_tables.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('scoring_criteria.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('self_points', 'real')
    .addColumn('self_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('self_by', 'text')
    .addColumn('self_at', 'text')
    /** The supervisor's points, when they differ from the self-assessment (with the reason). */
    .addColumn('adjusted_points', 'real')
    .addColumn('adjust_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adjusted_by', 'text')
    .addColumn('adjusted_at', 'text')
    /** For 'auto': the indicator's rate when computed (frozen at finalising). */
    .addColumn('rate', 'real')
    /** The points that count (fixed at finalising). */
    .addColumn('points', 'real')
    .addPrimaryKeyConstraint('scoring_entries_pk', ['table_id', 'criterion_id', 'unit_code'])
    .execute();

  await db.schema
    .createTable('scoring_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('table_id', 'text', (c) => c.notNull().references('scoring_tables.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scoring_evidence_entry_idx').on('scoring_evidence').columns(['table_id', 'unit_code', 'criterion_id']).execute();
  await db.schema.createIndex('scoring_evidence_sha_idx').on('scoring_evidence').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['scoring_evidence', 'scoring_entries', 'scoring_criteria', 'scoring_tables']) await db.schema.dropTable(t).execute();
}
