import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock';
import { scanPng } from '../src/docstore/archive.testing';
import { axeViolations, browserAvailable, fillEForm, signInStaff } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';
import os from 'node:os';
import path from 'node:path';

/**
 * The citizen's document store on a 390×844 phone without JavaScript (issue 14): the citizen finds
 * a paper an official checked in "Kho giấy tờ của tôi", downloads it, and submits a new dossier with
 * "Dùng giấy tờ đã có" instead of an upload; an official on a phone back-scans a register page and
 * confirms the fields OCR pre-filled.
 */
const PROC = '1.004746';
const PDF = Buffer.from('%PDF-1.4\n% giay chung nhan ket hon\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.skipIf(!browserAvailable())('the document store in a browser (issue 14)', { timeout: 180_000 }, () => {
  let site: StaffSite;
  const shot = screenshots();
  let token: string;
  const noSideScroll = async (page: import('playwright-core').Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { clock: fixedClock(new Date()) });
    const { env } = site;
    const citizen = await env.services.accounts.findOrCreateCitizen('0912345678', { fullName: 'Nguyễn Văn An' });
    token = (await env.services.accounts.createSession('citizen', citizen.id)).token;
    // A dossier of earlier: its copy of the marriage certificate checked by the counter.
    const form = await (await fetch(`${site.base}/api/procedures/${PROC}/form`)).json();
    const formData: Record<string, string> = {};
    for (const k of form.formData.required) formData[k] = 'Nguyễn Văn An';
    const fd = new FormData();
    fd.append('dossier', JSON.stringify({ unit: '00004', procedureCode: PROC, channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, formData }));
    for (const c of form.cases[0].components.filter((x: any) => x.required)) fd.append(c.id, new Blob([PDF], { type: 'application/pdf' }), `ban-sao-${c.id}.pdf`);
    const r = await fetch(`${site.base}/api/dossiers`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${token}` } });
    expect(r.status, await r.clone().text()).toBe(201);
    const d = await r.json();
    const f = d.attachments.find((x: any) => x.component === 'chung.1');
    const staff = (await env.services.accounts.findStaffByUsername('tiepnhan'))!;
    await env.services.docstore.setChecked({ id: staff.id, name: staff.fullName, unitCode: '00004', role: 'receptionist' }, f.id, true);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a citizen on a phone finds the checked paper, downloads it, and reuses it in a new dossier', async () => {
    const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: false, acceptDownloads: true });
    ctx.setDefaultTimeout(10_000);
    await ctx.addCookies([{ name: 'motcua_sid', value: token, url: site.base }]);
    const page = await ctx.newPage();
    await page.goto(`${site.base}/ca-nhan`);
    await page.getByRole('link', { name: 'Kho giấy tờ của tôi' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kho giấy tờ của tôi');
    await page.getByText('Giấy tờ đã được cán bộ kiểm tra, số hóa (1)').waitFor();
    await noSideScroll(page);
    await shot(page, 'kho-giay-to');
    // Accessibility (axe runs in the page: a context with JavaScript).
    const js = await site.browser.newContext({ ...PHONE });
    await js.addCookies([{ name: 'motcua_sid', value: token, url: site.base }]);
    const a11y = await js.newPage();
    await a11y.goto(`${site.base}/ca-nhan/kho-giay-to`);
    expect(await axeViolations(a11y)).toEqual([]);
    await js.close();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Bản sao Giấy chứng nhận kết hôn/ }).click()]);
    expect(download.suggestedFilename()).toBe('ban-sao-chung.1.pdf');
    expect(fs.readFileSync((await download.path())!).equals(PDF)).toBe(true);

    await page.goto(`${site.base}/p/00004/${PROC}/nop-truc-tuyen?truong-hop=khong`);
    await fillEForm(page, site.base, PROC);
    await page.getByRole('group', { name: /Dùng giấy tờ đã có/ }).getByLabel(/Bản sao Giấy chứng nhận kết hôn đã cấp trước đây — Hồ sơ/).check();
    await noSideScroll(page);
    await shot(page, 'nop-dung-giay-to-da-co');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/00004-\d{6}-\d{4}\?t=.*moi=1/);
    const code = /\/ho-so\/([\d-]+)/.exec(page.url())![1]!;
    const d = (await site.env.services.dossiers.findByCode(code))!;
    const files = await site.env.services.database.db.selectFrom('dossier_files').select(['component', 'name']).where('dossier_id', '=', d.id).execute();
    expect(files).toEqual([{ component: 'chung.1', name: 'ban-sao-chung.1.pdf' }]);
    await ctx.close();
  });

  it('an official on a phone back-scans a register page and confirms the fields OCR pre-filled', async () => {
    const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    ctx.setDefaultTimeout(15_000);
    const page = await signInStaff(ctx, site.base, 'tiepnhan');
    await page.getByRole('link', { name: 'Số hóa sổ lưu trữ' }).click();
    await noSideScroll(page);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-')), 'so-khai-sinh-1998-trang-12.png');
    fs.writeFileSync(file, scanPng(['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 01/1998', 'Số: 125', 'Ngày đăng ký: 12/03/1998', 'Họ và tên: Nguyễn Thị Hoà']));
    await page.getByLabel('Trang quét').setInputFiles(file);
    await page.getByRole('button', { name: 'Tải lên và nhận dạng chữ' }).click();
    await page.getByText('Đã tải lên 1 trang quét').waitFor();
    await site.env.services.archive.idle();
    await page.getByLabel(/Tìm theo tên sổ/).fill('nguyen thi hoa');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: /số 125/ }).click();
    expect(await page.getByLabel('Số', { exact: true }).inputValue()).toBe('125');
    expect(await page.getByLabel('Ngày (ngày/tháng/năm)').inputValue()).toBe('12/03/1998');
    await noSideScroll(page);
    await shot(page, 'luu-tru-ban-ghi');
    await page.getByLabel(/Gắn với tài khoản công dân/).fill('0912345678');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByText('Đã xác nhận bản ghi.').waitFor();
    await ctx.close();
  });
});
