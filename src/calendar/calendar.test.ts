import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { ValidationError } from '../shared/errors';
import { eachEngine, postStaffForm } from '../shared/suite.testing';
import { openingHours, parseNationalFile, shippedScheduleFiles, unitCalendar } from './index';

const SCHEDULE_2026 = fs.readFileSync(shippedScheduleFiles().find((f) => f.endsWith('2026.json'))!, 'utf8');
const vn = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

describe('national schedule file', () => {
  it('reads the shipped 2026 schedule', () => {
    const [y] = parseNationalFile(SCHEDULE_2026);
    expect(y!.year).toBe(2026);
    expect(y!.workingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('refuses a bad file with every problem in Vietnamese, naming where it is', () => {
    const bad = JSON.stringify({
      year: 2027,
      daysOff: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2026-12-31', name: 'Sai năm' },
        { date: '2027-01-01', name: 'Lặp' },
      ],
      workingDays: [{ date: '2027-01-04', name: 'Thứ Hai' }],
    });
    let err: ValidationError | undefined;
    try {
      parseNationalFile(bad);
    } catch (e) {
      err = e as ValidationError;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect(err!.code).toBe('invalid_calendar');
    const msgs = err!.fields.map((f) => `${f.field}: ${f.message}`);
    expect(msgs).toContain('daysOff.2.date: Ngày 2027-01-01 được ghi hai lần');
    expect(msgs).toContain('workingDays.0.date: Ngày 2027-01-04 là Thứ Hai, vốn là ngày làm việc: chỉ ghi Thứ Bảy, Chủ nhật làm bù');
    expect(msgs.join('\n')).toMatch(/Ngày 2026-12-31 không thuộc năm 2027/);
    expect(msgs.join('\n')).toMatch(/Thiếu ngày nghỉ lễ Ngày Chiến thắng \(2027-04-30, Thứ Sáu\)/);
    expect(() => parseNationalFile('{"year": 2027,')).toThrow(/không phải JSON hợp lệ/);
    try {
      parseNationalFile(JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', name: 'Không có ngày này' }, { date: '2027-03-01' }] }));
      expect.unreachable('the file has errors');
    } catch (e) {
      const f = (e as ValidationError).fields.map((x) => `${x.field}: ${x.message}`);
      expect(f).toContain('daysOff.0.date: Ngày không có trong lịch (ví dụ ngày 30 tháng 2)');
      expect(f.some((x) => x.startsWith('daysOff.1.name:'))).toBe(true);
    }
  });
});

// Monday 30/11/2026, 09:00 in Hà Nội.
eachEngine('the working calendar, administered', { at: '2026-11-30T02:00:00Z' }, (t) => {
  const proc = async (code: string) => (await t.env.services.catalog.getUnitProcedure('00004', code)).procedure;

  it('before the import the computed default is used (3 Sep off, 2 Jan worked); after it, the announced 2026 schedule', async () => {
    const before = await unitCalendar(t.env.services.database.db, '00004', 2026);
    expect(before.daysOff.map((d) => d.date)).toContain('2026-09-03');
    expect(before.daysOff.map((d) => d.date)).not.toContain('2026-01-02');

    const done = await t.env.services.calendars.importNational(SCHEDULE_2026, 'test');
    expect(done).toEqual([{ year: 2026, daysOff: 17, workingDays: 2 }]);

    const r = await t.env.app.inject({ method: 'GET', url: '/api/calendar?unit=00004&year=2026' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { unit: string; year: number; daysOff: Array<{ date: string; name: string }>; workingDays: Array<{ date: string; name: string }> };
    expect(body.unit).toBe('00004');
    expect(body.year).toBe(2026);
    const off = body.daysOff.map((d) => d.date);
    expect(off).toEqual(expect.arrayContaining(['2026-01-01', '2026-01-02', '2026-08-31', '2026-09-01', '2026-09-02', '2026-04-27']));
    expect(off).not.toContain('2026-09-03');
    expect(off).not.toContain('2026-02-14'); // a Saturday: not an exception to Monday–Friday
    expect(body.workingDays).toEqual([
      { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ 02/01' },
      { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ 31/08' },
    ]);
  });

  it('due dates follow the swapped days: received on 1 January, counted from Monday 5 January (2 January is off)', async () => {
    const p = await proc('1.004222'); // Đăng ký thường trú, 5 working days at 00004
    const due = await t.env.services.dossiers.dueFrom('00004', p, 'in_person', vn('2026-01-01T09:00:00'));
    // Received on a holiday → deemed received Monday 5/1; day 1 Tue 6/1 … day 5 Sat 10/1 (worked in exchange).
    expect(due).toBe(vn('2026-01-10T17:00:00').toISOString());
    // National Day: received Friday 28/8 → days Mon 31/8 off, 1–2/9 off, so 3, 4, 7, 8, 9 September.
    const due2 = await t.env.services.dossiers.dueFrom('00004', p, 'in_person', vn('2026-08-28T09:00:00'));
    expect(due2).toBe(vn('2026-09-09T17:00:00').toISOString());
  });

  it('a bad import changes nothing (all or nothing) and the HTTP answer for a bad year is a Vietnamese 400', async () => {
    await expect(t.env.services.calendars.importNational('[{"year":2026,"daysOff":[{"date":"2026-01-01","name":"x"}]}, {"year": "x"}]', 'test')).rejects.toThrow(ValidationError);
    const r = await t.env.app.inject({ method: 'GET', url: '/api/calendar?unit=00004&year=2026' });
    expect((r.json() as { daysOff: unknown[] }).daysOff.length).toBeGreaterThan(5);
    const bad = await t.env.app.inject({ method: 'GET', url: '/api/calendar?unit=00004&year=hai' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/không hợp lệ/);
    const none = await t.env.app.inject({ method: 'GET', url: '/api/calendar?unit=99999&year=2026' });
    expect(none.statusCode).toBe(404);
  });

  it("a unit's Saturday desk: receives that day for the services it names, listed as working days, with its opening hours", async () => {
    const own = await t.env.services.calendars.unitSettings('00004');
    const p = await proc('1.004222'); // Cư trú
    const land = await proc('1.013978'); // Đất đai: not received on Saturday
    const satBefore = await t.env.services.dossiers.dueFrom('00004', p, 'in_person', vn('2026-11-28T09:00:00'));
    const landMonday = await t.env.services.dossiers.dueFrom('00004', land, 'in_person', vn('2026-11-30T07:30:00'));
    await t.env.services.calendars.setUnitSettings('00004', { ...own, saturday: { session: 'morning', services: ['hộ tịch', 'chứng thực', 'cư trú'] } });

    // Received Saturday 28/11 morning at the desk: day 1 is Monday 30/11, due Friday 4/12 (not Monday 7/12).
    const sat = await t.env.services.dossiers.dueFrom('00004', p, 'in_person', vn('2026-11-28T09:00:00'));
    expect(satBefore).toBe(vn('2026-12-07T17:00:00').toISOString());
    expect(sat).toBe(vn('2026-12-04T17:00:00').toISOString());
    // The desk is a morning one: at 14:00 the dossier counts from Monday as before.
    expect(await t.env.services.dossiers.dueFrom('00004', p, 'in_person', vn('2026-11-28T14:00:00'))).toBe(satBefore);
    // A land dossier is not received at the Saturday desk.
    expect(await t.env.services.dossiers.dueFrom('00004', land, 'in_person', vn('2026-11-28T09:00:00'))).toBe(landMonday);

    const cal = await unitCalendar(t.env.services.database.db, '00004', 2026);
    const sats = cal.workingDays.filter((d) => d.name.startsWith('Thứ Bảy'));
    expect(sats[0]).toEqual({ date: '2026-01-03', name: 'Thứ Bảy làm việc buổi sáng (tiếp nhận hộ tịch, chứng thực, cư trú)' });
    expect(sats.map((d) => d.date)).not.toContain('2026-02-14'); // Tết
    expect(sats.map((d) => d.date)).not.toContain('2026-02-21');
    expect(await openingHours('00004', '2026-11-28', t.env.services.database.db)).toEqual([{ from: '07:30', to: '11:30', services: ['hộ tịch', 'chứng thực', 'cư trú'] }]);
    expect(await openingHours('00004', '2026-11-29', t.env.services.database.db)).toEqual([]);
    expect(await openingHours('00004', '2026-09-02', t.env.services.database.db)).toEqual([]);
    expect(await openingHours('00004', '2026-11-30', t.env.services.database.db)).toEqual([
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    // Another unit is untouched.
    expect(await openingHours('00082', '2026-11-28', t.env.services.database.db)).toEqual([]);
  });

  it("units' calendars read together (the escalation's run) are each unit's own, and a later change is seen", async () => {
    const calendars = t.env.services.calendars;
    const own = await calendars.unitSettings('00004');
    await calendars.setUnitSettings('00004', { ...own, saturday: { session: 'morning', services: ['hộ tịch'] } });
    await calendars.preload(['00004', '00082', '00004']);
    expect(await openingHours('00004', '2026-11-28', t.env.services.database.db)).toEqual([{ from: '07:30', to: '11:30', services: ['hộ tịch'] }]);
    expect(await openingHours('00082', '2026-11-28', t.env.services.database.db)).toEqual([]);

    await calendars.setUnitSettings('00004', { ...own, saturday: { session: 'none', services: [] } });
    await calendars.preload(['00004']);
    expect(await openingHours('00004', '2026-11-28', t.env.services.database.db)).toEqual([]);
  });

  it("dossiers received at the counter follow the unit's own declarations: its Saturday desk, its Friday hours, its swapped days", async () => {
    const desk = new Desk(t.env);
    // The unit works Saturday 12/12 in exchange for Friday 11/12, closes on Fridays at 11:30, and keeps a Saturday morning desk.
    await t.env.services.calendars.setUnitSettings('00004', {
      saturday: { session: 'morning', services: ['cư trú'] },
      daysOff: [{ date: '2026-12-11', name: 'Nghỉ hoán đổi (lễ hội truyền thống)' }],
      workingDays: [{ date: '2026-12-12', name: 'Làm bù cho ngày 11/12' }],
      week: { '5': [{ from: '07:30', to: '11:30' }] },
    });
    const receivedAt = async (local: string) => {
      t.clock.set(vn(local));
      const d = await desk.receiveAtCounter('1.004222'); // Cư trú, 5 working days
      return d.dueAt as string;
    };
    // Friday 4/12 09:00: day 1 Monday 7/12 … 10/12, Friday 11/12 off, day 5 the swapped Saturday 12/12.
    expect(await receivedAt('2026-12-04T09:00:00')).toBe(vn('2026-12-12T17:00:00').toISOString());
    // Friday 4/12 14:00: the unit closed at 11:30 (the Saturday desk is no working day): received Monday, due Monday 14/12.
    expect(await receivedAt('2026-12-04T14:00:00')).toBe(vn('2026-12-14T17:00:00').toISOString());
    // Saturday 5/12 09:00 at the desk: received that day, counted from Monday: due Saturday 12/12.
    expect(await receivedAt('2026-12-05T09:00:00')).toBe(vn('2026-12-12T17:00:00').toISOString());
    // Saturday 5/12 12:00: the morning desk has closed → as if received Monday 7/12.
    expect(await receivedAt('2026-12-05T12:00:00')).toBe(vn('2026-12-14T17:00:00').toISOString());
    // The swapped Saturday 12/12 is a full working day: received at 15:00, days 14–18/12, due Friday 18/12 at its closing, 11:30.
    expect(await receivedAt('2026-12-12T15:00:00')).toBe(vn('2026-12-18T11:30:00').toISOString());
    // The public calendar lists the unit's swap and its desk.
    const r = (await t.env.app.inject({ method: 'GET', url: '/api/calendar?unit=00004&year=2026' })).json() as { daysOff: Array<{ date: string; name: string }>; workingDays: Array<{ date: string; name: string }> };
    expect(r.daysOff).toContainEqual({ date: '2026-12-11', name: 'Nghỉ hoán đổi (lễ hội truyền thống)' });
    expect(r.workingDays).toContainEqual({ date: '2026-12-12', name: 'Làm bù cho ngày 11/12' });
    expect(r.workingDays).toContainEqual({ date: '2026-12-05', name: 'Thứ Bảy làm việc buổi sáng (tiếp nhận cư trú)' });
    expect(await openingHours('00004', '2026-12-04', t.env.services.database.db)).toEqual([{ from: '07:30', to: '11:30' }]);
  });
});

// Monday 30/11/2026, 09:00 in Hà Nội.
eachEngine('the calendar page: a change shows the dossiers it moves, recomputed only by the leader with a reason', { at: '2026-11-30T02:00:00Z' }, (t) => {
  let desk: Desk;
  beforeAll(() => {
    desk = new Desk(t.env);
  });
  const post = async (url: string, who: string, form: Record<string, string>) => postStaffForm(t.env, await desk.cookie(who), '/can-bo/lich-lam-viec', url, form);
  const FORM = { saturday: 'all', services: 'hộ tịch, chứng thực, cư trú', daysOff: '2026-12-03 Lễ hội truyền thống của phường', workingDays: '', morningFrom: '07:30', morningTo: '11:30', afternoonFrom: '13:30', afternoonTo: '17:00', week: 'Thứ Sáu: 07:30-11:30' };

  it('lists the open dossier a new day off would move; applies to new dossiers only, or recomputes with a reason (audited)', async () => {
    const d = await desk.receiveAtCounter('1.004222'); // 5 working days: due Monday 7/12 17:00
    expect(d.dueAt).toBe(vn('2026-12-07T17:00:00').toISOString());
    expect((await desk.inject({ method: 'GET', url: '/can-bo/lich-lam-viec', headers: { cookie: await desk.cookie('tiepnhan') } })).statusCode).toBe(403);

    const bad = await post('/can-bo/lich-lam-viec', 'lanhdao', { ...FORM, daysOff: '3/12 lễ hội', week: 'Thứ Tám: 07:30-11:30' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ngày nghỉ riêng, dòng 1: cần dạng');
    expect(bad.body).toContain('Giờ theo ngày, dòng 1');

    // The form says what the hours and the Saturday desk do to due dates.
    const page = await desk.inject({ method: 'GET', url: '/can-bo/lich-lam-viec', headers: { cookie: await desk.cookie('lanhdao') } });
    expect(page.body).toContain('hồ sơ nhận sau giờ đóng cửa của ngày đó được tính từ ngày làm việc tiếp theo');
    expect(page.body).toContain('Thứ Bảy là ngày tiếp nhận, không tính vào thời hạn');
    const preview = await post('/can-bo/lich-lam-viec', 'lanhdao', FORM);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Hồ sơ đang giải quyết có hạn bị dời (1)');
    expect(preview.body).toContain(d.code);
    expect(preview.body).toContain('Thứ Bảy làm việc cả ngày (tiếp nhận hộ tịch, chứng thực, cư trú)');
    const settings = /name="settings" value="([^"]+)"/.exec(preview.body)![1]!.replaceAll('&quot;', '"');

    // Without a reason the leader's recompute is refused; an admin cannot recompute at all.
    const noReason = await post('/can-bo/lich-lam-viec/ap-dung', 'lanhdao', { settings, recompute: '1', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Cần ghi lý do tính lại hạn');
    expect((await post('/can-bo/lich-lam-viec/ap-dung', 'quantri', { settings, recompute: '1', reason: 'Lễ hội truyền thống của phường' })).statusCode).toBe(403);
    expect((await desk.get(d.code, 'lanhdao')).dueAt).toBe(vn('2026-12-07T17:00:00').toISOString());

    const ok = await post('/can-bo/lich-lam-viec/ap-dung', 'lanhdao', { settings, recompute: '1', reason: 'UBND phường nghỉ ngày lễ hội truyền thống' });
    expect(ok.statusCode).toBe(303);
    expect((await desk.get(d.code, 'lanhdao')).dueAt).toBe(vn('2026-12-08T17:00:00').toISOString());
    const audit = await t.env.services.database.db.selectFrom('audit_log').select(['action', 'data']).where('action', 'like', 'calendar.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.recompute', 'calendar.update']);
    expect(audit.find((a) => a.action === 'calendar.recompute')!.data).toContain('UBND phường nghỉ ngày lễ hội truyền thống');

    // A dossier received now counts the new day off; the public pages show the Saturday desk and Friday's hours.
    const d2 = await desk.receiveAtCounter('1.004222');
    expect(d2.dueAt).toBe(vn('2026-12-08T17:00:00').toISOString());
    const home = await desk.inject({ method: 'GET', url: '/dv/00004' });
    expect(home.body).toContain('Thứ Bảy làm việc cả ngày (tiếp nhận hộ tịch, chứng thực, cư trú)');
    expect(home.body).toContain('Thứ Sáu: 07:30–11:30');
    const proc = await desk.inject({ method: 'GET', url: '/p/00004/1.004222' });
    expect(proc.body).toContain('Thứ Bảy làm việc cả ngày (tiếp nhận hộ tịch, chứng thực, cư trú)');
    expect((await desk.inject({ method: 'GET', url: '/dv/00082' })).body).not.toContain('Thứ Bảy làm việc');
  });

  it('the admin imports a national schedule from the page; a bad file changes nothing and says why', async () => {
    const bad = await post('/can-bo/lich-lam-viec/quoc-gia', 'quantri', { lich: '{"year": 2027, "daysOff": []}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Tệp lịch nghỉ có lỗi, chưa nhập ngày nào');
    expect(bad.body).toContain('Cần ít nhất một ngày nghỉ');
    expect((await post('/can-bo/lich-lam-viec/quoc-gia', 'lanhdao', { lich: SCHEDULE_2026 })).statusCode).toBe(403);
    const ok = await post('/can-bo/lich-lam-viec/quoc-gia', 'quantri', { lich: SCHEDULE_2026 });
    expect(ok.statusCode).toBe(303);
    const page = await desk.inject({ method: 'GET', url: '/can-bo/lich-lam-viec?nam=2026', headers: { cookie: await desk.cookie('quantri') } });
    expect(page.body).toContain('Đã nhập lịch chính thức của năm 2026');
    expect(page.body).toContain('Làm bù cho ngày nghỉ 02/01');
  });
});
