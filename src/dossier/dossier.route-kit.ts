import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, NotFoundError, ValidationError } from '../shared/errors';
import { formatTime } from '../shared/format';
import { parseInput } from '../shared/http';
import { cacheAnswer, sendCached, type CachedAnswer } from '../shared/compress';
import { formatPhone } from '../shared/phone';
import { safeNext as safeNextPath } from '../shared/redirect';
import { actorOf } from '../shared/session';
import { clientKey } from '../shared/client-key';
import { RateLimitedError, RateLimiter, type Budget } from '../shared/rate-limit';
import type { StoredPayments } from '../payment';
import type { SignedDocument } from '../signing';
import { CITIZEN_VISIBLE_ACTIONS } from '../workflow';
import { renderReceiptPdf } from './dossier.pdf';
import { requireChangeProof } from './dossier.proof';
import type { DossierRoutesDeps } from './dossier.routes';
import type { DossierView } from './dossier.service';
import { auditActor } from './dossier.submission';
import { componentsOf } from './dossier.components';
import { LOOKUP_ALONG } from './dossier.lookup';
import { citizenTracking, resultFileOf } from './dossier.tracking';
import { CHANNEL_NAME, type Dossier } from './dossier.types';
import type { FormError } from './dossier.views';

/**
 * What the dossier routes share, whoever they answer (dossier.api-routes.ts for API clients,
 * dossier.citizen-routes.ts for citizens' pages, dossier.counter-routes.ts for officials' pages):
 * the dossier code and proof of the path and query, the dossier's JSON answer, its receipt PDF,
 * and the audit of an official's look. Built once by dossierRoutes.
 */

/**
 * A citizen's cached answer carries its own no-store (what the app's onSend adds to personal data,
 * src/shared/session.ts): the fast lane writes it past onSend (src/shared/fast-lane.ts).
 */
const NO_STORE = Object.freeze({ 'cache-control': 'no-store' });
export const CODE_RE = /^\d{2,5}-\d{6}-\d{4,}$|^[0-9a-f-]{36}$/;
export const CODE = z.string().regex(CODE_RE, 'Mã hồ sơ có dạng 00004-261129-0001');
/** Proof of ownership from the query: the phone number, the signed token of the QR link, a one-time code. */
export type Proof = { phone?: string; token?: string; otp?: string };

export function errorsOf(e: unknown): { errors: FormError[]; message: string } | undefined {
  if (e instanceof ValidationError) return { errors: e.fields, message: e.message };
  if (e instanceof DomainError && !(e instanceof NotFoundError)) return { errors: [{ field: '', code: e.code, message: e.message }], message: e.message };
  return undefined;
}

/** The dossier as the JSON API shows it: its own fields, and `view`'s parts (`viewParts`). */
type ViewParts = Pick<DossierView, 'procedureName' | 'statusLabel' | 'files' | 'history'>;
/**
 * `citizen`: the citizen's answer — officials' comments may be internal notes, so the history
 * carries only the steps a citizen sees, each without its comment (picked here, not by copying the
 * view and each entry first).
 */
function dossierJson(d: Dossier, v: ViewParts, links: { receiptUrl: string; trackingUrl: string }, payment: Record<string, unknown> | null, citizen: boolean) {
  const history = citizen ? v.history.filter((h) => CITIZEN_VISIBLE_ACTIONS.has(h.action)) : v.history;
  return {
    id: d.id,
    code: d.code,
    unit: d.unitCode,
    procedureCode: d.procedureCode,
    procedureName: v.procedureName,
    status: d.status,
    statusLabel: v.statusLabel,
    channel: d.channel,
    case: d.caseId,
    applicant: d.applicant,
    formData: d.formData,
    digitised: d.digitised,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    dueFixed: d.dueFixed,
    attachments: v.files.map((f) => ({ id: f.id, component: f.component, name: f.name, mime: f.mime, size: f.size })),
    history: history.map((h) => ({ seq: h.seq, action: h.action, from: h.fromStatus, to: h.toStatus, actor: h.actorName, comment: citizen ? '' : h.comment, at: h.createdAt })),
    receiptUrl: d.code ? links.receiptUrl : null,
    trackingUrl: d.code ? links.trackingUrl : null,
    payment,
  };
}

function vnParts(iso: string): { text: string; day: number; month: number; year: number } {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  const d = t.getUTCDate();
  const m = t.getUTCMonth() + 1;
  const y = t.getUTCFullYear();
  return { text: `${hh} giờ ${mm} phút, ngày ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, day: d, month: m, year: y };
}

/** Only redirect to our own paths after sign-in (shared/redirect). */
export const safeNext = (next: unknown, fallback = '/ca-nhan'): string => safeNextPath(next, fallback);

export type RouteKit = ReturnType<typeof routeKit>;

/**
 * Officials' password sign-ins from one address: 10 failures per 5 minutes. Only failures count
 * (an office of many officials behind one address all sign in); the account's own growing delay
 * per source is the account service's (signInStaff).
 */
export const STAFF_SIGN_IN_FAILURES: Budget = { max: 10, windowMs: 5 * 60_000 };

/** The shared helpers over the module's dependencies; one set for every route of dossierRoutes. */
export function routeKit(deps: DossierRoutesDeps) {
  const { dossiers, accounts, catalog, units } = deps;
  const signInLimit = deps.rateLimit ? { config: { rateLimit: { max: 10, timeWindow: '5 minutes' } } } : {};
  const homeHref = async () => `/dv/${await deps.defaultUnit()}`;
  const signInLimiter = deps.rateLimit ? new RateLimiter(deps.limits) : undefined;
  /**
   * Runs an official's sign-in attempt against the address's budget of failures: the try is
   * taken first (atomically, in the shared store: parallel attempts cannot slip past the count)
   * and given back when the attempt succeeds. A spent budget throws RateLimitedError (429, with
   * Retry-After and the real wait).
   */
  const staffSignIn = async <T>(req: FastifyRequest, reply: FastifyReply, attempt: () => Promise<T>): Promise<T> => {
    if (!signInLimiter) return attempt();
    const key = `signin:staff:${clientKey(req.ip)}`;
    try {
      await signInLimiter.take(key, STAFF_SIGN_IN_FAILURES);
    } catch (e) {
      if (e instanceof RateLimitedError) reply.header('retry-after', String(e.retryAfterSeconds));
      throw e;
    }
    const r = await attempt();
    await signInLimiter.forgive(key);
    return r;
  };

  const receiptPath = (code: string) => `/ho-so/${code}/giay-hen.pdf?t=${dossiers.token(code)}`;
  const trackPath = (code: string) => `/ho-so/${code}?t=${dossiers.token(code)}`;

  /** `signedLink` false (a reader with code and phone): the QR opens the page without the signed link. */
  async function receiptPdf(d: Dossier, signedLink = true): Promise<Buffer> {
    const v = await dossiers.view(d);
    const unit = await units.get(d.unitCode);
    const procedure = await catalog.getProcedure(d.procedureCode);
    const given = new Set(v.files.map((f) => f.component));
    const comps = componentsOf(procedure)
      .filter((g, i) => i === 0 || g.id === d.caseId)
      .flatMap((g) => g.components)
      .filter((c) => c.required || given.has(c.id))
      .map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, digitised: given.has(c.id) }));
    const received = vnParts(d.receivedAt ?? d.submittedAt ?? d.createdAt);
    const { entry } = await catalog.getUnitProcedure(d.unitCode, d.procedureCode);
    const time = entry.commitment ?? procedure.channels.find((c) => c.kind === d.channel)?.time ?? null;
    const chain = await units.ancestry(d.unitCode);
    return renderReceiptPdf({
      unitName: unit.name,
      parentName: chain.at(-2)?.name,
      unitAddress: unit.address,
      code: d.code!,
      applicant: { fullName: d.applicant.fullName, phone: formatPhone(d.applicant.phone), address: d.applicant.address, idNumber: d.applicant.idNumber },
      procedureName: procedure.name,
      channelLabel: CHANNEL_NAME[d.channel],
      components: comps,
      receivedAt: received.text,
      dueAt: d.dueAt ? vnParts(d.dueAt).text : 'Theo thông báo của cán bộ',
      dueNote: d.dueFixed ? undefined : 'Ngày dự kiến tính từ lúc nộp trực tuyến; ngày hẹn chính thức được ấn định khi cán bộ tiếp nhận hồ sơ.',
      processingTime: time ? formatTime(time) : undefined,
      feeText: await deps.payments?.feeText(d),
      payment: await deps.payments?.receiptQr(d),
      resultPlace: d.delivery.method === 'post' ? `Qua bưu chính: ${d.delivery.address ?? ''}` : unit.address || unit.name,
      receiver: d.channel === 'online' && !d.dueFixed ? 'Hệ thống tiếp nhận trực tuyến' : (v.history.find((h) => h.action === 'accept' || h.action === 'receive')?.actorName ?? ''),
      trackingUrl: signedLink ? dossiers.trackingUrl(d.code!) : `${deps.publicUrl}/ho-so/${d.code}`,
      place: unit.name.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/, ''),
      issuedOn: { day: received.day, month: received.month, year: received.year },
    });
  }

  /** `owner`: the request made or submitted the dossier (it gets the signed link, as the SMS does). */
  const sendDossier = async (reply: FastifyReply, d: Dossier, status = 200, owner = false, proof?: Proof, fresh = false) => {
    const actor = actorOf(reply.request);
    // Officials see the whole history and what they may do now; the citizen sees their own steps.
    const staffView = actor.kind === 'staff';
    // The citizen's answer is the same for every proof that passed: made once per change of the dossier.
    // The signed link is in the answer only for a proof that may change the dossier (not code + phone).
    const strong = owner || strongFor(reply.request, d, proof);
    if (!staffView && status === 200) {
      const part = strong ? 'api-json' : 'api-json-read';
      const hit = dossiers.cached<CachedAnswer>(d, part);
      return sendCached(reply.request, reply, hit ?? (await dossiers.memo(d, part, async () => cacheAnswer(JSON.stringify(await dossierAnswer(d, false, undefined, strong)), 'application/json; charset=utf-8', NO_STORE, true))));
    }
    return reply.status(status).send(await dossierAnswer(d, staffView, actor, strong, fresh));
  };
  /** `fresh`: made by this request (a new dossier): it has no fee row or payment to read yet. */
  const dossierAnswer = async (d: Dossier, staffView: boolean, actor?: ReturnType<typeof actorOf>, strong = true, fresh = false) => {
    // Read side by side (a dossier never looked up before: each is a disk read): its files and
    // history, its fee and payments, and its signed result where it can have one.
    // On PostgreSQL the row's own statement may have read the last two (`lookupAlongside`).
    const [v, payment, verifyUrl] = await Promise.all([
      dossiers.viewParts(d),
      deps.payments ? deps.payments.json(d, fresh, dossiers.alongside<StoredPayments>(d, LOOKUP_ALONG.payments.part)?.value) : null,
      d.code && LOOKUP_ALONG.signed.statuses.includes(d.status) ? verifyUrlOf(d) : null,
    ]);
    // The citizen's history without officials' comments (dossierJson); the citizen's steps (with
    // "Đang giải quyết") and next step come from the tracking view model.
    const json = dossierJson(
      d,
      v,
      strong
        ? { receiptUrl: `${deps.publicUrl}${d.code ? receiptPath(d.code) : ''}`, trackingUrl: d.code ? dossiers.trackingUrl(d.code) : '' }
        : { receiptUrl: `${deps.publicUrl}/ho-so/${d.code}/giay-hen.pdf`, trackingUrl: `${deps.publicUrl}/ho-so/${d.code}` },
      payment,
      !staffView,
    );
    const citizen = staffView || !d.code ? undefined : citizenTracking({ status: d.status, delivery: d.delivery, outcome: d.outcome, history: v.history, files: v.files, outstanding: typeof payment?.outstanding === 'number' ? payment.outstanding : 0 });
    const resultFile = d.code ? resultFileOf(d.status, v.files) : undefined;
    const resultUrl = resultFile ? `${deps.publicUrl}/ho-so/${d.code}/ket-qua${strong && !staffView ? `?t=${encodeURIComponent(dossiers.token(d.code!))}` : ''}` : null;
    const extra = {
      ...(citizen ? { steps: citizen.steps, nextStep: citizen.next ?? null, resultUrl } : {}),
      result: resultFile ? { fileUrl: resultUrl!, verifyUrl, sha256: resultFile.sha256 } : null,
      rescheduledDueAt: d.rescheduledDueAt,
      ...(staffView && actor && deps.workflow
        ? {
            allowedActions: await deps.workflow.allowedFor(d, actor),
            workflow: { processId: d.processId, step: d.stepNo, role: d.currentRole || null, assigneeId: d.assigneeId, stepDueAt: d.stepDueAt, flag: d.flag || null, pausedAt: d.pausedAt, supplementCount: d.supplementCount, outcome: d.outcome || null },
            ...(deps.linkedGroupOf && d.code ? { linkedGroup: (await deps.linkedGroupOf(d)) ?? null } : {}),
          }
        : {}),
    };
    // The answer made here is nobody else's: the extra keys go onto it, in the order a spread would give.
    return Object.assign(json, extra);
  };
  /** The public verification page of the dossier's signed result, if it was signed. */
  const verifyUrlOf = async (d: Dossier): Promise<string | null> => {
    const known = dossiers.alongside<SignedDocument | undefined>(d, LOOKUP_ALONG.signed.part);
    const signed = known ? known.value : deps.signing ? await deps.signing.forDossier(d.id) : undefined;
    return signed ? deps.signing!.verifyUrl(signed.id) : null;
  };
  /** An official's look at a dossier's personal data goes into the audit log. */
  const viewedByStaff = async (req: FastifyRequest, d: Dossier, what: string) => {
    const actor = actorOf(req);
    if (actor.kind === 'staff') await deps.audit?.record({ actor: auditActor(actor), unitCode: d.unitCode, action: 'dossier.view', targetKind: 'dossier', targetId: d.code ?? d.id, data: { what } });
  };

  const refParams = z.object({ code: CODE });
  const proofQuery = z.object({ phone: z.string().max(20).optional(), t: z.string().max(40).optional(), otp: z.string().max(10).optional() });
  /** Proof of ownership from the query: the phone number, or the signed token of the QR link. */
  const proofOf = (req: FastifyRequest): Proof => {
    // The usual query (strings within the limits) needs no schema run; anything else gets zod's messages.
    const q = req.query as Record<string, unknown>;
    const { phone, t, otp } = q;
    if ((phone === undefined || (typeof phone === 'string' && phone.length <= 20)) && (t === undefined || (typeof t === 'string' && t.length <= 40)) && (otp === undefined || (typeof otp === 'string' && otp.length <= 10))) {
      return { phone, token: t, otp };
    }
    const p = parseInput(proofQuery, req.query);
    return { phone: p.phone, token: p.t, otp: p.otp };
  };
  /** Changing needs more than reading (dossier.proof): the signed link, an account, or a one-time code. */
  const changeProof = (req: FastifyRequest, d: Dossier, otp?: unknown) => {
    const p = proofOf(req);
    return requireChangeProof(req, d, { dossiers, accounts }, { token: p.token, otp: typeof otp === 'string' && otp ? otp : p.otp });
  };
  /** The signed link, shown only to whoever already has a proof that may change the dossier. */
  const strongFor = (req: FastifyRequest, d: Dossier, proof = proofOf(req)) => dossiers.hasChangeProof(d, actorOf(req), proof);

  return { signInLimit, staffSignIn, homeHref, receiptPath, trackPath, receiptPdf, sendDossier, verifyUrlOf, viewedByStaff, refParams, proofQuery, proofOf, changeProof, strongFor };
}
