import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';

/**
 * The in-flight count a graceful shutdown reports ("chờ N yêu cầu đang xử lý", src/ops/ops.shutdown.ts)
 * is counted out when an answer is handed over, not by an onResponse hook (src/ops/ops.lifecycle.ts):
 * whatever the answer — a cached one sent in the fast lane, a page, a 404, a refused form — the count comes back to 0, and a queue display's
 * event stream counts while it is open.
 */
eachEngine('the in-flight count of graceful shutdown', { at: '2026-11-30T01:00:00Z' }, (t) => {
  it('counts every kind of answer out once, and an open event stream until it closes', async () => {
    const { app } = t.env;
    const ask = (url: string, init: { method?: string; payload?: unknown; headers?: Record<string, string> } = {}) => app.inject({ method: (init.method ?? 'GET') as 'GET', url, payload: init.payload as string, headers: init.headers });
    expect(app.lifecycle.inFlight).toBe(0);
    const search = `/api/procedures?q=${encodeURIComponent('khai sinh')}`;
    const before = app.fastLane.answered;
    for (let i = 0; i < 3; i++) expect((await ask(search)).statusCode).toBe(200);
    // Twice in the lane (the first made the answer on the normal path).
    expect(app.fastLane.answered).toBeGreaterThanOrEqual(before + 2);
    expect((await ask('/p/00004/1.004746')).statusCode).toBe(200);
    expect((await ask('/khong-co-trang-nay')).statusCode).toBe(404);
    expect((await ask('/api/dossiers', { method: 'POST', payload: '{"procedureCode":', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    expect((await ask('/api/auth/login', { method: 'POST', payload: { username: 'chuyenvien1', password: 'sai' } })).statusCode).toBeGreaterThanOrEqual(400);
    await Promise.all(Array.from({ length: 20 }, () => ask(search)));
    expect(app.lifecycle.inFlight).toBe(0);

    // A display's event stream (a reply the route writes itself) is in flight while open.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const ctrl = new AbortController();
    const r = await fetch(`${base}/dv/00004/hang-cho/su-kien`, { signal: ctrl.signal });
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    await r.body!.getReader().read();
    expect(app.lifecycle.inFlight).toBe(1);
    ctrl.abort();
    for (let i = 0; i < 50 && app.lifecycle.inFlight > 0; i++) await new Promise((res) => setTimeout(res, 20));
    expect(app.lifecycle.inFlight).toBe(0);
  });
});
