import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { tablePdf, type DataTable } from '../dashboard';
import { summaryXlsx } from './excel.summary';
import { ValidationError } from '../shared/errors';
import { docSchema, html, parseInput, renderPage } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { staffNav } from '../shared/staff-layout';
import { apiStaff, pageStaff } from '../staff/staff.guard';
import { crossChart, unitsChart } from './summary.charts';
import type { SummaryService, SummaryView } from './summary.service';
import { crossElement, crossTable, placesTable, summaryHref, totalsTable, unitsTable } from './summary.tables';
import { LivePart, NoReportPage, PrintPage, SummaryPage, type SummaryParts } from './summary.views';

export interface SummaryRoutesDeps {
  summaries: SummaryService;
  unitName(code: string): Promise<string>;
}

const CODE = z.string().trim().min(1, 'Thiếu mã báo cáo').max(50).regex(/^[A-Za-z0-9_.-]+$/, 'Mã báo cáo chỉ gồm chữ không dấu, số, dấu gạch');
const PERIOD = z.string().trim().min(4, 'Kỳ báo cáo không hợp lệ').max(20, 'Kỳ báo cáo không hợp lệ');
const UNIT = z.string().trim().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');

const pageQuery = z.object({
  bo: CODE.optional(), ky: PERIOD.optional(), 'don-vi': UNIT.optional(), 'chi-tieu': z.string().trim().max(50).optional(), v: z.string().max(40).optional(), song: z.enum(['1']).optional(),
  'dinh-dang': z.enum(['xlsx', 'pdf', 'in'], { message: 'Định dạng là xlsx, pdf hoặc in' }).optional(),
});
const apiQuery = z.object({
  dataSet: CODE.describe('Mã báo cáo (data set)').meta({ examples: ['CACH_LY'] }),
  period: PERIOD.describe('Kỳ theo mã DHIS2: 20261203, 2026W49, 202612, 2026Q4, 2026').meta({ examples: ['20261203'] }),
  orgUnit: UNIT.optional().describe('Mã đơn vị (mặc định: đơn vị của cán bộ)').meta({ examples: ['01'] }),
});
const summaryQuery = apiQuery.extend({
  childValues: z.enum(['all', 'totals'], { message: 'childValues là all hoặc totals' }).optional().describe('all (mặc định): mỗi đơn vị cấp dưới theo chỉ tiêu và phân tổ; totals: chỉ tổng theo chỉ tiêu (gọn khi có hàng nghìn đơn vị)'),
});

const valueJson = z.object({ dataElement: z.string(), categoryOptionCombo: z.string().optional(), value: z.number() });
const summaryJson = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  values: z.array(valueJson).describe('Tổng của đơn vị và mọi đơn vị cấp dưới, theo chỉ tiêu và phân tổ'),
  children: z.array(z.object({ orgUnit: z.string(), name: z.string(), complete: z.boolean(), values: z.array(valueJson) })).describe('Từng đơn vị cấp dưới trực tiếp'),
});
const completenessJson = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  units: z.array(z.object({ orgUnit: z.string(), name: z.string(), reported: z.boolean(), complete: z.boolean(), completedAt: z.string().nullable(), onTime: z.boolean().nullable() })),
});

/** The page's parameters; a bad one is named in the message the page shows (it has no form to mark). */
function pageInput(query: unknown): z.infer<typeof pageQuery> {
  const r = pageQuery.safeParse(query);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message }));
  throw new ValidationError(`Tham số của trang tổng hợp không hợp lệ: ${fields.map((f) => f.message).join('; ')}.`, fields);
}

/**
 * The supervisor's summary pages and API (issue 12): `/can-bo/bao-cao/tong-hop` (live), its live
 * part, the A4 print view, Excel/PDF, and `GET /api/reports/summary` / `completeness`.
 */
export async function summaryRoutes(app: FastifyInstance, deps: SummaryRoutesDeps): Promise<void> {
  const { summaries } = deps;

  async function parts(staff: Staff, q: z.infer<typeof pageQuery>, all = false): Promise<SummaryParts> {
    const v = await summaries.view(staff.unitCode, { dataSet: q.bo, period: q.ky, orgUnit: q['don-vi'], element: q['chi-tieu'] });
    return partsOf(v, q['chi-tieu'], all);
  }

  /**
   * One page, four answers: the live summary; its live part (`song=1`, htmx every few seconds:
   * 204 while nothing changed); the A4 print view (`dinh-dang=in`); Excel or PDF (`dinh-dang=xlsx|pdf`).
   */
  app.get('/can-bo/bao-cao/tong-hop', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = pageInput(req.query);
    reply.header('cache-control', 'private, no-store');
    if (!q.bo && !(await summaries.dataSets()).length) return html(reply, NoReportPage(staffNav(req, staff, await deps.unitName(staff.unitCode))));
    const format = q['dinh-dang'];
    const p = await parts(staff, q, format === 'xlsx');
    if (q.song === '1') {
      if (q.v && q.v === p.v.version) return reply.status(204).send();
      return reply.type('text/html; charset=utf-8').send(renderPage(LivePart(p)).replace(/^<!doctype html>/, ''));
    }
    if (format === 'in') return html(reply, PrintPage({ ...p, unitName: await deps.unitName(staff.unitCode) }));
    if (format === 'xlsx' || format === 'pdf') {
      const name = `tong-hop-${p.v.ds.code}-${p.v.period}-${p.v.unit.code}`;
      const tables = [p.tables.totals, ...(p.v.children.length ? [p.tables.units] : []), ...(p.tables.places ? [p.tables.places] : []), ...(p.tables.cross ? [p.tables.cross] : [])];
      if (format === 'xlsx') return send(reply, `${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await summaryXlsx(tables));
      return send(reply, `${name}.pdf`, 'application/pdf', await tablePdf(joined(tables, p.v)));
    }
    const parent = p.v.unit.parentCode && p.v.unit.code !== staff.unitCode ? p.v.unit.parentCode : undefined;
    const up = parent ? { href: summaryHref({ dataSet: p.v.ds.code, period: p.v.period, orgUnit: parent }), name: await deps.unitName(parent) } : undefined;
    return html(reply, SummaryPage({ ...staffNav(req, staff, await deps.unitName(staff.unitCode)), ...p, dataSets: await summaries.dataSets(), up }));
  });

  // ---------------------------------------------------------------- API

  const doc = (operationId: string, summary: string, extra: Record<string, unknown>) => ({ schema: { tags: ['Báo cáo tổng hợp'], operationId, summary, security: security.staff, ...extra } });

  app.get(
    '/api/reports/summary',
    doc('getReportSummary', 'Tổng hợp một báo cáo, một kỳ: tổng theo chỉ tiêu và phân tổ của đơn vị và các đơn vị cấp dưới, từng đơn vị cấp dưới trực tiếp', {
      description: 'Đọc từ bảng tổng đã cộng dồn khi đơn vị lưu số liệu. Cán bộ chỉ xem được đơn vị mình và các đơn vị cấp dưới (403 unit_out_of_scope).',
      querystring: docSchema(summaryQuery),
      response: { 200: json(summaryJson, 'Bảng tổng hợp'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (req, reply) => {
      const { staff } = apiStaff(req);
      const q = parseInput(summaryQuery, req.query);
      reply.header('cache-control', 'private, no-store');
      return summaries.json(staff.unitCode, q);
    },
  );

  app.get(
    '/api/reports/completeness',
    doc('getReportCompleteness', 'Tình hình gửi báo cáo một kỳ: đơn vị nào đã gửi, đã hoàn thành, đúng hạn', {
      querystring: docSchema(apiQuery),
      response: { 200: json(completenessJson, 'Từng đơn vị được giao báo cáo'), ...errors(400, 401, 403, 404, 422) },
    }),
    async (req, reply) => {
      const { staff } = apiStaff(req);
      const q = parseInput(apiQuery, req.query);
      const rows = await summaries.completeness(staff.unitCode, q);
      reply.header('cache-control', 'private, no-store');
      return { dataSet: q.dataSet, period: q.period, orgUnit: q.orgUnit ?? staff.unitCode, units: rows.map((r) => ({ orgUnit: r.unitCode, name: r.name, reported: r.reported, complete: r.complete, completedAt: r.completedAt, onTime: r.onTime })) };
    },
  );
}

export function partsOf(v: SummaryView, element?: string, all = false): SummaryParts {
  const e = crossElement(v, element);
  const cross = e && v.children.length ? crossTable(v, e, all) : undefined;
  const query = new URLSearchParams({ bo: v.ds.code, ky: v.period, 'don-vi': v.unit.code, ...(e && element ? { 'chi-tieu': e.code } : {}) }).toString();
  return {
    v,
    tables: { totals: totalsTable(v, all), units: unitsTable(v, all), cross, places: v.places.length ? placesTable(v) : undefined },
    charts: { units: unitsChart(v), cross: e && cross ? crossChart(v, e) : undefined },
    query,
  };
}

/** One PDF table: the totals, then the units (as many columns as A4 landscape holds). */
function joined(tables: DataTable[], v: SummaryView): DataTable {
  const [totals, units] = tables;
  const t: DataTable = { ...totals!, title: `Tổng hợp ${v.ds.name}`, rows: [...totals!.rows] };
  if (units && units.id === 'don-vi') {
    const cols = units.columns.slice(0, 9);
    t.rows.push(cols.map(() => ({ text: '' })).slice(0, 3));
    t.rows.push([{ text: 'Các đơn vị' }, { text: 'Tình trạng' }, { text: 'Đúng hạn' }]);
    for (const r of units.rows) t.rows.push([r[0]!, r[1]!, r[2]!]);
  }
  return t;
}

function send(reply: FastifyReply, name: string, type: string, body: Buffer): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(body);
}
