import { stripDiacritics } from '../shared/vietnamese';

/**
 * SMS length rules (3GPP TS 23.038 / 23.040). A message whose every character is in the GSM 7-bit
 * default alphabet is sent 7-bit: 160 characters in one segment, 153 per segment when
 * concatenated (the user data header takes 7); characters of the extension table (^ { } [ ] ~ | \ €)
 * take two. Any other character (Vietnamese letters such as ă, ơ, ư, đ, ệ) switches the whole
 * message to UCS-2: 70 UTF-16 units, 67 per segment when concatenated.
 *
 * Vietnamese brandname-SMS providers commonly accept only unaccented text (and charge per segment),
 * hence SMS_UNICODE=off by default: texts are folded to ASCII before they are counted.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(Array.from(GSM_BASIC));
const EXTENDED = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsInfo {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

// Printable ASCII but the backtick, and CR/LF: all in GSM-7 (basic or extension table). Most
// texts after folding are only these, and a regular expression checks them much faster.
const ASCII_GSM = /^[\n\r\x20-\x5F\x61-\x7E]*$/;
const ASCII_EXT = /[\^{}\\[~\]|]/g;

export function isGsm7(text: string): boolean {
  if (ASCII_GSM.test(text)) return true;
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return false;
  return true;
}

export function smsInfo(text: string): SmsInfo {
  if (ASCII_GSM.test(text)) {
    const units = text.length + (text.match(ASCII_EXT)?.length ?? 0);
    return { encoding: 'gsm7', units, segments: units === 0 ? 1 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENDED.has(ch) ? 2 : 1;
    return { encoding: 'gsm7', units, segments: units === 0 ? 1 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Room for `segments` segments in an encoding. */
export function capacity(encoding: SmsEncoding, segments: number): number {
  if (encoding === 'gsm7') return segments <= 1 ? 160 : 153 * segments;
  return segments <= 1 ? 70 : 67 * segments;
}

const PUNCTUATION: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '•': '-',
  '\u00a0': ' ',
  '₫': 'd',
};

/**
 * Text for a provider that wants no diacritics: Vietnamese letters folded (Đ→D), typographic
 * punctuation made plain, and whatever is still outside GSM-7 dropped, so the message is 7-bit.
 */
export function toGsm7(text: string): string {
  const folded = stripDiacritics(text.normalize('NFC'));
  if (ASCII_GSM.test(folded)) return folded;
  let out = '';
  for (const ch of folded) {
    const mapped = PUNCTUATION[ch] ?? ch;
    for (const c of mapped) if (BASIC.has(c) || EXTENDED.has(c)) out += c;
  }
  return out;
}

/** The text as it goes to the provider: folded to GSM-7 unless the provider takes Unicode. */
export function prepareSms(text: string, unicode: boolean): string {
  if (!unicode && ASCII_GSM.test(text)) return text.replace(/[ \t]+/g, ' ').trim();
  const t = text.normalize('NFC').replace(/[ \t]+/g, ' ').trim();
  return unicode ? t : toGsm7(t);
}

/** Cuts a text to `max` units of its encoding, ending with "..." when cut. */
export function truncateSms(text: string, max: number): string {
  const info = smsInfo(text);
  if (info.units <= max) return text;
  const chars = Array.from(text);
  let out = '';
  let units = 0;
  const ell = '...';
  for (const ch of chars) {
    const w = info.encoding === 'gsm7' ? (EXTENDED.has(ch) ? 2 : 1) : ch.length;
    if (units + w > max - ell.length) break;
    out += ch;
    units += w;
  }
  return out.trimEnd() + ell;
}

/**
 * Renders an SMS within `maxSegments`: the procedure's name (the only long, variable part) is
 * shortened word by word first; only if that is not enough is the text itself cut.
 */
export function fitSms(render: (procedure: string | undefined) => string, procedure: string | undefined, opts: { unicode: boolean; maxSegments: number }): string {
  let proc = procedure;
  for (let i = 0; i < 60; i++) {
    const text = prepareSms(render(proc), opts.unicode);
    const info = smsInfo(text);
    const cap = capacity(info.encoding, opts.maxSegments);
    if (info.units <= cap) return text;
    if (!proc || proc.length <= 12) {
      return truncateSms(text, cap);
    }
    // Cut the name by the overflow (plus room for the ellipsis) at a word boundary.
    const base = proc.replace(/(…|\.\.\.)$/, '');
    const target = base.length - (info.units - cap) - 3;
    const space = base.lastIndexOf(' ', Math.max(0, target));
    const cut = space > 0 ? base.slice(0, space) : '';
    proc = cut.length >= 12 ? cut.replace(/[\s,;:.\-–]+$/u, '') + '…' : '';
  }
  return truncateSms(prepareSms(render(proc), opts.unicode), capacity(opts.unicode ? 'ucs2' : 'gsm7', opts.maxSegments));
}
