import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoHistory } from '../src/demo';
import { travelClock } from '../src/shared/clock';
import { openPdf, pageTexts } from '../src/shared/pdf.testing';
import { axeViolations, browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 11 in Chromium: a leader opens the unit's indicators from the menu, clicks the "on time"
 * figure and sees the dossiers behind it; the Excel and PDF downloads hold the page's figures,
 * which are the API's. The public results page reads on a 390×844 phone without JavaScript.
 */
/** Words of the matched elements that the browser split over two lines. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const broken: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index!);
          r.setEnd(n, m.index! + m[0].length);
          const tops = new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

describe.skipIf(!browserAvailable())('indicator dashboards in Chromium', () => {
  let site: StaffSite;
  const clock = travelClock();
  let period = '';

  beforeAll(async () => {
    site = await startStaffSite('sqlite', { clock, env: { DEMO: 'on' } });
    const until = new Date();
    await writeDemoHistory({ ...site.env.services, vnpay: site.env.config.payments.vnpay }, clock, { until, months: 1, perDay: { '00004': 3, '00082': 2 } });
    clock.resume();
    period = site.env.services.dashboards.currentMonth();
  }, 240_000);
  afterAll(async () => site?.close());

  it('a leader opens the dashboard, clicks "on time" and sees its dossiers; the exports hold the same figures', async () => {
    const api = await (await fetch(`${site.base}/api/indicators?unit=00004&period=${period}`)).json();
    const onTime = api.groups.find((g: any) => g.key === 'progress').indicators.find((i: any) => i.key === 'on_time_rate');
    const page = await site.signIn('lanhdao');
    await page.locator('nav.staff-menu').getByRole('link', { name: 'Chỉ số của đơn vị', exact: true }).click();
    await page.waitForURL(/\/can-bo\/chi-so$/);
    expect(await page.locator('h1').innerText()).toContain('Phường Ba Đình');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(3);
    const figure = page.locator('[data-figure="on_time_rate:numerator"]');
    expect(await figure.innerText()).toBe(onTime.numerator.toLocaleString('vi-VN'));
    await figure.click();
    await page.waitForURL(/\/can-bo\/chi-so\/ho-so/);
    expect(await page.locator('h1').innerText()).toBe('Hồ sơ tạo nên con số');
    expect(await page.locator('[data-figure="drill-total"]').innerText()).toBe(`${onTime.numerator.toLocaleString('vi-VN')} hồ sơ`);
    const rows = page.locator('table.dash tbody tr');
    expect(await rows.count()).toBe(Math.min(50, onTime.numerator));
    // A dossier of the list opens, marked as demo data.
    if (onTime.numerator > 0) {
      await rows.first().locator('a').first().click();
      await page.waitForURL(/\/can-bo\/ho-so\//);
      expect(await page.locator('h1').innerText()).toContain('Dữ liệu mẫu');
      await page.goBack();
    }

    // Back on the dashboard: the groups table's Excel and PDF, as a leader downloads them.
    await page.goto(`${site.base}/can-bo/chi-so`);
    // Figures and column titles never break inside a word ("18,7|5", "Điể|m"); the text columns'
    // titles are aligned like their cells; the time of the figures reads hh:mm dd/mm/yyyy.
    expect(await brokenWords(page, 'table.dash th, table.dash td.num')).toEqual([]);
    expect(await page.locator('#bang-nhom').locator('xpath=..').locator('th').nth(1).evaluate((th) => getComputedStyle(th).textAlign)).not.toBe('right');
    expect(await page.locator('.dash-head .note').innerText()).toMatch(/đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./);
    const xlsxHref = await page.locator('#bang-nhom').locator('xpath=..').getByRole('link', { name: 'Excel' }).getAttribute('href');
    const pdfHref = await page.locator('#bang-nhom').locator('xpath=..').getByRole('link', { name: 'PDF' }).getAttribute('href');
    const xlsx = await page.context().request.get(site.base + xlsxHref!);
    expect(xlsx.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    const row = values.find((r) => r[1] === onTime.name)!;
    expect(row.slice(2, 4)).toEqual([onTime.numerator, onTime.denominator]);
    expect(row[4]).toBe(onTime.rate);
    // The page shows the same numbers in its table.
    const pageRow = page.locator('table.dash tr', { hasText: onTime.name });
    expect(await pageRow.locator('td').nth(2).innerText()).toBe(onTime.numerator.toLocaleString('vi-VN'));
    const pdf = await page.context().request.get(site.base + pdfHref!);
    const text = (await pageTexts(await openPdf(Buffer.from(await pdf.body())))).join('\n');
    expect(text).toContain(onTime.name.slice(0, 20));
    expect(text).toContain(await pageRow.locator('td').nth(4).innerText());
    await page.context().close();
  });

  it('the public results page reads on a phone without JavaScript, with no accessibility violations', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${site.base}/dv/00004`);
    await page.getByRole('link', { name: 'Kết quả giải quyết thủ tục hành chính' }).first().click();
    await page.waitForURL(/ket-qua-giai-quyet/);
    expect(await page.locator('h1').innerText()).toBe('Kết quả giải quyết thủ tục hành chính');
    const api = await (await fetch(`${site.base}/api/indicators?unit=00004&period=${period}`)).json();
    const online = api.groups.find((g: any) => g.key === 'online').indicators[0];
    expect(await page.locator('[data-figure="received"]').first().innerText()).toBe(online.denominator.toLocaleString('vi-VN'));
    // Nothing wider than the phone; every label keeps a readable width beside its long figure
    // ("170/469 hồ sơ có phí (36,25%)" used to squeeze "Thanh toán…" to a letter a line).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const narrow = await page.locator('.results-list dt').evaluateAll((dts) => dts.filter((d) => d.getBoundingClientRect().width < 96).map((d) => d.textContent));
    expect(narrow).toEqual([]);
    expect(await brokenWords(page, '.results-list dt')).toEqual([]);
    expect(await page.locator('main').innerText()).toMatch(/cập nhật đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./);
    await ctx.close();
    const js = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p2 = await js.newPage();
    await p2.goto(`${site.base}/dv/00004/ket-qua-giai-quyet`);
    expect(await axeViolations(p2)).toEqual([]);
    await js.close();
  });
});
