import { dossierTimelines } from '../dossier';
import type { Db } from '../db/connection';
import { paymentFacts } from '../payment';
import { ratingFacts } from '../rating';
import type { Clock } from '../shared/clock';
import { BadRequestError, ForbiddenError } from '../shared/errors';
import type { UnitService, Unit } from '../unit';
import { add, emptyCounts, figures, judge, partOf, paymentSets, rankPositions, toRow, type Counts, type Judged } from './indicator.compute';
import { parsePeriod, type Period } from './indicator.period';
import {

  INDICATOR_KEYS,
  PARTS,
  type DossierList,
  type GroupKey,
  type IndicatorKey,
  type IndicatorReport,
  type Part,
  type Ranking,
} from './indicator.types';

/** A payment is looked for from this long before the period: a fee paid online at submission, accepted days later. */
const PAYMENT_LOOKBACK_MS = 31 * 86_400_000;
export const PAGE_SIZE = 50;

type PeriodInput = Period | string | { from: string; to: string };

/**
 * The indicators of a unit for a period (Decision 766/QĐ-TTg), computed on every question from the
 * dossiers' history (dossier module), the payments (payment module) and the ratings (rating
 * module), all read as they stood at the period's end — or now, for the current period. A unit
 * above communes (a province) counts all the dossiers of the communes below it.
 */
export class IndicatorService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitService,
    private readonly clock: Clock,
  ) {}

  period(input: PeriodInput): Period & { asOf: string } {
    const p = typeof input === 'object' && 'key' in input ? input : parsePeriod(input);
    const now = this.clock.now().toISOString();
    return { ...p, asOf: now < p.to ? (now > p.from ? now : p.from) : p.to };
  }

  async report(unitCode: string, periodInput: PeriodInput): Promise<IndicatorReport> {
    const unit = await this.units.get(unitCode);
    const p = this.period(periodInput);
    const parent = unit.parentCode ? await this.units.find(unit.parentCode) : undefined;
    const peers = parent ? (await this.units.list()).filter((u) => u.parentCode === parent.code) : [unit];
    const counts = await this.countsOf(peers, p);
    const ranked = rankPositions(peers.map((u) => ({ unit: u.code, total: figures(counts.get(u.code)!).total })));
    const mine = figures(counts.get(unit.code)!);
    return {
      unit: unit.code,
      unitName: unit.name,
      period: p.key,
      from: p.from,
      to: p.to,
      asOf: p.asOf,
      total: mine.total,
      max: 100,
      groups: mine.groups,
      rank: { position: ranked.find((r) => r.unit === unit.code)!.position, of: peers.length, parent: parent?.code ?? null },
    };
  }

  /** All children of `parentCode`, best first; equal totals share a position. */
  async ranking(parentCode: string, periodInput: PeriodInput): Promise<Ranking> {
    const parent = await this.units.get(parentCode);
    const p = this.period(periodInput);
    const children = (await this.units.list()).filter((u) => u.parentCode === parent.code);
    const counts = await this.countsOf(children, p);
    const items = rankPositions(
      children.map((u) => {
        const f = figures(counts.get(u.code)!);
        return { unit: u.code, name: u.name, total: f.total, groups: Object.fromEntries(f.groups.map((g) => [g.key, g.score])) as Record<GroupKey, number> };
      }),
    );
    return { parent: parent.code, parentName: parent.name, period: p.key, from: p.from, to: p.to, asOf: p.asOf, items };
  }

  /** The dossiers behind a number: exactly those counted in its numerator or its denominator. */
  async dossiers(unitCode: string, periodInput: PeriodInput, indicator: string, part: string, page = 1, pageSize = PAGE_SIZE): Promise<DossierList> {
    if (!(INDICATOR_KEYS as readonly string[]).includes(indicator)) {
      throw new BadRequestError('invalid_indicator', `Không có chỉ số "${indicator.slice(0, 40)}". Các chỉ số: ${INDICATOR_KEYS.join(', ')}.`);
    }
    if (!(PARTS as readonly string[]).includes(part)) throw new BadRequestError('invalid_part', 'Phần của chỉ số phải là numerator (tử số) hoặc denominator (mẫu số).');
    const unit = await this.units.get(unitCode);
    const p = this.period(periodInput);
    const judged = await this.judge(await this.subtree(unit), p);
    const want = part === 'numerator' ? 2 : 1;
    const rows = judged
      .filter((j) => partOf(j, indicator as IndicatorKey) >= want)
      .sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') || a.code.localeCompare(b.code));
    const start = (page - 1) * pageSize;
    return { unit: unit.code, period: p.key, indicator: indicator as IndicatorKey, part: part as Part, items: rows.slice(start, start + pageSize).map(toRow), total: rows.length, page, pageSize };
  }

  /** Staff may open the dossiers of their own unit and of the units below it. */
  async checkStaffScope(actorUnitCode: string, unitCode: string): Promise<void> {
    await this.units.get(unitCode);
    const chain = await this.units.ancestry(unitCode);
    if (!chain.some((u) => u.code === actorUnitCode)) {
      throw new ForbiddenError('Chỉ cán bộ của đơn vị này hoặc đơn vị cấp trên được xem danh sách hồ sơ.', 'unit_forbidden');
    }
  }

  // ------------------------------------------------------------------ computation

  private async subtree(unit: Unit): Promise<string[]> {
    return [unit.code, ...(await this.units.descendants(unit.code)).map((u) => u.code)];
  }

  /** Counts per unit of `units`, each unit summing its own dossiers and those of the units below it. */
  private async countsOf(units: Unit[], p: Period & { asOf: string }): Promise<Map<string, Counts>> {
    const owner = new Map<string, string>();
    for (const u of units) for (const code of await this.subtree(u)) owner.set(code, u.code);
    const out = new Map<string, Counts>(units.map((u) => [u.code, emptyCounts()]));
    for (const j of await this.judge([...owner.keys()], p)) add(out.get(owner.get(j.unitCode)!)!, j);
    return out;
  }

  private async judge(unitCodes: string[], p: Period & { asOf: string }): Promise<Judged[]> {
    if (p.asOf <= p.from) return [];
    const since = new Date(Date.parse(p.from) - PAYMENT_LOOKBACK_MS).toISOString();
    const [timelines, payments, ratings] = await Promise.all([
      dossierTimelines(this.db, { unitCodes, from: p.from, to: p.asOf }),
      paymentFacts(this.db, { unitCodes, since, to: p.asOf }),
      // Ratings first given from the period's start, each as it stood at asOf (rating module).
      ratingFacts(this.db, { unitCodes, from: p.from, to: p.asOf, asOf: p.asOf }),
    ]);
    const dissatisfied = new Set(ratings.filter((r) => r.level === 'dissatisfied' && r.dossierId && r.ratedAt < p.asOf).map((r) => r.dossierId!));
    const ctx = { from: p.from, asOf: p.asOf, dissatisfied, ...paymentSets(payments, p.asOf) };
    return timelines.map((t) => judge(t, ctx));
  }
}
