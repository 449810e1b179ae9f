import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock';
import type { TestEnv } from '../src/shared/testing';
import { axeViolations, browserAvailable } from './browser';
import { PHONE, startStaffSite, type StaffSite } from './staff-site';

/**
 * Appointments in a real browser (issue 13): on a 390×844 phone without JavaScript a citizen goes
 * from the ward's home page to the booking page, books the working Saturday's first slot, and later
 * cancels it from the link of the confirmation SMS; the slot is free again.
 */
const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

describe.skipIf(!browserAvailable())('appointments in a browser (issue 13)', () => {
  let site: StaffSite;
  let env: TestEnv;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Thursday 03/12/2026, 09:00; the ward works Saturday 05/12 and takes appointments on Saturday mornings.
    site = await startStaffSite('sqlite', { clock: fixedClock(vn('2026-12-03', '09:00')) });
    ({ env, browser, base } = site);
    await env.services.queue.seedDemo('00004');
    await env.services.dossiers.setCalendar('00004', { workingDays: [{ date: '2026-12-05', name: 'Thứ Bảy làm việc' }] });
    await env.services.appointments.createSession('00004', { service: 'ho-tich', weekdays: [6], start: '07:30', end: '11:30', slotMinutes: 30, counters: 1, perCounter: 1 });
    await env.services.appointments.createSession('00004', { service: 'cu-tru', weekdays: [1, 2, 3, 4, 5], start: '13:30', end: '16:30', slotMinutes: 30, counters: 1, perCounter: 1 });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a citizen books a Saturday slot on a phone without JavaScript and cancels it from the SMS link', async () => {
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/dv/00004`);
    await page.getByRole('link', { name: 'Đặt lịch hẹn đến quầy' }).click();
    await expect(page.getByRole('heading', { name: 'Đặt lịch hẹn đến quầy' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Hộ tịch – chứng thực').check();
    await page.getByRole('button', { name: 'Xem giờ còn trống' }).click();
    const saturday = page.getByRole('group', { name: /Thứ Bảy, 05\/12\/2026/ });
    await expect(saturday.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Slots are big enough to tap.
    const first = saturday.locator('label').first();
    expect((await first.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // Sent empty: the errors are listed in Vietnamese, nothing is lost.
    await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Xin sửa những mục dưới đây');
    await page.getByRole('group', { name: /Thứ Bảy, 05\/12\/2026/ }).getByLabel('07:30').check();
    await page.getByLabel('Họ và tên (bắt buộc)').fill('Nguyễn Thị Mai');
    await page.getByLabel(/Số điện thoại di động/).fill('0912 345 678');
    await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã đặt lịch hẹn');
    const body = (await page.textContent('main'))!;
    const code = /LH[0-9A-Z]{8}/.exec(body)![0];
    expect(body).toContain('07:30 Thứ Bảy 05/12/2026');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.close();

    // The booking page passes axe (checked with JavaScript, axe runs in the page).
    const a11y = await browser.newPage(PHONE);
    await a11y.goto(`${base}/dv/00004/dat-lich?dich-vu=ho-tich`);
    const v = await axeViolations(a11y);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    await a11y.close();

    // Later, on the phone: the link in the confirmation SMS.
    const sms = await env.services.database.db.selectFrom('outbox').select('body').where('event', '=', 'appointment_booked').where('recipient', '=', '0912345678').executeTakeFirstOrThrow();
    expect(sms.body).toContain(code);
    const link = /http:\/\/motcua\.test(\/lich-hen\/\S+)/.exec(sms.body)![1]!;
    const later = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const p2 = await later.newPage();
    await p2.goto(`${base}${link}`);
    await expect(p2.getByRole('heading', { name: /Mã lịch hẹn/ }).textContent()).resolves.toContain(code);
    await p2.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
    await expect(p2.getByRole('status').textContent()).resolves.toContain('Đã hủy lịch hẹn');
    await expect(p2.getByRole('button', { name: 'Hủy lịch hẹn' }).count()).resolves.toBe(0);
    await later.close();

    // The place is free again for someone else.
    const free = (await env.app.inject({ method: 'GET', url: '/api/appointments/slots?unit=00004&service=ho-tich&onlyFree=true' })).json().items.map((s: { at: string }) => s.at);
    expect(free).toContain(vn('2026-12-05', '07:30'));
  });
});
