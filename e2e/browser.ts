import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM);
  if (!ok && process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 nhưng không có Chromium tại ${CHROMIUM}`);
  }
  return ok;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

const AXE_SOURCE = fs.readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Runs axe-core in the page against WCAG 2.1 A/AA rules; returns the violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  // Evaluated through the DevTools protocol, so the page keeps its strict CSP.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  });
}

/** The published form of a procedure (GET /api/procedures/{code}/form), as far as the tests read it. */
export interface ProcedureFormJson {
  formData: { required: string[]; properties: Record<string, { type?: string; enum?: string[]; format?: string; pattern?: string }> };
  cases: Array<{ id: string; kind: string; title: string; components: Array<{ id: string; name: string; required: boolean; replacedByEForm?: boolean }> }>;
}

/**
 * Fills every required e-form field of the online form (ids `f-…`) from the published schema, as a
 * citizen would type it; returns that form, for the papers to attach.
 */
export async function fillEForm(page: Page, base: string, procedure = '1.001193'): Promise<ProcedureFormJson> {
  const form = (await (await fetch(`${base}/api/procedures/${procedure}/form`)).json()) as ProcedureFormJson;
  for (const k of form.formData.required) {
    const prop = form.formData.properties[k]!;
    const el = page.locator(`#f-${k}`);
    if (prop.enum) {
      if ((await el.evaluate((n) => n.tagName)) === 'SELECT') await el.selectOption(prop.enum[0]!);
      else await el.check();
    } else if (prop.type === 'boolean') await el.check();
    else if (prop.format === 'date') await el.fill('2026-11-20');
    else if (prop.type === 'integer' || prop.type === 'number') await el.fill('1');
    else if (String(prop.pattern ?? '').includes('84')) await el.fill('0912345678');
    else if (String(prop.pattern ?? '').includes('12')) await el.fill('001090012345');
    else await el.fill('Nguyễn Minh Khang');
  }
  return form;
}

/** Writes a minimal valid PDF (a "scan" of a paper) into a fresh temp folder; returns its path. */
export function scanPdf(name = 'giay-chung-sinh.pdf', note = ''): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-')), name);
  fs.writeFileSync(file, `%PDF-1.4\n${note ? `% ${note}\n` : ''}1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
  return file;
}

/** Attaches `file` to every required general paper that is an upload slot online (not one the e-form replaces). */
export async function attachRequiredPapers(page: Page, form: ProcedureFormJson, file: string): Promise<void> {
  const general = form.cases.find((c) => c.kind === 'general');
  for (const c of general?.components.filter((x) => x.required && !x.replacedByEForm) ?? []) {
    await page.locator(`#up-${c.id.replace(/\./g, '-')}`).setInputFiles(file);
  }
}

/**
 * Signs a demo official in (password "demo") in a page of `ctx`; the page ends on the workspace's
 * home (a single-module account's home is its module: the health station's /can-bo/tiem-chung).
 */
export async function signInStaff(ctx: BrowserContext, base: string, username: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${base}/can-bo`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/can-bo(\/tiem-chung)?$/);
  return page;
}
