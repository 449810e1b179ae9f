import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendStored, type Dossier, type DossierService } from '../dossier';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../shared/errors';
import { html, parseInput, wantsJson } from '../shared/http';
import { checkCsrf } from '../shared/session';
import type { LinkedService } from './linked.service';
import type { MemberState, Partner } from './linked.types';
import { PartnerInboxPage, PartnerPartPage, PartnerSignInPage } from './linked.views';

export interface PartnerRoutesDeps {
  linked: LinkedService;
  /** The part's dossier (its papers). */
  dossiers: DossierService;
  /** Signs the partners' session cookies. */
  secret: string;
  secure: boolean;
  now: () => Date;
}

const COOKIE = 'motcua_partner';
const SESSION_MS = 8 * 3_600_000;
const DOSSIER = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');
const resultBody = z.object({ outcome: z.enum(['approved', 'rejected'], { message: 'Chọn kết quả: giải quyết xong hoặc từ chối' }), note: z.string().max(1000, 'Ghi chú tối đa 1.000 ký tự').default('') });

/**
 * The partner agencies' side of linked groups: an inbox behind a partner account (its own signed
 * cookie: a partner is not an official of the unit and sees only the parts handed to it), and the
 * signed link of an e-mailed part, where the result is recorded without an account.
 */
export async function partnerRoutes(app: FastifyInstance, deps: PartnerRoutesDeps): Promise<void> {
  const { linked } = deps;
  const key = createHmac('sha256', deps.secret).update('motcua partner sessions v1').digest();
  const sign = (v: string) => createHmac('sha256', key).update(v).digest('base64url');
  const cookieOpts = { path: '/doi-tac', httpOnly: true, sameSite: 'lax' as const, secure: deps.secure };

  const sessionOf = async (req: FastifyRequest): Promise<Partner | undefined> => {
    const raw = req.cookies[COOKIE];
    if (!raw) return undefined;
    const [id, exp, mac] = raw.split('.');
    if (!id || !exp || !mac) return undefined;
    const a = Buffer.from(sign(`${id}.${exp}`));
    const b = Buffer.from(mac);
    if (a.length !== b.length || !timingSafeEqual(a, b) || Number(exp) < deps.now().getTime()) return undefined;
    return linked.partner(id).catch(() => undefined);
  };
  const requirePartner = async (req: FastifyRequest, reply: FastifyReply): Promise<Partner | undefined> => {
    const p = await sessionOf(req);
    if (!p) reply.redirect('/doi-tac/dang-nhap', 303);
    return p;
  };

  app.get('/doi-tac/dang-nhap', async (req, reply) => html(reply, PartnerSignInPage({ csrf: req.csrfToken })));

  app.post('/doi-tac/dang-nhap', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, body._csrf);
    const username = typeof body.username === 'string' ? body.username.slice(0, 100) : '';
    try {
      const p = await linked.signInPartner(username, typeof body.password === 'string' ? body.password : '');
      const exp = String(deps.now().getTime() + SESSION_MS);
      reply.setCookie(COOKIE, `${p.id}.${exp}.${sign(`${p.id}.${exp}`)}`, { ...cookieOpts, maxAge: SESSION_MS / 1000 }); // Max-Age: counted from receipt, whatever either clock says
      return reply.redirect('/doi-tac', 303);
    } catch (e) {
      if (e instanceof UnauthorizedError) return html(reply, PartnerSignInPage({ csrf: req.csrfToken, error: e.message, username }), 401);
      throw e;
    }
  });

  app.post('/doi-tac/dang-xuat', async (req, reply) => {
    checkCsrf(req, (req.body as Record<string, unknown> | undefined)?._csrf);
    reply.clearCookie(COOKIE, { path: '/doi-tac' });
    return reply.redirect('/doi-tac/dang-nhap', 303);
  });

  app.get('/doi-tac', async (req, reply) => {
    const p = await requirePartner(req, reply);
    if (!p) return reply;
    const q = req.query as Record<string, unknown>;
    return html(reply, PartnerInboxPage({ partner: p, parts: await linked.partnerParts(p), csrf: req.csrfToken, message: q.da === '1' ? 'Đã ghi kết quả. Bộ phận một cửa và người dân được báo.' : undefined }));
  });

  /**
   * One part: for the signed-in partner, or by the e-mailed signed link; the page, or its JSON for
   * a partner's own system (Accept: application/json). Only the part's share of the group's form
   * (linked.fields.ts): another member's answers never reach the partner.
   */
  async function partPage(reply: FastifyReply, p: Partner, code: string, form: { action: string; csrf?: string; token?: string; backHref?: string; error?: string; message?: string }, status = 200) {
    const share = await linked.partnerShare(p, code);
    const files = (await deps.dossiers.view(share.dossier)).files.map((f) => ({ name: f.name, href: form.token ? `/doi-tac/ket-qua/${code}/tep/${f.id}?t=${encodeURIComponent(form.token)}` : `/doi-tac/ho-so/${code}/tep/${f.id}` }));
    const applicant = share.dossier.applicant;
    if (wantsJson(reply.request)) {
      const m = share.member;
      return reply
        .status(status)
        .header('cache-control', 'private, no-store')
        .send({
          code: m.code,
          procedureCode: m.procedureCode,
          procedureName: m.procedureName,
          groupCode: share.groupCode,
          partner: p.name,
          applicant: { fullName: applicant.fullName, phone: applicant.phone, address: applicant.address ?? null },
          dueAt: m.dueAt,
          status: m.status,
          statusLabel: m.statusLabel,
          result: m.result ? { outcome: m.result, note: m.resultNote, at: m.resultAt } : null,
          answers: share.answers,
          formData: share.formData,
          files: files.map((f) => ({ name: f.name, url: f.href })),
          ...(form.error ? { error: { message: form.error } } : {}),
        });
    }
    return html(reply, PartnerPartPage({ partner: p, m: share.member, groupCode: share.groupCode, applicant, answers: share.answers, files, ...form }), status);
  }

  /** Records the result from a posted form; a refused form is shown again with its message. */
  async function record(req: FastifyRequest, reply: FastifyReply, p: Partner, code: string, via: 'inbox' | 'link', form: { action: string; csrf?: string; token?: string; backHref?: string }) {
    try {
      const body = parseInput(resultBody, req.body ?? {}, 'Kết quả chưa hợp lệ.', 'invalid_result');
      await linked.recordPartnerResult(p, code, { approved: body.outcome === 'approved', note: body.note }, via);
    } catch (e) {
      if (e instanceof ValidationError) return partPage(reply, p, code, { ...form, error: e.fields.map((f) => f.message).join(' ') || e.message }, 422);
      if (e instanceof ConflictError) return partPage(reply, p, code, { ...form, error: e.message }, 409);
      throw e;
    }
    return via === 'inbox' ? reply.redirect('/doi-tac?da=1', 303) : partPage(reply, p, code, { ...form, message: 'Đã ghi kết quả. Bộ phận một cửa và người dân được báo. Cảm ơn cơ quan.' });
  }

  app.get('/doi-tac/ho-so/:code', async (req, reply) => {
    const { code } = parseInput(z.object({ code: DOSSIER }), req.params);
    const p = await requirePartner(req, reply);
    if (!p) return reply;
    return partPage(reply, p, code, { action: `/doi-tac/ho-so/${code}`, csrf: req.csrfToken, backHref: '/doi-tac' });
  });

  app.post('/doi-tac/ho-so/:code', async (req, reply) => {
    const { code } = parseInput(z.object({ code: DOSSIER }), req.params);
    const p = await sessionOf(req);
    if (!p) throw new UnauthorizedError('Phiên đăng nhập của cơ quan phối hợp đã hết. Xin đăng nhập lại.');
    checkCsrf(req, (req.body as Record<string, unknown> | undefined)?._csrf);
    return record(req, reply, p, code, 'inbox', { action: `/doi-tac/ho-so/${code}`, csrf: req.csrfToken, backHref: '/doi-tac' });
  });

  // The e-mailed signed link: the token is the only key, sent back in the form (no cookie, so no CSRF to forge).
  const tokenOf = (req: FastifyRequest): string => {
    const q = (req.query as { t?: unknown }).t ?? (req.body as { t?: unknown } | undefined)?.t;
    return typeof q === 'string' ? q.slice(0, 64) : '';
  };
  app.get('/doi-tac/ket-qua/:code', async (req, reply) => {
    const { code } = parseInput(z.object({ code: DOSSIER }), req.params);
    const t = tokenOf(req);
    const p = await linked.partnerOfLink(code, t);
    return partPage(reply, p, code, { action: `/doi-tac/ket-qua/${code}`, token: t });
  });
  app.post('/doi-tac/ket-qua/:code', async (req, reply) => {
    const { code } = parseInput(z.object({ code: DOSSIER }), req.params);
    const t = tokenOf(req);
    const p = await linked.partnerOfLink(code, t);
    return record(req, reply, p, code, 'link', { action: `/doi-tac/ket-qua/${code}`, token: t });
  });

  // The part's papers, for its partner only, streamed from the store as the officials' are.
  const sendFile = async (reply: FastifyReply, d: Dossier, fileId: string) => {
    const { file, stream } = await deps.dossiers.fileStream(d, fileId);
    return sendStored(reply, file, stream, 'inline');
  };
  app.get('/doi-tac/ho-so/:code/tep/:file', async (req, reply) => {
    const { code, file } = parseInput(z.object({ code: DOSSIER, file: z.string().uuid() }), req.params);
    const p = await sessionOf(req);
    if (!p) throw new NotFoundError();
    return sendFile(reply, (await linked.partnerPart(p, code)).dossier, file);
  });
  app.get('/doi-tac/ket-qua/:code/tep/:file', async (req, reply) => {
    const { code, file } = parseInput(z.object({ code: DOSSIER, file: z.string().uuid() }), req.params);
    const p = await linked.partnerOfLink(code, tokenOf(req));
    return sendFile(reply, (await linked.partnerPart(p, code)).dossier, file);
  });
}

export type { MemberState };
