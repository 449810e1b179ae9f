import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import type { UnitService } from '../unit';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { html, parseInput, wantsJson } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { pageStaff } from '../staff/staff.guard';
import { INDICATOR_PREFILL } from './report.demo';
import { parsePeriod, periodLabel, recentPeriods, vnDay } from './report.period';
import type { ReportService } from './report.service';
import type { DataSet, ReportActor, ValueInput } from './report.types';
import { EntryPage, RegisterPage, ReportListPage, statusText, vnTime, type EntryModel } from './report.views';

/**
 * The unit's side of the reports (issue 12): the list of reports to enter, the entry form of a
 * unit and period (no JS needed; with JS each value is saved as it is typed), mark complete,
 * approval by the leader, reopening by the supervisor with a reason, places, the person registers.
 */
const CODE = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Mã báo cáo không hợp lệ');
const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã không hợp lệ');
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const MESSAGES: Record<string, string> = {
  luu: 'Đã lưu số liệu.',
  xong: 'Đã đánh dấu hoàn thành.',
  duyet: 'Đã phê duyệt báo cáo.',
  mo: 'Đã mở lại báo cáo để đơn vị sửa.',
  tinh: 'Đã tính số người từ danh sách.',
  lay: 'Đã lấy số liệu từ hồ sơ; hãy kiểm tra rồi đánh dấu hoàn thành.',
  'dia-diem': 'Đã thêm địa điểm.',
  them: 'Đã thêm vào danh sách.',
  'roi-di': 'Đã ghi ngày rời đi.',
};

export interface ReportRouteDeps {
  reports: ReportService;
  units: UnitService;
  now: () => Date;
}

export const actorOf = (s: Staff): ReportActor => ({ id: s.id, name: s.fullName, unitCode: s.unitCode, role: s.role });

/** `v:placeId:element:coc` fields of the form into values. */
function valuesOf(body: Record<string, unknown>): ValueInput[] {
  const out: ValueInput[] = [];
  for (const [k, v] of Object.entries(body)) {
    const m = /^v:([0-9a-f-]{36}|):([A-Z][A-Z0-9_]*):([A-Za-z0-9_]*)$/.exec(k);
    if (m) out.push({ placeId: m[1]!, dataElement: m[2]!, coc: m[3]!, value: one(v) });
  }
  return out;
}

/** Why an official sees a report's form without inputs (none when they may enter it). */
function readOnlyReason(ds: DataSet, p: { code: string; start: string }, unitCode: string, unitName: string, actor: ReportActor, today: string): EntryModel['readOnly'] {
  if (ds.closed) return undefined; // the status says so
  if (actor.unitCode !== unitCode)
    return { text: `Bạn đang xem báo cáo của ${unitName}. Cấp trên không sửa trực tiếp số liệu của đơn vị cấp dưới: có thể nhập thay bằng tệp Excel (lịch sử ghi "Cấp trên nhập thay") hoặc mở lại báo cáo đã hoàn thành để đơn vị sửa.`, excelHref: `/can-bo/bao-cao/excel?bo=${ds.code}&ky=${p.code}&don-vi=${unitCode}` };
  if (p.start > today) return { text: `Chưa đến kỳ báo cáo này: nhập được từ ngày ${p.start.split('-').reverse().join('/')}.` };
  if (!ds.access.enter.includes(actor.role)) return { text: 'Vai trò của bạn không nhập báo cáo này; cán bộ được giao của đơn vị nhập.' };
  return undefined;
}

export async function reportRoutes(app: FastifyInstance, deps: ReportRouteDeps): Promise<void> {
  const { reports, units } = deps;
  const staffOf = (req: FastifyRequest, reply: FastifyReply) => pageStaff(req, reply);
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode), current: req.url });

  app.get('/can-bo/bao-cao', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const actor = actorOf(staff);
    const { enter, supervise } = await reports.dataSetsFor(actor);
    const items = [];
    for (const ds of enter) {
      const period = reports.currentPeriod(ds);
      if (!period) continue;
      const c = await reports.completion({ dataSet: ds.code, period, unitCode: staff.unitCode });
      const reported = (await reports.values({ dataSet: ds.code, period, unitCode: staff.unitCode })).length > 0;
      items.push({ ds, period, periodLabel: reports.periodLabel(ds, period), deadline: vnTime(reports.deadline(ds, period).toISOString()), status: statusText(ds, c, reported) });
    }
    const sup = [];
    for (const ds of supervise) if (ds.ownerUnit && ds.units.some((u) => u !== staff.unitCode)) sup.push({ ds, manage: await reports.canManage(actor, ds) });
    return html(reply, ReportListPage({ ...(await nav(req, staff)), enter: items, supervise: sup.filter((s) => s.ds.units.some((u) => u !== staff.unitCode) && !enter.includes(s.ds)) }));
  });

  /** The report a request is about: data set, period (default: the current one), unit (default: the official's). */
  const target = async (req: FastifyRequest, staff: Staff) => {
    const { ds: code } = parseInput(z.object({ ds: CODE }), req.params);
    const q = req.query as Record<string, unknown>;
    const ds = await reports.dataSet(code);
    const unitCode = q['don-vi'] ? parseInput(UNIT, one(q['don-vi'])) : staff.unitCode;
    const period = one(q.ky) || reports.currentPeriod(ds) || '';
    reports.period(ds, period);
    const actor = actorOf(staff);
    if (!(await reports.canRead(actor, ds, unitCode))) throw new ForbiddenError('Bạn chỉ xem được báo cáo của đơn vị mình và các đơn vị cấp dưới.', 'report_read_forbidden');
    if (!ds.units.includes(unitCode)) throw new NotFoundError(`Đơn vị ${unitCode} không được giao báo cáo ${ds.name}.`, 'unit_not_assigned');
    return { ds, period, unitCode, actor, key: { dataSet: ds.code, period, unitCode } };
  };

  const entryModel = async (ds: DataSet, period: string, unitCode: string, actor: ReportActor, extra: Partial<EntryModel> = {}): Promise<EntryModel> => {
    const p = reports.period(ds, period);
    const prev = reports.previousPeriod(ds, period);
    const key = { dataSet: ds.code, period, unitCode };
    const [values, previous, completion, history, places, combos] = await Promise.all([
      reports.values(key),
      prev ? reports.values({ ...key, period: prev }) : Promise.resolve([]),
      reports.completion(key),
      reports.history(key),
      ds.usesPlaces ? reports.places(ds.code, [unitCode]) : Promise.resolve([]),
      reports.categoryCombos(),
    ]);
    const k = (v: { placeId: string; dataElement: string; coc: string }) => `${v.placeId}:${v.dataElement}:${v.coc}`;
    const periods = recentPeriods(ds.periodType, deps.now(), 14, ds).map((c) => ({ code: c, label: periodLabel(parsePeriod(ds.periodType, c, ds)) }));
    if (!periods.some((x) => x.code === period)) periods.unshift({ code: period, label: periodLabel(p) });
    const u = await units.get(unitCode);
    const completed = Boolean(completion?.completedAt);
    return {
      ds,
      unit: { code: u.code, name: u.name },
      period,
      periodLabel: periodLabel(p),
      periods,
      previousLabel: prev ? periodLabel(parsePeriod(ds.periodType, prev, ds)) : undefined,
      deadline: vnTime(reports.deadline(ds, period).toISOString()),
      completion,
      status: statusText(ds, completion, values.length > 0),
      combos: new Map(combos.map((c) => [c.code, c])),
      places,
      values: new Map(values.map((v) => [k(v), v.value])),
      previous: new Map(previous.map((v) => [k(v), v.value])),
      history,
      canEnter: actor.unitCode === unitCode && ds.access.enter.includes(actor.role) && p.start <= vnDay(deps.now()),
      readOnly: readOnlyReason(ds, p, unitCode, u.name, actor, vnDay(deps.now())),
      canApprove: ds.approvalRequired && completed && !completion?.approvedAt && actor.unitCode === unitCode && ds.access.approve.includes(actor.role),
      canReopen: completed && actor.unitCode !== unitCode && (await reports.canManage(actor, ds).catch(() => false)) && ['supervisor', 'admin'].includes(actor.role) && (await reports.isAtOrAbove(actor.unitCode, unitCode)),
      ...extra,
    };
  };

  app.get('/can-bo/bao-cao/:ds', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const t = await target(req, staff);
    const da = one((req.query as Record<string, unknown>).da);
    return html(reply, EntryPage({ ...(await nav(req, staff)), m: await entryModel(t.ds, t.period, t.unitCode, t.actor, { message: MESSAGES[da] }) }));
  });

  const back = (reply: FastifyReply, ds: string, period: string, unit: string, done: string, path = '') => reply.redirect(`/can-bo/bao-cao/${ds}${path}?ky=${period}&don-vi=${unit}&da=${done}`, 303);

  // Save the whole form (the no-JS way).
  app.post('/can-bo/bao-cao/:ds', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const t = await target(req, staff);
    try {
      const r = await reports.saveValues(t.actor, t.key, valuesOf(b));
      if (r.warnings.length) return html(reply, EntryPage({ ...(await nav(req, staff)), m: await entryModel(t.ds, t.period, t.unitCode, t.actor, { message: MESSAGES.luu, warnings: r.warnings }) }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const posted = Object.fromEntries(Object.entries(b).filter(([k]) => k.startsWith('v:')).map(([k, v]) => [k, one(v)]));
      return html(reply, EntryPage({ ...(await nav(req, staff)), m: await entryModel(t.ds, t.period, t.unitCode, t.actor, { errors: e.fields, posted }) }), 422);
    }
    return back(reply, t.ds.code, t.period, t.unitCode, 'luu');
  });

  // One value, as it is typed (JS): JSON answer.
  app.post('/can-bo/bao-cao/:ds/o', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const t = await target(req, staff);
    const values = valuesOf({ [one(b.field)]: one(b.value) });
    if (values.length !== 1) throw new ValidationError('Ô nhập không hợp lệ.', [{ field: 'field', code: 'invalid_field', message: 'Ô nhập không hợp lệ' }]);
    const r = await reports.saveValues(t.actor, t.key, values);
    return reply.send({ saved: true, counts: r.counts, warnings: r.warnings });
  });

  const act = (path: string, run: (t: Awaited<ReturnType<typeof target>>, b: Record<string, unknown>) => Promise<unknown>, done: string) =>
    app.post(`/can-bo/bao-cao/:ds/${path}`, async (req, reply) => {
      const staff = staffOf(req, reply);
      if (!staff) return reply;
      const b = (req.body ?? {}) as Record<string, unknown>;
      checkCsrf(req, b._csrf);
      const t = await target(req, staff);
      try {
        const r = (await run(t, b)) as { warnings?: string[] } | undefined;
        if (r?.warnings?.length) return html(reply, EntryPage({ ...(await nav(req, staff)), m: await entryModel(t.ds, t.period, t.unitCode, t.actor, { message: MESSAGES[done], warnings: r.warnings }) }));
      } catch (e) {
        if (!(e instanceof ValidationError) || wantsJson(req)) throw e;
        return html(reply, EntryPage({ ...(await nav(req, staff)), m: await entryModel(t.ds, t.period, t.unitCode, t.actor, { errors: [{ field: '', message: e.message }, ...e.fields] }) }), 422);
      }
      return back(reply, t.ds.code, t.period, t.unitCode, done);
    });
  act('hoan-thanh', (t) => reports.complete(t.actor, t.key), 'xong');
  act('phe-duyet', (t) => reports.approve(t.actor, t.key), 'duyet');
  act('mo-lai', (t, b) => reports.reopen(t.actor, t.key, one(b.reason)), 'mo');
  act('tinh-tu-danh-sach', (t) => reports.computeFromRegister(t.actor, t.key), 'tinh');
  act('lay-so-lieu', (t) => reports.prefill(t.actor, t.key, INDICATOR_PREFILL), 'lay');
  act('dia-diem', (t, b) => reports.savePlace(t.actor, { dataSet: t.ds.code, unitCode: t.unitCode, code: one(b.code).trim().toUpperCase(), name: one(b.name), address: one(b.address) }), 'dia-diem');

  // ---------------------------------------------------------------- the person registers (names stay at the unit)
  const registerPage = async (req: FastifyRequest, staff: Staff, ds: DataSet, extra: { values?: Record<string, string>; errors?: Array<{ field: string; message: string }>; message?: string } = {}) => {
    const actor = actorOf(staff);
    const province = (await reports.categoryCombos()).find((c) => c.code === 'PROVINCE');
    return RegisterPage({
      ...(await nav(req, staff)),
      ds,
      unitName: (await units.get(staff.unitCode)).name,
      entries: await reports.register(actor, ds.code, staff.unitCode),
      places: ds.usesPlaces ? await reports.places(ds.code, [staff.unitCode]) : [],
      provinces: province?.options ?? [],
      today: vnDay(deps.now()),
      ...extra,
    });
  };

  app.get('/can-bo/bao-cao/:ds/danh-sach', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const { ds: code } = parseInput(z.object({ ds: CODE }), req.params);
    const ds = await reports.dataSet(code);
    return html(reply, await registerPage(req, staff, ds, { message: MESSAGES[one((req.query as Record<string, unknown>).da)] }));
  });

  app.post('/can-bo/bao-cao/:ds/danh-sach', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const { ds: code } = parseInput(z.object({ ds: CODE }), req.params);
    const ds = await reports.dataSet(code);
    const values = Object.fromEntries(['fullName', 'sex', 'birthYear', 'homeProvince', 'arrivedOn', 'placeId', 'note'].map((k) => [k, one(b[k])]));
    try {
      await reports.addToRegister(actorOf(staff), ds.code, staff.unitCode, values);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await registerPage(req, staff, ds, { values, errors: e.fields }), 422);
    }
    return reply.redirect(`/can-bo/bao-cao/${ds.code}/danh-sach?da=them`, 303);
  });

  app.post('/can-bo/bao-cao/:ds/danh-sach/:id/roi-di', async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const { ds: code, id } = parseInput(z.object({ ds: CODE, id: ID }), req.params);
    const ds = await reports.dataSet(code);
    try {
      await reports.leaveRegister(actorOf(staff), ds.code, staff.unitCode, id, one(b.leftOn));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await registerPage(req, staff, ds, { errors: e.fields }), 422);
    }
    return reply.redirect(`/can-bo/bao-cao/${ds.code}/danh-sach?da=roi-di`, 303);
  });
}
