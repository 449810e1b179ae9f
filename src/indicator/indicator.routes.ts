import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { docSchema, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { apiStaff } from '../staff/staff.guard';
import { monthOf } from './indicator.period';
import type { IndicatorService } from './indicator.service';
import { GROUP_KEYS, INDICATOR_KEYS, PARTS } from './indicator.types';

/**
 * The indicators' JSON API: a unit's figures and rank (public: counts, no personal data), the
 * ranking of a parent's units (public), and the dossiers behind any number (staff of the unit or
 * of a unit above it); for the transparency figures that count procedures or feedback, those.
 */
const unitCode = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số');
const periodFields = {
  period: z.string().max(20).optional().describe('Tháng "2026-11", quý "2026-Q4" hoặc năm "2026" (mặc định: tháng hiện tại). Hoặc dùng from/to.').meta({ examples: ['2026-12'] }),
  from: z.string().max(10).optional().describe('Từ ngày (YYYY-MM-DD), dùng cùng to thay cho period.'),
  to: z.string().max(10).optional().describe('Đến ngày (YYYY-MM-DD), tính cả ngày này.'),
};
const reportQuery = z.object({ unit: unitCode.meta({ examples: ['00004'] }).describe('Mã đơn vị (xã, phường; hoặc tỉnh — cộng các xã trực thuộc)'), ...periodFields });
const rankingQuery = z.object({ parent: unitCode.meta({ examples: ['01'] }).describe('Mã đơn vị cấp trên: xếp hạng mọi đơn vị trực thuộc'), ...periodFields });
const dossiersQuery = z.object({
  unit: unitCode.meta({ examples: ['00004'] }),
  ...periodFields,
  indicator: z.enum(INDICATOR_KEYS).meta({ examples: ['on_time_rate'] }).describe('Khóa của chỉ số'),
  part: z.enum(PARTS).meta({ examples: ['denominator'] }).describe('numerator: các hồ sơ ở tử số; denominator: ở mẫu số'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
const recordsQuery = dossiersQuery.extend({
  indicator: z.enum(INDICATOR_KEYS).meta({ examples: ['catalogue_complete_rate'] }).describe('Khóa của chỉ số đếm thủ tục (catalogue_complete_rate) hoặc phản ánh (feedback_on_time_rate)'),
});

const figure = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable().describe('Tử số ÷ mẫu số (null khi mẫu số bằng 0)'),
  threshold: z.number().describe('Ngưỡng đạt điểm tối đa; dưới ngưỡng: điểm = tỷ lệ × điểm tối đa ÷ ngưỡng'),
  score: z.number(),
  max: z.number(),
});
const group = z.object({ key: z.enum(GROUP_KEYS), name: z.string(), max: z.number(), score: z.number(), indicators: z.array(figure) });
const period = { period: z.string(), from: z.string().describe('Đầu kỳ (UTC, gồm)'), to: z.string().describe('Cuối kỳ (UTC, không gồm)'), asOf: z.string().describe('Thời điểm đọc lịch sử: cuối kỳ, hoặc hiện tại với kỳ đang diễn ra') };
export const reportJson = z.object({
  unit: z.string(),
  unitName: z.string(),
  ...period,
  total: z.number(),
  max: z.literal(100),
  hasDossiers: z.boolean().describe("false: không có hồ sơ nào trong kỳ — điểm không có ý nghĩa, không xếp hạng"),
  groups: z.array(group),
  rank: z.object({ position: z.number().int().nullable(), of: z.number().int(), parent: z.string().nullable() }),
});
export const rankingJson = z.object({
  parent: z.string(),
  parentName: z.string(),
  ...period,
  items: z.array(z.object({ unit: z.string(), name: z.string(), total: z.number(), position: z.number().int().nullable(), hasDossiers: z.boolean(), groups: z.record(z.string(), z.number()) })),
});
export const dossiersJson = z.object({
  unit: z.string(),
  period: z.string(),
  indicator: z.enum(INDICATOR_KEYS),
  part: z.enum(PARTS),
  items: z.array(
    z.object({
      code: z.string(),
      unit: z.string(),
      procedureCode: z.string(),
      channel: z.string(),
      receivedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      timeliness: z.enum(['on_time', 'late']).nullable(),
      supplementRequests: z.number().int(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const recordsJson = z.object({
  unit: z.string(),
  period: z.string(),
  indicator: z.enum(INDICATOR_KEYS),
  part: z.enum(PARTS),
  items: z.array(
    z.object({
      kind: z.enum(['procedure', 'followup']).describe('procedure: một thủ tục trong danh mục của đơn vị; followup: một phản ánh của người dân'),
      unit: z.string(),
      procedureCode: z.string().nullable(),
      dossierCode: z.string().nullable(),
      at: z.string().describe('Thủ tục: từ lúc có trạng thái công khai này; phản ánh: lúc nhận'),
      dueAt: z.string().nullable().describe('Hạn trả lời phản ánh'),
      answeredAt: z.string().nullable().describe('Lúc trả lời (null: chưa trả lời đến cuối kỳ)'),
      gaps: z.array(z.string()).describe('Thông tin còn thiếu của thủ tục: time, fee, papers, forms'),
      timeliness: z.enum(['on_time', 'late']).nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export async function indicatorRoutes(app: FastifyInstance, deps: { indicators: IndicatorService; now: () => Date }): Promise<void> {
  const { indicators } = deps;
  const periodOf = (q: { period?: string; from?: string; to?: string }) => (q.from !== undefined || q.to !== undefined ? { from: q.from ?? '', to: q.to ?? '' } : (q.period ?? monthOf(deps.now()).key));

  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['Chỉ số'],
        summary: 'Chỉ số phục vụ người dân, doanh nghiệp của một đơn vị trong một kỳ (Quyết định 766/QĐ-TTg), kèm thứ hạng',
        operationId: 'getIndicators',
        security: security.public,
        querystring: docSchema(reportQuery),
        response: { 200: json(reportJson, 'Sáu nhóm chỉ số, điểm và thứ hạng trong các đơn vị cùng cấp trên'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const q = parseInput(reportQuery, req.query);
      return indicators.report(q.unit, periodOf(q));
    },
  );

  app.get(
    '/api/indicators/ranking',
    {
      schema: {
        tags: ['Chỉ số'],
        summary: 'Xếp hạng các đơn vị trực thuộc theo tổng điểm chỉ số trong một kỳ (bằng điểm thì cùng hạng)',
        operationId: 'getIndicatorRanking',
        security: security.public,
        querystring: docSchema(rankingQuery),
        response: { 200: json(rankingJson, 'Các đơn vị trực thuộc, cao điểm trước'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const q = parseInput(rankingQuery, req.query);
      return indicators.ranking(q.parent, periodOf(q));
    },
  );

  /** A list behind a number (staff of the unit or of a unit above it): the dossiers, or the procedures and feedback. */
  const listRoute = (
    url: string,
    doc: { summary: string; operationId: string; query: typeof dossiersQuery; body: Parameters<typeof json>[0]; description: string },
    list: (q: z.infer<typeof dossiersQuery>) => Promise<unknown>,
  ) =>
    app.get(
      url,
      {
        schema: {
          tags: ['Chỉ số'],
          summary: doc.summary,
          operationId: doc.operationId,
          security: security.staff,
          querystring: docSchema(doc.query),
          response: { 200: json(doc.body, doc.description), ...errors(400, 403, 404) },
        },
      },
      async (req, reply) => {
        const { actor } = apiStaff(req);
        const q = parseInput(doc.query, req.query);
        await indicators.checkStaffScope(actor.unitCode, q.unit);
        reply.header('cache-control', 'private, no-store');
        return list(q);
      },
    );

  listRoute(
    '/api/indicators/dossiers',
    {
      summary: 'Các hồ sơ đứng sau một con số: hồ sơ ở tử số hoặc mẫu số của chỉ số (cán bộ của đơn vị hoặc cấp trên)',
      operationId: 'listIndicatorDossiers',
      query: dossiersQuery,
      body: dossiersJson,
      description: 'Danh sách hồ sơ (50 hồ sơ một trang) và tổng số',
    },
    (q) => indicators.dossiers(q.unit, periodOf(q), q.indicator, q.part, q.page),
  );
  listRoute(
    '/api/indicators/records',
    {
      summary: 'Các thủ tục (công khai đầy đủ thông tin) hoặc phản ánh (trả lời đúng hạn) đứng sau một con số của nhóm công khai, minh bạch (cán bộ của đơn vị hoặc cấp trên)',
      operationId: 'listIndicatorRecords',
      query: recordsQuery,
      body: recordsJson,
      description: 'Danh sách (50 dòng một trang) và tổng số',
    },
    (q) => indicators.records(q.unit, periodOf(q), q.indicator, q.part, q.page),
  );
}
