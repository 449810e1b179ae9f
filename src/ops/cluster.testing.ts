/**
 * Test support (issue 16, "many processes, one database"): starts N real motcua server processes
 * (node + tsx running src/main.ts, exactly as `npm run motcua -- serve` does) on one fresh
 * PostgreSQL database, each on its own free loopback port, sharing one DATA_DIR (the shared file
 * storage of a real deployment, and so the same secret key). The database is migrated and seeded
 * (demo units, catalogue, calendar, accounts with password "demo", the demo ward 00004's queue with
 * counters 1–3 open) before the processes start, so they never
 * race to seed it. Each process is ready when its /readyz answers 200.
 *
 *   const c = await startCluster({ processes: 2, env: { RATE_LIMIT: 'on' } });
 *   await fetch(`${c.urls[0]}/api/...`); await fetch(`${c.urls[1]}/api/...`);
 *   await c.command(['import-tthc', file, '--unit', '00004']); // a one-off command on the same database
 *   await c.stop(); // SIGTERM to every process, waits for them, drops the database
 *
 * `engine: 'sqlite'` gives the SQLite deployment instead: one server on DATA_DIR/motcua.db.
 *
 * Used by tests only (PostgreSQL needs TEST_DATABASE_URL; never by production code).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServices, type Services } from '../app';
import { loadConfig } from '../config';
import { seedDemo } from '../demo';
import { seedCalendarDemo } from '../calendar';
import { DEMO_QUEUE_UNIT } from '../queue';
import { createPgDatabase } from '../shared/testing';
import { freePort } from '../shared/net.testing';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ClusterProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (a graceful stop); resolves with the exit code (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface Cluster {
  /** The base URLs of the processes, in start order. */
  urls: string[];
  processes: ClusterProcess[];
  /** The database every process uses (fresh for this cluster): a PostgreSQL URL, or sqlite:<file>. */
  databaseUrl: string;
  /** The DATA_DIR every process shares (or the first one's, with `sharedDataDir: false`). */
  dataDir: string;
  /** The environment each process was started with (before its own PORT, PUBLIC_URL). */
  env: Record<string, string>;
  /** Starts one more process on the same database (ready when it returns). */
  add(extraEnv?: Record<string, string>): Promise<ClusterProcess>;
  /** Runs `motcua <args>` to its end as a separate process with the servers' environment (a command an operator types). */
  command(args: string[], extraEnv?: Record<string, string>): Promise<CommandRun>;
  /** Everything the processes wrote, labelled by process (for failure messages). */
  output(): string;
  /** SIGTERM to every process still running, waits for them, drops the database, removes DATA_DIR. */
  stop(): Promise<void>;
}

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** When the process exited (Date.now()). */
  exitedAt: number;
}

export interface ClusterOptions {
  /** PostgreSQL (default) or one SQLite file in DATA_DIR (then one process only: a commune's deployment). */
  engine?: 'postgres' | 'sqlite';
  /** How many processes (default 2; 1 with SQLite). */
  processes?: number;
  /** Extra environment for every process (e.g. RATE_LIMIT: 'on', WORKER: 'off', METRICS_TOKEN). */
  env?: Record<string, string>;
  /** `serve` (default: DEMO off) or `start` (demo mode; DEMO_HISTORY is off unless set in env). */
  command?: 'serve' | 'start';
  /** Seed the demo units, catalogue, calendar and accounts before starting (default true). */
  seed?: boolean;
  /** One DATA_DIR for all processes (default true); false: one each, with a common SECRET_KEY. */
  sharedDataDir?: boolean;
  /** How long to wait for each process's /readyz (default 120 s: tsx compiles on a busy machine). */
  readyTimeoutMs?: number;
  /** Run once on the seeded database before any process starts (e.g. a unit's queue settings). */
  prepare?: (services: Services) => Promise<unknown>;
}

export { freePort };

/** Polls `f` every 50 ms until it gives something other than undefined/false. */
export async function waitFor<T>(what: string, f: () => Promise<T | undefined | false> | T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function spawnServer(command: 'serve' | 'start', env: Record<string, string>, port: number): ClusterProcess {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', command], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: env.PUBLIC_URL ?? url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (timeoutMs = 30_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(t);
    }
  };
  return { url, port, pid: child.pid!, child, output: () => out, exited, stop };
}

async function whenReady(p: ClusterProcess, ms: number): Promise<void> {
  let gone = false;
  void p.exited.then(() => (gone = true));
  await waitFor(
    `${p.url}/readyz`,
    async () => {
      if (gone) throw new Error(`the process on ${p.url} exited before it was ready:\n${p.output().slice(-4000)}`);
      try {
        return (await fetch(`${p.url}/readyz`)).status === 200;
      } catch {
        return false;
      }
    },
    ms,
  ).catch((e: Error) => {
    throw new Error(`${e.message}\n--- output of ${p.url} ---\n${p.output().slice(-4000)}`);
  });
}

/** Runs `node --import tsx src/main.ts <args>` to its end (what `npm run motcua -- <args>` does). */
function runCommand(args: string[], env: Record<string, string>): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr, exitedAt: Date.now() }));
  });
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const sqlite = opts.engine === 'sqlite';
  if (!sqlite && !process.env.TEST_DATABASE_URL) throw new Error('startCluster needs TEST_DATABASE_URL (a PostgreSQL server)');
  const n = opts.processes ?? (sqlite ? 1 : 2);
  if (sqlite && (n !== 1 || opts.sharedDataDir === false)) throw new Error('startCluster: SQLite serves with one process on one DATA_DIR');
  const command = opts.command ?? 'serve';
  const shared = opts.sharedDataDir !== false;
  const readyMs = opts.readyTimeoutMs ?? 120_000;
  const dirs: string[] = [];
  const newDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cluster-'));
    dirs.push(d);
    return d;
  };
  const dataDir = newDir();
  const created = sqlite ? { url: `sqlite:${path.join(dataDir, 'motcua.db')}`, drop: async () => undefined } : await createPgDatabase();
  const env: Record<string, string> = {
    DATABASE_URL: created.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    RATE_LIMIT: 'off',
    DEMO_HISTORY: 'off',
    SECRET_KEY: 'cluster-test-secret-key-0123456789abcdef',
    SHUTDOWN_TIMEOUT_SECONDS: '10',
    ...opts.env,
  };
  const processes: ClusterProcess[] = [];
  const stopAll = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  const cleanup = async () => {
    await stopAll();
    await created.drop().catch(() => undefined);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  };
  try {
    // Migrated and seeded once, here, before any process starts (they would race to seed it).
    const services = await buildServices(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      if (opts.seed !== false) {
        await seedDemo(services.units, services.catalog, services.accounts);
        await seedCalendarDemo(services.calendars);
        // The demo ward's queue: services A–D, counters 1–3 open.
        await services.queue.seedDemo(DEMO_QUEUE_UNIT);
      }
      await opts.prepare?.(services);
    } finally {
      await services.database.close();
    }
    const add = async (extraEnv: Record<string, string> = {}): Promise<ClusterProcess> => {
      const p = spawnServer(command, { ...env, ...(shared ? {} : { DATA_DIR: newDir() }), ...extraEnv }, await freePort());
      processes.push(p);
      await whenReady(p, readyMs);
      return p;
    };
    // Started together (each compiles the code with tsx: the slow part), then waited for.
    const ports: number[] = [];
    for (let i = 0; i < n; i++) ports.push(await freePort());
    const started = ports.map((port) => {
      const p = spawnServer(command, { ...env, ...(shared ? {} : { DATA_DIR: newDir() }) }, port);
      processes.push(p);
      return p;
    });
    await Promise.all(started.map((p) => whenReady(p, readyMs)));
    return {
      get urls() {
        return processes.map((p) => p.url);
      },
      processes,
      databaseUrl: created.url,
      dataDir,
      env,
      add,
      command: (args, extraEnv = {}) => runCommand(args, { ...env, ...extraEnv }),
      output: () => processes.map((p) => `--- ${p.url} (pid ${p.pid}) ---\n${p.output()}`).join('\n'),
      stop: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
