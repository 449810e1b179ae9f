import '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { AccountService, Principal, Staff } from '../account';
import type { CatalogService } from '../catalog';
import { CHANNEL_KINDS } from '../catalog';
import { PROOF_ROUTE, requireChangeProof, type Dossier, type DossierService } from '../dossier';
import type { UnitService } from '../unit';
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../shared/errors';
import { allowFormAction, docSchema, html, parseInput } from '../shared/http';
import { body as docBody } from '../shared/openapi';
import { paymentDocs } from '../shared/openapi.more';
import { qrPng, qrSvg } from '../shared/qr';
import { actorOf, checkApiCsrf, checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { readMultipart, type UploadLimits } from '../shared/uploads';
import { renderFeeNoticePdf, renderPaymentReceiptPdf } from './payment.pdf';
import type { PaymentService } from './payment.service';
import { METHOD_LABEL, type StoredPayments } from './payment.types';
import { FeeEstimate, PaymentBox, ReconciliationPage, StaffFeePage, VnpayReturnPage } from './payment.views';

export interface PaymentRoutesDeps {
  payments: PaymentService;
  dossiers: DossierService;
  /** Checks the one-time code that lets a reader with code and phone pay (dossier.proof). */
  accounts?: AccountService;
  catalog: CatalogService;
  units: UnitService;
  publicUrl: string;
  defaultUnit: () => Promise<string>;
}

const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');
const refParams = z.object({ code: CODE });
/** A bank statement: one file, 10 MB at most (a year of a commune's transfers is well under 1 MB). */
const STATEMENT_LIMITS: UploadLimits = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024, maxFiles: 1 };
const proofQuery = z.object({ phone: z.string().max(20).optional(), t: z.string().max(40).optional(), otp: z.string().max(10).optional() }).passthrough();
const vnParts = (iso: string) => {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear() };
};
const placeOf = (unitName: string) => unitName.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/, '');

/**
 * What the dossier pages show of payments, handed to the dossier routes by the composition root
 * (so that the dossier module does not depend on this one).
 */
export interface PaymentHooks {
  /** `fresh`: the dossier was made by this very request: no fee row and no payment to read yet. */
  json(d: Dossier, fresh?: boolean, known?: StoredPayments): Promise<Record<string, unknown>>;
  /** Also widens the page's form-action to the VNPay gateway when it shows the VNPay button. */
  trackingBox(d: Dossier, token: string, reply?: FastifyReply): Promise<VNode | null>;
  submitNote(unitCode: string, procedureCode: string, channel: 'online' | 'in_person' | 'post'): Promise<VNode | null>;
  feeText(d: Dossier): Promise<string | undefined>;
  /** The VietQR code of a fee still due, for the receipt (giấy hẹn). */
  receiptQr(d: Dossier): Promise<{ qrPayload: string; text: string } | undefined>;
}

export function paymentHooks(payments: PaymentService): PaymentHooks {
  return {
    json: (d, fresh, known) => payments.json(d, fresh, known),
    async trackingBox(d, token, reply) {
      if (!d.code) return null;
      const s = await payments.summary(d);
      const acct = payments.vietqrAccount;
      const q = `?t=${encodeURIComponent(token)}`;
      const gateway = payments.vnpayOrigin;
      if (reply && gateway && s.outstanding > 0) allowFormAction(reply, [gateway]);
      return PaymentBox({
        s,
        code: d.code,
        qrSvg: s.vietqr ? await qrSvg(s.vietqr) : undefined,
        account: acct,
        qrPngHref: `/ho-so/${d.code}/vietqr.png${q}`,
        vnpayAction: payments.vnpayEnabled ? `/ho-so/${d.code}/thanh-toan/vnpay${q}` : undefined,
        vnpayFake: payments.vnpayFake,
        noticeHref: `/ho-so/${d.code}/thong-bao-phi.pdf${q}`,
        receiptHref: (id) => `/ho-so/${d.code}/bien-lai/${id}.pdf${q}`,
      });
    },
    async submitNote(unitCode, procedureCode, channel) {
      try {
        return FeeEstimate({ quote: await payments.estimate(unitCode, procedureCode, channel), methods: { vietqr: !!payments.vietqrAccount, vnpay: payments.vnpayEnabled } });
      } catch {
        return null;
      }
    },
    async receiptQr(d) {
      if (!d.code) return undefined;
      const s = await payments.summary(d);
      const acct = payments.vietqrAccount;
      if (!s.vietqr || !acct) return undefined;
      return {
        qrPayload: s.vietqr,
        text: `Nộp phí, lệ phí ${s.outstanding.toLocaleString('vi-VN')} đồng: quét mã VietQR bằng ứng dụng ngân hàng (tài khoản ${acct.account} — ${acct.accountName}); số tiền và nội dung chuyển khoản (mã hồ sơ ${d.code}) đã điền sẵn. Có thể nộp tại bộ phận một cửa.`,
      };
    },
    async feeText(d) {
      const s = await payments.summary(d);
      if (!s.structured) return s.feeText || undefined;
      if (s.amount === 0) return s.exemption ? `Miễn (${s.exemption.reason})` : 'Miễn phí';
      return `${s.amount.toLocaleString('vi-VN')} đồng${s.status === 'paid' ? ' (đã nộp)' : ''}`;
    },
  };
}

export async function paymentRoutes(app: FastifyInstance, deps: PaymentRoutesDeps): Promise<void> {
  const { payments, dossiers, catalog, units } = deps;

  const proofOf = (req: FastifyRequest) => {
    const q = parseInput(proofQuery, req.query);
    return { phone: q.phone, token: q.t, otp: q.otp };
  };
  /** Paying changes the dossier: the signed link, an account, or a one-time code (dossier.proof). */
  const changeProof = (req: FastifyRequest, d: Dossier) => requireChangeProof(req, d, { dossiers, accounts: deps.accounts }, proofOf(req));
  const staffOnly = (req: FastifyRequest, reply: FastifyReply): Staff | undefined => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    return p.staff;
  };

  async function receiptPdf(d: Dossier, paymentId: string): Promise<Buffer> {
    const p = await payments.payment(d, paymentId);
    const s = await payments.summary(d);
    const unit = await units.get(d.unitCode);
    const procedure = await catalog.findProcedure(d.procedureCode);
    const lines = p.amount === s.amount && s.lines.length ? s.lines.map((l) => ({ label: l.label, amount: l.amount })).filter((l) => l.amount !== 0) : [{ label: 'Phí, lệ phí hồ sơ', amount: p.amount }];
    if (s.exemption && p.amount === s.amount) lines.push({ label: `Miễn, giảm ${s.exemption.percent}%: ${s.exemption.reason}`, amount: s.amount - s.gross });
    return renderPaymentReceiptPdf({
      unitName: unit.name,
      receiptNo: p.receiptNo ?? '',
      payer: { fullName: d.applicant.fullName, address: d.applicant.address },
      dossierCode: d.code!,
      procedureName: procedure?.name ?? d.procedureCode,
      lines,
      amount: p.amount,
      methodLabel: METHOD_LABEL[p.method],
      reference: p.providerRef ?? undefined,
      place: placeOf(unit.name),
      paidOn: vnParts(p.confirmedAt ?? p.createdAt),
      collector: p.collector,
    });
  }

  async function noticePdf(d: Dossier, signedLink = true): Promise<Buffer> {
    const s = await payments.summary(d);
    const unit = await units.get(d.unitCode);
    const procedure = await catalog.findProcedure(d.procedureCode);
    const acct = payments.vietqrAccount;
    return renderFeeNoticePdf({
      unitName: unit.name,
      dossierCode: d.code!,
      applicant: d.applicant.fullName,
      procedureName: procedure?.name ?? d.procedureCode,
      lines: s.lines.map((l) => ({ label: l.label, amount: l.amount })),
      amount: s.outstanding,
      exemption: s.exemption ? `${s.exemption.percent}% — ${s.exemption.reason}` : undefined,
      vietqr: s.vietqr && acct ? { payload: s.vietqr, bankBin: acct.bankBin, account: acct.account, accountName: acct.accountName } : undefined,
      trackingUrl: signedLink ? dossiers.trackingUrl(d.code!) : `${deps.publicUrl}/ho-so/${d.code}`,
      place: placeOf(unit.name),
      issuedOn: vnParts(new Date().toISOString()),
    });
  }

  const pdf = (reply: FastifyReply, name: string, data: Buffer) =>
    reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'private, no-store').send(data);

  // ------------------------------------------------------------------ JSON API
  const feeQuery = z.object({
    unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số').optional(),
    channel: z.enum(CHANNEL_KINDS, { message: 'Kênh nộp là online, in_person hoặc post' }).default('online'),
    pages: z.coerce.number().int().min(1).max(10000).optional(),
    copies: z.coerce.number().int().min(1).max(10000).optional(),
  });
  app.get(
    '/api/procedures/:code/fee',
    { schema: { tags: ['Phí, lệ phí'], summary: 'Phí, lệ phí dự kiến của thủ tục theo kênh nộp, số trang, số bản (trước khi nộp)', querystring: docSchema(feeQuery), ...paymentDocs.estimateFee } },
    async (req) => {
      const { code } = parseInput(z.object({ code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193') }), req.params);
      const q = parseInput(feeQuery, req.query);
      return payments.estimate(q.unit ?? (await deps.defaultUnit()), code, q.channel, { pages: q.pages, copies: q.copies });
    },
  );

  app.post(
    '/api/dossiers/:code/payments/vnpay',
    { ...PROOF_ROUTE, schema: { tags: ['Phí, lệ phí'], summary: 'Tạo đường dẫn thanh toán VNPay cho số tiền còn phải nộp (cần số điện thoại, liên kết có chữ ký, hoặc đăng nhập)', querystring: docSchema(proofQuery), ...paymentDocs.createVnpayPayment } },
    async (req, reply) => {
      checkApiCsrf(req);
      const { code } = parseInput(refParams, req.params);
      const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
      await changeProof(req, d);
    const r = await payments.createVnpayPayment(d, req.ip);
      return reply.status(201).send({ paymentUrl: r.paymentUrl, orderRef: r.orderRef, amount: r.amount });
    },
  );

  app.get('/api/payments/vnpay/ipn', { schema: { tags: ['Phí, lệ phí'], summary: 'IPN của VNPay (máy chủ VNPay gọi): xác nhận kết quả thanh toán', ...paymentDocs.vnpayIpn } }, async (req) => {
    const q = Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));
    const answer = await payments.handleVnpayIpn(q);
    req.log.info({ order: q.vnp_TxnRef, rsp: answer.RspCode }, 'vnpay ipn');
    return answer;
  });

  const assessBody = z.object({
    pages: z.number().int().optional(),
    copies: z.number().int().optional(),
    exemption: z.object({ reason: z.string().max(300), percent: z.number().int().optional() }).nullable().optional(),
  });
  app.post('/api/dossiers/:code/fee', { schema: { tags: ['Phí, lệ phí'], summary: 'Cán bộ xác định mức phí (số trang, số bản, miễn giảm có lý do)', body: docBody({ json: assessBody.meta({ examples: [{ pages: 2, copies: 1 }] }) }), ...paymentDocs.assessFee } }, async (req) => {
    checkApiCsrf(req);
    const { code } = parseInput(refParams, req.params);
    const body = parseInput(assessBody, req.body ?? {});
    const actor = actorOf(req);
    if (actor.kind === 'anonymous') throw new UnauthorizedError('Cần đăng nhập tài khoản cán bộ.');
    if (actor.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
    const d = await dossiers.getForActor(code, actor);
    const s = await payments.assess(d, actor, body);
    return payments.json(d).then((j) => ({ ...j, assessed: s.assessed }));
  });

  app.post('/api/dossiers/:code/payments/cash', { schema: { tags: ['Phí, lệ phí'], summary: 'Cán bộ ghi nhận tiền mặt thu tại quầy', body: docBody({ json: z.object({ amount: z.number().int().optional() }).meta({ examples: [{}] }) }), ...paymentDocs.recordCashPayment } }, async (req, reply) => {
    checkApiCsrf(req);
    const { code } = parseInput(refParams, req.params);
    const body = parseInput(z.object({ amount: z.number().int().positive().optional() }), req.body ?? {});
    const actor = actorOf(req);
    if (actor.kind === 'anonymous') throw new UnauthorizedError('Cần đăng nhập tài khoản cán bộ.');
    if (actor.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
    const d = await dossiers.getForActor(code, actor);
    const p = await payments.recordCash(d, actor, body.amount);
    return reply.status(201).send({ ...p, receiptUrl: `${deps.publicUrl}/ho-so/${d.code}/bien-lai/${p.id}.pdf?t=${dossiers.token(d.code!)}` });
  });

  // ------------------------------------------------------------------ citizen pages
  app.post('/ho-so/:code/thanh-toan/vnpay', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    await changeProof(req, d);
    const r = await payments.createVnpayPayment(d, req.ip);
    return reply.redirect(r.paymentUrl, 303);
  });

  app.get('/thanh-toan/vnpay/ket-qua', async (req, reply) => {
    const q = Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    const r = await payments.vnpayReturn(q);
    const homeHref = `/dv/${await deps.defaultUnit()}`;
    if (!r.valid) return html(reply, VnpayReturnPage({ ok: false, message: 'Thông tin trả về từ cổng thanh toán không hợp lệ (sai chữ ký). Nếu tài khoản đã bị trừ tiền, xin liên hệ bộ phận một cửa.', homeHref }), 400);
    const trackHref = r.dossierCode ? `/ho-so/${r.dossierCode}?t=${dossiers.token(r.dossierCode)}` : undefined;
    const amount = (r.amount ?? 0).toLocaleString('vi-VN');
    const message = r.settled === 'paid'
      ? `Đã nhận ${amount} đồng phí, lệ phí của hồ sơ ${(r.dossierCodes ?? [r.dossierCode]).join(', ')}. Biên lai có trên trang theo dõi hồ sơ.`
      : r.success
        ? `VNPay báo giao dịch ${amount} đồng thành công; hệ thống đang chờ VNPay xác nhận để ghi nhận (thường trong vài giây).`
        : 'Giao dịch không thành công hoặc đã bị hủy. Bạn có thể thanh toán lại, chuyển khoản bằng mã VietQR hoặc nộp tại bộ phận một cửa.';
    return html(reply, VnpayReturnPage({ ok: r.settled === 'paid' || r.success, message, trackHref, homeHref }));
  });

  app.get('/ho-so/:code/bien-lai/:id.pdf', PROOF_ROUTE, async (req, reply) => {
    const { code, id } = parseInput(z.object({ code: CODE, id: z.string().uuid('Mã biên lai không hợp lệ') }), req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    return pdf(reply, `bien-lai-${d.code}.pdf`, await receiptPdf(d, id));
  });

  // The VietQR code as an image to save on the phone and open from the bank app's "scan QR".
  app.get('/ho-so/:code/vietqr.png', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    const s = await payments.summary(d);
    if (!s.vietqr) throw new NotFoundError('Hồ sơ không còn khoản phí nào phải nộp bằng chuyển khoản.', 'nothing_to_pay');
    return reply
      .type('image/png')
      .header('content-disposition', `attachment; filename="vietqr-${d.code}.png"`)
      .header('cache-control', 'private, no-store')
      .send(await qrPng(s.vietqr, 768));
  });

  app.get('/ho-so/:code/thong-bao-phi.pdf', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    if (!d.code) throw new NotFoundError('Hồ sơ chưa nộp.', 'dossier_not_found');
    return pdf(reply, `thong-bao-phi-${d.code}.pdf`, await noticePdf(d, dossiers.hasChangeProof(d, actorOf(req), proofOf(req))));
  });

  // ------------------------------------------------------------------ staff pages
  async function renderFeePage(req: FastifyRequest, reply: FastifyReply, d: Dossier, extra: { message?: string; error?: string; pages?: number; copies?: number } = {}, status = 200) {
    const s = await payments.summary(d);
    const procedure = await catalog.findProcedure(d.procedureCode);
    const unit = await units.get(d.unitCode);
    const perPage = s.lines.find((l) => l.basis === 'per_page');
    const perCopy = s.lines.find((l) => l.basis === 'per_copy');
    return html(
      reply,
      StaffFeePage({
        csrf: req.csrfToken,
        nav: staffNav(req, (req.principal as Extract<Principal, { kind: 'staff' }>).staff, unit.name),
        code: d.code!,
        procedureName: procedure?.name ?? d.procedureCode,
        applicant: d.applicant.fullName,
        s,
        exemptions: procedure?.exemptions ?? [],
        pages: extra.pages ?? (perPage ? Math.max(1, s.lines.filter((l) => l.basis === 'per_page').reduce((n, l) => n + l.quantity, 0)) : 1),
        copies: extra.copies ?? (perCopy?.quantity ?? 1),
        receiptHref: (id) => `/can-bo/ho-so/${d.code}/bien-lai/${id}.pdf`,
        noticeHref: `/can-bo/ho-so/${d.code}/thong-bao-phi.pdf`,
        vietqr: !!payments.vietqrAccount,
        message: extra.message,
        error: extra.error,
      }),
      status,
    );
  }

  app.get('/can-bo/ho-so/:code/le-phi', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req));
    return renderFeePage(req, reply, d);
  });

  app.post('/can-bo/ho-so/:code/le-phi', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const { code } = parseInput(refParams, req.params);
    const actor = actorOf(req);
    const d = await dossiers.getForActor(code, actor);
    const num = (v: string | undefined) => (v && v.trim() ? Number(v) : undefined);
    try {
      if (body.action === 'assess') {
        const reason = String(body.exemptionReason ?? '').trim();
        await payments.assess(d, actor, { pages: num(body.pages), copies: num(body.copies), exemption: reason ? { reason, percent: num(body.exemptionPercent) ?? 100 } : null });
        return renderFeePage(req, reply, d, { message: 'Đã lưu mức phí.' });
      }
      if (body.action === 'cash') {
        const p = await payments.recordCash(d, actor);
        return renderFeePage(req, reply, d, { message: `Đã ghi nhận ${p.amount.toLocaleString('vi-VN')} đồng, biên lai số ${p.receiptNo}.` });
      }
      if (body.action === 'notice') {
        await payments.requestPayment(d, actor);
        return renderFeePage(req, reply, d, { message: 'Đã gửi thông báo nộp phí, lệ phí cho người dân.' });
      }
      throw new ValidationError('Thao tác không hợp lệ.', [{ field: 'action', code: 'invalid', message: 'Thao tác không hợp lệ' }]);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return renderFeePage(req, reply, d, { error: e.message, pages: num(body.pages), copies: num(body.copies) }, 422);
    }
  });

  app.get('/can-bo/ho-so/:code/bien-lai/:id.pdf', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { code, id } = parseInput(z.object({ code: CODE, id: z.string().uuid('Mã biên lai không hợp lệ') }), req.params);
    const d = await dossiers.getForActor(code, actorOf(req));
    return pdf(reply, `bien-lai-${d.code}.pdf`, await receiptPdf(d, id));
  });

  app.get('/can-bo/ho-so/:code/thong-bao-phi.pdf', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, actorOf(req));
    return pdf(reply, `thong-bao-phi-${d.code}.pdf`, await noticePdf(d));
  });

  async function renderRecon(req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: Partial<Parameters<typeof ReconciliationPage>[0]> = {}, status = 200) {
    const r = await payments.reconciliation(staff.unitCode);
    const unit = await units.get(staff.unitCode);
    return html(reply, ReconciliationPage({ csrf: req.csrfToken, nav: staffNav(req, staff, unit.name), lines: r.lines, imports: r.imports, ...extra }), status);
  }

  app.get('/can-bo/doi-soat', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    return renderRecon(req, reply, staff);
  });

  app.post('/can-bo/doi-soat', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    if (!req.isMultipart()) throw new ValidationError('Cần gửi tệp sao kê.', [{ field: 'file', code: 'multipart_required', message: 'Chọn tệp sao kê' }]);
    const mp = await readMultipart(req, STATEMENT_LIMITS);
    checkCsrf(req, mp.fields._csrf ?? '');
    const f = mp.files.find((x) => x.size > 0);
    const file = f ? { name: f.filename, data: await f.read() } : undefined;
    if (!file) return renderRecon(req, reply, staff, { error: 'Chưa chọn tệp sao kê.' }, 422);
    try {
      const report = await payments.importStatement(staff.unitCode, actorOf(req), file);
      return renderRecon(req, reply, staff, { report });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return renderRecon(req, reply, staff, { error: e.message }, 422);
    }
  });

  app.post('/can-bo/doi-soat/:id', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const { id } = parseInput(z.object({ id: z.string().uuid() }), req.params);
    try {
      await payments.resolveLine(staff.unitCode, actorOf(req), id, { dossierCode: body.dossierCode?.trim() || undefined, note: body.note });
      return renderRecon(req, reply, staff, { message: 'Đã xử lý dòng sao kê.' });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return renderRecon(req, reply, staff, { error: e.message }, 422);
    }
  });

  app.post('/api/payments/reconciliation', { schema: { tags: ['Phí, lệ phí'], summary: 'Nhập sao kê ngân hàng (multipart, trường "file": CSV hoặc .xlsx) và đối soát theo mã hồ sơ, số tiền', ...paymentDocs.importBankStatement } }, async (req) => {
    checkApiCsrf(req);
    const actor = actorOf(req);
    if (actor.kind === 'anonymous') throw new UnauthorizedError('Cần đăng nhập tài khoản cán bộ.');
    if (actor.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
    if (!req.isMultipart()) throw new ValidationError('Cần gửi tệp sao kê (multipart/form-data, trường "file").', [{ field: 'file', code: 'multipart_required', message: 'Cần multipart/form-data' }]);
    const f = (await readMultipart(req, STATEMENT_LIMITS)).files.at(-1);
    const file = f ? { name: f.filename, data: await f.read() } : undefined;
    if (!file) throw new ValidationError('Chưa có tệp sao kê.', [{ field: 'file', code: 'file_required', message: 'Chọn tệp sao kê' }]);
    return payments.importStatement(actor.unitCode, actor, file);
  });

  app.get('/api/payments/reconciliation', { schema: { tags: ['Phí, lệ phí'], summary: 'Các khoản sao kê cần người xử lý (không rõ hồ sơ, nộp thiếu, nộp thừa)', ...paymentDocs.listReconciliation } }, async (req) => {
    const actor = actorOf(req);
    if (actor.kind === 'anonymous') throw new UnauthorizedError('Cần đăng nhập tài khoản cán bộ.');
    if (actor.kind !== 'staff') throw new ForbiddenError('Chỉ tài khoản cán bộ được thực hiện thao tác này.', 'staff_only');
    return payments.reconciliation(actor.unitCode);
  });
}
