import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { csrfOf } from '../shared/suite.testing';

const MINUTE = 60_000;

for (const engine of engines()) {
  describe(`one-time codes: at most 5 an hour per phone, and the refusal says how long to wait [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-12-01T01:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
    });
    afterAll(async () => {
      await env?.close();
    });
    const askApi = () => env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone: '0912 345 678', purpose: 'sign_in' } });
    const askForm = async () => {
      const page = await env.app.inject({ method: 'GET', url: '/dang-nhap' });
      return env.app.inject({ method: 'POST', url: '/dang-nhap', cookies: { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value }, payload: { _csrf: csrfOf(page.body), phone: '0912 345 678', step: 'send', next: '/ca-nhan' } });
    };

    it('states the real wait, in the API and on the sign-in page, until the oldest code leaves the hour', async () => {
      // Five codes, ten minutes apart (01:00 … 01:40).
      for (let i = 0; i < 5; i++) {
        if (i) clock.advance(10 * MINUTE);
        expect((await askApi()).statusCode).toBe(200);
      }
      clock.advance(10 * MINUTE); // 01:50: the 01:00 code leaves the hour at 02:00.
      const api = await askApi();
      expect(api.statusCode).toBe(422);
      expect(api.json().error).toMatchObject({ code: 'otp_rate_limited', message: 'Số điện thoại này đã yêu cầu quá nhiều mã trong một giờ. Xin thử lại sau 10 phút.' });
      clock.advance(9 * MINUTE + 15_000); // 01:59:15
      const form = await askForm();
      expect(form.statusCode).toBe(422);
      expect(form.body).toContain('Xin thử lại sau 45 giây.');
      expect(form.body).toContain('name="phone"');
      // 02:01: one more code; the next waits for the 01:10 code to leave (02:10).
      clock.advance(MINUTE + 45_000);
      const sent = await askForm();
      expect(sent.statusCode).toBe(200);
      expect(sent.body).toContain('Đã gửi mã tới số 0912 345 678');
      expect((await askApi()).json().error.message).toContain('Xin thử lại sau 9 phút.');
    });
  });
}
