import { z } from 'zod';
import type { Staff } from '../account';
import type { AuditService } from '../audit';
import type { Db } from '../db/connection';
import { prepareUpload, type BlobStore } from '../file';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import type { UnitService } from '../unit';
import * as repo from './scoring.repo';
import { CRITERION_KINDS, type Criterion, type Entry, type Evidence, type RankingRow, type ScoringTable, type TableView, type UnitScore } from './scoring.types';

export interface ScoringDeps {
  db: Db;
  units: UnitService;
  files: BlobStore;
  audit: AuditService;
  clock: Clock;
  /** Rate (0–1) of an indicator of a unit in a month (src/indicator), null when nothing to count. */
  indicatorRate: (unitCode: string, month: string, indicatorKey: string) => Promise<number | null>;
  /** The indicator keys an automatic criterion may be bound to, with their names. */
  indicators: Record<string, string>;
}

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Who self-assesses for a unit: its leader or its admin. */
const ASSESSORS = new Set(['leader', 'admin']);

const issues = (e: z.ZodError) => e.issues.map((i) => ({ field: i.path.join('.') || 'input', code: i.code === 'invalid_type' ? 'required' : i.code, message: i.message }));
const points = z.coerce.number({ message: 'Điểm phải là số' }).min(0, 'Điểm không âm').max(1000, 'Điểm quá lớn');
const reasonText = z.string({ message: 'Cần ghi lý do' }).trim().normalize('NFC').min(5, 'Lý do cần ít nhất 5 ký tự').max(1000, 'Lý do tối đa 1000 ký tự');

const criterionInput = z.object({
  name: z.string({ message: 'Cần tên tiêu chí' }).trim().normalize('NFC').min(3, 'Tên tiêu chí cần ít nhất 3 ký tự').max(300, 'Tên tiêu chí tối đa 300 ký tự'),
  maxPoints: z.coerce.number({ message: 'Điểm tối đa phải là số' }).gt(0, 'Điểm tối đa lớn hơn 0').max(100, 'Điểm tối đa không quá 100'),
  kind: z.enum(CRITERION_KINDS, { message: 'Loại tiêu chí là tự động hoặc thủ công' }),
  indicatorKey: z.string().trim().optional(),
  threshold: z.coerce.number({ message: 'Ngưỡng phải là số' }).gt(0, 'Ngưỡng lớn hơn 0%').max(1, 'Ngưỡng không quá 100%').optional(),
  guidance: z.string().trim().normalize('NFC').max(1000, 'Hướng dẫn tối đa 1000 ký tự').optional(),
});
const tableInput = z.object({
  month: z.string({ message: 'Cần tháng chấm điểm' }).trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng 2026-11'),
  title: z.string().trim().normalize('NFC').max(200, 'Tên bảng điểm tối đa 200 ký tự').optional(),
  criteria: z.array(criterionInput, { message: 'Cần danh sách tiêu chí' }).min(1, 'Bảng điểm cần ít nhất một tiêu chí').max(40, 'Tối đa 40 tiêu chí'),
});
export type TableInput = z.input<typeof tableInput>;

/** Points of an automatic criterion: full at or above the threshold, else max × rate ÷ threshold (2 decimals). */
export function autoPoints(maxPoints: number, rate: number | null, threshold: number | null): number {
  if (rate === null) return 0;
  const t = threshold && threshold > 0 ? threshold : 1;
  return round2(maxPoints * Math.min(1, rate / t));
}
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Positions with ties sharing one (1, 1, 3), best first. */
export function rankByTotal<T extends { total: number }>(rows: T[]): Array<T & { position: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  let last = Number.NaN;
  let pos = 0;
  return sorted.map((r, i) => {
    if (round2(r.total) !== last) {
      pos = i + 1;
      last = round2(r.total);
    }
    return { ...r, position: pos };
  });
}

/**
 * Monthly scoring of units (the Bắc Từ Liêm model): the supervisor defines a table of criteria
 * for a month over the units below; automatic criteria are scored from the indicators, manual ones
 * are self-assessed by each unit (with evidence files) and reviewed by the supervisor, who may
 * adjust a score with a reason; finalising fixes every point and locks the month. A correction
 * after that is a new version with its reason; every earlier version stays as it was.
 */
export class ScoringService {
  constructor(private readonly deps: ScoringDeps) {}

  private get db() {
    return this.deps.db;
  }

  private supervisorOnly(viewer: Staff): void {
    if (viewer.role !== 'supervisor') throw new ForbiddenError('Chỉ cán bộ giám sát cấp trên được thực hiện việc này.', 'supervisor_only');
  }

  /** The units scored by a parent: its direct children. */
  async unitsOf(parentCode: string): Promise<Array<{ code: string; name: string }>> {
    return (await this.deps.units.list()).filter((u) => u.parentCode === parentCode).map((u) => ({ code: u.code, name: u.name }));
  }

  /** The parent whose tables the viewer works with: the supervisor's own unit, a ward's parent. */
  async parentOf(viewer: Staff): Promise<string | null> {
    if (viewer.role === 'supervisor') return viewer.unitCode;
    return (await this.deps.units.find(viewer.unitCode))?.parentCode ?? null;
  }

  /** A table the viewer may see: the supervisor of its parent, or a unit scored by it. */
  async tableFor(viewer: Staff, id: string): Promise<ScoringTable> {
    const t = await repo.findTable(this.db, id);
    if (!t || t.parentCode !== (await this.parentOf(viewer))) throw new NotFoundError('Không tìm thấy bảng điểm.', 'table_not_found');
    return t;
  }

  async list(viewer: Staff): Promise<ScoringTable[]> {
    const parent = await this.parentOf(viewer);
    return parent ? repo.tablesOf(this.db, parent) : [];
  }

  // ------------------------------------------------------------------ defining

  async createTable(viewer: Staff, raw: unknown, opts: { demo?: boolean } = {}): Promise<ScoringTable> {
    this.supervisorOnly(viewer);
    const r = tableInput.safeParse(raw ?? {});
    if (!r.success) throw new ValidationError('Bảng điểm chưa hợp lệ.', issues(r.error), 'invalid_scoring_table');
    const input = r.data;
    const problems: Array<{ field: string; code: string; message: string }> = [];
    input.criteria.forEach((c, i) => {
      if (c.kind === 'auto' && !(c.indicatorKey && c.indicatorKey in this.deps.indicators)) {
        problems.push({ field: `criteria.${i}.indicatorKey`, code: 'unknown_indicator', message: `Tiêu chí ${i + 1} ("${c.name}"): chọn chỉ số để chấm tự động` });
      }
    });
    if (problems.length) throw new ValidationError('Bảng điểm chưa hợp lệ.', problems, 'invalid_scoring_table');
    if ((await repo.versionsOf(this.db, viewer.unitCode, input.month)).length) {
      throw new ConflictError('table_exists', `Tháng ${input.month} đã có bảng điểm. Mở bảng đó để chấm, hoặc đính chính sau khi chốt.`);
    }
    const now = this.deps.clock.now().toISOString();
    const id = uuidv7();
    const [y, m] = input.month.split('-');
    await this.db.transaction().execute(async (trx) => {
      await repo.insertTable(trx, {
        id,
        parent_code: viewer.unitCode,
        month: input.month,
        version: 1,
        status: 'open',
        title: input.title || `Chấm điểm cải cách hành chính tháng ${Number(m)}/${y}`,
        reason: '',
        demo: opts.demo ? 1 : 0,
        created_by: viewer.id,
        created_at: now,
        finalised_by: null,
        finalised_at: null,
      });
      await repo.insertCriteria(
        trx,
        input.criteria.map((c, i) => ({
          id: uuidv7(),
          table_id: id,
          sort: i + 1,
          name: c.name,
          max_points: c.maxPoints,
          kind: c.kind,
          indicator_key: c.kind === 'auto' ? c.indicatorKey! : null,
          threshold: c.kind === 'auto' ? (c.threshold ?? 1) : null,
          guidance: c.guidance ?? '',
        })),
      );
      await this.deps.audit.record({ actor: { kind: 'staff', id: viewer.id, name: viewer.fullName }, unitCode: viewer.unitCode, action: 'scoring.create', targetKind: 'scoring_table', targetId: id, data: { month: input.month, criteria: input.criteria.length } }, trx);
    });
    return (await repo.findTable(this.db, id))!;
  }

  // ------------------------------------------------------------------ reading

  /** The table with each unit's line: live for an open table, as fixed for a finalised one. */
  async view(viewer: Staff, id: string): Promise<TableView> {
    const table = await this.tableFor(viewer, id);
    const [criteria, entries, evidence, versions] = await Promise.all([repo.criteriaOf(this.db, id), repo.entriesOf(this.db, id), repo.evidenceOf(this.db, id), repo.versionsOf(this.db, table.parentCode, table.month)]);
    let units = await this.unitsOf(table.parentCode);
    if (viewer.role !== 'supervisor') units = units.filter((u) => u.code === viewer.unitCode);
    const lines = await this.lines(table, criteria, entries, evidence, units);
    return { table, criteria, units: lines, maxTotal: round2(criteria.reduce((a, c) => a + c.maxPoints, 0)), versions: versions.filter((v) => v.id !== id) };
  }

  private async lines(table: ScoringTable, criteria: Criterion[], entries: Entry[], evidence: Evidence[], units: Array<{ code: string; name: string }>): Promise<UnitScore[]> {
    const key = (c: string, u: string) => `${c}|${u}`;
    const byKey = new Map(entries.map((e) => [key(e.criterionId, e.unitCode), e]));
    const rows = [];
    for (const u of units) {
      const cells = [];
      for (const c of criteria) {
        const e = byKey.get(key(c.id, u.code));
        let pts: number;
        let rate: number | null = e?.rate ?? null;
        if (table.status !== 'open' && e?.points !== null && e?.points !== undefined) pts = e.points;
        else if (c.kind === 'auto') {
          rate = await this.deps.indicatorRate(u.code, table.month, c.indicatorKey!).catch(() => null);
          pts = autoPoints(c.maxPoints, rate, c.threshold);
        } else pts = e?.adjustedPoints ?? e?.selfPoints ?? 0;
        cells.push({ criterionId: c.id, points: pts, rate, self: e?.selfPoints ?? null, adjusted: e?.adjustedPoints ?? null, reason: e?.adjustReason ?? '', note: e?.selfNote ?? '', evidence: evidence.filter((x) => x.criterionId === c.id && x.unitCode === u.code) });
      }
      rows.push({ unitCode: u.code, unitName: u.name, cells, total: round2(cells.reduce((a, x) => a + x.points, 0)) });
    }
    return rankByTotal(rows);
  }

  // ------------------------------------------------------------------ assessing

  private async openCriterion(table: ScoringTable, criterionId: string): Promise<Criterion> {
    if (table.status !== 'open') throw new ConflictError('table_locked', table.status === 'finalised' ? 'Bảng điểm tháng này đã chốt; muốn sửa, giám sát cấp trên lập bản đính chính có lý do.' : 'Bảng điểm này đã được thay bằng bản đính chính.');
    const c = (await repo.criteriaOf(this.db, table.id)).find((x) => x.id === criterionId);
    if (!c) throw new ValidationError('Tiêu chí không có trong bảng điểm.', [{ field: 'criterion', code: 'unknown_criterion', message: 'Chọn tiêu chí của bảng điểm' }], 'invalid_score');
    return c;
  }

  /** A unit's leader or admin scores its own manual criterion (0 to the maximum) with a note. */
  async selfAssess(viewer: Staff, tableId: string, raw: { criterion?: unknown; points?: unknown; note?: unknown }): Promise<void> {
    const table = await this.tableFor(viewer, tableId);
    if (!ASSESSORS.has(viewer.role) || viewer.role === 'supervisor') throw new ForbiddenError('Lãnh đạo hoặc quản trị của đơn vị tự chấm điểm.', 'assessor_only');
    const c = await this.openCriterion(table, String(raw.criterion ?? ''));
    if (c.kind !== 'manual') throw new ConflictError('automatic_criterion', `Tiêu chí "${c.name}" được chấm tự động theo chỉ số, không tự chấm.`);
    const p = z.object({ points: points.max(c.maxPoints, `Điểm không quá ${c.maxPoints}`), note: z.string().trim().normalize('NFC').max(2000, 'Giải trình tối đa 2000 ký tự').optional() }).safeParse({ points: raw.points === '' ? undefined : raw.points, note: raw.note ?? undefined });
    if (!p.success) throw new ValidationError('Điểm tự chấm chưa hợp lệ.', issues(p.error), 'invalid_score');
    const now = this.deps.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertEntry(trx, { tableId, criterionId: c.id, unitCode: viewer.unitCode }, { self_points: p.data.points, self_note: p.data.note ?? '', self_by: viewer.id, self_at: now });
      await this.deps.audit.record({ actor: { kind: 'staff', id: viewer.id, name: viewer.fullName }, unitCode: viewer.unitCode, action: 'scoring.self_assess', targetKind: 'scoring_table', targetId: tableId, data: { criterion: c.id, points: p.data.points } }, trx);
    });
  }

  /** Evidence for a manual criterion, checked by content like every upload (PDF, JPEG, PNG, HEIC). */
  async addEvidence(viewer: Staff, tableId: string, criterionId: string, file: { data: Buffer; filename: string; declaredType?: string }): Promise<Evidence> {
    const table = await this.tableFor(viewer, tableId);
    if (!ASSESSORS.has(viewer.role) || viewer.role === 'supervisor') throw new ForbiddenError('Lãnh đạo hoặc quản trị của đơn vị gửi minh chứng.', 'assessor_only');
    const c = await this.openCriterion(table, criterionId);
    if (c.kind !== 'manual') throw new ConflictError('automatic_criterion', `Tiêu chí "${c.name}" được chấm tự động, không cần minh chứng.`);
    const prepared = await prepareUpload(file, { maxFileBytes: MAX_EVIDENCE_BYTES });
    await this.deps.files.put({ data: prepared.data, sha256: prepared.sha256 });
    const row = { id: uuidv7(), table_id: tableId, criterion_id: c.id, unit_code: viewer.unitCode, sha256: prepared.sha256, name: prepared.originalName || `minh-chung.${prepared.ext}`, mime: prepared.mime, size: prepared.size, created_by: viewer.id, created_at: this.deps.clock.now().toISOString() };
    await repo.insertEvidence(this.db, row);
    return (await repo.evidenceOf(this.db, tableId)).find((e) => e.id === row.id)!;
  }

  /** An evidence file, for the supervisor of its table or its own unit. */
  async evidenceFile(viewer: Staff, id: string): Promise<Evidence> {
    const e = await repo.findEvidence(this.db, id);
    if (!e) throw new NotFoundError('Không tìm thấy minh chứng.', 'evidence_not_found');
    await this.tableFor(viewer, e.tableId);
    if (viewer.role !== 'supervisor' && e.unitCode !== viewer.unitCode) throw new NotFoundError('Không tìm thấy minh chứng.', 'evidence_not_found');
    return e;
  }

  /** The supervisor sets the points of a unit's manual criterion, always with a reason. */
  async adjust(viewer: Staff, tableId: string, raw: { unit?: unknown; criterion?: unknown; points?: unknown; reason?: unknown }): Promise<void> {
    this.supervisorOnly(viewer);
    const table = await this.tableFor(viewer, tableId);
    const c = await this.openCriterion(table, String(raw.criterion ?? ''));
    if (c.kind !== 'manual') throw new ConflictError('automatic_criterion', `Tiêu chí "${c.name}" được chấm tự động theo chỉ số; không điều chỉnh tay.`);
    const unit = String(raw.unit ?? '');
    if (!(await this.unitsOf(table.parentCode)).some((u) => u.code === unit)) throw new ValidationError('Đơn vị không thuộc bảng điểm.', [{ field: 'unit', code: 'unknown_unit', message: 'Chọn một đơn vị được chấm' }], 'invalid_score');
    const p = z.object({ points: points.max(c.maxPoints, `Điểm không quá ${c.maxPoints}`), reason: reasonText }).safeParse({ points: raw.points === '' ? undefined : raw.points, reason: raw.reason });
    if (!p.success) throw new ValidationError('Điều chỉnh điểm chưa hợp lệ: cần điểm và lý do.', issues(p.error), 'invalid_adjustment');
    const now = this.deps.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertEntry(trx, { tableId, criterionId: c.id, unitCode: unit }, { adjusted_points: p.data.points, adjust_reason: p.data.reason, adjusted_by: viewer.id, adjusted_at: now });
      await this.deps.audit.record({ actor: { kind: 'staff', id: viewer.id, name: viewer.fullName }, unitCode: viewer.unitCode, action: 'scoring.adjust', targetKind: 'scoring_table', targetId: tableId, data: { unit, criterion: c.id, points: p.data.points, reason: p.data.reason } }, trx);
    });
  }

  /** Fixes every point (automatic ones from the indicators as they are now) and locks the month. */
  async finalise(viewer: Staff, tableId: string): Promise<ScoringTable> {
    this.supervisorOnly(viewer);
    const table = await this.tableFor(viewer, tableId);
    if (table.status !== 'open') throw new ConflictError('table_locked', 'Bảng điểm này đã chốt.');
    const criteria = await repo.criteriaOf(this.db, tableId);
    const lines = await this.lines(table, criteria, await repo.entriesOf(this.db, tableId), [], await this.unitsOf(table.parentCode));
    const now = this.deps.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.setStatus(trx, tableId, 'open', 'finalised', { finalised_by: viewer.id, finalised_at: now }))) throw new ConflictError('table_locked', 'Bảng điểm này vừa được chốt.');
      for (const l of lines) for (const cell of l.cells) await repo.upsertEntry(trx, { tableId, criterionId: cell.criterionId, unitCode: l.unitCode }, { points: cell.points, rate: cell.rate });
      await this.deps.audit.record({ actor: { kind: 'staff', id: viewer.id, name: viewer.fullName }, unitCode: viewer.unitCode, action: 'scoring.finalise', targetKind: 'scoring_table', targetId: tableId, data: { month: table.month, version: table.version, totals: Object.fromEntries(lines.map((l) => [l.unitCode, l.total])) } }, trx);
    });
    return (await repo.findTable(this.db, tableId))!;
  }

  /** A correction of a finalised month: a new open version (same criteria, scores and evidence) with its reason. */
  async correct(viewer: Staff, tableId: string, rawReason: unknown): Promise<ScoringTable> {
    this.supervisorOnly(viewer);
    const table = await this.tableFor(viewer, tableId);
    if (table.status !== 'finalised') throw new ConflictError('not_finalised', 'Chỉ đính chính bảng điểm đã chốt (bảng đang chấm thì sửa trực tiếp).');
    const r = reasonText.safeParse(rawReason);
    if (!r.success) throw new ValidationError('Cần lý do đính chính.', issues(r.error).map((i) => ({ ...i, field: 'reason' })), 'invalid_correction');
    const now = this.deps.clock.now().toISOString();
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.setStatus(trx, tableId, 'finalised', 'superseded'))) throw new ConflictError('not_finalised', 'Bảng điểm này vừa được đính chính.');
      await repo.insertTable(trx, { id, parent_code: table.parentCode, month: table.month, version: table.version + 1, status: 'open', title: table.title, reason: r.data, demo: table.demo ? 1 : 0, created_by: viewer.id, created_at: now, finalised_by: null, finalised_at: null });
      const criteria = await repo.criteriaOf(trx, tableId);
      const ids = new Map(criteria.map((c) => [c.id, uuidv7()]));
      await repo.insertCriteria(trx, criteria.map((c) => ({ id: ids.get(c.id)!, table_id: id, sort: c.sort, name: c.name, max_points: c.maxPoints, kind: c.kind, indicator_key: c.indicatorKey, threshold: c.threshold, guidance: c.guidance })));
      await repo.copyRows(trx, tableId, id, ids, uuidv7);
      await this.deps.audit.record({ actor: { kind: 'staff', id: viewer.id, name: viewer.fullName }, unitCode: viewer.unitCode, action: 'scoring.correct', targetKind: 'scoring_table', targetId: id, data: { previous: tableId, version: table.version + 1, reason: r.data } }, trx);
    });
    return (await repo.findTable(this.db, id))!;
  }

  // ------------------------------------------------------------------ rankings

  /** The month's ranking: its latest version (provisional while open). */
  async monthRanking(viewer: Staff, month: string): Promise<{ table: ScoringTable | null; rows: RankingRow[]; view: TableView | null }> {
    const parent = await this.parentOf(viewer);
    const latest = parent ? (await repo.versionsOf(this.db, parent, month))[0] : undefined;
    if (!latest) return { table: null, rows: [], view: null };
    const all = await this.view({ ...viewer, role: 'supervisor', unitCode: parent! }, latest.id);
    return { table: latest, rows: all.units.map((u) => ({ unitCode: u.unitCode, unitName: u.unitName, total: u.total, position: u.position })), view: all };
  }

  /** Year to date: the sum of the finalised months from January to this month. */
  async yearRanking(viewer: Staff, month: string): Promise<{ months: string[]; rows: RankingRow[] }> {
    const parent = await this.parentOf(viewer);
    if (!parent) return { months: [], rows: [] };
    const year = month.slice(0, 4);
    const tables = (await repo.tablesOf(this.db, parent)).filter((t) => t.status === 'finalised' && t.month.startsWith(year) && t.month <= month);
    const units = await this.unitsOf(parent);
    const sums = new Map(units.map((u) => [u.code, { unitCode: u.code, unitName: u.name, total: 0, months: 0 }]));
    for (const t of tables) {
      for (const e of await repo.entriesOf(this.db, t.id)) {
        const s = sums.get(e.unitCode);
        if (s) s.total = round2(s.total + (e.points ?? 0));
      }
      for (const s of sums.values()) s.months++;
    }
    return { months: tables.map((t) => t.month).sort(), rows: rankByTotal([...sums.values()]) };
  }

  isFileReferenced(sha256: string): Promise<boolean> {
    return repo.isShaReferenced(this.db, sha256);
  }
}
