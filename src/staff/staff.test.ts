import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { csrfOf } from '../shared/suite.testing';
import { startFakeOidcProvider, throughProvider } from './oidc.testing';

for (const engine of engines()) {
  describe(`unit admin: staff, catalogue, processes [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine);
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('creates an official with a temporary password that must be changed, resets it, locks the account', async () => {
      const admin = await desk.cookie('quantri');
      const bad = await desk.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin }, payload: { username: 'Chuyên Viên', fullName: 'A', role: 'king' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['username', 'fullName', 'role']));
      const r = await desk.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin }, payload: { username: 'chuyenvien3', fullName: 'Đặng Văn Tùng', role: 'specialist', fields: ['Hộ tịch'], phone: '0901 000 009' } });
      expect(r.statusCode, r.body).toBe(201);
      const temp = r.json().temporaryPassword as string;
      expect(temp).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(r.json().staff).toMatchObject({ unit: '00004', mustChangePassword: true, phone: '0901000009' });
      expect((await desk.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin }, payload: { username: 'chuyenvien3', fullName: 'Trùng tên', role: 'specialist' } })).statusCode).toBe(422);
      // A supervisor account needs units below: a ward has none.
      expect((await desk.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin }, payload: { username: 'giamsat9', fullName: 'Giám sát', role: 'supervisor' } })).statusCode).toBe(422);

      // First sign-in: the pages send the official to change the password.
      const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyenvien3', password: temp } });
      expect(login.json().mustChangePassword).toBe(true);
      const sid = `motcua_sid=${login.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
      const home = await desk.inject({ method: 'GET', url: '/can-bo', headers: { cookie: sid } });
      expect(home.statusCode).toBe(303);
      expect(home.headers.location).toMatch(/^\/can-bo\/mat-khau/);
      const weak = await desk.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: sid }, payload: { current: temp, password: 'short' } });
      expect(weak.statusCode).toBe(422);
      const ok = await desk.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: sid }, payload: { current: temp, password: 'MatKhauMoi2026' } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await desk.inject({ method: 'GET', url: '/can-bo', headers: { cookie: sid } })).statusCode).toBe(200);

      // Reset: a new temporary password, every session ended.
      const reset = await desk.inject({ method: 'POST', url: '/api/admin/staff/chuyenvien3/reset-password', headers: { cookie: admin }, payload: {} });
      expect(reset.statusCode).toBe(200);
      expect((await desk.inject({ method: 'GET', url: '/api/worklist', headers: { cookie: sid } })).statusCode).toBe(401);
      expect((await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyenvien3', password: reset.json().temporaryPassword } })).statusCode).toBe(200);

      // Locked: no more sign-in. And an admin cannot lock themselves out.
      const locked = await desk.inject({ method: 'PATCH', url: '/api/admin/staff/chuyenvien3', headers: { cookie: admin }, payload: { fullName: 'Đặng Văn Tùng', role: 'specialist', active: false } });
      expect(locked.json().staff.active).toBe(false);
      expect((await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyenvien3', password: reset.json().temporaryPassword } })).statusCode).toBe(422);
      expect((await desk.inject({ method: 'PATCH', url: '/api/admin/staff/quantri', headers: { cookie: admin }, payload: { fullName: 'Phạm Thu Trang', role: 'admin', active: false } })).statusCode).toBe(422);
      // Every change is in the audit log.
      const log = await env.services.audit.list({ targetId: 'chuyenvien3' });
      expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['staff.create', 'staff.change_password', 'staff.reset_password', 'staff.update']));
    });

    it('only the unit admin administers, and only their own unit', async () => {
      for (const who of ['tiepnhan', 'lanhdao', 'chuyenvien']) {
        expect((await desk.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: await desk.cookie(who) } })).statusCode).toBe(403);
        expect((await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/can-bo', headers: { cookie: await desk.cookie(who) } })).statusCode).toBe(403);
      }
      const list = (await desk.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: await desk.cookie('quantri') } })).json();
      expect(list.items.map((s: any) => s.username)).not.toContain('tiepnhan2');
      expect((await desk.inject({ method: 'POST', url: '/api/admin/staff/tiepnhan2/reset-password', headers: { cookie: await desk.cookie('quantri') }, payload: {} })).statusCode).toBe(404);
    });

    it('the web form creates an official and shows the temporary password once', async () => {
      const cookie = await desk.cookie('quantri');
      const page = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/can-bo', headers: { cookie } });
      const csrf = csrfOf(page.body);
      const r = await desk.inject({ method: 'POST', url: '/can-bo/quan-tri/can-bo', headers: { cookie }, payload: { _csrf: csrf, username: 'motcua2', fullName: 'Lý Thị Mai', role: 'receptionist', fields: '', phone: '', email: '', oidcSubject: '' } });
      expect(r.statusCode).toBe(201);
      expect(r.body).toMatch(/Mật khẩu tạm thời[^<]*<code class="secret">[A-Za-z0-9]{12}<\/code>/);
      const again = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/can-bo', headers: { cookie } });
      expect(again.body).not.toContain('class="secret"');
    });

    it("edits the unit's catalogue with validation, keeps a history, and the public pages follow", async () => {
      const cookie = await desk.cookie('quantri');
      const before = (await desk.inject({ method: 'GET', url: '/api/admin/catalog', headers: { cookie } })).json().items;
      expect(before.length).toBeGreaterThan(10);
      const rows = before.map((e: any) => ({ procedureCode: e.procedureCode, commitment: e.commitment, note: e.note, essential: e.essential }));
      // A commitment longer than the legal time is refused, and nothing changes.
      const tooLong = rows.map((r: any) => (r.procedureCode === '1.004746' ? { ...r, commitment: { value: 9, unit: 'working_days' } } : r));
      const bad = await desk.inject({ method: 'PUT', url: '/api/admin/catalog', headers: { cookie }, payload: { rows: tooLong } });
      expect(bad.statusCode).toBe(422);
      expect(JSON.stringify(bad.json())).toMatch(/dài hơn thời hạn luật định/);
      // Drop one procedure, promise a shorter time for another.
      const next = rows.filter((r: any) => r.procedureCode !== '1.003583').map((r: any) => (r.procedureCode === '1.004746' ? { ...r, commitment: { value: 3, unit: 'working_days' } } : r));
      const ok = await desk.inject({ method: 'PUT', url: '/api/admin/catalog', headers: { cookie }, payload: { rows: next } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ removed: 1, added: 0 });
      expect((await desk.inject({ method: 'GET', url: '/p/00004/1.003583' })).statusCode).toBe(404);

      // Local fees (People's Council resolution), a form, an e-form field.
      const eform = (await desk.inject({ method: 'GET', url: '/api/procedures/1.004746/form?unit=00004' })).json();
      expect(eform.formData.properties.soDienThoaiLienHe).toBeUndefined();
      const local = await desk.inject({
        method: 'PUT',
        url: '/api/admin/catalog/1.004746/local',
        headers: { cookie },
        payload: {
          fees: { in_person: [{ label: 'Lệ phí đăng ký lại kết hôn', amount: 20000 }] },
          feeNote: 'Miễn lệ phí cho hộ nghèo theo Nghị quyết của HĐND thành phố',
          forms: [{ title: 'Tờ khai bổ sung của phường', fields: ['Họ tên người khai', 'Nội dung khai'] }],
          eform: { title: 'Tờ khai đăng ký lại kết hôn', sections: [{ title: 'Thông tin', fields: [{ id: 'hoTenVo', label: 'Họ tên bên vợ', type: 'text', required: true }, { id: 'soDienThoaiLienHe', label: 'Số điện thoại liên hệ', type: 'phone', required: false }] }] },
        },
      });
      expect(local.statusCode, local.body).toBe(200);
      const badEform = await desk.inject({ method: 'PUT', url: '/api/admin/catalog/1.004746/local', headers: { cookie }, payload: { eform: { title: 'X', sections: [{ title: 'Y', fields: [{ id: 'Sai Ma', label: 'L', type: 'select', required: true }] }] } } });
      expect(badEform.statusCode).toBe(422);
      expect(JSON.stringify(badEform.json())).toMatch(/camelCase|lựa chọn/);
      const form = (await desk.inject({ method: 'GET', url: '/api/procedures/1.004746/form?unit=00004' })).json();
      expect(Object.keys(form.formData.properties)).toEqual(['hoTenVo', 'soDienThoaiLienHe']);
      const page = await desk.inject({ method: 'GET', url: '/p/00004/1.004746' });
      expect(page.body).toContain('20.000');
      expect(page.body).toContain('Tờ khai bổ sung của phường');
      const formPdf = await desk.inject({ method: 'GET', url: '/bieu-mau/1.004746/u00004-to-khai-bo-sung-cua-phuong.pdf' });
      expect(formPdf.statusCode).toBe(200);
      // The other ward still has the national record.
      expect((await desk.inject({ method: 'GET', url: '/p/00082/1.004746' })).body).not.toContain('Tờ khai bổ sung của phường');

      const history = (await desk.inject({ method: 'GET', url: '/api/admin/catalog/history?procedure=1.004746', headers: { cookie } })).json().items;
      expect(history[0]).toMatchObject({ kind: 'updated', actorName: 'Phạm Thu Trang' });
      expect(JSON.stringify(history[0].after)).toContain('20000');
      const all = (await desk.inject({ method: 'GET', url: '/api/admin/catalog/history', headers: { cookie } })).json().items;
      expect(all.some((c: any) => c.kind === 'removed' && c.procedureCode === '1.003583')).toBe(true);
      // The selection form keeps the local settings it does not show.
      const catPage = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/danh-muc', headers: { cookie } });
      expect(catPage.statusCode).toBe(200);
      expect(catPage.body).toContain('Có phí/biểu mẫu riêng');
      const localPage = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/danh-muc/1.004746', headers: { cookie } });
      expect(localPage.body).toContain('soDienThoaiLienHe');
    });

    it('edits a process in the web UI, with the defaults shown and validation', async () => {
      const cookie = await desk.cookie('quantri');
      const page = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/quy-trinh/1.001612', headers: { cookie } });
      expect(page.body).toContain('Lãnh đạo phân công chuyên viên');
      const csrf = csrfOf(page.body);
      const form = (steps: Array<[string, string, string, number]>) => {
        const p = new URLSearchParams({ _csrf: csrf, count: String(steps.length), note: 'Rút gọn' });
        steps.forEach(([kind, name, role, pct], i) => {
          p.set(`step.${i}.kind`, kind);
          p.set(`step.${i}.name`, name);
          p.set(`step.${i}.role`, role);
          p.set(`step.${i}.percent`, String(pct));
        });
        return p.toString();
      };
      const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
      const bad = await desk.inject({ method: 'POST', url: '/can-bo/quan-tri/quy-trinh/1.001612', headers, payload: form([['examine', 'Thẩm định', 'specialist', 100]]) });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Bước đầu tiên phải là tiếp nhận hồ sơ');
      const good = await desk.inject({
        method: 'POST',
        url: '/can-bo/quan-tri/quy-trinh/1.001612',
        headers,
        payload: form([
          ['receive', 'Tiếp nhận', 'receptionist', 10],
          ['examine', 'Thẩm định', 'specialist', 50],
          ['approve', 'Trưởng bộ phận duyệt', 'leader', 15],
          ['approve', 'Chủ tịch duyệt', 'leader', 10],
          ['sign', 'Ký', 'leader', 10],
          ['return', 'Trả', 'receptionist', 5],
        ]),
      });
      expect(good.statusCode, good.body.slice(0, 300)).toBe(200);
      expect(good.body).toContain('Đã lưu phiên bản 1');
      expect(good.body).toContain('Chủ tịch duyệt (10%)');
    });
  });
}

describe('staff sign-in with OpenID Connect against a provider on loopback', () => {
  let env: TestEnv;
  let provider: Awaited<ReturnType<typeof startFakeOidcProvider>>;
  const SUBJECT = '001090000777';

  beforeAll(async () => {
    provider = await startFakeOidcProvider(SUBJECT);
    env = await createTestEnv('sqlite', { env: provider.env });
  });
  afterAll(async () => {
    await env?.close();
    await provider?.close();
  });

  async function signIn(): Promise<{ status: number; location?: string; cookie?: string; body: string }> {
    const start = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc?next=/can-bo' });
    expect(start.statusCode).toBe(303);
    const auth = new URL(start.headers.location as string);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const back = await throughProvider(auth.toString());
    expect(back.searchParams.get('code')).toBeTruthy();
    const done = await env.app.inject({ method: 'GET', url: back.pathname + back.search });
    const sid = done.cookies.find((c) => c.name === 'motcua_sid');
    return { status: done.statusCode, location: done.headers.location as string | undefined, cookie: sid ? `motcua_sid=${sid.value}` : undefined, body: done.body };
  }

  it('offers the button, and refuses an identity no account is linked to', async () => {
    const page = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap' });
    expect(page.body).toContain('Đăng nhập bằng VNeID');
    const r = await signIn();
    expect(r.status).toBe(422);
    expect(r.body).toContain('chưa được gắn với tài khoản cán bộ');
    expect(r.cookie).toBeUndefined();
  });

  it('signs the linked official in, and a callback cannot be replayed', async () => {
    const admin = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'demo' } });
    const cookie = `motcua_sid=${admin.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
    const link = await env.app.inject({ method: 'PATCH', url: '/api/admin/staff/chuyenvien', headers: { cookie }, payload: { fullName: 'Trần Văn Minh', role: 'specialist', fields: ['Hộ tịch'], oidcSubject: SUBJECT } });
    expect(link.statusCode, link.body).toBe(200);
    const r = await signIn();
    expect(r.status, r.body).toBe(303);
    expect(r.location).toBe('/can-bo');
    const home = await env.app.inject({ method: 'GET', url: '/can-bo', headers: { cookie: r.cookie! } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Trần Văn Minh');
    const log = await env.services.audit.list({ action: 'auth.sign_in', targetId: 'chuyenvien' });
    expect(log[0]?.data).toMatchObject({ via: 'oidc' });
    // The state was used once: the same callback again is refused.
    const again = await env.app.inject({ method: 'GET', url: '/can-bo/dang-nhap/oidc/callback?code=x&state=replayed' });
    expect(again.statusCode).toBe(422);
  });
});
