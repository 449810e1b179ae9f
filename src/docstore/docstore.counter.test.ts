import sharp from 'sharp';
import { expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, postStaffForm } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { scanPng } from './archive.testing';
import { A, B, citizen, counter, formOf, submit } from './docstore.testing';

const sha = (env: TestEnv, fileId: string) => env.services.database.db.selectFrom('dossier_files').select('sha256').where('id', '=', fileId).executeTakeFirstOrThrow();

eachEngine('the counter attaches papers from the citizen\'s store', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  it('only with the applicant\'s consent, never another citizen\'s paper; the paper is the same stored file and shows on the dossier like an upload', async () => {
    const { env } = t;
    const desk = new Desk(env);
    const staff = await desk.cookie('tiepnhan');
    const a = await citizen(env, A);
    const b = await citizen(env, B);
    const { required, formData } = await formOf(env);
    const c0 = required[0]!;

    // A's paper is a photo (JPEG): attached again by re-encoding it would be a copy with other bytes.
    const photo = await sharp(scanPng(['GIẤY CHỨNG NHẬN KẾT HÔN', 'Họ và tên: Nguyễn Văn An'])).jpeg({ quality: 90 }).toBuffer();
    const da = await submit(env, A, a.bearer, 'a', { [c0]: { value: photo, filename: 'giay-ket-hon-an.jpg', type: 'image/jpeg' } });
    const db = await submit(env, B, b.bearer, 'b');
    const paperA = da.attachments.find((x: { component: string }) => x.component === c0).id as string;
    const paperB = db.attachments.find((x: { component: string }) => x.component === c0).id as string;
    for (const [code, file] of [
      [da.code, paperA],
      [db.code, paperB],
    ]) {
      const marked = await postStaffForm(env, staff, `/can-bo/ho-so/${code}/so-hoa`, `/can-bo/ho-so/${code}/so-hoa`, { file, checked: '1' });
      expect(marked.statusCode, marked.body.slice(0, 800)).toBe(303);
    }
    const storedA = (await sha(env, paperA)).sha256;

    const { url, post } = counter(env, staff, formData);
    const page = await env.app.inject({ method: 'GET', url: `${url}&truong-hop=khong`, headers: { cookie: staff } });
    const csrf = csrfOf(page.body);
    // Before any consent nothing of anyone's store is offered, and a paper asked for is refused.
    expect(page.body).not.toContain(paperA);
    const refused = await post(csrf, A, [[`kho:${c0}`, paperA], ['action', 'submit']]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Cần người dân đồng ý (mã xác nhận gửi tới số điện thoại của người nộp ghi trong hồ sơ)');
    expect(refused.body).not.toContain(`name="kho:${c0}" value="${paperA}"`);

    // The code goes to A's phone through the outbox; A reads it out.
    const asked = await post(csrf, A, [['action', 'kho-gui-ma']]);
    expect(asked.statusCode, asked.body.slice(0, 1500)).toBe(200);
    const draft = /name="draft" value="([^"]+)"/.exec(asked.body)![1]!;
    const draftToken = /name="draftToken" value="([^"]+)"/.exec(asked.body)![1]!;
    const sms = (await env.services.notifications.list({ recipient: A.phone })).find((m) => m.event === 'otp')!;
    const code = /(\d{6})/.exec(sms.body)![1]!;
    const ok = await post(csrf, A, [['draft', draft], ['draftToken', draftToken], ['kho_ma', code], ['action', 'kho-xac-nhan']]);
    expect(ok.statusCode, ok.body.slice(0, 1500)).toBe(200);
    const consent = /name="kho_consent" value="([^"]+)"/.exec(ok.body)![1]!;
    const withConsent: Array<[string, string]> = [
      ['draft', draft],
      ['draftToken', draftToken],
      ['kho_consent', consent],
    ];
    // A's papers are offered; B's paper of the same kind never is.
    expect(ok.body).toContain(`name="kho:${c0}" value="${paperA}"`);
    expect(ok.body).not.toContain(paperB);

    // B's paper sent anyway under A's consent: refused, nothing attached.
    const stolen = await post(csrf, A, [...withConsent, [`kho:${c0}`, paperB], ['action', 'submit']]);
    expect(stolen.statusCode).toBe(422);
    expect(stolen.body).toContain('Giấy tờ này không có trong kho giấy tờ của bạn (hoặc của người dân đã đồng ý)');
    const files = () => env.services.database.db.selectFrom('dossier_files').select(['component', 'sha256']).where('dossier_id', '=', draft).execute();
    expect(await files()).toEqual([]);

    // The applicant changed to B on the same form: A's consent does not open A's store for B's dossier.
    const switched = await post(csrf, B, [...withConsent, [`kho:${c0}`, paperA], ['action', 'submit']]);
    expect(switched.statusCode).toBe(422);
    expect(switched.body).toContain('Cần người dân đồng ý');
    expect(switched.body).not.toContain(paperA);
    expect(await files()).toEqual([]);

    // With A as applicant and A's consent: attached, received.
    const done = await post(csrf, A, [...withConsent, [`kho:${c0}`, paperA], ['action', 'submit']]);
    expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
    const dossierCode = /^\/can-bo\/ho-so\/([\d-]+)\?/.exec(done.headers.location as string)![1]!;
    // The very file of A's store: same address, no re-encoded copy.
    expect(await files()).toEqual([{ component: c0, sha256: storedA }]);
    // On the dossier like any upload: listed by name, opened by the official with the same bytes.
    const shown = await env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${dossierCode}`, headers: { cookie: staff } });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('giay-ket-hon-an.jpg');
    const link = new RegExp(`/can-bo/ho-so/${dossierCode}/tep/[0-9a-f-]+`).exec(shown.body)![0];
    const opened = await env.app.inject({ method: 'GET', url: link, headers: { cookie: staff } });
    expect(opened.headers['content-type']).toBe('image/jpeg');
    expect(opened.rawPayload.equals(await env.services.files.get(storedA))).toBe(true);

    // Recorded and audited: the consent (A, this official, this dossier) and the use under it.
    const row = await env.services.database.db.selectFrom('docstore_consents').selectAll().where('id', '=', consent).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ citizen_id: a.id, citizen_phone: A.phone, dossier_id: draft, method: 'otp' });
    const uses = await env.services.database.db.selectFrom('docstore_uses').select(['paper_id', 'citizen_id', 'consent_id']).where('dossier_id', '=', draft).execute();
    expect(uses).toEqual([{ paper_id: paperA, citizen_id: a.id, consent_id: consent }]);
    const audit = await env.services.database.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'in', ['docstore.consent', 'docstore.use']).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['docstore.consent', 'docstore.use']);
  });
});
