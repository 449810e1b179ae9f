import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../account';
import type { CatalogService } from '../catalog';
import { PROOF_ROUTE, type Actor } from '../dossier';
import { DomainError, NotFoundError, ValidationError } from '../shared/errors';
import { allowFormAction, docSchema, html, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { qrPng, qrSvg } from '../shared/qr';
import { actorOf, checkApiCsrf, checkCsrf } from '../shared/session';
import { readMultipart } from '../shared/uploads';
import type { UnitService } from '../unit';
import { renderGroupReceiptPdf } from './linked.pdf';
import { SUBMISSION_CODE_RE, type LinkedService } from './linked.service';
import { GROUP_CODE_RE } from './linked.types';
import { GroupFormPage, GroupLookupPage, GroupTrackingPage, type GroupPartVm, type ReminderChoice } from './linked.views';
import { bankName, transferNote } from '../payment';

export interface LinkedRoutesDeps {
  linked: LinkedService;
  catalog: CatalogService;
  units: UnitService;
  accounts: AccountService;
  requirePhoneVerification: boolean;
  now: () => Date;
}

const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const GROUP = z.string().regex(GROUP_CODE_RE, 'Mã nhóm liên thông có dạng LT-KS');
const SUBMISSION = z.string().regex(SUBMISSION_CODE_RE, 'Mã hồ sơ liên thông có dạng LT-00004-261204-0001');
const proofQuery = z.object({ phone: z.string().max(20).optional(), t: z.string().max(40).optional() });

const memberJson = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agency: z.enum(['unit', 'partner']),
  agencyName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  outcome: z.string().nullable(),
  dueAt: z.string().nullable(),
  escalated: z.boolean(),
  trackingUrl: z.string(),
});
export const groupAnswerJson = z.object({
  groupCode: z.string(),
  procedureCode: z.string(),
  name: z.string(),
  unit: z.string(),
  dueAt: z.string().nullable(),
  trackingUrl: z.string(),
  receiptUrl: z.string(),
  members: z.array(memberJson),
  payment: z
    .object({ amount: z.number().int(), paid: z.number().int(), outstanding: z.number().int(), vnpay: z.boolean(), vietqr: z.string().nullable() })
    .nullable()
    .optional()
    .describe('Phí, lệ phí của cả nhóm: tổng của các phần (VND), đã nộp, còn phải nộp; vnpay: có thể thanh toán một lần qua VNPay; vietqr: mã VietQR (EMVCo) chuyển khoản một lần số còn phải nộp, nội dung là mã nhóm (null khi không còn gì phải nộp hoặc đơn vị chưa có tài khoản)'),
});
const vietqrJson = z.object({
  payload: z.string().describe('Chuỗi EMVCo của mã VietQR (mọi ứng dụng ngân hàng đọc được): số tiền và nội dung đã điền sẵn'),
  amount: z.number().int().describe('Tổng số còn phải nộp của mọi phần (VND)'),
  transferNote: z.string().describe('Nội dung chuyển khoản: mã hồ sơ liên thông'),
  account: z.object({ bankBin: z.string(), bankName: z.string(), account: z.string(), accountName: z.string(), demo: z.boolean() }),
  members: z.array(z.object({ code: z.string(), amount: z.number().int() })).describe('Các phần còn phải nộp và số tiền của từng phần'),
  pngUrl: z.string().describe('Ảnh PNG của mã (lưu vào điện thoại rồi mở từ mục "Quét mã QR" của ứng dụng ngân hàng)'),
});
const payOnceJson = z.object({
  paymentUrl: z.string(),
  orderRef: z.string(),
  amount: z.number().int(),
  members: z.array(z.object({ code: z.string(), amount: z.number().int() })),
});

export async function linkedRoutes(app: FastifyInstance, deps: LinkedRoutesDeps): Promise<void> {
  const { linked, units } = deps;

  async function partsOf(unit: string, code: string): Promise<GroupPartVm[]> {
    const j = await linked.groupJson(unit, code);
    return j.parts as GroupPartVm[];
  }

  async function formPage(req: FastifyRequest, reply: FastifyReply, unit: string, code: string, state: { values?: Record<string, unknown>; applicant?: Record<string, string>; reminders?: ReminderChoice; errors?: Array<{ field: string; code: string; message: string }>; message?: string; status?: number } = {}) {
    const g = await linked.getGroup(unit, code);
    const consentText = linked.reminderConsent(g);
    const u = await units.get(unit);
    const anonymous = !req.principal;
    return html(
      reply,
      GroupFormPage({
        unitCode: unit,
        unitName: u.name,
        code: g.code,
        name: g.name,
        summary: g.summary,
        legalBasis: g.legalBasis,
        parts: await partsOf(unit, code),
        eform: g.eform,
        papers: g.papers,
        csrf: req.csrfToken,
        values: state.values ?? {},
        applicant: state.applicant ?? {},
        errors: state.errors ?? [],
        message: state.message,
        signInHref: anonymous && deps.requirePhoneVerification ? `/dang-nhap?next=${encodeURIComponent(req.url)}` : undefined,
        reminders: consentText ? { consentText, chosen: state.reminders ?? { optIn: false, village: '', zalo: false, consent: false } } : undefined,
      }),
      state.status ?? 200,
    );
  }

  // ------------------------------------------------------------------ the citizen's form
  app.get('/dv/:unit/lien-thong/:group', async (req, reply) => {
    const { unit, group } = parseInput(z.object({ unit: UNIT, group: GROUP }), req.params);
    return formPage(req, reply, unit, group);
  });

  app.post('/dv/:unit/lien-thong/:group', async (req, reply) => {
    const { unit, group } = parseInput(z.object({ unit: UNIT, group: GROUP }), req.params);
    const mp = await readMultipart(req);
    checkCsrf(req, mp.fields._csrf);
    const g = await linked.getGroup(unit, group);
    const ids = new Set(g.eform.sections.flatMap((s) => s.fields.map((f) => f.id)));
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(mp.fields)) if (ids.has(k) && v !== '') values[k] = v;
    const applicant: Record<string, string> = {};
    for (const k of ['fullName', 'phone', 'email', 'address']) applicant[k] = mp.fields[`applicant.${k}`] ?? '';
    // The vaccination reminders' opt-in (the newborn group): only when "nhắc lịch" is ticked.
    const reminders: ReminderChoice = { optIn: mp.fields.nhacLich === '1', village: (mp.fields['nhacLich.thon'] ?? '').slice(0, 200), zalo: mp.fields['nhacLich.zalo'] === '1', consent: mp.fields['nhacLich.dongY'] === '1' };
    const vaccinationReminders = reminders.optIn ? { consent: reminders.consent, village: reminders.village, zalo: reminders.zalo } : undefined;
    const actor = actorOf(req);
    if (actor.kind === 'anonymous' && deps.requirePhoneVerification) return formPage(req, reply, unit, group, { values, applicant, reminders, message: 'Xin đăng nhập bằng số điện thoại trước khi nộp.', status: 403 });
    try {
      const r = await linked.submit({ unitCode: unit, raw: { procedureCode: group, applicant, formData: values, vaccinationReminders }, files: mp.files.filter((f) => f.size > 0), actor, phoneVerified: async () => true });
      const code = (r.body as { groupCode: string }).groupCode;
      return reply.redirect(`/lien-thong/${code}?t=${linked.token(code)}&moi=1`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return formPage(req, reply, unit, group, { values, applicant, reminders, errors: e.fields, message: e.message, status: 422 });
      if (e instanceof DomainError && !(e instanceof NotFoundError)) return formPage(req, reply, unit, group, { values, applicant, reminders, message: e.message, status: 422 });
      throw e;
    }
  });

  // ------------------------------------------------------------------ tracking the group
  app.get('/lien-thong/tra-cuu', async (req, reply) => {
    const q = parseInput(z.object({ ma: z.string().max(40).optional(), phone: z.string().max(20).optional() }), req.query);
    const code = (q.ma ?? '').trim().toUpperCase();
    if (code && q.phone) {
      if (SUBMISSION_CODE_RE.test(code)) return reply.redirect(`/lien-thong/${code}?phone=${encodeURIComponent(q.phone)}`, 303);
      return html(reply, GroupLookupPage({ code, phone: q.phone, error: 'Mã hồ sơ liên thông có dạng LT-00004-261204-0001.' }), 422);
    }
    return html(reply, GroupLookupPage({ code, phone: q.phone ?? '' }));
  });

  const proofOf = (req: FastifyRequest) => {
    const q = parseInput(proofQuery, req.query);
    return { phone: q.phone, token: q.t };
  };

  app.get('/lien-thong/:code', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
    const proof = proofOf(req);
    const justSubmitted = (req.query as { moi?: unknown }).moi === '1';
    const { view, strong } = await linked.viewFor(code, actorOf(req), proof);
    const unit = await units.get(view.unitCode);
    const tracking = strong ? linked.trackingUrl(code) : undefined;
    const fees = await linked.feesOf(view);
    const account = linked.vietqrAccount;
    // The same proof opens the QR image as the page (the signed link, or code and phone).
    const proofQs = strong ? `?t=${linked.token(code)}` : `?phone=${encodeURIComponent(view.applicantPhone)}`;
    // The pay button's form is redirected to the gateway: the page's CSP lets it go there.
    if (strong && linked.gatewayOrigin) allowFormAction(reply, [linked.gatewayOrigin]);
    return html(
      reply,
      GroupTrackingPage({
        v: view,
        unitName: unit.name,
        // Each part tracks on its own page: with the signed link when the proof allows it.
        justSubmitted,
        memberHref: (m) => (strong ? linked.memberLink(m) : `/ho-so/${m}?phone=${encodeURIComponent(view.applicantPhone)}`),
        receiptHref: strong ? `/lien-thong/${code}/bien-nhan.pdf?t=${linked.token(code)}` : `/lien-thong/${code}/bien-nhan.pdf?phone=${encodeURIComponent(view.applicantPhone)}`,
        trackingUrl: tracking,
        qrSvg: tracking ? await qrSvg(tracking) : undefined,
        // The child's reminders carry the child's data: for a proof that may see everything only.
        reminders: strong ? await linked.remindersOf(view) : undefined,
        fees,
        pay: {
          vnpayHref: strong ? `/lien-thong/${code}/thanh-toan/vnpay?t=${linked.token(code)}` : undefined,
          vietqr: fees?.vietqr && account ? { qrSvg: await qrSvg(fees.vietqr), account, pngHref: `/lien-thong/${code}/vietqr.png${proofQs}` } : undefined,
        },
      }),
    );
  });

  // ------------------------------------------------------------------ pays once
  app.post('/lien-thong/:code/thanh-toan/vnpay', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
    const r = await linked.payOnce(code, actorOf(req), proofOf(req), req.ip);
    return reply.redirect(r.paymentUrl, 303);
  });

  app.post(
    '/api/groups/:code/payments/vnpay',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Phí, lệ phí'],
        summary: 'Thanh toán một lần phí, lệ phí của cả nhóm hồ sơ liên thông qua VNPay',
        description:
          'Một lệnh VNPay cho tổng số còn phải nộp của mọi phần (mỗi phần có khoản riêng, cùng một biên lai khi VNPay xác nhận qua IPN). Cần đường dẫn có chữ ký của nhóm (`t`) hoặc phiên đăng nhập của người nộp; số điện thoại không đủ (403 stronger_proof_required). 422 nothing_to_pay khi không còn khoản nào, vnpay_not_configured khi đơn vị chưa kết nối VNPay.',
        operationId: 'payLinkedGroupVnpay',
        security: security.owner,
        params: docSchema(z.object({ code: SUBMISSION })),
        querystring: docSchema(proofQuery),
        response: { 201: json(payOnceJson, 'Đường dẫn thanh toán VNPay cho tổng số còn phải nộp'), ...errors(400, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
      const r = await linked.payOnce(code, actorOf(req), proofOf(req), req.ip);
      return reply.status(201).send({ paymentUrl: r.paymentUrl, orderRef: r.orderRef, amount: r.amount, members: r.parts });
    },
  );

  // The group's VietQR as an image to save on the phone and open from the bank app's "scan QR".
  app.get('/lien-thong/:code/vietqr.png', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
    const { fees } = await linked.vietqrOf(code, actorOf(req), proofOf(req));
    return reply
      .type('image/png')
      .header('content-disposition', `attachment; filename="vietqr-${code}.png"`)
      .header('cache-control', 'private, no-store')
      .send(await qrPng(fees.vietqr, 768));
  });

  app.get(
    '/api/groups/:code/payments/vietqr',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Phí, lệ phí'],
        summary: 'Mã VietQR chuyển khoản một lần phí, lệ phí của cả nhóm hồ sơ liên thông',
        description:
          'Một mã VietQR cho tổng số còn phải nộp của mọi phần, nội dung chuyển khoản là mã nhóm (LT-…). Khi nhập sao kê ngân hàng, khoản chuyển khoản ghi mã nhóm được chia cho từng phần (đủ số: khớp; thiếu, thừa hay nộp hai lần: chờ cán bộ xử lý như với một hồ sơ); mã VietQR riêng của từng phần vẫn dùng được. Cùng cách chứng minh như tra cứu nhóm: số điện thoại người nộp (`phone`), đường dẫn có chữ ký (`t`) hoặc phiên đăng nhập. 422 nothing_to_pay khi không còn khoản nào, vietqr_not_configured khi đơn vị chưa có tài khoản nhận chuyển khoản.',
        operationId: 'getLinkedGroupVietqr',
        security: security.owner,
        params: docSchema(z.object({ code: SUBMISSION })),
        querystring: docSchema(proofQuery),
        response: { 200: json(vietqrJson, 'Mã VietQR cho tổng số còn phải nộp của cả nhóm'), ...errors(400, 404, 422) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
      const proof = proofOf(req);
      const { fees, account } = await linked.vietqrOf(code, actorOf(req), proof);
      const qs = proof.token ? `t=${encodeURIComponent(proof.token)}` : proof.phone ? `phone=${encodeURIComponent(proof.phone)}` : '';
      return {
        payload: fees.vietqr,
        amount: fees.outstanding,
        transferNote: transferNote(code),
        account: { bankBin: account.bankBin, bankName: bankName(account.bankBin), account: account.account, accountName: account.accountName, demo: !!account.demo },
        members: fees.parts.filter((x) => x.outstanding > 0).map((x) => ({ code: x.code, amount: x.outstanding })),
        pngUrl: `${linked.publicUrl}/lien-thong/${code}/vietqr.png${qs ? `?${qs}` : ''}`,
      };
    },
  );

  app.get('/lien-thong/:code/bien-nhan.pdf', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
    const { view } = await linked.viewFor(code, actorOf(req), proofOf(req));
    const unit = await units.get(view.unitCode);
    const fees = await linked.feesOf(view);
    const account = linked.vietqrAccount;
    const payment = fees?.vietqr && account ? { payload: fees.vietqr, amount: fees.outstanding, account } : undefined;
    const pdf = await renderGroupReceiptPdf({ unitName: unit.name, v: view, trackingUrl: linked.trackingUrl(code), now: deps.now(), payment });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="bien-nhan-${code}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
  });

  app.get(
    '/api/groups/:code',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Hồ sơ liên thông: tình trạng từng phần (mỗi phần là một hồ sơ)',
        description: 'Cùng cách chứng minh như tra cứu hồ sơ: số điện thoại người nộp (`phone`), đường dẫn có chữ ký (`t`), hoặc phiên đăng nhập của người nộp hay cán bộ đơn vị.',
        operationId: 'getLinkedGroup',
        security: security.owner,
        params: docSchema(z.object({ code: SUBMISSION })),
        querystring: docSchema(proofQuery),
        response: { 200: json(groupAnswerJson, 'Nhóm, hạn chung (hạn muộn nhất của các phần) và từng phần'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
      const { view, strong } = await linked.viewFor(code, actorOf(req), proofOf(req));
      return linked.answer(view, strong);
    },
  );

  // ------------------------------------------------------------------ the unit's reception
  const staffActor = (req: FastifyRequest): Extract<Actor, { kind: 'staff' }> => {
    const a = actorOf(req);
    if (a.kind !== 'staff') throw new NotFoundError('Không tìm thấy hồ sơ liên thông này trong đơn vị của bạn.', 'group_not_found');
    return a;
  };

  app.post(
    '/api/groups/:code/accept',
    {
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Tiếp nhận cả nhóm hồ sơ liên thông và chuyển các phần cho cơ quan phối hợp',
        description: 'Cán bộ một cửa: mọi phần còn chờ tiếp nhận được tiếp nhận (mỗi phần có ngày hẹn riêng); phần của cơ quan phối hợp được chuyển vào hộp thư của cơ quan hoặc gửi thư điện tử có đường dẫn ký số.',
        operationId: 'acceptLinkedGroup',
        security: security.staff,
        params: docSchema(z.object({ code: SUBMISSION })),
        response: { 200: json(groupAnswerJson, 'Nhóm sau khi tiếp nhận'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: SUBMISSION }), req.params);
      const actor = staffActor(req);
      checkApiCsrf(req);
      return linked.answer(await linked.acceptGroup(code, actor), true);
    },
  );
}
