/**
 * The blob store, on both backends: the local disk (FileStore) and an S3-compatible server
 * (S3Store against @20minutes/s3rver on loopback, speaking the real protocol with SigV4). The
 * same behaviour is asked of each; what only one of them has (the disk's tmp area, the bucket's
 * prefix and credentials) is tested beside.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../shared/errors';
import { FAKE_S3_KEYS, startFakeS3, type FakeS3 } from './file.s3.testing';
import { FileStore, prepareUpload, S3Store, type BlobStore, type PreparedFile } from './index';

const LIMITS = { maxFileBytes: 20 * 1024 * 1024 };
const HOUR = 3_600_000;

async function prepared(label: string): Promise<PreparedFile> {
  const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), Buffer.from('%%EOF\n')]);
  return prepareUpload({ data: pdf, filename: `${label}.pdf` }, LIMITS);
}

const keyOf = (sha: string) => `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;

let dir: string;
let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Backend {
  name: string;
  /** A fresh store (its own folder, its own prefix in the bucket). */
  open(): BlobStore;
  /** Make a blob look as if written `ms` ago. */
  age(sha: string, ms: number): Promise<void>;
  /** Leave a file that is not a blob beside a blob's place; returns a check that it is still there. */
  foreign(sha: string): Promise<() => Promise<boolean>>;
}

let n = 0;
const backends: Backend[] = [
  (() => {
    let root = '';
    return {
      name: 'disk',
      open: () => new FileStore((root = path.join(dir, 'files'))),
      age: async (sha: string, ms: number) => {
        const t = new Date(Date.now() - ms);
        await fs.utimes(path.join(root, keyOf(sha)), t, t);
      },
      foreign: async (sha: string) => {
        const p = path.join(root, path.dirname(keyOf(sha)), 'ghi-chu.txt');
        await fs.writeFile(p, 'x');
        const t = new Date(Date.now() - 48 * HOUR);
        await fs.utimes(p, t, t);
        return async () => (await fs.readFile(p, 'utf8')) === 'x';
      },
    };
  })(),
  (() => {
    let prefix = '';
    return {
      name: 's3',
      open: () => {
        prefix = `t${++n}/`;
        return new S3Store({ bucket: s3.bucket, prefix, endpoint: s3.endpoint, region: 'us-east-1', ...FAKE_S3_KEYS, forcePathStyle: true });
      },
      age: (sha: string, ms: number) => s3.age(prefix + keyOf(sha), ms),
      foreign: async (sha: string) => {
        const key = `${prefix}${path.dirname(keyOf(sha))}/ghi-chu.txt`;
        await rawClient().send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: 'x' }));
        await s3.age(key, 48 * HOUR);
        return async () => (await listKeys(prefix)).includes(key);
      },
    };
  })(),
];

function rawClient(): S3Client {
  return new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: FAKE_S3_KEYS });
}

async function listKeys(prefix: string): Promise<string[]> {
  const r = await rawClient().send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (r.Contents ?? []).map((o) => o.Key!);
}

for (const backend of backends) {
  describe(`blob store [${backend.name}]`, () => {
    let store: BlobStore;
    beforeEach(() => {
      store = backend.open();
    });

    it('puts, reads back whole and as a stream, and says it has the content', async () => {
      const f = await prepared('to-khai');
      expect(await store.has(f.sha256)).toBe(false);
      expect(await store.put(f)).toEqual({ sha256: f.sha256, existed: false });
      expect(await store.has(f.sha256)).toBe(true);
      expect((await store.get(f.sha256)).equals(f.data)).toBe(true);
      expect(await text(await store.stream(f.sha256))).toBe(f.data.toString());
      // The address is case-insensitive hex: an upper-case link finds the same content.
      expect((await store.get(f.sha256.toUpperCase())).equals(f.data)).toBe(true);
    });

    it('streams a large file in pieces, byte for byte', async () => {
      const data = Buffer.alloc(3 * 1024 * 1024);
      for (let i = 0; i < data.length; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
      const f = await prepareUpload({ data: Buffer.concat([Buffer.from('%PDF-1.4\n'), data, Buffer.from('\n%%EOF\n')]), filename: 'lon.pdf' }, LIMITS);
      await store.put(f);
      const chunks: Buffer[] = [];
      for await (const c of await store.stream(f.sha256)) chunks.push(c as Buffer);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(f.data)).toBe(true);
    });

    it('stores the same content once and says so', async () => {
      const a = await prepared('ban-sao');
      const b = await prepareUpload({ data: a.data, filename: 'ten-khac.pdf' }, LIMITS);
      expect((await store.put(a)).existed).toBe(false);
      expect(await store.put(b)).toEqual({ sha256: a.sha256, existed: true });
      expect((await store.get(a.sha256)).equals(a.data)).toBe(true);
    });

    it('refuses data that does not hash to the given address', async () => {
      const f = await prepared('gia-mao');
      await expect(store.put({ data: Buffer.from('other'), sha256: f.sha256 })).rejects.toThrow(/does not hash/);
      expect(await store.has(f.sha256)).toBe(false);
    });

    it('throws NotFoundError for missing content, and remove reports what it did', async () => {
      const f = await prepared('xoa');
      await expect(store.get(f.sha256)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.stream(f.sha256)).rejects.toBeInstanceOf(NotFoundError);
      await store.put(f);
      expect(await store.remove(f.sha256)).toBe(true);
      expect(await store.remove(f.sha256)).toBe(false);
      expect(await store.has(f.sha256)).toBe(false);
      await expect(store.get(f.sha256)).rejects.toMatchObject({ code: 'file_not_found', message: expect.stringContaining('Không tìm thấy tệp') });
    });

    it('refuses anything but a 64-hex hash before touching the storage (no path traversal)', async () => {
      const attempts = ['../secret.txt', `../../../${'a'.repeat(55)}`, `${'a'.repeat(63)}/`, '/etc/passwd', `${'a'.repeat(64)}/../../../secret.txt`, 'g'.repeat(64), ''];
      for (const bad of attempts) {
        for (const op of [() => store.get(bad), () => store.has(bad), () => store.remove(bad), () => store.stream(bad)]) {
          await expect(op()).rejects.toMatchObject({ code: 'file_id_invalid' });
        }
        await expect(store.put({ data: Buffer.from('x'), sha256: bad })).rejects.toMatchObject({ code: 'file_id_invalid' });
      }
    });

    it('sweeps unreferenced old content, keeps referenced and fresh content, asks only about old ones', async () => {
      const referenced = await prepared('da-luu-trong-csdl');
      const orphan = await prepared('ghi-xong-thi-sap');
      const fresh = await prepared('dang-luu');
      for (const f of [referenced, orphan, fresh]) await store.put(f);
      await backend.age(referenced.sha256, 48 * HOUR);
      await backend.age(orphan.sha256, 48 * HOUR);

      const asked: string[] = [];
      const result = await store.sweep({
        referenced: async (sha) => {
          asked.push(sha);
          return sha === referenced.sha256;
        },
        olderThanMs: 24 * HOUR,
      });
      expect(result).toMatchObject({ scanned: 3, orphansRemoved: 1 });
      expect(result.bytesFreed).toBeGreaterThanOrEqual(orphan.size);
      expect(await store.has(referenced.sha256)).toBe(true);
      expect(await store.has(orphan.sha256)).toBe(false);
      expect(await store.has(fresh.sha256)).toBe(true); // within the grace period: its row may be on its way
      expect(asked.sort()).toEqual([referenced.sha256, orphan.sha256].sort());
    });

    it('a new upload of an old orphan’s content makes it fresh again, so the sweep spares it', async () => {
      const f = await prepared('tai-lai');
      await store.put(f);
      await backend.age(f.sha256, 48 * HOUR);
      expect((await store.put(f)).existed).toBe(true);
      const result = await store.sweep({ referenced: () => false, olderThanMs: 24 * HOUR });
      expect(result.orphansRemoved).toBe(0);
      expect(await store.has(f.sha256)).toBe(true);
    });

    it('leaves foreign files beside the blobs alone', async () => {
      const f = await prepared('la');
      await store.put(f);
      const stillThere = await backend.foreign(f.sha256);
      await store.sweep({ referenced: () => true, olderThanMs: 0 });
      expect(await stillThere()).toBe(true);
    });
  });
}

describe('blob store [disk]: its own layout and staging', () => {
  let root: string;
  let store: FileStore;
  beforeEach(() => {
    root = path.join(dir, 'files');
    store = new FileStore(root);
  });

  async function age(p: string, ms: number): Promise<void> {
    const t = new Date(Date.now() - ms);
    await fs.utimes(p, t, t);
  }

  it('stores content at root/ab/cd/<sha256> through root/tmp, leaving tmp empty', async () => {
    const f = await prepared('to-khai');
    await store.put(f);
    expect((await fs.readFile(path.join(root, keyOf(f.sha256)))).equals(f.data)).toBe(true);
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
    await store.put(await prepareUpload({ data: f.data, filename: 'ten-khac.pdf' }, LIMITS));
    expect(await fs.readdir(path.dirname(store.pathOf(f.sha256)))).toEqual([f.sha256]);
  });

  it('rewrites a blob left incomplete by some outside damage', async () => {
    const f = await prepared('hong');
    await store.put(f);
    await fs.writeFile(store.pathOf(f.sha256), f.data.subarray(0, 5));
    expect((await store.put(f)).existed).toBe(false);
    expect((await store.get(f.sha256)).equals(f.data)).toBe(true);
  });

  it('never touches the disk for a bad hash', async () => {
    const secret = path.join(dir, 'secret.txt');
    await fs.writeFile(secret, 'mat khau');
    await expect(store.get('../secret.txt')).rejects.toMatchObject({ code: 'file_id_invalid' });
    await expect(store.remove(`${'a'.repeat(64)}/../../../secret.txt`)).rejects.toMatchObject({ code: 'file_id_invalid' });
    expect(await fs.readFile(secret, 'utf8')).toBe('mat khau');
    await expect(fs.stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('sweeps the leftovers of interrupted writes, sparing a write in progress', async () => {
    const f = await prepared('xong');
    await store.put(f);
    const leftover = path.join(root, 'tmp', 'a1b2c3');
    await fs.writeFile(leftover, '%PDF-1.4 half');
    await age(leftover, 10 * 60_000);
    const inFlight = path.join(root, 'tmp', 'd4e5f6');
    await fs.writeFile(inFlight, '%PDF-1.4 writing');
    // Next start: a new store on the same root.
    const result = await new FileStore(root).sweep({ referenced: () => true, olderThanMs: 24 * HOUR });
    expect(result).toMatchObject({ scanned: 1, tmpRemoved: 1, orphansRemoved: 0, bytesFreed: '%PDF-1.4 half'.length });
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual(['d4e5f6']);
  });
});

describe('blob store [s3]: keys, prefixes and credentials', () => {
  const open = (prefix: string, keys: { accessKeyId: string; secretAccessKey: string } = FAKE_S3_KEYS) =>
    new S3Store({ bucket: s3.bucket, prefix, endpoint: s3.endpoint, region: 'us-east-1', ...keys, forcePathStyle: true });

  it('keys objects <prefix>ab/cd/<sha256>, the disk layout, and keeps to its prefix', async () => {
    const a = open('xa-a/');
    const b = open('xa-b/');
    const f = await prepared('tieng-viet');
    await a.put(f);
    expect(await listKeys('xa-a/')).toEqual([`xa-a/${keyOf(f.sha256)}`]);
    expect(await b.has(f.sha256)).toBe(false);
    await s3.age(`xa-a/${keyOf(f.sha256)}`, 48 * HOUR);
    // Another commune's sweep, with nothing referenced, does not see this one's files.
    expect(await b.sweep({ referenced: () => false, olderThanMs: 0 })).toMatchObject({ scanned: 0, orphansRemoved: 0 });
    expect(await a.has(f.sha256)).toBe(true);
  });

  it('sweeps a bucket in slices: each goes on where the last stopped, round the key space, each blob once a round', async () => {
    // Starts in the middle of the key space, three keys per listing request.
    const store = new S3Store({ bucket: s3.bucket, prefix: 'xa-lat/', endpoint: s3.endpoint, region: 'us-east-1', ...FAKE_S3_KEYS, forcePathStyle: true, sweepFrom: 'xa-lat/80/', listPageSize: 3 });
    const shas: string[] = [];
    for (let i = 0; i < 10; i++) {
      const f = await prepared(`lat-${i}`);
      await store.put(f);
      await s3.age(`xa-lat/${keyOf(f.sha256)}`, 48 * HOUR);
      shas.push(f.sha256);
    }
    const asked: string[] = [];
    const keepAll = (sha: string) => {
      asked.push(sha);
      return true;
    };
    // No time at all: one blob per sweep, never the whole bucket.
    for (let i = 0; i < 10; i++) expect(await store.sweep({ referenced: keepAll, olderThanMs: HOUR, budgetMs: 0 })).toMatchObject({ scanned: 1 });
    // In key order from the middle to the end, then from the start: each blob once.
    const sorted = [...shas].sort();
    expect(asked).toEqual([...sorted.filter((h) => h > '80'), ...sorted.filter((h) => h < '80')]);
    // The next slice starts the next round where this one ended.
    await store.sweep({ referenced: keepAll, olderThanMs: HOUR, budgetMs: 0 });
    expect(asked[10]).toBe(asked[0]);

    // Without a budget: the whole round in one sweep; the one blob nobody refers to is removed.
    const orphan = shas[3]!;
    const r = await store.sweep({ referenced: (sha) => sha !== orphan, olderThanMs: HOUR });
    expect(r).toMatchObject({ scanned: 10, orphansRemoved: 1, complete: true });
    expect(await store.has(orphan)).toBe(false);
    expect(await listKeys('xa-lat/')).toHaveLength(9);
  });

  it('fails loudly on wrong keys rather than calling the content missing', async () => {
    const wrong = open('sai/', { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' });
    const f = await prepared('sai-khoa');
    await expect(wrong.put(f)).rejects.toThrow();
    const err = await wrong.get(f.sha256).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(NotFoundError);
    expect(String((err as Error).name)).toMatch(/SignatureDoesNotMatch|Forbidden|AccessDenied/);
  });
});
