import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { waitText } from '../shared/rate-limit';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Db } from '../db/connection';
import type { NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { ForbiddenError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { cleanName, NAME_NEEDS_LETTER } from '../shared/text';
import * as repo from './account.repo';

export const STAFF_ROLES = ['receptionist', 'specialist', 'leader', 'admin', 'supervisor', 'health_station'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_LABEL: Record<StaffRole, string> = {
  receptionist: 'Công chức một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  admin: 'Quản trị đơn vị',
  supervisor: 'Giám sát cấp trên',
  health_station: 'Trạm y tế',
};

export interface Citizen {
  id: string;
  phone: string;
  fullName: string;
  email: string;
  idNumber: string;
  address: string;
  hasPassword: boolean;
}

export interface Staff {
  id: string;
  username: string;
  fullName: string;
  unitCode: string;
  role: StaffRole;
  fields: string[];
  /** Where escalations reach the official (through the outbox); '' when none. */
  phone?: string;
  email?: string;
  active?: boolean;
  /** Set after an admin reset the password: the official must choose a new one. */
  mustChangePassword?: boolean;
  /** Subject of the linked OpenID Connect identity (e.g. the national e-ID). */
  oidcSubject?: string | null;
}

/** What an admin sets when creating or editing an official. */
export interface StaffInput {
  username: string;
  fullName: string;
  unitCode: string;
  role: StaffRole;
  fields?: string[];
  phone?: string;
  email?: string;
  oidcSubject?: string | null;
}

const USERNAME_RE = /^[a-z][a-z0-9._-]{2,31}$/;
const MIN_STAFF_PASSWORD = 10;

/** A temporary password an admin reads out once: 12 characters, no look-alikes (0/O, 1/l/I). */
function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 12; i++) out += alphabet[randomInt(0, alphabet.length)];
  return out;
}

export type Principal = { kind: 'citizen'; citizen: Citizen } | { kind: 'staff'; staff: Staff };

export interface Session {
  token: string;
  csrf: string;
  expiresAt: string;
  /**
   * The session's lifetime in seconds, for the cookie's Max-Age: a browser counts it from when it
   * receives the cookie, so a browser and a server whose clocks disagree (or a server on a test's
   * fixed clock) still agree on how long the cookie lives; an absolute Expires computed on the
   * server's clock would already be past for a browser 12 hours ahead.
   */
  maxAgeSeconds: number;
}

const OTP_TTL_MS = 5 * 60_000;
const OTP_MAX_ATTEMPTS = 5;
const OTP_MAX_PER_HOUR = 5;
const SESSION_TTL_MS = 12 * 3600_000;
/** Free attempts per account and source; then 30 s, doubled at each further failure, at most 15 min. */
const STAFF_FREE_ATTEMPTS = 5;
const STAFF_FIRST_DELAY_MS = 30_000;
const STAFF_MAX_DELAY_MS = 15 * 60_000;
const delayAfter = (n: number): number => (n < STAFF_FREE_ATTEMPTS ? 0 : Math.min(STAFF_MAX_DELAY_MS, STAFF_FIRST_DELAY_MS * 2 ** (n - STAFF_FREE_ATTEMPTS)));
/** Attempts after which the delay stops growing. */
const STAFF_DELAY_CAP_N = STAFF_FREE_ATTEMPTS + Math.ceil(Math.log2(STAFF_MAX_DELAY_MS / STAFF_FIRST_DELAY_MS));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function toCitizen(r: NonNullable<Awaited<ReturnType<typeof repo.findCitizen>>>): Citizen {
  return { id: r.id, phone: r.phone, fullName: r.full_name, email: r.email, idNumber: r.id_number, address: r.address, hasPassword: !!r.password_hash };
}
function toStaff(r: NonNullable<Awaited<ReturnType<typeof repo.findStaff>>>): Staff {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    unitCode: r.unit_code,
    role: r.role as StaffRole,
    fields: JSON.parse(r.fields) as string[],
    phone: r.phone ?? '',
    email: r.email ?? '',
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
    oidcSubject: r.oidc_subject ?? null,
  };
}

/** Citizens (phone + one-time code, optional password), staff (password), sessions. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly opts: { demo: boolean; log?: (msg: string) => void },
  ) {}

  parsePhone(raw: unknown, field = 'phone'): string {
    const p = typeof raw === 'string' ? normalizePhone(raw) : null;
    if (!p) throw new ValidationError(PHONE_MESSAGE, [{ field, code: 'invalid_phone', message: PHONE_MESSAGE }]);
    return p;
  }

  /**
   * Send a one-time code by SMS (through the outbox). In demo mode the code is also returned,
   * so the page can show it, and written to the log.
   */
  async requestOtp(rawPhone: string, purpose: 'sign_in' | 'verify_phone', unitCode?: string): Promise<{ phone: string; expiresAt: string; demoCode?: string }> {
    const phone = this.parsePhone(rawPhone);
    const now = this.clock.now();
    const since = new Date(now.getTime() - 3600_000).toISOString();
    const recent = await repo.countRecentOtps(this.db, phone, since);
    if (recent >= OTP_MAX_PER_HOUR) {
      // The hour slides: a code can be asked again once enough of the past hour's codes have left it.
      const leaves = await repo.nthRecentOtpAt(this.db, phone, since, recent - OTP_MAX_PER_HOUR);
      const wait = leaves ? Date.parse(leaves) + 3600_000 - now.getTime() : 3600_000;
      throw new RuleViolationError('otp_rate_limited', `Số điện thoại này đã yêu cầu quá nhiều mã trong một giờ. Xin thử lại sau ${waitText(wait / 1000)}.`, { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) });
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = uuidv7();
    const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertOtp(trx, { id, phone, purpose, code_hash: sha(`${id}:${code}`), attempts: 0, created_at: now.toISOString(), expires_at: expiresAt, consumed_at: null });
      await this.notifications.enqueue(trx, {
        channel: 'sms',
        recipient: phone,
        event: 'otp',
        body: `Ma xac thuc cua Ong/Ba la ${code}. Ma co hieu luc 5 phut. Khong chia se ma nay cho bat ky ai.`,
        dedupKey: `otp:${id}`,
        // Names the unit at the head of the SMS (the default unit when none is known); the row
        // stays out of the unit's outbox page, so no official reads a citizen's code.
        senderUnit: unitCode,
      });
    });
    if (this.opts.demo) this.opts.log?.(`[DEMO] Mã OTP cho ${phone}: ${code}`);
    return { phone, expiresAt, ...(this.opts.demo ? { demoCode: code } : {}) };
  }

  /** Check a one-time code; a code is good once, for 5 minutes, with at most 5 tries. */
  async verifyOtp(rawPhone: string, purpose: 'sign_in' | 'verify_phone', code: string): Promise<string> {
    const phone = this.parsePhone(rawPhone);
    const bad = () => new RuleViolationError('otp_invalid', 'Mã xác thực không đúng hoặc đã hết hạn. Xin kiểm tra lại hoặc yêu cầu mã mới.');
    if (!/^\d{6}$/.test(code.trim())) throw bad();
    const otp = await repo.latestOtp(this.db, phone, purpose);
    const now = this.clock.now();
    if (!otp || otp.expires_at < now.toISOString()) throw bad();
    // The try is counted before the comparison, atomically: parallel guesses get 5 tries, not 5 each.
    if (!(await repo.takeOtpAttempt(this.db, otp.id, OTP_MAX_ATTEMPTS))) throw bad();
    const a = Buffer.from(otp.code_hash, 'hex');
    const b = Buffer.from(sha(`${otp.id}:${code.trim()}`), 'hex');
    if (!timingSafeEqual(a, b)) throw bad();
    if (!(await repo.consumeOtp(this.db, otp.id, now.toISOString()))) throw bad();
    return phone;
  }

  async findOrCreateCitizen(phone: string, profile: Partial<Pick<Citizen, 'fullName' | 'email' | 'idNumber' | 'address'>> = {}): Promise<Citizen> {
    const now = this.clock.now().toISOString();
    await repo.insertCitizen(this.db, {
      id: uuidv7(),
      phone,
      full_name: profile.fullName ?? '',
      email: profile.email ?? '',
      id_number: profile.idNumber ?? '',
      address: profile.address ?? '',
      password_hash: null,
      created_at: now,
      updated_at: now,
    });
    const c = (await repo.findCitizenByPhone(this.db, phone))!;
    // Fill in what the citizen told us the first time, without overwriting what they set.
    const fill: Record<string, string> = {};
    if (!c.full_name && profile.fullName) fill.full_name = profile.fullName;
    if (!c.email && profile.email) fill.email = profile.email;
    if (!c.id_number && profile.idNumber) fill.id_number = profile.idNumber;
    if (!c.address && profile.address) fill.address = profile.address;
    if (Object.keys(fill).length) await repo.updateCitizen(this.db, c.id, { ...fill, updated_at: now });
    return toCitizen({ ...c, ...fill });
  }

  /** A citizen account by its id (the archive shows whom a record is linked to). */
  async citizenById(id: string): Promise<Citizen | undefined> {
    const r = await repo.findCitizen(this.db, id);
    return r ? toCitizen(r) : undefined;
  }

  async citizenByPhone(phone: string): Promise<Citizen | undefined> {
    const r = await repo.findCitizenByPhone(this.db, phone);
    return r ? toCitizen(r) : undefined;
  }

  async signInCitizenWithOtp(rawPhone: string, code: string): Promise<{ citizen: Citizen; session: Session }> {
    const phone = await this.verifyOtp(rawPhone, 'sign_in', code);
    const citizen = await this.findOrCreateCitizen(phone);
    return { citizen, session: await this.createSession('citizen', citizen.id) };
  }

  async signInCitizenWithPassword(rawPhone: string, password: string): Promise<{ citizen: Citizen; session: Session }> {
    const phone = this.parsePhone(rawPhone);
    const r = await repo.findCitizenByPhone(this.db, phone);
    const bad = new RuleViolationError('sign_in_failed', 'Số điện thoại hoặc mật khẩu không đúng.');
    if (!r?.password_hash) throw bad;
    if (!(await argonVerify(r.password_hash, password))) throw bad;
    return { citizen: toCitizen(r), session: await this.createSession('citizen', r.id) };
  }

  /** A citizen sets or changes their password; their other sessions end. */
  async setCitizenPassword(citizenId: string, password: string, keepSessionToken?: string): Promise<void> {
    if (password.length < 8) throw new ValidationError('Mật khẩu cần ít nhất 8 ký tự.', [{ field: 'password', code: 'too_short', message: 'Mật khẩu cần ít nhất 8 ký tự' }]);
    await repo.updateCitizen(this.db, citizenId, { password_hash: await argonHash(password), updated_at: this.clock.now().toISOString() });
    await repo.deleteSessionsOf(this.db, 'citizen', citizenId, keepSessionToken ? sha(keepSessionToken) : undefined);
  }

  async upsertStaff(s: Omit<Staff, 'id'> & { password: string }): Promise<Staff> {
    const now = this.clock.now().toISOString();
    await repo.upsertStaff(this.db, {
      id: uuidv7(),
      username: s.username,
      full_name: s.fullName,
      unit_code: s.unitCode,
      role: s.role,
      fields: JSON.stringify(s.fields),
      password_hash: await argonHash(s.password),
      active: 1,
      created_at: now,
      updated_at: now,
      ...(s.phone !== undefined ? { phone: s.phone } : {}),
      ...(s.email !== undefined ? { email: s.email } : {}),
    });
    return toStaff((await repo.findStaffByUsername(this.db, s.username))!);
  }

  /**
   * Password sign-in for officials. Every attempt is counted first, atomically, per account and
   * source address: after 5 failures that source waits 30 s, doubled at each further failure (at
   * most 15 minutes), so parallel guesses cannot slip past the count, and an anonymous attacker
   * slows down only their own address, never the official's sign-in from the office. An unknown
   * user name costs the same work (an argon2 check against a dummy hash): the time of the answer
   * does not tell which accounts exist.
   */
  async signInStaff(username: string, password: string, source = 'unknown'): Promise<{ staff: Staff; session: Session }> {
    const name = username.trim().toLowerCase().slice(0, 100);
    const now = this.clock.now();
    const at = (n: number) => {
      const ms = delayAfter(n);
      return ms ? new Date(now.getTime() + ms).toISOString() : null;
    };
    const n = await repo.reserveSignIn(this.db, name, source, now.toISOString(), at, STAFF_DELAY_CAP_N);
    if (n === undefined) {
      const t = await repo.findSignInThrottle(this.db, name, source);
      const wait = t?.blocked_until ? new Date(t.blocked_until).getTime() - now.getTime() : STAFF_FIRST_DELAY_MS;
      throw new RuleViolationError('account_locked', `Nhập sai mật khẩu nhiều lần. Xin thử lại sau ${waitText(wait / 1000)} hoặc liên hệ quản trị đơn vị.`, { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) });
    }
    const r = await repo.findStaffByUsername(this.db, name);
    const ok = await argonVerify(r?.password_hash ?? (await this.dummyHash()), password);
    if (!r || !r.active || !ok) throw new RuleViolationError('sign_in_failed', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    await repo.clearSignInThrottle(this.db, name, source, new Date(now.getTime() - 86_400_000).toISOString());
    return { staff: toStaff(r), session: await this.createSession('staff', r.id) };
  }

  private dummy?: Promise<string>;
  /** A hash with the same parameters as real ones, for unknown user names. */
  private dummyHash(): Promise<string> {
    this.dummy ??= argonHash(randomBytes(18).toString('base64url'));
    return this.dummy;
  }

  // ------------------------------------------------------------------ staff administration

  async findStaffByUsername(username: string): Promise<Staff | undefined> {
    const r = await repo.findStaffByUsername(this.db, username.trim().toLowerCase());
    return r ? toStaff(r) : undefined;
  }

  async listStaff(unitCodes: string[]): Promise<Staff[]> {
    return (await repo.listStaffOf(this.db, unitCodes)).map(toStaff);
  }

  private checkStaffInput(s: StaffInput): StaffInput {
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const username = s.username.trim().toLowerCase();
    if (!USERNAME_RE.test(username)) problems.push({ field: 'username', code: 'invalid_username', message: 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang; bắt đầu bằng chữ' });
    const fullName = cleanName(s.fullName);
    if (fullName.length < 2 || fullName.length > 100) problems.push({ field: 'fullName', code: 'invalid_name', message: 'Họ và tên từ 2 đến 100 ký tự' });
    else if (!/\p{L}/u.test(fullName)) problems.push({ field: 'fullName', code: 'invalid_name', message: NAME_NEEDS_LETTER });
    if (!(STAFF_ROLES as readonly string[]).includes(s.role)) problems.push({ field: 'role', code: 'invalid_role', message: 'Vai trò không hợp lệ' });
    const phone = s.phone?.trim() ? normalizePhone(s.phone) : '';
    if (phone === null) problems.push({ field: 'phone', code: 'invalid_phone', message: PHONE_MESSAGE });
    const email = s.email?.trim() ?? '';
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ field: 'email', code: 'invalid_email', message: 'Địa chỉ thư điện tử không hợp lệ' });
    const oidc = s.oidcSubject?.trim() || null;
    if (oidc && oidc.length > 200) problems.push({ field: 'oidcSubject', code: 'too_long', message: 'Mã định danh tối đa 200 ký tự' });
    if (problems.length) throw new ValidationError('Thông tin cán bộ chưa hợp lệ.', problems, 'invalid_staff');
    const fields = (s.fields ?? []).map((f) => f.trim().normalize('NFC')).filter(Boolean).slice(0, 30);
    return { ...s, username, fullName, phone: phone ?? '', email, oidcSubject: oidc, fields };
  }

  /** A new official with a temporary password, which they must change at first sign-in. */
  async createStaff(input: StaffInput): Promise<{ staff: Staff; temporaryPassword: string }> {
    const s = this.checkStaffInput(input);
    if (await repo.findStaffByUsername(this.db, s.username)) {
      throw new ValidationError('Tên đăng nhập đã có người dùng.', [{ field: 'username', code: 'username_taken', message: `Tên đăng nhập "${s.username}" đã có người dùng` }], 'invalid_staff');
    }
    if (s.oidcSubject && (await repo.findStaffByOidcSubject(this.db, s.oidcSubject))) {
      throw new ValidationError('Mã định danh đã gắn với tài khoản khác.', [{ field: 'oidcSubject', code: 'oidc_taken', message: 'Mã định danh này đã gắn với tài khoản khác' }], 'invalid_staff');
    }
    const password = temporaryPassword();
    const now = this.clock.now().toISOString();
    const id = uuidv7();
    await repo.insertStaff(this.db, {
      id,
      username: s.username,
      full_name: s.fullName,
      unit_code: s.unitCode,
      role: s.role,
      fields: JSON.stringify(s.fields ?? []),
      password_hash: await argonHash(password),
      active: 1,
      created_at: now,
      updated_at: now,
      oidc_subject: s.oidcSubject ?? null,
      must_change_password: 1,
      phone: s.phone ?? '',
      email: s.email ?? '',
    });
    return { staff: toStaff((await repo.findStaff(this.db, id))!), temporaryPassword: password };
  }

  async updateStaffProfile(id: string, input: Omit<StaffInput, 'username' | 'unitCode'> & { active?: boolean }): Promise<Staff> {
    const r = await repo.findStaff(this.db, id);
    if (!r) throw new ForbiddenError();
    const s = this.checkStaffInput({ ...input, username: r.username, unitCode: r.unit_code });
    if (s.oidcSubject) {
      const other = await repo.findStaffByOidcSubject(this.db, s.oidcSubject);
      if (other && other.id !== id) throw new ValidationError('Mã định danh đã gắn với tài khoản khác.', [{ field: 'oidcSubject', code: 'oidc_taken', message: 'Mã định danh này đã gắn với tài khoản khác' }], 'invalid_staff');
    }
    await repo.updateStaff(this.db, id, {
      full_name: s.fullName,
      role: s.role,
      fields: JSON.stringify(s.fields ?? []),
      phone: s.phone ?? '',
      email: s.email ?? '',
      oidc_subject: s.oidcSubject ?? null,
      ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
      updated_at: this.clock.now().toISOString(),
    });
    if (input.active === false) await repo.deleteSessionsOf(this.db, 'staff', id);
    return toStaff((await repo.findStaff(this.db, id))!);
  }

  /** An admin resets a password: a temporary one, the lock lifted, every session ended. */
  async resetStaffPassword(id: string): Promise<{ staff: Staff; temporaryPassword: string }> {
    const r = await repo.findStaff(this.db, id);
    if (!r) throw new ForbiddenError();
    const password = temporaryPassword();
    await repo.updateStaff(this.db, id, {
      password_hash: await argonHash(password),
      must_change_password: 1,
      updated_at: this.clock.now().toISOString(),
    });
    await repo.deleteSessionsOf(this.db, 'staff', id);
    await repo.clearSignInThrottle(this.db, r.username, null, new Date(this.clock.now().getTime() - 86_400_000).toISOString());
    return { staff: toStaff((await repo.findStaff(this.db, id))!), temporaryPassword: password };
  }

  /**
   * An official changes their own password (required after a reset). Every other session and
   * API token of the account ends: whoever knew the old password is signed out everywhere.
   */
  async changeStaffPassword(id: string, current: string, next: string, keepSessionToken?: string): Promise<void> {
    const r = await repo.findStaff(this.db, id);
    if (!r) throw new ForbiddenError();
    if (!(await argonVerify(r.password_hash, current))) {
      throw new ValidationError('Mật khẩu hiện tại không đúng.', [{ field: 'current', code: 'wrong_password', message: 'Mật khẩu hiện tại không đúng' }], 'invalid_password');
    }
    if (next.length < MIN_STAFF_PASSWORD || !/[A-Za-z]/.test(next) || !/\d/.test(next)) {
      throw new ValidationError(`Mật khẩu mới cần ít nhất ${MIN_STAFF_PASSWORD} ký tự, có cả chữ và số.`, [{ field: 'password', code: 'weak_password', message: `Ít nhất ${MIN_STAFF_PASSWORD} ký tự, có cả chữ và số` }], 'invalid_password');
    }
    if (next === current) throw new ValidationError('Mật khẩu mới phải khác mật khẩu cũ.', [{ field: 'password', code: 'same_password', message: 'Mật khẩu mới phải khác mật khẩu cũ' }], 'invalid_password');
    await repo.updateStaff(this.db, id, { password_hash: await argonHash(next), must_change_password: 0, updated_at: this.clock.now().toISOString() });
    await repo.deleteSessionsOf(this.db, 'staff', id, keepSessionToken ? sha(keepSessionToken) : undefined);
  }

  /** Sign-in through OpenID Connect: the identity's subject must be linked to an active account. */
  async signInStaffByOidc(subject: string): Promise<{ staff: Staff; session: Session }> {
    const r = await repo.findStaffByOidcSubject(this.db, subject);
    if (!r || !r.active) {
      throw new RuleViolationError('oidc_not_linked', 'Danh tính điện tử này chưa được gắn với tài khoản cán bộ nào. Xin liên hệ quản trị đơn vị.');
    }
    await repo.clearSignInThrottle(this.db, r.username, null, new Date(this.clock.now().getTime() - 86_400_000).toISOString());
    return { staff: toStaff(r), session: await this.createSession('staff', r.id) };
  }

  async getStaff(id: string): Promise<Staff> {
    const r = await repo.findStaff(this.db, id);
    if (!r) throw new ForbiddenError();
    return toStaff(r);
  }

  async createSession(kind: 'citizen' | 'staff', subjectId: string): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(18).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await repo.insertSession(this.db, { id: sha(token), kind, subject_id: subjectId, csrf, created_at: now.toISOString(), expires_at: expiresAt });
    return { token, csrf, expiresAt, maxAgeSeconds: SESSION_TTL_MS / 1000 };
  }

  /** The signed-in person behind a session cookie, or undefined. */
  async resolveSession(token: string | undefined): Promise<{ principal: Principal; csrf: string } | undefined> {
    if (!token || token.length > 100) return undefined;
    const s = await repo.findSession(this.db, sha(token));
    if (!s || s.expires_at < this.clock.now().toISOString()) return undefined;
    if (s.kind === 'citizen') {
      const c = await repo.findCitizen(this.db, s.subject_id);
      return c ? { principal: { kind: 'citizen', citizen: toCitizen(c) }, csrf: s.csrf } : undefined;
    }
    const st = await repo.findStaff(this.db, s.subject_id);
    return st && st.active ? { principal: { kind: 'staff', staff: toStaff(st) }, csrf: s.csrf } : undefined;
  }

  async signOut(token: string): Promise<void> {
    await repo.deleteSession(this.db, sha(token));
  }
}
