/**
 * Test support for HTTP and service tests: one describe block per database engine with its own
 * fresh environment and clock, and the workspace's forms sent as an official sends them. Used by
 * tests only (never by production code or benchmarks: it imports vitest).
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fixedClock } from './clock';
import { createTestEnv, engines, type Engine, type TestEnv } from './testing';

export interface EngineSuite {
  readonly engine: Engine;
  /** The environment of this engine (ready inside the tests, not while the block is declared). */
  readonly env: TestEnv;
  /** This engine's own clock: setting it in one engine's tests never moves the other's. */
  readonly clock: ReturnType<typeof fixedClock>;
}

/**
 * `describe(`${title} [sqlite]`)` and, when TEST_DATABASE_URL is set, `[postgres]`, each with a
 * fresh seeded environment made before its tests and closed after them, on a fixed clock starting
 * at `opts.at`.
 */
export function eachEngine(title: string, opts: { at: string; env?: Record<string, string>; seed?: boolean }, body: (t: EngineSuite) => void): void {
  for (const engine of engines()) {
    describe(`${title} [${engine}]`, () => {
      let env: TestEnv | undefined;
      const clock = fixedClock(opts.at);
      beforeAll(async () => {
        env = await createTestEnv(engine, { clock, env: opts.env, seed: opts.seed });
      });
      afterAll(async () => {
        await env?.close();
      });
      body({
        engine,
        clock,
        get env() {
          if (!env) throw new Error('The test environment is made in beforeAll: use t.env inside a test');
          return env;
        },
      });
    });
  }
}

/** The CSRF token of a page's form. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('No CSRF field on this page');
  return m[1]!;
}

/** Url-encoded body; a list is the same field repeated (checkboxes). */
export function formBody(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/**
 * A workspace form sent as an official sends it: `pageUrl` opened first with the session cookie
 * (it must answer 200: its CSRF token is taken), then `fields` posted url-encoded to `url`.
 */
export async function postStaffForm(env: TestEnv, cookie: string, pageUrl: string, url: string, fields: Record<string, string | string[]>) {
  const page = await env.app.inject({ method: 'GET', url: pageUrl, headers: { cookie } });
  expect(page.statusCode, `${pageUrl}: ${page.body.slice(0, 300)}`).toBe(200);
  return env.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), ...fields }) });
}
