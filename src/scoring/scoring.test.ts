import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk, multipart, PDF } from '../dossier/workflow.testing';
import { autoPoints, rankByTotal } from './scoring.service';
import { seedScoringDemo } from './scoring.demo';
import { csrfOf } from '../shared/suite.testing';

describe('scoring rules', () => {
  it('scores an automatic criterion in full at the threshold, in proportion below it', () => {
    expect(autoPoints(10, 1, 0.8)).toBe(10);
    expect(autoPoints(10, 0.8, 0.8)).toBe(10);
    expect(autoPoints(10, 0.6, 0.8)).toBe(7.5);
    expect(autoPoints(20, 0.5, 1)).toBe(10);
    expect(autoPoints(20, null, 1)).toBe(0);
  });
  it('ranks best first; equal totals share a position and the next skips', () => {
    const r = rankByTotal([{ u: 'a', total: 30 }, { u: 'b', total: 35 }, { u: 'c', total: 35 }, { u: 'd', total: 10 }]);
    expect(r.map((x) => [x.u, x.position])).toEqual([['b', 1], ['c', 1], ['a', 3], ['d', 4]]);
  });
});

for (const engine of engines()) {
  describe(`monthly scoring of the wards by the city's supervisor [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    const clock = fixedClock('2026-11-30T02:00:00Z');
    let nov = '';
    let crit: Record<string, string> = {};

    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
      await env.services.accounts.upsertStaff({ username: 'lanhdao2', fullName: 'Lê Thị Mai', unitCode: '00082', role: 'leader', fields: [], password: 'demo' });
      // One online dossier received in Ba Đình in November: its online rate is 100%; Cửa Nam has none.
      const d = await desk.submitOnline('1.004746');
      await desk.ok(d.code, 'tiepnhan', { type: 'accept' });
      clock.advance(60_000);
    });
    afterAll(async () => {
      await env?.close();
    });

    const tokenFor = async (who: string, url = who === 'tiepnhan' ? '/can-bo/chi-tieu' : '/can-bo/cham-diem') => {
      const r = await desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie(who) } });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      return csrfOf(r.body);
    };
    const post = async (who: string, url: string, form: Record<string, string>) =>
      desk.inject({ method: 'POST', url, headers: { cookie: await desk.cookie(who), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: await tokenFor(who), ...form }).toString() });
    const count = async (t: 'scoring_tables' | 'scoring_criteria' | 'scoring_entries' | 'scoring_evidence') =>
      Number((await env.services.database.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const view = async (id: string) => {
      const sup = (await env.services.accounts.findStaffByUsername('giamsat'))!;
      return env.services.scoring.view(sup, id);
    };
    const totals = async (id: string) => Object.fromEntries((await view(id)).units.map((u) => [u.unitCode, [u.total, u.position]]));

    const NOV = {
      month: '2026-11',
      'c0.name': 'Tỷ lệ hồ sơ trực tuyến',
      'c0.max': '10',
      'c0.kind': 'auto',
      'c0.indicator': 'online_rate',
      'c0.threshold': '80',
      'c1.name': 'Công tác chỉ đạo, điều hành cải cách hành chính',
      'c1.max': '30',
      'c1.kind': 'manual',
      'c2.name': 'Niêm yết công khai thủ tục hành chính',
      'c2.max': '20',
      'c2.kind': 'manual',
    };

    it('lets only the supervisor define a month, refuses bad tables in Vietnamese and writes nothing then', async () => {
      const bad = await post('giamsat', '/can-bo/cham-diem', { month: '2026-11', 'c0.name': 'Tỷ lệ đúng hạn', 'c0.max': '10', 'c0.kind': 'auto' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('chọn chỉ số để chấm tự động');
      const empty = await post('giamsat', '/can-bo/cham-diem', { month: '2026-13' });
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('Tháng có dạng 2026-11');
      expect(empty.body).toContain('Bảng điểm cần ít nhất một tiêu chí');
      const ward = await post('lanhdao', '/can-bo/cham-diem', NOV);
      expect(ward.statusCode).toBe(403);
      expect(await count('scoring_tables')).toBe(0);
      expect(await count('scoring_criteria')).toBe(0);

      // The supervisor (read-only everywhere else) may write here.
      const ok = await post('giamsat', '/can-bo/cham-diem', NOV);
      expect(ok.statusCode, ok.body.slice(0, 500)).toBe(303);
      nov = String(ok.headers.location).split('/').pop()!;
      const again = await post('giamsat', '/can-bo/cham-diem', NOV);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('đã có bảng điểm');
      crit = Object.fromEntries((await view(nov)).criteria.map((c) => [c.sort, c.id]));
      // Automatic: Ba Đình 100% ≥ 80% → 10 points; Cửa Nam has nothing to count → 0.
      expect(await totals(nov)).toEqual({ '00004': [10, 1], '00082': [0, 2] });
      // Elsewhere the supervisor still reads only.
      const faq = await post('giamsat', '/can-bo/chi-tieu', { subject: 'unit', metric: 'overdue', value: '0', period: '2026-11' });
      expect(faq.statusCode).toBe(403);
    });

    it('has each ward self-assess its manual criteria with evidence files checked by content', async () => {
      const url = `/can-bo/cham-diem/${nov}`;
      expect((await post('lanhdao', `${url}/tu-cham`, { criterion: crit[2]!, points: '25', note: 'Đã ban hành kế hoạch' })).statusCode).toBe(303);
      expect((await post('lanhdao2', `${url}/tu-cham`, { criterion: crit[2]!, points: '28' })).statusCode).toBe(303);
      expect((await post('lanhdao2', `${url}/tu-cham`, { criterion: crit[3]!, points: '15' })).statusCode).toBe(303);
      const tooMuch = await post('lanhdao', `${url}/tu-cham`, { criterion: crit[3]!, points: '21' });
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.body).toContain('Điểm không quá 20');
      const auto = await post('lanhdao', `${url}/tu-cham`, { criterion: crit[1]!, points: '5' });
      expect(auto.statusCode).toBe(409);
      expect(auto.body).toContain('chấm tự động');
      expect((await post('tiepnhan', `${url}/tu-cham`, { criterion: crit[2]!, points: '30' })).statusCode).toBe(403);
      // A ward sees its own line only.
      const own = await desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie('lanhdao') } });
      expect(own.body).toContain('Phường Ba Đình');
      expect(own.body).not.toContain('Phường Cửa Nam');

      // Evidence: a real PDF is kept; a text file called .pdf is refused.
      const upload = async (who: string, data: Buffer, name: string) => {
        const mp = multipart([
          { name: '_csrf', value: await tokenFor(who, url) },
          { name: 'criterion', value: crit[2]! },
          { name: 'file', value: data, filename: name, type: 'application/pdf' },
        ]);
        return desk.inject({ method: 'POST', url: `${url}/minh-chung`, headers: { ...mp.headers, cookie: await desk.cookie(who) }, payload: mp.body });
      };
      expect((await upload('lanhdao', PDF, 'ke-hoach.pdf')).statusCode).toBe(303);
      const fake = await upload('lanhdao', Buffer.from('không phải PDF'), 'gia.pdf');
      expect(fake.statusCode).toBe(422);
      expect(await count('scoring_evidence')).toBe(1);
      const ev = (await view(nov)).units.find((u) => u.unitCode === '00004')!.cells.find((c) => c.criterionId === crit[2])!.evidence[0]!;
      const file = await desk.inject({ method: 'GET', url: `/can-bo/cham-diem/minh-chung/${ev.id}`, headers: { cookie: await desk.cookie('giamsat') } });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      expect((await desk.inject({ method: 'GET', url: `/can-bo/cham-diem/minh-chung/${ev.id}`, headers: { cookie: await desk.cookie('lanhdao2') } })).statusCode).toBe(404);
      // 00004: 10 + 25 = 35; 00082: 0 + 28 + 15 = 43.
      expect(await totals(nov)).toEqual({ '00082': [43, 1], '00004': [35, 2] });
    });

    it('adjusts only with a reason, ties share a place, finalising locks the month', async () => {
      const url = `/can-bo/cham-diem/${nov}`;
      const noReason = await post('giamsat', `${url}/dieu-chinh`, { unit: '00082', criterion: crit[2]!, points: '20', reason: '' });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.body).toContain('Lý do cần ít nhất 5 ký tự');
      expect(await totals(nov)).toMatchObject({ '00082': [43, 1] });
      expect((await post('lanhdao', `${url}/dieu-chinh`, { unit: '00004', criterion: crit[2]!, points: '30', reason: 'Tự nâng điểm' })).statusCode).toBe(403);
      const adj = await post('giamsat', `${url}/dieu-chinh`, { unit: '00082', criterion: crit[2]!, points: '20', reason: 'Chưa có kế hoạch năm' });
      expect(adj.statusCode).toBe(303);
      // 00004: 10 + 25 + 0 = 35; 00082: 0 + 20 + 15 = 35 → both first.
      expect(await totals(nov)).toEqual({ '00004': [35, 1], '00082': [35, 1] });
      const page = await desk.inject({ method: 'GET', url, headers: { cookie: await desk.cookie('giamsat') } });
      expect(page.body).toContain('tự chấm 28; điều chỉnh: Chưa có kế hoạch năm');

      expect((await post('giamsat', `${url}/chot`, {})).statusCode).toBe(303);
      expect((await view(nov)).table.status).toBe('finalised');
      const late = await post('lanhdao', `${url}/tu-cham`, { criterion: crit[3]!, points: '20' });
      expect(late.statusCode).toBe(409);
      expect(late.body).toContain('đã chốt');
      expect((await post('giamsat', `${url}/dieu-chinh`, { unit: '00004', criterion: crit[3]!, points: '5', reason: 'Sửa sau khi chốt' })).statusCode).toBe(409);
      // The fixed points do not move when the indicators do: another online dossier in Ba Đình.
      await desk.submitOnline('1.004746');
      expect(await totals(nov)).toEqual({ '00004': [35, 1], '00082': [35, 1] });
    });

    it('corrects a finalised month as a new version with its reason, keeping the history', async () => {
      const url = `/can-bo/cham-diem/${nov}`;
      const noReason = await post('giamsat', `${url}/dinh-chinh`, { reason: 'x' });
      expect(noReason.statusCode).toBe(422);
      expect(await count('scoring_tables')).toBe(1);
      const c = await post('giamsat', `${url}/dinh-chinh`, { reason: 'Phường Cửa Nam bổ sung minh chứng niêm yết' });
      expect(c.statusCode).toBe(303);
      const v2 = String(c.headers.location).split('/').pop()!.split('?')[0]!;
      expect(v2).not.toBe(nov);
      const t2 = await view(v2);
      expect(t2.table).toMatchObject({ version: 2, status: 'open', reason: 'Phường Cửa Nam bổ sung minh chứng niêm yết' });
      expect(t2.versions.map((v) => [v.version, v.status])).toEqual([[1, 'superseded']]);
      // Scores and evidence came along; the first version is unchanged.
      const c2 = Object.fromEntries(t2.criteria.map((x) => [x.sort, x.id]));
      expect(t2.units.find((u) => u.unitCode === '00004')!.cells.find((x) => x.criterionId === c2[2])!.evidence).toHaveLength(1);
      expect((await post('giamsat', `/can-bo/cham-diem/${v2}/dieu-chinh`, { unit: '00004', criterion: c2[3]!, points: '5', reason: 'Niêm yết đủ thủ tục' })).statusCode).toBe(303);
      expect((await post('giamsat', `/can-bo/cham-diem/${v2}/chot`, {})).statusCode).toBe(303);
      expect(await totals(v2)).toEqual({ '00004': [40, 1], '00082': [35, 2] });
      expect(await totals(nov)).toEqual({ '00004': [35, 1], '00082': [35, 1] });
      const list = await desk.inject({ method: 'GET', url: '/can-bo/cham-diem', headers: { cookie: await desk.cookie('giamsat') } });
      expect(list.body).toContain('Đã thay bằng bản đính chính');
    });

    it('ranks the month and the year to date, on the page and in Excel', async () => {
      // October: one manual criterion, Cửa Nam 10, Ba Đình 4.
      const oct = await post('giamsat', '/can-bo/cham-diem', { month: '2026-10', 'c0.name': 'Kỷ luật, kỷ cương hành chính', 'c0.max': '10', 'c0.kind': 'manual' });
      const id = String(oct.headers.location).split('/').pop()!;
      const cid = (await view(id)).criteria[0]!.id;
      await post('giamsat', `/can-bo/cham-diem/${id}/dieu-chinh`, { unit: '00082', criterion: cid, points: '10', reason: 'Không có vi phạm' });
      await post('giamsat', `/can-bo/cham-diem/${id}/dieu-chinh`, { unit: '00004', criterion: cid, points: '4', reason: 'Có hồ sơ trễ hẹn' });
      await post('giamsat', `/can-bo/cham-diem/${id}/chot`, {});
      const page = await desk.inject({ method: 'GET', url: '/can-bo/cham-diem/xep-hang?thang=2026-11', headers: { cookie: await desk.cookie('giamsat') } });
      expect(page.statusCode).toBe(200);
      const rows = [...page.body.matchAll(/<tr><td>(\d+)\/2<\/td><td>([^<]+)<\/td><td>([\d,]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
      // November (version 2): Ba Đình 40, Cửa Nam 35. Year to date: Ba Đình 44, Cửa Nam 45.
      expect(rows).toEqual([
        ['1', 'Phường Ba Đình', '40'],
        ['2', 'Phường Cửa Nam', '35'],
        ['1', 'Phường Cửa Nam', '45'],
        ['2', 'Phường Ba Đình', '44'],
      ]);
      // A ward sees the same ranking of its parent.
      const ward = await desk.inject({ method: 'GET', url: '/can-bo/cham-diem/xep-hang?thang=2026-11', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(ward.body).toContain('Phường Cửa Nam');
      const x = await desk.inject({ method: 'GET', url: '/can-bo/cham-diem/xep-hang.xlsx?thang=2026-11', headers: { cookie: await desk.cookie('giamsat') } });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const month = wb.worksheets[0]!;
      expect(month.getRow(3).values).toEqual([undefined, 1, 'Phường Ba Đình', 10, 25, 5, 40]);
      const ytd = wb.worksheets[1]!;
      expect(ytd.getRow(3).values).toEqual([undefined, 1, 'Phường Cửa Nam', 45, 2]);
      expect((await desk.inject({ method: 'GET', url: '/can-bo/cham-diem/xep-hang?thang=2026-13', headers: { cookie: await desk.cookie('giamsat') } })).statusCode).toBe(400);
    });
  });
}

for (const engine of engines()) {
  describe(`the demo's scoring of the city's wards [${engine}]`, () => {
    let env: TestEnv;
    const now = new Date('2026-12-03T09:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock(now) });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('scores the last three months (finalised, one adjustment each with its reason) and opens the current one, once', async () => {
      expect(await seedScoringDemo(env.services, now)).toBe(4);
      expect(await seedScoringDemo(env.services, now)).toBe(0);
      const sup = (await env.services.accounts.findStaffByUsername('giamsat'))!;
      const tables = await env.services.scoring.list(sup);
      expect(tables.map((t) => [t.month, t.status, t.demo])).toEqual([
        ['2026-12', 'open', true],
        ['2026-11', 'finalised', true],
        ['2026-10', 'finalised', true],
        ['2026-09', 'finalised', true],
      ]);
      const nov = await env.services.scoring.monthRanking(sup, '2026-11');
      expect(nov.rows.map((r) => r.unitCode).sort()).toEqual(['00004', '00082']);
      expect(nov.rows.every((r) => r.total > 0)).toBe(true);
      expect(nov.view!.units.some((u) => u.cells.some((c) => c.reason.includes('Minh chứng chưa đầy đủ')))).toBe(true);
      const year = await env.services.scoring.yearRanking(sup, '2026-11');
      expect(year.months).toEqual(['2026-09', '2026-10', '2026-11']);
      expect(year.rows[0]!.total).toBeGreaterThan(nov.rows[0]!.total);
      const page = await new Desk(env).inject({ method: 'GET', url: '/can-bo/cham-diem/xep-hang?thang=2026-11', headers: { cookie: await new Desk(env).cookie('giamsat') } });
      expect(page.body).toContain('1/2');
      // Months read as people write them, never as their keys.
      expect(page.body).toContain('Xếp hạng đơn vị — tháng 11/2026');
      expect(page.body).toContain('các tháng đã chốt: 9/2026, 10/2026, 11/2026');
      const list = await new Desk(env).inject({ method: 'GET', url: '/can-bo/cham-diem', headers: { cookie: await new Desk(env).cookie('giamsat') } });
      expect(list.body).toContain('<td>11/2026</td>');
      expect(list.body).not.toMatch(/>2026-1[12]</);
    });
  });
}
