import type { Kysely } from 'kysely';

// A draft made for a one-request submission (multipart API, the web form's "Nộp hồ sơ") is
// "transient": if the process dies before the submission commits, start-up removes it, so no
// half-written dossier survives a crash. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('transient', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('dossiers_transient_idx').on('dossiers').columns(['transient', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossiers_transient_idx').execute();
  await db.schema.alterTable('dossiers').dropColumn('transient').execute();
}
