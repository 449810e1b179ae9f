import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, multipart } from '../src/dossier/workflow.testing';
import { createDoc, draw, toBuffer } from '../src/shared/pdf';
import { crop, decodeQr, openPdf, renderPage } from '../src/shared/pdf.testing';
import { engines } from '../src/shared/testing';
import { makeDemoCertificate } from '../src/signing';
import { axeViolations, browserAvailable, scanPdf } from './browser';
import { registerNewborn } from './linked';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 14's whole journey on a 390×844 phone: a parent finds the newborn group in the ward's
 * catalogue, registers the birth, the residence and the health insurance card in one form and, in
 * that same form, asks for the child's vaccination reminders; the officials process the birth
 * registration and the leader signs the birth certificate; later the parent downloads the signed
 * certificate from the group's page, reads the QR code printed on it, opens the verification page
 * it leads to and uploads the downloaded file there: exactly that document, signature valid.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-newborn-'));
const P12 = path.join(dir, 'unit.p12');
fs.writeFileSync(P12, makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'x', now: new Date() }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321' };
const CHILD = 'Lê Minh Khang';

/** The birth certificate as the justice officer prints it (a real PDF with Vietnamese text). */
async function birthCertificate(): Promise<Buffer> {
  const doc = createDoc({ title: 'Giấy khai sinh', margins: { top: 56, left: 85, right: 56 } }, {});
  draw(doc, 'GIẤY KHAI SINH', 85, 80, { font: 'serifBold', size: 16 }, 420, 'center');
  draw(doc, `Họ, chữ đệm, tên: ${CHILD.toUpperCase()}`, 85, 130, { font: 'serif', size: 13 }, 420);
  return toBuffer(doc);
}

for (const engine of engines()) {
  describe.skipIf(!browserAvailable())(`a parent registers a newborn, asks for vaccination reminders and verifies the signed birth certificate [${engine}]`, () => {
    let site: StaffSite;
    const shot = screenshots();

    beforeAll(async () => {
      site = await startStaffSite(engine, { env: { SIGNING_P12: P12, SIGNING_P12_PASSWORD: 'x' } });
      await site.env.services.linked.seedDemo('demo');
    });
    afterAll(async () => {
      await site?.close();
    });

    it('on a phone, from the catalogue to the verified signed certificate', { timeout: 240_000 }, async () => {
      const { env, base, browser } = site;
      const ctx = await browser.newContext({ ...PHONE, acceptDownloads: true });
      const page = await ctx.newPage();

      // 1. The ward's catalogue lists the group like a procedure; one form for three procedures,
      //    with the reminders' opt-in in it.
      const g = await registerNewborn(page, base, {
        birthCertificate: scanPdf('giay-chung-sinh.pdf'),
        childName: CHILD,
        parent: PARENT,
        open: async (p) => {
          await p.goto(`${base}/dv/00004`);
          await p.getByRole('link', { name: /Liên thông đăng ký khai sinh/ }).click();
          await p.waitForURL(`${base}/dv/00004/lien-thong/LT-KS`);
          expect(await p.getByRole('heading', { name: 'Nhắc lịch tiêm chủng cho cháu (không bắt buộc)' }).isVisible()).toBe(true);
          expect(await axeViolations(p)).toEqual([]);
        },
        beforeSubmit: async (p) => {
          await p.getByLabel('Đăng ký nhắn tin nhắc lịch tiêm cho cháu').check();
          await p.locator('#nl-thon').fill('Tổ dân phố 5');
          await p.locator('#nl-dong-y').check();
          expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          await shot(p, 'lien-thong-nhac-lich');
        },
      });
      const main = await page.locator('main').innerText();
      expect(main).toContain('Nhắc lịch tiêm chủng');
      expect(main).toContain(`Cháu ${CHILD}`);
      expect(main).toContain('Đang nhắc lịch');
      expect(await axeViolations(page)).toEqual([]);
      // The welcome SMS of the reminders and the group's SMS reached the parent's phone.
      const texts = await env.services.notifications.list({ recipient: '84987654321', limit: 50 });
      const sms = texts.length ? texts : await env.services.notifications.list({ recipient: PARENT.phone, limit: 50 });
      expect(sms.some((m) => m.event === 'vaccination_welcome')).toBe(true);
      const groupSms = sms.find((m) => m.event === 'linked_submitted')!.body;
      await ctx.close();

      // 2. The officials process the birth registration; the leader signs its result.
      const birth = g.members[0]!;
      const desk = new Desk(env);
      await desk.ok(birth, 'tiepnhan', { type: 'accept' });
      await desk.ok(birth, 'tiepnhan', { type: 'forward' });
      await desk.ok(birth, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      await desk.ok(birth, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
      await desk.ok(birth, 'lanhdao', { type: 'approve' });
      const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
      const mp = multipart([
        { name: 'type', value: 'mark_result_ready' },
        { name: 'file', value: await birthCertificate(), filename: 'giay-khai-sinh.pdf', type: 'application/pdf' },
      ]);
      const signed = await desk.inject({ method: 'POST', url: `/api/dossiers/${birth}/actions`, payload: mp.body, headers: { ...mp.headers, authorization: `Bearer ${login.json().token}` } });
      expect(signed.statusCode, signed.body).toBe(200);

      // 3. Later, the parent opens the group's page from the SMS, downloads the certificate.
      const later = await browser.newContext({ ...PHONE, acceptDownloads: true });
      const p2 = await later.newPage();
      const link = /https?:\/\/\S+\/lien-thong\/\S+\?t=\S+/.exec(groupSms)![0];
      await p2.goto(`${base}${new URL(link).pathname}${new URL(link).search}`);
      expect(await p2.getByRole('status').first().innerText()).toContain('1/3 phần đã có kết quả');
      await p2.getByRole('link', { name: birth }).click();
      await p2.waitForURL(new RegExp(`/ho-so/${birth}\\?t=`));
      expect(await p2.getByRole('heading', { name: 'Kết quả điện tử' }).isVisible()).toBe(true);
      await shot(p2, 'ket-qua-khai-sinh');
      const [download] = await Promise.all([p2.waitForEvent('download'), p2.getByRole('link', { name: 'Tải kết quả' }).click()]);
      const file = path.join(dir, `giay-khai-sinh-${engine}.pdf`);
      await download.saveAs(file);
      const pdf = fs.readFileSync(file);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The SHA-256 the page shows is the downloaded file's.
      const { createHash } = await import('node:crypto');
      expect(await p2.locator('.result-box code').innerText()).toBe(createHash('sha256').update(pdf).digest('hex'));

      // 4. The QR code printed at the foot of the certificate leads to the verification page.
      const doc = await openPdf(pdf);
      const last = await renderPage(doc, doc.numPages, 4);
      const qr = decodeQr(crop(last, 0, last.height - 120 * 4, last.width, 120 * 4));
      expect(qr?.text).toMatch(/\/xac-thuc\/[0-9a-f-]{36}$/);
      const verifyPath = new URL(qr!.text).pathname;
      expect(await p2.getByRole('link', { name: 'Xác thực văn bản, kiểm tra chữ ký số' }).getAttribute('href')).toContain(verifyPath);
      await p2.goto(`${base}${verifyPath}`);
      const shown = await p2.locator('main').innerText();
      expect(shown).toContain('Phường Ba Đình');
      expect(shown).not.toContain(PARENT.fullName);
      await p2.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(file);
      await p2.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await p2.waitForLoadState();
      expect(await p2.locator('main').innerText()).toContain('Đúng văn bản, chữ ký số hợp lệ');
      expect(await p2.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(p2, 'xac-thuc-khai-sinh');
      await later.close();
    });
  });
}
