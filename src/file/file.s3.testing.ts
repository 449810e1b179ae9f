/**
 * A local S3-compatible server for tests (the outside world, faked as a server on loopback that
 * speaks the real protocol): @20minutes/s3rver, which checks the requests' SigV4 signatures and keeps
 * the objects as files in a temp folder. Used by tests only.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';

const require = createRequire(import.meta.url);
/** The path as sent, by request (its headers object, which the signature code is handed). */
const rawPaths = new WeakMap<object, string>();

/**
 * One correction to the fake: for a request on the bucket itself (ListObjectsV2: `GET /bucket/`)
 * it signs the path without its trailing slash, where AWS (and the SDK) sign the path as sent, so
 * it refuses every listing. The path as sent is kept on the request and put back in the canonical
 * request; every other part of the signature is still checked by the fake.
 */
function correctBucketPathSignature(server: S3rver): void {
  const v4 = require('@20minutes/s3rver/lib/signature/v4') as { getStringToSign: (req: { uri: string; headers: object }, sig: unknown) => string; patched?: boolean };
  if (!v4.patched) {
    const original = v4.getStringToSign;
    v4.getStringToSign = (req, sig) => {
      const raw = rawPaths.get(req.headers);
      return original(raw !== undefined && raw.endsWith('/') && !req.uri.endsWith('/') ? { ...req, uri: `${req.uri}/` } : req, sig);
    };
    v4.patched = true;
  }
  const app = server as unknown as { middleware: Array<(ctx: { path: string; headers: object }, next: () => Promise<void>) => Promise<void>> };
  app.middleware.unshift((ctx, next) => {
    rawPaths.set(ctx.headers, ctx.path);
    return next();
  });
}

/**
 * A second correction: the fake writes the continuation token of a truncated listing with single
 * DES, which OpenSSL 3 (Node 18 and later) no longer offers, so every listing longer than its page
 * failed with InternalError. DES-EDE with the key given twice is the same cipher (encrypt, decrypt,
 * encrypt with one key is one encryption) and still offered: the fake's tokens are unchanged.
 */
function desForContinuationTokens(): void {
  const c = require('node:crypto') as typeof import('node:crypto') & { desPatched?: boolean };
  if (c.desPatched) return;
  const twice = (key: unknown) => Buffer.concat([Buffer.from(key as Buffer), Buffer.from(key as Buffer)]);
  const cipher = c.createCipheriv.bind(c) as (...a: unknown[]) => unknown;
  const decipher = c.createDecipheriv.bind(c) as (...a: unknown[]) => unknown;
  (c as { createCipheriv: unknown }).createCipheriv = (alg: string, key: unknown, iv: unknown, o?: unknown) => (alg === 'des' ? cipher('des-ede-cbc', twice(key), iv, o) : cipher(alg, key, iv, o));
  (c as { createDecipheriv: unknown }).createDecipheriv = (alg: string, key: unknown, iv: unknown, o?: unknown) => (alg === 'des' ? decipher('des-ede-cbc', twice(key), iv, o) : decipher(alg, key, iv, o));
  c.desPatched = true;
}

/** The server's fixed account (s3rver accepts these keys and no others). */
export const FAKE_S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  /** The environment that makes motcua use this server: FILE_STORE and the S3_* settings. */
  env(prefix?: string): Record<string, string>;
  /** Make an object look as if written `ms` ago (LastModified is its file's time on this server). */
  age(key: string, ms: number): Promise<void>;
  /** Put an object behind motcua's back (a foreign file in the bucket, a damaged copy). */
  objectPath(key: string): string;
  close(): Promise<void>;
}

export async function startFakeS3(bucket = 'motcua-test'): Promise<FakeS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  correctBucketPathSignature(server);
  desForContinuationTokens();
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const objectPath = (key: string) => {
    const parts = key.split('/');
    const last = parts.pop()!;
    return path.join(directory, bucket, ...parts, `${last}._S3rver_object`);
  };
  return {
    endpoint,
    bucket,
    env: (prefix = '') => ({
      FILE_STORE: `s3://${bucket}${prefix ? `/${prefix}` : ''}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: FAKE_S3_KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: FAKE_S3_KEYS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'on',
    }),
    age: async (key, ms) => {
      const t = new Date(Date.now() - ms);
      await fs.utimes(objectPath(key), t, t);
    },
    objectPath,
    close: async () => {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP relay in front of the fake server that can hold its answers back midway, as a slow or
 * distant bucket does: what motcua sends on before the rest of an object has arrived shows that it
 * streams rather than reading the whole object first.
 */
export interface HoldingProxy {
  endpoint: string;
  /** From now on, answers pass `afterBytes` more bytes in all, then wait for `release()`. */
  hold(afterBytes: number): void;
  release(): void;
  /** Bytes waiting now. */
  held(): number;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const { hostname, port } = new URL(target);
  let limit = Infinity;
  let passed = 0;
  const conns = new Set<{ client: net.Socket; upstream: net.Socket; queue: Buffer[]; ended: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: hostname, port: Number(port) });
    const c = { client, upstream, queue: [] as Buffer[], ended: false };
    conns.add(c);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      const room = limit - passed;
      if (room >= chunk.length) {
        passed += chunk.length;
        client.write(chunk);
        return;
      }
      if (room > 0) {
        passed += room;
        client.write(chunk.subarray(0, room));
      }
      c.queue.push(room > 0 ? chunk.subarray(room) : chunk);
      upstream.pause();
    });
    upstream.on('end', () => {
      c.ended = true;
      if (!c.queue.length) client.end();
    });
    const gone = () => {
      conns.delete(c);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', gone);
    client.on('error', gone);
    client.on('close', gone);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    hold: (afterBytes) => {
      passed = 0;
      limit = afterBytes;
    },
    release: () => {
      limit = Infinity;
      for (const c of conns) {
        for (const b of c.queue.splice(0)) c.client.write(b);
        if (c.ended) c.client.end();
        c.upstream.resume();
      }
    },
    held: () => [...conns].reduce((n, c) => n + c.queue.reduce((m, b) => m + b.length, 0), 0),
    close: async () => {
      for (const c of conns) {
        c.client.destroy();
        c.upstream.destroy();
      }
      await new Promise((r) => server.close(r));
    },
  };
}
