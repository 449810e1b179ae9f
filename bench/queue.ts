/**
 * `npm run bench:queue`: 500 citizens' live pages and 10 TV displays open on one server (SSE), a
 * counter calls the next ticket 20 times; for every call, the time from the call's request to the
 * moment each open page receives its event. Prints p50/p95/p99/max and the machine's load (the
 * figure depends on it: rerun on a quiet machine). Target (issue 13): p99 under 200 ms.
 *
 * The server runs in this process (SQLite in a temp dir); the 510 clients are plain HTTP streams
 * in a child process, so parsing their events does not slow the server's event loop.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/demo';
import { pct } from './lib';

const PAGES = Number(process.env.QUEUE_PAGES ?? 500);
const DISPLAYS = Number(process.env.QUEUE_DISPLAYS ?? 10);
const CALLS = Number(process.env.QUEUE_CALLS ?? 20);

async function clients(): Promise<void> {
  // Child: open the streams, report each event's arrival time (performance.timeOrigin-based ms).
  const { base, ids, unit, displays } = JSON.parse(process.argv[3]!) as { base: string; ids: string[]; unit: string; displays: number };
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let open = 0;
  const openStream = (url: string, label: string) =>
    http.get(url, { agent }, (res) => {
      open++;
      if (open === ids.length + displays) process.send!({ kind: 'ready' });
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const ev = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (ev.includes('data: ')) process.send!({ kind: 'event', label, at: performance.timeOrigin + performance.now() });
        }
      });
    });
  for (const id of ids) openStream(`${base}/hang-cho/${id}/su-kien`, `p:${id}`);
  for (let d = 0; d < displays; d++) openStream(`${base}/dv/${unit}/hang-cho/su-kien`, `d:${d}`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-queue-'));
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'q.db')}`, PUBLIC_URL: 'http://127.0.0.1', RATE_LIMIT: 'off', LOG_LEVEL: 'silent', WORKER: 'off' });
  const services = await buildServices(config);
  await seedDemo(services.units, services.catalog, services.accounts);
  const unit = '00004';
  await services.queue.seedDemo(unit);
  await services.queue.saveSettings(unit, { closingTime: '23:59' });
  // Everyone waits for the service counter 1 calls: every call changes every page.
  const ids: string[] = [];
  for (let i = 0; i < PAGES; i++) ids.push((await services.queue.takeTicket({ unitCode: unit, service: 'ho-tich', source: 'web' })).id);
  const app = await buildApp(config, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
  const auth = { authorization: `Bearer ${login.json().token}`, 'content-type': 'application/json' };

  const child = fork(new URL(import.meta.url).pathname, ['clients', JSON.stringify({ base, ids, unit, displays: DISPLAYS })], { execArgv: ['--import', 'tsx'] });
  const arrivals: Array<{ label: string; at: number }> = [];
  await new Promise<void>((resolve) => {
    child.on('message', (m: any) => {
      if (m.kind === 'ready') resolve();
      else arrivals.push({ label: m.label, at: m.at });
    });
  });
  // The first events (each stream's current state) arrive now; let them settle.
  await new Promise((r) => setTimeout(r, 2000));
  process.stdout.write(`${PAGES} live pages and ${DISPLAYS} displays open (SSE); ${services.queue.events.listeners(unit)} listener(s) on the unit's bus (the fan-out: one per unit).\n`);

  const latencies: number[] = [];
  let missing = 0;
  // The server runs in this process: its CPU time per call (request, database, fan-out to every stream).
  const cpu0 = process.cpuUsage();
  for (let c = 0; c < CALLS; c++) {
    arrivals.length = 0;
    const t0 = performance.timeOrigin + performance.now();
    const r = await fetch(`${base}/api/queue/counters/1/next`, { method: 'POST', headers: auth, body: JSON.stringify({ unit }) });
    if (r.status !== 200) throw new Error(`next: ${r.status} ${await r.text()}`);
    // Pages still waiting, the page just called and the one finished change; displays all change.
    const expected = PAGES - c + DISPLAYS;
    const deadline = Date.now() + 5000;
    while (new Set(arrivals.map((a) => a.label)).size < expected && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    const first = new Map<string, number>();
    for (const a of arrivals) if (!first.has(a.label)) first.set(a.label, a.at - t0);
    missing += Math.max(0, expected - first.size);
    latencies.push(...first.values());
  }
  const cpu = process.cpuUsage(cpu0);
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const p99 = pct(latencies, 99);
  process.stdout.write(
    `call → event on every open page: ${latencies.length} deliveries over ${CALLS} calls${missing ? ` (${missing} not received within 5 s)` : ''}\n` +
      `  p50 ${pct(latencies, 50).toFixed(1)} ms  p95 ${pct(latencies, 95).toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms\n` +
      `  target p99 < 200 ms: ${p99 < 200 && !missing ? 'MET' : 'NOT MET'}\n` +
      `  server CPU time per call: ${((cpu.user + cpu.system) / 1000 / CALLS).toFixed(1)} ms (user ${(cpu.user / 1000 / CALLS).toFixed(1)}, system ${(cpu.system / 1000 / CALLS).toFixed(1)}) for ${PAGES + DISPLAYS} streams\n` +
      `  machine: ${os.cpus().length} CPU, load average ${load} (1/5/15 min) — a shared, loaded machine inflates these figures\n`,
  );
  child.kill();
  await app.close();
  await services.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === 'clients') void clients();
else
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
