import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../src/dossier/workflow.testing';
import { returnedDossier } from '../src/rating/rating.testing';
import type { TestEnv } from '../src/shared/testing';
import { axeViolations, browserAvailable } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * Satisfaction ratings in a real browser (issue 11): a citizen rates a returned dossier on a
 * 390×844 phone from the tracking page (JavaScript off: plain forms), and the counter tablet takes
 * three ratings in a row, returning to its buttons by itself.
 */
const TABLET = { viewport: { width: 800, height: 1280 }, hasTouch: true };

describe.skipIf(!browserAvailable())('satisfaction ratings in a browser (issue 11)', () => {
  let site: StaffSite;
  let env: TestEnv;
  let desk: Desk;
  let browser: Browser;
  let base: string;
  const shot = screenshots();

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { env: { DEMO: 'on' } });
    ({ env, browser, base } = site);
    desk = new Desk(env);
  });
  afterAll(async () => site?.close());

  it('a citizen rates a returned dossier from the tracking page on a phone, without JavaScript, and later reads the unit\'s answer', async () => {
    const code = await returnedDossier(desk);
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await ctx.newPage();
    // The link of the "result returned" SMS leads to the rating; the tracking page has the same form.
    await page.goto(`${base}/ho-so/${code}?t=${env.services.dossiers.token(code)}`);
    const box = page.locator('#danh-gia');
    await expect(box.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Accessibility checked by axe in a page with JavaScript (axe runs in the page).
    const a11y = await browser.newPage(PHONE);
    await a11y.goto(page.url());
    const v = await axeViolations(a11y);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    await a11y.close();
    // Big enough to tap.
    const h = await box.locator('label:has(input[value="dissatisfied"])').boundingBox();
    expect(h!.height).toBeGreaterThanOrEqual(44);
    await box.getByLabel('Không hài lòng').check();
    await box.getByLabel('Thời gian giải quyết').check();
    await box.getByLabel(/Ý kiến khác/).fill('Phải quay lại hai lần mới nhận được kết quả');
    await shot(page, 'rating-phone-form');
    await box.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(/#danh-gia$/);
    const given = page.locator('#danh-gia');
    expect(await given.textContent()).toContain('Ông/Bà đã đánh giá: Không hài lòng');
    expect(await given.textContent()).toContain('sẽ trả lời trước');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'rating-phone-given');

    // The leader answers; the citizen sees the answer on the same page.
    const [f] = (await env.services.ratings.listFollowUps(['00004'])).filter((x) => x.dossierCode === code);
    await env.services.ratings.answerFollowUp(f!.id, { id: 'lanhdao', fullName: 'Lê Quang Huy', role: 'leader', unitCode: '00004' }, 'Đơn vị xin lỗi Ông/Bà, từ nay kết quả được báo qua tin nhắn trước khi hẹn.');
    await page.reload();
    expect(await page.locator('#danh-gia').textContent()).toContain('Trả lời của đơn vị');
    expect(await page.locator('#danh-gia').textContent()).toContain('báo qua tin nhắn trước khi hẹn');
    await shot(page, 'rating-phone-answer');
    await ctx.close();
  });

  it('the counter tablet takes three ratings in a row and resets itself for the next citizen (no JavaScript)', async () => {
    const before = (await env.services.ratings.followUpCounts(['00004'])).total;
    const ctx = await browser.newContext({ ...TABLET, javaScriptEnabled: false });
    const page = await ctx.newPage();
    const a11y = await browser.newPage(TABLET);
    await a11y.goto(`${base}/dv/00004/danh-gia`);
    const v = await axeViolations(a11y);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    await a11y.close();
    await page.goto(`${base}/dv/00004/danh-gia`);
    await shot(page, 'rating-tablet');
    // The faces are drawn, not emoji (a tablet without an emoji font showed empty boxes).
    expect(await page.locator('.tablet-levels button svg').count()).toBe(3);
    expect(await page.locator('.tablet-levels').innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
    const taps: Array<{ level: string; label: string }> = [
      { level: 'very_satisfied', label: 'Rất hài lòng' },
      { level: 'satisfied', label: 'Hài lòng' },
      { level: 'dissatisfied', label: 'Không hài lòng' },
    ];
    for (const [i, t] of taps.entries()) {
      const button = page.getByRole('button', { name: t.label, exact: true });
      const b = await button.boundingBox();
      expect(b!.height).toBeGreaterThanOrEqual(120);
      await button.click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
      expect(await page.locator('body').textContent()).toContain(t.label);
      if (i === 2) {
        // Reasons are optional: the third citizen ticks one.
        await page.getByLabel('Thái độ cán bộ').check();
        await page.getByRole('button', { name: 'Gửi lý do' }).click();
        await page.getByText('đã ghi nhận lý do').waitFor();
      }
      // The thank-you screen goes back to the buttons by itself (meta refresh).
      await page.waitForURL(`${base}/dv/00004/danh-gia`, { timeout: 25_000 });
      await page.getByRole('button', { name: 'Rất hài lòng' }).waitFor();
    }
    const facts = (await import('../src/rating')).ratingFacts(env.services.database.db, { unitCodes: ['00004'], from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', asOf: new Date() });
    const visits = (await facts).filter((x) => x.source === 'counter' && !x.dossierId);
    expect(visits.map((v) => v.level)).toEqual(['very_satisfied', 'satisfied', 'dissatisfied']);
    expect(visits[2]!.reasons).toEqual(['staff_attitude']);
    // The "Không hài lòng" of the counter also waits for the leader's answer.
    expect((await env.services.ratings.followUpCounts(['00004'])).total).toBe(before + 1);
    await ctx.close();
  }, 120_000);
});
