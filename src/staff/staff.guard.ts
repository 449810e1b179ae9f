import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import type { Staff } from '../account';
import type { Actor } from '../dossier';
import type { AuditService } from '../audit';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../shared/errors';
import { checkCsrf } from '../shared/session';
import { can } from '../shared/staff-menu';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/**
 * A workspace page: the signed-in official, or a redirect to the sign-in page (and to the
 * password page while a temporary password must be changed). Returns undefined after redirecting.
 */
export function pageStaff(req: FastifyRequest, reply: FastifyReply, roles?: string[]): Staff | undefined {
  const p = req.principal;
  if (p?.kind !== 'staff') {
    reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
    return undefined;
  }
  if (p.staff.mustChangePassword && !req.url.startsWith('/can-bo/mat-khau')) {
    reply.redirect('/can-bo/mat-khau?bat-buoc=1', 303);
    return undefined;
  }
  if (roles && !roles.includes(p.staff.role)) throw new ForbiddenError('Tài khoản của bạn không có quyền vào trang này.', 'role_forbidden');
  return p.staff;
}

/** What a workspace form's POST does with its input (see staffFormPost). */
export interface StaffFormPost {
  /** The change; answers where to go after it (a 303 redirect), e.g. the list with "?da=luu". */
  run(staff: Staff, body: Record<string, unknown>, params: Record<string, string>): Promise<string>;
  /** A change refused with a ValidationError: the form again with every problem (answering 422). */
  refused(req: FastifyRequest, reply: FastifyReply, staff: Staff, body: Record<string, unknown>, params: Record<string, string>, e: ValidationError): Promise<FastifyReply>;
  /** Which refusals the form shows (default: all); the others are answered as errors. */
  shown?(e: ValidationError): boolean;
}

/**
 * A workspace form's POST, as the admin pages handle it: the signed-in official with one of
 * `roles`, the CSRF check, the change, then a redirect; a refused change shows the form again.
 */
export function staffFormPost(app: FastifyInstance, path: string, roles: string[], f: StaffFormPost): void {
  app.post(path, async (req, reply) => {
    const staff = pageStaff(req, reply, roles);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, body._csrf);
    const params = req.params as Record<string, string>;
    let to: string;
    try {
      to = await f.run(staff, body, params);
    } catch (e) {
      if (!(e instanceof ValidationError) || (f.shown && !f.shown(e))) throw e;
      return f.refused(req, reply, staff, body, params, e);
    }
    return reply.redirect(to, 303);
  });
}

/** An API call by an official (session cookie or bearer token). */
export function apiStaff(req: FastifyRequest, roles?: string[]): { staff: Staff; actor: StaffActor } {
  const p = req.principal;
  if (!p) throw new UnauthorizedError('Cần đăng nhập bằng tài khoản cán bộ (POST /api/auth/login).');
  if (p.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
  if (roles && !roles.includes(p.staff.role)) throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.', 'role_forbidden');
  return { staff: p.staff, actor: staffActor(p.staff) };
}

export function staffActor(s: Staff): StaffActor {
  return { kind: 'staff', id: s.id, unitCode: s.unitCode, role: s.role, name: s.fullName };
}


export { staffNav } from '../shared/staff-layout';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a read-only official may still post: signing in and out, their own password. */
const SELF_SERVICE = /^\/(dang-xuat|can-bo\/dang-xuat|can-bo\/dang-nhap|can-bo\/mat-khau|api\/auth\/)/;
/** The one thing a supervisor writes: the monthly scoring of the units below (issue 11). */
const SCORING = /^\/(can-bo\/cham-diem|api\/scoring)(\/|\?|$)/;
/** And the reports it manages: data sets, imports for the units below, reopening (issue 12). */
const REPORTS = /^\/(can-bo\/bao-cao|api\/reports)(\/|\?|$)/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The audit chain's last place when an official's change began (see registerChangeGuard). */
    auditSeqBefore?: number;
  }
}

/**
 * The one place where officials' changes are checked and recorded, for every route at once:
 * - an official without the `change` permission (the supervisor) gets 403 `read_only` on any
 *   POST/PUT/PATCH/DELETE except signing in/out and their own password — whatever the route;
 * - a change that succeeded and wrote no audit entry of its own is recorded as `staff.change`
 *   (method, route, path), so every change an official makes is in the audit log.
 * Registered after the sessions (it reads `req.principal`), before any route: the hooks are
 * attached to every route that accepts a method other than GET/HEAD/OPTIONS as it is added
 * (onRoute), so reading routes — the cached public pages, searches, lookups — carry no hook of
 * it at all, and no route that changes anything can be added without it.
 */
export function registerChangeGuard(app: FastifyInstance, audit: AuditService): void {
  const before: preHandlerHookHandler = async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const p = req.principal;
    if (p?.kind !== 'staff') return;
    if (!can(p.staff, 'change') && !SELF_SERVICE.test(req.url) && !(can(p.staff, 'score') && SCORING.test(req.url)) && !(can(p.staff, 'report') && REPORTS.test(req.url))) {
      throw new ForbiddenError('Tài khoản giám sát chỉ được xem, không được thay đổi dữ liệu.', 'read_only');
    }
    req.auditSeqBefore = await audit.headSeq();
  };
  // onSend: written before the answer leaves, so whoever sees the answer finds the entry.
  const after: onSendHookHandler = async (req, reply, payload) => {
    const p = req.principal;
    if (req.auditSeqBefore === undefined || p?.kind !== 'staff' || reply.statusCode >= 400) return payload;
    if (await audit.recordedSince(req.auditSeqBefore, p.staff.id)) return payload;
    await audit.record({
      actor: { kind: 'staff', id: p.staff.id, name: p.staff.fullName },
      unitCode: p.staff.unitCode,
      action: 'staff.change',
      targetKind: 'route',
      targetId: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
      data: { path: req.url.split('?')[0], status: reply.statusCode },
    });
    return payload;
  };
  app.addHook('onRoute', (r) => {
    if ([r.method].flat().every((m) => SAFE_METHODS.has(m))) return;
    r.preHandler = [before, ...hooksOf(r.preHandler)];
    r.onSend = [...hooksOf(r.onSend), after];
  });
}

function hooksOf<T>(h: T | T[] | undefined): T[] {
  return Array.isArray(h) ? h : h ? [h] : [];
}

/**
 * Accounts that serve one module only, and the paths they may use (besides signing in and out and
 * their own password). The commune health station (issue 14) sees the unit's children enrolled for
 * vaccination reminders — never the unit's dossiers, queue or reports.
 */
const SCOPED_ROLES: Record<string, { home: string; paths: RegExp }> = {
  health_station: { home: '/can-bo/tiem-chung', paths: /^\/(can-bo\/tiem-chung|api\/vaccination|api\/reminders\/vaccination)(\/|\?|\.|$)/ },
};

/**
 * The scope of single-module accounts, for every workspace and API route at once: their workspace
 * home leads to their module, any other page or API answers 403. Like the change guard, attached to
 * each route as it is added (only /can-bo and /api routes carry it).
 */
export function registerStaffScope(app: FastifyInstance): void {
  // Callback style, not async: public API answers carry this hook too, and for them (no staff
  // principal) it must cost no promise.
  const check: preHandlerHookHandler = (req, reply, done) => {
    const p = req.principal;
    if (p?.kind !== 'staff') return done();
    const scope = SCOPED_ROLES[p.staff.role];
    if (!scope || scope.paths.test(req.url) || SELF_SERVICE.test(req.url)) return done();
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && (path === '/can-bo' || path === '/can-bo/')) {
      reply.redirect(scope.home, 303);
      return;
    }
    done(new ForbiddenError('Tài khoản của bạn chỉ dùng cho một việc và không vào được trang này.', 'role_forbidden'));
  };
  app.addHook('onRoute', (r) => {
    if (!/^\/(can-bo|api\/)/.test(r.url ?? r.path ?? '')) return;
    r.preHandler = [check, ...hooksOf(r.preHandler)];
  });
}
