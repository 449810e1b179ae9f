import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A cached answer with its compressed forms, made once when the answer is cached. A procedure
 * page is ~13 KB of HTML and ~4 KB gzipped: on a cheap phone on a slow network that is the
 * difference that matters, and compressing once per catalogue version costs nothing per request.
 */
export interface CachedAnswer {
  body: Buffer;
  type: string;
  headers?: Record<string, string>;
  br?: Buffer;
  gzip?: Buffer;
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

export function cacheAnswer(body: string | Buffer, type: string, headers?: Record<string, string>): CachedAnswer {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const a: CachedAnswer = { body: buf, type, headers };
  if (buf.length >= 1024 && COMPRESSIBLE.test(type)) {
    a.br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
    a.gzip = zlib.gzipSync(buf, { level: 9 });
  }
  return a;
}

export function sendCached(req: FastifyRequest, reply: FastifyReply, a: CachedAnswer): FastifyReply {
  if (a.headers) reply.headers(a.headers);
  reply.type(a.type);
  if (a.br || a.gzip) {
    reply.header('vary', 'accept-encoding');
    const accept = req.headers['accept-encoding'] ?? '';
    if (a.br && accept.includes('br')) return reply.header('content-encoding', 'br').send(a.br);
    if (a.gzip && accept.includes('gzip')) return reply.header('content-encoding', 'gzip').send(a.gzip);
  }
  return reply.send(a.body);
}
