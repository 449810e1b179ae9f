import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { eachEngine, formBody, csrfOf } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { LinkedPartnerJob } from './linked.jobs';

/**
 * The life of a linked group (issue 14) through the real HTTP routes on both engines: one form for
 * three procedures, one dossier each under a group code; the unit's reception of the group; one
 * member asked for papers (only it pauses); the police recording its result in its inbox, the
 * social insurance office refusing through the e-mailed signed link; the receipt listing every
 * part; a partner that never answers escalated to the unit.
 */

const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', email: 'mai@example.vn', address: 'Số 5 phố Liễu Giai, Ba Đình' };

async function groupForm(env: TestEnv, code: string) {
  const r = await env.app.inject({ method: 'GET', url: `/api/procedures/${code}?unit=00004` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function submitGroup(env: TestEnv, code: string, formData: Record<string, unknown>, papers: string[], applicant: Record<string, string> = PARENT) {
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: code, applicant, formData }) },
    ...papers.map((p) => ({ name: p, value: PDF, filename: `${p}.pdf`, type: 'application/pdf' })),
  ]);
  return env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
}

async function rowCounts(env: TestEnv) {
  const db = env.services.database.db;
  const n = async (t: 'dossiers' | 'linked_submissions' | 'linked_members' | 'dossier_files') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { dossiers: await n('dossiers'), submissions: await n('linked_submissions'), members: await n('linked_members'), files: await n('dossier_files') };
}

eachEngine('linked procedure groups', { at: '2026-12-01T02:00:00.000Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  let desk: Desk;
  let group: any;
  let trackingUrl = '';
  beforeAll(async () => {
    await t.env.services.linked.seedDemo('demo');
    desk = new Desk(t.env);
  });

  it('publishes the newborn group as a catalogue entry with its member procedures', async () => {
    const g = await groupForm(t.env, 'LT-KS');
    expect(g.members).toEqual(['1.001193', '1.004222', '9.000601']);
    expect(g.parts.map((p: any) => p.agencyName)).toEqual(['Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường', 'Công an phường Ba Đình', 'Bảo hiểm xã hội khu vực Ba Đình']);
    expect(g.formData.required).toEqual(expect.arrayContaining(['hoTenTre', 'ngaySinh', 'hoTenMe', 'noiThuongTru', 'noiKhamBanDau']));
    expect((await groupForm(t.env, 'LT-KT')).members).toEqual(['1.000656', '1.003197', '9.000602']);
    const none = await t.env.app.inject({ method: 'GET', url: '/api/procedures/LT-XX?unit=00004' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('LT-XX');
  });

  it('refuses an invalid group form in Vietnamese, every problem at once, and writes nothing', async () => {
    const g = await groupForm(t.env, 'LT-KS');
    const before = await rowCounts(t.env);
    // A child of 7 (no card under 6), no registration address, no birth certificate attached.
    const formData = { ...fillForm(g.formData, { date: '2019-11-20' }), noiThuongTru: '' };
    const r = await submitGroup(t.env, 'LT-KS', formData, [], { ...PARENT, phone: '12' });
    expect(r.statusCode).toBe(422);
    const err = r.json().error;
    expect(err.code).toBe('invalid_group_form');
    expect(err.message).toContain('chưa hồ sơ nào được tạo');
    const fields = err.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['applicant.phone', 'formData.ngaySinh', 'formData.noiThuongTru', 'attachments.giay-chung-sinh']));
    expect(err.fields.find((f: any) => f.field === 'attachments.giay-chung-sinh').message).toBe('Chưa đính kèm: Giấy chứng sinh');
    expect(await rowCounts(t.env)).toEqual(before);
  });

  it('submits one form as three dossiers linked under a group code, each tracking on its own', async () => {
    const g = await groupForm(t.env, 'LT-KS');
    const before = await rowCounts(t.env);
    const r = await submitGroup(t.env, 'LT-KS', { ...fillForm(g.formData, { date: '2026-11-20' }), hoTenTre: 'Lê Minh Khang' }, ['giay-chung-sinh']);
    expect(r.statusCode, r.body).toBe(201);
    group = r.json();
    expect(group.groupCode).toMatch(/^LT-00004-261201-\d{4}$/);
    expect(group.members.map((m: any) => [m.procedureCode, m.status])).toEqual([
      ['1.001193', 'new'],
      ['1.004222', 'new'],
      ['9.000601', 'new'],
    ]);
    // The group's date is the latest member's.
    const dues = group.members.map((m: any) => m.dueAt).sort();
    expect(group.dueAt).toBe(dues.at(-1));
    expect(new Set(dues).size).toBeGreaterThan(1);
    const after = await rowCounts(t.env);
    expect(after.dossiers - before.dossiers).toBe(3);
    expect(after.members - before.members).toBe(3);
    // The birth certificate, attached once, is a paper of the birth registration and of the card.
    expect(after.files - before.files).toBe(2);
    for (const m of group.members) {
      const own = await t.env.app.inject({ method: 'GET', url: `/api/dossiers/${m.code}?phone=${PARENT.phone}` });
      expect(own.statusCode).toBe(200);
      expect(own.json().formData.hoTenTre).toBe('Lê Minh Khang');
    }
    trackingUrl = group.trackingUrl;
    // One message for the group, with its page.
    const sms = await t.env.services.notifications.list({ recipient: PARENT.phone.replace(/^0/, '84'), limit: 50 });
    const all = sms.length ? sms : await t.env.services.notifications.list({ recipient: PARENT.phone, limit: 50 });
    expect(all.filter((m) => m.event === 'linked_submitted' && m.channel === 'sms').map((m) => m.body).join()).toContain(group.groupCode);
  });

  it('a retried submission with the same Idempotency-Key answers the same group and creates nothing', async () => {
    const g = await groupForm(t.env, 'LT-KT');
    const mp = () =>
      multipart([
        { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: 'LT-KT', applicant: PARENT, formData: fillForm(g.formData, { date: '2026-11-29' }) }) },
        { name: 'giay-bao-tu', value: PDF, filename: 'giay-bao-tu.pdf', type: 'application/pdf' },
      ]);
    const one = mp();
    const first = await t.env.app.inject({ method: 'POST', url: '/api/dossiers', payload: one.body, headers: { ...one.headers, 'idempotency-key': 'lt-kt-lan-1' } });
    expect(first.statusCode, first.body).toBe(201);
    const before = await rowCounts(t.env);
    const two = mp();
    const again = await t.env.app.inject({ method: 'POST', url: '/api/dossiers', payload: two.body, headers: { ...two.headers, 'idempotency-key': 'lt-kt-lan-1' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().groupCode).toBe(first.json().groupCode);
    expect(again.json().members.map((m: any) => m.code)).toEqual(first.json().members.map((m: any) => m.code));
    expect(await rowCounts(t.env)).toEqual(before);
  });

  it('receives the whole group at the counter and hands the partners their parts', async () => {
    const r = await t.env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/accept`, headers: { cookie: await desk.cookie('tiepnhan') }, payload: {} });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().members.map((m: any) => m.status)).toEqual(['received', 'received', 'received']);
    expect(r.json().members[1].statusLabel).toBe('Đang giải quyết tại Công an phường Ba Đình');
    const mail = await t.env.services.notifications.list({ recipient: 'bhxh.badinh@example.vn', limit: 10 });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toMatch(/\/doi-tac\/ket-qua\/00004-\d{6}-\d{4}\?t=/);
    // Another ward's official does not see the group.
    const other = await t.env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}`, headers: { cookie: await desk.cookie('tiepnhan2') } });
    expect(other.statusCode).toBe(404);
  });

  it('a supplement asked for one member pauses only that member, and the group page says so', async () => {
    const birth = group.members[0].code;
    await desk.ok(birth, 'tiepnhan', { type: 'request_supplement', items: ['Giấy chứng sinh bản rõ nét hơn'] });
    const j = (await t.env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}?phone=${PARENT.phone}` })).json();
    expect(j.members.map((m: any) => m.status)).toEqual(['supplement_requested', 'received', 'received']);
    const page = await t.env.app.inject({ method: 'GET', url: new URL(trackingUrl).pathname + new URL(trackingUrl).search });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cần bổ sung giấy tờ');
    expect(page.body).toContain('Bạn cần làm');
    expect(page.body).toContain('Đang giải quyết tại Công an phường Ba Đình');
    const paused = await desk.get(birth, 'tiepnhan');
    expect(paused.workflow.pausedAt).not.toBeNull();
    for (const m of group.members.slice(1)) expect((await desk.get(m.code, 'tiepnhan')).workflow.pausedAt).toBeNull();
  });

  it('the police record their result in their inbox, seeing only their own parts', async () => {
    const signIn = await t.env.app.inject({ method: 'GET', url: '/doi-tac/dang-nhap' });
    const csrfCookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const wrong = await t.env.app.inject({ method: 'POST', url: '/doi-tac/dang-nhap', headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(signIn.body), username: 'congan', password: 'sai' }) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    const ok = await t.env.app.inject({ method: 'POST', url: '/doi-tac/dang-nhap', headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(signIn.body), username: 'congan', password: 'demo' }) });
    expect(ok.statusCode).toBe(303);
    const cookie = `${csrfCookie}; motcua_partner=${ok.cookies.find((c) => c.name === 'motcua_partner')!.value}`;
    const inbox = await t.env.app.inject({ method: 'GET', url: '/doi-tac', headers: { cookie } });
    expect(inbox.statusCode).toBe(200);
    const residence = group.members[1].code;
    expect(inbox.body).toContain(`href="/doi-tac/ho-so/${residence}"`);
    expect(inbox.body).not.toContain(`>${group.members[0].code}<`);
    expect(inbox.body).not.toContain(`>${group.members[2].code}<`);
    // Not theirs: the birth registration, or the card.
    expect((await t.env.app.inject({ method: 'GET', url: `/doi-tac/ho-so/${group.members[0].code}`, headers: { cookie } })).statusCode).toBe(404);
    const page = await t.env.app.inject({ method: 'GET', url: `/doi-tac/ho-so/${residence}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lê Minh Khang');
    const done = await t.env.app.inject({ method: 'POST', url: `/doi-tac/ho-so/${residence}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), outcome: 'approved', note: 'Đã đăng ký thường trú cho trẻ.' }) });
    expect(done.statusCode, done.body).toBe(303);
    const d = await desk.get(residence, 'tiepnhan');
    expect(d.status).toBe('processed');
    expect(d.history.at(-1)).toMatchObject({ action: 'mark_result_ready', actor: 'Công an phường Ba Đình' });
    // Twice is refused, with the reason.
    const again = await t.env.app.inject({ method: 'POST', url: `/doi-tac/ho-so/${residence}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), outcome: 'approved', note: '' }) });
    expect(again.statusCode).toBe(409);
  });

  it('the social insurance office refuses through the signed link, without an account', async () => {
    const mail = (await t.env.services.notifications.list({ recipient: 'bhxh.badinh@example.vn', limit: 10 }))[0]!;
    const link = new URL(/(http\S+\/doi-tac\/ket-qua\/\S+)/.exec(mail.body)![1]!);
    const card = group.members[2].code;
    // A changed token opens nothing.
    const forged = await t.env.app.inject({ method: 'GET', url: `${link.pathname}?t=${link.searchParams.get('t')!.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(404);
    const page = await t.env.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(card);
    const noReason = await t.env.app.inject({ method: 'POST', url: link.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ t: link.searchParams.get('t')!, outcome: 'rejected', note: '' }) });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('lý do từ chối');
    const r = await t.env.app.inject({ method: 'POST', url: link.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ t: link.searchParams.get('t')!, outcome: 'rejected', note: 'Trẻ đã có thẻ bảo hiểm y tế cấp trước đó.' }) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).toContain('Đã ghi kết quả');
    const j = (await t.env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}?phone=${PARENT.phone}` })).json();
    expect(j.members.map((m: any) => [m.status, m.outcome])).toEqual([
      ['supplement_requested', null],
      ['processed', 'approved'],
      ['processed', 'rejected'],
    ]);
    expect(j.members[2].statusLabel).toBe('Bảo hiểm xã hội khu vực Ba Đình từ chối giải quyết');
    const page2 = await t.env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?phone=${PARENT.phone}` });
    expect(page2.body).toContain('Trẻ đã có thẻ bảo hiểm y tế cấp trước đó.');
    expect(page2.body).toContain('1/3 phần đã có kết quả'.replace('1/3', '2/3'));
  });

  it('the receipt lists every part with its code, agency and date', async () => {
    const r = await t.env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}/bien-nhan.pdf?phone=${PARENT.phone}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lt-')), 'r.pdf');
    fs.writeFileSync(file, r.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(group.groupCode);
    for (const m of group.members) expect(text).toContain(m.code);
    expect(text).toContain('Công an phường Ba Đình');
    expect(text).toContain('Thủ tục đăng ký khai sinh');
    // A wrong phone reads as a wrong code.
    expect((await t.env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}/bien-nhan.pdf?phone=0900000000` })).statusCode).toBe(404);
  });

  it('officials find the group in the workspace and receive it whole from its page; another ward cannot', async () => {
    const g = await groupForm(t.env, 'LT-KS');
    const r = await submitGroup(t.env, 'LT-KS', { ...fillForm(g.formData, { date: '2026-11-25' }), hoTenTre: 'Đỗ An Nhiên' }, ['giay-chung-sinh'], { ...PARENT, fullName: 'Đỗ Thị Lan' });
    expect(r.statusCode, r.body).toBe(201);
    const code = r.json().groupCode;
    const cookie = await desk.cookie('tiepnhan');
    const list = await t.env.app.inject({ method: 'GET', url: '/can-bo/lien-thong', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(code);
    expect(list.body).toContain('Đỗ Thị Lan');
    const page = await t.env.app.inject({ method: 'GET', url: `/can-bo/lien-thong/${code}`, headers: { cookie } });
    expect(page.body).toContain('Tiếp nhận cả nhóm (3 phần)');
    const done = await t.env.app.inject({ method: 'POST', url: `/can-bo/lien-thong/${code}/tiep-nhan`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body) }) });
    expect(done.statusCode, done.body).toBe(303);
    const after = await t.env.app.inject({ method: 'GET', url: done.headers.location as string, headers: { cookie } });
    expect(after.body).toContain('Đã tiếp nhận cả nhóm');
    expect(after.body).not.toContain('Tiếp nhận cả nhóm (');
    const other = await desk.cookie('tiepnhan2');
    expect((await t.env.app.inject({ method: 'GET', url: `/can-bo/lien-thong/${code}`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await t.env.app.inject({ method: 'GET', url: '/can-bo/lien-thong', headers: { cookie: other } })).body).not.toContain(code);
  });

  it('a partner that never answers is escalated to the unit after the part deadline, once', async () => {
    const g = await groupForm(t.env, 'LT-KT');
    const r = await submitGroup(t.env, 'LT-KT', { ...fillForm(g.formData, { date: '2026-11-28' }), hoTenNguoiChet: 'Phạm Văn Bình' }, ['giay-bao-tu']);
    expect(r.statusCode, r.body).toBe(201);
    const kt = r.json();
    // The unit refuses the death registration at reception; the rest is received.
    await desk.ok(kt.members[0].code, 'tiepnhan', { type: 'refuse', reason: 'Đã đăng ký khai tử tại nơi khác.' });
    const acc = await t.env.app.inject({ method: 'POST', url: `/api/groups/${kt.groupCode}/accept`, headers: { cookie: await desk.cookie('tiepnhan') }, payload: {} });
    expect(acc.json().members.map((m: any) => m.status)).toEqual(['not_received', 'received', 'received']);
    const job = new LinkedPartnerJob(t.env.services.linked, { intervalMs: 0 });
    expect((await job.runOnce()).escalated).toBe(0);
    // Past the funeral allowance's deadline (5 working days), the social insurance office is silent.
    const funeral = kt.members[2].code;
    const due = new Date(acc.json().members[2].dueAt);
    t.clock.set(new Date(due.getTime() + 3_600_000).toISOString());
    const first = await job.runOnce();
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const leaders = (await t.env.services.notifications.list({ dossierCode: funeral, limit: 50 })).filter((m) => m.event === 'linked_partner_overdue');
    expect(leaders.some((m) => m.recipient === 'bhxh.badinh@example.vn')).toBe(true);
    expect(leaders.filter((m) => m.channel === 'sms').length).toBeGreaterThan(0);
    expect(leaders.find((m) => m.channel === 'sms')!.body).toContain('chưa trả kết quả');
    expect((await job.runOnce()).escalated).toBe(0);
    expect((await t.env.services.notifications.list({ dossierCode: funeral, limit: 50 })).filter((m) => m.event === 'linked_partner_overdue')).toHaveLength(leaders.length);
    const j = (await t.env.app.inject({ method: 'GET', url: `/api/groups/${kt.groupCode}?phone=${PARENT.phone}` })).json();
    expect(j.members[2]).toMatchObject({ escalated: true });
    expect(j.members[2].statusLabel).toContain('quá hạn');
    expect(j.members[0].statusLabel).toBe('Không được tiếp nhận');
  });
});
