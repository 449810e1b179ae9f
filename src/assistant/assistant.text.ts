import { fold, normalizeToneSyllable } from '../shared/vietnamese';

/**
 * How the assistant reads what a citizen typed: NFC, lower case, syllables with and without
 * marks, and the leftovers of Vietnamese input methods that did not convert (Telex "ddawng kys",
 * VNI "d9ang ky1"). Dossier codes and phone numbers are taken out first so that their digits are
 * not read as words.
 */

export interface Token {
  /** As typed, lower case NFC. */
  raw: string;
  /** Lower case NFC with the tone mark placed by the traditional rule; '' when typed without marks. */
  accented: string;
  /** No marks, đ→d, y→i: the matching form. */
  folded: string;
  /** What a Telex/VNI leftover decoded to, when it decoded to no known word (typo correction tries it). */
  decoded?: string;
  /** Which part of the message, between punctuation marks, the syllable is in. */
  clause: number;
}

const TONE_MARK: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONE: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };

export const DOSSIER_CODE_RE = /\b(\d{2,5}-\d{6}-\d{4,})\b/;
const PHONE_RE = /(?:\+84|\b84|\b0)(?:[\s.-]?\d){9,10}\b/;

/** A dossier code in the message, e.g. "00004-261129-0001". */
export function findDossierCode(text: string): string | undefined {
  return DOSSIER_CODE_RE.exec(text)?.[1];
}

/** A phone number in the message, as typed (normalise with shared/phone). */
export function findPhone(text: string): string | undefined {
  return PHONE_RE.exec(text.replace(DOSSIER_CODE_RE, ' '))?.[0];
}

const Y_TO_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/**
 * Accented form for comparing: "kí" and "ký", "lí" and "lý" are the same syllable spelt two
 * ways (a lone final y/i after a consonant); "hay" and "hai" are not.
 */
export function accentForm(accented: string): string {
  return accented.replace(/^([bcdđghklmnpqrstvx]+)([yýỳỷỹỵ])$/u, (_, c: string, y: string) => c + Y_TO_I[y]!);
}

function hasMarks(s: string): boolean {
  return fold(s) !== s.replace(/y/g, 'i');
}

/** Put a tone mark (combining character) on a syllable and place it by the usual rule. */
function withTone(base: string, tone: string): string {
  if (!tone) return base.normalize('NFC');
  const m = /[aăâeêioôơuưy]/.exec(base);
  if (!m) return base.normalize('NFC');
  const marked = base.slice(0, m.index + 1) + tone + base.slice(m.index + 1);
  return normalizeToneSyllable(marked.normalize('NFC'));
}

/**
 * A syllable typed in Telex whose conversion did not happen ("ddawng" → "đăng", "kys" → "ký",
 * "thuwowngf" → "thường"). Returns undefined when the input shows no Telex keys.
 */
export function decodeTelex(word: string): string | undefined {
  // A tone key pressed twice ("truss", "thuongff"): the one tone meant.
  let s = word.toLowerCase().replace(/([sfrxj])\1$/, '$1');
  if (!/^[a-z]+$/.test(s) || s.length < 2) return undefined;
  let tone = '';
  // A tone key at the end ("kys") or between the vowel and the final consonant ("hoafng").
  const end = /^(.*[aeiouyw](?:ng|nh|ch|c|m|n|p|t)?)([sfrxj])$/.exec(s);
  const mid = /^(.*[aeiouyw])([sfrxj])(ng|nh|ch|c|m|n|p|t)$/.exec(s);
  if (end && !/^[^aeiouyw]*$/.test(end[1]!)) {
    tone = TONE_MARK[end[2]!]!;
    s = end[1]!;
  } else if (mid) {
    tone = TONE_MARK[mid[2]!]!;
    s = mid[1]! + mid[3]!;
  }
  let changed = tone !== '';
  const before = s;
  s = s
    .replace(/^dd/, 'đ')
    .replace(/uwow|uow|uwo/, 'ươ')
    .replace(/aw/, 'ă')
    .replace(/aa/, 'â')
    .replace(/ee/, 'ê')
    .replace(/oo/, 'ô')
    .replace(/ow/, 'ơ')
    .replace(/uw/, 'ư')
    .replace(/w/, 'ư');
  changed ||= s !== before;
  if (!changed || /[a-z]*w/.test(s) || !/[aăâeêioôơuưy]/.test(s)) return undefined;
  return withTone(s, tone);
}

/** A syllable typed in VNI with digits left in ("d9a8ng" → "đăng", "ky1" → "ký"). */
export function decodeVni(word: string): string | undefined {
  const s0 = word.toLowerCase();
  if (!/^[a-z]+[0-9][a-z0-9]*$/.test(s0)) return undefined;
  let tone = '';
  let out = '';
  for (const ch of s0) {
    if (ch in VNI_TONE) tone = VNI_TONE[ch]!;
    else if (ch === '6') out = out.replace(/([aeo])([^aeo]*)$/, (_, v: string, rest: string) => ({ a: 'â', e: 'ê', o: 'ô' })[v as 'a']! + rest);
    else if (ch === '7') out = out.replace(/uo$/, 'ươ').replace(/([ou])([^ou]*)$/, (_, v: string, rest: string) => (v === 'o' ? 'ơ' : 'ư') + rest);
    else if (ch === '8') out = out.replace(/a([^a]*)$/, 'ă$1');
    else if (ch === '9') out = out.replace(/d/, 'đ');
    else if (/[0-9]/.test(ch)) return undefined;
    else out += ch;
  }
  if (!/[aăâeêioôơuưy]/.test(out)) return undefined;
  return withTone(out, tone);
}

/**
 * Split a message into syllable tokens. `known` tells whether a folded syllable is a word the
 * assistant knows; an unknown ASCII syllable that decodes from Telex or VNI into a known one is
 * replaced by the decoded syllable.
 */
export function tokenize(text: string, known: (folded: string) => boolean): Token[] {
  const clean = text.normalize('NFC').toLocaleLowerCase('vi-VN').replace(DOSSIER_CODE_RE, ' ');
  const words = clean.match(/[\p{L}\p{N}]+|[,.;:!?]/gu) ?? [];
  const out: Token[] = [];
  let clause = 0;
  for (const w of words) {
    if (/^[,.;:!?]$/.test(w)) {
      clause++;
      continue;
    }
    const folded = fold(w);
    if (/^[a-z0-9]+$/.test(w) && !known(folded)) {
      const decoded = decodeTelex(w) ?? decodeVni(w);
      if (decoded && known(fold(decoded))) {
        out.push({ raw: w, accented: accentForm(decoded), folded: fold(decoded), clause });
        continue;
      }
      if (decoded) {
        out.push({ raw: w, accented: '', folded, decoded, clause });
        continue;
      }
    }
    out.push({ raw: w, accented: hasMarks(w) ? accentForm(normalizeToneSyllable(w)) : '', folded, clause });
  }
  return out;
}

// ------------------------------------------------------------------------------ typo tolerance

const SYLLABLE_SHAPE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:uie|uia|uoi|uou|ieu|oai|oao|uiu|ie|ia|iu|uo|ua|ue|ui|uu|oa|oe|oi|oo|ai|ao|au|eo|eu|a|e|i|o|u)(?:ch|ng|nh|[cmnpt])?$/;

/**
 * Whether a folded word has the shape of a Vietnamese syllable (onset, vowel nucleus, final).
 * A well-formed syllable the catalogue does not use is a real word ("xuống", "mèo"), not a typo:
 * only malformed ones ("sihn", "thuongg") are corrected on their own.
 */
export function isSyllableShape(folded: string): boolean {
  return SYLLABLE_SHAPE.test(folded);
}

/** Damerau–Levenshtein distance capped at 2 (enough to decide "one typo or not"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= 2) return 2;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n]!, 2);
}

/**
 * Candidates one edit away from a word, found through deletion keys (each word is filed under
 * itself and every form with one letter deleted): fast enough for every query.
 */
export class TypoIndex {
  private readonly keys = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 3) continue;
      this.file(w, w);
      for (let i = 0; i < w.length; i++) this.file(w.slice(0, i) + w.slice(i + 1), w);
    }
  }

  private file(key: string, word: string): void {
    const list = this.keys.get(key);
    if (!list) this.keys.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }

  /** Known words at edit distance 1 (substitution, insertion, deletion, transposition). */
  near(word: string): string[] {
    const found = new Set<string>();
    const probe = (k: string) => {
      for (const w of this.keys.get(k) ?? []) if (w !== word && editDistance(w, word) === 1) found.add(w);
    };
    probe(word);
    for (let i = 0; i < word.length; i++) probe(word.slice(0, i) + word.slice(i + 1));
    return [...found];
  }
}

/**
 * Spelling confusions of the regional accents (ch/tr, s/x, d/gi/r, l/n, final n/ng, c/t): a
 * correctly spelled syllable can still be the wrong one ("tạm chú" for "tạm trú").
 */
export function dialectVariants(folded: string): string[] {
  const out = new Set<string>();
  const swaps: Array<[RegExp, string]> = [
    [/^ch/, 'tr'],
    [/^tr/, 'ch'],
    [/^s(?!h)/, 'x'],
    [/^x/, 's'],
    [/^gi/, 'd'],
    [/^d/, 'gi'],
    [/^r/, 'd'],
    [/^d/, 'r'],
    [/^l/, 'n'],
    [/^n(?![gh])/, 'l'],
    [/ng$/, 'n'],
    [/([^g])n$/, '$1ng'],
    [/c$/, 't'],
    [/t$/, 'c'],
  ];
  for (const [re, to] of swaps) if (re.test(folded)) out.add(folded.replace(re, to));
  out.delete(folded);
  return [...out];
}

const KEY_NEIGHBOURS: Record<string, string> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'awdzx', d: 'serfcx', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', j: 'huikmn', k: 'jiolm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

/** The last letter replaced by a neighbouring key on a phone keyboard ("kết hôm" for "kết hôn"). */
export function keyboardSlips(folded: string): string[] {
  const i = folded.length - 1;
  if (i < 1) return [];
  return [...(KEY_NEIGHBOURS[folded[i]!] ?? '')].map((n) => folded.slice(0, i) + n);
}
