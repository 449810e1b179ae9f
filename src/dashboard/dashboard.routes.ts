import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { COUNTED_WORD, INDICATOR_KEYS, INDICATORS, PAGE_SIZE, PARTS, type Period } from '../indicator';
import { LEVEL_LABEL } from '../rating';
import { BadRequestError } from '../shared/errors';
import { html, parseInput, wantsJson } from '../shared/http';
import { staffNav } from '../shared/staff-layout';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { groupsChart, rankingChart, ratingsChart, trendChart } from './dashboard.charts';
import { tablePdf, tableXlsx } from './dashboard.export';
import { PublicResultsPage } from './dashboard.public-views';
import { TREND_KEYS, type DashboardService } from './dashboard.service';
import { breakdownTable, dossiersTable, groupsTable, rankingTable, ratingsTable, recordsTable, trendTable, TREND_LABEL, type DataTable } from './dashboard.tables';
import { DrillPage, OverviewPage, RankingPage, type PeriodError } from './dashboard.views';

export interface DashboardRoutesDeps {
  dashboards: DashboardService;
  units: UnitService;
  /** Demo mode: pages say their figures include demo dossiers. */
  demo: boolean;
  /** The counter queue's figures of the period (appointment module's statistics), linked to their page. */
  queueSummary?: (unit: string, from: Date, to: Date) => Promise<QueueSummary>;
  /** Dossiers received at home and on a Saturday in the period (home-visit module), linked to their lists. */
  receptionSummary?: (unit: string, from: Date, to: Date) => Promise<ReceptionSummary>;
}

export interface ReceptionSummary {
  homeDossiers: number;
  saturdayDossiers: number;
  visitsNotReceived: number;
  homeHref: string;
  saturdayHref: string;
}

export interface QueueSummary {
  tickets: number;
  avgWait: number | null;
  avgService: number | null;
  noShowRate: number | null;
  href: string;
}

const UNIT = z.string().trim().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const PERIOD = z.string().trim().max(30, 'Kỳ không hợp lệ').optional();
const TABLES = ['nhom', 'xu-huong', 'thu-tuc', 'linh-vuc', 'danh-gia', 'xep-hang', 'ho-so'] as const;

const overviewQuery = z.object({ 'don-vi': UNIT.optional(), ky: PERIOD });
const drillQuery = z.object({
  'don-vi': UNIT.optional(),
  ky: PERIOD,
  'chi-so': z.enum(INDICATOR_KEYS, { message: `Chỉ số phải là một trong: ${INDICATOR_KEYS.join(', ')}` }),
  phan: z.enum(PARTS, { message: 'Phần phải là numerator (tử số) hoặc denominator (mẫu số)' }),
  'thu-tuc': z.string().trim().max(40).optional(),
  'linh-vuc': z.string().trim().max(100).optional(),
  trang: z.coerce.number({ message: 'Số trang không hợp lệ' }).int().min(1).max(100_000).default(1),
});
const exportQuery = z.object({
  bang: z.enum(TABLES, { message: `Bảng phải là một trong: ${TABLES.join(', ')}` }).default('nhom'),
  'dinh-dang': z.enum(['xlsx', 'pdf'], { message: 'Định dạng là xlsx hoặc pdf' }).default('xlsx'),
});

/**
 * The dashboards' pages (issue 11): the unit's indicators at a glance, the supervisor's ranking,
 * the dossiers behind any figure, Excel/PDF of any table, and the public results page.
 */
export async function dashboardRoutes(app: FastifyInstance, deps: DashboardRoutesDeps): Promise<void> {
  const { dashboards: dash, units } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => staffNav(req, staff, (await units.get(staff.unitCode)).name);
  const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();

  /**
   * The period an official typed on a page: a bad one is said in the page, which shows the current
   * month instead (status 400); a client asking for JSON gets the 400 `invalid_period` itself.
   */
  function pagePeriod(req: FastifyRequest, text: string | undefined): { period: Period; error?: PeriodError } {
    try {
      return { period: dash.period(text) };
    } catch (e) {
      if (!(e instanceof BadRequestError) || wantsJson(req)) throw e;
      return { period: dash.period(undefined), error: { typed: text ?? '', message: e.message } };
    }
  }

  /** The overview's tables (the same objects are exported). */
  async function overviewTables(unit: string, period: Period) {
    const o = await dash.overview(unit, period);
    const name = o.report.unitName;
    const tables: DataTable[] = [
      groupsTable(o.report, name),
      trendTable(o.trend, unit, name),
      breakdownTable('linh-vuc', o.byField, unit, o.report.period, name),
      breakdownTable('thu-tuc', o.byProcedure, unit, o.report.period, name),
      ratingsTable(o, name),
    ];
    return { o, tables };
  }

  async function drillTable(unit: string, q: z.infer<typeof drillQuery>, all: boolean) {
    const period = dash.period(q.ky);
    if ((INDICATORS[q['chi-so']].counted ?? 'dossiers') !== 'dossiers') {
      const list = await dash.records(unit, period, q['chi-so'], q.phan, all ? 1 : q.trang, all ? 1_000_000 : PAGE_SIZE);
      const names = await dash.procedureNames(list.items.flatMap((i) => (i.procedureCode ? [i.procedureCode] : [])));
      const table = recordsTable(list, names, (await units.get(unit)).name, period, q.phan);
      return { table, total: list.total, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)), period, word: COUNTED_WORD[INDICATORS[q['chi-so']].counted!] };
    }
    const filtered = !!(q['thu-tuc'] || q['linh-vuc']);
    const list = all || filtered ? await dash.allDossiers(unit, period, q['chi-so'], q.phan, { procedure: q['thu-tuc'], field: q['linh-vuc'] }) : await dash.dossiers(unit, period, q['chi-so'], q.phan, q.trang);
    const pageSize = all ? list.items.length : PAGE_SIZE;
    const shown = !all && filtered ? { ...list, items: list.items.slice((q.trang - 1) * PAGE_SIZE, q.trang * PAGE_SIZE) } : list;
    const names = await dash.procedureNames(shown.items.map((i) => i.procedureCode));
    const unitName = (await units.get(unit)).name;
    const table = dossiersTable(shown, names, unitName, period, q.phan);
    if (q['thu-tuc']) table.subtitle += `; thủ tục ${names.get(q['thu-tuc']) ?? q['thu-tuc']}`;
    if (q['linh-vuc']) table.subtitle += `; lĩnh vực ${q['linh-vuc']}`;
    return { table, total: list.total, pages: Math.max(1, Math.ceil(list.total / Math.max(1, pageSize))), period, word: COUNTED_WORD.dossiers };
  }

  app.get('/can-bo/chi-so', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(overviewQuery, req.query);
    if (staff.role === 'supervisor' && !q['don-vi']) return reply.redirect(`/can-bo/chi-so/xep-hang${q.ky ? `?ky=${encodeURIComponent(q.ky)}` : ''}`, 303);
    const unit = await dash.unitFor(staff, q['don-vi']);
    const { period, error: periodError } = pagePeriod(req, q.ky);
    const { o, tables } = await overviewTables(unit, period);
    const charts = {
      groups: groupsChart(o.report.groups),
      trend: trendChart(
        o.trend.map((t) => t.period),
        [{ name: 'Tổng điểm', values: o.trend.map((t) => t.total) }, ...TREND_KEYS.map((k) => ({ name: TREND_LABEL[k]!, values: o.trend.map((t) => (t.rates[k] === null || t.rates[k] === undefined ? null : Math.round(t.rates[k]! * 10_000) / 100)) }))],
      ),
      ratings: ratingsChart(o.ratings.levels.map((l) => ({ name: LEVEL_LABEL[l.level], count: l.count }))),
    };
    const worklistHref = `/can-bo?tab=overdue${staff.unitCode !== unit ? `&unit=${unit}` : ''}`;
    const queue = deps.queueSummary ? await deps.queueSummary(unit, new Date(period.from), new Date(period.to)).catch(() => undefined) : undefined;
    // The home-visit figures are the official's own unit's (its support team); a supervisor sees them on the unit's page.
    const reception = deps.receptionSummary && unit === staff.unitCode ? await deps.receptionSummary(unit, new Date(period.from), new Date(period.to)) : undefined;
    return html(reply, OverviewPage({ ...(await nav(req, staff)), o, charts, tables, exportQuery: qs({ 'don-vi': unit, ky: period.key }), demo: deps.demo, isSupervisor: staff.role === 'supervisor', worklistHref, queue, reception, periodError }), periodError ? 400 : 200);
  });

  app.get('/can-bo/chi-so/xep-hang', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(z.object({ ky: PERIOD }), req.query);
    const { period, error: periodError } = pagePeriod(req, q.ky);
    const ranking = await dash.rankingFor(staff, period.key);
    return html(reply, RankingPage({ ...(await nav(req, staff)), ranking, chart: rankingChart(ranking.items.filter((i) => i.hasDossiers)), table: rankingTable(ranking), exportQuery: qs({ ky: ranking.period }), periodError }), periodError ? 400 : 200);
  });

  app.get('/can-bo/chi-so/ho-so', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(drillQuery, req.query, 'Tham số của danh sách hồ sơ không hợp lệ.');
    const unit = await dash.unitFor(staff, q['don-vi']);
    const { table, total, pages, period, word } = await drillTable(unit, q, false);
    const base = { 'don-vi': unit, ky: period.key, 'chi-so': q['chi-so'], phan: q.phan, 'thu-tuc': q['thu-tuc'], 'linh-vuc': q['linh-vuc'] };
    return html(
      reply,
      DrillPage({
        ...(await nav(req, staff)),
        table,
        total,
        word,
        page: q.trang,
        pages,
        pageHref: (n) => `/can-bo/chi-so/ho-so?${qs({ ...base, trang: String(n) })}`,
        exportQuery: qs(base),
        back: `/can-bo/chi-so?${qs({ 'don-vi': unit, ky: period.key })}`,
      }),
    );
  });

  app.get('/can-bo/chi-so/xuat', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const e = parseInput(exportQuery, req.query, 'Tham số xuất bảng không hợp lệ.');
    let table: DataTable;
    if (e.bang === 'xep-hang') {
      table = rankingTable(await dash.rankingFor(staff, parseInput(z.object({ ky: PERIOD }), req.query).ky));
    } else if (e.bang === 'ho-so') {
      const q = parseInput(drillQuery, req.query, 'Tham số của danh sách hồ sơ không hợp lệ.');
      table = (await drillTable(await dash.unitFor(staff, q['don-vi']), q, true)).table;
    } else {
      const q = parseInput(overviewQuery, req.query);
      const unit = await dash.unitFor(staff, q['don-vi']);
      const found = (await overviewTables(unit, dash.period(q.ky))).tables.find((t) => t.id === e.bang);
      if (!found) throw new BadRequestError('invalid_table', 'Không có bảng này.');
      table = found;
    }
    return sendTable(reply, table, e['dinh-dang']);
  });

  // ---------------------------------------------------------------- public

  app.get('/dv/:unit/ket-qua-giai-quyet', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const q = parseInput(z.object({ ky: PERIOD }), req.query);
    const u = await units.get(unit);
    // A month only; anything else is said in the page, which shows the current month.
    const { period, error: periodError } = pagePeriod(req, q.ky);
    const monthError = !periodError && period.kind !== 'month' ? { typed: q.ky ?? '', message: 'Trang này xem theo tháng, ví dụ 2026-11.' } : undefined;
    const { month, year } = await dash.publicFigures(unit, periodError || monthError ? undefined : period.key);
    const current = dash.currentMonth();
    const months: string[] = [];
    const [y, m] = current.split('-').map(Number) as [number, number];
    for (let i = 1; i <= 12; i++) {
      const d = new Date(Date.UTC(y, m - 1 - i, 1));
      months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    const error = periodError ?? monthError;
    if (error) return html(reply, PublicResultsPage({ unitName: u.name, unitHref: `/dv/${unit}`, month, year, months, periodError: error }), 400);
    reply.header('cache-control', 'public, max-age=300');
    return html(reply, PublicResultsPage({ unitName: u.name, unitHref: `/dv/${unit}`, month, year, months }));
  });
}

async function sendTable(reply: FastifyReply, t: DataTable, fmt: 'xlsx' | 'pdf'): Promise<FastifyReply> {
  const name = `chi-so-${t.id}.${fmt}`;
  const body = fmt === 'xlsx' ? await tableXlsx(t) : await tablePdf(t);
  return reply
    .type(fmt === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
