import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './testing';

describe('stylesheet and scripts: one stylesheet, fingerprinted, compressed, cached for a year', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
  });
  afterAll(async () => {
    await env?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

  it('a page links one stylesheet and its scripts by content-hashed URLs', async () => {
    for (const url of ['/p/00004/1.001193', '/dv/00004', '/tra-cuu', '/p/00004/1.001193/nop-truc-tuyen', '/dv/00004/bang-tin']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      const sheets = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
      expect(sheets, url).toHaveLength(1);
      expect(sheets[0]).toMatch(/^\/static\/app\.[0-9a-f]{10}\.css$/);
      const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
      for (const s of scripts) expect(s, url).toMatch(/^\/static\/[a-z.]+\.[0-9a-f]{10}\.js$/);
    }
  });

  it('serves the fingerprinted stylesheet compressed (br, gzip), immutable for a year, with the assistant styles in it', async () => {
    const page = await get('/p/00004/1.001193');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
    const plain = await get(href);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toContain('text/css');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The hash in the URL is the content's.
    const hash = createHash('sha256').update(plain.rawPayload).digest('hex').slice(0, 10);
    expect(href).toContain(`.${hash}.css`);
    const site = fs.readFileSync(new URL('../web/static/app.css', import.meta.url), 'utf8');
    expect(plain.body).toContain(site.slice(0, 200));
    expect(plain.body).toContain('.as-fab');

    const br = await get(href, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    const gz = await get(href, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // Revalidation by ETag, and the old plain name still answers with a short cache.
    const again = await get(href, { 'if-none-match': String(plain.headers.etag) });
    expect(again.statusCode).toBe(304);
    const old = await get('/static/app.css');
    expect(old.statusCode).toBe(200);
    expect(old.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get('/static/app.0000000000.css')).statusCode).toBe(404);
  });

  it('scripts are fingerprinted and compressed too', async () => {
    const page = await get('/p/00004/1.001193');
    const src = /<script src="(\/static\/assistant\.[0-9a-f]{10}\.js)"/.exec(page.body)![1]!;
    const r = await get(src, { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('javascript');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toContain('immutable');
  });
});
