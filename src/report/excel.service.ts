import { ForbiddenError, ValidationError } from '../shared/errors';
import type { Unit } from '../unit';
import { entryKey, entryWorkbook, readEntryWorkbook, type EntryElement, type EntryForm, type EntryUnit, type ReadProblem } from './excel.entry';
import type { ReportService } from './report.service';
import { checkValue } from './report.values';
import type { DataSet, ImportSummary, ReportActor } from './report.types';

/**
 * Excel entry (issue 12): the form of a unit and period — or of every assigned unit below a
 * supervisor, a sheet each — downloaded with its current and previous values; a filled workbook
 * checked row by row (Vietnamese messages with the sheet and row) and imported all or nothing by
 * the report model's DHIS2 import.
 */

export type ExcelPort = Pick<ReportService, 'dataSet' | 'categoryCombos' | 'values' | 'places' | 'previousPeriod' | 'period' | 'importDataValueSet' | 'canEnter'>;

export interface ExcelDeps {
  reports: ExcelPort;
  units: { get(code: string): Promise<Unit>; ancestry(code: string): Promise<Unit[]> };
}

export interface RowError {
  sheet: string;
  row: number;
  message: string;
}

export class ExcelUploadError extends ValidationError {
  constructor(readonly rows: RowError[]) {
    super(
      `Tệp có ${rows.length} lỗi; chưa nhập giá trị nào.`,
      rows.map((r) => ({ field: r.sheet ? `${r.sheet}!${r.row}` : 'file', code: 'invalid_row', message: rowMessage(r) })),
      'invalid_excel',
    );
  }
}

export function rowMessage(r: RowError | ReadProblem): string {
  if (!r.sheet) return r.message;
  return r.row ? `Trang "${r.sheet}", dòng ${r.row}: ${r.message}` : `Trang "${r.sheet}": ${r.message}`;
}

export class ReportExcel {
  constructor(private readonly deps: ExcelDeps) {}

  async elements(ds: DataSet): Promise<EntryElement[]> {
    const combos = new Map((await this.deps.reports.categoryCombos()).map((c) => [c.code, c.options]));
    return ds.dataElements.map((e) => ({ code: e.code, name: e.name, valueType: e.valueType, section: e.section, combos: e.categoryCombo ? (combos.get(e.categoryCombo) ?? []).map((o) => ({ code: o.code, name: o.name })) : [] }));
  }

  /**
   * The units a workbook is for: `unitCode` alone when it is assigned the report, else every
   * assigned unit at or below it (a supervisor's workbook, one sheet each).
   */
  async unitsFor(actor: ReportActor, ds: DataSet, unitCode: string): Promise<Unit[]> {
    const chain = await this.deps.units.ancestry(unitCode);
    if (!chain.some((u) => u.code === actor.unitCode)) throw new ForbiddenError(`Đơn vị mã ${unitCode} không thuộc phạm vi của bạn.`, 'unit_out_of_scope');
    if (ds.units.includes(unitCode)) return [await this.deps.units.get(unitCode)];
    const out: Unit[] = [];
    for (const code of ds.units) {
      const up = await this.deps.units.ancestry(code);
      if (up.some((u) => u.code === unitCode)) out.push(up[up.length - 1]!);
    }
    if (!out.length) throw new ValidationError(`Không có đơn vị nào thuộc ${chain[chain.length - 1]?.name ?? unitCode} được giao báo cáo ${ds.name}.`, [{ field: 'don-vi', code: 'no_units', message: 'Không có đơn vị được giao báo cáo' }], 'no_units');
    return out;
  }

  async download(actor: ReportActor, q: { dataSet: string; period: string; unitCode: string }): Promise<{ file: Buffer; name: string }> {
    const ds = await this.deps.reports.dataSet(q.dataSet);
    const period = this.deps.reports.period(ds, q.period).code;
    const units = await this.unitsFor(actor, ds, q.unitCode);
    const prev = this.deps.reports.previousPeriod(ds, period);
    const places = ds.usesPlaces ? await this.deps.reports.places(ds.code, units.map((u) => u.code)) : [];
    const placeCode = new Map(places.map((p) => [p.id, p.code]));
    const entry: EntryUnit[] = [];
    for (const u of units) {
      const values = new Map<string, { value: string; comment?: string }>();
      for (const v of await this.deps.reports.values({ dataSet: ds.code, period, unitCode: u.code })) values.set(entryKey(placeCode.get(v.placeId) ?? '', v.dataElement, v.coc), { value: v.value, comment: v.comment });
      const previous = new Map<string, string>();
      if (prev) for (const v of await this.deps.reports.values({ dataSet: ds.code, period: prev, unitCode: u.code })) previous.set(entryKey(placeCode.get(v.placeId) ?? '', v.dataElement, v.coc), v.value);
      entry.push({ code: u.code, name: u.name, places: places.filter((p) => p.unitCode === u.code && p.active).map((p) => ({ code: p.code, name: p.name })), values, previous });
    }
    const form: EntryForm = { dataSet: { code: ds.code, name: ds.name }, period, elements: await this.elements(ds), usesPlaces: ds.usesPlaces, units: entry };
    const name = `bao-cao-${ds.code}-${period}-${units.length === 1 ? units[0]!.code : q.unitCode + '-cac-don-vi'}.xlsx`;
    return { file: await entryWorkbook(form), name };
  }

  /**
   * A filled workbook back: every row checked first (element, option, value of the element's
   * type), then the whole imported in one transaction by the DHIS2 import. Any problem: nothing
   * is written, and every problem is listed with its sheet and row.
   */
  async upload(actor: ReportActor, dataSet: string, file: Buffer): Promise<ImportSummary> {
    const ds = await this.deps.reports.dataSet(dataSet);
    const elements = await this.elements(ds);
    const byCode = new Map(ds.dataElements.map((e) => [e.code, e]));
    const { sheets, problems } = await readEntryWorkbook(file, { dataSet: ds.code, elements });
    const rows: RowError[] = problems.map((p) => ({ ...p }));
    const dataValues: Array<{ dataElement: string; categoryOptionCombo?: string; value: string; comment?: string; orgUnit: string; period: string; attributeOptionCombo?: string }> = [];
    const sheetOfUnit = new Map<string, string>();
    for (const s of sheets) {
      try {
        this.deps.reports.period(ds, s.period);
      } catch (e) {
        rows.push({ sheet: s.sheet, row: 1, message: (e as Error).message });
        continue;
      }
      if (!ds.units.includes(s.unitCode)) {
        rows.push({ sheet: s.sheet, row: 1, message: `Đơn vị mã ${s.unitCode} không được giao báo cáo ${ds.name}.` });
        continue;
      }
      if (!(await this.deps.reports.canEnter(actor, ds, s.unitCode))) {
        rows.push({ sheet: s.sheet, row: 1, message: `Bạn không được nhập báo cáo cho đơn vị mã ${s.unitCode}.` });
        continue;
      }
      sheetOfUnit.set(`${s.unitCode}|${s.period}`, s.sheet);
      for (const v of s.values) {
        if (v.value !== '') {
          const check = checkValue(byCode.get(v.dataElement)!.valueType, v.value);
          if (!check.ok) {
            rows.push({ sheet: v.sheet, row: v.row, message: `"${byCode.get(v.dataElement)!.name}": giá trị "${v.value}" ${check.message}.` });
            continue;
          }
        }
        dataValues.push({ dataElement: v.dataElement, ...(v.coc ? { categoryOptionCombo: v.coc } : {}), value: v.value, ...(v.comment ? { comment: v.comment } : {}), orgUnit: s.unitCode, period: s.period, ...(v.place ? { attributeOptionCombo: v.place } : {}) });
      }
    }
    if (rows.length) throw new ExcelUploadError(rows);
    if (!dataValues.length) throw new ExcelUploadError([{ sheet: '', row: 0, message: 'Tệp không có giá trị nào để nhập.' }]);
    const first = sheets[0]!;
    const summary = await this.deps.reports.importDataValueSet(actor, { dataSet: ds.code, period: first.period, orgUnit: first.unitCode, dataValues });
    if (summary.status === 'ERROR') {
      // What only the model knows (a report already completed, a period not open yet…), by sheet when it names a unit.
      throw new ExcelUploadError(
        summary.conflicts.map((c) => {
          const sheet = [...sheetOfUnit.entries()].find(([k]) => k.startsWith(`${c.object}|`))?.[1] ?? '';
          return { sheet, row: 0, message: c.value };
        }),
      );
    }
    return summary;
  }
}
