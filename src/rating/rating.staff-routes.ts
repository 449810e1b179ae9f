/** The follow-up of "Không hài lòng" ratings in the workspace (leaders, admins; supervisors read). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageStaff } from '../staff/staff.guard';
import { DomainError, NotFoundError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import type { UnitService } from '../unit';
import type { Clock } from '../shared/clock';
import type { AuditService } from '../audit';
import type { RatingService } from './rating.service';
import { FollowUpListPage, FollowUpPage, TabletPickPage } from './rating.staff-views';
import type { DossierService } from '../dossier';
import { rolesWith } from '../shared/staff-menu';

/** Who opens the follow-up list: the unit's leaders and admins, and supervisors (read only). */
export const FOLLOW_UP_ROLES = ['leader', 'admin', 'supervisor'];

const listQuery = z.object({ 'trang-thai': z.enum(['open', 'overdue', 'answered', 'all']).optional() });
const idParams = z.object({ id: z.string().uuid('Mã phản ánh không hợp lệ') });

export async function ratingStaffRoutes(app: FastifyInstance, deps: { ratings: RatingService; units: UnitService; dossiers: DossierService; clock: Clock; audit?: AuditService }): Promise<void> {
  const { ratings, units, dossiers } = deps;
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

  // The counter official picks the dossier just handed back: the tablet's next tap rates it.
  const pickPage = async (req: FastifyRequest, staff: { fullName: string; role: string; unitCode: string }, extra: { message?: string; error?: string } = {}) => {
    const since = deps.clock.now().getTime() - 24 * 3_600_000;
    const recent = (await dossiers.listForUnit(staff.unitCode, ['returned']))
      .filter((d) => d.code && d.returnedAt && new Date(d.returnedAt).getTime() >= since)
      .sort((a, b) => (b.returnedAt ?? '').localeCompare(a.returnedAt ?? ''))
      .slice(0, 15);
    // A dossier already rated is shown with its rating, not offered again.
    const rated = await ratings.ratedLevels(recent.map((d) => d.id));
    const rows = recent.map((d) => ({ code: d.code!, applicant: d.applicant.fullName, procedureName: d.procedureName, returnedAt: d.returnedAt, rated: rated.get(d.id) }));
    return TabletPickPage({ nav: await nav(req, staff), unitCode: staff.unitCode, recent: rows, pick: ratings.tabletPick(staff.unitCode), ...extra });
  };

  app.get('/can-bo/danh-gia/tai-quay', async (req, reply) => {
    const staff = pageStaff(req, reply, rolesWith('counter'));
    if (!staff) return reply;
    return html(reply, await pickPage(req, staff, { message: 'da-chon' in (req.query as object) ? 'Đã mời: lần chạm tiếp theo trên máy tính bảng là đánh giá của hồ sơ này.' : undefined }));
  });

  app.post('/can-bo/danh-gia/tai-quay', async (req, reply) => {
    const staff = pageStaff(req, reply, rolesWith('counter'));
    if (!staff) return reply;
    const form = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, form._csrf);
    const code = typeof form.code === 'string' ? form.code.trim() : '';
    try {
      const d = /^\d{2,5}-\d{6}-\d{4,}$/.test(code) ? await dossiers.findByCode(code) : undefined;
      if (!d || d.unitCode !== staff.unitCode) throw new NotFoundError(`Không tìm thấy hồ sơ "${code.slice(0, 30)}" trong đơn vị của bạn.`, 'dossier_not_found');
      await ratings.pickForTablet(d, staff);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return html(reply, await pickPage(req, staff, { error: e.message }), e instanceof NotFoundError ? 404 : 409);
    }
    return reply.redirect('/can-bo/danh-gia/tai-quay?da-chon=1', 303);
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
      const f = await ratings.answerFollowUp(id, { id: staff.id, fullName: staff.fullName, role: staff.role, unitCode: staff.unitCode }, form.answer);
      await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'rating.answer', targetKind: 'rating_followup', targetId: f.id, data: { dossierCode: f.dossierCode, late: f.late } });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      const f = await ratings.getFollowUp(id, [staff.unitCode]);
      return html(reply, FollowUpPage({ nav: await nav(req, staff), f, canAnswer: true, error: e.message, answer: typeof form.answer === 'string' ? form.answer : '' }), 400);
    }
    return reply.redirect(`/can-bo/danh-gia/${id}?da-tra-loi=1`, 303);
  });
}
