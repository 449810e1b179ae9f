/**
 * `npx tsx bench/prof-answer.ts [lookup|search]`: a CPU profile of one cached answer of `npm run bench`
 * (the tracking lookup of one dossier, or the API search) under 16 connections for PROF_SECONDS (6) s,
 * summarised by cpuprofile.ts (PROF_TOP functions, 30), to see where the time goes that the ceiling does not spend.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summariseProfile } from './cpuprofile';
import { BROWSER_HEADERS, freePort, load, loadAverage, ROOT, treeCpuSeconds, TSX } from './lib';

const WHAT = process.argv[2] ?? 'lookup';
const SECONDS = Number(process.env.PROF_SECONDS ?? 6);
/** PROF_CPU=1: no profiler; the server's CPU time (all threads) per answer, which a busy machine distorts less than a rate. */
const CPU_ONLY = !!process.env.PROF_CPU;
const profArgs = (dir: string) => (CPU_ONLY ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const PHONE = '0912345678';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-prof-'));
  const env = { ...process.env, DATA_DIR: dataDir, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', DEMO: 'on', REQUIRE_PHONE_VERIFICATION: 'off', WORKER: 'off' };
  execFileSync(TSX, ['src/main.ts', 'seed'], { cwd: ROOT, env, stdio: 'ignore' });
  const port = await freePort();
  const profDir = path.join(dataDir, 'prof');
  let child = spawn(process.execPath, ['--import', 'tsx', ...profArgs(profDir), 'src/main.ts', 'serve'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let url = `${base}/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}`;
  if (WHAT === 'lookup') {
    const form = (await (await fetch(`${base}/api/procedures/1.004746/form`)).json()) as any;
    const formData: Record<string, unknown> = {};
    for (const k of form.formData.required ?? []) {
      const p = form.formData.properties[k];
      formData[k] = p.enum ? p.enum[0] : p.type === 'boolean' ? true : p.type === 'integer' || p.type === 'number' ? Math.max(1, p.minimum ?? 1) : p.format === 'date' ? '2020-11-20' : p.format === 'email' ? 'an@example.vn' : String(p.pattern ?? '').includes('84') ? PHONE : String(p.pattern ?? '').includes('12') ? '001090012345' : 'Nguyễn Minh Khang';
    }
    const fd = new FormData();
    fd.append('dossier', JSON.stringify({ procedureCode: '1.004746', channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: PHONE, idNumber: '001090012345', address: 'Số 1 phố Đội Cấn' }, formData }));
    for (const c of form.cases[0].components.filter((c: any) => c.required)) fd.append(c.id, new Blob([PDF], { type: 'application/pdf' }), `${c.id}.pdf`);
    const r = await fetch(`${base}/api/dossiers`, { method: 'POST', body: fd });
    url = `${base}/api/dossiers/${((await r.json()) as { code: string }).code}?phone=${PHONE}`;
  }
  if (process.env.PROF_CEILING) {
    // Profile the ceiling instead: the same bytes and headers, recorded from motcua.
    const r = await fetch(url, { headers: BROWSER_HEADERS });
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) headers[k] = v;
    });
    const body = Buffer.from(await r.arrayBuffer());
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(profDir, { recursive: true, force: true });
    const rec = path.join(dataDir, 'ceiling.json');
    const u = new URL(url);
    fs.writeFileSync(rec, JSON.stringify([{ path: u.pathname + u.search, encoding: headers['content-encoding'] ?? 'identity', status: r.status, headers, body: body.toString('base64') }]));
    const cport = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', ...profArgs(profDir), 'bench/ceiling-server.ts'], { cwd: ROOT, env: { ...env, PORT: String(cport), CEILING_FILE: rec }, stdio: 'ignore' });
    url = `http://127.0.0.1:${cport}${u.pathname}${u.search}`;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${cport}/healthz`)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await load(url, 2, 16, BROWSER_HEADERS);
  const t = performance.now();
  const cpu0 = treeCpuSeconds(child.pid!);
  const r = await load(url, SECONDS, 16, BROWSER_HEADERS);
  const cpu = treeCpuSeconds(child.pid!) - cpu0;
  const stopAt = performance.now();
  if (CPU_ONLY) {
    console.log(`${WHAT}${process.env.PROF_CEILING ? ' (ceiling)' : ''}: ${r.rps.toFixed(0)} req/s, server CPU ${((cpu * 1e6) / r.count).toFixed(1)} µs per answer (${r.count} answers; load average ${loadAverage()})`);
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  const margin = performance.now() - stopAt;
  const p = summariseProfile(path.join(profDir, file), Number(process.env.PROF_TOP ?? 30), [], { lastMs: SECONDS * 1000 - 200, endMarginMs: margin + 100 });
  const n = r.rps * SECONDS;
  const row = (x: { name: string; ms: number }) => `${((x.ms * 1000) / n).toFixed(1).padStart(7)} µs  ${x.name}`;
  console.log(`${WHAT}: ${r.rps.toFixed(0)} req/s under the profiler (${(performance.now() - t).toFixed(0)} ms); busy ${((p.busyMs * 1000) / n).toFixed(1)} µs/req`);
  console.log('by area:\n' + p.selfByArea.slice(0, 15).map(row).join('\n'));
  console.log('by function:\n' + p.selfByFunction.map(row).join('\n'));
  console.log('app inclusive:\n' + p.inclusiveApp.slice(0, 20).map(row).join('\n'));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
