import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import type { Unit } from '../unit';
import type { ReminderRow } from './summary.repo';
import { valueKey } from './summary.text';
import { NUMERIC_TYPES, type CompletenessRow, type DataSet, type Summary } from './report.types';
import type { ReportService } from './report.service';
import { addDays, recentPeriods, vnDay } from './report.period';

/**
 * The supervisor's side of reports (issue 12): the live summary of a data set and period over the
 * units below, its completeness and timeliness, the reminders sent. It reads the report model's
 * summary (kept rolled up as values are saved) and completeness through a narrow port, so the
 * pages, the exports and the API all show one view model.
 */

export interface SummaryElement {
  code: string;
  name: string;
  valueType: string;
  section: string;
  combos: Array<{ code: string; name: string }>;
}

/** What the summary reads of the report model (ReportService). */
export type SummaryPort = Pick<ReportService, 'dataSets' | 'dataSet' | 'summary' | 'completeness' | 'currentPeriod' | 'period' | 'deadline' | 'categoryCombos' | 'places' | 'values' | 'periodLabel'>;

export interface SummaryDeps {
  reports: SummaryPort;
  units: { list(): Promise<Unit[]>; get(code: string): Promise<Unit>; ancestry(code: string): Promise<Unit[]>; descendants(code: string): Promise<Unit[]> };
  reminders: (dataSet: string, period: string) => Promise<ReminderRow[]>;
  clock: Clock;
}

export interface ChildRow {
  unitCode: string;
  name: string;
  reported: boolean;
  complete: boolean;
  completedAt: string | null;
  /** null: not known (a unit not assigned the report itself, with units below that are). */
  onTime: boolean | null;
  values: Map<string, number>;
  /** When the unit was reminded for this period (ISO), if it was. */
  remindedAt: string | null;
  /** A unit not assigned the report itself: how its assigned units below stand. */
  below?: { units: number; reported: number; complete: number; onTime: number };
}

export interface PlaceRow {
  unitCode: string;
  unitName: string;
  code: string;
  name: string;
  values: Map<string, number>;
}

export interface SummaryView {
  ds: DataSet;
  /** The numeric elements (what is summed), with their option combos spelt out. */
  elements: SummaryElement[];
  period: string;
  /** The period in words ("Ngày 03/12/2026", "Trong ngày bầu cử (15/03/2026)"). */
  periodText: string;
  /** Periods to choose from: the recent ones (every phase of an event), the one shown included. */
  periods: Array<{ code: string; label: string }>;
  unit: Unit;
  json: Summary;
  totals: Map<string, number>;
  children: ChildRow[];
  counts: { units: number; reported: number; complete: number; onTime: number };
  deadline: Date | undefined;
  supervisorToldAt: string | null;
  /** Reports whose rows are places (quarantine areas): every place below, with its values. */
  places: PlaceRow[];
  /** Changes when any figure or status changes: the live page asks for the table only then. */
  version: string;
  at: Date;
}


export class SummaryService {
  constructor(private readonly deps: SummaryDeps) {}

  /** The unit whose summary an official may read: theirs or one below it. */
  async scope(staffUnit: string, orgUnit?: string): Promise<string> {
    if (!orgUnit || orgUnit === staffUnit) return staffUnit;
    await this.deps.units.get(orgUnit);
    const chain = await this.deps.units.ancestry(orgUnit);
    if (!chain.some((u) => u.code === staffUnit)) throw new ForbiddenError(`Đơn vị mã ${orgUnit} không thuộc phạm vi của bạn.`, 'unit_out_of_scope');
    return orgUnit;
  }

  dataSets(): Promise<DataSet[]> {
    return this.deps.reports.dataSets();
  }

  /** The numeric elements of a data set with their option combos. */
  async elements(ds: DataSet): Promise<SummaryElement[]> {
    const combos = new Map((await this.deps.reports.categoryCombos()).map((c) => [c.code, c.options]));
    return ds.dataElements.filter((e) => NUMERIC_TYPES.has(e.valueType)).map((e) => ({ code: e.code, name: e.name, valueType: e.valueType, section: e.section, combos: e.categoryCombo ? (combos.get(e.categoryCombo) ?? []).map((o) => ({ code: o.code, name: o.name })) : [] }));
  }

  /** The data set asked for, or the first open one being reported now (not last March's election). */
  async pickDataSet(code?: string): Promise<DataSet> {
    if (code) return this.deps.reports.dataSet(code);
    const all = await this.deps.reports.dataSets();
    const first = all.find((d) => !d.closed && this.reportedNow(d)) ?? all.find((d) => !d.closed) ?? all[0];
    if (!first) throw new NotFoundError('Chưa có báo cáo nào. Cấp trên tạo báo cáo tại "Biểu mẫu báo cáo".', 'no_data_sets');
    return first;
  }

  /** A report of an event is being reported from a week before its first phase to a week after its last; others always. */
  private reportedNow(ds: DataSet): boolean {
    if (ds.periodType !== 'event' || !ds.eventDate) return true;
    const today = vnDay(this.deps.clock.now());
    const offsets = ds.eventPhases.map((p) => p.offsetDays);
    return addDays(ds.eventDate, Math.min(0, ...offsets) - 7) <= today && today <= addDays(ds.eventDate, Math.max(0, ...offsets) + 7);
  }

  /** The period asked for (checked: a Vietnamese 422 otherwise), or the one being reported now. */
  period(ds: DataSet, period?: string): string {
    if (!period) {
      const now = this.deps.reports.currentPeriod(ds);
      if (!now) throw new NotFoundError(`Báo cáo ${ds.name} chưa có kỳ nào.`, 'no_period');
      return now;
    }
    return this.deps.reports.period(ds, period).code;
  }

  /**
   * The page's model. The units below come with their total per element and the options of one
   * element (`element`, else the first disaggregated one: the cross table), summed by the database.
   */
  async view(staffUnit: string, q: { dataSet?: string; period?: string; orgUnit?: string; element?: string }): Promise<SummaryView> {
    const orgUnit = await this.scope(staffUnit, q.orgUnit);
    const ds = await this.pickDataSet(q.dataSet);
    const period = this.period(ds, q.period);
    const elements = await this.elements(ds);
    const detail = crossElementOf(elements, q.element)?.code;
    const [unit, json, completeness, reminders] = await Promise.all([
      this.deps.units.get(orgUnit),
      this.deps.reports.summary({ dataSet: ds.code, period, orgUnit }, { children: 'totals', detail }),
      this.deps.reports.completeness({ dataSet: ds.code, period, parentUnit: orgUnit }),
      this.deps.reminders(ds.code, period),
    ]);
    const totals = toMap(json.values);
    const reminded = new Map(reminders.filter((r) => r.kind === 'near').map((r) => [r.unitCode, r.sentAt]));
    const status = new Map(completeness.map((c) => [c.unitCode, c]));
    // The summary's children are the units right below; the report may be assigned further down
    // (a province's communes under the nation): such a row counts the assigned units below it.
    const children: ChildRow[] = [];
    // Each assigned unit under the child of `orgUnit` it belongs to (one walk up the tree per unit).
    const parentOf = new Map((await this.deps.units.list()).map((u) => [u.code, u.parentCode]));
    const direct = new Set(json.children.map((c) => c.orgUnit));
    const under = new Map<string, CompletenessRow[]>();
    for (const row of completeness) {
      let at: string | null | undefined = row.unitCode;
      for (let hops = 0; at && !direct.has(at) && hops < 20; hops++) at = parentOf.get(at);
      if (at && direct.has(at)) (under.get(at) ?? under.set(at, []).get(at)!).push(row);
    }
    for (const c of json.children) {
      const s = status.get(c.orgUnit);
      let below: ChildRow['below'];
      if (!s) {
        const rows = under.get(c.orgUnit) ?? [];
        if (!rows.length && !c.values.length) continue; // nothing to do with this report
        below = { units: rows.length, reported: rows.filter((x) => x.reported).length, complete: rows.filter((x) => x.complete).length, onTime: rows.filter((x) => x.onTime).length };
      }
      children.push({
        unitCode: c.orgUnit,
        name: c.name,
        reported: s ? s.reported : (below?.reported ?? 0) > 0,
        complete: s ? s.complete : !!below && below.units > 0 && below.complete === below.units,
        completedAt: s?.completedAt ?? null,
        onTime: s ? s.onTime : below && below.units > 0 ? below.onTime === below.units : null,
        values: toMap(c.values),
        remindedAt: reminded.get(c.orgUnit) ?? null,
        below,
      });
    }
    const counts = {
      units: completeness.length,
      reported: completeness.filter((c) => c.reported).length,
      complete: completeness.filter((c) => c.complete).length,
      onTime: completeness.filter((c) => c.onTime === true).length,
    };
    const places = ds.usesPlaces ? await this.places(ds, period, orgUnit) : [];
    const version = createHash('sha1').update(JSON.stringify([json, completeness, reminders, places.map((p) => [p.code, [...p.values]])])).digest('base64url').slice(0, 16);
    const recent = recentPeriods(ds.periodType, this.deps.clock.now(), 14, ds);
    const periods = (recent.includes(period) ? recent : [period, ...recent]).map((code) => ({ code, label: this.deps.reports.periodLabel(ds, code) }));
    return {
      ds,
      elements,
      period,
      periodText: this.deps.reports.periodLabel(ds, period),
      periods,
      unit,
      json,
      totals,
      children,
      counts,
      deadline: this.deps.reports.deadline(ds, period),
      places,
      supervisorToldAt: reminders.find((r) => r.kind === 'passed')?.sentAt ?? null,
      version,
      at: this.deps.clock.now(),
    };
  }

  /** Every place of the units at or below `orgUnit`, with its values of the period (numbers only). */
  private async places(ds: DataSet, period: string, orgUnit: string): Promise<PlaceRow[]> {
    const values = await this.deps.reports.values({ dataSet: ds.code, period, unitCode: orgUnit, children: true });
    const units = [...new Set(values.map((v) => v.unitCode))];
    const all = await this.deps.reports.places(ds.code);
    const below = new Set([orgUnit, ...(await this.deps.units.descendants(orgUnit)).map((u) => u.code)]);
    const byPlace = new Map<string, Map<string, number>>();
    for (const v of values) {
      if (!v.placeId) continue;
      const n = Number(v.value);
      if (!Number.isFinite(n) || v.value === '') continue;
      let m = byPlace.get(v.placeId);
      if (!m) byPlace.set(v.placeId, (m = new Map()));
      m.set(valueKey(v.dataElement, v.coc), n);
    }
    const names = new Map<string, string>();
    for (const u of new Set([...units, ...all.map((p) => p.unitCode)])) names.set(u, (await this.deps.units.get(u).catch(() => undefined))?.name ?? u);
    return all
      .filter((p) => below.has(p.unitCode) && (p.active || byPlace.has(p.id)))
      .map((p) => ({ unitCode: p.unitCode, unitName: names.get(p.unitCode) ?? p.unitCode, code: p.code, name: p.name, values: byPlace.get(p.id) ?? new Map() }));
  }

  /** The JSON, scoped to the official's units (`childValues: 'totals'`: each unit below by element only). */
  async json(staffUnit: string, q: { dataSet: string; period: string; orgUnit?: string; childValues?: 'all' | 'totals' }): Promise<Summary> {
    const orgUnit = await this.scope(staffUnit, q.orgUnit);
    const ds = await this.deps.reports.dataSet(q.dataSet);
    return this.deps.reports.summary({ dataSet: ds.code, period: this.period(ds, q.period), orgUnit }, { children: q.childValues === 'totals' ? 'totals' : 'values' });
  }

  async completeness(staffUnit: string, q: { dataSet: string; period: string; orgUnit?: string }): Promise<CompletenessRow[]> {
    const orgUnit = await this.scope(staffUnit, q.orgUnit);
    const ds = await this.deps.reports.dataSet(q.dataSet);
    return this.deps.reports.completeness({ dataSet: ds.code, period: this.period(ds, q.period), parentUnit: orgUnit });
  }
}

/** The element shown across units by its disaggregation: the one asked for, or the first disaggregated. */
export function crossElementOf(elements: SummaryElement[], code?: string): SummaryElement | undefined {
  const withCombos = elements.filter((e) => e.combos.length > 1);
  return withCombos.find((e) => e.code === code) ?? withCombos[0];
}

export function toMap(values: Summary['values']): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) if (Number.isFinite(v.value)) m.set(valueKey(v.dataElement, v.categoryOptionCombo), v.value);
  return m;
}

/** An element's total: its own value, or the sum of its combos. */
export function elementTotal(values: Map<string, number>, e: SummaryElement): number | null {
  if (!e.combos.length) return values.get(valueKey(e.code)) ?? null;
  let sum = 0;
  let any = false;
  for (const c of e.combos) {
    const v = values.get(valueKey(e.code, c.code));
    if (v !== undefined) {
      sum += v;
      any = true;
    }
  }
  if (!any) return values.get(valueKey(e.code)) ?? null;
  return sum;
}
