import QRCode from 'qrcode';
import { LruCache } from './lru';

export { LruCache };

/**
 * QR codes for procedure pages, receipts and printed listings.
 *
 * Error correction 'M' (15%) survives a creased or slightly dirty print while keeping the
 * symbol small; a 2-module quiet zone is enough on screens and on paper where the code sits in
 * white space (the PDF renderers leave more around it).
 */

const ERROR_CORRECTION = 'M' as const;
const MARGIN = 2;

export const QR_PNG_DEFAULT_SIZE = 512;
export const QR_PNG_MIN_SIZE = 64;
/** A cap so that a query parameter cannot make us allocate a huge bitmap. */
export const QR_PNG_MAX_SIZE = 2048;

const cache = new LruCache<Promise<unknown>>(2000);

function memo<T>(key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const made = make();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}

/** Empties the QR cache (tests, or after a base URL change). */
export function clearQrCache(): void {
  cache.clear();
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface QrSvgOptions {
  /** Accessible name, e.g. "Mã QR: Đăng ký khai sinh". Adds role="img" and a <title>. */
  title?: string;
}

/**
 * A compact SVG (one path, a viewBox and no width/height, so CSS sizes it). Safe to inline in
 * HTML: the only text in it is the escaped title.
 */
export function qrSvg(text: string, options: QrSvgOptions = {}): Promise<string> {
  const title = options.title?.normalize('NFC').trim();
  return memo(`svg\u0000${title ?? ''}\u0000${text}`, async () => {
    const svg = await QRCode.toString(text, {
      type: 'svg',
      errorCorrectionLevel: ERROR_CORRECTION,
      margin: MARGIN,
    });
    const trimmed = svg.trim();
    if (!title) return trimmed;
    return trimmed.replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeXml(title)}" `,
    ).replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title>`);
  });
}

/**
 * A PNG of `size` × `size` pixels (rounded by the encoder to whole pixels per module, so the
 * actual size may be a few pixels smaller). Returns a fresh Buffer each call: the cached one is
 * never handed out, so a caller may mutate what it gets.
 */
export async function qrPng(text: string, size: number = QR_PNG_DEFAULT_SIZE): Promise<Buffer> {
  if (!Number.isInteger(size) || size < QR_PNG_MIN_SIZE || size > QR_PNG_MAX_SIZE) {
    throw new RangeError(
      `QR size must be an integer from ${QR_PNG_MIN_SIZE} to ${QR_PNG_MAX_SIZE} pixels`,
    );
  }
  const png = await memo(`png\u0000${size}\u0000${text}`, () =>
    QRCode.toBuffer(text, {
      type: 'png',
      errorCorrectionLevel: ERROR_CORRECTION,
      margin: MARGIN,
      width: size,
    }),
  );
  return Buffer.from(png);
}

/** The module grid of a QR code, for drawing it as vectors (e.g. in a PDF). */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, 1 = dark. Do not mutate: it is shared through the cache. */
  data: Uint8Array;
}

export function qrMatrix(text: string): Promise<QrMatrix> {
  return memo(`matrix\u0000${text}`, async () => {
    const code = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
    return { size: code.modules.size, data: code.modules.data };
  });
}

/** The quiet zone, in modules, that `qrSvg` and `qrPng` add around the symbol. */
export const QR_MARGIN = MARGIN;
