import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../account';
import type { BlobStore } from '../file';
import { ConflictError, ValidationError } from '../shared/errors';
import { html } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { asUpload, readMultipart } from '../shared/uploads';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { rankingXlsx } from './scoring.excel';
import type { ScoringService } from './scoring.service';
import { RankingPage, ScoringListPage, ScoringTablePage } from './scoring.views';

export interface ScoringRoutesDeps {
  scoring: ScoringService;
  units: UnitService;
  files: BlobStore;
  indicators: Record<string, string>;
  now: () => Date;
}

type Body = Record<string, unknown>;
const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const SCORERS = ['supervisor', 'leader', 'admin'];
/** Problems shown on the form again (bad input, a locked month); anything else goes to the error handler. */
const errorsOf = (e: unknown) => (e instanceof ValidationError ? e.fields : e instanceof ConflictError ? [{ field: '', message: e.message }] : undefined);

/** Monthly scoring of units: the supervisor's tables, the units' self-assessment, rankings (workspace pages). */
export async function scoringRoutes(app: FastifyInstance, deps: ScoringRoutesDeps): Promise<void> {
  const { scoring } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });
  const idOf = (req: FastifyRequest) => {
    const id = (req.params as { id: string }).id;
    if (!ID_RE.test(id)) throw new ValidationError('Mã bảng điểm không hợp lệ.', [{ field: 'id', code: 'invalid_id', message: 'Mã bảng điểm không hợp lệ' }]);
    return id;
  };
  const thisMonth = () => new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 7);

  const listPage = async (req: FastifyRequest, staff: Staff, extra: { errors?: Array<{ message: string }>; form?: Record<string, string> } = {}) =>
    ScoringListPage({ ...(await nav(req, staff)), tables: await scoring.list(staff), canCreate: staff.role === 'supervisor', indicators: deps.indicators, month: thisMonth(), ...extra });

  app.get('/can-bo/cham-diem', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    return html(reply, await listPage(req, staff));
  });

  app.post('/can-bo/cham-diem', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    const form = Object.fromEntries(Object.entries(b).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, one(v)]));
    const criteria = [];
    for (let i = 0; i < 40; i++) {
      const name = form[`c${i}.name`]?.trim();
      if (!name) continue;
      const kind = form[`c${i}.kind`] === 'auto' ? 'auto' : 'manual';
      const t = form[`c${i}.threshold`]?.trim().replace(',', '.');
      criteria.push({ name, maxPoints: form[`c${i}.max`]?.replace(',', '.') || undefined, kind, indicatorKey: form[`c${i}.indicator`] || undefined, threshold: kind === 'auto' && t ? Number(t) / 100 : undefined });
    }
    try {
      const t = await scoring.createTable(staff, { month: form.month, title: form.title || undefined, criteria });
      return reply.redirect(`/can-bo/cham-diem/${t.id}`, 303);
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return html(reply, await listPage(req, staff, { errors, form }), e instanceof ValidationError ? 422 : 409);
    }
  });

  app.get('/can-bo/cham-diem/xep-hang', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const month = monthOf(req, thisMonth());
    const m = await scoring.monthRanking(staff, month);
    return html(reply, RankingPage({ ...(await nav(req, staff)), month, table: m.table, rows: m.rows, year: await scoring.yearRanking(staff, month) }));
  });

  app.get('/can-bo/cham-diem/xep-hang.xlsx', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const month = monthOf(req, thisMonth());
    const m = await scoring.monthRanking(staff, month);
    const buf = await rankingXlsx({ view: m.view, label: month }, await scoring.yearRanking(staff, month));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="xep-hang-${month}.xlsx"`)
      .send(buf);
  });

  app.get('/can-bo/cham-diem/minh-chung/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const e = await scoring.evidenceFile(staff, idOf(req));
    const data = await deps.files.get(e.sha256);
    return reply
      .type(e.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(e.name)}`)
      .send(data);
  });

  const tablePage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, id: string, extra: { errors?: Array<{ message: string }>; message?: string } = {}, status = 200) =>
    html(reply, ScoringTablePage({ ...(await nav(req, staff)), v: await scoring.view(staff, id), supervisor: staff.role === 'supervisor', ...extra }), status);

  app.get('/can-bo/cham-diem/:id', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const done = one((req.query as Body).da_luu);
    return tablePage(req, reply, staff, idOf(req), { message: done ? 'Đã lưu.' : undefined });
  });

  /** A form post on a table: run the change, then back to the table (or the table with the problems). */
  const change = (path: string, run: (staff: Staff, id: string, b: Body) => Promise<string | void>) =>
    app.post(`/can-bo/cham-diem/:id/${path}`, async (req, reply) => {
      const staff = pageStaff(req, reply, SCORERS);
      if (!staff) return reply;
      const id = idOf(req);
      const b = (req.body ?? {}) as Body;
      checkCsrf(req, b._csrf);
      try {
        const next = await run(staff, id, b);
        return reply.redirect(`/can-bo/cham-diem/${next ?? id}?da_luu=1`, 303);
      } catch (e) {
        const errors = errorsOf(e);
        if (!errors) throw e;
        return tablePage(req, reply, staff, id, { errors }, e instanceof ValidationError ? 422 : 409);
      }
    });

  change('tu-cham', (staff, id, b) => scoring.selfAssess(staff, id, { criterion: one(b.criterion), points: one(b.points).replace(',', '.'), note: one(b.note) }));
  change('dieu-chinh', (staff, id, b) => scoring.adjust(staff, id, { unit: one(b.unit), criterion: one(b.criterion), points: one(b.points).replace(',', '.'), reason: one(b.reason) }));
  change('chot', async (staff, id) => void (await scoring.finalise(staff, id)));
  change('dinh-chinh', async (staff, id, b) => (await scoring.correct(staff, id, one(b.reason))).id);

  app.post('/can-bo/cham-diem/:id/minh-chung', async (req, reply) => {
    const staff = pageStaff(req, reply, SCORERS);
    if (!staff) return reply;
    const id = idOf(req);
    const body = await readMultipart(req, { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024, maxFiles: 1 });
    checkCsrf(req, body.fields._csrf);
    const file = body.files[0];
    try {
      if (!file) throw new ValidationError('Chọn tệp minh chứng.', [{ field: 'file', code: 'required', message: 'Chọn tệp minh chứng để gửi' }], 'invalid_evidence');
      await scoring.addEvidence(staff, id, body.fields.criterion ?? '', await asUpload(file));
      return reply.redirect(`/can-bo/cham-diem/${id}?da_luu=1`, 303);
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return tablePage(req, reply, staff, id, { errors }, e instanceof ConflictError ? 409 : 422);
    }
  });
}

function monthOf(req: FastifyRequest, fallback: string): string {
  const m = one((req.query as Body).thang).trim();
  if (!m) return fallback;
  if (!MONTH_RE.test(m)) throw new ValidationError('Tháng không hợp lệ (ví dụ 2026-11).', [{ field: 'thang', code: 'invalid_month', message: 'Tháng có dạng 2026-11' }]);
  return m;
}
