import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../src/shared/testing';
import { axeViolations, browserAvailable } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * The vaccination reminders' sign-up page (/dv/:unit/nhac-lich-tiem) on a 390×844 phone, with
 * JavaScript on and off: reached from the ward's home page; bad input answered with a summary that
 * names each problem in Vietnamese and links to its field, what was typed kept; a valid sign-up
 * lands on the parent's page with the child's schedule. No sideways scrolling; axe clean.
 */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

for (const engine of engines()) {
  describe.skipIf(!browserAvailable())(`vaccination reminders' sign-up on a phone [${engine}]`, () => {
    let site: StaffSite;
    const shot = screenshots();

    beforeAll(async () => {
      site = await startStaffSite(engine);
    });
    afterAll(async () => {
      await site?.close();
    });

    for (const js of [true, false]) {
      it(`JavaScript ${js ? 'on' : 'off'}: bad input says what to fix, then the child's schedule`, { timeout: 120_000 }, async () => {
        const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const page = await ctx.newPage();
        await page.goto(`${site.base}/dv/00004`);
        await page.getByRole('link', { name: 'Nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi' }).click();
        await page.waitForURL(`${site.base}/dv/00004/nhac-lich-tiem`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi');
        if (js) expect(await axeViolations(page)).toEqual([]);
        const submit = async () => {
          await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Đăng ký nhắc lịch' }).click()]);
        };

        // Nothing typed: every problem at once.
        await submit();
        const empty = await page.getByRole('alert').innerText();
        expect(empty).toContain('Thông tin chưa hợp lệ');
        expect(empty).toContain('Cần họ tên của cháu');
        expect(empty).toContain('Ngày sinh không hợp lệ');
        expect(empty).toContain('Cần đồng ý cho lưu thông tin để nhắc lịch tiêm');
        // A problem's link leads to its field.
        expect(await page.getByRole('alert').getByRole('link', { name: 'Cần họ tên của cháu' }).getAttribute('href')).toBe('#childName');

        // A birth date to come, a landline: said in words; what was typed stays.
        await page.getByLabel('Họ tên của cháu', { exact: true }).fill('Lê Minh Khang');
        await page.getByLabel('Ngày sinh của cháu', { exact: true }).fill(day(30));
        await page.getByLabel('Số điện thoại di động của cha hoặc mẹ', { exact: true }).fill('024 3823 4567');
        await page.getByLabel('Thôn, tổ dân phố', { exact: true }).fill('Tổ dân phố 5');
        await submit();
        const bad = await page.getByRole('alert').innerText();
        expect(bad).toContain('Ngày sinh không được sau ngày hôm nay');
        expect(bad).toContain('Cần số điện thoại di động để nhận tin nhắn');
        expect(bad).not.toContain('Cần họ tên của cháu');
        expect(await page.getByLabel('Họ tên của cháu', { exact: true }).inputValue()).toBe('Lê Minh Khang');
        expect(await page.getByLabel('Thôn, tổ dân phố', { exact: true }).inputValue()).toBe('Tổ dân phố 5');
        // A child of two years or more.
        await page.getByLabel('Ngày sinh của cháu', { exact: true }).fill(day(-800));
        await page.getByLabel('Số điện thoại di động của cha hoặc mẹ', { exact: true }).fill(js ? '0987654321' : '0911222333');
        await submit();
        expect(await page.getByRole('alert').innerText()).toContain('Cháu đã đủ 24 tháng tuổi');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await shot(page, `nhac-lich-tiem-loi-${js ? 'js' : 'khong-js'}`);
        if (js) expect(await axeViolations(page)).toEqual([]);

        // Valid, with consent: the parent's page, the child's schedule.
        await page.getByLabel('Ngày sinh của cháu', { exact: true }).fill(day(-10));
        await page.locator('#consent').check();
        await submit();
        await page.waitForURL(/\/tiem-chung\/TC[A-Z0-9]+\?t=/);
        const main = await page.locator('main').innerText();
        expect(main).toContain('Đã đăng ký nhắc lịch tiêm');
        expect(main).toContain('Lê Minh Khang');
        expect(main).toContain('Lịch tiêm của cháu');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        if (js) expect(await axeViolations(page)).toEqual([]);
        await ctx.close();
      });
    }
  });
}
