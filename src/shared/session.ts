import '@fastify/cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService, Principal, Session } from '../account';
import type { Actor } from '../dossier/dossier.types';
import { ForbiddenError } from './errors';

export const SESSION_COOKIE = 'motcua_sid';
const CSRF_COOKIE = 'motcua_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The token forms must echo back (session's, or a double-submit cookie's for visitors). */
    csrfToken: string;
    /** Authenticated by an Authorization: Bearer header (an API client, not a browser): no CSRF. */
    viaBearer?: boolean;
  }
}

/**
 * Sessions in cookies (HttpOnly, SameSite=Lax, Secure behind https), resolved once per request
 * for the routes that need them; CSRF tokens on every form that changes something.
 */
export function registerSessions(app: FastifyInstance, accounts: AccountService, opts: { secure: boolean }): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('csrfToken', '');
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secure };

  app.addHook('preHandler', (req, reply, done) => {
    // Catalogue pages and QR landings (most traffic) need no session: no promise, no lookup.
    if (!needsSession(req.url)) return done();
    resolve(req, reply).then(() => done(), done);
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
    if (s) {
      req.principal = s.principal;
      req.csrfToken = s.csrf;
      return;
    }
    let csrf = req.cookies[CSRF_COOKIE];
    if (!csrf || csrf.length < 20 || csrf.length > 64) {
      csrf = randomBytes(18).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, cookieOpts);
    }
    req.csrfToken = csrf;
  }

  app.decorateReply('startSession', function (this: FastifyReply, s: Session) {
    this.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts, expires: new Date(s.expiresAt) });
  });
  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}

declare module 'fastify' {
  interface FastifyReply {
    startSession(s: Session): void;
    endSession(): void;
  }
}

/** Catalogue pages are public and cached: no session lookup there. */
function needsSession(url: string): boolean {
  return /^\/(api\/(dossiers|otp|auth|me|notifications|payments\/reconciliation|worklist|admin|audit|reports)|ho-so|tra-cuu|dang-nhap|dang-xuat|ca-nhan|can-bo|p\/\d+\/[\d.]+\/nop-truc-tuyen)/.test(url);
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
