import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { smsWebhookSignature } from '../notification';
import { startFakeSmsGateway } from '../notification/notification.testing';
import { csrfOf, eachEngine, formBody, postStaffForm } from '../shared/suite.testing';

const SECRET = 'khoa-chung-cong-sms-thu-nghiem';
// The SMS gateway on loopback: it takes our messages, reports a failure for a number that does not
// exist, and posts citizens' SMS to our webhook — signed, as the real protocol says.
const gateway = await startFakeSmsGateway();
afterAll(() => gateway.close());

const vn = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`).toISOString();

// Monday 2/3/2026, 09:00 in Hà Nội.
eachEngine('vaccination reminders (0–24 months)', { at: vn('2026-03-02'), env: { SMS_HTTP_URL: gateway.url, SMS_WEBHOOK_SECRET: SECRET } }, (t) => {
  let desk: Desk;
  const ids: Record<string, string> = {};
  const links: Record<string, string> = {};
  beforeAll(async () => {
    desk = new Desk(t.env);
    const address = await t.env.app.listen({ port: 0, host: '127.0.0.1' });
    gateway.setWebhook({ url: `${address}/webhooks/sms`, secret: SECRET, now: () => t.clock.now() });
  });
  const db = () => t.env.services.database.db;
  const row = (id: string) => db().selectFrom('vaccination_enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const outboxOf = (phone: string, event: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', phone).where('event', '=', event).orderBy('id').execute();
  const run = () => t.env.services.vaccination.runReminders();

  /** POST /api/reminders/vaccination as a parent's app: a one-time code to the phone first. */
  const enrol = async (body: Record<string, unknown>) => {
    const o = await desk.inject({ method: 'POST', url: '/api/otp', payload: { phone: body.phone, purpose: 'verify_phone' } });
    expect(o.statusCode, o.body).toBe(200);
    const sms = await db().selectFrom('outbox').select('body').where('event', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return desk.inject({ method: 'POST', url: '/api/reminders/vaccination', payload: { ...body, otp: /(\d{6})/.exec(sms.body)![1] } });
  };
  const pathOf = (url: string) => url.replace('http://motcua.test', '');

  it('enrols a child born on 31 January with the phone proven like a dossier, and answers the schedule and the signed stop link', async () => {
    const body = { childName: 'Nguyễn Minh An', birthDate: '2026-01-31', phone: '0912 300 001', unit: '00004', village: 'Tổ dân phố 5' };
    const bare = await desk.inject({ method: 'POST', url: '/api/reminders/vaccination', payload: body });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('phone_not_verified');
    const wrong = await desk.inject({ method: 'POST', url: '/api/reminders/vaccination', payload: { ...body, otp: '000000' } });
    expect(wrong.json().error.code).toBe('otp_invalid');
    const r = await enrol(body);
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    expect(a.id).toMatch(/^TC[A-Z2-9]{10}$/);
    expect(a.status).toBe('active');
    expect(a.stopUrl).toMatch(new RegExp(`^http://motcua\\.test/tiem-chung/${a.id}\\?t=[\\w-]{16}$`));
    const due = Object.fromEntries(a.schedule.map((d: { key: string; dueDate: string }) => [d.key, d.dueDate]));
    // 2, 3, 4 months of a child born on 31 January: 31 March, 30 April, 31 May.
    expect(due).toMatchObject({ 'vgb-so-sinh': '2026-01-31', bcg: '2026-01-31', 'dpt-vgb-hib-1': '2026-03-31', 'opv-1': '2026-03-31', 'dpt-vgb-hib-2': '2026-04-30', 'dpt-vgb-hib-3': '2026-05-31', 'ipv-1': '2026-06-30', 'soi-1': '2026-10-31', 'vnnb-1': '2027-01-31', 'vnnb-2': '2027-02-14', 'soi-rubella': '2027-07-31', 'dpt-4': '2027-07-31' });
    expect(a.schedule[2]).toMatchObject({ vaccine: 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', dose: 'Mũi 1' });
    ids.a = a.id;
    links.a = a.stopUrl;
    // Consent recorded with its wording's version; the welcome SMS (unaccented) carries the link and "HUY".
    expect(await row(a.id)).toMatchObject({ consent_at: t.clock.now().toISOString(), consent_version: 'tc-2026-1', source: 'api', phone: '0912300001', end_date: '2028-01-31' });
    const [welcome] = await outboxOf('0912300001', 'vaccination_welcome');
    expect(welcome!.body).toContain(a.stopUrl);
    expect(welcome!.body).toContain('Phuong Ba Dinh: Da dang ky nhac lich tiem cho chau Nguyen Minh An');
    expect(welcome!.body).toContain('nhan HUY');
  });

  it('refuses a birth date in the future, a child of 24 months or more and a bad phone with a clear Vietnamese 422, writing nothing', async () => {
    const before = (await db().selectFrom('vaccination_enrolments').select('id').execute()).length;
    const ask = (over: Record<string, unknown>) => desk.inject({ method: 'POST', url: '/api/reminders/vaccination', payload: { childName: 'Trần Thị Bé', birthDate: '2026-02-01', phone: '0912300002', unit: '00004', ...over } });
    const fieldsOf = async (over: Record<string, unknown>) => {
      const r = await ask(over);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'invalid_vaccination_enrolment', message: 'Thông tin đăng ký nhắc lịch tiêm chưa hợp lệ.' });
      return r.json().error.fields as Array<{ field: string; code: string; message: string }>;
    };
    expect(await fieldsOf({ birthDate: '2026-03-03' })).toEqual([{ field: 'birthDate', code: 'birth_date_future', message: 'Ngày sinh không được sau ngày hôm nay' }]);
    // 29 February 2024 + 24 months = 28 February 2026: already 24 months old.
    expect((await fieldsOf({ birthDate: '2024-02-29' }))[0]).toMatchObject({ code: 'child_too_old', message: 'Cháu đã đủ 24 tháng tuổi: phần mềm chỉ nhắc lịch tiêm cho trẻ dưới 24 tháng tuổi' });
    expect((await fieldsOf({ birthDate: '2024-03-02' }))[0]!.code).toBe('child_too_old');
    expect((await fieldsOf({ birthDate: '2026-02-30' }))[0]!.code).toBe('invalid_date');
    expect(await fieldsOf({ phone: '0123' })).toEqual([{ field: 'phone', code: 'invalid_phone', message: 'Số điện thoại không hợp lệ. Ví dụ đúng: 0912345678 hoặc +84912345678.' }]);
    expect((await fieldsOf({ phone: '024 3825 6789' }))[0]!.message).toBe('Cần số điện thoại di động để nhận tin nhắn (ví dụ 0912345678)');
    expect((await fieldsOf({ consent: false }))[0]!.code).toBe('consent_required');
    expect((await fieldsOf({ childName: '  ', unit: '99999' })).map((f) => f.code).sort()).toEqual(['too_small', 'unknown_unit']);
    expect((await db().selectFrom('vaccination_enrolments').select('id').execute()).length).toBe(before);
    // A day younger than 24 months is still in.
    const ok = await enrol({ childName: 'Lê Văn Cả', birthDate: '2024-03-03', phone: '0912300003', unit: '00004', village: 'Tổ dân phố 2' });
    expect(ok.statusCode, ok.body).toBe(201);
    ids.e = ok.json().id;
    links.e = ok.json().stopUrl;
  });

  it('ends the reminders on the day the child is 24 months old and deletes the personal data', async () => {
    // The welcome SMS delivered by the outbox worker first.
    await t.env.services.worker.runOnce();
    await run();
    expect((await row(ids.e!)).status).toBe('active');
    t.clock.set(vn('2026-03-03', '00:10'));
    expect((await run()).ended).toBe(1);
    const r = await row(ids.e!);
    expect(r).toMatchObject({ status: 'ended', end_reason: '24_months', child_name: '', birth_date: '', phone: '', village: '' });
    // The consent's record stays, without anyone's data.
    expect(r.consent_version).toBe('tc-2026-1');
    expect(await db().selectFrom('vaccination_reminders').selectAll().where('enrolment_id', '=', ids.e!).execute()).toEqual([]);
    // The texts sent to the parent are erased from the outbox too.
    const sent = await db().selectFrom('outbox').select(['recipient', 'body']).where('dedup_key', 'like', `vac:${ids.e}:%`).execute();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.recipient === '' && !m.body.includes('Le Van Ca'))).toBe(true);
    const page = await desk.inject({ method: 'GET', url: pathOf(links.e!) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đã kết thúc (cháu đủ 24 tháng tuổi)');
    expect(page.body).toContain('Thông tin của cháu đã được xóa');
    expect(page.body).not.toContain('Lê Văn Cả');
  });

  it('a child born on 29 February of a leap year', async () => {
    t.clock.set(vn('2028-03-01'));
    const r = await enrol({ childName: 'Phạm Nhuận', birthDate: '2028-02-29', phone: '0912300004', unit: '00004' });
    expect(r.statusCode, r.body).toBe(201);
    const due = Object.fromEntries(r.json().schedule.map((d: { key: string; dueDate: string }) => [d.key, d.dueDate]));
    expect(due).toMatchObject({ 'dpt-vgb-hib-1': '2028-04-29', 'soi-1': '2028-11-29', 'vnnb-1': '2029-02-28', 'vnnb-2': '2029-03-14', 'soi-rubella': '2029-08-29' });
    expect((await row(r.json().id)).end_date).toBe('2030-02-28');
    // Stopped by the API with the link's signature (and the same answer again).
    const stop = `/api/reminders/vaccination/${r.json().id}/stop?t=${new URL(r.json().stopUrl).searchParams.get('t')}`;
    expect((await desk.inject({ method: 'POST', url: `/api/reminders/vaccination/${r.json().id}/stop?t=xxxxxxxxxxxxxxxx` })).statusCode).toBe(403);
    expect((await desk.inject({ method: 'POST', url: stop })).json()).toEqual({ id: r.json().id, status: 'stopped' });
    expect((await desk.inject({ method: 'POST', url: stop })).json()).toEqual({ id: r.json().id, status: 'stopped' });
    t.clock.set(vn('2026-03-03'));
  });

  it('the health station sees only its unit\'s children due per week and per village, exports the list and marks doses; other roles and units cannot', async () => {
    const other = await enrol({ childName: 'Đỗ Cửa Nam', birthDate: '2026-02-01', phone: '0912300005', unit: '00082', village: 'Tổ 1' });
    expect(other.statusCode, other.body).toBe(201);
    ids.other = other.json().id;
    const b = await enrol({ childName: 'Hoàng Thu Hà', birthDate: '2026-02-02', phone: '0912300006', unit: '00004', village: 'Tổ dân phố 3' });
    ids.b = b.json().id;
    links.b = b.json().stopUrl;
    const station = await desk.cookie('tramyte');
    // Week 14 of 2026 (30/3–5/4): An's 2-month doses (31/3) and Hà's (2/4), by village.
    const page = await desk.inject({ method: 'GET', url: '/can-bo/tiem-chung?tuan=2026-W14', headers: { cookie: station } });
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain('từ 30/03/2026 đến 05/04/2026 — 2 cháu');
    expect(page.body.indexOf('Tổ dân phố 3')).toBeLessThan(page.body.indexOf('Tổ dân phố 5'));
    expect(page.body).toContain('Nguyễn Minh An');
    expect(page.body).toContain('Hoàng Thu Hà');
    expect(page.body).not.toContain('Đỗ Cửa Nam');
    const one = await desk.inject({ method: 'GET', url: `/can-bo/tiem-chung?tuan=2026-W14&thon=${encodeURIComponent('Tổ dân phố 5')}`, headers: { cookie: station } });
    expect(one.body).toContain('Nguyễn Minh An');
    expect(one.body).not.toContain('Hoàng Thu Hà');
    // The list as Excel.
    const x = await desk.inject({ method: 'GET', url: '/can-bo/tiem-chung/danh-sach.xlsx?tuan=2026-W14', headers: { cookie: station } });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    expect(rows[1]).toEqual(['Thôn, tổ dân phố', 'Họ tên trẻ', 'Ngày sinh', 'Số điện thoại', 'Vắc xin', 'Mũi', 'Ngày đến lịch', 'Đã nhắn nhắc', 'Mũi trước chưa tiêm', 'Ghi chú']);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[4], r[5], r[6]])).toEqual([
      ['Tổ dân phố 3', 'Hoàng Thu Hà', 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', 'Mũi 1', '02/04/2026'],
      ['Tổ dân phố 3', 'Hoàng Thu Hà', 'Bại liệt uống (OPV)', 'Lần 1', '02/04/2026'],
      ['Tổ dân phố 5', 'Nguyễn Minh An', 'Vắc xin 5 trong 1 (DPT-VGB-Hib)', 'Mũi 1', '31/03/2026'],
      ['Tổ dân phố 5', 'Nguyễn Minh An', 'Bại liệt uống (OPV)', 'Lần 1', '31/03/2026'],
    ]);
    // The same as JSON for the station's token.
    const token = (await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tramyte', password: 'demo' } })).json().token;
    const api = await desk.inject({ method: 'GET', url: '/api/vaccination/due?week=2026-W14', headers: { authorization: `Bearer ${token}` } });
    expect(api.json().villages.map((v: { village: string; children: unknown[] }) => [v.village, v.children.length])).toEqual([['Tổ dân phố 3', 1], ['Tổ dân phố 5', 1]]);
    // The other ward's station sees its own child only, and cannot touch Ba Đình's.
    const other2 = await desk.cookie('tramyte2');
    const page2 = await desk.inject({ method: 'GET', url: '/can-bo/tiem-chung?tuan=2026-W14', headers: { cookie: other2 } });
    expect(page2.body).toContain('Đỗ Cửa Nam');
    expect(page2.body).not.toContain('Nguyễn Minh An');
    const cross = await postStaffForm(t.env, other2, '/can-bo/tiem-chung', `/can-bo/tiem-chung/${ids.a}/da-tiem`, { dose: 'dpt-vgb-hib-1' });
    expect(cross.statusCode).toBe(404);
    expect((await desk.inject({ method: 'GET', url: `/api/reminders/vaccination/${ids.a}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await desk.inject({ method: 'GET', url: `/api/reminders/vaccination/${ids.other}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    // Officials of the one-stop office do not see the children; the station sees nothing else.
    expect((await desk.inject({ method: 'GET', url: '/can-bo/tiem-chung', headers: { cookie: await desk.cookie('tiepnhan') } })).statusCode).toBe(403);
    const home = await desk.inject({ method: 'GET', url: '/can-bo', headers: { cookie: station } });
    expect([home.statusCode, home.headers.location]).toEqual([303, '/can-bo/tiem-chung']);
    expect((await desk.inject({ method: 'GET', url: '/can-bo/so-theo-doi', headers: { cookie: station } })).statusCode).toBe(403);
    expect((await desk.inject({ method: 'GET', url: '/api/worklist', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    expect(page.body).not.toContain('href="/can-bo/so-theo-doi"');
  });

  it('reminds N days before each dose, once, through the outbox, with the health station\'s address and hours', async () => {
    const admin = await desk.cookie('quantri');
    const saved = await postStaffForm(t.env, admin, '/can-bo/tiem-chung/lich', '/can-bo/tiem-chung/cai-dat', { reminderDays: '5', stationName: 'Trạm Y tế phường Ba Đình', stationAddress: '12 phố Thử Nghiệm', stationHours: 'sáng thứ Tư, 7h30–11h' });
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/can-bo/tiem-chung/lich?da=cai-dat']);
    const bad = await postStaffForm(t.env, admin, '/can-bo/tiem-chung/lich', '/can-bo/tiem-chung/cai-dat', { reminderDays: '40', stationName: 'Trạm Y tế phường Ba Đình' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Số ngày nhắc trước là số nguyên từ 1 đến 14');
    // Six days before 31/3: nothing; five days before: An's reminder; again the same day or the next: nothing more.
    t.clock.set(vn('2026-03-25'));
    await run();
    expect(await outboxOf('0912300001', 'vaccination_reminder')).toEqual([]);
    t.clock.set(vn('2026-03-26', '06:30'));
    await run();
    expect(await outboxOf('0912300001', 'vaccination_reminder')).toEqual([]);
    t.clock.set(vn('2026-03-26'));
    const first = await run();
    expect(first.reminded).toBe(1);
    const [sms] = await outboxOf('0912300001', 'vaccination_reminder');
    expect(sms!.body).toBe(
      `Phuong Ba Dinh: Ngay 31/03/2026 chau Nguyen Minh An den lich tiem Vac xin 5 trong 1 (DPT-VGB-Hib) mui 1, Bai liet uong (OPV) lan 1 tai Tram Y te phuong Ba Dinh, 12 pho Thu Nghiem (sang thu Tu, 7h30–11h). Da tiem hoac dung nhac: ${links.a} hoac nhan HUY.`.replace('–', '-'),
    );
    expect((await run()).reminded).toBe(0);
    t.clock.set(vn('2026-03-27'));
    await run();
    expect(await outboxOf('0912300001', 'vaccination_reminder')).toHaveLength(1);
    // Hà (2/4) is reminded from 28/3.
    t.clock.set(vn('2026-03-28'));
    await run();
    expect(await outboxOf('0912300006', 'vaccination_reminder')).toHaveLength(1);
  });

  it('a dose marked as given — by the parent on the link or by the health station — is not reminded again', async () => {
    // The parent: 3-month doses of 30/4 both given.
    const link = pathOf(links.a!);
    const page = await desk.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lịch tiêm chưa được trạm y tế kiểm tra.');
    const cookies = { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value };
    const token = new URL(links.a!).searchParams.get('t')!;
    for (const dose of ['dpt-vgb-hib-2', 'opv-2']) {
      const r = await desk.inject({ method: 'POST', url: `/tiem-chung/${ids.a}/da-tiem`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), t: token, dose }) });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(303);
    }
    const forged = await desk.inject({ method: 'POST', url: `/tiem-chung/${ids.a}/da-tiem`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), t: 'x'.repeat(16), dose: 'dpt-vgb-hib-3' }) });
    expect(forged.statusCode).toBe(403);
    expect((await desk.inject({ method: 'GET', url: link })).body).toContain(`Đã tiêm ngày 28/03/2026`);
    t.clock.set(vn('2026-04-27'));
    await run();
    expect(await outboxOf('0912300001', 'vaccination_reminder')).toHaveLength(1);
    // The health station: the 4-month 5-in-1 given; only the polio dose is reminded.
    const station = await desk.cookie('tramyte');
    const marked = await postStaffForm(t.env, station, '/can-bo/tiem-chung?tuan=2026-W22', `/can-bo/tiem-chung/${ids.a}/da-tiem`, { dose: 'dpt-vgb-hib-3', tuan: '2026-W22' });
    expect([marked.statusCode, marked.headers.location]).toEqual([303, '/can-bo/tiem-chung?da=tiem&tuan=2026-W22']);
    const future = await postStaffForm(t.env, station, '/can-bo/tiem-chung', `/can-bo/tiem-chung/${ids.a}/da-tiem`, { dose: 'opv-3', givenOn: '2026-05-01' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('Ngày tiêm phải từ ngày sinh của cháu đến hôm nay');
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'vaccination.dose_given').execute();
    expect(audit.map((a) => a.target_id)).toEqual([ids.a]);
    t.clock.set(vn('2026-05-28'));
    await run();
    const reminders = await outboxOf('0912300001', 'vaccination_reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[1]!.body).toContain('den lich tiem Bai liet uong (OPV) lan 3 tai');
    expect(reminders[1]!.body).not.toContain('DPT');
  });

  it('stops by the signed link: no more reminders, and the child\'s data is deleted', async () => {
    const link = pathOf(links.b!);
    expect((await desk.inject({ method: 'GET', url: `/tiem-chung/${ids.b}?t=${'x'.repeat(16)}` })).statusCode).toBe(403);
    const page = await desk.inject({ method: 'GET', url: link });
    expect(page.body).toContain('Dừng nhắc lịch và xóa thông tin');
    const cookies = { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value };
    const r = await desk.inject({ method: 'POST', url: `/tiem-chung/${ids.b}/dung`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), t: new URL(links.b!).searchParams.get('t')! }) });
    expect(r.statusCode).toBe(303);
    expect(await row(ids.b!)).toMatchObject({ status: 'stopped', end_reason: 'link', child_name: '', phone: '', birth_date: '' });
    const after = await desk.inject({ method: 'GET', url: `${link}&da=dung` });
    expect(after.body).toContain('Đã dừng nhắc lịch tiêm và xóa thông tin của cháu.');
    expect(after.body).not.toContain('Hoàng Thu Hà');
    // Hà's 3-month doses (2/5) would be reminded from 27/4: nothing goes.
    const before = (await outboxOf('0912300006', 'vaccination_reminder')).length;
    t.clock.set(vn('2026-04-29'));
    await run();
    expect((await db().selectFrom('outbox').select('id').where('dedup_key', '=', `vac:${ids.b}:2026-05-02`).execute()).length).toBe(0);
    expect(before).toBe(0); // erased from the outbox by the stop (recipient blanked)
  });

  it('stops when the parent replies "HUY" by SMS (the gateway\'s inbound message, signed)', async () => {
    t.clock.set(vn('2026-05-29'));
    const c = await enrol({ childName: 'Vũ Hủy', birthDate: '2026-05-20', phone: '0912300007', unit: '00004', village: 'Tổ dân phố 1' });
    ids.c = c.json().id;
    const stranger = await gateway.receive('+84912399999', 'HUY');
    expect([stranger.status, JSON.parse(stranger.body).acted]).toEqual([200, 0]);
    const other = await gateway.receive('+84912300007', 'Xin chào');
    expect(JSON.parse(other.body).acted).toBe(0);
    expect((await row(ids.c!)).status).toBe('active');
    const huy = await gateway.receive('+84912300007', ' Huỷ ');
    expect([huy.status, JSON.parse(huy.body).acted]).toEqual([200, 1]);
    expect(await row(ids.c!)).toMatchObject({ status: 'stopped', end_reason: 'sms', child_name: '', phone: '' });
    const [ack] = await outboxOf('0912300007', 'vaccination_stopped');
    expect(ack!.body).toContain('Da dung nhac lich tiem chung theo tin nhan HUY');
    // A request not signed with the shared secret, or replayed later, is refused.
    const raw = JSON.stringify({ type: 'mo', id: 'x1', from: '+84912300001', text: 'HUY' });
    const ts = String(Math.floor(t.clock.now().getTime() / 1000));
    const forged = await desk.inject({ method: 'POST', url: '/webhooks/sms', headers: { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': smsWebhookSignature('khoa-khac-khong-dung-1234', ts, raw) }, payload: raw });
    expect(forged.statusCode).toBe(401);
    const old = String(Number(ts) - 3600);
    const replay = await desk.inject({ method: 'POST', url: '/webhooks/sms', headers: { 'content-type': 'application/json', 'x-sms-timestamp': old, 'x-sms-signature': smsWebhookSignature(SECRET, old, raw) }, payload: raw });
    expect(replay.statusCode).toBe(401);
    expect((await row(ids.a!)).status).toBe('active');
  });

  it('a number that bounces (the gateway reports the failure) is marked and not tried again', async () => {
    t.clock.set(vn('2026-05-29'));
    gateway.unreachable.add('0912300008');
    const d = await enrol({ childName: 'Mai Không Nhận', birthDate: '2026-04-01', phone: '0912300008', unit: '00004', village: 'Tổ dân phố 1' });
    ids.d = d.json().id;
    const [welcome] = await outboxOf('0912300008', 'vaccination_welcome');
    await t.env.services.worker.runOnce();
    await gateway.reportsSettled();
    const dead = await db().selectFrom('outbox').selectAll().where('id', '=', welcome!.id).executeTakeFirstOrThrow();
    expect(dead.status).toBe('dead');
    expect(dead.last_error).toContain('Cổng SMS báo không chuyển được tin tới máy người nhận: Subscriber unknown');
    expect((await run()).bounced).toBe(1);
    expect((await row(ids.d!)).phone_status).toBe('bounced');
    // Its 2-month doses (1/6) come: no reminder is queued, and the welcome was sent once only.
    t.clock.set(vn('2026-05-30'));
    await run();
    await t.env.services.worker.runOnce();
    expect(await outboxOf('0912300008', 'vaccination_reminder')).toEqual([]);
    expect(gateway.countOf(welcome!.id)).toBe(1);
    const station = await desk.cookie('tramyte');
    const page = await desk.inject({ method: 'GET', url: '/can-bo/tiem-chung?tuan=2026-W23', headers: { cookie: station } });
    expect(page.body).toMatch(/Mai Không Nhận[\s\S]*không nhận được tin nhắn/);
  });

  it('the unit admin edits the schedule (audited); the health station confirms it', async () => {
    const admin = await desk.cookie('quantri');
    const r = await postStaffForm(t.env, admin, '/can-bo/tiem-chung/lich', '/can-bo/tiem-chung/lich', { key: 'ipv-1', vaccine: 'Bại liệt tiêm (IPV)', dose: 'Mũi 1', months: '6', days: '0', note: '' });
    expect(r.statusCode, r.body.slice(0, 400)).toBe(303);
    const bad = await postStaffForm(t.env, admin, '/can-bo/tiem-chung/lich', '/can-bo/tiem-chung/lich', { key: 'Sai Mã', vaccine: 'X', dose: '', months: '30' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Tháng tuổi là số nguyên từ 0 đến 23');
    const view = await desk.inject({ method: 'GET', url: `/api/reminders/vaccination/${ids.a}?t=${new URL(links.a!).searchParams.get('t')}` });
    expect(view.json().schedule.find((d: { key: string }) => d.key === 'ipv-1').dueDate).toBe('2026-07-31');
    expect(view.json().scheduleChecked).toBe(false);
    expect((await db().selectFrom('audit_log').select('action').where('action', '=', 'vaccination.schedule_save').execute()).length).toBe(1);
    const station = await desk.cookie('tramyte');
    const ok = await postStaffForm(t.env, station, '/can-bo/tiem-chung/lich', '/can-bo/tiem-chung/lich/xac-nhan', {});
    expect(ok.statusCode).toBe(303);
    const pub = await desk.inject({ method: 'GET', url: '/api/vaccination/schedule?unit=00004' });
    expect(pub.json()).toMatchObject({ unit: '00004', reminderDays: 5, checked: { by: 'Đinh Thị Thu' }, station: { address: '12 phố Thử Nghiệm' } });
    expect((await desk.inject({ method: 'GET', url: '/dv/00004/nhac-lich-tiem' })).body).toContain('Lịch tiêm đã được Đinh Thị Thu xác nhận');
  });
});
