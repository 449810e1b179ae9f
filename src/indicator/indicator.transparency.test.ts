/**
 * The transparency group (Decision 766/QĐ-TTg, "Công khai, minh bạch", 18 points = three
 * sub-indicators of 6) computed from the history, by hand, on both engines. A new ward 00099 of
 * Hà Nội with no dossier, so only the two sub-indicators that do not count dossiers move:
 *
 * Catalogue (migration 030, as it stood at the period's end):
 *   10/11  the ward's catalogue: P1 complete, P2 without papers, P3 without any fee.
 *   5/12   P2's record gets its papers (a re-import).      6/12 P3 removed from the catalogue.
 *   → November 1/3 → 6 × 1/3 = 2 points; December (read on 8/12) 2/2 → 6.
 * Feedback (a "Không hài lòng" on the counter tablet asks for an answer within 3 working days):
 *   F1 2/11, answered 3/11 (on time)          F2 5/11 (due 10/11), answered 20/11 (late)
 *   F4 10/11 (due 13/11), never answered      F3 27/11 (due 2/12), open at the month's end: in time
 *   → November 2/4 → 3 points. F3 is answered on 3/12 (late): November does not change.
 * Appointment published: no dossier → nothing to count, 6 points.
 * November's transparency: 2 + 6 + 3 = 11 of 18 — not full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../catalog';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { IndicatorService } from './indicator.service';

const UNIT = '00099';
const P1 = '9.900001';
const P2 = '9.900002';
const P3 = '9.900003';
const LEADER = { id: 'lanhdao-00099', fullName: 'Lãnh đạo Phường Thử', role: 'leader', unitCode: UNIT };

for (const engine of engines()) {
  describe(`transparency group computed from the history, by hand [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-11-02T02:00:00Z');
    let desk: Desk;
    const f: Record<string, string> = {};

    const report = async (period: string) => {
      const r = await env.app.inject({ method: 'GET', url: `/api/indicators?unit=${UNIT}&period=${period}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const pick = (rep: any, key: string) => {
      const x = rep.groups.flatMap((g: any) => g.indicators).find((i: any) => i.key === key);
      return [x.numerator, x.denominator, x.rate, x.score, x.max];
    };
    const records = async (period: string, indicator: string, part: string) => {
      const r = await env.app.inject({ method: 'GET', url: `/api/indicators/records?unit=${UNIT}&period=${period}&indicator=${indicator}&part=${part}`, headers: { cookie: await desk.cookie('giamsat') } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const dislike = async (key: string) => {
      await env.services.ratings.rateVisit(UNIT, { level: 'dissatisfied', reasons: ['time'] });
      const open = await env.services.ratings.listFollowUps([UNIT], 'all');
      f[key] = open.find((x) => !Object.values(f).includes(x.id))!.id;
    };
    const answer = (key: string) => env.services.ratings.answerFollowUp(f[key]!, LEADER, 'Phường đã kiểm tra và xin trả lời ông/bà như sau.');

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      const s = env.services;
      await s.units.upsert({ code: UNIT, name: 'Phường Thử Công Khai', kind: 'ward', parentCode: '01' });
      desk = new Desk(env);
      const base = (await s.catalog.findProcedure('1.004746'))!;
      const complete: Procedure = {
        ...base,
        code: P1,
        name: 'Thủ tục thử nghiệm có đủ thông tin',
        channels: base.channels.map((c) => ({ ...c, time: { value: 3, unit: 'working_days' }, fees: [{ label: 'Lệ phí', amount: 0, basis: 'per_case' }] })),
        componentGroups: [{ id: 'chung', title: '', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }] }],
      };
      const noPapers: Procedure = { ...complete, code: P2, name: 'Thủ tục thử nghiệm chưa có thành phần hồ sơ', componentGroups: [] };
      const noFee: Procedure = { ...complete, code: P3, name: 'Thủ tục thử nghiệm chưa có phí', channels: complete.channels.map((c) => ({ ...c, fees: [] })) };

      // 2 November: F1, answered the next day.
      await dislike('F1');
      clock.set('2026-11-03T02:00:00Z');
      await answer('F1');
      clock.set('2026-11-05T02:00:00Z');
      await dislike('F2');
      clock.set('2026-11-10T02:00:00Z');
      await dislike('F4');
      await s.catalog.upsertProcedures([complete, noPapers, noFee], 'test');
      const entry = (code: string, sort: number) => ({ procedureCode: code, commitment: null, note: '', essential: false, sort });
      await s.catalog.setUnitCatalog(UNIT, [entry(P1, 0), entry(P2, 1), entry(P3, 2)]);
      clock.set('2026-11-20T02:00:00Z');
      await answer('F2');
      clock.set('2026-11-27T02:00:00Z');
      await dislike('F3');
      // December: P2 gets its papers, P3 leaves the catalogue, F3 is answered a day late.
      clock.set('2026-12-03T02:00:00Z');
      await answer('F3');
      clock.set('2026-12-05T02:00:00Z');
      await s.catalog.upsertProcedures([{ ...noPapers, componentGroups: complete.componentGroups }], 'test');
      clock.set('2026-12-06T02:00:00Z');
      await s.catalog.setUnitCatalog(UNIT, [entry(P1, 0), entry(P2, 1)]);
      clock.set('2026-12-08T02:00:00Z');
    }, 120_000);
    afterAll(() => env?.close());

    it('counts November as computed by hand: transparency is not full', async () => {
      const nov = await report('2026-11');
      expect(pick(nov, 'catalogue_complete_rate')).toEqual([1, 3, 0.3333, 2, 6]);
      expect(pick(nov, 'appointment_published_rate')).toEqual([0, 0, null, 6, 6]);
      expect(pick(nov, 'feedback_on_time_rate')).toEqual([2, 4, 0.5, 3, 6]);
      const group = nov.groups.find((g: any) => g.key === 'transparency');
      expect([group.score, group.max]).toEqual([11, 18]);
      expect(nov.hasDossiers).toBe(false);
    });

    it('reads December as it stands now, and October before the catalogue was published', async () => {
      const dec = await report('2026-12');
      expect(pick(dec, 'catalogue_complete_rate')).toEqual([2, 2, 1, 6, 6]);
      expect(pick(dec, 'feedback_on_time_rate')).toEqual([0, 0, null, 6, 6]);
      const oct = await report('2026-10');
      expect(pick(oct, 'catalogue_complete_rate')).toEqual([0, 0, null, 6, 6]);
    });

    it('lists the procedures and the feedback behind each number', async () => {
      const num = await records('2026-11', 'catalogue_complete_rate', 'numerator');
      const den = await records('2026-11', 'catalogue_complete_rate', 'denominator');
      expect(num.items.map((i: any) => i.procedureCode)).toEqual([P1]);
      expect(den.items.map((i: any) => [i.procedureCode, i.gaps])).toEqual([
        [P1, []],
        [P2, ['papers']],
        [P3, ['fee']],
      ]);
      const fb = await records('2026-11', 'feedback_on_time_rate', 'denominator');
      const byId = (id: string) => fb.items.find((i: any) => i.at === id);
      expect(fb.total).toBe(4);
      expect(fb.items.map((i: any) => [i.timeliness, i.answeredAt !== null])).toEqual([
        ['on_time', true],
        ['late', true],
        ['late', false],
        ['on_time', false],
      ]);
      expect(byId('2026-11-27T02:00:00.000Z')).toMatchObject({ kind: 'followup', dossierCode: null, answeredAt: null, timeliness: 'on_time' });
      expect((await records('2026-11', 'feedback_on_time_rate', 'numerator')).total).toBe(2);
      // A dossier indicator's list is the dossiers' endpoint, and the other way round.
      const wrong = await env.app.inject({ method: 'GET', url: `/api/indicators/dossiers?unit=${UNIT}&period=2026-11&indicator=catalogue_complete_rate&part=numerator`, headers: { cookie: await desk.cookie('giamsat') } });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'not_dossier_indicator']);
      const back = await env.app.inject({ method: 'GET', url: `/api/indicators/records?unit=${UNIT}&period=2026-11&indicator=on_time_rate&part=numerator`, headers: { cookie: await desk.cookie('giamsat') } });
      expect([back.statusCode, back.json().error.code]).toEqual([400, 'dossier_indicator']);
    });

    it('shows the figures on the dashboard and opens the list behind them', async () => {
      const page = await env.app.inject({ method: 'GET', url: `/can-bo/chi-so?don-vi=${UNIT}&ky=2026-11`, headers: { cookie: await desk.cookie('giamsat') } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data-figure="catalogue_complete_rate:denominator">3</a> thủ tục');
      expect(page.body).toContain('data-figure="feedback_on_time_rate:numerator">2</a>');
      const drill = await env.app.inject({ method: 'GET', url: `/can-bo/chi-so/ho-so?don-vi=${UNIT}&ky=2026-11&chi-so=catalogue_complete_rate&phan=denominator`, headers: { cookie: await desk.cookie('giamsat') } });
      expect(drill.statusCode, drill.body).toBe(200);
      expect(drill.body).toContain('3 thủ tục');
      expect(drill.body).toContain('Thủ tục thử nghiệm chưa có thành phần hồ sơ');
      expect(drill.body).toContain('Thành phần hồ sơ');
    });

    it('keeps November when the catalogue and the answers change later, equal to a computation from scratch', async () => {
      const before = await report('2026-11');
      clock.set('2026-12-09T02:00:00Z');
      await env.services.catalog.setUnitCatalog(UNIT, []);
      await answer('F4').catch(() => undefined);
      expect(await report('2026-11')).toEqual(before);
      const s = env.services;
      const scratch = new IndicatorService(s.database.db, s.units, clock, { source: 'history' });
      for (const period of ['2026-11', '2026-12', '2026-Q4']) expect(await s.indicators.report(UNIT, period)).toEqual(await scratch.report(UNIT, period));
      expect(pick(await report('2026-12'), 'catalogue_complete_rate')).toEqual([0, 0, null, 6, 6]);
    });
  });
}
