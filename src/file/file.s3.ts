/**
 * The S3-compatible backend of the blob store (FILE_STORE=s3://bucket[/prefix]): several machines
 * share the attachments without a shared disk. Objects are keyed `<prefix>ab/cd/<sha256>`, the
 * layout of the disk store, so a tree copied with any S3 tool (or `aws s3 sync DATA_DIR/files`)
 * is found where it was.
 *
 * - put: a PUT is atomic (readers see the old object or the whole new one), so there is no tmp
 *   area; its ChecksumSHA256 makes the server refuse bytes that changed on the way. Content already
 *   stored is PUT again: that is what refreshes its age for the sweep (a copy onto itself would be
 *   cheaper on AWS, but not every S3-compatible server gives the copy a new LastModified), and
 *   identical uploads are rare enough for the bandwidth not to matter.
 * - get/stream: GetObject; stream hands on the response body as it arrives (nothing buffered).
 * - sweep: ListObjectsV2 over the prefix with LastModified as the age, the disk store's rule —
 *   in slices: a bucket may hold millions of papers, and listing them all costs minutes and a
 *   request per thousand. A sweep given a time budget stops when it is spent and remembers the
 *   last key it looked at; the next one goes on from there (StartAfter, also how it pages), and
 *   wraps round to the start of the prefix. The first sweep of a process
 *   starts at a random place in the key space (keys are hashes, so evenly spread), so that servers
 *   restarted often still cover the whole bucket over their runs. The server runs it as a
 *   background job, never before it starts answering (src/main.jobs.ts).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { systemClock, type Clock } from '../shared/clock';
import { checkSha256, isSha256, notFound, sha256Hex, type BlobInput, type BlobStore, type PutResult, type SweepOptions, type SweepResult } from './file.store';

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix ('' or ending with '/'). */
  prefix?: string;
  /** S3_ENDPOINT: an S3-compatible server (MinIO, Ceph, a cloud's object storage); AWS when absent. */
  endpoint?: string;
  region: string;
  /** Both or neither; neither = the SDK's default chain (AWS_* variables, shared files, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted servers need it. */
  forcePathStyle: boolean;
  clock?: Clock;
  /** Where the first sweep starts (a key to start after; '' = the start of the prefix). Default: a random place. */
  sweepFrom?: string;
  /** Keys asked for per listing request (at most 1,000 on S3). */
  listPageSize?: number;
}

const KEY_TAIL = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export class S3Store implements BlobStore {
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private readonly clock: Clock;
  private readonly pageSize: number | undefined;
  /** The last key the sweep looked at: the next one starts after it ('' = the start of the prefix). */
  private cursor: string;

  constructor(o: S3StoreOptions) {
    this.bucket = o.bucket;
    this.prefix = o.prefix ?? '';
    this.clock = o.clock ?? systemClock;
    this.pageSize = o.listPageSize;
    this.cursor = o.sweepFrom ?? `${this.prefix}${randomBytes(1).toString('hex')}/`;
    const config: S3ClientConfig = {
      region: o.region,
      forcePathStyle: o.forcePathStyle,
      // Checksums only where the API requires them: the SDK's default (a CRC on every request,
      // sent as a trailer of a chunked body) is not understood by every S3-compatible server.
      // put() sends its own SHA-256, which AWS checks.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    };
    if (o.endpoint) config.endpoint = o.endpoint;
    if (o.accessKeyId && o.secretAccessKey) config.credentials = { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey };
    this.client = new S3Client(config);
  }

  /** The object key of a blob. Validates first: a hash from a URL never becomes a key unchecked. */
  keyOf(sha256: string): string {
    const h = checkSha256(sha256);
    return `${this.prefix}${h.slice(0, 2)}/${h.slice(2, 4)}/${h}`;
  }

  async put(blob: BlobInput): Promise<PutResult> {
    const key = this.keyOf(blob.sha256);
    const sha256 = key.slice(-64);
    if (sha256Hex(blob.data) !== sha256) throw new Error(`S3Store.put: data does not hash to ${sha256}`);
    const before = await this.head(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: blob.data,
        ContentLength: blob.data.length,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
    return { sha256, existed: before !== undefined && before.size === blob.data.length };
  }

  async get(sha256: string): Promise<Buffer> {
    const body = await this.open(this.keyOf(sha256));
    const bytes = await body.transformToByteArray();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async stream(sha256: string): Promise<Readable> {
    const body = await this.open(this.keyOf(sha256));
    // In Node the body is the HTTP response itself (a Readable): handed on as it arrives.
    return body instanceof Readable ? body : Readable.from(body.transformToWebStream() as unknown as AsyncIterable<Uint8Array>);
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.head(this.keyOf(sha256))) !== undefined;
  }

  async remove(sha256: string): Promise<boolean> {
    const key = this.keyOf(sha256);
    // S3 answers a DELETE the same whether or not the key existed: asked first.
    if (!(await this.head(key))) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    return true;
  }

  async sweep(options: SweepOptions): Promise<SweepResult> {
    const cutoff = this.clock.now().getTime() - options.olderThanMs;
    const deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
    const result: SweepResult = { scanned: 0, tmpRemoved: 0, orphansRemoved: 0, bytesFreed: 0, complete: false };
    // A whole round ends where this sweep began: from the cursor to the end, then from the start up to it.
    const origin = this.cursor;
    let wrapped = origin === '';
    let after = origin;
    let looked = 0;
    for (;;) {
      // Paged with StartAfter (the last key seen), which resuming needs anyway, rather than the
      // continuation token: the same on every S3-compatible server.
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix || undefined, StartAfter: after || undefined, MaxKeys: this.pageSize }));
      const contents = page.Contents ?? [];
      for (const o of contents) {
        const key = o.Key ?? '';
        if (wrapped && origin && key > origin) {
          result.complete = true;
          return result;
        }
        if (looked > 0 && Date.now() >= deadline) return result;
        looked++;
        this.cursor = after = key;
        await this.sweepOne(key, o.LastModified, cutoff, options, result);
      }
      if (page.IsTruncated && contents.length) continue;
      // The end of the prefix: the next sweep starts at its beginning.
      this.cursor = after = '';
      if (wrapped) {
        result.complete = true;
        return result;
      }
      wrapped = true;
    }
  }

  private async sweepOne(key: string, lastModified: Date | undefined, cutoff: number, options: SweepOptions, result: SweepResult): Promise<void> {
    // Anything not named like one of our blobs is not ours to judge: left alone.
    const m = KEY_TAIL.exec(key.slice(this.prefix.length));
    if (!key.startsWith(this.prefix) || !m || !m[3]!.startsWith(m[1]! + m[2]!) || !isSha256(m[3]!)) return;
    const sha256 = m[3]!;
    result.scanned++;
    if (!lastModified || lastModified.getTime() > cutoff) return;
    if (await options.referenced(sha256)) return;
    // A put that deduplicated onto this blob while we asked the database wrote it again (a
    // new LastModified): look again so its not-yet-committed row does not lose its file.
    const again = await this.head(key);
    if (!again || again.lastModified > cutoff) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    result.orphansRemoved++;
    result.bytesFreed += again.size;
  }

  private async open(key: string) {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!r.Body) throw notFound();
      return r.Body;
    } catch (err) {
      throw isMissing(err) ? notFound() : err;
    }
  }

  private async head(key: string): Promise<{ size: number; lastModified: number } | undefined> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: Number(r.ContentLength ?? 0), lastModified: r.LastModified?.getTime() ?? 0 };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }
}

/** NoSuchKey (GET) or a bare 404 (HEAD has no body to name the error). */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.Code === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
