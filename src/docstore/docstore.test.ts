import { expect, it } from 'vitest';
import { csrfOf, eachEngine, postStaffForm } from '../shared/suite.testing';
import { Desk, multipart } from '../dossier/workflow.testing';
import { A, B, citizen, counter, formOf, pdf, PROC, submit } from './docstore.testing';

eachEngine('the citizen document store', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  let a: Awaited<ReturnType<typeof citizen>>;
  let b: Awaited<ReturnType<typeof citizen>>;
  let desk: Desk;
  let c0: string;
  let c1: string;
  let checked: { id: string; sha: string };
  let resultPaper: { id: string; sha: string };
  let papersOfA: any[];

  it('holds the results issued to the citizen and the papers an official checked — not unchecked ones, not others\'', async () => {
    const { env } = t;
    desk = new Desk(env);
    a = await citizen(env, A);
    b = await citizen(env, B);
    [c0, c1] = (await formOf(env)).required as [string, string];

    // Dossier 1: the official checks the first paper against its original, not the second.
    const d1 = await submit(env, A, a.bearer, 'd1');
    const lead = await desk.cookie('tiepnhan');
    const page = await env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${d1.code}/so-hoa`, headers: { cookie: lead } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa kiểm tra');
    const f0 = d1.attachments.find((x: any) => x.component === c0);
    const mark = await postStaffForm(env, lead, `/can-bo/ho-so/${d1.code}/so-hoa`, `/can-bo/ho-so/${d1.code}/so-hoa`, { file: f0.id, checked: '1' });
    expect(mark.statusCode, mark.body).toBe(303);
    const after = await env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${d1.code}/so-hoa?da=1`, headers: { cookie: lead } });
    expect(after.body).toContain('Đã kiểm tra, số hóa — Nguyễn Thị Hòa');
    // The mark is in the audit log.
    const audit = await env.services.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'docstore.check').execute();
    expect(audit.map((x) => x.target_id)).toContain(d1.code);
    // Another unit's official neither sees the dossier's papers nor marks them.
    const other = await desk.cookie('tiepnhan2');
    expect((await env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${d1.code}/so-hoa`, headers: { cookie: other } })).statusCode).toBe(404);
    const otherMark = await env.services.docstore.setChecked({ id: 'x', name: 'Đỗ Thị Lan', unitCode: '00082', role: 'receptionist' }, d1.attachments.find((x: any) => x.component === c1).id, true).catch((e) => e);
    expect(otherMark.code).toBe('file_not_found');

    // Dossier 2 goes all the way to its result file.
    const d2 = await submit(env, A, a.bearer, 'd2');
    await desk.toApproved(d2.code);
    const login = (await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } })).json();
    const rf = multipart([
      { name: 'type', value: 'mark_result_ready' },
      { name: 'file', value: pdf('ket-qua-d2'), filename: 'giay-chung-nhan-ket-hon.pdf', type: 'application/pdf' },
    ]);
    const ready = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d2.code}/actions`, payload: rf.body, headers: { ...rf.headers, authorization: `Bearer ${login.token}` } });
    expect(ready.statusCode, ready.body).toBe(200);

    // Another citizen's checked paper.
    const d3 = await submit(env, B, b.bearer, 'd3');
    const f3 = d3.attachments.find((x: any) => x.component === c0);
    expect((await postStaffForm(env, lead, `/can-bo/ho-so/${d3.code}/so-hoa`, `/can-bo/ho-so/${d3.code}/so-hoa`, { file: f3.id, checked: '1' })).statusCode).toBe(303);

    const list = await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: a.bearer });
    expect(list.statusCode, list.body).toBe(200);
    papersOfA = list.json().papers;
    expect(papersOfA.map((p: any) => p.source).sort()).toEqual(['checked', 'result']);
    const ch = papersOfA.find((p: any) => p.source === 'checked');
    expect(ch.id).toBe(f0.id);
    expect(ch.fileName).toBe(`d1-${c0}.pdf`);
    const res = papersOfA.find((p: any) => p.source === 'result');
    expect(res.fileName).toBe('giay-chung-nhan-ket-hon.pdf');
    // Not the unchecked paper, not B's.
    expect(papersOfA.some((p: any) => p.fileName === `d1-${c1}.pdf` || p.fileName.startsWith('d3-') || p.fileName.startsWith('d2-'))).toBe(false);
    checked = { id: ch.id, sha: (await env.services.database.db.selectFrom('dossier_files').select('sha256').where('id', '=', ch.id).executeTakeFirstOrThrow()).sha256 };
    resultPaper = { id: res.id, sha: (await env.services.database.db.selectFrom('dossier_files').select('sha256').where('id', '=', res.id).executeTakeFirstOrThrow()).sha256 };
    const bList = (await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: b.bearer })).json().papers;
    expect(bList.map((p: any) => p.fileName)).toEqual([`d3-${c0}.pdf`]);

    // The page lists them; only the owner downloads.
    const mine = await env.app.inject({ method: 'GET', url: '/ca-nhan/kho-giay-to', headers: { cookie: a.cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Kho giấy tờ của tôi');
    expect(mine.body).toContain('Kết quả giải quyết (1)');
    expect(mine.body).toContain('Giấy tờ đã được cán bộ kiểm tra, số hóa (1)');
    expect((await env.app.inject({ method: 'GET', url: '/ca-nhan', headers: { cookie: a.cookie } })).body).toContain('href="/ca-nhan/kho-giay-to"');
    const own = await env.app.inject({ method: 'GET', url: `/ca-nhan/kho-giay-to/${res.id}`, headers: { cookie: a.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdf('ket-qua-d2'))).toBe(true);
    expect((await env.app.inject({ method: 'GET', url: `/ca-nhan/kho-giay-to/${res.id}`, headers: { cookie: b.cookie } })).statusCode).toBe(404);
    const anon = await env.app.inject({ method: 'GET', url: `/ca-nhan/kho-giay-to/${res.id}` });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/dang-nhap');
    expect((await env.app.inject({ method: 'GET', url: '/api/me/papers' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: { cookie: lead } })).statusCode).toBe(403);
  });

  it('reuses stored papers in a new dossier through the API, and refuses another citizen\'s paper with nothing written', async () => {
    const { env } = t;
    const { formData } = await formOf(env);
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: a.bearer,
      payload: { unit: '00004', procedureCode: PROC, channel: 'online', applicant: A, formData, submit: true, storedPapers: { [c0]: checked.id, [c1]: resultPaper.id } },
    });
    expect(r.statusCode, r.body).toBe(201);
    const files = await env.services.database.db.selectFrom('dossier_files').select(['component', 'sha256']).where('dossier_id', '=', r.json().id).execute();
    expect(Object.fromEntries(files.map((f) => [f.component, f.sha256]))).toEqual({ [c0]: checked.sha, [c1]: resultPaper.sha });
    const uses = await env.services.database.db.selectFrom('docstore_uses').selectAll().where('dossier_id', '=', r.json().id).execute();
    expect(uses.map((u) => u.paper_id).sort()).toEqual([checked.id, resultPaper.id].sort());

    const before = await env.services.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const stolen = await env.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: b.bearer,
      payload: { unit: '00004', procedureCode: PROC, channel: 'online', applicant: B, formData, submit: true, storedPapers: { [c0]: checked.id, [c1]: checked.id } },
    });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json().error.code).toBe('paper_not_owned');
    expect(stolen.json().error.message).toMatch(/không có trong kho giấy tờ của bạn/);
    // A draft too, and an anonymous caller.
    const draft = await env.app.inject({ method: 'POST', url: '/api/dossiers', headers: b.bearer, payload: { unit: '00004', procedureCode: PROC, applicant: B, formData, storedPapers: { [c0]: checked.id } } });
    expect(draft.statusCode).toBe(403);
    const anon = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { unit: '00004', procedureCode: PROC, applicant: A, formData, submit: true, storedPapers: { [c0]: checked.id } } });
    expect(anon.statusCode).toBe(403);
    expect(anon.json().error.code).toBe('stored_papers_need_citizen');
    const unknown = await env.app.inject({ method: 'POST', url: '/api/dossiers', headers: a.bearer, payload: { unit: '00004', procedureCode: PROC, applicant: A, formData, submit: true, storedPapers: { 'zz.9': checked.id } } });
    expect(unknown.statusCode).toBe(422);
    const after = await env.services.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('offers "dùng giấy tờ đã có" in the web form (no JavaScript), and refuses another citizen\'s paper there', async () => {
    const { env } = t;
    const { formData } = await formOf(env);
    const url = `/p/00004/${PROC}/nop-truc-tuyen`;
    const page = await env.app.inject({ method: 'GET', url: `${url}?truong-hop=khong`, headers: { cookie: a.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dùng giấy tờ đã có trong kho');
    // Online the declaration (c0) is the e-form itself; the result "Giấy chứng nhận kết hôn" fits
    // the paper asked, "Bản sao Giấy chứng nhận kết hôn đã cấp trước đây", by its kind.
    expect(page.body).toContain(`name="kho:${c1}" value="${resultPaper.id}"`);
    expect(page.body).toContain('Giấy chứng nhận kết hôn — Hồ sơ');
    const fields = (who: typeof A, csrf: string, extra: Record<string, string>) => [
      { name: '_csrf', value: csrf },
      { name: 'case', value: '' },
      { name: 'applicant.fullName', value: who.fullName },
      { name: 'applicant.phone', value: who.phone },
      { name: 'delivery', value: 'counter' },
      ...Object.entries(formData).map(([k, v]) => ({ name: k, value: String(v) })),
      ...Object.entries(extra).map(([k, v]) => ({ name: k, value: v })),
      { name: 'action', value: 'submit' },
    ];
    const mp = multipart(fields(A, csrfOf(page.body), { [`kho:${c1}`]: resultPaper.id }));
    const sent = await env.app.inject({ method: 'POST', url, payload: mp.body, headers: { ...mp.headers, cookie: a.cookie } });
    expect(sent.statusCode, sent.body.slice(0, 2000)).toBe(303);
    const code = /\/ho-so\/([\d-]+)\?/.exec(sent.headers.location as string)![1]!;
    const d = await env.services.dossiers.findByCode(code);
    const files = await env.services.database.db.selectFrom('dossier_files').select(['component', 'sha256']).where('dossier_id', '=', d!.id).execute();
    expect(Object.fromEntries(files.map((f) => [f.component, f.sha256]))).toEqual({ [c1]: resultPaper.sha });

    const pageB = await env.app.inject({ method: 'GET', url: `${url}?truong-hop=khong`, headers: { cookie: b.cookie } });
    expect(pageB.body).not.toContain(resultPaper.id);
    const mpB = multipart(fields(B, csrfOf(pageB.body), { [`kho:${c1}`]: resultPaper.id }));
    const refused = await env.app.inject({ method: 'POST', url, payload: mpB.body, headers: { ...mpB.headers, cookie: b.cookie } });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('không có trong kho giấy tờ của bạn');
  });

  it('lets the counter attach from the citizen\'s store only with their consent, recorded (who, when, what)', async () => {
    const { env } = t;
    const { formData } = await formOf(env);
    const staff = await desk.cookie('tiepnhan');
    const { url, post } = counter(env, staff, formData);
    const page = await env.app.inject({ method: 'GET', url: `${url}&truong-hop=khong`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gửi mã xác nhận tới số điện thoại của người dân');
    const csrf = csrfOf(page.body);

    // Without consent a stored paper is refused.
    const noConsent = await post(csrf, A, [[`kho:${c0}`, checked.id], ['action', 'submit']]);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.body).toContain('Cần người dân đồng ý');

    const asked = await post(csrf, A, [['action', 'kho-gui-ma']]);
    expect(asked.statusCode, asked.body.slice(0, 1500)).toBe(200);
    expect(asked.body).toContain('Mã xác nhận người dân đọc lại');
    const draft = /name="draft" value="([^"]+)"/.exec(asked.body)![1]!;
    const draftToken = /name="draftToken" value="([^"]+)"/.exec(asked.body)![1]!;
    const sms = (await env.services.notifications.list({ recipient: A.phone })).find((m) => m.event === 'otp')!;
    const code = /(\d{6})/.exec(sms.body)![1]!;
    const wrong = await post(csrf, A, [['draft', draft], ['draftToken', draftToken], ['kho_ma', code === '000000' ? '111111' : '000000'], ['action', 'kho-xac-nhan']]);
    expect(wrong.statusCode).toBe(422);
    const ok = await post(csrf, A, [['draft', draft], ['draftToken', draftToken], ['kho_ma', code], ['action', 'kho-xac-nhan']]);
    expect(ok.statusCode, ok.body.slice(0, 1500)).toBe(200);
    expect(ok.body).toContain('Nguyễn Văn An</strong> đã đồng ý');
    const consentId = /name="kho_consent" value="([^"]+)"/.exec(ok.body)![1]!;
    expect(ok.body).toContain(`name="kho:${c0}" value="${checked.id}"`);

    const done = await post(csrf, A, [['draft', draft], ['draftToken', draftToken], ['kho_consent', consentId], [`kho:${c0}`, checked.id], ['action', 'submit']]);
    expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
    expect(done.headers.location).toMatch(/^\/can-bo\/ho-so\/00004-/);
    const files = await env.services.database.db.selectFrom('dossier_files').select(['component', 'sha256']).where('dossier_id', '=', draft).execute();
    expect(files).toEqual([{ component: c0, sha256: checked.sha }]);
    const consent = await env.services.database.db.selectFrom('docstore_consents').selectAll().where('id', '=', consentId).executeTakeFirstOrThrow();
    const tiepnhan = await env.services.accounts.findStaffByUsername('tiepnhan');
    expect(consent).toMatchObject({ citizen_id: a.id, staff_id: tiepnhan!.id, staff_name: 'Nguyễn Thị Hòa', dossier_id: draft, method: 'otp', granted_at: t.clock.now().toISOString() });
    const uses = await env.services.database.db.selectFrom('docstore_uses').selectAll().where('consent_id', '=', consentId).execute();
    expect(uses.map((u) => [u.paper_id, u.component, u.dossier_id])).toEqual([[checked.id, c0, draft]]);
    const audit = await env.services.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['docstore.consent', 'docstore.use']).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['docstore.consent', 'docstore.use']);
    // The citizen sees who used which paper.
    const mine = await env.app.inject({ method: 'GET', url: '/ca-nhan/kho-giay-to', headers: { cookie: a.cookie } });
    expect(mine.body).toContain('cán bộ Nguyễn Thị Hòa dùng, với sự đồng ý của bạn');
    // The consent was for that dossier and that official only.
    expect(await env.services.docstore.consent({ id: tiepnhan!.id, unitCode: '00004' }, consentId, 'another-dossier', A.phone)).toBeUndefined();
  });
});
