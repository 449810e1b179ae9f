/**
 * `npx tsx bench/answer-compression.ts`: what compressing an answer made per request costs, by
 * quality. On the generated province (as bench:province makes it), a real server gives the
 * uncompressed tracking answers of BENCH_ANSWERS (200) dossiers (LOOKUP_SEED, 16); then, in this
 * process, each answer is compressed as src/shared/compress.ts compresses it — brotli at qualities
 * 1, 3, 4, 5, 6 and 9 (the window fitted to the answer), gzip at levels 6 and 9 — in alternating rounds,
 * and the CPU per answer (process.cpuUsage: load-independent within the noise of a shared machine)
 * and the bytes sent are printed for each. ANSWERS_FILE keeps the answers for later runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { windowBits } from '../src/shared/compress';
import { loadAverage, pct } from './lib';
import { findProvince, provinceDatabaseUrl, sampleDossiers } from './province-data';
import { startApp } from './submission';

const N = Number(process.env.BENCH_ANSWERS ?? 200);
const SEED = Number(process.env.LOOKUP_SEED ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const brotli = (q: number) => (b: Buffer) =>
  zlib.brotliCompressSync(b, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length, [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(b.length) },
  });
const gzip = (level: number) => (b: Buffer) => zlib.gzipSync(b, { level });

const KINDS: Array<[string, (b: Buffer) => Buffer]> = [
  ['brotli 9', brotli(9)],
  ['brotli 6', brotli(6)],
  ['brotli 5', brotli(5)],
  ['brotli 4', brotli(4)],
  ['brotli 3', brotli(3)],
  ['brotli 1', brotli(1)],
  ['gzip 9', gzip(9)],
  ['gzip 6', gzip(6)],
];

async function answers(): Promise<Buffer[]> {
  const url = provinceDatabaseUrl();
  const p = await findProvince(url);
  if (!p) throw new Error(`no generated province in ${url}: run npm run bench:province once`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-compression-'));
  const app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: url, RATE_LIMIT: 'off', LOG_LEVEL: 'silent', REQUIRE_PHONE_VERIFICATION: 'off', DEFAULT_UNIT: p.units[0]!.code });
  try {
    const out: Buffer[] = [];
    for (const d of await sampleDossiers(url, N, SEED)) {
      const r = await fetch(`${app.url}/api/dossiers/${d.code}?phone=${d.phone}`, { headers: { accept: 'application/json', 'accept-encoding': 'identity' } });
      if (r.status === 200) out.push(Buffer.from(await r.arrayBuffer()));
    }
    return out;
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  // ANSWERS_FILE: the answers kept there (read if it exists, else fetched and written), to compare
  // the same bodies in several runs without starting the server again.
  const file = process.env.ANSWERS_FILE;
  const fetched = !(file && fs.existsSync(file));
  const bodies = file && !fetched ? (JSON.parse(fs.readFileSync(file, 'utf8')) as string[]).map((s) => Buffer.from(s, 'base64')) : await answers();
  if (file && fetched) fs.writeFileSync(file, JSON.stringify(bodies.map((b) => b.toString('base64'))));
  const sizes = bodies.map((b) => b.length);
  console.log(`${bodies.length} answers (${file && !fetched ? file : `seed ${SEED}`}): ${Math.round(sizes.reduce((a, b) => a + b, 0) / bodies.length)} B on average, p50 ${pct(sizes, 50)} B, max ${Math.max(...sizes)} B; load ${loadAverage()}`);
  const cpu = new Map<string, number[]>(KINDS.map(([k]) => [k, []]));
  for (const [, f] of KINDS) for (const b of bodies) f(b); // warm
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, f] of r % 2 ? [...KINDS].reverse() : KINDS) {
      const c0 = process.cpuUsage();
      for (const b of bodies) f(b);
      const c = process.cpuUsage(c0);
      cpu.get(k)!.push((c.user + c.system) / bodies.length);
    }
  }
  for (const [k, f] of KINDS) {
    const out = bodies.map((b) => f(b).length);
    const total = out.reduce((a, b) => a + b, 0);
    const us = cpu.get(k)!;
    console.log(`  ${k.padEnd(9)} CPU per answer p50 ${pct(us, 50).toFixed(1)} µs (rounds' min ${Math.min(...us).toFixed(1)}), ${Math.round(total / out.length)} B on average (${((100 * total) / sizes.reduce((a, b) => a + b, 0)).toFixed(1)} %), max ${Math.max(...out)} B`);
  }
  console.log(`load ${loadAverage()}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
