import { beforeAll, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, formBody } from '../shared/suite.testing';
import { submitNewborn } from './linked.testing';

/**
 * What each side sees of a part of a linked group (issue 14), through the real HTTP routes on both
 * engines: the unit's official on a member dossier's page and JSON sees the group it belongs to and
 * the other parts; a partner agency sees only its own share of the family's one form — the police
 * never the place of first health care, social insurance never the head of household — on its page
 * and in its JSON.
 */

const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', email: 'mai@example.vn', address: 'Số 5 phố Liễu Giai, Ba Đình' };
// Values a page could not show by chance.
const CHILD = 'Lê Minh Khang';
const ADDRESS = 'Số 12 ngõ Văn Chương, phường Ba Đình';
const HOUSEHOLDER = 'Đinh Công Tráng';
const CLINIC = 'Phòng khám đa khoa Kim Mã số 7';

eachEngine('the parts of a linked group, for officials and partners', { at: '2026-12-01T02:00:00.000Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  let desk: Desk;
  let group: any;
  let single: any;

  beforeAll(async () => {
    await t.env.services.linked.seedDemo('demo');
    desk = new Desk(t.env);
    group = await submitNewborn(t.env, PARENT, { desk, formData: { hoTenTre: CHILD, noiThuongTru: ADDRESS, hoTenChuHo: HOUSEHOLDER, noiKhamBanDau: CLINIC } });
    single = await desk.submitOnline('1.004746');
  });

  it("a member dossier's staff page names its group, links to it and lists the other parts with their states", async () => {
    const [birth, residence, card] = group.members.map((m: any) => m.code);
    const page = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${birth}`, headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Thuộc nhóm liên thông <a href="/can-bo/lien-thong/${group.groupCode}">${group.groupCode}</a>`);
    expect(page.body).toContain('Các phần khác của nhóm (2)');
    for (const code of [residence, card]) expect(page.body).toContain(`<a href="/can-bo/ho-so/${code}">${code}</a>`);
    expect(page.body).toContain('Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi');
    expect(page.body).toContain('Đang giải quyết tại Công an phường Ba Đình');
    // Not itself among "the other parts".
    expect(page.body).not.toContain(`<a href="/can-bo/ho-so/${birth}">`);
    // The residence part's page shows its share of the one form, which its own e-form does not ask.
    const res = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${residence}`, headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(res.body).toContain(ADDRESS);
    expect(res.body).toContain(HOUSEHOLDER);
    // The group's page is where the link leads, and it opens.
    expect((await t.env.app.inject({ method: 'GET', url: `/can-bo/lien-thong/${group.groupCode}`, headers: { cookie: await desk.cookie('tiepnhan') } })).statusCode).toBe(200);
    // A dossier of its own says nothing of groups.
    const alone = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${single.code}`, headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(alone.statusCode).toBe(200);
    expect(alone.body).not.toContain('Thuộc nhóm liên thông');
  });

  it("the officials' dossier JSON carries the group and every part's state; a citizen's does not", async () => {
    const [birth, residence] = group.members.map((m: any) => m.code);
    const j = await desk.get(residence, 'tiepnhan');
    expect(j.linkedGroup).toMatchObject({ code: group.groupCode, groupCode: 'LT-KS', url: expect.stringMatching(new RegExp(`/can-bo/lien-thong/${group.groupCode}$`)) });
    expect(j.linkedGroup.members.map((m: any) => [m.code, m.procedureCode, m.self])).toEqual([
      [birth, '1.001193', false],
      [residence, '1.004222', true],
      [group.members[2].code, '9.000601', false],
    ]);
    expect(j.linkedGroup.members[1]).toMatchObject({ agency: 'partner', agencyName: 'Công an phường Ba Đình', status: 'received', statusLabel: 'Đang giải quyết tại Công an phường Ba Đình' });
    // The group's date: the latest part's, as the group's own answer says.
    const own = (await t.env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}?phone=${PARENT.phone}` })).json();
    expect(j.linkedGroup.dueAt).toBe(own.dueAt);
    expect(j.linkedGroup.dueAt).toBe(own.members.map((m: any) => m.dueAt).sort().at(-1));
    expect((await desk.get(single.code, 'tiepnhan')).linkedGroup).toBeNull();
    const citizen = (await t.env.app.inject({ method: 'GET', url: `/api/dossiers/${residence}?phone=${PARENT.phone}` })).json();
    expect(citizen).not.toHaveProperty('linkedGroup');
  });

  it("the police's inbox shows its share of the form only: never the card's clinic (page and JSON)", async () => {
    const residence = group.members[1].code;
    const signIn = await t.env.app.inject({ method: 'GET', url: '/doi-tac/dang-nhap' });
    const csrfCookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const ok = await t.env.app.inject({ method: 'POST', url: '/doi-tac/dang-nhap', headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrfOf(signIn.body), username: 'congan', password: 'demo' }) });
    expect(ok.statusCode).toBe(303);
    const cookie = `${csrfCookie}; motcua_partner=${ok.cookies.find((c) => c.name === 'motcua_partner')!.value}`;
    const page = await t.env.app.inject({ method: 'GET', url: `/doi-tac/ho-so/${residence}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    for (const v of [CHILD, ADDRESS, HOUSEHOLDER, 'Quan hệ của trẻ với chủ hộ']) expect(page.body).toContain(v);
    for (const v of [CLINIC, 'Nơi đăng ký khám chữa bệnh ban đầu', 'Số bản sao Giấy khai sinh']) expect(page.body).not.toContain(v);
    const j = await t.env.app.inject({ method: 'GET', url: `/doi-tac/ho-so/${residence}`, headers: { cookie, accept: 'application/json' } });
    expect(j.statusCode).toBe(200);
    expect(j.headers['content-type']).toMatch(/^application\/json/);
    const body = j.json();
    expect(body).toMatchObject({ code: residence, procedureCode: '1.004222', groupCode: group.groupCode, partner: 'Công an phường Ba Đình' });
    expect(body.formData).toMatchObject({ hoTenTre: CHILD, noiThuongTru: ADDRESS, hoTenChuHo: HOUSEHOLDER });
    expect(body.formData).not.toHaveProperty('noiKhamBanDau');
    expect(body.formData).not.toHaveProperty('soBanSao');
    expect(body.answers.map((a: any) => a.field)).not.toContain('noiKhamBanDau');
    expect(j.body).not.toContain(CLINIC);
    // Another partner's part stays out of reach, in JSON too.
    const other = await t.env.app.inject({ method: 'GET', url: `/doi-tac/ho-so/${group.members[2].code}`, headers: { cookie, accept: 'application/json' } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('part_not_found');
  });

  it("social insurance's signed link shows the card's share only: never the head of household (page and JSON)", async () => {
    const mail = (await t.env.services.notifications.list({ recipient: 'bhxh.badinh@example.vn', limit: 10 }))[0]!;
    const link = new URL(/(http\S+\/doi-tac\/ket-qua\/\S+)/.exec(mail.body)![1]!);
    const page = await t.env.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(page.statusCode).toBe(200);
    for (const v of [CHILD, CLINIC, ADDRESS]) expect(page.body).toContain(v);
    for (const v of [HOUSEHOLDER, 'Quan hệ của trẻ với chủ hộ', 'Số bản sao Giấy khai sinh']) expect(page.body).not.toContain(v);
    const j = await t.env.app.inject({ method: 'GET', url: link.pathname + link.search, headers: { accept: 'application/json' } });
    expect(j.statusCode).toBe(200);
    const body = j.json();
    expect(body.formData).toMatchObject({ hoTenTre: CHILD, noiKhamBanDau: CLINIC });
    expect(body.formData).not.toHaveProperty('hoTenChuHo');
    expect(body.formData).not.toHaveProperty('quanHeChuHo');
    expect(j.body).not.toContain(HOUSEHOLDER);
    // Its paper: the birth certificate, by the signed link.
    expect(body.files.map((f: any) => f.name)).toHaveLength(1);
    // Streamed with its length, type and name, the very bytes kept; a paper of another part asked
    // under this part's code and link is not found.
    const paper = await t.env.app.inject({ method: 'GET', url: body.files[0].url });
    expect(paper.statusCode).toBe(200);
    expect([paper.headers['x-content-type-options'], paper.headers['cache-control']]).toEqual(['nosniff', 'private, no-store']);
    expect(Number(paper.headers['content-length'])).toBe(paper.rawPayload.length);
    const fileId = /\/tep\/([0-9a-f-]{36})/.exec(body.files[0].url)![1]!;
    const card = (await t.env.services.dossiers.findByCode(group.members[2].code))!;
    const stored = await t.env.services.dossiers.fileContent(card, fileId);
    expect(paper.rawPayload.equals(stored.data)).toBe(true);
    expect(paper.headers['content-type']).toContain(stored.file.mime);
    const birth = await t.env.services.dossiers.view((await t.env.services.dossiers.findByCode(group.members[0].code))!);
    const otherUrl = body.files[0].url.replace(fileId, birth.files[0]!.id);
    expect((await t.env.app.inject({ method: 'GET', url: otherUrl })).statusCode).toBe(404);
  });
});
