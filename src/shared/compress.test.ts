import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { brotliOf, cacheAnswer, gzipOf, sendCached, windowBits } from './compress';

describe('cached answers are compressed once, with a window fitted to the answer', () => {
  it('gives back the very bytes, as small as with brotli’s default 4 MB window (give or take a byte), whatever the size', () => {
    for (const size of [1024, 1500, 65_535, 65_536, 65_537, 300_000]) {
      // Text that repeats far apart (a match 40 KB back needs a window past 40 KB).
      const block = Array.from({ length: 400 }, (_, i) => `Thủ tục ${i}: đăng ký khai sinh, kết hôn, thường trú ${i * 7919}`).join('\n');
      const body = Buffer.from((block + '\n').repeat(Math.ceil(size / block.length) + 1)).subarray(0, size);
      const a = cacheAnswer(body, 'application/json; charset=utf-8');
      expect(zlib.brotliDecompressSync(brotliOf(a)).equals(body), `${size} bytes`).toBe(true);
      expect(zlib.gunzipSync(gzipOf(a)).equals(body)).toBe(true);
      const wide = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      expect(a.br!.length, `${size} bytes`).toBeLessThanOrEqual(wide.length + 1);
      expect(2 ** windowBits(size) - 16).toBeGreaterThanOrEqual(size);
    }
    expect(windowBits(10)).toBe(10);
    expect(windowBits(100_000_000)).toBe(24);
  });
});

describe('a kept compressed answer holds its own bytes only', () => {
  it('keeps a ~1 KB brotli or gzip answer in ~1 KB, not in zlib’s 16 KB output buffer, and larger answers whole', () => {
    const history = (n: number) => JSON.stringify({ code: '00004-261207-0001', history: Array.from({ length: n }, (_, i) => ({ seq: i, action: `Tiếp nhận hồ sơ ${i * 7919}`, at: `2026-12-07T0${i % 10}:00:00Z` })) });
    for (const n of [20, 200, 2000]) {
      const body = history(n);
      for (const quick of [true, false]) {
        const a = cacheAnswer(body, 'application/json; charset=utf-8', undefined, quick);
        for (const [out, decode] of [
          [brotliOf(a), zlib.brotliDecompressSync],
          [gzipOf(a), zlib.gunzipSync],
        ] as const) {
          expect(decode(out).toString(), `${n} entries`).toBe(body);
          expect(out.buffer.byteLength, `${n} entries: ${out.length} bytes`).toBe(out.length);
        }
      }
    }
  });
});

describe('a cached answer is compressed in the encoding a client asks for, when first asked', () => {
  it('sends brotli, gzip or the plain bytes by Accept-Encoding, each compression made once and only when asked', async () => {
    const body = JSON.stringify({ code: '00004-261207-0001', history: Array.from({ length: 30 }, (_, i) => ({ seq: i, action: 'Tiếp nhận hồ sơ', at: `2026-12-07T0${i % 10}:00:00Z` })) });
    const big = cacheAnswer(body, 'application/json; charset=utf-8');
    const small = cacheAnswer('{"ok":true}', 'application/json; charset=utf-8');
    const app = Fastify();
    app.get('/big', (req, reply) => sendCached(req, reply, big));
    app.get('/small', (req, reply) => sendCached(req, reply, small));
    try {
      const br = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('accept-encoding');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(body);
      expect(big.gzip).toBeUndefined();
      const made = big.br;
      await app.inject({ url: '/big', headers: { 'accept-encoding': 'br' } });
      expect(big.br).toBe(made);
      const gz = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(body);
      const plain = await app.inject({ url: '/big', headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(body);
      const tiny = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
      expect(tiny.headers['content-encoding']).toBeUndefined();
      expect(tiny.body).toBe('{"ok":true}');
      expect(small.br).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('an answer made per request is compressed more quickly than one kept for many', () => {
  it('compresses a tracking answer at brotli 5 / gzip 6 and a catalogue page at brotli 9 / gzip 9, both decoding to the very bytes', () => {
    const body = Buffer.from(JSON.stringify({ code: '00004-261207-0001', history: Array.from({ length: 40 }, (_, i) => ({ seq: i, action: `Chuyển xử lý bước ${i}`, by: `Cán bộ Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`, at: `2026-12-07T0${i % 10}:${10 + i}:00Z` })) }));
    const at = (q: number) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(body.length) } });
    expect(at(5).equals(at(9))).toBe(false);
    const quick = cacheAnswer(body, 'application/json; charset=utf-8', undefined, true);
    const kept = cacheAnswer(body, 'application/json; charset=utf-8');
    expect(brotliOf(quick).equals(at(5))).toBe(true);
    expect(brotliOf(kept).equals(at(9))).toBe(true);
    expect(gzipOf(quick).equals(zlib.gzipSync(body, { level: 6 }))).toBe(true);
    expect(gzipOf(kept).equals(zlib.gzipSync(body, { level: 9 }))).toBe(true);
    for (const a of [quick, kept]) {
      expect(zlib.brotliDecompressSync(a.br!).equals(body)).toBe(true);
      expect(zlib.gunzipSync(a.gzip!).equals(body)).toBe(true);
    }
  });
});
