import { z } from 'zod';
import { ValidationError } from '../shared/errors';
import type { Unit } from '../unit';
import { checkRule } from './report.rules';
import { PERIOD_TYPES, RULE_OPERATORS, VALUE_TYPES, type DataSetInput } from './report.types';

/**
 * A data set's definition as a manager writes it (the editor, the JSON API, the seed): its schema
 * and the checks that need the units and category combos, each problem with a Vietnamese message.
 * Who may save it, and the writing, stay with ReportService.saveDataSet.
 */

const DEFAULT_ENTER = ['receptionist', 'specialist', 'leader', 'admin'];
const DEFAULT_APPROVE = ['leader'];

export const CODE = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Mã gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ SO_PHONG)');
export const NAME = (what: string) => z.string({ error: `${what} là bắt buộc` }).trim().normalize('NFC').min(1, `${what} là bắt buộc`).max(300, `${what} tối đa 300 ký tự`);
const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM, ví dụ 17:00');
const dataSetSchema = z.object({
  code: CODE,
  name: NAME('Tên báo cáo'),
  description: z.string().trim().normalize('NFC').max(2000).default(''),
  periodType: z.enum(PERIOD_TYPES, { error: 'Chọn kỳ báo cáo: ngày, tuần, tháng, quý, năm hoặc theo sự kiện' }),
  eventDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sự kiện có dạng YYYY-MM-DD').nullable().default(null),
  eventPhases: z.array(z.object({ code: CODE, name: NAME('Tên giai đoạn'), offsetDays: z.number().int().min(-60).max(60), deadlineTime: TIME })).max(10).default([]),
  deadline: z.object({ daysAfter: z.number().int().min(0).max(365).default(0), time: TIME.default('23:59') }).default({ daysAfter: 0, time: '23:59' }),
  rules: z.array(z.object({ code: CODE, left: z.string().min(1, 'Vế trái là bắt buộc'), operator: z.enum(RULE_OPERATORS, { error: 'Phép so sánh không hợp lệ' }), right: z.string().min(1, 'Vế phải là bắt buộc'), message: z.string().trim().normalize('NFC').max(300).default('') })).max(100).default([]),
  sections: z.array(z.string().trim().normalize('NFC').min(1).max(200)).max(50).default([]),
  access: z.object({ enter: z.array(z.string()).default(DEFAULT_ENTER), approve: z.array(z.string()).default(DEFAULT_APPROVE) }).default({ enter: DEFAULT_ENTER, approve: DEFAULT_APPROVE }),
  usesPlaces: z.boolean().default(false),
  register: z.object({ kind: z.enum(['', 'quarantine', 'workers']), countElement: z.string().optional(), longStayElement: z.string().optional(), longStayDays: z.number().int().min(1).max(365).optional() }).default({ kind: '' }),
  prefill: z.enum(['', 'indicators']).default(''),
  approvalRequired: z.boolean().default(false),
  closed: z.boolean().default(false),
  ownerUnit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị quản lý báo cáo gồm 2 đến 5 chữ số'),
  units: z.array(z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số')).max(20_000).default([]),
  dataElements: z
    .array(
      z.object({
        code: CODE,
        name: NAME('Tên chỉ tiêu'),
        description: z.string().trim().normalize('NFC').max(1000).default(''),
        valueType: z.enum(VALUE_TYPES, { error: 'Kiểu giá trị không hợp lệ' }),
        section: z.string().trim().normalize('NFC').max(200).default(''),
        categoryCombo: z.string().default(''),
      }),
    )
    .min(1, 'Báo cáo cần ít nhất một chỉ tiêu')
    .max(500),
});

/** A definition that has the schema's shape (defaults filled in), before the checks against units and combos. */
export type DataSetDefinition = z.output<typeof dataSetSchema>;

/** The definition's shape, or every field's problem. */
export function parseDataSet(input: DataSetInput | unknown): DataSetDefinition {
  const r = dataSetSchema.safeParse(input ?? {}, { error: z.locales.vi().localeError });
  if (!r.success) throw new ValidationError('Định nghĩa báo cáo chưa hợp lệ.', r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })), 'invalid_data_set');
  return r.data;
}

/**
 * Element codes, combos, rules, units, event phases and the register, checked against the known
 * units and combos; `d` is completed in place (units once each, sections of the elements, rules
 * as checked). Throws every problem at once.
 */
export function checkDataSet(d: DataSetDefinition, byCode: Map<string, Unit>, combos: Set<string>): void {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  if (!byCode.has(d.ownerUnit)) problems.push({ field: 'ownerUnit', code: 'unit_not_found', message: `Không có đơn vị mã ${d.ownerUnit}` });
  d.units = [...new Set(d.units)];
  for (const u of d.units) if (!byCode.has(u)) problems.push({ field: 'units', code: 'unit_not_found', message: `Không có đơn vị mã ${u}` });
  const codes = new Set<string>();
  d.dataElements.forEach((e, i) => {
    if (codes.has(e.code)) problems.push({ field: `dataElements.${i}.code`, code: 'duplicate', message: `Mã chỉ tiêu ${e.code} bị trùng` });
    codes.add(e.code);
    if (e.categoryCombo && !combos.has(e.categoryCombo)) problems.push({ field: `dataElements.${i}.categoryCombo`, code: 'combo_not_found', message: `Không có cách phân tổ mã ${e.categoryCombo}` });
    if (e.section && !d.sections.includes(e.section)) d.sections.push(e.section);
  });
  d.rules.forEach((rule, i) => {
    try {
      d.rules[i] = checkRule(rule, codes);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      problems.push({ field: `rules.${i}`, code: 'invalid_rule', message: e.message });
    }
  });
  if (d.periodType === 'event') {
    if (!d.eventDate) problems.push({ field: 'eventDate', code: 'required', message: 'Báo cáo theo sự kiện cần ngày diễn ra sự kiện' });
    if (!d.eventPhases.length) problems.push({ field: 'eventPhases', code: 'required', message: 'Báo cáo theo sự kiện cần ít nhất một giai đoạn (trước, trong, sau…)' });
    if (new Set(d.eventPhases.map((p) => p.offsetDays)).size !== d.eventPhases.length) problems.push({ field: 'eventPhases', code: 'duplicate', message: 'Mỗi giai đoạn là một ngày khác nhau' });
  }
  for (const k of ['countElement', 'longStayElement'] as const) {
    const c = d.register[k];
    if (c && !codes.has(c)) problems.push({ field: `register.${k}`, code: 'element_not_found', message: `Không có chỉ tiêu mã ${c} để tính từ danh sách` });
  }
  if (d.register.kind && !d.register.countElement) problems.push({ field: 'register.countElement', code: 'required', message: 'Chọn chỉ tiêu nhận số người tính từ danh sách' });
  if (problems.length) throw new ValidationError('Định nghĩa báo cáo chưa hợp lệ.', problems, 'invalid_data_set');
}
