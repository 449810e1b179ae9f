/**
 * Graceful shutdown of a real server process (node + tsx, src/main.ts serve, a SQLite file in a
 * temporary DATA_DIR), driven over real sockets: a request whose body is still arriving when
 * SIGTERM comes gets its whole answer, new connections are refused, the process stops with 0 and
 * leaves the database closed; a request that never ends is cut after SHUTDOWN_TIMEOUT_SECONDS.
 * Also: `motcua restore` refuses to replace the database of that running server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { restoreCommand } from './ops.commands';
import { freePort } from '../shared/net.testing';

const ROOT = path.resolve(import.meta.dirname, '../..');


interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number, env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'motcua.db')}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', RATE_LIMIT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
}

async function until<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ready = (port: number) => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => (r.status === 200 ? true : undefined), () => undefined);

/** A login whose body is sent in two parts: the headers and a first part now, the rest later. */
function slowLogin(port: number) {
  const body = JSON.stringify({ username: 'khong-co', password: 'sai-mat-khau' });
  const sock = net.connect(port, '127.0.0.1');
  let answer = '';
  sock.on('data', (d) => (answer += d));
  const ended = new Promise<void>((resolve) => sock.on('close', () => resolve()));
  sock.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
  return { finish: () => sock.write(body.slice(10)), answer: () => answer, ended, sock };
}

const procs: Proc[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shutdown-'));
  dirs.push(d);
  return d;
}

describe('Graceful shutdown of a real server process [sqlite]', () => {
  it('finishes the request in progress at SIGTERM, refuses new connections, then stops cleanly', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const p = start(dataDir, port, { SHUTDOWN_TIMEOUT_SECONDS: '30' });
    procs.push(p);
    await until('the server to be ready', () => ready(port));
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toContain(`${p.child.pid}.json`);

    // `motcua restore` will not replace the database under a running server.
    const refused = await restoreCommand(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'motcua.db')}` }), [path.join(dataDir, 'khong-co.db')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`tiến trình ${p.child.pid}`);

    const slow = slowLogin(port);
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill('SIGTERM');
    await until('the shutdown to begin', () => p.out().includes('Nhận SIGTERM'));
    expect(p.out()).toMatch(/chờ 1 yêu cầu đang xử lý/);
    // No new connection once the signal is taken.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(p.child.exitCode).toBeNull();

    slow.finish();
    await slow.ended;
    const answer = slow.answer();
    // The whole answer of the request begun before the signal (wrong password: 422), and the
    // connection closed after it rather than kept alive.
    expect(answer).toMatch(/^HTTP\/1\.1 422 /);
    expect(answer).toContain('"error":{"code":"sign_in_failed","message":"Tên đăng nhập hoặc mật khẩu không đúng."}');
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('Đã dừng sau');
    // Its mark is gone and the database was closed (the write-ahead log folded back and removed).
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'motcua.db-wal'))).toBe(false);
  }, 180_000);

  it('cuts a request that does not end within SHUTDOWN_TIMEOUT_SECONDS and exits with 1', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const p = start(dataDir, port, { SHUTDOWN_TIMEOUT_SECONDS: '2' });
    procs.push(p);
    await until('the server to be ready', () => ready(port));
    const stuck = slowLogin(port);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(15_000);
    expect(p.out()).toContain('ngắt 1 yêu cầu còn dở');
    await stuck.ended;
  }, 180_000);
});
