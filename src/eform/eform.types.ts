import { z } from 'zod';

/**
 * An electronic form (biểu mẫu điện tử): the interactive version of a procedure's paper form.
 * A citizen fills it online instead of the tờ khai; the values are the dossier's `formData`.
 *
 * Applicant identity (name, ID, phone, address, email) is NOT part of an e-form: the dossier has
 * its own applicant block. An e-form asks about the subject of the request (the child, the deceased,
 * the two parties of a marriage...), which may or may not be the applicant.
 */

export const FIELD_TYPES = [
  'text',
  'textarea',
  'date',
  'number',
  'select',
  'radio',
  'checkbox',
  'phone',
  'email',
  'idNumber',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a field can be filled from: the applicant block or a scanned citizen ID card (CCCD QR). */
export const PREFILL_KEYS = ['fullName', 'birthDate', 'gender', 'idNumber', 'address', 'phone', 'email'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/**
 * HTML autofill field names (WHATWG HTML, "Autofill"), plus on/off. Only the tokens an e-form can
 * sensibly use; a field about someone other than the user (the child, the deceased) should say 'off'
 * so the browser does not offer the user's own name or birthday.
 */
export const AUTOCOMPLETE_TOKENS = [
  'off',
  'on',
  'name',
  'honorific-prefix',
  'given-name',
  'additional-name',
  'family-name',
  'nickname',
  'organization',
  'organization-title',
  'street-address',
  'address-line1',
  'address-line2',
  'address-line3',
  'address-level1',
  'address-level2',
  'address-level3',
  'address-level4',
  'country',
  'country-name',
  'postal-code',
  'language',
  'bday',
  'bday-day',
  'bday-month',
  'bday-year',
  'sex',
  'url',
  'tel',
  'tel-country-code',
  'tel-national',
  'tel-area-code',
  'tel-local',
  'tel-extension',
  'email',
] as const;
export type AutocompleteToken = (typeof AUTOCOMPLETE_TOKENS)[number];

/** Text arrives NFC or NFD: store NFC. */
const text = z.string().trim().normalize('NFC');

export const optionSchema = z.object({
  /** What is posted and stored; ASCII keeps it stable across NFC/NFD. */
  value: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'Giá trị lựa chọn chỉ gồm chữ thường ASCII, số, - và _'),
  label: text.min(1),
});
export type FieldOption = z.infer<typeof optionSchema>;

export const fieldSchema = z
  .object({
    /** camelCase ASCII: the key in formData and the base of the HTML id. */
    id: z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/, 'Mã trường phải là camelCase ASCII, ví dụ hoTenTre'),
    label: text.min(1),
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    /**
     * select/radio: the choices (at least two). checkbox: at most one, whose label is the
     * statement beside the box ("Tôi cam đoan..."); the field label is then the group's legend.
     */
    options: z.array(optionSchema).optional(),
    /** ECMAScript regular expression (unanchored, as in JSON Schema), tested on the normalised value. */
    pattern: z.string().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    /**
     * number: inclusive bounds. date: inclusive bounds as an offset in days from today (Vietnam
     * time), so `max: 0` means "not after today" (a birth date), `min: -60` "within the last 60 days".
     */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** number: whole numbers only (counts of pages, copies). */
    integer: z.boolean().optional(),
    help: text.optional(),
    autocomplete: z.enum(AUTOCOMPLETE_TOKENS).optional(),
    prefill: z.enum(PREFILL_KEYS).optional(),
    /** Initial value shown in an empty form ("Kinh", "Việt Nam"); not applied to posted data. */
    default: z.union([text, z.number().finite(), z.boolean()]).optional(),
  })
  .superRefine((f, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${f.id}: ${message}` });
    const choice = f.type === 'select' || f.type === 'radio';
    if (choice) {
      if (!f.options || f.options.length < 2) issue('trường lựa chọn cần ít nhất hai phương án');
      else if (new Set(f.options.map((o) => o.value)).size !== f.options.length) issue('giá trị lựa chọn bị trùng');
    } else if (f.type === 'checkbox') {
      if (f.options && f.options.length > 1) issue('ô đánh dấu chỉ có một câu xác nhận');
    } else if (f.options) {
      issue('chỉ trường select, radio, checkbox có options');
    }
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        issue('pattern không phải biểu thức chính quy hợp lệ');
      }
    }
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) issue('minLength lớn hơn maxLength');
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) issue('min lớn hơn max');
    if ((f.min !== undefined || f.max !== undefined) && f.type !== 'number' && f.type !== 'date') {
      issue('min/max chỉ dùng cho trường số hoặc ngày');
    }
    if (f.integer !== undefined && f.type !== 'number') issue('integer chỉ dùng cho trường số');
    if (f.default !== undefined) {
      const expected = f.type === 'number' ? 'number' : f.type === 'checkbox' ? 'boolean' : 'string';
      if (typeof f.default !== expected) issue('giá trị mặc định sai kiểu');
      if (choice && !f.options?.some((o) => o.value === f.default)) issue('giá trị mặc định không có trong options');
    }
  });
export type EFormField = z.infer<typeof fieldSchema>;
export type EFormFieldInput = z.input<typeof fieldSchema>;

export const sectionSchema = z.object({
  title: text.min(1),
  fields: z.array(fieldSchema).min(1),
});
export type EFormSection = z.infer<typeof sectionSchema>;

export const eformSchema = z
  .object({
    title: text.min(1),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const s of form.sections) {
      for (const f of s.fields) {
        if (seen.has(f.id)) ctx.addIssue({ code: 'custom', message: `Mã trường bị trùng: ${f.id}` });
        seen.add(f.id);
      }
    }
  });
export type EForm = z.infer<typeof eformSchema>;
export type EFormInput = z.input<typeof eformSchema>;

/** One problem with one field; `field` is the field id ('' for the whole form). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type FormValue = string | number | boolean;
export type EFormData = Record<string, FormValue>;

export type ValidationResult = { ok: true; value: EFormData } | { ok: false; errors: FieldError[] };

/** What a scanned card or the applicant block can fill in. */
export type PrefillSource = Partial<Record<PrefillKey, string>>;
