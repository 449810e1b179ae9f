import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import type { UnitService } from '../unit';
import { ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { checkCsrf } from '../shared/session';
import { apiStaff, pageStaff } from '../staff/staff.guard';
import { dueListXlsx } from './vaccination.excel';
import { dueJson, dueQuery, dueToJson } from './vaccination.openapi';
import { isoWeekOf, vnToday, weekDays } from './vaccination.schedule';
import { ENROLMENT_ID, HEALTH_STATION_ROLES, SCHEDULE_EDITOR_ROLES, type StaffActor, type VaccinationService } from './vaccination.service';
import { DuePage, SchedulePage } from './vaccination.staff-views';

const ID = z.string().regex(ENROLMENT_ID, 'Mã đăng ký nhắc lịch tiêm không hợp lệ');
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const actorOf = (s: Staff): StaffActor => ({ id: s.id, fullName: s.fullName, unitCode: s.unitCode, role: s.role });

export interface VaccinationStaffRouteDeps {
  vaccination: VaccinationService;
  units: UnitService;
  now: () => Date;
}

/** The health station's pages (children due per week and village, export, doses given) and the schedule's editor. */
export async function vaccinationStaffRoutes(app: FastifyInstance, deps: VaccinationStaffRouteDeps): Promise<void> {
  const { vaccination } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });
  const thisWeek = () => isoWeekOf(vnToday(deps.now()));

  /** ?tuan=2026-W49&thon=… (bad values: this week, all villages, and a message). */
  const filters = (req: FastifyRequest) => {
    const q = req.query as Record<string, unknown>;
    const asked = one(q.tuan);
    const week = asked && weekDays(asked) ? asked : thisWeek();
    return { week, village: one(q.thon) || undefined, badWeek: !!asked && !weekDays(asked) };
  };

  const duePage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { message?: string; errors?: Array<{ field: string; message: string }> } = {}, status = 200) => {
    const f = filters(req);
    const list = await vaccination.dueList(staff.unitCode, f.week, f.village);
    const errs = [...(extra.errors ?? []), ...(f.badWeek ? [{ field: 'tuan', message: 'Tuần không hợp lệ: đang xem tuần này' }] : [])];
    return html(reply, DuePage({ ...(await nav(req, staff)), list, villages: await vaccination.villages(staff.unitCode), village: f.village, settings: await vaccination.settings(staff.unitCode), message: extra.message, errors: errs.length ? errs : undefined }), status);
  };

  app.get('/can-bo/tiem-chung', async (req, reply) => {
    const staff = pageStaff(req, reply, HEALTH_STATION_ROLES);
    if (!staff) return reply;
    return duePage(req, reply, staff, { message: one((req.query as Record<string, unknown>).da) === 'tiem' ? 'Đã ghi mũi tiêm.' : undefined });
  });

  app.get('/can-bo/tiem-chung/danh-sach.xlsx', async (req, reply) => {
    const staff = pageStaff(req, reply, HEALTH_STATION_ROLES);
    if (!staff) return reply;
    const f = filters(req);
    const list = await vaccination.dueList(staff.unitCode, f.week, f.village);
    const buf = await dueListXlsx(list, (await deps.units.get(staff.unitCode)).name);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tiem-chung-${f.week}.xlsx"`)
      .send(buf);
  });

  app.post('/can-bo/tiem-chung/:id/da-tiem', async (req, reply) => {
    const staff = pageStaff(req, reply, HEALTH_STATION_ROLES);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const { id } = parseInput(z.object({ id: ID }), req.params);
    try {
      await vaccination.markGiven(id, one(b.dose), { kind: 'staff', staff: actorOf(staff) }, one(b.givenOn) || undefined);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return duePage(req, reply, staff, { errors: e.fields }, 422);
    }
    const back = new URLSearchParams({ da: 'tiem' });
    if (one(b.tuan)) back.set('tuan', one(b.tuan));
    if (one(b.thon)) back.set('thon', one(b.thon));
    return reply.redirect(`/can-bo/tiem-chung?${back}`, 303);
  });

  // ------------------------------------------------------------------ the schedule and the settings

  const schedulePage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { message?: string; errors?: Array<{ field: string; message: string }>; values?: Record<string, string> } = {}, status = 200) =>
    html(
      reply,
      SchedulePage({ ...(await nav(req, staff)), rows: await vaccination.scheduleRows(staff.unitCode), settings: await vaccination.settings(staff.unitCode), canConfirm: HEALTH_STATION_ROLES.includes(staff.role), ...extra }),
      status,
    );
  const DONE: Record<string, string> = { luu: 'Đã lưu mũi tiêm. Lịch cần trạm y tế xác nhận lại.', xoa: 'Đã xóa mũi tiêm khỏi lịch.', 'xac-nhan': 'Đã xác nhận lịch tiêm.', 'cai-dat': 'Đã lưu cài đặt nhắc lịch.' };

  app.get('/can-bo/tiem-chung/lich', async (req, reply) => {
    const staff = pageStaff(req, reply, SCHEDULE_EDITOR_ROLES);
    if (!staff) return reply;
    return schedulePage(req, reply, staff, { message: DONE[one((req.query as Record<string, unknown>).da)] });
  });

  const act = (path: string, run: (staff: Staff, b: Record<string, unknown>, params: Record<string, string>) => Promise<unknown>, done: string) =>
    app.post(path, async (req, reply) => {
      const staff = pageStaff(req, reply, SCHEDULE_EDITOR_ROLES);
      if (!staff) return reply;
      const b = (req.body ?? {}) as Record<string, unknown>;
      checkCsrf(req, b._csrf);
      try {
        await run(staff, b, req.params as Record<string, string>);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        return schedulePage(req, reply, staff, { errors: e.fields, values: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, one(v)])) }, 422);
      }
      return reply.redirect(`/can-bo/tiem-chung/lich?da=${done}`, 303);
    });
  act('/can-bo/tiem-chung/lich', (s, b) => vaccination.saveScheduleRow(actorOf(s), s.unitCode, { key: one(b.key), vaccine: one(b.vaccine), dose: one(b.dose), months: one(b.months), days: one(b.days) || '0', note: one(b.note) }), 'luu');
  act('/can-bo/tiem-chung/lich/:key/xoa', (s, _b, p) => vaccination.deleteScheduleRow(actorOf(s), s.unitCode, String(p.key ?? '')), 'xoa');
  act('/can-bo/tiem-chung/lich/xac-nhan', (s) => vaccination.confirmSchedule(actorOf(s), s.unitCode), 'xac-nhan');
  act('/can-bo/tiem-chung/cai-dat', (s, b) => vaccination.saveSettings(actorOf(s), s.unitCode, { reminderDays: one(b.reminderDays), stationName: one(b.stationName), stationAddress: one(b.stationAddress), stationHours: one(b.stationHours) }), 'cai-dat');

  // ------------------------------------------------------------------ JSON

  app.get(
    '/api/vaccination/due',
    {
      schema: {
        tags: ['Tiêm chủng'],
        summary: 'Trẻ đến lịch tiêm trong một tuần, theo thôn (trạm y tế của đơn vị)',
        operationId: 'listVaccinationDue',
        security: security.staff,
        querystring: { type: 'object', properties: { week: { type: 'string', description: 'Tuần ISO, ví dụ 2026-W49 (mặc định: tuần này)' }, village: { type: 'string', description: 'Chỉ một thôn, tổ dân phố' } } },
        response: { 200: json(dueJson, 'Các cháu có mũi đến lịch trong tuần, theo thôn; kèm các mũi trước chưa tiêm'), ...errors(400, 401, 403) },
        description: 'Chỉ tài khoản trạm y tế (vai trò health_station), chỉ trẻ của đơn vị mình. Bảng Excel: /can-bo/tiem-chung/danh-sach.xlsx?tuan=…&thon=…',
      },
    },
    async (req) => {
      const { staff } = apiStaff(req, HEALTH_STATION_ROLES);
      const q = parseInput(dueQuery, req.query);
      return dueToJson(await vaccination.dueList(staff.unitCode, q.week ?? thisWeek(), q.village));
    },
  );
}
