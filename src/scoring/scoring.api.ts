import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { docSchema, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkApiCsrf } from '../shared/session';
import { apiStaff } from '../staff/staff.guard';
import type { ScoringService } from './scoring.service';
import { CRITERION_KINDS, type ScoringTable, type TableView } from './scoring.types';

/**
 * The monthly scoring as JSON, with the permissions of its pages (`/can-bo/cham-diem`): the
 * supervisor defines a table, adjusts a unit's points with a reason, finalises, and corrects a
 * finalised month as a new version; a ward's leader or admin reads its line and self-assesses its
 * manual criteria. Rules and messages are the service's. (Evidence files are uploaded from the
 * table's page.)
 */
const SCORERS = ['supervisor', 'leader', 'admin'];
const ID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Mã bảng điểm không hợp lệ');
const idParams = z.object({ id: ID });
const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng 2026-11').optional().describe('Tháng (mặc định: tháng hiện tại)').meta({ examples: ['2026-11'] }) });

const tableJson = z.object({
  id: z.string(),
  parent: z.string().describe('Đơn vị cấp trên chấm điểm'),
  month: z.string(),
  version: z.number().int(),
  status: z.enum(['open', 'finalised', 'superseded']).describe('open: đang chấm; finalised: đã chốt (khóa); superseded: đã thay bằng bản đính chính'),
  title: z.string(),
  reason: z.string().describe('Lý do đính chính (phiên bản sau bản đã chốt)'),
  demo: z.boolean(),
  createdAt: z.string(),
  finalisedAt: z.string().nullable(),
});
const evidenceJson = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });
const viewJson = z.object({
  table: tableJson,
  criteria: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number(), kind: z.enum(CRITERION_KINDS), indicator: z.string().nullable(), threshold: z.number().nullable(), guidance: z.string() })),
  units: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      position: z.number().int(),
      total: z.number(),
      cells: z.array(
        z.object({
          criterion: z.string(),
          points: z.number(),
          rate: z.number().nullable().describe('Tỷ lệ của chỉ số (tiêu chí tự động)'),
          self: z.number().nullable().describe('Điểm đơn vị tự chấm'),
          adjusted: z.number().nullable().describe('Điểm cấp trên điều chỉnh'),
          reason: z.string().describe('Lý do điều chỉnh'),
          note: z.string().describe('Giải trình của đơn vị'),
          evidence: z.array(evidenceJson),
        }),
      ),
    }),
  ),
  maxTotal: z.number(),
  versions: z.array(tableJson),
});
const rankingJson = z.object({
  month: z.string(),
  table: tableJson.nullable(),
  rows: z.array(z.object({ unit: z.string(), name: z.string(), total: z.number(), position: z.number().int() })),
  year: z.object({ months: z.array(z.string()), rows: z.array(z.object({ unit: z.string(), name: z.string(), total: z.number(), position: z.number().int(), months: z.number().int() })) }),
});
const createBody = z.object({
  month: z.string().meta({ examples: ['2026-12'] }),
  title: z.string().max(200).optional(),
  criteria: z
    .array(
      z.object({
        name: z.string(),
        maxPoints: z.number(),
        kind: z.enum(CRITERION_KINDS),
        indicatorKey: z.string().optional().describe('Tiêu chí tự động: khóa chỉ số (on_time_rate, online_rate, …)'),
        threshold: z.number().optional().describe('Tiêu chí tự động: tỷ lệ (0–1) đạt điểm tối đa'),
        guidance: z.string().optional(),
      }),
    )
    .min(1),
});
const selfBody = z.object({ criterion: ID, points: z.number().min(0), note: z.string().max(2000).optional() });
const adjustBody = z.object({ unit: z.string().meta({ examples: ['00004'] }), criterion: ID, points: z.number().min(0), reason: z.string().describe('Bắt buộc, ít nhất 5 ký tự') });
const correctBody = z.object({ reason: z.string().describe('Lý do đính chính, ít nhất 5 ký tự') });

const tableOut = (t: ScoringTable) => ({ id: t.id, parent: t.parentCode, month: t.month, version: t.version, status: t.status, title: t.title, reason: t.reason, demo: t.demo, createdAt: t.createdAt, finalisedAt: t.finalisedAt });
const viewOut = (v: TableView) => ({
  table: tableOut(v.table),
  criteria: v.criteria.map((c) => ({ id: c.id, name: c.name, maxPoints: c.maxPoints, kind: c.kind, indicator: c.indicatorKey, threshold: c.threshold, guidance: c.guidance })),
  units: v.units.map((u) => ({
    unit: u.unitCode,
    name: u.unitName,
    position: u.position,
    total: u.total,
    cells: u.cells.map((c) => ({
      criterion: c.criterionId,
      points: c.points,
      rate: c.rate,
      self: c.self,
      adjusted: c.adjusted,
      reason: c.reason,
      note: c.note,
      evidence: c.evidence.map((e) => ({ id: e.id, name: e.name, mime: e.mime, size: e.size, url: `/can-bo/cham-diem/minh-chung/${e.id}` })),
    })),
  })),
  maxTotal: v.maxTotal,
  versions: v.versions.map(tableOut),
});

export async function scoringApiRoutes(app: FastifyInstance, deps: { scoring: ScoringService; now: () => Date }): Promise<void> {
  const { scoring } = deps;
  const thisMonth = () => new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
  const staffOf = (req: FastifyRequest) => apiStaff(req, SCORERS).staff;
  const doc = (operationId: string, summary: string, extra: Record<string, unknown>) => ({ schema: { tags: ['Chấm điểm'], operationId, summary, security: security.staff, ...extra } });

  app.get('/api/scoring/tables', doc('listScoringTables', 'Các bảng điểm tháng của cấp trên (mọi phiên bản, mới nhất trước)', { response: { 200: json(z.object({ items: z.array(tableJson) }), 'Các bảng điểm'), ...errors(401, 403) } }), async (req, reply) => {
    const staff = staffOf(req);
    reply.header('cache-control', 'private, no-store');
    return { items: (await scoring.list(staff)).map(tableOut) };
  });

  app.post(
    '/api/scoring/tables',
    doc('createScoringTable', 'Lập bảng điểm một tháng (giám sát cấp trên)', {
      description: 'Lỗi: 422 invalid_scoring_table với từng vấn đề; 409 khi tháng đã có bảng điểm; 403 khi không phải giám sát.',
      body: body({ json: createBody }),
      response: { 201: json(viewJson, 'Bảng điểm vừa lập'), ...errors(400, 401, 403, 409, 422) },
    }),
    async (req, reply) => {
      checkApiCsrf(req);
      const staff = staffOf(req);
      const t = await scoring.createTable(staff, req.body ?? {});
      reply.code(201).header('cache-control', 'private, no-store');
      return viewOut(await scoring.view(staff, t.id));
    },
  );

  app.get('/api/scoring/ranking', doc('getScoringRanking', 'Xếp hạng tháng (bản mới nhất, tạm tính khi đang chấm) và lũy kế năm (các tháng đã chốt)', { querystring: docSchema(monthQuery), response: { 200: json(rankingJson, 'Xếp hạng tháng và lũy kế năm'), ...errors(400, 401, 403) } }), async (req, reply) => {
    const staff = staffOf(req);
    const month = parseInput(monthQuery, req.query).month ?? thisMonth();
    const m = await scoring.monthRanking(staff, month);
    const y = await scoring.yearRanking(staff, month);
    reply.header('cache-control', 'private, no-store');
    return {
      month,
      table: m.table ? tableOut(m.table) : null,
      rows: m.rows.map((r) => ({ unit: r.unitCode, name: r.unitName, total: r.total, position: r.position })),
      year: { months: y.months, rows: y.rows.map((r) => ({ unit: r.unitCode, name: r.unitName, total: r.total, position: r.position, months: r.months ?? 0 })) },
    };
  });

  app.get('/api/scoring/tables/:id', doc('getScoringTable', 'Một bảng điểm: tiêu chí, điểm từng đơn vị (đơn vị chỉ thấy dòng của mình), tự chấm, điều chỉnh và lý do, minh chứng', { params: docSchema(idParams), response: { 200: json(viewJson, 'Bảng điểm'), ...errors(400, 401, 403, 404) } }), async (req, reply) => {
    const staff = staffOf(req);
    const { id } = parseInput(idParams, req.params);
    reply.header('cache-control', 'private, no-store');
    return viewOut(await scoring.view(staff, id));
  });

  const change = (path: string, operationId: string, summary: string, schema: z.ZodType | null, description: string, act: (staff: ReturnType<typeof staffOf>, id: string, b: Record<string, unknown>) => Promise<string | void>) =>
    app.post(
      `/api/scoring/tables/:id/${path}`,
      doc(operationId, summary, {
        description,
        params: docSchema(idParams),
        ...(schema ? { body: body({ json: schema }) } : {}),
        response: { 200: json(viewJson, 'Bảng điểm sau thay đổi'), ...errors(400, 401, 403, 404, 409, 422) },
      }),
      async (req, reply) => {
        checkApiCsrf(req);
        const staff = staffOf(req);
        const { id } = parseInput(idParams, req.params);
        const b = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
        const next = (await act(staff, id, b)) ?? id;
        reply.header('cache-control', 'private, no-store');
        return viewOut(await scoring.view(staff, next));
      },
    );
  change('self-assessment', 'selfAssessScoring', 'Đơn vị tự chấm một tiêu chí chấm thủ công (lãnh đạo hoặc quản trị của đơn vị)', selfBody, 'Lỗi: 422 (điểm không là số, vượt điểm tối đa); 409 table_locked khi tháng đã chốt, hoặc tiêu chí chấm tự động; 403 khi không phải lãnh đạo/quản trị đơn vị.', (staff, id, b) =>
    scoring.selfAssess(staff, id, { criterion: b.criterion, points: b.points, note: b.note }),
  );
  change('adjustments', 'adjustScoring', 'Cấp trên điều chỉnh điểm một tiêu chí của một đơn vị, luôn kèm lý do (giám sát cấp trên)', adjustBody, 'Lỗi: 422 khi thiếu lý do (ít nhất 5 ký tự) hoặc điểm sai; 409 table_locked khi tháng đã chốt; 403 khi không phải giám sát.', (staff, id, b) =>
    scoring.adjust(staff, id, { unit: b.unit, criterion: b.criterion, points: b.points, reason: b.reason }),
  );
  change('finalise', 'finaliseScoring', 'Chốt bảng điểm: điểm tự động lấy theo chỉ số lúc chốt, mọi điểm cố định, tháng bị khóa (giám sát cấp trên)', null, 'Lỗi: 409 table_locked khi đã chốt; 403 khi không phải giám sát.', async (staff, id) => {
    await scoring.finalise(staff, id);
  });
  change('corrections', 'correctScoring', 'Đính chính tháng đã chốt: một phiên bản mới (đang chấm) với lý do; bản đã chốt giữ nguyên (giám sát cấp trên)', correctBody, 'Trả về phiên bản mới. Lỗi: 422 khi thiếu lý do; 409 khi bảng chưa chốt hoặc đã có bản đính chính; 403 khi không phải giám sát.', async (staff, id, b) => (await scoring.correct(staff, id, b.reason)).id);
}
