import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser';
import { PHONE, startStaffSite, type StaffSite } from './staff-site';

/**
 * The counter queue in a real browser (issue 13): the kiosk (a tablet), the counter official's
 * screen, the TV display and the citizen's live page on a phone, open together. A priority ticket
 * taken after two normal ones is called first, and every page shows it within a second. A display
 * and a kiosk that lose the network say so and come back by themselves. The unit's leader sets the
 * queue up from the staff menu.
 */
const TABLET = { viewport: { width: 800, height: 1280 }, hasTouch: true };
const TV = { viewport: { width: 1920, height: 1080 } };

describe.skipIf(!browserAvailable())('the counter queue in a browser (issue 13)', () => {
  let site: StaffSite;
  let base: string;

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    base = site.base;
    await site.env.services.queue.seedDemo('00004');
    // The real clock: open until late so the test runs at any hour.
    await site.env.services.queue.saveSettings('00004', { closingTime: '23:59' });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('kiosk, counter, display and the live page: a priority ticket after two normal ones is called first and shown everywhere within a second', async () => {
    const { browser } = site;
    const kiosk = await (await browser.newContext(TABLET)).newPage();
    const display = await (await browser.newContext(TV)).newPage();
    const phone = await (await browser.newContext(PHONE)).newPage();
    const counter = await site.signIn('tiepnhan', { javaScript: true });

    await display.goto(`${base}/dv/00004/hang-cho/man-hinh`);
    // The counter screen is reached from the staff menu.
    await counter.getByRole('link', { name: 'Gọi số tại quầy' }).first().click();
    await counter.waitForURL(/\/can-bo\/hang-cho/);
    await counter.getByRole('link', { name: /Quầy 1/ }).click();

    // Two normal tickets, then a priority one, at the kiosk.
    const take = async (priority?: string) => {
      await kiosk.goto(`${base}/dv/00004/lay-so`);
      if (priority) await kiosk.getByLabel(priority).check();
      await kiosk.getByRole('button', { name: /Hộ tịch – chứng thực/ }).click();
      await kiosk.waitForURL(/\/dv\/00004\/lay-so\/[A-Za-z0-9_-]{22}/);
      return { id: kiosk.url().split('/').pop()!.split('?')[0]!, number: (await kiosk.locator('#q-number').textContent())!.trim() };
    };
    const n1 = await take();
    const n2 = await take();
    const p = await take('Người cao tuổi');
    expect([n1.number, n2.number, p.number]).toEqual(['A-001', 'A-002', 'A-003']);
    await expect(kiosk.getByText('Ưu tiên: Người cao tuổi').isVisible()).resolves.toBe(true);
    expect(await kiosk.locator('.qr svg').count()).toBe(1);

    // The citizen follows the priority ticket on a phone (the slip's QR leads there).
    await phone.goto(`${base}/hang-cho/${p.id}`);
    await expect(phone.locator('#q-msg').textContent()).resolves.toContain('Bạn là người tiếp theo');
    // Let the streams open before the call.
    await display.waitForFunction(() => document.getElementById('q-net')?.className === 'net', undefined, { timeout: 5000 });
    await counter.reload();
    await phone.waitForTimeout(500);

    // Every open page shows the call by itself (no reload); how fast is measured by bench:queue, not here.
    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await Promise.all([
      counter.waitForFunction((n) => document.getElementById('q-current-number')?.textContent?.trim() === n, p.number, { timeout: 10_000 }),
      display.waitForFunction((n) => document.querySelector('tr[data-counter="1"] td.no')?.textContent?.startsWith(n) ?? false, p.number, { timeout: 10_000 }),
      phone.waitForFunction(() => document.getElementById('q-msg')?.textContent?.includes('Đến lượt bạn — quầy 1') ?? false, undefined, { timeout: 10_000 }),
    ]);
    // The official sees that it is a priority ticket; the display marks it too.
    await expect(counter.locator('#q-current').textContent()).resolves.toContain('Ưu tiên: Người cao tuổi');
    await expect(display.locator('tr[data-counter="1"]').textContent()).resolves.toContain('Ưu tiên');
    // Then the normal ones in the order they were taken.
    await counter.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await counter.waitForFunction((n) => document.getElementById('q-current-number')?.textContent?.trim() === n, n1.number, { timeout: 3000 });
    await display.waitForFunction((n) => document.querySelector('tr[data-counter="1"] td.no')?.textContent?.startsWith(n) ?? false, n1.number, { timeout: 3000 });
    await phone.waitForFunction(() => document.getElementById('q-msg')?.textContent?.includes('Đã phục vụ xong') ?? false, undefined, { timeout: 3000 });
    for (const pg of [kiosk, display, phone, counter]) await pg.context().close();
  }, 120_000);

  it('a display and a kiosk that lose the network show "Mất kết nối" and recover by themselves', async () => {
    const { browser, env } = site;
    const tv = await browser.newContext(TV);
    const tablet = await browser.newContext(TABLET);
    const display = await tv.newPage();
    const kiosk = await tablet.newPage();
    await display.goto(`${base}/dv/00004/hang-cho/man-hinh`);
    await kiosk.goto(`${base}/dv/00004/lay-so`);
    const banner = (page: typeof display) => page.locator('#q-net');
    await display.waitForTimeout(500);
    expect(await banner(display).isVisible()).toBe(false);
    expect(await banner(kiosk).isVisible()).toBe(false);

    // The network goes: the browser is offline and the server's end of every stream is cut.
    await tv.setOffline(true);
    await tablet.setOffline(true);
    env.app.server.closeAllConnections();
    await banner(display).waitFor({ state: 'visible', timeout: 8000 });
    await expect(banner(display).textContent()).resolves.toContain('Mất kết nối');
    await banner(kiosk).waitFor({ state: 'visible', timeout: 8000 });
    await expect(banner(kiosk).textContent()).resolves.toContain('Mất kết nối');
    // The kiosk refuses taps while it cannot reach the server.
    expect(await kiosk.getByRole('button', { name: /Hộ tịch – chứng thực/ }).isDisabled()).toBe(true);
    // A call made while the display is cut off…
    const t = await env.services.queue.takeTicket({ unitCode: '00004', service: 'dat-dai', source: 'web' });
    await env.services.queue.callNext({ id: 'x', fullName: 'Cán bộ', unitCode: '00004' }, '3');

    // …is on the display once the network is back, without anyone touching it.
    await tv.setOffline(false);
    await tablet.setOffline(false);
    await banner(display).waitFor({ state: 'hidden', timeout: 10_000 });
    await display.waitForFunction((n) => document.querySelector('tr[data-counter="3"] td.no')?.textContent?.startsWith(n) ?? false, t.number, { timeout: 5000 });
    await banner(kiosk).waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await kiosk.getByRole('button', { name: /Hộ tịch – chứng thực/ }).isEnabled()).toBe(true);
    await tv.close();
    await tablet.close();
  }, 60_000);

  it('the leader sets the queue up from the staff menu: a new counter and the priority order reach the kiosk', async () => {
    const page = await site.signIn('lanhdao');
    await page.getByRole('link', { name: 'Cài đặt hàng chờ' }).click();
    await page.waitForURL(/\/can-bo\/hang-cho\/cai-dat$/);
    await expect(page.getByRole('heading', { name: 'Cài đặt hàng chờ', level: 1 }).isVisible()).resolves.toBe(true);

    // A counter without a service is refused with the reason, the code typed is kept.
    const add = page.locator('#c-new');
    await add.getByLabel('Mã quầy (ví dụ 4)').fill('5');
    await add.getByRole('button', { name: 'Thêm quầy' }).click();
    await expect(page.locator('#c-new [role="alert"]').textContent()).resolves.toContain('Chọn ít nhất một dịch vụ quầy phục vụ.');
    await expect(page.locator('#c-new').getByLabel('Mã quầy (ví dụ 4)').inputValue()).resolves.toBe('5');
    await page.locator('#c-new').getByLabel(/Cư trú – căn cước/).check();
    await page.locator('#c-new').getByRole('button', { name: 'Thêm quầy' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã lưu quầy');
    await expect(page.locator('#c-5 h3').textContent()).resolves.toBe('Quầy 5');

    // "Người khuyết tật" moved to the top of the kiosk's list.
    await page.getByLabel('Thứ tự dòng 1').fill('2');
    await page.getByLabel('Thứ tự dòng 2').fill('1');
    await page.getByRole('button', { name: 'Lưu cài đặt ưu tiên' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã lưu cài đặt ưu tiên');
    const kiosk = await (await site.browser.newContext(TABLET)).newPage();
    await kiosk.goto(`${base}/dv/00004/lay-so`);
    const labels = await kiosk.locator('.prio label').allTextContents();
    expect(labels.map((l) => l.trim()).slice(0, 3)).toEqual(['Không ưu tiên', 'Người khuyết tật', 'Người cao tuổi']);
    await kiosk.context().close();
    await page.context().close();
  }, 60_000);
});
