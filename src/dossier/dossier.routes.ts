import '@fastify/multipart';
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService, Staff } from '../account';
import type { CatalogService } from '../catalog';
import { eformFor, parseCccdQr } from '../eform';
import { DomainError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { formatDate, formatTime } from '../shared/format';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { attachmentForm, attachmentsJson, dossierSchema, type LinkedGroupJson, formJson, loginBody, loginJson, newDossierExample, newDossierMultipart, otpBody, otpJson, submitBody } from './dossier.openapi';
import { cacheAnswer, sendCached, type CachedAnswer } from '../shared/compress';
import { plain } from '../shared/fast-lane';
import { asUpload, readMultipart, type UploadedFile } from '../shared/uploads';
import { normalizePhone, formatPhone } from '../shared/phone';
import { qrSvg } from '../shared/qr';
import { safeNext as safeNextPath } from '../shared/redirect';
import { actorOf, checkApiCsrf, checkCsrf, sessionToken } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can, type Permission } from '../shared/staff-menu';
import type { UnitService } from '../unit';
import type { PaymentHooks, StoredPayments } from '../payment';
import type { AuditService } from '../audit';
import { CITIZEN_VISIBLE_ACTIONS } from '../workflow';
import { renderReceiptPdf, renderServiceCardPdf } from './dossier.pdf';
import { auditActor } from './dossier.service';
import { formToInput } from './dossier.staff-routes';
import type { DossierWorkflow } from './dossier.workflow';
import { CitizenActions } from './dossier.citizen-views';
import { submitRoutes, type HomeReception } from './dossier.submit-routes';
import type { DossierDrafts } from './dossier.drafts';
import { PROOF_ROUTE, requireChangeProof } from './dossier.proof';
import { dossierProofRoutes } from './dossier.proof-routes';
import { VerifyOffer } from './dossier.proof-views';
import { uuidv7 } from '../shared/ids';
import { componentsOf, LOOKUP_ALONG, type DossierService, type DossierView } from './dossier.service';
import { citizenTracking, resultFileOf } from './dossier.tracking';
import type { SignedDocument, SigningService } from '../signing';
import { CHANNEL_NAME, DOSSIER_CHANNELS, type Actor, type Dossier } from './dossier.types';
import type { StoredPapers } from './dossier.papers';
import { sendStored } from './dossier.download';
import {
  LookupPage,
  MyDossiersPage,
  type SignedResultLink,
  ServiceCardFormPage,
  SignInPage,
  StaffSignInPage,
  TrackingPage,
  type FormError,
} from './dossier.views';

export interface DossierRoutesDeps {
  dossiers: DossierService;
  accounts: AccountService;
  catalog: CatalogService;
  units: UnitService;
  publicUrl: string;
  demo: boolean;
  requirePhoneVerification: boolean;
  rateLimit: boolean;
  defaultUnit: () => Promise<string>;
  /** Fees and payments on the dossier's JSON and pages (payment module). */
  payments?: PaymentHooks;
  /** Processing (issue 4): the action engine, and the audit log of staff views. */
  workflow?: DossierWorkflow;
  audit?: AuditService;
  /** Label of the OpenID Connect sign-in button, when configured. */
  oidcLabel?: string;
  /** Drafts: resume links, expiry, the online form's saved state (dossier.drafts.ts). */
  drafts: DossierDrafts;
  /** The satisfaction rating box of a returned dossier's tracking page (rating module). */
  rating?: (d: Dossier, o: { strong: boolean; token?: string; csrf: string }) => Promise<ComponentChildren>;
  /** Reception at the citizen's home on a planned visit (home-visit module). */
  homeReception?: HomeReception;
  /** The citizen's document store (docstore module): stored papers reused instead of uploads. */
  storedPapers?: StoredPapers;
  /** Linked procedure groups (issue 14): a group's code ("LT-KS") as the procedure submits the whole group. */
  linked?: LinkedSubmission;
  /** The linked group a dossier is a part of (issue 14), in the officials' JSON. */
  linkedGroupOf?: (d: Dossier) => Promise<LinkedGroupJson | undefined>;
  /** Signed electronic results: the verification link of a dossier's result (issue 14). */
  signing?: Pick<SigningService, 'forDossier' | 'verifyUrl' | 'listFor'>;
}

/**
 * The linked-group module's way into `POST /api/dossiers`: a group code given as `procedureCode`
 * is submitted as one group (one dossier per member) and answered `{groupCode, members}`.
 */
export interface LinkedSubmission {
  isGroupCode(code: string): boolean;
  submit(r: { unitCode: string; raw: unknown; files: UploadedFile[]; actor: Actor; idempotencyKey?: string; phoneVerified: (phone: string, otp: string | undefined) => Promise<boolean> }): Promise<{ status: number; body: unknown }>;
}

/**
 * A citizen's cached answer carries its own no-store (what the app's onSend adds to personal data,
 * src/shared/session.ts): the fast lane writes it past onSend (src/shared/fast-lane.ts).
 */
const NO_STORE = Object.freeze({ 'cache-control': 'no-store' });
const CODE_RE = /^\d{2,5}-\d{6}-\d{4,}$|^[0-9a-f-]{36}$/;
const CODE = z.string().regex(CODE_RE, 'Mã hồ sơ có dạng 00004-261129-0001');
/** Proof of ownership from the query: the phone number, the signed token of the QR link, a one-time code. */
type Proof = { phone?: string; token?: string; otp?: string };

function errorsOf(e: unknown): { errors: FormError[]; message: string } | undefined {
  if (e instanceof ValidationError) return { errors: e.fields, message: e.message };
  if (e instanceof DomainError && !(e instanceof NotFoundError)) return { errors: [{ field: '', code: e.code, message: e.message }], message: e.message };
  return undefined;
}

/** The dossier as the JSON API shows it. */
function dossierJson(v: DossierView, links: { receiptUrl: string; trackingUrl: string }, payment: Record<string, unknown> | null = null) {
  return {
    id: v.id,
    code: v.code,
    unit: v.unitCode,
    procedureCode: v.procedureCode,
    procedureName: v.procedureName,
    status: v.status,
    statusLabel: v.statusLabel,
    channel: v.channel,
    case: v.caseId,
    applicant: v.applicant,
    formData: v.formData,
    digitised: v.digitised,
    submittedAt: v.submittedAt,
    receivedAt: v.receivedAt,
    dueAt: v.dueAt,
    dueFixed: v.dueFixed,
    attachments: v.files.map((f) => ({ id: f.id, component: f.component, name: f.name, mime: f.mime, size: f.size })),
    history: v.history.map((h) => ({ seq: h.seq, action: h.action, from: h.fromStatus, to: h.toStatus, actor: h.actorName, comment: h.comment, at: h.createdAt })),
    receiptUrl: v.code ? links.receiptUrl : null,
    trackingUrl: v.code ? links.trackingUrl : null,
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

export async function dossierRoutes(app: FastifyInstance, deps: DossierRoutesDeps): Promise<void> {
  const { dossiers, accounts, catalog, units } = deps;
  const signInLimit = deps.rateLimit ? { config: { rateLimit: { max: 10, timeWindow: '5 minutes' } } } : {};
  const homeHref = async () => `/dv/${await deps.defaultUnit()}`;

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

  // ------------------------------------------------------------------ JSON API
  app.get(
    '/api/procedures/:code/form',
    {
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Biểu mẫu điện tử của thủ tục (JSON Schema 2020-12) và thành phần hồ sơ theo trường hợp',
        operationId: 'getProcedureForm',
        security: security.public,
        querystring: docSchema(z.object({ unit: z.string().optional() })),
        response: { 200: json(formJson, 'Biểu mẫu điện tử và giấy tờ của từng trường hợp'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193') }), req.params);
      const { unit } = parseInput(z.object({ unit: z.string().regex(/^\d{2,5}$/).optional() }), req.query);
      const f = await dossiers.formFor(unit ?? (await deps.defaultUnit()), code);
      return { procedureCode: code, formData: f.jsonSchema, cases: f.cases };
    },
  );

  app.post(
    '/api/otp',
    {
      ...signInLimit,
      schema: {
        tags: ['Người dân'],
        summary: 'Gửi mã OTP tới số điện thoại (đăng nhập hoặc xác thực khi nộp không cần tài khoản)',
        operationId: 'requestOtp',
        security: security.public,
        body: body({ json: otpBody }),
        response: { 200: json(otpJson, 'Mã đã được gửi (qua tin nhắn)'), ...errors(400, 403, 422) },
      },
    },
    async (req) => {
      const body = parseInput(z.object({ phone: z.string({ message: 'Cần số điện thoại' }), purpose: z.enum(['sign_in', 'verify_phone']).default('verify_phone') }), req.body ?? {});
      const r = await accounts.requestOtp(body.phone, body.purpose);
      return { phone: r.phone, expiresAt: r.expiresAt, ...(r.demoCode ? { demoCode: r.demoCode } : {}) };
    },
  );

  const newDossierBody = z.object({
    unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số').optional(),
    procedureCode: z.string({ message: 'Cần mã thủ tục' }).regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193'),
    channel: z.enum(DOSSIER_CHANNELS, { message: 'Kênh nộp là online, in_person, post hoặc home' }).default('online'),
    case: z.string().max(60).optional(),
    applicant: z.unknown(),
    formData: z.unknown().optional(),
    delivery: z.object({ method: z.enum(['counter', 'post']).optional(), address: z.string().max(300).optional() }).optional(),
    otp: z.string().max(10).optional(),
    submit: z.boolean().optional(),
    storedPapers: z
      .record(z.string().max(60), z.string().regex(/^[0-9a-f-]{36}$/, 'Mã giấy tờ trong kho không hợp lệ'))
      .optional()
      .describe('Dùng giấy tờ đã có trong kho của người dân đã đăng nhập thay vì tải lên: {"<mã thành phần>": "<id của GET /api/me/papers>"}'),
    vaccinationReminders: z
      .object({ consent: z.boolean(), village: z.string().max(100).optional(), zalo: z.boolean().optional() })
      .optional()
      .describe(
        'Chỉ với nhóm liên thông có nhắc lịch tiêm (LT-KS): đăng ký nhắn tin nhắc lịch tiêm chủng cho trẻ (0–24 tháng) tới số điện thoại người nộp; "consent": true bắt buộc. Lỗi nằm trong 422 invalid_group_form (trường "vaccinationReminders.*"); trả lời có "vaccinationReminders": {id, stopUrl, schedule}.',
      ),
  });

  async function verifyPhoneIfNeeded(req: FastifyRequest, phone: string, otp: string | undefined): Promise<boolean> {
    if (req.principal) return true;
    if (!deps.requirePhoneVerification) return true;
    if (!otp) return false;
    await accounts.verifyOtp(phone, 'verify_phone', otp);
    return true;
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
      return sendCached(reply.request, reply, hit ?? (await dossiers.memo(d, part, async () => cacheAnswer(JSON.stringify(await dossierAnswer(d, false, undefined, strong)), 'application/json; charset=utf-8', NO_STORE))));
    }
    return reply.status(status).send(await dossierAnswer(d, staffView, actor, strong, fresh));
  };
  /** `fresh`: made by this request (a new dossier): it has no fee row or payment to read yet. */
  const dossierAnswer = async (d: Dossier, staffView: boolean, actor?: ReturnType<typeof actorOf>, strong = true, fresh = false) => {
    // Read side by side (a dossier never looked up before: each is a disk read): its files and
    // history, its fee and payments, and its signed result where it can have one.
    // On PostgreSQL the row's own statement may have read the last two (`lookupAlongside`).
    const [v, payment, verifyUrl] = await Promise.all([
      dossiers.view(d),
      deps.payments ? deps.payments.json(d, fresh, dossiers.alongside<StoredPayments>(d, LOOKUP_ALONG.payments.part)?.value) : null,
      d.code && LOOKUP_ALONG.signed.statuses.includes(d.status) ? verifyUrlOf(d) : null,
    ]);
    // Officials' comments may be internal notes: the citizen's history carries none, and the
    // citizen's steps (with "Đang giải quyết") and next step come from the tracking view model.
    const shown = staffView ? v : { ...v, history: v.history.filter((h) => CITIZEN_VISIBLE_ACTIONS.has(h.action)).map((h) => ({ ...h, comment: '' })) };
    const json = dossierJson(
      shown,
      strong
        ? { receiptUrl: `${deps.publicUrl}${d.code ? receiptPath(d.code) : ''}`, trackingUrl: d.code ? dossiers.trackingUrl(d.code) : '' }
        : { receiptUrl: `${deps.publicUrl}/ho-so/${d.code}/giay-hen.pdf`, trackingUrl: `${deps.publicUrl}/ho-so/${d.code}` },
      payment,
    );
    const citizen = staffView || !d.code ? undefined : citizenTracking({ status: v.status, delivery: v.delivery, outcome: v.outcome, history: v.history, files: v.files, outstanding: typeof payment?.outstanding === 'number' ? payment.outstanding : 0 });
    const resultFile = d.code ? resultFileOf(v.status, v.files) : undefined;
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
    return { ...json, ...extra };
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

  /** `storedPapers` of a new dossier ({component: paper id}): only a signed-in citizen's own papers. */
  async function storedUploads(actor: Actor, refs: Record<string, string> | undefined, unitCode: string, procedureCode: string) {
    const entries = Object.entries(refs ?? {});
    if (!entries.length) return [];
    if (actor.kind !== 'citizen' || !deps.storedPapers) {
      throw new ForbiddenError('Chỉ người dân đã đăng nhập mới dùng được giấy tờ trong kho của mình ("storedPapers").', 'stored_papers_need_citizen');
    }
    const known = new Set((await dossiers.formFor(unitCode, procedureCode)).cases.flatMap((g) => g.components.map((c) => c.id)));
    const unknown = entries.filter(([c]) => !known.has(c));
    if (unknown.length) {
      throw new ValidationError('Thành phần hồ sơ không có trong thủ tục.', unknown.map(([c]) => ({ field: `storedPapers.${c}`, code: 'invalid_component', message: `Không có thành phần "${c}"` })), 'invalid_dossier');
    }
    const holder = { kind: 'citizen' as const, citizenId: actor.id, phone: actor.phone };
    const out = [];
    for (const [component, paperId] of entries) out.push({ component, paperId, upload: await deps.storedPapers.take(holder, paperId) });
    return out;
  }
  async function recordStoredUse(actor: Actor, dossierId: string, stored: Array<{ component: string; paperId: string }>) {
    if (!stored.length || actor.kind !== 'citizen') return;
    await deps.storedPapers?.recordUse({ kind: 'citizen', citizenId: actor.id, phone: actor.phone }, dossierId, stored.map((s) => ({ paperId: s.paperId, component: s.component })), actor.name);
  }

  app.post(
    '/api/dossiers',
    {
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Tạo hồ sơ',
        operationId: 'createDossier',
        security: security.optional,
        body: body({ json: newDossierBody.meta({ examples: [newDossierExample] }), multipart: newDossierMultipart }),
        response: {
          200: json(dossierSchema, 'Cùng Idempotency-Key: hồ sơ đã tạo trước đó'),
          201: json(dossierSchema, 'Hồ sơ đã tạo (bản nháp) hoặc đã nộp'),
          ...errors(400, 403, 404, 409, 413, 415, 422),
        },
        description:
          'JSON: tạo bản nháp (đính kèm tệp bằng POST /api/dossiers/{code}/attachments rồi nộp bằng POST /api/dossiers/{code}/submit), hoặc nộp ngay với "submit": true khi thủ tục không bắt buộc tệp. multipart/form-data: phần "dossier" (JSON như trên) và các tệp với tên trường là mã thành phần hồ sơ (ví dụ "chung.0"): tạo, đính kèm và nộp trong một yêu cầu, hoặc không gì cả. Header Idempotency-Key: gửi lại cùng khóa trả về cùng hồ sơ. Người nộp không đăng nhập cần mã OTP ("otp") khi REQUIRE_PHONE_VERIFICATION bật.',
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const actor = actorOf(req);
      const idem = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
      let raw: unknown = req.body;
      let files: UploadedFile[] = [];
      const multipart = req.isMultipart();
      if (multipart) {
        const mp = await readMultipart(req);
        files = mp.files;
        try {
          raw = JSON.parse(mp.fields.dossier ?? '');
        } catch {
          throw new ValidationError('Phần "dossier" phải là JSON.', [{ field: 'dossier', code: 'invalid_json', message: 'Phần "dossier" phải là JSON hợp lệ' }]);
        }
      }
      const asked = raw && typeof raw === 'object' ? (raw as { procedureCode?: unknown; unit?: unknown }) : undefined;
      if (deps.linked && typeof asked?.procedureCode === 'string' && deps.linked.isGroupCode(asked.procedureCode)) {
        const unit = parseInput(z.object({ unit: newDossierBody.shape.unit }), { unit: asked.unit }, 'Dữ liệu hồ sơ không hợp lệ.').unit;
        const r = await deps.linked.submit({
          unitCode: actor.kind === 'staff' ? actor.unitCode : (unit ?? (await deps.defaultUnit())),
          raw,
          files,
          actor,
          idempotencyKey: idem,
          phoneVerified: (phone, otp) => verifyPhoneIfNeeded(req, phone, otp),
        });
        return reply.status(r.status === 200 ? 200 : 201).send(r.body as never);
      }
      const body = parseInput(newDossierBody, raw ?? {}, 'Dữ liệu hồ sơ không hợp lệ.');
      const unitCode = actor.kind === 'staff' ? actor.unitCode : (body.unit ?? (await deps.defaultUnit()));
      // A stranger's draft holds files for days: it needs the phone's one-time code first (issue 10).
      let verifiedPhone: string | undefined;
      if (!multipart && body.submit !== true && actor.kind === 'anonymous' && deps.requirePhoneVerification && !(idem && (await dossiers.findByIdempotencyKey(actor, idem)))) {
        if (!body.otp) {
          throw new RuleViolationError('phone_not_verified', 'Người nộp chưa đăng nhập cần mã xác thực gửi tới số điện thoại (trường "otp", lấy mã bằng POST /api/otp) để lưu bản nháp.');
        }
        verifiedPhone = await accounts.verifyOtp(String((body.applicant as { phone?: unknown } | undefined)?.phone ?? ''), 'verify_phone', body.otp);
      }
      const input = {
        unitCode,
        procedureCode: body.procedureCode,
        channel: body.channel,
        caseId: body.case,
        applicant: body.applicant,
        formData: body.formData,
        delivery: body.delivery,
        verifiedPhone,
        expiresAt: deps.drafts.expiryFor(actor, !!verifiedPhone),
      };
      // Papers of the citizen's document store instead of uploads, all checked before anything is written.
      const stored = await storedUploads(actor, body.storedPapers, unitCode, body.procedureCode);
      if (multipart || body.submit === true) {
        // Created and submitted in one transaction: all or nothing.
        const uploads = [...files.map((f) => ({ component: f.field, read: () => asUpload(f) })), ...stored.map((s) => ({ component: s.component, read: async () => s.upload }))];
        const { dossier, created } = await dossiers.createAndSubmit(input, uploads, actor, idem, (d) => verifyPhoneIfNeeded(req, d.applicant.phone, body.otp));
        if (created) await recordStoredUse(actor, dossier.id, stored);
        return sendDossier(reply, dossier, created ? 201 : 200, true, undefined, created);
      }
      const { dossier, created } = await dossiers.createDraft(input, actor, idem);
      if (created && stored.length) {
        for (const s of stored) await dossiers.addAttachment(dossier, s.component, s.upload);
        await recordStoredUse(actor, dossier.id, stored);
      }
      return sendDossier(reply, dossier, created ? 201 : 200, true);
    },
  );

  const refParams = z.object({ code: CODE });
  /** The dossier code of the path: a plain test for the usual case, zod's messages otherwise. */
  const codeParam = (req: FastifyRequest): { code: string } => {
    const { code } = req.params as { code?: unknown };
    return typeof code === 'string' && CODE_RE.test(code) ? { code } : parseInput(refParams, req.params);
  };
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

  app.post(
    '/api/dossiers/:code/attachments',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Đính kèm tệp (multipart: trường "component" rồi tệp "file")',
        operationId: 'addDossierAttachments',
        security: security.owner,
        body: body({ multipart: attachmentForm }),
        response: { 201: json(attachmentsJson, 'Các tệp đã đính kèm'), ...errors(400, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
    checkApiCsrf(req);
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    await changeProof(req, d);
    if (!req.isMultipart()) throw new ValidationError('Cần gửi tệp dạng multipart/form-data.', [{ field: 'file', code: 'multipart_required', message: 'Cần multipart/form-data' }]);
    if (d.status === 'draft' && actorOf(req).kind === 'anonymous' && deps.requirePhoneVerification && !d.verifiedPhone) {
      throw new RuleViolationError('phone_not_verified', 'Bản nháp của người chưa đăng nhập cần xác thực số điện thoại bằng mã OTP trước khi đính kèm tệp.');
    }
    const { fields, files } = await readMultipart(req);
    if (!files.length) throw new ValidationError('Chưa có tệp nào.', [{ field: 'file', code: 'file_required', message: 'Chọn một tệp để đính kèm' }]);
    const out = [];
    for (const f of files) {
      const component = fields.component ?? (f.field === 'file' ? 'khac' : f.field);
      out.push(await dossiers.addAttachment(d, component, await asUpload(f)));
    }
    return reply.status(201).send({ attachments: out.map((f) => ({ id: f.id, component: f.component, name: f.name, mime: f.mime, size: f.size })) });
    },
  );

  app.post(
    '/api/dossiers/:code/submit',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Nộp bản nháp (tất cả hoặc không gì cả)',
        operationId: 'submitDossier',
        security: security.owner,
        body: body({ json: submitBody }),
        response: { 200: json(dossierSchema, 'Hồ sơ đã nộp (gửi lại: cùng hồ sơ)'), ...errors(400, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const { code } = parseInput(refParams, req.params);
      const body = parseInput(z.object({ otp: z.string().max(10).optional(), formData: z.unknown().optional() }), req.body ?? {});
      const actor = actorOf(req);
      const d = await dossiers.getForActor(code, actor, proofOf(req));
      const verified = (!!d.verifiedPhone && d.verifiedPhone === d.applicant.phone) || (await verifyPhoneIfNeeded(req, d.applicant.phone, body.otp));
      const done = await dossiers.submit(d, actor, { formData: body.formData, phoneVerified: verified });
      return sendDossier(reply, done, 200, true);
    },
  );

  /** A visitor's repeated lookup: the cached row and answer, with no promise and no query (undefined: not cached). */
  const visitorLookup = (code: string, proof: Proof): CachedAnswer | undefined => {
    const d = dossiers.peekForVisitor(code, proof);
    return d && dossiers.cached<CachedAnswer>(d, dossiers.hasChangeProof(d, { kind: 'anonymous' }, proof) ? 'api-json' : 'api-json-read');
  };
  app.get(
    '/api/dossiers/:code',
    {
      config: {
        ...PROOF_ROUTE.config,
        // In the fast lane (shared/fast-lane.ts; after the global limit and the proof budget): plain
        // input only, which input cleaning and the checks below would leave as it is.
        fastAnswer: (req) => {
          const { code } = req.params as { code?: unknown };
          const { phone, t, otp } = req.query as Record<string, unknown>;
          if (typeof code !== 'string' || !CODE_RE.test(code) || !plain(phone, 20) || !plain(t, 40) || !plain(otp, 10)) return undefined;
          return visitorLookup(code, { phone, token: t, otp });
        },
      },
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Tình trạng hồ sơ (cần số điện thoại, liên kết có chữ ký, hoặc đăng nhập)',
        operationId: 'getDossier',
        security: security.owner,
        querystring: docSchema(proofQuery),
        response: { 200: json(dossierSchema, 'Hồ sơ; với cán bộ kèm allowedActions và workflow'), ...errors(400, 404) },
      },
    },
    (req, reply) => {
      const { code } = codeParam(req);
      const proof = proofOf(req);
      const actor = actorOf(req);
      // A visitor's repeated lookup (most of this route's traffic): the cached row and answer, sent
      // with no promise and no query; anything else takes the full path below.
      if (actor.kind === 'anonymous') {
        const hit = visitorLookup(code, proof);
        if (hit) return sendCached(req, reply, hit);
      }
      return (async () => {
        const d = await dossiers.getForActor(code, actor, proof);
        await viewedByStaff(req, d, 'api');
        return sendDossier(reply, d, 200, false, proof);
      })();
    },
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Thao tác trên hồ sơ (cán bộ; người nộp: supplement, withdraw)',
        operationId: 'actOnDossier',
        security: security.owner,
        response: { 200: json(dossierSchema, 'Hồ sơ sau thao tác'), ...errors(400, 403, 404, 409, 413, 415, 422) },
        description: [
          'JSON {type, ...} hoặc multipart/form-data (các trường như JSON, và tệp "file" cho mark_result_ready). Header Idempotency-Key (hoặc trường idempotencyKey): gửi lại cùng khóa không làm lại thao tác.',
          'Các thao tác: accept {comment?}; refuse {reason}; request_supplement {items: [..], message?} (một lần, đủ mọi mục; dừng đồng hồ); supplement {comment?} (người nộp, sau khi đính kèm tệp); forward {to?: username}; assign {assignee: username} (cũng để phân công lại); propose_result {proposal: approve|reject, comment?}; approve {comment?}; send_back {reason}; reject {reason}; request_payment {amount, items?, note?} (dừng đồng hồ); confirm_payment {amount?, method?, receiptNo?}; mark_result_ready (tệp "file" hoặc {note}); return_result {method: in_person|post, trackingNumber?}; withdraw {reason}; stop {reason}; apologize {reason, newDueAt}.',
          '409 kèm lý do khi thao tác không được phép ở trạng thái hiện tại hoặc với vai trò của người dùng (error.code: action_not_allowed, role_not_allowed, not_assignee, dossier_changed); 404 với hồ sơ ngoài đơn vị; 422 khi thiếu thông tin. GET /api/dossiers/{code} cho cán bộ có allowedActions.',
        ].join('\n\n'),
        body: docSchema(
          z.object({
            type: z.enum(['accept', 'refuse', 'request_supplement', 'supplement', 'forward', 'assign', 'propose_result', 'approve', 'send_back', 'reject', 'request_payment', 'confirm_payment', 'mark_result_ready', 'return_result', 'withdraw', 'stop', 'apologize']),
            comment: z.string().optional(),
            reason: z.string().optional(),
            items: z.array(z.string()).optional(),
            message: z.string().optional(),
            assignee: z.string().optional(),
            to: z.string().optional(),
            proposal: z.enum(['approve', 'reject']).optional(),
            amount: z.number().int().optional(),
            note: z.string().optional(),
            method: z.string().optional(),
            trackingNumber: z.string().optional(),
            newDueAt: z.string().optional(),
            idempotencyKey: z.string().optional(),
          }),
        ),
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      if (!deps.workflow) throw new NotFoundError();
      const { code } = parseInput(refParams, req.params);
      const actor = actorOf(req);
      let body: Record<string, unknown>;
      let file: UploadedFile | undefined;
      if (req.isMultipart()) {
        const mp = await readMultipart(req);
        body = formToInput(mp.fields.type ?? '', mp.fields);
        file = mp.files[0];
      } else body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body.type !== 'string') throw new ValidationError('Cần loại thao tác (type).', [{ field: 'type', code: 'required', message: 'Cần loại thao tác' }]);
      // Outside their unit an official gets 404, never a hint that the dossier exists.
      const d = await dossiers.getForActor(code, actor, proofOf(req));
      const { otp, ...input } = body;
      body = input;
      await changeProof(req, d, otp);
      const header = req.headers['idempotency-key'];
      const key = typeof header === 'string' ? header : typeof body.idempotencyKey === 'string' ? body.idempotencyKey : undefined;
      const { dossier } = await deps.workflow.act(d, actor, body as { type: string }, {
        key,
        owner: actor.kind !== 'staff',
        file: file ? await asUpload(file) : undefined,
      });
      return sendDossier(reply, dossier);
    },
  );

  app.post(
    '/api/auth/login',
    {
      ...signInLimit,
      schema: {
        tags: ['Cán bộ'],
        summary: 'Cán bộ đăng nhập (cookie phiên và mã dùng làm Bearer)',
        operationId: 'signInStaff',
        security: security.public,
        body: body({ json: loginBody }),
        response: { 200: json(loginJson, 'Đã đăng nhập: cookie phiên motcua_sid và token'), ...errors(400, 403, 422) },
      },
    },
    async (req, reply) => {
    const body = parseInput(z.object({ username: z.string().min(1, 'Cần tên đăng nhập').max(60), password: z.string().min(1, 'Cần mật khẩu').max(200) }), req.body ?? {});
    const { staff, session } = await accounts.signInStaff(body.username, body.password, req.ip);
    reply.startSession(session);
    await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'auth.sign_in', targetKind: 'staff', targetId: staff.username, data: { via: 'api' } });
    // The token also works as "Authorization: Bearer <token>" for API clients (no cookie, no CSRF).
    return { username: staff.username, fullName: staff.fullName, unit: staff.unitCode, role: staff.role, csrfToken: session.csrf, token: session.token, expiresAt: session.expiresAt, mustChangePassword: !!staff.mustChangePassword };
    },
  );

  // ------------------------------------------------------------------ citizen pages
  // The online form, the counter's reception form and drafts (dossier.submit-routes.ts).
  await submitRoutes(app, { dossiers, drafts: deps.drafts, accounts, catalog, requirePhoneVerification: deps.requirePhoneVerification, payments: deps.payments, signInLimit, homeReception: deps.homeReception, storedPapers: deps.storedPapers });

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

  // ------------------------------------------------------------------ counter (staff) pages
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
  app.post('/can-bo/dang-nhap', signInLimit, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const next = safeNext(body.next, '/can-bo');
    try {
      const { staff, session } = await accounts.signInStaff(String(body.username ?? ''), String(body.password ?? ''), req.ip);
      reply.startSession(session, 'staff');
      await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'auth.sign_in', targetKind: 'staff', targetId: staff.username, data: { via: 'password' } });
      return reply.redirect(next, 303);
    } catch (e) {
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
  await dossierProofRoutes(app, { dossiers, accounts, demo: deps.demo });
}

/** Only redirect to our own paths after sign-in (shared/redirect). */
const safeNext = (next: unknown, fallback = '/ca-nhan'): string => safeNextPath(next, fallback);
