import { beforeAll, expect, it } from 'vitest';
import { fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { csrfOf, eachEngine } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';

/**
 * The newborn group's form and the child's vaccination reminders (issue 14), on both engines: the
 * parent opts in in the same form (API and the web form without JavaScript); a missing consent or a
 * child too old for the reminders refuses the whole form with nothing written; the group's page
 * shows the reminders; the group is listed in the unit's catalogue like a procedure.
 */

const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', address: 'Số 5 phố Liễu Giai, Ba Đình' };
// Tuesday 01/12/2026, 09:00 in Hà Nội.
const AT = '2026-12-01T02:00:00.000Z';

async function formOf(env: TestEnv) {
  return (await env.app.inject({ method: 'GET', url: '/api/procedures/LT-KS?unit=00004' })).json().formData;
}

async function submit(env: TestEnv, formData: Record<string, unknown>, vaccinationReminders?: unknown) {
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: 'LT-KS', applicant: PARENT, formData, vaccinationReminders }) },
    { name: 'giay-chung-sinh', value: PDF, filename: 'giay-chung-sinh.pdf', type: 'application/pdf' },
  ]);
  return env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
}

async function counts(env: TestEnv) {
  const db = env.services.database.db;
  const n = async (t: 'dossiers' | 'linked_submissions' | 'vaccination_enrolments') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { dossiers: await n('dossiers'), submissions: await n('linked_submissions'), enrolments: await n('vaccination_enrolments') };
}

eachEngine('the newborn group with vaccination reminders', { at: AT, env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  beforeAll(async () => {
    await t.env.services.linked.seedDemo('demo');
  });

  it('lists the group in the catalogue like a procedure: home, its members’ field, search', async () => {
    const home = await t.env.app.inject({ method: 'GET', url: '/dv/00004' });
    expect(home.body).toContain('Nộp một lần cho nhiều thủ tục (liên thông)');
    expect(home.body).toContain('href="/dv/00004/lien-thong/LT-KS"');
    expect(home.body).toContain('href="/dv/00004/lien-thong/LT-KT"');
    const field = await t.env.app.inject({ method: 'GET', url: '/dv/00004/linh-vuc/ho-tich' });
    expect(field.statusCode).toBe(200);
    expect(field.body).toContain('href="/dv/00004/lien-thong/LT-KS"');
    expect(field.body).toContain('2 nhóm thủ tục liên thông');
    // Without marks, and by a member's name ("thẻ bảo hiểm y tế"): the newborn group, not the death one.
    for (const q of ['khai sinh', 'the bao hiem y te tre em']) {
      const found = await t.env.app.inject({ method: 'GET', url: `/dv/00004/tim-kiem?q=${encodeURIComponent(q)}` });
      expect(found.body, q).toContain('href="/dv/00004/lien-thong/LT-KS"');
      expect(found.body, q).not.toContain('href="/dv/00004/lien-thong/LT-KT"');
    }
    const none = await t.env.app.inject({ method: 'GET', url: '/dv/00004/tim-kiem?q=ly+hon' });
    expect(none.body).not.toContain('/lien-thong/LT-');
    // Another ward has no groups.
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00082' })).body).not.toContain('/lien-thong/');
  });

  it('refuses an opt-in without consent, or for a child of 24 months or more, with the form’s other problems, writing nothing', async () => {
    const form = await formOf(t.env);
    const before = await counts(t.env);
    const noConsent = await submit(t.env, { ...fillForm(form, { date: '2026-11-20' }), noiThuongTru: '' }, { village: 'Tổ 5' });
    expect(noConsent.statusCode).toBe(422);
    const err = noConsent.json().error;
    expect(err.code).toBe('invalid_group_form');
    expect(err.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['formData.noiThuongTru', 'vaccinationReminders.consent']));
    expect(err.fields.find((f: any) => f.field === 'vaccinationReminders.consent').message).toContain('Cần đồng ý');
    // Born 01/11/2024: under 6 for the group, but 25 months old for the reminders.
    const tooOld = await submit(t.env, fillForm(form, { date: '2024-11-01' }), { consent: true });
    expect(tooOld.statusCode).toBe(422);
    expect(tooOld.json().error.fields).toEqual([expect.objectContaining({ field: 'vaccinationReminders.birthDate', code: 'child_too_old', message: expect.stringContaining('24 tháng tuổi') })]);
    expect(await counts(t.env)).toEqual(before);
    // The same child without the opt-in is registered.
    expect((await submit(t.env, fillForm(form, { date: '2024-11-01' }))).statusCode).toBe(201);
    expect((await counts(t.env)).enrolments).toBe(before.enrolments);
  });

  it('enrols the child with the birth registration: the schedule in the answer, the welcome SMS, the group page', async () => {
    const form = await formOf(t.env);
    const before = await counts(t.env);
    const r = await submit(t.env, { ...fillForm(form, { date: '2026-11-20' }), hoTenTre: 'Lê Minh Khang' }, { consent: true, village: 'Tổ dân phố 5' });
    expect(r.statusCode, r.body).toBe(201);
    const g = r.json();
    expect(g.vaccinationReminders.stopUrl).toMatch(/\/tiem-chung\/TC[A-Z0-9]+\?t=/);
    // Born 20/11/2026: the 5-in-1 at 2 months is due on 20/01/2027.
    expect(g.vaccinationReminders.schedule).toEqual(expect.arrayContaining([expect.objectContaining({ dueDate: '2027-01-20' })]));
    expect((await counts(t.env)).enrolments).toBe(before.enrolments + 1);
    const row = await t.env.services.database.db.selectFrom('vaccination_enrolments').selectAll().where('id', '=', g.vaccinationReminders.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ child_name: 'Lê Minh Khang', birth_date: '2026-11-20', village: 'Tổ dân phố 5', source: 'birth_registration', status: 'active', dossier_code: g.members[0].code });
    const sms = await t.env.services.notifications.list({ recipient: '84987654321', limit: 50 });
    const all = sms.length ? sms : await t.env.services.notifications.list({ recipient: PARENT.phone, limit: 50 });
    expect(all.some((m) => m.event === 'vaccination_welcome' && /Le Minh Khang|Lê Minh Khang/.test(m.body))).toBe(true);

    // The group's page (signed link) shows the reminders and the parent's link; code + phone does not.
    const page = await t.env.app.inject({ method: 'GET', url: g.trackingUrl.replace('http://motcua.test', '') });
    expect(page.body).toContain('Nhắc lịch tiêm chủng');
    expect(page.body).toContain('Cháu Lê Minh Khang');
    expect(page.body).toContain(`/tiem-chung/${g.vaccinationReminders.id}?t=`);
    const weak = await t.env.app.inject({ method: 'GET', url: `/lien-thong/${g.groupCode}?phone=${PARENT.phone}` });
    expect(weak.statusCode).toBe(200);
    expect(weak.body).not.toContain('Lê Minh Khang');

    // Stopped by the parent: the page no longer shows the child's reminders.
    await t.env.services.vaccination.stop(g.vaccinationReminders.id, 'link');
    expect((await t.env.app.inject({ method: 'GET', url: g.trackingUrl.replace('http://motcua.test', '') })).body).not.toContain('Nhắc lịch tiêm chủng');
  });

  it('the web form without JavaScript: the opt-in ticked without consent is refused, kept, and then accepted', async () => {
    const get = await t.env.app.inject({ method: 'GET', url: '/dv/00004/lien-thong/LT-KS' });
    expect(get.body).toContain('Đăng ký nhắn tin nhắc lịch tiêm cho cháu');
    const cookie = get.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const form = fillForm(await formOf(t.env), { date: '2026-11-25' });
    const post = (extra: Record<string, string>) => {
      const mp = multipart([
        { name: '_csrf', value: csrfOf(get.body) },
        { name: 'applicant.fullName', value: 'Lê Văn Hùng' },
        { name: 'applicant.phone', value: '0911222333' },
        ...Object.entries(form).map(([name, value]) => ({ name, value: String(value) })),
        ...Object.entries(extra).map(([name, value]) => ({ name, value })),
        { name: 'giay-chung-sinh', value: PDF, filename: 'giay-chung-sinh.pdf', type: 'application/pdf' },
      ]);
      return t.env.app.inject({ method: 'POST', url: '/dv/00004/lien-thong/LT-KS', payload: mp.body, headers: { ...mp.headers, cookie } });
    };
    const refused = await post({ nhacLich: '1', 'nhacLich.thon': 'Thôn Đông' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Cần đồng ý cho lưu thông tin để nhắc lịch tiêm');
    // What the parent chose is kept.
    expect(refused.body).toMatch(/id="nl-dang-ky" name="nhacLich" type="checkbox" value="1" checked/);
    expect(refused.body).toContain('value="Thôn Đông"');
    const ok = await post({ nhacLich: '1', 'nhacLich.thon': 'Thôn Đông', 'nhacLich.dongY': '1' });
    expect(ok.statusCode, ok.body).toBe(303);
    const page = await t.env.app.inject({ method: 'GET', url: ok.headers.location as string, headers: { cookie } });
    expect(page.body).toContain('Nhắc lịch tiêm chủng');
    expect(page.body).toContain('Đang nhắc lịch');
  });
});
