import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../src/dossier/workflow.testing';
import { routesOf } from '../src/shared/routes.testing';
import type { TestEnv } from '../src/shared/testing';
import { browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/** Every GET page of the workspace without a parameter, read from the router itself. */
function workspacePages(env: TestEnv): string[] {
  // Sign-in pages are before the workspace; the counter form needs a procedure (reached by the reception page's form).
  return routesOf(env.app)
    .filter((r) => r.startsWith('GET '))
    .map((r) => r.slice(4))
    .filter((p) => p.startsWith('/can-bo') && !p.includes(':') && !p.startsWith('/can-bo/dang-nhap') && p !== '/can-bo/tiep-nhan');
}

const ROLES = ['tiepnhan', 'chuyenvien', 'lanhdao', 'quantri', 'giamsat', 'tramyte'];

/**
 * Issue 9 (officials), on a 1366×768 desk screen in Chromium: every workspace page is reachable by
 * clicking from the menu every staff page shows (the assistant's hand-over inbox included), the
 * worklist is above the fold, and "Đăng xuất" shares the header line with the official's name.
 */
describe.skipIf(!browserAvailable())('the officials’ menu and frame in Chromium at 1366×768', () => {
  let site: StaffSite;
  let env: TestEnv;

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    env = site.env;
  });
  afterAll(async () => site?.close());

  const signIn = (username: string) => site.signIn(username);

  const links = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((as) => as.map((a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname, text: (a.textContent ?? '').trim() })));

  it('reaches every workspace page by clicking, from a menu every page shows', async () => {
    const reached = new Set<string>();
    for (const user of ROLES) {
      const page = await signIn(user);
      const menu = await links(page, 'nav.staff-menu a');
      expect(menu.length, user).toBeGreaterThan(1);
      // Every role reaches the assistant's hand-over inbox — but the health station, whose account
      // serves the vaccination reminders only (src/staff/staff.guard.ts).
      if (user === 'tramyte') expect(menu.map((m) => m.href), user).toEqual(['/can-bo/tiem-chung', '/can-bo/tiem-chung/lich']);
      else expect(menu.map((m) => m.href), user).toContain('/can-bo/tro-ly');
      for (const item of menu) {
        await page.locator('nav.staff-menu').getByRole('link', { name: item.text, exact: true }).click();
        await page.waitForLoadState();
        expect(new URL(page.url()).pathname, `${user}: ${item.text}`).toBe(item.href);
        // The page opened (not an error page) and wears the same menu, with itself marked.
        expect(await page.locator('h1').first().innerText(), `${user}: ${item.href}`).not.toMatch(/Không tìm thấy|Có lỗi|Yêu cầu chưa hợp lệ|không có quyền/i);
        expect(await page.locator('nav.staff-menu a[aria-current=page]').innerText(), `${user}: ${item.href}`).toBe(item.text);
        expect((await links(page, 'nav.staff-menu a')).map((m) => m.href), `${user}: ${item.href}`).toEqual(menu.map((m) => m.href));
        reached.add(item.href);
        for (const l of await links(page, 'a[href^="/can-bo"]')) reached.add(l.href);
      }
      // The header's own links.
      for (const l of await links(page, 'header a[href^="/can-bo"]')) reached.add(l.href);
      await page.context().close();
    }
    const missing = workspacePages(env).filter((p) => !reached.has(p));
    expect(missing).toEqual([]);
    // Six roles clicking every page of the workspace (more pages with each issue).
  }, 180_000);

  it('shows the worklist above the fold and signs out from the header line', async () => {
    const page = await signIn('lanhdao');
    const table = page.locator('main table').first();
    const box = await table.boundingBox();
    expect(box, 'the worklist table').not.toBeNull();
    // The head of the list and room for rows are on the first screen.
    expect(box!.y + 120).toBeLessThan(768);
    const header = (await page.locator('header.site').boundingBox())!;
    const out = (await page.getByRole('button', { name: 'Đăng xuất' }).boundingBox())!;
    const name = (await page.getByText('Lê Quang Huy', { exact: false }).first().boundingBox())!;
    expect(out.y).toBeGreaterThanOrEqual(header.y);
    expect(out.y + out.height).toBeLessThanOrEqual(header.y + header.height);
    expect(Math.abs(out.y + out.height / 2 - (name.y + name.height / 2))).toBeLessThan(12);
    // The page uses the width of the screen: the main column is wider than the old 960 px column.
    expect((await page.locator('main').boundingBox())!.width).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/can-bo\/dang-nhap/);
    await page.context().close();
  });

  it('puts the page before the menu on a phone, the menu one tap away from the header', async () => {
    // The admin has the longest menu (about 30 links); before, it filled the first screen and a
    // half on a 390×844 phone and the worklist began 1,216 px down.
    const page = await site.signIn('quantri', { phone: true });
    const title = (await page.locator('main h1').first().boundingBox())!;
    expect(title.y + title.height).toBeLessThan(844 / 3);
    expect((await page.locator('main table').first().boundingBox())!.y).toBeLessThan(844 * 1.5);
    const menu = page.locator('nav.staff-menu');
    expect((await menu.boundingBox())!.y).toBeGreaterThan(844);
    await page.getByRole('link', { name: '☰ Menu' }).click();
    expect(new URL(page.url()).hash).toBe('#menu-can-bo');
    const seen = await menu.evaluate((n) => n.getBoundingClientRect().top);
    expect(Math.abs(seen)).toBeLessThan(5);
    // No sideways scrolling on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // On the desk screen the header's jump link is not shown (the menu is beside the page).
    const desk = await site.signIn('quantri');
    expect(await desk.getByRole('link', { name: '☰ Menu' }).isVisible()).toBe(false);
    await desk.context().close();
    // The worklist's eight columns stay readable: the table scrolls sideways in its own box, the
    // page does not, and a dossier's code is never broken over two lines.
    await page.context().close();
    await new Desk(env).submitOnline('1.004746');
    const leader = await site.signIn('lanhdao', { phone: true });
    await leader.goto(`${site.base}/can-bo?tab=all`);
    const code = leader.locator('main table a[href^="/can-bo/ho-so/"]').first();
    expect(await code.evaluate((a) => a.getClientRects().length)).toBe(1);
    const box = leader.locator('main .table-scroll').first();
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await leader.context().close();
  });
});
