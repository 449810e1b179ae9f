import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { followUpCounts, ratingFacts, type RatingService } from './index';
import { processToReady, RATED_PROC, returnedDossier } from './rating.testing';

const DAY = 86_400_000;

for (const engine of engines()) {
  describe(`satisfaction ratings: rules of the service [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let ratings: RatingService;
    // Monday 30/11/2026, 09:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
      ratings = env.services.ratings;
    });
    afterAll(async () => {
      await env?.close();
    });
    const dossier = async (code: string) => (await env.services.dossiers.findByCode(code))!;
    const anon = { actor: { kind: 'anonymous' as const }, source: 'link' as const };

    it('refuses a rating before the result is returned (not_finished), then keeps every version for 30 days and closes', async () => {
      const d0 = await desk.receiveAtCounter(RATED_PROC);
      await expect(ratings.rateDossier(await dossier(d0.code), { level: 'satisfied' }, anon)).rejects.toMatchObject({ code: 'not_finished' });
      await processToReady(desk, d0.code);
      // Result ready but not handed over: still not finished.
      await expect(ratings.rateDossier(await dossier(d0.code), { level: 'satisfied' }, anon)).rejects.toMatchObject({ code: 'not_finished' });
      await desk.ok(d0.code, 'tiepnhan', { type: 'return_result', method: 'in_person' });
      const d = await dossier(d0.code);

      const first = await ratings.rateDossier(d, { level: 'satisfied', reasons: ['time'], comment: 'Nhanh' }, anon);
      expect(first).toMatchObject({ version: 1, level: 'satisfied', reasons: ['time'], comment: 'Nhanh', dossierCode: d0.code });
      // The same answer again is not a new version.
      expect((await ratings.rateDossier(d, { level: 'satisfied', reasons: ['time'], comment: 'Nhanh' }, anon)).version).toBe(1);
      clock.advance(10 * DAY);
      const second = await ratings.rateDossier(d, { level: 'very_satisfied' }, { actor: { kind: 'citizen', id: 'c1' }, source: 'tracking' });
      expect(second).toMatchObject({ version: 2, level: 'very_satisfied', firstRatedAt: first.ratedAt });
      // Day 30 is still open; after it, closed.
      clock.set(new Date(new Date(first.ratedAt).getTime() + 30 * DAY));
      expect((await ratings.rateDossier(d, { level: 'satisfied' }, anon)).version).toBe(3);
      clock.advance(1000);
      const closed = ratings.rateDossier(d, { level: 'dissatisfied' }, anon);
      await expect(closed).rejects.toMatchObject({ code: 'rating_closed' });
      await expect(closed).rejects.toThrow(/30 ngày/);
      const all = await ratings.forDossier(d.id);
      expect(all.history.map((v) => v.level)).toEqual(['satisfied', 'very_satisfied', 'satisfied']);
      expect(all.current?.version).toBe(3);
      expect(all.changeable).toBe(false);
      // A closed window opened no follow-up and told no leader.
      expect(all.followUp).toBeUndefined();

      // The indicators read the rating in force at an instant: a later change does not rewrite the past.
      const from = new Date(new Date(first.ratedAt).getTime() - DAY);
      const to = new Date(new Date(first.ratedAt).getTime() + 40 * DAY);
      const at = (ms: number) => new Date(new Date(first.ratedAt).getTime() + ms);
      const mine = (f: Awaited<ReturnType<typeof ratingFacts>>) => f.filter((x) => x.dossierId === d.id);
      expect(mine(await ratingFacts(env.services.database.db, { unitCodes: ['00004'], from, to, asOf: at(DAY) })).map((f) => f.level)).toEqual(['satisfied']);
      expect(mine(await ratingFacts(env.services.database.db, { unitCodes: ['00004'], from, to, asOf: at(11 * DAY) })).map((f) => f.level)).toEqual(['very_satisfied']);
      expect(mine(await ratingFacts(env.services.database.db, { unitCodes: ['00004'], from, to })).map((f) => f.level)).toEqual(['satisfied']);
      // Before the first rating there is none; another unit has none.
      expect(mine(await ratingFacts(env.services.database.db, { unitCodes: ['00004'], from, to, asOf: at(-1) }))).toEqual([]);
      expect(mine(await ratingFacts(env.services.database.db, { unitCodes: ['00082'], from, to }))).toEqual([]);
    });

    it('checks the input: level, reasons from the fixed list, comment length; comment stored NFC', async () => {
      const code = await returnedDossier(desk);
      const d = await dossier(code);
      const bad = async (input: unknown) => {
        try {
          await ratings.rateDossier(d, input, anon);
        } catch (e: any) {
          return { code: e.code, fields: e.fields.map((f: any) => f.code) };
        }
        throw new Error('accepted');
      };
      expect(await bad({ level: 'happy' })).toEqual({ code: 'invalid_input', fields: ['invalid_level'] });
      expect(await bad({})).toEqual({ code: 'invalid_input', fields: ['invalid_level'] });
      expect(await bad({ level: 'satisfied', reasons: ['rude'] })).toEqual({ code: 'invalid_input', fields: ['invalid_reason'] });
      expect(await bad({ level: 'satisfied', comment: 'x'.repeat(1001) })).toEqual({ code: 'invalid_input', fields: ['comment_too_long'] });
      expect((await ratings.forDossier(d.id)).history).toEqual([]);
      const r = await ratings.rateDossier(d, { level: 'satisfied', reasons: ['other', 'staff_attitude', 'other'], comment: '  Cán bộ nhiệt tình '.normalize('NFD') }, anon);
      expect(r.reasons).toEqual(['staff_attitude', 'other']);
      expect(r.comment).toBe('Cán bộ nhiệt tình');
      expect(r.comment.normalize('NFC')).toBe(r.comment);
    });

    it('a "Không hài lòng" tells the leaders through the outbox and waits for an answer within 3 working days; overdue shows', async () => {
      // Thursday 03/12/2026 10:00: three working days later is Tuesday 08/12 (end of the day).
      clock.set('2026-12-03T03:00:00Z');
      const code = await returnedDossier(desk);
      const d = await dossier(code);
      await ratings.rateDossier(d, { level: 'dissatisfied', reasons: ['time', 'staff_attitude'], comment: 'Chờ lâu' }, anon);
      const out = (await desk.outbox(code)).filter((m) => m.event === 'rating_dissatisfied');
      expect(out.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual(['email:lanhdao@badinh.example.vn', 'sms:0901000003']);
      expect(out.find((m) => m.channel === 'email')!.body).toContain('Chờ lâu');
      const [f] = (await ratings.listFollowUps(['00004'], 'open')).filter((x) => x.dossierCode === code);
      expect(f).toMatchObject({ state: 'open', dueAt: '2026-12-08T16:59:59.999Z', answer: null });
      expect(f!.rating?.level).toBe('dissatisfied');
      // Changing to "dissatisfied" again (another comment) does not open a second one nor notify twice.
      await ratings.rateDossier(d, { level: 'dissatisfied', comment: 'Rất chờ lâu' }, anon);
      expect((await ratings.listFollowUps(['00004'])).filter((x) => x.dossierCode === code)).toHaveLength(1);
      expect((await desk.outbox(code)).filter((m) => m.event === 'rating_dissatisfied')).toHaveLength(2);
      // Another unit does not see it.
      expect((await ratings.listFollowUps(['00082'])).filter((x) => x.dossierCode === code)).toEqual([]);

      clock.set('2026-12-09T01:00:00Z');
      const counts = await followUpCounts(env.services.database.db, ['00004'], { asOf: clock.now() });
      expect(counts.overdue).toBeGreaterThanOrEqual(1);
      expect((await ratings.listFollowUps(['00004'], 'overdue')).map((x) => x.dossierCode)).toContain(code);

      const staff = { id: 'x', fullName: 'Trần Văn Minh', role: 'specialist', unitCode: '00004' };
      await expect(ratings.answerFollowUp(f!.id, staff, 'Xin lỗi Ông/Bà vì đã chờ lâu.')).rejects.toMatchObject({ code: 'role_forbidden' });
      const leader = { id: 'l', fullName: 'Lê Quang Huy', role: 'leader', unitCode: '00004' };
      await expect(ratings.answerFollowUp(f!.id, leader, 'ngắn')).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(ratings.answerFollowUp(f!.id, { ...leader, unitCode: '00082' }, 'Xin lỗi Ông/Bà vì đã chờ lâu.')).rejects.toMatchObject({ code: 'followup_not_found' });
      const answered = await ratings.answerFollowUp(f!.id, leader, 'Xin lỗi Ông/Bà vì đã chờ lâu. Đơn vị đã bố trí thêm cán bộ.');
      expect(answered).toMatchObject({ state: 'answered', late: true, answeredBy: 'Lê Quang Huy' });
      await expect(ratings.answerFollowUp(f!.id, leader, 'Trả lời lần thứ hai.')).rejects.toMatchObject({ code: 'already_answered' });
      expect((await ratings.forDossier(d.id)).followUp?.answer).toContain('bố trí thêm cán bộ');
      const after = await followUpCounts(env.services.database.db, ['00004'], { asOf: clock.now() });
      expect(after.answeredLate).toBe(counts.answeredLate + 1);
      expect(after.overdue).toBe(counts.overdue - 1);
      // As it stood before the answer: still overdue then.
      expect((await followUpCounts(env.services.database.db, ['00004'], { asOf: '2026-12-09T00:59:00Z' })).overdue).toBe(counts.overdue);
    });

    it('a counter visit is a rating of its own, tied to the unit', async () => {
      const v = await ratings.rateVisit('00082', { level: 'very_satisfied' });
      expect(v).toMatchObject({ dossierId: null, unitCode: '00082', source: 'counter', version: 1 });
      const more = await ratings.addReasons(v.ratingId, '00082', { reasons: ['guidance'] });
      expect(more).toMatchObject({ version: 2, level: 'very_satisfied', reasons: ['guidance'] });
      await expect(ratings.addReasons(v.ratingId, '00004', { reasons: ['guidance'] })).rejects.toMatchObject({ code: 'rating_not_found' });
      const facts = await ratingFacts(env.services.database.db, { unitCodes: ['00082'], from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', asOf: clock.now() });
      expect(facts.map((f) => [f.source, f.level, f.reasons])).toEqual([['counter', 'very_satisfied', ['guidance']]]);

      // "Không hài lòng" taps on the public tablet: each is followed up, the leaders' phones hear of them once an hour.
      const leaderSms = async () => (await env.services.notifications.list({ recipient: '0901000003', limit: 500 })).filter((m) => m.event === 'rating_dissatisfied' && !m.dossierCode);
      const smsBefore = (await leaderSms()).length;
      const open0 = (await ratings.listFollowUps(['00004'])).length;
      for (let i = 0; i < 3; i++) await ratings.rateVisit('00004', { level: 'dissatisfied' });
      expect((await ratings.listFollowUps(['00004'])).length).toBe(open0 + 3);
      expect((await leaderSms()).length).toBe(smsBefore + 1);
      expect((await leaderSms())[0]!.body).toMatch(/may tinh bang|máy tính bảng/);
      clock.advance(3_600_000);
      await ratings.rateVisit('00004', { level: 'dissatisfied' });
      expect((await leaderSms()).length).toBe(smsBefore + 2);
    });
  });
}
