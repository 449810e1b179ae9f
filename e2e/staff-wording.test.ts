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
});
