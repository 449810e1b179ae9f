/**
 * Memory under hostile uploads, measured on a real server process (its peak resident set, VmHWM,
 * from /proc, reset before each request): one request of 40 files of 10 MB, and a 2.7 MB bank
 * statement .xlsx whose sheet holds a million cells. Before streaming, both grew the server by
 * hundreds of MB (all 400 MB buffered before the 422; exceljs loading the sheet whole).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPgDatabase, engines } from './testing';
import { bombStatement } from './uploads.testing';
import { freePort } from './net.testing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

function status(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${key}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}


/** Sends a multipart body produced chunk by chunk; stops writing as soon as the server answers. */
function postStream(port: number, url: string, headers: Record<string, string>, chunks: () => Generator<Buffer>): Promise<{ status: number; body: string; sentMb: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: url, headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sentMb: sent / MB });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const gen = chunks();
    const pump = () => {
      for (;;) {
        if (answered || req.destroyed) return;
        const n = gen.next();
        if (n.done) {
          req.end();
          return;
        }
        sent += n.value.length;
        if (!req.write(n.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

for (const engine of engines()) {
  describe(`uploads do not take the server's memory [${engine}]`, () => {
    let child: ChildProcess;
    let port: number;
    let dataDir: string;
    let dropPg: (() => Promise<void>) | undefined;
    let log = '';

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-mem-'));
      let databaseUrl = `sqlite:${path.join(dataDir, 'test.db')}`;
      if (engine === 'postgres') {
        const db = await createPgDatabase();
        databaseUrl = db.url;
        dropPg = db.drop;
      }
      port = await freePort();
      // node itself (not the tsx CLI, which would be a parent process with its own memory); `start`
      // without the demo history (a year of dossiers would be written first).
      child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', WORKER: 'off', REQUIRE_PHONE_VERIFICATION: 'off', DEMO_HISTORY: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
        if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Warm up the paths measured below, so that code loading is not counted as upload memory.
      await fetch(`http://127.0.0.1:${port}/api/procedures/1.001193/form`);
    }, 120_000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await dropPg?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    /** Peak RSS is reset to the current RSS (Linux: clear_refs 5), so the next peak is this request's. */
    const resetPeak = () => {
      fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
      return status(child.pid!, 'VmRSS');
    };

    it('refuses 40 × 10 MB in one request at the 50 MB limit, with little memory and no temporary file left', async () => {
      const before = resetPeak();
      const boundary = '----motcuamem' + Date.now();
      const tenMb = Buffer.alloc(10 * MB, 0x20);
      Buffer.from('%PDF-1.4\n').copy(tenMb);
      const dossier = JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345', address: 'Số 1 Đội Cấn' }, formData: {} });
      const r = await postStream(port, '/api/dossiers', { 'content-type': `multipart/form-data; boundary=${boundary}` }, function* () {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${dossier}\r\n`);
        for (let i = 0; i < 40; i++) {
          yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="chung.0"; filename="to-${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
          for (let j = 0; j < 10; j++) yield tenMb.subarray(j * MB, (j + 1) * MB);
          yield Buffer.from('\r\n');
        }
        yield Buffer.from(`--${boundary}--\r\n`);
      });
      const peak = status(child.pid!, 'VmHWM');
      const growth = peak - before;
      process.stdout.write(`[${engine}] 40 × 10 MB upload: RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, growth ${growth.toFixed(0)} MB (client had sent ${r.sentMb.toFixed(0)} MB when answered)\n`);
      expect(r.status, r.body).toBe(422);
      expect(JSON.parse(r.body).error.code).toBe('upload_too_large');
      expect(growth).toBeLessThan(100);
      // The temporary files of the refused request are gone.
      await vi.waitFor(() => expect(fs.readdirSync(path.join(dataDir, 'uploads-tmp'))).toEqual([]), { timeout: 5000, interval: 20 });
    }, 120_000);

    it('refuses a .xlsx statement of a million cells before loading it', async () => {
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tiepnhan', password: 'demo' }) });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const xlsx = bombStatement(100_000, 10);
      const before = resetPeak();
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(xlsx)]), 'sao-ke.xlsx');
      const r = await fetch(`http://127.0.0.1:${port}/api/payments/reconciliation`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: fd });
      const body = await r.text();
      const peak = status(child.pid!, 'VmHWM');
      process.stdout.write(`[${engine}] ${(xlsx.length / 1024).toFixed(0)} KB statement of 1,000,000 cells: peak RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MB (growth ${(peak - before).toFixed(0)} MB)\n`);
      expect(r.status, body).toBe(422);
      expect(JSON.parse(body).error.code).toBe('statement_too_large');
      expect(peak - before).toBeLessThan(100);
    }, 120_000);
  });
}
