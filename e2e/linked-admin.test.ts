import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, signInStaff } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 14, the unit admin's side of linked groups, in Chromium on a 390×844 phone: from the staff
 * menu, a new group of two procedures — first with one procedure, then with a partner's wrong
 * e-mail, each problem said beside its field — then saved, listed, and offered on the ward's
 * public catalogue with its one form.
 */
describe.skipIf(!browserAvailable())('the unit admin creates a linked group, on a phone', () => {
  let site: StaffSite;
  const shot = screenshots();

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    await site.env.services.linked.seedDemo('demo');
  });
  afterAll(() => site?.close());

  it('makes a group of the marriage and the household split, the police as partner, and citizens find it', { timeout: 120_000 }, async () => {
    const ctx = await site.browser.newContext({ ...PHONE });
    const page = await signInStaff(ctx, site.base, 'quantri');
    await page.locator('nav.staff-menu').getByRole('link', { name: 'Nhóm thủ tục liên thông', exact: true }).click();
    expect(await page.locator('h1').innerText()).toBe('Nhóm thủ tục liên thông');
    expect(await page.locator('main').innerText()).toContain('LT-KS');
    await page.getByRole('link', { name: 'Thêm nhóm liên thông' }).click();
    expect(await page.locator('h1').innerText()).toBe('Thêm nhóm liên thông');

    await page.getByLabel('Mã nhóm').fill('LT-KH');
    await page.getByLabel('Tên nhóm').fill('Liên thông đăng ký kết hôn và tách hộ');
    await page.locator('#m0-procedure').fill('1.000894');
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').innerText()).toContain('Một nhóm liên thông có ít nhất hai thủ tục');
    // What was typed is kept.
    expect(await page.locator('#m0-procedure').inputValue()).toBe('1.000894');
    expect(await page.getByLabel('Mã nhóm').inputValue()).toBe('LT-KH');

    await page.locator('#m1-procedure').fill('1.010038');
    await page.locator('#m1-agency').selectOption('partner');
    await page.locator('#m1-agencyName').fill('Công an phường Ba Đình');
    await page.locator('#m1-email').fill('congan.badinh');
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').innerText()).toContain('Thủ tục thứ 2: nhập thư điện tử hợp lệ của cơ quan phối hợp');
    expect(await page.locator('#m1-email').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'lien-thong-quan-tri-loi');

    await page.locator('#m1-email').fill('congan.badinh@example.vn');
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    await page.waitForURL(/\/can-bo\/quan-tri\/lien-thong\?da=them$/);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đã thêm nhóm liên thông');
    const row = page.locator('main tr', { hasText: 'LT-KH' });
    expect(await row.innerText()).toContain('Tách hộ (1.010038) — Công an phường Ba Đình (cơ quan phối hợp, congan.badinh@example.vn)');
    expect(await row.innerText()).toContain('Đang nhận hồ sơ');
    // The page fits the phone: the table scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'lien-thong-quan-tri');
    await ctx.close();

    // A citizen finds it on the ward's catalogue, and its one form opens.
    const citizen = await site.browser.newContext({ ...PHONE });
    const home = await citizen.newPage();
    await home.goto(`${site.base}/dv/00004`);
    await home.getByRole('link', { name: 'Liên thông đăng ký kết hôn và tách hộ' }).click();
    await home.waitForURL(/\/dv\/00004\/lien-thong\/LT-KH$/);
    expect(await home.locator('h1').innerText()).toContain('Liên thông đăng ký kết hôn và tách hộ');
    expect(await home.locator('main').innerText()).toContain('Công an phường Ba Đình');
    await citizen.close();
  });
});
