import { z } from 'zod';
import type { AccountService, Staff } from '../account';
import { workingMillisBetween } from '../calendar';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { dossierCodes, openDossiers, staffActivity, type StaffActivity } from '../dossier';
import type { DossierService } from '../dossier';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { fold } from '../shared/vietnamese';
import type { UnitService } from '../unit';
import { STEP_KIND_LABEL, STEP_KINDS, type StepKind } from '../workflow';
import * as repo from './performance.repo';
import { monthOfDay, parseWorkPeriod, vnToday, weekOfDay, type WorkPeriod } from './performance.period';
import {
  METRIC_INFO,
  TARGET_METRICS,
  type IndicatorRateReader,
  type OfficialPerformance,
  type RatingFact,
  type RatingReader,
  type StepPerformance,
  type Target,
  type TargetMetric,
  type TargetProgress,
} from './performance.types';

/** Roles that handle dossiers (whose performance is measured). */
const HANDLER_ROLES = new Set(['receptionist', 'specialist', 'leader']);
/** How far back a rated dossier counts as "handled by" the official who finished one of its steps. */
const RATING_LOOKBACK_MS = 180 * 86_400_000;
/** A step within this much working time of its planned end counts as at risk. */
export const AT_RISK_MS = 4 * 3_600_000;

export interface PerformanceDeps {
  db: Db;
  accounts: AccountService;
  units: UnitService;
  dossiers: DossierService;
  catalog: CatalogService;
  clock: Clock;
  /** Ratings (src/rating), once that module is wired; without it every rating count is 0. */
  ratings?: RatingReader;
  /** Indicators (src/indicator) for unit-level targets; without it they show "Chưa có số liệu". */
  indicatorRate?: IndicatorRateReader;
}

export interface StepDone {
  dossierId: string;
  code: string;
  procedureCode: string;
  kind: StepKind;
  endedAt: string;
  plannedEnd: string | null;
  usedMs: number;
  late: boolean;
}

/** The median of a list of numbers (the mean of the two middle ones for an even count). */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const targetInput = z.object({
  subject: z
    .string({ message: 'Chọn cán bộ hoặc lĩnh vực nhận chỉ tiêu' })
    .trim()
    .regex(/^(staff:[a-z][a-z0-9._-]{2,31}|field:.{2,120}|unit)$/, 'Chọn cán bộ, lĩnh vực hoặc toàn đơn vị'),
  metric: z.enum(TARGET_METRICS, { message: 'Chọn chỉ tiêu trong danh sách' }),
  value: z.coerce.number({ message: 'Mức chỉ tiêu phải là số' }).min(0, 'Mức chỉ tiêu không âm').max(100_000, 'Mức chỉ tiêu quá lớn'),
  period: z.string({ message: 'Cần kỳ (tháng hoặc tuần)' }),
  note: z.string().trim().normalize('NFC').max(500, 'Ghi chú tối đa 500 ký tự').optional(),
});
export type TargetInput = z.input<typeof targetInput>;

/**
 * Performance of officials, computed from the dossier history only (nothing stored): the steps
 * each official finished in a period (the history row that left a step carries its start and
 * planned end), on time or late against that planned end, the working time used (the unit's
 * calendar: sessions, weekends, holidays), supplement requests, and the ratings of the dossiers
 * they handled. Plus targets set by the leader and their progress.
 */
export class PerformanceService {
  constructor(private readonly deps: PerformanceDeps) {}

  // ------------------------------------------------------------------ who sees whom

  /** Units whose officials the viewer may see: a leader their unit, a supervisor the units below too. */
  async unitsOf(viewer: Staff): Promise<string[]> {
    if (viewer.role === 'supervisor') return [viewer.unitCode, ...(await this.deps.units.descendants(viewer.unitCode)).map((u) => u.code)];
    return [viewer.unitCode];
  }

  /** Leaders see their unit's officials (supervisors those below); everyone else only themselves. */
  seesOthers(viewer: Staff): boolean {
    return viewer.role === 'leader' || viewer.role === 'supervisor';
  }

  /** The officials of a unit whose work is measured (receptionists, specialists, leaders), as the viewer may see them. */
  async officialsOf(viewer: Staff, unitCode?: string): Promise<Staff[]> {
    const unit = unitCode ?? viewer.unitCode;
    if (!(await this.unitsOf(viewer)).includes(unit)) throw new NotFoundError('Không tìm thấy đơn vị.', 'unit_not_found');
    if (!this.seesOthers(viewer)) return [viewer];
    return (await this.deps.accounts.listStaff([unit])).filter((s) => HANDLER_ROLES.has(s.role) && s.active !== false).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }

  /** One official, if the viewer may see them: 404 outside the viewer's units, 403 for a colleague's when one sees only oneself. */
  async officialFor(viewer: Staff, username: string): Promise<Staff> {
    const s = await this.deps.accounts.findStaffByUsername(username.trim().toLowerCase());
    if (!s || !(await this.unitsOf(viewer)).includes(s.unitCode)) throw new NotFoundError('Không tìm thấy cán bộ.', 'staff_not_found');
    if (s.id !== viewer.id && !this.seesOthers(viewer)) throw new ForbiddenError('Bạn chỉ xem được kết quả công việc của chính mình.', 'own_performance_only');
    return s;
  }

  /** The unit a page opens on: one's own; for a supervisor, the first unit below that has officials. */
  async defaultUnit(viewer: Staff): Promise<string> {
    if (viewer.role !== 'supervisor') return viewer.unitCode;
    for (const u of await this.deps.units.descendants(viewer.unitCode)) {
      if ((await this.deps.accounts.listStaff([u.code])).some((s) => HANDLER_ROLES.has(s.role))) return u.code;
    }
    return viewer.unitCode;
  }

  period(text: string | undefined, kind: 'month' | 'week' = 'month'): WorkPeriod {
    if (text) return parseWorkPeriod(text);
    const today = vnToday(this.deps.clock.now());
    return kind === 'week' ? weekOfDay(today) : monthOfDay(today);
  }

  // ------------------------------------------------------------------ performance

  /** The steps finished by officials of a unit in [from, to), from the history. */
  async stepsDone(unitCode: string, from: string, to: string, actorIds?: string[]): Promise<{ steps: Map<string, StepDone[]>; activity: StaffActivity[] }> {
    const cal = await this.deps.dossiers.calendarOf(unitCode);
    const activity = await staffActivity(this.deps.db, { unitCodes: [unitCode], from, to, actorIds });
    const steps = new Map<string, StepDone[]>();
    for (const a of activity) {
      const s = a.data.step as { kind?: string; startedAt?: string; plannedEnd?: string | null } | undefined;
      if (!s?.kind || !s.startedAt || !(STEP_KINDS as readonly string[]).includes(s.kind)) continue;
      const ended = new Date(a.createdAt);
      const planned = s.plannedEnd ?? null;
      const list = steps.get(a.actorId) ?? [];
      list.push({
        dossierId: a.dossierId,
        code: a.code,
        procedureCode: a.procedureCode,
        kind: s.kind as StepKind,
        endedAt: a.createdAt,
        plannedEnd: planned,
        usedMs: Math.max(0, workingMillisBetween(new Date(s.startedAt), ended, cal)),
        late: planned ? ended.getTime() > new Date(planned).getTime() : false,
      });
      steps.set(a.actorId, list);
    }
    return { steps, activity };
  }

  /** Performance of these officials of one unit over a period. */
  async compute(unitCode: string, officials: Staff[], period: { key: string; from: string; to: string; label: string }): Promise<OfficialPerformance[]> {
    const ids = officials.map((s) => s.id);
    const lookFrom = new Date(new Date(period.from).getTime() - RATING_LOOKBACK_MS).toISOString();
    const [{ steps, activity }, ratings, open] = await Promise.all([
      this.stepsDone(unitCode, period.from, period.to, ids),
      this.ratingsOf([unitCode], period.from, period.to),
      openDossiers(this.deps.db, [unitCode]),
    ]);
    // Dossiers each official handled before or during the period, for their ratings.
    const earlier = await staffActivity(this.deps.db, { unitCodes: [unitCode], from: lookFrom, to: period.from, actorIds: ids });
    const now = this.deps.clock.now().toISOString();
    return officials.map((s) => {
      const mine = steps.get(s.id) ?? [];
      const byKind = new Map<StepKind, StepDone[]>();
      for (const d of mine) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
      const stepRows: StepPerformance[] = STEP_KINDS.filter((k) => byKind.has(k)).map((k) => {
        const list = byKind.get(k)!;
        const late = list.filter((x) => x.late).length;
        return { kind: k, label: STEP_KIND_LABEL[k], done: list.length, onTime: list.length - late, late, medianMs: median(list.map((x) => x.usedMs)) };
      });
      const handled = new Set([...earlier, ...activity].filter((a) => a.actorId === s.id).map((a) => a.dossierId));
      const rated = ratings.filter((r) => handled.has(r.dossierId));
      const codeOf = new Map([...earlier, ...activity].map((a) => [a.dossierId, a.code]));
      const count = (lvl: RatingFact['level']) => rated.filter((r) => r.level === lvl).length;
      const late = mine.filter((x) => x.late).length;
      return {
        staff: { id: s.id, username: s.username, fullName: s.fullName, role: s.role, unitCode: s.unitCode, fields: s.fields },
        period: { key: period.key, from: period.from, to: period.to, label: period.label },
        steps: stepRows,
        dossiers: new Set(mine.map((x) => x.dossierId)).size,
        stepsDone: mine.length,
        onTime: mine.length - late,
        late,
        onTimeRate: mine.length ? (mine.length - late) / mine.length : null,
        supplementRequests: activity.filter((a) => a.actorId === s.id && a.action === 'request_supplement').length,
        ratings: { very_satisfied: count('very_satisfied'), satisfied: count('satisfied'), dissatisfied: count('dissatisfied'), total: rated.length },
        dissatisfied: rated.filter((r) => r.level === 'dissatisfied').map((r) => ({ code: r.code ?? codeOf.get(r.dossierId) ?? '', ratedAt: r.ratedAt, reasons: r.reasons })),
        overdueNow: open.filter((d) => d.assigneeId === s.id && d.stepDueAt && d.stepDueAt < now).length,
        lateDossiers: new Set(mine.filter((x) => x.late).map((x) => x.dossierId)).size,
      };
    });
  }

  private async ratingsOf(unitCodes: string[], from: string, to: string): Promise<RatingFact[]> {
    return this.deps.ratings ? this.deps.ratings({ unitCodes, from, to }) : [];
  }

  /** The unit's officials (or only oneself) for a period. */
  async forUnit(viewer: Staff, q: { unit?: string; period?: string }): Promise<{ unitCode: string; period: WorkPeriod; items: OfficialPerformance[] }> {
    const period = this.period(q.period);
    const unitCode = q.unit ?? (await this.defaultUnit(viewer));
    const officials = await this.officialsOf(viewer, unitCode);
    return { unitCode, period, items: await this.compute(unitCode, officials, period) };
  }

  /** One official's performance, if the viewer may see it. */
  async forOfficial(viewer: Staff, username: string, periodText?: string): Promise<OfficialPerformance> {
    const s = await this.officialFor(viewer, username);
    const period = this.period(periodText);
    return (await this.compute(s.unitCode, [s], period))[0]!;
  }

  // ------------------------------------------------------------------ targets

  /** A leader sets a target for an official of the unit, a field, or the whole unit. */
  async setTarget(viewer: Staff, raw: unknown): Promise<Target> {
    if (viewer.role !== 'leader') throw new ForbiddenError('Chỉ lãnh đạo đơn vị giao chỉ tiêu.', 'leader_only');
    const r = targetInput.safeParse(raw ?? {});
    if (!r.success) {
      throw new ValidationError('Chỉ tiêu chưa hợp lệ.', r.error.issues.map((i) => ({ field: i.path.join('.') || 'target', code: i.code === 'invalid_type' ? 'required' : i.code, message: i.message })), 'invalid_target');
    }
    const input = r.data;
    const info = METRIC_INFO[input.metric];
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (info.unit === 'percent' && input.value > 100) problems.push({ field: 'value', code: 'too_big', message: 'Tỷ lệ không quá 100%' });
    if (info.unit === 'count' && !Number.isInteger(input.value)) problems.push({ field: 'value', code: 'not_integer', message: 'Số lượng là số nguyên' });
    let period: WorkPeriod | undefined;
    try {
      period = parseWorkPeriod(input.period);
    } catch (e) {
      problems.push({ field: 'period', code: 'invalid_period', message: (e as Error).message });
    }
    let staffId: string | null = null;
    let field = '';
    if (input.subject.startsWith('staff:')) {
      const s = await this.deps.accounts.findStaffByUsername(input.subject.slice(6));
      if (!s || s.unitCode !== viewer.unitCode || !HANDLER_ROLES.has(s.role)) problems.push({ field: 'subject', code: 'unknown_staff', message: 'Không có cán bộ này trong đơn vị' });
      else if (info.unitLevel) problems.push({ field: 'metric', code: 'unit_level_metric', message: `"${info.label}" là chỉ tiêu của đơn vị hoặc lĩnh vực, không giao cho từng cán bộ` });
      else staffId = s.id;
    } else if (input.subject.startsWith('field:')) {
      field = input.subject.slice(6).trim().normalize('NFC');
      const fields = await this.fieldsOf(viewer.unitCode);
      const hit = fields.find((f) => fold(f) === fold(field));
      if (!hit) problems.push({ field: 'subject', code: 'unknown_field', message: 'Đơn vị không có lĩnh vực này' });
      else field = hit;
    }
    if (problems.length || !period) throw new ValidationError('Chỉ tiêu chưa hợp lệ.', problems, 'invalid_target');
    const row = {
      id: uuidv7(),
      unit_code: viewer.unitCode,
      staff_id: staffId,
      field,
      metric: input.metric,
      op: info.op,
      value: input.value,
      period_key: period.key,
      period_from: period.from,
      period_to: period.to,
      note: input.note ?? '',
      created_by: viewer.id,
      created_at: this.deps.clock.now().toISOString(),
      removed_at: null,
      removed_by: null,
    };
    await repo.insertTarget(this.deps.db, row);
    return (await repo.findTarget(this.deps.db, row.id))!;
  }

  async removeTarget(viewer: Staff, id: string): Promise<void> {
    if (viewer.role !== 'leader') throw new ForbiddenError('Chỉ lãnh đạo đơn vị bỏ chỉ tiêu.', 'leader_only');
    const t = await repo.findTarget(this.deps.db, id);
    if (!t || t.unitCode !== viewer.unitCode) throw new NotFoundError('Không tìm thấy chỉ tiêu.', 'target_not_found');
    await repo.removeTarget(this.deps.db, id, viewer.id, this.deps.clock.now().toISOString());
  }

  /** The fields of the unit's catalogue (what a field target may name). */
  async fieldsOf(unitCode: string): Promise<string[]> {
    const r = await this.deps.catalog.search(unitCode, { limit: 10_000 }).catch(() => ({ items: [] as Array<{ field: string }> }));
    return [...new Set(r.items.map((x) => x.field).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** Targets of a unit over a period, each with its progress (the leader's page, the weekly review). */
  async unitTargets(viewer: Staff, q: { unit?: string; period?: string }): Promise<{ unitCode: string; period: WorkPeriod; items: TargetProgress[] }> {
    const period = this.period(q.period);
    const unitCode = q.unit ?? viewer.unitCode;
    const officials = await this.officialsOf(viewer, unitCode);
    let targets = await repo.listTargets(this.deps.db, unitCode, period.from, period.to);
    if (!this.seesOthers(viewer)) targets = targets.filter((t) => this.concerns(t, viewer));
    return { unitCode, period, items: await this.progress(unitCode, targets, officials) };
  }

  /** The official's own targets running now (this week's and this month's): the worklist's box. */
  async myTargets(staff: Staff): Promise<TargetProgress[]> {
    const now = this.deps.clock.now().toISOString();
    const targets = (await repo.listTargets(this.deps.db, staff.unitCode, now, new Date(Date.parse(now) + 1).toISOString())).filter((t) => this.concerns(t, staff));
    if (!targets.length) return [];
    return this.progress(staff.unitCode, targets, [staff]);
  }

  /** Targets concerning an official whose period overlaps this one, with their progress. */
  async progressOfOfficial(s: Staff, period: { from: string; to: string }): Promise<TargetProgress[]> {
    const targets = (await repo.listTargets(this.deps.db, s.unitCode, period.from, period.to)).filter((t) => this.concerns(t, s));
    return targets.length ? this.progress(s.unitCode, targets, [s]) : [];
  }

  /** A target concerns an official when it names them, one of their fields, or the whole unit. */
  private concerns(t: Target, s: Staff): boolean {
    if (t.staffId) return t.staffId === s.id;
    if (t.field) return s.fields.some((f) => fold(f) === fold(t.field));
    return true;
  }

  /** Progress of targets: each measured over its own period, up to now. */
  async progress(unitCode: string, targets: Target[], known: Staff[] = []): Promise<TargetProgress[]> {
    const staffById = new Map(known.map((s) => [s.id, s]));
    const out: TargetProgress[] = [];
    const perfCache = new Map<string, OfficialPerformance>();
    const statsCache = new Map<string, GroupStats>();
    for (const t of targets) {
      const info = METRIC_INFO[t.metric];
      const period = { key: t.periodKey, from: t.periodFrom, to: t.periodTo, label: t.periodKey };
      let subject = 'Toàn đơn vị';
      let actual: number | null = null;
      if (t.staffId) {
        let s = staffById.get(t.staffId);
        if (!s) {
          s = await this.deps.accounts.getStaff(t.staffId).catch(() => undefined);
          if (s) staffById.set(s.id, s);
        }
        subject = s?.fullName ?? 'Cán bộ đã nghỉ';
        if (s) {
          const k = `${s.id}|${t.periodKey}`;
          if (!perfCache.has(k)) perfCache.set(k, (await this.compute(unitCode, [s], period))[0]!);
          actual = officialMetric(perfCache.get(k)!, t.metric);
        }
      } else {
        if (t.field) subject = `Lĩnh vực ${t.field}`;
        if (info.unitLevel) {
          const rate = this.deps.indicatorRate ? await this.deps.indicatorRate(unitCode, period, t.metric).catch(() => null) : null;
          actual = rate === null ? null : rate * 100;
          if (t.field) subject += ' (số liệu toàn đơn vị)';
        } else {
          const k = `${t.field}|${t.periodKey}`;
          if (!statsCache.has(k)) statsCache.set(k, await this.groupStats(unitCode, t.field, period));
          actual = groupMetric(statsCache.get(k)!, t.metric);
        }
      }
      const rounded = actual === null ? null : Math.round(actual * 10) / 10;
      const met = rounded === null ? null : t.op === '<=' ? rounded <= t.value : rounded >= t.value;
      out.push({ target: t, subject, actual: rounded, met, text: met === null ? 'Chưa có số liệu' : met ? 'Đạt' : 'Chưa đạt' });
    }
    return out;
  }

  /** Figures of a field (or the whole unit, field '') over a period: steps of its dossiers by anyone. */
  async groupStats(unitCode: string, field: string, period: { from: string; to: string }): Promise<GroupStats> {
    const [{ steps, activity }, ratings, open] = await Promise.all([
      this.stepsDone(unitCode, period.from, period.to),
      this.ratingsOf([unitCode], period.from, period.to),
      openDossiers(this.deps.db, [unitCode]),
    ]);
    const inField = await this.fieldFilter(field, [...activity.map((a) => a.procedureCode), ...open.map((d) => d.procedureCode)]);
    const all = [...steps.values()].flat().filter((x) => inField(x.procedureCode));
    const late = all.filter((x) => x.late);
    const now = this.deps.clock.now().toISOString();
    const openLate = open.filter((d) => inField(d.procedureCode) && d.dueAt && d.dueAt < now && period.to > now);
    const fieldDossiers = new Set(activity.filter((a) => inField(a.procedureCode)).map((a) => a.dossierId));
    return {
      stepsDone: all.length,
      onTime: all.length - late.length,
      dossiers: new Set(all.map((x) => x.dossierId)).size,
      overdue: new Set([...late.map((x) => x.dossierId), ...openLate.map((d) => d.id)]).size,
      supplementRequests: activity.filter((a) => a.action === 'request_supplement' && inField(a.procedureCode)).length,
      dissatisfied: ratings.filter((r) => r.level === 'dissatisfied' && (field === '' || fieldDossiers.has(r.dossierId))).length,
    };
  }

  /** Which of these procedures belong to the field (all of them for field ''). */
  private async fieldFilter(field: string, codes: Iterable<string>): Promise<(procedureCode: string) => boolean> {
    if (!field) return () => true;
    const f = fold(field);
    const yes = new Set<string>();
    for (const code of new Set(codes)) {
      const p = await this.deps.catalog.findProcedure(code);
      if (p && fold(p.field) === f) yes.add(code);
    }
    return (code: string) => yes.has(code);
  }

  // ------------------------------------------------------------------ weekly review

  /**
   * The chairman's Monday meeting: each official's week, the targets running that week with their
   * progress, the dossiers overdue or at risk now, and the week's dissatisfied ratings.
   */
  async weeklyReview(viewer: Staff, q: { unit?: string; week?: string }): Promise<WeeklyReview> {
    if (!this.seesOthers(viewer)) throw new ForbiddenError('Trang giao ban tuần dành cho lãnh đạo đơn vị.', 'leader_only');
    const week = this.period(q.week, 'week');
    if (week.kind !== 'week') throw new ValidationError('Kỳ giao ban là một tuần (ví dụ 2026-W49).', [{ field: 'tuan', code: 'invalid_period', message: 'Tuần dạng 2026-W49' }], 'invalid_input');
    const unitCode = q.unit ?? (await this.defaultUnit(viewer));
    const officials = await this.officialsOf(viewer, unitCode);
    const unit = await this.deps.units.get(unitCode);
    const [officialsWeek, targets, open, ratings, cal] = await Promise.all([
      this.compute(unitCode, officials, week),
      repo.listTargets(this.deps.db, unitCode, week.from, week.to),
      openDossiers(this.deps.db, [unitCode]),
      this.ratingsOf([unitCode], week.from, week.to),
      this.deps.dossiers.calendarOf(unitCode),
    ]);
    const progress = await this.progress(unitCode, targets, officials);
    const now = this.deps.clock.now();
    const names = new Map(officials.map((s) => [s.id, s.fullName]));
    const procedureName = async (code: string) => (await this.deps.catalog.findProcedure(code))?.name ?? code;
    const overdue: ReviewDossier[] = [];
    const atRisk: ReviewDossier[] = [];
    for (const d of open) {
      // A result waiting at the counter for the citizen is finished (Decision 766 counts the dossier
      // at its result), not overdue: the worklist's "Quá hạn" leaves it out too.
      if (d.status === 'processed') continue;
      const dueLeft = d.dueAt ? workingMillisBetween(now, new Date(d.dueAt), cal) : null;
      const stepLeft = d.stepDueAt ? workingMillisBetween(now, new Date(d.stepDueAt), cal) : null;
      const row = { code: d.code, procedureName: await procedureName(d.procedureCode), applicantName: d.applicantName, handler: d.assigneeId ? (names.get(d.assigneeId) ?? '') : ROLE_TEXT[d.currentRole] ?? '', dueAt: d.dueAt, stepDueAt: d.stepDueAt, leftMs: dueLeft };
      if ((dueLeft !== null && dueLeft < 0) || (stepLeft !== null && stepLeft < 0)) overdue.push(row);
      else if ((dueLeft !== null && dueLeft <= AT_RISK_MS) || (stepLeft !== null && stepLeft <= AT_RISK_MS) || d.flag === 'near') atRisk.push(row);
    }
    const bad = ratings.filter((r) => r.level === 'dissatisfied');
    const codes = await dossierCodes(this.deps.db, bad.map((r) => r.dossierId));
    const dissatisfied = bad.map((r) => ({ code: r.code ?? codes.get(r.dossierId) ?? '', ratedAt: r.ratedAt, reasons: r.reasons }));
    return { unit: { code: unit.code, name: unit.name }, week, officials: officialsWeek, targets: progress, overdue, atRisk, dissatisfied, generatedAt: now.toISOString() };
  }
}

const ROLE_TEXT: Record<string, string> = { receptionist: 'Công chức một cửa', specialist: 'Chuyên viên', leader: 'Lãnh đạo' };

export interface ReviewDossier {
  code: string;
  procedureName: string;
  applicantName: string;
  handler: string;
  dueAt: string | null;
  stepDueAt: string | null;
  /** Working time left to the appointment (negative: late). */
  leftMs: number | null;
}

export interface WeeklyReview {
  unit: { code: string; name: string };
  week: WorkPeriod;
  officials: OfficialPerformance[];
  targets: TargetProgress[];
  overdue: ReviewDossier[];
  atRisk: ReviewDossier[];
  dissatisfied: Array<{ code: string; ratedAt: string; reasons: string[] }>;
  generatedAt: string;
}

export interface GroupStats {
  stepsDone: number;
  onTime: number;
  dossiers: number;
  overdue: number;
  supplementRequests: number;
  dissatisfied: number;
}

function officialMetric(p: OfficialPerformance, m: TargetMetric): number | null {
  switch (m) {
    case 'overdue':
      return p.lateDossiers + p.overdueNow;
    case 'on_time_rate':
      return p.onTimeRate === null ? null : p.onTimeRate * 100;
    case 'handled':
      return p.dossiers;
    case 'dissatisfied':
      return p.ratings.dissatisfied;
    case 'supplement_requests':
      return p.supplementRequests;
    default:
      return null;
  }
}

function groupMetric(g: GroupStats, m: TargetMetric): number | null {
  switch (m) {
    case 'overdue':
      return g.overdue;
    case 'on_time_rate':
      return g.stepsDone ? (g.onTime / g.stepsDone) * 100 : null;
    case 'handled':
      return g.dossiers;
    case 'dissatisfied':
      return g.dissatisfied;
    case 'supplement_requests':
      return g.supplementRequests;
    default:
      return null;
  }
}
