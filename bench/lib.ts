import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { uuidv7 } from '../src/shared/ids';
import { freePort } from '../src/shared/net.testing';

export { freePort };

export const ROOT = new URL('..', import.meta.url).pathname;
export const TSX = `${ROOT}node_modules/.bin/tsx`;


export interface Server {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** Start a server process and wait until it answers `readyPath` with 200. */
export async function startServer(args: string[], env: Record<string, string>, port: number, readyPath = '/healthz'): Promise<Server> {
  const child = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.resume();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      if (r.status === 200) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests answered in the run. */
  count: number;
}

/** What a phone's browser sends: every request of the bench carries it, the baseline's too. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };

export async function load(url: string, seconds: number, connections = 16, headers: Record<string, string> = BROWSER_HEADERS): Promise<LoadResult> {
  const r = await autocannon({ url, duration: seconds, connections, pipelining: 1, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, count: r.requests.total };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Percentile of an array of numbers (nearest rank). */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** The PostgreSQL server the benchmarks create their databases on (BENCH_PG_URL or TEST_DATABASE_URL, else the development server). */
export const PG_ADMIN = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://motcua@127.0.0.1:55432/postgres';

/** A fresh database for one benchmark run (dropped by `drop`), or undefined when no server answers. */
export async function pgDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const name = `motcua_bench_${uuidv7().replace(/-/g, '').slice(-12)}`;
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    console.log(`PostgreSQL không có (${(e as Error).message}): bỏ qua.`);
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: PG_ADMIN });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

const CLK_TCK = 100; // Linux's USER_HZ, the unit of /proc/<pid>/stat's times on every usual kernel

/**
 * CPU seconds (user + system, every thread) used so far by a process and all its descendants
 * (a server started through the tsx CLI runs as the CLI's child). Read from /proc: a figure that
 * a shared, busy machine distorts far less than a rate. 0 where /proc is absent.
 */
export function treeCpuSeconds(rootPid: number): number {
  let names: string[];
  try {
    names = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const d of names) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid, hops = 0; p && hops < 8; p = parent.get(p), hops++) {
      if (p === rootPid) {
        total += t;
        break;
      }
    }
  }
  return total / CLK_TCK;
}

/** The machine's load average now, as printed beside figures taken on a shared machine. */
export function loadAverage(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/**
 * GET requests one at a time on one kept-alive connection, the body read and dropped: a client that
 * allocates little (fetch allocates several times more per request — measured with
 * bench/alloc-meter.mjs), so that a latency benchmark on the server's two cores measures the server
 * rather than its own client's garbage collections.
 */
export function leanGetter(base: string, headers: Record<string, string>): { get(path: string): Promise<number>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const u = new URL(base);
  const options = { host: u.hostname, port: Number(u.port), agent, headers };
  return {
    get: (path) =>
      new Promise((resolve, reject) => {
        const req = http.get({ ...options, path }, (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        });
        req.on('error', reject);
      }),
    close: () => agent.destroy(),
  };
}
