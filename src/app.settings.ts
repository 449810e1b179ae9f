import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from './config';
import { INDICATOR_KEYS, INDICATORS } from './indicator';
import { NotFoundError } from './shared/errors';
import type { UnitService } from './unit';

// What the composition root (src/app.ts) derives from the configuration, for the services and the
// routes alike: keys, limits, directories, the default unit.

/** The indicators a scoring criterion may be bound to, with their names. */
export const INDICATOR_NAMES: Record<string, string> = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, INDICATORS[k].name]));

/** Back-scanning: pages per upload, largest page, largest upload. */
export const ARCHIVE_LIMITS = { maxPages: 50, maxPageBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };
/** The back-scan's limits with the configured PDF book size (ARCHIVE_MAX_PDF_MB, ARCHIVE_MAX_PDF_PAGES). */
export const archiveLimits = (config: Config) => {
  const maxPdfBytes = config.ocr.maxPdfMb * 1024 * 1024;
  return { ...ARCHIVE_LIMITS, maxPdfBytes, maxPdfPages: config.ocr.maxPdfPages, maxTotalBytes: Math.max(ARCHIVE_LIMITS.maxTotalBytes, maxPdfBytes) };
};

/** The key that signs tracking links: SECRET_KEY, else one made once and kept in DATA_DIR. */
export function secretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const key = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return fs.readFileSync(file, 'utf8').trim();
  }
}

/**
 * The audit chain's key: AUDIT_KEY, else derived from the secret key. Either way it lives outside
 * the database (environment or DATA_DIR/secret.key); changing it makes the chain fail to verify.
 */
export function auditKey(config: Config): Buffer {
  if (config.audit.key) return Buffer.from(config.audit.key, 'utf8');
  return createHmac('sha256', secretKey(config)).update('motcua audit chain v1').digest();
}


/** Uploads being received are streamed here (shared/uploads.ts), one directory per request. */
export function uploadTmpDir(config: Config): string {
  return path.join(config.dataDir, 'uploads-tmp');
}

/** The unit of the site's home page and of pages that name no unit: DEFAULT_UNIT, else the first serving unit. */
export function defaultUnitOf(config: Config, units: UnitService): () => Promise<string> {
  return async () => {
    if (config.defaultUnit) return config.defaultUnit;
    const first = (await units.serviceUnits())[0];
    if (!first) throw new NotFoundError('Chưa có đơn vị hành chính nào. Hãy chạy "npm run seed" hoặc nhập danh mục.', 'no_units');
    return first.code;
  };
}
