/**
 * Reading multipart/form-data bodies: the one helper every route with uploads uses (the JSON API,
 * the web forms, the counter, the bank statements).
 *
 * Files are streamed, never gathered whole in memory: the first MEMORY_BUDGET bytes of a request's
 * files stay in memory (a typical 200 KB scan costs no disk write), everything beyond goes to a
 * temporary file under `DATA_DIR/uploads-tmp/`. The per-file and per-request limits are enforced
 * while the bytes arrive, so a 40 × 10 MB request is refused at its 50th megabyte instead of after
 * all of it was buffered. The temporary files of a request are removed when it ends, on every path
 * (answer sent, error, client gone), and those a crash left behind at the next start (`sweepUploads`).
 *
 * A body that is not valid multipart (no boundary, cut short, broken part headers) is a 400 with a
 * Vietnamese message, never a 500.
 */
import { fastifyMultipart, type FastifyMultipartOptions } from '@fastify/multipart';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError, DomainError, RuleViolationError, ValidationError } from './errors';
import { cleanText } from './text';

export interface UploadedFile {
  /** The form field the file came in. */
  field: string;
  filename: string;
  /** The Content-Type the client declared; a hint only. */
  mimetype: string;
  size: number;
  /** The bytes (read from memory or from the temporary file). Call once per use; not cached. */
  read(): Promise<Buffer>;
}

export interface MultipartBody {
  /** Text fields, cleaned like every other input (shared/text.ts); the last value of a repeated name. */
  fields: Record<string, string>;
  /** Every value of each text field, in order (for repeated names such as checkboxes). */
  lists: Record<string, string[]>;
  files: UploadedFile[];
}

export interface UploadLimits {
  /** Largest single file. */
  maxFileBytes: number;
  /** Largest sum of the files of one request. */
  maxTotalBytes: number;
  /** Most files in one request. */
  maxFiles: number;
}

/** The dossier limits (README: 10 MB a file, 50 MB a dossier, 40 files). */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxFiles: 40 };
/** Bytes of one request's files kept in memory before spilling to disk. */
export const MEMORY_BUDGET = 1024 * 1024;

const MB = 1024 * 1024;
const kUploadDir = Symbol('motcua.uploadDir');
const kTmp = Symbol('motcua.uploadTmp');

type WithTmp = FastifyRequest & { [kTmp]?: string };

/**
 * @fastify/multipart without the two hooks it puts on EVERY request, GETs included: an async
 * onRequest that attaches a 'close' listener and an async onResponse, both only for its disk mode
 * (`saveRequestFiles`), which motcua never uses — readMultipart streams and removes its own
 * temporary files (registerUploads). Measured on the cached public answers, those two promises
 * and a listener were a visible share of each request's time.
 */
export async function registerMultipart(app: FastifyInstance, opts: FastifyMultipartOptions): Promise<void> {
  const plugin = (instance: FastifyInstance, o: FastifyMultipartOptions, done: (err?: Error) => void) => {
    const addHook = instance.addHook;
    const restore = () => void (instance.addHook = addHook);
    instance.addHook = function (this: FastifyInstance, name: string, fn: unknown) {
      if (name === 'onRequest' || name === 'onResponse') return this;
      return (addHook as (n: string, f: unknown) => FastifyInstance).call(this, name, fn);
    } as typeof addHook;
    try {
      (fastifyMultipart as unknown as (i: FastifyInstance, o: FastifyMultipartOptions, d: (err?: Error) => void) => void)(instance, o, (err) => {
        restore();
        done(err);
      });
    } catch (e) {
      restore();
      throw e;
    }
  };
  // Like fastify-plugin: the decorations land on `app` itself, as with app.register(multipart).
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: '@fastify/multipart' });
  await app.register(plugin, opts);
}

/** Where the temporary files go; the hooks that remove a request's files when it ends. */
export function registerUploads(app: FastifyInstance, opts: { dir: string }): void {
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o750 });
  (app as unknown as Record<symbol, string>)[kUploadDir] = opts.dir;
  const cleanup = async (req: FastifyRequest) => {
    await removeTmp(req as WithTmp);
  };
  // Only a request with a body can bring files: the hooks go on every route that takes one, as
  // it is added, and reading routes (pages, searches, lookups) carry none.
  app.addHook('onRoute', (r) => {
    if ([r.method].flat().every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS')) return;
    r.onResponse = [...hooksOf(r.onResponse), cleanup];
    r.onRequestAbort = [...hooksOf(r.onRequestAbort), cleanup];
  });
}

function hooksOf<T>(h: T | T[] | undefined): T[] {
  return Array.isArray(h) ? h : h ? [h] : [];
}

async function removeTmp(req: WithTmp): Promise<void> {
  const dir = req[kTmp];
  if (!dir) return;
  req[kTmp] = undefined;
  await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Temporary upload files older than `olderThanMs` (left by a crash) are removed. */
export async function sweepUploads(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    try {
      const st = await fsp.stat(p);
      if (now - st.mtimeMs < olderThanMs) continue;
      await fsp.rm(p, { recursive: true, force: true });
      removed++;
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

function uploadDirOf(req: FastifyRequest): string {
  const dir = (req.server as unknown as Record<symbol, string | undefined>)[kUploadDir];
  if (!dir) throw new Error('registerUploads() was not called on this Fastify instance');
  return dir;
}

async function tmpDirOf(req: WithTmp): Promise<string> {
  if (!req[kTmp]) {
    const dir = path.join(uploadDirOf(req), `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`);
    await fsp.mkdir(dir, { mode: 0o700 });
    req[kTmp] = dir;
  }
  return req[kTmp];
}

const mb = (n: number) => `${Math.round(n / MB)} MB`;

export const malformedMultipart = () =>
  new BadRequestError(
    'malformed_multipart',
    'Dữ liệu gửi lên không đúng định dạng multipart/form-data (thiếu ranh giới "boundary", bị cắt ngang hoặc phần đầu hỏng). Xin gửi lại biểu mẫu.',
  );

/** Errors of the multipart plugin and of busboy, as the user should read them. */
function translate(e: unknown, limits: UploadLimits): unknown {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return new RuleViolationError('too_many_files', `Mỗi lần gửi tối đa ${limits.maxFiles} tệp.`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new RuleViolationError('too_many_parts', 'Biểu mẫu gửi lên có quá nhiều trường.');
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge('', '', limits);
  return malformedMultipart();
}

function fileTooLarge(field: string, filename: string, limits: UploadLimits) {
  const name = filename ? `Tệp "${filename}"` : 'Một tệp';
  return new ValidationError(`${name} vượt quá ${mb(limits.maxFileBytes)}.`, [{ field: field || 'file', code: 'file_too_large', message: `${name} vượt quá ${mb(limits.maxFileBytes)}` }], 'file_too_large');
}

/**
 * Read a multipart body: text fields (cleaned) and files (streamed, limits enforced on the way).
 * Throws 400 `malformed_multipart` for a broken body, 422 `file_too_large` / `upload_too_large` /
 * `too_many_files` for limits. Temporary files live until the request ends.
 */
export async function readMultipart(req: FastifyRequest, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<MultipartBody> {
  const fields: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const files: UploadedFile[] = [];
  let total = 0;
  let inMemory = 0;
  try {
    // busboy stops a file at fileSize and marks it truncated; one byte more tells "exactly at the limit" from "over".
    const parts = req.parts({ limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles } });
    for await (const part of parts) {
      if (part.type !== 'file') {
        // A part sent with Content-Type: application/json arrives already parsed by the plugin.
        const value = cleanText(typeof part.value === 'string' ? part.value : JSON.stringify(part.value ?? ''));
        const name = cleanText(part.fieldname);
        fields[name] = value;
        (lists[name] ??= []).push(value);
        continue;
      }
      const field = cleanText(part.fieldname);
      let size = 0;
      const chunks: Buffer[] = [];
      let out: fs.WriteStream | undefined;
      let file: string | undefined;
      try {
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.maxFileBytes) throw fileTooLarge(field, part.filename, limits);
          if (total > limits.maxTotalBytes) {
            throw new RuleViolationError('upload_too_large', `Tổng dung lượng các tệp gửi lên vượt quá ${mb(limits.maxTotalBytes)}. Xin gửi bớt tệp hoặc quét lại với dung lượng nhỏ hơn.`);
          }
          if (!out && inMemory + chunk.length <= MEMORY_BUDGET) {
            chunks.push(chunk);
            inMemory += chunk.length;
            continue;
          }
          if (!out) {
            file = path.join(await tmpDirOf(req as WithTmp), String(files.length));
            out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
            for (const c of chunks.splice(0)) {
              inMemory -= c.length;
              if (!out.write(c)) await once(out, 'drain');
            }
          }
          if (!out.write(chunk)) await once(out, 'drain');
        }
        if (part.file.truncated) throw fileTooLarge(field, part.filename, limits);
      } finally {
        if (out) {
          out.end();
          await once(out, 'close').catch(() => undefined);
        }
      }
      if (size === 0 && !part.filename) continue; // an empty <input type=file>
      const data = file ? undefined : Buffer.concat(chunks);
      const at = file;
      files.push({
        field,
        filename: part.filename,
        mimetype: part.mimetype,
        size,
        read: () => (at ? fsp.readFile(at) : Promise.resolve(data!)),
      });
    }
  } catch (e) {
    await removeTmp(req as WithTmp);
    throw translate(e, limits);
  }
  return { fields, lists, files };
}

/** The file as the services take it (bytes, name, declared type); read when needed, one at a time. */
export async function asUpload(f: UploadedFile): Promise<{ data: Buffer; filename: string; declaredType: string }> {
  return { data: await f.read(), filename: f.filename, declaredType: f.mimetype };
}
