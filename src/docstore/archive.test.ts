import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { multipart } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, postStaffForm } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';
import { fold } from '../shared/vietnamese';
import { Desk } from '../dossier/workflow.testing';
import sharp from 'sharp';
import { ArchiveService } from './archive.service';
import { scanBook, scanPdf, scanPng } from './archive.testing';

const HOA = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 01/1998', 'Số: 125', 'Ngày đăng ký: 12/03/1998', 'Họ và tên: Nguyễn Thị Hoà'];
const TAM = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 02/2001', 'Số: 47', 'Ngày đăng ký: 05/07/2001', 'Họ và tên: Lê Văn Tâm'];
const LUA = ['SỔ ĐĂNG KÝ KẾT HÔN', 'Số: 9', 'Ngày đăng ký: 20/10/1995', 'Họ và tên: Phạm Thị Lụa'];
const AN = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 01/1998', 'Số: 126', 'Ngày đăng ký: 14/08/1998', 'Họ và tên: Nguyễn Văn An'];
const BINH = ['SỔ ĐĂNG KÝ KHAI SINH', 'Quyển số: 01/1998', 'Số: 127', 'Ngày đăng ký: 21/08/1998', 'Họ và tên: Đỗ Thị Bình'];
const STAFF = { unitCode: '00004', id: 'x', name: 'x', role: 'receptionist' };

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

  it('reads every page of a register book (a multi-page PDF) in the background, one record per page: page 2 is found by its name and pre-filled', async () => {
    const { env } = t;
    const cookie = await new Desk(env).cookie('tiepnhan');
    const book = await scanBook([HOA, AN, BINH]);
    const r = await upload(env, cookie, [{ data: book, filename: 'so-khai-sinh-1998.pdf', type: 'application/pdf' }], 'Sổ đăng ký khai sinh 1998');
    expect(r.statusCode, r.body.slice(0, 1500)).toBe(303);
    const batch = /lo=([0-9a-f-]+)&da=3/.exec(r.headers.location as string)![1]!;
    // The upload answered before the pages were read: they wait in the queue, and the server answers meanwhile.
    expect((await env.services.archive.search(STAFF, { batchId: batch })).every((x) => x.ocrStatus === 'done')).toBe(false);
    const during = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru?lo=${batch}&da=3`, headers: { cookie } });
    expect(during.statusCode).toBe(200);
    expect(during.body).toContain('Đã tải lên 3 trang quét (mỗi trang một bản ghi)');
    expect(during.body).toContain('Trang 3/3 của so-khai-sinh-1998.pdf');
    expect(during.body).toMatch(/Đang (chờ )?nhận dạng chữ/);
    await env.services.archive.idle();

    const pages = await env.services.archive.search(STAFF, { batchId: batch });
    expect(pages.map((x) => [x.source?.page, x.source?.pages, x.ocrStatus])).toEqual([
      [1, 3, 'done'],
      [2, 3, 'done'],
      [3, 3, 'done'],
    ]);
    expect(pages.map((x) => x.number)).toEqual(['125', '126', '127']);
    const [, p2] = pages as [never, (typeof pages)[number]];
    expect(p2.date).toBe('1998-08-14');
    expect(fold(p2.names)).toContain(fold('Nguyễn Văn An'));
    expect(fold(p2.names)).not.toContain(fold('Nguyễn Thị Hoà'));
    expect(p2.register).toBe('Sổ đăng ký khai sinh 1998');

    // "Nguyễn Văn An 1998", with or without marks, finds that page and only it.
    for (const q of ['Nguyễn Văn An 1998', 'nguyen van an 1998']) {
      const found = (await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru?q=${encodeURIComponent(q)}`, headers: { cookie } })).body;
      expect(found, q).toContain('Bản ghi (1)');
      expect(found, q).toContain(`/can-bo/luu-tru/${p2.id}`);
      expect(found, q).toContain('Trang 2/3 của so-khai-sinh-1998.pdf');
    }

    // Its page: the fields pre-filled, the picture of page 2 (not the book), the book's page 2 one link away.
    const page = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${p2.id}`, headers: { cookie } });
    expect(page.body).toContain('value="126"');
    expect(page.body).toContain('value="14/08/1998"');
    const img = /<img src="(\/can-bo\/luu-tru\/[^"]+\/trang\/[^"]+)"/.exec(page.body)![1]!;
    const picture = await env.app.inject({ method: 'GET', url: img, headers: { cookie } });
    expect(picture.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(picture.rawPayload).metadata()).width).toBe(1600);
    const p1 = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${pages[0]!.id}`, headers: { cookie } });
    const picture1 = await env.app.inject({ method: 'GET', url: /<img src="([^"]+)"/.exec(p1.body)![1]!, headers: { cookie } });
    expect(picture1.rawPayload.equals(picture.rawPayload)).toBe(false);
    expect(page.body).toContain('Mở tệp PDF gốc (trang 2/3)');
    const original = await env.app.inject({ method: 'GET', url: `${img}?goc=1`, headers: { cookie } });
    expect(original.headers['content-type']).toBe('application/pdf');
    expect(original.rawPayload.equals(book)).toBe(true);

    // Confirmed and linked: the citizen's store holds the picture of page 2, never the book.
    const citizen = await env.services.accounts.findOrCreateCitizen('0934567890', { fullName: 'Nguyễn Văn An' });
    const ok = await postStaffForm(env, cookie, `/can-bo/luu-tru/${p2.id}`, `/can-bo/luu-tru/${p2.id}`, { register: 'Sổ đăng ký khai sinh, quyển số 01/1998', number: '126', date: '14/08/1998', names: 'Nguyễn Văn An', citizenPhone: '0934567890', action: 'confirm' });
    expect(ok.statusCode, ok.body.slice(0, 1500)).toBe(303);
    const s = await env.services.accounts.createSession('citizen', citizen.id);
    const papers = (await env.app.inject({ method: 'GET', url: '/api/me/papers', headers: { authorization: `Bearer ${s.token}` } })).json().papers;
    expect(papers).toEqual([expect.objectContaining({ source: 'archive', title: 'Sổ đăng ký khai sinh, quyển số 01/1998, số 126', fileName: 'so-khai-sinh-1998-trang-2.jpg', mime: 'image/jpeg' })]);
    const got = await env.app.inject({ method: 'GET', url: papers[0].fileUrl, headers: { cookie: `motcua_sid=${s.token}` } });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(picture.rawPayload)).toBe(true);
    const audit = await env.services.database.db.selectFrom('audit_log').select('data').where('action', '=', 'archive.upload').where('target_id', '=', batch).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data as string)).toMatchObject({ files: 1, pages: 3 });
  }, 120_000);

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

eachEngine('back-scanned archives when OCR times out', { at: '2026-11-30T02:00:00Z', env: { OCR_TESSERACT: slowTesseract, OCR_TIMEOUT_SECONDS: '1', ARCHIVE_MAX_PDF_PAGES: '2' } }, (t) => {
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

  it('stops each page of a book at the time limit (the picture of the page kept for typing); refuses a book over the page limit and a PDF poppler cannot read', async () => {
    const { env } = t;
    const cookie = await new Desk(env).cookie('tiepnhan');
    const before = await count(env);
    const long = await upload(env, cookie, [{ data: await scanBook([HOA, AN, BINH]), filename: 'so-3-trang.pdf', type: 'application/pdf' }]);
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Tệp “so-3-trang.pdf” có 3 trang, mỗi tệp PDF tối đa 2 trang. Xin tách quyển sổ thành nhiều tệp');
    const broken = await upload(env, cookie, [{ data: Buffer.from('%PDF-1.4\nđây không phải nội dung PDF\n%%EOF\n'), filename: 'hong.pdf', type: 'application/pdf' }]);
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('Không đọc được tệp PDF “hong.pdf”');
    expect(await count(env)).toBe(before);

    const started = Date.now();
    const r = await upload(env, cookie, [{ data: await scanBook([AN, BINH]), filename: 'so-2-trang.pdf', type: 'application/pdf' }]);
    expect(r.statusCode).toBe(303);
    const batch = /lo=([0-9a-f-]+)&da=2/.exec(r.headers.location as string)![1]!;
    await env.services.archive.idle();
    expect(Date.now() - started).toBeLessThan(20_000);
    const recs = await env.services.archive.search(STAFF, { batchId: batch });
    expect(recs.map((x) => [x.source?.page, x.ocrStatus, x.ocrError])).toEqual([
      [1, 'failed', 'Nhận dạng chữ quá 1 giây nên đã dừng (tesseract). Xin nhập các trường bằng tay.'],
      [2, 'failed', 'Nhận dạng chữ quá 1 giây nên đã dừng (tesseract). Xin nhập các trường bằng tay.'],
    ]);
    const page = await env.app.inject({ method: 'GET', url: `/can-bo/luu-tru/${recs[1]!.id}`, headers: { cookie } });
    expect(page.body).toContain('alt="Trang 2 của so-2-trang.pdf"');
  }, 60_000);

  it('a book waiting when the server stops is read by the next process, a page abandoned mid-run too', async () => {
    const { env } = t;
    const cookie = await new Desk(env).cookie('tiepnhan');
    await env.services.archive.stop(); // the server going down: nothing more is started
    const r = await upload(env, cookie, [{ data: await scanBook([AN, BINH]), filename: 'so-khoi-dong-lai.pdf', type: 'application/pdf' }]);
    expect(r.statusCode).toBe(303);
    const batch = /lo=([0-9a-f-]+)&da=2/.exec(r.headers.location as string)![1]!;
    const waiting = await env.services.archive.search(STAFF, { batchId: batch });
    expect(waiting.map((x) => x.ocrStatus)).toEqual(['pending', 'pending']);
    // Page 1 was being read when the process died an hour ago.
    const hourAgo = new Date(env.services.clock.now().getTime() - 3_600_000).toISOString();
    await env.services.database.db.updateTable('archive_records').set({ ocr_status: 'running', ocr_started_at: hourAgo }).where('id', '=', waiting[0]!.id).execute();

    const next = new ArchiveService({
      db: env.services.database.db,
      files: env.services.files,
      accounts: env.services.accounts,
      audit: env.services.audit,
      clock: env.services.clock,
      opts: { tesseract: 'tesseract', pdftoppm: 'pdftoppm', pdfinfo: 'pdfinfo', lang: 'vie', timeoutMs: 60_000, concurrency: 1, maxPageBytes: 20e6, maxPages: 50, maxPdfBytes: 100e6, maxPdfPages: 300 },
    });
    next.kick();
    await next.idle();
    await next.stop();
    const done = await next.search(STAFF, { batchId: batch });
    expect(done.map((x) => [x.ocrStatus, x.number])).toEqual([
      ['done', '126'],
      ['done', '127'],
    ]);
    expect(fold(done[1]!.names)).toContain(fold('Đỗ Thị Bình'));
  }, 60_000);
});
