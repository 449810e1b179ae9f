/**
 * `npm run bench`: throughput of motcua's main answers, each against ITS OWN CEILING — a bare
 * Fastify route in its own process (bench/ceiling-server.ts) that sends the very bytes and headers
 * motcua sent for that URL, recorded once, with no work. A ratio of 1.0 means motcua spends
 * nothing per request beyond what Fastify and the network cost for that answer; against a
 * 2-byte "ok" the ratio says nothing about a 13 KB page.
 *
 * Answers: the procedure page (the QR landing page), with a phone's Accept-Encoding (br) and
 * without (identity); the API search over the full national catalogue; the tracking lookup by
 * code + phone (GET /api/dossiers/:code?phone=); the stylesheet (fingerprinted, br). Each is
 * measured in BENCH_RUNS (3) alternating runs of BENCH_SECONDS (3) s against its ceiling, with 16
 * connections; the ratio is the mean of motcua's runs over the mean of the ceiling's.
 * BENCH_ONLY_ANSWER: only the answers whose label starts with it ('API search', 'procedure page',
 * 'tracking lookup', 'stylesheet').
 * Also: search latency in process, import time, server RSS. PostgreSQL figures: see the end.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { NATIONAL_FILE } from '../src/shared/testing';
import { BROWSER_HEADERS, freePort, load, loadAverage, pct, ROOT, rssMb, startServer, treeCpuSeconds, TSX, type LoadResult } from './lib';

/** The national catalogue export (beside the repository; BENCH_NATIONAL_FILE for another place). */
const NATIONAL = process.env.BENCH_NATIONAL_FILE ?? NATIONAL_FILE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** One answer (or two: both procedure pages) by the start of its label, e.g. 'API search'; all when unset. */
const ONLY = process.env.BENCH_ONLY_ANSWER;
const QUERY = 'dang ky khai sinh';
const PHONE = '0912345678';
const IDENTITY = { ...BROWSER_HEADERS, 'accept-encoding': 'identity' };
/** Headers a server writes per connection or per moment, not part of the answer. */
const TRANSIENT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (!TRANSIENT.has(k) && v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** A small valid PDF, for the one paper the bench's dossier needs. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Submits one online dossier through the API (multipart, its required papers attached); returns its code. */
async function submitDossier(base: string, procedureCode = '1.004746'): Promise<string> {
  const form = (await (await fetch(`${base}/api/procedures/${procedureCode}/form`)).json()) as any;
  const formData: Record<string, unknown> = {};
  for (const k of form.formData.required ?? []) {
    const p = form.formData.properties[k];
    formData[k] = p.enum ? p.enum[0] : p.type === 'boolean' ? true : p.type === 'integer' || p.type === 'number' ? Math.max(1, p.minimum ?? 1) : p.format === 'date' ? '2020-11-20' : p.format === 'email' ? 'an@example.vn' : String(p.pattern ?? '').includes('84') ? PHONE : String(p.pattern ?? '').includes('12') ? '001090012345' : 'Nguyễn Minh Khang';
  }
  const comps: string[] = form.cases[0].components.filter((c: any) => c.required).map((c: any) => c.id);
  const fd = new FormData();
  fd.append('dossier', JSON.stringify({ procedureCode, channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: PHONE, idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình' }, formData }));
  for (const c of comps) fd.append(c, new Blob([PDF], { type: 'application/pdf' }), `${c}.pdf`);
  const r = await fetch(`${base}/api/dossiers`, { method: 'POST', body: fd });
  if (r.status !== 201) throw new Error(`bench dossier refused: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { code: string }).code;
}

interface Answer {
  label: string;
  path: string;
  headers: Record<string, string>;
  encoding: 'br' | 'gzip' | 'identity';
  target?: number;
}

interface Measured extends Answer {
  bytes: number;
  app: LoadResult[];
  ceiling: LoadResult[];
  ratio: number;
  /** CPU time (all threads, µs) per answer of motcua's server process and of the ceiling's, over all runs. */
  appCpuUs: number;
  ceilingCpuUs: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  if (!fs.existsSync(NATIONAL)) throw new Error(`Cần tệp dữ liệu quốc gia ở ${NATIONAL} (hoặc đặt BENCH_NATIONAL_FILE)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  const env = { DATA_DIR: dataDir, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', DEMO: 'on', REQUIRE_PHONE_VERIFICATION: 'off', WORKER: 'off' };
  console.log(`Chuẩn bị: CSDL SQLite tạm ở ${dataDir}, dữ liệu mẫu + toàn bộ danh mục quốc gia…`);
  execFileSync(TSX, ['src/main.ts', 'seed'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  const t0 = performance.now();
  execFileSync(TSX, ['src/main.ts', 'import-tthc', NATIONAL, '--unit', '00004'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const importSeconds = (performance.now() - t0) / 1000;

  // In-process search latency over the whole catalogue offered by the unit.
  const services = await buildServices(loadConfig(env));
  const catalogSize = (await services.catalog.search('00004', { limit: 1 })).total;
  const queries = [QUERY, 'đăng ký kết hôn', 'chung thuc ban sao', 'tạm trú', 'hoà giải tranh chấp đất đai', 'cấp giấy phép xây dựng', 'ho ngheo', 'khai tu', 'căn cước', 'xac nhan tinh trang hon nhan'];
  for (let i = 0; i < 200; i++) await services.catalog.search('00004', { q: queries[i % queries.length], limit: 20 });
  const times: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const s = performance.now();
    await services.catalog.search('00004', { q: queries[i % queries.length]!, limit: 20 });
    times.push(performance.now() - s);
  }
  await services.database.close();

  const appPort = await freePort();
  const app = await startServer(['src/main.ts', 'serve'], env, appPort);
  const base = `http://127.0.0.1:${appPort}`;
  const code = await submitDossier(base);
  const pageHtml = (await rawGet(`${base}/p/00004/1.001193`, IDENTITY)).body.toString();
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(pageHtml)?.[1];
  if (!stylesheet) throw new Error('no stylesheet link on the procedure page');

  const all: Answer[] = [
    { label: 'procedure page /p/00004/1.001193 (br)', path: '/p/00004/1.001193', headers: BROWSER_HEADERS, encoding: 'br', target: 0.9 },
    { label: 'procedure page /p/00004/1.001193 (identity)', path: '/p/00004/1.001193', headers: IDENTITY, encoding: 'identity', target: 0.9 },
    { label: `API search /api/procedures?q=${QUERY} (br)`, path: `/api/procedures?q=${encodeURIComponent(QUERY)}`, headers: BROWSER_HEADERS, encoding: 'br', target: 0.9 },
    { label: 'tracking lookup /api/dossiers/:code?phone= (br)', path: `/api/dossiers/${code}?phone=${PHONE}`, headers: BROWSER_HEADERS, encoding: 'br', target: 0.7 },
    { label: `stylesheet ${stylesheet} (br)`, path: stylesheet, headers: BROWSER_HEADERS, encoding: 'br' },
  ];
  const answers = all.filter((a) => !ONLY || a.label.startsWith(ONLY));
  if (!answers.length) throw new Error(`BENCH_ONLY_ANSWER=${ONLY}: no answer's label starts so (${all.map((a) => a.label.split(' /')[0]).join(', ')})`);

  // Record each answer once, as motcua sends it, for the ceiling server.
  const recordings = [];
  const sizes = new Map<Answer, number>();
  for (const a of answers) {
    const r = await rawGet(`${base}${a.path}`, a.headers);
    if (r.status !== 200) throw new Error(`${a.path}: ${r.status} ${r.body.toString().slice(0, 300)}`);
    const got = r.headers['content-encoding'] ?? 'identity';
    if (got !== a.encoding) console.log(`  note: ${a.path} answered with content-encoding ${got}, not ${a.encoding}`);
    sizes.set(a, r.body.length);
    recordings.push({ path: a.path, encoding: got, status: r.status, headers: r.headers, body: r.body.toString('base64') });
  }
  const ceilingFile = path.join(dataDir, 'ceiling.json');
  fs.writeFileSync(ceilingFile, JSON.stringify(recordings));
  const ceilingPort = await freePort();
  const ceiling = await startServer(['bench/ceiling-server.ts'], { CEILING_FILE: ceilingFile }, ceilingPort);
  const cbase = `http://127.0.0.1:${ceilingPort}`;

  const measured: Measured[] = [];
  for (const a of answers) {
    console.log(`Đo ${a.label}: ${RUNS} × ${SECONDS} s, xen kẽ với trần…`);
    await load(`${base}${a.path}`, 1, 16, a.headers);
    await load(`${cbase}${a.path}`, 1, 16, a.headers);
    const appRuns: LoadResult[] = [];
    const ceilRuns: LoadResult[] = [];
    // CPU seconds of each server during its own runs: unlike a rate, hardly moved by other work on the machine.
    let appCpu = 0;
    let ceilCpu = 0;
    const timed = async (pid: number, run: () => Promise<LoadResult>): Promise<[LoadResult, number]> => {
      const c0 = treeCpuSeconds(pid);
      const r = await run();
      return [r, treeCpuSeconds(pid) - c0];
    };
    for (let i = 0; i < RUNS; i++) {
      const [ar, ac] = await timed(app.child.pid!, () => load(`${base}${a.path}`, SECONDS, 16, a.headers));
      const [cr, cc] = await timed(ceiling.child.pid!, () => load(`${cbase}${a.path}`, SECONDS, 16, a.headers));
      appRuns.push(ar);
      ceilRuns.push(cr);
      appCpu += ac;
      ceilCpu += cc;
    }
    const perAnswer = (cpu: number, rs: LoadResult[]) => (cpu * 1e6) / Math.max(1, rs.reduce((n, r) => n + r.count, 0));
    measured.push({
      ...a,
      bytes: sizes.get(a)!,
      app: appRuns,
      ceiling: ceilRuns,
      ratio: mean(appRuns.map((r) => r.rps)) / mean(ceilRuns.map((r) => r.rps)),
      appCpuUs: perAnswer(appCpu, appRuns),
      ceilingCpuUs: perAnswer(ceilCpu, ceilRuns),
    });
  }
  const rss = rssMb(app.child.pid!);
  await ceiling.stop();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const f = (n: number) => n.toFixed(0);
  const ms = (n: number) => n.toFixed(3);
  const errors = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.errors + r.non2xx, 0);
  const lines = [
    `motcua bench — ${new Date().toISOString()} — ${os.cpus().length} CPU, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}, SQLite, ${catalogSize} procedures in the unit's catalogue`,
    `each answer: ${RUNS} alternating runs of ${SECONDS} s against its ceiling (a bare Fastify route in its own process sending the same bytes and headers), 16 connections${ONLY ? `; BENCH_ONLY_ANSWER=${ONLY}` : ''}`,
    '',
    '| answer | bytes sent | motcua req/s | ceiling req/s | of its ceiling | target | p50 / p99 ms | errors | server CPU µs per answer, motcua / ceiling |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measured.map(
      (m) =>
        `| ${m.label} | ${m.bytes} | ${f(mean(m.app.map((r) => r.rps)))} | ${f(mean(m.ceiling.map((r) => r.rps)))} | ${m.ratio.toFixed(2)} | ${m.target ? `≥ ${m.target}` : '–'} | ${m.app[m.app.length - 1]!.p50} / ${m.app[m.app.length - 1]!.p99} | ${errors(m.app)} | ${f(m.appCpuUs)} / ${f(m.ceilingCpuUs)} (${(m.ceilingCpuUs / m.appCpuUs).toFixed(2)}) |`,
    ),
    `CPU per answer: user + system time of each server process (all its threads: GC, the SQLite checkpointer) over its runs, divided by the answers it sent; the ratio ceiling/motcua in brackets is what the req/s ratio would be if each server's CPU alone were the limit (the load generator shares these cores). Load average at the end: ${loadAverage()}.`,
    '',
    `runs (motcua / ceiling req/s): ${measured.map((m) => `${m.label.split(' (')[0]!.split(' /')[0]} ${m.encoding}: ${m.app.map((r) => f(r.rps)).join(', ')} / ${m.ceiling.map((r) => f(r.rps)).join(', ')}`).join('; ')}`,
    `import of the national file: ${importSeconds.toFixed(1)} s; search in process over ${catalogSize} procedures (10 queries, 3000 runs): p50 ${ms(pct(times, 50))} ms, p99 ${ms(pct(times, 99))} ms`,
    `server RSS after the load: ${rss} MB`,
    '',
    `targets: ${measured
      .filter((m) => m.target)
      .map((m) => `${m.label.split(' /')[0]} ${m.encoding} ${m.ratio.toFixed(2)} ≥ ${m.target} → ${m.ratio >= m.target! ? 'met' : 'NOT met'}`)
      .join('; ')}`,
  ];
  console.log('\n' + lines.join('\n'));
  postgresFigures();
}

/**
 * The PostgreSQL figures of the same table (issue 10: the worklist's name search and page data at
 * 200,000 dossiers, submissions per second), measured in this run by the benchmarks that own them
 * (bench/worklist.ts and bench/dossiers.ts, PostgreSQL only) and printed here: one command prints
 * every figure. Needs BENCH_PG_URL or TEST_DATABASE_URL; BENCH_PG=off leaves them out.
 */
function postgresFigures(): void {
  const url = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL;
  if (!url || process.env.BENCH_PG === 'off' || process.env.BENCH_ONLY_ANSWER) {
    console.log('\nPostgreSQL figures left out (set BENCH_PG_URL or TEST_DATABASE_URL; BENCH_PG=off or BENCH_ONLY_ANSWER set): `npm run bench:worklist` and `npm run bench:dossiers` print them.');
    return;
  }
  const run = (script: string, extra: Record<string, string>) => {
    console.log(`\nĐo trên PostgreSQL: ${script}…`);
    return execFileSync(TSX, [path.join(ROOT, 'bench', script)], { cwd: ROOT, env: { ...process.env, BENCH_ENGINES: 'postgres', ...extra }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  };
  const worklist = run('worklist.ts', {}).split('\n');
  const dossiers = run('dossiers.ts', { BENCH_ONLY: 'load' }).split('\n');
  const lines = [
    '',
    'PostgreSQL, the worklist at 200,000 dossiers (bench/worklist.ts, same run):',
    '| query | p50 ms | p99 ms | |',
    '| --- | ---: | ---: | --- |',
    ...worklist.filter((l) => l.startsWith('| PostgreSQL:')),
    '',
    'PostgreSQL, submissions and lookups on a real server (bench/dossiers.ts, same run):',
    ...dossiers.filter((l) => l.startsWith('| route |') || l.startsWith('| --- |') || /^\| .*\| PostgreSQL \|/.test(l)).filter((l, i, all) => all.indexOf(l) === i),
    ...dossiers.filter((l) => l.includes('CPU per answer, PostgreSQL')).map((l) => l.trim()),
    '',
    ...worklist.filter((l) => l.startsWith('target: PostgreSQL')),
    ...dossiers.filter((l) => l.startsWith('targets:')).map((l) => l.replace(/; lookups PostgreSQL.*$/, '')),
  ];
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
