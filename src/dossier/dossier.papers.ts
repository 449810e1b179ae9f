/**
 * The papers of a citizen's dossiers, for the citizen's document store (issue 14, docstore module),
 * and the port through which the submission forms and the API reuse a stored paper instead of a
 * new upload (Decree 45/2020/NĐ-CP art. 9: an agency does not ask again for what it already holds).
 * The docstore module decides what is in the store; the dossier module only lists its files.
 */
import type { Db } from '../db/connection';
import { sanitizeFilename, sha256Hex } from '../file';
import { RuleViolationError } from '../shared/errors';
import type { DossierFile, DossierStatus } from './dossier.types';

/**
 * A paper to attach: an upload, or (`stored`) a file the store already holds — a paper of the
 * citizen's document store, attached as that very file (same bytes, same address), not re-encoded
 * into a copy. Only the docstore module's `take` sets `stored`; an HTTP upload never has it.
 */
export interface AttachmentUpload {
  data: Buffer;
  filename: string;
  declaredType?: string;
  stored?: { sha256: string; mime: string };
}

/** A stored paper as the attachment's file: its own address (checked against its bytes), within the size limit. */
export function storedAttachment(upload: AttachmentUpload & { stored: { sha256: string; mime: string } }, maxFileBytes: number): { sha256: string; size: number; mime: string; originalName: string; data?: undefined } {
  const name = sanitizeFilename(upload.filename) || 'giay-to-trong-kho';
  if (sha256Hex(upload.data) !== upload.stored.sha256) throw new RuleViolationError('stored_paper_changed', `Giấy tờ “${name}” trong kho không còn như khi được lưu. Xin tải lên bản quét.`);
  if (upload.data.length > maxFileBytes) {
    throw new RuleViolationError('file_too_large', `Giấy tờ “${name}” trong kho có dung lượng ${(upload.data.length / 1024 / 1024).toFixed(1)} MB, vượt quá giới hạn ${Math.round(maxFileBytes / 1024 / 1024)} MB của một tệp hồ sơ.`);
  }
  return { sha256: upload.stored.sha256, size: upload.data.length, mime: upload.stored.mime, originalName: name };
}

/** A file of a citizen's dossier: the file (its id as `fileId`) and where it belongs. */
export interface CitizenFile extends Omit<DossierFile, 'id'> {
  fileId: string;
  dossierId: string;
  dossierCode: string | null;
  unitCode: string;
  procedureCode: string;
  status: DossierStatus;
  /** When the dossier's result was decided (results), else null. */
  finishedAt: string | null;
}

/** Every file of the submitted dossiers of a citizen (their account, or their phone as applicant). */
export async function citizenFiles(db: Db, by: { citizenId: string; phone: string }): Promise<CitizenFile[]> {
  const rows = await db
    .selectFrom('dossier_files as f')
    .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
    .select(['f.id as fileId', 'd.id as dossierId', 'd.code as dossierCode', 'd.unit_code as unitCode', 'd.procedure_code as procedureCode', 'd.status as status', 'f.component as component', 'f.sha256 as sha256', 'f.name as name', 'f.mime as mime', 'f.size as size', 'f.created_at as createdAt', 'd.finished_at as finishedAt'])
    .where('d.status', '!=', 'draft')
    .where((eb) => eb.or([eb('d.citizen_id', '=', by.citizenId), eb('d.applicant_phone', '=', by.phone)]))
    .orderBy('f.created_at', 'desc')
    .limit(2000)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as DossierStatus, size: Number(r.size), finishedAt: (r.finishedAt as string | null | undefined) ?? null }));
}

/** The files of one dossier with its unit (an official marks them as checked). */
export async function dossierFileOwner(db: Db, fileId: string): Promise<{ dossierId: string; unitCode: string; code: string | null } | undefined> {
  return db
    .selectFrom('dossier_files as f')
    .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
    .select(['d.id as dossierId', 'd.unit_code as unitCode', 'd.code as code'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
}

/** Who reuses a stored paper: the signed-in citizen, or the counter with the citizen's consent. */
export type PaperHolder = { kind: 'citizen'; citizenId: string; phone: string } | { kind: 'counter'; staffId: string; unitCode: string; consentId: string; dossierId: string };

export interface StoredPaperOffer {
  id: string;
  label: string;
}

export interface StoredPapers {
  /** The holder's stored papers that fit each component of the form (component id → papers). */
  offers(holder: PaperHolder, procedureCode: string, components: Array<{ id: string; name: string }>): Promise<Record<string, StoredPaperOffer[]>>;
  /** A stored paper's file as an upload of that same file (`stored`); 403 `paper_not_owned` for a paper not in the holder's store. */
  take(holder: PaperHolder, paperId: string): Promise<AttachmentUpload & { stored: { sha256: string; mime: string } }>;
  /** The reuse recorded (who, which paper, which dossier, which component). */
  recordUse(holder: PaperHolder, dossierId: string, uses: Array<{ paperId: string; component: string }>, by: string): Promise<void>;
  /** Counter: a one-time code sent to the citizen's phone (their account's), asking their consent. */
  askConsent(staff: { id: string; unitCode: string }, phone: string): Promise<{ demoCode?: string; name: string }>;
  /** Counter: the code the citizen read out; the consent recorded for this dossier (draft). */
  grantConsent(staff: { id: string; name: string; unitCode: string }, phone: string, code: string, dossierId: string): Promise<{ consentId: string; citizenName: string }>;
  /** Counter: a consent given for this dossier to this official by its applicant (phone), still valid, else undefined. */
  consent(staff: { id: string; unitCode: string }, consentId: string, dossierId: string, applicantPhone: string): Promise<{ holder: PaperHolder; citizenName: string } | undefined>;
}
