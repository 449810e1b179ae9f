/**
 * Issue 10 item 6, for the assistant: a dossier's status by code and phone through the chat
 * draws on the same proof budget as /tra-cuu and every other proof route, so guesses cannot be
 * spread between the chat and the lookup page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT, Desk } from '../dossier/workflow.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

const WRONG = '0987000111';

for (const engine of engines()) {
  describe(`the assistant's status lookup shares the proof budget [${engine}]`, () => {
    let env: TestEnv;
    let code = '';
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { RATE_LIMIT: 'on', REQUIRE_PHONE_VERIFICATION: 'off' } });
      code = (await new Desk(env).submitOnline('1.001193')).code;
    });
    afterAll(async () => env?.close());

    const chat = (ip: string, phone: string, sessionId: string) =>
      env.app.inject({ method: 'POST', url: '/api/assistant/ask', remoteAddress: ip, payload: { question: `Tra cứu hồ sơ ${code}, số điện thoại ${phone}`, unit: '00004', sessionId } });
    const lookup = (ip: string, phone: string) => env.app.inject({ method: 'POST', url: '/tra-cuu', remoteAddress: ip, payload: { code, phone } });

    it('guesses in the chat count against /tra-cuu, and the other way round', async () => {
      // Six guesses in the chat (new conversations: the chat's own three-tries memory does not help), four on the page…
      for (let k = 0; k < 6; k++) {
        const r = await chat('203.0.113.10', WRONG, `guess-${k}-aaaaaaaaaaaa`);
        expect(r.statusCode).toBe(200);
        expect(r.json().answer).toMatch(/Không tìm thấy hồ sơ/);
      }
      for (let k = 0; k < 4; k++) expect((await lookup('203.0.113.10', WRONG)).statusCode).not.toBe(429);
      // …and the budget of 10 a minute is spent for both.
      expect((await lookup('203.0.113.10', WRONG)).statusCode).toBe(429);
      const refused = await chat('203.0.113.10', APPLICANT.phone, 'guess-right-aaaaaaaaaaa');
      expect(refused.json().answer).toMatch(/quá nhiều lần/);
      // Even the right phone reveals nothing once the budget is spent.
      expect(refused.json().answer).not.toMatch(/Tình trạng/);

      // The other way round: ten guesses on the page, then the chat will not check.
      for (let k = 0; k < 10; k++) expect((await lookup('203.0.113.11', WRONG)).statusCode).not.toBe(429);
      const after = await chat('203.0.113.11', APPLICANT.phone, 'other-way-aaaaaaaaaaaa');
      expect(after.json().answer).toMatch(/quá nhiều lần/);
      // Another address still gets its answer (the budget is per address, not global).
      const fine = await chat('203.0.113.12', APPLICANT.phone, 'fresh-aaaaaaaaaaaaaaaa');
      expect(fine.json().answer).toMatch(/Tình trạng/);
    });
  });
}
