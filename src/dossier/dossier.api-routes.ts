import '@fastify/multipart';
import { clientKey } from '../shared/client-key';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { docSchema, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { attachmentForm, attachmentsJson, dossierSchema, formJson, loginBody, loginJson, newDossierExample, newDossierMultipart, otpBody, otpJson, submitBody } from './dossier.openapi';
import { sendCached, type CachedAnswer } from '../shared/compress';
import { plain } from '../shared/fast-lane';
import { asUpload, readMultipart, type UploadedFile } from '../shared/uploads';
import { actorOf, checkApiCsrf } from '../shared/session';
import { PROOF_ROUTE } from './dossier.proof';
import { CODE_RE, type Proof, type RouteKit } from './dossier.route-kit';
import type { DossierRoutesDeps } from './dossier.routes';
import { formToInput } from './dossier.staff-actions';
import { DOSSIER_CHANNELS, type Actor } from './dossier.types';

/**
 * The dossier's JSON API (documented in /docs/json): a procedure's form, one-time codes, creating
 * (with files, stored papers or a linked group), attaching, submitting, reading a dossier and
 * acting on it, and officials' sign-in for API clients. Registered first by dossierRoutes.
 */
export function dossierApiRoutes(app: FastifyInstance, deps: DossierRoutesDeps, kit: RouteKit): void {
  const { dossiers, accounts } = deps;
  const { signInLimit, staffSignIn, sendDossier, viewedByStaff, refParams, proofQuery, proofOf, changeProof } = kit;

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
      // A draft kept for a person (their account, their proven phone): within their cap (DRAFT_MAX_OPEN).
      if (!(idem && (await dossiers.findByIdempotencyKey(actor, idem)))) {
        await deps.drafts.checkNewDraft({ citizenId: actor.kind === 'citizen' ? actor.id : null, phone: verifiedPhone ?? null });
      }
      const { dossier, created } = await dossiers.createDraft(input, actor, idem);
      if (created && stored.length) {
        await deps.drafts.checkAttach(dossier, stored.reduce((s, p) => s + p.upload.data.length, 0));
        for (const s of stored) await dossiers.addAttachment(dossier, s.component, s.upload);
        await recordStoredUse(actor, dossier.id, stored);
      }
      return sendDossier(reply, dossier, created ? 201 : 200, true);
    },
  );

  /** The dossier code of the path: a plain test for the usual case, zod's messages otherwise. */
  const codeParam = (req: FastifyRequest): { code: string } => {
    const { code } = req.params as { code?: unknown };
    return typeof code === 'string' && CODE_RE.test(code) ? { code } : parseInput(refParams, req.params);
  };

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
    // A draft's files count against its owner's storage cap (DRAFT_MAX_MB).
    await deps.drafts.checkAttach(d, files.reduce((s, f) => s + f.size, 0));
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
        // Without a cookie or an Authorization header no session can be found: the actor is a
        // visitor, whose lookup writes nothing (only an official's look is audited, viewedByStaff).
        // Its first lookup then enters no request context, whose promise hooks (Node 20) cost
        // every promise of the lookup an allocation, and lets the carrying pause (request-context.ts).
        writesNothing: (req) => req.headers.cookie === undefined && req.headers.authorization === undefined,
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
      const { staff, session } = await staffSignIn(req, reply, () => accounts.signInStaff(body.username, body.password, clientKey(req.ip)));
      reply.startSession(session);
      await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'auth.sign_in', targetKind: 'staff', targetId: staff.username, data: { via: 'api' } });
      // The token also works as "Authorization: Bearer <token>" for API clients (no cookie, no CSRF).
      return { username: staff.username, fullName: staff.fullName, unit: staff.unitCode, role: staff.role, csrfToken: session.csrf, token: session.token, expiresAt: session.expiresAt, mustChangePassword: !!staff.mustChangePassword };
    },
  );
}
