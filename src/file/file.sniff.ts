/**
 * What a file really is, from its first bytes. The name and the browser's declared type are
 * what the citizen (or an attacker) says; only the content decides.
 */

export type AcceptedMime = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/heic';

export const EXT_BY_MIME: Readonly<Record<AcceptedMime, string>> = Object.freeze({
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
// ISO 32000-1 (PDF 1.7) Annex H.3 note 13: readers accept the header anywhere in the first 1024 bytes.
const PDF_HEADER_WINDOW = 1024;

// ISO/IEC 23008-12 (HEIF) brands. The HEVC brands make it HEIC; mif1/msf1 are the generic HEIF
// brands, accepted too since some phones write them as the major brand.
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
// AVIF is HEIF with AV1 inside and lists mif1 too; it is not one of the accepted types.
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The accepted type that `buf` really is, by magic bytes only; null for anything else. */
export function sniffType(buf: Buffer): AcceptedMime | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= PNG_SIGNATURE.length && buf.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return 'image/png';
  }
  if (isHeic(buf)) return 'image/heic';
  if (buf.subarray(0, PDF_HEADER_WINDOW + PDF_HEADER.length - 1).includes(PDF_HEADER)) return 'application/pdf';
  return null;
}

/** ISO-BMFF: the file starts with an 'ftyp' box: size(4) 'ftyp' major(4) minor(4) compatible(4×n). */
function isHeic(buf: Buffer): boolean {
  if (buf.length < 16 || buf.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxSize = buf.readUInt32BE(0);
  // Size 0 (to end of file) and 1 (64-bit size) never occur for ftyp in practice; refuse them.
  if (boxSize < 16 || boxSize > buf.length || boxSize > 4096) return false;
  const brands = [buf.toString('latin1', 8, 12)];
  for (let off = 16; off + 4 <= boxSize; off += 4) brands.push(buf.toString('latin1', off, off + 4));
  if (brands.some((b) => HEVC_BRANDS.has(b))) return true;
  if (brands.some((b) => AVIF_BRANDS.has(b))) return false;
  return brands.some((b) => GENERIC_HEIF_BRANDS.has(b));
}
