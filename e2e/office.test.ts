import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock';
import { seedOfficeDemo } from '../src/office';
import { slugify } from '../src/shared/vietnamese';
import { axeViolations, browserAvailable, signInStaff } from './browser';
import { DESK, PHONE, startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 15, "where to go is a concrete office", as a citizen sees it on a 390 × 844 phone with
 * JavaScript on and off (the demo ward's offices, on a Saturday morning): the procedure page's
 * "Nộp ở đâu" with the ward police's address, phone and today's Saturday hours, the listing's line;
 * no sideways scrolling, axe clean. And the unit admin adding an office with JavaScript off.
 */
describe.skipIf(!browserAvailable())('offices in Chromium', () => {
  let site: StaffSite;

  beforeAll(async () => {
    // Saturday 5 December 2026, 09:00 in Hà Nội.
    site = await startStaffSite('sqlite', { clock: fixedClock('2026-12-05T02:00:00Z') });
    await seedOfficeDemo(site.env.services.offices, async (c) => !!(await site.env.services.units.find(c)));
  });
  afterAll(() => site?.close());

  for (const js of [true, false]) {
    it(`JS ${js ? 'on' : 'off'}: the residence procedure says to go to the ward police, with today's Saturday hours`, { timeout: 120_000 }, async () => {
      const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: js });
      const page = await ctx.newPage();
      await page.goto(`${site.base}/p/00004/1.004222`);
      const box = page.locator('section.office');
      expect(await box.getByRole('heading', { name: 'Nộp ở đâu' }).isVisible()).toBe(true);
      const text = await box.innerText();
      expect(text).toContain('Công an phường Ba Đình');
      expect(text).toContain('Số 8 phố Đội Cấn');
      expect(text).toMatch(/Hôm nay \(Thứ Bảy, 05\/12\/2026\): 07:30–11:30/);
      expect(text).toContain('Thứ Bảy: 07:30–11:30 (hôm nay)');
      expect(await box.getByRole('link', { name: '024 3823 4113' }).getAttribute('href')).toBe('tel:02438234113');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (js) expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${site.base}/dv/00004/linh-vuc/${slugify('Đăng ký, quản lý cư trú')}`);
      expect(await page.locator('.plist li').first().innerText()).toContain('Nộp tại Công an phường Ba Đình · Thứ Bảy 07:30–11:30');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (js) expect(await axeViolations(page)).toEqual([]);
      await ctx.close();
    });
  }

  it('the unit admin adds an office with JavaScript off: a wrong phone is named beside its field, then the office is listed', { timeout: 120_000 }, async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, viewport: DESK });
    const page = await signInStaff(ctx, site.base, 'quantri');
    await page.locator('nav.staff-menu').getByRole('link', { name: 'Nơi tiếp nhận hồ sơ', exact: true }).click();
    expect(await page.locator('h1').innerText()).toBe('Nơi tiếp nhận hồ sơ');
    await page.getByRole('link', { name: 'Thêm nơi tiếp nhận' }).click();
    await page.getByLabel('Tên nơi tiếp nhận').fill('Điểm tiếp nhận tổ dân phố 5');
    await page.getByLabel('Loại').selectOption('other');
    await page.getByLabel('Địa chỉ').fill('Nhà văn hóa tổ dân phố 5, phố Vĩnh Phúc');
    await page.getByLabel('Điện thoại').fill('12345');
    await page.getByLabel('Thứ Bảy').fill('8h - 11h');
    await page.getByRole('button', { name: 'Thêm nơi tiếp nhận' }).click();
    expect(await page.locator('.error-summary').innerText()).toContain('Số điện thoại không hợp lệ');
    expect(await page.getByLabel('Điện thoại').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Thêm nơi tiếp nhận' }).click();
    expect(await page.locator('main').innerText()).toContain('Đã thêm nơi tiếp nhận.');
    const row = page.locator('section[aria-labelledby=ds-noi] tr', { hasText: 'Điểm tiếp nhận tổ dân phố 5' });
    expect(await row.innerText()).toContain('0912 345 678');
    expect(await row.innerText()).toContain('Thứ Bảy: 08:00–11:00');
    await ctx.close();
  });
});
