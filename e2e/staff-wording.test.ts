import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../src/dossier/workflow.testing';
import { browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/**
 * Issue 9 (officials, "Vietnamese everywhere"), in Chromium at 1366×768: what officials read on
 * their pages is Vietnamese, not the codes the software uses inside.
 */
describe.skipIf(!browserAvailable())('officials read Vietnamese, not codes (Chromium, 1366×768)', () => {
  let site: StaffSite;
  let desk: Desk;
  let returned = '';
  let online = '';

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    desk = new Desk(site.env);
    // A counter dossier walked to the end and handed back in person: the "returned" message.
    returned = (await desk.receiveAtCounter('1.004746')).code;
    await desk.ok(returned, 'tiepnhan', { type: 'forward' });
    await desk.ok(returned, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
    await desk.ok(returned, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
    await desk.ok(returned, 'lanhdao', { type: 'approve' });
    await desk.ok(returned, 'lanhdao', { type: 'mark_result_ready', note: 'Bản giấy' });
    await desk.ok(returned, 'tiepnhan', { type: 'return_result', method: 'in_person' });
    // An online birth registration: its e-form has a date (the child's birth date, 2020-11-20).
    online = (await desk.submitOnline('1.001193')).code;
    // What officials themselves are told goes through the same outbox.
    const { notifications, database } = site.env.services;
    await database.db.transaction().execute(async (trx) => {
      for (const event of ['escalation_near', 'escalation_overdue', 'apology_draft', 'draft_saved'])
        await notifications.enqueue(trx, { channel: 'sms', recipient: '0901000001', event, body: `Ho so ${returned}`, dossierCode: returned, unitCode: '00004', dedupKey: `t:${event}` });
    });
  }, 60_000);
  afterAll(async () => site?.close());

  const cells = (page: Page, col: number) => page.locator(`main table tbody tr td:nth-child(${col})`).allInnerTexts();

  it('the outbox page names every event and status in words, the hand-back ("returned") included', async () => {
    const page = await site.signIn('tiepnhan');
    await page.goto(`${site.base}/can-bo/thong-bao?ho_so=${returned}`);
    const events = await cells(page, 3);
    expect(events).toContain('Đã trả kết quả');
    expect(events).toEqual(expect.arrayContaining(['Báo cán bộ: sắp đến hạn', 'Báo cán bộ: đã quá hạn', 'Báo lãnh đạo: phiếu xin lỗi chờ ký', 'Đã lưu bản nháp']));
    // No cell of the table is a bare code (returned, escalation_near, pending…).
    for (const col of [3, 6]) for (const text of await cells(page, col)) expect(text, `column ${col}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|^(returned|rejected|pending|sending|sent|dead|sms|email|zalo)$/m);
    // The message itself opens with the unit's name and thanks the citizen the same way as every other.
    const bodies = await cells(page, 5);
    expect(bodies.find((b) => /tra ket qua/.test(b))).toMatch(/^Phuong Ba Dinh: Ho so .* Cam on Ong\/Ba/);
    await page.context().close();
  });

  it('shows e-form dates as dd/mm/yyyy on the dossier page', async () => {
    const page = await site.signIn('tiepnhan');
    await page.goto(`${site.base}/can-bo/ho-so/${online}`);
    const answers = page.locator('h2:has-text("Nội dung tờ khai") + dl');
    await expect.poll(() => answers.innerText()).toContain('20/11/2020');
    expect(await answers.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await answers.locator('dt:has-text("Ngày sinh") + dd').first().innerText()).toBe('20/11/2020');
    await page.context().close();
  });

  it('the audit log says in words what was done and to what, not the codes it stores', async () => {
    const page = await site.signIn('lanhdao');
    // What the log must name: a sign-in (done), a dossier page and a closed-dossier list viewed.
    await page.goto(`${site.base}/can-bo/ho-so/${online}`);
    await page.goto(`${site.base}/can-bo?tab=closed`);
    await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
    await page.waitForURL(/\/can-bo\/nhat-ky$/);
    const actions = await cells(page, 4);
    const targets = await cells(page, 5);
    expect(actions).toEqual(expect.arrayContaining(['Đăng nhập', 'Xem hồ sơ (trang hồ sơ)', 'Xem danh sách hồ sơ']));
    expect(targets).toEqual(expect.arrayContaining([`Hồ sơ: ${online}`, 'Danh sách: Đã kết thúc']));
    // No raw code: dossier.view, auth.sign_in, worklist: closed, forward, propose_result…
    for (const text of [...actions, ...targets]) {
      expect(text).not.toMatch(/\b[a-z]+[._][a-z_]+\b|^[a-z_]+$|\b(worklist|dossier|staff|catalog):|: (closed|mine|new|all|overdue|waiting)$/);
    }
    // The officials' own actions on the dossiers read as such.
    expect(actions).toEqual(expect.arrayContaining(['Hồ sơ: phân công xử lý', 'Hồ sơ: phê duyệt']));
    await page.context().close();
  });

  it("a second ward's official who opens a foreign dossier reads the staff wording, and nothing of it", async () => {
    const page = await site.signIn('tiepnhan2');
    const seen: Record<string, string> = {};
    for (const code of [online, '00004-991231-9999']) {
      for (const path of [`/can-bo/ho-so/${code}`, `/ho-so/${code}`]) {
        const res = await page.goto(`${site.base}${path}`);
        expect(res!.status(), path).toBe(404);
        const text = await page.locator('main').innerText();
        expect(text, path).toContain('trong đơn vị của bạn');
        // Not the citizen's proof page: no phone asked for, no form to type a code and a phone.
        expect(text, path).not.toMatch(/số điện thoại/i);
        expect(await page.locator('main input[name=phone]').count(), path).toBe(0);
        // Nothing of the dossier shows (the applicant, the procedure).
        expect(text, path).not.toMatch(/Nguyễn Văn An|khai sinh/i);
        seen[`${path === `/ho-so/${code}` ? 'public' : 'staff'}:${code === online ? 'foreign' : 'none'}`] = text.replace(code, 'CODE');
      }
    }
    // A foreign dossier reads exactly like a code that does not exist: unit isolation holds.
    expect(seen['staff:foreign']).toBe(seen['staff:none']);
    expect(seen['public:foreign']).toBe(seen['public:none']);
    // The way back from a workspace page is the workspace: its own frame, its own unit, its menu.
    await page.goto(`${site.base}/can-bo/ho-so/${online}`);
    expect(await page.locator('header .brand-name').innerText()).toBe('Phường Cửa Nam');
    expect(await page.locator('nav.staff-menu a').count()).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Về trang cán bộ' }).click();
    await page.waitForURL(/\/can-bo$/);
    const api = await page.request.get(`${site.base}/api/dossiers/${online}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.message).toContain('trong đơn vị của bạn');
    await page.context().close();
  });
});
