/**
 * FILE_STORE=s3://…: a citizen's dossier with its paper goes into the bucket (not DATA_DIR/files),
 * and the official downloads the paper through HTTP, byte for byte; a paper gone from the bucket
 * is a clear 404, not a crash. Against @20minutes/s3rver on loopback, on both database engines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { APPLICANT, fillForm, multipart, PDF } from '../dossier/dossier.testing';
import { eachEngine } from '../shared/suite.testing';
import { startFakeS3 } from './file.s3.testing';
import { sha256Hex } from './index';

const s3 = await startFakeS3();
afterAll(() => s3.close());

const { email: _email, ...applicant } = APPLICANT;

eachEngine('attachments in an S3-compatible bucket', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off', ...s3.env('xa-ba-dinh') } }, (t) => {
  async function staffCookie(username: string) {
    const r = await t.env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
    expect(r.statusCode).toBe(200);
    return `motcua_sid=${r.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
  }

  it('a dossier submitted with its paper is downloaded by the official, byte for byte, from the bucket', async () => {
    const { app } = t.env;
    expect(t.env.config.files).toMatchObject({ kind: 's3', bucket: s3.bucket, prefix: 'xa-ba-dinh/', forcePathStyle: true });
    const form = (await app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).json();
    const components: string[] = form.cases[0].components.filter((c: { required: boolean }) => c.required).map((c: { id: string }) => c.id);
    const mp = multipart([
      { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant, formData: fillForm(form.formData, { date: '2026-11-20' }) }) },
      ...components.map((c) => ({ name: c, value: PDF, filename: `${c}.pdf`, type: 'application/pdf' })),
    ]);
    const submitted = await app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const code = submitted.json().code as string;

    // In the bucket under the configured prefix, nothing on the local disk.
    const sha = sha256Hex(PDF);
    expect(fs.existsSync(s3.objectPath(`xa-ba-dinh/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`))).toBe(true);
    expect(fs.existsSync(path.join(t.env.dataDir, 'files'))).toBe(false);

    const cookie = await staffCookie('tiepnhan');
    const view = await app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie } });
    expect(view.statusCode, view.body).toBe(200);
    const attachments = view.json().attachments as Array<{ id: string; mime: string; size: number }>;
    expect(attachments.length).toBe(components.length);
    const file = await app.inject({ method: 'GET', url: `/can-bo/ho-so/${code}/tep/${attachments[0]!.id}`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // The object removed behind motcua's back: a clear answer in Vietnamese, not a stack trace.
    fs.rmSync(s3.objectPath(`xa-ba-dinh/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`));
    const gone = await app.inject({ method: 'GET', url: `/can-bo/ho-so/${code}/tep/${attachments[0]!.id}`, headers: { cookie, accept: 'application/json' } });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({ code: 'file_not_found', message: expect.stringContaining('Không tìm thấy tệp đính kèm') });
  });
});
