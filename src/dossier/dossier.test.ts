import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDueAt, DEFAULT_UNIT_CALENDAR } from '../calendar';
import { fixedClock } from '../shared/clock';
import { openPdf, pageTexts } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, fillForm as fillFormOf, multipart, PDF } from './dossier.testing';
import { csrfOf } from '../shared/suite.testing';

// The applicant without an e-mail address: SMS only.
const { email: _email, ...applicant } = APPLICANT;
const fillForm = (schema: any) => fillFormOf(schema, { date: '2026-11-20' });

for (const engine of engines()) {
  describe(`dossiers: submission, reception, tracking [${engine}]`, () => {
    let env: TestEnv;
    // Monday 30/11/2026, 09:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
    });
    afterAll(async () => {
      await env?.close();
    });

    const inject = (o: InjectOptions) => env.app.inject(o);
    async function birthFormIds() {
      const r = await inject({ method: 'GET', url: '/api/procedures/1.001193/form' });
      return r.json() as { formData: any; cases: Array<{ id: string; components: Array<{ id: string; name: string; required: boolean }> }> };
    }
    async function requiredComponents(code = '1.001193') {
      const r = await inject({ method: 'GET', url: `/api/procedures/${code}/form` });
      const f = r.json() as { cases: Array<{ id: string; components: Array<{ id: string; required: boolean }> }> };
      return f.cases[0]!.components.filter((c) => c.required).map((c) => c.id);
    }
    async function staffCookie(username: string) {
      const r = await inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      expect(r.statusCode).toBe(200);
      const c = r.cookies.find((x) => x.name === 'motcua_sid')!;
      return `motcua_sid=${c.value}`;
    }
    let birthForm: Record<string, unknown> = {};
    beforeAll(async () => {
      birthForm = fillForm((await birthFormIds()).formData);
    });
    async function submitBirth(extra: Record<string, string> = {}) {
      const comps = await requiredComponents();
      const mp = multipart([
        { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant, formData: birthForm }) },
        ...comps.map((c) => ({ name: c, value: PDF, filename: `${c}.pdf`, type: 'application/pdf' })),
      ]);
      const r = await inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: { ...mp.headers, ...extra } });
      return r;
    }

    it('publishes the e-form as JSON Schema 2020-12 with its cases and required papers', async () => {
      const f = await birthFormIds();
      expect(f.formData.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(Object.keys(f.formData.properties).length).toBeGreaterThan(3);
      expect(f.formData.required.length).toBeGreaterThan(2);
      expect(f.formData.additionalProperties).toBe(false);
      expect(f.cases[0]!.components.some((c) => c.required)).toBe(true);
    });

    it('takes a dossier online in one multipart request: code, appointment, receipt, SMS in the outbox', async () => {
      const r = await submitBirth();
      expect(r.statusCode, r.body).toBe(201);
      const d = r.json();
      expect(d.code).toMatch(/^00004-261130-\d{4}$/);
      expect(d.status).toBe('new');
      expect(d.dueFixed).toBe(false);
      expect(d.receiptUrl).toContain(`/ho-so/${d.code}/giay-hen.pdf?t=`);
      expect(d.history.map((h: any) => h.to)).toEqual(['new']);
      const time = (await inject({ method: 'GET', url: '/api/procedures/1.001193' })).json().channels.find((c: any) => c.kind === 'online').time;
      expect(d.dueAt).toBe(computeDueAt(clock.now(), time, DEFAULT_UNIT_CALENDAR, { civilStatus: true }).toISOString());
      const sms = await env.services.notifications.list({ dossierCode: d.code });
      expect(sms.some((m) => m.channel === 'sms' && m.recipient === '0912345678' && m.body.includes(d.code))).toBe(true);
      // The receipt is a PDF that names the dossier and the applicant.
      const pdf = await inject({ method: 'GET', url: d.receiptUrl.replace('http://motcua.test', '') });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n');
      expect(text).toContain(d.code);
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    });

    it('numbers dossiers per unit and day without gaps or duplicates under concurrent submissions', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => submitBirth()));
      const codes = results.map((r) => r.json().code as string);
      expect(new Set(codes).size).toBe(12);
      const nums = codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
      expect(nums.at(-1)! - nums[0]!).toBe(11);
      // Each has its one audit entry, chained in turn (on PostgreSQL the chain's place is taken by
      // the submission's first statement, db/alongside.ts).
      const entries = (await env.services.audit.list({ action: 'dossier.submit', limit: 1000 })).filter((a) => codes.includes(a.targetId));
      expect(entries.map((a) => a.targetId).sort()).toEqual([...codes].sort());
      expect((await env.services.audit.verify()).ok).toBe(true);
    });

    it('refuses a file that only pretends to be a PDF, with a clear message, and keeps nothing', async () => {
      const comps = await requiredComponents();
      const before = (await env.services.database.db.selectFrom('dossiers').select('id').execute()).length;
      const mp = multipart([
        { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', applicant, formData: birthForm }) },
        ...comps.map((c) => ({ name: c, value: Buffer.from('<html>not a pdf</html>'), filename: 'giay-chung-sinh.pdf', type: 'application/pdf' })),
      ]);
      const r = await inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('file_content_mismatch');
      expect(r.json().error.message).toMatch(/không phải là PDF/);
      const after = (await env.services.database.db.selectFrom('dossiers').select('id').execute()).length;
      expect(after).toBe(before);
    });

    it('lists every missing paper and form field at once, in Vietnamese, and does not submit', async () => {
      const r = await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant, formData: {} } });
      expect(r.statusCode).toBe(201);
      const draft = r.json();
      expect(draft.status).toBe('draft');
      expect(draft.code).toBeNull();
      const s = await inject({ method: 'POST', url: `/api/dossiers/${draft.id}/submit`, payload: {} });
      expect(s.statusCode).toBe(422);
      const fields = s.json().error.fields.map((f: any) => f.field);
      const form = (await birthFormIds()).formData;
      for (const k of form.required) expect(fields).toContain(`formData.${k}`);
      expect(fields.some((f: string) => f.startsWith('attachments.'))).toBe(true);
      expect(s.json().error.fields.every((f: any) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i.test(f.message))).toBe(true);
    });

    it('attaches papers to a draft, then submits it; a retried submit returns the same dossier', async () => {
      const draft = (await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant, formData: birthForm } })).json();
      for (const c of await requiredComponents()) {
        const mp = multipart([
          { name: 'component', value: c },
          { name: 'file', value: PDF, filename: 'scan.pdf', type: 'application/pdf' },
        ]);
        const a = await inject({ method: 'POST', url: `/api/dossiers/${draft.id}/attachments`, payload: mp.body, headers: mp.headers });
        expect(a.statusCode, a.body).toBe(201);
      }
      const s = await inject({ method: 'POST', url: `/api/dossiers/${draft.id}/submit`, payload: {} });
      expect(s.statusCode, s.body).toBe(200);
      const again = await inject({ method: 'POST', url: `/api/dossiers/${draft.id}/submit`, payload: {} });
      expect(again.json().code).toBe(s.json().code);
    });

    it('an Idempotency-Key makes a retried submission return the same dossier, never a second one', async () => {
      const a = await submitBirth({ 'idempotency-key': 'phone-retry-1' });
      const b = await submitBirth({ 'idempotency-key': 'phone-retry-1' });
      expect(a.statusCode).toBe(201);
      expect(b.statusCode).toBe(200);
      expect(b.json().code).toBe(a.json().code);
    });

    it('answers a wrong code/phone pair exactly like a code that does not exist; the signed link works', async () => {
      const d = (await submitBirth()).json();
      const ok = await inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=0912345678` });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe('new');
      const wrongPhone = await inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=0987654321` });
      const noSuch = await inject({ method: 'GET', url: `/api/dossiers/00004-261130-9999?phone=0912345678` });
      expect(wrongPhone.statusCode).toBe(404);
      expect(wrongPhone.body).toBe(noSuch.body);
      const noProof = await inject({ method: 'GET', url: `/api/dossiers/${d.code}` });
      expect(noProof.statusCode).toBe(404);
      const link = new URL(d.trackingUrl);
      const page = await inject({ method: 'GET', url: link.pathname + link.search });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận');
      const forged = await inject({ method: 'GET', url: `${link.pathname}?t=AAAAAAAAAAAAAAAAAAAAAA` });
      expect(forged.statusCode).toBe(404);
    });

    it('the receptionist accepts an online dossier, which fixes its appointment; another commune cannot see it', async () => {
      const d = (await submitBirth()).json();
      clock.advance(2 * 3600_000);
      const cookie = await staffCookie('tiepnhan');
      const view = await inject({ method: 'GET', url: `/api/dossiers/${d.code}`, headers: { cookie } });
      expect(view.statusCode).toBe(200);
      const acc = await inject({ method: 'POST', url: `/api/dossiers/${d.code}/actions`, headers: { cookie }, payload: { type: 'accept' } });
      expect(acc.statusCode, acc.body).toBe(200);
      expect(acc.json().status).toBe('received');
      expect(acc.json().dueFixed).toBe(true);
      expect(acc.json().receivedAt).toBe(clock.now().toISOString());
      const twice = await inject({ method: 'POST', url: `/api/dossiers/${d.code}/actions`, headers: { cookie }, payload: { type: 'accept' } });
      expect(twice.statusCode).toBe(409);
      const other = await staffCookie('tiepnhan2');
      expect((await inject({ method: 'GET', url: `/api/dossiers/${d.code}`, headers: { cookie: other } })).statusCode).toBe(404);
      expect((await inject({ method: 'POST', url: `/api/dossiers/${d.code}/actions`, headers: { cookie: other }, payload: { type: 'accept' } })).statusCode).toBe(404);
      expect((await inject({ method: 'GET', url: `/can-bo/ho-so/${d.code}`, headers: { cookie: other } })).statusCode).toBe(404);
    });

    it('a receptionist receives a paper dossier at the counter: received at once, date fixed', async () => {
      const cookie = await staffCookie('tiepnhan');
      const r = await inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie },
        payload: {
          procedureCode: '2.000815',
          channel: 'in_person',
          applicant: { fullName: 'Trần Thị Bình', phone: '0987654321' },
          formData: fillForm((await inject({ method: 'GET', url: '/api/procedures/2.000815/form' })).json().formData),
          submit: true,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().status).toBe('received');
      expect(r.json().channel).toBe('in_person');
      expect(r.json().dueFixed).toBe(true);
      // A citizen cannot claim the counter channel.
      const c = await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '2.000815', channel: 'in_person', applicant } });
      expect(c.statusCode).toBe(403);
    });

    it('gives Vietnamese field errors for bad applicant data', async () => {
      const r = await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: { fullName: '', phone: '123', idNumber: '12ab' } } });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('invalid_dossier');
      const f = r.json().error.fields;
      expect(f.map((x: any) => x.field)).toEqual(expect.arrayContaining(['applicant.fullName', 'applicant.phone', 'applicant.idNumber']));
      expect(f.find((x: any) => x.field === 'applicant.phone').message).toMatch(/Số điện thoại/);
      const bad = await inject({ method: 'POST', url: '/api/dossiers', payload: '{"procedureCode":', headers: { 'content-type': 'application/json' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/[Yy]êu cầu/);
    });
  });

  describe(`dossiers: phone verification and citizen accounts [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
    });
    afterAll(async () => {
      await env?.close();
    });
    const codeFromOutbox = async (phone: string) => {
      const m = (await env.services.notifications.list({ recipient: phone })).find((x) => x.event === 'otp')!;
      return /(\d{6})/.exec(m.body)![1]!;
    };

    it('an anonymous submission needs the one-time code sent to the applicant phone', async () => {
      // Even the draft: a stranger's draft would hold files for days (issue 10).
      const no = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '2.000908', applicant, formData: {} } });
      expect(no.statusCode).toBe(422);
      expect(no.json().error.code).toBe('phone_not_verified');
      const otp = await env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone: applicant.phone } });
      expect(otp.statusCode).toBe(200);
      expect(otp.json().demoCode).toBeUndefined();
      const wrong = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '2.000908', applicant, formData: {}, otp: '000000' } });
      expect(wrong.json().error.code).toBe('otp_invalid');
      const code = await codeFromOutbox(applicant.phone);
      const draft = (await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '2.000908', applicant, formData: {}, otp: code } })).json();
      const form = (await env.app.inject({ method: 'GET', url: '/api/procedures/2.000908/form' })).json();
      const formData = fillForm(form.formData);
      for (const c of form.cases[0].components.filter((x: any) => x.required)) {
        const mp = multipart([
          { name: 'component', value: c.id },
          { name: 'file', value: PDF, filename: 'a.pdf', type: 'application/pdf' },
        ]);
        await env.app.inject({ method: 'POST', url: `/api/dossiers/${draft.id}/attachments`, payload: mp.body, headers: mp.headers });
      }
      const ok = await env.app.inject({ method: 'POST', url: `/api/dossiers/${draft.id}/submit`, payload: { formData } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().code).toMatch(/^00004-/);
    });

    it('a citizen signs in with a one-time code and sees only their own dossiers', async () => {
      const page = await env.app.inject({ method: 'GET', url: '/dang-nhap' });
      const csrfCookie = page.cookies.find((c) => c.name === 'motcua_csrf')!.value;
      const csrf = csrfOf(page.body);
      expect(csrf).toBe(csrfCookie);
      // An official who lands here finds the way to the officials' sign-in.
      expect(page.body).toContain('<a href="/can-bo/dang-nhap">đăng nhập bằng tài khoản cán bộ</a>');
      const send = await env.app.inject({ method: 'POST', url: '/dang-nhap', cookies: { motcua_csrf: csrfCookie }, payload: { _csrf: csrf, phone: '0912 345 678', step: 'send', next: '/ca-nhan' } });
      expect(send.statusCode).toBe(200);
      expect(send.body).toContain('Đã gửi mã tới số 0912 345 678');
      const code = await codeFromOutbox('0912345678');
      const noCsrf = await env.app.inject({ method: 'POST', url: '/dang-nhap', cookies: { motcua_csrf: csrfCookie }, payload: { phone: '0912345678', step: 'verify', code } });
      expect(noCsrf.statusCode).toBe(403);
      const verify = await env.app.inject({ method: 'POST', url: '/dang-nhap', cookies: { motcua_csrf: csrfCookie }, payload: { _csrf: csrf, phone: '0912345678', step: 'verify', code, next: '/ca-nhan' } });
      expect(verify.statusCode).toBe(303);
      const sid = verify.cookies.find((c) => c.name === 'motcua_sid')!;
      expect(sid.httpOnly).toBe(true);
      const mine = await env.app.inject({ method: 'GET', url: '/ca-nhan', cookies: { motcua_sid: sid.value } });
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain('Hồ sơ của tôi');
      expect(mine.body).toMatch(/00004-\d{6}-\d{4}/);
      // The same code is good once only.
      const reuse = await env.app.inject({ method: 'POST', url: '/dang-nhap', cookies: { motcua_csrf: csrfCookie }, payload: { _csrf: csrf, phone: '0912345678', step: 'verify', code } });
      expect(reuse.statusCode).toBe(422);
    });

    it('locks a staff account after repeated wrong passwords', async () => {
      for (let i = 0; i < 5; i++) {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'sai' } });
        expect(r.statusCode).toBe(422);
      }
      const locked = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
      expect(locked.json().error.code).toBe('account_locked');
    });
  });
}
