import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../src/shared/testing';
import { createDoc, draw, toBuffer } from '../src/shared/pdf';
import { makeDemoCertificate } from '../src/signing';
import { axeViolations, browserAvailable } from './browser';
import { PHONE, startStaffSite, type StaffSite } from './staff-site';

/**
 * The verification page of a signed result (/xac-thuc/:id) on a 390 × 844 phone, with JavaScript
 * on and off: what was issued and to whom (initials), no sideways scrolling, axe clean, and the
 * upload form saying whether a file is exactly the issued one — and that a changed copy is not.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-signing-'));
const P12 = path.join(dir, 'unit.p12');
fs.writeFileSync(P12, makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'x', now: new Date() }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const engine of engines()) {
  describe.skipIf(!browserAvailable())(`verification page of a signed result in Chromium [${engine}]`, () => {
    let site: StaffSite;
    let id = '';
    const signedFile = path.join(dir, `ket-qua-${engine}.pdf`);
    const changedFile = path.join(dir, `ket-qua-sua-${engine}.pdf`);

    beforeAll(async () => {
      site = await startStaffSite(engine, { env: { SIGNING_P12: P12, SIGNING_P12_PASSWORD: 'x' } });
      const doc = createDoc({ title: 'Giấy khai sinh', margins: { top: 56, left: 85, right: 56 } }, {});
      draw(doc, 'GIẤY KHAI SINH', 85, 80, { font: 'serifBold', size: 16 }, 420, 'center');
      const p = await site.env.services.signing.issue(await toBuffer(doc), { unitCode: '00004', unitName: 'Phường Ba Đình', title: 'Giấy khai sinh (bản điện tử)', holderName: 'Nguyễn Thị Mai', signerName: 'Lê Văn Lãnh', fileName: 'giay-khai-sinh.pdf' });
      id = p.document.id;
      fs.writeFileSync(signedFile, p.pdf);
      const changed = Buffer.from(p.pdf);
      changed[changed.indexOf('/Producer') + 1] = 0x51;
      fs.writeFileSync(changedFile, changed);
    });
    afterAll(async () => {
      await site?.close();
    });

    for (const js of [true, false]) {
      it(`JS ${js ? 'on' : 'off'}: shows the document and checks an uploaded file`, { timeout: 120_000 }, async () => {
        const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const page = await ctx.newPage();
        await page.goto(`${site.base}/xac-thuc/${id}`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Xác thực văn bản điện tử');
        const body = await page.locator('main').innerText();
        expect(body).toContain('Giấy khai sinh (bản điện tử)');
        expect(body).toContain('N. T. M.');
        expect(body).not.toContain('Nguyễn Thị Mai');
        expect(body).toContain('Phường Ba Đình');
        if (js) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          expect(await axeViolations(page)).toEqual([]);
        }
        await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(signedFile);
        await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
        await page.waitForLoadState();
        expect(await page.locator('main').innerText()).toContain('Đúng văn bản, chữ ký số hợp lệ');
        await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(changedFile);
        await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
        await page.waitForLoadState();
        const after = await page.locator('main').innerText();
        expect(after).toContain('Văn bản đã bị sửa sau khi ký');
        expect(after).toContain('đã bị thay đổi sau khi ký');
        await ctx.close();
      });
    }
  });
}
