/**
 * The document store's test helpers: two citizens, a procedure with two required papers, and a
 * citizen's online dossier with its papers. Used by tests only.
 */
import { expect } from 'vitest';
import { fillForm, multipart, PDF } from '../dossier/workflow.testing';
import type { TestEnv } from '../shared/testing';

// Đăng ký lại kết hôn: online, two required papers.
export const PROC = '1.004746';
export const A = { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình', email: 'an@example.vn' };
export const B = { fullName: 'Trần Thị Bình', phone: '0987654321', idNumber: '001190054321', address: 'Số 5 phố Kim Mã, Ba Đình', email: 'binh@example.vn' };
export const pdf = (tag: string) => Buffer.concat([PDF, Buffer.from(`% ${tag}\n`)]);

export async function citizen(env: TestEnv, who: typeof A) {
  const c = await env.services.accounts.findOrCreateCitizen(who.phone, { fullName: who.fullName });
  const s = await env.services.accounts.createSession('citizen', c.id);
  return { id: c.id, cookie: `motcua_sid=${s.token}`, bearer: { authorization: `Bearer ${s.token}` } };
}

export async function formOf(env: TestEnv) {
  const form = (await env.app.inject({ method: 'GET', url: `/api/procedures/${PROC}/form?unit=00004` })).json();
  const required = form.cases[0].components.filter((c: any) => c.required).map((c: any) => c.id as string);
  return { form, required, formData: fillForm(form.formData) };
}

type Paper = { value: Buffer; filename: string; type: string };

/** A citizen's online dossier with its required papers (each a distinct PDF, unless given). */
export async function submit(env: TestEnv, who: typeof A, bearer: Record<string, string>, tag: string, papers: Record<string, Paper> = {}) {
  const { required, formData } = await formOf(env);
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: PROC, channel: 'online', applicant: who, formData }) },
    ...required.map((c: string) => ({ name: c, ...(papers[c] ?? { value: pdf(`${tag}-${c}`), filename: `${tag}-${c}.pdf`, type: 'application/pdf' }) })),
  ]);
  const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: { ...mp.headers, ...bearer } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** The counter's reception form, posted as the browser does (multipart, no JavaScript). */
export function counter(env: TestEnv, cookie: string, formData: Record<string, unknown>) {
  const url = `/can-bo/tiep-nhan?thu_tuc=${PROC}`;
  const post = (csrf: string, who: typeof A, extra: Array<[string, string]>) => {
    const mp = multipart([
      { name: '_csrf', value: csrf },
      { name: 'case', value: '' },
      { name: 'channel', value: 'in_person' },
      { name: 'applicant.fullName', value: who.fullName },
      { name: 'applicant.phone', value: who.phone },
      ...Object.entries(formData).map(([k, v]) => ({ name: k, value: String(v) })),
      ...extra.map(([name, value]) => ({ name, value })),
    ]);
    return env.app.inject({ method: 'POST', url, payload: mp.body, headers: { ...mp.headers, cookie } });
  };
  return { url, post };
}
