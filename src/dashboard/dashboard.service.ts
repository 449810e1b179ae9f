import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { GROUPS, INDICATORS, monthOf, parsePeriod, type DossierList, type IndicatorKey, type IndicatorReport, type IndicatorService, type Part, type Period, type Ranking, type RecordList } from '../indicator';
import { LEVEL_LABEL, RATING_LEVELS, ratingFacts, type RatingLevel, type RatingService } from '../rating';
import type { Clock } from '../shared/clock';
import { ForbiddenError } from '../shared/errors';
import type { UnitService } from '../unit';

/**
 * The indicator dashboards (issue 11): view models made only of what the indicator service
 * answers (report, ranking, dossiers) plus the overdue count and the ratings, so a figure on a
 * page, in an export and in the JSON API is the same number. No HTML, no HTTP.
 */

export interface DashboardDeps {
  db: Db;
  indicators: IndicatorService;
  units: UnitService;
  catalog: CatalogService;
  ratings: RatingService;
  /** Dossiers of the unit past their appointment now (the worklist's "Quá hạn"). */
  overdueCount: (unitCode: string) => Promise<number>;
  clock: Clock;
}

export interface StaffScope {
  unitCode: string;
  role: string;
}

export interface TrendPoint {
  period: string;
  total: number;
  rates: Partial<Record<IndicatorKey, number | null>>;
}

export interface BreakdownRow {
  key: string;
  label: string;
  field: string;
  /** Dossiers to settle in the period (on_time_rate's denominator). */
  due: number;
  onTime: number;
  late: number;
  rate: number | null;
}

export interface Overview {
  report: IndicatorReport;
  trend: TrendPoint[];
  byField: BreakdownRow[];
  byProcedure: BreakdownRow[];
  overdue: number;
  ratings: { levels: Array<{ level: RatingLevel; name: string; count: number }>; followUps: { open: number; overdue: number; answered: number } };
  /** The unit the rank is among (its parent), by name. */
  parentName: string | null;
}

/** The indicators shown on the trend chart (and the table under it). */
export const TREND_KEYS: IndicatorKey[] = ['on_time_rate', 'online_rate', 'online_payment_rate', 'digitisation_rate'];

/** Enough for every dossier of a unit-month; the drill-down pages page by 50. */
const ALL = 1_000_000;

export class DashboardService {
  /** Reports of closed months never change (the history is append-only): kept. */
  private closed = new Map<string, IndicatorReport>();

  constructor(private readonly deps: DashboardDeps) {}

  /** The current month, in Hà Nội. */
  currentMonth(): string {
    return monthOf(this.deps.clock.now()).key;
  }

  period(text: string | undefined): Period {
    return parsePeriod(text?.trim() || this.currentMonth());
  }

  /**
   * The unit an official may see figures of: their own, or (a supervisor) one below theirs;
   * anything else is refused (unit isolation).
   */
  async unitFor(staff: StaffScope, unitCode?: string): Promise<string> {
    const code = unitCode?.trim() || staff.unitCode;
    await this.deps.indicators.checkStaffScope(staff.unitCode, code);
    return code;
  }

  /** The units a supervisor ranks: the children of their own unit. */
  async rankingFor(staff: StaffScope, periodText?: string): Promise<Ranking> {
    if (staff.role !== 'supervisor') throw new ForbiddenError('Chỉ tài khoản giám sát cấp trên xem bảng xếp hạng các đơn vị.', 'role_forbidden');
    return this.deps.indicators.ranking(staff.unitCode, this.period(periodText));
  }

  async report(unitCode: string, period: Period): Promise<IndicatorReport> {
    const now = this.deps.clock.now().toISOString();
    if (period.to > now) return this.deps.indicators.report(unitCode, period);
    const key = `${unitCode}/${period.key}/${period.from}`;
    let r = this.closed.get(key);
    if (!r) {
      r = await this.deps.indicators.report(unitCode, period);
      if (this.closed.size > 5000) this.closed.clear();
      this.closed.set(key, r);
    }
    return r;
  }

  /** The 12 months ending with the period's (last) month. */
  async trend(unitCode: string, period: Period): Promise<TrendPoint[]> {
    const last = monthOf(new Date(new Date(period.to).getTime() - 1)).key;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const months: string[] = [];
    for (let i = 11; i >= 0; i--) {
      const d = new Date(Date.UTC(y, m - 1 - i, 1));
      months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    const out: TrendPoint[] = [];
    for (const key of months) {
      const r = await this.report(unitCode, parsePeriod(key));
      const rates: TrendPoint['rates'] = {};
      for (const g of r.groups) for (const i of g.indicators) if (TREND_KEYS.includes(i.key)) rates[i.key] = i.rate;
      out.push({ period: key, total: r.total, rates });
    }
    return out;
  }

  /** The dossiers behind a figure (the indicator API's list, one page or all). */
  dossiers(unitCode: string, period: Period, indicator: string, part: string, page = 1, pageSize?: number): Promise<DossierList> {
    return this.deps.indicators.dossiers(unitCode, period, indicator, part, page, pageSize);
  }

  /** The procedures or feedback behind a transparency figure (the indicator API's list). */
  records(unitCode: string, period: Period, indicator: string, part: string, page = 1, pageSize?: number): Promise<RecordList> {
    return this.deps.indicators.records(unitCode, period, indicator, part, page, pageSize);
  }

  /** All the dossiers behind a figure, optionally of one procedure or one field. */
  async allDossiers(unitCode: string, period: Period, indicator: string, part: string, filter: { procedure?: string; field?: string } = {}): Promise<DossierList> {
    const list = await this.deps.indicators.dossiers(unitCode, period, indicator, part, 1, ALL);
    if (!filter.procedure && !filter.field) return list;
    const fields = await this.fieldsOf(list.items.map((i) => i.procedureCode));
    const items = list.items.filter((i) => (!filter.procedure || i.procedureCode === filter.procedure) && (!filter.field || fields.get(i.procedureCode) === filter.field));
    return { ...list, items, total: items.length, pageSize: items.length };
  }

  async procedureNames(codes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of new Set(codes)) out.set(c, (await this.deps.catalog.findProcedure(c))?.name ?? c);
    return out;
  }

  private async fieldsOf(codes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of new Set(codes)) out.set(c, (await this.deps.catalog.findProcedure(c))?.field ?? 'Khác');
    return out;
  }

  /** On time / late by procedure and by field: on_time_rate's denominator and numerator, split. */
  async breakdown(unitCode: string, period: Period): Promise<{ byProcedure: BreakdownRow[]; byField: BreakdownRow[] }> {
    const due = await this.deps.indicators.dossiers(unitCode, period, 'on_time_rate', 'denominator', 1, ALL);
    const ok = new Set((await this.deps.indicators.dossiers(unitCode, period, 'on_time_rate', 'numerator', 1, ALL)).items.map((i) => i.code));
    const names = await this.procedureNames(due.items.map((i) => i.procedureCode));
    const fields = await this.fieldsOf(due.items.map((i) => i.procedureCode));
    const add = (m: Map<string, BreakdownRow>, key: string, label: string, field: string, onTime: boolean) => {
      const r = m.get(key) ?? { key, label, field, due: 0, onTime: 0, late: 0, rate: null };
      r.due++;
      if (onTime) r.onTime++;
      else r.late++;
      m.set(key, r);
    };
    const byProcedure = new Map<string, BreakdownRow>();
    const byField = new Map<string, BreakdownRow>();
    for (const i of due.items) {
      const field = fields.get(i.procedureCode)!;
      add(byProcedure, i.procedureCode, names.get(i.procedureCode)!, field, ok.has(i.code));
      add(byField, field, field, field, ok.has(i.code));
    }
    const done = (m: Map<string, BreakdownRow>) =>
      [...m.values()].map((r) => ({ ...r, rate: r.due ? Math.round((r.onTime / r.due) * 10_000) / 10_000 : null })).sort((a, b) => b.due - a.due || a.label.localeCompare(b.label, 'vi'));
    return { byProcedure: done(byProcedure), byField: done(byField) };
  }

  async ratingsOf(unitCode: string, period: Period): Promise<Overview['ratings']> {
    const facts = await ratingFacts(this.deps.db, { unitCodes: [unitCode], from: period.from, to: period.to });
    const levels = RATING_LEVELS.map((level) => ({ level, name: LEVEL_LABEL[level], count: facts.filter((f) => f.level === level).length }));
    const f = await this.deps.ratings.followUpCounts([unitCode], { from: period.from, to: period.to });
    return { levels, followUps: { open: f.open, overdue: f.overdue, answered: f.answered } };
  }

  async overview(unitCode: string, period: Period): Promise<Overview> {
    const report = await this.report(unitCode, period);
    const [trend, breakdown, overdue, ratings] = [await this.trend(unitCode, period), await this.breakdown(unitCode, period), await this.deps.overdueCount(unitCode), await this.ratingsOf(unitCode, period)];
    const parent = report.rank.parent ? await this.deps.units.find(report.rank.parent) : undefined;
    return { report, trend, ...breakdown, overdue, ratings, parentName: parent?.name ?? null };
  }

  /** The public page: the month's and the year's figures, no dossier, no person. */
  async publicFigures(unitCode: string, month?: string): Promise<{ month: IndicatorReport; year: IndicatorReport }> {
    const m = this.period(month);
    const year = parsePeriod(m.key.slice(0, 4));
    return { month: await this.report(unitCode, m), year: await this.report(unitCode, year) };
  }
}

/** The indicator of each group's first line, for headings ("Tiến độ giải quyết: 19/20"). */
export const GROUP_NAMES = Object.fromEntries(GROUPS.map((g) => [g.key, g.name]));
export { INDICATORS, type Part };
