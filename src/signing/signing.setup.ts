import fs from 'node:fs';
import path from 'node:path';
import { makeDemoCertificate } from './signing.cert';

/**
 * From configuration to the signing service's key: the PKCS#12 file of SIGNING_P12 read once at
 * start, or in demo mode the demo certificate made on the first start (DATA_DIR/signing-demo.p12)
 * so that results are signed out of the box.
 */

export interface SigningKeyConfig {
  /** SIGNING_P12, or the demo file; undefined: results are not signed. */
  p12Path: string | undefined;
  password: string;
  /** The path is the demo certificate's: made when missing. */
  demo: boolean;
}

export const DEMO_CERT_FILE = 'signing-demo.p12';
export const DEMO_CERT_PASSWORD = 'demo';
/** The name in the demo certificate's subject (the units are not known yet when it is made). */
export const DEMO_CERT_NAME = 'Đơn vị dùng thử motcua';

/** Makes the demo certificate when it is missing; true when it was made now. */
export function ensureDemoCertificate(file: string, password: string, now: Date, unitName = DEMO_CERT_NAME): boolean {
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // Valid from 400 days back: the demo history signs the results of its last weeks at their (past) dates.
  fs.writeFileSync(tmp, makeDemoCertificate({ unitName, password, now, startDays: -400, validDays: 400 + 5 * 365 }), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return true;
}

/** The bytes and password for the signing service, or why the file could not be read. */
export function readSigningKey(cfg: SigningKeyConfig, now: Date): { p12?: Buffer; password?: string; loadProblem?: string } {
  if (!cfg.p12Path) return {};
  if (cfg.demo) ensureDemoCertificate(cfg.p12Path, cfg.password, now);
  try {
    return { p12: fs.readFileSync(cfg.p12Path), password: cfg.password };
  } catch {
    return { loadProblem: `Không đọc được tệp chứng thư số SIGNING_P12 (${cfg.p12Path}): tệp không tồn tại hoặc không có quyền đọc. Chưa thể ký số kết quả.` };
  }
}
