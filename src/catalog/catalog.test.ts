import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnitCatalog } from './catalog.excel';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { expectInOrder, openPdf, pageTexts } from '../shared/pdf.testing';

for (const engine of engines()) {
  describe(`catalogue, public pages and API [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine);
    });
    afterAll(async () => {
      await env?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });
    const api = async (url: string) => {
      const r = await get(url);
      return { status: r.statusCode, body: r.json() as any };
    };

    it('answers /healthz once the database is ready', async () => {
      expect(await api('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it.each([
      ['khai sinh', '1.001193'],
      ['KHAI SINH', '1.001193'],
      ['đăng ký khai sinh', '1.001193'],
      ['dang ky khai sinh', '1.001193'],
      ['đăng ký kết hôn', '1.000894'],
      ['dang ky ket hon', '1.000894'],
      ['khai tu', '1.000656'],
      ['đăng ký thường trú', '1.004222'],
      ['dang ky tam tru', '1.004194'],
    ])('search "%s" puts %s first', async (q, code) => {
      const { status, body } = await api(`/api/procedures?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.items[0].code).toBe(code);
      expect(body.total).toBeGreaterThanOrEqual(1);
    });

    it('finds the same procedures whatever the tone-mark placement (hoà/hòa) or NFD input', async () => {
      const a = (await api(`/api/procedures?q=${encodeURIComponent('hoà giải')}`)).body;
      const b = (await api(`/api/procedures?q=${encodeURIComponent('hòa giải')}`)).body;
      const c = (await api(`/api/procedures?q=${encodeURIComponent('hòa giải'.normalize('NFD'))}`)).body;
      const d = (await api(`/api/procedures?q=${encodeURIComponent('hoa giai')}`)).body;
      expect(a.total).toBeGreaterThan(0);
      expect(a.items.map((i: any) => i.code)).toEqual(b.items.map((i: any) => i.code));
      expect(c.items.map((i: any) => i.code)).toEqual(b.items.map((i: any) => i.code));
      expect(d.items[0].code).toBe(b.items[0].code);
    });

    it('filters by field and lists the whole catalogue without q', async () => {
      const all = (await api('/api/procedures?limit=100')).body;
      expect(all.total).toBeGreaterThanOrEqual(54);
      const hoTich = (await api('/api/procedures?field=ho-tich&limit=100')).body;
      expect(hoTich.total).toBe(20);
      expect(hoTich.items.every((i: any) => i.field === 'Hộ tịch')).toBe(true);
    });

    it('returns the full record with page and QR links', async () => {
      const { status, body } = await api('/api/procedures/1.001193');
      expect(status).toBe(200);
      expect(body.name).toMatch(/khai sinh/i);
      expect(body.channels.length).toBeGreaterThan(0);
      expect(body.componentGroups.length).toBeGreaterThan(0);
      expect(body.pageUrl).toBe('http://motcua.test/p/00004/1.001193');
      expect(body.qrSvgUrl).toBe('http://motcua.test/p/00004/1.001193/qr.svg');
      expect(body.qrPngUrl).toBe('http://motcua.test/p/00004/1.001193/qr.png');
    });

    it('answers 404 with a JSON error for an unknown code and 400 for bad parameters', async () => {
      const nf = await api('/api/procedures/9.999999');
      expect(nf.status).toBe(404);
      expect(nf.body.error.code).toBe('procedure_not_found');
      expect(nf.body.error.message).toMatch(/không tiếp nhận thủ tục mã 9\.999999/);
      const bad = await api('/api/procedures/abc');
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].message).toMatch(/1\.001193/);
      const lim = await api('/api/procedures?limit=abc');
      expect(lim.status).toBe(400);
      expect(lim.body.error.code).toBe('invalid_input');
      expect(lim.body.error.fields[0].field).toBe('limit');
      const big = await api('/api/procedures?limit=5000');
      expect(big.status).toBe(400);
    });

    it('lists fields with their PDF listing', async () => {
      const { body } = await api('/api/fields');
      const ht = body.items.find((f: any) => f.name === 'Hộ tịch');
      expect(ht.count).toBe(20);
      expect(ht.posterUrl).toBe('http://motcua.test/dv/00004/niem-yet/ho-tich.pdf');
      const pdf = await get('/dv/00004/niem-yet/ho-tich.pdf');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('keeps each unit to its own catalogue', async () => {
      const second = (await api('/api/procedures?unit=00082&limit=100')).body;
      expect(second.items.every((i: any) => ['Hộ tịch', 'Chứng thực'].includes(i.field))).toBe(true);
      expect((await api('/api/procedures/1.004222?unit=00082')).status).toBe(404);
      expect((await get('/p/00082/1.004222')).statusCode).toBe(404);
      expect((await api('/api/procedures?unit=99999')).status).toBe(404);
    });

    it('serves the procedure page with checklist, time, fee, opening hours and the online button', async () => {
      const r = await get('/p/00004/1.001193');
      expect(r.statusCode).toBe(200);
      const html = r.body;
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain('Hồ sơ cần chuẩn bị');
      expect(html).toContain('type="checkbox"');
      expect(html).toContain('Thời hạn giải quyết');
      expect(html).toContain('Phí, lệ phí');
      expect(html).toContain('7h30');
      expect(html).toContain('Nộp hồ sơ trực tuyến');
      expect(html).toContain('<svg');
      expect(html).toContain('http://motcua.test/p/00004/1.001193');
    });

    it('shows a unit commitment shorter than the legal time', async () => {
      const html = (await get('/p/00004/1.004222')).body;
      expect(html).toContain('7 ngày làm việc');
      expect(html).toMatch(/cam kết giải quyết trong <strong>5 ngày làm việc<\/strong>/);
    });

    it('serves QR codes as SVG and PNG encoding the short URL', async () => {
      const svg = await get('/p/00004/1.001193/qr.svg');
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(svg.body).toContain('<svg');
      const png = await get('/p/00004/1.001193/qr.png');
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      expect((await get('/p/00004/1.001193/qr.png?size=10')).statusCode).toBe(400);
    });

    it('prints a poster per procedure and the form templates', async () => {
      const poster = await get('/p/00004/1.001193/ap-phich.pdf');
      expect(poster.statusCode).toBe(200);
      expect(poster.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const rec = (await api('/api/procedures/1.001193')).body;
      const form = rec.forms[0];
      expect(form).toBeDefined();
      const f = await get(`/bieu-mau/1.001193/${form.id}.pdf`);
      expect(f.statusCode).toBe(200);
      expect(f.headers['content-type']).toBe('application/pdf');
      expect((await get('/bieu-mau/1.001193/khong-co.pdf')).statusCode).toBe(404);
    });

    it('the poster of a procedure with cases keeps them apart: the general papers, then each case under its heading', async () => {
      const poster = await get('/p/00004/1.001193/ap-phich.pdf');
      const [text] = await pageTexts(await openPdf(poster.rawPayload));
      const flat = text!.replace(/\s+/g, ' ');
      expectInOrder(flat, ['Giấy chứng sinh', 'Trường hợp: Trẻ bị bỏ rơi', 'Biên bản về việc trẻ bị bỏ rơi', 'Trường hợp: Ủy quyền']);
      // Not one merged checklist: the abandoned child's report is under its case, not among the general papers.
      expect(flat.slice(0, flat.indexOf('Trường hợp:'))).not.toMatch(/Văn bản ủy quyền|Biên bản về việc trẻ bị bỏ rơi/);
    });

    it('the wall listing of certifications prints each one\'s time and whole fee, never "no information" nor a cut "…"', async () => {
      const pdf = await get('/dv/00004/niem-yet/chung-thuc.pdf');
      expect(pdf.statusCode).toBe(200);
      const text = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Chứng thực');
      expect(text).toMatch(/trong ngày/i);
      expect(text).not.toMatch(/Không có thông tin|không ghi lệ phí|…/);
    });

    it('searches pages without diacritics and escapes what the user typed', async () => {
      const r = await get(`/dv/00004/tim-kiem?q=${encodeURIComponent('dang ky ket hon')}`);
      expect(r.statusCode).toBe(200);
      const firstLink = /<ul class="plist"><li><a href="([^"]+)"/.exec(r.body)?.[1];
      expect(firstLink).toBe('/p/00004/1.000894');
      expect(r.body).toContain('Thủ tục đăng ký kết hôn');
      const x = await get(`/dv/00004/tim-kiem?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(x.statusCode).toBe(200);
      expect(x.body).not.toContain('<script>alert(1)</script>');
      expect(x.body).toContain('&lt;script>');
    });

    it('shows friendly Vietnamese 404 pages', async () => {
      const r = await get('/khong-co-trang-nay');
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('Không tìm thấy');
      const f = await get('/dv/00004/linh-vuc/khong-co');
      expect(f.statusCode).toBe(404);
    });

    it('renders the home page, field page, bulletin and village-hall page', async () => {
      const home = await get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('Phường Ba Đình');
      expect(home.body).toContain('Hộ tịch');
      const field = await get('/dv/00004/linh-vuc/ho-tich');
      expect(field.body).toContain('Thủ tục đăng ký khai sinh');
      const b0 = await get('/dv/00004/bang-tin');
      expect(b0.body).toContain('<a rel="next" href="/dv/00004/bang-tin?i=1"');
      expect(b0.body).toMatch(/\/static\/bulletin\.[0-9a-f]{10}\.js/);
      const hall = await get('/dv/00004/nha-van-hoa');
      // The demo's essential procedures (Đề án 06's commune-level services it holds), not a fixed 10.
      expect(hall.body.match(/<svg/g)?.length).toBe(25);
    });

    it('exports the unit catalogue to Excel and imports it back, refusing bad rows all-or-nothing', async () => {
      const x = await get('/dv/00004/danh-muc.xlsx');
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(2).getCell(2).value).toBe('Mã thủ tục');
      const codes: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) codes.push(String(row.getCell(2).value));
      });
      expect(codes).toContain('1.001193');

      // Commit to 2 working days for re-registering a birth (legal: 5) and drop one procedure.
      let dropped = '';
      ws.eachRow((row, n) => {
        if (n <= 2) return;
        if (row.getCell(2).value === '1.004884') {
          row.getCell(6).value = 2;
          row.getCell(7).value = 'ngày làm việc';
        }
        if (row.getCell(2).value === '2.002516') {
          dropped = '2.002516';
          ws.spliceRows(n, 1);
        }
      });
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await importUnitCatalog(env.services.catalog, '00004', buf);
      expect(res.removed).toBe(1);
      expect((await get('/p/00004/1.004884')).body).toMatch(/cam kết giải quyết trong <strong>2 ngày làm việc<\/strong>/);
      expect((await get(`/p/00004/${dropped}`)).statusCode).toBe(404);

      // A commitment longer than the legal time is refused and nothing changes.
      ws.eachRow((row, n) => {
        if (n > 2 && row.getCell(2).value === '1.001193') {
          row.getCell(6).value = 90;
          row.getCell(7).value = 'ngày làm việc';
        }
      });
      ws.addRow([null, '9.999999']);
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      await expect(importUnitCatalog(env.services.catalog, '00004', bad)).rejects.toMatchObject({
        fields: expect.arrayContaining([
          expect.objectContaining({ code: 'commitment_too_long' }),
          expect.objectContaining({ code: 'procedure_not_found' }),
        ]),
      });
      expect((await get('/p/00004/1.001193')).body).not.toContain('90 ngày làm việc');
      await expect(importUnitCatalog(env.services.catalog, '00004', Buffer.from('not excel'))).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
}
