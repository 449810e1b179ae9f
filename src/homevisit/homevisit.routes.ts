import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import type { UnitService } from '../unit';
import { DomainError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { formatDateTime } from '../shared/format';
import { errors, json, security } from '../shared/openapi';
import { checkCsrf } from '../shared/session';
import { apiStaff, pageStaff } from '../staff/staff.guard';
import type { HomeVisitService } from './homevisit.service';
import { FiguresPage, RequestPage, TeamPage, VerifyPage, VisitPage } from './homevisit.views';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD, ví dụ 2026-12-01').refine((d) => !Number.isNaN(Date.parse(d)), 'Ngày không có trong lịch');
const periodQuery = z.object({
  from: DAY.optional().describe('Ngày đầu kỳ (mặc định: ngày 1 của tháng này)'),
  to: DAY.optional().describe('Ngày cuối kỳ, tính cả ngày này (mặc định: hôm nay)'),
});
const dossiersQuery = periodQuery.extend({ kind: z.enum(['home', 'saturday'], { error: 'Loại là home (tại nhà) hoặc saturday (ngày Thứ Bảy)' }).describe('home: tiếp nhận tại nhà; saturday: tiếp nhận ngày Thứ Bảy') });
const figuresJson = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  homeDossiers: z.number().int().describe('Hồ sơ tiếp nhận tại nhà người dân (kênh home)'),
  saturdayDossiers: z.number().int().describe('Hồ sơ tiếp nhận vào ngày Thứ Bảy (giờ Việt Nam)'),
  visits: z.object({ planned: z.number().int(), received: z.number().int(), notReceived: z.number().int() }).describe('Chuyến đến nhà theo kết quả, theo ngày đến nhà'),
});
const dossiersJson = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  kind: z.enum(['home', 'saturday']),
  items: z.array(z.object({ code: z.string(), procedureCode: z.string(), channel: z.string(), applicantName: z.string(), status: z.string(), receivedAt: z.string() })),
});

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
  now: () => Date;
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
      done: await visits.done(staff.unitCode),
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
  await homeVisitReportRoutes(app, deps);
}

/** A period of calendar days (Vietnam time): the given one, or this month up to today; checked. */
function periodOf(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const from = q.from ?? `${today.slice(0, 8)}01`;
  const to = q.to ?? today;
  if (to < from) throw new ValidationError('Ngày cuối kỳ phải sau ngày đầu kỳ.', [{ field: 'to', code: 'invalid_period', message: 'Ngày cuối kỳ phải sau ngày đầu kỳ' }]);
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ValidationError('Kỳ báo cáo tối đa một năm.', [{ field: 'to', code: 'invalid_period', message: 'Kỳ báo cáo tối đa một năm' }]);
  return { from, to };
}

/** The visit's page, the figures page and their JSON (issue 13: "the count of home-visit and Saturday dossiers is reportable"). */
export async function homeVisitReportRoutes(app: FastifyInstance, deps: HomeVisitRouteDeps): Promise<void> {
  const { visits } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });
  const STAFF = ['receptionist', 'specialist', 'leader', 'admin'];

  app.get('/can-bo/ho-tro-tai-nha/so-lieu', async (req, reply) => {
    const staff = pageStaff(req, reply, STAFF);
    if (!staff) return reply;
    const q = req.query as Record<string, unknown>;
    const raw = { from: one(q.tu) || undefined, to: one(q.den) || undefined };
    const kind = one(q.loai) === 'home' || one(q.loai) === 'saturday' ? (one(q.loai) as 'home' | 'saturday') : undefined;
    let period: { from: string; to: string };
    let problems: Array<{ field: string; message: string }> | undefined;
    try {
      period = periodOf(parseInput(periodQuery, raw, 'Kỳ báo cáo không hợp lệ.'), deps.now());
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      problems = e.fields;
      period = periodOf({}, deps.now());
    }
    const f = await visits.receptionFigures(staff.unitCode, period.from, period.to);
    let items;
    if (kind) {
      const names = new Map((await deps.procedures(staff.unitCode)).map((p) => [p.code, p.name]));
      items = (await visits.receptionDossiers(staff.unitCode, period.from, period.to, kind)).map((d) => ({ ...d, procedureName: names.get(d.procedureCode) ?? d.procedureCode, receivedAt: formatDateTime(d.receivedAt) }));
    }
    return html(reply, FiguresPage({ ...(await nav(req, staff)), f: { ...f, kind, items }, errors: problems }), problems ? 422 : 200);
  });

  app.get('/can-bo/ho-tro-tai-nha/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, STAFF);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const v = await visits.get(id, staff.unitCode);
    const team = await visits.team(staff.unitCode);
    const procedureName = (await deps.procedures(staff.unitCode)).find((p) => p.code === v.procedure_code)?.name ?? v.procedure_code;
    return html(
      reply,
      VisitPage({ ...(await nav(req, staff)), v, procedureName, assignee: team.find((t) => t.id === v.assignee_id)?.fullName, isSupport: team.some((t) => t.id === staff.id && t.support) }),
    );
  });

  app.get(
    '/api/home-visits/figures',
    {
      schema: {
        tags: ['Hỗ trợ tại nhà'],
        summary: 'Số hồ sơ tiếp nhận tại nhà và ngày Thứ Bảy của đơn vị trong một kỳ, và số chuyến đến nhà theo kết quả',
        operationId: 'getHomeVisitFigures',
        security: security.staff,
        querystring: docSchema(periodQuery),
        response: { 200: json(figuresJson, 'Số liệu của kỳ'), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const { staff } = apiStaff(req);
      const period = periodOf(parseInput(periodQuery, req.query, 'Kỳ báo cáo không hợp lệ.'), deps.now());
      return visits.receptionFigures(staff.unitCode, period.from, period.to);
    },
  );

  app.get(
    '/api/home-visits/dossiers',
    {
      schema: {
        tags: ['Hỗ trợ tại nhà'],
        summary: 'Danh sách hồ sơ sau một con số: tiếp nhận tại nhà (home) hoặc ngày Thứ Bảy (saturday)',
        operationId: 'listHomeVisitDossiers',
        security: security.staff,
        querystring: docSchema(dossiersQuery),
        response: { 200: json(dossiersJson, 'Các hồ sơ, cũ trước'), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const { staff } = apiStaff(req);
      const q = parseInput(dossiersQuery, req.query, 'Tham số không hợp lệ.');
      const period = periodOf(q, deps.now());
      return { unit: staff.unitCode, ...period, kind: q.kind, items: await visits.receptionDossiers(staff.unitCode, period.from, period.to, q.kind) };
    },
  );
}
