/**
 * Scanned pages made in the tests: Vietnamese text drawn with a real font onto a PNG (as a
 * scanner's image) or into a PDF, for Tesseract to read back. Used by tests only.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');
let registered = false;

export function scanPng(lines: string[]): Buffer {
  if (!registered) registered = !!GlobalFonts.registerFromPath(FONT, 'MotcuaScanSerif');
  const c = createCanvas(1400, 120 + lines.length * 90);
  const g = c.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#111111';
  g.font = '40px MotcuaScanSerif';
  lines.forEach((l, i) => g.fillText(l, 60, 90 + i * 90));
  return c.toBuffer('image/png');
}

export function scanPdf(lines: string[]): Promise<Buffer> {
  return scanBook([lines]);
}

/** A register book: a PDF with one A5 page per entry. */
export async function scanBook(pages: string[][]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  for (const lines of pages) {
    doc.addPage({ size: 'A5' });
    doc.font(FONT).fontSize(14);
    for (const l of lines) doc.text(l);
  }
  doc.end();
  await new Promise((r) => doc.on('end', r));
  return Buffer.concat(chunks);
}
