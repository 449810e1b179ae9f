/**
 * Loaded into a bench's server process (`node --import ./bench/lookup-probe.mjs …`, through
 * BENCH_NODE_ARGS; plain JavaScript as it is loaded before tsx): records, in that process, what a
 * request's time is made of — every HTTP request's start and end, every SQL statement at the
 * driver (pg's Client.query) with its start and duration, the garbage collector's pauses, and
 * the event loop's delay (a 1 ms timer's lateness), and when each answer was written (with
 * PROBE_SPLIT=1 also each request's CPU and involuntary context switches). On SIGUSR2 it writes them as JSON to
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
const SPLIT = process.env.PROBE_SPLIT === '1';

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
      // PROBE_SPLIT=1: the process's CPU and the kernel's involuntary switches during the request
      // (a slow request with little CPU waited — on the database, or for a core —, one with much
      // CPU worked); off by default, as reading them allocates ~1 KB a request.
      const cpu = SPLIT ? process.cpuUsage() : undefined;
      const ics = SPLIT ? process.resourceUsage().involuntaryContextSwitches : 0;
      // When the answer went to the socket ('finish' comes after, once the loop gets to it).
      let sent = NaN;
      const end = res.end;
      res.end = function (...a) {
        sent = now();
        return end.apply(this, a);
      };
      res.once('finish', () => {
        const c = cpu && process.cpuUsage(cpu);
        requests.push({ t, ms: now() - t, sentMs: sent - t, url: req.url, ...(c ? { cpu: (c.user + c.system) / 1000, ics: process.resourceUsage().involuntaryContextSwitches - ics } : {}) });
      });
    }
    return emit.apply(this, arguments);
  };
}

// Every timer the app sets (setTimeout, setInterval, setImmediate — the jobs', the outbox
// worker's, the drivers'; unref'd ones included, which process.getActiveResourcesInfo() leaves
// out): where it was set (the first frame outside node and this file), how often its callback ran
// between two signals and for how long — what the event loop did besides the requests.
// (PROBE_SPLIT=1 only: pg-pool sets a timer at every release, and reading a stack costs.)
let timers = new Map();
const probeInterval = setInterval;
const setAt = () => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 6;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frame = stack.split('\n').slice(2).find((l) => !l.includes('node:') && !l.includes('lookup-probe')) ?? '(node)';
  return frame.trim().replace(/^at /, '').replace(/\(?file:\/\/[^)]*\/(node_modules|src)\//, '$1/').replace(/\)$/, '');
};
for (const name of SPLIT ? ['setTimeout', 'setInterval', 'setImmediate'] : []) {
  const orig = globalThis[name];
  globalThis[name] = function (fn, ...rest) {
    if (typeof fn !== 'function') return orig.call(this, fn, ...rest);
    const where = `${name} ${setAt()}`;
    const e0 = timers.get(where);
    if (e0) e0.set++;
    else timers.set(where, { set: 1, ran: 0, ms: 0, max: 0 });
    return orig.call(
      this,
      function (...a) {
        const t = now();
        try {
          return fn.apply(this, a);
        } finally {
          const ms = now() - t;
          const e = timers.get(where) ?? { set: 0, ran: 0, ms: 0, max: 0 };
          e.ran++;
          e.ms += ms;
          e.max = Math.max(e.max, ms);
          timers.set(where, e);
        }
      },
      ...rest,
    );
  };
}

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gc.push({ t: e.startTime, ms: e.duration, kind: e.detail?.kind });
}).observe({ entryTypes: ['gc'] });

// The event loop's lateness: a 1 ms timer, each lateness over 1 ms kept with its time.
let expected = now() + 1;
probeInterval(() => {
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
        if (process.env.PROBE_ALLOC_RAW) fs.writeFileSync(process.env.PROBE_ALLOC_RAW, JSON.stringify(r.profile));
        fs.writeFileSync(process.env.PROBE_ALLOC, JSON.stringify([...by].sort((a, b) => b[1] - a[1]).slice(0, 60)));
      });
    } else {
      session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    sampling = !sampling;
  }
  const out = { origin: performance.timeOrigin, requests, sql, gc, lags, mem: process.memoryUsage(), eld: { p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 }, cpu: process.cpuUsage(), allocated: allocated(), at: now(), resources: process.getActiveResourcesInfo(), timers: [...timers].sort((a, b) => b[1].ms - a[1].ms) };
  fs.writeFileSync(process.env.PROBE_OUT ?? '/tmp/lookup-probe.json', JSON.stringify(out));
  requests = [];
  sql = [];
  gc = [];
  lags = [];
  timers = new Map();
  eld.reset();
});
