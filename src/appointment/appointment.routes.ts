/**
 * Appointments over HTTP: the JSON API (free slots, book, get, move, cancel — documented in
 * OpenAPI) and the citizen's pages (book from the unit's page or a procedure's page, the booking
 * reached from the SMS link: move, cancel, "I have arrived"). Staff pages: appointment.staff-routes.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../account';
import type { CatalogService } from '../catalog';
import { PROOF_ROUTE } from '../dossier';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { actorOf, checkApiCsrf, checkCsrf } from '../shared/session';
import type { UnitService } from '../unit';
import { BOOKING_DAYS, EARLY_ARRIVAL_MIN, LATE_ARRIVAL_MIN, type AppointmentActor, type AppointmentProof, type AppointmentService } from './appointment.service';
import { addDays, vnParts } from './appointment.slots';
import { APPOINTMENT_SOURCES, APPOINTMENT_STATUSES, type Appointment } from './appointment.types';
import { AppointmentPage, BookingPage, LookupPage, MovePage, type FieldErrors } from './appointment.views';

export interface AppointmentRoutesDeps {
  appointments: AppointmentService;
  units: UnitService;
  catalog: CatalogService;
  accounts: AccountService;
  demo: boolean;
  defaultUnit: () => Promise<string>;
  now: () => Date;
  /** The live page of a queue ticket (the queue module's /hang-cho/:id). */
  ticketUrl?: (ticketId: string) => string;
}

const UNIT = z.string().trim().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const CODE = z.string().trim().toUpperCase().regex(/^LH[0-9A-Z]{8}$/, 'Mã lịch hẹn có dạng LH và 8 chữ hoặc số, ví dụ LH7K2M9QXA');
const DATE = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày có dạng YYYY-MM-DD');
const proofQuery = z.object({ phone: z.string().max(20).optional(), t: z.string().max(40).optional(), otp: z.string().max(10).optional() });
/** How many days a page of slots shows. */
const PAGE_DAYS = 7;

const at = z.string().describe('Thời điểm (ISO 8601, UTC)');
export const slotJson = z.object({
  at: at.describe('Giờ bắt đầu của lượt (ISO 8601, UTC) — gửi lại nguyên giá trị này khi đặt lịch'),
  date: z.string().describe('Ngày (giờ Việt Nam), YYYY-MM-DD'),
  time: z.string().describe('Giờ bắt đầu (giờ Việt Nam), HH:MM'),
  service: z.string(),
  minutes: z.number().int().describe('Độ dài một lượt (phút)'),
  capacity: z.number().int().describe('Số người nhận trong lượt (số quầy × số người mỗi quầy)'),
  free: z.number().int().describe('Số chỗ còn trống'),
});
export const appointmentJson = z.object({
  code: z.string().describe('Mã lịch hẹn'),
  status: z.enum(APPOINTMENT_STATUSES).describe('booked: đã đặt; cancelled: đã hủy; arrived: đã đến và nhận số thứ tự'),
  unit: z.string(),
  service: z.string(),
  serviceName: z.string(),
  procedureCode: z.string().nullable(),
  dossierCode: z.string().nullable().describe('Hồ sơ đã nộp trực tuyến mang theo (đến ký, xuất trình bản chính)'),
  slotAt: at,
  slotMinutes: z.number().int(),
  fullName: z.string(),
  phone: z.string(),
  source: z.enum(APPOINTMENT_SOURCES),
  moves: z.number().int().describe('Số lần đã đổi giờ'),
  ticketNumber: z.string().nullable().describe('Số thứ tự nhận khi đến (arrived)'),
  createdAt: at,
});
const arrivedJson = appointmentJson.extend({
  ticket: z
    .object({
      id: z.string().describe('Mã số thứ tự (khó đoán; GET /api/queue/tickets/{id})'),
      number: z.string().describe('Số thứ tự, ví dụ C-004'),
      status: z.string().describe('waiting | called | serving | done | no_show | cancelled'),
      position: z.number().int().nullable().describe('Số người trước (khi đang chờ)'),
      estimatedWaitMinutes: z.number().int().nullable(),
      trackUrl: z.string().nullable().describe('Trang theo dõi lượt trên điện thoại'),
    })
    .nullable(),
});
const bookedJson = appointmentJson.extend({ manageUrl: z.string().describe('Liên kết có chữ ký để xem, đổi, hủy (cũng được gửi qua SMS)') });

const bookBody = z
  .object({
    unit: UNIT.describe('Mã đơn vị'),
    service: z.string().describe('Mã dịch vụ (nhóm lĩnh vực) của hàng chờ'),
    slotAt: z.string().describe('Giờ của lượt, đúng giá trị `at` của GET /api/appointments/slots'),
    fullName: z.string().describe('Họ tên người đến'),
    phone: z.string().describe('Số điện thoại di động (nhận mã, tin nhắc)'),
    procedureCode: z.string().optional().describe('Mã thủ tục (nếu biết)'),
    dossierCode: z.string().optional().describe('Mã hồ sơ đã nộp trực tuyến (đến ký, xuất trình bản chính)'),
  })
  .meta({ examples: [{ unit: '00004', service: 'ho-tich', slotAt: '2026-12-05T01:00:00.000Z', fullName: 'Nguyễn Văn An', phone: '0912345678', procedureCode: '1.001193' }] });
const moveBody = z.object({ slotAt: z.string().describe('Giờ mới, đúng giá trị `at` của GET /api/appointments/slots'), otp: z.string().optional().describe('Mã xác thực gửi tới số điện thoại đã đặt (POST /api/otp, purpose verify_phone), khi không có liên kết có chữ ký hay phiên đăng nhập') });
const cancelBody = z.object({ otp: z.string().optional().describe('Mã xác thực gửi tới số điện thoại đã đặt (POST /api/otp, purpose verify_phone)') });
/** Changing needs the signed link, a session of the booking's phone or of the unit's official, or a one-time code. */
const changeSecurity: Array<Record<string, string[]>> = [{ trackingLink: [] }, { sessionCookie: [] }, { bearerAuth: [] }];

export async function appointmentRoutes(app: FastifyInstance, deps: AppointmentRoutesDeps): Promise<void> {
  const { appointments: svc, units, catalog } = deps;

  const actor = (req: FastifyRequest): AppointmentActor => {
    const a = actorOf(req);
    if (a.kind === 'citizen') return { kind: 'citizen', id: a.id, phone: a.phone };
    if (a.kind === 'staff') return { kind: 'staff', id: a.id, unitCode: a.unitCode, role: a.role, name: a.name };
    return { kind: 'anonymous' };
  };
  const proofOf = (req: FastifyRequest): AppointmentProof => {
    const q = parseInput(proofQuery, req.query);
    return { phone: q.phone, token: q.t, otp: q.otp };
  };
  const toJson = async (a: Appointment): Promise<z.infer<typeof appointmentJson>> => ({
    code: a.code,
    status: a.status,
    unit: a.unitCode,
    service: a.service,
    serviceName: await svc.serviceName(a.unitCode, a.service),
    procedureCode: a.procedureCode,
    dossierCode: a.dossierCode,
    slotAt: a.slotAt,
    slotMinutes: a.slotMinutes,
    fullName: a.fullName,
    phone: a.phone,
    source: a.source,
    moves: a.moves,
    ticketNumber: a.ticketNumber,
    createdAt: a.createdAt,
  });
  const jsonBody = (req: FastifyRequest): Record<string, unknown> => {
    const b = req.body ?? {};
    if (typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Cần một đối tượng JSON.', [{ field: '(gốc)', code: 'invalid_type', message: 'Cần đối tượng JSON' }]);
    return b as Record<string, unknown>;
  };

  // ------------------------------------------------------------------ JSON API
  app.get(
    '/api/appointments/slots',
    {
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Giờ hẹn còn trống của một đơn vị (các ngày đơn vị làm việc, kể cả Thứ Bảy làm việc)',
        operationId: 'listAppointmentSlots',
        security: security.public,
        description: `Các lượt của những ngày đơn vị làm việc, từ \`from\` (mặc định hôm nay) trong \`days\` ngày (tối đa 31; đặt trước tối đa ${BOOKING_DAYS} ngày). Lượt đã hết chỗ có \`free\` = 0 (trừ khi \`onlyFree\`).`,
        querystring: docSchema(
          z.object({
            unit: UNIT.meta({ examples: ['00004'] }),
            service: z.string().max(40).optional().describe('Mã dịch vụ; bỏ trống: mọi dịch vụ'),
            from: DATE.optional(),
            days: z.coerce.number().int().min(1).max(31).optional(),
            onlyFree: z.enum(['true', 'false']).optional(),
          }),
        ),
        response: {
          200: json(z.object({ unit: z.string(), services: z.array(z.object({ code: z.string(), name: z.string() })), items: z.array(slotJson) }), 'Các lượt, sớm trước'),
          ...errors(400, 404),
        },
      },
    },
    async (req) => {
      const q = parseInput(
        z.object({
          unit: UNIT,
          service: z.string().trim().max(40).optional(),
          from: DATE.optional(),
          days: z.coerce.number({ message: 'Số ngày là số nguyên' }).int().min(1, 'Ít nhất 1 ngày').max(31, 'Nhiều nhất 31 ngày').optional(),
          onlyFree: z.enum(['true', 'false']).optional(),
        }),
        req.query,
      );
      await units.get(q.unit);
      const slots = await svc.slots(q.unit, { service: q.service, from: q.from, days: q.days, onlyFree: q.onlyFree === 'true' });
      return { unit: q.unit, services: await svc.services(q.unit), items: slots.map(({ at, date, time, service, minutes, capacity, free }) => ({ at, date, time, service, minutes, capacity, free })) };
    },
  );

  app.post(
    '/api/appointments',
    {
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Đặt lịch hẹn đến quầy',
        operationId: 'bookAppointment',
        security: security.optional,
        description: [
          'Giữ một chỗ của lượt (hai người cùng đặt chỗ cuối: đúng một người được). Mã lịch hẹn và liên kết có chữ ký được gửi qua SMS; tin nhắc gửi trước một ngày.',
          'Lỗi: 400 invalid_input; 422 invalid_booking (fields[].code: invalid_phone, …), slot_unavailable (lượt không có hoặc đã qua); 409 slot_full (vừa hết chỗ), already_booked (số điện thoại đã có lịch cho dịch vụ này trong ngày).',
        ].join('\n\n'),
        body: body({ json: bookBody }),
        response: { 201: json(bookedJson, 'Lịch hẹn đã đặt'), ...errors(400, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const b = jsonBody(req);
      const unit = parseInput(z.object({ unit: UNIT }), { unit: b.unit }).unit;
      await units.get(unit);
      const a = actor(req);
      const source = a.kind === 'staff' ? 'counter' : 'api';
      if (a.kind === 'staff' && a.unitCode !== unit) throw new ForbiddenError('Cán bộ chỉ đặt lịch cho đơn vị của mình.');
      const { appointment, link } = await svc.book(unit, b, { source, createdBy: a.kind === 'staff' ? a.id : undefined });
      return reply.status(201).send({ ...(await toJson(appointment)), manageUrl: link });
    },
  );

  app.get(
    '/api/appointments/:code',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Một lịch hẹn (mã + số điện thoại, liên kết có chữ ký, hoặc phiên đăng nhập)',
        operationId: 'getAppointment',
        security: security.owner,
        description: 'Mã và số điện thoại sai trả lời như mã không tồn tại (404 appointment_not_found).',
        querystring: docSchema(proofQuery),
        response: { 200: json(appointmentJson, 'Lịch hẹn'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      return toJson(await svc.get(code, actor(req), proofOf(req)));
    },
  );

  app.post(
    '/api/appointments/:code/move',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Đổi giờ hẹn (cùng dịch vụ)',
        operationId: 'moveAppointment',
        security: changeSecurity,
        description: [
          'Cùng bằng chứng như khi thay đổi hồ sơ: liên kết có chữ ký (?t=), phiên đăng nhập của số điện thoại đã đặt hoặc của cán bộ đơn vị, hoặc mã + số điện thoại (?phone=) + mã xác thực một lần (otp).',
          'Lỗi: 403 stronger_proof_required; 409 slot_full, appointment_cancelled, appointment_used, appointment_past, appointment_changed; 422 slot_unavailable, otp_invalid.',
        ].join('\n\n'),
        querystring: docSchema(proofQuery),
        body: body({ json: moveBody }),
        response: { 200: json(appointmentJson, 'Lịch hẹn sau khi đổi'), ...errors(400, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const b = parseInput(z.object({ slotAt: z.string({ message: 'Chọn giờ mới (slotAt)' }).max(40), otp: z.string().max(10).optional() }), jsonBody(req));
      const proof = proofOf(req);
      return toJson(await svc.move(code, b.slotAt, actor(req), { ...proof, otp: b.otp ?? proof.otp }));
    },
  );

  app.post(
    '/api/appointments/:code/cancel',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Hủy lịch hẹn (chỗ được trả lại cho người khác)',
        operationId: 'cancelAppointment',
        security: changeSecurity,
        description: 'Cùng bằng chứng như khi đổi giờ. Lỗi: 403 stronger_proof_required; 409 appointment_cancelled, appointment_used, appointment_past; 422 otp_invalid.',
        querystring: docSchema(proofQuery),
        body: body({ json: cancelBody }),
        response: { 200: json(appointmentJson, 'Lịch hẹn đã hủy'), ...errors(400, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const b = parseInput(z.object({ otp: z.string().max(10).optional() }), req.body ?? {});
      const proof = proofOf(req);
      return toJson(await svc.cancel(code, actor(req), { ...proof, otp: b.otp ?? proof.otp }));
    },
  );

  app.post(
    '/api/appointments/:code/arrive',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Lịch hẹn'],
        summary: 'Báo đã đến theo lịch hẹn: nhận số thứ tự (gọi vào giờ hẹn)',
        operationId: 'arriveAppointment',
        security: changeSecurity,
        description: [
          `Từ ${EARLY_ARRIVAL_MIN} phút trước giờ hẹn đến ${LATE_ARRIVAL_MIN} phút sau: lịch hẹn nhận một số thứ tự của dịch vụ, được gọi vào giờ hẹn (thời gian chờ tính từ giờ hẹn). Báo lại lần nữa trả về cùng số.`,
          'Bằng chứng như khi đổi giờ (liên kết có chữ ký, phiên đăng nhập của số điện thoại đã đặt hoặc cán bộ đơn vị, mã xác thực một lần).',
          'Lỗi: 403 stronger_proof_required; 404 appointment_not_found; 409 appointment_cancelled; 422 too_early, too_late, queue_unavailable, otp_invalid.',
        ].join('\n\n'),
        querystring: docSchema(proofQuery),
        body: body({ json: cancelBody }),
        response: { 200: json(arrivedJson, 'Lịch hẹn và số thứ tự của nó'), ...errors(400, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const b = parseInput(z.object({ otp: z.string().max(10).optional() }), req.body ?? {});
      const proof = proofOf(req);
      const a = await svc.arrive(code, actor(req), { ...proof, otp: b.otp ?? proof.otp });
      const ticket = await svc.arrivalTicket(a);
      return { ...(await toJson(a)), ticket: ticket ?? null };
    },
  );

  // ------------------------------------------------------------------ pages: booking
  const form = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const pageQuery = z.object({ 'dich-vu': z.string().trim().max(40).optional(), 'thu-tuc': z.string().trim().max(40).optional(), ngay: DATE.optional() });

  async function bookingPage(req: FastifyRequest, reply: FastifyReply, unit: string, extra: { values?: Record<string, string | undefined>; error?: string; fieldErrors?: FieldErrors } = {}, status = 200) {
    const u = await units.get(unit);
    const q = parseInput(pageQuery, req.query);
    const services = await svc.services(unit);
    const proc = q['thu-tuc'] ? await catalog.findProcedure(q['thu-tuc']).catch(() => undefined) : undefined;
    // From a procedure's page: the service that receives its field is chosen already.
    const service = services.find((s) => s.code === q['dich-vu']) ?? (await svc.serviceForField(unit, proc?.field, services)) ?? (services.length === 1 ? services[0] : undefined);
    const today = vnParts(deps.now()).date;
    const from = q.ngay && q.ngay > today ? q.ngay : today;
    const slots = service ? await svc.slots(unit, { service: service.code, from, days: PAGE_DAYS }) : [];
    const next = addDays(from, PAGE_DAYS);
    const saturdays = slots.some((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() === 6);
    return html(
      reply,
      BookingPage({
        unitCode: unit,
        unitName: u.name,
        services,
        service,
        procedure: proc ? { code: proc.code, name: proc.name } : undefined,
        slots,
        from,
        next: next <= addDays(today, BOOKING_DAYS) ? next : undefined,
        prev: from > today ? (addDays(from, -PAGE_DAYS) > today ? addDays(from, -PAGE_DAYS) : today) : undefined,
        csrf: req.csrfToken,
        action: `/dv/${unit}/dat-lich`,
        values: extra.values ?? {},
        error: extra.error,
        fieldErrors: extra.fieldErrors,
        saturdayNote: saturdays ? 'Có lịch hẹn vào Thứ Bảy làm việc của đơn vị: dành cho người bận đi làm trong tuần.' : undefined,
      }),
      status,
    );
  }

  app.get('/dv/:unit/dat-lich', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    return bookingPage(req, reply, unit);
  });

  app.post('/dv/:unit/dat-lich', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const f = form(req);
    checkCsrf(req, f._csrf);
    const values = { slotAt: str(f.slotAt), fullName: str(f.fullName), phone: str(f.phone), dossierCode: str(f.dossierCode) };
    try {
      const a = actor(req);
      const { appointment } = await svc.book(unit, { service: str(f.service), slotAt: str(f.slotAt), fullName: str(f.fullName), phone: str(f.phone), procedureCode: str(f.procedureCode) || undefined, dossierCode: str(f.dossierCode) || undefined }, { source: 'web', createdBy: a.kind === 'staff' ? a.id : undefined });
      return reply.redirect(`/lich-hen/${appointment.code}?t=${svc.token(appointment.code)}&moi=1`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError || e instanceof ForbiddenError) throw e;
      const fieldErrors: FieldErrors = {};
      if (e instanceof ValidationError) for (const fe of e.fields) fieldErrors[fe.field] ??= fe.message;
      if (e.code === 'slot_full' || e.code === 'slot_unavailable') fieldErrors.slotAt = e.message;
      return bookingPage(req, reply, unit, { values, error: e instanceof ValidationError ? 'Xin sửa những mục dưới đây.' : e.message, fieldErrors }, e instanceof ValidationError ? 400 : e instanceof ConflictError ? 409 : 422);
    }
  });

  // ------------------------------------------------------------------ pages: the booking
  const homeOf = async () => {
    const code = await deps.defaultUnit().catch(() => undefined);
    return { homeHref: code ? `/dv/${code}` : '/', unitName: code ? (await units.get(code)).name : undefined };
  };

  app.get('/lich-hen', async (req, reply) => html(reply, LookupPage({ csrf: req.csrfToken, ...(await homeOf()) })));

  app.post('/lich-hen', { config: { proof: true } }, async (req, reply) => {
    const f = form(req);
    checkCsrf(req, f._csrf);
    const code = String(f.code ?? '').trim().toUpperCase();
    const phone = String(f.phone ?? '').trim();
    try {
      const a = await svc.get(code, actor(req), { phone });
      return reply.redirect(`/lich-hen/${a.code}?phone=${encodeURIComponent(a.phone)}`, 303);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      return html(reply, LookupPage({ csrf: req.csrfToken, code, phone, error: e.message, ...(await homeOf()) }), 404);
    }
  });

  const proofQs = (p: AppointmentProof) => (p.token ? `?t=${encodeURIComponent(p.token)}` : p.phone ? `?phone=${encodeURIComponent(p.phone)}` : '');

  async function bookingView(req: FastifyRequest, reply: FastifyReply, a: Appointment, extra: { message?: string; error?: string; otpSent?: string } = {}, status = 200) {
    const proof = proofOf(req);
    const who = actor(req);
    const strong = (who.kind === 'staff' && who.unitCode === a.unitCode) || (who.kind === 'citizen' && who.phone === a.phone) || svc.checkToken(a.code, proof.token);
    const now = deps.now().getTime();
    const slot = Date.parse(a.slotAt);
    const inWindow = now >= slot - 30 * 60_000 && now <= slot + 15 * 60_000;
    const proc = a.procedureCode ? await catalog.findProcedure(a.procedureCode).catch(() => undefined) : undefined;
    return html(
      reply,
      AppointmentPage({
        a,
        unitName: (await units.get(a.unitCode)).name,
        serviceName: await svc.serviceName(a.unitCode, a.service),
        procedureName: proc?.name,
        proofQuery: proofQs(proof),
        canChange: strong,
        canArrive: strong && inWindow,
        needsOtp: !strong,
        csrf: req.csrfToken,
        trackUrl: a.ticketId && deps.ticketUrl ? deps.ticketUrl(a.ticketId) : undefined,
        ...extra,
      }),
      status,
    );
  }

  /** Runs a change; a refused change shows the booking with the reason (never a bare error page). */
  async function change(req: FastifyRequest, reply: FastifyReply, run: (code: string, proof: AppointmentProof) => Promise<Appointment>, done: (a: Appointment) => string) {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const f = form(req);
    checkCsrf(req, f._csrf);
    const proof = { ...proofOf(req), otp: str(f.otp) || undefined };
    try {
      const a = await run(code, proof);
      return reply.redirect(`/lich-hen/${a.code}${proofQs(proof)}${proofQs(proof) ? '&' : '?'}xong=${done(a)}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      const a = await svc.get(code, actor(req), proof);
      return bookingView(req, reply, a, { error: e.message }, e instanceof ForbiddenError ? 403 : e instanceof ConflictError ? 409 : 422);
    }
  }

  const DONE: Record<string, string> = {
    moi: 'Đã đặt lịch hẹn. Mã lịch hẹn và đường dẫn này đã được gửi qua tin nhắn; Ông/Bà sẽ nhận tin nhắc trước một ngày.',
    'da-doi': 'Đã đổi giờ hẹn. Tin nhắn xác nhận giờ mới đã được gửi.',
    'da-huy': 'Đã hủy lịch hẹn.',
    'da-den': 'Ông/Bà đã nhận số thứ tự theo lịch hẹn: xin chờ được gọi vào giờ hẹn.',
  };

  app.get('/lich-hen/:code', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const q = req.query as Record<string, unknown>;
    const a = await svc.get(code, actor(req), proofOf(req));
    const key = 'moi' in q ? 'moi' : typeof q.xong === 'string' ? q.xong : '';
    return bookingView(req, reply, a, { message: DONE[key] });
  });

  app.post('/lich-hen/:code/huy', PROOF_ROUTE, async (req, reply) => change(req, reply, (code, proof) => svc.cancel(code, actor(req), proof), () => 'da-huy'));

  app.post('/lich-hen/:code/den', PROOF_ROUTE, async (req, reply) => change(req, reply, (code, proof) => svc.arrive(code, actor(req), proof), () => 'da-den'));

  app.post('/lich-hen/:code/ma', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const f = form(req);
    checkCsrf(req, f._csrf);
    const a = await svc.get(code, actor(req), proofOf(req));
    try {
      const r = await deps.accounts.requestOtp(a.phone, 'verify_phone', a.unitCode);
      return bookingView(req, reply, a, { otpSent: `Đã gửi mã xác thực tới số ${a.phone.slice(0, 3)}…${a.phone.slice(-3)}.${r.demoCode ? ` (Chế độ thử nghiệm: mã là ${r.demoCode}.)` : ''}` });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return bookingView(req, reply, a, { error: e.message }, 422);
    }
  });

  async function movePage(req: FastifyRequest, reply: FastifyReply, a: Appointment, error?: string, status = 200) {
    const proof = proofOf(req);
    const q = parseInput(z.object({ ngay: DATE.optional() }), { ngay: (req.query as Record<string, unknown>).ngay });
    const today = vnParts(deps.now()).date;
    const from = q.ngay && q.ngay > today ? q.ngay : today;
    const next = addDays(from, PAGE_DAYS);
    return html(
      reply,
      MovePage({
        a,
        unitName: (await units.get(a.unitCode)).name,
        serviceName: await svc.serviceName(a.unitCode, a.service),
        slots: await svc.slots(a.unitCode, { service: a.service, from, days: PAGE_DAYS }),
        proofQuery: proofQs(proof),
        csrf: req.csrfToken,
        next: next <= addDays(today, BOOKING_DAYS) ? next : undefined,
        prev: from > today ? today : undefined,
        error,
      }),
      status,
    );
  }

  app.get('/lich-hen/:code/doi', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const a = await svc.get(code, actor(req), proofOf(req));
    await svc.requireChangeProof(a, actor(req), proofOf(req));
    return movePage(req, reply, a);
  });

  app.post('/lich-hen/:code/doi', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const f = form(req);
    checkCsrf(req, f._csrf);
    const proof = proofOf(req);
    const a = await svc.get(code, actor(req), proof);
    try {
      if (!str(f.slotAt)) throw new ValidationError('Xin chọn một giờ mới.', [{ field: 'slotAt', code: 'required', message: 'Xin chọn một giờ mới' }]);
      const moved = await svc.move(code, str(f.slotAt)!, actor(req), proof);
      return reply.redirect(`/lich-hen/${moved.code}${proofQs(proof)}${proofQs(proof) ? '&' : '?'}xong=da-doi`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError || e instanceof ForbiddenError) throw e;
      return movePage(req, reply, a, e.message, e instanceof ConflictError ? 409 : e instanceof ValidationError ? 400 : 422);
    }
  });
}
