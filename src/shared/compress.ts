import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A cached answer with its compressed forms, each made the first time a client asks for it. A
 * procedure page is ~13 KB of HTML and ~4 KB gzipped: on a cheap phone on a slow network that is
 * the difference that matters, and compressing once per catalogue version costs nothing per
 * request. Made on first need, not when cached: most answers are asked for in one encoding only
 * (a tracking lookup's answer — every browser takes brotli — is often sent once), and the other
 * encoding's compression was a third of the compression time of every first lookup of a dossier.
 */
export interface CachedAnswer {
  body: Buffer;
  type: string;
  headers?: Record<string, string>;
  /** Large enough and of a type worth compressing. */
  compressible?: boolean;
  /**
   * Made for one dossier's few requests (a tracking answer), not kept for every visitor of a
   * catalogue version: compressed at `QUICK`'s lower quality, which costs less CPU per answer made.
   */
  quick?: boolean;
  br?: Buffer;
  gzip?: Buffer;
  /** Its status line's headers as the fast lane writes them, per encoding (`wireOf`), made at the first need. */
  wire?: WireForms;
}

/**
 * A cached answer as it goes on the wire from the fast lane (src/shared/fast-lane.ts): the body and
 * every header `sendCached` and the app's hooks would give it, as Node's flat [name, value, …]
 * array, ending with `x-request-id` and a slot for the request's id (written into it per answer,
 * just before the headers are written: no array made per answer).
 */
export interface Wire {
  headers: string[];
  body: Buffer;
}

interface WireForms {
  /** The headers every answer carries (the app's security headers) these were made with. */
  of: Record<string, string>;
  identity?: Wire;
  br?: Wire;
  gzip?: Wire;
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

/**
 * Brotli's window just large enough for the whole answer (2^10 to 2^24 bytes): the same output as
 * the default 4 MB window (give or take a byte of its header), without the encoder setting up and clearing that window's tables for
 * every answer — measured: 690 µs → 93 µs of CPU for a 1.2 KB tracking answer, which every first
 * lookup of a dossier (and every catalogue answer made) paid.
 */
export function windowBits(bytes: number): number {
  // A window of 2^n bytes holds 2^n − 16 of them.
  return Math.min(24, Math.max(10, Math.ceil(Math.log2(bytes + 16))));
}

/**
 * The qualities of answers kept for many visitors (catalogue pages, static files: compressed once,
 * sent thousands of times) and of `quick` answers, made per dossier and sent a few times. Measured
 * on 200 province tracking answers (~2.4 KB, bench/answer-compression.ts): brotli 9 ~100 µs of CPU
 * per answer, 5 ~70 µs for the same size (+1 byte in 1,000); 4 costs as much as 5 and is 7 % larger,
 * 3 ~44 µs and 10 % larger. gzip 6 gives gzip 9's size.
 */
const KEPT = { brotli: 9, gzip: 9 };
const QUICK = { brotli: 5, gzip: 6 };

/** `quick`: see `CachedAnswer.quick`. */
export function cacheAnswer(body: string | Buffer, type: string, headers?: Record<string, string>, quick?: boolean): CachedAnswer {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: buf, type, headers, compressible: buf.length >= 1024 && COMPRESSIBLE.test(type), quick: quick === true };
}

/**
 * The output buffer zlib writes a compression into (Node's default: 16 KB, whatever the answer):
 * the answer's size, as compressed answers are smaller (a larger output takes more chunks, joined).
 */
function chunkSizeFor(bytes: number): number {
  return Math.min(zlib.constants.Z_DEFAULT_CHUNK, Math.max(zlib.constants.Z_MIN_CHUNK, bytes + 64));
}

/**
 * What a compression gave, in memory of its own size: zlib's sync result is a view into its
 * 16 KB output buffer (or a slice of Node's shared 8 KB pool), which a kept answer would hold on to whole — a ~1 KB brotli tracking answer
 * kept 16 KB of memory for as long as the dossier stayed cached (up to 20,000 of them).
 */
function own(out: Buffer): Buffer {
  return out.byteLength === out.buffer.byteLength ? out : Buffer.from(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
}

/** The answer in brotli, compressed at the first call and kept. */
export function brotliOf(a: CachedAnswer): Buffer {
  return (a.br ??= own(
    zlib.brotliCompressSync(a.body, {
      chunkSize: chunkSizeFor(a.body.length),
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: (a.quick ? QUICK : KEPT).brotli,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: a.body.length,
        [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(a.body.length),
      },
    }),
  ));
}

/** The answer gzipped, compressed at the first call and kept. */
export function gzipOf(a: CachedAnswer): Buffer {
  return (a.gzip ??= own(zlib.gzipSync(a.body, { level: (a.quick ? QUICK : KEPT).gzip, chunkSize: chunkSizeFor(a.body.length) })));
}

/** The encoding `sendCached` answers in for this request: brotli, else gzip, else none. */
function encodingOf(req: FastifyRequest, a: CachedAnswer): 'br' | 'gzip' | 'identity' {
  if (!a.compressible) return 'identity';
  const accept = req.headers['accept-encoding'] ?? '';
  return accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : 'identity';
}

/**
 * What `sendCached` would send for this request with `common` (the headers every answer carries)
 * set before it, made once per answer and encoding: the fast lane writes it to the socket itself,
 * without Fastify's reply machinery (issue 10: ~400 B and a few closures per answer).
 */
export function wireOf(req: FastifyRequest, a: CachedAnswer, common: Record<string, string>): Wire {
  const encoding = encodingOf(req, a);
  const forms = a.wire?.of === common ? a.wire : (a.wire = { of: common });
  return (forms[encoding] ??= makeWire(a, encoding, common));
}

function makeWire(a: CachedAnswer, encoding: 'br' | 'gzip' | 'identity', common: Record<string, string>): Wire {
  const body = encoding === 'br' ? brotliOf(a) : encoding === 'gzip' ? gzipOf(a) : a.body;
  // Later values replace earlier ones, as reply.header() does.
  const named: Record<string, string> = { ...common };
  for (const [k, v] of Object.entries(a.headers ?? {})) named[k.toLowerCase()] = v;
  named['content-type'] = a.type;
  if (a.compressible) named.vary = 'accept-encoding';
  if (encoding !== 'identity') named['content-encoding'] = encoding;
  named['content-length'] = String(body.length);
  named['x-request-id'] = '';
  return { headers: Object.entries(named).flat(), body };
}

export function sendCached(req: FastifyRequest, reply: FastifyReply, a: CachedAnswer): FastifyReply {
  if (a.headers) reply.headers(a.headers);
  reply.type(a.type);
  if (!a.compressible) return reply.send(a.body);
  reply.header('vary', 'accept-encoding');
  const encoding = encodingOf(req, a);
  if (encoding === 'identity') return reply.send(a.body);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? brotliOf(a) : gzipOf(a));
}

/**
 * Answers derived from versioned data (the catalogue, its calendar notes), kept for the current
 * versions only: a new version empties the cache at once, so no stale answer can be found. A hit is
 * one Map look-up on a key the caller may pass as is (the request's URL): no key string is built
 * and nothing is re-inserted per hit (the LRU it replaces did both on every request). Full: the
 * oldest answer goes first.
 */
export class AnswerCache {
  private catalogVersion: string | undefined;
  private calendarVersion = 0;
  private readonly byKey = new Map<string, CachedAnswer>();

  constructor(readonly capacity: number) {}

  get(version: string, calendar: number, key: string): CachedAnswer | undefined {
    if (version !== this.catalogVersion || calendar !== this.calendarVersion) return undefined;
    return this.byKey.get(key);
  }

  set(version: string, calendar: number, key: string, a: CachedAnswer): void {
    if (version !== this.catalogVersion || calendar !== this.calendarVersion) {
      this.byKey.clear();
      this.catalogVersion = version;
      this.calendarVersion = calendar;
    }
    if (this.byKey.size >= this.capacity && !this.byKey.has(key)) this.byKey.delete(this.byKey.keys().next().value as string);
    this.byKey.set(key, a);
  }

  get size(): number {
    return this.byKey.size;
  }
}
