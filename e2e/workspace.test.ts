import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../src/dossier/workflow.testing';
import { axeViolations, browserAvailable } from './browser';
import { startStaffSite, type StaffSite } from './staff-site';

/**
 * Officials at work, in Chromium without JavaScript (the workspace needs none): the receptionist
 * accepts an online dossier from "Hồ sơ mới", the leader assigns it with the bulk form, the
 * specialist finds it under "Việc của tôi" and asks for a supplement listing every paper at once.
 */
describe.skipIf(!browserAvailable())('officials’ workspace in Chromium', () => {
  let site: StaffSite;
  let base: string;
  let code = '';

  beforeAll(async () => {
    site = await startStaffSite('sqlite');
    base = site.base;
    code = (await new Desk(site.env).submitOnline('1.004746')).code;
  });
  afterAll(() => site?.close());

  const signIn = (username: string, javaScript = false): Promise<Page> => site.signIn(username, { javaScript });

  it('the receptionist accepts an online dossier; the leader assigns it in bulk; the specialist asks for a supplement', async () => {
    const rec = await signIn('tiepnhan');
    await rec.getByRole('link', { name: /Hồ sơ mới/ }).click();
    await rec.getByRole('link', { name: code }).click();
    expect(await rec.locator('h1').innerText()).toContain(code);
    // The attachment is shown in the page.
    expect(await rec.locator('iframe.inline-file').count()).toBeGreaterThan(0);
    await rec.getByRole('button', { name: 'Tiếp nhận hồ sơ (ấn định ngày hẹn)' }).click();
    expect(await rec.getByRole('status').first().innerText()).toContain('Đã thực hiện: tiếp nhận hồ sơ');
    // Forward to the leader.
    await rec.locator('summary', { hasText: 'Chuyển hồ sơ' }).click();
    await rec.getByRole('button', { name: 'Chuyển hồ sơ' }).click();
    expect(await rec.getByRole('status').first().innerText()).toContain('chuyển hồ sơ');

    const leader = await signIn('lanhdao');
    expect(await leader.getByRole('link', { name: /Việc của tôi \(\d+\)/ }).isVisible()).toBe(true);
    await leader.getByLabel(`Chọn hồ sơ ${code}`).check();
    await leader.getByLabel('Chuyên viên').selectOption('chuyenvien');
    await leader.getByRole('button', { name: 'Phân công', exact: true }).click();
    expect(await leader.getByRole('status').first().innerText()).toContain('Đã phân công 1 hồ sơ');

    const spec = await signIn('chuyenvien');
    await spec.getByRole('link', { name: code }).click();
    expect(await spec.getByRole('button', { name: 'Trình kết quả' }).isVisible()).toBe(true);
    expect(await spec.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    await spec.locator('summary', { hasText: 'Yêu cầu bổ sung hồ sơ' }).click();
    await spec.getByLabel('Giấy tờ cần bổ sung (mỗi dòng một mục)').fill('Bản sao Giấy chứng nhận kết hôn\nGiấy xác nhận tình trạng hôn nhân');
    await spec.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    expect(await spec.locator('.status').first().innerText()).toContain('Cần bổ sung giấy tờ');
    expect(await spec.getByRole('link', { name: /Phiếu yêu cầu bổ sung/ }).isVisible()).toBe(true);
    for (const p of [rec, leader, spec]) await p.context().close();
  });

  it.each(['/can-bo', `/can-bo/ho-so/CODE`, '/can-bo/so-theo-doi', '/can-bo/quan-tri/quy-trinh/1.004746'])('has no WCAG 2.1 AA violations (axe): %s', async (path) => {
    const page = await signIn(path.includes('quan-tri') ? 'quantri' : 'lanhdao', true);
    await page.goto(`${base}${path.replace('CODE', code)}`);
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    await page.context().close();
  });
});
