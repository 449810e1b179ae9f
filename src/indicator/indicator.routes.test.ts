import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';

eachEngine('indicator API: answers and errors', { at: '2026-12-03T02:00:00Z' }, (t) => {
  const get = (url: string, headers: Record<string, string> = {}) => t.env.app.inject({ method: 'GET', url, headers });

  it('gives a unit its six groups, 100 points at most, and its rank among its parent\'s units', async () => {
    const r = await get('/api/indicators?unit=00004&period=2026-11');
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ unit: '00004', period: '2026-11', from: '2026-10-31T17:00:00.000Z', to: '2026-11-30T17:00:00.000Z', asOf: '2026-11-30T17:00:00.000Z', max: 100 });
    expect(b.groups.map((g: any) => [g.key, g.max])).toEqual([
      ['transparency', 18],
      ['progress', 20],
      ['online', 12],
      ['payment', 10],
      ['digitisation', 22],
      ['satisfaction', 18],
    ]);
    const keys = b.groups.flatMap((g: any) => g.indicators.map((i: any) => i.key));
    expect(keys).toEqual(expect.arrayContaining(['on_time_rate', 'online_rate', 'online_payment_rate', 'digitisation_rate', 'satisfaction_rate']));
    // No dossier in this database: not ranked among the parent's units ("chưa có hồ sơ").
    expect(b.hasDossiers).toBe(false);
    expect(b.rank).toEqual({ parent: '01', position: null, of: 0 });
    // The current month is read live, up to now.
    const live = (await get('/api/indicators?unit=00004')).json();
    expect(live).toMatchObject({ period: '2026-12', asOf: '2026-12-03T02:00:00.000Z' });
  });

  it('answers 400 invalid_period in Vietnamese, 404 for an unknown unit, 400 for a malformed unit code', async () => {
    const bad = await get('/api/indicators?unit=00004&period=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_period' });
    expect(bad.json().error.message).toMatch(/Tháng 13 không có/);
    const range = await get('/api/indicators?unit=00004&from=2026-11-30&to=2026-11-01');
    expect(range.statusCode).toBe(400);
    expect(range.json().error.code).toBe('invalid_period');
    const unknown = await get('/api/indicators?unit=99999&period=2026-11');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unit_not_found');
    expect((await get('/api/indicators/ranking?parent=99&period=2026-11')).statusCode).toBe(404);
    expect((await get('/api/indicators?unit=abc')).statusCode).toBe(400);
  });

  it('ranks all children of a parent, best first', async () => {
    const r = await get('/api/indicators/ranking?parent=01&period=2026-Q4');
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ parent: '01', period: '2026-Q4' });
    const children = (await t.env.services.units.list()).filter((u) => u.parentCode === '01').map((u) => u.code);
    expect(b.items.map((i: any) => i.unit).sort()).toEqual(children.sort());
    expect(Object.keys(b.items[0].groups)).toEqual(['transparency', 'progress', 'online', 'payment', 'digitisation', 'satisfaction']);
  });
});
