import type { Procedure } from '../catalog';
import { systemClock, type Clock } from '../shared/clock';
import { fold, stripDiacritics } from '../shared/vietnamese';
import { addDays, calendarDay, displayDay, idNumberProblem, vietnamToday } from './cccd';
import { DEMO_EFORMS, GHI_CHU } from './demo-eforms';
import {
  eformSchema,
  type EForm,
  type EFormData,
  type EFormField,
  type EFormInput,
  type FieldError,
  type FormValue,
  type PrefillSource,
  type ValidationResult,
} from './eform.types';

/**
 * Vietnamese phone numbers once spaces, dots, dashes and brackets are removed: a mobile is 0 and
 * 9 digits starting 3, 5, 7, 8 or 9; a landline is 0 and 10 digits starting 2 (area code 2x or 2xx
 * since the 2017 renumbering). "+84" may replace the leading 0.
 */
export const PHONE_PATTERN = '^(?:\\+84|0)(?:[35789]\\d{8}|2\\d{9})$';
/** 12 digits (căn cước / số định danh cá nhân) or 9 digits (old CMND). */
export const ID_NUMBER_PATTERN = '^(?:\\d{12}|\\d{9})$';
/** Deliberately loose: one @, a dot in the domain, no spaces (RFC 5321 caps the length at 254). */
const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
const EMAIL_MAX = 254;

/** Caps when a field sets none, so a post cannot store megabytes in one answer. */
const DEFAULT_MAX_LENGTH = { text: 200, textarea: 2000 } as const;

/** Dates before this are typos ("0199"), not late registrations. */
const EARLIEST_DAY = '1800-01-01';

const PHONE_RE = new RegExp(PHONE_PATTERN);
const EMAIL_RE = new RegExp(EMAIL_PATTERN);

export function allFields(eform: EForm): EFormField[] {
  return eform.sections.flatMap((s) => s.fields);
}

/** Longest answer accepted for a text-like field (undefined = no limit beyond the input rules). */
export function effectiveMaxLength(f: EFormField): number | undefined {
  if (f.maxLength !== undefined) return f.maxLength;
  if (f.type === 'text') return DEFAULT_MAX_LENGTH.text;
  if (f.type === 'textarea') return DEFAULT_MAX_LENGTH.textarea;
  if (f.type === 'email') return EMAIL_MAX;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema
// ---------------------------------------------------------------------------------------------

export type JsonSchema = { [key: string]: unknown };

/**
 * JSON Schema (draft 2020-12) of the formData that `validateFormData` returns: normalised values,
 * so dates are 'YYYY-MM-DD' and phone numbers have no separators. Rules relative to today (a birth
 * date not in the future) cannot be expressed and are only in `validateFormData`.
 */
export function toJsonSchema(eform: EForm): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const f of allFields(eform)) {
    properties[f.id] = fieldSchema(f);
    // An unchecked box is stored as false, so a checkbox key is always present.
    if (f.required || f.type === 'checkbox') required.push(f.id);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: eform.title,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

function fieldSchema(f: EFormField): JsonSchema {
  const s: JsonSchema = { title: f.label };
  if (f.help) s.description = f.help;
  switch (f.type) {
    case 'number':
      s.type = f.integer ? 'integer' : 'number';
      if (f.min !== undefined) s.minimum = f.min;
      if (f.max !== undefined) s.maximum = f.max;
      break;
    case 'checkbox':
      s.type = 'boolean';
      if (f.required) s.const = true;
      break;
    case 'select':
    case 'radio':
      s.type = 'string';
      s.enum = (f.options ?? []).map((o) => o.value);
      break;
    case 'date':
      s.type = 'string';
      s.format = 'date';
      break;
    case 'email':
      s.type = 'string';
      s.format = 'email';
      s.pattern = EMAIL_PATTERN;
      break;
    case 'phone':
      s.type = 'string';
      s.pattern = PHONE_PATTERN;
      break;
    case 'idNumber':
      s.type = 'string';
      s.pattern = ID_NUMBER_PATTERN;
      break;
    case 'text':
    case 'textarea':
      s.type = 'string';
      break;
  }
  if (s.type === 'string') {
    // Empty answers are dropped, never stored.
    s.minLength = Math.max(1, f.minLength ?? 0);
    const max = effectiveMaxLength(f);
    if (max !== undefined) s.maxLength = max;
    if (f.pattern !== undefined) {
      if (s.pattern === undefined) s.pattern = f.pattern;
      else s.allOf = [{ pattern: f.pattern }];
    }
  }
  if (f.default !== undefined) s.default = f.default;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export interface ValidateOptions {
  /** Decides "today" for date rules (Vietnam time). */
  clock?: Clock;
}

/**
 * Checks a posted form against the e-form: NFC and trimmed text, numbers and booleans coerced from
 * form-post strings, dates typed dd/mm/yyyy or yyyy-mm-dd stored as yyyy-mm-dd, unknown keys
 * rejected. Every problem is reported at once (one per field), in form order.
 */
export function validateFormData(eform: EForm, data: unknown, opts: ValidateOptions = {}): ValidationResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ field: '', code: 'invalid_type', message: 'Dữ liệu biểu mẫu không hợp lệ.' }] };
  }
  const input = data as Record<string, unknown>;
  const today = vietnamToday((opts.clock ?? systemClock).now());
  const fields = allFields(eform);
  const known = new Set(fields.map((f) => f.id));
  const errors: FieldError[] = [];
  const value: EFormData = {};

  for (const f of fields) {
    // Own keys only: a form with a field named "constructor" must not read Object.prototype.
    const raw = Object.hasOwn(input, f.id) ? input[f.id] : undefined;
    const r = checkField(f, raw, today);
    if ('error' in r) errors.push({ field: f.id, code: r.error[0], message: r.error[1] });
    else if (r.value !== undefined) value[f.id] = r.value;
  }
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      errors.push({ field: key, code: 'unknown_field', message: `Trường “${shown}” không có trong biểu mẫu.` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

type Check = { value: FormValue | undefined } | { error: [code: string, message: string] };

const TRUE_WORDS = new Set(['true', 'on', '1', 'yes', 'co']);
const FALSE_WORDS = new Set(['false', 'off', '0', 'no', 'khong']);
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function checkField(f: EFormField, raw: unknown, today: string): Check {
  const L = f.label;
  if (Array.isArray(raw)) return { error: ['invalid_type', `${L} chỉ được có một giá trị.`] };

  if (f.type === 'checkbox') {
    let checked: boolean;
    if (raw === undefined || raw === null || raw === '') checked = false;
    else if (typeof raw === 'boolean') checked = raw;
    else if (typeof raw === 'string') {
      const w = fold(raw.trim());
      const optionValue = f.options?.[0]?.value;
      if (TRUE_WORDS.has(w) || (optionValue !== undefined && raw.trim() === optionValue)) checked = true;
      else if (FALSE_WORDS.has(w)) checked = false;
      else return { error: ['invalid_type', `${L} không hợp lệ.`] };
    } else return { error: ['invalid_type', `${L} không hợp lệ.`] };
    if (f.required && !checked) return { error: ['required', `Bạn cần đánh dấu xác nhận “${L}”.`] };
    return { value: checked };
  }

  if (raw === undefined || raw === null) return absent(f);

  if (f.type === 'number') return checkNumber(f, raw);

  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: ['invalid_type', `${L} không hợp lệ.`] };
  let s = String(raw).normalize('NFC').replace(CONTROL_CHARS, '');
  s = f.type === 'textarea' ? s.replace(/\r\n?/g, '\n').trim() : s.replace(/\s+/g, ' ').trim();
  if (s === '') return absent(f);

  switch (f.type) {
    case 'date': {
      const day = parseDay(s);
      if (day === 'format') return { error: ['invalid_format', `${L} phải có dạng dd/mm/yyyy.`] };
      if (day === 'unreal') return { error: ['invalid_date', `${L} không phải là ngày có thật.`] };
      if (day < EARLIEST_DAY) return { error: ['invalid_date', `${L} có năm không hợp lệ.`] };
      if (f.max !== undefined) {
        const max = addDays(today, f.max);
        if (day > max) {
          const msg = f.max === 0 ? `${L} không được sau hôm nay.` : `${L} không được sau ngày ${displayDay(max)}.`;
          return { error: ['date_too_late', msg] };
        }
      }
      if (f.min !== undefined) {
        const min = addDays(today, f.min);
        if (day < min) {
          const msg = f.min === 0 ? `${L} không được trước hôm nay.` : `${L} không được trước ngày ${displayDay(min)}.`;
          return { error: ['date_too_early', msg] };
        }
      }
      s = day;
      break;
    }
    case 'select':
    case 'radio':
      if (!f.options?.some((o) => o.value === s)) {
        return { error: ['invalid_option', `Lựa chọn cho “${L}” không có trong danh sách.`] };
      }
      break;
    case 'phone':
      s = s.replace(/[\s.()-]/g, '');
      if (!PHONE_RE.test(s)) {
        return { error: ['invalid_phone', `${L} phải là số điện thoại Việt Nam, ví dụ 0912 345 678 hoặc 024 3825 1234.`] };
      }
      break;
    case 'email':
      if (!EMAIL_RE.test(s)) return { error: ['invalid_email', `${L} không đúng dạng thư điện tử, ví dụ ten@example.com.`] };
      break;
    case 'idNumber': {
      s = s.replace(/[\s.-]/g, '');
      const problem = idNumberProblem(s);
      if (problem === 'format') {
        return { error: ['invalid_id', `${L} phải gồm 12 chữ số (căn cước) hoặc 9 chữ số (chứng minh nhân dân cũ).`] };
      }
      if (problem === 'province') {
        return { error: ['invalid_province', `${L}: 3 chữ số đầu (${s.slice(0, 3)}) không phải mã tỉnh, thành phố hợp lệ.`] };
      }
      break;
    }
    case 'text':
    case 'textarea':
      break;
  }

  const length = [...s].length;
  if (f.minLength !== undefined && length < f.minLength) {
    return { error: ['too_short', `${L} phải có ít nhất ${f.minLength} ký tự.`] };
  }
  const max = effectiveMaxLength(f);
  if (max !== undefined && length > max) return { error: ['too_long', `${L} không được dài quá ${max} ký tự.`] };
  if (f.pattern !== undefined && !new RegExp(f.pattern, 'u').test(s)) {
    return { error: ['pattern', f.help ? `${L} không đúng định dạng: ${f.help}` : `${L} không đúng định dạng.`] };
  }
  return { value: s };
}

function absent(f: EFormField): Check {
  return f.required ? { error: ['required', `${f.label} là bắt buộc.`] } : { value: undefined };
}

const NUMBER_FORMAT = new Intl.NumberFormat('vi-VN');

function checkNumber(f: EFormField, raw: unknown): Check {
  const L = f.label;
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const s = raw.normalize('NFC').trim();
    if (s === '') return absent(f);
    // Vietnamese write a decimal comma; a dot is accepted too. No thousands separators.
    if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(s)) return { error: ['not_a_number', `${L} phải là một số.`] };
    n = Number(s.replace(',', '.'));
  } else return { error: ['not_a_number', `${L} phải là một số.`] };
  if (!Number.isFinite(n)) return { error: ['not_a_number', `${L} phải là một số.`] };
  if (f.integer && !Number.isInteger(n)) return { error: ['not_integer', `${L} phải là số nguyên.`] };
  if (f.min !== undefined && n < f.min) return { error: ['too_small', `${L} phải từ ${NUMBER_FORMAT.format(f.min)} trở lên.`] };
  if (f.max !== undefined && n > f.max) return { error: ['too_big', `${L} không được lớn hơn ${NUMBER_FORMAT.format(f.max)}.`] };
  return { value: n };
}

/** dd/mm/yyyy (also d/m/yyyy, with - or . between) or yyyy-mm-dd → 'YYYY-MM-DD'. */
export function parseDay(s: string): string | 'format' | 'unreal' {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return calendarDay(Number(m[3]), Number(m[2]), Number(m[1])) ?? 'unreal';
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'unreal';
  return 'format';
}

// ---------------------------------------------------------------------------------------------
// Prefill
// ---------------------------------------------------------------------------------------------

/**
 * Values for the fields marked `prefill`, taken from the applicant block or a scanned CCCD, for the
 * fields that `values` leaves empty. Choices match an option's value or label ("Nữ" → 'nu').
 */
export function prefillValues(
  eform: EForm,
  source: PrefillSource,
  values: Readonly<Record<string, unknown>> = {},
): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  for (const f of allFields(eform)) {
    if (!f.prefill) continue;
    const current = Object.hasOwn(values, f.id) ? values[f.id] : undefined;
    if (current !== undefined && current !== null && current !== '') continue;
    const given = source[f.prefill]?.normalize('NFC').trim();
    if (!given) continue;
    if (f.type === 'select' || f.type === 'radio') {
      const match = f.options?.find((o) => o.value === given || fold(o.label) === fold(given));
      if (match) out[f.id] = match.value;
    } else {
      out[f.id] = given;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The e-form of a procedure
// ---------------------------------------------------------------------------------------------

/**
 * Unqualified identity lines ("Họ, chữ đệm và tên", "Giới tính"...). At the top of a paper form
 * they are the declarant, whom the applicant block already holds; after a line naming someone else
 * ("Họ, chữ đệm, tên người có sự kiện hộ tịch") they describe that person and are kept.
 */
const IDENTITY_LINES = new Set(
  [
    'Họ, chữ đệm và tên',
    'Họ, chữ đệm, tên',
    'Họ, chữ đệm và tên khai sinh',
    'Họ và tên',
    'Họ tên',
    'Ngày, tháng, năm sinh',
    'Ngày sinh',
    'Giới tính',
    'Số định danh cá nhân',
    'Số căn cước',
    'Số căn cước công dân',
    'Số điện thoại',
    'Số điện thoại liên hệ',
    'Số điện thoại liên hệ, email',
    'Số điện thoại, email',
    'Số điện thoại, thư điện tử',
    'Email',
    'Thư điện tử',
    'Địa chỉ',
    'Địa chỉ liên hệ',
    'Nơi cư trú',
  ].map(fold),
);
const SIGNATURE = ['chữ ký', 'ký tên', 'ký, ghi rõ'].map(fold);
const REQUESTER = ['người yêu cầu', 'người đề nghị'].map(fold);
const RELATION = fold('quan hệ');

const folded = (label: string) => fold(label).replace(/[.:;\s]+$/, '');

/** "Ngày, tháng, năm sinh; giới tính": every part is an identity item. */
function isIdentityLine(label: string): boolean {
  return folded(label)
    .split(';')
    .every((part) => IDENTITY_LINES.has(part.trim()));
}

/**
 * Lines with no online equivalent wherever they stand: the requester's identity (the applicant
 * block), the signature and date (the submission itself), "Kính gửi" (the unit).
 */
function isNeverAsked(label: string): boolean {
  const f = folded(label);
  if (f.startsWith('kinh gui')) return true;
  if (SIGNATURE.some((w) => f.includes(w))) return true;
  return REQUESTER.some((w) => f.includes(w)) && !f.includes(RELATION);
}

const ID_MAX = 40;

/** "Quan hệ với người được khai sinh" → "quanHeVoiNguoiDuocKhaiSinh" (cut at a word, ≤ 40 chars). */
export function fieldIdFromLabel(label: string): string {
  const words = stripDiacritics(label)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = '';
  for (const w of words) {
    const next = id === '' ? w : id + w[0]!.toUpperCase() + w.slice(1);
    if (next.length > ID_MAX && id !== '') break;
    id = next.slice(0, ID_MAX);
  }
  if (id === '') return 'truong';
  return /^[a-z]/.test(id) ? id : `f${id}`;
}

/**
 * The e-form of a procedure: the explicit one written for it, else one derived from its first paper
 * form (each line a required text field, "(nếu có)" and "Số bản sao" lines optional; the
 * requester's identity and the signature lines left out), else a single "Nội dung yêu cầu".
 * Derived forms end with an optional "Ghi chú".
 */
export function eformFor(procedure: Pick<Procedure, 'code' | 'name' | 'forms'>): EForm {
  // Each caller gets its own copy to keep (and change).
  return structuredClone(eformToRead(procedure));
}

/**
 * The same e-form, shared and deeply frozen (a write to it throws): for a caller that only reads
 * it (checking a submission's data), which then costs no copy. Derived once per procedure object
 * (the catalogue's snapshot keeps the same object until the catalogue changes, then hands out new
 * ones).
 */
export function eformToRead(procedure: Pick<Procedure, 'code' | 'name' | 'forms'>): EForm {
  let form = derivedEforms.get(procedure);
  if (!form) {
    form = deepFreeze(structuredClone(deriveEform(procedure)));
    derivedEforms.set(procedure, form);
  }
  return form;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** E-forms already derived, by procedure object: deriving runs the schema's parser (~0.3 ms a submission). */
const derivedEforms = new WeakMap<object, EForm>();

function deriveEform(procedure: Pick<Procedure, 'code' | 'name' | 'forms'>): EForm {
  const explicit = Object.hasOwn(DEMO_EFORMS, procedure.code) ? DEMO_EFORMS[procedure.code] : undefined;
  if (explicit) return explicit;

  const template = procedure.forms[0];
  const used = new Set<string>([GHI_CHU.id]);
  const fields: EFormInput['sections'][number]['fields'] = [];
  let declarantBlock = true;
  for (const line of template?.fields ?? []) {
    if (isNeverAsked(line)) continue;
    if (declarantBlock && isIdentityLine(line)) continue;
    declarantBlock = false;
    const base = fieldIdFromLabel(line);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base.slice(0, ID_MAX - String(i).length)}${i}`;
    used.add(id);
    // Conditional lines, and extra copies (most people want none), are optional.
    const lower = line.normalize('NFC').toLowerCase();
    const optional = /\(nếu |nếu có/.test(lower) || lower.startsWith('số bản sao');
    // A paper line often asks several things at once ("Thời điểm chết, nơi chết, nguyên nhân chết").
    fields.push({ id, label: line, type: 'text', required: !optional, maxLength: 500 });
  }
  if (template && fields.length > 0) {
    return eformSchema.parse({
      title: template.title,
      sections: [{ title: 'Nội dung tờ khai', fields: [...fields, GHI_CHU] }],
    });
  }
  return eformSchema.parse({
    title: procedure.name,
    sections: [
      {
        title: 'Nội dung yêu cầu',
        fields: [
          {
            id: 'noiDungYeuCau',
            label: 'Nội dung yêu cầu',
            type: 'textarea',
            required: true,
            help: 'Trình bày ngắn gọn việc bạn đề nghị cơ quan giải quyết.',
          },
          GHI_CHU,
        ],
      },
    ],
  });
}
