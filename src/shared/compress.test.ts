import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cacheAnswer, windowBits } from './compress';

describe('cached answers are compressed once, with a window fitted to the answer', () => {
  it('gives back the very bytes, as small as with brotli’s default 4 MB window (give or take a byte), whatever the size', () => {
    for (const size of [1024, 1500, 65_535, 65_536, 65_537, 300_000]) {
      // Text that repeats far apart (a match 40 KB back needs a window past 40 KB).
      const block = Array.from({ length: 400 }, (_, i) => `Thủ tục ${i}: đăng ký khai sinh, kết hôn, thường trú ${i * 7919}`).join('\n');
      const body = Buffer.from((block + '\n').repeat(Math.ceil(size / block.length) + 1)).subarray(0, size);
      const a = cacheAnswer(body, 'application/json; charset=utf-8');
      expect(zlib.brotliDecompressSync(a.br!).equals(body), `${size} bytes`).toBe(true);
      expect(zlib.gunzipSync(a.gzip!).equals(body)).toBe(true);
      const wide = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      expect(a.br!.length, `${size} bytes`).toBeLessThanOrEqual(wide.length + 1);
      expect(2 ** windowBits(size) - 16).toBeGreaterThanOrEqual(size);
    }
    expect(windowBits(10)).toBe(10);
    expect(windowBits(100_000_000)).toBe(24);
  });
});
