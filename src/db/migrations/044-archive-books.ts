import type { Kysely } from 'kysely';

/**
 * Back-scanned register books (issue 14): a multi-page PDF (a whole register) becomes one archive
 * record per page, so that a search finds the page. Each record's page row points at the book's
 * file with the page's number; the OCR keeps a picture of that page (a JPEG) beside it, which the
 * official reads and which a linked citizen's store offers instead of the whole book.
 *
 * - `pdf_page` / `pdf_pages`: the page of the PDF this record is, and the book's page count
 *   (null for an image, and for records made before this migration: their PDF's first page).
 * - `preview_sha256` / `preview_size`: the page's picture in the file store, once rasterised.
 *
 * Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('archive_pages').addColumn('pdf_page', 'integer').execute();
  await db.schema.alterTable('archive_pages').addColumn('pdf_pages', 'integer').execute();
  await db.schema.alterTable('archive_pages').addColumn('preview_sha256', 'text').execute();
  await db.schema.alterTable('archive_pages').addColumn('preview_size', 'integer').execute();
  await db.schema.createIndex('archive_pages_preview_idx').on('archive_pages').column('preview_sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('archive_pages_preview_idx').execute();
  for (const c of ['preview_size', 'preview_sha256', 'pdf_pages', 'pdf_page']) await db.schema.alterTable('archive_pages').dropColumn(c).execute();
}
