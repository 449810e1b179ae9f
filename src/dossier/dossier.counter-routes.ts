import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientKey } from '../shared/client-key';
import { z } from 'zod';
import type { Staff } from '../account';
import { ForbiddenError } from '../shared/errors';
import { formatDate } from '../shared/format';
import { html, parseInput } from '../shared/http';
import { RateLimitedError, rateLimitedMessage } from '../shared/rate-limit';
import { normalizePhone, formatPhone } from '../shared/phone';
import { actorOf, checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can, type Permission } from '../shared/staff-menu';
import { sendStored } from './dossier.download';
import { renderServiceCardPdf } from './dossier.pdf';
import { CODE, errorsOf, safeNext, type RouteKit } from './dossier.route-kit';
import type { DossierRoutesDeps } from './dossier.routes';
import { ServiceCardFormPage, StaffSignInPage } from './dossier.views';

/**
 * The officials' counter pages of this module: signing in, a dossier's receipt and files (each
 * look in the audit log), and the public-service card printed for a citizen. Registered last by
 * dossierRoutes, before the proof routes.
 */
export function counterPageRoutes(app: FastifyInstance, deps: DossierRoutesDeps, kit: RouteKit): void {
  const { dossiers, accounts, units } = deps;
  const { staffSignIn, receiptPdf, viewedByStaff, refParams } = kit;

  const staffOnly = (req: FastifyRequest, reply: FastifyReply, permission?: Permission) => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    if (permission && !can(p.staff, permission)) throw new ForbiddenError('Tài khoản của bạn không có quyền vào trang này.', 'role_forbidden');
    return p.staff;
  };

  const oidcLink = () => (deps.oidcLabel ? { href: '/can-bo/dang-nhap/oidc', label: deps.oidcLabel } : undefined);
  app.get('/can-bo/dang-nhap', async (req, reply) => {
    const { next } = parseInput(z.object({ next: z.string().max(300).optional() }), req.query);
    return html(reply, StaffSignInPage({ oidc: oidcLink(), csrf: req.csrfToken, username: '', next: safeNext(next, '/can-bo') }));
  });
  app.post('/can-bo/dang-nhap', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const next = safeNext(body.next, '/can-bo');
    try {
      const { staff, session } = await staffSignIn(req, reply, () => accounts.signInStaff(String(body.username ?? ''), String(body.password ?? ''), clientKey(req.ip)));
      reply.startSession(session, 'staff');
      await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'auth.sign_in', targetKind: 'staff', targetId: staff.username, data: { via: 'password' } });
      return reply.redirect(next, 303);
    } catch (e) {
      // The address's budget is spent: the sign-in page again, saying how long to wait.
      if (e instanceof RateLimitedError) return html(reply, StaffSignInPage({ oidc: oidcLink(), csrf: req.csrfToken, username: String(body.username ?? ''), next, error: rateLimitedMessage(e.retryAfterSeconds) }), 429);
      const shown = errorsOf(e);
      if (!shown) throw e;
      return html(reply, StaffSignInPage({ oidc: oidcLink(), csrf: req.csrfToken, username: String(body.username ?? ''), next, error: shown.message }), 422);
    }
  });

  app.get('/can-bo/ho-so/:code/giay-hen.pdf', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req));
    await viewedByStaff(req, d, 'receipt');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="giay-hen-${d.code}.pdf"`).header('cache-control', 'private, no-store').send(await receiptPdf(d));
  });
  app.get('/can-bo/ho-so/:code/tep/:file', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { code, file } = parseInput(z.object({ code: CODE, file: z.string().uuid('Mã tệp không hợp lệ') }), req.params);
    const d = await dossiers.getForActor(code, actorOf(req));
    const { file: f, stream } = await dossiers.fileStream(d, file);
    try {
      await viewedByStaff(req, d, `file:${f.id}`);
    } catch (e) {
      stream.destroy();
      throw e;
    }
    return sendStored(reply, f, stream, f.mime === 'application/pdf' || f.mime.startsWith('image/') ? 'inline' : 'attachment');
  });

  const cardNav = async (req: FastifyRequest, staff: Staff) => staffNav(req, staff, (await units.get(staff.unitCode)).name);
  app.get('/can-bo/phieu-dich-vu-cong', async (req, reply) => {
    const staff = staffOnly(req, reply, 'counter');
    if (!staff) return reply;
    return html(reply, ServiceCardFormPage({ nav: await cardNav(req, staff), csrf: req.csrfToken, phone: '', name: '' }));
  });
  app.post('/can-bo/phieu-dich-vu-cong', async (req, reply) => {
    const staff = staffOnly(req, reply, 'counter');
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const phone = normalizePhone(String(body.phone ?? ''));
    const fullName = String(body.fullName ?? '').trim().normalize('NFC');
    if (!phone || fullName.length < 2) {
      return html(reply, ServiceCardFormPage({ nav: await cardNav(req, staff), csrf: req.csrfToken, phone: String(body.phone ?? ''), name: fullName, error: !phone ? 'Số điện thoại không hợp lệ. Ví dụ đúng: 0912345678.' : 'Cần họ và tên của người dân.' }), 422);
    }
    const citizen = await accounts.findOrCreateCitizen(phone, { fullName });
    const unit = await units.get(staff.unitCode);
    const pdf = await renderServiceCardPdf({
      unitName: unit.name,
      fullName: citizen.fullName || fullName,
      phone: formatPhone(phone),
      signInUrl: `${deps.publicUrl}/dang-nhap`,
      dossiersUrl: `${deps.publicUrl}/ca-nhan`,
      steps: [
        'Quét mã QR trên phiếu hoặc vào địa chỉ đăng nhập ở trên.',
        'Nhập số điện thoại, nhận mã xác thực qua tin nhắn và nhập mã.',
        'Chọn thủ tục (hoặc quét mã QR của thủ tục niêm yết tại bộ phận một cửa), bấm "Nộp hồ sơ trực tuyến".',
        'Điền thông tin, chụp ảnh giấy tờ, bấm "Nộp hồ sơ" và giữ mã hồ sơ để theo dõi.',
      ],
      issuedOn: formatDate(new Date()),
    });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="phieu-dich-vu-cong-${phone}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
  });
}
