/**
 * `npm run bench`: throughput of the procedure page and the API search over the full national
 * catalogue, against a bare Fastify route measured in the same run; search latency in process;
 * server memory after the full import. Prints ratios, not absolute verdicts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { NATIONAL_FILE } from '../src/shared/testing';
import { freePort, load, pct, ROOT, rssMb, startServer, TSX } from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const QUERY = 'dang ky khai sinh';

async function main() {
  if (!fs.existsSync(NATIONAL_FILE)) throw new Error(`Cần tệp dữ liệu quốc gia ở ${NATIONAL_FILE}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  const env = { DATA_DIR: dataDir, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', DEMO: 'on' };
  console.log(`Chuẩn bị: CSDL SQLite tạm ở ${dataDir}, dữ liệu mẫu + toàn bộ danh mục quốc gia…`);
  execFileSync(TSX, ['src/main.ts', 'seed'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  const t0 = performance.now();
  execFileSync(TSX, ['src/main.ts', 'import-tthc', NATIONAL_FILE, '--unit', '00004'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const importSeconds = (performance.now() - t0) / 1000;

  // In-process search latency over the whole catalogue offered by the unit.
  const services = await buildServices(loadConfig(env));
  const catalogSize = (await services.catalog.search('00004', { limit: 1 })).total;
  const queries = [QUERY, 'đăng ký kết hôn', 'chung thuc ban sao', 'tạm trú', 'hoà giải tranh chấp đất đai', 'cấp giấy phép xây dựng', 'ho ngheo', 'khai tu', 'căn cước', 'xac nhan tinh trang hon nhan'];
  for (let i = 0; i < 200; i++) await services.catalog.search('00004', { q: queries[i % queries.length], limit: 20 });
  const times: number[] = [];
  const one: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const q = queries[i % queries.length]!;
    const s = performance.now();
    await services.catalog.search('00004', { q, limit: 20 });
    const d = performance.now() - s;
    times.push(d);
    if (q === QUERY) one.push(d);
  }
  await services.database.close();

  const basePort = await freePort();
  const base = await startServer(['bench/baseline-server.ts'], {}, basePort, '/');
  const appPort = await freePort();
  const app = await startServer(['src/main.ts', 'serve'], env, appPort);

  const urls = {
    bare: `http://127.0.0.1:${basePort}/`,
    page: `http://127.0.0.1:${appPort}/p/00004/1.001193`,
    search: `http://127.0.0.1:${appPort}/api/procedures?q=${encodeURIComponent(QUERY)}`,
  };
  // Warm up, then measure each for SECONDS.
  for (const u of Object.values(urls)) await load(u, 2);
  const bare = await load(urls.bare, SECONDS);
  const page = await load(urls.page, SECONDS);
  const search = await load(urls.search, SECONDS);
  const rss = rssMb(app.child.pid!);
  await base.stop();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const f = (n: number) => n.toFixed(0);
  const ratio = (n: number) => `${((n / bare.rps) * 100).toFixed(0)}%`;
  const ms = (n: number) => n.toFixed(3);
  const lines = [
    `motcua bench — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}, SQLite, ${catalogSize} procedures in the unit's catalogue`,
    `import of the national file: ${importSeconds.toFixed(1)} s`,
    '',
    '| route | req/s | vs bare route | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| bare Fastify route (baseline) | ${f(bare.rps)} | 100% | ${bare.p50} | ${bare.p99} | ${bare.errors + bare.non2xx} |`,
    `| procedure page /p/00004/1.001193 | ${f(page.rps)} | ${ratio(page.rps)} | ${page.p50} | ${page.p99} | ${page.errors + page.non2xx} |`,
    `| API search q="${QUERY}" | ${f(search.rps)} | ${ratio(search.rps)} | ${search.p50} | ${search.p99} | ${search.errors + search.non2xx} |`,
    '',
    `search in process over ${catalogSize} procedures (10 queries, 3000 runs): p50 ${ms(pct(times, 50))} ms, p99 ${ms(pct(times, 99))} ms; "${QUERY}" p50 ${ms(pct(one, 50))} ms`,
    `server RSS after the full import and the load: ${rss} MB`,
    '',
    `targets: page and search ≥ 50% of bare → ${page.rps / bare.rps >= 0.5 ? 'met' : 'NOT met'} / ${search.rps / bare.rps >= 0.5 ? 'met' : 'NOT met'}; search p50 < 2 ms → ${pct(times, 50) < 2 ? 'met' : 'NOT met'}; RSS < 200 MB → ${rss < 200 ? 'met' : 'NOT met'}`,
  ];
  console.log('\n' + lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
