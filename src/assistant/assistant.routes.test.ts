import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { csrfOf } from '../shared/suite.testing';

const cookieOf = (r: LightMyRequestResponse, name: string) => r.cookies.find((c) => c.name === name)?.value;
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const engine of engines()) {
  describe(`assistant over HTTP: API, web chat without JavaScript, staff pages [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
    });
    afterAll(async () => {
      await env?.close();
    });
    const inject = (o: InjectOptions) => env.app.inject(o);

    async function staffCookie(username: string) {
      const r = await inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      expect(r.statusCode, r.body).toBe(200);
      return `motcua_sid=${cookieOf(r, 'motcua_sid')}`;
    }

    /** A citizen's browser: the chat cookie, the form token read from the page. */
    async function chat(unit = '00004') {
      const page = await inject({ method: 'GET', url: `/tro-ly?dv=${unit}` });
      expect(page.statusCode).toBe(200);
      const cookie = `motcua_chat=${cookieOf(page, 'motcua_chat')}`;
      const csrf = csrfOf(page.body);
      return {
        cookie,
        csrf,
        say: (q: string, extra: Record<string, string> = {}) =>
          inject({ method: 'POST', url: '/tro-ly', headers: { ...FORM, cookie }, payload: form({ _csrf: csrf, dv: unit, q, ...extra }) }),
        page: () => inject({ method: 'GET', url: `/tro-ly?dv=${unit}`, headers: { cookie } }),
      };
    }

    it('POST /api/assistant/ask answers in exactly the documented shape, best procedure first', async () => {
      const r = await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'lam giay khai sinh cho be can nhung gi', sessionId: 'api-session-1' } });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(Object.keys(body).sort()).toEqual(['answer', 'handoff', 'intent', 'procedures']);
      expect(body.intent).toBe('papers');
      expect(body.handoff).toBe(false);
      expect(body.procedures[0]).toEqual({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', score: expect.any(Number) });
      for (const p of body.procedures) expect(Object.keys(p).sort()).toEqual(['code', 'name', 'score']);
      const scores = body.procedures.map((p: { score: number }) => p.score);
      expect(body.procedures[0].score).toBeGreaterThan(0.5);
      expect(scores.every((s: number) => s >= 0 && s <= 1)).toBe(true);
      expect(body.answer).toContain('http://motcua.test/p/00004/1.001193');
      // The same session remembers the procedure.
      const fee = (await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'thế phí bao nhiêu?', sessionId: 'api-session-1' } })).json();
      expect(fee.intent).toBe('fee');
      expect(fee.procedures[0].code).toBe('1.001193');
    });

    it('gives empty procedures for a greeting, thanks or an out-of-scope question', async () => {
      for (const [q, intent] of [
        ['chào bạn', 'greeting'],
        ['cảm ơn nhé', 'thanks'],
        ['giá vàng hôm nay bao nhiêu', 'out_of_scope'],
      ] as const) {
        const body = (await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: q } })).json();
        expect(body, q).toMatchObject({ intent, procedures: [], handoff: false });
      }
    });

    it('says what is wrong with a bad request, in Vietnamese', async () => {
      const r = await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: '' } });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBeTruthy();
      expect(JSON.stringify(r.json().error.fields)).toContain('Câu hỏi không được để trống');
      const bad = await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'khai sinh', sessionId: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('sessionId');
    });

    it('the full-page chat works with plain form posts: question, answer, links, quick replies', async () => {
      const c = await chat();
      const r = await c.say('đăng ký kết hôn cần giấy tờ gì');
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/tro-ly?dv=00004#cuoi');
      const page = await c.page();
      expect(page.body).toContain('đăng ký kết hôn cần giấy tờ gì');
      expect(page.body).toContain('Thủ tục đăng ký kết hôn (mã 1.000894)');
      expect(page.body).toContain('href="/p/00004/1.000894"');
      expect(page.body).toContain('href="/p/00004/1.000894/nop-truc-tuyen"');
      expect(page.body).toMatch(/href="\/bieu-mau\/1\.000894\/[a-z0-9-]+\.pdf"/);
      // Quick replies are buttons of a form: no JavaScript needed.
      expect(page.body).toMatch(/<button type="submit" name="q" value="Mất bao lâu\?"/);
      // A quick reply is a follow-up about the same procedure.
      await c.say('Mất bao lâu?');
      expect((await c.page()).body).toContain('Thời hạn giải quyết');
    });

    it('refuses a chat post without the page’s token, and answers the widget in fragments', async () => {
      const c = await chat();
      const forged = await inject({ method: 'POST', url: '/tro-ly', headers: { ...FORM, cookie: c.cookie }, payload: form({ _csrf: 'x'.repeat(32), dv: '00004', q: 'khai sinh' }) });
      expect(forged.statusCode).toBe(403);
      const frag = await inject({ method: 'POST', url: '/tro-ly?fragment=1', headers: { ...FORM, cookie: c.cookie }, payload: form({ _csrf: c.csrf, dv: '00004', q: 'phí bao nhiêu', ctx: '1.004194' }) });
      expect(frag.statusCode).toBe(200);
      const body = frag.json();
      // Asked from a procedure's page, "phí bao nhiêu" is about that procedure.
      expect(body.html).toContain('Đăng ký tạm trú (mã 1.004194)');
      expect(body.html).toContain('Phí, lệ phí');
      expect(body.last).toBe(2);
      const panel = await inject({ method: 'GET', url: '/tro-ly/khung?dv=00004', headers: { cookie: c.cookie } });
      expect(panel.body).toContain('class="as-box"');
      expect(panel.body).toContain('Đăng ký tạm trú (mã 1.004194)');
    });

    it('puts the assistant’s button on every public page, and serves its script and styles', async () => {
      for (const url of ['/', '/dv/00004/tim-kiem?q=khai+sinh', '/p/00004/1.001193', '/dv/00082']) {
        const r = await inject({ method: 'GET', url });
        expect(r.body, url).toContain('class="as-fab"');
        expect(r.body).toMatch(/\/static\/assistant\.[0-9a-f]{10}\.js/);
      }
      expect((await inject({ method: 'GET', url: '/p/00004/1.001193' })).body).toContain('href="/tro-ly?dv=00004"');
      expect((await inject({ method: 'GET', url: '/static/assistant.js' })).statusCode).toBe(200);
      expect((await inject({ method: 'GET', url: '/static/assistant.css' })).headers['content-type']).toContain('text/css');
    });

    it('staff pages need a signed-in official; a handed-over web question gets its answer in the same chat', async () => {
      const anon = await inject({ method: 'GET', url: '/can-bo/tro-ly' });
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toContain('/can-bo/dang-nhap');

      const c = await chat();
      await c.say('Thủ tục xin trợ cấp cho người cao tuổi?');
      const waiting = await c.page();
      expect(waiting.body).toContain('chuyển cho cán bộ');
      expect(waiting.body).toContain('data-waiting="1"');

      const cookie = await staffCookie('tiepnhan');
      const inbox = await inject({ method: 'GET', url: '/can-bo/tro-ly', headers: { cookie } });
      expect(inbox.statusCode).toBe(200);
      const id = /href="\/can-bo\/tro-ly\/([0-9a-f-]{36})"/.exec(inbox.body)![1]!;
      const detail = await inject({ method: 'GET', url: `/can-bo/tro-ly/${id}`, headers: { cookie } });
      expect(detail.body).toContain('Thủ tục xin trợ cấp cho người cao tuổi?');
      const csrf = csrfOf(detail.body);
      // Without the form token nothing happens.
      const forged = await inject({ method: 'POST', url: `/can-bo/tro-ly/${id}/tra-loi`, headers: { ...FORM, cookie }, payload: form({ reply: 'x' }) });
      expect(forged.statusCode).toBe(403);
      const sent = await inject({ method: 'POST', url: `/can-bo/tro-ly/${id}/tra-loi`, headers: { ...FORM, cookie }, payload: form({ _csrf: csrf, reply: 'Việc này do Sở Tư pháp giải quyết; mời anh/chị đến bộ phận một cửa để được hướng dẫn.' }) });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/can-bo/tro-ly/${id}?gui=1`);
      // The citizen's chat shows the official's answer (the page, and the widget's polling).
      const polled = await inject({ method: 'GET', url: '/tro-ly/tin-moi?sau=2&dv=00004', headers: { cookie: c.cookie } });
      expect(polled.json().html).toContain('Sở Tư pháp');
      expect(polled.json().waiting).toBe(false);
      expect((await c.page()).body).toContain('Cán bộ một cửa');
      // One click turns it into an FAQ entry.
      const after = await inject({ method: 'GET', url: `/can-bo/tro-ly/${id}`, headers: { cookie } });
      const faq = await inject({ method: 'POST', url: `/can-bo/tro-ly/${id}/faq`, headers: { ...FORM, cookie }, payload: form({ _csrf: csrfOf(after.body), procedureCode: '' }) });
      expect(faq.statusCode).toBe(303);
      const faqs = await inject({ method: 'GET', url: '/can-bo/tro-ly/cau-hoi-thuong-gap', headers: { cookie } });
      expect(faqs.body).toContain('Sở Tư pháp');
      // An official of another unit cannot open it.
      const other = await staffCookie('tiepnhan2');
      expect((await inject({ method: 'GET', url: `/can-bo/tro-ly/${id}`, headers: { cookie: other } })).statusCode).toBe(404);
    });

    it('API clients read the official’s answer to a handed-over question', async () => {
      const r = (await inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'cho tôi gặp cán bộ', sessionId: 'api-handoff-1' } })).json();
      expect(r.handoff).toBe(true);
      const { open } = await env.services.assistant.desk.inbox({ unitCode: '00004' });
      const h = open.find((x) => x.question === 'cho tôi gặp cán bộ')!;
      await env.services.assistant.desk.replyToHandoff({ id: 's', unitCode: '00004', name: 'Nguyễn Thị Hòa' }, h.id, 'Chào anh, em nghe đây.');
      const msgs = (await inject({ method: 'GET', url: '/api/assistant/sessions/api-handoff-1/messages' })).json().messages;
      expect(msgs.map((m: { role: string }) => m.role)).toEqual(['user', 'bot', 'staff']);
      expect(msgs.at(-1).text).toBe('Chào anh, em nghe đây.');
    });

    it('the statistics page counts questions per week and shows the most asked procedures', async () => {
      const cookie = await staffCookie('tiepnhan');
      const r = await inject({ method: 'GET', url: '/can-bo/tro-ly/thong-ke', headers: { cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Số câu hỏi theo tuần');
      expect(r.body).toContain('Thủ tục được hỏi nhiều nhất');
      expect(r.body).toContain('Thủ tục đăng ký kết hôn');
    });

    it('only a unit admin edits the synonym table, with the form token', async () => {
      const clerk = await staffCookie('tiepnhan');
      const page = await inject({ method: 'GET', url: '/can-bo/tro-ly/tu-dong-nghia', headers: { cookie: clerk } });
      expect(page.body).toContain('Chỉ quản trị đơn vị');
      const denied = await inject({ method: 'POST', url: '/can-bo/tro-ly/tu-dong-nghia', headers: { ...FORM, cookie: clerk }, payload: form({ _csrf: csrfOf(page.body), phrase: 'sổ trắng', expansion: 'giấy chứng nhận quyền sử dụng đất' }) });
      expect(denied.statusCode).toBe(403);
      const admin = await staffCookie('quantri');
      const p2 = await inject({ method: 'GET', url: '/can-bo/tro-ly/tu-dong-nghia', headers: { cookie: admin } });
      const ok = await inject({ method: 'POST', url: '/can-bo/tro-ly/tu-dong-nghia', headers: { ...FORM, cookie: admin }, payload: form({ _csrf: csrfOf(p2.body), phrase: 'sổ trắng', expansion: 'giấy chứng nhận quyền sử dụng đất lần đầu' }) });
      expect(ok.statusCode).toBe(303);
      expect((await inject({ method: 'GET', url: '/can-bo/tro-ly/tu-dong-nghia', headers: { cookie: admin } })).body).toContain('sổ trắng');
    });

    it('tells a dossier’s status once the applicant’s phone number matches', async () => {
      // A real dossier, submitted online as a citizen would.
      const formInfo = (await inject({ method: 'GET', url: '/api/procedures/1.004873/form' })).json();
      const data: Record<string, unknown> = {};
      for (const k of formInfo.formData.required ?? []) {
        const p = formInfo.formData.properties[k];
        const pattern = String(p.pattern ?? '');
        data[k] = p.enum
          ? p.enum[0]
          : p.type === 'boolean'
            ? true
            : p.type === 'integer' || p.type === 'number'
              ? Math.max(1, p.minimum ?? 1)
              : p.format === 'date'
                ? '2026-11-20'
                : p.format === 'email'
                  ? 'mai@example.vn'
                  : pattern.includes('84')
                    ? '0987654321'
                    : pattern.includes('12')
                      ? '001090012345'
                      : 'Trần Thị Mai';
      }
      const comps = formInfo.cases[0].components.filter((c: { required: boolean }) => c.required).map((c: { id: string }) => c.id);
      const boundary = '----as' + Math.random().toString(16).slice(2);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
      const parts: Buffer[] = [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${JSON.stringify({ procedureCode: '1.004873', channel: 'online', applicant: { fullName: 'Trần Thị Mai', phone: '0987654321' }, formData: data })}\r\n`),
        ...comps.flatMap((c: string) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${c}"; filename="${c}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from('\r\n')]),
        Buffer.from(`--${boundary}--\r\n`),
      ];
      const sub = await inject({ method: 'POST', url: '/api/dossiers', payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(sub.statusCode, sub.body).toBe(201);
      const code = sub.json().code as string;
      const ask = (question: string) => inject({ method: 'POST', url: '/api/assistant/ask', payload: { question, sessionId: 'status-check' } }).then((r) => r.json());
      expect((await ask(`kiểm tra hồ sơ ${code}`)).answer).toContain('số điện thoại');
      const wrong = await ask('0912000111');
      expect(wrong.answer).toContain('Không tìm thấy hồ sơ');
      const right = await ask('0987 654 321');
      expect(right.intent).toBe('status');
      expect(right.answer).toContain(code);
      expect(right.answer).toContain('Tình trạng: ');
      expect(right.answer).toContain('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân');
    });
  });
}
