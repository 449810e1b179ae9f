import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Desk, multipart } from '../dossier/workflow.testing';
import { submitNewborn } from '../linked/linked.testing';
import { createDoc, draw, toBuffer } from '../shared/pdf';
import { eachEngine } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { makeDemoCertificate } from '../signing';

/**
 * The store lists what the unit signed for the citizen, as the signing module tells it
 * (signing.listFor): a linked group's part signed by the leader, and a paper signed outside any
 * dossier — each once, with its verification page, downloadable by its owner only.
 */
const AT = '2026-12-01T02:00:00.000Z';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-docstore-signed-'));
const P12 = path.join(dir, 'phuong-ba-dinh.p12');
fs.writeFileSync(P12, makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'x', now: new Date(AT) }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', address: 'Số 5 phố Liễu Giai, Ba Đình' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function certificatePdf(title: string): Promise<Buffer> {
  const doc = createDoc({ title, margins: { top: 56, left: 85, right: 56 } }, { creationDate: new Date(AT) });
  draw(doc, title, 85, 80, { font: 'serifBold', size: 16 }, 420, 'center');
  draw(doc, 'Họ, chữ đệm, tên: Lê Minh Châu — sinh ngày 20/11/2026', 85, 130, { font: 'serif', size: 13 }, 420);
  return toBuffer(doc);
}

async function citizen(env: TestEnv, who: { fullName: string; phone: string }) {
  const c = await env.services.accounts.findOrCreateCitizen(who.phone, { fullName: who.fullName });
  const s = await env.services.accounts.createSession('citizen', c.id);
  return { id: c.id, cookie: `motcua_sid=${s.token}`, bearer: { authorization: `Bearer ${s.token}` } };
}

eachEngine("the citizen's store lists the signed results issued to them", { at: AT, env: { REQUIRE_PHONE_VERIFICATION: 'off', SIGNING_P12: P12, SIGNING_P12_PASSWORD: 'x' } }, (t) => {
  it("holds a linked group's signed part once, and a paper signed outside any dossier, each with its verification page", async () => {
    const { env } = t;
    const desk = new Desk(env);
    await env.services.linked.seedDemo('demo');
    const mai = await citizen(env, PARENT);
    const other = await citizen(env, { fullName: 'Nguyễn Văn An', phone: '0912345678' });

    // The newborn group, submitted by the signed-in parent; the ward signs the birth registration's result.
    const group = await submitNewborn(env, PARENT, { headers: mai.bearer, desk });
    const birth = group.members[0]!.code;
    await desk.toApproved(birth);
    const login = (await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } })).json();
    const rf = multipart([
      { name: 'type', value: 'mark_result_ready' },
      { name: 'file', value: await certificatePdf('GIẤY KHAI SINH'), filename: 'giay-khai-sinh.pdf', type: 'application/pdf' },
    ]);
    const ready = await env.app.inject({ method: 'POST', url: `/api/dossiers/${birth}/actions`, payload: rf.body, headers: { ...rf.headers, authorization: `Bearer ${login.token}` } });
    expect(ready.statusCode, ready.body).toBe(200);
    const d = (await env.services.dossiers.findByCode(birth))!;
    const signedBirth = (await env.services.signing.forDossier(d.id))!;
    // A paper the ward signed for the same phone outside any dossier (another module's, e.g. a confirmation).
    const issued = await env.services.signing.issue(await certificatePdf('GIẤY XÁC NHẬN CƯ TRÚ'), {
      unitCode: '00004',
      unitName: 'Phường Ba Đình',
      title: 'Giấy xác nhận thông tin về cư trú',
      holderName: PARENT.fullName,
      holderPhone: PARENT.phone,
      signerName: 'Lãnh đạo',
      fileName: 'xac-nhan-cu-tru.pdf',
    });

    const list = await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: mai.bearer });
    expect(list.statusCode, list.body).toBe(200);
    const results = list.json().papers.filter((p: any) => p.source === 'result');
    // Each once: the birth registration's result is not listed again from its dossier's file.
    expect(results).toHaveLength(2);
    const procedure = await env.services.catalog.findProcedure(d.procedureCode);
    const part = results.find((p: any) => p.verifyUrl?.endsWith(`/xac-thuc/${signedBirth.id}`));
    expect(part, JSON.stringify(results)).toMatchObject({ title: procedure!.results[0]!.name, procedureCode: d.procedureCode, fileName: 'giay-khai-sinh.pdf', mime: 'application/pdf' });
    expect(part.detail).toContain(`Hồ sơ ${birth}`);
    const paper = results.find((p: any) => p.verifyUrl?.endsWith(`/xac-thuc/${issued.document.id}`));
    expect(paper).toMatchObject({ id: issued.document.id, title: 'Giấy xác nhận thông tin về cư trú', detail: 'Phường Ba Đình cấp, ký số', procedureCode: null });

    // The owner downloads the signed bytes — those the verification page vouches for.
    const file = await env.app.inject({ method: 'GET', url: part.fileUrl, headers: { cookie: mai.cookie } });
    expect(file.statusCode).toBe(200);
    expect(sha(file.rawPayload)).toBe(signedBirth.fileSha256);
    const second = await env.app.inject({ method: 'GET', url: paper.fileUrl, headers: { cookie: mai.cookie } });
    expect(sha(second.rawPayload)).toBe(issued.document.fileSha256);
    // The page says they are signed and links their verification.
    const page = await env.app.inject({ method: 'GET', url: '/ca-nhan/kho-giay-to', headers: { cookie: mai.cookie } });
    expect(page.body).toContain('Kết quả giải quyết (2)');
    expect(page.body).toContain(`href="http://motcua.test/xac-thuc/${signedBirth.id}"`);
    expect(page.body).toContain('Có chữ ký số của đơn vị');

    // Nobody else's store holds them.
    const theirs = (await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: other.bearer })).json().papers;
    expect(theirs.some((p: any) => p.id === part.id || p.id === paper.id)).toBe(false);
    expect((await env.app.inject({ method: 'GET', url: paper.fileUrl, headers: { cookie: other.cookie } })).statusCode).toBe(404);
  });
});
