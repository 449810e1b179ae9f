import type { Kysely, Transaction } from 'kysely';
import type { ArchivePageTable, ArchiveRecordTable, DB, DocstoreConsentTable, DocstoreUseTable } from '../db/schema';

export type Exec = Kysely<DB> | Transaction<DB>;

// ------------------------------------------------------------------ checked papers

export async function checkedFileIds(db: Exec, fileIds: string[]): Promise<Set<string>> {
  if (!fileIds.length) return new Set();
  const out = new Set<string>();
  for (let i = 0; i < fileIds.length; i += 500) {
    const rows = await db.selectFrom('docstore_checks').select('file_id').where('file_id', 'in', fileIds.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.file_id);
  }
  return out;
}

export async function checksOfDossier(db: Exec, dossierId: string) {
  return db.selectFrom('docstore_checks').selectAll().where('dossier_id', '=', dossierId).execute();
}

export async function insertCheck(db: Exec, row: DB['docstore_checks']): Promise<boolean> {
  const r = await db.insertInto('docstore_checks').values(row).onConflict((oc) => oc.column('file_id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteCheck(db: Exec, fileId: string): Promise<boolean> {
  const r = await db.deleteFrom('docstore_checks').where('file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ------------------------------------------------------------------ consents and uses

export async function insertConsent(db: Exec, row: DocstoreConsentTable): Promise<void> {
  await db.insertInto('docstore_consents').values(row).execute();
}

export async function findConsent(db: Exec, id: string): Promise<DocstoreConsentTable | undefined> {
  return db.selectFrom('docstore_consents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUses(db: Exec, rows: DocstoreUseTable[]): Promise<void> {
  if (rows.length) await db.insertInto('docstore_uses').values(rows).execute();
}

export async function usesOf(db: Exec, by: { citizenId?: string; dossierId?: string }): Promise<DocstoreUseTable[]> {
  let q = db.selectFrom('docstore_uses').selectAll();
  if (by.citizenId) q = q.where('citizen_id', '=', by.citizenId);
  if (by.dossierId) q = q.where('dossier_id', '=', by.dossierId);
  return q.orderBy('used_at', 'desc').limit(500).execute();
}

// ------------------------------------------------------------------ archive

/** Rows of an upload (a register book: hundreds), a few statements instead of one per row. */
export async function insertRecords(db: Exec, rows: ArchiveRecordTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('archive_records').values(rows.slice(i, i + 100)).execute();
}

export async function insertPages(db: Exec, rows: ArchivePageTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('archive_pages').values(rows.slice(i, i + 100)).execute();
}

export async function updatePage(db: Exec, id: string, set: Partial<ArchivePageTable>): Promise<void> {
  await db.updateTable('archive_pages').set(set).where('id', '=', id).execute();
}

/** The first page of each record (record id → page): which file, which page of a book. */
export async function firstPagesOf(db: Exec, recordIds: string[]): Promise<Map<string, ArchivePageTable>> {
  const out = new Map<string, ArchivePageTable>();
  for (let i = 0; i < recordIds.length; i += 500) {
    const rows = await db.selectFrom('archive_pages').selectAll().where('record_id', 'in', recordIds.slice(i, i + 500)).orderBy('record_id').orderBy('seq').execute();
    for (const r of rows) if (!out.has(r.record_id)) out.set(r.record_id, r);
  }
  return out;
}

export async function findRecord(db: Exec, id: string): Promise<ArchiveRecordTable | undefined> {
  return db.selectFrom('archive_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pagesOf(db: Exec, recordId: string): Promise<ArchivePageTable[]> {
  return db.selectFrom('archive_pages').selectAll().where('record_id', '=', recordId).orderBy('seq').execute();
}

export async function updateRecord(db: Exec, id: string, set: Partial<ArchiveRecordTable>): Promise<void> {
  await db.updateTable('archive_records').set(set).where('id', '=', id).execute();
}

/** A unit's records, newest first; `words`: folded words that must all appear in the search text. */
export async function searchRecords(db: Exec, unitCode: string, words: string[], opts: { status?: string; batchId?: string; limit: number }): Promise<ArchiveRecordTable[]> {
  let q = db.selectFrom('archive_records').selectAll().where('unit_code', '=', unitCode);
  for (const w of words) q = q.where('search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.batchId) q = q.where('batch_id', '=', opts.batchId);
  // One upload is listed in its order (a book's pages 1, 2, 3…); a search, newest first.
  const dir = opts.batchId ? 'asc' : 'desc';
  return q.orderBy('created_at', dir).orderBy('id', dir).limit(opts.limit).execute();
}

export async function recordsOfCitizen(db: Exec, citizenId: string): Promise<ArchiveRecordTable[]> {
  return db.selectFrom('archive_records').selectAll().where('citizen_id', '=', citizenId).where('status', '=', 'confirmed').orderBy('created_at', 'desc').limit(500).execute();
}

/**
 * Claims the oldest record waiting for OCR (or one whose run was abandoned before `staleBefore`,
 * e.g. by a crash): the conditional update is the lock, so two workers never take the same one.
 */
export async function claimOcr(db: Exec, now: string, staleBefore: string): Promise<ArchiveRecordTable | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await db
      .selectFrom('archive_records')
      .select(['id', 'ocr_status', 'ocr_started_at'])
      .where((eb) => eb.or([eb('ocr_status', '=', 'pending'), eb.and([eb('ocr_status', '=', 'running'), eb('ocr_started_at', '<', staleBefore)])]))
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const r = await db
      .updateTable('archive_records')
      .set({ ocr_status: 'running', ocr_started_at: now })
      .where('id', '=', next.id)
      .where('ocr_status', '=', next.ocr_status)
      .where((eb) => (next.ocr_started_at === null ? eb('ocr_started_at', 'is', null) : eb('ocr_started_at', '=', next.ocr_started_at)))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) return findRecord(db, next.id);
  }
  return undefined;
}

export async function isPageReferenced(db: Exec, sha256: string): Promise<boolean> {
  return !!(await db
    .selectFrom('archive_pages')
    .select('id')
    .where((eb) => eb.or([eb('sha256', '=', sha256), eb('preview_sha256', '=', sha256)]))
    .limit(1)
    .executeTakeFirst());
}
