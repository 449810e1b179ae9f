/**
 * An official downloads a citizen's paper: it is sent as it is read from the store — the local
 * disk or an S3-compatible bucket (@20minutes/s3rver on loopback, behind a relay that can hold the
 * bucket's answer midway) — with its type, length and name, on both database engines. Real HTTP
 * on a port (the answer is read as it arrives).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { APPLICANT, fillForm, multipart } from './dossier.testing';
import { startFakeS3, startHoldingProxy } from '../file/file.s3.testing';
import { eachEngine } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { waitFor } from '../ops/cluster.testing';

const s3 = await startFakeS3();
const relay = await startHoldingProxy(s3.endpoint);
afterAll(async () => {
  await relay.close();
  await s3.close();
});

const { email: _email, ...applicant } = APPLICANT;
/** A 4 MB scan: a real PDF header, pages of bytes, its end (stored byte for byte). */
const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n'), Buffer.alloc(4 * 1024 * 1024, 'q 1 0 0 1 0 0 cm Q\n'), Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n')]);
const NAME = 'Tờ khai đăng ký khai sinh – bản quét.pdf';

/** The answer as it arrives: its status and headers at once, its bytes as they come. */
function download(base: string, url: string, cookie: string) {
  const chunks: Buffer[] = [];
  let received = 0;
  let res: http.IncomingMessage | undefined;
  const done = new Promise<Buffer>((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers: { cookie } }, (r) => {
        res = r;
        r.on('data', (b: Buffer) => {
          chunks.push(b);
          received += b.length;
        });
        r.on('end', () => resolve(Buffer.concat(chunks)));
        r.on('error', reject);
      })
      .on('error', reject);
  });
  return { done, received: () => received, response: () => res };
}

async function submitWithScan(env: TestEnv): Promise<{ code: string; cookie: string; fileId: string }> {
  const { app } = env;
  const form = (await app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).json();
  const components: string[] = form.cases[0].components.filter((c: { required: boolean }) => c.required).map((c: { id: string }) => c.id);
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant, formData: fillForm(form.formData, { date: '2026-11-20' }) }) },
    ...components.map((c) => ({ name: c, value: SCAN, filename: NAME, type: 'application/pdf' })),
  ]);
  const submitted = await app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const code = submitted.json().code as string;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
  const cookie = `motcua_sid=${login.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
  const view = await app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie } });
  expect(view.statusCode, view.body).toBe(200);
  const file = (view.json().attachments as Array<{ id: string; name: string; size: number }>)[0]!;
  expect(file).toMatchObject({ name: NAME, size: SCAN.length });
  return { code, cookie, fileId: file.id };
}

async function listening(env: TestEnv): Promise<string> {
  const a = env.app.server.address() as AddressInfo | null;
  if (a) return `http://127.0.0.1:${a.port}`;
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
}

for (const store of ['disk', 's3'] as const) {
  const env: Record<string, string> = { REQUIRE_PHONE_VERIFICATION: 'off', ...(store === 's3' ? { ...s3.env(`tai-ve-${Math.random().toString(36).slice(2, 8)}`), S3_ENDPOINT: relay.endpoint } : {}) };
  eachEngine(`a paper downloaded from the ${store} store`, { at: '2026-11-30T02:00:00Z', env }, (t) => {
    it('comes whole, with its type, exact length, Vietnamese name and no caching', async () => {
      const { code, cookie, fileId } = await submitWithScan(t.env);
      const d = download(await listening(t.env), `/can-bo/ho-so/${code}/tep/${fileId}`, cookie);
      const body = await d.done;
      const res = d.response()!;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(SCAN.length));
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(res.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent(NAME)}`);
      expect(decodeURIComponent(res.headers['content-disposition']!.split("''")[1]!)).toBe(NAME);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(body.equals(SCAN)).toBe(true);
      // Another unit's official gets nothing of it: the dossier is not theirs.
      const other = await t.env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan2', password: 'demo' } });
      expect(other.statusCode).toBe(200);
      const foreign = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${code}/tep/${fileId}`, headers: { cookie: `motcua_sid=${other.cookies.find((c) => c.name === 'motcua_sid')!.value}`, accept: 'application/json' } });
      expect([403, 404]).toContain(foreign.statusCode);
      expect(foreign.body).not.toContain('%PDF');
    });

    if (store === 's3') {
      it('reaches the official while the rest of the object is still on its way from the bucket', async () => {
        const { code, cookie, fileId } = await submitWithScan(t.env);
        const base = await listening(t.env);
        // The bucket's answer stops after 1 MB until released.
        relay.hold(1024 * 1024);
        try {
          const d = download(base, `/can-bo/ho-so/${code}/tep/${fileId}`, cookie);
          await waitFor('the first 512 KB at the official while the bucket holds the rest', () => d.received() >= 512 * 1024 && relay.held() > 0, 10_000);
          expect(d.received()).toBeLessThan(SCAN.length);
          relay.release();
          expect((await d.done).equals(SCAN)).toBe(true);
        } finally {
          relay.release();
        }
      });
    }
  });
}
