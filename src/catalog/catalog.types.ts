import { z } from 'zod';

/**
 * The structured record of one administrative procedure (thủ tục hành chính), shaped after the
 * national portal's record (Decree 63/2010 art. 8 lists the minimum content) plus what a citizen
 * needs on a phone: a plain-language summary and keywords.
 */

export const TIME_UNITS = ['working_days', 'days', 'hours'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const CHANNEL_KINDS = ['in_person', 'online', 'post'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const FEE_BASES = ['per_case', 'per_page', 'per_copy'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];

export const ONLINE_LEVELS = ['full', 'partial'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

// Text arrives NFC or NFD (the national data set has both): store NFC.
const text = z.string().trim().normalize('NFC');

export const processingTimeSchema = z.object({
  value: z.number().positive(),
  unit: z.enum(TIME_UNITS),
});
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

export const feeSchema = z.object({
  /** What the fee is for, e.g. "Lệ phí đăng ký khai sinh", "Phí cấp bản sao trích lục". */
  label: text.min(1),
  /** Whole VND; 0 means free. */
  amount: z.number().int().min(0),
  basis: z.enum(FEE_BASES).default('per_case'),
  /** Cap for per-page/per-copy fees, whole VND. */
  max: z.number().int().positive().optional(),
  note: text.optional(),
  /**
   * Per-copy fees charged only for what the citizen asks for: the e-form field holding the number
   * of copies (e.g. "soBanSao" — copies of the birth certificate at 8.000 đồng each).
   */
  copiesField: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/).optional(),
});
export type Fee = z.infer<typeof feeSchema>;

export const channelSchema = z.object({
  kind: z.enum(CHANNEL_KINDS),
  /** Null when the source gives no usable time. */
  time: processingTimeSchema.nullable(),
  /** The time as the source wrote it, shown when `time` is null or needs a qualifier. */
  timeText: text.default(''),
  fees: z.array(feeSchema).default([]),
  /** Free text about fees when they cannot be structured ("Theo quy định của HĐND tỉnh"). */
  feeText: text.default(''),
  description: text.default(''),
});
export type Channel = z.infer<typeof channelSchema>;

export const formTemplateSchema = z.object({
  /** Stable id, used in the download URL /bieu-mau/:id.pdf. Lowercase ASCII, digits, dashes. */
  id: z.string().regex(/^[a-z0-9-]{2,80}$/),
  title: text.min(1),
  /** Where the official form comes from, e.g. "Mẫu ban hành kèm Thông tư 04/2024/TT-BTP". */
  source: text.default(''),
  /** The lines of the form a citizen fills in. */
  fields: z.array(text.min(1)).default([]),
});
export type FormTemplate = z.infer<typeof formTemplateSchema>;

export const componentSchema = z.object({
  name: text.min(1),
  /** Id of a form template of this procedure, or the template's name when no file exists. */
  form: text.optional(),
  originals: z.number().int().min(0).default(0),
  copies: z.number().int().min(0).default(0),
  required: z.boolean().default(true),
  note: text.optional(),
  /**
   * The paper declaration that the online e-form replaces (e.g. "Tờ khai đăng ký khai sinh"): online
   * it is filled in as the e-form, not attached; at the counter it is still handed in on paper.
   */
  replacedByEForm: z.boolean().optional(),
});
export type Component = z.infer<typeof componentSchema>;

export const componentGroupSchema = z.object({
  /** Short id, unique within the procedure ("chung", "uy-quyen"...). */
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  /** The case (trường hợp); '' or "Giấy tờ phải nộp" for the general list. */
  title: text.default(''),
  components: z.array(componentSchema).min(1),
});
export type ComponentGroup = z.infer<typeof componentGroupSchema>;

export const resultSchema = z.object({ name: text.min(1), code: text.optional() });
export const legalDocSchema = z.object({ number: text.default(''), name: text.min(1) });
export type LegalDoc = z.infer<typeof legalDocSchema>;

export const procedureSchema = z.object({
  /** National code, e.g. "1.001193". */
  code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng 1.001193'),
  name: text.min(3),
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: text.min(2),
  levels: z.array(text).default([]),
  type: text.default(''),
  applicants: text.default(''),
  agency: text.default(''),
  /** Where to submit, if the record says; the unit's own address is shown otherwise. */
  submitAt: text.default(''),
  steps: z.array(text.min(1)).default([]),
  channels: z.array(channelSchema).default([]),
  componentGroups: z.array(componentGroupSchema).default([]),
  forms: z.array(formTemplateSchema).default([]),
  results: z.array(resultSchema).default([]),
  conditions: text.default(''),
  legalBasis: z.array(legalDocSchema).default([]),
  onlineLevel: z.enum(ONLINE_LEVELS).nullable().default(null),
  /** Plain-language summary for citizens: who needs it and what they get. */
  summary: text.default(''),
  /** Fee exemptions in plain words ("Miễn lệ phí cho người thuộc hộ nghèo"...). */
  exemptions: z.array(text.min(1)).default([]),
  /** Words citizens use ("giấy khai sinh", "làm khai sinh cho con"). */
  keywords: z.array(text.min(1)).default([]),
  decision: text.default(''),
  sourceUrl: text.default(''),
});
export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;
