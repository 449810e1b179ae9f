import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { notificationDocs } from '../shared/openapi.more';
import { checkApiCsrf, checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import type { NotificationService } from './notification.service';
import { CHANNELS, OUTBOX_STATUSES, type Channel } from './notification.types';
import { DeliveryPage, DemoInboxPage, PrefsPage, TemplateEditPage, TemplatesPage } from './notification.views';

export interface NotificationRoutesDeps {
  notifications: NotificationService;
  /** Channels a transport can deliver now (provider configured, or the demo inbox). */
  deliverable: Channel[];
  demo: boolean;
  defaultUnit: () => Promise<string>;
  unitName: (code: string) => Promise<string>;
}

const listQuery = z.object({
  trang_thai: z.enum(OUTBOX_STATUSES).or(z.literal('')).optional(),
  kenh: z.enum(CHANNELS).or(z.literal('')).optional(),
  ho_so: z.string().max(40).optional(),
});
const apiListQuery = z.object({ status: z.enum(OUTBOX_STATUSES).optional(), channel: z.enum(CHANNELS).optional(), dossier: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
const idParams = z.object({ id: z.string().uuid('Mã tin nhắn không hợp lệ') });
const tplParams = z.object({ event: z.string().max(40), channel: z.string().max(10), language: z.string().max(5) });

export async function notificationRoutes(app: FastifyInstance, deps: NotificationRoutesDeps): Promise<void> {
  const { notifications } = deps;
  const waiting = CHANNELS.filter((c) => !deps.deliverable.includes(c));

  const staffOnly = (req: FastifyRequest, reply: FastifyReply): Staff | undefined => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    return p.staff;
  };
  const apiStaff = (req: FastifyRequest): Staff => {
    const p = req.principal;
    if (!p) throw new UnauthorizedError('Cần đăng nhập tài khoản cán bộ.');
    if (p.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
    return p.staff;
  };

  // ------------------------------------------------------------------ JSON API
  app.get('/api/notifications', { schema: { tags: ['Thông báo'], summary: 'Tình trạng gửi tin nhắn của đơn vị (cán bộ)', querystring: docSchema(apiListQuery), ...notificationDocs.listNotifications } }, async (req) => {
    const staff = apiStaff(req);
    const q = parseInput(apiListQuery, req.query);
    return {
      counts: await notifications.counts(staff.unitCode),
      messages: await notifications.list({ unitCode: staff.unitCode, status: q.status, channel: q.channel, dossierCode: q.dossier, limit: q.limit ?? 100 }),
    };
  });

  app.post('/api/notifications/:id/resend', { schema: { tags: ['Thông báo'], summary: 'Gửi lại một tin nhắn (cán bộ)', ...notificationDocs.resendNotification } }, async (req) => {
    checkApiCsrf(req);
    const staff = apiStaff(req);
    const { id } = parseInput(idParams, req.params);
    return notifications.resend(id, staff.unitCode, staff.fullName);
  });

  app.get('/api/me/notification-preferences', { schema: { tags: ['Người dân'], summary: 'Kênh nhận thông báo của người dân đã đăng nhập', ...notificationDocs.getNotificationPreferences } }, async (req) => {
    const p = req.principal;
    if (!p) throw new UnauthorizedError('Cần đăng nhập bằng số điện thoại.');
    if (p.kind !== 'citizen') throw new ForbiddenError('Chỉ người dân đăng nhập bằng số điện thoại được thực hiện thao tác này.', 'citizen_only');
    return notifications.getPrefs(p.citizen.phone, p.citizen.email || undefined);
  });
  app.put('/api/me/notification-preferences', { schema: { tags: ['Người dân'], summary: 'Chọn kênh nhận thông báo, ngôn ngữ, chỉ nhận tin cần thiết', ...notificationDocs.saveNotificationPreferences } }, async (req) => {
    checkApiCsrf(req);
    const p = req.principal;
    if (!p) throw new UnauthorizedError('Cần đăng nhập bằng số điện thoại.');
    if (p.kind !== 'citizen') throw new ForbiddenError('Chỉ người dân đăng nhập bằng số điện thoại được thực hiện thao tác này.', 'citizen_only');
    const body = (req.body ?? {}) as Record<string, unknown>;
    return notifications.savePrefs(p.citizen.phone, { channels: body.channels ?? ['sms'], email: body.email ?? '', language: body.language ?? 'vi', essentialOnly: body.essentialOnly ?? false });
  });

  // ------------------------------------------------------------------ staff pages
  app.get('/can-bo/thong-bao', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const q = parseInput(listQuery, req.query);
    const filter = { status: q.trang_thai || undefined, channel: q.kenh || undefined, dossier: q.ho_so?.trim() || undefined };
    return html(
      reply,
      DeliveryPage({
        csrf: req.csrfToken,
        nav: staffNav(req, staff, await deps.unitName(staff.unitCode)),
        messages: await notifications.list({ unitCode: staff.unitCode, status: filter.status, channel: filter.channel, dossierCode: filter.dossier, limit: 200 }),
        counts: await notifications.counts(staff.unitCode),
        filter,
        waitingChannels: waiting,
        isAdmin: staff.role === 'admin',
        message: (req.query as Record<string, string>).da_gui ? 'Đã đưa tin nhắn vào hàng đợi gửi lại.' : undefined,
      }),
    );
  });

  app.post('/can-bo/thong-bao/:id/gui-lai', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    checkCsrf(req, (req.body as Record<string, string> | undefined)?._csrf);
    const { id } = parseInput(idParams, req.params);
    await notifications.resend(id, staff.unitCode, staff.fullName);
    return reply.redirect('/can-bo/thong-bao?da_gui=1', 303);
  });

  const adminOnly = (req: FastifyRequest, reply: FastifyReply): Staff | undefined => {
    const staff = staffOnly(req, reply);
    if (staff && staff.role !== 'admin') throw new ForbiddenError('Chỉ quản trị của đơn vị mới sửa được mẫu tin nhắn.', 'admin_only');
    return staff;
  };

  app.get('/can-bo/thong-bao/mau', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return html(reply, TemplatesPage({ nav: staffNav(req, staff, await deps.unitName(staff.unitCode)), templates: await notifications.listTemplates(staff.unitCode) }));
  });

  const findTemplate = async (unitCode: string, k: z.infer<typeof tplParams>) => {
    const t = (await notifications.listTemplates(unitCode)).find((x) => x.event === k.event && x.channel === k.channel && x.language === k.language);
    if (!t) throw new NotFoundError('Không có mẫu tin nhắn này.', 'template_not_found');
    return t;
  };

  app.get('/can-bo/thong-bao/mau/:event/:channel/:language', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const k = parseInput(tplParams, req.params);
    const t = await findTemplate(staff.unitCode, k);
    return html(reply, TemplateEditPage({ csrf: req.csrfToken, nav: staffNav(req, staff, await deps.unitName(staff.unitCode)), t, preview: notifications.preview(t.channel, t, t.language) }));
  });

  app.post('/can-bo/thong-bao/mau/:event/:channel/:language', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const k = parseInput(tplParams, req.params);
    const actor = { role: staff.role, unitCode: staff.unitCode, name: staff.fullName };
    const nav = staffNav(req, staff, await deps.unitName(staff.unitCode));
    if (body.action === 'reset') {
      await notifications.resetTemplate(actor, staff.unitCode, k);
      const t = await findTemplate(staff.unitCode, k);
      return html(reply, TemplateEditPage({ csrf: req.csrfToken, nav, t, preview: notifications.preview(t.channel, t, t.language), message: 'Đã dùng lại mẫu mặc định.' }));
    }
    const input = { subject: String(body.subject ?? ''), body: String(body.body ?? '') };
    try {
      const t = await notifications.saveTemplate(actor, staff.unitCode, k, input);
      return html(reply, TemplateEditPage({ csrf: req.csrfToken, nav, t, preview: notifications.preview(t.channel, t, t.language), message: 'Đã lưu mẫu. Tin nhắn gửi từ bây giờ dùng mẫu này.' }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const t = { ...(await findTemplate(staff.unitCode, k)), ...input };
      return html(reply, TemplateEditPage({ csrf: req.csrfToken, nav, t, preview: { subject: '', body: '' }, errors: e.fields }), 422);
    }
  });

  // ------------------------------------------------------------------ citizens
  app.get('/ca-nhan/thong-bao', async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'citizen') return reply.redirect('/dang-nhap?next=/ca-nhan/thong-bao', 303);
    const prefs = await notifications.getPrefs(p.citizen.phone, p.citizen.email || undefined);
    return html(reply, PrefsPage({ csrf: req.csrfToken, prefs, available: deps.deliverable, homeHref: `/dv/${await deps.defaultUnit()}` }));
  });

  app.post('/ca-nhan/thong-bao', async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'citizen') return reply.redirect('/dang-nhap?next=/ca-nhan/thong-bao', 303);
    const body = (req.body ?? {}) as Record<string, string | string[]>;
    checkCsrf(req, body._csrf);
    const channels = ([] as string[]).concat(body.channels ?? []);
    const homeHref = `/dv/${await deps.defaultUnit()}`;
    try {
      const prefs = await notifications.savePrefs(p.citizen.phone, { channels, email: String(body.email ?? ''), language: String(body.language ?? 'vi'), essentialOnly: body.essentialOnly === '1' });
      return html(reply, PrefsPage({ csrf: req.csrfToken, prefs, available: deps.deliverable, homeHref, message: 'Đã lưu lựa chọn nhận thông báo.' }));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const prefs = await notifications.getPrefs(p.citizen.phone, p.citizen.email || undefined);
      return html(reply, PrefsPage({ csrf: req.csrfToken, prefs, available: deps.deliverable, homeHref, error: e.message }), 422);
    }
  });

  // ------------------------------------------------------------------ demo inbox
  // Every citizen's phone, e-mail, one-time codes and signed tracking links: staff only, even in
  // demo mode (any demo account opens it).
  app.get('/demo/tin-nhan', async (req, reply) => {
    if (!deps.demo) throw new NotFoundError();
    if (!staffOnly(req, reply)) return reply;
    reply.header('cache-control', 'private, no-store');
    return html(reply, DemoInboxPage({ messages: await notifications.list({ limit: 100 }) }));
  });
}
