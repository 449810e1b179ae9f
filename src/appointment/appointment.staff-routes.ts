/**
 * The workspace's appointment pages: the day's bookings with "arrived — give a ticket", booking
 * for a citizen at the counter (or on the phone), the unit's sessions, and the queue statistics
 * (page, busiest-hours chart, Excel).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService, Staff } from '../account';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can } from '../shared/staff-menu';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { BOOKING_DAYS, type AppointmentService } from './appointment.service';
import { addDays, vnInstant, vnParts } from './appointment.slots';
import { busiestHoursChart, queueStats, statsXlsx } from './appointment.stats';
import { CounterBookingPage, DayListPage, SessionsPage, StatsPage } from './appointment.staff-views';
import type { TicketFact } from './appointment.types';
import type { FieldErrors } from './appointment.views';

export interface AppointmentStaffDeps {
  appointments: AppointmentService;
  units: UnitService;
  accounts: AccountService;
  /** The queue's ticket facts of a unit in [from, to) (queue's `ticketFacts`). */
  ticketFacts: (q: { unitCode: string; from: Date; to: Date }) => Promise<TicketFact[]>;
  now: () => Date;
}

const DATE = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày có dạng YYYY-MM-DD');
const CODE = z.string().trim().toUpperCase().regex(/^LH[0-9A-Z]{8}$/, 'Mã lịch hẹn không hợp lệ');
/** Who defines sessions: the unit's leaders and admins. */
const SESSION_ROLES = ['leader', 'admin'];

export async function appointmentStaffRoutes(app: FastifyInstance, deps: AppointmentStaffDeps): Promise<void> {
  const { appointments: svc, units } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => staffNav(req, staff, (await units.get(staff.unitCode)).name);
  const today = () => vnParts(deps.now()).date;
  const names = async (unit: string) => Object.fromEntries((await svc.queueServices(unit).catch(() => [])).map((s) => [s.code, s.name]));
  const form = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const actorOf = (s: Staff) => ({ kind: 'staff' as const, id: s.id, unitCode: s.unitCode, role: s.role, name: s.fullName });

  async function dayPage(req: FastifyRequest, reply: FastifyReply, staff: Staff, date: string, extra: { message?: string; error?: string } = {}, status = 200) {
    return html(
      reply,
      DayListPage({
        nav: await nav(req, staff),
        date,
        prev: addDays(date, -1),
        next: addDays(date, 1),
        items: await svc.listDay(staff.unitCode, date),
        serviceNames: await names(staff.unitCode),
        csrf: req.csrfToken,
        canChange: can(staff, 'counter'),
        canAdmin: SESSION_ROLES.includes(staff.role),
        ...extra,
      }),
      status,
    );
  }

  app.get('/can-bo/lich-hen', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(z.object({ ngay: DATE.optional() }), req.query);
    return dayPage(req, reply, staff, q.ngay ?? today());
  });

  app.post('/can-bo/lich-hen/:code/den', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    if (!can(staff, 'counter')) throw new ForbiddenError();
    checkCsrf(req, form(req)._csrf);
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const date = parseInput(z.object({ ngay: DATE.optional() }), req.query).ngay ?? today();
    try {
      const a = await svc.arrive(code, actorOf(staff), {});
      return dayPage(req, reply, staff, date, { message: `Đã cấp số ${a.ticketNumber} cho ${a.fullName} (lịch hẹn ${a.code}): số được gọi vào giờ hẹn.` });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return dayPage(req, reply, staff, date, { error: e.message }, 422);
    }
  });

  // ------------------------------------------------------------------ booking at the counter
  const bookQuery = z.object({ 'dich-vu': z.string().trim().max(40).optional(), ngay: DATE.optional() });
  async function counterPage(req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { values?: Record<string, string | undefined>; error?: string; fieldErrors?: FieldErrors; message?: string } = {}, status = 200) {
    const q = parseInput(bookQuery, req.query);
    const services = await svc.services(staff.unitCode);
    const service = services.find((s) => s.code === q['dich-vu']) ?? (services.length === 1 ? services[0] : undefined);
    const t = today();
    const from = q.ngay && q.ngay > t ? q.ngay : t;
    const next = addDays(from, 7);
    return html(
      reply,
      CounterBookingPage({
        nav: await nav(req, staff),
        unitCode: staff.unitCode,
        unitName: (await units.get(staff.unitCode)).name,
        services,
        service,
        slots: service ? await svc.slots(staff.unitCode, { service: service.code, from, days: 7 }) : [],
        from,
        next: next <= addDays(t, BOOKING_DAYS) ? next : undefined,
        prev: from > t ? t : undefined,
        csrf: req.csrfToken,
        action: '/can-bo/lich-hen/dat',
        values: extra.values ?? {},
        error: extra.error,
        fieldErrors: extra.fieldErrors,
        message: extra.message,
        staff: true,
      }),
      status,
    );
  }

  app.get('/can-bo/lich-hen/dat', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    if (!can(staff, 'counter')) throw new ForbiddenError();
    return counterPage(req, reply, staff);
  });

  app.post('/can-bo/lich-hen/dat', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    if (!can(staff, 'counter')) throw new ForbiddenError();
    const f = form(req);
    checkCsrf(req, f._csrf);
    const values = { slotAt: str(f.slotAt), fullName: str(f.fullName), phone: str(f.phone), dossierCode: str(f.dossierCode) };
    try {
      const { appointment: a } = await svc.book(staff.unitCode, { service: str(f.service), slotAt: str(f.slotAt), fullName: str(f.fullName), phone: str(f.phone), dossierCode: str(f.dossierCode) || undefined }, { source: 'counter', createdBy: staff.id });
      return dayPage(req, reply, staff, vnParts(a.slotAt).date, { message: `Đã đặt lịch ${a.code} cho ${a.fullName}; mã đã được gửi qua tin nhắn tới ${a.phone}.` });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError || e instanceof ForbiddenError) throw e;
      const fieldErrors: FieldErrors = {};
      if (e instanceof ValidationError) for (const fe of e.fields) fieldErrors[fe.field] ??= fe.message;
      return counterPage(req, reply, staff, { values, error: e.message, fieldErrors }, e instanceof ValidationError ? 400 : 409);
    }
  });

  // ------------------------------------------------------------------ sessions
  async function sessionsPage(req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string | string[] | undefined>; message?: string } = {}, status = 200) {
    return html(reply, SessionsPage({ nav: await nav(req, staff), sessions: await svc.listSessions(staff.unitCode), services: await svc.queueServices(staff.unitCode).catch(() => []), csrf: req.csrfToken, ...extra }), status);
  }

  app.get('/can-bo/lich-hen/buoi', async (req, reply) => {
    const staff = pageStaff(req, reply, SESSION_ROLES);
    if (!staff) return reply;
    return sessionsPage(req, reply, staff);
  });

  app.post('/can-bo/lich-hen/buoi', async (req, reply) => {
    const staff = pageStaff(req, reply, SESSION_ROLES);
    if (!staff) return reply;
    const f = form(req);
    checkCsrf(req, f._csrf);
    const weekdays = Array.isArray(f.weekdays) ? f.weekdays.map(String) : typeof f.weekdays === 'string' ? [f.weekdays] : [];
    const input = { service: str(f.service), weekdays, onDate: str(f.onDate) || null, start: str(f.start), end: str(f.end), slotMinutes: str(f.slotMinutes), counters: str(f.counters), perCounter: str(f.perCounter) };
    try {
      await svc.createSession(staff.unitCode, input);
      return sessionsPage(req, reply, staff, { message: 'Đã thêm buổi nhận lịch hẹn.' });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      const fieldErrors: Record<string, string> = {};
      if (e instanceof ValidationError) for (const fe of e.fields) fieldErrors[fe.field] ??= fe.message;
      return sessionsPage(req, reply, staff, { error: e.message, fieldErrors, values: { ...input, onDate: input.onDate ?? undefined } as Record<string, string | string[] | undefined> }, e instanceof ValidationError ? 400 : 422);
    }
  });

  app.post('/can-bo/lich-hen/buoi/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, SESSION_ROLES);
    if (!staff) return reply;
    const f = form(req);
    checkCsrf(req, f._csrf);
    const { id } = parseInput(z.object({ id: z.string().uuid('Mã buổi không hợp lệ') }), req.params);
    await svc.setSessionActive(staff.unitCode, id, f.active === '1');
    return reply.redirect('/can-bo/lich-hen/buoi', 303);
  });

  // ------------------------------------------------------------------ queue statistics
  const statsQuery = z.object({ tu: DATE.optional(), den: DATE.optional(), 'don-vi': z.string().regex(/^\d{2,5}$/).optional() });
  async function statsOf(staff: Staff, req: FastifyRequest) {
    const q = parseInput(statsQuery, req.query, 'Khoảng ngày không hợp lệ.');
    const t = today();
    const to = q.den ?? t;
    const from = q.tu ?? `${to.slice(0, 8)}01`;
    if (from > to) throw new ValidationError('Ngày bắt đầu phải trước ngày kết thúc.', [{ field: 'tu', code: 'invalid_range', message: 'Ngày bắt đầu phải trước ngày kết thúc' }]);
    if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new ValidationError('Khoảng ngày tối đa một năm.', [{ field: 'tu', code: 'range_too_long', message: 'Khoảng ngày tối đa một năm' }]);
    // A supervisor reads a unit below them; others their own unit.
    let unit = staff.unitCode;
    if (q['don-vi'] && q['don-vi'] !== staff.unitCode) {
      if (staff.role !== 'supervisor' || !(await units.descendants(staff.unitCode)).some((u) => u.code === q['don-vi'])) throw new ForbiddenError();
      unit = q['don-vi'];
    }
    const facts = await deps.ticketFacts({ unitCode: unit, from: vnInstant(from, 0), to: vnInstant(addDays(to, 1), 0) });
    const serviceNames = await names(unit);
    const officials = new Map((await deps.accounts.listStaff([unit])).map((s) => [s.id, s.fullName]));
    const stats = queueStats(facts, { from, to, serviceName: (c) => serviceNames[c] ?? c, officialName: (id) => officials.get(id) ?? 'Cán bộ khác' });
    return { stats, unit, from, to, unitName: (await units.get(unit)).name };
  }

  app.get('/can-bo/hang-cho/thong-ke', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { stats, unit, from, to, unitName } = await statsOf(staff, req);
    const qs = new URLSearchParams({ tu: from, den: to, ...(unit !== staff.unitCode ? { 'don-vi': unit } : {}) });
    return html(reply, StatsPage({ nav: await nav(req, staff), stats, chart: busiestHoursChart(stats.byHour), from, to, unitName, exportHref: `/can-bo/hang-cho/thong-ke.xlsx?${qs}` }));
  });

  app.get('/can-bo/hang-cho/thong-ke.xlsx', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { stats, from, to, unitName } = await statsOf(staff, req);
    const body = await statsXlsx(stats, `Thống kê hàng chờ — ${unitName}`, deps.now());
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="thong-ke-hang-cho-${from}-${to}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  });
}
