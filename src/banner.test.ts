import { PassThrough } from 'node:stream';
import Fastify, { LogController } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, publicUrlWarning, startupBanner } from './banner';
import { loadConfig } from './config';
import { createLogger, logRequests } from './shared/log';

describe('start-up banner and PUBLIC_URL warning', () => {
  it('prints the address, the demo accounts and the PUBLIC_URL hint for QR codes', () => {
    const text = startupBanner(loadConfig({ DEMO: 'on', PORT: '3101', DATA_DIR: '/tmp/x' }));
    expect(text).toContain('motcua đang chạy: http://localhost:3101');
    expect(text).toContain('http://localhost:3101/can-bo');
    expect(text).toContain('mật khẩu "demo"');
    expect(text).toContain('/demo/tin-nhan');
    expect(text).toContain('VNPay giả lập');
    expect(text).toContain('PUBLIC_URL=');
    const prod = startupBanner(loadConfig({ PUBLIC_URL: 'https://motcua.badinh.hanoi.gov.vn', DATA_DIR: '/tmp/x' }));
    expect(prod).not.toMatch(/demo|PUBLIC_URL/i);
  });

  it('warns when serving for real with a loopback PUBLIC_URL, not in demo mode', () => {
    for (const u of ['http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:8080', 'http://0.0.0.0:3000']) expect(isLoopbackUrl(u)).toBe(true);
    expect(isLoopbackUrl('http://192.168.1.20:3000')).toBe(false);
    expect(publicUrlWarning(loadConfig({ DATA_DIR: '/tmp/x' }))).toMatch(/PUBLIC_URL là http:\/\/localhost:3000/);
    expect(publicUrlWarning(loadConfig({ DEMO: 'on', DATA_DIR: '/tmp/x' }))).toBeUndefined();
    expect(publicUrlWarning(loadConfig({ PUBLIC_URL: 'http://192.168.1.20:3000', DATA_DIR: '/tmp/x' }))).toBeUndefined();
  });
});

describe('request log', () => {
  async function logOf(format: 'json' | 'pretty'): Promise<string[]> {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    const app = Fastify({ loggerInstance: createLogger('info', format, out), logController: new LogController({ disableRequestLogging: true }) });
    logRequests(app);
    app.get('/p/:code', async () => 'ok');
    await app.inject({ method: 'GET', url: '/p/1.001193' });
    await app.inject({ method: 'GET', url: '/nothing' });
    await app.close();
    return chunks.join('').split('\n').filter(Boolean);
  }

  it('is one readable line per request on a terminal', async () => {
    const lines = await logOf('pretty');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/p\/1\.001193 200 \d+\.\d ms$/);
    expect(lines[1]).toMatch(/GET \/nothing 404/);
  });

  it('is one JSON line per request otherwise', async () => {
    const lines = await logOf('json');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, method: 'GET', url: '/p/1.001193', statusCode: 200, msg: expect.stringMatching(/^GET \/p\/1\.001193 200/) });
  });

  it('is pretty on a terminal unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' }, { tty: true }).logFormat).toBe('pretty');
    expect(loadConfig({ DATA_DIR: '/tmp/x' }, { tty: false }).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: '/tmp/x', LOG_FORMAT: 'json' }, { tty: true }).logFormat).toBe('json');
  });
});
