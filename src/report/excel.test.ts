import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, multipart } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { normaliseEntry } from './excel.entry';
import { csrfOf } from '../shared/suite.testing';

/**
 * Excel entry (issue 12): the form of a unit — or of every unit below a supervisor, a sheet each,
 * codes hidden — filled and sent back: imported all or nothing, row-numbered Vietnamese errors.
 */

const DS = 'CACH_LY_THU';
const DAY = '20261203';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The row of a sheet whose hidden element and option codes are these. */
function rowOf(ws: ExcelJS.Worksheet, element: string, coc = ''): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === element && (row.getCell(2).value ?? '') === coc) return row;
  }
  throw new Error(`no row ${element}/${coc}`);
}

for (const engine of engines()) {
  describe(`report Excel entry [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const get = async (url: string, who: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });
    const text = (body: string) => body.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    async function upload(who: string, file: Buffer) {
      const page = await get('/can-bo/bao-cao/excel', who);
      const csrf = csrfOf(page.body);
      const mp = multipart([
        { name: '_csrf', value: csrf },
        { name: 'bo', value: DS },
        { name: 'tep', value: file, filename: 'bao-cao.xlsx', type: XLSX },
      ]);
      return desk.inject({ method: 'POST', url: '/can-bo/bao-cao/excel', payload: mp.body, headers: { ...mp.headers, cookie: await desk.cookie(who) } });
    }
    const exported = async (unit: string) => (await get(`/api/reports/dataValueSets?dataSet=${DS}&period=${DAY}&orgUnit=${unit}`, 'giamsat')).json();

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock('2026-12-03T03:00:00Z') });
      desk = new Desk(env);
      const r = await desk.inject({
        method: 'POST',
        url: '/api/reports/dataSets',
        headers: { cookie: await desk.cookie('giamsat') },
        payload: {
          code: DS,
          name: 'Khu cách ly (thử)',
          periodType: 'daily',
          dataElements: [
            { code: 'SO_PHONG', name: 'Số phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
            { code: 'DANG_CACH_LY', name: 'Số người đang cách ly', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'SEX' },
            { code: 'GHI_CHU', name: 'Tình hình chung', valueType: 'TEXT' },
          ],
          units: ['00004', '00082'],
        },
      });
      expect(r.statusCode, r.body).toBe(200);
    }, 120_000);
    afterAll(async () => {
      await env?.close();
    });

    it('the supervisor downloads one sheet per ward, codes hidden; filled and sent back, it imports and exports back identically', async () => {
      const d = await get(`/can-bo/bao-cao/excel/tai-ve?bo=${DS}&ky=${DAY}&don-vi=01`, 'giamsat');
      expect(d.statusCode, d.body.slice(0, 300)).toBe(200);
      expect(d.headers['content-type']).toContain(XLSX);
      const wb = await load(d.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Phường Ba Đình', 'Phường Cửa Nam']);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).hidden).toBe(true);
      expect(ws.getColumn(1).hidden).toBe(true);
      expect(ws.getColumn(2).hidden).toBe(true);
      expect(rowOf(ws, 'DANG_CACH_LY', 'NU').getCell(5).value).toBe('Nữ');
      // Filled as an official would: numbers, a Vietnamese thousands dot, text.
      rowOf(ws, 'SO_PHONG').getCell(7).value = 20;
      rowOf(ws, 'DANG_CACH_LY', 'NAM').getCell(7).value = '1.200';
      rowOf(ws, 'DANG_CACH_LY', 'NU').getCell(7).value = 7;
      rowOf(ws, 'GHI_CHU').getCell(7).value = 'Ổn định, đủ giường';
      rowOf(wb.worksheets[1]!, 'SO_PHONG').getCell(7).value = 4;
      const r = await upload('giamsat', await toBuffer(wb));
      expect(r.statusCode, r.body.slice(0, 2000)).toBe(200);
      expect(r.body).toContain('Đã nhập: 5 giá trị mới');
      const back = await exported('00004');
      const val = (de: string, coc?: string) => back.dataValues.find((v: any) => v.dataElement === de && v.categoryOptionCombo === coc)?.value;
      expect(val('SO_PHONG')).toBe('20');
      expect(val('DANG_CACH_LY', 'NAM')).toBe('1200');
      expect(val('DANG_CACH_LY', 'NU')).toBe('7');
      expect(val('GHI_CHU')).toBe('Ổn định, đủ giường');
      expect((await exported('00082')).dataValues).toEqual([expect.objectContaining({ dataElement: 'SO_PHONG', value: '4' })]);
      // Downloaded again: the stored values are in the sheet, and sending it back changes nothing.
      const again = await load((await get(`/can-bo/bao-cao/excel/tai-ve?bo=${DS}&ky=${DAY}&don-vi=00004`, 'lanhdao')).rawPayload);
      expect(again.worksheets).toHaveLength(1);
      expect(rowOf(again.worksheets[0]!, 'DANG_CACH_LY', 'NAM').getCell(7).value).toBe(1200);
      const same = await upload('lanhdao', await toBuffer(again));
      expect(same.statusCode, same.body.slice(0, 2000)).toBe(200);
      expect(await exported('00004')).toEqual(back);
    });

    it('refuses a file with bad values as a whole, naming the sheet and row of each problem', async () => {
      const before = await exported('00004');
      const wb = await load((await get(`/can-bo/bao-cao/excel/tai-ve?bo=${DS}&ky=${DAY}&don-vi=00004`, 'quantri')).rawPayload);
      const ws = wb.worksheets[0]!;
      rowOf(ws, 'SO_PHONG').getCell(7).value = 25; // fine, but must not be written either
      const bad = rowOf(ws, 'DANG_CACH_LY', 'NU');
      bad.getCell(7).value = 'bảy';
      const r = await upload('quantri', await toBuffer(wb));
      expect(r.statusCode).toBe(422);
      expect(text(r.body)).toContain(`Trang "Phường Ba Đình", dòng ${bad.number}: "Số người đang cách ly": giá trị "bảy" phải là số nguyên không âm`);
      expect(r.body).toContain('chưa giá trị nào được ghi');
      expect(await exported('00004')).toEqual(before);
      // A ward cannot send another ward's sheet.
      const other = await load((await get(`/can-bo/bao-cao/excel/tai-ve?bo=${DS}&ky=${DAY}&don-vi=01`, 'giamsat')).rawPayload);
      const refused = await upload('quantri', await toBuffer(other));
      expect(refused.statusCode).toBe(422);
      expect(text(refused.body)).toContain('Trang "Phường Cửa Nam", dòng 1: Bạn không được nhập báo cáo cho đơn vị mã 00082.');
      // Not a workbook at all.
      const junk = await upload('quantri', Buffer.from('không phải Excel'));
      expect(junk.statusCode).toBe(422);
      expect(junk.body).toContain('Tệp không phải bảng tính Excel (.xlsx) đọc được.');
    });

    it('reads Vietnamese ways of writing values', () => {
      expect(normaliseEntry('1.234', 'INTEGER_ZERO_OR_POSITIVE')).toBe('1234');
      expect(normaliseEntry('12,5', 'NUMBER')).toBe('12.5');
      expect(normaliseEntry('Có', 'BOOLEAN')).toBe('true');
      expect(normaliseEntry('3/12/2026', 'DATE')).toBe('2026-12-03');
    });
  });
}
