import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../account';
import type { Actor } from '../dossier/dossier.types';
import { ForbiddenError } from '../shared/errors';

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

/** An API call by an official (session cookie or bearer token). */
export function apiStaff(req: FastifyRequest, roles?: string[]): { staff: Staff; actor: StaffActor } {
  const p = req.principal;
  if (p?.kind !== 'staff') throw new ForbiddenError('Cần đăng nhập bằng tài khoản cán bộ (POST /api/auth/login).', 'auth_required');
  if (roles && !roles.includes(p.staff.role)) throw new ForbiddenError('Tài khoản của bạn không có quyền thực hiện thao tác này.', 'role_forbidden');
  return { staff: p.staff, actor: staffActor(p.staff) };
}

export function staffActor(s: Staff): StaffActor {
  return { kind: 'staff', id: s.id, unitCode: s.unitCode, role: s.role, name: s.fullName };
}


export { staffNav } from '../shared/staff-layout';
