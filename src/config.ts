import { isIP } from 'node:net';
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
  /** DEMO_HISTORY: in demo mode, an empty database also gets a year of demo dossiers (default on for `start`, off for `serve`). */
  demoHistory: boolean;
  rateLimit: boolean;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY); empty:
   * none, the client address is the TCP peer's. A client-chosen header must never pick the key
   * of a rate limit or a lock-out.
   */
  trustProxy: string[];
  defaultUnit: string | undefined;
  logLevel: string;
  /** LOG_FORMAT: "pretty" (one readable line per request) on a terminal, else "json". */
  logFormat: 'json' | 'pretty';
  /** Anonymous online submissions need a one-time code sent to the applicant's phone. */
  requirePhoneVerification: boolean;
  /** Signs tracking links; read from SECRET_KEY, else kept in DATA_DIR/secret.key. */
  secretKey: string | undefined;
  /** Start-up sweep of DATA_DIR/files: unreferenced files older than this are deleted (seconds). */
  sweepGraceSeconds: number;
  /** Outbox delivery: worker, SMS gateway, SMTP, Zalo OA (parseNotificationConfig). */
  notifications: NotificationConfig;
  /** Fees: VietQR account, VNPay merchant (parsePaymentConfig). */
  payments: PaymentConfig;
  /** The virtual assistant: Zalo OA webhook and replies, optional rephrasing model (parseAssistantConfig). */
  assistant: AssistantConfig;
  /** Staff sign-in with OpenID Connect (e.g. the national e-ID); off when OIDC_ISSUER is unset. */
  oidc: OidcConfig | undefined;
  /** Minutes between runs of the escalation job (flags late steps, prepares apologies); 0 = off. */
  escalationMinutes: number;
  /** How long a dossier's tracking answer may be kept in memory (seconds); 0 = no cache. */
  dossierCacheSeconds: number;
  /** Days a saved draft (with its files) is kept after its last change; then the worker removes it. */
  draftTtlDays: number;
  /** One person's open drafts (a citizen account, a proven phone): how many, and their files' total bytes. */
  draftQuota: { maxOpen: number; maxBytes: number };
  /** The audit chain's key and its signed checkpoints outside the database (parseAuditConfig). */
  audit: AuditConfig;
  /** OCR of back-scanned archive pages (issue 14): Tesseract from Debian, off the request. */
  ocr: OcrConfig;
  /** The unit's signing certificate for electronic results (parseSigningConfig). */
  signing: SigningConfig;
  /** Operations (issue 16): /metrics, graceful shutdown (parseOpsConfig). */
  ops: OpsConfig;
  /** Where attachments and results are kept: DATA_DIR/files, or an S3-compatible bucket (parseFileStoreConfig). */
  files: FileStoreConfig;
}

/** FILE_STORE: the local disk (default), or `s3://bucket[/prefix]` with the S3_* settings. */
export type FileStoreConfig =
  | { kind: 'disk'; root: string }
  | {
      kind: 's3';
      bucket: string;
      /** '' or ending with '/'. */
      prefix: string;
      /** S3_ENDPOINT: an S3-compatible server; unset = AWS. */
      endpoint: string | undefined;
      /** S3_REGION (default us-east-1, what most S3-compatible servers expect). */
      region: string;
      /** S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: both or neither (neither: the AWS SDK's default chain). */
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      /** S3_FORCE_PATH_STYLE: on by default when S3_ENDPOINT is set, off for AWS. */
      forcePathStyle: boolean;
    };

// S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseFileStoreConfig(env: NodeJS.ProcessEnv, dataDir: string): FileStoreConfig {
  const v = env.FILE_STORE?.trim();
  if (!v || v === 'disk') return { kind: 'disk', root: path.join(dataDir, 'files') };
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(v);
  if (!m || !BUCKET.test(m[1]!) || (m[2] ?? '').split('/').some((part, i, all) => part === '' && i < all.length - 1)) {
    throw new ConfigError(`FILE_STORE phải để trống (lưu tệp trên đĩa, DATA_DIR/files) hoặc có dạng s3://tên-bucket hay s3://tên-bucket/thư-mục (nhận được "${v}")`);
  }
  const prefix = m[2] ? m[2].replace(/\/*$/, '/') : '';
  const endpoint = env.S3_ENDPOINT?.trim() ? httpUrl('S3_ENDPOINT', env.S3_ENDPOINT.trim()).replace(/\/+$/, '') : undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if (!accessKeyId !== !secretAccessKey) {
    throw new ConfigError('S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY phải đặt cả hai, hoặc bỏ trống cả hai (khi đó dùng thông tin đăng nhập mặc định của AWS SDK)');
  }
  const region = env.S3_REGION?.trim() || 'us-east-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region)) throw new ConfigError(`S3_REGION phải là mã vùng, ví dụ us-east-1 hoặc ap-southeast-1 (nhận được "${region}")`);
  return {
    kind: 's3',
    bucket: m[1]!,
    prefix,
    endpoint,
    region,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: parseOnOff('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, endpoint !== undefined),
  };
}

export interface SigningConfig {
  /** SIGNING_P12: the PKCS#12 file (.p12/.pfx) with the unit's key; in demo mode without it, DATA_DIR/signing-demo.p12. */
  p12Path: string | undefined;
  /** SIGNING_P12_PASSWORD ("demo" for the demo certificate). */
  password: string;
  /** The demo certificate: made on the first start when missing. */
  demo: boolean;
}

/** SIGNING_P12 wins; demo mode without it signs with a self-signed demo certificate. */
export function parseSigningConfig(env: NodeJS.ProcessEnv, dataDir: string, demo: boolean): SigningConfig {
  const file = env.SIGNING_P12?.trim();
  if (file) return { p12Path: path.resolve(file), password: env.SIGNING_P12_PASSWORD ?? '', demo: false };
  if (demo) return { p12Path: path.join(dataDir, 'signing-demo.p12'), password: 'demo', demo: true };
  return { p12Path: undefined, password: '', demo: false };
}

export interface OcrConfig {
  /** OCR_TESSERACT: the tesseract program (default "tesseract", from tesseract-ocr + tesseract-ocr-vie). */
  tesseract: string;
  /** OCR_CONCURRENCY: tesseract processes at most at once (default 1). */
  concurrency: number;
  /** OCR_TIMEOUT_SECONDS: a page taking longer is stopped and marked as not recognised (default 60). */
  timeoutSeconds: number;
  /** ARCHIVE_MAX_PDF_PAGES: most pages of one back-scanned PDF (a register book), each a record (default 300). */
  maxPdfPages: number;
  /** ARCHIVE_MAX_PDF_MB: largest back-scanned PDF in MB (default 100; images stay at 20 MB). */
  maxPdfMb: number;
}

export function parseOcrConfig(env: NodeJS.ProcessEnv): OcrConfig {
  const conc = env.OCR_CONCURRENCY?.trim();
  const concurrency = conc ? Number(conc) : 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new ConfigError(`OCR_CONCURRENCY phải là số nguyên từ 1 đến 16 (nhận được "${conc}")`);
  const timeoutSeconds = parseSeconds('OCR_TIMEOUT_SECONDS', env.OCR_TIMEOUT_SECONDS, 60);
  if (timeoutSeconds < 1) throw new ConfigError('OCR_TIMEOUT_SECONDS phải lớn hơn 0');
  return {
    tesseract: env.OCR_TESSERACT?.trim() || 'tesseract',
    concurrency,
    timeoutSeconds,
    maxPdfPages: intIn('ARCHIVE_MAX_PDF_PAGES', env.ARCHIVE_MAX_PDF_PAGES, 300, 1, 5000),
    maxPdfMb: intIn('ARCHIVE_MAX_PDF_MB', env.ARCHIVE_MAX_PDF_MB, 100, 1, 1000),
  };
}

export interface OpsConfig {
  /** METRICS_TOKEN: the bearer token Prometheus sends to GET /metrics; unset: /metrics answers 404. */
  metricsToken: string | undefined;
  /** METRICS_CACHE_SECONDS: how long the figures read from the database are reused between scrapes (default 10). */
  metricsCacheSeconds: number;
  /** SHUTDOWN_TIMEOUT_SECONDS: how long SIGTERM waits for requests in progress before cutting them (default 10). */
  shutdownTimeoutSeconds: number;
  /** WORKERS: server processes on this machine sharing the port (node's cluster; default 1). More than 1 needs PostgreSQL. */
  workers: number;
}

export function parseOpsConfig(env: NodeJS.ProcessEnv, database?: DatabaseConfig): OpsConfig {
  const token = env.METRICS_TOKEN?.trim() || undefined;
  if (token !== undefined && (token.length < 16 || /\s/.test(token))) throw new ConfigError('METRICS_TOKEN cần ít nhất 16 ký tự ngẫu nhiên, không có dấu cách');
  return {
    metricsToken: token,
    metricsCacheSeconds: intIn('METRICS_CACHE_SECONDS', env.METRICS_CACHE_SECONDS, 10, 0, 3600),
    shutdownTimeoutSeconds: intIn('SHUTDOWN_TIMEOUT_SECONDS', env.SHUTDOWN_TIMEOUT_SECONDS, 10, 1, 600),
    workers: parseWorkers(env.WORKERS, database),
  };
}

function parseWorkers(raw: string | undefined, database: DatabaseConfig | undefined): number {
  const n = intIn('WORKERS', raw, 1, 1, 64);
  if (n > 1 && database?.kind === 'sqlite') {
    throw new ConfigError('WORKERS lớn hơn 1 cần PostgreSQL (DATABASE_URL=postgres://…): nhiều tiến trình trên một tệp SQLite không chia sẻ được giới hạn truy cập, bộ nhớ đệm và sự kiện trực tiếp');
  }
  return n;
}

export interface AuditConfig {
  /** AUDIT_KEY; when unset the key is derived from the secret key (SECRET_KEY or DATA_DIR/secret.key). */
  key: string | undefined;
  /** Where signed checkpoints of the chain's head are appended (one JSON object a line). */
  checkpointFile: string;
  /** Minutes between checkpoints (by the worker, when the head moved); 0 = only at start and on demand. */
  checkpointMinutes: number;
}

export function parseAuditConfig(env: NodeJS.ProcessEnv, dataDir: string): AuditConfig {
  const key = env.AUDIT_KEY?.trim() || undefined;
  if (key !== undefined && key.length < 32) throw new ConfigError('AUDIT_KEY cần ít nhất 32 ký tự ngẫu nhiên');
  const file = env.AUDIT_CHECKPOINT_FILE?.trim();
  return {
    key,
    checkpointFile: file ? path.resolve(file) : path.join(dataDir, 'audit-checkpoints.jsonl'),
    checkpointMinutes: parseMinutes('AUDIT_CHECKPOINT_MINUTES', env.AUDIT_CHECKPOINT_MINUTES, 10),
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demo?: boolean; tty?: boolean } = {}): Readonly<Config> {
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
    DEMO_HISTORY: onOff('DEMO_HISTORY', defaults.demo ?? false),
    RATE_LIMIT: onOff('RATE_LIMIT', true),
    DEFAULT_UNIT: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL phải là fatal, error, warn, info, debug, trace hoặc silent' }).optional(),
    LOG_FORMAT: z.enum(['json', 'pretty', 'auto'], { message: 'LOG_FORMAT phải là json, pretty hoặc auto' }).optional(),
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

  const database = parseDatabaseUrl(e.DATABASE_URL, dataDir);
  return Object.freeze({
    port,
    host,
    publicUrl,
    dataDir,
    database,
    demo: e.DEMO,
    demoHistory: e.DEMO && e.DEMO_HISTORY,
    rateLimit: e.RATE_LIMIT,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    defaultUnit: e.DEFAULT_UNIT?.trim() || undefined,
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT === 'json' || e.LOG_FORMAT === 'pretty' ? e.LOG_FORMAT : defaults.tty ? 'pretty' : 'json',
    requirePhoneVerification: parseOnOff('REQUIRE_PHONE_VERIFICATION', e.REQUIRE_PHONE_VERIFICATION, !e.DEMO),
    secretKey: e.SECRET_KEY,
    sweepGraceSeconds: e.SWEEP_GRACE_SECONDS,
    notifications: parseNotificationConfig(env),
    payments: parsePaymentConfig(env, e.DEMO ? { publicUrl } : undefined),
    assistant: parseAssistantConfig(env),
    oidc: parseOidcConfig(env, publicUrl),
    escalationMinutes: parseMinutes('ESCALATION_MINUTES', env.ESCALATION_MINUTES, 10),
    dossierCacheSeconds: parseSeconds('DOSSIER_CACHE_SECONDS', env.DOSSIER_CACHE_SECONDS, 30),
    draftTtlDays: parseDays('DRAFT_TTL_DAYS', env.DRAFT_TTL_DAYS, 30),
    draftQuota: { maxOpen: parseCount('DRAFT_MAX_OPEN', env.DRAFT_MAX_OPEN, 3, 1000), maxBytes: parseCount('DRAFT_MAX_MB', env.DRAFT_MAX_MB, 150, 100_000) * 1024 * 1024 },
    audit: parseAuditConfig(env, dataDir),
    ocr: parseOcrConfig(env),
    signing: parseSigningConfig(env, dataDir, e.DEMO),
    ops: parseOpsConfig(env, database),
    files: parseFileStoreConfig(env, dataDir),
  });
}

// ------------------------------------------------------------------ processing (issue 4)

export interface OidcConfig {
  /** Issuer URL; its /.well-known/openid-configuration is read at the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL + /can-bo/dang-nhap/oidc/callback unless OIDC_REDIRECT_URI says otherwise. */
  redirectUri: string;
  /** The claim that links the identity to a staff account (staff.oidc_subject); default "sub". */
  subjectClaim: string;
  scope: string;
  /** Label of the sign-in button, e.g. "Đăng nhập bằng VNeID". */
  label: string;
}

export function parseOidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const url = (name: string, v: string) => {
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
      return v;
    } catch {
      throw new ConfigError(`${name} phải là địa chỉ http(s) đầy đủ (nhận được "${v}")`);
    }
  };
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError('OIDC_ISSUER cần đi kèm OIDC_CLIENT_ID (mã ứng dụng đã đăng ký với nhà cung cấp định danh)');
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientSecret) throw new ConfigError('OIDC_ISSUER cần đi kèm OIDC_CLIENT_SECRET');
  if (new URL(url('OIDC_ISSUER', issuer)).protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(issuer).hostname)) {
    throw new ConfigError('OIDC_ISSUER phải dùng https:// (http chỉ dùng được với máy cục bộ khi thử nghiệm)');
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: url('OIDC_REDIRECT_URI', env.OIDC_REDIRECT_URI?.trim() || `${publicUrl}/can-bo/dang-nhap/oidc/callback`),
    subjectClaim: env.OIDC_SUBJECT_CLAIM?.trim() || 'sub',
    scope: env.OIDC_SCOPE?.trim() || 'openid profile',
    label: env.OIDC_LABEL?.trim() || 'Đăng nhập bằng tài khoản định danh điện tử',
  };
}

/** TRUST_PROXY: comma-separated addresses or CIDR ranges (or loopback, linklocal, uniquelocal). */
export function parseTrustProxy(v: string | undefined): string[] {
  const items = (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const x of items) {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(x)) continue;
    const [ip, bits, ...rest] = x.split('/');
    const kind = isIP(ip ?? '');
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 6 ? 128 : 32));
    if (!kind || !okBits || rest.length) {
      throw new ConfigError(`TRUST_PROXY là danh sách địa chỉ IP hoặc dải CIDR của máy chủ proxy, cách nhau bằng dấu phẩy, ví dụ 127.0.0.1,10.0.0.0/8 (nhận được "${x}")`);
    }
  }
  return items;
}

function parseMinutes(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1440) throw new ConfigError(`${name} phải là số phút từ 0 đến 1440 (nhận được "${v}")`);
  return n;
}

function parseSeconds(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 86_400) throw new ConfigError(`${name} phải là số giây nguyên từ 0 đến 86400 (nhận được "${v}")`);
  return n;
}

function parseDays(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new ConfigError(`${name} phải là số ngày nguyên từ 1 đến 3650 (nhận được "${v}")`);
  return n;
}

function parseCount(name: string, v: string | undefined, fallback: number, max: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigError(`${name} phải là số nguyên từ 1 đến ${max} (nhận được "${v}")`);
  return n;
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

// ------------------------------------------------------------------ notifications and payments

export interface NotificationConfig {
  /** Run the delivery worker inside `serve`/`start` (WORKER, default on). */
  worker: boolean;
  /** NOTIFY_MAX_ATTEMPTS: attempts before a message is dead (default 8). */
  maxAttempts: number;
  /** NOTIFY_BACKOFF_SECONDS: first retry delay, doubled each time (default 30). */
  backoffSeconds: number;
  sms?: { url: string; template?: string; headers?: Record<string, string>; success?: { field: string; value: string } };
  /** SMS_UNICODE: the gateway takes Vietnamese with diacritics (UCS-2); default off (unaccented GSM-7). */
  smsUnicode: boolean;
  /** SMS_MAX_SEGMENTS: longest SMS (default 2). */
  smsMaxSegments: number;
  smtp?: { url: string; from: string };
  /** SMS_WEBHOOK_SECRET: signs the gateway's calls to /webhooks/sms (inbound SMS, delivery reports); unset = no webhook. */
  smsWebhookSecret?: string;
  zalo?: { apiBase: string; oauthUrl: string; appId: string; appSecret: string; refreshToken: string };
}

export interface PaymentConfig {
  /** `demo`: the made-up account of demo mode (no VIETQR_* set): pages say not to transfer money. */
  vietqr?: { bankBin: string; account: string; accountName: string; demo?: boolean };
  /** `fake`: demo mode without VNPAY_*: the gateway is motcua's own fake page (payment.vnpay-fake.tsx). */
  vnpay?: { tmnCode: string; hashSecret: string; url: string; fake?: boolean };
}

/**
 * Demo mode with no payment configured: a VietQR code for a made-up account, and VNPay played by
 * motcua's own fake gateway, so the whole payment journey works on one machine. Never outside
 * demo mode: there, pages offer only what is configured.
 */
export const DEMO_PAYMENTS = {
  vietqr: { bankBin: '970415', account: 'DEMO0000000000', accountName: 'TAI KHOAN DEMO - KHONG CHUYEN TIEN', demo: true },
  vnpay: { tmnCode: 'DEMO0000', hashSecret: 'demo-only-not-a-real-vnpay-hash-secret', path: '/demo/vnpay/vpcpay.html' },
} as const;

function httpUrl(name: string, v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.toString();
  } catch {
    throw new ConfigError(`${name} phải là địa chỉ http:// hoặc https:// đầy đủ (nhận được "${v}")`);
  }
}

function intIn(name: string, v: string | undefined, fallback: number, min: number, max: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} phải là số nguyên từ ${min} đến ${max} (nhận được "${v}")`);
  return n;
}

const val = (env: NodeJS.ProcessEnv, k: string): string | undefined => env[k]?.trim() || undefined;

export function parseNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const out: NotificationConfig = {
    worker: parseOnOff('WORKER', env.WORKER, true),
    maxAttempts: intIn('NOTIFY_MAX_ATTEMPTS', env.NOTIFY_MAX_ATTEMPTS, 8, 1, 50),
    backoffSeconds: intIn('NOTIFY_BACKOFF_SECONDS', env.NOTIFY_BACKOFF_SECONDS, 30, 1, 86400),
    smsUnicode: parseOnOff('SMS_UNICODE', env.SMS_UNICODE, false),
    smsMaxSegments: intIn('SMS_MAX_SEGMENTS', env.SMS_MAX_SEGMENTS, 2, 1, 5),
  };
  const smsUrl = val(env, 'SMS_HTTP_URL');
  if (smsUrl) {
    const sms: NonNullable<NotificationConfig['sms']> = { url: httpUrl('SMS_HTTP_URL', smsUrl) };
    const template = val(env, 'SMS_HTTP_TEMPLATE');
    if (template) {
      if (!template.includes('{{text}}') || !/\{\{to(_national|_84)?\}\}/.test(template)) {
        throw new ConfigError('SMS_HTTP_TEMPLATE phải có {{text}} và {{to}} (hoặc {{to_national}}, {{to_84}}), ví dụ {"phone":"{{to_national}}","message":"{{text}}","requestId":"{{id}}"}');
      }
      try {
        JSON.parse(template.replace(/\{\{\w+\}\}/g, 'x'));
      } catch {
        throw new ConfigError('SMS_HTTP_TEMPLATE phải là JSON hợp lệ (các chỗ {{...}} nằm trong chuỗi)');
      }
      sms.template = template;
    }
    const headers = val(env, 'SMS_HTTP_HEADERS');
    if (headers) {
      let h: unknown;
      try {
        h = JSON.parse(headers);
      } catch {
        h = undefined;
      }
      if (!h || typeof h !== 'object' || Array.isArray(h) || !Object.values(h).every((x) => typeof x === 'string')) {
        throw new ConfigError('SMS_HTTP_HEADERS phải là đối tượng JSON tên → giá trị, ví dụ {"Authorization":"Bearer abc"}');
      }
      sms.headers = h as Record<string, string>;
    }
    const success = val(env, 'SMS_HTTP_SUCCESS');
    if (success) {
      const m = /^([\w.]+)=(.*)$/.exec(success);
      if (!m) throw new ConfigError('SMS_HTTP_SUCCESS có dạng tên_trường=giá_trị, ví dụ CodeResult=100');
      sms.success = { field: m[1]!, value: m[2]! };
    }
    out.sms = sms;
  }
  const webhookSecret = val(env, 'SMS_WEBHOOK_SECRET');
  if (webhookSecret) {
    if (webhookSecret.length < 16) throw new ConfigError('SMS_WEBHOOK_SECRET phải dài ít nhất 16 ký tự (khóa chung với cổng SMS để ký các yêu cầu gửi tới /webhooks/sms)');
    out.smsWebhookSecret = webhookSecret;
  }
  const smtpUrl = val(env, 'SMTP_URL');
  if (smtpUrl) {
    if (!/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError(`SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// (nhận được "${smtpUrl.slice(0, 40)}")`);
    try {
      new URL(smtpUrl);
    } catch {
      throw new ConfigError('SMTP_URL không hợp lệ, ví dụ smtp://user:pass@mail.example.vn:587');
    }
    const from = val(env, 'SMTP_FROM') ?? 'motcua <no-reply@localhost>';
    if (!/@/.test(from)) throw new ConfigError('SMTP_FROM phải có địa chỉ thư, ví dụ "UBND phường Ba Đình <motcua@badinh.hanoi.gov.vn>"');
    out.smtp = { url: smtpUrl, from };
  }
  const zaloKeys = ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN'] as const;
  const zaloSet = zaloKeys.filter((k) => val(env, k));
  if (zaloSet.length && zaloSet.length < zaloKeys.length) {
    throw new ConfigError(`Zalo OA cần đủ ${zaloKeys.join(', ')}; còn thiếu ${zaloKeys.filter((k) => !val(env, k)).join(', ')}`);
  }
  if (zaloSet.length) {
    out.zalo = {
      apiBase: httpUrl('ZALO_API_BASE', val(env, 'ZALO_API_BASE') ?? 'https://openapi.zalo.me').replace(/\/+$/, ''),
      oauthUrl: httpUrl('ZALO_OAUTH_URL', val(env, 'ZALO_OAUTH_URL') ?? 'https://oauth.zaloapp.com/v4/oa/access_token'),
      appId: val(env, 'ZALO_APP_ID')!,
      appSecret: val(env, 'ZALO_APP_SECRET')!,
      refreshToken: val(env, 'ZALO_REFRESH_TOKEN')!,
    };
  }
  return out;
}

export function parsePaymentConfig(env: NodeJS.ProcessEnv, demo?: { publicUrl: string }): PaymentConfig {
  const out: PaymentConfig = {};
  const qrKeys = ['VIETQR_BANK_BIN', 'VIETQR_ACCOUNT', 'VIETQR_ACCOUNT_NAME'] as const;
  const qrSet = qrKeys.filter((k) => val(env, k));
  if (qrSet.length && qrSet.length < qrKeys.length) {
    throw new ConfigError(`VietQR cần đủ ${qrKeys.join(', ')}; còn thiếu ${qrKeys.filter((k) => !val(env, k)).join(', ')}`);
  }
  if (qrSet.length) {
    const bankBin = val(env, 'VIETQR_BANK_BIN')!;
    const account = val(env, 'VIETQR_ACCOUNT')!;
    const accountName = val(env, 'VIETQR_ACCOUNT_NAME')!;
    if (!/^\d{6}$/.test(bankBin)) throw new ConfigError(`VIETQR_BANK_BIN là mã BIN 6 chữ số của ngân hàng, ví dụ 970415 (nhận được "${bankBin}")`);
    if (!/^[0-9A-Za-z]{4,19}$/.test(account)) throw new ConfigError('VIETQR_ACCOUNT là số tài khoản (4–19 chữ số hoặc chữ cái, không dấu cách)');
    if (accountName.length > 50) throw new ConfigError('VIETQR_ACCOUNT_NAME tối đa 50 ký tự');
    out.vietqr = { bankBin, account, accountName };
  }
  const vnKeys = ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET', 'VNPAY_URL'] as const;
  const vnSet = vnKeys.filter((k) => val(env, k));
  if (vnSet.length && vnSet.length < vnKeys.length) {
    throw new ConfigError(`VNPay cần đủ ${vnKeys.join(', ')}; còn thiếu ${vnKeys.filter((k) => !val(env, k)).join(', ')}`);
  }
  if (vnSet.length) {
    const tmnCode = val(env, 'VNPAY_TMN_CODE')!;
    if (!/^[A-Za-z0-9]{4,20}$/.test(tmnCode)) throw new ConfigError('VNPAY_TMN_CODE là mã website (Terminal ID) do VNPay cấp, gồm chữ và số');
    const hashSecret = val(env, 'VNPAY_HASH_SECRET')!;
    if (hashSecret.length < 16) throw new ConfigError('VNPAY_HASH_SECRET (chuỗi bí mật VNPay cấp) quá ngắn');
    out.vnpay = { tmnCode, hashSecret, url: httpUrl('VNPAY_URL', val(env, 'VNPAY_URL')!) };
  }
  if (demo) {
    out.vietqr ??= { ...DEMO_PAYMENTS.vietqr };
    out.vnpay ??= { tmnCode: DEMO_PAYMENTS.vnpay.tmnCode, hashSecret: DEMO_PAYMENTS.vnpay.hashSecret, url: demo.publicUrl + DEMO_PAYMENTS.vnpay.path, fake: true };
  }
  return out;
}

// ------------------------------------------------------------------ assistant

export interface AssistantConfig {
  /** Zalo OA chat: on when ZALO_OA_SECRET_KEY is set (webhook POST /webhooks/zalo). */
  zalo?: {
    appId: string;
    oaSecretKey: string;
    apiBase: string;
    oauthUrl: string;
    appSecret?: string;
    accessToken?: string;
    refreshToken?: string;
    /** ZALO_UNIT: the unit whose catalogue the OA answers about (default: DEFAULT_UNIT). */
    unit?: string;
  };
  /** ASSISTANT_LLM_URL: an OpenAI-compatible endpoint that may reword answers; off when unset. */
  llm?: { url: string; model: string; key?: string; timeoutMs: number };
}

export function parseAssistantConfig(env: NodeJS.ProcessEnv): AssistantConfig {
  const out: AssistantConfig = {};
  const oaSecretKey = val(env, 'ZALO_OA_SECRET_KEY');
  if (oaSecretKey) {
    const appId = val(env, 'ZALO_APP_ID');
    if (!appId) throw new ConfigError('ZALO_OA_SECRET_KEY cần đi kèm ZALO_APP_ID (mã ứng dụng Zalo của OA)');
    const accessToken = val(env, 'ZALO_ACCESS_TOKEN');
    const refreshToken = val(env, 'ZALO_REFRESH_TOKEN');
    if (!accessToken && !refreshToken) throw new ConfigError('Trợ lý trên Zalo cần ZALO_ACCESS_TOKEN hoặc ZALO_REFRESH_TOKEN để trả lời người dân');
    const unit = val(env, 'ZALO_UNIT');
    if (unit && !/^\d{2,5}$/.test(unit)) throw new ConfigError(`ZALO_UNIT phải là mã đơn vị hành chính 2 đến 5 chữ số (nhận được "${unit}")`);
    out.zalo = {
      appId,
      oaSecretKey,
      apiBase: httpUrl('ZALO_API_BASE', val(env, 'ZALO_API_BASE') ?? 'https://openapi.zalo.me').replace(/\/+$/, ''),
      oauthUrl: httpUrl('ZALO_OAUTH_URL', val(env, 'ZALO_OAUTH_URL') ?? 'https://oauth.zaloapp.com/v4/oa/access_token'),
      appSecret: val(env, 'ZALO_APP_SECRET'),
      accessToken,
      refreshToken,
      unit,
    };
  }
  const llmUrl = val(env, 'ASSISTANT_LLM_URL');
  if (llmUrl) {
    const model = val(env, 'ASSISTANT_LLM_MODEL');
    if (!model) throw new ConfigError('ASSISTANT_LLM_URL cần đi kèm ASSISTANT_LLM_MODEL (tên mô hình, ví dụ qwen2.5-7b-instruct)');
    out.llm = { url: httpUrl('ASSISTANT_LLM_URL', llmUrl).replace(/\/+$/, ''), model, key: val(env, 'ASSISTANT_LLM_KEY'), timeoutMs: intIn('ASSISTANT_LLM_TIMEOUT_MS', env.ASSISTANT_LLM_TIMEOUT_MS, 4000, 200, 60_000) };
  } else if (val(env, 'ASSISTANT_LLM_MODEL') || val(env, 'ASSISTANT_LLM_KEY')) {
    throw new ConfigError('ASSISTANT_LLM_MODEL và ASSISTANT_LLM_KEY chỉ dùng khi có ASSISTANT_LLM_URL');
  }
  return out;
}
