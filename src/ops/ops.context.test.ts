import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { contextPause } from '../shared/request-context';
import { Desk, fillForm } from '../dossier/workflow.testing';
import { APPLICANT } from '../dossier/dossier.testing';

/**
 * The request context (the request id carried into audit rows and outbox messages,
 * src/shared/request-context.ts) is paused after a quiet spell of public answers, so that those
 * answers do not pay for carrying it — and a request that writes still gets its id, whether it
 * comes after a pause or while public answers are being sent beside it.
 */
eachEngine('the request context pauses in quiet spells and carries every writing request id', { at: '2026-12-01T02:00:00Z' }, (t) => {
  const idle = contextPause.idleMs;
  afterEach(() => {
    contextPause.idleMs = idle;
  });
  const search = `/api/procedures?q=${encodeURIComponent('khai sinh')}`;

  /** A staff submission with the caller's request id; its audit and outbox rows' request ids. */
  const submit = async (requestId: string, phone: string) => {
    const desk = new Desk(t.env);
    const form = (await t.env.app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).json();
    const r = await t.env.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie: await desk.cookie('tiepnhan'), 'x-request-id': requestId },
      payload: { procedureCode: '1.001193', channel: 'in_person', applicant: { ...APPLICANT, phone }, formData: fillForm(form.formData), submit: true },
    });
    expect(r.statusCode, r.body).toBe(201);
    const db = t.env.services.database.db;
    const audit = await db.selectFrom('audit_log').select('request_id').where('target_id', 'in', [r.json().code, r.json().id]).execute();
    const outbox = await db.selectFrom('outbox').select('request_id').where('dossier_code', '=', r.json().code).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(outbox.length).toBeGreaterThan(0);
    return [...audit, ...outbox].map((row) => row.request_id);
  };

  it('a public answer after a quiet spell pauses it; the next submission still carries its id into audit and outbox', async () => {
    // A request that enters the context (a reading one), then nothing else in progress.
    expect((await t.env.app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).statusCode).toBe(200);
    contextPause.idleMs = 0;
    const paused = contextPause.paused;
    expect((await t.env.app.inject({ method: 'GET', url: search })).statusCode).toBe(200);
    expect(contextPause.paused).toBe(paused + 1);
    const id = `after-pause-${t.engine}-01`;
    expect(new Set(await submit(id, '0912000331'))).toEqual(new Set([id]));
  });

  it('public answers sent while a submission is in progress neither pause it nor take its id', async () => {
    contextPause.idleMs = 0;
    const id = `beside-${t.engine}-0002`;
    let finished = false;
    const pending = submit(id, '0912000332').finally(() => (finished = true));
    // Searches one after another for as long as the submission runs: between its awaits.
    let beside = 0;
    while (!finished && beside < 2000) {
      expect((await t.env.app.inject({ method: 'GET', url: search })).statusCode).toBe(200);
      beside++;
      // A turn of the event loop, so the submission's I/O goes on between the searches.
      await new Promise((r) => setImmediate(r));
    }
    expect(beside).toBeGreaterThan(3);
    expect(new Set(await pending)).toEqual(new Set([id]));
  });

  it('a visitor’s tracking lookup (no cookie) enters no context; an official’s look at the same dossier still carries its id into the audit', async () => {
    const db = t.env.services.database.db;
    await submit(`lookup-${t.engine}-0003`, '0912000333');
    const d = await db.selectFrom('dossiers').select(['code']).where('applicant', 'like', '%0912000333%').where('code', 'is not', null).executeTakeFirstOrThrow();
    const lookup = () => t.env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=0912000333` });
    // A request that enters the context, then the visitor's lookups after a quiet spell.
    expect((await t.env.app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).statusCode).toBe(200);
    contextPause.idleMs = 0;
    const paused = contextPause.paused;
    const first = await lookup();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().code).toBe(d.code);
    expect(contextPause.paused).toBe(paused + 1);
    // Had the lookup entered the context, the next request would pause it again.
    expect((await lookup()).statusCode).toBe(200);
    expect((await t.env.app.inject({ method: 'GET', url: search })).statusCode).toBe(200);
    expect(contextPause.paused).toBe(paused + 1);
    const desk = new Desk(t.env);
    const id = `staff-look-${t.engine}-04`;
    const r = await t.env.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}`, headers: { cookie: await desk.cookie('tiepnhan'), 'x-request-id': id } });
    expect(r.statusCode, r.body).toBe(200);
    const looks = await db.selectFrom('audit_log').select('request_id').where('action', '=', 'dossier.view').where('target_id', '=', d.code!).execute();
    expect(looks.map((l) => l.request_id)).toEqual([id]);
  });

  it('never pauses while another request is in progress (an open event stream)', async () => {
    const { app } = t.env;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    contextPause.idleMs = 0;
    // A request that enters the context (the stream), then stays open.
    const ctrl = new AbortController();
    const stream = await fetch(`${base}/dv/00004/hang-cho/su-kien`, { signal: ctrl.signal });
    await stream.body!.getReader().read();
    const paused = contextPause.paused;
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}${search}`)).status).toBe(200);
    expect(contextPause.paused).toBe(paused);
    ctrl.abort();
    for (let i = 0; i < 50 && app.lifecycle.inFlight > 0; i++) await new Promise((res) => setTimeout(res, 20));
    expect((await fetch(`${base}${search}`)).status).toBe(200);
    expect(contextPause.paused).toBe(paused + 1);
  });
});
