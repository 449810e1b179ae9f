import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Staff } from '../account';
import type { AuditService } from '../audit';
import type { UnitService } from '../unit';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { html } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { pageStaff } from '../staff/staff.guard';
import { saturdayLine, type CalendarService } from './calendar.service';
import { parseUnitCalendar, type DatedName, type UnitCalendar } from './calendar.types';
import { CalendarPage, CalendarPreviewPage, type CalendarForm, type MovedDossier } from './calendar.views';
import { moveDueAt } from './working-days';

/** What the calendar pages need of the dossier module (passed in by app.ts: no import cycle). */
export interface CalendarDossiers {
  openDueDates(unitCode: string): Promise<Array<{ id: string; code: string | null; procedureCode: string; receivedAt: string | null; dueAt: string | null; status: string }>>;
  moveDueDate(id: string, dueAt: string, reason: string, actor: { kind: 'staff'; id: string; unitCode: string; role: string; name: string }): Promise<void>;
}

const EDIT_ROLES = ['leader', 'admin'];
const WEEKDAYS: Record<string, string> = { 'thứ hai': '1', 'thứ ba': '2', 'thứ tư': '3', 'thứ năm': '4', 'thứ sáu': '5' };
const WEEKDAY_OF: Record<string, string> = { '1': 'Thứ Hai', '2': 'Thứ Ba', '3': 'Thứ Tư', '4': 'Thứ Năm', '5': 'Thứ Sáu' };

const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));

function formOf(cal: UnitCalendar): CalendarForm {
  const lines = (days: readonly DatedName[]) => days.map((d) => `${d.date} ${d.name}`).join('\n');
  return {
    saturday: cal.saturday.session,
    services: cal.saturday.services.join(', '),
    daysOff: lines(cal.daysOff),
    workingDays: lines(cal.workingDays),
    morningFrom: cal.hours.morning[0],
    morningTo: cal.hours.morning[1],
    afternoonFrom: cal.hours.afternoon[0],
    afternoonTo: cal.hours.afternoon[1],
    week: Object.entries(cal.week)
      .map(([w, s]) => `${WEEKDAY_OF[w]}: ${s.length ? s.map((x) => `${x.from}-${x.to}`).join(', ') : 'nghỉ'}`)
      .join('\n'),
  };
}

/** The unit's form read into settings (over the stored ones); every problem named, in Vietnamese. */
export function settingsOfForm(f: CalendarForm, base: UnitCalendar): UnitCalendar {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  const days = (text: string, field: string, label: string) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .flatMap((l, i) => {
        const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(l);
        if (!m) {
          problems.push({ field, code: 'invalid_line', message: `${label}, dòng ${i + 1}: cần dạng "YYYY-MM-DD tên ngày" (nhận được "${l.slice(0, 60)}")` });
          return [];
        }
        return [{ date: m[1]!, name: m[2]! }];
      });
  const week: Record<string, Array<{ from: string; to: string }>> = {};
  f.week
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((l, i) => {
      const m = /^([^:]+):\s*(.*)$/.exec(l);
      const w = m ? WEEKDAYS[m[1]!.trim().toLocaleLowerCase('vi')] : undefined;
      if (!m || !w) {
        problems.push({ field: 'week', code: 'invalid_line', message: `Giờ theo ngày, dòng ${i + 1}: cần dạng "Thứ Sáu: 07:30-11:30" (Thứ Hai đến Thứ Sáu)` });
        return;
      }
      const rest = m[2]!.trim();
      if (/^nghỉ$/i.test(rest)) {
        week[w] = [];
        return;
      }
      const sessions = rest.split(',').map((x) => /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(x));
      if (sessions.some((x) => !x)) {
        problems.push({ field: 'week', code: 'invalid_line', message: `Giờ theo ngày, dòng ${i + 1}: mỗi buổi dạng 07:30-11:30, cách nhau bằng dấu phẩy` });
        return;
      }
      week[w] = sessions.map((x) => ({ from: x![1]!, to: x![2]! }));
    });
  const input = {
    ...base,
    saturday: {
      session: ['none', 'morning', 'all'].includes(f.saturday) ? f.saturday : 'none',
      services: f.services
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    daysOff: days(f.daysOff, 'daysOff', 'Ngày nghỉ riêng'),
    workingDays: days(f.workingDays, 'workingDays', 'Ngày làm việc riêng'),
    hours: { morning: [f.morningFrom.trim(), f.morningTo.trim()], afternoon: [f.afternoonFrom.trim(), f.afternoonTo.trim()] },
    week,
  };
  if (problems.length) throw new ValidationError('Khai báo lịch chưa hợp lệ.', problems);
  return parseUnitCalendar(input);
}

/** The open dossiers whose due date the new calendar moves: same working days, laid on the new calendar (`moveDueAt`). */
export async function movedDossiers(dossiers: CalendarDossiers, unitCode: string, before: UnitCalendar, after: UnitCalendar): Promise<Array<MovedDossier & { id: string }>> {
  const out: Array<MovedDossier & { id: string }> = [];
  for (const d of await dossiers.openDueDates(unitCode)) {
    const from = new Date(d.receivedAt!);
    const due = new Date(d.dueAt!);
    if (due.getTime() <= from.getTime()) continue;
    const same = moveDueAt(from, due, before, before).toISOString();
    const moved = moveDueAt(from, due, before, after).toISOString();
    if (moved !== same) out.push({ id: d.id, code: d.code ?? d.id, procedureCode: d.procedureCode, dueAt: d.dueAt!, newDueAt: moved });
  }
  return out;
}

export async function calendarPages(app: FastifyInstance, deps: { calendars: CalendarService; units: UnitService; audit: AuditService; dossiers: CalendarDossiers; now: () => Date }): Promise<void> {
  const { calendars } = deps;
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });
  const yearNow = () => Number(new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const actorOf = (s: Staff) => ({ kind: 'staff' as const, id: s.id, unitCode: s.unitCode, role: s.role, name: s.fullName });

  const page = async (req: FastifyRequest, staff: Staff, extra: Partial<Parameters<typeof CalendarPage>[0]> = {}) => {
    const q = req.query as Record<string, unknown>;
    const y = Number(one(q.nam));
    const year = Number.isInteger(y) && y >= 2000 && y <= 2199 ? y : yearNow();
    return CalendarPage({
      ...(await nav(req, staff)),
      year,
      national: await calendars.nationalYear(year),
      exceptions: await calendars.exceptions(staff.unitCode, year),
      form: formOf(await calendars.unitSettings(staff.unitCode)),
      canImport: staff.role === 'admin',
      ...extra,
    });
  };

  app.get('/can-bo/lich-lam-viec', async (req, reply) => {
    const staff = pageStaff(req, reply, EDIT_ROLES);
    if (!staff) return reply;
    const q = req.query as Record<string, unknown>;
    const message = one(q.da_luu) === '1' ? 'Đã lưu lịch làm việc của đơn vị.' : one(q.da_nhap) ? `Đã nhập lịch quốc gia năm ${one(q.da_nhap)}.` : undefined;
    return html(reply, await page(req, staff, { message }));
  });

  app.post('/can-bo/lich-lam-viec/quoc-gia', async (req, reply) => {
    const staff = pageStaff(req, reply, ['admin']);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const text = one(b.lich);
    try {
      const done = await calendars.importNational(text, staff.id);
      await deps.audit.record({ actor: actorOf(staff), unitCode: staff.unitCode, action: 'calendar.import', targetKind: 'calendar', targetId: done.map((d) => d.year).join(','), data: { years: done } });
      return reply.redirect(`/can-bo/lich-lam-viec?nam=${done[0]!.year}&da_nhap=${done.map((d) => d.year).join(',')}`, 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await page(req, staff, { importErrors: e.fields, importText: text }), 422);
    }
  });

  const formBody = (b: Record<string, unknown>): CalendarForm => ({
    saturday: one(b.saturday),
    services: one(b.services),
    daysOff: one(b.daysOff),
    workingDays: one(b.workingDays),
    morningFrom: one(b.morningFrom),
    morningTo: one(b.morningTo),
    afternoonFrom: one(b.afternoonFrom),
    afternoonTo: one(b.afternoonTo),
    week: one(b.week),
  });

  const linesOf = (cal: UnitCalendar) => [saturdayLine(cal) ?? 'Thứ Bảy không làm việc', `Giờ làm việc: ${cal.hours.morning.join('–')}, ${cal.hours.afternoon.join('–')}`, `Ngày nghỉ riêng: ${cal.daysOff.length}, ngày làm việc riêng: ${cal.workingDays.length}`];

  // Step 1: the form, read and checked, and the dossiers it would move.
  app.post('/can-bo/lich-lam-viec', async (req, reply) => {
    const staff = pageStaff(req, reply, EDIT_ROLES);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const form = formBody(b);
    let next: UnitCalendar;
    try {
      next = settingsOfForm(form, await calendars.unitSettings(staff.unitCode));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await page(req, staff, { errors: e.fields, form }), 422);
    }
    const before = await calendars.calendarOf(staff.unitCode);
    const after = await calendars.withSettings(staff.unitCode, next);
    const moved = await movedDossiers(deps.dossiers, staff.unitCode, before, after);
    return html(reply, CalendarPreviewPage({ ...(await nav(req, staff)), settings: JSON.stringify(next), moved, canRecompute: staff.role === 'leader', lines: linesOf(next) }));
  });

  // Step 2: saved; the dossiers' due dates recomputed only if the leader chose it, with a reason.
  app.post('/can-bo/lich-lam-viec/ap-dung', async (req, reply) => {
    const staff = pageStaff(req, reply, EDIT_ROLES);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    let next: UnitCalendar;
    try {
      next = parseUnitCalendar(JSON.parse(one(b.settings) || '{}'));
    } catch (e) {
      if (e instanceof SyntaxError) throw new ValidationError('Khai báo lịch không đọc được, xin khai báo lại.', [{ field: 'settings', code: 'invalid_json', message: 'Khai báo lịch không đọc được' }]);
      throw e;
    }
    const recompute = one(b.recompute) === '1';
    const reason = one(b.reason).trim();
    const before = await calendars.calendarOf(staff.unitCode);
    const after = await calendars.withSettings(staff.unitCode, next);
    const moved = await movedDossiers(deps.dossiers, staff.unitCode, before, after);
    if (recompute) {
      if (staff.role !== 'leader') throw new ForbiddenError('Chỉ lãnh đạo đơn vị được tính lại hạn của hồ sơ đã tiếp nhận.', 'role_forbidden');
      if (reason.length < 10) {
        return html(
          reply,
          CalendarPreviewPage({ ...(await nav(req, staff)), settings: JSON.stringify(next), moved, canRecompute: true, lines: linesOf(next), reason, errors: [{ field: 'reason', message: 'Cần ghi lý do tính lại hạn (ít nhất 10 ký tự).' }] }),
          422,
        );
      }
    }
    await calendars.setUnitSettings(staff.unitCode, next);
    const actor = actorOf(staff);
    await deps.audit.record({ actor, unitCode: staff.unitCode, action: 'calendar.update', targetKind: 'unit_calendar', targetId: staff.unitCode, data: { settings: next, recompute, moved: moved.length } });
    if (recompute) {
      for (const m of moved) await deps.dossiers.moveDueDate(m.id, m.newDueAt, reason, actor);
      await deps.audit.record({ actor, unitCode: staff.unitCode, action: 'calendar.recompute', targetKind: 'unit_calendar', targetId: staff.unitCode, data: { reason, dossiers: moved.map((m) => ({ code: m.code, from: m.dueAt, to: m.newDueAt })) } });
    }
    return reply.redirect('/can-bo/lich-lam-viec?da_luu=1', 303);
  });
}
