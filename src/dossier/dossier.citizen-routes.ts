import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { qrSvg } from '../shared/qr';
import { actorOf, checkCsrf, sessionToken } from '../shared/session';
import { uuidv7 } from '../shared/ids';
import { CITIZEN_VISIBLE_ACTIONS } from '../workflow';
import { CitizenActions } from './dossier.citizen-views';
import { sendStored } from './dossier.download';
import { PROOF_ROUTE } from './dossier.proof';
import { VerifyOffer } from './dossier.proof-views';
import { errorsOf, safeNext, type RouteKit } from './dossier.route-kit';
import type { DossierRoutesDeps } from './dossier.routes';
import type { DossierView } from './dossier.service';
import { citizenTracking } from './dossier.tracking';
import { LookupPage, MyDossiersPage, type SignedResultLink, SignInPage, TrackingPage } from './dossier.views';

/**
 * The citizen's pages: tracking a dossier (and acting on it), its electronic result and receipt,
 * looking a dossier up by code and phone, signing in and out, and "Hồ sơ của tôi". Registered by
 * dossierRoutes after the online form's routes (dossier.submit-routes.ts).
 */
export function citizenPageRoutes(app: FastifyInstance, deps: DossierRoutesDeps, kit: RouteKit): void {
  const { dossiers, accounts, units } = deps;
  const { signInLimit, homeHref, receiptPath, trackPath, receiptPdf, verifyUrlOf, refParams, proofOf, strongFor } = kit;

  app.get('/ho-so/:code', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    if (!d.code) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
    const full = await dossiers.view(d);
    // Internal hand-overs stay inside the office; the citizen sees what concerns them.
    const v = { ...full, history: full.history.filter((h) => CITIZEN_VISIBLE_ACTIONS.has(h.action)) };
    const unit = await units.get(d.unitCode);
    const lastAsk = full.history.filter((h) => h.action === 'request_supplement').at(-1);
    const items = d.status === 'supplement_requested' && Array.isArray(lastAsk?.data.items) ? (lastAsk!.data.items as string[]) : [];
    const tracking = await citizenTrackingOf(full);
    const q = req.query as Record<string, string>;
    // Code + phone read the page; changing it (and the signed link) needs a stronger proof first.
    const strong = strongFor(req, d);
    const citizen = !strong
      ? VerifyOffer({ code: d.code, phone: d.applicant.phone, csrf: req.csrfToken })
      : deps.workflow
      ? CitizenActions({
          d,
          allowed: await deps.workflow.allowedFor(d, actorOf(req), true),
          csrf: req.csrfToken,
          token: dossiers.token(d.code),
          items,
          components: (await dossiers.formFor(d.unitCode, d.procedureCode).catch(() => undefined))?.cases.filter((g) => g.kind !== 'show').flatMap((g) => g.components.map((c) => ({ id: c.id, name: c.name }))) ?? [],
          actionKey: uuidv7(),
          error: q.loi ? String(q.loi).slice(0, 300) : undefined,
        })
      : undefined;
    return html(
      reply,
      TrackingPage({
        d: v,
        unit,
        trackingUrl: strong ? dossiers.trackingUrl(d.code) : `${deps.publicUrl}/ho-so/${d.code}`,
        qrSvg: await qrSvg(strong ? dossiers.trackingUrl(d.code) : `${deps.publicUrl}/ho-so/${d.code}`),
        receiptHref: strong ? receiptPath(d.code) : `/ho-so/${d.code}/giay-hen.pdf?phone=${d.applicant.phone}`,
        homeHref: `/dv/${d.unitCode}`,
        tracking,
        resultHref: strong ? `/ho-so/${d.code}/ket-qua?t=${encodeURIComponent(dossiers.token(d.code))}` : `/ho-so/${d.code}/ket-qua?phone=${d.applicant.phone}`,
        resultVerifyHref: tracking.result ? await verifyUrlOf(d) : null,
        payment: strong ? await deps.payments?.trackingBox(d, dossiers.token(d.code), reply) : undefined,
        citizen,
        rating: await deps.rating?.(d, { strong, token: strong ? dossiers.token(d.code) : undefined, csrf: req.csrfToken }),
      }),
    );
  });

  /** Steps, next step and electronic result as the citizen reads them (the fee from the payment module). */
  async function citizenTrackingOf(v: DossierView) {
    const payment = deps.payments ? await deps.payments.json(v) : null;
    const outstanding = typeof payment?.outstanding === 'number' ? payment.outstanding : 0;
    return citizenTracking({ status: v.status, delivery: v.delivery, outcome: v.outcome, history: v.history, files: v.files, outstanding });
  }

  // The electronic result: with the same proof as the tracking page (signed link, the citizen's
  // session, or code + phone), and only once the office marked it ready.
  app.get('/ho-so/:code/ket-qua', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    const { file: f, stream } = await dossiers.resultStream(d);
    return sendStored(reply, f, stream, 'attachment');
  });

  app.get('/ho-so/:code/giay-hen.pdf', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    if (!d.code) throw new NotFoundError('Hồ sơ chưa nộp nên chưa có giấy hẹn.', 'dossier_not_found');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="giay-hen-${d.code}.pdf"`).header('cache-control', 'private, no-store').send(await receiptPdf(d, strongFor(req, d)));
  });

  app.get('/tra-cuu', async (req, reply) => html(reply, LookupPage({ csrf: req.csrfToken, code: '', phone: '', homeHref: await homeHref() })));
  app.post('/tra-cuu', PROOF_ROUTE, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const code = String(body.code ?? '').trim();
    const phone = String(body.phone ?? '').trim();
    try {
      const d = await dossiers.getForActor(code, { kind: 'anonymous' }, { phone });
      if (!d.code) throw new NotFoundError();
      // Code and phone let one read, not change: the page offers a one-time code for that.
      return reply.redirect(`/ho-so/${d.code}?phone=${d.applicant.phone}`, 303);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      // Same answer for a wrong phone and for a code that does not exist.
      return html(reply, LookupPage({ csrf: req.csrfToken, code, phone, error: 'Không tìm thấy hồ sơ với mã và số điện thoại đã nhập.', homeHref: await homeHref() }), 404);
    }
  });

  app.get('/dang-nhap', async (req, reply) => {
    const { next } = parseInput(z.object({ next: z.string().max(300).optional() }), req.query);
    return html(reply, SignInPage({ csrf: req.csrfToken, phone: '', step: 'phone', next: safeNext(next), homeHref: await homeHref() }));
  });

  app.post('/dang-nhap', signInLimit, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const next = safeNext(body.next);
    const phone = String(body.phone ?? '');
    const page = (step: 'phone' | 'code', error?: string, demoCode?: string) => SignInPage({ csrf: req.csrfToken, phone, step, next, error, demoCode, homeHref: '/' });
    try {
      if (body.step === 'send') {
        const r = await accounts.requestOtp(phone, 'sign_in');
        return html(reply, SignInPage({ csrf: req.csrfToken, phone: r.phone, step: 'code', next, demoCode: r.demoCode, homeHref: '/' }));
      }
      if (body.step === 'verify') {
        const { session } = await accounts.signInCitizenWithOtp(phone, String(body.code ?? ''));
        reply.startSession(session, 'citizen');
        return reply.redirect(next, 303);
      }
      if (body.step === 'password') {
        const { session } = await accounts.signInCitizenWithPassword(phone, String(body.password ?? ''));
        reply.startSession(session, 'citizen');
        return reply.redirect(next, 303);
      }
      return html(reply, page('phone'));
    } catch (e) {
      const shown = errorsOf(e);
      if (!shown) throw e;
      return html(reply, page(body.step === 'verify' ? 'code' : 'phone', shown.message), 422);
    }
  });

  app.post('/dang-xuat', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const token = req.cookies.motcua_sid;
    if (token) await accounts.signOut(token);
    reply.endSession();
    return reply.redirect(req.principal?.kind === 'staff' ? '/can-bo/dang-nhap' : '/', 303);
  });

  /** The citizen's signed results (their account or their phone): downloaded with their session. */
  const signedResultsOf = async (c: { id: string; phone: string }): Promise<SignedResultLink[]> =>
    deps.signing
      ? (await deps.signing.listFor({ citizenId: c.id, phone: c.phone })).map((r) => ({
          title: r.title,
          dossierCode: r.dossierCode,
          signedAt: r.signedAt,
          downloadHref: r.dossierCode ? `/ho-so/${r.dossierCode}/ket-qua` : null,
          verifyHref: `/xac-thuc/${r.id}`,
        }))
      : [];

  app.get('/ca-nhan', async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'citizen') return reply.redirect('/dang-nhap?next=/ca-nhan', 303);
    const list = await dossiers.listForCitizen(p.citizen.id, p.citizen.phone);
    return html(reply, MyDossiersPage({ csrf: req.csrfToken, name: p.citizen.fullName, phone: p.citizen.phone, hasPassword: p.citizen.hasPassword, list, drafts: await deps.drafts.listFor(p.citizen.id, p.citizen.phone), signed: await signedResultsOf(p.citizen), trackHref: trackPath, homeHref: await homeHref(), message: (req.query as Record<string, string>).nhap ? 'Đã lưu bản nháp. Bạn tiếp tục lúc nào cũng được, từ danh sách “Bản nháp chưa nộp” dưới đây.' : undefined }));
  });

  app.post('/ca-nhan/mat-khau', async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'citizen') return reply.redirect('/dang-nhap?next=/ca-nhan', 303);
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    await accounts.setCitizenPassword(p.citizen.id, String(body.password ?? ''), sessionToken(req));
    const list = await dossiers.listForCitizen(p.citizen.id, p.citizen.phone);
    return html(reply, MyDossiersPage({ csrf: req.csrfToken, name: p.citizen.fullName, phone: p.citizen.phone, hasPassword: true, list, drafts: await deps.drafts.listFor(p.citizen.id, p.citizen.phone), signed: await signedResultsOf(p.citizen), trackHref: trackPath, homeHref: await homeHref(), message: 'Đã lưu mật khẩu.' }));
  });
}
