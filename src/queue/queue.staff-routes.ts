/** The counter official's screen: open/close a counter, call, recall, serve, no-show, transfer, receive a dossier. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageStaff } from '../staff/staff.guard';
import { DomainError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { rolesWith } from '../shared/staff-menu';
import type { UnitService } from '../unit';
import { isTicketId, type QueueOfficial, type QueueService } from './queue.service';
import { CounterPage, ReceiveFromTicketPage } from './queue.staff-views';

const TICKET_COOKIE = 'motcua_so_thu_tu';

const MESSAGES: Record<string, string> = {
  goi: 'Đã gọi số tiếp theo.',
  'khong-con': 'Không còn ai chờ các dịch vụ của quầy.',
  'goi-lai': 'Đã gọi lại.',
  'phuc-vu': 'Đang phục vụ.',
  xong: 'Đã ghi xong.',
  'vang-mat': 'Đã ghi vắng mặt.',
  chuyen: 'Đã chuyển số sang dịch vụ khác (giữ vị trí).',
  mo: 'Đã mở quầy.',
  dong: 'Đã đóng quầy.',
};

export async function queueStaffRoutes(
  app: FastifyInstance,
  deps: {
    queue: QueueService;
    units: UnitService;
    /** The unit's procedures with their field (lĩnh vực), for the reception from a ticket. */
    procedures(unitCode: string): Promise<Array<{ code: string; name: string; field: string }>>;
  },
): Promise<void> {
  const { queue, units } = deps;
  const roles = rolesWith('counter');
  const official = (s: { id: string; fullName: string; unitCode: string }): QueueOfficial => ({ id: s.id, fullName: s.fullName, unitCode: s.unitCode });

  const page = async (req: FastifyRequest, reply: FastifyReply, staff: { id: string; fullName: string; role: string; unitCode: string }, counter: string | undefined, extra: { message?: string; error?: string } = {}, status = 200) => {
    const screen = await queue.counterScreen(staff.unitCode, counter);
    return html(
      reply,
      CounterPage({
        ...staffNav(req, staff, (await units.get(staff.unitCode)).name),
        unitCode: staff.unitCode,
        counter: screen.counter,
        counters: screen.counters,
        services: screen.services,
        categories: screen.settings.categories,
        atCounter: screen.current,
        waiting: screen.waiting,
        ...extra,
      }),
      status,
    );
  };

  app.get('/can-bo/hang-cho', async (req, reply) => {
    const staff = pageStaff(req, reply, roles);
    if (!staff) return reply;
    const q = parseInput(z.object({ quay: z.string().max(10).optional(), xong: z.string().max(20).optional() }), req.query);
    return page(req, reply, staff, q.quay, { message: q.xong ? MESSAGES[q.xong] : undefined });
  });

  app.post('/can-bo/hang-cho/:counter/:action', async (req, reply) => {
    const staff = pageStaff(req, reply, roles);
    if (!staff) return reply;
    const { counter, action } = parseInput(z.object({ counter: z.string().regex(/^[A-Za-z0-9-]{1,10}$/), action: z.enum(['goi', 'goi-lai', 'phuc-vu', 'xong', 'vang-mat', 'chuyen', 'mo', 'dong']) }), req.params);
    const form = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, form._csrf);
    const o = official(staff);
    let done = action;
    try {
      switch (action) {
        case 'goi':
          if (!(await queue.callNext(o, counter))) done = 'khong-con' as typeof action;
          break;
        case 'goi-lai':
          await queue.recall(o, counter);
          break;
        case 'phuc-vu':
          await queue.serve(o, counter);
          break;
        case 'xong':
          await queue.done(o, counter);
          break;
        case 'vang-mat':
          await queue.noShow(o, counter);
          break;
        case 'chuyen':
          await queue.transfer(o, { counter }, String(form.service ?? ''));
          break;
        case 'mo': {
          const services = (Array.isArray(form.services) ? form.services : form.services ? [form.services] : []).map(String);
          await queue.openCounter(o, counter, services);
          break;
        }
        case 'dong':
          await queue.closeCounter(o, counter);
          break;
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return page(req, reply, staff, counter, { error: e.message }, e.code === 'counter_not_found' || e.code === 'ticket_not_found' ? 404 : 409);
    }
    return reply.redirect(`/can-bo/hang-cho?quay=${encodeURIComponent(counter)}&xong=${done}`, 303);
  });

  // From a ticket to the counter reception: the dossier received next in this browser is linked to it.
  app.get('/can-bo/hang-cho/ve/:id/tiep-nhan', async (req, reply) => {
    const staff = pageStaff(req, reply, roles);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: z.string().refine(isTicketId, 'Mã số thứ tự không hợp lệ') }), req.params);
    const t = await queue.ticket(id);
    if (!t || t.unitCode !== staff.unitCode) return page(req, reply, staff, undefined, { error: 'Không tìm thấy số thứ tự ở đơn vị của bạn.' }, 404);
    const service = (await queue.services(staff.unitCode)).find((s) => s.code === t.service);
    const fields = new Set(service?.fieldCodes ?? []);
    const procedures = (await deps.procedures(staff.unitCode))
      .map((p) => ({ code: p.code, name: p.name, own: fields.has(p.field) }))
      .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name, 'vi'));
    reply.setCookie(TICKET_COOKIE, id, { path: '/can-bo', httpOnly: true, sameSite: 'lax', maxAge: 2 * 3600 });
    return html(reply, ReceiveFromTicketPage({ ...staffNav(req, staff, (await units.get(staff.unitCode)).name), number: t.number, serviceName: service?.name ?? t.service, procedures }));
  });
}

/**
 * The counter reception (dossier module, POST /can-bo/tiep-nhan) answers with the new dossier's
 * page: the dossier is linked to the ticket in hand (the cookie set by "Tiếp nhận hồ sơ từ số
 * này"). A hook of that one route only, added as it is declared: call before the dossier routes.
 */
export function linkReceptionToTicket(
  app: FastifyInstance,
  deps: { queue: QueueService; dossierByCode(code: string): Promise<{ id: string; code: string | null; unitCode: string } | undefined> },
): void {
  const hook = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const ticketId = req.cookies?.[TICKET_COOKIE];
    const location = String(reply.getHeader('location') ?? '');
    const m = /^\/can-bo\/ho-so\/([0-9A-Za-z-]+)/.exec(location);
    if (!ticketId || !isTicketId(ticketId) || !m || reply.statusCode >= 400 || req.principal?.kind !== 'staff') return payload;
    const d = await deps.dossierByCode(m[1]!);
    if (d && d.unitCode === req.principal.staff.unitCode) {
      await deps.queue.linkDossier(d.unitCode, ticketId, d).catch(() => undefined);
      reply.clearCookie(TICKET_COOKIE, { path: '/can-bo' });
    }
    return payload;
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== '/can-bo/tiep-nhan' || !methods.includes('POST')) return;
    const existing = route.onSend ? (Array.isArray(route.onSend) ? route.onSend : [route.onSend]) : [];
    route.onSend = [...existing, hook] as typeof route.onSend;
  });
}
