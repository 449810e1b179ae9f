import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, ReportValueAuditTable, ReportValueTable } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import type { Unit } from '../unit';
import { BUILTIN_COMBOS } from './report.categories';
import { currentPeriod, parsePeriod, periodDeadline, periodLabel, previousPeriod, vnDay, type Period } from './report.period';
import * as repo from './report.repo';
import { checkRule, runRules, type RuleFailure } from './report.rules';
import {
  NUMERIC_TYPES,
  PERIOD_TYPES,
  RULE_OPERATORS,
  VALUE_TYPES,
  type CategoryCombo,
  type Completion,
  type CompletenessRow,
  type DataSet,
  type DataSetInput,
  type DataValue,
  type DataValueSetJson,
  type ImportSummary,
  type Place,
  type ReportActor,
  type Rollup,
  type Summary,
  type ValueAudit,
  type ValueInput,
} from './report.types';
import { checkValue, numericOf } from './report.values';

/** What the report service needs of the units module. */
export interface ReportUnits {
  list(): Promise<Unit[]>;
  get(code: string): Promise<Unit>;
}

export interface ReportDeps {
  db: Kysely<DB>;
  engine: repo.Engine;
  clock: Clock;
  units: ReportUnits;
  /** A unit's indicator figures for a month (YYYY-MM), for the reports motcua pre-fills. */
  indicatorFigures?: (unitCode: string, month: string) => Promise<Record<string, { numerator: number; denominator: number; rate: number | null }>>;
}

/** One person of a unit's register (names stay at the unit). */
export interface RegisterEntry {
  id: string;
  placeId: string;
  fullName: string;
  sex: string;
  birthYear: number | null;
  homeProvince: string;
  arrivedOn: string;
  leftOn: string | null;
  note: string;
}

const registerSchema = z.object({
  fullName: z.string({ error: 'Họ tên là bắt buộc' }).trim().normalize('NFC').min(2, 'Họ tên là bắt buộc').max(100, 'Họ tên tối đa 100 ký tự'),
  sex: z.enum(['NAM', 'NU'], { error: 'Chọn giới tính' }),
  birthYear: z.coerce.number({ error: 'Năm sinh không hợp lệ' }).int('Năm sinh không hợp lệ').min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullable().default(null),
  homeProvince: z.string().regex(/^(P\d{2})?$/, 'Chọn tỉnh, thành phố quê quán').default(''),
  arrivedOn: z.string({ error: 'Ngày đến là bắt buộc' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày đến có dạng ngày/tháng/năm'),
  placeId: z.string().default(''),
  note: z.string().trim().normalize('NFC').max(500).default(''),
});

/** A report of one unit for one period. */
export interface ReportKey {
  dataSet: string;
  period: string;
  unitCode: string;
}

const DEFAULT_ENTER = ['receptionist', 'specialist', 'leader', 'admin'];
const DEFAULT_APPROVE = ['leader'];
/** Roles of a supervising unit that manage data sets, import for the units below and reopen reports. */
const MANAGER_ROLES = ['supervisor', 'admin'];
/** What a supervisor reads when trying to type into a unit's report (issue 12: import on behalf, or reopen). */
const BEHALF_ONLY = 'Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới. Để nhập thay, dùng "Nhập báo cáo bằng Excel" hoặc API dataValueSets (lịch sử của đơn vị ghi rõ cấp trên nhập thay); để đơn vị tự sửa báo cáo đã hoàn thành, hãy mở lại báo cáo.';

const CODE = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Mã gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ SO_PHONG)');
const NAME = (what: string) => z.string({ error: `${what} là bắt buộc` }).trim().normalize('NFC').min(1, `${what} là bắt buộc`).max(300, `${what} tối đa 300 ký tự`);
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

type Item = { period: string; unitCode: string; placeId: string; dataElement: string; coc: string; value: string | null; comment?: string };
type Counts = ImportSummary['importCount'];
const vkey = (v: { period: string; unitCode: string; placeId: string; dataElement: string; coc: string }) => `${v.period}|${v.unitCode}|${v.placeId}|${v.dataElement}|${v.coc}`;

/**
 * Report consolidation (issue 12): data sets, entering values (form, DHIS2 JSON, Excel), the
 * rules that check them, completion, approval and reopening, and the rolled-up totals that make
 * the supervisor's summary a lookup. The service owns every transaction; rollups are written in
 * the same transaction as the values.
 */
export class ReportService {
  private combosReady: Promise<void> | undefined;
  private unitIndex: { at: number; byCode: Map<string, Unit>; children: Map<string, Unit[]> } | undefined;

  constructor(private readonly deps: ReportDeps) {}

  private get db() {
    return this.deps.db;
  }
  private now() {
    return this.deps.clock.now().toISOString();
  }

  // ---------------------------------------------------------------- units

  private async unitMap() {
    const list = await this.deps.units.list();
    if (!this.unitIndex || this.unitIndex.at !== list.length) {
      const byCode = new Map(list.map((u) => [u.code, u]));
      const children = new Map<string, Unit[]>();
      for (const u of list) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
      this.unitIndex = { at: list.length, byCode, children };
    }
    return this.unitIndex;
  }

  /** The unit and every unit above it (the rollups' keys). */
  private async selfAndAncestors(code: string): Promise<string[]> {
    const { byCode } = await this.unitMap();
    const out: string[] = [];
    let cur = byCode.get(code);
    while (cur && !out.includes(cur.code)) {
      out.push(cur.code);
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    }
    return out;
  }

  /** Is `upper` the unit itself or a unit above it? */
  async isAtOrAbove(upper: string, unit: string): Promise<boolean> {
    return (await this.selfAndAncestors(unit)).includes(upper);
  }

  async childrenOf(code: string): Promise<Unit[]> {
    return (await this.unitMap()).children.get(code) ?? [];
  }

  // ---------------------------------------------------------------- category combos

  private ensureCombos(): Promise<void> {
    this.combosReady ??= repo.insertMissingCombos(this.db, BUILTIN_COMBOS).catch((e) => {
      this.combosReady = undefined;
      throw e;
    });
    return this.combosReady;
  }

  async categoryCombos(): Promise<CategoryCombo[]> {
    await this.ensureCombos();
    return repo.listCombos(this.db);
  }

  // ---------------------------------------------------------------- data sets

  async dataSets(): Promise<DataSet[]> {
    return repo.listDataSets(this.db);
  }

  async findDataSet(code: string): Promise<DataSet | undefined> {
    return (await repo.listDataSets(this.db, code))[0];
  }

  async dataSet(code: string): Promise<DataSet> {
    const d = await this.findDataSet(code);
    if (!d) throw new NotFoundError(`Không có báo cáo mã ${code}.`, 'data_set_not_found');
    return d;
  }

  /** Data sets an official enters (assigned to their unit) or manages / reads (owned at or above their unit's reach). */
  async dataSetsFor(actor: ReportActor): Promise<{ enter: DataSet[]; supervise: DataSet[] }> {
    const all = await this.dataSets();
    const enter = all.filter((d) => d.units.includes(actor.unitCode));
    const supervise: DataSet[] = [];
    for (const d of all) if (await this.canRead(actor, d, d.ownerUnit)) supervise.push(d);
    return { enter, supervise };
  }

  /** Managers: supervisors and admins of the owning unit or a unit above it. */
  async canManage(actor: ReportActor, ds: Pick<DataSet, 'ownerUnit'>): Promise<boolean> {
    return MANAGER_ROLES.includes(actor.role) && (await this.isAtOrAbove(actor.unitCode, ds.ownerUnit));
  }

  /** The unit's own officials (the data set's entering roles), or a manager above it (an import on the unit's behalf). */
  async canEnter(actor: ReportActor, ds: DataSet, unitCode: string): Promise<boolean> {
    if (actor.unitCode === unitCode) return ds.access.enter.includes(actor.role);
    return MANAGER_ROLES.includes(actor.role) && actor.unitCode !== unitCode && (await this.isAtOrAbove(actor.unitCode, unitCode));
  }

  async canRead(actor: ReportActor, _ds: DataSet, unitCode: string): Promise<boolean> {
    return this.isAtOrAbove(actor.unitCode, unitCode);
  }

  /**
   * Creates or edits a data set (managers only; `actor` undefined for the seed). Element codes,
   * combos, rules, units and the register are checked; a Vietnamese message for each problem.
   */
  async saveDataSet(actor: ReportActor | undefined, input: DataSetInput | unknown): Promise<DataSet> {
    await this.ensureCombos();
    const r = dataSetSchema.safeParse(input ?? {}, { error: z.locales.vi().localeError });
    if (!r.success) throw new ValidationError('Định nghĩa báo cáo chưa hợp lệ.', r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })), 'invalid_data_set');
    const d = r.data;
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const { byCode } = await this.unitMap();
    if (!byCode.has(d.ownerUnit)) problems.push({ field: 'ownerUnit', code: 'unit_not_found', message: `Không có đơn vị mã ${d.ownerUnit}` });
    d.units = [...new Set(d.units)];
    for (const u of d.units) if (!byCode.has(u)) problems.push({ field: 'units', code: 'unit_not_found', message: `Không có đơn vị mã ${u}` });
    const combos = new Set((await repo.listCombos(this.db)).map((c) => c.code));
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

    const existing = await this.findDataSet(d.code);
    if (actor && !(await this.canManage(actor, { ownerUnit: existing?.ownerUnit ?? d.ownerUnit }))) throw new ForbiddenError('Chỉ cán bộ tổng hợp của đơn vị quản lý báo cáo được tạo, sửa báo cáo.', 'report_manage_forbidden');
    if (actor && existing && !(await this.canManage(actor, d))) throw new ForbiddenError('Không thể giao báo cáo cho đơn vị quản lý ngoài phạm vi của bạn.', 'report_manage_forbidden');
    const now = this.now();
    const ds: DataSet = { ...d, dataElements: d.dataElements, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await this.db.transaction().execute((trx) => repo.writeDataSet(trx, ds, Boolean(existing)));
    return this.dataSet(d.code);
  }

  // ---------------------------------------------------------------- periods

  period(ds: DataSet, code: string): Period {
    return parsePeriod(ds.periodType, code, ds);
  }
  periodLabel(ds: DataSet, code: string): string {
    return periodLabel(this.period(ds, code));
  }
  currentPeriod(ds: DataSet): string | undefined {
    return currentPeriod(ds.periodType, this.deps.clock.now(), ds);
  }
  previousPeriod(ds: DataSet, code: string): string | undefined {
    return previousPeriod(ds.periodType, code, ds);
  }
  deadline(ds: DataSet, code: string): Date {
    return periodDeadline(ds, code);
  }

  /** Entering is open from the period's first day (DHIS2's "no future periods"). */
  private checkOpen(ds: DataSet, p: Period) {
    if (p.start > vnDay(this.deps.clock.now())) throw new RuleViolationError('period_not_open', `Chưa đến kỳ báo cáo ${periodLabel(p)}.`);
  }

  // ---------------------------------------------------------------- places

  async places(dataSet: string, unitCodes?: string[]): Promise<Place[]> {
    return repo.listPlaces(this.db, dataSet, unitCodes);
  }

  /** Adds or edits a place (a quarantine area…) of a unit: its own officials or a manager above. */
  async savePlace(actor: ReportActor | undefined, input: { id?: string; dataSet: string; unitCode: string; code: string; name: string; address?: string; active?: boolean }): Promise<Place> {
    const ds = await this.dataSet(input.dataSet);
    if (!ds.usesPlaces) throw new RuleViolationError('no_places', 'Báo cáo này không nhập theo địa điểm.');
    if (!ds.units.includes(input.unitCode)) throw new RuleViolationError('unit_not_assigned', `Đơn vị ${input.unitCode} không được giao báo cáo ${ds.name}.`);
    if (actor && actor.unitCode !== input.unitCode) throw new ForbiddenError('Địa điểm do chính đơn vị quản lý nó thêm và sửa; cấp trên xem số liệu tổng hợp.', 'report_enter_forbidden');
    if (actor && !(await this.canEnter(actor, ds, input.unitCode))) throw new ForbiddenError('Bạn không nhập báo cáo cho đơn vị này.', 'report_enter_forbidden');
    const code = CODE.safeParse(input.code);
    const name = NAME('Tên địa điểm').safeParse(input.name);
    if (!code.success || !name.success) {
      throw new ValidationError('Địa điểm chưa hợp lệ.', [...(code.success ? [] : [{ field: 'code', code: 'invalid', message: code.error.issues[0]!.message }]), ...(name.success ? [] : [{ field: 'name', code: 'invalid', message: name.error.issues[0]!.message }])], 'invalid_place');
    }
    const all = await repo.listPlaces(this.db, ds.code);
    const same = all.find((p) => p.code === code.data);
    if (same && same.id !== input.id) throw new ConflictError('place_code_taken', `Mã địa điểm ${code.data} đã có (${same.name}).`);
    const existing = input.id ? all.find((p) => p.id === input.id) : undefined;
    if (input.id && (!existing || existing.unitCode !== input.unitCode)) throw new NotFoundError('Không có địa điểm này.', 'place_not_found');
    const place: Place = { id: existing?.id ?? uuidv7(), dataSet: ds.code, unitCode: input.unitCode, code: code.data, name: name.data, address: (input.address ?? '').trim().normalize('NFC'), active: input.active ?? true };
    await repo.upsertPlace(this.db, place, existing ? all.indexOf(existing) : all.filter((p) => p.unitCode === input.unitCode).length);
    return place;
  }

  // ---------------------------------------------------------------- reading values

  /** Values of a unit for a period (with `children`, every unit below it too). */
  async values(q: { dataSet: string; period: string; unitCode: string; children?: boolean }): Promise<DataValue[]> {
    const ds = await this.dataSet(q.dataSet);
    this.period(ds, q.period);
    const units = q.children ? [q.unitCode, ...(await this.descendants(q.unitCode))] : [q.unitCode];
    return repo.selectValues(this.db, { dataSet: ds.code, periods: [q.period], unitCodes: units });
  }

  async descendants(code: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (c: string) => {
      for (const u of await this.childrenOf(c)) {
        out.push(u.code);
        await walk(u.code);
      }
    };
    await walk(code);
    return out;
  }

  async completion(key: ReportKey): Promise<Completion | undefined> {
    return (await repo.selectCompletions(this.db, key.dataSet, key.period, [key.unitCode]))[0];
  }

  /** Every change of a report's values, newest first (who, when, old → new). */
  async history(key: ReportKey): Promise<ValueAudit[]> {
    return (await repo.selectAudit(this.db, key)).map((r) => ({ placeId: r.place_id, dataElement: r.data_element, coc: r.coc, oldValue: r.old_value, newValue: r.new_value, source: r.source, by: r.changed_by, at: r.changed_at }));
  }

  /** Rolled-up totals of units (the unit's own values, its places' and every unit's below). */
  async rollups(q: { dataSet: string; period: string; unitCodes: string[] }): Promise<Rollup[]> {
    return repo.selectRollups(this.db, this.deps.engine, q);
  }

  /**
   * Recomputes which units reported (report_reported) from the values themselves — after a
   * restore or a bulk load that wrote values by SQL. Returns the rows written.
   */
  async rebuildReported(dataSet?: string): Promise<number> {
    return this.db.transaction().execute((trx) => repo.rebuildReported(trx, dataSet));
  }

  // ---------------------------------------------------------------- writing values

  /**
   * Checks every item (element of the data set, combo of its element, place of the unit, value of
   * the element's type, unit assigned and allowed, period open, report not completed) and returns
   * the problems, each with its object and a Vietnamese message.
   */
  private async check(actor: ReportActor, ds: DataSet, items: Item[]): Promise<{ conflicts: Array<{ object: string; value: string }>; clean: Item[] }> {
    const conflicts: Array<{ object: string; value: string }> = [];
    const clean: Item[] = [];
    if (ds.closed) return { conflicts: [{ object: ds.code, value: `Báo cáo ${ds.name} đã đóng, không nhận thêm số liệu.` }], clean };
    const elements = new Map(ds.dataElements.map((e) => [e.code, e]));
    const combos = new Map((await this.categoryCombos()).map((c) => [c.code, new Set(c.options.map((o) => o.code))]));
    const assigned = new Set(ds.units);
    const units = [...new Set(items.map((i) => i.unitCode))];
    const periods = [...new Set(items.map((i) => i.period))];
    const places = ds.usesPlaces ? new Map((await repo.listPlaces(this.db, ds.code, units.length <= 500 ? units : undefined)).map((p) => [p.id, p])) : new Map<string, Place>();
    const badUnit = new Map<string, string | null>();
    for (const u of units) {
      let why: string | null = null;
      if (!(await this.unitMap()).byCode.has(u)) why = `Không có đơn vị mã ${u}.`;
      else if (!assigned.has(u)) why = `Đơn vị ${u} không được giao báo cáo ${ds.name}.`;
      else if (!(await this.canEnter(actor, ds, u))) why = `Bạn không được nhập báo cáo cho đơn vị ${u}.`;
      badUnit.set(u, why);
    }
    const badPeriod = new Map<string, string | null>();
    for (const p of periods) {
      try {
        this.checkOpen(ds, this.period(ds, p));
        badPeriod.set(p, null);
      } catch (e) {
        badPeriod.set(p, (e as Error).message);
      }
    }
    const locked = new Set<string>();
    for (const p of periods) if (!badPeriod.get(p)) for (const c of await repo.selectCompletions(this.db, ds.code, p, units)) if (c.completedAt) locked.add(`${p}|${c.unitCode}`);
    const reported = new Set<string>();
    for (const it of items) {
      const uWhy = badUnit.get(it.unitCode);
      const pWhy = badPeriod.get(it.period);
      if (uWhy || pWhy) {
        const k = uWhy ? `u${it.unitCode}` : `p${it.period}`;
        if (!reported.has(k)) conflicts.push({ object: uWhy ? it.unitCode : it.period, value: (uWhy ?? pWhy)! });
        reported.add(k);
        continue;
      }
      if (locked.has(`${it.period}|${it.unitCode}`)) {
        const k = `l${it.period}|${it.unitCode}`;
        if (!reported.has(k)) conflicts.push({ object: it.unitCode, value: `Báo cáo kỳ ${it.period} của đơn vị ${it.unitCode} đã đánh dấu hoàn thành; cần cấp trên mở lại trước khi sửa.` });
        reported.add(k);
        continue;
      }
      const e = elements.get(it.dataElement);
      if (!e) {
        conflicts.push({ object: it.dataElement, value: `Báo cáo ${ds.code} không có chỉ tiêu mã ${it.dataElement}.` });
        continue;
      }
      if (e.categoryCombo ? !combos.get(e.categoryCombo)?.has(it.coc) : it.coc !== '') {
        conflicts.push({ object: it.coc || it.dataElement, value: e.categoryCombo ? `Chỉ tiêu ${e.code} cần mã phân tổ (${e.categoryCombo}) hợp lệ, "${it.coc}" không có.` : `Chỉ tiêu ${e.code} không phân tổ, không nhận mã "${it.coc}".` });
        continue;
      }
      if (ds.usesPlaces && it.placeId) {
        const p = places.get(it.placeId);
        if (!p || p.unitCode !== it.unitCode) {
          conflicts.push({ object: it.placeId, value: `Địa điểm ${it.placeId} không thuộc đơn vị ${it.unitCode}.` });
          continue;
        }
      } else if (it.placeId) {
        conflicts.push({ object: it.placeId, value: 'Báo cáo này không nhập theo địa điểm.' });
        continue;
      }
      if (it.value === null || it.value.trim() === '') {
        clean.push({ ...it, value: null });
        continue;
      }
      const v = checkValue(e.valueType, it.value);
      if (!v.ok) {
        conflicts.push({ object: `${e.code}${it.coc ? '.' + it.coc : ''}`, value: `"${e.name}": giá trị "${it.value}" ${v.message}.` });
        continue;
      }
      clean.push({ ...it, value: v.value, comment: it.comment === undefined ? undefined : it.comment.trim().normalize('NFC').slice(0, 1000) });
    }
    return { conflicts, clean };
  }

  /** Writes checked items with their audit rows and rollup deltas, in the caller's transaction. */
  private async write(trx: repo.Exec, ds: DataSet, actor: ReportActor, items: Item[], source: string): Promise<Counts> {
    const counts: Counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    if (!items.length) return counts;
    const units = [...new Set(items.map((i) => i.unitCode))];
    const periods = [...new Set(items.map((i) => i.period))];
    const old = new Map((await repo.selectCurrent(trx, { dataSet: ds.code, periods, unitCodes: units })).map((v) => [vkey(v), v]));
    const types = new Map(ds.dataElements.map((e) => [e.code, e.valueType as string]));
    const now = this.now();
    const upserts: ReportValueTable[] = [];
    const deletes: Parameters<typeof repo.deleteValues>[1] = [];
    const audit: ReportValueAuditTable[] = [];
    const deltas = new Map<string, { dataSet: string; period: string; unitCode: string; dataElement: string; coc: string; sum: number; count: number }>();
    const reported = new Map<string, { period: string; unitCode: string; count: number; at: string }>();
    const ancestors = new Map<string, string[]>();
    for (const u of units) ancestors.set(u, await this.selfAndAncestors(u));
    const seen = new Set<string>();
    for (const it of items) {
      const k = vkey(it);
      // The last of duplicates wins, as in DHIS2.
      if (seen.has(k)) continue;
      seen.add(k);
      const before = old.get(k);
      const type = types.get(it.dataElement)!;
      const comment = it.comment ?? before?.comment ?? '';
      if (it.value === null) {
        if (!before) {
          counts.ignored++;
          continue;
        }
        counts.deleted++;
        deletes.push({ data_set: ds.code, period: it.period, unit_code: it.unitCode, place_id: it.placeId, data_element: it.dataElement, coc: it.coc });
      } else if (before && before.value === it.value && before.comment === comment) {
        counts.ignored++;
        continue;
      } else {
        if (before) counts.updated++;
        else counts.imported++;
        upserts.push({ data_set: ds.code, period: it.period, unit_code: it.unitCode, place_id: it.placeId, data_element: it.dataElement, coc: it.coc, value: it.value, comment, updated_by: actor.name, updated_at: now });
      }
      // A supervisor's import for a unit below is marked as such in the unit's history.
      if (before?.value !== (it.value ?? undefined))
        audit.push({ id: uuidv7(), data_set: ds.code, period: it.period, unit_code: it.unitCode, place_id: it.placeId, data_element: it.dataElement, coc: it.coc, old_value: before?.value ?? null, new_value: it.value, source: actor.unitCode === it.unitCode ? source : 'behalf', changed_by: actor.name, changed_at: now });
      const dSum = (it.value === null ? 0 : numericOf(type, it.value)) - (before ? numericOf(type, before.value) : 0);
      const dCount = (it.value === null ? 0 : 1) - (before ? 1 : 0);
      if (dCount !== 0) {
        const pk = `${it.period}|${it.unitCode}`;
        const r = reported.get(pk);
        if (r) r.count += dCount;
        else reported.set(pk, { period: it.period, unitCode: it.unitCode, count: dCount, at: now });
      }
      if (dSum === 0 && dCount === 0) continue;
      for (const a of ancestors.get(it.unitCode)!) {
        const rk = `${it.period}|${a}|${it.dataElement}|${it.coc}`;
        const d = deltas.get(rk);
        if (d) {
          d.sum += dSum;
          d.count += dCount;
        } else deltas.set(rk, { dataSet: ds.code, period: it.period, unitCode: a, dataElement: it.dataElement, coc: it.coc, sum: dSum, count: dCount });
      }
    }
    await repo.upsertValues(trx, this.deps.engine, upserts);
    await repo.deleteValues(trx, deletes);
    await repo.insertAudit(trx, this.deps.engine, audit);
    await repo.addToRollups(trx, this.deps.engine, [...deltas.values()].filter((d) => d.sum !== 0 || d.count !== 0));
    await repo.addToReported(trx, this.deps.engine, ds.code, [...reported.values()].filter((r) => r.count !== 0));
    return counts;
  }

  /** The rules over each row (the unit's own values, and each place's) of the given reports. */
  async ruleFailures(ds: DataSet, keys: Array<{ period: string; unitCode: string }>): Promise<Array<{ period: string; unitCode: string; placeId: string } & RuleFailure>> {
    if (!ds.rules.length || !keys.length) return [];
    const values = await repo.selectValues(this.db, { dataSet: ds.code, periods: [...new Set(keys.map((k) => k.period))], unitCodes: [...new Set(keys.map((k) => k.unitCode))] });
    const wanted = new Set(keys.map((k) => `${k.period}|${k.unitCode}`));
    const types = new Map(ds.dataElements.map((e) => [e.code, e.valueType as string]));
    const rows = new Map<string, DataValue[]>();
    for (const v of values) {
      if (!wanted.has(`${v.period}|${v.unitCode}`)) continue;
      const rk = `${v.period}|${v.unitCode}|${v.placeId}`;
      rows.set(rk, [...(rows.get(rk) ?? []), v]);
    }
    const out: Array<{ period: string; unitCode: string; placeId: string } & RuleFailure> = [];
    for (const [rk, vs] of rows) {
      const [period, unitCode, placeId] = rk.split('|') as [string, string, string];
      const lookup = (element: string, coc?: string) => {
        const hits = vs.filter((v) => v.dataElement === element && (coc === undefined || v.coc === coc) && NUMERIC_TYPES.has(types.get(element) ?? ''));
        return hits.length ? hits.reduce((s, v) => s + numericOf(types.get(element)!, v.value), 0) : undefined;
      };
      for (const f of runRules(ds.rules, lookup)) out.push({ period, unitCode, placeId, ...f });
    }
    return out;
  }

  /**
   * Saves values of one report from the form (or the register, or a pre-fill): all or nothing — a
   * value that is not of its element's type stops the save with a message per field (`field` is
   * `placeId:element:combo`). Rules that fail are returned as warnings (they stop "mark complete").
   */
  async saveValues(actor: ReportActor, key: ReportKey, inputs: ValueInput[], source = 'form'): Promise<{ counts: Counts; warnings: string[] }> {
    const ds = await this.dataSet(key.dataSet);
    // The form, the register and the pre-fill are the unit's own; a supervisor imports on its
    // behalf (Excel, DHIS2 JSON: marked in the history) or reopens the report for the unit to fix.
    if (actor.unitCode !== key.unitCode) throw new ForbiddenError(BEHALF_ONLY, 'report_enter_forbidden');
    const items: Item[] = inputs.map((i) => ({ period: key.period, unitCode: key.unitCode, placeId: i.placeId ?? '', dataElement: i.dataElement, coc: i.coc ?? '', value: i.value, comment: i.comment }));
    const { conflicts, clean } = await this.check(actor, ds, items);
    if (conflicts.length) {
      const fieldOf = (c: { object: string }) => {
        const it = items.find((i) => c.object === `${i.dataElement}${i.coc ? '.' + i.coc : ''}`);
        return it ? `${it.placeId}:${it.dataElement}:${it.coc}` : c.object;
      };
      const blocking = conflicts.find((c) => c.object === key.unitCode || c.object === key.period || c.object === ds.code);
      if (blocking) {
        if (/hoàn thành/.test(blocking.value)) throw new ConflictError('report_completed', blocking.value);
        if (/không được nhập|không được giao/.test(blocking.value)) throw new ForbiddenError(blocking.value, 'report_enter_forbidden');
        throw new RuleViolationError(/đóng/.test(blocking.value) ? 'data_set_closed' : 'period_not_open', blocking.value);
      }
      throw new ValidationError('Có giá trị chưa hợp lệ, chưa lưu gì. Hãy sửa các ô được đánh dấu.', conflicts.map((c) => ({ field: fieldOf(c), code: 'invalid_value', message: c.value })), 'invalid_report_values');
    }
    const counts = await this.db.transaction().execute((trx) => this.write(trx, ds, actor, clean, source));
    const warnings = (await this.ruleFailures(ds, [key])).map((f) => f.message);
    return { counts, warnings };
  }

  // ---------------------------------------------------------------- DHIS2 exchange

  /**
   * Imports a DHIS2 data value set (JSON). Units by their official codes; a value may carry its
   * own orgUnit/period (a file for every commune of a day). All or nothing: any conflict is an
   * ERROR and nothing is written; rules that fail after the import make it a WARNING.
   */
  async importDataValueSet(actor: ReportActor, input: unknown): Promise<ImportSummary> {
    const summary = (status: ImportSummary['status'], conflicts: ImportSummary['conflicts'], importCount: Counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 }, description?: string): ImportSummary => ({ status, ...(description ? { description } : {}), importCount, conflicts });
    const body = input as Partial<DataValueSetJson> | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return summary('ERROR', [{ object: 'dataValueSet', value: 'Nội dung phải là một đối tượng JSON theo dạng dataValueSet của DHIS2.' }], undefined, 'Không đọc được dữ liệu.');
    if (typeof body.dataSet !== 'string' || !body.dataSet) return summary('ERROR', [{ object: 'dataSet', value: 'Thiếu mã báo cáo (dataSet).' }], undefined, 'Không đọc được dữ liệu.');
    const ds = await this.findDataSet(body.dataSet);
    if (!ds) return summary('ERROR', [{ object: body.dataSet, value: `Không có báo cáo mã ${body.dataSet}.` }], undefined, 'Không có báo cáo này.');
    if (!Array.isArray(body.dataValues)) return summary('ERROR', [{ object: 'dataValues', value: 'Thiếu danh sách giá trị (dataValues).' }], undefined, 'Không đọc được dữ liệu.');
    const conflicts: ImportSummary['conflicts'] = [];
    const items: Item[] = [];
    body.dataValues.forEach((v, i) => {
      if (!v || typeof v !== 'object') return conflicts.push({ object: `dataValues[${i}]`, value: 'Giá trị không đúng dạng {dataElement, value}.' });
      const unitCode = String(v.orgUnit ?? body.orgUnit ?? '');
      const period = String(v.period ?? body.period ?? '');
      if (!unitCode) return conflicts.push({ object: `dataValues[${i}]`, value: 'Thiếu mã đơn vị (orgUnit).' });
      if (!period) return conflicts.push({ object: `dataValues[${i}]`, value: 'Thiếu kỳ báo cáo (period).' });
      if (typeof v.dataElement !== 'string') return conflicts.push({ object: `dataValues[${i}]`, value: 'Thiếu mã chỉ tiêu (dataElement).' });
      if (v.value !== undefined && v.value !== null && typeof v.value !== 'string' && typeof v.value !== 'number' && typeof v.value !== 'boolean') return conflicts.push({ object: `dataValues[${i}]`, value: 'Giá trị (value) phải là chuỗi hoặc số.' });
      // Places travel as `<element>` with attributeOptionCombo = the place's code.
      items.push({ period, unitCode, placeId: '', dataElement: v.dataElement, coc: String(v.categoryOptionCombo ?? ''), value: v.value === undefined || v.value === null ? null : String(v.value), comment: v.comment === undefined ? undefined : String(v.comment), ...(v.attributeOptionCombo ? { place: String(v.attributeOptionCombo) } : {}) } as Item);
      return undefined;
    });
    if (ds.usesPlaces) {
      const byCode = new Map((await repo.listPlaces(this.db, ds.code)).map((p) => [p.code, p]));
      for (const it of items as Array<Item & { place?: string }>) {
        if (!it.place) continue;
        const p = byCode.get(it.place);
        if (!p) conflicts.push({ object: it.place, value: `Không có địa điểm mã ${it.place} trong báo cáo ${ds.code}.` });
        else it.placeId = p.id;
      }
    }
    const checked = await this.check(actor, ds, items);
    conflicts.push(...checked.conflicts);
    if (conflicts.length) return summary('ERROR', conflicts, { imported: 0, updated: 0, ignored: items.length, deleted: 0 }, 'Có lỗi, chưa nhập giá trị nào.');
    const keys = [...new Map(checked.clean.map((i) => [`${i.period}|${i.unitCode}`, { period: i.period, unitCode: i.unitCode }])).values()];
    const completeDate = typeof body.completeDate === 'string' && body.completeDate ? body.completeDate : undefined;
    const counts = await this.db.transaction().execute(async (trx) => {
      const c = await this.write(trx, ds, actor, checked.clean, 'api');
      if (completeDate) {
        const at = this.now();
        for (const k of keys) await repo.saveCompletion(trx, { dataSet: ds.code, ...k, completedAt: at, completedBy: actor.name, approvedAt: null, approvedBy: null, reopenedAt: null, reopenedBy: null, reopenReason: null });
      }
      return c;
    });
    const failures = await this.ruleFailures(ds, keys);
    if (failures.length) return summary('WARNING', failures.map((f) => ({ object: `${f.unitCode}/${f.period}${f.placeId ? '/' + f.placeId : ''}`, value: f.message })), counts, 'Đã nhập; có quy tắc kiểm tra chưa thỏa.');
    return summary('SUCCESS', [], counts, 'Đã nhập.');
  }

  /** DHIS2's data value set of a unit (and with `children`, every unit below it) for a period. */
  async exportDataValueSet(q: { dataSet: string; period: string; orgUnit: string; children?: boolean }): Promise<DataValueSetJson & { completeDate?: string }> {
    const ds = await this.dataSet(q.dataSet);
    const values = await this.values({ dataSet: ds.code, period: q.period, unitCode: q.orgUnit, children: q.children });
    const places = ds.usesPlaces ? new Map((await repo.listPlaces(this.db, ds.code)).map((p) => [p.id, p.code])) : new Map<string, string>();
    const order = new Map(ds.dataElements.map((e, i) => [e.code, i]));
    values.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.placeId.localeCompare(b.placeId) || order.get(a.dataElement)! - order.get(b.dataElement)! || a.coc.localeCompare(b.coc));
    const c = await this.completion({ dataSet: ds.code, period: q.period, unitCode: q.orgUnit });
    return {
      dataSet: ds.code,
      period: q.period,
      orgUnit: q.orgUnit,
      ...(c?.completedAt ? { completeDate: c.completedAt.slice(0, 10) } : {}),
      dataValues: values.map((v) => ({
        dataElement: v.dataElement,
        ...(v.coc ? { categoryOptionCombo: v.coc } : {}),
        ...(v.placeId ? { attributeOptionCombo: places.get(v.placeId) } : {}),
        ...(q.children ? { orgUnit: v.unitCode } : {}),
        period: v.period,
        value: v.value,
        ...(v.comment ? { comment: v.comment } : {}),
      })),
    };
  }

  // ---------------------------------------------------------------- completion

  /** "Đánh dấu hoàn thành": the unit's officials, once the rules hold. Locks the values. */
  async complete(actor: ReportActor, key: ReportKey): Promise<Completion> {
    const ds = await this.dataSet(key.dataSet);
    const p = this.period(ds, key.period);
    if (ds.closed) throw new RuleViolationError('data_set_closed', `Báo cáo ${ds.name} đã đóng.`);
    if (actor.unitCode !== key.unitCode || !ds.access.enter.includes(actor.role)) throw new ForbiddenError('Chỉ cán bộ của đơn vị được giao báo cáo đánh dấu hoàn thành.', 'report_enter_forbidden');
    this.checkOpen(ds, p);
    const c = await this.completion(key);
    if (c?.completedAt) throw new ConflictError('report_completed', 'Báo cáo này đã đánh dấu hoàn thành.');
    const failures = await this.ruleFailures(ds, [key]);
    if (failures.length) throw new ValidationError('Chưa thể hoàn thành: số liệu chưa thỏa quy tắc kiểm tra.', failures.map((f) => ({ field: `rule:${f.placeId}:${f.rule}`, code: 'rule_failed', message: f.message })), 'report_rules_failed');
    const row: Completion = { ...(c ?? { reopenedAt: null, reopenedBy: null, reopenReason: null }), dataSet: ds.code, period: key.period, unitCode: key.unitCode, completedAt: this.now(), completedBy: actor.name, approvedAt: null, approvedBy: null };
    await repo.saveCompletion(this.db, row);
    return row;
  }

  /** The unit's leader approves a completed report (when the data set requires it). */
  async approve(actor: ReportActor, key: ReportKey): Promise<Completion> {
    const ds = await this.dataSet(key.dataSet);
    if (!ds.approvalRequired) throw new RuleViolationError('approval_not_required', 'Báo cáo này không cần lãnh đạo phê duyệt.');
    if (actor.unitCode !== key.unitCode || !ds.access.approve.includes(actor.role)) throw new ForbiddenError('Chỉ lãnh đạo đơn vị phê duyệt báo cáo.', 'report_approve_forbidden');
    const c = await this.completion(key);
    if (!c?.completedAt) throw new RuleViolationError('report_not_completed', 'Báo cáo chưa được đánh dấu hoàn thành.');
    if (c.approvedAt) throw new ConflictError('report_approved', 'Báo cáo đã được phê duyệt.');
    const row: Completion = { ...c, approvedAt: this.now(), approvedBy: actor.name };
    await repo.saveCompletion(this.db, row);
    return row;
  }

  /** Only the supervisor (a manager above the unit) reopens a completed or approved report, with a reason. */
  async reopen(actor: ReportActor, key: ReportKey, reason: string): Promise<Completion> {
    const ds = await this.dataSet(key.dataSet);
    if (!MANAGER_ROLES.includes(actor.role) || actor.unitCode === key.unitCode || !(await this.isAtOrAbove(actor.unitCode, key.unitCode))) throw new ForbiddenError('Chỉ cấp trên quản lý báo cáo được mở lại báo cáo đã hoàn thành.', 'report_reopen_forbidden');
    const why = String(reason ?? '').trim().normalize('NFC');
    if (why.length < 5) throw new ValidationError('Cần ghi lý do mở lại báo cáo.', [{ field: 'reason', code: 'required', message: 'Ghi lý do mở lại (ít nhất 5 ký tự)' }], 'reopen_reason_required');
    const c = await this.completion(key);
    if (!c?.completedAt) throw new RuleViolationError('report_not_completed', 'Báo cáo chưa hoàn thành, không cần mở lại.');
    const row: Completion = { ...c, dataSet: ds.code, completedAt: null, completedBy: null, approvedAt: null, approvedBy: null, reopenedAt: this.now(), reopenedBy: actor.name, reopenReason: why.slice(0, 1000) };
    await repo.saveCompletion(this.db, row);
    return row;
  }

  /** Complete = marked complete, and approved when the data set requires it. */
  isComplete(ds: DataSet, c: Completion | undefined): boolean {
    return Boolean(c?.completedAt && (!ds.approvalRequired || c.approvedAt));
  }

  // ---------------------------------------------------------------- registers (person level)

  private async registerOf(actor: ReportActor, dataSet: string, unitCode: string): Promise<DataSet> {
    const ds = await this.dataSet(dataSet);
    if (!ds.register.kind) throw new RuleViolationError('no_register', 'Báo cáo này không có danh sách cá nhân.');
    // Personal data stays at the unit: only its own officials see names.
    if (actor.unitCode !== unitCode || !ds.access.enter.includes(actor.role)) throw new ForbiddenError('Danh sách cá nhân chỉ cán bộ của đơn vị được xem và sửa; cấp trên xem số liệu tổng hợp.', 'register_forbidden');
    return ds;
  }

  async register(actor: ReportActor, dataSet: string, unitCode: string): Promise<RegisterEntry[]> {
    await this.registerOf(actor, dataSet, unitCode);
    return (await repo.listRegister(this.db, dataSet, unitCode)).map((r) => ({ id: r.id, placeId: r.place_id, fullName: r.full_name, sex: r.sex, birthYear: r.birth_year, homeProvince: r.home_province, arrivedOn: r.arrived_on, leftOn: r.left_on, note: r.note }));
  }

  async addToRegister(actor: ReportActor, dataSet: string, unitCode: string, input: unknown): Promise<RegisterEntry> {
    const ds = await this.registerOf(actor, dataSet, unitCode);
    const raw = { ...(input as Record<string, unknown>) };
    for (const k of ['birthYear', 'homeProvince', 'placeId', 'note']) if (raw[k] === '') delete raw[k];
    const r = registerSchema.safeParse(raw, { error: z.locales.vi().localeError });
    const problems: Array<{ field: string; code: string; message: string }> = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code as string, message: i.message }));
    if (r.success) {
      if (r.data.arrivedOn > vnDay(this.deps.clock.now())) problems.push({ field: 'arrivedOn', code: 'future', message: 'Ngày đến chưa tới' });
      if (ds.usesPlaces) {
        const places = await repo.listPlaces(this.db, ds.code, [unitCode]);
        if (!places.some((p) => p.id === r.data.placeId)) problems.push({ field: 'placeId', code: 'required', message: 'Chọn khu (địa điểm) của người này' });
      }
      if (ds.register.kind === 'workers' && !r.data.homeProvince) problems.push({ field: 'homeProvince', code: 'required', message: 'Chọn tỉnh, thành phố quê quán' });
    }
    if (!r.success || problems.length) throw new ValidationError('Thông tin người trong danh sách chưa hợp lệ.', problems, 'invalid_register_entry');
    const now = this.now();
    const row = { id: uuidv7(), data_set: ds.code, unit_code: unitCode, place_id: ds.usesPlaces ? r.data.placeId : '', full_name: r.data.fullName, sex: r.data.sex, birth_year: r.data.birthYear, home_province: r.data.homeProvince, arrived_on: r.data.arrivedOn, left_on: null, note: r.data.note, created_by: actor.name, created_at: now, updated_at: now };
    await repo.insertRegisterEntry(this.db, row);
    return { id: row.id, placeId: row.place_id, fullName: row.full_name, sex: row.sex, birthYear: row.birth_year, homeProvince: row.home_province, arrivedOn: row.arrived_on, leftOn: null, note: row.note };
  }

  /** The person left (end of quarantine, went back to work) on a day. */
  async leaveRegister(actor: ReportActor, dataSet: string, unitCode: string, id: string, leftOn: string): Promise<void> {
    await this.registerOf(actor, dataSet, unitCode);
    const entry = (await repo.listRegister(this.db, dataSet, unitCode)).find((e) => e.id === id);
    if (!entry) throw new NotFoundError('Không có người này trong danh sách.', 'register_entry_not_found');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(leftOn) || leftOn < entry.arrived_on) throw new ValidationError('Ngày rời đi không hợp lệ.', [{ field: 'leftOn', code: 'invalid', message: 'Ngày rời đi phải từ ngày đến trở về sau' }], 'invalid_register_entry');
    await repo.updateRegisterEntry(this.db, id, { left_on: leftOn, updated_at: this.now() });
  }

  /**
   * The aggregates of a period from the register, on its last day: people present (arrived, not
   * yet left) by the count element's disaggregation (sex, home province), per place; and those
   * present for `longStayDays` days or more. Written like a form save (audited, rolled up).
   */
  async computeFromRegister(actor: ReportActor, key: ReportKey): Promise<{ counts: Counts; warnings: string[] }> {
    const ds = await this.registerOf(actor, key.dataSet, key.unitCode);
    const day = this.period(ds, key.period).end;
    const entries = (await repo.listRegister(this.db, ds.code, key.unitCode)).filter((e) => e.arrived_on <= day && (!e.left_on || e.left_on > day));
    const count = ds.dataElements.find((e) => e.code === ds.register.countElement)!;
    const rows = ds.usesPlaces ? (await repo.listPlaces(this.db, ds.code, [key.unitCode])).map((p) => p.id) : [''];
    const existing = await repo.selectValues(this.db, { dataSet: ds.code, periods: [key.period], unitCodes: [key.unitCode] });
    const inputs: ValueInput[] = [];
    const cocOf = (e: (typeof entries)[number]) => (count.categoryCombo === 'SEX' ? e.sex : count.categoryCombo === 'PROVINCE' ? e.home_province : '');
    for (const placeId of rows) {
      const here = entries.filter((e) => e.place_id === placeId);
      const tally = new Map<string, number>();
      for (const e of here) tally.set(cocOf(e), (tally.get(cocOf(e)) ?? 0) + 1);
      // A combo that had people before and has none now goes to 0.
      for (const v of existing) if (v.placeId === placeId && v.dataElement === count.code && !tally.has(v.coc)) tally.set(v.coc, 0);
      if (!count.categoryCombo && !tally.size) tally.set('', 0);
      for (const [coc, n] of tally) if (coc || !count.categoryCombo) inputs.push({ placeId, dataElement: count.code, coc, value: String(n) });
      if (ds.register.longStayElement) {
        const min = ds.register.longStayDays ?? 14;
        const long = here.filter((e) => (Date.parse(day) - Date.parse(e.arrived_on)) / 86_400_000 + 1 >= min).length;
        inputs.push({ placeId, dataElement: ds.register.longStayElement, value: String(long) });
      }
    }
    return this.saveValues(actor, key, inputs, 'register');
  }

  // ---------------------------------------------------------------- pre-filled from motcua's data

  /** The monthly administrative-procedures report from the unit's indicators, for the unit to check. */
  async prefill(actor: ReportActor, key: ReportKey, mapping: Array<[string, string, 'numerator' | 'denominator' | 'rate']>): Promise<{ counts: Counts; warnings: string[] }> {
    const ds = await this.dataSet(key.dataSet);
    if (ds.prefill !== 'indicators' || ds.periodType !== 'monthly' || !this.deps.indicatorFigures) throw new RuleViolationError('no_prefill', 'Báo cáo này không lấy số liệu sẵn từ hồ sơ.');
    const p = this.period(ds, key.period);
    const figures = await this.deps.indicatorFigures(key.unitCode, p.start.slice(0, 7));
    const inputs: ValueInput[] = [];
    for (const [element, indicator, part] of mapping) {
      const f = figures[indicator];
      if (!f || !ds.dataElements.some((e) => e.code === element)) continue;
      const v = part === 'rate' ? (f.rate === null ? null : String(Math.round(f.rate * 10000) / 100)) : String(f[part]);
      if (v !== null) inputs.push({ dataElement: element, value: v });
    }
    return this.saveValues(actor, key, inputs, 'prefill');
  }

  // ---------------------------------------------------------------- supervisor's reads

  /** The assigned units at or below `parentUnit`: reported, complete, on time. */
  async completeness(q: { dataSet: string; period: string; parentUnit: string }): Promise<CompletenessRow[]> {
    const ds = await this.dataSet(q.dataSet);
    this.period(ds, q.period);
    const { byCode } = await this.unitMap();
    const below = new Set([q.parentUnit, ...(await this.descendants(q.parentUnit))]);
    const units = ds.units.filter((u) => below.has(u));
    const reported = await repo.reportingUnits(this.db, ds.code, q.period);
    const completions = new Map((await repo.selectCompletions(this.db, ds.code, q.period, units)).map((c) => [c.unitCode, c]));
    const due = this.deadline(ds, q.period).toISOString();
    return units.map((u) => {
        const c = completions.get(u);
        const complete = this.isComplete(ds, c);
        const doneAt = ds.approvalRequired ? c?.approvedAt : c?.completedAt;
        return { unitCode: u, name: byCode.get(u)?.name ?? u, reported: reported.has(u), complete, completedAt: c?.completedAt ?? null, onTime: complete && Boolean(doneAt && doneAt <= due) };
    });
  }

  /**
   * The issue's summary JSON: totals over `orgUnit` (every element and option) and one row per unit
   * directly below it, read from the rollups. `children: 'totals'` gives each unit below only its
   * total per element (summed by the database), with the options of `detail` kept apart — what the
   * summary page shows — instead of every option of every element of every unit.
   */
  async summary(q: { dataSet: string; period: string; orgUnit: string }, opts: { children?: 'values' | 'totals'; detail?: string } = {}): Promise<Summary> {
    const ds = await this.dataSet(q.dataSet);
    this.period(ds, q.period);
    const children = await this.childrenOf(q.orgUnit);
    const codes = children.map((c) => c.code);
    const key = { dataSet: ds.code, period: q.period };
    const [own, below, completions] = await Promise.all([
      repo.selectRollups(this.db, this.deps.engine, { ...key, unitCodes: [q.orgUnit] }),
      opts.children === 'totals' ? repo.selectRollupTotals(this.db, this.deps.engine, { ...key, unitCodes: codes, detail: opts.detail }) : repo.selectRollups(this.db, this.deps.engine, { ...key, unitCodes: codes }),
      repo.selectCompletions(this.db, ds.code, q.period, codes),
    ]);
    const numeric = new Set(ds.dataElements.filter((e) => NUMERIC_TYPES.has(e.valueType)).map((e) => e.code));
    const order = new Map(ds.dataElements.map((e, i) => [e.code, i]));
    const byUnit = new Map<string, Rollup[]>();
    for (const r of [...own, ...below]) {
      if (!numeric.has(r.dataElement)) continue;
      const list = byUnit.get(r.unitCode);
      if (list) list.push(r);
      else byUnit.set(r.unitCode, [r]);
    }
    const valuesOf = (unit: string) =>
      (byUnit.get(unit) ?? [])
        .sort((a, b) => order.get(a.dataElement)! - order.get(b.dataElement)! || (a.coc < b.coc ? -1 : a.coc > b.coc ? 1 : 0))
        .map((r) => ({ dataElement: r.dataElement, ...(r.coc ? { categoryOptionCombo: r.coc } : {}), value: r.sum }));
    const done = new Map(completions.map((c) => [c.unitCode, c]));
    return {
      dataSet: ds.code,
      period: q.period,
      orgUnit: q.orgUnit,
      values: valuesOf(q.orgUnit),
      children: children.map((c) => ({ orgUnit: c.code, name: c.name, complete: this.isComplete(ds, done.get(c.code)), values: valuesOf(c.code) })),
    };
  }
}
