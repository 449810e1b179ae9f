import type { Kysely } from 'kysely';

/**
 * The indicators' own copy of the dossiers' timelines (issue 11, src/indicator): one row per
 * submitted dossier with the history rows an indicator reads (compact JSON), the time it was
 * received and ended, its first digitised paper, and the last history row the copy holds. Rebuilt
 * from the history (dossier module) — from scratch when `indicator_sync` has no cursor, then from
 * the history and file rows written after the cursor — and tested equal to computing from the
 * history directly. A period's dossiers are found by (unit, received) and (unit, ended, received).
 * The counts of a unit for a period that is over (`indicator_period_counts`) are kept once
 * computed: everything they are computed from carries its own time, written when it happened, so
 * a period that is over cannot change (cleared by a rebuild). Also an index to find a unit's fees
 * by time of assessment. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_dossier_facts')
    .addColumn('dossier_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('first_file_at', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_facts_received_idx').on('indicator_dossier_facts').columns(['unit_code', 'received_at']).execute();
  await db.schema.createIndex('indicator_facts_ended_idx').on('indicator_dossier_facts').columns(['unit_code', 'ended_at', 'received_at']).execute();
  await db.schema
    .createTable('indicator_sync')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('indicator_period_counts')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_period_counts_pk', ['unit_code', 'from_at', 'to_at'])
    .execute();
  await db.schema.createIndex('dossier_fees_unit_assessed_idx').on('dossier_fees').columns(['unit_code', 'assessed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossier_fees_unit_assessed_idx').execute();
  await db.schema.dropTable('indicator_period_counts').execute();
  await db.schema.dropTable('indicator_sync').execute();
  await db.schema.dropTable('indicator_dossier_facts').execute();
}
