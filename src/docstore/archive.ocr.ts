/**
 * OCR of a scanned page with Tesseract from Debian (`tesseract-ocr`, `tesseract-ocr-vie`), off the
 * request: a child process per page, fed the image on stdin, killed when it runs past the time
 * limit. A page of a PDF is rasterised with `pdftoppm` (poppler-utils) first — one page at a time,
 * from the book's file on disk, so a register of 200 pages is never read whole for each page;
 * `pdfinfo` counts a PDF's pages. Images are prepared with sharp: upright, grey, contrast
 * stretched, small scans enlarged (Tesseract reads text best at about 300 dpi).
 */
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export interface OcrOptions {
  /** The tesseract program (OCR_TESSERACT). */
  tesseract: string;
  /** The pdftoppm program (poppler-utils). */
  pdftoppm: string;
  /** The pdfinfo program (poppler-utils): a PDF's page count. */
  pdfinfo: string;
  timeoutMs: number;
  /** Tesseract language(s), "vie" for Vietnamese. */
  lang: string;
}

export class OcrError extends Error {
  constructor(
    readonly code: 'ocr_timeout' | 'ocr_failed' | 'ocr_unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** Run a program with `input` on stdin; its stdout, or an OcrError (not found, failed, too slow). */
function run(cmd: string, args: string[], input: Buffer, timeoutMs: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let done = false;
    const finish = (e?: OcrError, v?: Buffer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(v!);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new OcrError('ocr_timeout', `Nhận dạng chữ quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng (${what}). Xin nhập các trường bằng tay.`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => void (err = (err + c.toString('utf8')).slice(-500)));
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish(new OcrError(e.code === 'ENOENT' ? 'ocr_unavailable' : 'ocr_failed', e.code === 'ENOENT' ? `Máy chủ chưa cài chương trình ${what} (${cmd}). Xin nhập các trường bằng tay.` : `Không chạy được ${what}: ${e.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) finish(undefined, Buffer.concat(out));
      else finish(new OcrError('ocr_failed', `Không nhận dạng được chữ trên trang quét (${what} báo lỗi${err ? `: ${err.trim().split('\n').at(-1)}` : ''}). Xin nhập các trường bằng tay.`));
    });
    child.stdin.on('error', () => undefined); // the program may exit before reading all of it
    child.stdin.end(input);
  });
}

/** The page as a clean grey PNG for Tesseract. */
async function prepare(image: Buffer): Promise<Buffer> {
  try {
    const img = sharp(image, { limitInputPixels: 100_000_000 }).rotate();
    const meta = await img.metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const pipeline = img.greyscale().normalise();
    if (width && width < 1600) pipeline.resize({ width: Math.min(width * 2, 3200) });
    return await pipeline.png().toBuffer();
  } catch {
    throw new OcrError('ocr_failed', 'Không đọc được ảnh của trang quét để nhận dạng chữ. Xin nhập các trường bằng tay.');
  }
}

/** The text of a page's image (PNG or JPEG). */
export async function readText(image: Buffer, o: OcrOptions): Promise<string> {
  const png = await prepare(image);
  const text = await run(o.tesseract, ['stdin', 'stdout', '-l', o.lang, '--psm', '4'], png, o.timeoutMs, 'tesseract');
  return text.toString('utf8').normalize('NFC').replace(/\f/g, '').trim();
}

/** The least time given to pdftoppm for one page (a scanned page of a busy machine can take seconds). */
const RASTER_MIN_MS = 30_000;

/**
 * Page `pageNo` (from 1) of a PDF as a grey PNG at 300 dpi: from its file on disk (a register book),
 * or from the bytes on stdin (pdftoppm writes its image only to a file: a private temporary directory).
 */
export async function rasterisePdfPage(pdf: { file: string } | { data: Buffer }, pageNo: number, o: Pick<OcrOptions, 'pdftoppm' | 'timeoutMs'>): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'motcua-ocr-'));
  try {
    const n = String(pageNo);
    const source = 'file' in pdf ? pdf.file : '-';
    // Rasterising is bounded too, but not below RASTER_MIN_MS: a short OCR limit is for tesseract.
    await run(o.pdftoppm, ['-r', '300', '-gray', '-png', '-f', n, '-l', n, '-singlefile', source, path.join(dir, 'trang')], 'data' in pdf ? pdf.data : Buffer.alloc(0), Math.max(o.timeoutMs, RASTER_MIN_MS), 'pdftoppm');
    return await fsp.readFile(path.join(dir, 'trang.png')).catch(() => {
      throw new OcrError('ocr_failed', `Không đọc được trang ${pageNo} của tệp PDF để nhận dạng chữ. Xin nhập các trường bằng tay.`);
    });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** How many pages a PDF has (`pdfinfo` reading it on stdin); an OcrError when poppler cannot read it. */
export async function pdfPageCount(pdf: Buffer, o: Pick<OcrOptions, 'pdfinfo' | 'timeoutMs'>): Promise<number> {
  const out = (await run(o.pdfinfo, ['-'], pdf, o.timeoutMs, 'pdfinfo')).toString('utf8');
  const m = /^Pages:\s+(\d+)\s*$/m.exec(out);
  if (!m || Number(m[1]) < 1) throw new OcrError('ocr_failed', 'Tệp PDF không có trang nào đọc được.');
  return Number(m[1]);
}

/** The text of a scanned page (an image, or the first page of a PDF). */
export async function recognise(page: { data: Buffer; mime: string }, o: OcrOptions): Promise<string> {
  const image = page.mime === 'application/pdf' ? await rasterisePdfPage({ data: page.data }, 1, o) : page.data;
  return readText(image, o);
}

/** The picture of a rasterised page that the official reads and a citizen's store offers: a grey JPEG about 200 dpi wide. */
export async function pagePicture(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: 100_000_000 }).greyscale().resize({ width: 1600, withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}
