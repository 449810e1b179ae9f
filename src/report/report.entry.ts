import type { ReportValueAuditTable, ReportValueTable } from '../db/schema';
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { ReportPart } from './report.part';
import { periodLabel, vnDay, type Period } from './report.period';
import * as repo from './report.repo';
import { runRules, type RuleFailure } from './report.rules';
import type { ReportDeps, ReportKey, ReportService } from './report.service';
import { NUMERIC_TYPES, type DataSet, type DataValue, type ImportSummary, type Place, type ReportActor, type ValueInput } from './report.types';
import type { UnitTree } from './report.units';
import { checkValue, numericOf } from './report.values';

/** One value to write: the unit's own row (placeId '') or a place's, coc '' when not disaggregated; null deletes. */
export type Item = { period: string; unitCode: string; placeId: string; dataElement: string; coc: string; value: string | null; comment?: string };
export type Counts = ImportSummary['importCount'];
const vkey = (v: { period: string; unitCode: string; placeId: string; dataElement: string; coc: string }) => `${v.period}|${v.unitCode}|${v.placeId}|${v.dataElement}|${v.coc}`;

/** What a supervisor reads when trying to type into a unit's report (issue 12: import on behalf, or reopen). */
const BEHALF_ONLY = 'Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới. Để nhập thay, dùng "Nhập báo cáo bằng Excel" hoặc API dataValueSets (lịch sử của đơn vị ghi rõ cấp trên nhập thay); để đơn vị tự sửa báo cáo đã hoàn thành, hãy mở lại báo cáo.';

/**
 * Entering values, whatever the channel (form, register, pre-fill, DHIS2 JSON, Excel): every item
 * checked, then written with its audit row and the rollup and "reported" deltas in the caller's
 * transaction; the data set's rules run over what was written. ReportService owns it and offers
 * saveValues and ruleFailures.
 */
export class ValueEntry extends ReportPart {
  constructor(
    deps: ReportDeps,
    service: ReportService,
    private readonly tree: UnitTree,
  ) {
    super(deps, service);
  }

  /** Entering is open from the period's first day (DHIS2's "no future periods"). */
  checkOpen(ds: DataSet, p: Period) {
    if (p.start > vnDay(this.deps.clock.now())) throw new RuleViolationError('period_not_open', `Chưa đến kỳ báo cáo ${periodLabel(p)}.`);
  }

  /**
   * Checks every item (element of the data set, combo of its element, place of the unit, value of
   * the element's type, unit assigned and allowed, period open, report not completed) and returns
   * the problems, each with its object and a Vietnamese message.
   */
  async check(actor: ReportActor, ds: DataSet, items: Item[]): Promise<{ conflicts: Array<{ object: string; value: string }>; clean: Item[] }> {
    const conflicts: Array<{ object: string; value: string }> = [];
    const clean: Item[] = [];
    if (ds.closed) return { conflicts: [{ object: ds.code, value: `Báo cáo ${ds.name} đã đóng, không nhận thêm số liệu.` }], clean };
    const elements = new Map(ds.dataElements.map((e) => [e.code, e]));
    const combos = new Map((await this.service.categoryCombos()).map((c) => [c.code, new Set(c.options.map((o) => o.code))]));
    const assigned = new Set(ds.units);
    const units = [...new Set(items.map((i) => i.unitCode))];
    const periods = [...new Set(items.map((i) => i.period))];
    const places = ds.usesPlaces ? new Map((await repo.listPlaces(this.db, ds.code, units.length <= 500 ? units : undefined)).map((p) => [p.id, p])) : new Map<string, Place>();
    const badUnit = new Map<string, string | null>();
    for (const u of units) {
      let why: string | null = null;
      if (!(await this.tree.unitMap()).byCode.has(u)) why = `Không có đơn vị mã ${u}.`;
      else if (!assigned.has(u)) why = `Đơn vị ${u} không được giao báo cáo ${ds.name}.`;
      else if (!(await this.service.canEnter(actor, ds, u))) why = `Bạn không được nhập báo cáo cho đơn vị ${u}.`;
      badUnit.set(u, why);
    }
    const badPeriod = new Map<string, string | null>();
    for (const p of periods) {
      try {
        this.checkOpen(ds, this.service.period(ds, p));
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
  async write(trx: repo.Exec, ds: DataSet, actor: ReportActor, items: Item[], source: string): Promise<Counts> {
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
    for (const u of units) ancestors.set(u, await this.tree.selfAndAncestors(u));
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
    const ds = await this.service.dataSet(key.dataSet);
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
}
