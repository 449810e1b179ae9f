import type { Kysely } from 'kysely';

// Drafts a citizen can come back to: when a draft is removed with its files (DRAFT_TTL_DAYS, or
// one hour for an anonymous draft whose phone is not verified yet), and the phone number proven
// by a one-time code for an anonymous draft (its resume link is sent there). Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('dossiers').addColumn('verified_phone', 'text').execute();
  await db.schema.createIndex('dossiers_draft_expiry_idx').on('dossiers').columns(['status', 'expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossiers_draft_expiry_idx').execute();
  await db.schema.alterTable('dossiers').dropColumn('verified_phone').execute();
  await db.schema.alterTable('dossiers').dropColumn('expires_at').execute();
}
