/**
 * Multipart bodies at the edge (shared/uploads.ts), through the real routes: a broken body is a
 * 400 in Vietnamese (JSON or an error page), never a 500; limits are enforced while streaming and
 * the temporary files of a request are gone when it ends, whatever the outcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readStatement, STATEMENT_LIMITS } from '../payment/payment.statement';
import { multipart, PDF } from '../dossier/workflow.testing';
import { createTestEnv, engines, type TestEnv } from './testing';
import { bombStatement, xlsxOf } from './uploads.testing';
import { writeZip } from './zip';

const MB = 1024 * 1024;
const APPLICANT = { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình' };
/** A real PDF padded to `bytes` with a comment (readers skip it). */
const pdfOf = (bytes: number) => Buffer.concat([PDF, Buffer.from('%'), Buffer.alloc(Math.max(0, bytes - PDF.length - 2), 0x61), Buffer.from('\n')]);

for (const engine of engines()) {
  describe(`multipart uploads at the edge [${engine}]`, () => {
    let env: TestEnv;
    let token = '';
    let draft = '';
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
      token = login.json().token;
      const d = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: APPLICANT, formData: {} } });
      expect(d.statusCode, d.body).toBe(201);
      draft = d.json().id;
    });
    afterAll(async () => {
      await env?.close();
    });
    const tmpLeft = () => fs.readdirSync(path.join(env.dataDir, 'uploads-tmp'));
    // A request's temporary files are removed in its onResponse hook, which runs once the answer
    // is sent: a moment after the client has it (under load, after the test's next line).
    const noTmpLeft = () => vi.waitFor(() => expect(tmpLeft()).toEqual([]), { timeout: 5000, interval: 10 });
    const dossierCount = async () => (await env.services.database.db.selectFrom('dossiers').select('id').execute()).length;

    const BOUNDARY = '----motcuabroken';
    const bodies: Array<[string, string, Buffer]> = [
      ['no boundary', 'multipart/form-data', Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n')],
      ['a body cut short', `multipart/form-data; boundary=${BOUNDARY}`, Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{"procedureCode":"1.001193"}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="chung.0"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half of a fi`)],
    ];
    const jsonRoutes = () => [
      { url: '/api/dossiers', headers: {} as Record<string, string> },
      { url: `/api/dossiers/${draft}/attachments?phone=0912345678`, headers: {} },
      { url: `/api/dossiers/${draft}/actions?phone=0912345678`, headers: {} },
      { url: '/api/payments/reconciliation', headers: { authorization: `Bearer ${token}` } },
    ];

    for (const [what, type, body] of bodies) {
      it(`answers ${what} with 400 and a Vietnamese message, on every upload route`, async () => {
        for (const r of jsonRoutes()) {
          const res = await env.app.inject({ method: 'POST', url: r.url, payload: body, headers: { ...r.headers, 'content-type': type } });
          expect(res.statusCode, `${r.url}: ${res.body}`).toBe(400);
          expect(res.json().error).toEqual({ code: 'malformed_multipart', message: expect.stringMatching(/không đúng định dạng multipart/) });
        }
        // The web form (no JavaScript): an error page, in Vietnamese.
        const page = await env.app.inject({ method: 'POST', url: '/p/00004/1.001193/nop-truc-tuyen', payload: body, headers: { 'content-type': type, accept: 'text/html' } });
        expect(page.statusCode).toBe(400);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.body).toMatch(/không đúng định dạng multipart/);
        expect(page.body).not.toMatch(/at \w+ \(|Error:/);
        await noTmpLeft();
      });
    }

    it('refuses a request whose files pass 50 MB as soon as they do, and keeps nothing', async () => {
      const before = await dossierCount();
      const ten = pdfOf(10 * MB);
      const mp = multipart([
        { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant: APPLICANT, formData: {} }) },
        ...Array.from({ length: 6 }, (_, i) => ({ name: 'chung.0', value: ten, filename: `to-${i}.pdf`, type: 'application/pdf' })),
      ]);
      const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.code).toBe('upload_too_large');
      expect(r.json().error.message).toMatch(/vượt quá 50 MB/);
      expect(await dossierCount()).toBe(before);
      await noTmpLeft();
    });

    it('refuses a file over 10 MB with a message naming it', async () => {
      const mp = multipart([
        { name: 'dossier', value: JSON.stringify({ procedureCode: '1.001193', channel: 'online', applicant: APPLICANT, formData: {} }) },
        { name: 'chung.0', value: pdfOf(10 * MB + 1), filename: 'to-khai.pdf', type: 'application/pdf' },
      ]);
      const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
      expect(r.statusCode).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/to-khai\.pdf.*10 MB/) });
      await noTmpLeft();
    });

    it('stores a large scan streamed through a temporary file byte for byte, and removes the temporary file', async () => {
      const big = pdfOf(3 * MB + 123);
      const mp = multipart([{ name: 'component', value: 'khac' }, { name: 'file', value: big, filename: 'ban-scan.pdf', type: 'application/pdf' }]);
      const r = await env.app.inject({ method: 'POST', url: `/api/dossiers/${draft}/attachments?phone=0912345678`, payload: mp.body, headers: mp.headers });
      expect(r.statusCode, r.body).toBe(201);
      const att = r.json().attachments[0];
      expect(att.size).toBe(big.length);
      const d = await env.services.dossiers.getForActor(draft, { kind: 'anonymous' }, { phone: '0912345678' });
      const { data } = await env.services.dossiers.fileContent(d, att.id);
      expect(data.equals(big)).toBe(true);
      await noTmpLeft();
    });

    it('removes temporary upload files a crash left behind at start-up', async () => {
      const { sweepUploads } = await import('./uploads');
      const dir = path.join(env.dataDir, 'uploads-tmp');
      fs.mkdirSync(path.join(dir, 'left-by-crash'));
      fs.writeFileSync(path.join(dir, 'left-by-crash', '0'), 'x');
      expect(await sweepUploads(dir, 60_000, Date.now() + 120_000)).toBe(1);
      expect(tmpLeft()).toEqual([]);
    });
  });
}

describe('bank statements: size checked before loading', () => {
  const header = ['Ngày giao dịch', 'Số tiền ghi có', 'Nội dung'];

  it('reads a normal .xlsx statement', async () => {
    const lines = await readStatement({ name: 'sao-ke.xlsx', data: xlsxOf([header, ['01/12/2026', 20000, 'HS 00004-261130-0001']]) });
    expect(lines).toEqual([expect.objectContaining({ amount: 20000, description: 'HS 00004-261130-0001' })]);
  });

  it('refuses a sheet with too many rows, too many columns, or contents that inflate too far', async () => {
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e) => e as { code: string; message: string });
    const rows = await err(readStatement({ name: 'a.xlsx', data: bombStatement(STATEMENT_LIMITS.maxRows + 1, 3) }));
    expect(rows).toMatchObject({ code: 'statement_too_large', message: expect.stringMatching(/10\.002 dòng/) });
    const wide = await err(readStatement({ name: 'b.xlsx', data: xlsxOf([[...header, ...Array.from({ length: 60 }, () => 'x')]]) }));
    expect(wide).toMatchObject({ code: 'statement_too_large', message: expect.stringMatching(/63 cột/) });
    // A bomb that lies about its size: 64 MB of zeros declared as 10 bytes.
    const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * MB) }]);
    bomb.writeUInt32LE(10, bomb.length - 22 - 46 - 'xl/worksheets/sheet1.xml'.length + 24);
    expect(await err(readStatement({ name: 'c.xlsx', data: bomb }))).toMatchObject({ code: 'statement_too_large', message: expect.stringMatching(/giải nén vượt quá 20 MB/) });
    const csv = await err(readStatement({ name: 'd.csv', data: Buffer.from(`${header.join(',')}\n${'1,2,3\n'.repeat(STATEMENT_LIMITS.maxRows + 5)}`) }));
    expect(csv).toMatchObject({ code: 'statement_too_large' });
  });
});
