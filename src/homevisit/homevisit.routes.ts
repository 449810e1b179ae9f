import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import type { UnitService } from '../unit';
import { DomainError, ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { pageStaff } from '../staff/staff.guard';
import type { HomeVisitService } from './homevisit.service';
import { RequestPage, TeamPage, VerifyPage } from './homevisit.views';

const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã yêu cầu không hợp lệ');
const FIELDS = ['procedureCode', 'applicantName', 'requester', 'requesterName', 'phone', 'address', 'village', 'preferredDays', 'note'];
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const valuesOf = (b: Record<string, unknown>) => Object.fromEntries(FIELDS.map((k) => [k, one(b[k])]));

export interface HomeVisitRouteDeps {
  visits: HomeVisitService;
  units: UnitService;
  procedures: (unitCode: string) => Promise<Array<{ code: string; name: string }>>;
  requestOtp: (phone: string, unitCode: string) => Promise<{ demoCode?: string }>;
  verifyOtp: (phone: string, code: string) => Promise<unknown>;
}

export async function homeVisitRoutes(app: FastifyInstance, deps: HomeVisitRouteDeps): Promise<void> {
  const { visits } = deps;

  // ------------------------------------------------------------------ the public request (no JS needed)
  app.get('/dv/:unit/ho-tro-tai-nha', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const u = await deps.units.get(unit);
    return html(reply, RequestPage({ unit: u, csrf: req.csrfToken, procedures: await deps.procedures(unit), values: {} }));
  });

  app.post('/dv/:unit/ho-tro-tai-nha', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const u = await deps.units.get(unit);
    const values = valuesOf(b);
    try {
      const v = await visits.request(unit, values, 'web');
      const otp = await deps.requestOtp(v.phone, unit);
      return html(reply, VerifyPage({ unit: u, csrf: req.csrfToken, id: v.id, phone: v.phone, demoCode: otp.demoCode }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, RequestPage({ unit: u, csrf: req.csrfToken, procedures: await deps.procedures(unit), values, errors: e.fields }), 422);
    }
  });

  app.post('/dv/:unit/ho-tro-tai-nha/:id', async (req, reply) => {
    const { unit, id } = parseInput(z.object({ unit: UNIT, id: ID }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const u = await deps.units.get(unit);
    const v = await visits.get(id, unit);
    try {
      await deps.verifyOtp(v.phone, one(b.code).trim());
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return html(reply, VerifyPage({ unit: u, csrf: req.csrfToken, id, phone: v.phone, error: e.message }), 422);
    }
    await visits.verified(id);
    return html(reply, VerifyPage({ unit: u, csrf: req.csrfToken, id, phone: v.phone, done: true }));
  });

  // ------------------------------------------------------------------ the unit's support team
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });
  const page = async (req: FastifyRequest, staff: Staff, extra: { values?: Record<string, string>; errors?: Array<{ field: string; message: string }>; message?: string } = {}) =>
    TeamPage({
      ...(await nav(req, staff)),
      requests: await visits.list(staff.unitCode, ['requested']),
      routes: await visits.routes(staff.unitCode),
      team: await visits.team(staff.unitCode),
      procedures: await deps.procedures(staff.unitCode),
      canManage: staff.role === 'leader' || staff.role === 'admin',
      isSupport: await visits.isSupport(staff.unitCode, staff.id),
      ...extra,
    });
  const MESSAGES: Record<string, string> = { ghi: 'Đã ghi đề nghị.', xep: 'Đã xếp lịch.', nhan: 'Đã nhắn tin xác nhận (hộp thư đi).', ket: 'Đã ghi kết quả đến nhà.', to: 'Đã lưu tổ hỗ trợ.' };
  const staffOf = (req: FastifyRequest, reply: Parameters<typeof pageStaff>[1]) => pageStaff(req, reply, ['receptionist', 'specialist', 'leader', 'admin']);

  app.get('/can-bo/ho-tro-tai-nha', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    return html(reply, await page(req, staff, { message: MESSAGES[one((req.query as Record<string, unknown>).da)] }));
  });

  const act = (path: string, run: (staff: Staff, id: string, b: Record<string, unknown>) => Promise<unknown>, done: string) =>
    app.post(path, async (req, reply) => {
      const staff = staffOf(req, reply);
      if (!staff) return reply;
      const b = (req.body ?? {}) as Record<string, unknown>;
      checkCsrf(req, b._csrf);
      const { id } = parseInput(z.object({ id: ID.optional() }), req.params);
      try {
        await run(staff, id ?? '', b);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        return html(reply, await page(req, staff, { errors: e.fields, values: path === '/can-bo/ho-tro-tai-nha' ? valuesOf(b) : undefined }), 422);
      }
      return reply.redirect(`/can-bo/ho-tro-tai-nha?da=${done}`, 303);
    });

  act('/can-bo/ho-tro-tai-nha', (s, _id, b) => visits.request(s.unitCode, valuesOf(b), 'phone'), 'ghi');
  act('/can-bo/ho-tro-tai-nha/:id/xep-lich', (s, id, b) => visits.plan(s.unitCode, id, { date: one(b.date), assigneeId: one(b.assigneeId) }), 'xep');
  act('/can-bo/ho-tro-tai-nha/:id/xac-nhan', (s, id) => visits.confirm(s.unitCode, id), 'nhan');
  act('/can-bo/ho-tro-tai-nha/:id/ket-qua', (s, id, b) => visits.record(s.unitCode, id, s.id, { dossierCode: one(b.dossierCode), reason: one(b.reason) }), 'ket');
  act(
    '/can-bo/ho-tro-tai-nha/to',
    async (s, _id, b) => {
      if (s.role !== 'leader' && s.role !== 'admin') throw new ValidationError('Chỉ lãnh đạo, quản trị đơn vị chọn tổ hỗ trợ.', [{ field: 'member', code: 'forbidden', message: 'Chỉ lãnh đạo, quản trị đơn vị chọn tổ hỗ trợ.' }]);
      const m = b.member;
      await visits.setTeam(s.unitCode, (Array.isArray(m) ? m : m ? [m] : []).map(String));
    },
    'to',
  );
}
