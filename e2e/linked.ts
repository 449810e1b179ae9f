import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The newborn's linked group (LT-KS) filled and submitted by a parent in the browser: the first
 * half of issue 14's journey, made to be extended (vaccination reminders, the signed birth
 * certificate) by calling it and going on from the page it leaves open.
 */
export interface NewbornGroup {
  groupCode: string;
  /** The dossier codes of the three parts, in the group's order (birth, residence, card). */
  members: string[];
  /** The group's signed tracking page (the page is left there). */
  trackingUrl: string;
}

export interface NewbornOptions {
  childName?: string;
  /** The child's birth date (YYYY-MM-DD); ten days before today by default. */
  birthDate?: string;
  parent?: { fullName: string; phone: string };
  /** A scan of the birth certificate (e2e/browser.ts scanPdf()). */
  birthCertificate: string;
  /** Called once the form is filled, before "Nộp hồ sơ liên thông" (e.g. ticking a reminders opt-in). */
  beforeSubmit?: (page: Page) => Promise<void>;
  /** Brings the page to the group's form (e.g. by clicks from the ward's catalogue); by its address otherwise. */
  open?: (page: Page) => Promise<void>;
}

interface GroupJson {
  formData: { required: string[]; properties: Record<string, { type?: string; enum?: string[]; format?: string; pattern?: string }> };
  papers: Array<{ id: string; required: boolean }>;
}

/** Fills every required field of the group's e-form (ids `f-…`) from its published schema, as a parent types it. */
export async function fillGroupForm(page: Page, base: string, group: string, values: Record<string, string>): Promise<GroupJson> {
  const g = (await (await fetch(`${base}/api/procedures/${group}?unit=00004`)).json()) as GroupJson;
  for (const k of g.formData.required) {
    const prop = g.formData.properties[k]!;
    const el = page.locator(`#f-${k}`);
    if (values[k] !== undefined) await el.fill(values[k]!);
    else if (prop.enum) {
      if ((await el.evaluate((n) => n.tagName)) === 'SELECT') await el.selectOption(prop.enum[0]!);
      else await el.check();
    } else if (prop.type === 'boolean') await el.check();
    else if (prop.format === 'date') await el.fill(values.date ?? new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10));
    else if (prop.type === 'integer' || prop.type === 'number') await el.fill('1');
    else if (String(prop.pattern ?? '').includes('12')) await el.fill('001090012345');
    else await el.fill('Nguyễn Thị Hoa');
  }
  return g;
}

/** Opens the group's form of the demo ward, fills it as a parent, attaches the birth certificate once and submits. */
export async function registerNewborn(page: Page, base: string, o: NewbornOptions): Promise<NewbornGroup> {
  const parent = o.parent ?? { fullName: 'Trần Thị Mai', phone: '0987654321' };
  if (o.open) await o.open(page);
  else await page.goto(`${base}/dv/00004/lien-thong/LT-KS`);
  await page.locator('#a-fullName').fill(parent.fullName);
  await page.locator('#a-phone').fill(parent.phone);
  const birthDate = o.birthDate ?? new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await fillGroupForm(page, base, 'LT-KS', { hoTenTre: o.childName ?? 'Lê Minh Khang', ngaySinh: birthDate, date: birthDate });
  await page.locator('#p-giay-chung-sinh').setInputFiles(o.birthCertificate);
  await o.beforeSubmit?.(page);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Nộp hồ sơ liên thông' }).click()]);
  // A refused form stays on the form: say why, rather than time out.
  if (!/\/lien-thong\/LT-00004-\d{6}-\d{4}\?t=/.test(page.url())) throw new Error(`Hồ sơ liên thông chưa nộp được: ${await page.locator('main').innerText()}`);
  const trackingUrl = page.url();
  const groupCode = /lien-thong\/([^?]+)/.exec(trackingUrl)![1]!;
  const members = await page.locator('.linked-member dd a').allInnerTexts();
  expect(members).toHaveLength(3);
  return { groupCode, members, trackingUrl };
}
