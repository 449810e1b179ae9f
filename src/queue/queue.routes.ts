/**
 * The queue's public pages and JSON API (issue 13): the kiosk `/dv/:unit/lay-so`, the citizen's live
 * page `/hang-cho/:ticket`, the TV display `/dv/:unit/hang-cho/man-hinh`, their SSE streams, the
 * spoken call, and `/api/queue/...` (tickets, services, the counter's calls for its officials).
 */
import { randomBytes } from 'node:crypto';
import { clientKey } from '../shared/client-key';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiStaff } from '../staff/staff.guard';
import { docSchema, html, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../shared/errors';
import { RateLimiter, RateLimitedError, waitText, type RateLimitStore } from '../shared/rate-limit';
import { qrSvg } from '../shared/qr';
import { fold } from '../shared/vietnamese';
import { checkApiCsrf } from '../shared/session';
import { rolesWith } from '../shared/staff-menu';
import type { UnitService } from '../unit';
import { isTicketId, spokenCall, type QueueService } from './queue.service';
import { speak, speechAvailable } from './queue.speech';
import { TICKET_STATUSES, type TicketView } from './queue.types';
import { DisplayPage, KioskPage, LivePage, SlipPage } from './queue.views';
import { QueueFanout } from './queue.fanout';

/** Tickets one device (kiosk, phone) may take: enough for a busy kiosk, too few to flood a queue. */
export const DEVICE_BUDGETS = [
  { max: 12, windowMs: 60_000 },
  { max: 200, windowMs: 3_600_000 },
];
const DEVICE_COOKIE = 'motcua_thiet_bi';

const unitParams = z.object({ unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị không hợp lệ') });
const ticketParams = z.object({ id: z.string().refine(isTicketId, 'Mã số thứ tự không hợp lệ') });
const counterParams = z.object({ counter: z.string().regex(/^[A-Za-z0-9-]{1,10}$/, 'Mã quầy không hợp lệ') });

export const takeBody = z.object({
  unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị không hợp lệ').meta({ examples: ['00004'] }),
  service: z.string().min(1, 'Chọn dịch vụ').max(30).meta({ examples: ['ho-tich'] }),
  priority: z.string().max(30).nullish().meta({ examples: ['elderly'], description: 'Đối tượng ưu tiên: elderly, disabled, pregnant, small_child, merit (theo cài đặt của đơn vị).' }),
  phone: z.string().max(20).nullish().meta({ description: 'Số điện thoại nhận tin nhắn khi còn 3 lượt và khi được gọi.', examples: ['0912345678'] }),
});
const takenJson = z.object({
  id: z.string(),
  number: z.string().meta({ examples: ['A-017'] }),
  service: z.string(),
  position: z.number().int().meta({ description: 'Số người trước bạn (0: bạn là người tiếp theo).' }),
  estimatedWaitMinutes: z.number().int(),
  trackUrl: z.string(),
});
const ticketJson = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  counter: z.string().nullable(),
  counterName: z.string().nullable(),
  service: z.string(),
  serviceName: z.string(),
  priority: z.string().nullable(),
  takenAt: z.string(),
  calledAt: z.string().nullable(),
});
const servicesQuery = z.object({ unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị không hợp lệ').meta({ examples: ['00004'] }) });
const servicesJson = z.array(z.object({ code: z.string(), name: z.string(), letter: z.string(), fieldCodes: z.array(z.string()), counters: z.array(z.string()) }));
const counterBody = z.object({
  unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị không hợp lệ').meta({ examples: ['00004'] }),
});
const transferBody = counterBody.extend({
  service: z.string().min(1, 'Chọn dịch vụ nhận số').max(30).meta({ examples: ['dat-dai'] }),
  ticket: z.string().max(30).optional().meta({ description: 'Số cần chuyển (mặc định: số đang ở quầy).' }),
});
const counterTicketJson = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  priority: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  counter: z.string().nullable(),
  takenAt: z.string(),
  calledAt: z.string().nullable(),
});

function apiTicket(t: TicketView) {
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    position: t.position,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    counter: t.counter,
    counterName: t.counterName,
    service: t.service,
    serviceName: t.serviceName,
    priority: t.priority,
    takenAt: t.takenAt,
    calledAt: t.calledAt,
  };
}

/**
 * Opens a Server-Sent Events stream and hands it to the fan-out (`subscribe` writes the first
 * event and returns how to stop); closed when the client goes, or when the server shuts down.
 */
function openStream(req: FastifyRequest, reply: FastifyReply, open: Set<ServerResponse>, subscribe: (res: ServerResponse) => Promise<() => void>): void {
  reply.hijack();
  const res = reply.raw;
  // Never passes onSend: the in-flight count (graceful shutdown) counts it out when it closes.
  req.server.lifecycle?.hijacked(res);
  open.add(res);
  res.on('close', () => open.delete(res));
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
  res.write('retry: 2000\n\n');
  let closed = false;
  let off: (() => void) | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    off?.();
  };
  req.raw.on('close', close);
  res.on('error', close);
  void subscribe(res).then((stop) => {
    off = stop;
    if (closed) stop();
  });
}

export async function queueRoutes(
  app: FastifyInstance,
  deps: {
    queue: QueueService;
    units: UnitService;
    publicUrl: string;
    /** A procedure's field (lĩnh vực), for "Lấy số" from its page. */
    procedure?: (code: string) => Promise<{ code: string; name: string; field: string } | undefined>;
    /** Where the devices' ticket budgets are counted (shared by the processes on one database); default: in memory. */
    limits?: RateLimitStore;
  },
): Promise<void> {
  const { queue, units } = deps;
  // A graceful shutdown waits for open connections: a display's stream would hold it to the
  // timeout. Ended first, its client reconnects (to another process) after the retry delay.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const res of streams) {
      res.end();
      res.socket?.end();
    }
    done();
  });
  const limiter = new RateLimiter(deps.limits);
  const fanout = new QueueFanout(queue, (v) => apiTicket(v as TicketView));
  const unitOf = async (code: string) => {
    const u = (await units.list()).find((x) => x.code === code);
    if (!u) throw new NotFoundError('Không tìm thấy đơn vị hành chính.', 'unit_not_found');
    return u;
  };
  /** The device: the kiosk's (or phone's) own cookie, else its address. */
  const deviceOf = (req: FastifyRequest, reply?: FastifyReply): string => {
    const c = req.cookies?.[DEVICE_COOKIE];
    if (c && /^[A-Za-z0-9_-]{16,40}$/.test(c)) return `d:${c}`;
    if (reply) {
      const id = randomBytes(16).toString('base64url');
      reply.setCookie(DEVICE_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    }
    return `ip:${clientKey(req.ip)}`;
  };
  const spend = async (device: string) => {
    for (const b of DEVICE_BUDGETS) await limiter.take(`queue:${device}:${b.windowMs}`, b);
  };

  // ---- JSON API ----

  app.get(
    '/api/queue/services',
    {
      schema: {
        tags: ['Hàng chờ'],
        summary: 'Dịch vụ xếp hàng của đơn vị và các quầy đang mở phục vụ từng dịch vụ',
        operationId: 'listQueueServices',
        security: security.public,
        querystring: docSchema(servicesQuery),
        response: { 200: json(servicesJson, 'Các dịch vụ (nhóm lĩnh vực) và mã các quầy đang mở'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const q = parseInput(servicesQuery, req.query);
      await unitOf(q.unit);
      return (await queue.services(q.unit)).map((s) => ({ code: s.code, name: s.name, letter: s.letter, fieldCodes: s.fieldCodes, counters: s.counters }));
    },
  );

  app.post(
    '/api/queue/tickets',
    {
      schema: {
        tags: ['Hàng chờ'],
        summary: 'Lấy số thứ tự cho một dịch vụ (có thể chọn đối tượng ưu tiên, để lại số điện thoại)',
        operationId: 'takeQueueTicket',
        security: security.public,
        body: docSchema(takeBody),
        response: { 201: json(takenJson, 'Số thứ tự, số người trước, thời gian chờ dự kiến, trang theo dõi'), ...errors(400, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = parseInput(takeBody, req.body);
      await unitOf(b.unit);
      const device = deviceOf(req);
      await spend(device);
      const t = await queue.takeTicket({ unitCode: b.unit, service: b.service, priority: b.priority ?? null, phone: b.phone ?? null, source: 'web', device });
      return reply.status(201).send(t);
    },
  );

  app.get(
    '/api/queue/tickets/:id',
    {
      schema: {
        tags: ['Hàng chờ'],
        summary: 'Trạng thái một số thứ tự (mã khó đoán trong đường dẫn theo dõi)',
        operationId: 'getQueueTicket',
        security: security.public,
        params: docSchema(ticketParams),
        response: { 200: json(ticketJson, 'Số, trạng thái, vị trí, quầy khi được gọi'), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { id } = parseInput(ticketParams, req.params);
      reply.header('cache-control', 'no-store');
      return apiTicket(await queue.view(id));
    },
  );

  const counterOp = (action: string, summary: string, operationId: string, body: z.ZodType, run: (official: { id: string; fullName: string; unitCode: string }, counter: string, b: any) => Promise<unknown>) =>
    app.post(
      `/api/queue/counters/:counter/${action}`,
      {
        schema: {
          tags: ['Hàng chờ'],
          summary,
          operationId,
          security: security.staff,
          params: docSchema(counterParams),
          body: docSchema(body),
          response: { 200: json(counterTicketJson, 'Số thứ tự sau thao tác'), ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { staff } = apiStaff(req, rolesWith('counter'));
        checkApiCsrf(req);
        const { counter } = parseInput(counterParams, req.params);
        const b = parseInput(body, req.body);
        if ((b as { unit: string }).unit !== staff.unitCode) throw new ForbiddenError('Bạn chỉ gọi số ở quầy của đơn vị mình.', 'other_unit');
        const t = (await run({ id: staff.id, fullName: staff.fullName, unitCode: staff.unitCode }, counter, b)) as {
          id: string;
          number: string;
          service: string;
          priority: string | null;
          status: string;
          counter: string | null;
          takenAt: string;
          calledAt: string | null;
        };
        return { id: t.id, number: t.number, service: t.service, priority: t.priority, status: t.status, counter: t.counter, takenAt: t.takenAt, calledAt: t.calledAt };
      },
    );

  counterOp('next', 'Gọi số tiếp theo ở quầy (số đang phục vụ ở quầy được ghi là xong); chỉ cán bộ một cửa của đơn vị', 'callNextQueueTicket', counterBody, async (o, counter) => {
    const t = await queue.callNext(o, counter);
    if (!t) throw new NotFoundError('Không còn ai chờ các dịch vụ của quầy này.', 'queue_empty');
    return t;
  });
  counterOp('recall', 'Gọi lại số đang ở quầy', 'recallQueueTicket', counterBody, (o, counter) => queue.recall(o, counter));
  counterOp('serve', 'Người dân đã đến quầy: bắt đầu phục vụ số đang gọi', 'serveQueueTicket', counterBody, (o, counter) => queue.serve(o, counter));
  counterOp('done', 'Đã phục vụ xong số đang ở quầy', 'finishQueueTicket', counterBody, (o, counter) => queue.done(o, counter));
  counterOp('no-show', 'Số đang gọi vắng mặt', 'noShowQueueTicket', counterBody, (o, counter) => queue.noShow(o, counter));
  counterOp('transfer', 'Chuyển số sang dịch vụ khác, giữ nguyên vị trí theo giờ lấy số', 'transferQueueTicket', transferBody, (o, counter, b) =>
    queue.transfer(o, b.ticket ? { ticketId: b.ticket } : { counter }, b.service),
  );

  // ---- the kiosk ----

  const kioskQuery = z.object({ 'thu-tuc': z.string().max(40).optional(), 'dich-vu': z.string().max(30).optional(), kenh: z.string().max(10).optional() });
  /**
   * The kiosk, or the same page on a citizen's phone ("Lấy số" on a procedure's page: ?thu-tuc=…,
   * the service receiving the procedure's field first; the ticket then opens on its live page).
   */
  const kiosk = async (unit: string, unitName: string, q: z.infer<typeof kioskQuery>, error?: string) => {
    const [services, settings] = await Promise.all([queue.services(unit), queue.settings(unit)]);
    const proc = q['thu-tuc'] && deps.procedure ? await deps.procedure(q['thu-tuc']).catch(() => undefined) : undefined;
    const field = proc ? fold(proc.field).trim() : undefined;
    const preferred = services.find((s) => s.code === q['dich-vu']) ?? (field ? services.find((s) => s.fieldCodes.some((f) => fold(f).trim() === field)) : undefined);
    const web = q.kenh === 'web' || !!q['thu-tuc'];
    return KioskPage({ unitCode: unit, unitName, services, categories: settings.categories, error, preferred: preferred?.code, procedure: proc ? { code: proc.code, name: proc.name } : undefined, web });
  };

  app.get('/dv/:unit/lay-so', async (req, reply) => {
    const { unit } = parseInput(unitParams, req.params);
    const u = await unitOf(unit);
    deviceOf(req, reply);
    return html(reply, await kiosk(unit, u.name, parseInput(kioskQuery, req.query)));
  });

  app.post('/dv/:unit/lay-so', async (req, reply) => {
    const { unit } = parseInput(unitParams, req.params);
    const u = await unitOf(unit);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
    const device = deviceOf(req, reply);
    const web = str('kenh') === 'web';
    try {
      await spend(device);
      const t = await queue.takeTicket({ unitCode: unit, service: str('service'), priority: str('priority') || null, phone: str('phone') || null, source: web ? 'web' : 'kiosk', device });
      // On a phone the ticket is followed on its live page; the kiosk prints a slip.
      if (web) return reply.redirect(`/hang-cho/${t.id}`, 303);
      return reply.redirect(`/dv/${unit}/lay-so/${t.id}${'in' in (req.query as object) ? '?in=1' : ''}`, 303);
    } catch (e) {
      const message = e instanceof RateLimitedError ? `Thiết bị này vừa lấy nhiều số. Xin chờ ${waitText(e.retryAfterSeconds)} rồi thử lại.` : e instanceof Error && 'code' in e ? e.message : undefined;
      if (!message) throw e;
      const status = e instanceof RateLimitedError ? 429 : e instanceof RuleViolationError ? 422 : 409;
      const page = await kiosk(unit, u.name, { 'dich-vu': str('pref') || undefined, kenh: web ? 'web' : undefined }, message);
      return html(reply, page, status === 409 && (e as { code?: string }).code !== 'ticket_exists' ? 400 : status);
    }
  });

  app.get('/dv/:unit/lay-so/:id', async (req, reply) => {
    const { unit, id } = parseInput(unitParams.extend({ id: ticketParams.shape.id }), req.params);
    const u = await unitOf(unit);
    const t = await queue.view(id);
    if (t.unitCode !== unit) throw new NotFoundError('Không tìm thấy số thứ tự này.', 'ticket_not_found');
    const trackUrl = queue.trackUrl(id);
    return html(reply, SlipPage({ unitCode: unit, unitName: u.name, t, trackUrl, qr: await qrSvg(trackUrl), print: 'in' in (req.query as object) }));
  });

  // ---- the citizen's live page ----

  app.get('/hang-cho/:id', async (req, reply) => {
    const { id } = parseInput(ticketParams, req.params);
    const t = await queue.view(id);
    reply.header('cache-control', 'no-store');
    return html(reply, LivePage({ t, unitName: (await unitOf(t.unitCode)).name }));
  });

  app.get('/hang-cho/:id/su-kien', async (req, reply) => {
    const { id } = parseInput(ticketParams, req.params);
    const t = await queue.ticket(id);
    if (!t) throw new NotFoundError('Không tìm thấy số thứ tự này.', 'ticket_not_found');
    openStream(req, reply, streams, (res) => fanout.addTicket(t.unitCode, t.id, res, () => queue.viewOf(t)));
  });

  // ---- the TV display ----

  app.get('/dv/:unit/hang-cho/man-hinh', async (req, reply) => {
    const { unit } = parseInput(unitParams, req.params);
    await unitOf(unit);
    const q = req.query as Record<string, string>;
    // Quiet by default: ?chuong=1 adds the chime, ?doc=1 the spoken call.
    return html(reply, DisplayPage({ board: await queue.board(unit), chime: q.chuong === '1', speak: q.doc === '1', speechAvailable: speechAvailable() }));
  });

  app.get('/dv/:unit/hang-cho/su-kien', async (req, reply) => {
    const { unit } = parseInput(unitParams, req.params);
    await unitOf(unit);
    openStream(req, reply, streams, (res) => fanout.addBoard(unit, res));
  });

  const speechQuery = z.object({ so: z.string().regex(/^[A-Z]-\d{1,4}$/, 'Số không hợp lệ'), quay: counterParams.shape.counter });
  app.get('/dv/:unit/hang-cho/loi-goi.wav', async (req, reply) => {
    const { unit } = parseInput(unitParams, req.params);
    const q = parseInput(speechQuery, req.query);
    if (!speechAvailable()) throw new NotFoundError('Máy chủ chưa cài espeak-ng: màn hình chỉ dùng chuông.', 'speech_unavailable');
    const counter = (await queue.counters(unit)).find((c) => c.code === q.quay);
    const wav = await speak(spokenCall(q.so, counter?.name ?? `Quầy ${q.quay}`));
    return reply.type('audio/wav').header('cache-control', 'public, max-age=86400').send(wav);
  });
}
