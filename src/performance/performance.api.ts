import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { docSchema, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkApiCsrf } from '../shared/session';
import { apiStaff } from '../staff/staff.guard';
import type { PerformanceService } from './performance.service';
import { TARGET_METRICS, type TargetProgress } from './performance.types';

/**
 * Targets as JSON (the page `/can-bo/chi-tieu` with the same permissions): a leader reads the
 * unit's targets with their progress, gives one and removes one; any other official reads the
 * targets that concern them. Rules and messages are the service's (`setTarget`, `unitTargets`).
 */
const targetsQuery = z.object({
  period: z.string().max(10).optional().describe('Tháng "2026-11" hoặc tuần "2026-W49" (mặc định: tháng hiện tại)').meta({ examples: ['2026-12'] }),
  unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2–5 chữ số').optional().describe('Đơn vị (giám sát: một đơn vị trực thuộc)').meta({ examples: ['00004'] }),
});
const targetBody = z.object({
  subject: z.string().describe('"unit" (toàn đơn vị), "staff:<tên đăng nhập>" hoặc "field:<lĩnh vực>"').meta({ examples: ['staff:chuyenvien'] }),
  metric: z.enum(TARGET_METRICS).describe('overdue (≤), on_time_rate (≥ %), handled (≥), dissatisfied (≤), supplements (≤), online_rate / digitisation_rate (≥ %, toàn đơn vị hoặc lĩnh vực)'),
  value: z.number().min(0).describe('Mức: số lượng, hoặc phần trăm với tỷ lệ (80 = 80%)').meta({ examples: [0] }),
  period: z.string().describe('Tháng "2026-12" hoặc tuần "2026-W49"').meta({ examples: ['2026-12'] }),
  note: z.string().max(500).optional(),
});
const targetJson = z.object({
  id: z.string(),
  subject: z.string().describe('Người hoặc phạm vi nhận chỉ tiêu, bằng lời ("Trần Văn Minh", "Lĩnh vực Hộ tịch", "Toàn đơn vị")'),
  staff: z.string().nullable().describe('Tên đăng nhập của cán bộ nhận chỉ tiêu, nếu giao cho một người'),
  field: z.string().describe('Lĩnh vực, nếu giao theo lĩnh vực'),
  metric: z.enum(TARGET_METRICS),
  op: z.enum(['<=', '>=']),
  value: z.number(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  actual: z.number().nullable().describe('Hiện đạt (phần trăm với tỷ lệ); null khi chưa có số liệu'),
  met: z.boolean().nullable(),
  text: z.string().describe('"Đạt", "Chưa đạt", "Chưa có số liệu"'),
  createdAt: z.string(),
});
const targetsJson = z.object({ unit: z.string(), period: z.string(), from: z.string(), to: z.string(), items: z.array(targetJson) });
const idParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'Mã chỉ tiêu không hợp lệ') });

export async function performanceApiRoutes(app: FastifyInstance, deps: { performance: PerformanceService }): Promise<void> {
  const perf = deps.performance;
  const usernames = async (unitCode: string, viewer: Parameters<PerformanceService['officialsOf']>[0]) =>
    new Map((await perf.officialsOf(viewer, unitCode).catch(() => [])).map((s) => [s.id, s.username]));
  const toJson = (t: TargetProgress, names: Map<string, string>) => ({
    id: t.target.id,
    subject: t.subject,
    staff: t.target.staffId ? (names.get(t.target.staffId) ?? null) : null,
    field: t.target.field,
    metric: t.target.metric,
    op: t.target.op,
    value: t.target.value,
    period: t.target.periodKey,
    from: t.target.periodFrom,
    to: t.target.periodTo,
    note: t.target.note,
    actual: t.actual,
    met: t.met,
    text: t.text,
    createdAt: t.target.createdAt,
  });

  app.get(
    '/api/performance/targets',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Chỉ tiêu của đơn vị trong một tháng hoặc một tuần, với tiến độ (lãnh đạo: cả đơn vị; cán bộ: chỉ tiêu của mình)',
        operationId: 'listTargets',
        security: security.staff,
        querystring: docSchema(targetsQuery),
        response: { 200: json(targetsJson, 'Các chỉ tiêu và tiến độ hiện đạt'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { staff } = apiStaff(req);
      const q = parseInput(targetsQuery, req.query);
      const r = await perf.unitTargets(staff, { unit: q.unit, period: q.period });
      const names = await usernames(r.unitCode, staff);
      reply.header('cache-control', 'private, no-store');
      return { unit: r.unitCode, period: r.period.key, from: r.period.from, to: r.period.to, items: r.items.map((t) => toJson(t, names)) };
    },
  );

  app.post(
    '/api/performance/targets',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Giao một chỉ tiêu (lãnh đạo đơn vị)',
        description: 'Lỗi: 422 invalid_target với từng vấn đề (fields[].code: unknown_staff, unknown_field, unit_level_metric, invalid_period, too_big, not_integer…), không ghi gì; 403 leader_only.',
        operationId: 'createTarget',
        security: security.staff,
        body: body({ json: targetBody }),
        response: { 201: json(targetJson, 'Chỉ tiêu đã giao, với tiến độ hiện đạt'), ...errors(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const { staff } = apiStaff(req);
      const t = await perf.setTarget(staff, req.body ?? {});
      const r = await perf.unitTargets(staff, { period: t.periodKey });
      const p = r.items.find((x) => x.target.id === t.id)!;
      reply.code(201).header('cache-control', 'private, no-store');
      return toJson(p, await usernames(r.unitCode, staff));
    },
  );

  app.delete(
    '/api/performance/targets/:id',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Bỏ một chỉ tiêu (lãnh đạo đơn vị; chỉ tiêu vẫn được lưu với thời điểm bỏ)',
        operationId: 'removeTarget',
        security: security.staff,
        params: docSchema(idParams),
        response: { 204: { description: 'Đã bỏ chỉ tiêu', type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const { staff } = apiStaff(req);
      const { id } = parseInput(idParams, req.params);
      await perf.removeTarget(staff, id);
      return reply.code(204).send();
    },
  );
}
