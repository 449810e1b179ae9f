import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, multipart, APPLICANT } from '../src/dossier/workflow.testing';
import type { TestEnv } from '../src/shared/testing';
import { axeViolations, browserAvailable, signInStaff } from './browser';
import { DESK, PHONE, screenshots, startStaffSite, type StaffSite } from './staff-site';

/**
 * A citizen on a 390×844 phone (issue 9): finds tracking and sign-in from every public page,
 * follows a dossier that owes a fee, downloads the electronic result, and never scrolls sideways
 * or has a button covered by the assistant's button. With JavaScript on and off.
 */

const PUBLIC_PAGES = [
  '/',
  '/dv/00004',
  '/dv/00004/linh-vuc/ho-tich',
  '/dv/00004/tim-kiem?q=khai+sinh',
  '/dv/00004/tim-kiem?q=chung+thuc',
  '/p/00004/1.001193',
  '/p/00004/2.000815',
  '/p/00004/1.004194',
  '/dv/00004/nha-van-hoa',
  '/tro-ly?dv=00004',
  '/tra-cuu',
  '/dang-nhap',
  '/khong-co-trang-nay',
];

describe.skipIf(!browserAvailable())('citizen journeys on a phone (issue 9)', () => {
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


  /** Links of a landmark by their names. */
  const linksIn = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) => els.flatMap((el) => Array.from(el.querySelectorAll("a")).map((a) => `${a.textContent!.trim()} ${a.getAttribute('href')}`)));

  async function signInCitizen(ctx: BrowserContext, phone: string): Promise<void> {
    const page = await ctx.newPage();
    await page.goto(`${base}/dang-nhap`);
    await page.getByLabel('Số điện thoại').fill(phone);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    const code = (await page.locator('.demo strong').innerText()).trim();
    await page.getByLabel('Mã xác thực').fill(code);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/ca-nhan/);
    await page.close();
  }

  for (const js of [true, false]) {
    it(`every public page links to tracking and sign-in in its header and footer, under the unit's name (JS ${js ? 'on' : 'off'})`, async () => {
      const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
      const page = await ctx.newPage();
      for (const url of ['/', '/p/00004/1.001193', '/dv/00004/tim-kiem?q=khai+sinh', '/tro-ly?dv=00004', '/tra-cuu', '/dang-nhap']) {
        await page.goto(`${base}${url}`);
        for (const where of ['header.site', 'footer.site']) {
          const links = await linksIn(page, where);
          expect(links, `${where} of ${url}`).toContain('Tra cứu hồ sơ /tra-cuu');
          expect(links, `${where} of ${url}`).toContain('Đăng nhập /dang-nhap');
        }
        expect(await page.locator('header.site .brand-name').innerText(), url).toBe('Phường Ba Đình');
        expect(await page.title(), url).not.toMatch(/^motcua/);
      }
      // Tracking is one tap away from the home page.
      await page.goto(`${base}/`);
      await page.locator('header.site').getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
      await page.waitForURL(/\/tra-cuu$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Tra cứu hồ sơ');

      // Signed in, the same pages (cached ones included) offer "Hồ sơ của tôi" instead.
      await signInCitizen(ctx, js ? '0987000001' : '0987000002');
      for (const url of ['/', '/p/00004/1.001193', '/dv/00004/tim-kiem?q=khai+sinh', '/tro-ly?dv=00004', '/tra-cuu']) {
        await page.goto(`${base}${url}`);
        for (const where of ['header.site', 'footer.site']) {
          const links = await linksIn(page, where);
          expect(links, `${where} of ${url}`).toContain('Hồ sơ của tôi /ca-nhan');
          expect(links, `${where} of ${url}`).not.toContain('Đăng nhập /dang-nhap');
        }
      }
      await page.locator('header.site').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      await page.waitForURL(/\/ca-nhan$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hồ sơ của tôi');
      await ctx.close();
    });
  }

  it('/favicon.ico is an icon', async () => {
    const r = await fetch(`${base}/favicon.ico`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/x-icon');
    const b = Buffer.from(await r.arrayBuffer());
    expect(b.readUInt16LE(2)).toBe(1); // ICO type
    expect(b.readUInt16LE(4)).toBeGreaterThan(0);
  });

  for (const js of [true, false]) {
    it(`no page scrolls sideways at 390 px and the assistant's button covers nothing (JS ${js ? 'on' : 'off'})`, async () => {
      const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
      const page = await ctx.newPage();
      const d = await desk.submitOnline('1.004194');
      for (const url of [...PUBLIC_PAGES, `/ho-so/${d.code}?t=${env.services.dossiers.token(d.code)}`]) {
        await page.goto(`${base}${url}`);
        // Every page's header names the unit, never the software.
        expect(await page.locator('header.site .brand-name').innerText(), url).toBe('Phường Ba Đình');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `scrollWidth of ${url}`).toBeLessThanOrEqual(390);
        // At the top, half-way and at the bottom of the page: the button never lies over a link,
        // a button, a field, the fee or the VietQR code.
        for (const at of [0, 0.5, 1]) {
          const covered = await page.evaluate((frac) => {
            window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * frac);
            const fab = document.querySelector('.as-fab');
            if (!fab) return [];
            const f = fab.getBoundingClientRect();
            const targets = Array.from(document.querySelectorAll('main a, main button, main input, main select, main textarea, main .qr, main .fee, main .next-step, main .result-box')).filter((el) => el !== fab && !fab.contains(el));
            return targets
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.left < f.right && r.right > f.left && r.top < f.bottom && r.bottom > f.top;
              })
              .map((el) => `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 40)}`);
          }, at);
          expect(covered, `${url} scrolled to ${at * 100}%`).toEqual([]);
        }
        if (url === PUBLIC_PAGES[0]) await shot(page, `layout-home-js-${js}`);
      }
      await ctx.close();
    });
  }

  for (const js of [true, false]) it(`the assistant’s choice chips wrap inside their pill on a phone (JS ${js ? 'on' : 'off'})`, async () => {
    const page = await browser.newPage({ ...PHONE, javaScriptEnabled: js });
    await page.goto(`${base}/tro-ly?dv=00004`);
    await page.getByRole('textbox').first().fill('chứng thực');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('.as-chip').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const chips = await page.locator('.as-chip').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
        return { text: el.textContent!.trim().slice(0, 30), overflow: el.scrollWidth - el.clientWidth, right: r.right, lines: Math.round((el.clientHeight - 8) / lineHeight), radius: parseFloat(getComputedStyle(el).borderTopLeftRadius) };
      }),
    );
    // Procedure names are long: at least one chip needs more than one line on a phone.
    expect(chips.some((c) => c.text.length >= 30)).toBe(true);
    for (const c of chips) {
      expect(c.overflow, c.text).toBeLessThanOrEqual(0);
      expect(c.right, c.text).toBeLessThanOrEqual(390);
      // A pill of two or three lines keeps its text off its rounded ends.
      if (c.lines > 1) expect(c.radius, c.text).toBeLessThanOrEqual(20);
    }
    expect(chips.some((c) => c.lines > 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, `assistant-chips-js-${js}`);
    await page.close();
  });

  for (const js of [true, false]) it(`says the time of certification, the fee of an identity card, and each fact once (JS ${js ? 'on' : 'off'})`, async () => {
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
    const page = await ctx.newPage();
    for (const url of ['/', '/dv/00004/linh-vuc/chung-thuc', '/p/00004/2.000815', '/p/00004/2.000884', '/dv/00004/nha-van-hoa', '/dv/00004/bang-tin', '/p/00004/1.014061']) {
      await page.goto(`${base}${url}`);
      const text = await page.locator('body').innerText();
      expect(text, url).not.toContain('Không có thông tin về thời hạn');
      expect(text, url).not.toContain('không ghi lệ phí');
      expect(text, url).not.toMatch(/(\d+ ngày làm việc) \(\1/);
    }
    await page.goto(`${base}/p/00004/2.000815`);
    expect(await page.locator('body').innerText()).toContain('Trong ngày tiếp nhận');
    await page.goto(`${base}/p/00004/1.001193`);
    const time = await page.locator('li', { hasText: 'Nộp trực tiếp:' }).first().innerText();
    expect(time).toContain('1 ngày làm việc');
    expect(time).not.toMatch(/1 ngày làm việc \(1 ngày làm việc/);
    // The TV's first slide.
    await page.goto(`${base}/dv/00004/bang-tin?i=0`);
    expect(await page.locator('body').innerText()).not.toContain('không ghi lệ phí');
    await ctx.close();
  });

  for (const js of [true, false]) {
    it(`the assistant says how long a certification takes, and a card shows the online fee beside the counter's (JS ${js ? 'on' : 'off'})`, async () => {
      const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
      const page = await ctx.newPage();
      await page.goto(`${base}/tro-ly?dv=00004`);
      await page.getByLabel('Câu hỏi của bạn').fill('chứng thực chữ ký mất bao lâu');
      await page.getByRole('button', { name: 'Gửi' }).click();
      const answer = page.locator('.as-bot').last();
      await expect.poll(() => answer.innerText(), { timeout: 10_000 }).toContain('Thời hạn giải quyết');
      const text = await answer.innerText();
      expect(text).toMatch(/chứng thực chữ ký/i);
      expect(text).toMatch(/trong ngày/i);
      expect(text).not.toMatch(/không có thông tin/i);
      // The search card: the fee of the web (where the citizen is) first, the counter's beside it.
      await page.goto(`${base}/dv/00004/tim-kiem?q=dang+ky+thuong+tru`);
      expect(await page.locator('.plist li', { hasText: 'Đăng ký thường trú' }).first().innerText()).toContain('Phí: 10.000 đ nếu nộp trực tuyến (20.000 đ tại quầy)');
      await ctx.close();
    });
  }

  for (const js of [true, false]) it(`tracking shows every step of the citizen, no internal note, and the fee to pay before anything else (JS ${js ? 'on' : 'off'})`, async () => {
    const d = await desk.submitOnline('1.004194'); // online temporary residence: 7.000 đồng
    const code = d.code as string;
    const track = `${base}/ho-so/${code}?t=${env.services.dossiers.token(code)}`;
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
    const page = await ctx.newPage();
    await page.goto(track);
    const next = page.locator('.next-step');
    expect(await next.innerText()).toContain('Bạn cần nộp 7.000 đồng');
    expect(await page.locator('body').innerText()).not.toContain('Không cần làm gì thêm');
    // Submitted once: the step says so once, without repeating itself as a comment.
    const first = await page.locator('.timeline li').first().innerText();
    expect(first.match(/Nộp hồ sơ trực tuyến/g)).toHaveLength(1);

    await desk.ok(code, 'tiepnhan', { type: 'accept', comment: 'GHI CHÚ NỘI BỘ: xem kỹ hợp đồng thuê nhà' });
    await desk.ok(code, 'tiepnhan', { type: 'forward', comment: 'NỘI BỘ: chuyển anh Minh' });
    await desk.ok(code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien', comment: 'NỘI BỘ: ưu tiên' });
    await page.goto(track);
    const timeline = await page.locator('.timeline').innerText();
    expect(timeline).toContain('Bộ phận một cửa tiếp nhận hồ sơ');
    expect(timeline).toContain('Đang giải quyết');
    expect(timeline).toContain('Ngày hẹn trả kết quả');
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/NỘI BỘ/);
    expect(await next.innerText()).toContain('Bạn cần nộp 7.000 đồng');
    // The JSON the citizen gets carries no comment either.
    const json = await (await fetch(`${base}/api/dossiers/${code}?phone=${APPLICANT.phone}`)).json();
    expect(JSON.stringify(json)).not.toMatch(/NỘI BỘ/);
    expect(json.steps.map((s: any) => s.label)).toContain('Đang giải quyết');
    expect(json.nextStep.text).toContain('7.000 đồng');
    await shot(page, `tracking-fee-js-${js}`);
    // axe runs in the page's JavaScript.
    if (js) expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('the electronic result is downloaded from the tracking page once ready, with the tracking proof only', async () => {
    const d = await desk.submitOnline('1.001193');
    const code = d.code as string;
    const token = env.services.dossiers.token(code);
    const resultUrl = (q: string) => `${base}/ho-so/${code}/ket-qua${q}`;
    await desk.ok(code, 'tiepnhan', { type: 'accept' });
    await desk.ok(code, 'tiepnhan', { type: 'forward' });
    await desk.ok(code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
    await desk.ok(code, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
    await desk.ok(code, 'lanhdao', { type: 'approve' });

    // Not before it is ready, even with the right proof.
    const early = await fetch(resultUrl(`?t=${token}`));
    expect(early.status).toBe(404);
    expect(await early.text()).toContain('chưa có kết quả');
    const pageBefore = await browser.newPage(PHONE);
    await pageBefore.goto(`${base}/ho-so/${code}?t=${token}`);
    expect(await pageBefore.getByRole('link', { name: 'Tải kết quả' }).count()).toBe(0);
    await pageBefore.close();

    // A one-page PDF: the unit signs it on the way in (src/signing), so the citizen gets the signed file.
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.setTitle('Giấy khai sinh');
    const uploaded = Buffer.from(await doc.save());
    const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
    const mp = multipart([
      { name: 'type', value: 'mark_result_ready' },
      { name: 'file', value: uploaded, filename: 'giay-khai-sinh.pdf', type: 'application/pdf' },
    ]);
    const ready = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: mp.body, headers: { ...mp.headers, authorization: `Bearer ${login.json().token}` } });
    expect(ready.statusCode, ready.body).toBe(200);
    const signed = Buffer.from(await (await fetch(resultUrl(`?t=${token}`))).arrayBuffer());
    expect(signed.subarray(0, 5).toString()).toBe('%PDF-');
    expect(signed.includes('/ByteRange')).toBe(true);

    // A wrong proof answers like a dossier that does not exist.
    for (const q of ['', '?t=AAAAAAAAAAAAAAAAAAAAAA', '?phone=0999999999', `?t=${env.services.dossiers.token(`${code.slice(0, -1)}9`)}`]) {
      const r = await fetch(resultUrl(q));
      expect(r.status, q).toBe(404);
      expect(Buffer.from(await r.arrayBuffer()).includes(signed)).toBe(false);
    }

    for (const js of [true, false]) {
      // Code and phone typed on /tra-cuu, then the button on the tracking page.
      const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js, acceptDownloads: true });
      const page = await ctx.newPage();
      await page.goto(`${base}/tra-cuu`);
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByLabel('Số điện thoại đã dùng khi nộp').fill(APPLICANT.phone);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.waitForURL(new RegExp(`/ho-so/${code}`));
      expect(await page.locator('.next-step').innerText()).toContain('tải kết quả điện tử');
      await shot(page, `tracking-result-js-${js}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả' }).click()]);
      expect(download.suggestedFilename()).toBe('giay-khai-sinh.pdf');
      expect(fs.readFileSync((await download.path())!)).toEqual(signed);
      await ctx.close();
    }
    // The phone as proof, and the citizen's own session.
    expect((await fetch(resultUrl(`?phone=${APPLICANT.phone}`))).status).toBe(200);
    const ctx = await browser.newContext({ ...PHONE, acceptDownloads: true });
    await signInCitizen(ctx, APPLICANT.phone);
    const r = await ctx.request.get(resultUrl(''));
    expect(r.status()).toBe(200);
    expect(Buffer.from(await r.body())).toEqual(signed);
    await ctx.close();
  });

  it('staff find the procedures with missing data from the admin menu', async () => {
    const ctx = await browser.newContext({ viewport: DESK });
    const page = await signInStaff(ctx, base, 'quantri');
    await page.getByRole('link', { name: 'Độ đầy đủ dữ liệu' }).click();
    await page.waitForURL(/\/can-bo\/quan-tri\/do-day-du$/);
    const rows = page.locator('table.completeness tbody tr');
    const text = await page.locator('table.completeness').innerText();
    // The record that still gives no time ("Cổng quốc gia không ghi thời hạn") is listed with its gap…
    expect(text).toContain('Thủ tục xác nhận thông tin hộ tịch');
    expect(await rows.filter({ hasText: '2.002516' }).innerText()).toMatch(/Thời hạn giải quyết:.*Chưa có số ngày/);
    // …and the completed certification records are not.
    expect(text).not.toContain('2.000815');
    expect(text).not.toContain('1.014061');
    await shot(page, 'staff-completeness');
    expect(await axeViolations(page)).toEqual([]);
    // The row leads to the unit's own settings of the procedure, where fees and forms are added.
    await rows.filter({ hasText: '2.002516' }).getByRole('link', { name: 'Thủ tục xác nhận thông tin hộ tịch' }).click();
    await page.waitForURL(/\/can-bo\/quan-tri\/danh-muc\/2\.002516$/);
    // A receptionist is not let in.
    const other = await browser.newContext();
    const rp = await signInStaff(other, base, 'tiepnhan');
    const r = await rp.goto(`${base}/can-bo/quan-tri/do-day-du`);
    expect(r!.status()).toBe(403);
    await other.close();
    await ctx.close();
  });

  it('the unit admin chooses the essential procedures that the village-hall page prints', async () => {
    const ctx = await browser.newContext({ viewport: DESK });
    const page = await signInStaff(ctx, base, 'quantri');
    const hallCount = async () => {
      const p = await browser.newPage(PHONE);
      await p.goto(`${base}/dv/00004/nha-van-hoa`);
      const names = await p.locator('.hall h2').allInnerTexts();
      await p.close();
      return names;
    };
    expect(await hallCount()).toHaveLength(25);
    await page.getByRole('link', { name: 'Thủ tục thiết yếu (nhà văn hóa)' }).click();
    await page.waitForURL(/\/can-bo\/quan-tri\/thiet-yeu$/);
    expect(await page.locator('input[name=chon]:checked').count()).toBe(25);
    // Add land-dispute mediation, remove the household business.
    await page.getByLabel(/Hòa giải tranh chấp đất đai/).check();
    await page.getByLabel(/Đăng ký thành lập hộ kinh doanh/).uncheck();
    await page.getByLabel(/Công nhận hộ nghèo, hộ cận nghèo/).check();
    await page.getByRole('button', { name: 'Lưu danh sách thiết yếu' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Đã lưu: 26 thủ tục thiết yếu');
    const names = await hallCount();
    expect(names).toHaveLength(26);
    expect(names.join('\n')).toContain('Hòa giải tranh chấp đất đai');
    expect(names.join('\n')).not.toContain('Đăng ký thành lập hộ kinh doanh');
    // Commitments and the unit's own settings stay as they were.
    const admin = await desk.inject({ method: 'GET', url: '/api/admin/catalog', headers: { cookie: await desk.cookie('quantri') } });
    const tt = admin.json().items.find((e: any) => e.procedureCode === '1.004222');
    expect(tt.commitment).toEqual({ value: 5, unit: 'working_days' });
    expect(admin.json().items).toHaveLength(54);
    await ctx.close();
  });
});
