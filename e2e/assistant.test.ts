import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../src/shared/testing';
import { axeViolations, browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/** A citizen on a phone asks the assistant: in the panel on a public page, and on the full-page chat without JavaScript. */
describe.skipIf(!browserAvailable())('virtual assistant in Chromium', () => {
  let site: StaffSite;
  let env: TestEnv;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
    ({ env, browser, base } = site);
  });
  afterAll(() => site?.close());

  const phone = (javaScriptEnabled = true) =>
    browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled }).then((c) => c.newPage());

  async function openPanel(page: Page) {
    await page.getByRole('button', { name: 'Hỏi trợ lý ảo' }).click();
    await page.getByRole('dialog', { name: 'Trợ lý ảo' }).waitFor();
    await page.locator('.as-panel .as-ask input[name=q]').waitFor();
  }

  it('opens the chat in a panel on the home page and answers with the procedure, its papers and buttons', async () => {
    const page = await phone();
    await page.goto(`${base}/`);
    await openPanel(page);
    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill('lam giay khai sinh cho be can nhung gi');
    await page.locator('.as-panel .as-ask button[type=submit]').click();
    const answer = page.locator('.as-panel .as-bot').last();
    await expect.poll(() => answer.innerText()).toContain('Thủ tục đăng ký khai sinh');
    expect(await answer.innerText()).toContain('Hồ sơ cần chuẩn bị');
    expect(await answer.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe('/p/00004/1.001193/nop-truc-tuyen');
    expect(await answer.getByRole('link', { name: /Tải mẫu/ }).first().getAttribute('href')).toMatch(/^\/bieu-mau\/1\.001193\/.+\.pdf$/);
    // The page did not reload: the question box is empty and ready again.
    expect(page.url()).toBe(`${base}/`);
    expect(await input.inputValue()).toBe('');
    // A quick reply asks the follow-up about the same procedure.
    await page.locator('.as-panel .as-quick button', { hasText: 'Nộp ở đâu' }).click();
    await expect.poll(() => page.locator('.as-panel .as-bot').last().innerText()).toContain('Giờ làm việc');
    // Nothing wider than the phone's screen, the panel included.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Escape closes the panel and gives the focus back to the button.
    await page.keyboard.press('Escape');
    expect(await page.locator('.as-panel').isHidden()).toBe(true);
    await page.context().close();
  });

  it('on a procedure page, "phí bao nhiêu?" is about that procedure', async () => {
    const page = await phone();
    await page.goto(`${base}/p/00004/1.004194`);
    await openPanel(page);
    await page.getByLabel('Câu hỏi của bạn').fill('phí bao nhiêu?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.as-panel .as-bot').last().innerText()).toContain('Đăng ký tạm trú (mã 1.004194)');
    expect(await page.locator('.as-panel .as-bot').last().innerText()).toContain('Phí, lệ phí');
    await page.context().close();
  });

  it('offers choices and shows an official’s answer to a handed-over question without a reload', async () => {
    const page = await phone();
    await page.goto(`${base}/dv/00004`);
    await openPanel(page);
    await page.getByLabel('Câu hỏi của bạn').fill('thẻ căn cước');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.as-panel .as-bot').last().innerText()).toContain('Ý bạn là');
    await page.locator('.as-panel .as-quick button').first().click();
    await expect.poll(() => page.locator('.as-panel .as-bot').last().innerText()).toContain('(mã 1.01406');

    await page.getByLabel('Câu hỏi của bạn').fill('Thủ tục xin trợ cấp cho người cao tuổi?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.as-panel .as-bot').last().innerText()).toContain('chuyển cho cán bộ');
    const { open } = await env.services.assistant.desk.inbox({ unitCode: '00004' });
    const h = open.find((x) => x.question === 'Thủ tục xin trợ cấp cho người cao tuổi?')!;
    await env.services.assistant.desk.replyToHandoff({ id: 's', unitCode: '00004', name: 'Nguyễn Thị Hòa' }, h.id, 'Việc này do Sở Tư pháp giải quyết, mời anh chị đến bộ phận một cửa để được hướng dẫn.');
    await expect.poll(() => page.locator('.as-panel .as-staff').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.as-panel .as-staff').innerText()).toContain('Sở Tư pháp');
    await page.context().close();
  });

  it('the full-page chat works without JavaScript', async () => {
    const page = await phone(false);
    await page.goto(`${base}/dv/00004`);
    // The button is a plain link to the full-page chat.
    await page.getByRole('link', { name: 'Hỏi trợ lý ảo' }).click();
    await page.waitForURL(/\/tro-ly\?dv=00004$/);
    await page.getByLabel('Câu hỏi của bạn').fill('dang ky tam tru mat bao lau');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.waitForURL(/\/tro-ly\?dv=00004#cuoi$/);
    const answer = page.locator('.as-bot').last();
    expect(await answer.innerText()).toContain('Đăng ký tạm trú (mã 1.004194)');
    expect(await answer.innerText()).toContain('Thời hạn giải quyết');
    await page.getByRole('button', { name: 'Lệ phí bao nhiêu?' }).click();
    await page.waitForURL(/#cuoi$/);
    expect(await page.locator('.as-bot').last().innerText()).toContain('Phí, lệ phí');
    await page.context().close();
  });

  it.each(['/tro-ly?dv=00004', '/dv/00004'])('has no WCAG 2.1 AA violations with the chat open (axe): %s', async (path) => {
    const page = await phone();
    await page.goto(`${base}${path}`);
    if (path.startsWith('/dv/')) await openPanel(page);
    const box = path.startsWith('/dv/') ? '.as-panel' : '.as-page';
    await page.locator(`${box} .as-ask input[name=q]`).fill('đăng ký kết hôn cần gì');
    await page.locator(`${box} .as-ask button[type=submit]`).click();
    await expect.poll(() => page.locator(`${box} .as-bot`).count()).toBeGreaterThan(1);
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    await page.context().close();
  });
});
