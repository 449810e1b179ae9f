import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatAnswer, CHAT_APPLICANT, lastOtp } from '../src/chatform/chatform.testing';
import { allFields } from '../src/eform';
import type { TestEnv } from '../src/shared/testing';
import { browserAvailable } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * A mother on her phone (390×844) submits a birth registration in the web assistant's panel
 * ("Nộp ngay trong cuộc trò chuyện"): she answers each question, sends the birth certificate's
 * two sides as photos through the bubble's upload, confirms the summary and gets the dossier code;
 * the official then finds the dossier, its channel and the photos.
 */
describe.skipIf(!browserAvailable())('submitting a birth registration in the web assistant on a phone (Chromium)', () => {
  let site: StaffSite;
  let env: TestEnv;
  let browser: Browser;
  let base: string;
  let dir: string;
  const shot = screenshots();

  /** A photo of a paper, as a phone's camera gives it: a JPEG of a few hundred kB with the paper's title on it. */
  async function paperPhoto(name: string, title: string, hue: number): Promise<string> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600"><rect width="100%" height="100%" fill="rgb(250,${240 - hue},${220 - hue})"/><text x="600" y="200" font-size="64" text-anchor="middle" font-family="sans-serif">${title}</text>${Array.from({ length: 30 }, (_, i) => `<rect x="120" y="${320 + i * 40}" width="${600 + ((i * 97) % 360)}" height="12" fill="#555"/>`).join('')}</svg>`;
    const file = path.join(dir, name);
    await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
    return file;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-chat-e2e-'));
    site = await startStaffSite('sqlite', { env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
    ({ env, browser, base } = site);
  });
  afterAll(async () => {
    await site?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const panel = (page: Page) => page.locator('.as-panel');
  const lastBot = (page: Page) => panel(page).locator('.as-bot').last();

  /** Sends a message as she types it, and waits for the assistant's answer. */
  async function send(page: Page, text: string): Promise<string> {
    const before = await panel(page).locator('.as-bot').count();
    await panel(page).locator('.as-ask input[name=q]').fill(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).locator('.as-bot').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect.poll(() => panel(page).locator('.as-box').getAttribute('aria-busy')).toBeNull();
    return lastBot(page).innerText();
  }

  /** Presses one of the answer's buttons (quick replies). */
  async function press(page: Page, label: string): Promise<string> {
    const before = await panel(page).locator('.as-bot').count();
    await lastBot(page).locator('.as-quick button', { hasText: label }).click();
    await expect.poll(() => panel(page).locator('.as-bot').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect.poll(() => panel(page).locator('.as-box').getAttribute('aria-busy')).toBeNull();
    return lastBot(page).innerText();
  }

  it('answers each question, takes both sides of the birth certificate through the upload, and gives the dossier code; the official sees the photos', async () => {
    const front = await paperPhoto('giay-chung-sinh-mat-truoc.jpg', 'GIẤY CHỨNG SINH', 0);
    const back = await paperPhoto('giay-chung-sinh-mat-sau.jpg', 'MẶT SAU', 40);
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Hỏi trợ lý ảo' }).click();
    await panel(page).locator('.as-ask input[name=q]').waitFor();

    expect(await send(page, 'làm giấy khai sinh cho con cần những gì')).toContain('Nộp ngay trong cuộc trò chuyện');
    let r = await press(page, 'Nộp ngay trong cuộc trò chuyện');
    expect(r).toContain('Mình sẽ giúp bạn nộp hồ sơ');
    const form = await env.services.dossiers.formFor('00004', '1.001193');
    const cases = form.cases.filter((g) => g.kind === 'case').length;
    if (cases) r = await send(page, String(cases + 1));
    expect(r).toContain('Họ và tên người nộp');
    await send(page, CHAT_APPLICANT.fullName);
    expect(await send(page, CHAT_APPLICANT.phone)).toContain('mã xác thực');
    expect(await send(page, await lastOtp(env, CHAT_APPLICANT.phone))).toContain('Đã xác thực số điện thoại');
    await send(page, CHAT_APPLICANT.idNumber);
    r = await send(page, CHAT_APPLICANT.address);
    for (const f of allFields(form.eform)) {
      expect(r).toContain(f.label);
      r = await send(page, chatAnswer(f));
    }
    expect(r).toContain('Giấy chứng sinh');
    await shot(page, 'chat-photo-asked');

    // Both sides chosen at once in the bubble's upload, as from the phone's gallery.
    const upload = lastBot(page).locator('form.as-upload');
    await upload.getByLabel(/Ảnh chụp giấy tờ/).setInputFiles([front, back]);
    const before = await panel(page).locator('.as-bot').count();
    await upload.getByRole('button', { name: 'Gửi ảnh' }).click();
    await expect.poll(() => lastBot(page).innerText(), { timeout: 20_000 }).toContain('Đã nhận ảnh 2 của “Giấy chứng sinh');
    expect(await panel(page).locator('.as-bot').count()).toBeGreaterThan(before);
    // The page did not reload, and nothing is wider than the phone.
    expect(page.url()).toBe(`${base}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    r = await press(page, 'Xong');
    expect(r).toContain('Xin kiểm tra lại hồ sơ');
    expect(r).toMatch(/Ảnh “Giấy chứng sinh[^”]*”: 2 ảnh/);
    expect(r).toContain('Ngày sinh: 05/11/2026');
    await shot(page, 'chat-summary');
    const done = await press(page, 'Xác nhận');
    const code = /Mã hồ sơ của bạn: ([\d-]+)\./.exec(done)?.[1];
    expect(code, done).toBeTruthy();
    expect(done).toMatch(/Ngày hẹn trả kết quả \(dự kiến\): \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    expect(await lastBot(page).getByRole('link', { name: `Theo dõi hồ sơ ${code}` }).getAttribute('href')).toBe(env.services.dossiers.trackingUrl(code!));
    await ctx.close();

    // The official at the one-stop desk.
    const desk = await site.signIn('tiepnhan');
    await desk.goto(`${base}/can-bo/ho-so/${code}`);
    const body = await desk.locator('main').innerText();
    expect(body).toContain('Trực tuyến (trợ lý ảo)');
    expect(body).toContain('Nộp qua trợ lý ảo (khung trò chuyện trên trang web)');
    expect(body).toContain('Nguyễn Minh An');
    for (const name of ['giay-chung-sinh-mat-truoc.jpg', 'giay-chung-sinh-mat-sau.jpg']) {
      const img = desk.getByRole('img', { name: `Ảnh giấy tờ: ${name}` });
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    }
    await desk.context().close();
  });
});
