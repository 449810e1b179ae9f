// The official's worklist: its page, bulk assignment, the counter's reception page, and its JSON API.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { bulkAssignBody, bulkAssignJson, worklistJson } from './dossier.openapi';
import { uuidv7 } from '../shared/ids';
import { checkApiCsrf, checkCsrf } from '../shared/session';
import { apiStaff, pageStaff, staffActor, type StaffActor } from '../staff/staff.guard';
import { rolesWith } from '../shared/staff-menu';
import { auditActor } from './dossier.submission';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES } from './dossier.types';
import { ReceptionPage, WorklistPage } from './dossier.worklist-views';
import { WORKLIST_TABS, type WorkItem, type WorklistQuery } from './dossier.workflow';
import { CODE } from './dossier.staff-kit';
import type { StaffRoutesDeps } from './dossier.staff-routes';

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

/** The worklist's routes: `pages` and `api` are registered apart, in dossierStaffRoutes's order. */
export function staffWorklistRoutes(deps: StaffRoutesDeps) {
  const { workflow: wf, accounts, catalog, units, audit } = deps;

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

  const assigners = ['leader', 'receptionist'];

  return {
    /** /can-bo, /can-bo/phan-cong, /can-bo/tiep-nhan-tai-quay */
    pages(app: FastifyInstance): void {
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
    },

    /** /api/worklist, /api/worklist/assign */
    api(app: FastifyInstance): void {
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
    },
  };
}
