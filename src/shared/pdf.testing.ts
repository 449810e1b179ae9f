/**
 * Test support for the printable PDFs: read them back as a viewer would. pdf.js extracts text
 * and renders pages onto a @napi-rs/canvas; jsQR reads the QR codes off the pixels, so a test
 * proves a printed code scans, not just that some QR-shaped paths were drawn.
 */
import { createCanvas } from '@napi-rs/canvas';
import { expect } from 'vitest';
import jsQR, { type QRCode } from 'jsqr';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PDFDocumentProxy };

/** Points per centimetre. */
export const CM = 72 / 2.54;

export async function openPdf(pdf: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

/** Each page's text, lines joined with spaces and whitespace collapsed. */
export async function pageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  return pages;
}

export async function pdfInfo(doc: PDFDocumentProxy): Promise<Record<string, unknown>> {
  return (await doc.getMetadata()).info as Record<string, unknown>;
}

/** Expects each string of `expected` in `text`, in this order. */
export function expectInOrder(text: string, expected: string[]): void {
  let at = 0;
  for (const s of expected) {
    const found = text.indexOf(s, at);
    expect(found, `"${s}" in order`).toBeGreaterThanOrEqual(0);
    at = found + s.length;
  }
}

export interface Raster {
  /** RGBA, row-major. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
}

/** Page `n` (1-based) rendered on white at `scale` pixels per point. */
export async function renderPage(doc: PDFDocumentProxy, n: number, scale: number): Promise<Raster> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport }).promise;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height, scale };
}

export function crop(r: Raster, x: number, y: number, w: number, h: number): Raster {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * r.width + x) * 4;
    data.set(r.data.subarray(from, from + w * 4), row * w * 4);
  }
  return { data, width: w, height: h, scale: r.scale };
}

export const isDark = (r: Raster, x: number, y: number): boolean => r.data[(y * r.width + x) * 4]! < 128;

export interface DecodedQr {
  text: string;
  /** Side of the symbol without its quiet zone, in PDF points. */
  sizePt: number;
}

/**
 * The QR code in `r`, or undefined. Its size comes from the finder patterns: their centres are
 * (n − 7) modules apart in a symbol of n = 17 + 4 × version modules.
 */
export function decodeQr(r: Raster): DecodedQr | undefined {
  const found: QRCode | null = jsQR(r.data, r.width, r.height);
  if (!found) return undefined;
  const n = 17 + 4 * found.version;
  const { topLeftFinderPattern: tl, topRightFinderPattern: tr } = found.location;
  const span = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  return { text: found.data, sizePt: (span * n) / (n - 7) / r.scale };
}

/**
 * Finds the QR codes stacked in a vertical strip (a table's QR column): runs of rows with ink,
 * gaps shorter than a few modules merged, thin runs (table rules) dropped.
 */
export function decodeStackedQrs(strip: Raster): Array<{ text: string | undefined; heightPt: number }> {
  const inked: boolean[] = [];
  for (let y = 0; y < strip.height; y++) {
    let any = false;
    for (let x = 0; x < strip.width && !any; x++) any = isDark(strip, x, y);
    inked.push(any);
  }
  const bands: Array<[number, number]> = [];
  const mergeGap = Math.round(4 * strip.scale);
  for (let y = 0; y < strip.height; y++) {
    if (!inked[y]) continue;
    const last = bands[bands.length - 1];
    if (last && y - last[1] <= mergeGap) last[1] = y;
    else bands.push([y, y]);
  }
  return bands
    .filter(([a, b]) => (b - a) / strip.scale > 30)
    .map(([a, b]) => {
      const pad = Math.round(6 * strip.scale);
      const top = Math.max(0, a - pad);
      const h = Math.min(strip.height - top, b - a + 2 * pad);
      const found = jsQR(crop(strip, 0, top, strip.width, h).data, strip.width, h);
      return { text: found?.data, heightPt: (b - a + 1) / strip.scale };
    });
}
