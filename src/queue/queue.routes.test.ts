import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { speechAvailable } from './queue.speech';
import { csrfOf } from '../shared/suite.testing';

/** Reads a Server-Sent Events stream until `until` matches an event's data (or the time runs out). */
async function readEvents(url: string, until: (data: any) => boolean, ms = 5000): Promise<any[]> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), ms);
  const seen: any[] = [];
  try {
    const r = await fetch(url, { signal: ctrl.signal });
    const reader = r.body!.getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += Buffer.from(value).toString('utf8');
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const chunk = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = chunk.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const d = JSON.parse(data.slice(6));
        seen.push(d);
        if (until(d)) return seen;
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return seen;
}

for (const engine of engines()) {
  describe(`queue over HTTP: API, kiosk, live page, display, counter screen [${engine}]`, () => {
    let env: TestEnv;
    let base: string;
    // Monday 30/11/2026, 08:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T01:00:00Z');
    const login = async (username: string) => {
      const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      expect(r.statusCode).toBe(200);
      return { authorization: `Bearer ${r.json().token}` };
    };
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      await env.services.queue.seedDemo('00004');
      await env.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await env?.close();
    });

    it('services of the demo ward, a ticket taken and read by its unguessable id, bad input answered in Vietnamese', async () => {
      const s = await env.app.inject({ method: 'GET', url: '/api/queue/services?unit=00004' });
      expect(s.statusCode).toBe(200);
      const services = s.json();
      expect(services.map((x: any) => x.code)).toEqual(['ho-tich', 'dat-dai', 'cu-tru', 'khac']);
      expect(services.every((x: any) => x.counters.includes('1'))).toBe(true);
      expect(services[0]).toMatchObject({ name: 'Hộ tịch – chứng thực', counters: ['1', '2'] });

      const t = await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'cu-tru', phone: '0912000111' } });
      expect(t.statusCode, t.body).toBe(201);
      const ticket = t.json();
      expect(ticket).toMatchObject({ number: 'C-001', service: 'cu-tru', position: 0, estimatedWaitMinutes: 0 });
      expect(ticket.trackUrl).toBe(`http://motcua.test/hang-cho/${ticket.id}`);
      const again = await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'cu-tru', phone: '0912000111' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'ticket_exists' });
      expect(again.json().error.message).toContain('C-001');

      const g = await env.app.inject({ method: 'GET', url: `/api/queue/tickets/${ticket.id}` });
      expect(g.json()).toMatchObject({ number: 'C-001', status: 'waiting', position: 0, counter: null });
      // Next in line: "0 minutes" is said in words, and the page says to keep its link.
      const live = (await env.app.inject({ method: 'GET', url: `/hang-cho/${ticket.id}` })).body;
      expect(live).toContain('Sắp đến lượt: xin có mặt gần quầy.');
      expect(live).not.toContain('khoảng 0 phút');
      expect(live).toContain('Giữ trang này (hoặc lưu đường dẫn) để theo dõi số C-001');
      const slip = (await env.app.inject({ method: 'GET', url: `/dv/00004/lay-so/${ticket.id}` })).body;
      expect(slip).toContain('<h1 class="no" id="q-number">C-001</h1>');
      expect(slip).toContain('Bạn là người tiếp theo');
      expect((await env.app.inject({ method: 'GET', url: '/api/queue/tickets/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
      expect((await env.app.inject({ method: 'GET', url: '/api/queue/tickets/1' })).json().error.code).toBe('invalid_input');
      const bad = await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'nope' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.message).toMatch(/dịch vụ/);
      expect((await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '99999', service: 'ho-tich' } })).statusCode).toBe(404);
    });

    it('calling at a counter: staff of the unit only; the ticket, its live page and the display show the call', async () => {
      const t = (await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'dat-dai' } })).json();
      const url = '/api/queue/counters/3/next';
      expect((await env.app.inject({ method: 'POST', url, payload: { unit: '00004' } })).statusCode).toBe(401);
      const other = await env.app.inject({ method: 'POST', url, payload: { unit: '00004' }, headers: await login('tiepnhan2') });
      expect(other.statusCode).toBe(403);
      const mine = await login('tiepnhan');
      const called = await env.app.inject({ method: 'POST', url, payload: { unit: '00004' }, headers: mine });
      expect(called.statusCode, called.body).toBe(200);
      expect(called.json()).toMatchObject({ id: t.id, number: 'B-001', status: 'called', counter: '3' });

      const page = await env.app.inject({ method: 'GET', url: `/hang-cho/${t.id}` });
      expect(page.statusCode).toBe(200);
      expect(page.body, page.body.slice(page.body.indexOf('q-msg'), page.body.indexOf('q-msg') + 200)).toContain('Đến lượt bạn — quầy 3');
      const display = await env.app.inject({ method: 'GET', url: '/dv/00004/hang-cho/man-hinh' });
      expect(display.body).toContain('B-001');
      expect(display.body).toContain('data-chime="0"');

      for (const [action, status] of [
        ['recall', 'called'],
        ['serve', 'serving'],
        ['done', 'done'],
      ] as const) {
        const r = await env.app.inject({ method: 'POST', url: `/api/queue/counters/3/${action}`, payload: { unit: '00004' }, headers: mine });
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json().status).toBe(status);
      }
      expect((await env.app.inject({ method: 'POST', url, payload: { unit: '00004' }, headers: mine })).json().error.code).toBe('queue_empty');
      const t2 = (await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'dat-dai' } })).json();
      await env.app.inject({ method: 'POST', url, payload: { unit: '00004' }, headers: mine });
      const moved = await env.app.inject({ method: 'POST', url: '/api/queue/counters/3/transfer', payload: { unit: '00004', service: 'ho-tich' }, headers: mine });
      expect(moved.json()).toMatchObject({ id: t2.id, status: 'waiting', service: 'ho-tich', counter: null });
      expect((await env.app.inject({ method: 'GET', url: `/api/queue/tickets/${t2.id}` })).json()).toMatchObject({ status: 'waiting', service: 'ho-tich', counter: null });
      // Counter 2 (hộ tịch, cư trú) reaches it after the one cư trú ticket taken before it.
      const calledAt2 = [];
      for (let i = 0; i < 2; i++) calledAt2.push((await env.app.inject({ method: 'POST', url: '/api/queue/counters/2/next', payload: { unit: '00004' }, headers: mine })).json().id);
      expect(calledAt2).toContain(t2.id);
      expect((await env.app.inject({ method: 'POST', url: '/api/queue/counters/2/no-show', payload: { unit: '00004' }, headers: mine })).json().status).toBe('no_show');
    });

    it('live streams: the citizen’s page and the display get the call as it happens', async () => {
      const t = (await env.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { unit: '00004', service: 'khac' } })).json();
      const live = readEvents(`${base}/hang-cho/${t.id}/su-kien`, (d) => d.status === 'called');
      const board = readEvents(`${base}/dv/00004/hang-cho/su-kien`, (d) => d.lastCalls?.[0]?.number === t.number);
      await new Promise((r) => setTimeout(r, 300));
      clock.advance(60_000);
      await env.services.queue.callNext({ id: 'x', fullName: 'Cán bộ', unitCode: '00004' }, '3');
      const [l, b] = await Promise.all([live, board]);
      expect(l[0]).toMatchObject({ status: 'waiting' });
      expect(l.at(-1)).toMatchObject({ status: 'called', counter: '3', counterName: 'Quầy 3' });
      expect(b.at(-1).counters.find((c: any) => c.code === '3').number).toBe(t.number);
    });

    it('the kiosk: big buttons, a slip with a QR to the live page, a device limit', async () => {
      const k = await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so' });
      expect(k.statusCode).toBe(200);
      expect(k.body).toContain('Người cao tuổi');
      expect(k.body).toContain('Hộ tịch – chứng thực');
      const cookie = k.cookies.find((c) => c.name === 'motcua_thiet_bi')!;
      const take = (priority = '') =>
        env.app.inject({ method: 'POST', url: '/dv/00004/lay-so', cookies: { motcua_thiet_bi: cookie.value }, payload: `service=ho-tich&priority=${priority}&phone=`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const r = await take('elderly');
      expect(r.statusCode).toBe(303);
      const slip = await env.app.inject({ method: 'GET', url: r.headers.location as string });
      expect(slip.body).toMatch(/A-\d{3}/);
      expect(slip.body).toContain('Ưu tiên: Người cao tuổi');
      expect(slip.body).toContain('<svg');
      let last = r;
      for (let i = 0; i < 12; i++) last = await take();
      expect(last.statusCode).toBe(429);
      expect(last.body).toContain('Thiết bị này vừa lấy nhiều số');
    });

    it('"Lấy số thứ tự" on a procedure page: the service of its field first, the ticket then followed on the phone', async () => {
      const proc = await env.app.inject({ method: 'GET', url: '/p/00004/1.001193' });
      expect(proc.body).toContain('href="/dv/00004/lay-so?thu-tuc=1.001193"');
      const k = await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so?thu-tuc=1.001193' });
      expect(k.statusCode).toBe(200);
      // Birth registration is civil status: "Hộ tịch – chứng thực" is listed first and marked.
      expect(k.body).toMatch(/<button class="big pref" type="submit" name="service" value="ho-tich"/);
      expect(k.body.indexOf('value="ho-tich"')).toBeLessThan(k.body.indexOf('value="dat-dai"'));
      expect(k.body).toContain('Thủ tục: <a href="/p/00004/1.001193">');
      expect(k.body).toContain('name="kenh" value="web"');
      // The plain kiosk marks nothing.
      expect((await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so' })).body).not.toContain('big pref');
      const r = await env.app.inject({ method: 'POST', url: '/dv/00004/lay-so', payload: 'kenh=web&pref=ho-tich&service=ho-tich&priority=&phone=', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(r.statusCode).toBe(303);
      const id = /^\/hang-cho\/([A-Za-z0-9_-]{22})$/.exec(r.headers.location as string)![1]!;
      expect(await env.services.queue.ticket(id)).toMatchObject({ source: 'web', service: 'ho-tich' });
    });

    it('the counter screen in the staff menu: open, call, see priority, the spoken call as audio', async () => {
      const signIn = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
      const sid = signIn.cookies.find((c) => c.name === 'motcua_sid')!.value;
      const cookies = { motcua_sid: sid };
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho?quay=2', cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('href="/can-bo/hang-cho"');
      expect(page.body).toContain('Quầy 2 — đang mở');
      const csrf = csrfOf(page.body);
      const csrfCookie = page.cookies.find((c) => c.name === 'motcua_csrf');
      const all = { ...cookies, ...(csrfCookie ? { motcua_csrf: csrfCookie.value } : {}) };
      const go = await env.app.inject({ method: 'POST', url: '/can-bo/hang-cho/2/goi', cookies: all, payload: `_csrf=${csrf}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(go.statusCode).toBe(303);
      const after = await env.app.inject({ method: 'GET', url: go.headers.location as string, cookies });
      expect(after.body).toContain('Ưu tiên: Người cao tuổi');
      // CI installs espeak-ng (.ci/run) and requires the browser: there the spoken call must work.
      if (speechAvailable() || process.env.REQUIRE_BROWSER === '1') {
        const wav = await env.app.inject({ method: 'GET', url: '/dv/00004/hang-cho/loi-goi.wav?so=A-017&quay=2' });
        expect(wav.statusCode).toBe(200);
        expect(wav.headers['content-type']).toBe('audio/wav');
        expect(wav.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
      }
    });
  });
}
