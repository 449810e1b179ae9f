// A dossier's page for the official and the actions taken on it (the official's, and the
// applicant's from the tracking page).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { uuidv7 } from '../shared/ids';
import { actorOf, checkCsrf } from '../shared/session';
import { asUpload, readMultipart, type UploadedFile } from '../shared/uploads';
import { pageStaff, staffActor } from '../staff/staff.guard';
import { ACTION_TYPES } from '../workflow';
import { PROOF_ROUTE, requireChangeProof } from './dossier.proof';
import type { DossierView } from './dossier.service';
import type { Dossier } from './dossier.types';
import { StaffDossierPage } from './dossier.staff-views';
import { refParams, viewedBy } from './dossier.staff-kit';
import type { StaffRoutesDeps } from './dossier.staff-routes';

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

/** A form's fields and files, multipart or urlencoded. */
async function formOf(req: FastifyRequest): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  if (req.isMultipart()) {
    const mp = await readMultipart(req);
    return { fields: mp.fields, files: mp.files };
  }
  return { fields: (req.body ?? {}) as Record<string, unknown>, files: [] };
}

/** A dossier's routes: `pages` (the official's) and `citizen` (the applicant's), registered apart in dossierStaffRoutes's order. */
export function staffDossierRoutes(deps: StaffRoutesDeps) {
  const { dossiers, workflow: wf, accounts, catalog, units, audit } = deps;
  const viewed = viewedBy(audit);

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

  const proofQuery = z.object({ t: z.string().max(40).optional(), phone: z.string().max(20).optional() });
  async function citizenAction(req: FastifyRequest, reply: FastifyReply, type: 'supplement' | 'withdraw') {
    const { code } = parseInput(refParams, req.params);
    const proof = parseInput(proofQuery, req.query);
    const actor = actorOf(req);
    const d = await dossiers.getForActor(code, actor, { token: proof.t, phone: proof.phone });
    await requireChangeProof(req, d, { dossiers, accounts }, { token: proof.t });
    const { fields, files } = await formOf(req);
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

  return {
    /** /can-bo/ho-so/:code, /can-bo/ho-so/:code/thao-tac */
    pages(app: FastifyInstance): void {
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
        const { fields, files } = await formOf(req);
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
    },

    /** /ho-so/:code/bo-sung, /ho-so/:code/rut (PROOF_ROUTE) */
    citizen(app: FastifyInstance): void {
      app.post('/ho-so/:code/bo-sung', PROOF_ROUTE, async (req, reply) => citizenAction(req, reply, 'supplement'));
      app.post('/ho-so/:code/rut', PROOF_ROUTE, async (req, reply) => citizenAction(req, reply, 'withdraw'));
    },
  };
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
