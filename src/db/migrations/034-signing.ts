import type { Kysely } from 'kysely';

/**
 * Signed electronic results (issue 14): one row per PDF the unit signed with its digital
 * signature. The verification page (/xac-thuc/:id) reads only this table: what was issued, to
 * whom (initials), by which unit, when, and the SHA-256 of the exact signed bytes. The signed PDF
 * itself is a content-addressed blob (file_sha256). Links to a dossier and to a citizen are plain
 * text ids, so that the citizen's document store can list them. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signed_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    /** What was issued, e.g. the procedure's result name. */
    .addColumn('title', 'text', (c) => c.notNull())
    /** The holder's initials only (the page is public). */
    .addColumn('holder_initials', 'text', (c) => c.notNull())
    /** The citizen account it was issued to, when there is one; and the applicant's phone (E.164-less, as stored by the dossier). */
    .addColumn('citizen_id', 'text')
    .addColumn('holder_phone', 'text')
    .addColumn('dossier_id', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('cert_subject', 'text', (c) => c.notNull())
    .addColumn('cert_serial', 'text', (c) => c.notNull())
    /** SHA-256 of the certificate (DER), hex. */
    .addColumn('cert_sha256', 'text', (c) => c.notNull())
    /** SHA-256 of the signed PDF, hex: the blob's name too. */
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signed_documents_dossier').on('signed_documents').columns(['dossier_id']).execute();
  await db.schema.createIndex('signed_documents_citizen').on('signed_documents').columns(['citizen_id']).execute();
  await db.schema.createIndex('signed_documents_phone').on('signed_documents').columns(['holder_phone']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signed_documents').execute();
}
