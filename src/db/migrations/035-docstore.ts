import type { Kysely } from 'kysely';

/**
 * The citizen's document store (issue 14, kho dữ liệu) and the back-scanned archive.
 *
 * - `docstore_checks`: an official's mark that an attached paper was checked against the original
 *   (digitised); one row per dossier file while marked. Only checked papers enter the citizen's store.
 * - `docstore_consents`: a citizen's consent, proven at the counter by a one-time code sent to their
 *   phone, that an official uses papers of their store for one dossier (who, when, for what).
 * - `docstore_uses`: every reuse of a stored paper in a new dossier (by the citizen or the counter).
 * - `archive_records` / `archive_pages`: back-scanned register entries with their key fields, the
 *   OCR text and the fields it suggested, searchable by folded text, linkable to a citizen.
 *
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('docstore_checks')
    .addColumn('file_id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('checked_by_name', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('docstore_checks_dossier_idx').on('docstore_checks').column('dossier_id').execute();

  await db.schema
    .createTable('docstore_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('citizen_phone', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    /** The draft (then dossier) the consent is for. */
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    /** 'otp': the citizen read the one-time code sent to their phone to the official. */
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('docstore_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('paper_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text')
    .addColumn('used_by', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('docstore_uses_citizen_idx').on('docstore_uses').columns(['citizen_id', 'used_at']).execute();

  await db.schema
    .createTable('archive_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('register', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    /** YYYY-MM-DD, or '' when not known yet. */
    .addColumn('record_date', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('names', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    /** Folded (no diacritics, lower case) register, number, names, note and OCR text, for search. */
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('citizen_id', 'text')
    /** 'draft' until an official confirms the fields; 'confirmed' after. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** 'pending' | 'running' | 'done' | 'failed' */
    .addColumn('ocr_status', 'text', (c) => c.notNull())
    .addColumn('ocr_started_at', 'text')
    .addColumn('ocr_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ocr_text', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON: the fields the OCR text suggested ({register, number, date, names}). */
    .addColumn('ocr_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archive_records_unit_idx').on('archive_records').columns(['unit_code', 'created_at']).execute();
  await db.schema.createIndex('archive_records_ocr_idx').on('archive_records').columns(['ocr_status', 'created_at']).execute();
  await db.schema.createIndex('archive_records_citizen_idx').on('archive_records').column('citizen_id').execute();

  await db.schema
    .createTable('archive_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archive_pages_record_idx').on('archive_pages').columns(['record_id', 'seq']).execute();
  await db.schema.createIndex('archive_pages_sha_idx').on('archive_pages').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['archive_pages', 'archive_records', 'docstore_uses', 'docstore_consents', 'docstore_checks']) await db.schema.dropTable(t).execute();
}
