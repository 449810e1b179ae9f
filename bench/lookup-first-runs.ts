/**
 * `npx tsx bench/lookup-first-runs.ts <none|route404|found> [seed]`: what the code's first runs cost
 * the first tracking lookups after a start (issue 16), in this process — the app built on the
 * generated province as `serve` builds it (catalogue loaded), then 40 never-read dossiers looked up
 * one at a time through `app.inject`, after a warm-up of one kind:
 * - none: no warm-up;
 * - route404: one lookup of a code no dossier has, through the route (404);
 * - found: one lookup of another dossier, through the route (200).
 * Printed: the warm-up's time, the first six lookups, the sum of the first ten and the p50 of the
 * other thirty. Run each kind in a fresh process, alternating; the database is only read.
 * Settings: BENCH_PROVINCE_DB_URL (as bench:province).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { loadAverage } from './lib';
import { provinceDatabaseUrl } from './province-data';

const mode = process.argv[2] ?? 'none';
const seed = Number(process.argv[3] ?? 5000);
const headers = { accept: 'application/json', 'accept-encoding': 'br' };

async function main() {
  if (!['none', 'route404', 'found'].includes(mode)) throw new Error(`unknown warm-up ${mode}: none, route404 or found`);
  const url = provinceDatabaseUrl();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const list = (await c.query(`SELECT code, applicant_phone AS phone FROM dossiers TABLESAMPLE SYSTEM (1) REPEATABLE (${Math.trunc(seed)}) WHERE code IS NOT NULL LIMIT 41`)).rows as Array<{ code: string; phone: string }>;
  await c.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-first-'));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off', WORKER: 'off', REQUIRE_PHONE_VERIFICATION: 'off' });
  const services = await buildServices(config);
  const app = await buildApp(config, services);
  try {
    await app.ready();
    await services.catalog.version();
    const extra = list.pop()!;
    const tw = performance.now();
    if (mode === 'route404') await app.inject({ method: 'GET', url: '/api/dossiers/0-000000-0?phone=0900000000', headers });
    if (mode === 'found') await app.inject({ method: 'GET', url: `/api/dossiers/${extra.code}?phone=${extra.phone}`, headers });
    const warm = performance.now() - tw;
    const times: number[] = [];
    for (const d of list) {
      const t = performance.now();
      const r = await app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${d.phone}`, headers });
      times.push(performance.now() - t);
      if (r.statusCode !== 200) throw new Error(`${d.code}: ${r.statusCode}`);
    }
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const rest = times.slice(10).sort((a, b) => a - b);
    console.log(
      `${mode.padEnd(8)} warm-up ${r1(warm)} ms; first lookups ${times.slice(0, 6).map(r1).join(' ')}; first ten ${r1(times.slice(0, 10).reduce((a, b) => a + b, 0))} ms; the next thirty p50 ${r1(rest[rest.length >> 1]!)} ms; load ${loadAverage()}`,
    );
  } finally {
    await app.close();
    await services.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
