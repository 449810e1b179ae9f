import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { openPdf, pageTexts } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { csrfOf } from '../shared/suite.testing';
import { Desk } from '../dossier/workflow.testing';
import { median } from './performance.service';
import { parseWorkPeriod } from './performance.period';

const MIN = 60_000;
// Đăng ký lại kết hôn (Hộ tịch): 5 working days; default process receive 5%, assign 5%, examine 60%…
const PROC = '1.004746';
/** Hà Nội time of Monday 30/11/2026 → UTC instant. */
const at = (hhmm: string) => `2026-11-30T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`;

describe('periods and medians', () => {
  it('reads months and ISO weeks in Hà Nội time and refuses anything else in Vietnamese', () => {
    expect(parseWorkPeriod('2026-11')).toMatchObject({ from: '2026-10-31T17:00:00.000Z', to: '2026-11-30T17:00:00.000Z', label: 'Tháng 11/2026' });
    expect(parseWorkPeriod('2026-W49')).toMatchObject({ firstDay: '2026-11-30', lastDay: '2026-12-06', from: '2026-11-29T17:00:00.000Z' });
    expect(parseWorkPeriod('2026-W53').firstDay).toBe('2026-12-28');
    expect(() => parseWorkPeriod('2025-W53')).toThrow(/Kỳ không hợp lệ/);
    expect(() => parseWorkPeriod('2026-13')).toThrow(/Kỳ không hợp lệ/);
  });
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([180, 30, 60])).toBe(60);
    expect(median([30, 180, 60, 90])).toBe(75);
  });
});

for (const engine of engines()) {
  describe(`performance of officials from the dossier history [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock(at('09:00'));
    const codes: string[] = [];

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
      // Four dossiers received at 09:00 on Monday (the receive step's planned end is 5% of the
      // 5 working days after reception, i.e. between 10:52 and 11:15).
      for (let i = 0; i < 4; i++) {
        const d = await desk.submitOnline(PROC, { fullName: `Nguyễn Văn Bốn ${'ABCD'[i]}`, phone: `091234567${i}`, idNumber: '001090012345', address: 'Ba Đình', email: 'an@example.vn' });
        await desk.ok(d.code, 'tiepnhan', { type: 'accept' });
        codes.push(d.code);
      }
      const [A, B, C, D] = codes as [string, string, string, string];
      // The receptionist forwards after 30, 60 and 90 minutes (on time), and C at 14:00: 3 working hours, late.
      clock.set(at('09:30'));
      await desk.ok(A, 'tiepnhan', { type: 'forward' });
      clock.set(at('10:00'));
      await desk.ok(B, 'tiepnhan', { type: 'forward' });
      clock.set(at('10:30'));
      await desk.ok(D, 'tiepnhan', { type: 'forward' });
      clock.set(at('14:00'));
      await desk.ok(C, 'tiepnhan', { type: 'forward' });
      // The leader assigns (planned end 10% of the time: 14:45–15:30). B at 14:20 (started 10:00:
      // 1 h 30 + 50 min = 140 min), A at 14:30 (started 09:30: 2 h + 1 h = 180 min), C at 16:30
      // (started 14:00: 150 min, late). D stays with the leader.
      clock.set(at('14:20'));
      await desk.ok(B, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      clock.set(at('14:30'));
      await desk.ok(A, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      clock.set(at('16:30'));
      await desk.ok(C, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      clock.set(at('16:40'));
      await desk.ok(A, 'chuyenvien', { type: 'request_supplement', items: ['Bản sao giấy chứng nhận kết hôn'] });
    });
    afterAll(async () => {
      await env?.close();
    });

    const pageOf = async (url: string, who: string) => desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });

    it('counts each step on time or late against its planned end, with the median working time used', async () => {
      const s = env.services;
      const lead = (await s.accounts.findStaffByUsername('lanhdao'))!;
      const r = await s.performance.forUnit(lead, { period: '2026-11' });
      const by = Object.fromEntries(r.items.map((o) => [o.staff.username, o]));
      expect(by.tiepnhan!.steps).toEqual([{ kind: 'receive', label: 'Tiếp nhận, chuyển hồ sơ', done: 4, onTime: 3, late: 1, medianMs: 75 * MIN }]);
      expect(by.tiepnhan).toMatchObject({ dossiers: 4, stepsDone: 4, onTime: 3, late: 1, onTimeRate: 0.75, lateDossiers: 1, supplementRequests: 0 });
      expect(by.lanhdao!.steps).toEqual([{ kind: 'assign', label: 'Phân công xử lý', done: 3, onTime: 2, late: 1, medianMs: 150 * MIN }]);
      expect(by.chuyenvien).toMatchObject({ stepsDone: 0, supplementRequests: 1, onTimeRate: null });
      // Nothing of November is in October.
      const oct = await s.performance.forUnit(lead, { period: '2026-10' });
      expect(oct.items.every((o) => o.stepsDone === 0)).toBe(true);
      // The week holds the same.
      const week = await s.performance.forOfficial(lead, 'tiepnhan', '2026-W49');
      expect(week.steps[0]).toMatchObject({ done: 4, late: 1, medianMs: 75 * MIN });
    });

    it('shows a leader the unit and an official only their own, on the pages', async () => {
      const unit = await pageOf('/can-bo/hieu-qua?ky=2026-11', 'lanhdao');
      expect(unit.statusCode).toBe(200);
      expect(unit.body).toContain('Hiệu quả công việc — Tháng 11/2026');
      for (const name of ['Nguyễn Thị Hòa', 'Lê Quang Huy', 'Trần Văn Minh']) expect(unit.body).toContain(name);
      const detail = await pageOf('/can-bo/hieu-qua/tiepnhan?ky=2026-11', 'lanhdao');
      expect(detail.body).toContain('Tiếp nhận, chuyển hồ sơ');
      expect(detail.body).toContain('1 giờ 15 phút');
      // The receptionist opens the menu's page and gets their own figures only.
      const own = await pageOf('/can-bo/hieu-qua?ky=2026-11', 'tiepnhan');
      expect(own.statusCode).toBe(200);
      expect(own.body).toContain('Kết quả công việc của tôi');
      expect(own.body).not.toContain('Lê Quang Huy</a>');
      expect((await pageOf('/can-bo/hieu-qua/tiepnhan?ky=2026-11', 'tiepnhan')).body).toContain('Kết quả công việc của tôi');
      // A colleague's figures: 403; another ward's official: 404 (not even their existence).
      const peer = await pageOf('/can-bo/hieu-qua/chuyenvien', 'tiepnhan');
      expect(peer.statusCode).toBe(403);
      expect(peer.body).toContain('chỉ xem được kết quả công việc của chính mình');
      expect((await pageOf('/can-bo/hieu-qua/tiepnhan2', 'lanhdao')).statusCode).toBe(404);
      expect((await pageOf('/can-bo/hieu-qua/lanhdao', 'tiepnhan2')).statusCode).toBe(404);
      expect((await pageOf('/can-bo/hieu-qua?unit=00004', 'tiepnhan2')).body).toContain('Đỗ Thị Lan');
      // The city's supervisor reads the wards below.
      const sup = await pageOf('/can-bo/hieu-qua?ky=2026-11&unit=00004', 'giamsat');
      expect(sup.statusCode).toBe(200);
      expect(sup.body).toContain('Nguyễn Thị Hòa');
      expect((await pageOf('/can-bo/hieu-qua?ky=2026-13', 'lanhdao')).statusCode).toBe(400);
    });

    it('answers the same figures as JSON, with the same isolation (GET /api/performance)', async () => {
      const api = async (q: string, who: string) => desk.inject({ method: 'GET', url: `/api/performance${q}`, headers: { cookie: await desk.cookie(who) } });
      const unit = await api('?period=2026-11', 'lanhdao');
      expect(unit.statusCode).toBe(200);
      const rec = unit.json().items.find((o: any) => o.staff.username === 'tiepnhan');
      expect(rec).toMatchObject({ stepsDone: 4, onTime: 3, late: 1, steps: [{ kind: 'receive', done: 4, medianMs: 75 * MIN }] });
      // An official gets only their own line, whatever they ask.
      const own = await api('?period=2026-11', 'tiepnhan');
      expect(own.json().items.map((o: any) => o.staff.username)).toEqual(['tiepnhan']);
      const peer = await api('?period=2026-11&official=lanhdao', 'tiepnhan');
      expect(peer.statusCode).toBe(403);
      expect(peer.json().error.code).toBe('own_performance_only');
      expect((await api('?official=tiepnhan', 'tiepnhan2')).statusCode).toBe(404);
      const bad = await api('?period=2026-13', 'lanhdao');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('Kỳ không hợp lệ');
      expect((await desk.inject({ method: 'GET', url: '/api/performance' })).statusCode).toBe(401);
    });

    it('lets the leader set targets, shows their progress on the official’s worklist, refuses bad ones in Vietnamese', async () => {
      const cookie = await desk.cookie('lanhdao');
      const page = await pageOf('/can-bo/chi-tieu?ky=2026-11', 'lanhdao');
      const csrf = csrfOf(page.body);
      const post = (form: Record<string, string>, who = cookie) =>
        desk.inject({ method: 'POST', url: '/can-bo/chi-tieu', headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
      const count = async () => Number((await env.services.database.db.selectFrom('staff_targets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

      // Bad input: nothing written, every problem said in Vietnamese.
      const bad = await post({ subject: 'staff:tiepnhan', metric: 'on_time_rate', value: '120', period: '2026-11' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Tỷ lệ không quá 100%');
      const bad2 = await post({ subject: 'staff:khongco', metric: 'overdue', value: 'abc', period: '2026-99' });
      expect(bad2.statusCode).toBe(422);
      expect(bad2.body).toContain('Mức chỉ tiêu phải là số');
      const bad3 = await post({ subject: 'staff:tiepnhan', metric: 'online_rate', value: '80', period: '2026-11' });
      expect(bad3.body).toContain('là chỉ tiêu của đơn vị hoặc lĩnh vực');
      expect(await count()).toBe(0);
      // Only the leader gives targets.
      const rc = await desk.cookie('tiepnhan');
      const p2 = await pageOf('/can-bo/chi-tieu', 'tiepnhan');
      const csrf2 = csrfOf(p2.body);
      const notLeader = await desk.inject({ method: 'POST', url: '/can-bo/chi-tieu', headers: { cookie: rc, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf2, subject: 'unit', metric: 'overdue', value: '0', period: '2026-11' }).toString() });
      expect(notLeader.statusCode).toBe(403);
      expect(await count()).toBe(0);

      // "0 hồ sơ quá hạn" and "≥ 70% đúng hạn" for the receptionist; "≥ 10 hồ sơ" for the field Hộ tịch.
      expect((await post({ subject: 'staff:tiepnhan', metric: 'overdue', value: '0', period: '2026-11', note: 'Không để trễ' })).statusCode).toBe(303);
      expect((await post({ subject: 'staff:tiepnhan', metric: 'on_time_rate', value: '70', period: '2026-11' })).statusCode).toBe(303);
      expect((await post({ subject: 'field:hộ tịch', metric: 'handled', value: '10', period: '2026-11' })).statusCode).toBe(303);
      expect((await post({ subject: 'unit', metric: 'online_rate', value: '80', period: '2026-11' })).statusCode).toBe(303);
      expect(await count()).toBe(4);
      // The period reads in words, not as its key.
      const listed = await pageOf('/can-bo/chi-tieu?ky=2026-11', 'lanhdao');
      expect(listed.body).toContain('<td>Tháng 11/2026</td>');
      expect(listed.body).not.toContain('<td>2026-11</td>');
      const lead = (await env.services.accounts.findStaffByUsername('lanhdao'))!;
      const t = await env.services.performance.unitTargets(lead, { period: '2026-11' });
      const row = (m: string) => t.items.find((x) => x.target.metric === m)!;
      expect(row('overdue')).toMatchObject({ subject: 'Nguyễn Thị Hòa', actual: 1, met: false, text: 'Chưa đạt' });
      expect(row('on_time_rate')).toMatchObject({ actual: 75, met: true, text: 'Đạt' });
      expect(row('handled')).toMatchObject({ subject: 'Lĩnh vực Hộ tịch', actual: 4, met: false });
      // Read from the indicators engine: the four dossiers were all received online.
      expect(row('online_rate')).toMatchObject({ subject: 'Toàn đơn vị', actual: 100, met: true });

      // The receptionist sees their own targets above the worklist (not the field's: not theirs).
      const wl = await pageOf('/can-bo', 'tiepnhan');
      expect(wl.body).toContain('Chỉ tiêu của tôi: đạt 2/3');
      expect(wl.body).toContain('Số hồ sơ quá hạn ≤ 0');
      // The specialist of Hộ tịch sees the field's target and the unit's, not the receptionist's.
      const sp = await pageOf('/can-bo', 'chuyenvien');
      expect(sp.body).toContain('Số hồ sơ đã xử lý ≥ 10');
      expect(sp.body).not.toContain('Số hồ sơ quá hạn ≤ 0');
      // Removing keeps the row (removed_at) and drops it from the lists.
      const id = row('handled').target.id;
      const del = await desk.inject({ method: 'POST', url: `/can-bo/chi-tieu/${id}/xoa`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}` });
      expect(del.statusCode).toBe(303);
      expect((await env.services.performance.unitTargets(lead, { period: '2026-11' })).items).toHaveLength(3);
      expect(await count()).toBe(4);
    });

    it('counts the ratings of the dossiers an official handled (from the ratings module)', async () => {
      const B = codes[1]!;
      // Tuesday 1/12: B goes through the remaining steps and is returned, then rated "Không hài lòng".
      clock.set('2026-12-01T02:00:00Z');
      await desk.ok(B, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
      await desk.ok(B, 'lanhdao', { type: 'approve' });
      await desk.ok(B, 'lanhdao', { type: 'mark_result_ready', note: 'Kết quả bản giấy' });
      await desk.ok(B, 'tiepnhan', { type: 'return_result', method: 'in_person' });
      clock.set('2026-12-01T04:00:00Z');
      const d = (await env.services.dossiers.findByCode(B))!;
      await env.services.ratings.rateDossier(d, { level: 'dissatisfied', reasons: ['time'], comment: 'Chờ lâu' }, { actor: { kind: 'anonymous' }, source: 'link' });
      const lead = (await env.services.accounts.findStaffByUsername('lanhdao'))!;
      const dec = Object.fromEntries((await env.services.performance.forUnit(lead, { period: '2026-12' })).items.map((o) => [o.staff.username, o]));
      // Everyone who finished a step of B (in December or in November) carries its rating.
      for (const who of ['tiepnhan', 'lanhdao', 'chuyenvien']) expect(dec[who]!.ratings, who).toMatchObject({ dissatisfied: 1, total: 1 });
      expect(dec.chuyenvien2!.ratings.total).toBe(0);
      expect(dec.tiepnhan!.dissatisfied).toEqual([expect.objectContaining({ code: B })]);
      // November's figures are what they were: the rating came in December.
      expect((await env.services.performance.forOfficial(lead, 'tiepnhan', '2026-11')).ratings.total).toBe(0);
    });

    it('prints the weekly review with each official, the targets, overdue and at-risk dossiers', async () => {
      // C's result is ready on Friday and waits at the counter for the citizen: finished, so not
      // "overdue" even once its appointment has passed (as in the worklist's "Quá hạn").
      const C = codes[2]!;
      clock.set('2026-12-04T02:00:00Z');
      await desk.ok(C, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
      await desk.ok(C, 'lanhdao', { type: 'approve' });
      await desk.ok(C, 'lanhdao', { type: 'mark_result_ready', note: 'Kết quả bản giấy' });
      clock.set('2026-12-09T02:00:00Z');
      expect((await env.services.dossiers.findByCode(C))!.dueAt! < '2026-12-09T02:00:00Z').toBe(true);
      const r = await pageOf('/can-bo/giao-ban-tuan?tuan=2026-W49', 'lanhdao');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Giao ban tuần — Tuần 49/2026 (30/11–06/12)');
      expect(r.body).toContain('Hồ sơ quá hạn');
      const pdf = await pageOf('/can-bo/giao-ban-tuan.pdf?tuan=2026-W49', 'lanhdao');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n');
      expect(text).toContain('BÁO CÁO GIAO BAN TUẦN');
      expect(text).toContain('Nguyễn Thị Hòa');
      expect(text).toContain('Số hồ sơ quá hạn ≤ 0');
      // D waits for the leader's assignment since Monday: past its step's planned end.
      expect(text).toContain(codes[3]!);
      expect(text).not.toContain(C);
      expect(r.body).not.toContain(C);
      // The week's dissatisfied rating, with its reason.
      expect(r.body).toMatch(/Đánh giá không hài lòng trong tuần \(1\)/);
      expect(text).toContain(codes[1]!);
      // Officials other than leaders do not get the meeting page.
      expect((await pageOf('/can-bo/giao-ban-tuan', 'tiepnhan')).statusCode).toBe(403);
      expect((await pageOf('/can-bo/giao-ban-tuan?tuan=2026-11', 'lanhdao')).statusCode).toBe(400);
    });
  });
}
