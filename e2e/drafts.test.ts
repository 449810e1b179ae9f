import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestEnv } from '../src/shared/testing';
import { axeViolations, browserAvailable, fillEForm, scanPdf } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/**
 * The online form on a phone (390 × 844), with JavaScript and without: papers uploaded once are
 * kept through errors, one error summary lists every problem, the e-form replaces the paper
 * declaration, only the chosen case's papers are asked, and a draft is saved and resumed — by an
 * anonymous citizen through an SMS link (after a one-time code), by a signed-in one from
 * "Hồ sơ của tôi". Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

for (const engine of engines()) {
  describe.skipIf(!browserAvailable())(`online form: drafts, errors, cases in Chromium [${engine}]`, () => {
    let site: StaffSite;
    let env: TestEnv;
    let browser: Browser;
    let base: string;
    const scan = scanPdf();
    const proxy = scanPdf('uy-quyen.pdf', 'uy quyen');

    beforeAll(async () => {
      site = await startStaffSite(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
      ({ env, browser, base } = site);
    });
    afterAll(() => site?.close());

    /** The last SMS to a phone, from the outbox (the fake gateway's view). */
    async function lastSms(phone: string, event: string): Promise<string> {
      const rows = await env.services.database.db.selectFrom('outbox').select(['body', 'created_at']).where('recipient', '=', phone).where('event', '=', event).orderBy('created_at', 'desc').execute();
      expect(rows.length, `SMS ${event} tới ${phone}`).toBeGreaterThan(0);
      return rows[0]!.body;
    }
    const otpOf = async (phone: string) => /(\d{6})/.exec(await lastSms(phone, 'otp'))![1]!;
    /** Waits for the code box (the SMS is queued with the page's answer), then types the code. */
    async function typeOtp(page: Page, phone: string) {
      await page.getByLabel('Mã xác thực').waitFor();
      await page.getByLabel('Mã xác thực').fill(await otpOf(phone));
    }

    async function filesOf(code: string) {
      const d = await env.services.dossiers.findByCode(code);
      return (await env.services.dossiers.view(d!)).files;
    }

    /** axe needs the page's JavaScript; the same pages are checked in the JS-on runs. */
    const axeOk = async (page: Page, js: boolean) => {
      if (js) expect(await axeViolations(page)).toEqual([]);
    };
    const uploadLabels = (page: Page) => page.locator('fieldset.uploads:visible label').allInnerTexts();

    for (const js of [true, false]) {
      it(`JS ${js ? 'on' : 'off'}: keeps the uploaded paper through errors, shows one summary, asks only the chosen case's papers, not the declaration`, { timeout: 240_000 }, async () => {
        const ctx: BrowserContext = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const page = await ctx.newPage();
        const phone = js ? '0912000001' : '0912000002';
        await page.goto(`${base}/p/00004/1.001193/nop-truc-tuyen`);
        if (!js) {
          // Without JS, first the case: the papers depend on it.
          expect(await page.locator('main').innerText()).toContain('Bước 1 trên 2');
          expect(await page.locator('input[type=file]:visible').count()).toBe(0);
          // "Tiếp tục" with no case chosen says so, instead of showing the same step again.
          await page.getByRole('button', { name: 'Tiếp tục' }).click();
          await page.waitForURL(/chon=1/);
          expect(await page.locator('.error-summary').innerText()).toContain('Chọn trường hợp của bạn');
          await page.getByRole('radio', { name: 'Ủy quyền cho người khác đi đăng ký' }).check();
          await page.getByRole('button', { name: 'Tiếp tục' }).click();
          await page.waitForURL(/truong-hop=uy-quyen/);
        } else {
          // With JS, no separate step: the general papers at once, no case's papers until one is chosen.
          expect(await page.locator('main').innerText()).not.toContain('Bước 1 trên 2');
          const general = (await uploadLabels(page)).join('\n');
          expect(general).toContain('Giấy chứng sinh');
          expect(general).not.toContain('Văn bản ủy quyền');
          await axeOk(page, js);
          // Sent without a case: the one summary says so, with a link to the choice.
          await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
          await page.waitForURL(/nop-truc-tuyen$/);
          expect(await page.locator('.error-summary a[href="#case-none"]').innerText()).toContain('Chọn trường hợp của bạn');
          expect(await page.getByRole('radio', { name: 'Không thuộc các trường hợp riêng dưới đây' }).isChecked()).toBe(false);
          await page.getByRole('radio', { name: 'Ủy quyền cho người khác đi đăng ký' }).check();
        }
        await axeOk(page, js);

        const labels = await uploadLabels(page);
        // The e-form is the declaration: no upload slot for it, a note instead.
        expect(labels.join('\n')).not.toContain('Tờ khai đăng ký khai sinh');
        expect(await page.locator('.replaced').innerText()).toContain('Tờ khai đăng ký khai sinh');
        expect(labels.some((l) => l.startsWith('Văn bản ủy quyền') && l.includes('(bắt buộc)'))).toBe(true);
        expect(labels.join('\n')).not.toContain('trẻ bị bỏ rơi');
        expect(labels.join('\n')).not.toContain('mang thai hộ');
        if (js) {
          // Live: another case shows its papers and hides the others'.
          await page.getByRole('radio', { name: 'Trẻ bị bỏ rơi' }).check();
          const other = (await uploadLabels(page)).join('\n');
          expect(other).toContain('Biên bản về việc trẻ bị bỏ rơi');
          expect(other).not.toContain('Văn bản ủy quyền');
          await page.getByRole('radio', { name: 'Ủy quyền cho người khác đi đăng ký' }).check();
        }

        await page.getByLabel('Họ và tên').first().fill('Trần Thị Bình');
        await page.getByLabel('Số điện thoại').first().fill('123');
        await page.locator('#up-chung-1').setInputFiles(scan);
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        await page.waitForLoadState();

        // One summary, on top, with every problem (fields and papers), each a link to its field.
        expect(await page.locator('.error-summary').count()).toBe(1);
        const summary = page.locator('.error-summary');
        expect((await summary.boundingBox())!.y).toBeLessThan(844);
        const text = await summary.innerText();
        expect(text).toContain('Số điện thoại không hợp lệ');
        expect(text).toContain('Ngày sinh là bắt buộc');
        expect(text).toContain('Chưa đính kèm: Văn bản ủy quyền');
        expect(text).not.toContain('Giấy chứng sinh');
        for (const href of await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
          expect(await page.locator(href).count(), href).toBe(1);
        }
        if (js) expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
        // The photo is kept and named; it is not asked again.
        expect(await page.locator('#up-chung-1-have').innerText()).toContain('Đã đính kèm: giay-chung-sinh.pdf — thay tệp khác');
        expect(await page.getByLabel('Họ và tên').first().inputValue()).toBe('Trần Thị Bình');
        await axeOk(page, js);

        // Fix what was asked, attach only the missing paper, submit.
        await page.getByLabel('Số điện thoại').first().fill(phone);
        await fillEForm(page, base);
        await page.locator('#up-uy-quyen-0').setInputFiles(proxy);
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        // Not signed in: the phone's one-time code, then the dossier goes in.
        await page.waitForURL(/\/ban-nhap\/[0-9a-f-]+\/nop\?t=/);
        await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
        await typeOtp(page, phone);
        await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();
        await page.waitForURL(/\/ho-so\/00004-\d{6}-\d{4}\?t=/);
        const code = /ho-so\/([^?]+)/.exec(page.url())![1]!;
        const files = await filesOf(code);
        expect(files.map((f) => [f.component, f.name]).sort()).toEqual([
          ['chung.1', 'giay-chung-sinh.pdf'],
          ['uy-quyen.0', 'uy-quyen.pdf'],
        ]);
        await ctx.close();
      });

      it(`JS ${js ? 'on' : 'off'}: an anonymous citizen saves a draft, gets a link by SMS and resumes it with answers and files`, { timeout: 240_000 }, async () => {
        const phone = js ? '0912000003' : '0912000004';
        const first = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const page = await first.newPage();
        await page.goto(`${base}/p/00004/1.001193/nop-truc-tuyen?truong-hop=khong`);
        await page.getByLabel('Họ và tên').first().fill('Lê Văn Cường');
        await page.getByLabel('Số điện thoại').first().fill(phone);
        await page.locator('#f-hoTenTre').fill('Lê Minh Châu');
        await page.locator('#up-chung-1').setInputFiles(scan);
        await page.getByRole('button', { name: 'Lưu nháp' }).click();
        await page.waitForURL(/\/ban-nhap\/[0-9a-f-]+\/luu\?t=/);
        await axeOk(page, js);
        await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
        await typeOtp(page, phone);
        await page.getByRole('button', { name: 'Xác nhận và lưu bản nháp' }).click();
        expect(await page.getByRole('status').innerText()).toContain('Đã gửi đường dẫn tiếp tục tới số 0912 000');
        await first.close();

        // Another day, another browser: the link from the SMS (sent through the outbox).
        const sms = await lastSms(phone, 'draft_saved');
        // In Vietnamese with its marks, opening with the unit's name, addressing the citizen as Ông/Bà.
        expect(sms).toMatch(/^(UBND )?(Phường|Xã) [^:]+: Bản nháp hồ sơ của Ông\/Bà được giữ đến ngày \d{2}\/\d{2}\/\d{4}\. Tiếp tục nộp tại: /);
        const link = /(https?:\/\/\S+)/.exec(sms)![1]!.replace(env.config.publicUrl, base);
        const later = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const again = await later.newPage();
        await again.goto(link);
        expect(await again.getByLabel('Họ và tên').first().inputValue()).toBe('Lê Văn Cường');
        expect(await again.locator('#f-hoTenTre').inputValue()).toBe('Lê Minh Châu');
        expect(await again.locator('#up-chung-1-have').innerText()).toContain('Đã đính kèm: giay-chung-sinh.pdf');
        await axeOk(again, js);
        await fillEForm(again, base);
        await again.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        // The phone was proven when the draft was saved: no second code.
        await again.waitForURL(/\/ho-so\/00004-\d{6}-\d{4}\?t=/);
        const code = /ho-so\/([^?]+)/.exec(again.url())![1]!;
        expect((await filesOf(code)).map((f) => f.name)).toEqual(['giay-chung-sinh.pdf']);
        // A submitted draft's link opens nothing any more.
        const gone = await again.goto(link);
        expect(gone!.status()).toBe(404);
        await later.close();
      });
    }

    for (const js of [true, false]) {
      it(`JS ${js ? 'on' : 'off'}: a signed-in citizen finds the draft on "Hồ sơ của tôi", reopens it with answers and files, and submits it`, { timeout: 240_000 }, async () => {
        const phone = js ? '0912000005' : '0912000006';
        const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
        const page = await ctx.newPage();
        await page.goto(`${base}/dang-nhap?next=/p/00004/1.001193/nop-truc-tuyen`);
        await page.getByLabel('Số điện thoại').fill(phone);
        await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
        await typeOtp(page, phone);
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        await page.waitForURL(/nop-truc-tuyen$/);
        await page.getByRole('radio', { name: 'Trẻ sinh ra do mang thai hộ' }).check();
        if (!js) await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await page.getByLabel('Họ và tên').first().fill('Phạm Thị Dung');
        await page.locator('#f-hoTenTre').fill('Phạm Gia Huy');
        await page.locator('#up-chung-1').setInputFiles(scan);
        await page.getByRole('button', { name: 'Lưu nháp' }).click();
        await page.waitForURL(/\/ca-nhan\?nhap=1/);
        const drafts = page.getByRole('region', { name: 'Bản nháp chưa nộp' });
        expect(await drafts.innerText()).toContain('Thủ tục đăng ký khai sinh');
        await axeOk(page, js);
        await drafts.getByRole('link').first().click();
        expect(await page.getByLabel('Họ và tên').first().inputValue()).toBe('Phạm Thị Dung');
        expect(await page.locator('#f-hoTenTre').inputValue()).toBe('Phạm Gia Huy');
        expect(await page.getByRole('radio', { name: 'Trẻ sinh ra do mang thai hộ' }).isChecked()).toBe(true);
        expect(await page.locator('#up-chung-1-have').innerText()).toContain('Đã đính kèm: giay-chung-sinh.pdf');
        // Finished later: the papers already attached are not asked again.
        await fillEForm(page, base);
        await page.locator('#up-mang-thai-ho-0').setInputFiles(proxy);
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        await page.waitForURL(/\/ho-so\/00004-\d{6}-\d{4}\?t=/);
        const code = /ho-so\/([^?]+)/.exec(page.url())![1]!;
        expect((await filesOf(code)).map((f) => f.name).sort()).toEqual(['giay-chung-sinh.pdf', 'uy-quyen.pdf']);
        // A submitted draft leaves the list; the dossier is among those submitted.
        await page.goto(`${base}/ca-nhan`);
        expect(await page.getByRole('region', { name: 'Bản nháp chưa nộp' }).count()).toBe(0);
        expect(await page.locator('main').innerText()).toContain(code);
        await ctx.close();
      });
    }
  });
}
