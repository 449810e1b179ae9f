import type { Kysely } from 'kysely';

// Satisfaction ratings (issue 11). Every version of a rating is a row that is never updated
// (`rating_versions`): a citizen may change their rating for 30 days, and a closed month must not
// change when they do, so the rating in force at any instant is read from the versions. A rating
// is keyed by `rating_id`: the dossier's id for a dossier's rating, a fresh id for a counter visit
// rated on the tablet without a dossier. A "Không hài lòng" opens a follow-up the unit's leader
// answers before `due_at`. Frozen once landed; imports no app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('dossier_id', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    // 'link' (the signed link of a message), 'tracking' (the tracking page), 'api', 'counter' (the tablet).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('first_rated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rating_versions_version_uq', ['rating_id', 'version'])
    .execute();
  await db.schema.createIndex('rating_versions_unit_first_idx').on('rating_versions').columns(['unit_code', 'first_rated_at']).execute();
  await db.schema.createIndex('rating_versions_dossier_idx').on('rating_versions').column('dossier_id').execute();

  await db.schema
    .createTable('rating_followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_id', 'text')
    .addColumn('answered_by_name', 'text')
    .execute();
  // One open follow-up per rating: a second "Không hài lòng" joins the one waiting for an answer.
  await db.schema.createIndex('rating_followups_unit_idx').on('rating_followups').columns(['unit_code', 'opened_at']).execute();
  await db.schema.createIndex('rating_followups_rating_idx').on('rating_followups').column('rating_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rating_followups').execute();
  await db.schema.dropTable('rating_versions').execute();
}
