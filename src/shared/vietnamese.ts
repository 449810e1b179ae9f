/**
 * Vietnamese text: NFC, folding for search, tone-mark placement, slugs.
 *
 * NFC does not unify tone placement (hoà/hòa, thuỷ/thủy) and đ has no decomposition, so search
 * folds both sides: NFD, drop combining marks, đ→d, lower case, y→i (lý/lí).
 */

const COMBINING = /[\u0300-\u036f]/g;

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Lower case, no diacritics, đ→d. Keeps other characters. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Folded form used for matching: lower case, no marks, đ→d, i/y unified. */
export function fold(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/y/g, 'i');
}

/** Split folded or accented text into syllables (letters and digits runs). */
export function syllables(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Tone marks (dấu thanh) as combining characters; other marks (ˆ ˘ ' horn) belong to the vowel.
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/**
 * Put the tone mark of one syllable on the vowel the traditional rule chooses, so that
 * "hoà" and "hòa", "thuỷ" and "thủy" compare equal. Returns NFC, lower case.
 * Rule: a vowel with a hat/horn/breve carries it (ơ in ươ); otherwise with a final consonant
 * the last vowel of the nucleus; otherwise the second-to-last (hòa, thủy, mùa, hài).
 */
export function normalizeToneSyllable(syllable: string): string {
  const lower = syllable.toLowerCase().normalize('NFD');
  let tone = '';
  let base = '';
  for (const ch of lower) {
    if (TONES.has(ch)) tone = ch;
    else base += ch;
  }
  const letters = [...base.normalize('NFC')];
  if (!tone) return letters.join('');
  // Find the vowel nucleus, treating the u of "qu" and the i of "gi" (before a vowel) as consonants.
  let start = 0;
  const word = letters.join('');
  if (word.startsWith('qu')) start = 2;
  else if (word.startsWith('gi') && letters.length > 2 && VOWELS.has(letters[2]!)) start = 2;
  let first = -1;
  let last = -1;
  for (let i = start; i < letters.length; i++) {
    if (VOWELS.has(letters[i]!)) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0) break;
  }
  if (first < 0) {
    // "gì", "gìn": the i of gi is the only vowel.
    for (let i = 0; i < letters.length; i++) if (VOWELS.has(letters[i]!)) first = last = i;
    if (first < 0) return word;
  }
  let target = last;
  const nucleus = letters.slice(first, last + 1);
  const hatted = nucleus.findLastIndex((v) => 'ăâêôơư'.includes(v));
  if (hatted >= 0) {
    // In "ươ" the mark goes on ơ (the last hatted vowel); "ưu" → ư.
    target = first + hatted;
  } else if (last + 1 < letters.length) {
    target = last; // final consonant: hoàn, toán
  } else if (nucleus.length >= 2) {
    target = last - 1; // open syllable: hòa, thủy, mùa
  }
  letters[target] = (letters[target]! + tone).normalize('NFC');
  return letters.join('').normalize('NFC');
}

/** Accented comparison key: lower case, NFC, tone placement unified, đ kept. */
export function accentKey(s: string): string {
  return syllables(s.normalize('NFC')).map(normalizeToneSyllable).join(' ');
}

export function hasDiacritics(s: string): boolean {
  return stripDiacritics(s) !== s;
}

/** URL slug: "Đăng ký, quản lý cư trú" → "dang-ky-quan-ly-cu-tru". */
export function slugify(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Upper case that keeps Vietnamese letters right (Đ, Ư, Ơ). */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi-VN');
}
