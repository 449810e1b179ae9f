/**
 * Loaded into a bench's server process (`node --import ./bench/lookup-probe.mjs …`, through
 * BENCH_NODE_ARGS; plain JavaScript as it is loaded before tsx): records, in that process, what a
 * request's time is made of — every HTTP request's start and end, every SQL statement at the
 * driver (pg's Client.query) with its start and duration, the garbage collector's pauses, and
 * the event loop's delay (a 1 ms timer's lateness). On SIGUSR2 it writes them as JSON to
 * PROBE_OUT and starts afresh (bench/province-lookups.ts reads them). Never part of the product.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { allocationMeter } from './alloc-meter.mjs';

const require = createRequire(new URL('../package.json', import.meta.url));
const pg = require('pg');

let requests = [];
let sql = [];
let gc = [];
let lags = [];
const now = () => performance.now();

{
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function (...a) {
    const t = now();
    const r = orig.apply(this, a);
    const text = typeof a[0] === 'string' ? a[0] : (a[0]?.text ?? '?');
    const values = Array.isArray(a[1]) ? a[1] : a[0]?.values;
    if (r && typeof r.then === 'function') {
      // The whole text and its values: the bench explains the statements a lookup ran.
      const done = (ok) => sql.push({ t, ms: now() - t, ok, sql: text, values });
      r.then(() => done(true), () => done(false));
    }
    return r;
  };
}

{
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (ev, req, res) {
    if (ev === 'request') {
      const t = now();
      res.once('finish', () => requests.push({ t, ms: now() - t, url: req.url }));
    }
    return emit.apply(this, arguments);
  };
}

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gc.push({ t: e.startTime, ms: e.duration, kind: e.detail?.kind });
}).observe({ entryTypes: ['gc'] });

// The event loop's lateness: a 1 ms timer, each lateness over 1 ms kept with its time.
let expected = now() + 1;
setInterval(() => {
  const t = now();
  if (t - expected > 1) lags.push({ t: expected, ms: t - expected });
  expected = t + 1;
}, 1).unref();
const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();

const allocated = allocationMeter();

// PROBE_ALLOC=file: what was allocated (sampled, garbage included) between two signals, by
// function, written as JSON to that file.
const session = process.env.PROBE_ALLOC ? new Session() : undefined;
let sampling = false;
session?.connect();

process.on('SIGUSR2', () => {
  if (session) {
    if (sampling) {
      session.post('HeapProfiler.stopSampling', (err, r) => {
        if (err) return;
        const by = new Map();
        const walk = (n, stack) => {
          const f = n.callFrame;
          const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
          const self = n.selfSize;
          if (self) by.set(name, (by.get(name) ?? 0) + self);
          for (const c of n.children) walk(c, stack);
        };
        walk(r.profile.head, []);
        fs.writeFileSync(process.env.PROBE_ALLOC, JSON.stringify([...by].sort((a, b) => b[1] - a[1]).slice(0, 60)));
      });
    } else {
      session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    sampling = !sampling;
  }
  const out = { origin: performance.timeOrigin, requests, sql, gc, lags, mem: process.memoryUsage(), eld: { p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 }, cpu: process.cpuUsage(), allocated: allocated(), at: now() };
  fs.writeFileSync(process.env.PROBE_OUT ?? '/tmp/lookup-probe.json', JSON.stringify(out));
  requests = [];
  sql = [];
  gc = [];
  lags = [];
  eld.reset();
});
