import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock';
import { browserAvailable, signInStaff } from './browser';
import { DESK, PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 12, "Done when", in Chromium: a ward enters the day's quarantine report on a 390×844 phone
 * (no JavaScript needed); the supervisor's summary, open on a desk with JavaScript, shows it at
 * once without a reload; the ward that did not report gets a reminder in the outbox as the
 * deadline nears, and the summary says so.
 */
const DS = 'CACH_LY_E2E';
// The real day in Hà Nội, never a fixed date: the browser drops a session cookie whose expiry (the
// app clock + 12 h) is already past in real time. With the app clock at 14:00 and 15:30 of the real
// day, the cookies last until 02:00 the next day, after any real time of that day — at any hour, on
// the last day of a month or a year (the scenario needs only one day: a daily report due at 17:00).
const TODAY = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const DAY = TODAY.replaceAll('-', '');
const at = (hhmm: string) => new Date(`${TODAY}T${hhmm}:00+07:00`);
const dmy = `${TODAY.slice(8, 10)}/${TODAY.slice(5, 7)}/${TODAY.slice(0, 4)}`;
const shot = screenshots();

describe.skipIf(!browserAvailable())('reports in Chromium: a ward enters on a phone, the supervisor sees it live, a late ward is reminded', () => {
  let site: StaffSite;
  const clock = fixedClock(at('14:00')); // the deadline is 17:00

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { clock });
    const reports = site.env.services.reports;
    await reports.saveDataSet(undefined, {
      code: DS,
      name: 'Tình hình khu cách ly (thử)',
      periodType: 'daily',
      ownerUnit: '01',
      units: ['00004', '00082'],
      usesPlaces: true,
      deadline: { daysAfter: 0, time: '17:00' },
      dataElements: [
        { code: 'ROOMS', name: 'Tổng số phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
        { code: 'USED', name: 'Số phòng đang sử dụng', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
        { code: 'FREE', name: 'Số phòng còn trống', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
      ],
      rules: [{ code: 'PHONG_TRONG', left: 'FREE', operator: '==', right: 'ROOMS - USED', message: 'Số phòng còn trống phải bằng tổng số phòng trừ số phòng đang sử dụng' }],
    });
    await reports.savePlace(undefined, { dataSet: DS, unitCode: '00004', code: 'KCL_KTX_A', name: 'Khu cách ly Ký túc xá A' });
    await reports.savePlace(undefined, { dataSet: DS, unitCode: '00082', code: 'KCL_NHA_B', name: 'Khu cách ly Nhà khách B' });
  }, 120_000);
  afterAll(async () => site?.close());

  it('the summary shows a ward’s report as soon as it is saved; the ward that did not report is reminded', async () => {
    // The supervisor's summary, open on a desk, with JavaScript (htmx keeps it live).
    const desk = await site.signIn('giamsat', { javaScript: true });
    await desk.setViewportSize(DESK);
    await desk.goto(`${site.base}/can-bo/bao-cao/tong-hop?bo=${DS}&ky=${DAY}&don-vi=01`);
    await expect.poll(() => desk.locator('[data-figure="reported"]').innerText()).toBe('0');

    // Phường Ba Đình enters the day's report on a phone, without JavaScript.
    const ctx = await site.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const phone = await signInStaff(ctx, site.base, 'quantri');
    await phone.goto(`${site.base}/can-bo/bao-cao/${DS}?ky=${DAY}`);
    expect(await phone.locator('h1').innerText()).toBe('Tình hình khu cách ly (thử)');
    await phone.getByLabel('Tổng số phòng').fill('40');
    await phone.getByLabel('Số phòng đang sử dụng').fill('31');
    await phone.getByLabel('Số phòng còn trống').fill('9');
    await phone.getByRole('button', { name: 'Lưu số liệu' }).click();
    await phone.waitForLoadState();
    expect(await phone.locator('.error-summary').count()).toBe(0);
    await phone.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
    await phone.waitForLoadState();
    // The phone's page fits its screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'report-ward-phone');

    // The supervisor's page has changed by itself: reported, completed, the place with its free rooms.
    await expect.poll(() => desk.locator('[data-figure="complete"]').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await desk.locator('[data-figure="reported"]').innerText()).toBe('1');
    const place = desk.locator('tr', { hasText: 'Khu cách ly Ký túc xá A' });
    await expect.poll(() => place.innerText()).toMatch(/40\s+31\s+9/);
    expect(await desk.locator('tr', { hasText: 'Phường Cửa Nam' }).first().innerText()).toContain('Chưa gửi');

    // 15:30: the deadline nears; the job reminds Phường Cửa Nam (and only it) through the outbox.
    clock.set(at('15:30'));
    const run = await site.env.services.reportReminders.run();
    expect(run.near).toBe(1);
    const outbox = await site.env.services.database.db.selectFrom('outbox').selectAll().where('event', '=', 'report_reminder').execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(new Set(outbox.map((m) => m.unit_code))).toEqual(new Set(['00082']));
    expect(outbox[0]!.body).toContain('Phường Cửa Nam chưa gửi');
    // And the summary shows when it was reminded, without a reload.
    await expect.poll(() => desk.locator('tr', { hasText: 'Phường Cửa Nam' }).first().innerText(), { timeout: 10_000 }).toContain(`15:30 ${dmy}`);
    await shot(desk, 'report-summary-desk');
    await ctx.close();
    await desk.context().close();
  }, 120_000);
});
