import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { RuleViolationError } from '../shared/errors';
import { formatDate } from '../shared/format';

/**
 * The unit's signing certificate: a PKCS#12 file (.p12/.pfx) with the private key and its
 * certificate (SIGNING_P12, SIGNING_P12_PASSWORD), read and checked with node-forge before any
 * signature is made, so that the leader gets a clear Vietnamese reason instead of a library's
 * English error: unreadable file, wrong password, no private key, expired or not yet valid.
 *
 * `makeDemoCertificate` makes the self-signed certificate of demo mode (`motcua cert demo`, and
 * `npm start` on its first start): its subject says in words that it is a demo with no legal value.
 */

export class CertificateError extends RuleViolationError {}

const KEY_BAG = forge.pki.oids.pkcs8ShroudedKeyBag!;
const CERT_BAG = forge.pki.oids.certBag!;
type Bag = { cert?: forge.pki.Certificate };

export interface SigningCertificate {
  /** The PKCS#12 bytes and password, as P12Signer takes them. */
  p12: Buffer;
  password: string;
  /** Common name (UTF-8) and the whole subject, e.g. "CN=…, O=…". */
  commonName: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate's DER, hex. */
  sha256: string;
  selfSigned: boolean;
  demo: boolean;
  /** What the CMS needs, parsed once: the private key, every certificate of the file, the signer's. */
  key: forge.pki.rsa.PrivateKey;
  chain: forge.pki.Certificate[];
  signer: forge.pki.Certificate;
}

/** Marks the demo certificate; the verification page repeats it. */
export const DEMO_MARK = 'BẢN DEMO - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

/** forge keeps a UTF8String's bytes as they are: decode them (other string types are ASCII). */
const utf8 = (s: string) => {
  try {
    return forge.util.decodeUtf8(s);
  } catch {
    return s;
  }
};

function nameOf(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${utf8(String(a.value))}`).join(', ');
}

/** Reads and checks a PKCS#12 file; `now` decides expiry. Throws CertificateError (Vietnamese). */
export function loadCertificate(p12: Buffer, password: string, now: Date): SigningCertificate {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw new CertificateError('cert_unreadable', 'Tệp chứng thư số (SIGNING_P12) không đọc được như một tệp PKCS#12 (.p12/.pfx). Xin xuất lại chứng thư số kèm khóa bí mật ra tệp .p12.');
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const msg = String((e as Error).message ?? e);
    if (/password|MAC/i.test(msg)) throw new CertificateError('cert_wrong_password', 'Mật khẩu của tệp chứng thư số (SIGNING_P12_PASSWORD) không đúng: không mở được khóa bí mật để ký.');
    throw new CertificateError('cert_unreadable', 'Tệp chứng thư số (SIGNING_P12) không đọc được như một tệp PKCS#12 (.p12/.pfx). Xin xuất lại chứng thư số kèm khóa bí mật ra tệp .p12.');
  }
  // P12Signer takes the key from a password-protected (shrouded) key bag.
  const keyBag = parsed.getBags({ bagType: KEY_BAG })[KEY_BAG]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) {
    throw new CertificateError('cert_no_key', 'Tệp chứng thư số (SIGNING_P12) không có khóa bí mật (chỉ có chứng thư): không thể ký. Xin xuất lại từ thiết bị ký số kèm khóa bí mật, có đặt mật khẩu.');
  }
  const certs = (parsed.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? []).map((b: Bag) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  const cert = certs.find((c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return !!pub.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!cert) {
    throw new CertificateError('cert_no_key', 'Khóa bí mật trong tệp chứng thư số không khớp với chứng thư nào trong tệp: không thể ký. Xin xuất lại chứng thư số kèm đúng khóa bí mật.');
  }
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const cn = cert.subject.getField('CN');
  const out: SigningCertificate = {
    p12,
    password,
    commonName: cn ? utf8(String(cn.value)) : nameOf(cert.subject.attributes),
    subject: nameOf(cert.subject.attributes),
    issuer: nameOf(cert.issuer.attributes),
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    sha256: createHash('sha256').update(der).digest('hex'),
    selfSigned: cert.isIssuer(cert),
    demo: false,
    key,
    chain: certs,
    signer: cert,
  };
  out.demo = out.subject.includes(DEMO_MARK);
  checkValidity(out, now);
  return out;
}

/** Expired or not yet valid: refused, with the dates the leader can pass on to the admin. */
export function checkValidity(c: Pick<SigningCertificate, 'notBefore' | 'notAfter'>, now: Date): void {
  if (now.getTime() > c.notAfter.getTime()) {
    throw new CertificateError(
      'cert_expired',
      `Chứng thư số của đơn vị đã hết hạn từ ngày ${formatDate(c.notAfter)}: không thể ký kết quả. Xin báo quản trị đơn vị gia hạn chứng thư số (SIGNING_P12) rồi ký lại; kết quả chưa được ghi nhận.`,
    );
  }
  if (now.getTime() < c.notBefore.getTime()) {
    throw new CertificateError('cert_not_yet_valid', `Chứng thư số của đơn vị chỉ có hiệu lực từ ngày ${formatDate(c.notBefore)}: chưa thể ký kết quả.`);
  }
}

export interface DemoCertificateOptions {
  /** Who the demo certificate names, e.g. the demo ward. */
  unitName: string;
  password: string;
  now: Date;
  /** Validity in days from `now` (default 5 years); a negative start makes an expired one for tests. */
  validDays?: number;
  startDays?: number;
}

/**
 * A self-signed RSA-2048 certificate in a PKCS#12 file, its subject marked as a demo. The key pair
 * comes from Node's crypto (OpenSSL, fast); node-forge builds the certificate and the PKCS#12.
 */
export function makeDemoCertificate(o: DemoCertificateOptions): Buffer {
  const { privateKey: pem } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: the first byte below 0x80.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const day = 86_400_000;
  cert.validity.notBefore = new Date(o.now.getTime() + (o.startDays ?? -1) * day);
  cert.validity.notAfter = new Date(o.now.getTime() + (o.startDays ?? -1) * day + (o.validDays ?? 5 * 365) * day);
  // forge UTF-8-encodes values of this type itself (and decodes them when reading).
  const u8 = (v: string) => ({ value: v.normalize('NFC'), valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  const attrs = [
    { shortName: 'CN', ...u8(`${o.unitName} (${DEMO_MARK})`) },
    { shortName: 'O', ...u8(`motcua - ${DEMO_MARK}`) },
    { shortName: 'C', value: 'VN' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  // No basicConstraints: forge writes cA FALSE explicitly, which strict DER readers (NSS, as in
  // poppler's pdfsig) refuse, and FALSE is the default anyway.
  cert.setExtensions([]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], o.password, { algorithm: '3des', friendlyName: 'motcua demo' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/** A PKCS#12 holding only the certificate (no key): what a wrong export looks like (tests, messages). */
export function certificateOnly(p12: Buffer, password: string): Buffer {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, password);
  const certs = (parsed.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? []).map((b: Bag) => b.cert!);
  const out = forge.pkcs12.toPkcs12Asn1(null, certs, password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(out).getBytes(), 'binary');
}
