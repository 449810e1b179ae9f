import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/** A citizen on a phone: scans a QR code, searches without diacritics, reads the checklist. */
describe.skipIf(!browserAvailable())('public pages in Chromium', () => {
  let site: StaffSite;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
    ({ browser, base } = site);
  });
  afterAll(() => site?.close());

  const phone = () => browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: true });

  it('finds marriage registration typed without diacritics and opens its page from the results', async () => {
    const page = await phone();
    await page.goto(`${base}/`);
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky ket hon');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => page.locator('.plist li').count()).toBeGreaterThan(0);
    const first = page.locator('.plist li').first();
    expect(await first.locator('.pname').innerText()).toMatch(/kết hôn/i);
    await first.locator('a').click();
    await page.waitForURL(/\/p\/00004\/1\.000894$/);
    expect(await page.locator('h1').innerText()).toMatch(/kết hôn/i);
    // The checklist can be ticked on the phone.
    const box = page.locator('.checklist input[type=checkbox]').first();
    await box.check();
    expect(await box.isChecked()).toBe(true);
    await page.close();
  });

  it('a scanned QR link opens the procedure page with the essentials visible on a small screen', async () => {
    const page = await phone();
    await page.goto(`${base}/p/00004/1.001193`);
    for (const text of ['Hồ sơ cần chuẩn bị', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Nơi nộp hồ sơ và giờ làm việc', 'Căn cứ pháp lý']) {
      expect(await page.getByText(text, { exact: false }).first().isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).isVisible()).toBe(true);
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('the bulletin moves on by itself and can be paused', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${base}/dv/00004/bang-tin?s=1`);
    expect(await page.locator('.b-count').innerText()).toContain('Thủ tục 1/54');
    await page.waitForURL(/bang-tin\?i=1&s=1$/, { timeout: 10_000 });
    expect(await page.locator('.b-count').innerText()).toContain('Thủ tục 2/54');
    await page.goto(`${base}/dv/00004/bang-tin?i=5&s=2`);
    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    expect(await page.getByRole('button', { name: 'Tiếp tục chạy' }).isVisible()).toBe(true);
    await page.waitForTimeout(3000);
    expect(page.url()).toMatch(/i=5&s=2$/);
    await page.close();
  });

  it('works without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/dv/00004/tim-kiem?q=${encodeURIComponent('chứng thực bản sao')}`);
    expect(await page.locator('.plist li').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it.each(['/', '/dv/00004/linh-vuc/ho-tich', '/dv/00004/tim-kiem?q=khai+sinh', '/p/00004/1.001193', '/p/00004/2.000815', '/dv/00004/nha-van-hoa', '/dv/00004/bang-tin', '/khong-co'])(
    'has no WCAG 2.1 AA violations (axe): %s',
    async (path) => {
      const page = await phone();
      await page.goto(`${base}${path}`);
      const v = await axeViolations(page);
      expect(v, JSON.stringify(v, null, 2)).toEqual([]);
      await page.close();
    },
  );
});
