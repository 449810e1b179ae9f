import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createTestEnv, type Engine, type TestEnv } from '../src/shared/testing';
import type { Clock } from '../src/shared/clock';
import { launch, signInStaff } from './browser';

/** A citizen's phone (390×844), as the public pages are tried at (issues 9 and 11). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Full-page screenshots into E2E_SCREENSHOTS (a folder, to look at the pages), or nothing. */
export function screenshots(): (page: Page, name: string) => Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return async (page, name) => {
    if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  };
}

/** A desk screen: the size issue 9 asks the officials' pages to be tried at. */
export const DESK = { width: 1366, height: 768 } as const;

export interface StaffSite {
  env: TestEnv;
  base: string;
  browser: Browser;
  /** A fresh browser context signed in as `username` (password "demo"), on the worklist. */
  signIn(username: string, opts?: { javaScript?: boolean; phone?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The demo seed on a real port, and Debian's Chromium: what the officials' browser tests start from. */
export async function startStaffSite(engine: Engine = 'sqlite', opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<StaffSite> {
  const env = await createTestEnv(engine, { clock: opts.clock, env: { REQUIRE_PHONE_VERIFICATION: 'off', ...opts.env } });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = env.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await launch();
  return {
    env,
    base,
    browser,
    async signIn(username, o = {}) {
      const ctx = await browser.newContext({ javaScriptEnabled: o.javaScript ?? false, ...(o.phone ? PHONE : { viewport: DESK }) });
      return signInStaff(ctx, base, username);
    },
    async close() {
      await browser.close();
      await env.close();
    },
  };
}
