/** The follow-up of "Không hài lòng" ratings in the workspace (leaders, admins; supervisors read). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageStaff } from '../staff/staff.guard';
import { DomainError, NotFoundError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import type { UnitService } from '../unit';
import type { RatingService } from './rating.service';
import { FollowUpListPage, FollowUpPage } from './rating.staff-views';

/** Who opens the follow-up list: the unit's leaders and admins, and supervisors (read only). */
export const FOLLOW_UP_ROLES = ['leader', 'admin', 'supervisor'];

const listQuery = z.object({ 'trang-thai': z.enum(['open', 'overdue', 'answered', 'all']).optional() });
const idParams = z.object({ id: z.string().uuid('Mã phản ánh không hợp lệ') });

export async function ratingStaffRoutes(app: FastifyInstance, deps: { ratings: RatingService; units: UnitService }): Promise<void> {
  const { ratings, units } = deps;
  const scope = async (staff: { role: string; unitCode: string }): Promise<string[]> =>
    staff.role === 'supervisor' ? [staff.unitCode, ...(await units.descendants(staff.unitCode)).map((u) => u.code)] : [staff.unitCode];
  const nav = async (req: FastifyRequest, staff: { fullName: string; role: string; unitCode: string }) => staffNav(req, staff, (await units.get(staff.unitCode)).name);

  app.get('/can-bo/danh-gia', async (req, reply) => {
    const staff = pageStaff(req, reply, FOLLOW_UP_ROLES);
    if (!staff) return reply;
    const state = parseInput(listQuery, req.query)['trang-thai'] ?? 'all';
    const codes = await scope(staff);
    const all = await units.list();
    const unitNames = Object.fromEntries(all.filter((u) => codes.includes(u.code)).map((u) => [u.code, u.name]));
    return html(reply, FollowUpListPage({ nav: await nav(req, staff), items: await ratings.listFollowUps(codes, state), state, counts: await ratings.followUpCounts(codes), unitNames }));
  });

  app.get('/can-bo/danh-gia/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, FOLLOW_UP_ROLES);
    if (!staff) return reply;
    const { id } = parseInput(idParams, req.params);
    const f = await ratings.getFollowUp(id, await scope(staff));
    return html(reply, FollowUpPage({ nav: await nav(req, staff), f, canAnswer: staff.role !== 'supervisor' && f.unitCode === staff.unitCode, saved: 'da-tra-loi' in (req.query as object) }));
  });

  app.post('/can-bo/danh-gia/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, ['leader', 'admin']);
    if (!staff) return reply;
    const form = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, form._csrf);
    const { id } = parseInput(idParams, req.params);
    try {
      await ratings.answerFollowUp(id, { id: staff.id, fullName: staff.fullName, role: staff.role, unitCode: staff.unitCode }, form.answer);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      const f = await ratings.getFollowUp(id, [staff.unitCode]);
      return html(reply, FollowUpPage({ nav: await nav(req, staff), f, canAnswer: true, error: e.message, answer: typeof form.answer === 'string' ? form.answer : '' }), 400);
    }
    return reply.redirect(`/can-bo/danh-gia/${id}?da-tra-loi=1`, 303);
  });
}
