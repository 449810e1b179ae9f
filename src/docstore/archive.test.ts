import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { multipart } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, postStaffForm } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { fold } from '../shared/vietnamese';
import { Desk } from '../dossier/workflow.testing';
import { scanPdf, scanPng } from './archive.testing';

const HOA = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 01/1998', 'Số: 125', 'Ngày đăng ký: 12/03/1998', 'Họ và tên: Nguyễn Thị Hoà'];
const TAM = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 02/2001', 'Số: 47', 'Ngày đăng ký: 05/07/2001', 'Họ và tên: Lê Văn Tâm'];
const LUA = ['SỔ ĐĂNG KÝ KẾT HÔN', 'Số: 9', 'Ngày đăng ký: 20/10/1995', 'Họ và tên: Phạm Thị Lụa'];

async function upload(env: TestEnv, cookie: string, pages: Array<{ data: Buffer; filename: string; type: string }>, register = '') {
  const page = await env.app.inject({ method: 'GET', url: '/can-bo/luu-tru', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  const mp = multipart([{ name: '_csrf', value: csrfOf(page.body) }, { name: 'register', value: register }, ...pages.map((p) => ({ name: 'trang', value: p.data, filename: p.filename, type: p.type }))]);
  return env.app.inject({ method: 'POST', url: '/can-bo/luu-tru', payload: mp.body, headers: { ...mp.headers, cookie } });
}
const count = async (env: TestEnv) => Number((await env.services.database.db.selectFrom('archive_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

eachEngine('back-scanned archives', { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  let hoa: string;

  it('uploads scanned pages in bulk; OCR (one tesseract at a time) pre-fills the fields; an official confirms and links a citizen', async () => {
    const { env } = t;
    const desk = new Desk(env);
    const cookie = await desk.cookie('tiepnhan');
    const r = await upload(env, cookie, [
      { data: scanPng(HOA), filename: 'trang-125.png', type: 'image/png' },
      { data: await scanPdf(TAM), filename: 'trang-47.pdf', type: 'application/pdf' },
      { data: scanPng(LUA), filename: 'trang-9.png', type: 'image/png' },
    ]);
    expect(r.statusCode, r.body.slice(0, 1500)).toBe(303);
    const batch = /lo=([0-9a-f-]+)&da=3/.exec(r.headers.location as string)![1]!;
    // The queue: never more OCR workers than OCR_CONCURRENCY (1) while the three pages are read.
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, env.services.archive.running)), 5);
    await env.services.archive.idle();
    clearInterval(sampler);
    expect(most).toBe(1);

    const staff = { unitCode: '00004', id: 'x', name: 'x', role: 'receptionist' };
    const records = await env.services.archive.search(staff, { batchId: batch });
    expect(records).toHaveLength(3);
    const byNumber = Object.fromEntries(records.map((x) => [x.number, x]));
    expect(records.every((x) => x.ocrStatus === 'done' && x.status === 'draft')).toBe(true);
    expect(Object.keys(byNumber).sort()).toEqual(['125', '47', '9']);
    expect(byNumber['125']!.date).toBe('1998-03-12');
    expect(fold(byNumber['125']!.names)).toContain(fold('Nguyễn Thị Hoà'));
    expect(fold(byNumber['125']!.register)).toContain(fold('đăng ký khai sinh'));
    expect(byNumber['47']!.date).toBe('2001-07-05');
    expect(fold(byNumber['47']!.names)).toContain(fold('Lê Văn Tâm'));
    expect(fold(byNumber['9']!.names)).toContain(fold('Phạm Thị Lụa'));
    hoa = byNumber['125']!.id;

    // The record's page shows the pre-filled fields for the official to check.
    const page = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${hoa}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="125"');
    expect(page.body).toContain('value="12/03/1998"');
    expect(page.body).toContain('Các trường dưới đây được điền sẵn');
    const img = await env.app.inject({ method: 'GET', url: /src="(\/can-bo\/luu-tru\/[^"]+\/trang\/[^"]+)"/.exec(page.body)![1]!, headers: { cookie } });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');

    // Confirm, corrected, linked to a citizen's account.
    const citizen = await env.services.accounts.findOrCreateCitizen('0912345678', { fullName: 'Nguyễn Thị Hoà' });
    const missing = await postStaffForm(env, cookie, `/can-bo/luu-tru/${hoa}`, `/can-bo/luu-tru/${hoa}`, { register: 'Sổ đăng ký khai sinh, quyển số 01/1998', number: '', date: '31/02/1998', names: 'Nguyễn Thị Hoà', citizenPhone: '0999999999', action: 'confirm' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Cần số của bản ghi trong sổ');
    expect(missing.body).toContain('Ngày ghi theo dạng ngày/tháng/năm');
    expect(missing.body).toContain('Không có tài khoản công dân với số điện thoại này');
    const ok = await postStaffForm(env, cookie, `/can-bo/luu-tru/${hoa}`, `/can-bo/luu-tru/${hoa}`, { register: 'Sổ đăng ký khai sinh, quyển số 01/1998', number: '125', date: '12/03/1998', names: 'Nguyễn Thị Hoà', citizenPhone: '0912 345 678', action: 'confirm' });
    expect(ok.statusCode, ok.body.slice(0, 1500)).toBe(303);
    const { record } = await env.services.archive.get(staff, hoa);
    expect(record).toMatchObject({ status: 'confirmed', citizenId: citizen.id, register: 'Sổ đăng ký khai sinh, quyển số 01/1998', date: '1998-03-12' });
    const audit = await env.services.database.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'in', ['archive.upload', 'archive.confirm']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['archive.confirm', 'archive.upload']);

    // The linked record is in the citizen's store.
    const s = await env.services.accounts.createSession('citizen', citizen.id);
    const papers = (await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: { authorization: `Bearer ${s.token}` } })).json().papers;
    expect(papers).toEqual([expect.objectContaining({ source: 'archive', title: 'Sổ đăng ký khai sinh, quyển số 01/1998, số 125', fileName: 'trang-125.png' })]);
  }, 120_000);

  it('finds records without diacritics, within the official\'s unit only', async () => {
    const { env } = t;
    const desk = new Desk(env);
    const cookie = await desk.cookie('tiepnhan');
    const find = async (q: string, c = cookie) => (await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru?q=${encodeURIComponent(q)}`, headers: { cookie: c } })).body;
    for (const q of ['nguyen thi hoa', 'NGUYỄN THỊ HÒA', 'Nguyễn Thị Hoà 125', 'so dang ky khai sinh 01/1998']) expect(await find(q), q).toContain(`/can-bo/luu-tru/${hoa}`);
    expect(await find('le van tam')).not.toContain(`/can-bo/luu-tru/${hoa}`);
    expect(await find('le van tam')).toContain('Bản ghi (1)');
    expect(await find('không có ai')).toContain('Bản ghi (0)');
    // Another unit's official: not listed, not opened, no page image.
    const other = await desk.cookie('tiepnhan2');
    expect(await find('nguyen thi hoa', other)).toContain('Bản ghi (0)');
    expect((await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${hoa}`, headers: { cookie: other } })).statusCode).toBe(404);
    const { pages } = await env.services.archive.get({ unitCode: '00004' }, hoa);
    expect((await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${hoa}/trang/${pages[0]!.id}`, headers: { cookie: other } })).statusCode).toBe(404);
    const otherSave = await postStaffForm(env, other, '/can-bo/luu-tru', `/can-bo/luu-tru/${hoa}`, { number: '1', action: 'save' });
    expect(otherSave.statusCode).toBe(404);
    // A supervisor reads only.
    expect((await env.services.archive.save({ id: 'g', name: 'Giám sát', unitCode: '00004', role: 'supervisor' }, hoa, { number: '1' }).catch((e) => e)).code).toBe('read_only');
  });

  it('refuses a page that is not an image or PDF, an empty upload, a fake PDF — with a clear message, nothing written', async () => {
    const { env } = t;
    const cookie = await new Desk(env).cookie('tiepnhan');
    const before = await count(env);
    const notImage = await upload(env, cookie, [
      { data: scanPng(HOA), filename: 'tot.png', type: 'image/png' },
      { data: Buffer.from('Đây là văn bản, không phải ảnh quét'), filename: 'trang.jpg', type: 'image/jpeg' },
    ]);
    expect(notImage.statusCode).toBe(422);
    expect(notImage.body).toContain('Tệp “trang.jpg” không thuộc định dạng được chấp nhận. Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, HEIC.');
    const empty = await upload(env, cookie, []);
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Chọn ít nhất một trang quét');
    const fakePdf = await upload(env, cookie, [{ data: scanPng(TAM), filename: 'so-cu.pdf', type: 'application/pdf' }]);
    expect(fakePdf.statusCode).toBe(422);
    expect(fakePdf.body).toContain('không phải là PDF thật');
    const zero = await upload(env, cookie, [{ data: Buffer.alloc(0), filename: 'rong.png', type: 'image/png' }]);
    expect(zero.statusCode).toBe(422);
    expect(zero.body).toContain('không có nội dung (0 byte)');
    expect(await count(env)).toBe(before);
  });
});

// A tesseract that never answers: the page is marked, with the reason, and the record stays to be typed in.
const slowTesseract = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-slow-')), 'tesseract');
fs.writeFileSync(slowTesseract, '#!/bin/sh\ncat >/dev/null\nsleep 30\n', { mode: 0o755 });

eachEngine('back-scanned archives when OCR times out', { at: '2026-11-30T02:00:00Z', env: { OCR_TESSERACT: slowTesseract, OCR_TIMEOUT_SECONDS: '1' } }, (t) => {
  it('marks the page as not recognised with a Vietnamese message; the official types and confirms the fields', async () => {
    const { env } = t;
    const cookie = await new Desk(env).cookie('tiepnhan');
    const r = await upload(env, cookie, [{ data: scanPng(HOA), filename: 'trang.png', type: 'image/png' }], 'Sổ đăng ký khai sinh 1998');
    expect(r.statusCode).toBe(303);
    await env.services.archive.idle();
    const [rec] = await env.services.archive.search({ unitCode: '00004' } as never, {});
    expect(rec).toMatchObject({ ocrStatus: 'failed', status: 'draft', number: '', register: 'Sổ đăng ký khai sinh 1998' });
    expect(rec!.ocrError).toBe('Nhận dạng chữ quá 1 giây nên đã dừng (tesseract). Xin nhập các trường bằng tay.');
    const page = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${rec!.id}`, headers: { cookie } });
    expect(page.body).toContain('Không nhận dạng được chữ');
    expect(page.body).toContain('Xin nhập các trường bằng tay.');
    const ok = await postStaffForm(env, cookie, `/can-bo/luu-tru/${rec!.id}`, `/can-bo/luu-tru/${rec!.id}`, { register: 'Sổ đăng ký khai sinh 1998', number: '125', date: '12/03/1998', names: 'Nguyễn Thị Hoà', citizenPhone: '', action: 'confirm' });
    expect(ok.statusCode).toBe(303);
    expect((await env.services.archive.get({ unitCode: '00004' }, rec!.id)).record.status).toBe('confirmed');
  }, 30_000);
});
