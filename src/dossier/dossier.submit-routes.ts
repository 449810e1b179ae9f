import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../account';
import type { CatalogService } from '../catalog';
import { eformFor, parseCccdQr } from '../eform';
import { postalAddressProblem } from '../shared/address';
import { DomainError, NotFoundError, ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { normalizePhone } from '../shared/phone';
import { actorOf, checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can, type Permission } from '../shared/staff-menu';
import { asUpload, readMultipart, type UploadedFile } from '../shared/uploads';
import { ForbiddenError } from '../shared/errors';
import type { PaymentHooks } from '../payment';
import { problemOf, type DossierDrafts } from './dossier.drafts';
import type { DossierService } from './dossier.service';
import { DraftPhonePage, DraftSavedPage, SubmitPage } from './dossier.submit-views';
import type { Dossier, DossierFile } from './dossier.types';
import type { PaperHolder, StoredPapers } from './dossier.papers';
import type { CounterStoreState } from './dossier.stored-views';
import type { FormError } from './dossier.views';

/**
 * A reception at the citizen's home, on a planned visit of the unit's support team (the home-visit
 * module, passed in by app.ts): the counter form opened from the visit (`?chuyen=<visit id>`) is
 * filled with the visit's applicant, its channel is `home`, and the dossier is linked to the visit.
 */
export interface HomeReception {
  /** The visit's applicant and a line for the form; throws (404/403/409) when the official may not receive on it. */
  open(unitCode: string, staffId: string, visitId: string): Promise<{ procedureCode: string; applicant: { fullName: string; phone: string; address: string }; label: string }>;
  /** The dossier received on that visit: the visit records it. */
  received(unitCode: string, staffId: string, visitId: string, dossierCode: string): Promise<void>;
}

export interface SubmitRoutesDeps {
  dossiers: DossierService;
  drafts: DossierDrafts;
  accounts: AccountService;
  catalog: CatalogService;
  requirePhoneVerification: boolean;
  payments?: PaymentHooks;
  signInLimit: object;
  homeReception?: HomeReception;
  /** The citizen's document store (docstore module): "dùng giấy tờ đã có" instead of an upload. */
  storedPapers?: StoredPapers;
}

function errorsOf(e: unknown): FormError[] | undefined {
  if (e instanceof ValidationError) return e.fields.length ? e.fields : [{ field: '', code: e.code, message: e.message }];
  if (e instanceof DomainError && !(e instanceof NotFoundError)) return [{ field: '', code: e.code, message: e.message }];
  return undefined;
}

const submitParams = z.object({ unit: z.string().regex(/^\d{2,5}$/), code: z.string().regex(/^\d\.\d{6}$/) });
const VISIT = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã chuyến đến nhà không hợp lệ');
const draftQuery = z.object({ 'ban-nhap': z.string().max(40).optional(), t: z.string().max(40).optional(), 'truong-hop': z.string().max(60).optional(), chon: z.string().max(5).optional() });

/**
 * The online form and the counter's reception form. Whatever is typed and uploaded is saved in a
 * draft before anything is checked, so an error never loses an upload; the form then shows every
 * problem at once, and the papers already attached by name.
 */
export async function submitRoutes(app: FastifyInstance, deps: SubmitRoutesDeps): Promise<void> {
  const { dossiers, drafts, catalog, accounts } = deps;
  const trackPath = (code: string) => `/ho-so/${code}?t=${dossiers.token(code)}`;

  /** The home visit the counter form was opened from (`?chuyen=`), checked for this official. */
  async function visitOf(req: FastifyRequest, unitCode: string, procedureCode: string, counter: boolean) {
    const raw = (req.query as Record<string, unknown>).chuyen;
    if (!counter || raw === undefined || raw === '' || !deps.homeReception || req.principal?.kind !== 'staff') return undefined;
    const id = parseInput(VISIT, raw);
    const v = await deps.homeReception.open(unitCode, req.principal.staff.id, id);
    if (v.procedureCode !== procedureCode) throw new ValidationError('Thủ tục không đúng với đề nghị hỗ trợ tại nhà.', [{ field: 'thu_tuc', code: 'wrong_procedure', message: 'Thủ tục không đúng với đề nghị hỗ trợ tại nhà' }]);
    return { id, ...v };
  }

  /**
   * Whose stored papers the form may offer: the signed-in citizen's own (online), or at the counter
   * the applicant's once they consented by a one-time code for this very draft.
   */
  async function storeOf(req: FastifyRequest, counter: boolean, draft: Dossier | undefined, state: CounterStoreState = {}): Promise<{ holder?: PaperHolder; state: CounterStoreState }> {
    const p = req.principal;
    if (!deps.storedPapers) return { state };
    if (!counter) return p?.kind === 'citizen' ? { holder: { kind: 'citizen', citizenId: p.citizen.id, phone: p.citizen.phone }, state } : { state };
    if (p?.kind !== 'staff' || !draft || !state.consentId) return { state };
    const c = await deps.storedPapers.consent({ id: p.staff.id, unitCode: p.staff.unitCode }, state.consentId, draft.id, draft.applicant.phone);
    return c ? { holder: c.holder, state: { consentId: state.consentId, citizenName: c.citizenName } } : { state: {} };
  }

  async function renderSubmit(
    req: FastifyRequest,
    reply: FastifyReply,
    o: { unit: string; code: string; counter: boolean; values?: Record<string, unknown>; applicant?: Record<string, string>; caseId?: string; errors?: FormError[]; status?: number; draft?: Dossier; step?: boolean; caseError?: string; store?: CounterStoreState },
  ) {
    const { unit, procedure } = await catalog.getUnitProcedure(o.unit, o.code);
    const form = await dossiers.formFor(o.unit, o.code);
    const p = req.principal;
    const homeHref = `/dv/${o.unit}`;
    const visit = await visitOf(req, o.unit, o.code, o.counter);
    const visitQuery = visit ? `&kenh=home&chuyen=${visit.id}` : '';
    const action = o.counter ? `/can-bo/tiep-nhan?thu_tuc=${o.code}${visitQuery}` : `/p/${o.unit}/${o.code}/nop-truc-tuyen`;
    const applicant = o.applicant ?? (visit ? visit.applicant : undefined) ?? (p?.kind === 'citizen' ? { fullName: p.citizen.fullName, phone: p.citizen.phone, idNumber: p.citizen.idNumber, email: p.citizen.email, address: p.citizen.address } : {});
    const attached: Record<string, DossierFile[]> = {};
    for (const f of o.draft ? await drafts.filesOf(o.draft) : []) (attached[f.component] ??= []).push(f);
    const store = await storeOf(req, o.counter, o.draft, o.store);
    const stored = store.holder ? await deps.storedPapers!.offers(store.holder, o.code, form.cases.filter((g) => g.kind !== 'show').flatMap((g) => g.components)) : undefined;
    return html(
      reply,
      SubmitPage({
        unit,
        procedure,
        form,
        eform: form.eform,
        action,
        csrf: req.csrfToken,
        values: o.values ?? {},
        applicant,
        caseId: o.caseId,
        channel: visit || o.draft?.channel === 'home' || (req.query as Record<string, unknown>).kenh === 'home' ? 'home' : o.draft?.channel === 'post' ? 'post' : undefined,
        homeVisit: visit?.label,
        caseStep: o.step && form.cases.some((g) => g.kind === 'case') ? { action: o.counter ? '/can-bo/tiep-nhan' : action, hidden: o.counter ? { thu_tuc: o.code, ...(visit ? { kenh: 'home', chuyen: visit.id } : {}) } : {}, error: o.caseError } : undefined,
        errors: o.errors ?? [],
        draftDays: drafts.ttlDays,
        draft: o.draft ? { id: o.draft.id, token: drafts.token(o.draft.id), expiresAt: o.draft.expiresAt } : undefined,
        attached,
        signInHref: !o.counter && !p && deps.requirePhoneVerification ? `/dang-nhap?next=${encodeURIComponent(`/p/${o.unit}/${o.code}/nop-truc-tuyen`)}` : undefined,
        counter: o.counter,
        staffNav: o.counter && p?.kind === 'staff' ? staffNav(req, p.staff, unit.name) : undefined,
        homeHref,
        fee: await deps.payments?.submitNote(o.unit, o.code, o.counter ? 'in_person' : 'online'),
        stored,
        counterStore: o.counter && deps.storedPapers ? store.state : undefined,
      }),
      o.status ?? (o.caseError ? 422 : 200),
    );
  }

  /** The form's first page: a draft to continue, or a chosen case, or the case step. */
  async function showForm(req: FastifyRequest, reply: FastifyReply, unit: string, code: string, counter: boolean) {
    const q = parseInput(draftQuery, req.query);
    if (q['ban-nhap']) {
      const d = await drafts.open(q['ban-nhap'], actorOf(req), q.t);
      if (d.unitCode !== unit || d.procedureCode !== code) throw new NotFoundError('Bản nháp không thuộc thủ tục này.', 'draft_not_found');
      return renderSubmit(req, reply, {
        unit,
        code,
        counter,
        values: d.formData,
        applicant: { ...d.applicant, delivery: d.delivery.method ?? 'counter', deliveryAddress: d.delivery.address ?? '' } as Record<string, string>,
        caseId: d.caseId ?? '',
        draft: d,
      });
    }
    const form = await dossiers.formFor(unit, code);
    const chosen = q['truong-hop'];
    const caseError = 'Chọn trường hợp của bạn (hoặc "Không thuộc trường hợp riêng nào").';
    if (chosen === undefined) return renderSubmit(req, reply, { unit, code, counter, step: true, caseId: form.cases.some((g) => g.kind === 'case') ? undefined : '', caseError: q.chon ? caseError : undefined });
    if (chosen === 'khong') return renderSubmit(req, reply, { unit, code, counter, caseId: '' });
    if (form.cases.some((g) => g.kind === 'case' && g.id === chosen)) return renderSubmit(req, reply, { unit, code, counter, caseId: chosen });
    return renderSubmit(req, reply, { unit, code, counter, step: true, caseError });
  }

  /** The counter's consent steps: send the code to the applicant's phone, then check the code they read out. */
  async function counterConsent(fields: Record<string, string>, actor: ReturnType<typeof actorOf>, phone: string, draft: Dossier): Promise<CounterStoreState> {
    if (!deps.storedPapers || actor.kind !== 'staff') return {};
    const staff = { id: actor.id, name: actor.name, unitCode: actor.unitCode };
    try {
      if (fields.action === 'kho-gui-ma') {
        const r = await deps.storedPapers.askConsent(staff, phone);
        return { codeSent: true, demoCode: r.demoCode };
      }
      if (fields.action === 'kho-xac-nhan') {
        const g = await deps.storedPapers.grantConsent(staff, phone, fields.kho_ma ?? '', draft.id);
        return { consentId: g.consentId, citizenName: g.citizenName };
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { codeSent: fields.action === 'kho-xac-nhan', error: e.message };
    }
    return fields.kho_consent ? { consentId: fields.kho_consent } : {};
  }

  /** Papers chosen from the store ("kho:<component>"), attached to the draft like uploads; a file chosen too wins. */
  async function useStoredPapers(req: FastifyRequest, counter: boolean, fields: Record<string, string>, draft: Dossier, state: CounterStoreState, uploaded: Set<string>, problems: FormError[]) {
    const chosen = Object.entries(fields).filter(([k, v]) => k.startsWith('kho:') && v && !uploaded.has(k.slice(4)));
    if (!chosen.length || !deps.storedPapers) return;
    const { holder } = await storeOf(req, counter, draft, state);
    if (!holder) {
      problems.push({ field: '', code: 'consent_required', message: counter ? 'Cần người dân đồng ý (mã xác nhận gửi tới số điện thoại của người nộp ghi trong hồ sơ) trước khi dùng giấy tờ trong kho của họ.' : 'Cần đăng nhập để dùng giấy tờ trong kho của bạn.' });
      return;
    }
    const uses: Array<{ paperId: string; component: string }> = [];
    for (const [k, paperId] of chosen) {
      const component = k.slice(4);
      try {
        await drafts.replaceFiles(draft, component, [await deps.storedPapers.take(holder, paperId)]);
        uses.push({ paperId, component });
      } catch (e) {
        const p = problemOf(e, `attachments.${component}`);
        if (!p) throw e;
        problems.push(p);
      }
    }
    const p = req.principal;
    await deps.storedPapers.recordUse(holder, draft.id, uses, p?.kind === 'staff' ? p.staff.fullName : p?.kind === 'citizen' ? p.citizen.fullName || p.citizen.phone : '');
  }

  /** Web form post: applicant, case, e-form fields and files in one multipart body. */
  async function handleFormPost(req: FastifyRequest, reply: FastifyReply, unitCode: string, procCode: string, counter: boolean) {
    const { fields, files } = await readMultipart(req);
    checkCsrf(req, fields._csrf);
    const actor = actorOf(req);
    const visit = await visitOf(req, unitCode, procCode, counter);
    const procedure = (await catalog.getUnitProcedure(unitCode, procCode)).procedure;
    const form = await dossiers.formFor(unitCode, procCode);
    const eform = await dossiers.eformOf(unitCode, procCode).catch(() => eformFor(procedure));
    const ids = new Set(eform.sections.flatMap((s) => s.fields.map((f) => f.id)));
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (ids.has(k)) values[k] = v;
    const applicant: Record<string, string> = {
      fullName: fields['applicant.fullName'] ?? '',
      phone: fields['applicant.phone'] ?? '',
      idNumber: fields['applicant.idNumber'] ?? '',
      email: fields['applicant.email'] ?? '',
      address: fields['applicant.address'] ?? '',
      cccd: fields.cccd ?? '',
      delivery: fields.delivery ?? 'counter',
      deliveryAddress: fields.deliveryAddress ?? '',
    };
    const problems: FormError[] = [];
    const asked = fields.case ?? '';
    const caseId = asked && form.cases.some((g) => g.kind === 'case' && g.id === asked) ? asked : null;
    if (asked && !caseId) problems.push({ field: 'case', code: 'invalid_case', message: 'Trường hợp đã chọn không có trong thủ tục. Xin chọn lại.' });
    // With JavaScript the form is shown before any case is chosen: no radio sent means none chosen yet.
    const chosenCase = fields.case !== undefined || !form.cases.some((g) => g.kind === 'case');

    let draft: Dossier | undefined;
    if (fields.draft) {
      try {
        draft = await drafts.open(fields.draft, actor, fields.draftToken);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        problems.push({ field: '', code: 'draft_not_found', message: 'Bản nháp cũ không còn (đã hết hạn); các giấy tờ đã đính kèm trước đây cần chọn lại.' });
      }
    }
    if (fields.action === 'cccd') {
      const r = parseCccdQr(applicant.cccd ?? '');
      if (r.ok) Object.assign(applicant, { fullName: r.value.fullName, idNumber: r.value.idNumber, address: r.value.address });
      else problems.push(...r.errors.map((e) => ({ ...e, field: 'cccd' })));
    }
    // Everything typed and uploaded is kept first: no error below loses a file (issue 9).
    const delivery: Dossier['delivery'] = applicant.delivery === 'post' ? { method: 'post', address: applicant.deliveryAddress } : { method: 'counter' };
    const channel = counter ? (visit || fields.channel === 'home' ? 'home' : fields.channel === 'post' ? 'post' : 'in_person') : 'online';
    draft = await drafts.save(draft, { unitCode, procedureCode: procCode, channel, caseId, applicant, formData: values, delivery }, actor);
    const byComponent = new Map<string, UploadedFile[]>();
    for (const f of files) {
      const component = f.field.startsWith('file:') ? f.field.slice(5) : 'khac';
      byComponent.set(component, [...(byComponent.get(component) ?? []), f]);
    }
    for (const [component, ups] of byComponent) {
      try {
        await drafts.replaceFiles(draft, component, await Promise.all(ups.map(asUpload)));
      } catch (e) {
        const p = problemOf(e, `attachments.${component}`);
        if (!p) throw e;
        problems.push(p);
      }
    }
    const storeState = await counterConsent(fields, actor, applicant.phone ?? '', draft);
    await useStoredPapers(req, counter, fields, draft, storeState, new Set(byComponent.keys()), problems);
    const saved = draft;
    const again = (errors: FormError[], status = 422) => renderSubmit(req, reply, { unit: unitCode, code: procCode, counter, values, applicant, caseId: caseId ?? (chosenCase ? '' : undefined), errors, status, draft: saved, store: storeState });

    if (fields.action === 'cccd') return again(problems, problems.length ? 422 : 200);
    if (fields.action === 'kho-gui-ma' || fields.action === 'kho-xac-nhan') return again(problems, problems.length || storeState.error ? 422 : 200);
    if (fields.action === 'draft' && !counter) {
      if (problems.length) return again(problems);
      if (actor.kind === 'citizen') {
        try {
          await drafts.keep(draft, actor);
        } catch (e) {
          // Past the citizen's cap of drafts (DRAFT_MAX_OPEN, DRAFT_MAX_MB): said on the form, nothing lost.
          const p = problemOf(e, '');
          if (!p) throw e;
          return again([p]);
        }
        return reply.redirect('/ca-nhan?nhap=1', 303);
      }
      if (!normalizePhone(applicant.phone ?? '')) {
        return again([{ field: 'applicant.phone', code: 'phone_required', message: 'Cần số điện thoại đúng (ví dụ 0912345678) để nhận đường dẫn tiếp tục bản nháp qua tin nhắn.' }]);
      }
      return reply.redirect(`/ban-nhap/${draft.id}/luu?t=${drafts.token(draft.id)}`, 303);
    }

    // Submission: every problem at once, the case, the applicant's, the e-form's and the papers'.
    if (!chosenCase) problems.unshift({ field: 'case', code: 'case_required', message: 'Chọn trường hợp của bạn (hoặc "Không thuộc các trường hợp riêng dưới đây").' });
    problems.push(...dossiers.checkApplicant(applicant).problems);
    if (delivery.method === 'post') {
      const postal = postalAddressProblem(delivery.address);
      if (postal) problems.push({ field: 'delivery.address', code: delivery.address?.trim() ? 'invalid_address' : 'required', message: postal });
    }
    problems.push(...(await dossiers.problemsOf(draft, values)));
    if (problems.length) return again(problems);
    const verified = counter || !!req.principal || !deps.requirePhoneVerification || (!!draft.verifiedPhone && draft.verifiedPhone === draft.applicant.phone);
    if (!verified) return reply.redirect(`/ban-nhap/${draft.id}/nop?t=${drafts.token(draft.id)}`, 303);
    try {
      const done = await dossiers.submit(draft, actor, { formData: values, phoneVerified: true });
      // Received at home on a planned visit: the visit records the dossier (its page shows the code).
      if (visit && actor.kind === 'staff') await deps.homeReception!.received(unitCode, actor.id, visit.id, done.code!);
      return reply.redirect(counter ? `/can-bo/ho-so/${done.code}?moi=1` : `${trackPath(done.code!)}&moi=1`, 303);
    } catch (e) {
      const shown = errorsOf(e);
      if (!shown) throw e;
      return again(shown);
    }
  }

  const staffOnly = (req: FastifyRequest, reply: FastifyReply, permission: Permission) => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    if (!can(p.staff, permission)) throw new ForbiddenError('Tài khoản của bạn không có quyền vào trang này.', 'role_forbidden');
    return p.staff;
  };

  app.get('/p/:unit/:code/nop-truc-tuyen', async (req, reply) => {
    const { unit, code } = parseInput(submitParams, req.params);
    const { procedure } = await catalog.getUnitProcedure(unit, code);
    if (!procedure.channels.some((c) => c.kind === 'online')) {
      throw new NotFoundError('Thủ tục này chưa nhận hồ sơ trực tuyến. Xin nộp trực tiếp tại bộ phận một cửa.', 'channel_not_offered');
    }
    return showForm(req, reply, unit, code, false);
  });

  app.post('/p/:unit/:code/nop-truc-tuyen', async (req, reply) => {
    const { unit, code } = parseInput(submitParams, req.params);
    return handleFormPost(req, reply, unit, code, false);
  });

  app.get('/can-bo/tiep-nhan', async (req, reply) => {
    const staff = staffOnly(req, reply, 'counter');
    if (!staff) return reply;
    const { thu_tuc } = parseInput(z.object({ thu_tuc: z.string().regex(/^\d\.\d{6}$/, 'Chọn một thủ tục') }).passthrough(), req.query);
    return showForm(req, reply, staff.unitCode, thu_tuc, true);
  });
  app.post('/can-bo/tiep-nhan', async (req, reply) => {
    const staff = staffOnly(req, reply, 'counter');
    if (!staff) return reply;
    const { thu_tuc } = parseInput(z.object({ thu_tuc: z.string().regex(/^\d\.\d{6}$/, 'Chọn một thủ tục') }).passthrough(), req.query);
    return handleFormPost(req, reply, staff.unitCode, thu_tuc, true);
  });

  // ------------------------------------------------------------------ an anonymous draft's phone
  const draftParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'Mã bản nháp không hợp lệ'), purpose: z.enum(['luu', 'nop']) });
  const phonePage = async (req: FastifyRequest, reply: FastifyReply, d: Dossier, purpose: 'luu' | 'nop', step: 'send' | 'code', extra: { demoCode?: string; error?: string } = {}, status = 200) =>
    html(
      reply,
      DraftPhonePage({ csrf: req.csrfToken, action: `/ban-nhap/${d.id}/${purpose}`, token: drafts.token(d.id), purpose, phone: d.applicant.phone, step, backHref: drafts.resumePath(d), ...extra }),
      status,
    );

  app.get('/ban-nhap/:id/:purpose', async (req, reply) => {
    const { id, purpose } = parseInput(draftParams, req.params);
    const { t } = parseInput(z.object({ t: z.string().max(40).optional() }), req.query);
    const d = await drafts.open(id, actorOf(req), t);
    return phonePage(req, reply, d, purpose, 'send');
  });

  app.post('/ban-nhap/:id/:purpose', deps.signInLimit, async (req, reply) => {
    const { id, purpose } = parseInput(draftParams, req.params);
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const actor = actorOf(req);
    const d = await drafts.open(id, actor, String(body.t ?? ''));
    try {
      if (body.step !== 'verify') {
        const r = await accounts.requestOtp(d.applicant.phone, 'verify_phone');
        return phonePage(req, reply, d, purpose, 'code', { demoCode: r.demoCode });
      }
      const phone = await accounts.verifyOtp(d.applicant.phone, 'verify_phone', String(body.code ?? ''));
      if (purpose === 'luu') {
        const kept = await drafts.keepForPhone(d, phone, { sms: true });
        return html(reply, DraftSavedPage({ phone, resumeUrl: drafts.resumePath(kept), expiresAt: kept.expiresAt!, homeHref: `/dv/${d.unitCode}` }));
      }
      const proven = await drafts.keepForPhone(d, phone, { sms: false });
      const done = await dossiers.submit(proven, actor, { phoneVerified: true }).catch((e) => {
        if (e instanceof ValidationError) return undefined;
        throw e;
      });
      // Something changed since the check (the e-form was edited): back to the form, nothing lost.
      if (!done) return reply.redirect(drafts.resumePath(proven), 303);
      return reply.redirect(`${trackPath(done.code!)}&moi=1`, 303);
    } catch (e) {
      const shown = errorsOf(e);
      if (!shown) throw e;
      return phonePage(req, reply, d, purpose, body.step === 'verify' ? 'code' : 'send', { error: shown[0]!.message }, 422);
    }
  });
}
