/**
 * Every error answer, including the ones Fastify's router and Node's HTTP parser raise before a
 * route runs, has the `{error:{code,message}}` shape in Vietnamese for API clients and a
 * Vietnamese page for browsers. (No database work here: SQLite only.)
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './testing';

/** One raw HTTP/1.1 exchange on a real socket: what Node's parser sees is exactly what we send. */
function rawRequest(port: number, head: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => (chunks.length ? undefined : reject(e)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers ?? '')?.[1] ?? 0), headers: headers ?? '', body: rest.join('\r\n\r\n') });
    });
    socket.write(head);
  });
}

const VIETNAMESE = /[ăâđêôơưáàảãạếềểễệóòỏõọíìỉĩịúùủũụ]/i;

describe('error answers', () => {
  let env: TestEnv;
  let port: number;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    port = (env.app.server.address() as AddressInfo).port;
  });
  afterAll(() => env.close());

  it('unknown routes: 404 JSON for the API, a Vietnamese page for browsers', async () => {
    const api = await env.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: expect.stringMatching(VIETNAMESE) } });
    const page = await env.app.inject({ method: 'GET', url: '/khong-co-trang-nay' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Không tìm thấy');
  });

  it('a body over the limit: 413 payload_too_large', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/otp',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: '0912345678', pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn.' } });
  });

  it('malformed JSON: 400 invalid_json', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/otp', headers: { 'content-type': 'application/json' }, payload: '{"phone":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: 'Yêu cầu không hợp lệ: nội dung JSON gửi lên sai cú pháp.' } });
  });

  it('a path parameter over the router limit: 414 from Fastify, in our shape', async () => {
    const api = await env.app.inject({ method: 'GET', url: `/api/procedures/${'1'.repeat(300)}` });
    expect(api.statusCode).toBe(414);
    expect(api.json()).toEqual({ error: { code: 'uri_too_long', message: 'Địa chỉ (URL) của yêu cầu quá dài.' } });
    const page = await env.app.inject({ method: 'GET', url: `/p/00004/${'1'.repeat(300)}` });
    expect(page.statusCode).toBe(414);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Địa chỉ (URL) của yêu cầu quá dài.');
  });

  it('a URL longer than Node accepts: 414 through a real socket (JSON for the API, a page otherwise)', async () => {
    const long = 'a'.repeat(20_000);
    const api = await rawRequest(port, `GET /api/procedures?q=${long} HTTP/1.1\r\nHost: motcua.test\r\n\r\n`);
    expect(api.status).toBe(414);
    expect(api.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(api.body)).toEqual({ error: { code: 'uri_too_long', message: 'Địa chỉ (URL) của yêu cầu quá dài.' } });
    const page = await rawRequest(port, `GET /dv/00004?q=${long} HTTP/1.1\r\nHost: motcua.test\r\n\r\n`);
    expect(page.status).toBe(414);
    expect(page.headers).toMatch(/content-type: text\/html/i);
    expect(page.body).toContain('Địa chỉ (URL) của yêu cầu quá dài.');
  });

  it('headers larger than Node accepts: 431 through a real socket', async () => {
    const cookie = `Cookie: x=${'b'.repeat(20_000)}\r\n`;
    const api = await rawRequest(port, `GET /api/units HTTP/1.1\r\nHost: motcua.test\r\n${cookie}\r\n`);
    expect(api.status).toBe(431);
    expect(JSON.parse(api.body)).toEqual({ error: { code: 'headers_too_large', message: 'Phần tiêu đề (header, cookie) của yêu cầu quá lớn.' } });
    const json = await rawRequest(port, `GET /dv/00004 HTTP/1.1\r\nHost: motcua.test\r\nAccept: application/json\r\n${cookie}\r\n`);
    expect(json.status).toBe(431);
    expect(JSON.parse(json.body).error.code).toBe('headers_too_large');
    const page = await rawRequest(port, `GET /dv/00004 HTTP/1.1\r\nHost: motcua.test\r\n${cookie}\r\n`);
    expect(page.status).toBe(431);
    expect(page.body).toContain('Phần tiêu đề (header, cookie) của yêu cầu quá lớn.');
  });

  it('a request Node cannot parse: 400 in our shape', async () => {
    const res = await rawRequest(port, `GET /api/units HTTP/1.1\r\nHost: motcua.test\r\nBad Header Without Colon\r\n\r\n`);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Yêu cầu không hợp lệ.');
  });
});
