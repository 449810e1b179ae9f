import '@fastify/cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService, Principal, Session } from '../account';
import type { Actor } from '../dossier';
import { ForbiddenError } from './errors';

export const SESSION_COOKIE = 'motcua_sid';
const CSRF_COOKIE = 'motcua_csrf';
/**
 * "citizen" or "staff": lets cached public pages (which never look the session up) show
 * "Hồ sơ của tôi" instead of "Đăng nhập". Not a credential: every page behind it checks the session.
 */
export const ACCOUNT_HINT_COOKIE = 'motcua_who';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The token forms must echo back (session's, or a double-submit cookie's for visitors). */
    csrfToken: string;
    /** Authenticated by an Authorization: Bearer header (an API client, not a browser): no CSRF. */
    viaBearer?: boolean;
  }
}

const PRINCIPAL = Symbol('motcua.principal');
const CSRF_TOKEN = Symbol('motcua.csrfToken');
/** Where a request keeps what its session said (read through `principal` and `csrfToken`). */
interface SessionFields {
  [PRINCIPAL]?: Principal;
  [CSRF_TOKEN]?: string;
}

/**
 * Sessions in cookies (HttpOnly, SameSite=Lax, Secure behind https), resolved once per request
 * for the routes that need them; CSRF tokens on every form that changes something.
 */
export function registerSessions(app: FastifyInstance, accounts: AccountService, opts: { secure: boolean }): void {
  // Accessors on the request's prototype rather than values: Fastify copies a value decoration onto
  // every request it makes, the cached public answers' too, which never look a session up.
  app.decorateRequest('principal', {
    getter(this: FastifyRequest) {
      return (this as SessionFields)[PRINCIPAL];
    },
    setter(this: FastifyRequest, v: Principal | undefined) {
      (this as SessionFields)[PRINCIPAL] = v;
    },
  });
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      return (this as SessionFields)[CSRF_TOKEN] ?? '';
    },
    setter(this: FastifyRequest, v: string) {
      (this as SessionFields)[CSRF_TOKEN] = v;
    },
  });
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secure };

  app.addHook('preHandler', (req, reply, done) => {
    // Catalogue pages and QR landings (most traffic) need no session: no promise, no lookup.
    if (!needsSession(req.url)) return done();
    // An anonymous API call (no bearer, no session cookie): nothing to look up, no promise.
    if (anonymousApiCall(req)) {
      visitorApiCsrf(req, reply);
      return done();
    }
    resolve(req, reply).then(() => {
      let answered: boolean;
      try {
        answered = mustChangePasswordFirst(req, reply);
      } catch (e) {
        return done(e as Error);
      }
      // A reply sent here (the forced password change) ends the request: no handler.
      if (!answered) done();
    }, done);
  });

  async function resolve(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    // API clients (integrations, scripts) send the session token of POST /api/auth/login as a bearer.
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && req.url.startsWith('/api/')) {
      const b = await accounts.resolveSession(auth.slice(7).trim());
      if (b) {
        req.principal = b.principal;
        req.csrfToken = b.csrf;
        req.viaBearer = true;
        return;
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    const s = await accounts.resolveSession(token);
    const hint = req.cookies[ACCOUNT_HINT_COOKIE];
    if (s) {
      req.principal = s.principal;
      req.csrfToken = s.csrf;
      if (hint !== s.principal.kind) reply.setCookie(ACCOUNT_HINT_COOKIE, s.principal.kind, cookieOpts);
      return;
    }
    if (hint) reply.clearCookie(ACCOUNT_HINT_COOKIE, { path: '/' });
    if (req.url.startsWith('/api/')) return visitorApiCsrf(req, reply);
    let csrf = req.cookies[CSRF_COOKIE];
    if (!csrf || csrf.length < 20 || csrf.length > 64) {
      csrf = randomBytes(18).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, cookieOpts);
    }
    req.csrfToken = csrf;
  }

  /**
   * A visitor's API call needs no CSRF token (checkApiCsrf only asks it of a session cookie), so
   * none is minted for it: no random bytes and no Set-Cookie on every anonymous lookup. A token
   * the visitor's pages already set is still read.
   */
  function visitorApiCsrf(req: FastifyRequest, reply: FastifyReply): void {
    if (req.cookies[ACCOUNT_HINT_COOKIE]) reply.clearCookie(ACCOUNT_HINT_COOKIE, { path: '/' });
    const csrf = req.cookies[CSRF_COOKIE];
    if (csrf && csrf.length >= 20 && csrf.length <= 64) req.csrfToken = csrf;
  }

  app.decorateReply('startSession', function (this: FastifyReply, s: Session, kind?: 'citizen' | 'staff') {
    this.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts, maxAge: s.maxAgeSeconds });
    if (kind) this.setCookie(ACCOUNT_HINT_COOKIE, kind, { ...cookieOpts, maxAge: s.maxAgeSeconds });
  });
  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie(SESSION_COOKIE, { path: '/' });
    this.clearCookie(ACCOUNT_HINT_COOKIE, { path: '/' });
  });
}

declare module 'fastify' {
  interface FastifyReply {
    startSession(s: Session, kind?: 'citizen' | 'staff'): void;
    endSession(): void;
  }
}

/**
 * An official with a temporary password (just created, or reset by an admin) may only change it
 * and sign out: the API answers 403 password_change_required, pages lead to the password form.
 * Returns true when it answered.
 */
function mustChangePasswordFirst(req: FastifyRequest, reply: FastifyReply): boolean {
  const p = req.principal;
  if (p?.kind !== 'staff' || !p.staff.mustChangePassword) return false;
  const path = req.url.split('?')[0]!;
  if (path === '/api/auth/password' || path === '/can-bo/mat-khau' || path === '/dang-xuat' || path === '/can-bo/dang-nhap') return false;
  if (path.startsWith('/api/')) {
    throw new ForbiddenError('Tài khoản đang dùng mật khẩu tạm thời: xin đổi mật khẩu trước (POST /api/auth/password).', 'password_change_required');
  }
  reply.redirect('/can-bo/mat-khau?bat-buoc=1', 303);
  return true;
}

/**
 * Pages and answers with personal data are never kept by a browser or a shared cache. Called by
 * the app's one onSend hook (src/app.ts) for every answer.
 */
export function noStoreForPersonalData(req: FastifyRequest, reply: FastifyReply): void {
  if (personalData(req.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

/** Where answers carry personal data: everything behind a session, and the payment return page. */
function personalData(url: string): boolean {
  return needsSession(url) || url.startsWith('/thanh-toan/');
}

/** The token of the request's own session (bearer or cookie), to keep it when others are ended. */
export function sessionToken(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (req.viaBearer && auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return req.cookies[SESSION_COOKIE];
}

/** An API request with neither a bearer token nor a session cookie. */
function anonymousApiCall(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') && !req.headers.authorization && !req.cookies[SESSION_COOKIE];
}

/** Catalogue pages are public and cached: no session lookup there. */
function needsSession(url: string): boolean {
  return /^\/(api\/(dossiers|otp|auth|me|notifications|payments\/reconciliation|worklist|admin|audit|reports|indicators\/(dossiers|records)|performance|scoring|queue\/counters|home-visits)|ho-so|ban-nhap|tra-cuu|dang-nhap|dang-xuat|ca-nhan|can-bo|p\/\d+\/[\d.]+\/nop-truc-tuyen|demo\/tin-nhan|api\/appointments|lich-hen|dv\/\d+\/dat-lich|dv\/\d+\/ho-tro-tai-nha|dv\/\d+\/lien-thong\/|lien-thong|doi-tac|api\/groups|xac-thuc|dv\/\d+\/nhac-lich-tiem|tiem-chung\/|api\/reminders\/vaccination|api\/vaccination\/due)/.test(url);
}

/** A form post must carry the request's CSRF token. */
export function checkCsrf(req: FastifyRequest, sent: unknown): void {
  const a = Buffer.from(String(sent ?? ''));
  const b = Buffer.from(req.csrfToken);
  if (!req.csrfToken || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ForbiddenError('Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Xin tải lại trang và thử lại.', 'csrf_failed');
  }
}

/**
 * API calls authenticated by the session cookie must prove they come from our pages: a JSON body
 * (browsers cannot send it cross-site without CORS) or the X-CSRF-Token header.
 */
export function checkApiCsrf(req: FastifyRequest): void {
  if (!req.principal || req.viaBearer) return;
  const type = req.headers['content-type'] ?? '';
  if (req.method === 'GET' || type.startsWith('application/json')) return;
  checkCsrf(req, req.headers['x-csrf-token']);
}

export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  if (!p) return { kind: 'anonymous' };
  if (p.kind === 'citizen') return { kind: 'citizen', id: p.citizen.id, phone: p.citizen.phone, name: p.citizen.fullName || p.citizen.phone };
  return { kind: 'staff', id: p.staff.id, unitCode: p.staff.unitCode, role: p.staff.role, name: p.staff.fullName };
}
