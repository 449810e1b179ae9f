import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { ValidationError } from '../shared/errors';
import { A4, createDoc, draw, drawQr, MUTED, toBuffer } from '../shared/pdf';
import { qrMatrix } from '../shared/qr';
import { stripDiacritics } from '../shared/vietnamese';
import type { SigningCertificate } from './signing.cert';

/**
 * Stamping and signing a PDF: the verification QR code and its words are drawn at the foot of the
 * last page (a small pdfkit page, so that Vietnamese is set with our fonts, embedded with pdf-lib
 * into any PDF, ours or an uploaded one), then pdf-lib adds the signature field
 * (@signpdf/placeholder-pdf-lib, subfilter ETSI.CAdES.detached as PAdES asks) and @signpdf/signpdf
 * writes the CMS signature (built by node-forge, see UnitSigner) over the whole file except its
 * /Contents.
 */

export interface StampText {
  verifyUrl: string;
  /** The code printed under the QR code (the verification id). */
  id: string;
  unitName: string;
}

export interface SignOptions {
  cert: SigningCertificate;
  /** The signing time written in the signature dictionary (/M). */
  at: Date;
  reason: string;
  location: string;
  /** Who signs for the unit (the leader), written as the signature's /Name. */
  signerName: string;
}

/** Room for the CMS in hex characters: a chain of three 4096-bit certificates still fits. */
const SIGNATURE_HEX_LENGTH = 24_576;
const STAMP = { width: 300, height: 52 } as const;

/** The stamp as a one-page PDF, its drawing in the top-left STAMP box of an A4 page. */
async function stampPdf(t: StampText): Promise<Buffer> {
  const doc = createDoc({ title: 'Xác thực văn bản', margins: { top: 0, left: 0, right: 0 } }, { creationDate: new Date(0) });
  drawQr(doc, await qrMatrix(t.verifyUrl), 0, 0, STAMP.height, 1);
  const x = STAMP.height + 4;
  const w = STAMP.width - x;
  const style = { font: 'sans', size: 6.6, color: '#111111' } as const;
  draw(doc, `Văn bản điện tử đã được ký số bởi ${t.unitName}.`, x, 3, { ...style, font: 'sansSemiBold' }, w);
  draw(doc, 'Quét mã QR hoặc mở địa chỉ dưới đây để xác thực:', x, 14, style, w);
  draw(doc, t.verifyUrl, x, 24, { ...style, size: 6 }, w);
  draw(doc, `Mã xác thực: ${t.id}`, x, 40, { ...style, size: 6, color: MUTED }, w);
  return toBuffer(doc);
}

const notPdf = (detail: string) =>
  new ValidationError(`Tệp kết quả không phải PDF đọc được nên không thể ký số (${detail}). Xin xuất lại tệp PDF rồi gửi lại.`, [{ field: 'file', code: 'result_pdf_invalid', message: 'Tệp kết quả không phải PDF hợp lệ' }], 'result_pdf_invalid');

/** Opens a PDF for stamping; an encrypted or unreadable one is refused in Vietnamese. */
async function open(pdf: Buffer): Promise<PDFDocument> {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw notPdf('không có phần đầu %PDF-');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    if ((e as Error).constructor?.name === 'EncryptedPDFError') {
      throw new ValidationError('Tệp PDF kết quả có đặt mật khẩu (mã hóa) nên không thể ký số. Xin xuất lại tệp PDF không đặt mật khẩu.', [{ field: 'file', code: 'result_pdf_encrypted', message: 'Tệp PDF có mật khẩu' }], 'result_pdf_encrypted');
    }
    throw notPdf('cấu trúc tệp hỏng');
  }
  // pdf-lib reads the page tree lazily: a file with a catalogue but no /Pages loads, then throws here.
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw notPdf('không đọc được danh sách trang');
  }
  if (pages === 0) throw notPdf('tệp không có trang nào');
  return doc;
}

/** The PDF with the verification stamp on its last page and an empty signature field. */
export async function prepare(pdf: Buffer, stamp: StampText, o: SignOptions): Promise<Buffer> {
  const doc = await open(pdf);
  const src = await PDFDocument.load(await stampPdf(stamp));
  const embedded = await doc.embedPage(src.getPage(0), { left: 0, bottom: A4.height - STAMP.height, right: STAMP.width, top: A4.height });
  const page = doc.getPage(doc.getPageCount() - 1);
  const box = page.getMediaBox();
  // At the foot of the page, in the left margin's line (Decree 30/2020: 3 cm on the left); narrower pages get it scaled.
  const scale = Math.min(1, (box.width - 24) / STAMP.width);
  const left = Math.min(3 * (72 / 2.54), Math.max(12, box.width - STAMP.width * scale - 12));
  page.drawPage(embedded, { x: box.x + left, y: box.y + 8, width: STAMP.width * scale, height: STAMP.height * scale });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    // PDF text strings here are written byte by byte: plain letters, the full text is in the CMS certificate and the page.
    reason: stripDiacritics(o.reason),
    contactInfo: stamp.verifyUrl,
    name: stripDiacritics(o.signerName),
    location: stripDiacritics(o.location),
    signingTime: o.at,
    signatureLength: SIGNATURE_HEX_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'motcua',
  });
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/**
 * The CMS SignedData (detached, SHA-256, attributes contentType, signingTime, messageDigest) made
 * with node-forge, as @signpdf/signer-p12 makes it, with two differences:
 * - the key and certificates come parsed once from the checked certificate (signer-p12 opens the
 *   PKCS#12 again at every signature, the slowest part);
 * - the signer is named by issuer and serial number with the issuer's UTF8String values decoded
 *   first: forge keeps a parsed UTF8String as its bytes and encodes it again when writing, so an
 *   issuer with Vietnamese letters (our demo certificate's, a Vietnamese CA's) came out doubly
 *   encoded and PDF readers (poppler/NSS) could not find the signer certificate.
 */
export class UnitSigner extends Signer {
  constructor(private readonly cert: SigningCertificate) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of this.cert.chain) p7.addCertificate(c);
    const issuer = this.cert.signer.issuer.attributes.map((a) => (a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) ? { ...a, value: decodeUtf8(String(a.value)) } : a));
    p7.addSigner({
      key: this.cert.key,
      issuer,
      serialNumber: this.cert.signer.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

function decodeUtf8(s: string): string {
  try {
    return forge.util.decodeUtf8(s);
  } catch {
    return s;
  }
}

/** Signs a prepared PDF (one with an empty signature field) with the unit's certificate. */
export async function signPrepared(prepared: Buffer, cert: SigningCertificate): Promise<Buffer> {
  return new SignPdf().sign(prepared, new UnitSigner(cert));
}

/** Stamp and sign in one go. */
export async function stampAndSign(pdf: Buffer, stamp: StampText, o: SignOptions): Promise<Buffer> {
  return signPrepared(await prepare(pdf, stamp, o), o.cert);
}
