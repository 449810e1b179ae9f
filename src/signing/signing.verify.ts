import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checking a signed PDF ourselves, the way a PDF reader does (ISO 32000-1 §12.8, PAdES):
 *
 * 1. the signature dictionary's /ByteRange [0 a b c] must cover the whole file except the
 *    /Contents hole: a + (b - a) + c equals the file's length (more bytes: something was added
 *    after signing; fewer: the file was cut short);
 * 2. the CMS SignedData in /Contents is parsed with node-forge's ASN.1 reader; its messageDigest
 *    attribute must equal the hash of the covered bytes (else the document changed after signing);
 * 3. the signature over the DER of the signed attributes is checked against the signer
 *    certificate's public key with Node's crypto (OpenSSL), RSA or ECDSA.
 *
 * Trust in the certificate (a chain to a national root CA) is not decided here: the verification
 * page compares the certificate with the one the unit signed with (its SHA-256) instead.
 */

export type SignatureState = 'valid' | 'modified' | 'incomplete' | 'invalid' | 'unsigned';

export interface SignatureCheck {
  state: SignatureState;
  /** Why, in Vietnamese, when not valid. */
  problem?: string;
  /** The signer certificate, when it could be read. */
  signer?: { subject: string; sha256: string; notAfter: string };
  /** The signing time in the CMS, when present. */
  signedAt?: string;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

type Node = forge.asn1.Asn1;
const kids = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const oidOf = (n: Node | undefined): string | undefined => (n && n.type === forge.asn1.Type.OID && typeof n.value === 'string' ? forge.asn1.derToOid(n.value) : undefined);
const der = (n: Node) => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');

/** The last /ByteRange of the file (the newest signature), as numbers. */
export function findByteRange(pdf: Buffer): [number, number, number, number] | undefined {
  const text = pdf.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last ? [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] : undefined;
}

export function checkSignature(pdf: Buffer): SignatureCheck {
  const range = findByteRange(pdf);
  if (!range) return { state: 'unsigned', problem: 'Tệp không có chữ ký số.' };
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b) return { state: 'invalid', problem: 'Vùng ký (ByteRange) của chữ ký số không hợp lệ.' };
  if (c + d > pdf.length) {
    return { state: 'incomplete', problem: `Tệp bị cắt cụt: chữ ký số bao phủ ${(c + d).toLocaleString('vi-VN')} byte nhưng tệp chỉ còn ${pdf.length.toLocaleString('vi-VN')} byte.` };
  }
  const hex = pdf.subarray(b, c).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return { state: 'invalid', problem: 'Phần chữ ký (/Contents) trong tệp đã bị sửa.' };

  let signedData: Node[];
  try {
    const bytes = Buffer.from(hex.slice(1, -1), 'hex');
    const root = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), { strict: false, parseAllBytes: false } as unknown as boolean);
    if (oidOf(kids(root)[0]) !== OID.signedData) throw new Error('not SignedData');
    signedData = kids(kids(kids(root)[1])[0]);
  } catch {
    return { state: 'invalid', problem: 'Phần chữ ký (/Contents) không phải dữ liệu ký CMS đọc được.' };
  }
  // SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, signerInfos.
  const certNodes = signedData.filter((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0).flatMap(kids);
  const signerInfo = kids(signedData.at(-1))[0];
  const si = kids(signerInfo);
  const sid = si[1];
  const digestOid = oidOf(kids(si[2])[0]);
  const attrs = si.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const sigValue = si.find((n) => n.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING);
  const hash = digestOid ? HASHES[digestOid] : undefined;
  if (!signerInfo || !attrs || !sigValue || !hash) return { state: 'invalid', problem: 'Chữ ký số thiếu thuộc tính đã ký hoặc dùng thuật toán băm không hỗ trợ.' };

  // The signer's certificate: the one whose serial number the SignerInfo names.
  const serialHex = (n: Node | undefined) => (n && typeof n.value === 'string' ? forge.util.bytesToHex(n.value).replace(/^(00)+(?=.)/, '') : '');
  const wanted = serialHex(kids(sid)[1]);
  let cert: X509Certificate | undefined;
  for (const n of certNodes) {
    try {
      const x = new X509Certificate(der(n));
      if (!wanted || x.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, '') === wanted.toLowerCase()) cert = x;
    } catch {
      // not a certificate we can read: skip
    }
  }
  const signer = cert ? { subject: cert.subject, sha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(), notAfter: new Date(cert.validTo).toISOString() } : undefined;

  let digest: string | undefined;
  let signedAt: string | undefined;
  for (const attr of kids(attrs)) {
    const [t, set] = kids(attr);
    const v = kids(set)[0];
    if (oidOf(t) === OID.messageDigest && v && typeof v.value === 'string') digest = forge.util.bytesToHex(v.value);
    if (oidOf(t) === OID.signingTime && v && typeof v.value === 'string') {
      try {
        signedAt = (v.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(v.value) : forge.asn1.generalizedTimeToDate(v.value)).toISOString();
      } catch {
        // leave it out
      }
    }
  }
  const actual = createHash(hash).update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest('hex');
  if (!digest || digest !== actual) {
    return { state: 'modified', problem: 'Nội dung tệp đã bị thay đổi sau khi ký: mã băm của các byte được ký không khớp với mã băm trong chữ ký.', signer, signedAt };
  }
  // The signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] it is stored with.
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, kids(attrs));
  let ok = false;
  try {
    ok = !!cert && cryptoVerify(hash, der(set), cert.publicKey, Buffer.from(String(sigValue.value), 'binary'));
  } catch {
    ok = false;
  }
  if (!ok) return { state: 'invalid', problem: cert ? 'Chữ ký số không khớp với chứng thư số kèm theo: chữ ký không hợp lệ.' : 'Không tìm thấy chứng thư số của người ký trong chữ ký.', signer, signedAt };
  if (c + d < pdf.length) {
    return { state: 'modified', problem: 'Tệp có thêm nội dung được ghi sau khi ký: phần thêm không được chữ ký số bảo vệ.', signer, signedAt };
  }
  return { state: 'valid', signer, signedAt };
}
