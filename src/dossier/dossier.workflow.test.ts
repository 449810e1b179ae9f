import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_CALENDAR, extendDueAt, workingMillisBetween } from '../calendar';
import { fixedClock } from '../shared/clock';
import { openPdf, pageTexts } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk, PDF, multipart } from './workflow.testing';
import { csrfOf } from '../shared/suite.testing';

const HOUR = 3_600_000;
// Đăng ký lại kết hôn: 5 working days, civil status, online, two required papers.
const PROC = '1.004746';

for (const engine of engines()) {
  describe(`processing a dossier from receipt to returned result [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    // Monday 30/11/2026, 09:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('goes through every step; the clock stops for a supplement and the appointment moves by the paused working time', async () => {
      const d = await desk.submitOnline(PROC);
      expect(d.status).toBe('new');
      const code = d.code as string;

      // The receptionist sees what they may do, and accepts.
      const seen = await desk.get(code, 'tiepnhan');
      expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'refuse', 'request_supplement']));
      expect(seen.allowedActions).not.toContain('approve');
      const accepted = await desk.ok(code, 'tiepnhan', { type: 'accept' });
      expect(accepted.status).toBe('received');
      expect(accepted.dueFixed).toBe(true);
      const due0 = accepted.dueAt as string;
      expect(accepted.workflow.role).toBe('receptionist');

      // Receptionist forwards to the leader, who assigns the specialist.
      clock.advance(HOUR);
      expect((await desk.ok(code, 'tiepnhan', { type: 'forward' })).workflow.role).toBe('leader');
      const specialistTries = await desk.act(code, 'chuyenvien', { type: 'assign', assignee: 'chuyenvien' });
      expect(specialistTries.statusCode).toBe(409);
      expect(specialistTries.json().error.code).toBe('role_not_allowed');
      clock.advance(HOUR);
      const assigned = await desk.ok(code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      expect(assigned.status).toBe('in_progress');
      // Another specialist cannot act on a dossier assigned to someone else.
      const other = await desk.act(code, 'chuyenvien2', { type: 'propose_result' });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe('not_assignee');

      // The specialist asks for every missing paper at once: the clock stops.
      clock.advance(2 * HOUR);
      const asked = await desk.ok(code, 'chuyenvien', { type: 'request_supplement', items: ['Bản sao Giấy chứng nhận kết hôn', 'Giấy xác nhận tình trạng hôn nhân'], message: 'Bản chụp rõ nét' });
      expect(asked.status).toBe('supplement_requested');
      const pausedAt = clock.now();
      const sms = (await desk.outbox(code)).find((m) => m.event === 'supplement_requested' && m.channel === 'sms');
      expect(sms?.body).toMatch(/Giay xac nhan tinh trang hon nhan|Giấy xác nhận tình trạng hôn nhân/);
      // Nothing else can happen while waiting, and the reason says why.
      const blocked = await desk.act(code, 'chuyenvien', { type: 'propose_result' });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.message).toMatch(/Cần bổ sung giấy tờ/);

      // Two working days later the citizen uploads the papers and says so (phone as proof).
      clock.set('2026-12-02T03:00:00Z');
      const mp = multipart([
        { name: 'component', value: 'khac' },
        { name: 'file', value: PDF, filename: 'bo-sung.pdf', type: 'application/pdf' },
      ]);
      const up = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/attachments?t=${env.services.dossiers.token(code)}`, payload: mp.body, headers: mp.headers });
      expect(up.statusCode, up.body).toBe(201);
      const back = await desk.act(code, null, { type: 'supplement', comment: 'Đã bổ sung' }, {}, `?t=${env.services.dossiers.token(code)}`);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().status).toBe('in_progress');
      const paused = workingMillisBetween(pausedAt, clock.now(), DEFAULT_UNIT_CALENDAR);
      expect(paused).toBeGreaterThan(10 * HOUR);
      expect(back.json().dueAt).toBe(extendDueAt(new Date(due0), paused, DEFAULT_UNIT_CALENDAR).toISOString());
      expect((await desk.outbox(code)).some((m) => m.event === 'in_progress')).toBe(true);

      // Propose, approve, sign with the result file, return by post.
      clock.advance(HOUR);
      await desk.ok(code, 'chuyenvien', { type: 'propose_result', proposal: 'approve', comment: 'Đủ điều kiện' });
      const notLeader = await desk.act(code, 'tiepnhan', { type: 'approve' });
      expect(notLeader.statusCode).toBe(409);
      expect(notLeader.json().error.code).toBe('role_not_allowed');
      clock.advance(HOUR);
      await desk.ok(code, 'lanhdao', { type: 'approve' });
      const noResult = await desk.act(code, 'lanhdao', { type: 'mark_result_ready' });
      expect(noResult.statusCode).toBe(422);
      clock.advance(HOUR);
      const rf = multipart([
        { name: 'type', value: 'mark_result_ready' },
        { name: 'file', value: PDF, filename: 'giay-chung-nhan.pdf', type: 'application/pdf' },
      ]);
      const ready = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: rf.body, headers: { ...rf.headers, cookie: await desk.cookie('lanhdao'), 'x-csrf-token': 'x' } });
      // Cookie-authenticated multipart needs the session's CSRF token.
      expect(ready.statusCode).toBe(403);
      const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
      const bearer = { authorization: `Bearer ${login.json().token}` };
      const ready2 = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: rf.body, headers: { ...rf.headers, ...bearer } });
      expect(ready2.statusCode, ready2.body).toBe(200);
      expect(ready2.json().status).toBe('processed');
      expect(ready2.json().attachments.some((a: any) => a.component === 'ket-qua')).toBe(true);
      expect((await desk.outbox(code)).some((m) => m.event === 'result_ready')).toBe(true);

      const noTracking = await desk.act(code, 'tiepnhan', { type: 'return_result', method: 'post' });
      expect(noTracking.statusCode).toBe(422);
      const returned = await desk.ok(code, 'tiepnhan', { type: 'return_result', method: 'post', trackingNumber: 'EB123456789VN' });
      expect(returned.status).toBe('returned');
      const posted = (await desk.outbox(code)).find((m) => m.event === 'result_posted' && m.channel === 'sms');
      expect(posted?.body).toContain('EB123456789VN');
      expect(returned.allowedActions).toEqual([]);

      // The citizen sees their steps, not the office's internal hand-overs.
      const mine = (await desk.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=${APPLICANT.phone}` })).json();
      const actions = mine.history.map((h: any) => h.action);
      expect(actions).toEqual(['submit', 'accept', 'request_supplement', 'supplement', 'mark_result_ready', 'return_result']);
      expect(mine.allowedActions).toBeUndefined();

      // The process control sheet lists every hand-over with its timeliness.
      const sheet = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}/phieu/kiem-soat.pdf`, headers: { cookie: await desk.cookie('lanhdao') } });
      expect(sheet.statusCode).toBe(200);
      const text = (await pageTexts(await openPdf(sheet.rawPayload))).join('\n');
      expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
      expect(text).toContain('Trần Văn Minh');
      expect(text).toMatch(/Trước hạn|Đúng hạn/);
      // The request for supplement lists both items.
      const req = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}/phieu/yeu-cau-bo-sung.pdf`, headers: { cookie: await desk.cookie('chuyenvien') } });
      const reqText = (await pageTexts(await openPdf(req.rawPayload))).join('\n');
      expect(reqText).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
      expect(reqText).toContain('Giấy xác nhận tình trạng hôn nhân');
    });

    it('every action row carries an idempotency key: a retried action is done once', async () => {
      const d = await desk.submitOnline(PROC);
      const a = await desk.act(d.code, 'tiepnhan', { type: 'accept' }, { 'idempotency-key': 'accept-once' });
      const b = await desk.act(d.code, 'tiepnhan', { type: 'accept' }, { 'idempotency-key': 'accept-once' });
      expect(a.statusCode).toBe(200);
      expect(b.statusCode).toBe(200);
      expect(b.json().history.filter((h: any) => h.action === 'accept')).toHaveLength(1);
      // Without the key the second accept is refused with the reason.
      const c = await desk.act(d.code, 'tiepnhan', { type: 'accept' });
      expect(c.statusCode).toBe(409);
      expect(c.json().error.code).toBe('action_not_allowed');
      expect(c.json().error.message).toMatch(/Không thể tiếp nhận/);
      const keys = await env.services.database.db.selectFrom('dossier_history').select('idempotency_key').execute();
      expect(keys.every((k) => !!k.idempotency_key)).toBe(true);
    });

    it('two officials acting at once: one wins, the other gets 409', async () => {
      const d = await desk.receiveAtCounter(PROC);
      const [x, y] = await Promise.all([desk.act(d.code, 'tiepnhan', { type: 'forward' }), desk.act(d.code, 'tiepnhan', { type: 'forward' })]);
      expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
      // An action decided on a stale copy of the dossier is refused, whatever the timing.
      const stale = await env.services.dossiers.getForActor(d.code, { kind: 'staff', id: 'x', unitCode: '00004', role: 'leader', name: 'x' });
      const fresh = await desk.get(d.code, 'lanhdao');
      const next = fresh.allowedActions.includes('assign') ? { type: 'assign', assignee: 'chuyenvien' } : { type: 'propose_result' };
      await desk.ok(d.code, 'lanhdao', next);
      const leader = (await env.services.accounts.findStaffByUsername('lanhdao'))!;
      await expect(env.services.dossierWorkflow.act(stale, { kind: 'staff', id: leader.id, unitCode: '00004', role: 'leader', name: leader.fullName }, next as { type: string })).rejects.toMatchObject({ code: expect.stringMatching(/dossier_changed|action_not_allowed/) });
      const staleAgain = { ...(await env.services.dossiers.getForActor(d.code, { kind: 'staff', id: 'x', unitCode: '00004', role: 'leader', name: 'x' })) };
      await desk.ok(d.code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien2' });
      await expect(env.services.dossierWorkflow.act(staleAgain, { kind: 'staff', id: leader.id, unitCode: '00004', role: 'leader', name: leader.fullName }, { type: 'assign', assignee: 'chuyenvien2' })).rejects.toMatchObject({ code: 'dossier_changed' });
    });

    it('refusal at reception, rejection after examination, withdrawal and stop: each tells the citizen why', async () => {
      const a = await desk.submitOnline(PROC);
      expect((await desk.act(a.code, 'tiepnhan', { type: 'refuse' })).statusCode).toBe(422);
      const refused = await desk.ok(a.code, 'tiepnhan', { type: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết của phường' });
      expect(refused.status).toBe('not_received');
      expect((await desk.outbox(a.code)).find((m) => m.event === 'not_received')?.body).toMatch(/tham quyen|thẩm quyền/);
      const pdf = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${a.code}/phieu/tu-choi.pdf`, headers: { cookie: await desk.cookie('tiepnhan') } });
      const t = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n');
      expect(t).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
      expect(t).toContain('Không thuộc thẩm quyền giải quyết của phường');

      const b = await desk.receiveAtCounter(PROC);
      await desk.ok(b.code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      await desk.ok(b.code, 'chuyenvien', { type: 'propose_result', proposal: 'reject' });
      const rejected = await desk.ok(b.code, 'lanhdao', { type: 'reject', reason: 'Hồ sơ không đủ điều kiện theo quy định' });
      expect(rejected.status).toBe('processed');
      expect(rejected.workflow.outcome).toBe('rejected');
      expect((await desk.outbox(b.code)).some((m) => m.event === 'rejected')).toBe(true);

      const c = await desk.submitOnline(PROC);
      const w = await desk.act(c.code, null, { type: 'withdraw', reason: 'Tôi nộp nhầm thủ tục' }, {}, `?t=${env.services.dossiers.token(c.code)}`);
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json().status).toBe('withdrawn');
      expect((await desk.outbox(c.code)).some((m) => m.event === 'withdrawn')).toBe(true);
      // Without proof of ownership the dossier does not exist.
      expect((await desk.act(c.code, null, { type: 'withdraw', reason: 'Không phải của tôi' })).statusCode).toBe(404);

      const e = await desk.receiveAtCounter(PROC);
      expect((await desk.act(e.code, 'tiepnhan', { type: 'stop', reason: 'Theo yêu cầu của cơ quan có thẩm quyền' })).json().error.code).toBe('role_not_allowed');
      const stopped = await desk.ok(e.code, 'lanhdao', { type: 'stop', reason: 'Theo yêu cầu của cơ quan có thẩm quyền' });
      expect(stopped.status).toBe('stopped');
      expect((await desk.outbox(e.code)).some((m) => m.event === 'stopped')).toBe(true);
    });

    it('a fee request stops the clock like a supplement; payment starts it again', async () => {
      clock.set('2026-12-07T02:00:00Z'); // Monday 09:00
      const d = await desk.receiveAtCounter(PROC);
      const asked = await desk.ok(d.code, 'tiepnhan', { type: 'request_payment', amount: 10000, note: 'Lệ phí đăng ký lại kết hôn' });
      expect(asked.status).toBe('payment_requested');
      expect((await desk.outbox(d.code)).find((m) => m.event === 'payment_requested')?.body).toMatch(/10[.,]000/);
      const from = clock.now();
      clock.set('2026-12-08T02:00:00Z');
      const paid = await desk.ok(d.code, 'tiepnhan', { type: 'confirm_payment', method: 'cash', receiptNo: 'BL-0001' });
      expect(paid.status).toBe('received');
      expect(paid.dueAt).toBe(extendDueAt(new Date(d.dueAt), workingMillisBetween(from, clock.now(), DEFAULT_UNIT_CALENDAR), DEFAULT_UNIT_CALENDAR).toISOString());
    });

    it('a dossier keeps the process version it started with', async () => {
      clock.set('2026-12-09T02:00:00Z');
      const PROC = '1.005461';
      const before = await desk.receiveAtCounter(PROC);
      const admin = await desk.cookie('quantri');
      const steps = [
        { kind: 'receive', name: 'Tiếp nhận', role: 'receptionist', share: 0.1 },
        { kind: 'examine', name: 'Thẩm định', role: 'specialist', share: 0.6 },
        { kind: 'sign', name: 'Ký', role: 'leader', share: 0.2 },
        { kind: 'return', name: 'Trả kết quả', role: 'receptionist', share: 0.1 },
      ];
      const bad = await desk.inject({ method: 'PUT', url: `/api/admin/processes/${PROC}`, headers: { cookie: admin }, payload: { steps: steps.map((s) => ({ ...s, share: 0.2 })) } });
      expect(bad.statusCode).toBe(422);
      expect(JSON.stringify(bad.json())).toMatch(/100%/);
      const saved = await desk.inject({ method: 'PUT', url: `/api/admin/processes/${PROC}`, headers: { cookie: admin }, payload: { steps, note: 'Bỏ bước phân công' } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().version).toBe(2);
      const after = await desk.receiveAtCounter(PROC);
      const a = await desk.get(after.code, 'tiepnhan');
      const b = await desk.get(before.code, 'tiepnhan');
      expect(a.workflow.processId).not.toBe(b.workflow.processId);
      // The old dossier still goes through its assignment step; the new one has none.
      await desk.ok(before.code, 'tiepnhan', { type: 'forward' });
      expect((await desk.get(before.code, 'lanhdao')).allowedActions).toContain('assign');
      const fwd = await desk.ok(after.code, 'tiepnhan', { type: 'forward', to: 'chuyenvien' });
      expect(fwd.status).toBe('in_progress');
      expect((await desk.get(after.code, 'chuyenvien')).allowedActions).toContain('propose_result');
    });

    it('when a dossier will be late: flagged, leader and assignee told, apology prepared, signed, sent; still late', async () => {
      clock.set('2026-12-14T02:00:00Z'); // Monday 09:00
      const d = await desk.receiveAtCounter(PROC);
      await desk.ok(d.code, 'tiepnhan', { type: 'forward' });
      await desk.ok(d.code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
      // Past the examination step's planned end, and within hours of the appointment.
      clock.set(new Date(new Date(d.dueAt).getTime() - 2 * HOUR));
      const r = await env.services.dossierWorkflow.escalate();
      expect(r.flagged).toBeGreaterThanOrEqual(1);
      expect(r.apologies).toBeGreaterThanOrEqual(1);
      const staffMsgs = (await desk.outbox(d.code)).filter((m) => m.event.startsWith('escalation'));
      expect(staffMsgs.map((m) => m.recipient)).toEqual(expect.arrayContaining(['0901000002', '0901000003']));
      // Officials' messages open with the unit's name, in Vietnamese with its marks (the gateway folds them if it must).
      for (const m of staffMsgs.filter((x) => x.channel === 'sms')) expect(m.body).toMatch(/^Phường Ba Đình: Hồ sơ .* (ĐÃ QUÁ HẠN|SẮP ĐẾN HẠN) bước "/);
      for (const m of (await desk.outbox(d.code)).filter((x) => x.channel === 'email' && /^(escalation|apology_draft)/.test(x.event))) expect(m.body).toMatch(/^Kính gửi Ông\/Bà /);
      // Running again changes nothing.
      const again = await env.services.dossierWorkflow.escalate();
      expect((await desk.outbox(d.code)).filter((m) => m.event.startsWith('escalation'))).toHaveLength(staffMsgs.length);
      void again;
      const seen = await desk.get(d.code, 'lanhdao');
      expect(seen.workflow.flag).toBe('overdue');
      expect(seen.allowedActions).toContain('apologize');
      const draft = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${d.code}/phieu/xin-loi.pdf`, headers: { cookie: await desk.cookie('lanhdao') } });
      expect((await pageTexts(await openPdf(draft.rawPayload))).join('\n')).toContain('DỰ THẢO');
      expect((await desk.act(d.code, 'chuyenvien', { type: 'apologize', reason: 'Cần xác minh thêm', newDueAt: '2026-12-28' })).json().error.code).toBe('role_not_allowed');
      const signed = await desk.ok(d.code, 'lanhdao', { type: 'apologize', reason: 'Cần xác minh thêm thông tin tại nơi cư trú trước đây', newDueAt: '2026-12-28' });
      expect(signed.rescheduledDueAt).toBe('2026-12-28T10:00:00.000Z');
      expect(signed.dueAt).toBe(d.dueAt);
      const msg = (await desk.outbox(d.code)).find((m) => m.event === 'apology' && m.channel === 'sms');
      expect(msg?.body).toMatch(/28\/12\/2026/);
      const pdf = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${d.code}/phieu/xin-loi.pdf`, headers: { cookie: await desk.cookie('lanhdao') } });
      const text = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n');
      expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
      expect(text).toContain('Cần xác minh thêm thông tin tại nơi cư trú trước đây');
      expect(text).not.toContain('DỰ THẢO');
      // Finished after the appointment, before the new date: the tracking book says late.
      clock.set('2026-12-22T03:00:00Z');
      await desk.ok(d.code, 'chuyenvien', { type: 'propose_result' });
      await desk.ok(d.code, 'lanhdao', { type: 'approve' });
      await desk.ok(d.code, 'lanhdao', { type: 'mark_result_ready', note: 'Giấy chứng nhận bản giấy' });
      const book = await desk.inject({ method: 'GET', url: '/api/reports/tracking-book?from=2026-12-14&to=2026-12-14&format=json', headers: { cookie: await desk.cookie('lanhdao') } });
      const row = book.json().rows.find((x: any) => x.code === d.code);
      expect(row.status).toMatch(/quá hạn/);
      expect(row.note).toMatch(/Xin lỗi, hẹn lại 28\/12\/2026/);
      const xlsx = await desk.inject({ method: 'GET', url: '/can-bo/so-theo-doi.xlsx?tu=2026-12-14&den=2026-12-14', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const codes: string[] = [];
      ws.eachRow((r) => codes.push(String(r.getCell(2).value ?? '')));
      expect(codes).toContain(d.code);
      const bookPdf = await desk.inject({ method: 'GET', url: '/can-bo/so-theo-doi.pdf?tu=2026-12-14&den=2026-12-14', headers: { cookie: await desk.cookie('lanhdao') } });
      const bookText = (await pageTexts(await openPdf(bookPdf.rawPayload))).join('\n');
      expect(bookText).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(bookText).toContain(d.code);
    });

    it('the worklist: tabs with counts, search without diacritics, bulk assignment', async () => {
      clock.set('2026-12-21T02:00:00Z');
      const a = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Lê Thị Hồng Nhung', phone: '0987000111' });
      const b = await desk.receiveAtCounter(PROC, 'tiepnhan', { ...APPLICANT, fullName: 'Phạm Đức Thắng', phone: '0987000222' });
      for (const x of [a, b]) await desk.ok(x.code, 'tiepnhan', { type: 'forward' });
      const leader = await desk.cookie('lanhdao');
      const list = (await desk.inject({ method: 'GET', url: '/api/worklist?tab=mine', headers: { cookie: leader } })).json();
      expect(list.items.map((i: any) => i.code)).toEqual(expect.arrayContaining([a.code, b.code]));
      expect(list.counts.mine).toBe(list.total);
      expect(Object.keys(list.counts)).toEqual(['mine', 'new', 'due_today', 'due_soon', 'overdue', 'waiting', 'all', 'closed']);
      // Each tab's rows, total and count agree (the page sends the counts beside the unit's calendar read).
      for (const tab of Object.keys(list.counts)) {
        const t = (await desk.inject({ method: 'GET', url: `/api/worklist?tab=${tab}&limit=200`, headers: { cookie: leader } })).json();
        expect(t.total, tab).toBe(t.counts[tab]);
        expect(t.items.length, tab).toBe(Math.min(200, t.total));
        expect(t.counts, tab).toEqual(list.counts);
      }
      const found = (await desk.inject({ method: 'GET', url: '/api/worklist?q=hong%20nhung', headers: { cookie: leader } })).json();
      expect(found.items.map((i: any) => i.code)).toEqual([a.code]);
      const byPhone = (await desk.inject({ method: 'GET', url: '/api/worklist?q=0987%20000%20222', headers: { cookie: leader } })).json();
      expect(byPhone.items.map((i: any) => i.code)).toEqual([b.code]);
      const bulk = await desk.inject({ method: 'POST', url: '/api/worklist/assign', headers: { cookie: leader }, payload: { codes: [a.code, b.code], assignee: 'chuyenvien2' } });
      expect(bulk.json().results.every((r: any) => r.ok)).toBe(true);
      const spec = (await desk.inject({ method: 'GET', url: '/api/worklist?tab=mine', headers: { cookie: await desk.cookie('chuyenvien2') } })).json();
      expect(spec.items.map((i: any) => i.code)).toEqual(expect.arrayContaining([a.code, b.code]));
      const page = await desk.inject({ method: 'GET', url: '/can-bo?tab=mine', headers: { cookie: await desk.cookie('chuyenvien2') } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/Việc của tôi <span class="count">\(\d+\)/);
      // The dossier page offers only the allowed actions.
      const dp = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${a.code}`, headers: { cookie: await desk.cookie('chuyenvien2') } });
      expect(dp.body).toContain('Trình kết quả');
      expect(dp.body).toContain('name="type" value="propose_result"');
      expect(dp.body).not.toContain('name="type" value="approve"');
      expect(dp.body).not.toContain('name="type" value="accept"');
      const online = await desk.submitOnline(PROC);
      const op = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${online.code}`, headers: { cookie: await desk.cookie('tiepnhan') } });
      // Attachments are viewable inline.
      expect(op.body).toMatch(/<iframe src="\/can-bo\/ho-so\/[^"]+\/tep\/[0-9a-f-]+" title="Tệp PDF/);
      // Every view of personal data is in the audit log.
      const views = await env.services.audit.list({ targetId: a.code, action: 'dossier.view' });
      expect(views.some((v) => v.actorName === 'Vũ Thị Ngọc')).toBe(true);
    });

    it('the citizen sends the asked papers from the tracking page, sees what was asked, and can withdraw', async () => {
      const d = await desk.submitOnline(PROC);
      await desk.ok(d.code, 'tiepnhan', { type: 'request_supplement', items: ['Bản sao sổ hộ khẩu cũ', 'Ảnh chân dung 4x6'] });
      const link = new URL(d.trackingUrl);
      const page = await desk.inject({ method: 'GET', url: link.pathname + link.search });
      expect(page.body).toContain('Ảnh chân dung 4x6');
      expect(page.body).toContain('Gửi bổ sung');
      // Internal hand-overs are not on the citizen's page.
      expect(page.body).not.toContain('Chuyển hồ sơ');
      const csrfCookie = page.cookies.find((c) => c.name === 'motcua_csrf')!.value;
      const csrf = csrfOf(page.body);
      const mp = multipart([
        { name: '_csrf', value: csrf },
        { name: 'component', value: 'khac' },
        { name: 'comment', value: 'Gửi bổ sung ảnh' },
        { name: 'file', value: PDF, filename: 'anh.pdf', type: 'application/pdf' },
      ]);
      const sent = await desk.inject({ method: 'POST', url: `/ho-so/${d.code}/bo-sung${link.search}`, payload: mp.body, headers: { ...mp.headers, cookie: `motcua_csrf=${csrfCookie}` } });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toMatch(/da=supplement/);
      const after = (await desk.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}` })).json();
      expect(after.status).toBe('new');
      expect(after.attachments.some((a: any) => a.name === 'anh.pdf')).toBe(true);
      // Without the signed link (or phone), nobody else can do it.
      const other = await desk.inject({ method: 'POST', url: `/ho-so/${d.code}/rut`, payload: { _csrf: csrf, reason: 'Không phải tôi' }, headers: { cookie: `motcua_csrf=${csrfCookie}` } });
      expect(other.statusCode).toBe(404);
      const w = await desk.inject({ method: 'POST', url: `/ho-so/${d.code}/rut${link.search}`, payload: { _csrf: csrf, reason: 'Tôi không cần nữa' }, headers: { cookie: `motcua_csrf=${csrfCookie}` } });
      expect(w.statusCode).toBe(303);
      expect((await desk.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=${APPLICANT.phone}` })).json().status).toBe('withdrawn');
    });

    it('the staff page acts through forms with CSRF, and a double submit is done once', async () => {
      const d = await desk.submitOnline(PROC);
      const cookie = await desk.cookie('tiepnhan');
      const page = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${d.code}`, headers: { cookie } });
      const csrf = csrfOf(page.body);
      const key = /name="idempotencyKey" value="([^"]+:accept)"/.exec(page.body)![1]!;
      const form = { _csrf: csrf, type: 'accept', idempotencyKey: key };
      const one = await desk.inject({ method: 'POST', url: `/can-bo/ho-so/${d.code}/thao-tac`, headers: { cookie }, payload: form });
      const two = await desk.inject({ method: 'POST', url: `/can-bo/ho-so/${d.code}/thao-tac`, headers: { cookie }, payload: form });
      expect(one.statusCode).toBe(303);
      expect(two.statusCode).toBe(303);
      expect((await desk.get(d.code, 'tiepnhan')).history.filter((h: any) => h.action === 'accept')).toHaveLength(1);
      const noCsrf = await desk.inject({ method: 'POST', url: `/can-bo/ho-so/${d.code}/thao-tac`, headers: { cookie }, payload: { type: 'forward' } });
      expect(noCsrf.statusCode).toBe(403);
      const wrong = await desk.inject({ method: 'POST', url: `/can-bo/ho-so/${d.code}/thao-tac`, headers: { cookie }, payload: { _csrf: csrf, type: 'approve' } });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.body).toContain('Không thể phê duyệt');
    });
  });
}
