import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated once at start-up; a wrong value
 * stops the process with a message that names the variable and says what is expected.
 */

const onOff = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'on', 'true', 'yes'].includes(s)) return true;
      if (['0', 'off', 'false', 'no'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} phải là "on" hoặc "off" (nhận được "${v}")` });
      return z.NEVER;
    });

export interface DatabaseConfig {
  kind: 'sqlite' | 'postgres';
  /** File path for SQLite (":memory:" allowed), connection string for PostgreSQL. */
  url: string;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  demo: boolean;
  rateLimit: boolean;
  defaultUnit: string | undefined;
  logLevel: string;
  /** Anonymous online submissions need a one-time code sent to the applicant's phone. */
  requirePhoneVerification: boolean;
  /** Signs tracking links; read from SECRET_KEY, else kept in DATA_DIR/secret.key. */
  secretKey: string | undefined;
  /** Start-up sweep of DATA_DIR/files: unreferenced files older than this are deleted (seconds). */
  sweepGraceSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demo?: boolean } = {}): Readonly<Config> {
  const schema = z.object({
    PORT: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return 3000;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) {
          ctx.addIssue({ code: 'custom', message: `PORT phải là số nguyên từ 0 đến 65535 (nhận được "${v}")` });
          return z.NEVER;
        }
        return n;
      }),
    HOST: z.string().optional(),
    PUBLIC_URL: z.string().optional(),
    DATA_DIR: z.string().optional(),
    DATABASE_URL: z.string().optional(),
    DEMO: onOff('DEMO', defaults.demo ?? false),
    RATE_LIMIT: onOff('RATE_LIMIT', true),
    DEFAULT_UNIT: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL phải là fatal, error, warn, info, debug, trace hoặc silent' }).optional(),
    REQUIRE_PHONE_VERIFICATION: z.string().optional(),
    SECRET_KEY: z.string().min(32, 'SECRET_KEY cần ít nhất 32 ký tự ngẫu nhiên').optional(),
    SWEEP_GRACE_SECONDS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return 900;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) {
          ctx.addIssue({ code: 'custom', message: `SWEEP_GRACE_SECONDS phải là số giây nguyên không âm (nhận được "${v}")` });
          return z.NEVER;
        }
        return n;
      }),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => i.message).join('\n'));
  }
  const e = parsed.data;
  const port = e.PORT;
  const host = e.HOST?.trim() || '0.0.0.0';
  const dataDir = path.resolve(e.DATA_DIR?.trim() || './data');

  let publicUrl = e.PUBLIC_URL?.trim() || `http://localhost:${port}`;
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    publicUrl = u.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`PUBLIC_URL phải là địa chỉ http:// hoặc https:// đầy đủ (nhận được "${e.PUBLIC_URL}")`);
  }

  return Object.freeze({
    port,
    host,
    publicUrl,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    demo: e.DEMO,
    rateLimit: e.RATE_LIMIT,
    defaultUnit: e.DEFAULT_UNIT?.trim() || undefined,
    logLevel: e.LOG_LEVEL ?? 'info',
    requirePhoneVerification: parseOnOff('REQUIRE_PHONE_VERIFICATION', e.REQUIRE_PHONE_VERIFICATION, !e.DEMO),
    secretKey: e.SECRET_KEY,
    sweepGraceSeconds: e.SWEEP_GRACE_SECONDS,
  });
}

function parseOnOff(name: string, v: string | undefined, fallback: boolean): boolean {
  const r = onOff(name, fallback).safeParse(v);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => i.message).join('\n'));
  return r.data;
}

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseConfig {
  const v = raw?.trim();
  if (!v) return { kind: 'sqlite', url: path.join(dataDir, 'motcua.db') };
  if (v.startsWith('postgres://') || v.startsWith('postgresql://')) {
    try {
      new URL(v);
    } catch {
      throw new ConfigError('DATABASE_URL không phải địa chỉ PostgreSQL hợp lệ (ví dụ postgres://user:pass@127.0.0.1:5432/motcua)');
    }
    return { kind: 'postgres', url: v };
  }
  if (v.startsWith('sqlite:')) {
    const file = v.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL dạng sqlite: cần đường dẫn tệp, ví dụ sqlite:./data/khac.db');
    return { kind: 'sqlite', url: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new ConfigError(
    `DATABASE_URL phải bắt đầu bằng postgres:// (PostgreSQL) hoặc sqlite: (tệp SQLite), nhận được "${v.slice(0, 40)}"`,
  );
}
