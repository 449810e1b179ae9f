import { answerText, type EFormField } from '../eform';
import { fold } from '../shared/vietnamese';

/**
 * Reading a chat answer for one e-form field, and asking the field's question. The answer is
 * turned into what the web form would post (a date as dd/mm/yyyy, a choice as its value, a box as
 * "true"); the e-form's own validation (src/eform) then decides, with its own Vietnamese messages.
 */

/** Folded words, single spaces ("Ngày 5 tháng Ba" → "ngai 5 thang ba"). */
const words = (s: string) => fold(s.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim();

// Folded (y→i): "bảy" is "bai", "mười" is "muoi".
const MONTH_WORDS: Record<string, number> = {
  mot: 1, gieng: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bai: 7, tam: 8, chin: 9, muoi: 10, 'muoi mot': 11, 'muoi hai': 12, chap: 12,
};
const DAY_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bai: 7, tam: 8, chin: 9, muoi: 10 };

/**
 * A date as people write it in Vietnamese, as dd/mm/yyyy for the e-form's check: "5/3/2024",
 * "05-03-2024", "5.3.2024", "2024-03-05", "5 3 2024", "ngày 5 tháng 3 năm 2024", "mùng 5 tháng ba
 * năm 2024", "5 tháng 3, 2024". Undefined when the text is not a date at all (the e-form's own
 * format message is then shown); an impossible day (31/02) is left for the e-form to refuse.
 */
export function vietnameseDate(text: string): string | undefined {
  const s = text.normalize('NFC').trim();
  let m = /^(?:ngày\s+)?(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/iu.exec(s);
  if (m) return `${m[1]}/${m[2]}/${m[3]}`;
  m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(s);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const w = words(s);
  const dayPart = '(?:ngai |mung |hom )*(\\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bai|tam|chin|muoi)';
  const monthPart = '(?:thang )(\\d{1,2}|muoi mot|muoi hai|mot|gieng|hai|ba|bon|tu|nam|sau|bai|tam|chin|muoi|chap)';
  const re = new RegExp(`^${dayPart} ${monthPart} (?:nam )?(\\d{4})$`);
  m = re.exec(w);
  if (!m) return undefined;
  const day = /^\d+$/.test(m[1]!) ? Number(m[1]) : DAY_WORDS[m[1]!];
  const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : MONTH_WORDS[m[2]!];
  if (!day || !month) return undefined;
  return `${day}/${month}/${m[3]}`;
}

const SKIP = new Set(['bo qua', 'khong co', 'khong', 'ko', 'k', 'bo trong', 'de trong', 'skip', 'chua co', '-']);
const KEEP_DEFAULT = new Set(['dung', 'dung roi', 'giu nguyen', 'nhu tren', 'mac dinh', 'ok', 'vang', 'u', 'co']);
const AGREE = new Set(['dong i', 'toi dong i', 'xac nhan', 'toi xac nhan', 'co', 'vang', 'ok', 'dung', 'cam doan', 'toi cam doan', 'dong i cam doan']);
const DISAGREE = new Set(['khong', 'khong dong i', 'ko', 'k']);

export type Reading = { raw: unknown } | { skip: true };

/**
 * What the web form would have posted for this answer. Choices by number, value or label; an
 * optional field skipped ("bỏ qua"); a default kept ("đúng", "như trên").
 */
export function readAnswer(f: EFormField, text: string): Reading {
  const t = text.normalize('NFC').trim();
  const w = words(t);
  if (f.default !== undefined && KEEP_DEFAULT.has(w) && f.type !== 'checkbox') return { raw: String(f.default) };
  if (f.type === 'checkbox') {
    if (AGREE.has(w)) return { raw: 'true' };
    if (!f.required && SKIP.has(w) && !DISAGREE.has(w)) return { skip: true };
    if (DISAGREE.has(w)) return { raw: 'false' };
    return { raw: t };
  }
  if (!f.required && SKIP.has(w)) return { skip: true };
  if (f.type === 'select' || f.type === 'radio') {
    const options = f.options ?? [];
    const n = /^(?:so |chon )?(\d{1,2})$/.exec(w);
    if (n) return { raw: options[Number(n[1]) - 1]?.value ?? t };
    const hit = options.find((o) => o.value === t || words(o.label) === w);
    return { raw: hit?.value ?? t };
  }
  if (f.type === 'date') return { raw: vietnameseDate(t) ?? t };
  return { raw: t };
}

/** The question for one field: its label, its help, the choices, and how to skip or keep. */
export function fieldQuestion(f: EFormField, n: number, total: number): { lines: string[]; quickReplies: string[] } {
  const lines = [`(${n}/${total}) ${f.type === 'checkbox' ? f.label : `${f.label}?`}`];
  const quick: string[] = [];
  if (f.type === 'checkbox') {
    lines.push(`“${f.options?.[0]?.label ?? f.label}”`, 'Nhắn “Đồng ý” để xác nhận.');
    quick.push('Đồng ý');
  } else if (f.type === 'select' || f.type === 'radio') {
    const options = f.options ?? [];
    lines.push(...options.map((o, i) => `${i + 1}. ${o.label}`), 'Xin trả lời bằng số hoặc chọn bên dưới.');
    quick.push(...options.map((o) => o.label));
  } else if (f.type === 'date') {
    lines.push('Ví dụ: 05/03/2024 hoặc 5 tháng 3 năm 2024.');
  }
  if (f.help && f.type !== 'checkbox') lines.push(f.help);
  if (f.default !== undefined && f.type !== 'checkbox') {
    lines.push(`Nhắn “Đúng” nếu là ${answerText(f, f.default)}.`);
    quick.push('Đúng');
  }
  if (!f.required) {
    lines.push('Không bắt buộc: nhắn “Bỏ qua” nếu không có.');
    quick.push('Bỏ qua');
  }
  return { lines, quickReplies: quick };
}
