/** Test support: the demo newborn group submitted as a parent submits it, received whole by the ward. Tests only. */
import { expect } from 'vitest';
import { type Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import type { TestEnv } from '../shared/testing';

export interface SubmittedGroup {
  groupCode: string;
  trackingUrl: string;
  /** The group's signed link's token (`t`). */
  token: string;
  members: Array<{ code: string; procedureCode: string }>;
}

/**
 * The newborn group LT-KS (demo groups seeded) sent to `POST /api/dossiers` with the birth
 * certificate attached, born on 20/11/2026; `headers` sign the parent in. With `desk`, the ward's
 * receptionist then receives the whole group; `formData` replaces some of the filled answers.
 */
export async function submitNewborn(env: TestEnv, applicant: { fullName: string; phone: string; address: string }, opts: { headers?: Record<string, string>; desk?: Desk; formData?: Record<string, unknown> } = {}): Promise<SubmittedGroup> {
  const form = (await env.app.inject({ method: 'GET', url: '/api/procedures/LT-KS?unit=00004' })).json().formData;
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: 'LT-KS', applicant, formData: { ...fillForm(form, { date: '2026-11-20' }), ...opts.formData } }) },
    { name: 'giay-chung-sinh', value: PDF, filename: 'giay-chung-sinh.pdf', type: 'application/pdf' },
  ]);
  const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: { ...mp.headers, ...opts.headers } });
  expect(r.statusCode, r.body).toBe(201);
  const group = r.json();
  if (opts.desk) {
    const accepted = await env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/accept`, headers: { cookie: await opts.desk.cookie('tiepnhan') }, payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(200);
  }
  return { ...group, token: new URL(group.trackingUrl).searchParams.get('t')! };
}
