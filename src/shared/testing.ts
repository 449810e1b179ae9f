/**
 * Test support: every repo/service/HTTP test runs against a real SQLite and, when
 * TEST_DATABASE_URL points at a PostgreSQL server, a real PostgreSQL (CI sets it and
 * REQUIRE_POSTGRES=1, so nothing is skipped there). Each environment gets its own fresh
 * database and data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp, buildServices, type Services } from '../app';
import { loadConfig, type Config } from '../config';
import { seedDemo } from '../demo';
import type { Clock } from './clock';
import { uuidv7 } from './ids';

export type Engine = 'sqlite' | 'postgres';

export function engines(): Engine[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 nhưng chưa đặt TEST_DATABASE_URL');
  }
  return pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestEnv {
  engine: Engine;
  config: Config;
  services: Services;
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `motcua_t_${uuidv7().replace(/-/g, '').slice(-16)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

export async function createTestEnv(
  engine: Engine,
  opts: { seed?: boolean; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  let dropPg: (() => Promise<void>) | undefined;
  let databaseUrl = `sqlite:${path.join(dataDir, 'test.db')}`;
  if (engine === 'postgres') {
    const created = await createPgDatabase();
    databaseUrl = created.url;
    dropPg = created.drop;
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://motcua.test',
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const services = await buildServices(config, { clock: opts.clock });
  if (opts.seed !== false) await seedDemo(services.units, services.catalog, services.accounts);
  const app = await buildApp(config, services);
  await app.ready();
  return {
    engine,
    config,
    services,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await services.database.close();
      await dropPg?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Path of the national data set beside the repository (never copied into it). */
export const NATIONAL_FILE = fileURLToPathSafe(new URL('../../../shared/data/tthc-national.jsonl', import.meta.url));

function fileURLToPathSafe(u: URL): string {
  return decodeURIComponent(u.pathname);
}

/**
 * For tests that run real processes on the real clock (they cannot be given a fixed one): if it is
 * the last minute of the day in Hà Nội (UTC+7, no summer time), waits for the next day to begin, so
 * that "today" does not change in the middle of the test and a closing time of 23:59 is never past.
 */
export async function notInTheDaysLastMinute(now: () => number = Date.now): Promise<void> {
  const dayMs = 86_400_000;
  const intoDay = (now() + 7 * 3_600_000) % dayMs;
  if (intoDay >= dayMs - 60_000) await new Promise((r) => setTimeout(r, dayMs - intoDay + 1_000));
}
