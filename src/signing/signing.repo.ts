import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, SignedDocumentTable } from '../db/schema';

/** All SQL of the signing module: the signed documents the verification page shows. */

export type Exec = Kysely<DB> | Transaction<DB>;

export interface SignedDocument {
  id: string;
  unitCode: string;
  unitName: string;
  title: string;
  holderInitials: string;
  citizenId: string | null;
  holderPhone: string | null;
  dossierId: string | null;
  dossierCode: string | null;
  signerName: string;
  certSubject: string;
  certSerial: string;
  certSha256: string;
  fileSha256: string;
  fileName: string;
  size: number;
  signedAt: string;
}

const fromRow = (r: SignedDocumentTable): SignedDocument => ({
  id: r.id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  title: r.title,
  holderInitials: r.holder_initials,
  citizenId: r.citizen_id,
  holderPhone: r.holder_phone,
  dossierId: r.dossier_id,
  dossierCode: r.dossier_code,
  signerName: r.signer_name,
  certSubject: r.cert_subject,
  certSerial: r.cert_serial,
  certSha256: r.cert_sha256,
  fileSha256: r.file_sha256,
  fileName: r.file_name,
  size: Number(r.size),
  signedAt: r.signed_at,
});

export async function insertSigned(db: Exec, d: SignedDocument): Promise<void> {
  await db
    .insertInto('signed_documents')
    .values({
      id: d.id,
      unit_code: d.unitCode,
      unit_name: d.unitName,
      title: d.title,
      holder_initials: d.holderInitials,
      citizen_id: d.citizenId,
      holder_phone: d.holderPhone,
      dossier_id: d.dossierId,
      dossier_code: d.dossierCode,
      signer_name: d.signerName,
      cert_subject: d.certSubject,
      cert_serial: d.certSerial,
      cert_sha256: d.certSha256,
      file_sha256: d.fileSha256,
      file_name: d.fileName,
      size: d.size,
      signed_at: d.signedAt,
    })
    .execute();
}

export async function findSigned(db: Exec, id: string): Promise<SignedDocument | undefined> {
  const r = await db.selectFrom('signed_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

/** The newest signed result of a dossier. */
export async function findSignedForDossier(db: Exec, dossierId: string): Promise<SignedDocument | undefined> {
  const r = await db.selectFrom('signed_documents').selectAll().where('dossier_id', '=', dossierId).orderBy('signed_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

/**
 * PostgreSQL: `findSignedForDossier` as one JSON value (or null) another module's statement selects
 * (db/alongside.ts), `dossierId` being that statement's expression of the dossier's id.
 */
export function signedJsonForDossier(dossierId: RawBuilder<string>): RawBuilder<SignedDocumentTable | null> {
  return sql<SignedDocumentTable | null>`(select row_to_json(s) from signed_documents s where s.dossier_id = ${dossierId} order by s.signed_at desc, s.id desc limit 1)`;
}

/** The signed document of a row as `signedJsonForDossier` gave it. */
export const signedFromJson = (v: unknown): SignedDocument | undefined => (v ? fromRow(v as SignedDocumentTable) : undefined);

/** Everything signed for a citizen: by their account, or by their phone number. */
export async function listSignedFor(db: Exec, who: { citizenId?: string | null; phone?: string | null }, limit = 200): Promise<SignedDocument[]> {
  if (!who.citizenId && !who.phone) return [];
  const rows = await db
    .selectFrom('signed_documents')
    .selectAll()
    .where((eb) => eb.or([...(who.citizenId ? [eb('citizen_id', '=', who.citizenId)] : []), ...(who.phone ? [eb('holder_phone', '=', who.phone)] : [])]))
    .orderBy('signed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

export async function isSignedFile(db: Exec, sha256: string): Promise<boolean> {
  return !!(await db.selectFrom('signed_documents').select('id').where('file_sha256', '=', sha256).limit(1).executeTakeFirst());
}
