import { changedDossiers, dossierIdsAfter, dossierTimelines, lastChangeId, timelinesOf } from '../dossier';
import type { Db } from '../db/connection';
import { feeDossiersQuery, paymentFacts } from '../payment';
import { publicationsAt } from '../catalog';
import { dissatisfiedQuery, followUpFacts, ratingFacts } from '../rating';
import type { Clock } from '../shared/clock';
import { BadRequestError, ForbiddenError } from '../shared/errors';
import type { UnitService, Unit } from '../unit';
import { add, addRecords, emptyCounts, figures, hasDossiers, judge, partOf, paymentSets, rankPositions, toRow, type Context, type Counts, type Judged } from './indicator.compute';
import { monthOf, parsePeriod, type Period } from './indicator.period';
import * as repo from './indicator.repo';
import { catalogueRecords, followUpRecords, type PartedRecord } from './indicator.transparency';
import {
  INDICATOR_KEYS,
  INDICATORS,
  PARTS,
  type DossierList,
  type RecordList,
  type GroupKey,
  type IndicatorKey,
  type IndicatorReport,
  type Part,
  type Ranking,
} from './indicator.types';

/** The copy re-reads the history written this long before its cursor: a transaction that committed late is not missed. */
const SYNC_OVERLAP_MS = 2 * 60_000;
const CURSOR = 'history';

/** The UUIDv7 made `ms` milliseconds after the epoch with nothing random: a lower bound for ids made from then on. */
function idAt(ms: number): string {
  const h = Math.max(0, ms).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-0000-0000-000000000000`;
}

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
    /**
     * 'facts' (default): the indicators' copy of the timelines, brought up to date from the history
     * before every answer; 'history': straight from the dossiers' history (the from-scratch
     * computation the copy is tested equal to).
     */
    private readonly opts: { source?: 'facts' | 'history' } = {},
  ) {}

  private syncing: Promise<void> | undefined;

  /** Brings the copy up to date with the history and files written since the last time. */
  async sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  /**
   * Reads the history and file rows after the cursor. The cursor then moves to the last row read,
   * but never past the ids made more than SYNC_OVERLAP_MS ago (ids carry the real time they were
   * made): a row made just before and committed just after this read is read next time. Rows made
   * earlier than that were committed by now (no transaction lasts that long), so they were read.
   */
  private async catchUp(): Promise<void> {
    const cursor = await repo.findCursor(this.db, CURSOR);
    if (cursor === undefined) return this.rebuildNow();
    const safe = idAt(Date.now() - SYNC_OVERLAP_MS);
    let after = cursor;
    let last = cursor;
    for (;;) {
      const ch = await changedDossiers(this.db, after);
      if (ch.dossierIds.length) {
        const have = await repo.factsOf(this.db, ch.dossierIds);
        const fresh = (await timelinesOf(this.db, ch.dossierIds)).filter((t) => {
          const h = have.get(t.id);
          return !h || h.seq !== t.seq || h.firstFileAt !== t.firstFileAt || h.events !== JSON.stringify(t.events);
        });
        if (fresh.length) await this.db.transaction().execute((trx) => repo.upsertFacts(trx, fresh));
      }
      if (ch.last > last) last = ch.last;
      if (!ch.more) break;
      after = ch.last;
    }
    const next = last < safe ? last : safe > cursor ? safe : cursor;
    if (next !== cursor) await repo.saveCursor(this.db, CURSOR, next, this.clock.now().toISOString());
  }

  /** Builds the copy again from the whole history (a new database, or data imported around the action engine). */
  async rebuild(): Promise<{ dossiers: number }> {
    await repo.clearFacts(this.db);
    let n = 0;
    await (this.syncing = this.rebuildNow((k) => (n = k)).finally(() => {
      this.syncing = undefined;
    }));
    return { dossiers: n };
  }

  private async rebuildNow(progress: (n: number) => void = () => {}): Promise<void> {
    // Where following starts is read first: whatever is written during the rebuild (or made
    // shortly before it and committed since) is read again.
    const newest = await lastChangeId(this.db);
    const safe = idAt(Date.now() - SYNC_OVERLAP_MS);
    const start = newest < safe ? newest : safe;
    let after = '';
    let n = 0;
    for (;;) {
      const ids = await dossierIdsAfter(this.db, after, 1000);
      if (!ids.length) break;
      const list = await timelinesOf(this.db, ids);
      await this.db.transaction().execute((trx) => repo.upsertFacts(trx, list));
      n += list.length;
      progress(n);
      after = ids.at(-1)!;
    }
    await repo.saveCursor(this.db, CURSOR, start, this.clock.now().toISOString());
  }

  /**
   * The period and the instant its history is read up to: its end once it is over, else now — an
   * action counts from the moment it is taken (`until` is that instant's exclusive bound).
   */
  period(input: PeriodInput): Period & { asOf: string; until: string } {
    const p = typeof input === 'object' && 'key' in input ? input : parsePeriod(input);
    const now = this.clock.now();
    const iso = now.toISOString();
    if (iso >= p.to) return { ...p, asOf: p.to, until: p.to };
    if (iso < p.from) return { ...p, asOf: p.from, until: p.from };
    return { ...p, asOf: iso, until: new Date(now.getTime() + 1).toISOString() };
  }

  async report(unitCode: string, periodInput: PeriodInput): Promise<IndicatorReport> {
    const unit = await this.units.get(unitCode);
    const p = this.period(periodInput);
    const parent = unit.parentCode ? await this.units.find(unit.parentCode) : undefined;
    const peers = parent ? (await this.units.list()).filter((u) => u.parentCode === parent.code) : [unit];
    const counts = await this.countsOf(peers, p);
    const ranked = rankPositions(peers.map((u) => ({ unit: u.code, total: figures(counts.get(u.code)!).total, hasDossiers: hasDossiers(counts.get(u.code)!) })));
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
      hasDossiers: hasDossiers(counts.get(unit.code)!),
      groups: mine.groups,
      rank: { position: ranked.find((r) => r.unit === unit.code)!.position, of: ranked.filter((r) => r.position !== null).length, parent: parent?.code ?? null },
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
        return { unit: u.code, name: u.name, total: f.total, hasDossiers: hasDossiers(counts.get(u.code)!), groups: Object.fromEntries(f.groups.map((g) => [g.key, g.score])) as Record<GroupKey, number> };
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
    const counted = INDICATORS[indicator as IndicatorKey].counted;
    if (counted && counted !== 'dossiers') {
      throw new BadRequestError('not_dossier_indicator', `Chỉ số "${indicator}" đếm ${counted === 'procedures' ? 'thủ tục' : 'phản ánh'}, không đếm hồ sơ: xem danh sách tại /api/indicators/records.`);
    }
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

  /**
   * What is behind a number that does not count dossiers (the catalogue's procedures, the citizens'
   * feedback) — or, for a dossier indicator, a 400 pointing at `dossiers`.
   */
  async records(unitCode: string, periodInput: PeriodInput, indicator: string, part: string, page = 1, pageSize = PAGE_SIZE): Promise<RecordList> {
    if (!(INDICATOR_KEYS as readonly string[]).includes(indicator)) {
      throw new BadRequestError('invalid_indicator', `Không có chỉ số "${indicator.slice(0, 40)}". Các chỉ số: ${INDICATOR_KEYS.join(', ')}.`);
    }
    if (!(PARTS as readonly string[]).includes(part)) throw new BadRequestError('invalid_part', 'Phần của chỉ số phải là numerator (tử số) hoặc denominator (mẫu số).');
    const key = indicator as IndicatorKey;
    if ((INDICATORS[key].counted ?? 'dossiers') === 'dossiers') throw new BadRequestError('dossier_indicator', `Chỉ số "${indicator}" đếm hồ sơ: xem danh sách tại /api/indicators/dossiers.`);
    const unit = await this.units.get(unitCode);
    const p = this.period(periodInput);
    const want = part === 'numerator' ? 2 : 1;
    const rows = (await this.recordsOf(await this.subtree(unit), p))[key === 'catalogue_complete_rate' ? 'catalogue' : 'feedback'].filter((r) => r.part >= want);
    const start = (page - 1) * pageSize;
    return { unit: unit.code, period: p.key, indicator: key, part: part as Part, items: rows.slice(start, start + pageSize).map(({ part: _p, ...r }) => r), total: rows.length, page, pageSize };
  }

  /**
   * The month that closed last, counted and kept for every unit that has no kept counts of it yet
   * (issue 16: a supervisor opening the dashboard on the 1st does not pay for the computation). A
   * month is closed from 00:00 Asia/Ho_Chi_Minh on the 1st plus the copy's overlap (SYNC_OVERLAP_MS:
   * the moment its counts may be kept at all). Communes first, then the units above them; one unit
   * at a time, giving the event loop back between units so requests are not held up; it stops after
   * `budgetMs` (at least one unit per run) and leaves the rest to the next run. Units already kept
   * are skipped, so a second run does nothing. Counts kept this way are those a question would have
   * computed and kept (`countsOf`): a dossier changed afterwards does not rewrite the month.
   */
  async keepClosedMonth(opts: { budgetMs?: number } = {}): Promise<{ period: string; kept: number; left: number; units: number }> {
    const started = Date.now();
    const now = this.clock.now();
    const current = monthOf(new Date(now.getTime() - SYNC_OVERLAP_MS));
    const closed = this.period(monthOf(new Date(Date.parse(current.from) - 1)));
    const units = await this.units.list();
    const kept = await repo.periodCounts(this.db, units.map((u) => u.code), closed.from, closed.to, INDICATOR_KEYS.length);
    // Deepest first: the communes, then the units above them.
    const byCode = new Map(units.map((u) => [u.code, u]));
    const depth = (u: Unit): number => {
      let d = 0;
      for (let p = u.parentCode ? byCode.get(u.parentCode) : undefined; p && d < 20; p = p.parentCode ? byCode.get(p.parentCode) : undefined) d++;
      return d;
    };
    const todo = units.filter((u) => !kept.has(u.code)).sort((a, b) => depth(b) - depth(a) || a.code.localeCompare(b.code));
    let done = 0;
    for (const u of todo) {
      if (done > 0 && opts.budgetMs !== undefined && Date.now() - started >= opts.budgetMs) break;
      await this.countsOf([u], closed);
      done++;
      await new Promise((r) => setImmediate(r));
    }
    return { period: closed.key, kept: done, left: todo.length - done, units: units.length };
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
  private async countsOf(units: Unit[], p: Period & { asOf: string; until: string }): Promise<Map<string, Counts>> {
    // A period that is over (and past the copy's overlap) cannot change: its counts are kept once computed.
    const keep = this.opts.source !== 'history' && p.until === p.to && this.clock.now().getTime() >= Date.parse(p.to) + SYNC_OVERLAP_MS;
    const kept = keep ? await repo.periodCounts(this.db, units.map((u) => u.code), p.from, p.to, INDICATOR_KEYS.length) : new Map<string, Counts>();
    const todo = units.filter((u) => !kept.has(u.code));
    const owner = new Map<string, string>();
    for (const u of todo) for (const code of await this.subtree(u)) owner.set(code, u.code);
    const fresh = new Map<string, Counts>(todo.map((u) => [u.code, emptyCounts()]));
    if (todo.length) {
      // The dossiers' counts and the catalogue's and feedback's records are read side by side.
      const codes = [...owner.keys()];
      // Judged from the history (source 'history') or counted from the indicators' copy.
      const fromHistory = this.opts.source === 'history';
      const [judged, counted, rec] = await Promise.all([fromHistory ? this.judge(codes, p) : [], fromHistory ? new Map<string, Counts>() : this.count(codes, p), this.recordsOf(codes, p)]);
      for (const j of judged) add(fresh.get(owner.get(j.unitCode)!)!, j);
      for (const [code, c] of counted) {
        const into = fresh.get(owner.get(code)!)!;
        c.forEach(([num, den], i) => {
          into[i]![0] += num;
          into[i]![1] += den;
        });
      }
      for (const r of rec.catalogue) addRecords(fresh.get(owner.get(r.unit)!)!, 'catalogue_complete_rate', [r]);
      for (const r of rec.feedback) addRecords(fresh.get(owner.get(r.unit)!)!, 'feedback_on_time_rate', [r]);
    }
    if (keep && todo.length) await repo.savePeriodCounts(this.db, [...fresh].map(([unitCode, counts]) => ({ unitCode, counts })), p.from, p.to, this.clock.now().toISOString());
    return new Map(units.map((u) => [u.code, kept.get(u.code) ?? fresh.get(u.code)!]));
  }

  /**
   * Counts per unit code from the dossiers' judged states (migration 021): a handful of SQL sums
   * over the period's dossiers, by the rules of `judge`; timelines out of time order are judged
   * from the copy one by one. Tested equal to judging every timeline of the history.
   */
  private async count(unitCodes: string[], p: Period & { asOf: string; until: string }): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    if (p.until <= p.from) return out;
    await this.sync();
    const since = new Date(Date.parse(p.from) - PAYMENT_LOOKBACK_MS).toISOString();
    const get = (code: string) => out.get(code) ?? (out.set(code, emptyCounts()), out.get(code)!);
    const [rows, odd] = await Promise.all([
      repo.countStates(this.db, {
        unitCodes,
        from: p.from,
        until: p.until,
        feeOwed: feeDossiersQuery(this.db, { unitCodes, since, to: p.until }),
        paidOnline: feeDossiersQuery(this.db, { unitCodes, since, to: p.until, onlineOnly: true }),
        dissatisfied: dissatisfiedQuery(this.db, { unitCodes, from: p.from, to: p.until, asOf: p.asOf }),
      }),
      repo.irregularTimelines(this.db, unitCodes),
    ]);
    for (const r of rows) {
      const c = get(r.unit);
      for (let i = 0; 2 * i < r.n.length; i++) c[i] = [r.n[2 * i]!, r.n[2 * i + 1]!];
    }
    if (odd.length) {
      const ctx = await this.context(unitCodes, p);
      for (const t of odd) add(get(t.unitCode), judge(t, ctx));
    }
    return out;
  }

  /** The catalogue's procedures and the citizens' feedback of a period, as they stood at its end (or now). */
  private async recordsOf(unitCodes: string[], p: Period & { asOf: string; until: string }): Promise<{ catalogue: PartedRecord[]; feedback: PartedRecord[] }> {
    if (p.until <= p.from) return { catalogue: [], feedback: [] };
    const [pubs, follow] = await Promise.all([publicationsAt(this.db, { unitCodes, asOf: p.until }), followUpFacts(this.db, { unitCodes, from: p.from, asOf: p.until })]);
    return { catalogue: catalogueRecords(pubs), feedback: followUpRecords(follow, p.until) };
  }

  /** What a period's dossiers are judged with besides their history: fees and payments, ratings in force. */
  private async context(unitCodes: string[], p: Period & { asOf: string; until: string }): Promise<Context> {
    const since = new Date(Date.parse(p.from) - PAYMENT_LOOKBACK_MS).toISOString();
    const [payments, ratings] = await Promise.all([
      paymentFacts(this.db, { unitCodes, since, to: p.until }),
      // Ratings first given from the period's start, each as it stood at asOf (rating module).
      ratingFacts(this.db, { unitCodes, from: p.from, to: p.until, asOf: p.asOf }),
    ]);
    const dissatisfied = new Set(ratings.filter((r) => r.level === 'dissatisfied' && r.dossierId && r.ratedAt < p.until).map((r) => r.dossierId!));
    return { from: p.from, asOf: p.until, dissatisfied, ...paymentSets(payments, p.until) };
  }

  private async judge(unitCodes: string[], p: Period & { asOf: string; until: string }): Promise<Judged[]> {
    if (p.until <= p.from) return [];
    if (this.opts.source !== 'history') await this.sync();
    const [timelines, ctx] = await Promise.all([
      this.opts.source === 'history' ? dossierTimelines(this.db, { unitCodes, from: p.from, to: p.until }) : repo.candidates(this.db, { unitCodes, from: p.from, to: p.until }),
      this.context(unitCodes, p),
    ]);
    return timelines.map((t) => judge(t, ctx));
  }
}
