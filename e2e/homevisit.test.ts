import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock';
import { axeViolations, browserAvailable, signInStaff } from './browser';
import { PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * Home visits in a real browser (issue 13): a relative asks on a 390×844 phone without JavaScript;
 * the leader names the support team and an official of the team plans the visit; on Saturday, on
 * a phone, that official opens the reception from the visit, photographs the paper with the phone's
 * camera input and receives the dossier: it shows the channel "Tại nhà" and the visit its code.
 */
const VN = 7 * 3_600_000;
const DAY = 86_400_000;
/**
 * The next Thursday, 09:00 in Hà Nội, after the real time: the browser drops a session cookie whose
 * expiry (the app clock + 12 h) is already past in real time, so the scenario cannot be a fixed date.
 */
function nextThursday(): Date {
  let day = Math.floor((Date.now() + VN) / DAY) + 1;
  while (new Date(day * DAY).getUTCDay() !== 4) day++;
  return new Date(day * DAY - VN + 9 * 3_600_000);
}
const THURSDAY = nextThursday();
const SATURDAY = new Date(THURSDAY.getTime() + 2 * DAY + 30 * 60_000); // 09:30
const saturdayIso = new Date(SATURDAY.getTime() + VN).toISOString().slice(0, 10);
const saturdayDmy = saturdayIso.split('-').reverse().join('/');

describe.skipIf(!browserAvailable())('home visits in a browser (issue 13)', { timeout: 120_000 }, () => {
  let site: StaffSite;
  const clock = fixedClock(THURSDAY);
  const shot = screenshots();
  let photo: string;

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { clock });
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-')), 'IMG_0001.jpg');
    await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#f4f1e8' } }).jpeg().toFile(photo);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('asked on a phone, planned by the team, received at home with a photo: the dossier is "Tại nhà" and the visit shows its code', async () => {
    const { base, browser, env } = site;

    // 1. A relative asks on a phone, no JavaScript, from the ward's home page.
    const citizen = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    citizen.setDefaultTimeout(10_000);
    const phone = await citizen.newPage();
    await phone.goto(`${base}/dv/00004`);
    await phone.getByRole('link', { name: 'Đề nghị cán bộ đến nhà tiếp nhận hồ sơ' }).click();
    await phone.getByLabel('Thủ tục cần làm').selectOption('1.004222');
    await phone.getByLabel(/Họ tên người cần hỗ trợ/).fill('Đỗ Thị Lành');
    await phone.getByLabel('Người thân').check();
    await phone.getByLabel(/Họ tên người đề nghị/).fill('Đỗ Văn Hiếu');
    await phone.getByLabel('Số điện thoại liên hệ').fill('0913 246 810');
    await phone.getByLabel('Thôn, tổ dân phố').fill('Tổ dân phố 9');
    await phone.getByLabel('Địa chỉ nhà').fill('Số 15 ngõ 7 phố Đội Cấn');
    await phone.getByLabel(/Ngày thuận tiện/).fill('sáng Thứ Bảy');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // axe runs its checks on timers: in a page with JavaScript, the same page.
    const checker = await browser.newContext({ ...PHONE });
    const checked = await checker.newPage();
    await checked.goto(phone.url());
    expect(await axeViolations(checked)).toEqual([]);
    await checker.close();
    await shot(phone, 'homevisit-request');
    await phone.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await expect(phone.getByRole('heading', { name: 'Nhập mã xác thực' }).isVisible()).resolves.toBe(true);
    const otp = (await env.services.notifications.list({ recipient: '0913246810' })).find((m) => m.event === 'otp')!;
    await phone.getByLabel('Mã xác thực').fill(/(\d{6})/.exec(otp.body)![1]!);
    await phone.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(phone.getByRole('heading', { name: 'Đã nhận đề nghị hỗ trợ tại nhà' }).isVisible()).resolves.toBe(true);
    await citizen.close();

    // 2. The leader names the support team; an official of the team plans the visit for Saturday.
    const leader = await site.signIn('lanhdao');
    leader.setDefaultTimeout(10_000);
    await leader.getByRole('link', { name: 'Hỗ trợ tại nhà' }).first().click();
    await leader.getByLabel('Nguyễn Thị Hòa').check();
    await leader.getByRole('button', { name: 'Lưu tổ hỗ trợ' }).click();
    await expect(leader.getByRole('status').textContent()).resolves.toContain('Đã lưu tổ hỗ trợ');
    await leader.context().close();

    const planner = await site.signIn('tiepnhan');
    planner.setDefaultTimeout(10_000);
    await planner.getByRole('link', { name: 'Hỗ trợ tại nhà' }).first().click();
    const request = planner.getByRole('listitem').filter({ hasText: 'Đỗ Thị Lành' });
    await request.getByLabel('Ngày').fill(saturdayIso);
    await request.getByLabel('Cán bộ').selectOption({ label: 'Nguyễn Thị Hòa' });
    await request.getByRole('button', { name: 'Xếp lịch' }).click();
    await expect(planner.getByRole('heading', { name: `Ngày ${saturdayDmy} — lộ trình theo thôn` }).isVisible()).resolves.toBe(true);
    await planner.getByRole('listitem').filter({ hasText: 'Đỗ Thị Lành' }).getByRole('button', { name: 'Nhắn tin xác nhận' }).click();
    expect((await env.services.notifications.list({ recipient: '0913246810' })).some((m) => m.event === 'home_visit_confirm')).toBe(true);
    await planner.context().close();

    // 3. Saturday at the citizen's home: the official, on a phone, receives the dossier from the visit.
    clock.set(SATURDAY);
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: true });
    ctx.setDefaultTimeout(10_000);
    const official = await signInStaff(ctx, base, 'tiepnhan');
    await official.getByRole('link', { name: 'Hỗ trợ tại nhà' }).first().click();
    await official.getByRole('listitem').filter({ hasText: 'Đỗ Thị Lành' }).getByRole('link', { name: 'Tiếp nhận hồ sơ tại nhà' }).click();
    await expect(official.getByRole('status').filter({ hasText: 'Tiếp nhận tại nhà người dân' }).textContent()).resolves.toContain('Đỗ Thị Lành, Số 15 ngõ 7 phố Đội Cấn, Tổ dân phố 9');
    // The procedure's cases, when it has some: none of them.
    const noCase = official.getByLabel(/Không thuộc (các )?trường hợp riêng/);
    for (const el of await noCase.all()) if (await el.isVisible()) await el.check();
    const next = official.getByRole('button', { name: 'Tiếp tục' });
    if (await next.isVisible().catch(() => false)) await next.click();
    expect(await official.locator('#a-name').inputValue()).toBe('Đỗ Thị Lành');
    const form = (await (await fetch(`${base}/api/procedures/1.004222/form`)).json()) as { formData: { required: string[]; properties: Record<string, { type?: string; enum?: string[]; format?: string; pattern?: string }> }; cases: Array<{ kind: string; components: Array<{ id: string; required: boolean }> }> };
    for (const k of form.formData.required) {
      const prop = form.formData.properties[k]!;
      const el = official.locator(`#f-${k}`);
      if (prop.enum) {
        if ((await el.evaluate((n) => n.tagName)) === 'SELECT') await el.selectOption(prop.enum[0]!);
        else await el.check();
      } else if (prop.type === 'boolean') await el.check();
      else if (prop.format === 'date') await el.fill('1950-03-20');
      else if (prop.type === 'integer' || prop.type === 'number') await el.fill('1');
      else if (String(prop.pattern ?? '').includes('84')) await el.fill('0913246810');
      else if (String(prop.pattern ?? '').includes('12')) await el.fill('001050012345');
      else if (!(await el.inputValue())) await el.fill('Đỗ Thị Lành');
    }
    const idNumber = official.locator('#a-id');
    if (!(await idNumber.inputValue())) await idNumber.fill('001050012345');
    // The papers: photographed with the phone's camera (an input with capture="environment").
    for (const c of form.cases.find((g) => g.kind === 'general')!.components.filter((x) => x.required)) {
      const camera = official.locator(`#up-${c.id.replace(/\./g, '-')}-cam`);
      expect(await camera.getAttribute('capture')).toBe('environment');
      await camera.setInputFiles(photo);
    }
    expect(await official.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(official, 'homevisit-reception-phone');
    await official.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await official.waitForURL(/\/can-bo\/ho-so\/[\d-]+\?moi=1/);
    const code = /\/can-bo\/ho-so\/([\d-]+)/.exec(official.url())![1]!;
    const status = await official.locator('.status').textContent();
    expect(status).toContain('Tại nhà');
    await expect(official.getByText(`Tiếp nhận tại nhà người dân ngày ${saturdayDmy}`).isVisible()).resolves.toBe(true);
    await expect(official.getByRole('img', { name: /Ảnh giấy tờ: IMG_0001/ }).first().isVisible()).resolves.toBe(true);
    await shot(official, 'homevisit-dossier-phone');

    // The visit, opened from the dossier, shows the dossier's code.
    await official.getByRole('link', { name: 'chuyến đến nhà của tổ hỗ trợ' }).click();
    await expect(official.getByRole('heading', { name: 'Hỗ trợ tại nhà: Đỗ Thị Lành' }).isVisible()).resolves.toBe(true);
    await expect(official.getByRole('link', { name: code }).isVisible()).resolves.toBe(true);
    await expect(official.locator('dl').textContent()).resolves.toContain('Đã tiếp nhận hồ sơ tại nhà');
    // The receipt went by SMS.
    expect((await env.services.notifications.list({ recipient: '0913246810' })).some((m) => m.event === 'received' && m.body.includes(code))).toBe(true);
    await ctx.close();
  });
});
