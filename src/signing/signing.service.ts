import type { RawBuilder } from 'kysely';
import type { AlongsideRead } from '../db/alongside';
import type { BlobStore } from '../file';
import { sha256Hex } from '../file';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { CertificateError, checkValidity, loadCertificate, type SigningCertificate } from './signing.cert';
import { stampAndSign } from './signing.pdf';
import * as repo from './signing.repo';
import type { Exec, SignedDocument } from './signing.repo';
import { checkSignature, type SignatureCheck } from './signing.verify';

/**
 * Signed electronic results (issue 14): the unit's digital signature on a PDF result, the record
 * the public verification page shows, and the check of a file someone uploads there.
 *
 * Signing happens before the dossier's transaction (it is slow and touches no table); the record
 * is written inside it (`record`), so a result is never marked ready without its record, nor the
 * other way round. The signed bytes are a content-addressed blob, like every attachment.
 */

export interface SigningOptions {
  publicUrl: string;
  /** The PKCS#12 bytes (SIGNING_P12 read at start), or why they could not be read. */
  p12?: Buffer;
  password?: string;
  /** SIGNING_P12 was set but the file could not be read (message in Vietnamese). */
  loadProblem?: string;
}

/** What is being issued, and to whom. */
export interface IssueMeta {
  unitCode: string;
  unitName: string;
  /** What was issued, e.g. "Kết quả giải quyết: Đăng ký khai sinh". */
  title: string;
  /** The holder's full name: only initials are kept. */
  holderName: string;
  citizenId?: string | null;
  holderPhone?: string | null;
  dossierId?: string | null;
  dossierCode?: string | null;
  /** The leader who signs for the unit. */
  signerName: string;
  fileName: string;
}

/** A signed PDF whose record is not written yet (see `record`). */
export interface PreparedSigned {
  document: SignedDocument;
  pdf: Buffer;
}

export type VerifyVerdict = 'authentic' | 'other_document' | 'tampered' | 'truncated' | 'unsigned' | 'invalid';

export interface VerifyOutcome {
  verdict: VerifyVerdict;
  /** The uploaded file is byte for byte the issued one. */
  same: boolean;
  sha256: string;
  signature: SignatureCheck;
  /** The file was signed with the certificate this document was issued with. */
  unitCertificate: boolean;
  message: string;
}

export type SigningStatus = { state: 'off' } | { state: 'ready'; cert: SigningCertificate } | { state: 'problem'; code: string; message: string };

/** "Nguyễn Văn An" → "N. V. A.": enough for the holder to recognise, nothing for a stranger. */
export function initialsOf(fullName: string): string {
  return fullName
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');
}

export class SigningService {
  private cert: SigningCertificate | undefined;

  constructor(
    private readonly db: Db,
    private readonly files: BlobStore,
    private readonly clock: Clock,
    private readonly opts: SigningOptions,
  ) {}

  /** A certificate is configured (SIGNING_P12, or the demo one): PDF results get signed. */
  get configured(): boolean {
    return !!this.opts.p12 || !!this.opts.loadProblem;
  }

  /** The unit's certificate, checked now; CertificateError with the reason otherwise. */
  certificate(): SigningCertificate {
    if (this.opts.loadProblem) throw new CertificateError('cert_missing_file', this.opts.loadProblem);
    if (!this.opts.p12) throw new CertificateError('cert_not_configured', 'Đơn vị chưa cấu hình chứng thư số (SIGNING_P12) nên chưa thể ký số kết quả.');
    this.cert ??= loadCertificate(this.opts.p12, this.opts.password ?? '', this.clock.now());
    checkValidity(this.cert, this.clock.now());
    return this.cert;
  }

  status(): SigningStatus {
    if (!this.configured) return { state: 'off' };
    try {
      return { state: 'ready', cert: this.certificate() };
    } catch (e) {
      if (e instanceof CertificateError) return { state: 'problem', code: e.code, message: e.message };
      throw e;
    }
  }

  verifyUrl(id: string): string {
    return `${this.opts.publicUrl}/xac-thuc/${id}`;
  }

  /**
   * Stamps the verification QR code on the PDF and signs it; stores the signed bytes. Writes no
   * row: the caller writes it with `record` inside its own transaction.
   */
  async sign(pdf: Buffer, meta: IssueMeta): Promise<PreparedSigned> {
    const cert = this.certificate();
    const id = uuidv7(this.clock.now().getTime());
    const at = this.clock.now();
    const signed = await stampAndSign(
      pdf,
      { verifyUrl: this.verifyUrl(id), id, unitName: meta.unitName },
      { cert, at, reason: `Ký số kết quả: ${meta.title}`, location: meta.unitName, signerName: meta.signerName },
    );
    const sha256 = sha256Hex(signed);
    await this.files.put({ data: signed, sha256 });
    return {
      pdf: signed,
      document: {
        id,
        unitCode: meta.unitCode,
        unitName: meta.unitName,
        title: meta.title,
        holderInitials: initialsOf(meta.holderName),
        citizenId: meta.citizenId ?? null,
        holderPhone: meta.holderPhone ?? null,
        dossierId: meta.dossierId ?? null,
        dossierCode: meta.dossierCode ?? null,
        signerName: meta.signerName,
        certSubject: cert.commonName,
        certSerial: cert.serial,
        certSha256: cert.sha256,
        fileSha256: sha256,
        fileName: meta.fileName,
        size: signed.length,
        signedAt: at.toISOString(),
      },
    };
  }

  /** Writes the record of a signed PDF, in the caller's transaction. */
  async record(trx: Exec, p: PreparedSigned): Promise<void> {
    await repo.insertSigned(trx, p.document);
  }

  /** Sign any PDF and record it at once (e.g. a paper another module renders). */
  async issue(pdf: Buffer, meta: IssueMeta): Promise<PreparedSigned> {
    const p = await this.sign(pdf, meta);
    await this.record(this.db, p);
    return p;
  }

  find(id: string): Promise<SignedDocument | undefined> {
    return /^[0-9a-f-]{36}$/.test(id) ? repo.findSigned(this.db, id) : Promise.resolve(undefined);
  }

  async get(id: string): Promise<SignedDocument> {
    const d = await this.find(id);
    if (!d) throw new NotFoundError('Không tìm thấy văn bản với mã xác thực này. Xin kiểm tra lại mã QR hoặc địa chỉ.', 'signed_document_not_found');
    return d;
  }

  forDossier(dossierId: string, db: Exec = this.db): Promise<SignedDocument | undefined> {
    return repo.findSignedForDossier(db, dossierId);
  }

  /** `forDossier`, read by the dossier module's statement on PostgreSQL (db/alongside.ts: a first tracking lookup's one statement). */
  forDossierAlong(dossierId: RawBuilder<string>): AlongsideRead<SignedDocument | undefined> {
    return { expression: repo.signedJsonForDossier(dossierId), decode: repo.signedFromJson };
  }

  /** A citizen's signed results (their account, or the phone they applied with), newest first. */
  listFor(who: { citizenId?: string | null; phone?: string | null }, limit?: number): Promise<SignedDocument[]> {
    return repo.listSignedFor(this.db, who, limit);
  }

  /** The signed bytes. */
  async content(id: string): Promise<{ document: SignedDocument; data: Buffer }> {
    const document = await this.get(id);
    return { document, data: await this.files.get(document.fileSha256) };
  }

  isFileReferenced(sha256: string): Promise<boolean> {
    return repo.isSignedFile(this.db, sha256);
  }

  /** Is this file exactly the issued document, and is its signature valid? */
  async verify(id: string, file: Buffer): Promise<VerifyOutcome> {
    const d = await this.get(id);
    if (file.subarray(0, 1024).indexOf('%PDF-') < 0) {
      throw new ValidationError('Tệp tải lên không phải tệp PDF. Xin chọn đúng tệp kết quả (.pdf) đã tải về.', [{ field: 'file', code: 'not_pdf', message: 'Tệp không phải PDF' }], 'not_pdf');
    }
    const sha256 = sha256Hex(file);
    const same = sha256 === d.fileSha256;
    const signature = checkSignature(file);
    const unitCertificate = signature.signer?.sha256 === d.certSha256;
    const doc = `"${d.title}" do ${d.unitName} cấp`;
    let verdict: VerifyVerdict;
    let message: string;
    if (same && signature.state === 'valid') {
      verdict = 'authentic';
      message = `Đúng là văn bản ${doc}: tệp trùng khớp từng byte với bản đã ký số, chữ ký số hợp lệ.`;
    } else if (signature.state === 'modified') {
      verdict = 'tampered';
      message = `Tệp KHÔNG đúng văn bản ${doc}: ${signature.problem}`;
    } else if (signature.state === 'incomplete') {
      verdict = 'truncated';
      message = `Tệp KHÔNG đúng văn bản ${doc}: ${signature.problem}`;
    } else if (signature.state === 'unsigned') {
      verdict = 'unsigned';
      message = `Tệp KHÔNG đúng văn bản ${doc}: tệp không có chữ ký số.`;
    } else if (signature.state === 'invalid') {
      verdict = 'invalid';
      message = `Tệp KHÔNG đúng văn bản ${doc}: ${signature.problem}`;
    } else {
      verdict = 'other_document';
      message = unitCertificate
        ? `Tệp có chữ ký số hợp lệ của ${d.unitName} nhưng không phải văn bản của mã xác thực này. Xin quét mã QR in trên chính văn bản đó.`
        : `Tệp có chữ ký số hợp lệ nhưng không phải văn bản ${doc} (khác nội dung, người ký khác).`;
    }
    return { verdict, same, sha256, signature, unitCertificate, message };
  }
}
