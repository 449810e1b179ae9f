import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRequiredPapers, axeViolations, browserAvailable, fillEForm, scanPdf, signInStaff } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/**
 * A citizen scans the QR code of birth registration, fills the e-form on a phone, attaches
 * photos of the papers and submits; a receptionist accepts the dossier; the citizen follows it.
 */
describe.skipIf(!browserAvailable())('online submission and tracking in Chromium', () => {
  let site: StaffSite;
  let browser: Browser;
  let base: string;
  const scan = scanPdf();

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    ({ browser, base } = site);
  });
  afterAll(() => site?.close());

  it('submits a birth registration from a phone, is accepted at the counter, and can be followed', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/p/00004/1.001193`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL(/nop-truc-tuyen$/);
    // The case, in the form (JS on): the form then asks only for its papers.
    await page.getByRole('radio', { name: 'Không thuộc các trường hợp riêng dưới đây' }).check();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Họ và tên').first().fill('Nguyễn Văn An');
    await page.getByLabel('Số điện thoại').first().fill('0912345678');
    // Every required e-form field, from the published schema, as a citizen would type it.
    const form = await fillEForm(page, base);
    // The e-form is the declaration: online, the paper declaration is not attached.
    await attachRequiredPapers(page, form, scan);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/00004-\d{6}-\d{4}\?t=/);
    const code = /ho-so\/([^?]+)/.exec(page.url())![1]!;
    expect(await page.locator('h1').innerText()).toContain(code);
    expect(await page.getByRole('status').innerText()).toContain('đang chờ cán bộ tiếp nhận');
    expect(await axeViolations(page)).toEqual([]);
    const trackingUrl = page.url();

    // The receptionist signs in and accepts it.
    const staffCtx = await browser.newContext();
    const staff = await signInStaff(staffCtx, base, 'tiepnhan');
    await staff.getByRole('link', { name: code }).click();
    await staff.getByRole('button', { name: /Tiếp nhận hồ sơ/ }).click();
    await staff.waitForURL(new RegExp(`/can-bo/ho-so/${code}\\?`));
    expect(await staff.locator('body').innerText()).toContain('Đã tiếp nhận, đang chờ giải quyết');

    await page.goto(trackingUrl);
    expect(await page.getByRole('status').innerText()).toContain('Đã tiếp nhận');
    expect(await page.locator('body').innerText()).toContain('Ngày hẹn trả kết quả');
    await page.close();
    await staffCtx.close();
  });

  it('shows every problem at once when the form is incomplete, and keeps what was typed', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/p/00004/1.001193/nop-truc-tuyen?truong-hop=khong`);
    await page.getByLabel('Họ và tên').first().fill('Trần Thị Bình');
    await page.getByLabel('Số điện thoại').first().fill('123');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const summary = page.locator('.error-summary').first();
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toMatch(/Số điện thoại không hợp lệ/);
    expect(await page.getByLabel('Họ và tên').first().inputValue()).toBe('Trần Thị Bình');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('looks a dossier up by code and phone, and says the same for a wrong phone as for no dossier', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill('00004-261130-9999');
    await page.getByLabel('Số điện thoại đã dùng khi nộp').fill('0912345678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Không tìm thấy hồ sơ');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
