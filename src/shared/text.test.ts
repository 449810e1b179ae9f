/**
 * Hostile text at the edge (shared/text.ts, the preValidation hook of shared/http.ts and the
 * multipart reader): NUL bytes, control and invisible characters, bidi overrides, lone
 * surrogates, decomposed Vietnamese. No route answers 500 on either engine (PostgreSQL refuses
 * NUL in text), names are stored clean, and a name without a letter is refused in Vietnamese.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../dossier/workflow.testing';
import { applicantSchema } from '../dossier/dossier.types';
import { cleanName, cleanText, personName } from './text';
import { createTestEnv, engines, type TestEnv } from './testing';

const NASTY: Array<[string, string]> = [
  ['NUL', 'Nguyễn\u0000Văn'],
  ['only NUL', '\u0000'],
  ['controls', 'An\u0007\u001b[31m\u007f\u0085'],
  ['zero-width', 'Nguyễn\u200bVăn\u200dAn\ufeff'],
  ['bidi override', 'hoso\u202efdp.exe'],
  ['CR LF', 'Nguyễn\r\nVăn\rAn'],
  ['lone surrogate', 'An\ud800'],
  ['decomposed', 'Nguye\u0302\u0303n Va\u0306n'],
];

describe('cleanText / cleanName', () => {
  it('drops NUL, controls and invisible characters, keeps lines, and gives NFC', () => {
    expect(cleanText('a\u0000b\u0007c')).toBe('abc');
    expect(cleanText('Nguyễn\u200bVăn\u202e')).toBe('NguyễnVăn');
    expect(cleanText('dòng 1\r\ndòng 2\rdòng 3\tx')).toBe('dòng 1\ndòng 2\ndòng 3\tx');
    expect(cleanText('An\ud800')).toBe('An\ufffd');
    expect(cleanText('\udc00x')).toBe('\ufffdx');
    expect(cleanText('😀')).toBe('😀');
    expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(cleanName('  Nguyễn\r\n Văn\t\tAn ')).toBe('Nguyễn Văn An');
  });
  it('an empty name gets one message, not "required" and "needs a letter" both', () => {
    const messages = (r: { error?: { issues: Array<{ message: string }> } }) => r.error?.issues.map((i) => i.message);
    expect(messages(personName().safeParse(''))).toEqual(['Cần họ tên']);
    expect(messages(applicantSchema.safeParse({ fullName: ' ', phone: '0912345678' }))).toEqual(['Họ và tên là bắt buộc']);
    expect(messages(applicantSchema.safeParse({ fullName: '123', phone: '0912345678' }))).toEqual([expect.stringContaining('chữ cái')]);
  });
});

for (const engine of engines()) {
  describe(`hostile text on every kind of route [${engine}]`, () => {
    let env: TestEnv;
    let bearer = '';
    let dossierCode = '';
    let csrf = '';
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
      bearer = `Bearer ${login.json().token}`;
      const d = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, formData: {} } });
      dossierCode = d.json().id;
      const page = await env.app.inject({ method: 'GET', url: '/tra-cuu' });
      csrf = page.cookies.find((c) => c.name === 'motcua_csrf')!.value;
    });
    afterAll(async () => {
      await env?.close();
    });

    const form = (o: Record<string, string>) => new URLSearchParams({ _csrf: csrf, ...o }).toString();
    const formHeaders = () => ({ 'content-type': 'application/x-www-form-urlencoded', cookie: `motcua_csrf=${csrf}` });
    // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a raw client would (ED A0 80).
    const q = (s: string) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
      }
    };
    const routes = (s: string): Array<[string, InjectOptions]> => [
      ['assistant (API)', { method: 'POST', url: '/api/assistant/ask', payload: { question: `giấy khai sinh ${s}`, unit: '00004' } }],
      ['tracking page', { method: 'POST', url: '/tra-cuu', payload: form({ code: `00004-261130-0001${s}`, phone: `0912${s}345678` }), headers: formHeaders() }],
      ['tracking API', { method: 'GET', url: `/api/dossiers/00004-261130-0001?phone=${q(s)}` }],
      ['staff sign-in (API)', { method: 'POST', url: '/api/auth/login', payload: { username: `tiepnhan${s}`, password: `demo${s}` } }],
      ['staff sign-in (page)', { method: 'POST', url: '/can-bo/dang-nhap', payload: form({ username: `tiep${s}nhan`, password: 'x' }), headers: formHeaders() }],
      ['new dossier (JSON)', { method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: { fullName: `Trần ${s} Bình`, phone: '0912345678', address: `Số 1 ${s}` }, formData: { ghiChu: s } } }],
      ['search page', { method: 'GET', url: `/dv/00004/tim-kiem?q=${q(s)}` }],
      ['search API', { method: 'GET', url: `/api/procedures?q=${q(s)}&unit=00004` }],
      ['worklist filters (API)', { method: 'GET', url: `/api/worklist?q=${q(s)}&tab=all`, headers: { authorization: bearer } }],
      ['audit filters (API)', { method: 'GET', url: `/api/audit?target=${q(s)}&action=${q(s)}`, headers: { authorization: bearer } }],
      ['comment on an action', { method: 'POST', url: `/api/dossiers/${dossierCode}/actions?phone=0912345678`, payload: { type: 'withdraw', reason: `Tôi rút ${s}` } }],
      ['path parameter', { method: 'GET', url: `/p/00004/${q(`1.001193${s}`)}` }],
    ];

    for (const [what, s] of NASTY) {
      it(`never answers 500 to ${what}`, async () => {
        for (const [name, req] of routes(s)) {
          const r = await env.app.inject(req);
          expect(r.statusCode, `${name}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
        }
        // A multipart field goes through the same cleaning.
        const mp = multipart([{ name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', applicant: { fullName: `Lê ${s} Cúc`, phone: '0912345678' }, formData: {} }) }]);
        const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
        expect(r.statusCode, r.body).toBeLessThan(500);
      });
    }

    it('stores names and comments clean: NFC, one line for names, nothing invisible', async () => {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: '1.001193', applicant: { fullName: 'Nguye\u0302\u0303n\u200b Va\u0306n\u202e\r\nAn\u0000', phone: '0912345678', address: 'Số 1\u0000 phố\r\nĐội Cấn' }, formData: {} },
      });
      expect(r.statusCode, r.body).toBe(201);
      const d = r.json();
      expect(d.applicant.fullName).toBe('Nguyễn Văn An');
      expect(d.applicant.address).toBe('Số 1 phố Đội Cấn');
      const row = await env.services.database.db.selectFrom('dossiers').select(['applicant_name']).where('id', '=', d.id).executeTakeFirstOrThrow();
      expect(row.applicant_name).toBe('Nguyễn Văn An');
    });

    it('refuses a name with no letter with a clear message in Vietnamese (422), on both kinds of request', async () => {
      for (const fullName of ['\u200b\u200b\u200b', '12345', '!!! ...', '\u0000\u0000', '\ud800\ud800']) {
        const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: { fullName, phone: '0912345678' }, formData: {} } });
        expect(r.statusCode, `${JSON.stringify(fullName)}: ${r.body}`).toBe(422);
        const field = r.json().error.fields.find((f: { field: string }) => f.field === 'applicant.fullName');
        expect(field.message).toMatch(/Họ (và )?tên/);
      }
      const mp = multipart([{ name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', applicant: { fullName: '123 456', phone: '0912345678' }, formData: {} }) }]);
      const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
      expect(r.statusCode).toBe(422);
      expect(JSON.stringify(r.json().error)).toMatch(/phải có chữ cái/);
    });
  });
}
