/**
 * Text helpers shared by the parts of the national record's parser (tthc-import.parse.ts and the
 * tables it reads: tthc-import.components.ts, tthc-import.legal.ts).
 */

export const NO_INFO = 'Không có thông tin';

// ---------------------------------------------------------------------------------------------
// Text

/** Zero-width marks and private-use glyphs (Wingdings bullets pasted from Word). */
export const INVISIBLE = /[\u200b-\u200f\u2028\u2029\ufeff\uf000-\uf8ff]/g;

/** NFC, invisible marks removed, runs of spaces collapsed per line, blank-line runs squeezed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Like cleanText, on one line. */
export function cleanLine(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

export function isNoInfo(s: string): boolean {
  return /^không có thông tin\.?$/i.test(cleanLine(s));
}

export function excerptOf(s: string, max = 160): string {
  const line = cleanLine(s);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export type Report = (field: string, code: string, message: string, excerpt: string) => void;

