import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../shared/errors';
import type { Unit } from '../unit';
import { PERIOD_TYPES, RULE_OPERATORS, VALUE_TYPES, type CategoryCombo, type DataSet, type DataSetInput, type ReportActor } from './report.types';

/**
 * The data set editor's rules (issue 12, "the supervisor's side"): a supervisor creates and edits
 * the reports of their unit (elements, sections, disaggregations, units, deadline, rules), copies
 * last year's, closes one; the same as DHIS2-shaped metadata JSON through the API. The report
 * model (`saveDataSet`) checks and stores; this file maps the form and the JSON onto it and says
 * who may.
 */

export interface AdminPort {
  dataSets(): Promise<DataSet[]>;
  dataSet(code: string): Promise<DataSet>;
  saveDataSet(actor: ReportActor, input: DataSetInput): Promise<DataSet>;
  categoryCombos(): Promise<CategoryCombo[]>;
}

export interface AdminDeps {
  reports: AdminPort;
  units: { get(code: string): Promise<Unit>; descendants(code: string): Promise<Unit[]>; ancestry(code: string): Promise<Unit[]> };
}

/** Roles that define reports (the report model's managers): the supervisor, and a unit's administrator for its own. */
export const EDITOR_ROLES = ['supervisor', 'admin'];

const CODE = z.string().trim().min(2, 'Mã từ 2 ký tự').max(40, 'Mã tối đa 40 ký tự').regex(/^[A-Z][A-Z0-9_]*$/, 'Mã gồm chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ');
const NAME = z.string().trim().min(2, 'Tên từ 2 ký tự').max(200, 'Tên tối đa 200 ký tự');
const TIME = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM, ví dụ 17:00');

/** DHIS2-shaped metadata of a data set (what `GET /api/reports/dataSets` answers and POST takes). */
export const dataSetJson = z.object({
  code: CODE,
  name: NAME,
  description: z.string().trim().max(2000).default(''),
  periodType: z.enum(PERIOD_TYPES, { message: `Loại kỳ là một trong: ${PERIOD_TYPES.join(', ')}` }),
  deadline: z.object({ daysAfter: z.number().int().min(0, 'Số ngày sau kỳ không âm').max(366), time: TIME }).partial().default({}),
  eventDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sự kiện có dạng YYYY-MM-DD').nullable().default(null),
  eventPhases: z.array(z.object({ code: CODE, name: NAME, offsetDays: z.number().int().min(-60).max(60), deadlineTime: TIME })).default([]),
  approvalRequired: z.boolean().default(false),
  usesPlaces: z.boolean().default(false),
  closed: z.boolean().default(false),
  sections: z.array(z.string().trim().min(1).max(200)).default([]),
  rules: z.array(z.object({ code: CODE, left: z.string().trim().min(1).max(500), operator: z.enum(RULE_OPERATORS), right: z.string().trim().min(1).max(500), message: z.string().trim().min(2).max(300) })).default([]),
  dataElements: z
    .array(
      z.object({
        code: CODE,
        name: NAME,
        valueType: z.enum(VALUE_TYPES, { message: `Kiểu giá trị là một trong: ${VALUE_TYPES.join(', ')}` }),
        section: z.string().trim().max(200).default(''),
        description: z.string().trim().max(2000).default(''),
        categoryCombo: z.string().trim().max(40).default(''),
        categoryOptionCombos: z.array(z.object({ code: z.string().trim().min(1), name: z.string().trim().default('') })).default([]),
      }),
    )
    .min(1, 'Báo cáo cần ít nhất một chỉ tiêu'),
  units: z.array(z.union([z.string(), z.object({ code: z.string() })]).transform((u) => (typeof u === 'string' ? u : u.code).trim())).default([]),
});
export type DataSetJsonIn = z.input<typeof dataSetJson>;

export interface DataSetJsonOut {
  code: string;
  name: string;
  description: string;
  periodType: string;
  deadline: { daysAfter: number; time: string };
  eventDate: string | null;
  eventPhases: DataSet['eventPhases'];
  approvalRequired: boolean;
  usesPlaces: boolean;
  closed: boolean;
  ownerUnit: string;
  sections: string[];
  rules: DataSet['rules'];
  dataElements: Array<{ code: string; name: string; valueType: string; section: string; description: string; categoryCombo: string; categoryOptionCombos: Array<{ code: string; name: string }> }>;
  units: Array<{ code: string; name: string }>;
}

export class ReportAdmin {
  constructor(private readonly deps: AdminDeps) {}

  all(): Promise<DataSet[]> {
    return this.deps.reports.dataSets();
  }

  get(code: string): Promise<DataSet> {
    return this.deps.reports.dataSet(code);
  }

  async combos(): Promise<CategoryCombo[]> {
    return this.deps.reports.categoryCombos();
  }

  /** Data sets an official may edit: those owned by their unit. */
  async editable(staff: { unitCode: string; role: string }): Promise<DataSet[]> {
    if (!EDITOR_ROLES.includes(staff.role)) return [];
    return (await this.deps.reports.dataSets()).filter((d) => d.ownerUnit === staff.unitCode);
  }

  async forEdit(staff: { unitCode: string; role: string }, code: string): Promise<DataSet> {
    const ds = await this.deps.reports.dataSet(code);
    this.mayEdit(staff, ds.ownerUnit);
    return ds;
  }

  mayEdit(staff: { unitCode: string; role: string }, ownerUnit: string): void {
    if (!EDITOR_ROLES.includes(staff.role)) throw new ForbiddenError('Chỉ cán bộ giám sát hoặc quản trị đơn vị được tạo và sửa báo cáo.', 'report_editor_only');
    if (ownerUnit !== staff.unitCode) throw new ForbiddenError('Báo cáo này do đơn vị khác quản lý.', 'report_not_owner');
  }

  /** DHIS2-shaped metadata, with the option combos of every element spelt out. */
  async toJson(list: DataSet[]): Promise<DataSetJsonOut[]> {
    const combos = new Map((await this.deps.reports.categoryCombos()).map((c) => [c.code, c]));
    const names = new Map<string, string>();
    const name = async (code: string) => {
      if (!names.has(code)) names.set(code, (await this.deps.units.get(code).catch(() => undefined))?.name ?? code);
      return names.get(code)!;
    };
    const out: DataSetJsonOut[] = [];
    for (const d of list) {
      out.push({
        code: d.code,
        name: d.name,
        description: d.description,
        periodType: d.periodType,
        deadline: d.deadline,
        eventDate: d.eventDate,
        eventPhases: d.eventPhases,
        approvalRequired: d.approvalRequired,
        usesPlaces: d.usesPlaces,
        closed: d.closed,
        ownerUnit: d.ownerUnit,
        sections: d.sections,
        rules: d.rules,
        dataElements: d.dataElements.map((e) => ({
          code: e.code,
          name: e.name,
          valueType: e.valueType,
          section: e.section,
          description: e.description,
          categoryCombo: e.categoryCombo,
          categoryOptionCombos: (combos.get(e.categoryCombo)?.options ?? []).map((o) => ({ code: o.code, name: o.name })),
        })),
        units: await Promise.all(d.units.map(async (u) => ({ code: u, name: await name(u) }))),
      });
    }
    return out;
  }

  /**
   * Create or edit from DHIS2-shaped JSON. An element names its disaggregation by `categoryCombo`,
   * or by its option combos (the combo whose options are exactly those).
   */
  async saveJson(staff: { id: string; fullName: string; unitCode: string; role: string }, raw: unknown): Promise<DataSet> {
    const r = dataSetJson.safeParse(raw);
    if (!r.success) {
      throw new ValidationError(
        'Định nghĩa báo cáo không hợp lệ.',
        r.error.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', code: i.code, message: i.message })),
        'invalid_data_set',
      );
    }
    const j = r.data;
    const existing = await this.deps.reports.dataSet(j.code).catch(() => undefined);
    this.mayEdit(staff, existing?.ownerUnit ?? staff.unitCode);
    const combos = await this.deps.reports.categoryCombos();
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const elements = j.dataElements.map((e, i) => {
      let combo = e.categoryCombo;
      if (!combo && e.categoryOptionCombos.length) {
        const want = e.categoryOptionCombos.map((o) => o.code).sort().join(',');
        combo = combos.find((c) => c.options.map((o) => o.code).sort().join(',') === want)?.code ?? '';
        if (!combo) problems.push({ field: `dataElements.${i}.categoryOptionCombos`, code: 'unknown_combo', message: `Chỉ tiêu ${e.code}: không có cách phân tổ nào gồm đúng các mã ${want}.` });
      }
      if (combo && !combos.some((c) => c.code === combo)) problems.push({ field: `dataElements.${i}.categoryCombo`, code: 'unknown_combo', message: `Chỉ tiêu ${e.code}: không có cách phân tổ mã ${combo}.` });
      return { code: e.code, name: e.name, valueType: e.valueType, section: e.section, description: e.description, categoryCombo: combo };
    });
    problems.push(...(await this.unitProblems(staff.unitCode, j.units)));
    if (problems.length) throw new ValidationError('Định nghĩa báo cáo không hợp lệ.', problems, 'invalid_data_set');
    const input: DataSetInput = {
      code: j.code,
      name: j.name,
      description: j.description,
      periodType: j.periodType,
      deadline: j.deadline,
      eventDate: j.eventDate,
      eventPhases: j.eventPhases,
      approvalRequired: j.approvalRequired,
      usesPlaces: j.usesPlaces,
      closed: j.closed,
      sections: j.sections.length ? j.sections : [...new Set(elements.map((e) => e.section).filter(Boolean))],
      rules: j.rules,
      dataElements: elements,
      units: [...new Set(j.units)],
      ownerUnit: existing?.ownerUnit ?? staff.unitCode,
      // Kept as they were (edited on their own pages or by the model's defaults).
      ...(existing ? { access: existing.access, register: existing.register, prefill: existing.prefill } : {}),
    };
    return this.deps.reports.saveDataSet(actorOf(staff), input);
  }

  /** Units a data set may be assigned to: the owner's own and those below it. */
  private async unitProblems(owner: string, codes: string[]): Promise<Array<{ field: string; code: string; message: string }>> {
    const allowed = new Set([owner, ...(await this.deps.units.descendants(owner)).map((u) => u.code)]);
    return codes.filter((c) => !allowed.has(c)).map((c) => ({ field: 'units', code: 'unit_out_of_scope', message: `Đơn vị mã ${c} không thuộc phạm vi của đơn vị quản lý báo cáo.` }));
  }

  /**
   * Copy a data set under a new code (last year's election, next month's campaign): the same
   * elements, units, rules and deadline; an event moves by whole years to `eventDate` if given.
   */
  async copy(staff: { id: string; fullName: string; unitCode: string; role: string }, from: string, to: { code: string; name: string; eventDate?: string | null }): Promise<DataSet> {
    const src = await this.forEdit(staff, from);
    if (await this.deps.reports.dataSet(to.code).catch(() => undefined)) {
      throw new ValidationError(`Mã ${to.code} đã có báo cáo khác.`, [{ field: 'code', code: 'duplicate_code', message: `Mã ${to.code} đã được dùng` }], 'invalid_data_set');
    }
    return this.saveJson(staff, { ...(await this.toJson([src]))[0]!, code: to.code, name: to.name, closed: false, eventDate: to.eventDate ?? shiftYear(src.eventDate) });
  }

  /** Close (no more entry, kept for reading) or open again. */
  async setClosed(staff: { id: string; fullName: string; unitCode: string; role: string }, code: string, closed: boolean): Promise<DataSet> {
    const ds = await this.forEdit(staff, code);
    return this.deps.reports.saveDataSet(actorOf(staff), { ...ds, closed });
  }
}

function actorOf(s: { id: string; fullName: string; unitCode: string; role: string }): ReportActor {
  return { id: s.id, name: s.fullName, unitCode: s.unitCode, role: s.role };
}

/** The same day a year later ('2026-05-23' → '2027-05-23'; 29 Feb → 28 Feb). */
export function shiftYear(day: string | null): string | null {
  if (!day) return null;
  const y = Number(day.slice(0, 4)) + 1;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${y}-${md}`;
}
