import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Desk, multipart } from '../dossier/workflow.testing';
import { createDoc, draw, toBuffer } from '../shared/pdf';
import { crop, decodeQr, openPdf, pageTexts, renderPage } from '../shared/pdf.testing';
import { csrfOf, eachEngine } from '../shared/suite.testing';
import { CertificateError, certificateOnly, loadCertificate, makeDemoCertificate } from './signing.cert';
import { SigningService } from './signing.service';
import { checkSignature } from './signing.verify';

// Đăng ký lại kết hôn: civil status, online, two required papers.
const PROC = '1.004746';
// Monday 30/11/2026, 09:00 in Hà Nội.
const AT = '2026-11-30T02:00:00Z';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-signing-'));
const P12 = path.join(dir, 'phuong-ba-dinh.p12');
fs.writeFileSync(P12, makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'mật-khẩu', now: new Date(AT) }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A result document as a commune renders it (a real PDF with Vietnamese text). */
async function resultPdf(title = 'GIẤY CHỨNG NHẬN KẾT HÔN'): Promise<Buffer> {
  const doc = createDoc({ title, margins: { top: 56, left: 85, right: 56 } }, { creationDate: new Date(AT) });
  draw(doc, title, 85, 80, { font: 'serifBold', size: 16 }, 420, 'center');
  draw(doc, 'Họ và tên chồng: Nguyễn Văn An — Họ và tên vợ: Trần Thị Bình', 85, 130, { font: 'serif', size: 13 }, 420);
  return toBuffer(doc);
}

/** pdfsig's report on a file (exit code ignored: it is non-zero for an invalid signature). */
function pdfsig(pdf: Buffer): string {
  const f = path.join(dir, `check-${Math.random().toString(16).slice(2)}.pdf`);
  fs.writeFileSync(f, pdf);
  try {
    return execFileSync('pdfsig', [f], { encoding: 'utf8' });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return `${x.stdout ?? ''}${x.stderr ?? ''}`;
  } finally {
    fs.rmSync(f, { force: true });
  }
}

/** A dossier brought to the signing step by the demo officials. */
async function atSignStep(desk: Desk): Promise<string> {
  const code = await desk.approvedOnline(PROC);
  return code;
}

async function markReady(desk: Desk, code: string, pdf: Buffer) {
  const login = await desk.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
  const mp = multipart([
    { name: 'type', value: 'mark_result_ready' },
    { name: 'file', value: pdf, filename: 'giay-chung-nhan.pdf', type: 'application/pdf' },
  ]);
  return desk.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: mp.body, headers: { ...mp.headers, authorization: `Bearer ${login.json().token}` } });
}

function verifyApi(desk: Desk, id: string, file: Buffer, type = 'application/pdf') {
  const mp = multipart([{ name: 'file', value: file, filename: 'tep.pdf', type }]);
  return desk.inject({ method: 'POST', url: `/api/xac-thuc/${id}`, payload: mp.body, headers: mp.headers });
}

eachEngine('signed electronic results', { at: AT, env: { REQUIRE_PHONE_VERIFICATION: 'off', SIGNING_P12: P12, SIGNING_P12_PASSWORD: 'mật-khẩu' } }, (t) => {
  let code = '';
  let signed: Buffer = Buffer.alloc(0);
  let id = '';

  it('the leader marking a PDF result ready signs it: pdfsig says valid and unmodified, the JSON has {fileUrl, verifyUrl, sha256}, the SMS says so', async () => {
    const desk = new Desk(t.env);
    code = await atSignStep(desk);
    const ready = await markReady(desk, code, await resultPdf());
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json().status).toBe('processed');

    // The citizen's JSON (signed link) and the file it points to.
    const token = t.env.services.dossiers.token(code);
    const mine = (await desk.inject({ method: 'GET', url: `/api/dossiers/${code}?t=${encodeURIComponent(token)}` })).json();
    expect(mine.result).toEqual({ fileUrl: expect.stringContaining(`/ho-so/${code}/ket-qua?t=`), verifyUrl: expect.stringMatching(/^http:\/\/motcua\.test\/xac-thuc\/[0-9a-f-]{36}$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    id = mine.result.verifyUrl.split('/').pop();
    const dl = await desk.inject({ method: 'GET', url: mine.result.fileUrl.replace('http://motcua.test', '') });
    expect(dl.statusCode).toBe(200);
    signed = dl.rawPayload;
    expect(sha(signed)).toBe(mine.result.sha256);
    // The official's JSON has it too.
    expect((await desk.get(code, 'tiepnhan')).result.verifyUrl).toBe(mine.result.verifyUrl);

    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Phường Ba Đình');
    expect(report).toMatch(/ETSI\.CAdES\.detached/);
    expect(checkSignature(signed).state).toBe('valid');

    // The QR code at the foot of the page opens the verification page; the text says who signed.
    const pdf = await openPdf(signed);
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain('ký số bởi');
    expect(text).toContain('Phường Ba Đình');
    const page = await renderPage(pdf, pdf.numPages, 4);
    // The stamp sits at the foot of the page, from the 3 cm left margin.
    const foot = crop(page, 0, page.height - 90 * 4, (85 + 60) * 4, 90 * 4);
    expect(decodeQr(foot)?.text).toBe(mine.result.verifyUrl);

    const sms = (await desk.outbox(code)).find((m) => m.channel === 'sms' && m.event === 'result_signed');
    expect(sms?.body).toMatch(/ky so|ký số/);
    expect((await desk.outbox(code)).some((m) => m.event === 'result_ready')).toBe(false);
  });

  it('the verification page shows what was issued, to whom by initials, by which unit, when and the SHA-256; the same file checks as authentic', async () => {
    const desk = new Desk(t.env);
    const page = await desk.inject({ method: 'GET', url: `/xac-thuc/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kết quả giải quyết thủ tục');
    expect(page.body).toContain('N. V. A.');
    expect(page.body).not.toContain('Nguyễn Văn An');
    expect(page.body).toContain('Phường Ba Đình');
    expect(page.body).toContain('30/11/2026');
    expect(page.body).toContain(sha(signed));
    expect(page.body).toContain('BẢN DEMO');

    const json = (await desk.inject({ method: 'GET', url: `/api/xac-thuc/${id}` })).json();
    expect(json).toMatchObject({ id, holderInitials: 'N. V. A.', unitName: 'Phường Ba Đình', sha256: sha(signed) });

    // The form of the page, as a phone without JavaScript sends it.
    const mp = multipart([
      { name: '_csrf', value: csrfOf(page.body) },
      { name: 'file', value: signed, filename: 'ket-qua.pdf', type: 'application/pdf' },
    ]);
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const checked = await desk.inject({ method: 'POST', url: `/xac-thuc/${id}`, payload: mp.body, headers: { ...mp.headers, cookie } });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.body).toContain('Đúng văn bản, chữ ký số hợp lệ');

    const api = await verifyApi(desk, id, signed);
    expect(api.json()).toMatchObject({ verdict: 'authentic', same: true, unitCertificate: true, signature: { state: 'valid' } });
  });

  it('a byte changed after signing: pdfsig and the page both say the document was modified', async () => {
    const desk = new Desk(t.env);
    const tampered = Buffer.from(signed);
    // One letter of a dictionary key inside the signed bytes: the file still opens everywhere.
    const pos = tampered.indexOf('/Producer');
    expect(pos).toBeGreaterThan(0);
    expect(pos).toBeLessThan(tampered.indexOf('/ByteRange'));
    tampered[pos + 1] = 0x51; // 'P' → 'Q'
    expect(pdfsig(tampered)).toMatch(/Digest Mismatch|Signature is Invalid|modified/i);
    expect(pdfsig(tampered)).not.toContain('Signature is Valid');
    const api = await verifyApi(desk, id, tampered);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ verdict: 'tampered', same: false, signature: { state: 'modified' } });
    expect(api.json().message).toContain('đã bị thay đổi sau khi ký');
  });

  it('a truncated file, bytes appended after signing, an unsigned PDF and a non-PDF each get their own answer', async () => {
    const desk = new Desk(t.env);
    const cut = await verifyApi(desk, id, signed.subarray(0, signed.length - 300));
    expect(cut.json()).toMatchObject({ verdict: 'truncated', signature: { state: 'incomplete' } });
    expect(cut.json().message).toContain('bị cắt cụt');

    const appended = await verifyApi(desk, id, Buffer.concat([signed, Buffer.from('\n1 0 obj\n(thêm)\nendobj\n')]));
    expect(appended.json()).toMatchObject({ verdict: 'tampered', signature: { state: 'modified' } });
    expect(appended.json().message).toContain('sau khi ký');

    const other = await verifyApi(desk, id, await resultPdf('GIẤY KHAI SINH'));
    expect(other.json()).toMatchObject({ verdict: 'unsigned', same: false });

    const notPdf = await verifyApi(desk, id, Buffer.from('\x89PNG\r\n\x1a\nkhông phải PDF'), 'application/pdf');
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.json().error).toMatchObject({ code: 'not_pdf', message: expect.stringContaining('không phải tệp PDF') });

    // The page answers in words too, with the form to try again.
    const page = await desk.inject({ method: 'GET', url: `/xac-thuc/${id}` });
    const mp = multipart([
      { name: '_csrf', value: csrfOf(page.body) },
      { name: 'file', value: Buffer.from('GIF89a...'), filename: 'anh.gif', type: 'image/gif' },
    ]);
    const bad = await desk.inject({ method: 'POST', url: `/xac-thuc/${id}`, payload: mp.body, headers: { ...mp.headers, cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('không phải tệp PDF');
    expect(bad.body).toContain('name="file"');

    const unknown = await desk.inject({ method: 'GET', url: '/xac-thuc/0199ffff-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Không tìm thấy văn bản');
  });

  it('the citizen finds the signed result on the tracking page and in "Hồ sơ của tôi"; store listings by account or phone', async () => {
    const desk = new Desk(t.env);
    const token = t.env.services.dossiers.token(code);
    const tracking = await desk.inject({ method: 'GET', url: `/ho-so/${code}?t=${encodeURIComponent(token)}` });
    expect(tracking.body).toContain(`/xac-thuc/${id}`);
    expect(tracking.body).toContain(sha(signed));
    expect(tracking.body).toContain('bưu chính');
    const listed = await t.env.services.signing.listFor({ phone: '0912345678' });
    expect(listed.map((d) => d.id)).toContain(id);
    expect(listed.find((d) => d.id === id)).toMatchObject({ dossierCode: code, holderInitials: 'N. V. A.' });
  });

  it('an expired certificate refuses to sign with a clear message to the leader, and nothing is recorded', async () => {
    const desk = new Desk(t.env);
    const c = await atSignStep(desk);
    const expired = makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'x', now: new Date(AT), startDays: -800, validDays: 365 });
    const wf = t.env.services.dossierWorkflow;
    const real = wf.signer;
    wf.signer = new SigningService(t.env.services.database.db, t.env.services.files, t.clock, { publicUrl: 'http://motcua.test', p12: expired, password: 'x' });
    try {
      const r = await markReady(desk, c, await resultPdf());
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('cert_expired');
      expect(r.json().error.message).toMatch(/Chứng thư số của đơn vị đã hết hạn từ ngày \d{2}\/\d{2}\/\d{4}: không thể ký kết quả/);
      const after = await desk.get(c, 'lanhdao');
      expect(after.status).toBe('in_progress');
      expect(after.result).toBeNull();
      expect((await desk.outbox(c)).some((m) => m.event.startsWith('result_'))).toBe(false);
    } finally {
      wf.signer = real;
    }
    // A result the office keeps on paper is still possible.
    const paper = await desk.ok(c, 'lanhdao', { type: 'mark_result_ready', note: 'Kết quả bản giấy, gửi qua bưu chính.' });
    expect(paper.status).toBe('processed');
  });

  it('a PDF with a catalogue but no page tree is refused with a clear message, not a server error', async () => {
    const desk = new Desk(t.env);
    const c = await atSignStep(desk);
    // Starts with %PDF- and parses, but has no /Pages: the leader sees why, the dossier waits.
    const noPages = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const r = await markReady(desk, c, noPages);
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.code).toBe('result_pdf_invalid');
    expect(r.json().error.message).toMatch(/Tệp kết quả không phải PDF đọc được nên không thể ký số/);
    expect((await desk.get(c, 'lanhdao')).status).toBe('in_progress');
  });

  it('helpers for other modules: sign any PDF buffer (issue) and read it back', async () => {
    const p = await t.env.services.signing.issue(await resultPdf('GIẤY KHAI SINH'), { unitCode: '00004', unitName: 'Phường Ba Đình', title: 'Giấy khai sinh', holderName: 'Lê Minh Châu', holderPhone: '0987654321', signerName: 'Lãnh đạo', fileName: 'giay-khai-sinh.pdf' });
    expect(pdfsig(p.pdf)).toContain('Signature is Valid');
    const back = await t.env.services.signing.content(p.document.id);
    expect(sha(back.data)).toBe(p.document.fileSha256);
    expect(back.document.holderInitials).toBe('L. M. C.');
    expect((await t.env.services.signing.listFor({ phone: '0987654321' })).map((d) => d.id)).toEqual([p.document.id]);
  });
});

describe('the signing certificate: bad files get clear Vietnamese messages', () => {
  const now = new Date(AT);
  const good = fs.readFileSync(P12);
  const codeOf = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      expect(e).toBeInstanceOf(CertificateError);
      return `${(e as CertificateError).code}: ${(e as Error).message}`;
    }
  };

  it('reads a good certificate and its demo mark', () => {
    const c = loadCertificate(good, 'mật-khẩu', now);
    expect(c.commonName).toContain('Phường Ba Đình');
    expect(c.demo).toBe(true);
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('wrong password, no private key, expired, not yet valid, not a PKCS#12 file', () => {
    expect(codeOf(() => loadCertificate(good, 'sai', now))).toMatch(/^cert_wrong_password: Mật khẩu của tệp chứng thư số/);
    expect(codeOf(() => loadCertificate(certificateOnly(good, 'mật-khẩu'), 'mật-khẩu', now))).toMatch(/^cert_no_key: .*không có khóa bí mật/);
    expect(codeOf(() => loadCertificate(good, 'mật-khẩu', new Date('2032-01-01T00:00:00Z')))).toMatch(/^cert_expired: Chứng thư số của đơn vị đã hết hạn từ ngày/);
    expect(codeOf(() => loadCertificate(good, 'mật-khẩu', new Date('2026-01-01T00:00:00Z')))).toMatch(/^cert_not_yet_valid: /);
    expect(codeOf(() => loadCertificate(Buffer.from('%PDF-1.4 not a certificate'), '', now))).toMatch(/^cert_unreadable: /);
  });
});
