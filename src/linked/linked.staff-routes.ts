import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../dossier';
import { NotFoundError } from '../shared/errors';
import { html } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { SUBMISSION_CODE_RE, type LinkedService } from './linked.service';
import { StaffGroupPage, StaffGroupsPage } from './linked.staff-views';

/** The officials' pages of linked groups: the unit's groups, one group, receiving it whole. */
export async function linkedStaffRoutes(app: FastifyInstance, deps: { linked: LinkedService; units: UnitService }): Promise<void> {
  const { linked, units } = deps;
  const nav = async (req: FastifyRequest, staff: NonNullable<ReturnType<typeof pageStaff>>) => staffNav(req, staff, (await units.get(staff.unitCode)).name);
  const actorOf = (staff: NonNullable<ReturnType<typeof pageStaff>>): Extract<Actor, { kind: 'staff' }> => ({ kind: 'staff', id: staff.id, unitCode: staff.unitCode, role: staff.role, name: staff.fullName });
  // A malformed code reads as one not found in the unit (nothing tells what exists elsewhere).
  const codeOf = (req: FastifyRequest): string => {
    const code = (req.params as { code?: unknown }).code;
    if (typeof code !== 'string' || !SUBMISSION_CODE_RE.test(code)) throw new NotFoundError('Không tìm thấy hồ sơ liên thông này trong đơn vị của bạn.', 'group_not_found');
    return code;
  };

  app.get('/can-bo/lien-thong', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    return html(reply, StaffGroupsPage({ ...(await nav(req, staff)), items: await linked.recentOfUnit(staff.unitCode) }));
  });

  app.get('/can-bo/lien-thong/:code', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { view } = await linked.viewFor(codeOf(req), actorOf(staff), {});
    const q = req.query as Record<string, unknown>;
    return html(reply, StaffGroupPage({ ...(await nav(req, staff)), v: view, canAccept: staff.role === 'receptionist', message: q.da === '1' ? 'Đã tiếp nhận cả nhóm; phần của cơ quan phối hợp đã được chuyển.' : undefined }));
  });

  app.post('/can-bo/lien-thong/:code/tiep-nhan', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    checkCsrf(req, (req.body as Record<string, unknown> | undefined)?._csrf);
    const code = codeOf(req);
    await linked.acceptGroup(code, actorOf(staff));
    return reply.redirect(`/can-bo/lien-thong/${code}?da=1`, 303);
  });
}
