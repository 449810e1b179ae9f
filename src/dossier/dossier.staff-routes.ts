import '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { VNode } from 'preact';
import type { AccountService, Staff } from '../account';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, file, json, security } from '../shared/openapi';
import { bulkAssignBody, bulkAssignJson, trackingBookJson, worklistJson } from './dossier.openapi';
import { uuidv7 } from '../shared/ids';
import { actorOf, checkApiCsrf, checkCsrf } from '../shared/session';
import { asUpload, readMultipart, type UploadedFile } from '../shared/uploads';
import { apiStaff, pageStaff, staffActor, type StaffActor } from '../staff/staff.guard';
import { rolesWith } from '../shared/staff-menu';
import type { UnitService } from '../unit';
import { ACTION_TYPES, type ActionType } from '../workflow';
import type { DossierForms } from './dossier.forms';
import { PROOF_ROUTE, requireChangeProof } from './dossier.proof';
import type { DossierService, DossierView } from './dossier.service';
import { auditActor } from './dossier.submission';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES, type Actor, type Dossier } from './dossier.types';
import { StaffDossierPage } from './dossier.staff-views';
import { ReceptionPage, TrackingBookPage, WorklistPage } from './dossier.worklist-views';
import { WORKLIST_TABS, type DossierWorkflow, type WorkItem, type WorklistQuery } from './dossier.workflow';

export interface StaffRoutesDeps {
  dossiers: DossierService;
  workflow: DossierWorkflow;
  forms: DossierForms;
  accounts: AccountService;
  catalog: CatalogService;
  units: UnitService;
  audit: AuditService;
  publicUrl: string;
  /** The fee still due on a dossier (payment module), to fill in the payment request. */
  feeDue?: (d: Dossier) => Promise<number>;
  /** A small box shown above the worklist (the official's targets, from the performance module). */
  worklistBox?: (staff: Staff) => Promise<VNode | null>;
  /** The home visit a dossier was received on (home-visit module): its date and page. */
  homeVisitOf?: (dossierCode: string) => Promise<{ date: string; href: string } | undefined>;
  /** A dossier submitted in the assistant's chat (chatform module): its channel's name and the conversation. */
  chatSubmissionOf?: (dossierCode: string) => Promise<{ channelLabel: string; box: VNode } | undefined>;
  /** The linked group a dossier is a part of (linked module): its box, or undefined for a dossier of its own. */
  linkedGroupOf?: (d: Dossier) => Promise<VNode | undefined>;
}

const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');
const refParams = z.object({ code: CODE });
const FORM_FILES = { 'yeu-cau-bo-sung': 'supplement', 'tu-choi': 'refusal', 'xin-loi': 'apology', 'kiem-soat': 'control' } as const;
type FormSlug = keyof typeof FORM_FILES;

const worklistQuery = z.object({
  tab: z.enum(WORKLIST_TABS).optional(),
  q: z.string().trim().max(100).optional(),
  field: z.string().trim().max(100).optional(),
  procedure: z.string().regex(/^\d\.\d{6}$/).optional().or(z.literal('').transform(() => undefined)),
  status: z.enum(DOSSIER_STATUSES).optional().or(z.literal('').transform(() => undefined)),
  channel: z.enum(DOSSIER_CHANNELS).optional().or(z.literal('').transform(() => undefined)),
  unit: z.string().regex(/^\d{2,5}$/).optional().or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Form fields (urlencoded or multipart) → the action's input. */
export function formToInput(type: string, f: Record<string, unknown>): { type: string } & Record<string, unknown> {
  const one = (k: string): string | undefined => {
    const v = f[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s : undefined;
  };
  const input: { type: string } & Record<string, unknown> = { type };
  for (const k of ['comment', 'reason', 'message', 'note', 'assignee', 'to', 'proposal', 'method', 'trackingNumber', 'receiverName', 'receiptNo', 'newDueAt']) {
    const v = one(k);
    if (v !== undefined) input[k] = v;
  }
  if (type === 'request_supplement') {
    const items = f.items;
    input.items = (Array.isArray(items) ? items.map(String) : String(items ?? '').split(/\r?\n/)).map((s) => s.trim()).filter(Boolean);
  }
  const amount = one('amount');
  if (amount !== undefined) input.amount = Number(amount.replace(/[.\s]/g, ''));
  return input;
}

function vnToday(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export async function dossierStaffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): Promise<void> {
  const { dossiers, workflow: wf, forms, accounts, catalog, units, audit } = deps;

  /** Every look at personal data by an official is on record. */
  const viewed = (actor: Actor, d: Dossier, what: string) =>
    audit.record({ actor: auditActor(actor), unitCode: d.unitCode, action: 'dossier.view', targetKind: 'dossier', targetId: d.code ?? d.id, data: { what } });

  const worklistOf = async (actor: StaffActor, q: z.infer<typeof worklistQuery>) => {
    const limit = q.limit ?? 50;
    const page = q.page ?? 1;
    const query: WorklistQuery = { tab: q.tab ?? (actor.role === 'supervisor' ? 'all' : 'mine'), q: q.q || undefined, field: q.field || undefined, procedure: q.procedure, status: q.status, channel: q.channel, unit: q.unit, limit, offset: (page - 1) * limit };
    const r = await wf.worklist(actor, query);
    await audit.record({
      actor: auditActor(actor),
      unitCode: actor.unitCode,
      action: 'worklist.view',
      targetKind: 'worklist',
      targetId: query.tab!,
      data: { units: r.units, q: query.q ?? null, shown: r.items.map((d) => d.code) },
    });
    return { ...r, query, page, limit };
  };

  const itemJson = (d: WorkItem) => ({
    code: d.code,
    unit: d.unitCode,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    field: d.field,
    status: d.status,
    channel: d.channel,
    applicant: { fullName: d.applicant.fullName, phone: d.applicant.phone },
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    rescheduledDueAt: d.rescheduledDueAt,
    step: d.stepName,
    assignee: d.assigneeName,
    flag: d.flag || null,
    workingMsLeft: d.leftMs,
  });

  // ------------------------------------------------------------------ pages

  const assigners = ['leader', 'receptionist'];

  app.get('/can-bo', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const actor = staffActor(staff);
    const q = parseInput(worklistQuery, req.query);
    const r = await worklistOf(actor, q);
    const unit = await units.get(staff.unitCode);
    const scopeUnits = staff.role === 'supervisor' ? (await Promise.all(r.units.map((c) => units.find(c)))).filter((u) => !!u) : [unit];
    const cat = await Promise.all(scopeUnits.map((u) => catalog.search(u.code, { limit: 10_000 }).catch(() => ({ items: [] as Array<{ code: string; name: string; field: string }> }))));
    const procs = new Map(cat.flatMap((c) => c.items.map((x) => [x.code, { code: x.code, name: x.name, field: x.field }] as const)));
    const specialists = (await accounts.listStaff([staff.unitCode])).filter((s) => s.role === 'specialist' && s.active !== false);
    const ok = Number((req.query as Record<string, string>).da_phan_cong ?? NaN);
    const failed = Number((req.query as Record<string, string>).loi ?? 0);
    return html(
      reply,
      WorklistPage({
        csrf: req.csrfToken,
        staff,
        unit,
        tab: r.query.tab!,
        counts: r.counts,
        countsOver: r.countsOver,
        items: r.items,
        total: r.total,
        totalOver: r.totalOver,
        query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])),
        fields: [...new Set([...procs.values()].map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi')),
        procedures: [...procs.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        specialists: specialists.map((s) => ({ username: s.username, fullName: s.fields.length ? `${s.fullName} (${s.fields.join(', ')})` : s.fullName })),
        units: scopeUnits,
        canBulkAssign: assigners.includes(staff.role) && specialists.length > 0,
        page: r.page,
        pageSize: r.limit,
        message: Number.isFinite(ok) ? `Đã phân công ${ok} hồ sơ${failed ? `; ${failed} hồ sơ không phân công được (xem trạng thái từng hồ sơ)` : ''}.` : undefined,
        bulkKey: uuidv7(),
        aside: deps.worklistBox ? await deps.worklistBox(staff) : null,
      }),
    );
  });

  app.post('/can-bo/phan-cong', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, body._csrf);
    const codes = (Array.isArray(body.codes) ? body.codes : body.codes ? [body.codes] : []).map(String).filter((c) => CODE.safeParse(c).success);
    if (!codes.length) return reply.redirect('/can-bo?da_phan_cong=0', 303);
    const results = await wf.bulkAssign(codes, String(body.assignee ?? ''), staffActor(staff), typeof body.idempotencyKey === 'string' ? body.idempotencyKey : undefined);
    const ok = results.filter((r) => r.ok).length;
    return reply.redirect(`/can-bo?da_phan_cong=${ok}&loi=${results.length - ok}`, 303);
  });

  app.get('/can-bo/tiep-nhan-tai-quay', async (req, reply) => {
    const staff = pageStaff(req, reply, rolesWith('counter'));
    if (!staff) return reply;
    const { items } = await catalog.search(staff.unitCode, { limit: 10_000 });
    return html(reply, ReceptionPage({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode), procedures: items.map((s) => ({ code: s.code, name: s.name })) }));
  });

  async function dossierPage(req: FastifyRequest, reply: FastifyReply, staff: Staff, d: Dossier, o: { message?: string; error?: string; status?: number } = {}) {
    const actor = staffActor(staff);
    const v = await dossiers.view(d);
    const process = await wf.processOf(d);
    const steps = process?.steps ?? [];
    const unitStaff = (await accounts.listStaff([d.unitCode])).filter((s) => s.active !== false);
    const examineRole = steps.find((s) => s.kind === 'examine')?.role ?? 'specialist';
    const field = (await catalog.findProcedure(d.procedureCode))?.field;
    const next = steps[d.stepNo + 1];
    const actions = v.history.map((h) => h.action);
    const base = `/can-bo/ho-so/${d.code}/phieu`;
    const formLinks: Array<{ href: string; label: string }> = [];
    if (d.code) formLinks.push({ href: `/can-bo/ho-so/${d.code}/giay-hen.pdf`, label: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)' });
    if (actions.includes('request_supplement')) formLinks.push({ href: `${base}/yeu-cau-bo-sung.pdf`, label: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)' });
    if (actions.includes('refuse') || actions.includes('reject')) formLinks.push({ href: `${base}/tu-choi.pdf`, label: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)' });
    const draft = await wf.apologyDraft(d);
    if (actions.includes('apologize') || draft) formLinks.push({ href: `${base}/xin-loi.pdf`, label: `Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)${actions.includes('apologize') ? '' : ' — dự thảo chờ ký'}` });
    if (d.receivedAt) formLinks.push({ href: `${base}/kiem-soat.pdf`, label: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)' });
    const assignee = d.assigneeId ? unitStaff.find((s) => s.id === d.assigneeId) : undefined;
    const allowed = await wf.allowedFor(d, actor);
    return html(
      reply,
      StaffDossierPage({
        csrf: req.csrfToken,
        staff,
        unit: await units.get(staff.unitCode),
        dossierUnit: await units.get(d.unitCode),
        d: v as DossierView,
        process,
        eform: (await dossiers.formFor(d.unitCode, d.procedureCode).catch(() => undefined))?.eform ?? { title: '', sections: [] },
        steps: await wf.stepRecords(d),
        allowed,
        // Specialists of the procedure's field first (chuyên viên phụ trách lĩnh vực).
        specialists: unitStaff
          .filter((s) => s.role === examineRole)
          .map((s) => ({ s, own: !!field && s.fields.includes(field) }))
          .sort((a, b) => Number(b.own) - Number(a.own) || a.s.fullName.localeCompare(b.s.fullName, 'vi'))
          .map(({ s }) => ({ username: s.username, fullName: s.fields.length ? `${s.fullName} (${s.fields.join(', ')})` : s.fullName })),
        forwardTo: next ? unitStaff.filter((s) => s.role === next.role).map((s) => ({ username: s.username, fullName: s.fullName })) : [],
        apologyDraft: draft,
        forms: formLinks,
        late: wf.lateOrAtRisk(d),
        message: o.message,
        error: o.error,
        actionKey: uuidv7(),
        assigneeName: assignee?.fullName,
        feeDue: allowed.includes('request_payment') ? await deps.feeDue?.(d) : undefined,
        homeVisit: d.channel === 'home' && d.code ? await deps.homeVisitOf?.(d.code) : undefined,
        chat: d.channel === 'online' && d.code ? await deps.chatSubmissionOf?.(d.code) : undefined,
        linkedGroup: d.code ? await deps.linkedGroupOf?.(d) : undefined,
      }),
      o.status ?? 200,
    );
  }

  app.get('/can-bo/ho-so/:code', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(refParams, req.params);
    const d = await dossiers.getForActor(code, staffActor(staff));
    await viewed(staffActor(staff), d, 'page');
    const q = req.query as Record<string, string>;
    const message = q.moi ? `Đã tiếp nhận hồ sơ ${d.code}. In giấy hẹn cho người dân.` : q.da ? `Đã thực hiện: ${ACTION_DONE[q.da] ?? q.da}.` : undefined;
    return dossierPage(req, reply, staff, d, { message });
  });

  app.post('/can-bo/ho-so/:code/thao-tac', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(refParams, req.params);
    let fields: Record<string, unknown>;
    let files: UploadedFile[] = [];
    if (req.isMultipart()) {
      const mp = await readMultipart(req);
      fields = mp.fields;
      files = mp.files;
    } else fields = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, fields._csrf);
    const actor = staffActor(staff);
    const d = await dossiers.getForActor(code, actor);
    const type = String(fields.type ?? '');
    try {
      if (!(ACTION_TYPES as readonly string[]).includes(type)) throw new ValidationError('Thao tác không hợp lệ.', [{ field: 'type', code: 'invalid_action', message: 'Thao tác không hợp lệ' }]);
      if (type === 'supplement') {
        const allowed = await wf.allowedFor(d, actor);
        if (allowed.includes('supplement')) for (const f of files) await dossiers.addAttachment(d, 'khac', await asUpload(f));
      }
      await wf.act(d, actor, formToInput(type, fields), {
        key: typeof fields.idempotencyKey === 'string' && fields.idempotencyKey ? fields.idempotencyKey : undefined,
        file: type === 'mark_result_ready' && files[0] ? await asUpload(files[0]) : undefined,
      });
      return reply.redirect(`/can-bo/ho-so/${d.code}?da=${type}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError || e instanceof ForbiddenError) throw e;
      const msg = e instanceof ValidationError && e.fields.length ? `${e.message} ${e.fields.map((f) => f.message).join('; ')}` : e.message;
      const fresh = await dossiers.getForActor(code, actor);
      return dossierPage(req, reply, staff, fresh, { error: msg, status: e instanceof ValidationError ? 422 : 409 });
    }
  });

  app.get('/can-bo/ho-so/:code/phieu/:file', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { code, file } = parseInput(z.object({ code: CODE, file: z.string().regex(/^[a-z-]+\.pdf$/) }), req.params);
    const slug = file.replace(/\.pdf$/, '') as FormSlug;
    if (!(slug in FORM_FILES)) throw new NotFoundError();
    const actor = staffActor(staff);
    const d = await dossiers.getForActor(code, actor);
    const pdf = await formPdf(d, FORM_FILES[slug]);
    await viewed(actor, d, `form:${slug}`);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${slug}-${d.code}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
  });

  const formPdf = (d: Dossier, form: (typeof FORM_FILES)[FormSlug]) =>
    form === 'supplement' ? forms.supplementRequest(d) : form === 'refusal' ? forms.refusal(d) : form === 'apology' ? forms.apology(d) : forms.controlSheet(d);

  const bookQuery = z.object({
    tu: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD').optional(),
    den: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD').optional(),
    unit: z.string().regex(/^\d{2,5}$/).optional().or(z.literal('').transform(() => undefined)),
  });
  const bookUnits = async (actor: StaffActor, unit?: string) => {
    const visible = await dossiers.visibleUnits(actor);
    if (unit && !visible.includes(unit)) throw new NotFoundError('Không tìm thấy đơn vị.', 'unit_not_found');
    return [unit ?? (actor.role === 'supervisor' ? (visible[1] ?? visible[0]!) : actor.unitCode)];
  };
  const period = (q: z.infer<typeof bookQuery>) => {
    const from = q.tu ?? `${vnToday().slice(0, 8)}01`;
    const to = q.den ?? vnToday();
    if (to < from) throw new ValidationError('Ngày kết thúc phải sau ngày bắt đầu.', [{ field: 'den', code: 'invalid_period', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
    return { from, to };
  };

  app.get('/can-bo/so-theo-doi', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(bookQuery, req.query);
    const { from, to } = period(q);
    const visible = await dossiers.visibleUnits(staffActor(staff));
    const list = (await Promise.all(visible.map((c) => units.find(c)))).filter((u) => !!u);
    return html(reply, TrackingBookPage({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode), from, to, units: list.length > 1 ? list : [], selectedUnit: q.unit }));
  });

  app.get('/can-bo/so-theo-doi.:fmt', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { fmt } = parseInput(z.object({ fmt: z.enum(['pdf', 'xlsx']) }), req.params);
    return sendBook(reply, staffActor(staff), parseInput(bookQuery, req.query), fmt);
  });

  async function sendBook(reply: FastifyReply, actor: StaffActor, q: z.infer<typeof bookQuery>, fmt: 'pdf' | 'xlsx' | 'json') {
    const { from, to } = period(q);
    const unitCodes = await bookUnits(actor, q.unit);
    await audit.record({ actor: auditActor(actor), unitCode: unitCodes[0], action: 'report.tracking_book', targetKind: 'report', targetId: `${unitCodes[0]}:${from}:${to}`, data: { format: fmt } });
    if (fmt === 'json') return reply.send(await forms.trackingBookVm(unitCodes, from, to));
    const name = `so-theo-doi-${unitCodes[0]}-${from}-${to}.${fmt}`;
    if (fmt === 'pdf') return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'private, no-store').send(await forms.trackingBookPdf(unitCodes, from, to));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(await forms.trackingBookXlsx(unitCodes, from, to));
  }

  // ------------------------------------------------------------------ the applicant, from the tracking page

  const proofQuery = z.object({ t: z.string().max(40).optional(), phone: z.string().max(20).optional() });
  async function citizenAction(req: FastifyRequest, reply: FastifyReply, type: 'supplement' | 'withdraw') {
    const { code } = parseInput(refParams, req.params);
    const proof = parseInput(proofQuery, req.query);
    const actor = actorOf(req);
    const d = await dossiers.getForActor(code, actor, { token: proof.t, phone: proof.phone });
    await requireChangeProof(req, d, { dossiers, accounts }, { token: proof.t });
    let fields: Record<string, unknown>;
    let files: UploadedFile[] = [];
    if (req.isMultipart()) {
      const mp = await readMultipart(req);
      fields = mp.fields;
      files = mp.files;
    } else fields = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, fields._csrf);
    const back = `/ho-so/${d.code}?t=${dossiers.token(d.code!)}`;
    try {
      if (type === 'supplement') {
        if (!(await wf.allowedFor(d, actor, true)).includes('supplement')) {
          await wf.act(d, actor, { type }, { owner: true }); // throws the reason
        }
        const component = typeof fields.component === 'string' && fields.component ? fields.component : 'khac';
        for (const f of files) await dossiers.addAttachment(d, component, await asUpload(f));
      }
      await wf.act(d, actor, formToInput(type, fields), { owner: true, key: typeof fields.idempotencyKey === 'string' ? fields.idempotencyKey : undefined });
      return reply.redirect(`${back}&da=${type}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      const msg = e instanceof ValidationError && e.fields.length ? `${e.message} ${e.fields.map((f) => f.message).join('; ')}` : e.message;
      return reply.redirect(`${back}&loi=${encodeURIComponent(msg)}`, 303);
    }
  }
  app.post('/ho-so/:code/bo-sung', PROOF_ROUTE, async (req, reply) => citizenAction(req, reply, 'supplement'));
  app.post('/ho-so/:code/rut', PROOF_ROUTE, async (req, reply) => citizenAction(req, reply, 'withdraw'));

  // ------------------------------------------------------------------ JSON API

  app.get(
    '/api/worklist',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Danh sách hồ sơ của cán bộ: các nhóm (mine, new, due_today, due_soon, overdue, waiting, all, closed) kèm số lượng, bộ lọc và tìm kiếm',
        operationId: 'getWorklist',
        security: security.staff,
        querystring: docSchema(worklistQuery),
        response: { 200: json(worklistJson, 'Một trang hồ sơ của nhóm và số lượng mỗi nhóm'), ...errors(400, 403) },
      },
    },
    async (req) => {
      const { actor } = apiStaff(req);
      const r = await worklistOf(actor, parseInput(worklistQuery, req.query));
      return { tab: r.query.tab, total: r.total, totalOver: r.totalOver, counts: r.counts, countsOver: r.countsOver, page: r.page, items: r.items.map(itemJson) };
    },
  );

  app.post(
    '/api/worklist/assign',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Phân công hàng loạt: mỗi hồ sơ là một thao tác assign (kết quả từng hồ sơ)',
        operationId: 'assignDossiers',
        security: security.staff,
        body: body({ json: bulkAssignBody }),
        response: { 200: json(bulkAssignJson, 'Kết quả của từng hồ sơ'), ...errors(400, 403) },
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { actor } = apiStaff(req);
      const body = parseInput(z.object({ codes: z.array(CODE).min(1, 'Chọn ít nhất một hồ sơ').max(200, 'Tối đa 200 hồ sơ mỗi lần'), assignee: z.string().min(1, 'Cần tên đăng nhập của chuyên viên'), idempotencyKey: z.string().max(150).optional() }), req.body ?? {});
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : body.idempotencyKey;
      return { results: await wf.bulkAssign(body.codes, body.assignee, actor, key) };
    },
  );

  app.get(
    '/api/dossiers/:code/forms/:form',
    {
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Mẫu phiếu của hồ sơ (PDF): yeu-cau-bo-sung, tu-choi, xin-loi, kiem-soat',
        operationId: 'getDossierFormPdf',
        security: security.staff,
        response: { 200: file('Phiếu (PDF)', 'application/pdf'), ...errors(400, 403, 404) },
      },
    },
    async (req, reply) => {
    const { actor } = apiStaff(req);
    const { code, form } = parseInput(z.object({ code: CODE, form: z.enum(Object.keys(FORM_FILES) as [FormSlug, ...FormSlug[]]) }), req.params);
    const d = await dossiers.getForActor(code, actor);
    const pdf = await formPdf(d, FORM_FILES[form]);
    await viewed(actor, d, `form:${form}`);
    return reply.type('application/pdf').header('cache-control', 'private, no-store').send(pdf);
    },
  );

  app.get(
    '/api/reports/tracking-book',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Sổ theo dõi hồ sơ (mẫu 06) của một kỳ: JSON, PDF hoặc Excel',
        operationId: 'getTrackingBook',
        security: security.staff,
        response: {
          200: {
            description: 'Sổ theo dõi: JSON (format=json), PDF hoặc Excel',
            content: {
              'application/json': { schema: docSchema(trackingBookJson, 'output') },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errors(400, 403, 404),
        },
        querystring: docSchema(z.object({ from: z.string().optional(), to: z.string().optional(), unit: z.string().optional(), format: z.enum(['json', 'pdf', 'xlsx']).optional() })),
      },
    },
    async (req, reply) => {
      const { actor } = apiStaff(req);
      const q = parseInput(z.object({ from: z.string().optional(), to: z.string().optional(), unit: z.string().optional(), format: z.enum(['json', 'pdf', 'xlsx']).default('json') }), req.query);
      return sendBook(reply, actor, parseInput(bookQuery, { tu: q.from, den: q.to, unit: q.unit }), q.format);
    },
  );
}

const ACTION_DONE: Record<string, string> = {
  accept: 'tiếp nhận hồ sơ',
  refuse: 'từ chối tiếp nhận',
  request_supplement: 'gửi yêu cầu bổ sung',
  supplement: 'ghi nhận bổ sung',
  forward: 'chuyển hồ sơ',
  assign: 'phân công',
  propose_result: 'trình kết quả',
  approve: 'phê duyệt',
  send_back: 'trả lại để xử lý lại',
  reject: 'từ chối giải quyết',
  request_payment: 'yêu cầu nộp phí, lệ phí',
  confirm_payment: 'xác nhận đã nộp phí',
  mark_result_ready: 'ghi nhận có kết quả',
  return_result: 'trả kết quả',
  withdraw: 'rút hồ sơ',
  stop: 'dừng xử lý',
  apologize: 'gửi phiếu xin lỗi và hẹn lại',
};

export type { ActionType };
