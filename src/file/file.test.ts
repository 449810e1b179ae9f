import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { PNG_AS_PHOTO_BYTES } from './file.service';
import { prepareUpload, sha256Hex, sniffType, type PreparedFile, type UploadLimits } from './index';

const MB = 1024 * 1024;
const LIMITS: UploadLimits = { maxFileBytes: 20 * MB };

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-file-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// --- samples, written to and read back from real files, as an upload handler would

let saves = 0;
async function saved(data: Buffer): Promise<Buffer> {
  // The citizen's name never becomes a path: the upload handler spools to a name of its own.
  const p = path.join(dir, `upload-${++saves}`);
  await fs.writeFile(p, data);
  return fs.readFile(p);
}

async function upload(filename: string, data: Buffer, declaredType?: string, limits = LIMITS): Promise<PreparedFile> {
  return prepareUpload({ data: await saved(data), filename, declaredType }, limits);
}

/** The domain error an upload is refused with. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Giấy khai sinh' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Giay khai sinh - ban sao');
    doc.end();
  });
}

/** Left half red, right half blue, so orientation can be checked by looking at pixels. */
function twoTone(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#ff0000' } }).composite([
    {
      input: { create: { width: Math.floor(width / 2), height, channels: 3, background: '#0000ff' } },
      left: Math.ceil(width / 2),
      top: 0,
    },
  ]);
}

const GPS_EXIF = {
  IFD0: { Make: 'MotcuaPhone', Model: 'Test 1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
};

/** Tag ids in IFD0 of an EXIF block ("Exif\0\0" + TIFF). 0x8825 points at the GPS IFD. */
function ifd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}
const GPS_IFD_TAG = 0x8825;

/** A minimal HEIC start: ftyp box (major, minor version, compatible brands) and an empty meta box. */
function heifHeader(major: string, compatible: string[]): Buffer {
  const ftyp = Buffer.alloc(16 + 4 * compatible.length);
  ftyp.writeUInt32BE(ftyp.length, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(major, 8, 'latin1');
  compatible.forEach((b, i) => ftyp.write(b, 16 + 4 * i, 'latin1'));
  const meta = Buffer.alloc(12);
  meta.writeUInt32BE(12, 0);
  meta.write('meta', 4, 'latin1');
  return Buffer.concat([ftyp, meta, Buffer.alloc(64, 0x2a)]);
}

/** A PNG whose header claims width × height but carries almost no data: a decompression bomb. */
function pngBombHeader(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0))]);
}

describe('sniffType', () => {
  it('recognises each accepted type by its magic bytes and nothing else', async () => {
    expect(sniffType(await makePdf())).toBe('application/pdf');
    expect(sniffType(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).jpeg().toBuffer())).toBe('image/jpeg');
    expect(sniffType(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer())).toBe('image/png');
    expect(sniffType(heifHeader('heic', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffType(Buffer.from('<!doctype html><html><body>%PDF-1.7</body></html>'.padStart(1100, ' ')))).toBeNull();
    expect(sniffType(Buffer.from('Đơn đề nghị cấp bản sao'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });

  it('finds a PDF header preceded by junk within the first 1024 bytes, not later', () => {
    const pdfAt = (offset: number) => Buffer.concat([Buffer.alloc(offset, 0x20), Buffer.from('%PDF-1.4\n%%EOF\n')]);
    expect(sniffType(pdfAt(1019))).toBe('application/pdf');
    expect(sniffType(pdfAt(1023))).toBe('application/pdf');
    expect(sniffType(pdfAt(1024))).toBeNull();
  });

  it('reads HEIF brands from both the major and the compatible list, and tells AVIF apart', () => {
    expect(sniffType(heifHeader('mif1', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffType(heifHeader('heix', []))).toBe('image/heic');
    expect(sniffType(heifHeader('msf1', ['msf1', 'hevc']))).toBe('image/heic');
    expect(sniffType(heifHeader('mif1', ['mif1']))).toBe('image/heic');
    expect(sniffType(heifHeader('avif', ['avif', 'mif1', 'miaf']))).toBeNull();
    expect(sniffType(heifHeader('isom', ['isom', 'mp41']))).toBeNull(); // an MP4 video
  });
});

describe('prepareUpload', () => {
  it('accepts a real PDF as is', async () => {
    const pdf = await makePdf();
    const f = await upload('Giấy khai sinh.pdf', pdf, 'application/pdf');
    expect(f).toMatchObject({ mime: 'application/pdf', ext: 'pdf', size: pdf.length, downscaled: false });
    expect(f.data.equals(pdf)).toBe(true);
    expect(f.sha256).toBe(sha256Hex(pdf));
    expect(f.originalName).toBe('Giấy khai sinh.pdf');
  });

  it('accepts a small JPEG without resizing and strips its EXIF and GPS position', async () => {
    const jpeg = await twoTone(800, 600).withExif(GPS_EXIF).jpeg().toBuffer();
    expect(ifd0Tags((await sharp(jpeg).metadata()).exif!)).toContain(GPS_IFD_TAG);

    const f = await upload('cccd-mat-truoc.jpg', jpeg, 'image/jpeg');
    expect(f).toMatchObject({ mime: 'image/jpeg', ext: 'jpg', width: 800, height: 600, downscaled: false });
    expect((await sharp(f.data).metadata()).exif).toBeUndefined();
    expect(f.data.includes(Buffer.from('MotcuaPhone'))).toBe(false);
    expect(f.sha256).toBe(sha256Hex(f.data));
    expect(f.size).toBe(f.data.length);
  });

  it('downscales a 4000×3000 phone photo to 2000 px, turned upright, with no EXIF/GPS left', async () => {
    // Stored landscape with Orientation 6 ("rotate 90° clockwise to view"), as phones do.
    const photo = await twoTone(4000, 3000).withExif(GPS_EXIF).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
    const before = await sharp(photo).metadata();
    expect([before.width, before.height, before.orientation]).toEqual([4000, 3000, 6]);
    expect(ifd0Tags(before.exif!)).toContain(GPS_IFD_TAG);

    const f = await upload('IMG_20260301_081500.jpg', photo, 'image/jpeg');
    expect(f).toMatchObject({ mime: 'image/jpeg', width: 1500, height: 2000, downscaled: true });
    const after = await sharp(f.data).metadata();
    expect([after.width, after.height]).toEqual([1500, 2000]);
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(f.data.includes(Buffer.from('MotcuaPhone'))).toBe(false);
    expect(f.data.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);

    // Upright: the left (red) half of the sensor image is now the top of the picture.
    const { data, info } = await sharp(f.data).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [r1, , b1] = px(750, 300);
    const [r2, , b2] = px(750, 1700);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('honours a smaller maxDimension', async () => {
    const jpeg = await twoTone(1200, 900).jpeg().toBuffer();
    const f = await upload('so-ho-khau.jpg', jpeg, undefined, { ...LIMITS, maxDimension: 1000 });
    expect(f).toMatchObject({ width: 1000, height: 750, downscaled: true });
  });

  it('keeps a PNG scan a PNG, without its metadata', async () => {
    const png = await twoTone(600, 400).withExif(GPS_EXIF).png().toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const f = await upload('ban-scan.png', png, 'image/png');
    expect(f).toMatchObject({ mime: 'image/png', ext: 'png', width: 600, height: 400, downscaled: false });
    expect(sniffType(f.data)).toBe('image/png');
    expect((await sharp(f.data).metadata()).exif).toBeUndefined();
  });

  it('turns a huge opaque PNG photo into a JPEG, but keeps transparency a PNG', async () => {
    const noise = (channels: 3 | 4) =>
      sharp(randomBytes(1800 * 1200 * channels), { raw: { width: 1800, height: 1200, channels } }).png().toBuffer();
    const photo = await noise(3);
    expect(photo.length).toBeGreaterThan(PNG_AS_PHOTO_BYTES);
    const f = await upload('chup-man-hinh.png', photo);
    expect(f).toMatchObject({ mime: 'image/jpeg', ext: 'jpg', width: 1800, height: 1200, downscaled: false });
    expect(sniffType(f.data)).toBe('image/jpeg');
    expect(f.size).toBeLessThan(photo.length);

    const withAlpha = await upload('con-dau.png', await noise(4));
    expect(withAlpha.mime).toBe('image/png');
  });

  it('accepts a photo mislabelled by the phone as what it really is', async () => {
    const png = await twoTone(300, 200).png().toBuffer();
    const f = await upload('anh.jpg', png, 'image/jpeg');
    expect(f).toMatchObject({ mime: 'image/png', ext: 'png', originalName: 'anh.jpg' });
  });

  it('accepts HEIC as is (cannot be decoded here) as image/heic', async () => {
    const heic = heifHeader('heic', ['mif1', 'heic', 'miaf']);
    const f = await upload('IMG_0042.HEIC', heic, 'image/heic');
    expect(f).toMatchObject({ mime: 'image/heic', ext: 'heic', downscaled: false, size: heic.length });
    expect(f.data.equals(heic)).toBe(true);
    expect(f.width).toBeUndefined();
  });

  it('refuses a text file renamed .pdf as not a real PDF', async () => {
    const err = await refusal(upload('Giay to.pdf', Buffer.from('Họ và tên: Nguyễn Văn A\n'), 'application/pdf'));
    expect(err.code).toBe('file_content_mismatch');
    expect(err.message).toContain('Tệp “Giay to.pdf” không phải là PDF thật');
  });

  it('refuses a photo renamed .pdf, and a text file declared as application/pdf', async () => {
    const jpeg = await twoTone(40, 30).jpeg().toBuffer();
    const a = await refusal(upload('scan.PDF', jpeg));
    expect(a.code).toBe('file_content_mismatch');
    expect(a.message).toContain('ảnh JPEG');
    const b = await refusal(upload('to-khai', Buffer.from('hello'), 'application/pdf; charset=binary'));
    expect(b.code).toBe('file_content_mismatch');
  });

  it('refuses an HTML page, saying which types are accepted', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    const err = await refusal(upload('trang.html', html, 'text/html'));
    expect(err.code).toBe('file_type_not_allowed');
    expect(err.message).toContain('“trang.html”');
    for (const t of ['PDF', 'JPEG', 'PNG', 'HEIC']) expect(err.message).toContain(t);
    // Claiming an image type changes nothing.
    expect((await refusal(upload('trang.jpg', html, 'image/jpeg'))).code).toBe('file_type_not_allowed');
  });

  it('refuses an empty file', async () => {
    const err = await refusal(upload('trong.pdf', Buffer.alloc(0)));
    expect(err.code).toBe('file_empty');
    expect(err.message).toContain('“trong.pdf”');
  });

  it('refuses a file over the size limit, naming both sizes', async () => {
    const pdf = Buffer.concat([await makePdf(), Buffer.alloc(2 * MB)]);
    const err = await refusal(upload('ho-so-day.pdf', pdf, 'application/pdf', { maxFileBytes: 2 * MB }));
    expect(err.code).toBe('file_too_large');
    expect(err.message).toContain('“ho-so-day.pdf”');
    expect(err.message).toContain('2 MB');
    // Exactly at the limit is fine.
    const atLimit = await makePdf();
    await expect(upload('vua.pdf', atLimit, undefined, { maxFileBytes: atLimit.length })).resolves.toMatchObject({ mime: 'application/pdf' });
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const bomb = pngBombHeader(30_000, 30_000);
    expect(bomb.length).toBeLessThan(2000);
    const err = await refusal(upload('bom.png', bomb));
    expect(err.code).toBe('file_too_large');
    expect(err.message).toContain('30000 × 30000');
    const small = await twoTone(1000, 1000).png().toBuffer();
    expect((await refusal(upload('lon.png', small, undefined, { ...LIMITS, maxImagePixels: 999_999 }))).code).toBe('file_too_large');
  });

  it('refuses a broken or truncated image as unreadable', async () => {
    const jpeg = await twoTone(400, 300).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const err = await refusal(upload('cat-do.jpg', truncated));
    expect(err.code).toBe('image_unreadable');
    expect(err.message).toContain('“cat-do.jpg”');
    const pngSignatureOnly = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await refusal(upload('rac.png', pngSignatureOnly))).code).toBe('image_unreadable');
  });

  it('sanitises the original name: NFC, no path, no invisible characters, at most 200 characters', async () => {
    const pdf = await makePdf();
    const nfd = 'C:\\fakepath\\..\\Giấy khai sinh.pdf'.normalize('NFD');
    expect((await upload(nfd, pdf)).originalName).toBe('Giấy khai sinh.pdf'.normalize('NFC'));
    expect((await upload('../../etc/passwd.pdf', pdf)).originalName).toBe('passwd.pdf');
    expect((await upload('hoso\u202Efdp.exe\u0000.pdf', pdf)).originalName).toBe('hosofdp.exe.pdf');
    expect((await upload('..', pdf)).originalName).toBe('tep-dinh-kem.pdf');
    const long = `${'Đơn đề nghị '.repeat(30)}.pdf`;
    const name = (await upload(long, pdf)).originalName;
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.startsWith('Đơn đề nghị Đơn')).toBe(true);
  });
});
