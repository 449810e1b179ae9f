import { expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { eachEngine, formBody, postStaffForm } from '../shared/suite.testing';
import { slugify } from '../shared/vietnamese';
import { DEMO_OFFICES, seedOfficeDemo } from './office.demo';

const PATH = '/can-bo/quan-tri/noi-tiep-nhan';
/** Saturday 5 December 2026, 09:00 in Hà Nội. */
const AT = '2026-12-05T02:00:00Z';
const WEEKDAY = '07:30-11:30, 13:30-17:00';
const fullWeek = (saturday: string) => ({ 'hours.1': WEEKDAY, 'hours.2': WEEKDAY, 'hours.3': WEEKDAY, 'hours.4': WEEKDAY, 'hours.5': WEEKDAY, 'hours.6': saturday, 'hours.0': 'nghỉ' });
const CU_TRU = '1.004222';
const KHAI_SINH = '1.001193';

eachEngine('a unit’s offices: where to go for a procedure', { at: AT, env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  const desk = () => new Desk(t.env);
  const db = () => t.env.services.database.db;
  const officesIn = async (unit: string) => db().selectFrom('offices').select(['id', 'name']).where('unit_code', '=', unit).execute();

  it('the unit admin adds offices: bad input gets Vietnamese messages and saves nothing; CSRF is checked; changes are audited', async () => {
    const admin = await desk().cookie('quantri');
    const bad = await postStaffForm(t.env, admin, `${PATH}/moi`, PATH, { name: '', kind: 'police', address: 'x', phone: '123', ...fullWeek('25:00-11:30'), mapUrl: 'http://x' });
    expect(bad.statusCode).toBe(422);
    for (const m of ['Cần ghi tên nơi tiếp nhận', 'Cần ghi địa chỉ', 'Số điện thoại không hợp lệ', 'Thứ Bảy: &quot;25:00-11:30&quot; chưa đúng dạng giờ', 'Đường dẫn bản đồ phải bắt đầu bằng https://']) expect(bad.body).toContain(m);
    // What was typed is kept, and each message links to its field.
    expect(bad.body).toContain('value="25:00-11:30"');
    expect(bad.body).toContain('href="#gio-6"');
    expect(await officesIn('00004')).toEqual([]);

    const noCsrf = await t.env.app.inject({ method: 'POST', url: PATH, headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ name: 'Công an phường Ba Đình', kind: 'police', address: 'Số 8 phố Đội Cấn', ...fullWeek('07:30-11:30') }) });
    expect(noCsrf.statusCode).toBe(403);
    expect(await officesIn('00004')).toEqual([]);

    const added = await postStaffForm(t.env, admin, `${PATH}/moi`, PATH, { name: 'Bộ phận Một cửa – UBND phường Ba Đình', kind: 'one_stop', address: 'Số 25 phố Liễu Giai, Hà Nội', phone: '024 3823 0000', ...fullWeek('7h30 - 11h30'), sort: '1' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${PATH}?da=them`);
    await postStaffForm(t.env, admin, `${PATH}/moi`, PATH, { name: 'Công an phường Ba Đình', kind: 'police', address: 'Số 8 phố Đội Cấn, Hà Nội', phone: '02438234113', ...fullWeek('07:30-11:30'), notes: 'Phòng tiếp dân tầng 1', sort: '2' });
    const list = await t.env.app.inject({ method: 'GET', url: `${PATH}?da=them`, headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Đã thêm nơi tiếp nhận.');
    expect(list.body).toContain('Công an phường Ba Đình');
    expect(list.body).toContain('024 3823 4113');
    expect(list.body).toContain('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ');
    const audited = await db().selectFrom('audit_log').select(['action', 'unit_code', 'actor_name']).where('action', '=', 'office.create').execute();
    expect(audited).toEqual([
      { action: 'office.create', unit_code: '00004', actor_name: 'Phạm Thu Trang' },
      { action: 'office.create', unit_code: '00004', actor_name: 'Phạm Thu Trang' },
    ]);
  });

  it('the procedure page says where to go: the agency’s office, its address, phone, today’s Saturday hours and the week', async () => {
    const page = await t.env.app.inject({ method: 'GET', url: `/p/00004/${CU_TRU}` });
    expect(page.statusCode).toBe(200);
    const box = page.body.slice(page.body.indexOf('Nộp ở đâu'), page.body.indexOf('Hồ sơ cần chuẩn bị'));
    // "Công an cấp xã" → the ward police, automatically.
    expect(box).toContain('Công an phường Ba Đình');
    expect(box).toContain('Số 8 phố Đội Cấn, Hà Nội');
    expect(box).toContain('href="tel:02438234113"');
    expect(box).toContain('Hôm nay (Thứ Bảy, 05/12/2026): <strong>07:30–11:30</strong>');
    expect(box).toContain('Thứ Bảy: 07:30–11:30 (hôm nay)');
    expect(box).toContain('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00');
    expect(box).toContain('Phòng tiếp dân tầng 1');
    // "Ủy ban nhân dân cấp xã" → the one-stop office.
    const khaiSinh = await t.env.app.inject({ method: 'GET', url: `/p/00004/${KHAI_SINH}` });
    expect(khaiSinh.body.slice(khaiSinh.body.indexOf('Nộp ở đâu'))).toContain('Bộ phận Một cửa – UBND phường Ba Đình');
    // The listing of the field says it in one line.
    const field = await t.env.app.inject({ method: 'GET', url: `/dv/00004/linh-vuc/${slugify('Đăng ký, quản lý cư trú')}` });
    expect(field.body).toContain('Nộp tại Công an phường Ba Đình · Thứ Bảy 07:30–11:30');
    const search = await t.env.app.inject({ method: 'GET', url: `/dv/00004/tim-kiem?q=${encodeURIComponent('khai sinh')}` });
    expect(search.body).toContain('Nộp tại Bộ phận Một cửa – UBND phường Ba Đình');
  });

  it('the admin maps an agency to another office and gives one procedure its own; the pages follow at once', async () => {
    const admin = await desk().cookie('quantri');
    const [oneStop, police] = (await t.env.services.offices.list('00004')).map((o) => o.id);
    const agencies = await t.env.services.offices.agencies('00004');
    const cuTru = agencies.find((a) => a.label === 'Công an cấp xã')!;
    expect(cuTru.defaultOffice?.id).toBe(police);
    const keys = agencies.map((a) => a.key);
    const chosen = agencies.map((a) => (a.key === cuTru.key ? oneStop! : ''));
    const saved = await postStaffForm(t.env, admin, PATH, `${PATH}/co-quan`, { key: keys, office: chosen });
    expect(saved.headers.location).toBe(`${PATH}?da=co-quan`);
    const api = (await t.env.app.inject({ method: 'GET', url: `/api/units/00004/procedures/${CU_TRU}/office` })).json();
    expect(api).toMatchObject({ source: 'agency', agency: 'Công an cấp xã', office: { name: 'Bộ phận Một cửa – UBND phường Ba Đình' } });
    // The cached page is not stale.
    const page = (await t.env.app.inject({ method: 'GET', url: `/p/00004/${CU_TRU}` })).body;
    expect(page.slice(page.indexOf('Nộp ở đâu'), page.indexOf('Hồ sơ cần chuẩn bị'))).toContain('Bộ phận Một cửa – UBND phường Ba Đình');

    await postStaffForm(t.env, admin, PATH, `${PATH}/thu-tuc`, { procedure: CU_TRU, office: police! });
    const own = (await t.env.app.inject({ method: 'GET', url: `/api/units/00004/procedures/${CU_TRU}/office` })).json();
    expect(own).toMatchObject({ source: 'procedure', office: { name: 'Công an phường Ba Đình', phone: '024 3823 4113' } });
    expect(own.sentence).toBe('Nộp tại Công an phường Ba Đình, Số 8 phố Đội Cấn, Hà Nội; điện thoại 024 3823 4113; giờ làm việc: Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ.');
    expect(await t.env.services.offices.officeFor('00004', { code: CU_TRU, agency: 'Công an cấp xã' })).toMatchObject({ name: 'Công an phường Ba Đình', hoursText: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ' });

    // A mapping to an office of nowhere is refused with a Vietnamese message, nothing changed.
    const bad = await postStaffForm(t.env, admin, PATH, `${PATH}/co-quan`, { key: [cuTru.key], office: ['01a20000-0000-7000-8000-000000000000'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Nơi tiếp nhận chọn cho &quot;Công an cấp xã&quot; không có trong đơn vị');
    const badProcedure = await postStaffForm(t.env, admin, PATH, `${PATH}/thu-tuc`, { procedure: '9.999999', office: police! });
    expect(badProcedure.statusCode).toBe(422);
    expect(badProcedure.body).toContain('Chọn một thủ tục trong danh mục của đơn vị');
    const actions = (await db().selectFrom('audit_log').select('action').where('action', 'like', 'office.%').execute()).map((r) => r.action);
    expect(actions.filter((a) => a !== 'office.create')).toEqual(['office.agency_map', 'office.procedure_map']);
  });

  it('an edit shows on the pages at once (Saturday closed), and a removed office leaves its procedures to the automatic choice', async () => {
    const admin = await desk().cookie('quantri');
    const police = (await t.env.services.offices.list('00004')).find((o) => o.kind === 'police')!;
    const edit = await t.env.app.inject({ method: 'GET', url: `${PATH}/${police.id}`, headers: { cookie: admin } });
    expect(edit.body).toContain('value="07:30-11:30"');
    const r = await postStaffForm(t.env, admin, `${PATH}/${police.id}`, `${PATH}/${police.id}`, { name: police.name, kind: 'police', address: police.address, phone: '024 3823 4113', ...fullWeek('nghỉ') });
    expect(r.statusCode).toBe(303);
    const page = (await t.env.app.inject({ method: 'GET', url: `/p/00004/${CU_TRU}` })).body;
    expect(page).toContain('Hôm nay (Thứ Bảy, 05/12/2026): <strong>không làm việc</strong>');
    expect(page).toContain('Thứ Bảy, Chủ nhật: nghỉ (hôm nay)');

    const removed = await postStaffForm(t.env, admin, PATH, `${PATH}/${police.id}/xoa`, {});
    expect(removed.headers.location).toBe(`${PATH}?da=xoa`);
    expect(await db().selectFrom('office_mappings').select('key').where('office_id', '=', police.id).execute()).toEqual([]);
    // The agency is still mapped to the one-stop office; nothing points at the removed office.
    const api = (await t.env.app.inject({ method: 'GET', url: `/api/units/00004/procedures/${CU_TRU}/office` })).json();
    expect(api).toMatchObject({ source: 'agency', office: { kind: 'one_stop' } });
    const deleted = await db().selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'office.delete').execute();
    expect(deleted).toEqual([{ action: 'office.delete', target_id: police.id }]);
  });

  it('another unit’s admin cannot read or change these offices, other roles cannot open the page', async () => {
    await t.env.services.accounts.upsertStaff({ username: 'quantri2', fullName: 'Quản trị Cửa Nam', unitCode: '00082', role: 'admin', fields: [], password: 'demo' });
    const other = await desk().cookie('quantri2');
    const [office] = await t.env.services.offices.list('00004');
    const list = await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: other } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(office!.name);
    expect((await t.env.app.inject({ method: 'GET', url: `${PATH}/${office!.id}`, headers: { cookie: other } })).statusCode).toBe(404);
    const update = await postStaffForm(t.env, other, PATH, `${PATH}/${office!.id}`, { name: 'Bị sửa', kind: 'other', address: 'Số 1 phố B', ...fullWeek('nghỉ') });
    expect(update.statusCode).toBe(404);
    const remove = await postStaffForm(t.env, other, PATH, `${PATH}/${office!.id}/xoa`, {});
    expect(remove.statusCode).toBe(404);
    const map = await postStaffForm(t.env, other, PATH, `${PATH}/thu-tuc`, { procedure: KHAI_SINH, office: office!.id });
    expect(map.statusCode).toBe(422);
    expect((await t.env.services.offices.get('00004', office!.id)).name).toBe(office!.name);
    expect(await db().selectFrom('office_mappings').select('key').where('unit_code', '=', '00082').execute()).toEqual([]);
    const receptionist = await desk().cookie('tiepnhan');
    expect((await t.env.app.inject({ method: 'GET', url: PATH, headers: { cookie: receptionist } })).statusCode).toBe(403);
  });

  it('the public API lists a unit’s offices with their week and today (the demo seed)', async () => {
    await seedOfficeDemo(t.env.services.offices, async (c) => !!(await t.env.services.units.find(c)));
    const r = await t.env.app.inject({ method: 'GET', url: '/api/units/00082/offices' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items.map((o: { name: string }) => o.name)).toEqual(DEMO_OFFICES['00082']!.map((o) => o.name));
    expect(body.items[1]).toMatchObject({ kind: 'police', kindLabel: 'Công an', phone: '024 3825 4113', hours: { '6': [{ from: '07:30', to: '11:30' }], '0': [] }, today: { date: '2026-12-05', sessions: [{ from: '07:30', to: '11:30' }], note: '' } });
    expect(body.items[0].today.sessions).toEqual([]);
    expect((await t.env.app.inject({ method: 'GET', url: '/api/units/99999/offices' })).statusCode).toBe(404);
    const bad = await t.env.app.inject({ method: 'GET', url: '/api/units/x/offices' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBeTruthy();
  });
});
