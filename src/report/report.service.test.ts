import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import type { ReportService } from './report.service';
import type { DataSetInput, ReportActor } from './report.types';

const WARD1: ReportActor = { id: 'a1', name: 'Phạm Thu Trang', unitCode: '00004', role: 'admin' };
const LEADER1: ReportActor = { id: 'a2', name: 'Lê Quang Huy', unitCode: '00004', role: 'leader' };
const WARD2: ReportActor = { id: 'a3', name: 'Đỗ Thị Lan', unitCode: '00082', role: 'receptionist' };
const WARD3: ReportActor = { id: 'a4', name: 'Cán bộ xã Đông', unitCode: '10001', role: 'receptionist' };
const CITY: ReportActor = { id: 'a5', name: 'Hoàng Văn Tổng', unitCode: '01', role: 'supervisor' };

/** Quarantine areas per place, with rules; workers by home province. */
const AREAS: DataSetInput = {
  code: 'T_CACH_LY',
  name: 'Khu cách ly',
  periodType: 'daily',
  ownerUnit: '01',
  units: ['00004', '00082', '10001'],
  usesPlaces: true,
  approvalRequired: true,
  deadline: { daysAfter: 0, time: '17:00' },
  dataElements: [
    { code: 'ROOMS', name: 'Số phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở' },
    { code: 'CAPACITY', name: 'Số người tối đa mỗi phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở' },
    { code: 'USED', name: 'Số phòng đang dùng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở' },
    { code: 'FREE', name: 'Số phòng trống', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở' },
    { code: 'OCCUPANTS', name: 'Số người đang cách ly', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Người cách ly', categoryCombo: 'SEX' },
    { code: 'NOTE', name: 'Ghi chú', valueType: 'TEXT', section: 'Người cách ly' },
  ],
  rules: [
    { code: 'SUC_CHUA', left: 'OCCUPANTS', operator: '<=', right: 'ROOMS * CAPACITY', message: 'Số người cách ly vượt sức chứa' },
    { code: 'PHONG_TRONG', left: 'FREE', operator: '==', right: 'ROOMS - USED', message: 'Số phòng trống phải bằng số phòng trừ số phòng đang dùng' },
  ],
};
const WORKERS: DataSetInput = {
  code: 'T_LAO_DONG',
  name: 'Lao động về địa phương',
  periodType: 'daily',
  ownerUnit: '01',
  units: ['00004', '00082', '10001'],
  dataElements: [
    { code: 'HOUSEHOLDS', name: 'Số hộ có người về', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
    { code: 'WORKERS', name: 'Số lao động về', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'PROVINCE' },
    { code: 'SHARE', name: 'Tỷ lệ có việc làm', valueType: 'PERCENTAGE' },
    { code: 'SUPPORTED', name: 'Đã được hỗ trợ', valueType: 'BOOLEAN' },
    { code: 'SINCE', name: 'Về từ ngày', valueType: 'DATE' },
  ],
};

for (const engine of engines()) {
  describe(`report consolidation: model, entering, rollups, DHIS2 exchange [${engine}]`, () => {
    let env: TestEnv;
    let reports: ReportService;
    const clock = fixedClock('2026-12-03T02:00:00Z'); // 09:00 in Hà Nội
    const day = '20261203';
    let placeA = '';
    let placeB = '';
    let placeC = '';
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      reports = env.services.reports;
      // A district between the city and a commune: rollups reach every unit above.
      await env.services.units.upsert({ code: '100', name: 'Huyện Thử', kind: 'district', parentCode: '01' });
      await env.services.units.upsert({ code: '10001', name: 'Xã Đông', kind: 'commune', parentCode: '100' });
      await reports.saveDataSet(CITY, AREAS);
      await reports.saveDataSet(CITY, WORKERS);
      placeA = (await reports.savePlace(WARD1, { dataSet: 'T_CACH_LY', unitCode: '00004', code: 'KCL_KTX', name: 'Ký túc xá A' })).id;
      placeB = (await reports.savePlace(WARD1, { dataSet: 'T_CACH_LY', unitCode: '00004', code: 'KCL_NHA_NGHI', name: 'Nhà nghỉ B' })).id;
      placeC = (await reports.savePlace(WARD3, { dataSet: 'T_CACH_LY', unitCode: '10001', code: 'KCL_TRUONG', name: 'Trường C' })).id;
    });
    afterAll(async () => {
      await env?.close();
    });

    it('a data set is checked as a whole: codes, combos, rules, units, event phases — Vietnamese messages', async () => {
      const bad = await reports
        .saveDataSet(CITY, {
          ...WORKERS,
          code: 'x-1',
          units: ['99999'],
          periodType: 'event',
          dataElements: [
            { code: 'A', name: 'A', valueType: 'NUMBER', categoryCombo: 'NOPE' },
            { code: 'A', name: 'A again', valueType: 'NUMBER' },
          ],
          rules: [{ code: 'R', left: 'A', operator: '<=', right: 'B * 2', message: '' }],
        })
        .catch((e) => e);
      expect(bad).toBeInstanceOf(ValidationError);
      expect(bad.code).toBe('invalid_data_set');
      const fixedCode = await reports.saveDataSet(CITY, { ...WORKERS, code: 'X1', units: ['99999'], periodType: 'event', dataElements: [{ code: 'A', name: 'A', valueType: 'NUMBER', categoryCombo: 'NOPE' }, { code: 'A', name: 'A again', valueType: 'NUMBER' }], rules: [{ code: 'R', left: 'A', operator: '<=', right: 'B * 2', message: '' }] }).catch((e) => e);
      const messages = (fixedCode as ValidationError).fields.map((f) => f.message).join(' | ');
      expect(messages).toContain('Không có đơn vị mã 99999');
      expect(messages).toContain('Không có cách phân tổ mã NOPE');
      expect(messages).toContain('Mã chỉ tiêu A bị trùng');
      expect(messages).toContain('không có chỉ tiêu mã B');
      expect(messages).toContain('cần ngày diễn ra sự kiện');
      expect(await reports.findDataSet('X1')).toBeUndefined();
      // A ward cannot define a report; the 34 provinces ship as a combo.
      await expect(reports.saveDataSet(WARD1, { ...WORKERS, code: 'W1' })).rejects.toBeInstanceOf(ForbiddenError);
      const province = (await reports.categoryCombos()).find((c) => c.code === 'PROVINCE')!;
      expect(province.options).toHaveLength(34);
      expect(province.options.find((o) => o.code === 'P79')?.name).toBe('Thành phố Hồ Chí Minh');
    });

    it('values per place and per province roll up to the commune and every unit above, in the same save', async () => {
      const key1 = { dataSet: 'T_CACH_LY', period: day, unitCode: '00004' };
      const r = await reports.saveValues(WARD1, key1, [
        { placeId: placeA, dataElement: 'ROOMS', value: '10' },
        { placeId: placeA, dataElement: 'CAPACITY', value: '2' },
        { placeId: placeA, dataElement: 'USED', value: '7' },
        { placeId: placeA, dataElement: 'FREE', value: '3' },
        { placeId: placeA, dataElement: 'OCCUPANTS', coc: 'NAM', value: '8' },
        { placeId: placeA, dataElement: 'OCCUPANTS', coc: 'NU', value: '6' },
        { placeId: placeB, dataElement: 'ROOMS', value: '5' },
        { placeId: placeB, dataElement: 'CAPACITY', value: '1' },
        { placeId: placeB, dataElement: 'USED', value: '2' },
        { placeId: placeB, dataElement: 'FREE', value: '3' },
        { placeId: placeB, dataElement: 'OCCUPANTS', coc: 'NU', value: '2' },
        { placeId: placeB, dataElement: 'NOTE', value: 'Đủ nước sạch' },
      ]);
      expect(r.counts).toEqual({ imported: 12, updated: 0, ignored: 0, deleted: 0 });
      expect(r.warnings).toEqual([]);
      await reports.saveValues(WARD3, { dataSet: 'T_CACH_LY', period: day, unitCode: '10001' }, [
        { placeId: placeC, dataElement: 'ROOMS', value: '20' },
        { placeId: placeC, dataElement: 'OCCUPANTS', coc: 'NAM', value: '11' },
      ]);
      const sum = async (unit: string, de: string, coc = '') => (await reports.rollups({ dataSet: 'T_CACH_LY', period: day, unitCodes: [unit] })).find((x) => x.dataElement === de && x.coc === coc)?.sum;
      expect(await sum('00004', 'ROOMS')).toBe(15);
      expect(await sum('00004', 'OCCUPANTS', 'NU')).toBe(8);
      expect(await sum('10001', 'ROOMS')).toBe(20);
      expect(await sum('100', 'ROOMS')).toBe(20);
      expect(await sum('01', 'ROOMS')).toBe(35);
      expect(await sum('01', 'OCCUPANTS', 'NAM')).toBe(19);
      expect(await sum('01', 'OCCUPANTS', 'NU')).toBe(8);

      // An update moves the totals by the difference, a deletion takes the value out.
      const u = await reports.saveValues(WARD1, key1, [
        { placeId: placeA, dataElement: 'ROOMS', value: '12' },
        { placeId: placeA, dataElement: 'FREE', value: '5' },
        { placeId: placeB, dataElement: 'OCCUPANTS', coc: 'NU', value: '' },
        { placeId: placeB, dataElement: 'ROOMS', value: '5' },
      ]);
      expect(u.counts).toEqual({ imported: 0, updated: 2, ignored: 1, deleted: 1 });
      expect(await sum('00004', 'ROOMS')).toBe(17);
      expect(await sum('01', 'ROOMS')).toBe(37);
      expect(await sum('01', 'OCCUPANTS', 'NU')).toBe(6);
      const nu = (await reports.rollups({ dataSet: 'T_CACH_LY', period: day, unitCodes: ['01'] })).find((x) => x.dataElement === 'OCCUPANTS' && x.coc === 'NU');
      expect(nu?.count).toBe(1);

      // The disaggregated totals add up to the values, unit by unit.
      const values = await reports.values({ dataSet: 'T_CACH_LY', period: day, unitCode: '01', children: true });
      for (const unit of ['01', '100', '00004', '10001']) {
        const below = new Set([unit, ...(await reports.descendants(unit))]);
        for (const rr of await reports.rollups({ dataSet: 'T_CACH_LY', period: day, unitCodes: [unit] })) {
          if (rr.dataElement === 'NOTE') continue;
          const direct = values.filter((v) => below.has(v.unitCode) && v.dataElement === rr.dataElement && v.coc === rr.coc).reduce((s, v) => s + Number(v.value), 0);
          expect(rr.sum, `${unit} ${rr.dataElement}.${rr.coc}`).toBe(direct);
        }
      }

      // Every change is kept: who, when, old → new.
      const h = await reports.history(key1);
      const rooms = h.filter((x) => x.dataElement === 'ROOMS' && x.placeId === placeA);
      expect(rooms.map((x) => [x.oldValue, x.newValue, x.by])).toEqual([
        ['10', '12', 'Phạm Thu Trang'],
        [null, '10', 'Phạm Thu Trang'],
      ]);
      expect(h.find((x) => x.dataElement === 'OCCUPANTS' && x.coc === 'NU' && x.placeId === placeB && x.newValue === null)?.oldValue).toBe('2');
    });

    it('bad values: nothing is written, each field has its Vietnamese message; rules warn and stop completion', async () => {
      const key = { dataSet: 'T_CACH_LY', period: day, unitCode: '00004' };
      const before = await reports.values(key);
      const e = await reports
        .saveValues(WARD1, key, [
          { placeId: placeA, dataElement: 'ROOMS', value: '11' },
          { placeId: placeA, dataElement: 'USED', value: 'bảy' },
          { placeId: placeA, dataElement: 'OCCUPANTS', coc: 'KHAC', value: '1' },
          { placeId: placeC, dataElement: 'ROOMS', value: '1' },
        ])
        .catch((x) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.code).toBe('invalid_report_values');
      expect(e.fields.find((f: { field: string }) => f.field === `${placeA}:USED:`)?.message).toBe('"Số phòng đang dùng": giá trị "bảy" phải là số nguyên không âm (0, 1, 2…).');
      expect(e.fields.map((f: { message: string }) => f.message).join(' ')).toContain('không thuộc đơn vị 00004');
      expect(e.fields.map((f: { message: string }) => f.message).join(' ')).toContain('"KHAC" không có');
      expect(await reports.values(key)).toEqual(before);
      await expect(reports.saveValues(WARD2, key, [{ placeId: placeA, dataElement: 'ROOMS', value: '1' }])).rejects.toMatchObject({ code: 'report_enter_forbidden' });
      await expect(reports.saveValues(WARD1, { ...key, period: '20261204' }, [{ placeId: placeA, dataElement: 'ROOMS', value: '1' }])).rejects.toMatchObject({ code: 'period_not_open', message: 'Chưa đến kỳ báo cáo Ngày 04/12/2026.' });

      // A rule fails: the save is kept with a warning, completion is refused.
      const w = await reports.saveValues(WARD1, key, [{ placeId: placeA, dataElement: 'OCCUPANTS', coc: 'NAM', value: '30' }]);
      expect(w.warnings).toEqual(['Số người cách ly vượt sức chứa (36 <= 24 không đúng).']);
      await expect(reports.complete(WARD1, key)).rejects.toMatchObject({ code: 'report_rules_failed' });
      await reports.saveValues(WARD1, key, [{ placeId: placeA, dataElement: 'OCCUPANTS', coc: 'NAM', value: '8' }]);

      // Complete → locked; the leader approves; only the supervisor reopens, with a reason.
      await reports.complete(WARD1, key);
      await expect(reports.saveValues(WARD1, key, [{ placeId: placeA, dataElement: 'ROOMS', value: '13' }])).rejects.toBeInstanceOf(ConflictError);
      await expect(reports.approve(WARD1, key)).rejects.toMatchObject({ code: 'report_approve_forbidden' });
      expect((await reports.completeness({ dataSet: 'T_CACH_LY', period: day, parentUnit: '01' })).find((c) => c.unitCode === '00004')?.complete).toBe(false);
      await reports.approve(LEADER1, key);
      const cpl = await reports.completeness({ dataSet: 'T_CACH_LY', period: day, parentUnit: '01' });
      expect(cpl.map((c) => [c.unitCode, c.reported, c.complete, c.onTime])).toEqual([
        ['00004', true, true, true],
        ['00082', false, false, false],
        ['10001', true, false, false],
      ]);
      expect((await reports.completeness({ dataSet: 'T_CACH_LY', period: day, parentUnit: '100' })).map((c) => c.unitCode)).toEqual(['10001']);
      await expect(reports.reopen(LEADER1, key, 'Sửa số phòng')).rejects.toMatchObject({ code: 'report_reopen_forbidden' });
      await expect(reports.reopen(CITY, key, '')).rejects.toMatchObject({ code: 'reopen_reason_required' });
      const re = await reports.reopen(CITY, key, 'Phường báo sai số phòng ký túc xá');
      expect(re).toMatchObject({ completedAt: null, approvedAt: null, reopenedBy: 'Hoàng Văn Tổng', reopenReason: 'Phường báo sai số phòng ký túc xá' });
      await reports.saveValues(WARD1, key, [{ placeId: placeA, dataElement: 'ROOMS', value: '13' }, { placeId: placeA, dataElement: 'FREE', value: '6' }]);
    });

    it('DHIS2 JSON: import with an import summary, all or nothing on ERROR; the export imports back identically', async () => {
      const p = '20261202';
      const json = {
        dataSet: 'T_LAO_DONG',
        period: p,
        orgUnit: '00004',
        dataValues: [
          { dataElement: 'HOUSEHOLDS', value: '12' },
          { dataElement: 'WORKERS', categoryOptionCombo: 'P38', value: '17', comment: 'Về từ Bình Dương cũ' },
          { dataElement: 'WORKERS', categoryOptionCombo: 'P40', value: '9' },
          { dataElement: 'SHARE', value: '42.5' },
          { dataElement: 'SUPPORTED', value: 'true' },
          { dataElement: 'SINCE', value: '2026-11-20' },
          { dataElement: 'WORKERS', categoryOptionCombo: 'P38', value: '5', orgUnit: '00082' },
          { dataElement: 'WORKERS', categoryOptionCombo: 'P01', value: '3', orgUnit: '10001' },
        ],
      };
      const bad = await reports.importDataValueSet(CITY, {
        ...json,
        dataValues: [...json.dataValues, { dataElement: 'WORKERS', categoryOptionCombo: 'P99', value: '1' }, { dataElement: 'HOUSEHOLDS', value: '-2', orgUnit: '00082' }, { dataElement: 'NOPE', value: '1' }, { dataElement: 'HOUSEHOLDS', value: '1', orgUnit: '77777' }],
      });
      expect(bad.status).toBe('ERROR');
      expect(bad.importCount.imported).toBe(0);
      expect(bad.conflicts.map((c) => c.object)).toEqual(['P99', 'HOUSEHOLDS', 'NOPE', '77777']);
      expect(bad.conflicts[1]!.value).toBe('"Số hộ có người về": giá trị "-2" phải là số nguyên không âm (0, 1, 2…).');
      expect(await reports.values({ dataSet: 'T_LAO_DONG', period: p, unitCode: '01', children: true })).toEqual([]);
      expect(await reports.rollups({ dataSet: 'T_LAO_DONG', period: p, unitCodes: ['01'] })).toEqual([]);
      // A ward cannot import for another ward.
      const other = await reports.importDataValueSet(WARD2, json);
      expect(other.status).toBe('ERROR');
      expect(other.conflicts[0]!.value).toContain('không được nhập báo cáo cho đơn vị 00004');

      const ok = await reports.importDataValueSet(CITY, json);
      expect(ok).toMatchObject({ status: 'SUCCESS', importCount: { imported: 8, updated: 0, ignored: 0, deleted: 0 }, conflicts: [] });
      expect((await reports.rollups({ dataSet: 'T_LAO_DONG', period: p, unitCodes: ['01'] })).filter((x) => x.dataElement === 'WORKERS').map((x) => [x.coc, x.sum])).toEqual(
        expect.arrayContaining([
          ['P38', 22],
          ['P40', 9],
          ['P01', 3],
        ]),
      );
      const exported = await reports.exportDataValueSet({ dataSet: 'T_LAO_DONG', period: p, orgUnit: '01', children: true });
      const norm = (vs: Array<Record<string, unknown>>) => vs.map((v) => `${v.orgUnit ?? '00004'}|${v.dataElement}|${v.categoryOptionCombo ?? ''}|${v.value}|${v.comment ?? ''}`).sort();
      expect(norm(exported.dataValues)).toEqual(norm(json.dataValues));
      // Imported back: nothing changes, and the next export is the same.
      const again = await reports.importDataValueSet(CITY, exported);
      expect(again).toMatchObject({ status: 'SUCCESS', importCount: { imported: 0, updated: 0, ignored: 8, deleted: 0 } });
      expect(await reports.exportDataValueSet({ dataSet: 'T_LAO_DONG', period: p, orgUnit: '01', children: true })).toEqual(exported);
      // Into an empty database period it recreates the same values.
      const moved = { ...exported, period: '20261201', dataValues: exported.dataValues.map((v) => ({ ...v, period: '20261201' })) };
      expect((await reports.importDataValueSet(CITY, moved)).importCount.imported).toBe(8);
      expect(norm((await reports.exportDataValueSet({ dataSet: 'T_LAO_DONG', period: '20261201', orgUnit: '01', children: true })).dataValues)).toEqual(norm(json.dataValues));

      // Places travel by their code as attributeOptionCombo; a rule that fails after import is a WARNING.
      const places = await reports.importDataValueSet(WARD1, { dataSet: 'T_CACH_LY', period: p, orgUnit: '00004', dataValues: [{ dataElement: 'ROOMS', attributeOptionCombo: 'KCL_NHA_NGHI', value: '4' }, { dataElement: 'USED', attributeOptionCombo: 'KCL_NHA_NGHI', value: '1' }, { dataElement: 'FREE', attributeOptionCombo: 'KCL_NHA_NGHI', value: '1' }] });
      expect(places.status).toBe('WARNING');
      expect(places.importCount.imported).toBe(3);
      expect(places.conflicts[0]!.value).toContain('Số phòng trống phải bằng số phòng trừ số phòng đang dùng');
      const exp = await reports.exportDataValueSet({ dataSet: 'T_CACH_LY', period: p, orgUnit: '00004' });
      expect(exp.dataValues.every((v) => v.attributeOptionCombo === 'KCL_NHA_NGHI')).toBe(true);

      // Garbage in: an ERROR summary, never an exception.
      expect((await reports.importDataValueSet(CITY, 'nonsense')).status).toBe('ERROR');
      expect((await reports.importDataValueSet(CITY, { dataSet: 'NOPE', dataValues: [] })).conflicts[0]!.value).toBe('Không có báo cáo mã NOPE.');
      expect((await reports.importDataValueSet(CITY, { ...json, period: '2026-12-02' })).conflicts[0]!.value).toContain('ví dụ 20261203');
    });

    it('the summary: totals over a unit and a row per unit below it, from the rollups', async () => {
      const s = await reports.summary({ dataSet: 'T_LAO_DONG', period: '20261202', orgUnit: '01' });
      expect(s.values).toContainEqual({ dataElement: 'WORKERS', categoryOptionCombo: 'P38', value: 22 });
      expect(s.values).toContainEqual({ dataElement: 'HOUSEHOLDS', value: 12 });
      expect(s.children.map((c) => c.orgUnit).sort()).toEqual(['00004', '00082', '100']);
      expect(s.children.find((c) => c.orgUnit === '100')?.values).toEqual([{ dataElement: 'WORKERS', categoryOptionCombo: 'P01', value: 3 }]);
      expect(s.values.find((v) => v.dataElement === 'SINCE')).toBeUndefined();
    });
  });
}
