/**
 * Hand-computed fixtures for every indicator (Decision 766/QĐ-TTg), built through the real API and
 * services with a test clock, on both engines. November 2026 in Phường Ba Đình (00004):
 *
 *   dossier  channel     procedure           what happens                                        counts as
 *   A        online      1.004746 (free)     result with signed file on 3/11, rated "Không hài lòng"  on time, digitised, disliked
 *   B        counter     1.004746            result (paper) one hour after its appointment       late
 *   C        online      1.004746            one supplement (5 working days), result after the    on time (supplement time
 *                                            first appointment but before the moved one           subtracted)
 *   D        online      1.004746            two supplement requests, result next day             late (more than one request)
 *   E        counter     1.004222 (20 000 đ) paused for payment 10 days, paid in cash, result     on time (paused), fee paid at the counter
 *   F        counter     1.004222            paid online (VNPay), result next day                 on time, fee paid online
 *   G        post        1.004746            result with signed file, but no paper digitised      on time, not digitised
 *   H        online      1.004746            accepted 2/11, still open at the end of November     late (open past its appointment)
 *   I        online      1.004746            accepted 27/11, open within time at the month's end  on time
 *   J        online      1.004746            submitted, never accepted                            in nothing
 * and in Phường Ngọc Hà (00082) one counter dossier X received 27/11, open within time.
 *
 * The catalogues are set on 2 November: 00004 lists 1.004746 (its record has no fee for a channel:
 * incomplete) and 1.004222 (complete); 00082 lists 1.004746 only.
 *
 * 00004 by hand: transparency (3 × 6): catalogue 1/2 → 3, appointment 9/9 → 6, feedback: A's
 * "Không hài lòng" (4/11, due 9/11) never answered → 0/1 → 0: 9; online 5/9 (A C D H I) ≥ 50% → 12;
 * fee-bearing E F, paid online F → 1/2 → 5; on time A C E F G I = 6/9 → 13.33; results in the
 * month A–G = 7, digitised A → 1/7 → (1/7)×22÷0.8 = 3.93; satisfaction: on time and not disliked
 * C E F G I = 5/9 → 10. Total 53.26.
 * 00082: transparency 0 (catalogue 0/1) + 6 + 6 (no feedback) = 12; + 20 + 0 (online 0/1) + 10
 * (no fee) + 22 (no result) + 18 = 82 → ranked 1/2, 00004 2/2.
 * 01 (the city, both wards): catalogue 1/3 → 2, appointment 10/10 → 6, feedback 0/1 → 0: 8;
 * on time 7/10 → 14; online 5/10 → 12; payment 1/2 → 5; digitisation 1/7 → 3.93;
 * satisfaction 6/10 → 10.8. Total 53.73.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../payment/payment.vnpay';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { IndicatorService } from './indicator.service';

const HOUR = 3_600_000;
const FREE = '1.004746';
const FEE = '1.004222';
const SECRET = 'VNPAYTESTSECRET0123456789ABCDEF';

for (const engine of engines()) {
  describe(`indicators computed from the history, by hand [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock('2026-11-02T02:00:00Z');
    const c: Record<string, string> = {};

    const counter = async (proc: string, channel: 'in_person' | 'post', who = 'tiepnhan') => {
      const form = (await desk.inject({ method: 'GET', url: `/api/procedures/${proc}/form` })).json();
      const r = await desk.inject({ method: 'POST', url: '/api/dossiers', headers: { cookie: await desk.cookie(who) }, payload: { procedureCode: proc, channel, applicant: APPLICANT, formData: fillForm(form.formData), submit: true } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const online = async () => {
      const d = await desk.submitOnline(FREE);
      return desk.ok(d.code, 'tiepnhan', { type: 'accept' });
    };
    const toApproval = async (code: string, assigned = false) => {
      if (!assigned) await desk.ok(code, 'tiepnhan', { type: 'assign', assignee: 'chuyenvien' });
      await desk.ok(code, 'chuyenvien', { type: 'propose_result', proposal: 'approve' });
      await desk.ok(code, 'lanhdao', { type: 'approve' });
    };
    const bearer = async (username: string) => {
      const r = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      return { authorization: `Bearer ${r.json().token}` };
    };
    /** The result: a signed file (an electronic result) or a note (a paper one). */
    const result = async (code: string, withFile: boolean) => {
      if (!withFile) return desk.ok(code, 'lanhdao', { type: 'mark_result_ready', note: 'Kết quả bản giấy' });
      const rf = multipart([
        { name: 'type', value: 'mark_result_ready' },
        { name: 'file', value: PDF, filename: 'ket-qua.pdf', type: 'application/pdf' },
      ]);
      const r = await desk.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: rf.body, headers: { ...rf.headers, ...(await bearer('lanhdao')) } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const report = async (unit: string, period: string) => {
      const r = await desk.inject({ method: 'GET', url: `/api/indicators?unit=${unit}&period=${period}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const figure = (rep: any, key: string) => rep.groups.flatMap((g: any) => g.indicators).find((i: any) => i.key === key);
    const list = async (unit: string, period: string, indicator: string, part: string, who = 'lanhdao') => {
      const r = await desk.inject({ method: 'GET', url: `/api/indicators/dossiers?unit=${unit}&period=${period}&indicator=${indicator}&part=${part}`, headers: { cookie: await desk.cookie(who) } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const names = (codes: string[]) => codes.map((x) => Object.keys(c).find((k) => c[k] === x) ?? x).sort();

    beforeAll(async () => {
      env = await createTestEnv(engine, {
        clock,
        env: { REQUIRE_PHONE_VERIFICATION: 'off', VNPAY_TMN_CODE: 'MOTCUA01', VNPAY_HASH_SECRET: SECRET, VNPAY_URL: 'http://127.0.0.1:9/paymentv2/vpcpay.html' },
      });
      desk = new Desk(env);
      const entry = (code: string, sort: number) => ({ procedureCode: code, commitment: null, note: '', essential: false, sort });
      await env.services.catalog.setUnitCatalog('00004', [entry(FREE, 0), entry(FEE, 1)]);
      await env.services.catalog.setUnitCatalog('00082', [entry(FREE, 0)]);

      // Monday 2 November, 09:00 in Hà Nội: everything arrives.
      c.A = (await online()).code;
      const b = await counter(FREE, 'in_person');
      c.B = b.code;
      c.C = (await online()).code;
      c.D = (await online()).code;
      c.E = (await counter(FEE, 'in_person')).code;
      c.F = (await counter(FEE, 'in_person')).code;
      c.G = (await counter(FREE, 'post')).code;
      c.H = (await online()).code;
      c.J = (await desk.submitOnline(FREE)).code;

      clock.advance(HOUR);
      for (const k of ['A', 'B', 'F', 'G']) await toApproval(c[k]!);
      for (const k of ['C', 'D']) await desk.ok(c[k]!, 'tiepnhan', { type: 'assign', assignee: 'chuyenvien' });
      clock.advance(HOUR);
      await desk.ok(c.E!, 'tiepnhan', { type: 'request_payment', amount: 20000 });
      clock.advance(HOUR);
      const asked = await desk.ok(c.C!, 'chuyenvien', { type: 'request_supplement', items: ['Bản sao Giấy chứng nhận kết hôn'] });
      const dueC0 = asked.dueAt as string;
      await desk.ok(c.D!, 'chuyenvien', { type: 'request_supplement', items: ['Bản sao Giấy chứng nhận kết hôn'] });
      clock.advance(HOUR);
      const token = (code: string) => env.services.dossiers.token(code);
      expect((await desk.act(c.D!, null, { type: 'supplement' }, {}, `?t=${token(c.D!)}`)).statusCode).toBe(200);
      // F: the citizen pays online (VNPay calls the IPN, signed).
      const pay = await desk.inject({ method: 'POST', url: `/api/dossiers/${c.F}/payments/vnpay?t=${token(c.F!)}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(pay.statusCode, pay.body).toBe(201);
      const q = new URL(pay.json().paymentUrl).searchParams;
      const ipn: Record<string, string> = {
        vnp_Amount: q.get('vnp_Amount')!,
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: q.get('vnp_OrderInfo')!,
        vnp_PayDate: '20261102130000',
        vnp_ResponseCode: '00',
        vnp_TmnCode: 'MOTCUA01',
        vnp_TransactionNo: '14000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: q.get('vnp_TxnRef')!,
      };
      const answer = await desk.inject({ method: 'GET', url: `/api/payments/vnpay/ipn?${new URLSearchParams({ ...ipn, vnp_SecureHash: sign(ipn, SECRET) })}` });
      expect(answer.json()).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      clock.advance(HOUR);
      await desk.ok(c.D!, 'chuyenvien', { type: 'request_supplement', items: ['Giấy xác nhận tình trạng hôn nhân'] });
      clock.advance(HOUR);
      expect((await desk.act(c.D!, null, { type: 'supplement' }, {}, `?t=${token(c.D!)}`)).statusCode).toBe(200);

      // Tuesday 3 November: results for A (signed file), D, F, G (signed file, no paper scanned).
      clock.set('2026-11-03T02:00:00Z');
      await result(c.A!, true);
      await desk.ok(c.A!, 'tiepnhan', { type: 'return_result', method: 'in_person' });
      await toApproval(c.D!, true);
      await result(c.D!, false);
      await result(c.F!, false);
      await result(c.G!, true);
      // Wednesday: A's applicant is not satisfied.
      clock.set('2026-11-04T02:00:00Z');
      const a = (await env.services.dossiers.findByCode(c.A!))!;
      await env.services.ratings.rateDossier(a, { level: 'dissatisfied', reasons: ['time'] }, { actor: { kind: 'anonymous' }, source: 'link' });

      // C's papers arrive on Monday 9 November; its appointment moves by the 5 working days it waited.
      clock.set('2026-11-09T02:00:00Z');
      const back = await desk.act(c.C!, null, { type: 'supplement' }, {}, `?t=${token(c.C!)}`);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().dueAt > dueC0).toBe(true);
      // B's result, an hour after its appointment.
      clock.set(new Date(Date.parse(b.dueAt) + HOUR));
      await result(c.B!, false);
      // C's result on 10 November: after its first appointment, before the moved one.
      clock.set('2026-11-10T02:00:00Z');
      expect(clock.now().toISOString() > dueC0).toBe(true);
      await toApproval(c.C!, true);
      await result(c.C!, false);
      // E pays at the counter on 12 November, after its first appointment; the clock was stopped.
      clock.set('2026-11-12T02:00:00Z');
      const e0 = await desk.get(c.E!, 'tiepnhan');
      const cash = await desk.inject({ method: 'POST', url: `/api/dossiers/${c.E}/payments/cash`, headers: { cookie: await desk.cookie('tiepnhan'), 'content-type': 'application/json' }, payload: {} });
      expect(cash.statusCode, cash.body).toBe(201);
      const e1 = await desk.get(c.E!, 'tiepnhan');
      expect(e1.status).toBe('received');
      expect(e1.dueAt > e0.dueAt).toBe(true);
      clock.advance(HOUR);
      await toApproval(c.E!);
      await result(c.E!, false);
      expect(clock.now().toISOString() > e0.dueAt).toBe(true);

      // Friday 27 November: I online, X at Ngọc Hà's counter; both open at the end of the month.
      clock.set('2026-11-27T02:00:00Z');
      c.I = (await online()).code;
      c.X = (await counter(FREE, 'in_person', 'tiepnhan2')).code;
      clock.set('2026-12-02T02:00:00Z');
    }, 240_000);
    afterAll(() => env?.close());

    it('counts each indicator of the commune as computed by hand', async () => {
      const r = await report('00004', '2026-11');
      const pick = (k: string) => {
        const f = figure(r, k);
        return [f.numerator, f.denominator, f.rate, f.score];
      };
      expect(pick('catalogue_complete_rate')).toEqual([1, 2, 0.5, 3]);
      expect(pick('appointment_published_rate')).toEqual([9, 9, 1, 6]);
      expect(pick('feedback_on_time_rate')).toEqual([0, 1, 0, 0]);
      expect(pick('on_time_rate')).toEqual([6, 9, 0.6667, 13.33]);
      expect(pick('online_rate')).toEqual([5, 9, 0.5556, 12]);
      expect(pick('online_payment_rate')).toEqual([1, 2, 0.5, 5]);
      expect(pick('digitisation_rate')).toEqual([1, 7, 0.1429, 3.93]);
      expect(pick('satisfaction_rate')).toEqual([5, 9, 0.5556, 10]);
      expect(r.groups.map((g: any) => g.score)).toEqual([9, 13.33, 12, 5, 3.93, 10]);
      expect(r.total).toBe(53.26);
      expect(r.rank).toEqual({ position: 2, of: 2, parent: '01' });
    });

    it('opens every number: the drill-down lists exactly the numerator and the denominator', async () => {
      const expected: Record<string, [string[], string[]]> = {
        appointment_published_rate: [['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'], ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']],
        on_time_rate: [['A', 'C', 'E', 'F', 'G', 'I'], ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']],
        online_rate: [['A', 'C', 'D', 'H', 'I'], ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']],
        online_payment_rate: [['F'], ['E', 'F']],
        digitisation_rate: [['A'], ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
        satisfaction_rate: [['C', 'E', 'F', 'G', 'I'], ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']],
      };
      const rep = await report('00004', '2026-11');
      for (const [key, [num, den]] of Object.entries(expected)) {
        const n = await list('00004', '2026-11', key, 'numerator');
        const d = await list('00004', '2026-11', key, 'denominator');
        expect(names(n.items.map((i: any) => i.code)), `${key} numerator`).toEqual(num);
        expect(names(d.items.map((i: any) => i.code)), `${key} denominator`).toEqual(den);
        expect([n.total, d.total]).toEqual([figure(rep, key).numerator, figure(rep, key).denominator]);
      }
      const late = (await list('00004', '2026-11', 'on_time_rate', 'denominator')).items.filter((i: any) => i.timeliness === 'late');
      expect(names(late.map((i: any) => i.code))).toEqual(['B', 'D', 'H']);
      const d = (await list('00004', '2026-11', 'on_time_rate', 'denominator')).items.find((i: any) => i.code === c.D);
      expect(d).toMatchObject({ procedureCode: FREE, channel: 'online', supplementRequests: 2, timeliness: 'late' });
      expect(JSON.stringify(d)).not.toContain(APPLICANT.phone);
    });

    it('lets staff of the unit or above open the lists, nobody else', async () => {
      const url = `/api/indicators/dossiers?unit=00004&period=2026-11&indicator=online_rate&part=numerator`;
      expect((await desk.inject({ method: 'GET', url })).statusCode).toBe(401);
      const other = await desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie('tiepnhan2') } });
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('unit_forbidden');
      expect((await list('00004', '2026-11', 'online_rate', 'numerator', 'giamsat')).total).toBe(5);
      expect((await list('00082', '2026-11', 'online_rate', 'denominator', 'tiepnhan2')).total).toBe(1);
      const bad = await desk.inject({ method: 'GET', url: url.replace('online_rate', 'speed'), headers: { cookie: await desk.cookie('lanhdao') } });
      expect(bad.statusCode).toBe(400);
    });

    it('ranks the wards and sums them for the city', async () => {
      const rk = (await desk.inject({ method: 'GET', url: '/api/indicators/ranking?parent=01&period=2026-11' })).json();
      expect(rk.items.map((i: any) => [i.unit, i.total, i.position])).toEqual([
        ['00082', 82, 1],
        ['00004', 53.26, 2],
      ]);
      expect(rk.items[1].groups).toEqual({ transparency: 9, progress: 13.33, online: 12, payment: 5, digitisation: 3.93, satisfaction: 10 });
      const city = await report('01', '2026-11');
      expect(city.groups.map((g: any) => g.score)).toEqual([8, 14, 12, 5, 3.93, 10.8]);
      expect(city.total).toBe(53.73);
      expect(city.rank).toEqual({ position: 1, of: 1, parent: null });
    });

    it('keeps a closed month as it was when its dossiers change later; the current month is live', async () => {
      const before = await report('00004', '2026-11');
      const listBefore = await list('00004', '2026-11', 'on_time_rate', 'numerator');
      // December: I's result comes late, H is stopped, C is returned and rated "Không hài lòng".
      clock.set('2026-12-08T02:00:00Z');
      await toApproval(c.I!);
      await result(c.I!, true);
      await desk.ok(c.H!, 'lanhdao', { type: 'stop', reason: 'Người nộp không bổ sung theo yêu cầu' });
      await desk.ok(c.C!, 'tiepnhan', { type: 'return_result', method: 'in_person' });
      const cd = (await env.services.dossiers.findByCode(c.C!))!;
      await env.services.ratings.rateDossier(cd, { level: 'dissatisfied' }, { actor: { kind: 'anonymous' }, source: 'link' });
      clock.set('2026-12-09T02:00:00Z');
      expect(await report('00004', '2026-11')).toEqual(before);
      expect(await list('00004', '2026-11', 'on_time_rate', 'numerator')).toEqual(listBefore);
      // December, read now: H and I are the dossiers of the month, both late; I has a signed result but was digitised.
      const dec = await report('00004', '2026-12');
      expect(dec.asOf).toBe('2026-12-09T02:00:00.000Z');
      expect([figure(dec, 'on_time_rate').numerator, figure(dec, 'on_time_rate').denominator]).toEqual([0, 2]);
      expect([figure(dec, 'digitisation_rate').numerator, figure(dec, 'digitisation_rate').denominator]).toEqual([1, 1]);
      expect([figure(dec, 'online_rate').numerator, figure(dec, 'online_rate').denominator]).toEqual([0, 0]);
      // The quarter counts November and December together, as of now.
      const q4 = await report('00004', '2026-Q4');
      expect([figure(q4, 'online_rate').numerator, figure(q4, 'online_rate').denominator]).toEqual([5, 9]);
      expect([figure(q4, 'on_time_rate').numerator, figure(q4, 'on_time_rate').denominator]).toEqual([5, 9]);
    });

    it('keeps its copy of the timelines equal to a computation from the history, also after a rebuild from scratch', async () => {
      const s = env.services;
      const scratch = new IndicatorService(s.database.db, s.units, clock, { source: 'history' });
      const compare = async () => {
        for (const period of ['2026-10', '2026-11', '2026-12', '2026-Q4', '2026']) {
          for (const unit of ['00004', '00082', '01']) expect(await s.indicators.report(unit, period), `${unit} ${period}`).toEqual(await scratch.report(unit, period));
          expect(await s.indicators.ranking('01', period)).toEqual(await scratch.ranking('01', period));
          for (const key of ['on_time_rate', 'digitisation_rate', 'online_payment_rate']) {
            for (const part of ['numerator', 'denominator']) expect(await s.indicators.dossiers('00004', period, key, part)).toEqual(await scratch.dossiers('00004', period, key, part));
          }
        }
      };
      await compare();
      // A change after the copy was last brought up to date is in the next answer.
      clock.set('2026-12-10T02:00:00Z');
      const before = figure(await s.indicators.report('00004', '2026-12'), 'online_rate');
      await desk.ok(c.J!, 'tiepnhan', { type: 'accept' });
      expect(figure(await s.indicators.report('00004', '2026-12'), 'online_rate')).toMatchObject({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
      await compare();
      const rebuilt = await s.indicators.rebuild();
      expect(rebuilt.dossiers).toBe(11);
      await compare();
    });

    it('does not rank a ward with no dossier above the wards that served citizens', async () => {
      // A third ward of the city that received nothing: its points (all "nothing to count") say
      // nothing, so it is listed last, unranked, and wards with dossiers are ranked among themselves.
      await env.services.units.upsert({ code: '00091', name: 'Phường Thử Nghiệm', kind: 'ward', parentCode: '01' });
      const rk = (await desk.inject({ method: 'GET', url: '/api/indicators/ranking?parent=01&period=2026-11' })).json();
      expect(rk.items.map((i: any) => [i.unit, i.position, i.hasDossiers])).toEqual([
        ['00082', 1, true],
        ['00004', 2, true],
        ['00091', null, false],
      ]);
      const empty = await report('00091', '2026-11');
      expect(empty).toMatchObject({ hasDossiers: false, rank: { position: null, of: 2, parent: '01' } });
      expect(await report('00004', '2026-11')).toMatchObject({ hasDossiers: true, rank: { position: 2, of: 2 } });
      // The supervisor's page and the public page say so instead of showing 100 points.
      const page = await desk.inject({ method: 'GET', url: '/can-bo/chi-so/xep-hang?ky=2026-11', headers: { cookie: await desk.cookie('giamsat') } });
      expect(page.body).toContain('Phường Thử Nghiệm</a> <strong>chưa xếp hạng</strong> (chưa có hồ sơ trong kỳ)');
      expect(page.body).toContain('Phường Ba Đình</a> xếp <strong>2/2</strong>');
      const pub = await desk.inject({ method: 'GET', url: '/dv/00091/ket-qua-giai-quyet?ky=2026-11' });
      expect(pub.body).toContain('Chưa có hồ sơ trong kỳ');
    });
  });
}
