import type { Counts, Item, ValueEntry } from './report.entry';
import { ReportPart } from './report.part';
import * as repo from './report.repo';
import type { ReportDeps, ReportService } from './report.service';
import type { DataValueSetJson, ImportSummary, ReportActor } from './report.types';

/**
 * The DHIS2 exchange (issue 12): a data value set (JSON) imported through the same checks and
 * writing as the form, and a unit's values exported in that shape. Units by their official codes,
 * places as the attribute option combo. ReportService owns it and offers both.
 */
export class Dhis2Exchange extends ReportPart {
  constructor(
    deps: ReportDeps,
    service: ReportService,
    private readonly entry: ValueEntry,
  ) {
    super(deps, service);
  }

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
    const ds = await this.service.findDataSet(body.dataSet);
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
    const checked = await this.entry.check(actor, ds, items);
    conflicts.push(...checked.conflicts);
    if (conflicts.length) return summary('ERROR', conflicts, { imported: 0, updated: 0, ignored: items.length, deleted: 0 }, 'Có lỗi, chưa nhập giá trị nào.');
    const keys = [...new Map(checked.clean.map((i) => [`${i.period}|${i.unitCode}`, { period: i.period, unitCode: i.unitCode }])).values()];
    const completeDate = typeof body.completeDate === 'string' && body.completeDate ? body.completeDate : undefined;
    const counts = await this.db.transaction().execute(async (trx) => {
      const c = await this.entry.write(trx, ds, actor, checked.clean, 'api');
      if (completeDate) {
        const at = this.now();
        for (const k of keys) await repo.saveCompletion(trx, { dataSet: ds.code, ...k, completedAt: at, completedBy: actor.name, approvedAt: null, approvedBy: null, reopenedAt: null, reopenedBy: null, reopenReason: null });
      }
      return c;
    });
    const failures = await this.entry.ruleFailures(ds, keys);
    if (failures.length) return summary('WARNING', failures.map((f) => ({ object: `${f.unitCode}/${f.period}${f.placeId ? '/' + f.placeId : ''}`, value: f.message })), counts, 'Đã nhập; có quy tắc kiểm tra chưa thỏa.');
    return summary('SUCCESS', [], counts, 'Đã nhập.');
  }

  /** DHIS2's data value set of a unit (and with `children`, every unit below it) for a period. */
  async exportDataValueSet(q: { dataSet: string; period: string; orgUnit: string; children?: boolean }): Promise<DataValueSetJson & { completeDate?: string }> {
    const ds = await this.service.dataSet(q.dataSet);
    const values = await this.service.values({ dataSet: ds.code, period: q.period, unitCode: q.orgUnit, children: q.children });
    const places = ds.usesPlaces ? new Map((await repo.listPlaces(this.db, ds.code)).map((p) => [p.id, p.code])) : new Map<string, string>();
    const order = new Map(ds.dataElements.map((e, i) => [e.code, i]));
    values.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.placeId.localeCompare(b.placeId) || order.get(a.dataElement)! - order.get(b.dataElement)! || a.coc.localeCompare(b.coc));
    const c = await this.service.completion({ dataSet: ds.code, period: q.period, unitCode: q.orgUnit });
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
}
