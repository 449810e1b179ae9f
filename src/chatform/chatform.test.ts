import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { allFields, type EForm } from '../eform';
import { csrfOf, eachEngine } from '../shared/suite.testing';
import { Desk, multipart } from '../dossier/workflow.testing';
import { BIRTH_ANSWERS, CHAT_APPLICANT, chatAnswer, lastOtp, photo, WebChatter } from './chatform.testing';

const BIRTH = '1.001193';
/** Permanent residence: its general list has a paper given only when one has it. */
const RESIDENCE = '1.004222';

eachEngine('submitting from the web chat ("Nộp ngay trong cuộc trò chuyện")', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'on' } }, (t) => {
  const eform = async (): Promise<EForm> => t.env.services.dossiers.eformOf('00004', BIRTH);
  /** The papers the chat asks for, in order (the general list's required ones the e-form does not replace). */
  const papers = async () => (await t.env.services.dossiers.formFor('00004', BIRTH)).cases.filter((g) => g.kind === 'general').flatMap((g) => g.components.filter((c) => c.required && !c.replacedByEForm).map((c) => c.id));
  const caseCount = async (code = BIRTH) => (await t.env.services.dossiers.formFor('00004', code)).cases.filter((g) => g.kind === 'case').length;

  /** From the offer to the summary: the applicant, the code, every field, every photo. */
  async function fillInChat(c: WebChatter, applicant = CHAT_APPLICANT): Promise<string> {
    const answer = await c.say('Làm giấy khai sinh cho bé cần gì?');
    expect(answer.text).toContain('Nộp ngay trong cuộc trò chuyện');
    let r = await c.say('Nộp ngay trong cuộc trò chuyện');
    expect(r.text).toMatch(/Mình sẽ giúp bạn nộp hồ sơ “Thủ tục đăng ký khai sinh/);
    const cases = await caseCount();
    if (cases) r = await c.say(String(cases + 1));
    expect(r.text).toContain('Họ và tên người nộp');
    await c.say(applicant.fullName);
    r = await c.say(applicant.phone);
    expect(r.text).toMatch(/mã xác thực 6 chữ số/);
    r = await c.say(await lastOtp(t.env, applicant.phone));
    expect(r.text).toContain('Đã xác thực số điện thoại');
    await c.say(applicant.idNumber);
    r = await c.say(applicant.address);
    for (const f of allFields(await eform())) {
      expect(r.text).toContain(f.label);
      r = await c.say(chatAnswer(f));
    }
    const ids = await papers();
    for (let i = 0; i < ids.length; i++) {
      expect(r.html).toContain('as-upload');
      const p = await c.photo(await photo(i), `giay-${i}.jpg`);
      expect(p.status).toBe(200);
      expect(p.text).toContain('Đã nhận ảnh 1 của');
      // More photos may follow (the back, the next pages) until "Xong".
      expect(p.html).toContain('as-upload');
      r = await c.say('Xong');
    }
    expect(r.text).toContain('Xin kiểm tra lại hồ sơ');
    return r.text;
  }

  /** The same dossier through the web form (multipart), its phone proven on the draft's page. */
  async function submitOnWeb(): Promise<string> {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const keep = (r: { cookies: Array<{ name: string; value: string }> }) => r.cookies.forEach((x) => jar.set(x.name, x.value));
    const page = await t.env.app.inject({ method: 'GET', url: `/p/00004/${BIRTH}/nop-truc-tuyen?truong-hop=khong` });
    expect(page.statusCode).toBe(200);
    keep(page);
    const csrf = csrfOf(page.body);
    const ids = await papers();
    const parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }> = [
      { name: '_csrf', value: csrf },
      { name: 'applicant.fullName', value: CHAT_APPLICANT.fullName },
      { name: 'applicant.phone', value: CHAT_APPLICANT.phone },
      { name: 'applicant.idNumber', value: CHAT_APPLICANT.idNumber },
      { name: 'applicant.address', value: CHAT_APPLICANT.address },
      { name: 'applicant.email', value: '' },
      { name: 'delivery', value: 'counter' },
      { name: 'case', value: '' },
      ...allFields(await eform()).map((f) => ({ name: f.id, value: BIRTH_ANSWERS[f.id]!.web })),
    ];
    for (let i = 0; i < ids.length; i++) parts.push({ name: `file:${ids[i]}`, value: await photo(i), filename: `giay-${i}.jpg`, type: 'image/jpeg' });
    const mp = multipart(parts);
    const posted = await t.env.app.inject({ method: 'POST', url: `/p/00004/${BIRTH}/nop-truc-tuyen`, payload: mp.body, headers: { ...mp.headers, cookie: cookie() } });
    expect(posted.statusCode, posted.body.slice(0, 2000)).toBe(303);
    const proof = String(posted.headers.location);
    expect(proof).toMatch(/^\/ban-nhap\/[0-9a-f-]{36}\/nop\?t=/);
    const token = new URL(proof, 'http://x').searchParams.get('t')!;
    const send = await t.env.app.inject({ method: 'POST', url: proof.split('?')[0]!, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, t: token }).toString() });
    expect(send.statusCode).toBe(200);
    const code = await lastOtp(t.env, CHAT_APPLICANT.phone);
    const done = await t.env.app.inject({ method: 'POST', url: proof.split('?')[0]!, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, t: token, step: 'verify', code }).toString() });
    expect(done.statusCode, done.body.slice(0, 1000)).toBe(303);
    return /\/ho-so\/([\d-]+)\?/.exec(String(done.headers.location))![1]!;
  }

  async function dossierFacts(code: string) {
    const db = t.env.services.database.db;
    const d = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const files = await db.selectFrom('dossier_files').select(['component', 'sha256', 'mime']).where('dossier_id', '=', d.id).orderBy('component').execute();
    const history = await db.selectFrom('dossier_history').select(['action', 'from_status', 'to_status', 'actor_kind', 'comment']).where('dossier_id', '=', d.id).orderBy('created_at').execute();
    const token = t.env.services.dossiers.token(code);
    const outbox = (await new Desk(t.env).outbox(code))
      .map((m: any) => ({ event: m.event, channel: m.channel, recipient: m.recipient, body: String(m.body).replaceAll(code, 'MA').replaceAll(token, 'T') }))
      .sort((a: any, b: any) => `${a.channel}${a.event}`.localeCompare(`${b.channel}${b.event}`));
    const pdf = await t.env.app.inject({ method: 'GET', url: `/ho-so/${code}/giay-hen.pdf?t=${token}` });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(os.tmpdir(), `receipt-${code}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const receipt = execFileSync('pdftotext', ['-layout', file, '-']).toString().replaceAll(code, 'MA');
    fs.rmSync(file);
    const row = { ...d } as Record<string, unknown>;
    const applicantJson = JSON.parse(d.applicant);
    const formJson = JSON.parse(d.form_data);
    for (const k of ['id', 'code', 'created_at', 'updated_at', 'idempotency_key', 'version', 'search_name']) delete row[k];
    return { row: { ...row, applicant: applicantJson, form_data: formJson } as Record<string, any>, files, history, outbox, receipt };
  }

  it('submits the birth registration in the chat, and the dossier is the web form’s: fields, photos, notices, receipt', async () => {
    const c = new WebChatter(t.env);
    const summary = await fillInChat(c);
    expect(summary).toContain('Ngày sinh: 05/11/2026');
    expect(summary).toContain('Giới tính: Nam');
    expect(summary).toContain('Dân tộc: Kinh');
    const done = await c.say('Xác nhận');
    const code = /Mã hồ sơ của bạn: ([\d-]+)\./.exec(done.text)![1]!;
    expect(done.text).toMatch(/Ngày hẹn trả kết quả \(dự kiến\): \d{2}:\d{2} \d{2}\/\d{2}\/2026/);
    const link = /href="(http:\/\/motcua\.test\/ho-so\/[^"]+)"/.exec(done.html)![1]!.replaceAll('&amp;', '&');
    expect(link).toBe(t.env.services.dossiers.trackingUrl(code));
    expect((await t.env.app.inject({ method: 'GET', url: link.replace('http://motcua.test', '') })).statusCode).toBe(200);

    const web = await submitOnWeb();
    const [a, b] = [await dossierFacts(code), await dossierFacts(web)];
    expect(a.row.channel).toBe('online');
    expect(a.row.form_data).toMatchObject({ ngaySinh: '2026-11-05', gioiTinh: 'nam', danToc: 'Kinh', quanHe: 'me', soBanSao: 1, camDoan: true, soDinhDanhMe: '001190012345' });
    expect(a.files.length).toBe((await papers()).length);
    expect(a.row).toEqual(b.row);
    expect(a.files).toEqual(b.files);
    expect(a.history).toEqual(b.history);
    expect(a.outbox.length).toBeGreaterThan(0);
    expect(a.outbox).toEqual(b.outbox);
    expect(a.receipt).toEqual(b.receipt);
    expect(a.receipt).toContain('Trần Thị Bình');

    // Staff see where it came from and the conversation; the phone's code is not in it.
    const staff = await new Desk(t.env).cookie('tiepnhan');
    const page = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trực tuyến (trợ lý ảo)');
    expect(page.body).toContain('Nộp qua trợ lý ảo (khung trò chuyện trên trang web)');
    expect(page.body).toContain('Nguyễn Minh An');
    expect(page.body).toContain('••••••');
    const other = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${web}`, headers: { cookie: staff } });
    expect(other.body).not.toContain('trợ lý ảo)');
    // The conversation goes back to ordinary questions.
    expect((await c.say('khai tử cần gì')).text).toContain('khai tử');
  });

  it('refuses bad answers with the e-form’s own Vietnamese messages and asks again', async () => {
    const c = new WebChatter(t.env);
    await c.say('đăng ký khai sinh');
    await c.say('nộp ngay');
    const cases = await caseCount();
    if (cases) expect((await c.say('99')).text).toContain('Xin trả lời bằng số');
    if (cases) await c.say(String(cases + 1));
    expect((await c.say('1')).text).toMatch(/Họ và tên|chữ cái/);
    await c.say('Lê Văn Cường');
    expect((await c.say('12345')).text).toContain('Số điện thoại');
    await c.say('0911222333');
    expect((await c.say('000000')).text).toContain('Mã xác thực không đúng');
    await c.say(await lastOtp(t.env, '0911222333'));
    expect((await c.say('123')).text).toContain('12 chữ số');
    await c.say('bỏ qua');
    let r = await c.say('bỏ qua');
    expect(r.text).toContain('Họ, chữ đệm và tên của trẻ');
    r = await c.say('Lê Minh Khang');
    expect(r.text).toContain('Ngày sinh');
    expect((await c.say('31/02/2026')).text).toContain('Ngày sinh không phải là ngày có thật.');
    expect((await c.say('hôm qua')).text).toContain('Ngày sinh phải có dạng dd/mm/yyyy.');
    expect((await c.say('5 tháng 12 năm 2026')).text).toContain('Ngày sinh không được sau hôm nay.');
    r = await c.say('05-11-2026');
    expect(r.text).toContain('Giới tính');
    expect((await c.say('9')).text).toContain('Lựa chọn cho “Giới tính” không có trong danh sách.');
    expect((await c.say('Nữ')).text).toContain('Nơi sinh');
    // A file that is not an image (a text file named .jpg) is refused by its content, before its turn too.
    expect((await c.photo(Buffer.from('không phải ảnh'), 'anh.jpg')).text).toContain('Mình chưa cần ảnh lúc này.');
    expect((await c.say('Hủy')).text).toContain('Đã hủy');
  });

  it('refuses a photo that is not an image, and keeps asking for the paper', async () => {
    const c = new WebChatter(t.env);
    await fillInChatUntilPapers(c, '0933444555');
    const bad = await c.photo(Buffer.from('Đây là văn bản, không phải ảnh.'), 'giay-khai-sinh.jpg');
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('không thuộc định dạng được chấp nhận');
    expect(bad.html).toContain('as-upload');
    const ok = await c.photo(await photo(7), 'anh-that.jpg');
    expect(ok.text).toContain('Đã nhận ảnh');
    await c.say('Hủy');
  });

  /** The files a dossier (or a draft) holds, by its applicant's phone. */
  const filesOf = (phone: string) =>
    t.env.services.database.db
      .selectFrom('dossier_files')
      .innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id')
      .select(['dossier_files.component', 'dossier_files.name', 'dossiers.status'])
      .where('dossiers.applicant_phone', '=', phone)
      .orderBy('dossier_files.name')
      .execute();
  /** The number of a summary's item ("7. Ảnh “Giấy chứng sinh”: 2 ảnh" → 7). */
  const itemOf = (summary: string, label: RegExp) => summary.split('\n').find((l) => label.test(l))!.split('.')[0]!;

  it('takes a paper in several photos, chosen at once or one by one, and sends them again from the summary', async () => {
    const c = new WebChatter(t.env);
    const phone = '0955666777';
    await fillInChatUntilPapers(c, phone);
    // A required paper cannot be skipped.
    expect((await c.say('Bỏ qua')).text).toContain('là giấy tờ bắt buộc');
    // Front and back chosen together, then one more page.
    const both = await c.photos([
      { data: await photo(11), filename: 'mat-truoc.jpg' },
      { data: await photo(12), filename: 'mat-sau.jpg' },
    ]);
    expect(both.status).toBe(200);
    let r: { text: string; html: string } = both;
    expect(r.text).toContain('Đã nhận ảnh 2 của “Giấy chứng sinh');
    r = await c.photo(await photo(13), 'trang-3.jpg');
    expect(r.text).toContain('Đã nhận ảnh 3 của');
    expect(r.text).toContain('nhắn “Xong”');
    expect((await filesOf(phone)).map((f) => f.name)).toEqual(['mat-sau.jpg', 'mat-truoc.jpg', 'trang-3.jpg']);
    r = await c.say('Xong');
    expect(r.text).toContain('Xin kiểm tra lại hồ sơ');
    expect(r.text).toMatch(/\d+\. Ảnh “Giấy chứng sinh[^”]*”: 3 ảnh/);
    // Sent again from the summary: the new photo replaces the three.
    r = await c.say(`Sửa ${itemOf(r.text, /Ảnh “Giấy chứng sinh/)}`);
    expect(r.text).toContain('Gửi ảnh mới để thay các ảnh đó');
    r = await c.photo(await photo(14), 'chup-lai.jpg');
    expect(r.text).toContain('Đã nhận ảnh 1 của');
    r = await c.say('Xong');
    expect(r.text).toMatch(/Ảnh “Giấy chứng sinh[^”]*”: 1 ảnh/);
    const done = await c.say('Xác nhận');
    expect(done.text).toMatch(/Mã hồ sơ của bạn: [\d-]+\./);
    expect(await filesOf(phone)).toEqual([{ component: (await papers())[0], name: 'chup-lai.jpg', status: 'new' }]);
  });

  it('asks an optional paper, which may be skipped or given in several pages', async () => {
    const c = new WebChatter(t.env);
    const phone = '0966777888';
    expect((await c.say('đăng ký thường trú cần giấy tờ gì')).text).toContain('Nộp ngay trong cuộc trò chuyện');
    let r = await c.say('Nộp ngay trong cuộc trò chuyện');
    expect(r.text).toContain('giấy tờ không bắt buộc');
    if (await caseCount(RESIDENCE)) await c.say(String((await caseCount(RESIDENCE)) + 1));
    await c.say('Vũ Thị Lan');
    await c.say(phone);
    await c.say(await lastOtp(t.env, phone));
    await c.say('bỏ qua');
    r = await c.say('bỏ qua');
    for (const f of allFields(await t.env.services.dossiers.eformOf('00004', RESIDENCE))) r = await c.say(chatAnswer(f));
    expect(r.text).toContain('(không bắt buộc)');
    expect(r.html).toContain('as-upload');
    expect(r.html).toContain('Bỏ qua');
    r = await c.say('Bỏ qua');
    expect(r.text).toContain('Đã bỏ qua');
    expect(r.text).toMatch(/Ảnh “[^”]+”: \(không gửi\)/);
    // Given after all, in two pages.
    r = await c.say(`Sửa ${itemOf(r.text, /Ảnh “/)}`);
    r = await c.photos([
      { data: await photo(21), filename: 'trang-1.jpg' },
      { data: await photo(22), filename: 'trang-2.jpg' },
    ]);
    expect(r.text).toContain('Đã nhận ảnh 2 của');
    r = await c.say('Xong');
    expect(r.text).toMatch(/Ảnh “[^”]+”: 2 ảnh/);
    expect((await c.say('Xác nhận')).text).toMatch(/Mã hồ sơ của bạn: [\d-]+\./);
    const files = await filesOf(phone);
    expect(files.map((f) => [f.name, f.status])).toEqual([
      ['trang-1.jpg', 'new'],
      ['trang-2.jpg', 'new'],
    ]);
    // Another applicant skips it and submits without it.
    const other = new WebChatter(t.env);
    await other.say('đăng ký thường trú cần giấy tờ gì');
    await other.say('Nộp ngay trong cuộc trò chuyện');
    if (await caseCount(RESIDENCE)) await other.say(String((await caseCount(RESIDENCE)) + 1));
    await other.say('Vũ Văn Nam');
    await other.say('0966777999');
    await other.say(await lastOtp(t.env, '0966777999'));
    await other.say('bỏ qua');
    await other.say('bỏ qua');
    for (const f of allFields(await t.env.services.dossiers.eformOf('00004', RESIDENCE))) await other.say(chatAnswer(f));
    await other.say('bỏ qua');
    expect((await other.say('Xác nhận')).text).toMatch(/Mã hồ sơ của bạn: [\d-]+\./);
    expect(await filesOf('0966777999')).toEqual([]);
  });

  async function fillInChatUntilPapers(c: WebChatter, phone: string) {
    await c.say('Làm giấy khai sinh cần gì?');
    await c.say('Nộp ngay trong cuộc trò chuyện');
    const cases = await caseCount();
    if (cases) await c.say(String(cases + 1));
    await c.say('Phạm Thu Hà');
    await c.say(phone);
    await c.say(await lastOtp(t.env, phone));
    await c.say('bỏ qua');
    await c.say('bỏ qua');
    for (const f of allFields(await eform())) await c.say(chatAnswer(f));
  }

  it('can be left and resumed the next day; "hủy" removes the draft', async () => {
    const c = new WebChatter(t.env);
    await c.say('Làm giấy khai sinh cần gì?');
    await c.say('Nộp ngay trong cuộc trò chuyện');
    const cases = await caseCount();
    if (cases) await c.say(String(cases + 1));
    await c.say('Đỗ Văn Hùng');
    const r = await c.say('0944555666');
    expect(r.text).toContain('mã xác thực');
    // The drafts still kept (an unproven phone's draft lives two hours; the worker removes it later).
    const drafts = () => t.env.services.database.db.selectFrom('dossiers').select('id').where('applicant_phone', '=', '0944555666').where('status', '=', 'draft').where('expires_at', '>', t.clock.now().toISOString()).execute();
    expect(await drafts()).toHaveLength(1);
    t.clock.set(new Date(Date.parse(t.clock.now().toISOString()) + 20 * 3600_000).toISOString());
    expect(await drafts()).toHaveLength(0);
    const back = await c.say('xin chào');
    expect(back.text).toContain('Bạn đang nộp dở hồ sơ “Thủ tục đăng ký khai sinh');
    expect((await c.say('Tiếp tục')).text).toContain('mã xác thực');
    await c.say('Gửi lại mã');
    expect((await c.say(await lastOtp(t.env, '0944555666'))).text).toContain('Đã xác thực');
    // Made again from the answers kept in the chat, and kept the full time now the phone is proven.
    expect(await drafts()).toHaveLength(1);
    const cancelled = await c.say('hủy');
    expect(cancelled.text).toContain('Đã hủy hồ sơ');
    expect(await drafts()).toHaveLength(0);
    const after = await c.say('Làm giấy khai sinh cần gì?');
    expect(after.text).toContain('Hồ sơ cần chuẩn bị');
    expect(after.text).not.toContain('nộp dở');
  });

  it('offers only the procedures the unit’s admin chose', async () => {
    const desk = new Desk(t.env);
    const admin = await desk.cookie('quantri');
    const page = await t.env.app.inject({ method: 'GET', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`value="${BIRTH.replace('.', '\\.')}" checked`));
    const csrf = csrfOf(page.body);
    const checked = [...page.body.matchAll(/name="thu_tuc" value="([\d.]+)" checked/g)].map((m) => m[1]!).filter((x) => x !== BIRTH);
    const body = new URLSearchParams({ _csrf: csrf });
    for (const x of checked) body.append('thu_tuc', x);
    const saved = await t.env.app.inject({ method: 'POST', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    expect(saved.statusCode).toBe(303);
    const c = new WebChatter(t.env);
    expect((await c.say('Làm giấy khai sinh cần gì?')).text).not.toContain('Nộp ngay trong cuộc trò chuyện');
    expect((await c.say('Nộp ngay trong cuộc trò chuyện')).text).toContain('chưa nộp được trong cuộc trò chuyện');
    // A receptionist sees the choice but may not change it.
    const clerk = await desk.cookie('tiepnhan');
    const view = await t.env.app.inject({ method: 'GET', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: clerk } });
    expect(view.statusCode).toBe(200);
    const refused = await t.env.app.inject({ method: 'POST', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: clerk, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfOf(view.body), thu_tuc: BIRTH }).toString() });
    expect(refused.statusCode).toBe(403);
    body.append('thu_tuc', BIRTH);
    expect((await t.env.app.inject({ method: 'POST', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() })).statusCode).toBe(303);
    expect((await c.say('Làm giấy khai sinh cần gì?')).text).toContain('Nộp ngay trong cuộc trò chuyện');
  });

  it('the admin’s page counts each e-form’s items, read once per catalogue version: the unit’s changed e-form is counted at once', async () => {
    const admin = await new Desk(t.env).cookie('quantri');
    const count = async () => {
      const page = await t.env.app.inject({ method: 'GET', url: '/can-bo/tro-ly/nop-qua-tro-chuyen', headers: { cookie: admin } });
      expect(page.statusCode).toBe(200);
      const m = new RegExp(`\\(${BIRTH.replace('.', '\\.')}\\)</span>\\s*</label>\\s*</td>\\s*<td class="num">(\\d+)</td>`).exec(page.body);
      expect(m, 'the birth registration row').toBeTruthy();
      return Number(m![1]);
    };
    const { catalog, dossiers } = t.env.services;
    const national = allFields(await dossiers.eformOf('00004', BIRTH)).length;
    expect(national).toBeGreaterThan(2);
    expect(await count()).toBe(national);
    expect(await count()).toBe(national);
    // The ward writes its own, shorter e-form (a catalogue setting of the unit).
    const rows = [...(await catalog.unitCatalog('00004')).entries.values()].map(({ unitCode: _u, ...e }) => e);
    const own: EForm = { title: 'Tờ khai đăng ký khai sinh (mẫu của phường)', sections: [{ title: 'Người được khai sinh', fields: [{ id: 'hoTenTre', label: 'Họ, chữ đệm, tên', type: 'text', required: true }, { id: 'ngaySinhTre', label: 'Ngày sinh', type: 'date', required: true }] }] };
    await catalog.setUnitCatalog('00004', rows.map((r) => (r.procedureCode === BIRTH ? { ...r, local: { ...r.local, eform: own } } : r)));
    expect(await count()).toBe(2);
    await catalog.setUnitCatalog('00004', rows);
    expect(await count()).toBe(national);
  });
});
