/**
 * The key fields of a register entry read from its OCR text: the register (sổ, quyển số), the
 * entry's number, its date and the names in it. Only suggestions: an official confirms them.
 * Lines are matched folded (no diacritics: OCR often misses a mark), values are kept as read.
 */
import { fold } from '../shared/vietnamese';

export interface SuggestedFields {
  register?: string;
  number?: string;
  /** YYYY-MM-DD */
  date?: string;
  names?: string;
}

const valueAfterColon = (line: string) => {
  const i = line.search(/[:：]/);
  return (i >= 0 ? line.slice(i + 1) : '').replace(/\s+/g, ' ').trim();
};

function isoDate(d: number, m: number, y: number): string | undefined {
  if (y < 100) y += y > 50 ? 1900 : 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dateIn(text: string): string | undefined {
  const f = fold(text);
  const words = /ngai\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(f);
  if (words) return isoDate(Number(words[1]), Number(words[2]), Number(words[3]));
  const num = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/.exec(f);
  if (num) return isoDate(Number(num[1]), Number(num[2]), Number(num[3]));
  return undefined;
}

export function suggestFields(text: string): SuggestedFields {
  const lines = text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const out: SuggestedFields = {};
  const names: string[] = [];
  let book = '';
  let dateLine: string | undefined;
  for (const line of lines) {
    const f = fold(line);
    if (!out.register && /^so\s+[a-z]/.test(f) && !/^so\s*(dien thoai|dinh danh|cmnd|cccd)/.test(f)) {
      out.register = line.charAt(0) + line.slice(1).toLowerCase();
      continue;
    }
    if (!book && /^quien so\b/.test(f)) {
      book = valueAfterColon(line) || line.replace(/^\S+\s+\S+\s*/, '');
      continue;
    }
    const num = /^so\s*[:.]?\s*(\d[\w/.-]*)/.exec(f);
    if (!out.number && num) {
      out.number = num[1]!;
      continue;
    }
    if (/^(ho va ten|ho ten|ten)\b[^:]*[:]/.test(f) || /^(ho va ten|ho ten)\b/.test(f)) {
      const v = valueAfterColon(line);
      if (v) names.push(v);
      continue;
    }
    if (!dateLine && /^ngai\b/.test(f) && dateIn(line)) dateLine = line;
  }
  if (book) out.register = out.register ? `${out.register}, quyển số ${book}` : `Quyển số ${book}`;
  const date = dateLine ? dateIn(dateLine) : dateIn(text);
  if (date) out.date = date;
  if (names.length) out.names = names.join('; ');
  return out;
}
