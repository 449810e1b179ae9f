import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

/**
 * The JSON API of staff targets and of the monthly scoring (issue 11 caveat: the pages had no
 * API), with the pages' permissions, over real HTTP (bearer tokens) on both engines.
 */
for (const engine of engines()) {
  describe(`targets and monthly scoring as JSON [${engine}]`, () => {
    let env: TestEnv;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock: fixedClock('2026-12-03T02:00:00Z'), env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      await env.services.accounts.upsertStaff({ username: 'lanhdao2', fullName: 'Lê Thị Mai', unitCode: '00082', role: 'leader', fields: [], password: 'demo' });
      for (const u of ['lanhdao', 'lanhdao2', 'chuyenvien', 'giamsat']) {
        tokens[u] = (await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'demo' } })).json().token;
      }
    });
    afterAll(async () => {
      await env?.close();
    });
    const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      env.app.inject({ method, url, payload, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

    it('a leader gives, reads and removes targets; an official reads only theirs and cannot give one', async () => {
      const bad = await call('lanhdao', 'POST', '/api/performance/targets', { subject: 'staff:khongco', metric: 'overdue', value: 'abc', period: '2026-13' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.code).toBe('invalid_target');
      const given = await call('lanhdao', 'POST', '/api/performance/targets', { subject: 'staff:chuyenvien', metric: 'overdue', value: 0, period: '2026-12', note: 'Không để trễ' });
      expect(given.statusCode, given.body).toBe(201);
      expect(given.json()).toMatchObject({ subject: 'Trần Văn Minh', staff: 'chuyenvien', metric: 'overdue', op: '<=', value: 0, period: '2026-12', actual: 0, met: true, text: 'Đạt' });
      expect((await call('lanhdao', 'POST', '/api/performance/targets', { subject: 'unit', metric: 'online_rate', value: 80, period: '2026-12' })).statusCode).toBe(201);
      expect((await call('chuyenvien', 'POST', '/api/performance/targets', { subject: 'unit', metric: 'overdue', value: 0, period: '2026-12' })).json().error.code).toBe('leader_only');
      expect((await call(null, 'GET', '/api/performance/targets')).statusCode).toBe(401);
      const all = (await call('lanhdao', 'GET', '/api/performance/targets?period=2026-12')).json();
      expect(all.items.map((t: any) => t.metric).sort()).toEqual(['online_rate', 'overdue']);
      // The specialist sees their own target and the unit's.
      expect((await call('chuyenvien', 'GET', '/api/performance/targets?period=2026-12')).json().items).toHaveLength(2);
      const id = given.json().id;
      expect((await call('chuyenvien', 'DELETE', `/api/performance/targets/${id}`)).statusCode).toBe(403);
      expect((await call('lanhdao2', 'DELETE', `/api/performance/targets/${id}`)).statusCode).toBe(404);
      expect((await call('lanhdao', 'DELETE', `/api/performance/targets/${id}`)).statusCode).toBe(204);
      expect((await call('lanhdao', 'GET', '/api/performance/targets?period=2026-12')).json().items).toHaveLength(1);
    });

    it('the supervisor defines, adjusts with a reason, finalises and corrects; a ward self-assesses its own line', async () => {
      const criteria = [
        { name: 'Tỷ lệ hồ sơ đúng hạn', maxPoints: 20, kind: 'auto', indicatorKey: 'on_time_rate', threshold: 1 },
        { name: 'Công tác chỉ đạo, điều hành', maxPoints: 30, kind: 'manual' },
      ];
      expect((await call('lanhdao', 'POST', '/api/scoring/tables', { month: '2026-11', criteria })).statusCode).toBe(403);
      const made = await call('giamsat', 'POST', '/api/scoring/tables', { month: '2026-11', criteria });
      expect(made.statusCode, made.body).toBe(201);
      const t = made.json();
      expect(t.table).toMatchObject({ month: '2026-11', version: 1, status: 'open' });
      expect(t.units.map((u: any) => u.unit).sort()).toEqual(['00004', '00082']);
      const manual = t.criteria.find((c: any) => c.kind === 'manual').id;
      expect((await call('giamsat', 'POST', '/api/scoring/tables', { month: '2026-11', criteria })).statusCode).toBe(409);

      // Ba Đình's leader self-assesses and sees its own line only; it cannot adjust.
      const self = await call('lanhdao', 'POST', `/api/scoring/tables/${t.table.id}/self-assessment`, { criterion: manual, points: 28, note: 'Đã ban hành kế hoạch' });
      expect(self.statusCode, self.body).toBe(200);
      expect(self.json().units).toHaveLength(1);
      expect(self.json().units[0].cells.find((c: any) => c.criterion === manual)).toMatchObject({ self: 28, points: 28, note: 'Đã ban hành kế hoạch' });
      expect((await call('lanhdao', 'POST', `/api/scoring/tables/${t.table.id}/self-assessment`, { criterion: manual, points: 31 })).statusCode).toBe(422);
      expect((await call('lanhdao', 'POST', `/api/scoring/tables/${t.table.id}/adjustments`, { unit: '00004', criterion: manual, points: 10, reason: 'Tự sửa điểm' })).statusCode).toBe(403);

      // The supervisor adjusts, always with a reason, and finalises; the month is then locked.
      const noReason = await call('giamsat', 'POST', `/api/scoring/tables/${t.table.id}/adjustments`, { unit: '00004', criterion: manual, points: 20, reason: '' });
      expect(noReason.statusCode).toBe(422);
      const adj = await call('giamsat', 'POST', `/api/scoring/tables/${t.table.id}/adjustments`, { unit: '00004', criterion: manual, points: 20, reason: 'Chưa có kế hoạch năm' });
      expect(adj.json().units.find((u: any) => u.unit === '00004').cells.find((c: any) => c.criterion === manual)).toMatchObject({ self: 28, adjusted: 20, points: 20, reason: 'Chưa có kế hoạch năm' });
      const fin = await call('giamsat', 'POST', `/api/scoring/tables/${t.table.id}/finalise`);
      expect(fin.json().table.status).toBe('finalised');
      const locked = await call('lanhdao', 'POST', `/api/scoring/tables/${t.table.id}/self-assessment`, { criterion: manual, points: 30 });
      expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'table_locked']);

      // A correction is a new version with its reason; the finalised one stays as it was.
      const corr = await call('giamsat', 'POST', `/api/scoring/tables/${t.table.id}/corrections`, { reason: 'Cửa Nam bổ sung minh chứng' });
      expect(corr.statusCode, corr.body).toBe(200);
      expect(corr.json().table).toMatchObject({ version: 2, status: 'open', reason: 'Cửa Nam bổ sung minh chứng' });
      expect(corr.json().versions.map((v: any) => [v.version, v.status])).toEqual([[1, 'superseded']]);
      const list = (await call('giamsat', 'GET', '/api/scoring/tables')).json().items;
      expect(list.map((x: any) => [x.month, x.version, x.status])).toEqual([
        ['2026-11', 2, 'open'],
        ['2026-11', 1, 'superseded'],
      ]);
      const rk = (await call('lanhdao2', 'GET', '/api/scoring/ranking?month=2026-11')).json();
      expect(rk.table.version).toBe(2);
      expect(rk.rows.map((r: any) => r.unit).sort()).toEqual(['00004', '00082']);
      expect((await call('chuyenvien', 'GET', '/api/scoring/tables')).statusCode).toBe(403);
    });
  });
}
