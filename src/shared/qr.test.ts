import { describe, it, expect } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { LruCache, qrMatrix, qrPng, qrSvg } from './qr';

function decodePng(png: Buffer): { width: number; height: number; text: string | undefined } {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { width: image.width, height: image.height, text: found?.data };
}

const URL_1 = 'https://motcua.badinh.hanoi.gov.vn/thu-tuc/1.001193';

describe('qrPng', () => {
  it('is a PNG that a scanner decodes back to the URL', async () => {
    const png = await qrPng(URL_1);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const decoded = decodePng(png);
    expect(decoded.text).toBe(URL_1);
    expect(decoded.width).toBe(512);
  });

  it('honours the requested size and still decodes when small', async () => {
    const decoded = decodePng(await qrPng(URL_1, 128));
    expect([decoded.width, decoded.height]).toEqual([128, 128]);
    expect(decoded.text).toBe(URL_1);
  });

  it('round-trips Vietnamese text and URL query strings', async () => {
    const text = 'Đăng ký khai sinh — https://motcua.vn/tra-cuu?ma=H01.01-250701-0001&lang=vi';
    expect(decodePng(await qrPng(text, 300)).text).toBe(text);
  });

  it('rejects sizes that are not sensible', async () => {
    await expect(qrPng(URL_1, 10)).rejects.toThrow(RangeError);
    await expect(qrPng(URL_1, 100_000)).rejects.toThrow(RangeError);
    await expect(qrPng(URL_1, 200.5)).rejects.toThrow(RangeError);
  });

  it('serves repeated requests from the cache without sharing a mutable buffer', async () => {
    const first = await qrPng(URL_1, 256);
    const copy = Buffer.from(first);
    first.fill(0);
    const second = await qrPng(URL_1, 256);
    expect(second.equals(copy)).toBe(true);
    expect(decodePng(second).text).toBe(URL_1);
  });

  it('gives different codes for different URLs', async () => {
    const other = 'https://motcua.badinh.hanoi.gov.vn/thu-tuc/1.001022';
    const [a, b] = await Promise.all([qrPng(URL_1, 200), qrPng(other, 200)]);
    expect(a.equals(b)).toBe(false);
    expect(decodePng(b).text).toBe(other);
  });
});

describe('qrSvg', () => {
  it('is a compact, scalable SVG of the same symbol as the PNG', async () => {
    const svg = await qrSvg(URL_1);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.endsWith('</svg>')).toBe(true);
    const matrix = await qrMatrix(URL_1);
    // viewBox = modules + 2 × 2-module quiet zone; no fixed width/height so CSS can size it.
    expect(svg).toContain(`viewBox="0 0 ${matrix.size + 4} ${matrix.size + 4}"`);
    expect(svg).not.toMatch(/<svg[^>]* width=/);
    expect(svg.length).toBeLessThan(4000);
  });

  it('adds an accessible, escaped title when asked', async () => {
    const svg = await qrSvg(URL_1, { title: 'Mã QR: <Đăng ký> & "khai sinh"' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Mã QR: &lt;Đăng ký&gt; &amp; &quot;khai sinh&quot;</title>');
    expect(svg).not.toContain('<Đăng ký>');
    expect(await qrSvg(URL_1)).not.toContain('<title>');
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
