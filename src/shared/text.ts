/**
 * Text as it arrives from outside (JSON, forms, query strings, multipart fields) is made safe
 * once, at the edge, before any route sees it:
 *
 * - lone UTF-16 surrogates become U+FFFD (they cannot be stored as UTF-8, PostgreSQL refuses them);
 * - NUL and the other control characters are dropped (PostgreSQL refuses NUL in text: it used to
 *   answer 500); tab, line feed and carriage return stay (comments and addresses have lines), CR LF
 *   and lone CR become LF;
 * - invisible characters that hide or reorder text are dropped: zero-width spaces and joiners, the
 *   BOM, bidi embeddings, overrides and isolates ("hoso\u202Efdp.exe" shows as "hosoexe.pdf");
 * - the result is NFC (Vietnamese typed on some systems arrives decomposed).
 *
 * Names are held to more: one line, spaces collapsed, and at least one letter (`personName`).
 */
import { z } from 'zod';

// C0 controls except TAB (09), LF (0a), CR (0d); DEL and C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings/overrides (202a–202e),
// word joiner and invisible operators (2060–2064), bidi isolates (2066–2069), BOM / ZWNBSP.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEEDS_WORK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]/;
const ASCII = /^[\u0020-\u007e\t\n]*$/;

/** One string made safe to store and show (see the module comment). Cheap for plain ASCII. */
export function cleanText(s: string): string {
  if (ASCII.test(s)) return s;
  let t = s;
  if (NEEDS_WORK.test(t)) {
    t = t.replace(LONE_SURROGATE, '\ufffd').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(INVISIBLE, '');
  }
  return t.normalize('NFC');
}

/**
 * Keys whose values are passed on untouched: secrets are compared byte for byte and never stored;
 * VNPay's parameters are signed as sent.
 */
const VERBATIM_KEY = /password|passwd|secret|^vnp_/i;

/**
 * Every string inside a parsed body, query or params object, cleaned in place (objects and arrays
 * are walked; depth is bounded by the parsers). Returns the value to use instead of `v`.
 */
export function cleanInput(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (v === null || typeof v !== 'object' || depth > 32 || Buffer.isBuffer(v)) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = cleanInput(v[i], depth + 1);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (VERBATIM_KEY.test(k)) continue;
    const cleanKey = cleanText(k);
    const val = cleanInput(o[k], depth + 1);
    if (cleanKey !== k) {
      delete o[k];
      o[cleanKey] = val;
    } else o[k] = val;
  }
  return o;
}

/** A person's or organisation's name: one line, single spaces, at least one letter. */
export function cleanName(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

export const NAME_NEEDS_LETTER = 'Họ tên phải có chữ cái (không chỉ gồm số, dấu hay ký tự đặc biệt).';

/** zod: a name as `cleanName` makes it, refused when it has no letter. */
export function personName(opts: { max?: number; required?: string } = {}) {
  return z
    .string()
    .transform(cleanName)
    .pipe(
      z
        .string()
        .min(1, { message: opts.required ?? 'Cần họ tên', abort: true })
        .max(opts.max ?? 120, `Họ tên tối đa ${opts.max ?? 120} ký tự`)
        .regex(/\p{L}/u, NAME_NEEDS_LETTER),
    );
}
