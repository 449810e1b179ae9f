/**
 * The first scrape after a server starts: the process's event-loop figures cover the time since
 * the start, not an empty window. prom-client's monitor measures from the moment its metrics are
 * registered; registered at the first scrape, that scrape read an empty histogram and reported a
 * minimum lag of 9,223,372,036 s (the histogram's "no sample" value), a maximum of 0 and a mean of
 * NaN — after every restart of every process. The figures are the process's own, the same on
 * either engine: this runs on SQLite only, in a file of its own so that no earlier scrape in the
 * same module has started the monitor.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../shared/testing';

const TOKEN = 'metrics-token-for-tests-0123456789';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv('sqlite', { seed: false, env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await env?.close();
});

function value(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  expect(m, `${name} missing`).not.toBeNull();
  return Number(m![1]);
}

it('the first scrape reports the event-loop lag measured since the server started', async () => {
  // The server runs a while before Prometheus first calls (the monitor samples every 10 ms).
  await new Promise((r) => setTimeout(r, 200));
  const r = await env.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(r.statusCode).toBe(200);
  const min = value(r.body, 'nodejs_eventloop_lag_min_seconds');
  const max = value(r.body, 'nodejs_eventloop_lag_max_seconds');
  const mean = value(r.body, 'nodejs_eventloop_lag_mean_seconds');
  const p99 = value(r.body, 'nodejs_eventloop_lag_p99_seconds');
  expect(min).toBeGreaterThan(0);
  expect(min).toBeLessThan(60);
  expect(Number.isFinite(mean)).toBe(true);
  expect(max).toBeGreaterThanOrEqual(min);
  // At least the monitor's own resolution (10 ms): never the sub-microsecond value of an empty window.
  expect(p99).toBeGreaterThanOrEqual(0.009);
});
