import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../account';
import { ValidationError } from '../shared/errors';
import { z } from 'zod';
import { docSchema, html, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { apiStaff } from '../staff/staff.guard';
import { checkCsrf } from '../shared/session';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { parseWorkPeriod, shiftPeriod, type WorkPeriod } from './performance.period';
import { renderWeeklyReviewPdf } from './performance.pdf';
import type { PerformanceService } from './performance.service';
import { OfficialPerformancePage, TargetsPage, UnitPerformancePage, WeeklyReviewPage } from './performance.views';

export interface PerformanceRoutesDeps {
  performance: PerformanceService;
  units: UnitService;
}

type Query = Record<string, string | undefined>;
const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
const UNIT_RE = /^\d{2,5}$/;
const validPeriod = (t: string | undefined): string | undefined => {
  try {
    return t ? parseWorkPeriod(t).key : undefined;
  } catch {
    return undefined;
  }
};

const perfQuery = z.object({
  period: z.string().max(10).optional().describe('Tháng "2026-11" hoặc tuần "2026-W49" (mặc định: tháng hiện tại)').meta({ examples: ['2026-11'] }),
  unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2–5 chữ số').optional().describe('Đơn vị (lãnh đạo: đơn vị của mình; giám sát: các đơn vị trực thuộc)').meta({ examples: ['00004'] }),
  official: z.string().max(32).optional().describe('Tên đăng nhập của một cán bộ; không có thì cả đơn vị (lãnh đạo) hoặc chính mình').meta({ examples: ['chuyenvien'] }),
});
const stepJson = z.object({ kind: z.string(), label: z.string(), done: z.number().int(), onTime: z.number().int(), late: z.number().int(), medianMs: z.number().nullable().describe('Thời gian làm việc đã dùng (trung vị), mili giây') });
const officialJson = z.object({
  staff: z.object({ username: z.string(), fullName: z.string(), role: z.string(), unitCode: z.string() }),
  steps: z.array(stepJson),
  dossiers: z.number().int(),
  stepsDone: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  onTimeRate: z.number().nullable(),
  supplementRequests: z.number().int(),
  ratings: z.object({ very_satisfied: z.number().int(), satisfied: z.number().int(), dissatisfied: z.number().int(), total: z.number().int() }),
  overdueNow: z.number().int(),
});
const performanceJson = z.object({ unit: z.string(), period: z.string(), from: z.string(), to: z.string(), items: z.array(officialJson) });

/** Officials' performance, targets and the weekly review (workspace pages and one JSON API). */
export async function performanceRoutes(app: FastifyInstance, deps: PerformanceRoutesDeps): Promise<void> {
  const { performance: perf, units } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode), current: req.url });
  const unitParam = (q: Query): string | undefined => {
    const u = one(q.unit)?.trim();
    if (!u) return undefined;
    if (!UNIT_RE.test(u)) throw new ValidationError('Mã đơn vị không hợp lệ.', [{ field: 'unit', code: 'invalid_unit', message: 'Mã đơn vị gồm 2–5 chữ số' }]);
    return u;
  };

  app.get(
    '/api/performance',
    {
      schema: {
        tags: ['Cán bộ'],
        summary: 'Kết quả công việc của cán bộ trong một tháng hoặc một tuần, tính từ lịch sử hồ sơ (lãnh đạo: cả đơn vị; cán bộ: chính mình)',
        operationId: 'getPerformance',
        security: security.staff,
        querystring: docSchema(perfQuery),
        response: { 200: json(performanceJson, 'Từng cán bộ: số bước đúng hạn, quá hạn, trung vị thời gian theo bước, yêu cầu bổ sung, đánh giá'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { staff } = apiStaff(req);
      const q = parseInput(perfQuery, req.query);
      const period = perf.period(q.period);
      let unitCode: string;
      let items;
      if (q.official || !perf.seesOthers(staff)) {
        const o = await perf.officialFor(staff, q.official ?? staff.username);
        unitCode = o.unitCode;
        items = await perf.compute(o.unitCode, [o], period);
      } else {
        const r = await perf.forUnit(staff, { unit: q.unit, period: period.key });
        unitCode = r.unitCode;
        items = r.items;
      }
      reply.header('cache-control', 'private, no-store');
      return {
        unit: unitCode,
        period: period.key,
        from: period.from,
        to: period.to,
        items: items.map((o) => ({
          staff: { username: o.staff.username, fullName: o.staff.fullName, role: o.staff.role, unitCode: o.staff.unitCode },
          steps: o.steps,
          dossiers: o.dossiers,
          stepsDone: o.stepsDone,
          onTime: o.onTime,
          late: o.late,
          onTimeRate: o.onTimeRate,
          supplementRequests: o.supplementRequests,
          ratings: o.ratings,
          overdueNow: o.overdueNow,
        })),
      };
    },
  );

  app.get('/can-bo/hieu-qua', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = req.query as Query;
    const period = perf.period(one(q.ky));
    // An official who sees only themselves gets their own page here (the menu's entry).
    if (!perf.seesOthers(staff)) return ownPage(req, reply, staff, staff.username, period);
    const unit = unitParam(q);
    const r = await perf.forUnit(staff, { unit, period: period.key });
    const u = await units.get(r.unitCode);
    return html(reply, UnitPerformancePage({ ...(await nav(req, staff)), unitName: u.name, period, prev: shiftPeriod(period, -1).key, next: shiftPeriod(period, 1).key, items: r.items, unitParam: unit }));
  });

  const ownPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, username: string, period: WorkPeriod) => {
    const official = await perf.officialFor(staff, username);
    const p = (await perf.compute(official.unitCode, [official], period))[0]!;
    const targets = await perf.progressOfOfficial(official, period);
    return html(reply, OfficialPerformancePage({ ...(await nav(req, staff)), perf: p, period, prev: shiftPeriod(period, -1).key, next: shiftPeriod(period, 1).key, targets, own: official.id === staff.id }));
  };

  app.get('/can-bo/hieu-qua/:username', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const period = perf.period(one((req.query as Query).ky));
    return ownPage(req, reply, staff, (req.params as { username: string }).username, period);
  });

  const targetsPage = async (req: FastifyRequest, staff: Staff, extra: { errors?: Array<{ field: string; message: string }>; form?: Record<string, string>; message?: string; period?: string } = {}) => {
    const q = req.query as Query;
    const { period: asked, ...rest } = extra;
    const r = await perf.unitTargets(staff, { period: asked ?? one(q.ky) });
    const canSet = staff.role === 'leader';
    const officials = canSet ? await perf.officialsOf(staff) : [];
    return TargetsPage({
      ...(await nav(req, staff)),
      period: r.period,
      prev: shiftPeriod(r.period, -1).key,
      next: shiftPeriod(r.period, 1).key,
      items: r.items,
      canSet,
      officials: officials.map((o) => ({ username: o.username, fullName: o.fullName })),
      fields: canSet ? await perf.fieldsOf(staff.unitCode) : [],
      ...rest,
    });
  };

  app.get('/can-bo/chi-tieu', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const done = one((req.query as Query).da_giao);
    return html(reply, await targetsPage(req, staff, { message: done === '1' ? 'Đã giao chỉ tiêu.' : done === '0' ? 'Đã bỏ chỉ tiêu.' : undefined }));
  });

  app.post('/can-bo/chi-tieu', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const form = Object.fromEntries(['subject', 'metric', 'value', 'period', 'note'].map((k) => [k, one(b[k]) ?? '']));
    try {
      const t = await perf.setTarget(staff, { ...form, value: !form.value ? undefined : form.value.replace(',', '.'), note: form.note || undefined });
      return reply.redirect(`/can-bo/chi-tieu?ky=${t.periodKey}&da_giao=1`, 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await targetsPage(req, staff, { errors: e.fields, form, period: validPeriod(form.period) }), 422);
    }
  });

  app.post('/can-bo/chi-tieu/:id/xoa', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    await perf.removeTarget(staff, (req.params as { id: string }).id);
    return reply.redirect('/can-bo/chi-tieu?da_giao=0', 303);
  });

  const review = async (req: FastifyRequest, staff: Staff) => {
    const q = req.query as Query;
    return perf.weeklyReview(staff, { unit: unitParam(q), week: one(q.tuan) });
  };

  app.get('/can-bo/giao-ban-tuan', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const r = await review(req, staff);
    return html(reply, WeeklyReviewPage({ ...(await nav(req, staff)), review: r, prev: shiftPeriod(r.week, -1).key, next: shiftPeriod(r.week, 1).key, unitParam: unitParam(req.query as Query) }));
  });

  app.get('/can-bo/giao-ban-tuan.pdf', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const r = await review(req, staff);
    const pdf = await renderWeeklyReviewPdf(r);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="giao-ban-${r.unit.code}-${r.week.key}.pdf"`)
      .send(pdf);
  });
}


