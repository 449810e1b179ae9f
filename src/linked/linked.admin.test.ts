import { beforeAll, expect, it } from 'vitest';
import { Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, formBody, postStaffForm } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';

/**
 * The unit admin's page of linked procedure groups (issue 14), through the real HTTP routes on
 * both engines: the list, a new group (every problem named in Vietnamese, nothing half-written),
 * editing, switching off and on — and what citizens notice: the catalogue's pages and
 * `GET /api/procedures/<group>` follow at once (the catalogue's version moves on, which the other
 * processes are told through the cluster bus).
 */

const PATH = '/can-bo/quan-tri/lien-thong';

/** The form of a group as the admin's page posts it: member rows m0…, blank rows left blank. */
function groupForm(g: { code?: string; name: string; summary?: string; members: Array<{ procedure: string; agency: 'unit' | 'partner'; role?: string; agencyName?: string; email?: string }> }): Record<string, string> {
  const f: Record<string, string> = { name: g.name, summary: g.summary ?? '', legalBasis: '' };
  if (g.code !== undefined) f.code = g.code;
  g.members.forEach((m, i) => {
    f[`m${i}.procedure`] = m.procedure;
    f[`m${i}.agency`] = m.agency;
    f[`m${i}.role`] = m.role ?? 'specialist';
    f[`m${i}.agencyName`] = m.agencyName ?? '';
    f[`m${i}.email`] = m.email ?? '';
  });
  // A blank row, as the page always offers one more.
  f[`m${g.members.length}.procedure`] = '';
  return f;
}

async function counts(env: TestEnv) {
  const db = env.services.database.db;
  const n = async (t: 'linked_groups' | 'linked_partners') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audit = (await env.services.audit.list({ targetKind: 'linked_group', limit: 500 })).length;
  return { groups: await n('linked_groups'), partners: await n('linked_partners'), audit };
}

const MARRIAGE = {
  code: 'LT-KH',
  name: 'Liên thông đăng ký kết hôn, tách hộ và cấp đổi thẻ căn cước',
  summary: 'Một tờ khai cho ba việc sau khi kết hôn.',
  members: [
    { procedure: '1.000894', agency: 'unit' as const, role: 'specialist' },
    // The ward police: an existing partner, known by its e-mail.
    { procedure: '1.010038', agency: 'partner' as const, agencyName: 'Công an phường Ba Đình', email: 'CongAn.BaDinh@example.vn' },
    // A new partner, made from its e-mail.
    { procedure: '1.014063 Cấp đổi thẻ căn cước', agency: 'partner' as const, agencyName: 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội', email: 'pc06.hanoi@example.vn' },
  ],
};

eachEngine('the unit admin defines linked groups', { at: '2026-12-01T02:00:00.000Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  let desk: Desk;
  let admin = '';
  const post = (url: string, fields: Record<string, string>, from = `${PATH}/moi`) => postStaffForm(t.env, admin, from, url, fields);
  const procedure = (code: string) => t.env.app.inject({ method: 'GET', url: `/api/procedures/${code}?unit=00004` });

  beforeAll(async () => {
    await t.env.services.linked.seedDemo('demo');
    desk = new Desk(t.env);
    admin = await desk.cookie('quantri');
    await t.env.services.accounts.upsertStaff({ username: 'quantri2', fullName: 'Quản trị Cửa Nam', unitCode: '00082', role: 'admin', fields: [], password: 'demo' });
  });

  it('lists the unit’s groups for its admin, from the staff menu; other roles are refused', async () => {
    const page = await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="${PATH}" aria-current="page">Nhóm thủ tục liên thông</a>`);
    for (const s of ['LT-KS', 'LT-KT', 'Công an phường Ba Đình (cơ quan phối hợp, congan.badinh@example.vn)', 'Đang nhận hồ sơ', '<table class="grid wide">']) expect(page.body).toContain(s);
    const desk2 = await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(desk2.statusCode).toBe(403);
    expect(desk2.body).toContain('không có quyền');
    expect((await t.env.app.inject({ method: 'GET', url: PATH })).statusCode).toBe(303);
  });

  it('refuses a bad group with every problem in Vietnamese, and writes nothing', async () => {
    const before = await counts(t.env);
    const bad = await post(PATH, groupForm({ code: 'KS', name: '', members: [{ procedure: '9.999999', agency: 'unit' }] }));
    expect(bad.statusCode).toBe(422);
    for (const s of ['Nhóm chưa lưu được', 'Mã nhóm có dạng LT-', 'Nhập tên nhóm liên thông', 'không có thủ tục mã 9.999999 trong danh mục của Phường Ba Đình', 'Một nhóm liên thông có ít nhất hai thủ tục']) expect(bad.body).toContain(s);
    // The form comes back as typed, its problems beside their fields.
    expect(bad.body).toContain('value="9.999999"');
    expect(bad.body).toMatch(/id="m0-procedure"[^>]*aria-invalid="true"/);
    const dup = await post(PATH, groupForm({ ...MARRIAGE, code: 'LT-KS' }));
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Đơn vị đã có nhóm liên thông mã LT-KS');
    const partner = await post(PATH, groupForm({ ...MARRIAGE, members: [MARRIAGE.members[0]!, { procedure: '1.000894', agency: 'unit' }, { procedure: '1.010038', agency: 'partner', agencyName: 'Công an', email: 'khong-phai-thu' }] }));
    expect(partner.statusCode).toBe(422);
    expect(partner.body).toContain('Thủ tục thứ 2: thủ tục 1.000894 đã có trong nhóm');
    expect(partner.body).toContain('Thủ tục thứ 3: nhập thư điện tử hợp lệ của cơ quan phối hợp');
    // Without the form's CSRF token: refused before anything.
    const forged = await t.env.app.inject({ method: 'POST', url: PATH, headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(groupForm(MARRIAGE)) });
    expect(forged.statusCode).toBe(403);
    expect(await counts(t.env)).toEqual(before);
    expect((await procedure('LT-KH')).statusCode).toBe(404);
  });

  it('creates a group: the catalogue and GET /api/procedures/<group> show it at once, audited, partners by e-mail', async () => {
    // The home page is cached by the catalogue's version: seen once before the change.
    const homeBefore = await t.env.app.inject({ method: 'GET', url: '/dv/00004' });
    expect(homeBefore.body).not.toContain(MARRIAGE.name);
    let told = 0;
    t.env.services.catalog.updates.on(() => told++);
    const before = await counts(t.env);
    const r = await post(PATH, groupForm(MARRIAGE));
    expect(r.statusCode, r.body).toBe(303);
    expect(r.headers.location).toBe(`${PATH}?da=them`);
    const list = await t.env.app.inject({ method: 'GET', url: r.headers.location as string, headers: { cookie: admin } });
    expect(list.body).toContain('Đã thêm nhóm liên thông');
    expect(list.body).toContain(MARRIAGE.name);
    // The change is told to the other processes (the cluster bus relays the catalogue's updates).
    expect(told).toBeGreaterThanOrEqual(1);
    expect(await counts(t.env)).toEqual({ groups: before.groups + 1, partners: before.partners + 1, audit: before.audit + 1 });
    const g = (await procedure('LT-KH')).json();
    expect(g.members).toEqual(['1.000894', '1.010038', '1.014063']);
    expect(g.parts.map((p: any) => [p.agencyName, p.partner])).toEqual([
      ['Chuyên viên, Phường Ba Đình', false],
      ['Công an phường Ba Đình', true],
      ['Phòng Cảnh sát quản lý hành chính về trật tự xã hội', true],
    ]);
    // One form made of the members' own: the marriage form's fields are there, asked once.
    expect(Object.keys(g.formData.properties)).toEqual(expect.arrayContaining(['hoTenNu', 'hoTenNam']));
    expect(g.papers.length).toBeGreaterThan(0);
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00004' })).body).toContain(MARRIAGE.name);
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00004/lien-thong/LT-KH' })).statusCode).toBe(200);
    // The police part goes to the existing partner (same e-mail, any case); the new e-mail is a partner by signed link.
    const def = await t.env.services.database.db.selectFrom('linked_groups').select('definition').where('code', '=', 'LT-KH').executeTakeFirstOrThrow();
    const members = JSON.parse(def.definition).members;
    expect(members[1].partnerId).toBe('cong-an-ba-dinh');
    const made = await t.env.services.database.db.selectFrom('linked_partners').selectAll().where('email', '=', 'pc06.hanoi@example.vn').executeTakeFirstOrThrow();
    expect(made).toMatchObject({ unit_code: '00004', mode: 'email', name: 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội' });
    expect(members[2].partnerId).toBe(made.id);
    const audit = (await t.env.services.audit.list({ targetKind: 'linked_group', targetId: 'LT-KH', limit: 5 }))[0]!;
    expect(audit).toMatchObject({ action: 'linked.group_create', actorName: 'Phạm Thu Trang', unitCode: '00004' });
    // A citizen can submit it: one dossier per member.
    const files = g.papers.filter((p: any) => p.required).map((p: any) => ({ name: p.id, value: PDF, filename: `${p.id}.pdf`, type: 'application/pdf' }));
    const mp = multipart([{ name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: 'LT-KH', applicant: { fullName: 'Phạm Thu Hà', phone: '0912345670' }, formData: fillForm(g.formData, { date: '1995-03-02' }) }) }, ...files]);
    const sent = await t.env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().members.map((m: any) => m.procedureCode)).toEqual(['1.000894', '1.010038', '1.014063']);
  });

  it('edits a group: agencies and name follow; the demo group keeps its own form while its members stay', async () => {
    const page = await t.env.app.inject({ method: 'GET', url: `${PATH}/LT-KH`, headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="pc06.hanoi@example.vn"');
    // The role of an in-unit part names who handles it for citizens; the form says the part's dossier follows the procedure's own process.
    expect(page.body).toContain('Hồ sơ của phần này đi theo quy trình nội bộ của thủ tục');
    const r = await post(`${PATH}/LT-KH`, groupForm({ name: 'Liên thông đăng ký kết hôn và tách hộ', members: [MARRIAGE.members[0]!, { procedure: '1.010038', agency: 'unit', role: 'leader' }] }), `${PATH}/LT-KH`);
    expect(r.statusCode, r.body).toBe(303);
    const g = (await procedure('LT-KH')).json();
    expect(g.name).toBe('Liên thông đăng ký kết hôn và tách hộ');
    expect(g.parts.map((p: any) => [p.procedureCode, p.agencyName, p.partner])).toEqual([
      ['1.000894', 'Chuyên viên, Phường Ba Đình', false],
      ['1.010038', 'Lãnh đạo, Phường Ba Đình', false],
    ]);
    expect((await t.env.services.audit.list({ targetKind: 'linked_group', targetId: 'LT-KH', limit: 5 }))[0]!.action).toBe('linked.group_update');
    // Fewer than two members: refused, the group as it was.
    const one = await post(`${PATH}/LT-KH`, groupForm({ name: 'Chỉ còn một thủ tục', members: [MARRIAGE.members[0]!] }), `${PATH}/LT-KH`);
    expect(one.statusCode).toBe(422);
    expect(one.body).toContain('Một nhóm liên thông có ít nhất hai thủ tục');
    expect((await procedure('LT-KH')).json().name).toBe('Liên thông đăng ký kết hôn và tách hộ');
    // The newborn group renamed: its hand-made form (the card's clinic) and partners' shares stay.
    const ks = await t.env.app.inject({ method: 'GET', url: `${PATH}/LT-KS`, headers: { cookie: admin } });
    // The edit form shows the group as saved: its members, agencies and the partners' e-mails.
    for (const s of ['value="1.004222"', 'value="bhxh.badinh@example.vn"', 'value="Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường"']) expect(ks.body).toContain(s);
    const renamed = await post(
      `${PATH}/LT-KS`,
      groupForm({
        name: 'Liên thông khai sinh, thường trú, thẻ bảo hiểm y tế (trẻ dưới 6 tuổi)',
        members: [
          { procedure: '1.001193', agency: 'unit', role: 'specialist', agencyName: 'Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường' },
          { procedure: '1.004222', agency: 'partner', agencyName: 'Công an phường Ba Đình', email: 'congan.badinh@example.vn' },
          { procedure: '9.000601', agency: 'partner', agencyName: 'Bảo hiểm xã hội khu vực Ba Đình', email: 'bhxh.badinh@example.vn' },
        ],
      }),
      `${PATH}/LT-KS`,
    );
    expect(renamed.statusCode, renamed.body).toBe(303);
    const ksJson = (await procedure('LT-KS')).json();
    expect(ksJson.name).toBe('Liên thông khai sinh, thường trú, thẻ bảo hiểm y tế (trẻ dưới 6 tuổi)');
    expect(ksJson.formData.required).toEqual(expect.arrayContaining(['noiKhamBanDau', 'noiThuongTru']));
    expect(ksJson.parts.map((p: any) => p.agencyName)).toEqual(['Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường', 'Công an phường Ba Đình', 'Bảo hiểm xã hội khu vực Ba Đình']);
    const group = await t.env.services.linked.getGroup('00004', 'LT-KS');
    expect(group.members[2]!.fields).toContain('noiKhamBanDau');
    expect(group.members[1]!.fields).not.toContain('noiKhamBanDau');
  });

  it('switches a group off and on: citizens stop seeing it, submitted groups go on', async () => {
    const off = await post(`${PATH}/LT-KH/trang-thai`, { enabled: '0' }, PATH);
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe(`${PATH}?da=tat`);
    const gone = await procedure('LT-KH');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toContain('LT-KH');
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00004/lien-thong/LT-KH' })).statusCode).toBe(404);
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00004' })).body).not.toContain('Liên thông đăng ký kết hôn và tách hộ');
    const list = await t.env.app.inject({ method: 'GET', url: off.headers.location as string, headers: { cookie: admin } });
    expect(list.body).toContain('Đã tắt nhóm');
    expect(list.body).toContain('aria-label="Bật nhóm LT-KH"');
    // The group submitted before still tracks.
    const submitted = await t.env.services.database.db.selectFrom('linked_submissions').select('code').where('group_code', '=', 'LT-KH').executeTakeFirstOrThrow();
    expect((await t.env.app.inject({ method: 'GET', url: `/api/groups/${submitted.code}?phone=0912345670` })).statusCode).toBe(200);
    expect((await t.env.services.audit.list({ targetKind: 'linked_group', targetId: 'LT-KH', limit: 5 }))[0]!.action).toBe('linked.group_disable');
    const on = await post(`${PATH}/LT-KH/trang-thai`, { enabled: '1' }, PATH);
    expect(on.headers.location).toBe(`${PATH}?da=bat`);
    expect((await procedure('LT-KH')).statusCode).toBe(200);
    expect((await t.env.app.inject({ method: 'GET', url: '/dv/00004' })).body).toContain('Liên thông đăng ký kết hôn và tách hộ');
  });

  it("another ward's admin neither sees nor changes this ward's groups", async () => {
    const other = await desk.cookie('quantri2');
    expect((await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: other } })).body).not.toContain('LT-KS');
    expect((await t.env.app.inject({ method: 'GET', url: `${PATH}/LT-KS`, headers: { cookie: other } })).statusCode).toBe(404);
    const page = await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: other } });
    for (const url of [`${PATH}/LT-KS`, `${PATH}/LT-KS/trang-thai`]) {
      const r = await t.env.app.inject({ method: 'POST', url, headers: { cookie: other, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(page.body), ...groupForm({ name: 'Chiếm nhóm', members: MARRIAGE.members }), enabled: '0' }) });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await procedure('LT-KS')).statusCode).toBe(200);
  });
});
