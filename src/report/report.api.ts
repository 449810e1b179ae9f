import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ForbiddenError } from '../shared/errors';
import { docSchema, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkApiCsrf } from '../shared/session';
import { apiStaff } from '../staff/staff.guard';
import type { ReportService } from './report.service';
import type { ReportActor } from './report.types';

/**
 * DHIS2's data value set exchange (`/api/dataValueSets` in DHIS2, JSON): a unit's (or a whole
 * province's) values of a period in, an import summary out; the same format out for a unit and,
 * with `children=true`, every unit below it. Units by their official codes; a place travels as
 * `attributeOptionCombo` (its code).
 */
const valueJson = z.object({
  dataElement: z.string().describe('Mã chỉ tiêu').meta({ examples: ['ROOMS'] }),
  categoryOptionCombo: z.string().optional().describe('Mã phân tổ (bỏ trống khi chỉ tiêu không phân tổ)'),
  attributeOptionCombo: z.string().optional().describe('Mã địa điểm (khu cách ly…) khi báo cáo nhập theo địa điểm'),
  orgUnit: z.string().optional().describe('Mã đơn vị của riêng giá trị này (mặc định: orgUnit của tập)'),
  period: z.string().optional().describe('Kỳ của riêng giá trị này (mặc định: period của tập)'),
  value: z.string().describe('Giá trị; chuỗi rỗng để xóa').meta({ examples: ['12'] }),
  comment: z.string().optional(),
});
const dataValueSetJson = z.object({
  dataSet: z.string().describe('Mã báo cáo').meta({ examples: ['CACH_LY'] }),
  period: z.string().describe('Kỳ theo mã DHIS2: 20261203, 2026W49, 202612, 2026Q4, 2026').meta({ examples: ['20261203'] }),
  orgUnit: z.string().describe('Mã đơn vị hành chính').meta({ examples: ['00004'] }),
  completeDate: z.string().optional().describe('Có giá trị: đánh dấu hoàn thành báo cáo của các đơn vị trong tập'),
  dataValues: z.array(valueJson),
});
const summaryJson = z.object({
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']).describe('ERROR: không nhập giá trị nào; WARNING: đã nhập, có quy tắc kiểm tra chưa thỏa'),
  description: z.string().optional(),
  importCount: z.object({ imported: z.number().int(), updated: z.number().int(), ignored: z.number().int(), deleted: z.number().int() }),
  conflicts: z.array(z.object({ object: z.string(), value: z.string().describe('Lý do (tiếng Việt)') })),
});
const exportQuery = z.object({
  dataSet: z.string({ error: 'Thiếu mã báo cáo (dataSet)' }).min(1, 'Thiếu mã báo cáo (dataSet)').describe('Mã báo cáo').meta({ examples: ['CACH_LY'] }),
  period: z.string({ error: 'Thiếu kỳ báo cáo (period)' }).min(1, 'Thiếu kỳ báo cáo (period)').describe('Kỳ báo cáo').meta({ examples: ['20261203'] }),
  orgUnit: z.string({ error: 'Thiếu mã đơn vị (orgUnit)' }).regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số').describe('Mã đơn vị').meta({ examples: ['00004'] }),
  children: z.enum(['true', 'false']).optional().describe('true: kèm mọi đơn vị cấp dưới'),
});

export interface ReportApiDeps {
  reports: ReportService;
}

const STAFF = ['receptionist', 'specialist', 'leader', 'admin', 'supervisor'];

export async function reportApiRoutes(app: FastifyInstance, deps: ReportApiDeps): Promise<void> {
  const { reports } = deps;
  const doc = (operationId: string, summary: string, extra: Record<string, unknown>) => ({ schema: { tags: ['Báo cáo tổng hợp'], operationId, summary, security: security.staff, ...extra } });

  app.post(
    '/api/reports/dataValueSets',
    {
      // A file for every commune of a day (166,050 values) is about 12 MB of JSON.
      bodyLimit: 64 * 1024 * 1024,
      ...doc('importDataValueSet', 'Nhập số liệu báo cáo theo định dạng dataValueSet (JSON) của DHIS2: tất cả hoặc không', {
        description:
          'Đơn vị tham chiếu bằng mã đơn vị hành chính. Có bất kỳ xung đột nào (sai mã, sai kiểu giá trị, kỳ chưa mở, báo cáo đã hoàn thành, không có quyền) thì không nhập giá trị nào: status ERROR, các xung đột trong conflicts (như bản tóm tắt nhập của DHIS2, trả về với HTTP 200). Giá trị chuỗi rỗng là xóa.',
        body: body({ json: dataValueSetJson }),
        response: { 200: json(summaryJson, 'Tóm tắt nhập: SUCCESS, WARNING, hoặc ERROR (không nhập giá trị nào)'), ...errors(400, 401, 403, 413) },
      }),
    },
    async (req, reply) => {
      const { staff } = apiStaff(req, STAFF);
      checkApiCsrf(req);
      const actor: ReportActor = { id: staff.id, name: staff.fullName, unitCode: staff.unitCode, role: staff.role };
      return reply.send(await reports.importDataValueSet(actor, req.body));
    },
  );

  app.get(
    '/api/reports/dataValueSets',
    doc('exportDataValueSet', 'Xuất số liệu một kỳ của một đơn vị (và các đơn vị cấp dưới) theo định dạng dataValueSet của DHIS2', {
      querystring: docSchema(exportQuery),
      response: { 200: json(dataValueSetJson, 'Tập giá trị (nhập lại được nguyên vẹn)'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (req) => {
      const { staff } = apiStaff(req, STAFF);
      const q = parseInput(exportQuery, req.query);
      const ds = await reports.dataSet(q.dataSet);
      if (!(await reports.canRead({ id: staff.id, name: staff.fullName, unitCode: staff.unitCode, role: staff.role }, ds, q.orgUnit))) throw new ForbiddenError('Bạn chỉ xem được số liệu của đơn vị mình và các đơn vị cấp dưới.', 'report_read_forbidden');
      return reports.exportDataValueSet({ dataSet: q.dataSet, period: q.period, orgUnit: q.orgUnit, children: q.children === 'true' });
    },
  );
}
