/**
 * Checking and normalising a citizen's upload before it is stored.
 *
 * - The type is decided by content (file.sniff.ts), never by name or declared type. Only a PDF
 *   claim is held to the content (a renamed .pdf is refused): photos are often mislabelled by
 *   phones and browsers (a PNG called .jpg), so they are accepted as what they really are and
 *   `mime`/`ext` say the truth. `originalName` keeps what the citizen called the file, for display.
 * - JPEG and PNG are always re-encoded through sharp: that applies the EXIF orientation and drops
 *   all metadata (EXIF with GPS position, XMP, ICC after conversion to sRGB, PNG text chunks),
 *   which copying bytes could not guarantee. Larger than `maxDimension` on the long side, they are
 *   downscaled (aspect kept). JPEG → JPEG quality 82. PNG stays PNG (lossless keeps stamps and
 *   small print on scans sharp) unless the PNG is a huge opaque photo: over PNG_AS_PHOTO_BYTES
 *   after re-encoding, it becomes a JPEG when that is smaller.
 * - PDF and HEIC are stored byte for byte. sharp's prebuilt libvips decodes HEIF only with AV1
 *   (AVIF), not HEVC, so HEIC can be neither checked, downscaled nor stripped here: its EXIF
 *   (GPS included) stays. Browsers on iPhones usually convert to JPEG when uploading.
 */
import sharp, { type Metadata } from 'sharp';
import { RuleViolationError } from '../shared/errors';
import { EXT_BY_MIME, sniffType, type AcceptedMime } from './file.sniff';
import { sha256Hex } from './file.store';

export interface UploadInput {
  data: Buffer;
  /** As the browser sent it; may carry path parts (old IE), any Unicode form, anything. */
  filename: string;
  /** The Content-Type the browser declared for the part; a hint only. */
  declaredType?: string;
}

export interface UploadLimits {
  maxFileBytes: number;
  /** Decompression-bomb guard: width × height read from the header. Default DEFAULT_MAX_IMAGE_PIXELS. */
  maxImagePixels?: number;
  /** Long side in pixels above which JPEG/PNG are downscaled. Default DEFAULT_MAX_DIMENSION. */
  maxDimension?: number;
}

export interface PreparedFile {
  /** The bytes to store (re-encoded for JPEG/PNG). */
  data: Buffer;
  /** Lower-case hex SHA-256 of `data`; the store's address. */
  sha256: string;
  size: number;
  mime: AcceptedMime;
  /** Extension for the real type, without dot: pdf, jpg, png, heic. */
  ext: string;
  /** Pixels, after orientation and downscaling; absent for PDF and HEIC. */
  width?: number;
  height?: number;
  /** The citizen's file name, sanitised for display: NFC, no path, no control characters, ≤ 200 characters. */
  originalName: string;
  downscaled: boolean;
}

export const DEFAULT_MAX_DIMENSION = 2000;
/** Enough for a 200 MP phone photo (16320 × 12240); a bomb claiming more is refused before decoding. */
export const DEFAULT_MAX_IMAGE_PIXELS = 205_000_000;
export const JPEG_QUALITY = 82;
/** A re-encoded PNG bigger than this is probably a photo; it becomes a JPEG if that is smaller. */
export const PNG_AS_PHOTO_BYTES = 1_500_000;
export const MAX_NAME_CHARS = 200;

const TYPE_LABEL: Record<AcceptedMime, string> = {
  'application/pdf': 'tệp PDF',
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
  'image/heic': 'ảnh HEIC',
};
const ACCEPTED_TEXT = 'Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, HEIC.';
const PDF_DECLARED = new Set(['application/pdf', 'application/x-pdf']);

/** Validate an upload by its content and turn it into the bytes to store. Throws RuleViolationError. */
export async function prepareUpload(input: UploadInput, limits: UploadLimits): Promise<PreparedFile> {
  const maxDimension = limits.maxDimension ?? DEFAULT_MAX_DIMENSION;
  const maxPixels = limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  for (const [k, v] of Object.entries({ maxFileBytes: limits.maxFileBytes, maxPixels, maxDimension })) {
    if (!Number.isSafeInteger(v) || v <= 0) throw new TypeError(`${k} must be a positive integer, got ${v}`);
  }

  const originalName = sanitizeFilename(input.filename);
  const shown = originalName || 'không tên';
  const { data } = input;

  if (data.length === 0) {
    throw new RuleViolationError('file_empty', `Tệp “${shown}” không có nội dung (0 byte). Vui lòng chọn lại tệp.`);
  }
  if (data.length > limits.maxFileBytes) {
    throw new RuleViolationError(
      'file_too_large',
      `Tệp “${shown}” có dung lượng ${formatBytes(data.length)}, vượt quá giới hạn ${formatBytes(limits.maxFileBytes)}. ` +
        'Vui lòng chụp hoặc quét lại với dung lượng nhỏ hơn.',
    );
  }

  const mime = sniffType(data);
  if (claimsPdf(originalName, input.declaredType) && mime !== 'application/pdf') {
    const actually = mime ? `nội dung thực chất là ${TYPE_LABEL[mime]}` : 'nội dung không phải PDF';
    throw new RuleViolationError(
      'file_content_mismatch',
      `Tệp “${shown}” không phải là PDF thật: tên hoặc loại tệp ghi là PDF nhưng ${actually}. ` +
        'Vui lòng xuất hoặc quét lại giấy tờ ra tệp PDF, hoặc tải lên ảnh chụp giấy tờ.',
    );
  }
  if (!mime) {
    throw new RuleViolationError('file_type_not_allowed', `Tệp “${shown}” không thuộc định dạng được chấp nhận. ${ACCEPTED_TEXT}`);
  }

  const ext = EXT_BY_MIME[mime];
  const name = originalName || `tep-dinh-kem.${ext}`;
  if (mime === 'application/pdf' || mime === 'image/heic') {
    return { data, sha256: sha256Hex(data), size: data.length, mime, ext, originalName: name, downscaled: false };
  }
  const image = await normaliseImage(data, mime, shown, maxDimension, maxPixels);
  return {
    data: image.data,
    sha256: sha256Hex(image.data),
    size: image.data.length,
    mime: image.mime,
    ext: EXT_BY_MIME[image.mime],
    width: image.width,
    height: image.height,
    originalName: name,
    downscaled: image.downscaled,
  };
}

interface NormalisedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  downscaled: boolean;
}

async function normaliseImage(
  data: Buffer,
  mime: 'image/jpeg' | 'image/png',
  shown: string,
  maxDimension: number,
  maxPixels: number,
): Promise<NormalisedImage> {
  const unreadable = () =>
    new RuleViolationError(
      'image_unreadable',
      `Không đọc được ảnh “${shown}”: tệp có thể bị hỏng hoặc chưa tải lên hết. Vui lòng chụp lại hoặc chọn tệp khác.`,
    );

  // The header alone, so a bomb is refused with its real size before any pixel is decoded.
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (!meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > maxPixels) {
    throw new RuleViolationError(
      'file_too_large',
      `Ảnh “${shown}” có độ phân giải quá lớn (${meta.width} × ${meta.height} điểm ảnh, tối đa ` +
        `${formatMegapixels(maxPixels)}). Vui lòng chụp lại ở độ phân giải thấp hơn.`,
      { width: meta.width, height: meta.height, maxImagePixels: maxPixels },
    );
  }

  const { width, height } = meta.autoOrient;
  const downscaled = Math.max(width, height) > maxDimension;
  // limitInputPixels again: the decoder re-reads the header and must hold to the same bound.
  // failOn 'error': refuse corrupt or truncated images, tolerate the harmless warnings phones cause.
  const pipeline = () => {
    const p = sharp(data, { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true });
    return downscaled ? p.resize({ width: maxDimension, height: maxDimension, fit: 'inside' }) : p;
  };
  const asJpeg = () => pipeline().jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });

  try {
    if (mime === 'image/jpeg') {
      const out = await asJpeg();
      return { data: out.data, mime, width: out.info.width, height: out.info.height, downscaled };
    }
    const png = await pipeline().png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    if (png.data.length > PNG_AS_PHOTO_BYTES && (png.info.channels < 4 || (await pipeline().stats()).isOpaque)) {
      const jpeg = await asJpeg();
      if (jpeg.data.length < png.data.length) {
        return { data: jpeg.data, mime: 'image/jpeg', width: jpeg.info.width, height: jpeg.info.height, downscaled };
      }
    }
    return { data: png.data, mime, width: png.info.width, height: png.info.height, downscaled };
  } catch {
    throw unreadable();
  }
}

function claimsPdf(name: string, declaredType: string | undefined): boolean {
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  return /\.pdf$/i.test(name) || (declared !== undefined && PDF_DECLARED.has(declared));
}

// Characters that are invisible or reorder text: control, zero-width, bidi overrides
// ("hoso\u202Efdp.exe" displays as "hosoexe.pdf").
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name safe to show and to put in Content-Disposition: NFC, last path segment only,
 * no invisible characters, no Windows-reserved punctuation, no leading dots, at most
 * MAX_NAME_CHARS code points (the extension kept when cutting). May return ''.
 * It is never used as a path: the store addresses files by hash.
 */
export function sanitizeFilename(raw: string): string {
  let s = raw.normalize('NFC');
  s = s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
  s = s.replace(INVISIBLE, '').replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ');
  s = s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const chars = [...s];
  if (chars.length <= MAX_NAME_CHARS) return s;
  const dot = s.lastIndexOf('.');
  const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
  return chars.slice(0, MAX_NAME_CHARS - ext.length).join('').trimEnd() + ext;
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1536 → "1,5 KB"; 10485760 → "10 MB". */
function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte`;
  if (n < 1024 * 1024) return `${decimal.format(n / 1024)} KB`;
  return `${decimal.format(n / (1024 * 1024))} MB`;
}

function formatMegapixels(n: number): string {
  return `${decimal.format(n / 1_000_000)} triệu điểm ảnh`;
}
