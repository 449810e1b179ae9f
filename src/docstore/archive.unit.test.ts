import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../shared/vietnamese';
import { suggestFields } from './archive.fields';
import { OcrError, pdfPageCount, rasterisePdfPage, readText, recognise } from './archive.ocr';
import { scanBook, scanPng } from './archive.testing';
import { fits, kindKey } from './docstore.kind';

const script = (name: string, body: string) => {
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-test-')), name);
  fs.writeFileSync(p, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return p;
};
const OPTS = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', pdfinfo: 'pdfinfo', timeoutMs: 60_000, lang: 'vie' };

describe('fields suggested from a register entry\'s text', () => {
  it('reads the register, number, date and names, without needing the marks', () => {
    const f = suggestFields('SỔ ĐĂNG KÝ KHAI SINH\nQuyển số: 02/2001\nSố: 47\nNgày đăng ký: ngày 5 tháng 7 năm 2001\nHo va ten: Le Van Tam\nHọ và tên mẹ: Phạm Thị Lụa\n');
    expect(f).toEqual({ register: 'Sổ đăng ký khai sinh, quyển số 02/2001', number: '47', date: '2001-07-05', names: 'Le Van Tam; Phạm Thị Lụa' });
    expect(suggestFields('Ngày 31/02/1999')).toEqual({});
    expect(suggestFields('')).toEqual({});
  });
});

describe('which stored paper fits which component', () => {
  it('matches by kind across procedures, ignoring copies and qualifiers', () => {
    expect(kindKey('Bản sao Giấy khai sinh (01 bản)')).toBe('giai khai sinh');
    const result = { procedureCode: '1.001193', component: null, kind: kindKey('Giấy khai sinh') };
    expect(fits(result, '2.000908', { id: 'chung.2', name: 'Bản sao Giấy khai sinh của con' })).toBe(true);
    expect(fits(result, '2.000908', { id: 'chung.3', name: 'Giấy chứng tử' })).toBe(false);
    // One word in common is not a kind.
    expect(fits({ procedureCode: null, component: null, kind: kindKey('Giấy') }, '2.000908', { id: 'x', name: 'Giấy chứng tử' })).toBe(false);
  });
});

describe('OCR with Tesseract (vie)', () => {
  it('reads Vietnamese text from a page made here', async () => {
    const text = await recognise({ data: scanPng(['Họ và tên: Nguyễn Thị Hoà', 'Số: 125']), mime: 'image/png' }, OPTS);
    expect(fold(text)).toContain(fold('Nguyễn Thị Hoà'));
    expect(text).toContain('125');
  }, 60_000);

  it('says clearly when the program is missing, fails, or is too slow — and kills the slow one', async () => {
    const page = { data: scanPng(['Số: 1']), mime: 'image/png' };
    const missing = await recognise(page, { ...OPTS, tesseract: '/nonexistent/tesseract' }).catch((e) => e);
    expect(missing).toBeInstanceOf(OcrError);
    expect(missing.code).toBe('ocr_unavailable');
    expect(missing.message).toMatch(/chưa cài chương trình tesseract/);
    const failing = await recognise(page, { ...OPTS, tesseract: script('hong', 'cat >/dev/null; echo "Error in pixReadMem" >&2; exit 1') }).catch((e) => e);
    expect(failing.code).toBe('ocr_failed');
    expect(failing.message).toMatch(/Không nhận dạng được chữ.*Error in pixReadMem/);
    const started = Date.now();
    const slow = await recognise(page, { ...OPTS, tesseract: script('cham', 'cat >/dev/null; sleep 30'), timeoutMs: 500 }).catch((e) => e);
    expect(slow.code).toBe('ocr_timeout');
    expect(slow.message).toMatch(/quá 1 giây/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const notImage = await recognise({ data: Buffer.from('không phải ảnh'), mime: 'image/png' }, OPTS).catch((e) => e);
    expect(notImage.code).toBe('ocr_failed');
  }, 30_000);
});

describe('a register book (multi-page PDF)', () => {
  it('counts its pages and reads any one page, not only the first', async () => {
    const book = await scanBook([['Họ và tên: Trần Văn Bốn', 'Số: 1'], ['Họ và tên: Đặng Thị Năm', 'Số: 2'], ['Họ và tên: Vũ Văn Sáu', 'Số: 3']]);
    expect(await pdfPageCount(book, OPTS)).toBe(3);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-book-test-')), 'so.pdf');
    fs.writeFileSync(file, book);
    const second = fold(await readText(await rasterisePdfPage({ file }, 2, OPTS), OPTS));
    expect(second).toContain(fold('Đặng Thị Năm'));
    expect(second).not.toContain(fold('Trần Văn Bốn'));
    const beyond = await rasterisePdfPage({ file }, 4, OPTS).catch((e) => e);
    expect(beyond).toBeInstanceOf(OcrError);
    // Not a PDF poppler can read: an OcrError, no page count.
    const broken = await pdfPageCount(Buffer.from('%PDF-1.4\nđây không phải nội dung PDF\n%%EOF\n'), OPTS).catch((e) => e);
    expect(broken).toBeInstanceOf(OcrError);
  }, 60_000);
});
