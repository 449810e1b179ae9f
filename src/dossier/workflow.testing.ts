/**
 * Test support for processing: sign officials in, submit dossiers through the real API, act on
 * them. Used by the workflow, scoping and staff tests (never by production code).
 */
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { TestEnv } from '../shared/testing';

export { APPLICANT, fillForm, multipart, PDF } from './dossier.testing';
import { fillForm, multipart, APPLICANT, PDF } from './dossier.testing';

export class Desk {
  private cookies = new Map<string, { cookie: string; expiresAt: string }>();
  constructor(readonly env: TestEnv) {}

  inject(o: InjectOptions) {
    return this.env.app.inject(o);
  }

  /** The session cookie of an official (password "demo" for the demo accounts). */
  async cookie(username: string, password = 'demo'): Promise<string> {
    const hit = this.cookies.get(username);
    // Sessions last 12 hours of the (test) clock: sign in again after the clock moved on.
    if (hit && hit.expiresAt > new Date(this.env.services.clock.now().getTime() + 3_600_000).toISOString()) return hit.cookie;
    const r = await this.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(r.statusCode, r.body).toBe(200);
    const c = `motcua_sid=${r.cookies.find((x) => x.name === 'motcua_sid')!.value}`;
    this.cookies.set(username, { cookie: c, expiresAt: r.json().expiresAt });
    return c;
  }

  forget(username: string): void {
    this.cookies.delete(username);
  }

  /** An online dossier submitted by the citizen (multipart, papers attached). */
  async submitOnline(procedureCode: string, applicant = APPLICANT, unit = '00004'): Promise<any> {
    const form = (await this.inject({ method: 'GET', url: `/api/procedures/${procedureCode}/form?unit=${unit}` })).json();
    const comps = form.cases[0].components.filter((c: any) => c.required).map((c: any) => c.id);
    const mp = multipart([
      { name: 'dossier', value: JSON.stringify({ unit, procedureCode, channel: 'online', applicant, formData: fillForm(form.formData) }) },
      ...comps.map((c: string) => ({ name: c, value: PDF, filename: `${c}.pdf`, type: 'application/pdf' })),
    ]);
    const r = await this.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }

  /** A paper dossier received at the counter by `receptionist`. */
  async receiveAtCounter(procedureCode: string, receptionist = 'tiepnhan', applicant = APPLICANT): Promise<any> {
    const form = (await this.inject({ method: 'GET', url: `/api/procedures/${procedureCode}/form` })).json();
    const r = await this.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie: await this.cookie(receptionist) },
      payload: { procedureCode, channel: 'in_person', applicant, formData: fillForm(form.formData), submit: true },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }

  act(code: string, who: string | null, body: Record<string, unknown>, headers: Record<string, string> = {}, query = '') {
    return (async () =>
      this.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions${query}`,
        headers: { ...(who ? { cookie: await this.cookie(who) } : {}), ...headers },
        payload: body,
      }))();
  }

  /** A dossier submitted online and brought by the demo officials to "approved" (the signing step); its code. */
  async approvedOnline(procedureCode: string): Promise<string> {
    const code = (await this.submitOnline(procedureCode)).code as string;
    await this.toApproved(code);
    return code;
  }

  /**
   * Brings a received dossier (new, or accepted at the counter) through the demo officials to
   * "approved": accepted, forwarded, assigned to chuyenvien, proposed for approval, approved.
   * `comment` is the specialist's note on the proposal.
   */
  async toApproved(code: string, comment?: string): Promise<void> {
    if ((await this.get(code, 'tiepnhan')).status === 'new') await this.ok(code, 'tiepnhan', { type: 'accept' });
    await this.ok(code, 'tiepnhan', { type: 'forward' });
    await this.ok(code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
    await this.ok(code, 'chuyenvien', { type: 'propose_result', proposal: 'approve', ...(comment ? { comment } : {}) });
    await this.ok(code, 'lanhdao', { type: 'approve' });
  }

  /** Acts and expects success; returns the dossier JSON. */
  async ok(code: string, who: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<any> {
    const r = await this.act(code, who, body, headers);
    expect(r.statusCode, `${body.type} by ${who}: ${r.body}`).toBe(200);
    return r.json();
  }

  async get(code: string, who: string): Promise<any> {
    const r = await this.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie: await this.cookie(who) } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  /** Outbox rows about a dossier (newest first). */
  outbox(code: string) {
    return this.env.services.notifications.list({ dossierCode: code, limit: 500 });
  }
}
