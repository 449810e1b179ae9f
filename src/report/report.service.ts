import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import type { Unit } from '../unit';
import { BUILTIN_COMBOS } from './report.categories';
import { CODE, NAME, checkDataSet, parseDataSet } from './report.definitions';
import { Dhis2Exchange } from './report.dhis2';
import { ValueEntry, type Counts } from './report.entry';
import { currentPeriod, parsePeriod, periodDeadline, periodLabel, previousPeriod, type Period } from './report.period';
import { Registers, type RegisterEntry } from './report.register';
import * as repo from './report.repo';
import type { RuleFailure } from './report.rules';
import {
  NUMERIC_TYPES,
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
import { UnitTree } from './report.units';

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

/** A report of one unit for one period. */
export interface ReportKey {
  dataSet: string;
  period: string;
  unitCode: string;
}

/** Roles of a supervising unit that manage data sets, import for the units below and reopen reports. */
const MANAGER_ROLES = ['supervisor', 'admin'];

/**
 * Report consolidation (issue 12): data sets, entering values (form, DHIS2 JSON, Excel), the
 * rules that check them, completion, approval and reopening, and the rolled-up totals that make
 * the supervisor's summary a lookup. The service owns every transaction; rollups are written in
 * the same transaction as the values.
 */
export class ReportService {
  private combosReady: Promise<void> | undefined;
  private readonly tree: UnitTree;
  private readonly entry: ValueEntry;
  private readonly dhis2: Dhis2Exchange;
  private readonly registers: Registers;

  constructor(private readonly deps: ReportDeps) {
    this.tree = new UnitTree(deps.units);
    this.entry = new ValueEntry(deps, this, this.tree);
    this.dhis2 = new Dhis2Exchange(deps, this, this.entry);
    this.registers = new Registers(deps, this);
  }

  private get db() {
    return this.deps.db;
  }
  private now() {
    return this.deps.clock.now().toISOString();
  }

  // ---------------------------------------------------------------- units (report.units.ts)

  /** Is `upper` the unit itself or a unit above it? */
  async isAtOrAbove(upper: string, unit: string): Promise<boolean> {
    return this.tree.isAtOrAbove(upper, unit);
  }

  async childrenOf(code: string): Promise<Unit[]> {
    return this.tree.childrenOf(code);
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

  // ---------------------------------------------------------------- data sets (definition checks: report.definitions.ts)

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
    const d = parseDataSet(input);
    const { byCode } = await this.tree.unitMap();
    checkDataSet(d, byCode, new Set((await repo.listCombos(this.db)).map((c) => c.code)));

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
    return this.tree.descendants(code);
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

  // ---------------------------------------------------------------- writing values (report.entry.ts)

  /** The rules over each row (the unit's own values, and each place's) of the given reports. */
  async ruleFailures(ds: DataSet, keys: Array<{ period: string; unitCode: string }>): Promise<Array<{ period: string; unitCode: string; placeId: string } & RuleFailure>> {
    return this.entry.ruleFailures(ds, keys);
  }

  /**
   * Saves values of one report from the form (or the register, or a pre-fill): all or nothing — a
   * value that is not of its element's type stops the save with a message per field (`field` is
   * `placeId:element:combo`). Rules that fail are returned as warnings (they stop "mark complete").
   */
  async saveValues(actor: ReportActor, key: ReportKey, inputs: ValueInput[], source = 'form'): Promise<{ counts: Counts; warnings: string[] }> {
    return this.entry.saveValues(actor, key, inputs, source);
  }

  // ---------------------------------------------------------------- DHIS2 exchange (report.dhis2.ts)

  /**
   * Imports a DHIS2 data value set (JSON). Units by their official codes; a value may carry its
   * own orgUnit/period (a file for every commune of a day). All or nothing: any conflict is an
   * ERROR and nothing is written; rules that fail after the import make it a WARNING.
   */
  async importDataValueSet(actor: ReportActor, input: unknown): Promise<ImportSummary> {
    return this.dhis2.importDataValueSet(actor, input);
  }

  /** DHIS2's data value set of a unit (and with `children`, every unit below it) for a period. */
  async exportDataValueSet(q: { dataSet: string; period: string; orgUnit: string; children?: boolean }): Promise<DataValueSetJson & { completeDate?: string }> {
    return this.dhis2.exportDataValueSet(q);
  }

  // ---------------------------------------------------------------- completion

  /** "Đánh dấu hoàn thành": the unit's officials, once the rules hold. Locks the values. */
  async complete(actor: ReportActor, key: ReportKey): Promise<Completion> {
    const ds = await this.dataSet(key.dataSet);
    const p = this.period(ds, key.period);
    if (ds.closed) throw new RuleViolationError('data_set_closed', `Báo cáo ${ds.name} đã đóng.`);
    if (actor.unitCode !== key.unitCode || !ds.access.enter.includes(actor.role)) throw new ForbiddenError('Chỉ cán bộ của đơn vị được giao báo cáo đánh dấu hoàn thành.', 'report_enter_forbidden');
    this.entry.checkOpen(ds, p);
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

  // ---------------------------------------------------------------- registers (person level, report.register.ts)

  async register(actor: ReportActor, dataSet: string, unitCode: string): Promise<RegisterEntry[]> {
    return this.registers.register(actor, dataSet, unitCode);
  }

  async addToRegister(actor: ReportActor, dataSet: string, unitCode: string, input: unknown): Promise<RegisterEntry> {
    return this.registers.addToRegister(actor, dataSet, unitCode, input);
  }

  /** The person left (end of quarantine, went back to work) on a day. */
  async leaveRegister(actor: ReportActor, dataSet: string, unitCode: string, id: string, leftOn: string): Promise<void> {
    return this.registers.leaveRegister(actor, dataSet, unitCode, id, leftOn);
  }

  /**
   * The aggregates of a period from the register, on its last day: people present (arrived, not
   * yet left) by the count element's disaggregation (sex, home province), per place; and those
   * present for `longStayDays` days or more. Written like a form save (audited, rolled up).
   */
  async computeFromRegister(actor: ReportActor, key: ReportKey): Promise<{ counts: Counts; warnings: string[] }> {
    return this.registers.computeFromRegister(actor, key);
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
    const { byCode } = await this.tree.unitMap();
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
