/**
 * Content-addressed storage of attachment bytes. The database keeps the metadata (dossier,
 * name, type) and the SHA-256; the store keeps one copy of each distinct content.
 *
 * BlobStore is the seam between the two backends: this file's FileStore (the local disk, the
 * default) and S3Store (file.s3.ts, FILE_STORE=s3://bucket). openBlobStore (file.open.ts) picks one.
 */
import { createHash, randomBytes } from 'node:crypto';
import fsCb, { constants as fsc, lstatSync } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { systemClock, type Clock } from '../shared/clock';
import { NotFoundError, RuleViolationError } from '../shared/errors';

export interface BlobInput {
  data: Buffer;
  /** Must be the SHA-256 of `data`; checked. */
  sha256: string;
}

export interface PutResult {
  sha256: string;
  /** The same content was already stored; nothing was written. */
  existed: boolean;
}

export interface SweepOptions {
  /** Whether the database still points at this content. Called only for blobs past the grace period. */
  referenced: (sha256: string) => boolean | Promise<boolean>;
  /**
   * Grace period: an unreferenced blob younger than this is kept, because its database row may
   * not be committed yet (put first, then commit). Use well above the longest upload transaction.
   */
  olderThanMs: number;
  /** Leftover tmp files older than this are deleted (younger ones may be a put in progress). Default 60 s. */
  tmpOlderThanMs?: number;
  /**
   * How long this sweep may take (ms, real time). A store whose listing is remote (S3) stops when
   * it is spent, after at least one blob, and the next sweep goes on from there; the local disk
   * always sweeps whole. Default: no limit.
   */
  budgetMs?: number;
}

export interface SweepResult {
  /** Blobs looked at. */
  scanned: number;
  tmpRemoved: number;
  orphansRemoved: number;
  bytesFreed: number;
  /** False when the budget ran out before every blob was looked at (the next sweep continues). */
  complete: boolean;
}

export interface BlobStore {
  put(blob: BlobInput): Promise<PutResult>;
  /** Throws NotFoundError when absent. */
  get(sha256: string): Promise<Buffer>;
  /** Opened before returning, so absence throws NotFoundError here rather than on the stream. */
  stream(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** True if something was deleted. */
  remove(sha256: string): Promise<boolean>;
  /** Delete leftovers of interrupted writes and content no longer referenced. Run at start and periodically. */
  sweep(options: SweepOptions): Promise<SweepResult>;
}

const SHA256 = /^[0-9a-f]{64}$/i;
const HEX2 = /^[0-9a-f]{2}$/;
const DEFAULT_TMP_GRACE_MS = 60_000;
// Citizens' papers: owner and group (backup) only.
const FILE_MODE = 0o640;
const DIR_MODE = 0o750;

export function isSha256(s: string): boolean {
  return SHA256.test(s);
}

/** Digests made of buffers still alive: an upload is hashed when checked and again when stored. */
const digests = new WeakMap<Buffer, { length: number; sha256: string }>();

/**
 * Lower-case hex SHA-256: the address of `data`. The same buffer asked again (same object, same
 * length — nothing in motcua writes into an upload's bytes once received) is not hashed again.
 */
export function sha256Hex(data: Buffer): string {
  const known = digests.get(data);
  if (known && known.length === data.length) return known.sha256;
  const sha256 = createHash('sha256').update(data).digest('hex');
  digests.set(data, { length: data.length, sha256 });
  return sha256;
}

/**
 * Local disk: `root/ab/cd/<sha256>`, writes staged in `root/tmp/`. The app passes `${DATA_DIR}/files`.
 * Several processes (server, worker) may share one root: every step is safe under concurrency.
 */
export class FileStore implements BlobStore {
  readonly root: string;
  private readonly tmpDir: string;
  private readonly clock: Clock;
  /** Folders this store has made or found (created once per process, not at every put). */
  private readonly made = new Set<string>();

  constructor(root: string, opts: { clock?: Clock } = {}) {
    this.root = path.resolve(root);
    this.tmpDir = path.join(this.root, 'tmp');
    this.clock = opts.clock ?? systemClock;
  }

  /** The path of a blob. Validates first: a hash from a URL never reaches the file system unchecked. */
  pathOf(sha256: string): string {
    const h = checkSha256(sha256);
    return path.join(this.root, h.slice(0, 2), h.slice(2, 4), h);
  }

  async put(blob: BlobInput): Promise<PutResult> {
    const target = this.pathOf(blob.sha256);
    const sha256 = path.basename(target);
    if (sha256Hex(blob.data) !== sha256) throw new Error(`FileStore.put: data does not hash to ${sha256}`);

    if (await this.refreshIfComplete(target, blob.data.length)) return { sha256, existed: true };

    // Write aside, flush, then rename: a crash leaves either no blob or a whole one, never half.
    if (!this.made.has(this.tmpDir)) {
      await fs.mkdir(this.tmpDir, { recursive: true, mode: DIR_MODE });
      this.made.add(this.tmpDir);
    }
    const tmp = path.join(this.tmpDir, randomBytes(16).toString('hex'));
    try {
      await writeFlushed(tmp, blob.data);
    } catch (err) {
      if ((err as { opened?: boolean }).opened) await fs.rm(tmp, { force: true });
      else this.made.clear(); // the staging folder removed behind our back: made again next time
      throw err;
    }
    const dir = path.dirname(target);
    try {
      if (!this.made.has(dir)) {
        await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
        this.made.add(dir);
      }
      // A concurrent put of the same content may have landed meanwhile: renaming over it is
      // harmless (same bytes, atomic replace).
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      // A folder removed behind our back (by hand, a restore): made again on the next put.
      this.made.clear();
      throw err;
    }
    await syncDir(dir);
    return { sha256, existed: false };
  }

  async get(sha256: string): Promise<Buffer> {
    const p = this.pathOf(sha256);
    try {
      return await fs.readFile(p);
    } catch (err) {
      throw isNotFound(err) ? notFound() : err;
    }
  }

  async stream(sha256: string): Promise<Readable> {
    const p = this.pathOf(sha256);
    let fh: FileHandle;
    try {
      fh = await fs.open(p, 'r');
    } catch (err) {
      throw isNotFound(err) ? notFound() : err;
    }
    return fh.createReadStream(); // closes the handle when the stream ends or is destroyed
  }

  async has(sha256: string): Promise<boolean> {
    const p = this.pathOf(sha256);
    try {
      return (await fs.stat(p)).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async remove(sha256: string): Promise<boolean> {
    const p = this.pathOf(sha256);
    try {
      await fs.unlink(p);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async sweep(options: SweepOptions): Promise<SweepResult> {
    const now = this.clock.now().getTime();
    const tmpCutoff = now - (options.tmpOlderThanMs ?? DEFAULT_TMP_GRACE_MS);
    const cutoff = now - options.olderThanMs;
    const result: SweepResult = { scanned: 0, tmpRemoved: 0, orphansRemoved: 0, bytesFreed: 0, complete: true };

    for (const name of await listDir(this.tmpDir)) {
      const p = path.join(this.tmpDir, name);
      const st = await statOrNull(p);
      if (!st?.isFile() || st.mtimeMs > tmpCutoff) continue;
      if (await unlinkIfPresent(p)) {
        result.tmpRemoved++;
        result.bytesFreed += st.size;
      }
    }

    for (const a of await listDir(this.root)) {
      if (!HEX2.test(a)) continue;
      for (const b of await listDir(path.join(this.root, a))) {
        if (!HEX2.test(b)) continue;
        const dir = path.join(this.root, a, b);
        for (const name of await listDir(dir)) {
          // Anything not named like a blob of this folder is not ours to judge: left alone.
          if (!SHA256.test(name) || name !== name.toLowerCase() || !name.startsWith(a + b)) continue;
          result.scanned++;
          const p = path.join(dir, name);
          const st = await statOrNull(p);
          if (!st?.isFile() || st.mtimeMs > cutoff) continue;
          if (await options.referenced(name)) continue;
          // A put that deduplicated onto this blob while we asked the database refreshed its
          // mtime; look again so its not-yet-committed row does not lose its file.
          const again = await statOrNull(p);
          if (!again || again.mtimeMs > cutoff) continue;
          if (await unlinkIfPresent(p)) {
            result.orphansRemoved++;
            result.bytesFreed += again.size;
          }
        }
      }
    }
    return result;
  }

  /**
   * True if a complete blob is already at `target`. Its mtime is reset to now: the caller is
   * about to commit a row pointing at it, and sweep must treat it as fresh until then.
   */
  private async refreshIfComplete(target: string, size: number): Promise<boolean> {
    // Asked synchronously, with no error made when absent (the usual answer: a new paper): an lstat
    // is a lookup in the kernel's cache of names, microseconds, where the thread pool's round trip
    // and the ENOENT error it rejects with cost tens of microseconds of CPU per submission.
    const st = lstatSync(target, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== size) return false;
    const now = this.clock.now();
    try {
      await fs.utimes(target, now, now);
    } catch (err) {
      if (isNotFound(err)) return false; // swept between stat and utimes: write it again
      throw err;
    }
    return true;
  }
}

/** The hash in lower case, or a RuleViolationError: what every backend does before using one. */
export function checkSha256(sha256: string): string {
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) {
    throw new RuleViolationError('file_id_invalid', 'Mã tệp đính kèm không hợp lệ.');
  }
  return sha256.toLowerCase();
}

export function notFound(): NotFoundError {
  return new NotFoundError('Không tìm thấy tệp đính kèm. Tệp có thể đã bị xoá.', 'file_not_found');
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

async function statOrNull(p: string) {
  try {
    return await fs.lstat(p);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function unlinkIfPresent(p: string): Promise<boolean> {
  try {
    await fs.unlink(p);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/*
 * A put's file steps go through fs's callback API, each chain settling one promise: through
 * fs/promises every step is a promise of its own and the file a FileHandle (an object with its
 * own reference count and close bookkeeping) — ~0.2 ms more user CPU per 200 KB put, measured in
 * isolation (docs/benchmarks.md, 6 December).
 *
 * Each step sent to libuv's thread pool is a round trip (a worker woken, the answer posted back to
 * the event loop: two context switches and their system calls), so a put makes as few as it can:
 * the file is opened with O_DSYNC where the platform has it (every write returns once its bytes
 * and the size needed to read them back are on disk — what the fsync after it guaranteed, in one
 * step instead of two), and the directory whose entry must be made durable is opened and closed
 * in place: a read-only open of a folder the rename has just used is a lookup in the kernel's
 * cache of names and its close releases nothing to write, microseconds where a round trip costs
 * tens (issue 10); only its fsync, which waits for the disk, goes to the pool.
 */
type Done = (err: NodeJS.ErrnoException | null) => void;

/** Create-exclusive, write-only, each write durable when it returns; undefined where O_DSYNC is unknown (Windows). */
const CREATE_DSYNC = fsc.O_DSYNC ? fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_DSYNC : undefined;

/**
 * Create `file` (it must not exist), write all of `data`, make it durable, close. A failure after
 * the file was created carries `opened: true` (the caller removes the file); the descriptor is
 * always closed.
 */
function writeFlushed(file: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    fsCb.open(file, CREATE_DSYNC ?? 'wx', FILE_MODE, (err, fd) => {
      if (err) return reject(err);
      const finish = (failure: NodeJS.ErrnoException | null) =>
        fsCb.close(fd, (closeErr) => {
          const e = failure ?? closeErr;
          if (e) reject(Object.assign(e, { opened: true }));
          else resolve();
        });
      const writeFrom = (offset: number, done: Done): void => {
        if (offset >= data.length) return done(null);
        fsCb.write(fd, data, offset, data.length - offset, null, (e, n) => (e ? done(e) : writeFrom(offset + n, done)));
      };
      writeFrom(0, (e) => (e ? finish(e) : CREATE_DSYNC !== undefined ? finish(null) : fsCb.fsync(fd, finish)));
    });
  });
}

/** Make a rename durable: fsync the directory entry. Not possible on every platform (Windows): best effort. */
function syncDir(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = fsCb.openSync(dir, fsc.O_RDONLY);
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    fsCb.fsync(fd, () => {
      try {
        fsCb.closeSync(fd);
      } catch {
        // nothing was written through this descriptor: nothing to lose
      }
      resolve();
    });
  });
}
