/**
 * Satisfaction ratings over real HTTP, on both engines: the API with each proof a citizen may give,
 * the signed link of the "result returned" message, the tracking page's form (no JavaScript), a
 * "Không hài lòng" answered by the leader and read by the citizen, and the counter tablet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk } from '../dossier/workflow.testing';
import { defaultTemplate } from '../notification/notification.templates';
import { processToReady, RATED_PROC, returnedDossier } from './rating.testing';
import { csrfOf } from '../shared/suite.testing';

const DAY = 86_400_000;

/** The CSRF cookie and token of a visitor's page. */
async function visitorCsrf(env: TestEnv, url: string) {
  const r = await env.app.inject({ method: 'GET', url });
  const cookie = r.cookies.find((c) => c.name === 'motcua_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1];
  const cookies: Record<string, string> = cookie ? { motcua_csrf: cookie.value } : {};
  return { page: r, cookies, csrf: csrf ?? '' };
}

for (const engine of engines()) {
  describe(`satisfaction ratings over HTTP [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });
    const token = (code: string) => env.services.dossiers.token(code);
    const rate = (code: string, query: string, payload: unknown, headers: Record<string, string> = {}) =>
      env.app.inject({ method: 'POST', url: `/api/dossiers/${code}/rating${query}`, payload: payload as object, headers });

    it('API: 409 not_finished before the result is returned; code + phone alone is not enough; a one-time code, the signed link or the account is', async () => {
      const d = await desk.receiveAtCounter(RATED_PROC);
      const early = await rate(d.code, `?t=${token(d.code)}`, { level: 'satisfied' });
      expect(early.statusCode, early.body).toBe(409);
      expect(early.json().error.code).toBe('not_finished');
      expect(early.json().error.message).toMatch(/chưa trả kết quả/);
      await processToReady(desk, d.code);
      await desk.ok(d.code, 'tiepnhan', { type: 'return_result', method: 'in_person' });

      // Code + phone reads, but does not rate.
      const weak = await rate(d.code, `?phone=${APPLICANT.phone}`, { level: 'satisfied' });
      expect(weak.statusCode).toBe(403);
      expect(weak.json().error.code).toBe('stronger_proof_required');
      const wrong = await rate(d.code, `?phone=0987000111`, { level: 'satisfied' });
      expect(wrong.statusCode).toBe(404);
      // Code + phone + the one-time code sent to that phone.
      expect((await env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone: APPLICANT.phone, purpose: 'verify_phone' } })).statusCode).toBe(200);
      const sms = (await env.services.notifications.list({ recipient: APPLICANT.phone })).filter((m) => m.event === 'otp')[0]!;
      const otp = /(\d{6})/.exec(sms.body)![1]!;
      const byOtp = await rate(d.code, `?phone=${APPLICANT.phone}`, { level: 'satisfied', reasons: ['guidance'], otp });
      expect(byOtp.statusCode, byOtp.body).toBe(200);
      expect(byOtp.json()).toMatchObject({ dossierCode: d.code, changeable: true, rating: { version: 1, level: 'satisfied', reasons: ['guidance'], source: 'api' }, followUp: null });

      // The signed link: bad input first (400 with a code per field, nothing written).
      const q = `?t=${token(d.code)}`;
      const bad = await rate(d.code, q, { level: 'great', reasons: ['rude'], comment: 'x'.repeat(1001) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('invalid_input');
      expect(bad.json().error.fields.map((f: any) => f.code).sort()).toEqual(['invalid_level']);
      const bad2 = await rate(d.code, q, { level: 'satisfied', reasons: ['rude'], comment: 'x'.repeat(1001) });
      expect(bad2.json().error.fields.map((f: any) => f.code).sort()).toEqual(['comment_too_long', 'invalid_reason']);
      expect((await rate(d.code, q, [1, 2])).statusCode).toBe(400);
      const changed = await rate(d.code, q, { level: 'very_satisfied', comment: 'Cán bộ hướng dẫn tận tình'.normalize('NFD') });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().rating).toMatchObject({ version: 2, level: 'very_satisfied', comment: 'Cán bộ hướng dẫn tận tình' });
      expect(changed.json().history.map((h: any) => h.level)).toEqual(['satisfied', 'very_satisfied']);

      // The applicant's own account (signed in with a one-time code).
      await env.services.accounts.requestOtp(APPLICANT.phone, 'sign_in');
      const signInSms = (await env.services.notifications.list({ recipient: APPLICANT.phone })).filter((m) => m.event === 'otp')[0]!;
      const { session } = await env.services.accounts.signInCitizenWithOtp(APPLICANT.phone, /(\d{6})/.exec(signInSms.body)![1]!);
      const mine = await rate(d.code, '', { level: 'satisfied' }, { cookie: `motcua_sid=${session.token}`, 'content-type': 'application/json' });
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().rating.version).toBe(3);
      // Someone else's account cannot.
      await env.services.accounts.requestOtp('0977000222', 'sign_in');
      const otherSms = (await env.services.notifications.list({ recipient: '0977000222' })).filter((m) => m.event === 'otp')[0]!;
      const other = await env.services.accounts.signInCitizenWithOtp('0977000222', /(\d{6})/.exec(otherSms.body)![1]!);
      expect((await rate(d.code, '', { level: 'dissatisfied' }, { cookie: `motcua_sid=${other.session.token}` })).statusCode).toBe(404);

      // GET with the phone reads the rating and its history.
      const read = await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}/rating?phone=${APPLICANT.phone}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().history).toHaveLength(3);

      // 30 days after the first rating: closed, with the reason in Vietnamese.
      clock.advance(30 * DAY + 1000);
      const late = await rate(d.code, q, { level: 'dissatisfied' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('rating_closed');
      expect(late.json().error.message).toMatch(/30 ngày/);
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}/rating?t=${token(d.code)}` })).json()).toMatchObject({ changeable: false, rating: { version: 3, level: 'satisfied' } });
    });

    it('the "result returned" SMS carries the signed rating link; its page rates without JavaScript; a "Không hài lòng" reaches the leader, who answers; the citizen reads the answer on the tracking page', async () => {
      clock.set('2026-12-03T03:00:00Z');
      const code = await returnedDossier(desk);
      const sms = (await desk.outbox(code)).find((m) => m.event === 'returned' && m.channel === 'sms')!;
      const link = /(http:\/\/motcua\.test\/ho-so\/\S+\/danh-gia\?t=\S+)/.exec(sms.body)?.[1];
      expect(link, sms.body).toBe(`http://motcua.test/ho-so/${code}/danh-gia?t=${token(code)}`);
      expect(defaultTemplate('returned', 'email', 'vi').body).toContain('{ratingLink}');
      expect(defaultTemplate('returned', 'zalo', 'vi').body).toContain('Không hài lòng');

      const path = link!.replace('http://motcua.test', '');
      const { page, cookies, csrf } = await visitorCsrf(env, path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Rất hài lòng');
      expect(page.body).toContain('Thái độ cán bộ');
      expect(page.body).toContain('name="level"');
      // No level chosen: the form again with the message, 400.
      const none = await env.app.inject({ method: 'POST', url: path, cookies, payload: { _csrf: csrf, comment: 'Chờ lâu quá' } });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('Chọn một mức');
      expect(none.body).toContain('Chờ lâu quá');
      // Without the CSRF token: refused.
      expect((await env.app.inject({ method: 'POST', url: path, cookies, payload: { level: 'satisfied' } })).statusCode).toBe(403);
      const sent = await env.app.inject({ method: 'POST', url: path, cookies, payload: `_csrf=${csrf}&level=dissatisfied&reasons=time&reasons=staff_attitude&comment=${encodeURIComponent('Phải chờ hai tiếng')}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(sent.statusCode, sent.body).toBe(303);
      const after = await env.app.inject({ method: 'GET', url: String(sent.headers.location), cookies });
      expect(after.body).toContain('Cảm ơn Ông/Bà đã đánh giá');
      expect(after.body).toContain('Không hài lòng');
      expect(after.body).toContain('Thái độ cán bộ, Thời gian giải quyết');
      expect(after.body).toContain('sẽ trả lời trước');

      // The leaders are told (SMS and e-mail), and the follow-up is in their list.
      const told = (await desk.outbox(code)).filter((m) => m.event === 'rating_dissatisfied');
      expect(told.map((m) => m.recipient).sort()).toEqual(['0901000003', 'lanhdao@badinh.example.vn']);
      const list = await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(code);
      expect(list.body).toContain('Chờ trả lời');
      // A specialist may not open the list.
      expect((await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia', headers: { cookie: await desk.cookie('chuyenvien') } })).statusCode).toBe(403);
      // Another unit's receptionist... and another unit's follow-ups are not listed.
      const id = /href="\/can-bo\/danh-gia\/([0-9a-f-]{36})"/.exec(list.body.slice(list.body.indexOf(code) - 200))![1]!;

      // Five days later: overdue, shown as such.
      clock.set('2026-12-10T03:00:00Z');
      const overdue = await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia?trang-thai=overdue', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(overdue.body).toContain(code);
      expect(overdue.body).toContain('Quá hạn trả lời');

      const leader = await desk.cookie('lanhdao');
      const detail = await env.app.inject({ method: 'GET', url: `/can-bo/danh-gia/${id}`, headers: { cookie: leader } });
      expect(detail.body).toContain('Phải chờ hai tiếng');
      const staffCsrf = csrfOf(detail.body);
      const short = await env.app.inject({ method: 'POST', url: `/can-bo/danh-gia/${id}`, headers: { cookie: leader }, payload: { _csrf: staffCsrf, answer: 'ok' } });
      expect(short.statusCode).toBe(400);
      expect(short.body).toContain('ít nhất 10 ký tự');
      const answer = 'Đơn vị xin lỗi Ông/Bà. Từ tuần sau bộ phận một cửa bố trí thêm một cán bộ tiếp nhận.';
      const ok = await env.app.inject({ method: 'POST', url: `/can-bo/danh-gia/${id}`, headers: { cookie: leader }, payload: { _csrf: staffCsrf, answer } });
      expect(ok.statusCode, ok.body).toBe(303);
      const logged = await env.services.database.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'rating.answer').execute();
      expect(logged.map((l) => l.target_id)).toContain(id);

      // The citizen reads it on the tracking page (and through the API).
      const tracking = await env.app.inject({ method: 'GET', url: `/ho-so/${code}?t=${token(code)}` });
      expect(tracking.body).toContain('Trả lời của đơn vị');
      expect(tracking.body).toContain('bố trí thêm một cán bộ');
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating?t=${token(code)}` })).json().followUp).toMatchObject({ answer, answeredBy: 'Lê Quang Huy' });
    });

    it('the tracking page of a returned dossier shows the form (signed link) and posts back to itself; code + phone sees the rating, not the form', async () => {
      clock.set('2026-12-14T03:00:00Z');
      const code = await returnedDossier(desk);
      const url = `/ho-so/${code}?t=${token(code)}`;
      const { page, cookies, csrf } = await visitorCsrf(env, url);
      expect(page.body).toContain('Đánh giá mức độ hài lòng');
      expect(page.body).toContain(`action="/ho-so/${code}/danh-gia?t=${token(code)}"`);
      const sent = await env.app.inject({ method: 'POST', url: `/ho-so/${code}/danh-gia?t=${token(code)}`, cookies, payload: { _csrf: csrf, from: 'tracking', level: 'very_satisfied' } });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`${url}#danh-gia`);
      const r = (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating?t=${token(code)}` })).json();
      expect(r.rating).toMatchObject({ level: 'very_satisfied', source: 'tracking' });
      const weak = await env.app.inject({ method: 'GET', url: `/ho-so/${code}?phone=${APPLICANT.phone}` });
      expect(weak.body).toContain('Ông/Bà đã đánh giá');
      expect(weak.body).not.toContain('name="level"');
      // A dossier still in progress has no rating box.
      const d2 = await desk.receiveAtCounter(RATED_PROC);
      expect((await env.app.inject({ method: 'GET', url: `/ho-so/${d2.code}?t=${token(d2.code)}` })).body).not.toContain('Đánh giá mức độ hài lòng');
    });

    it('the counter tablet: one tap rates a visit of the unit, optional reasons, then back to the buttons; a stale or forged form is refused', async () => {
      const get = await env.app.inject({ method: 'GET', url: '/dv/00004/danh-gia' });
      expect(get.statusCode).toBe(200);
      expect(get.body).toContain('http-equiv="refresh"');
      const formToken = /name="token" value="([^"]+)"/.exec(get.body)![1]!;
      const tap = await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'satisfied' } });
      expect(tap.statusCode).toBe(200);
      expect(tap.body).toContain('Cảm ơn Ông/Bà đã đánh giá');
      expect(tap.body).toMatch(/http-equiv="refresh" content="15;url=\/dv\/00004\/danh-gia"/);
      const reasonsAction = /action="(\/dv\/00004\/danh-gia\/ly-do\?r=[^"]+)"/.exec(tap.body)![1]!;
      const reasonsToken = /name="token" value="([^"]+)"/.exec(tap.body)![1]!;
      // The same form token works for the next citizen (the page reloads itself anyway).
      clock.advance(60_000);
      expect((await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'very_satisfied' } })).statusCode).toBe(200);
      const why = await env.app.inject({ method: 'POST', url: reasonsAction.replace(/&amp;/g, '&'), payload: `token=${reasonsToken}&reasons=guidance&reasons=time`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(why.statusCode, why.body).toBe(200);
      expect(why.body).toContain('đã ghi nhận lý do');
      // Forged: no token, another unit's token, a wrong reasons token.
      expect((await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { level: 'dissatisfied' } })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'POST', url: '/dv/00082/danh-gia', payload: { token: formToken, level: 'dissatisfied' } })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'POST', url: reasonsAction, payload: { token: 'x', reasons: 'fees' } })).statusCode).toBe(409);
      // A stale page (over two days): refused with a message, the buttons shown again.
      clock.advance(49 * 3_600_000);
      const stale = await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'dissatisfied' } });
      expect(stale.statusCode).toBe(403);
      expect(stale.body).toContain('Trang đã mở quá lâu');
      const facts = await import('./index').then((m) => m.ratingFacts(env.services.database.db, { unitCodes: ['00004'], from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', asOf: clock.now() }));
      const visits = facts.filter((f) => f.source === 'counter' && !f.dossierId);
      expect(visits.map((f) => f.level)).toEqual(['satisfied', 'very_satisfied']);
      expect(visits[0]!.reasons).toEqual(['time', 'guidance']);
    });

    it('the counter official picks the dossier (its signed link): the tablet rates that dossier', async () => {
      const code = await returnedDossier(desk);
      const page = await env.app.inject({ method: 'GET', url: `/dv/00004/danh-gia?ho-so=${code}&t=${token(code)}` });
      expect(page.body).toContain(`hồ sơ ${code}`);
      const action = /<form method="post" action="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
      const formToken = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
      const tap = await env.app.inject({ method: 'POST', url: action, payload: { token: formToken, level: 'dissatisfied' } });
      expect(tap.statusCode, tap.body).toBe(200);
      const r = (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating?t=${token(code)}` })).json();
      expect(r.rating).toMatchObject({ level: 'dissatisfied', source: 'counter' });
      // A wrong signature does not tie the rating to the dossier.
      expect((await env.app.inject({ method: 'GET', url: `/dv/00004/danh-gia?ho-so=${code}&t=xxxxxxxxxxxxxxxxxxxxxx` })).statusCode).toBe(404);
    });
  });

  describe(`the counter official picks the dossier just handed back [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock('2026-12-01T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });
    it('the next tap on the unit\'s tablet rates that dossier; the one after is a counter visit again', async () => {
      const code = await returnedDossier(desk);
      const cookie = await desk.cookie('tiepnhan');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia/tai-quay', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(code);
      const csrf = csrfOf(page.body);
      // A specialist has no counter; a dossier of another unit, or not returned, cannot be picked.
      expect((await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia/tai-quay', headers: { cookie: await desk.cookie('chuyenvien') } })).statusCode).toBe(403);
      const open = await desk.receiveAtCounter(RATED_PROC);
      const notYet = await env.app.inject({ method: 'POST', url: '/can-bo/danh-gia/tai-quay', headers: { cookie }, payload: { _csrf: csrf, code: open.code } });
      expect(notYet.statusCode).toBe(409);
      expect(notYet.body).toContain('chưa trả kết quả');
      expect((await env.app.inject({ method: 'POST', url: '/can-bo/danh-gia/tai-quay', headers: { cookie }, payload: { _csrf: csrf, code: '00082-261201-0001' } })).statusCode).toBe(404);
      const picked = await env.app.inject({ method: 'POST', url: '/can-bo/danh-gia/tai-quay', headers: { cookie }, payload: { _csrf: csrf, code } });
      expect(picked.statusCode).toBe(303);

      const tablet = await env.app.inject({ method: 'GET', url: '/dv/00004/danh-gia' });
      const formToken = /name="token" value="([^"]+)"/.exec(tablet.body)![1]!;
      // Another unit's tablet does not take it.
      const elsewhere = await env.app.inject({ method: 'GET', url: '/dv/00082/danh-gia' });
      const otherToken = /name="token" value="([^"]+)"/.exec(elsewhere.body)![1]!;
      expect((await env.app.inject({ method: 'POST', url: '/dv/00082/danh-gia', payload: { token: otherToken, level: 'satisfied' } })).body).not.toContain(code);
      const first = await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'very_satisfied' } });
      expect(first.body).toContain(`hồ sơ ${code}`);
      const second = await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'satisfied' } });
      expect(second.body).not.toContain(code);
      const r = (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating?t=${env.services.dossiers.token(code)}` })).json();
      expect(r.history).toEqual([expect.objectContaining({ level: 'very_satisfied', source: 'counter' })]);
      // Rated now: the list shows its rating instead of "Mời đánh giá", and it cannot be picked again.
      const after = await env.app.inject({ method: 'GET', url: '/can-bo/danh-gia/tai-quay', headers: { cookie } });
      expect(after.body).toContain(`<span data-rated="${code}">Đã đánh giá: Rất hài lòng</span>`);
      expect(after.body).not.toContain(`value="${code}"`);
      const again = await env.app.inject({ method: 'POST', url: '/can-bo/danh-gia/tai-quay', headers: { cookie }, payload: { _csrf: csrf, code } });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain(`Hồ sơ ${code} đã được người dân đánh giá &quot;Rất hài lòng&quot;`);
      expect(env.services.ratings.tabletPick('00004')).toBeUndefined();
      // A pick waits 10 minutes at most.
      const other = await returnedDossier(desk);
      expect((await env.app.inject({ method: 'POST', url: '/can-bo/danh-gia/tai-quay', headers: { cookie }, payload: { _csrf: csrf, code: other } })).statusCode).toBe(303);
      clock.advance(11 * 60_000);
      await env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', payload: { token: formToken, level: 'dissatisfied' } });
      expect((await env.app.inject({ method: 'GET', url: `/api/dossiers/${other}/rating?t=${env.services.dossiers.token(other)}` })).json().history).toHaveLength(0);
    });
  });

  describe(`the counter tablet's budget [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { RATE_LIMIT: 'on' } });
    });
    afterAll(async () => {
      await env?.close();
    });
    it('a tablet (its address) gives at most 6 ratings a minute; another tablet is not affected', async () => {
      const formToken = /name="token" value="([^"]+)"/.exec((await env.app.inject({ method: 'GET', url: '/dv/00004/danh-gia' })).body)![1]!;
      const tap = (ip: string) => env.app.inject({ method: 'POST', url: '/dv/00004/danh-gia', remoteAddress: ip, payload: { token: formToken, level: 'very_satisfied' } });
      for (let i = 0; i < 6; i++) expect((await tap('198.51.100.7')).statusCode).toBe(200);
      const seventh = await tap('198.51.100.7');
      expect(seventh.statusCode).toBe(429);
      // The real wait of the one-minute window, as the Retry-After says it.
      const wait = Number(seventh.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      expect(seventh.body).toContain(`Xin chờ ${wait} giây rồi đánh giá lại.`);
      expect((await tap('198.51.100.8')).statusCode).toBe(200);
      const facts = await import('./index').then((m) => m.ratingFacts(env.services.database.db, { unitCodes: ['00004'], from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', asOf: new Date() }));
      expect(facts).toHaveLength(7);
    });
  });
}
