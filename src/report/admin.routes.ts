import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkApiCsrf, checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { apiStaff, pageStaff } from '../staff/staff.guard';
import type { Unit } from '../unit';
import { dataSetJson, EDITOR_ROLES, type ReportAdmin } from './admin.service';
import { DataSetEditPage, DataSetListPage, type EditorForm } from './admin.views';
import type { DataSet } from './report.types';

export interface AdminRoutesDeps {
  admin: ReportAdmin;
  units: { get(code: string): Promise<Unit>; descendants(code: string): Promise<Unit[]> };
  now: () => Date;
}

const CODE_PARAM = z.object({ code: z.string().trim().min(1).max(80, 'Mã báo cáo quá dài') });
/** A code that cannot be a report's is "not found" (without repeating what was asked). */
function codeOf(params: unknown): string {
  const { code } = parseInput(CODE_PARAM, params);
  if (!/^[A-Z][A-Z0-9_]{0,49}$/.test(code)) throw new NotFoundError('Không có báo cáo này.', 'data_set_not_found');
  return code;
}
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

/** The editor's form fields → the DHIS2-shaped JSON the service takes (blank rows dropped). */
export function formToJson(b: Record<string, unknown>): EditorForm {
  const col = (k: string) => list(b[k]);
  const deCode = col('de_code');
  const ruleCode = col('rule_code');
  const phCode = col('ph_code');
  return {
    code: String(b.code ?? '').trim().toUpperCase(),
    name: String(b.name ?? ''),
    description: String(b.description ?? ''),
    periodType: String(b.periodType ?? 'daily') as EditorForm['periodType'],
    deadline: { daysAfter: Number(b.deadlineDays ?? 0) || 0, time: String(b.deadlineTime ?? '17:00').trim() },
    eventDate: String(b.eventDate ?? '').trim() || null,
    approvalRequired: b.approvalRequired === '1',
    usesPlaces: b.usesPlaces === '1',
    closed: false,
    dataElements: deCode
      .map((code, i) => ({ code: code.trim().toUpperCase(), name: col('de_name')[i] ?? '', valueType: col('de_type')[i] ?? 'INTEGER_ZERO_OR_POSITIVE', section: col('de_section')[i] ?? '', categoryCombo: col('de_combo')[i] ?? '' }))
      .filter((e) => e.code || e.name.trim()),
    rules: ruleCode
      .map((code, i) => ({ code: code.trim().toUpperCase(), left: col('rule_left')[i] ?? '', operator: col('rule_op')[i] ?? '<=', right: col('rule_right')[i] ?? '', message: col('rule_message')[i] ?? '' }))
      .filter((r) => r.code || r.left.trim() || r.right.trim()),
    eventPhases: phCode
      .map((code, i) => ({ code: code.trim().toUpperCase(), name: col('ph_name')[i] ?? '', offsetDays: Number(col('ph_offset')[i] ?? 0) || 0, deadlineTime: (col('ph_time')[i] ?? '17:00').trim() }))
      .filter((p) => p.code || p.name.trim()),
    units: col('units'),
  };
}

export function formOf(d: DataSet): EditorForm {
  return {
    code: d.code,
    name: d.name,
    description: d.description,
    periodType: d.periodType,
    deadline: d.deadline,
    eventDate: d.eventDate,
    approvalRequired: d.approvalRequired,
    usesPlaces: d.usesPlaces,
    closed: d.closed,
    dataElements: d.dataElements.map((e) => ({ code: e.code, name: e.name, valueType: e.valueType, section: e.section, categoryCombo: e.categoryCombo })),
    rules: d.rules.map((r) => ({ code: r.code, left: r.left, operator: r.operator, right: r.right, message: r.message })),
    eventPhases: d.eventPhases.map((p) => ({ ...p })),
    units: d.units,
  };
}

/**
 * The data set editor's pages (`/can-bo/bao-cao/bieu-mau`) and `GET/POST /api/reports/dataSets`
 * (DHIS2-shaped metadata). Only the supervisor of the unit that owns a data set changes it.
 */
export async function adminRoutes(app: FastifyInstance, deps: AdminRoutesDeps): Promise<void> {
  const { admin } = deps;
  const nav = async (req: Parameters<typeof staffNav>[0], staff: Staff) => staffNav(req, staff, (await deps.units.get(staff.unitCode)).name);

  /** The owner's unit and every unit below, indented. */
  async function unitTree(owner: string): Promise<Array<{ code: string; name: string; depth: number }>> {
    const own = await deps.units.get(owner);
    const below = await deps.units.descendants(owner);
    const depth = new Map<string, number>([[own.code, 0]]);
    const out = [{ code: own.code, name: own.name, depth: 0 }];
    for (const u of below) {
      const d = (depth.get(u.parentCode ?? '') ?? 0) + 1;
      depth.set(u.code, d);
      out.push({ code: u.code, name: u.name, depth: d });
    }
    return out;
  }

  app.get('/can-bo/bao-cao/bieu-mau', async (req, reply) => {
    const staff = pageStaff(req, reply, EDITOR_ROLES);
    if (!staff) return reply;
    const q = parseInput(z.object({ 'da-luu': z.string().max(60).optional() }), req.query);
    return html(reply, DataSetListPage({ ...(await nav(req, staff)), items: await admin.editable(staff), saved: q['da-luu'] ? `Đã lưu báo cáo ${q['da-luu']}.` : undefined, year: Number(new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4)) }));
  });

  app.get('/can-bo/bao-cao/bieu-mau/moi', async (req, reply) => {
    const staff = pageStaff(req, reply, EDITOR_ROLES);
    if (!staff) return reply;
    const form: EditorForm = { code: '', name: '', description: '', periodType: 'daily', deadline: { daysAfter: 0, time: '17:00' }, eventDate: null, approvalRequired: false, usesPlaces: false, closed: false, dataElements: [], rules: [], eventPhases: [], units: [] };
    return html(reply, DataSetEditPage({ ...(await nav(req, staff)), form, isNew: true, combos: await admin.combos(), units: await unitTree(staff.unitCode), extraRows: 5 }));
  });

  app.get('/can-bo/bao-cao/bieu-mau/:code', async (req, reply) => {
    const staff = pageStaff(req, reply, EDITOR_ROLES);
    if (!staff) return reply;
    const code = codeOf(req.params);
    const ds = await admin.forEdit(staff, code);
    return html(reply, DataSetEditPage({ ...(await nav(req, staff)), form: formOf(ds), isNew: false, combos: await admin.combos(), units: await unitTree(ds.ownerUnit), extraRows: 2, updatedAt: ds.updatedAt }));
  });

  app.post('/can-bo/bao-cao/bieu-mau', async (req, reply) => {
    const staff = pageStaff(req, reply, EDITOR_ROLES);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const form = formToJson(b);
    const isNew = b.isNew === '1';
    const extra = Math.min(50, Number(b.extraRows ?? 2) || 2);
    const again = async (status: number, errs?: Array<{ field: string; message: string }>, message?: string) =>
      html(reply, DataSetEditPage({ ...(await nav(req, staff)), form, isNew, combos: await admin.combos(), units: await unitTree(staff.unitCode), extraRows: status === 200 ? extra + 5 : extra, errors: errs, message }), status);
    if (b.action === 'more') return again(200);
    try {
      if (isNew && form.code && (await admin.editable(staff)).some((d) => d.code === form.code)) throw new ValidationError(`Mã ${form.code} đã có báo cáo.`, [{ field: 'code', code: 'duplicate_code', message: `Mã ${form.code} đã có báo cáo, hãy chọn mã khác.` }], 'invalid_data_set');
      const saved = await admin.saveJson(staff, form);
      return reply.redirect(`/can-bo/bao-cao/bieu-mau?da-luu=${encodeURIComponent(saved.code)}`, 303);
    } catch (e) {
      if (e instanceof ValidationError) return again(422, e.fields.map((f) => ({ field: f.field, message: fieldMessage(f) })), e.message);
      throw e;
    }
  });

  for (const [path, closed] of [
    ['dong', true],
    ['mo', false],
  ] as const) {
    app.post(`/can-bo/bao-cao/bieu-mau/:code/${path}`, async (req, reply) => {
      const staff = pageStaff(req, reply, EDITOR_ROLES);
      if (!staff) return reply;
      checkCsrf(req, (req.body as Record<string, unknown> | undefined)?._csrf);
      const code = codeOf(req.params);
      await admin.setClosed(staff, code, closed);
      return reply.redirect(`/can-bo/bao-cao/bieu-mau?da-luu=${encodeURIComponent(code)}`, 303);
    });
  }

  app.post('/can-bo/bao-cao/bieu-mau/:code/sao-chep', async (req, reply) => {
    const staff = pageStaff(req, reply, EDITOR_ROLES);
    if (!staff) return reply;
    checkCsrf(req, (req.body as Record<string, unknown> | undefined)?._csrf);
    const code = codeOf(req.params);
    const b = parseInput(z.object({ code: z.string().trim().toUpperCase(), name: z.string().trim() }), req.body ?? {}, 'Thiếu mã hoặc tên của bản sao.');
    const copy = await admin.copy(staff, code, b);
    return reply.redirect(`/can-bo/bao-cao/bieu-mau/${encodeURIComponent(copy.code)}`, 303);
  });

  // ---------------------------------------------------------------- API

  const doc = (operationId: string, summary: string, extra: Record<string, unknown>) => ({ schema: { tags: ['Báo cáo tổng hợp'], operationId, summary, security: security.staff, ...extra } });
  const outJson = z.object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    periodType: z.string(),
    deadline: z.object({ daysAfter: z.number(), time: z.string() }),
    eventDate: z.string().nullable(),
    eventPhases: z.array(z.object({ code: z.string(), name: z.string(), offsetDays: z.number(), deadlineTime: z.string() })),
    approvalRequired: z.boolean(),
    usesPlaces: z.boolean(),
    closed: z.boolean(),
    ownerUnit: z.string(),
    sections: z.array(z.string()),
    rules: z.array(z.object({ code: z.string(), left: z.string(), operator: z.string(), right: z.string(), message: z.string() })),
    dataElements: z.array(z.object({ code: z.string(), name: z.string(), valueType: z.string(), section: z.string(), description: z.string(), categoryCombo: z.string(), categoryOptionCombos: z.array(z.object({ code: z.string(), name: z.string() })) })),
    units: z.array(z.object({ code: z.string(), name: z.string() })),
  });

  app.get(
    '/api/reports/dataSets',
    doc('listReportDataSets', 'Các báo cáo (data set) dạng siêu dữ liệu như DHIS2: chỉ tiêu, phân tổ, đơn vị được giao', {
      response: { 200: json(z.array(outJson), 'Các báo cáo'), ...errors(401, 403) },
    }),
    async (req, reply) => {
      apiStaff(req);
      reply.header('cache-control', 'private, no-store');
      return admin.toJson(await admin.all());
    },
  );

  app.post(
    '/api/reports/dataSets',
    doc('saveReportDataSet', 'Tạo hoặc sửa một báo cáo từ JSON cùng dạng (giám sát của đơn vị quản lý báo cáo)', {
      description: 'Phân tổ của chỉ tiêu: mã categoryCombo, hoặc danh sách categoryOptionCombos đúng bằng các lựa chọn của một cách phân tổ đã có. Lỗi: 422 invalid_data_set (từng trường), 403 report_editor_only / report_not_owner.',
      body: body({ json: dataSetJson }),
      response: { 200: json(outJson, 'Báo cáo đã lưu'), ...errors(400, 401, 403, 422) },
    }),
    async (req, reply) => {
      checkApiCsrf(req);
      const { staff } = apiStaff(req);
      const saved = await admin.saveJson(staff, req.body ?? {});
      reply.header('cache-control', 'private, no-store');
      return (await admin.toJson([saved]))[0];
    },
  );

  app.get(
    '/api/reports/dataSets/:code',
    doc('getReportDataSet', 'Một báo cáo dạng siêu dữ liệu như DHIS2', { params: docSchema(CODE_PARAM), response: { 200: json(outJson, 'Báo cáo'), ...errors(400, 401, 403, 404) } }),
    async (req, reply) => {
      apiStaff(req);
      const code = codeOf(req.params);
      reply.header('cache-control', 'private, no-store');
      return (await admin.toJson([await admin.get(code)]))[0];
    },
  );
}

function fieldMessage(f: { field: string; message: string }): string {
  const m = /^dataElements\.(\d+)\./.exec(f.field);
  if (m) return `Chỉ tiêu dòng ${Number(m[1]) + 1}: ${f.message}`;
  const r = /^rules\.(\d+)\./.exec(f.field);
  if (r) return `Quy tắc dòng ${Number(r[1]) + 1}: ${f.message}`;
  const p = /^eventPhases\.(\d+)\./.exec(f.field);
  if (p) return `Giai đoạn dòng ${Number(p[1]) + 1}: ${f.message}`;
  return f.message;
}
