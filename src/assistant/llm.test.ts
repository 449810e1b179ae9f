import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { faithful, OpenAiCompatibleRephraser } from './llm';

/** A fake OpenAI-compatible endpoint on loopback: answers what the test tells it to. */
class FakeLlm {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      this.requests.push({ url: req.url ?? '', auth: String(req.headers.authorization ?? ''), body: JSON.parse(body || '{}') });
      const reply = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: this.answer(this.requests.at(-1)!.body) } }] }));
      };
      if (this.delayMs) setTimeout(reply, this.delayMs);
      else reply();
    });
  });
  requests: Array<{ url: string; auth: string; body: any }> = [];
  answer: (body: any) => string = () => '';
  delayMs = 0;

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }
}

describe('faithfulness check of a rewording', () => {
  const facts = ['Thủ tục đăng ký khai sinh (mã 1.001193)', 'Thời hạn giải quyết: Nộp trực tiếp: 1 ngày làm việc.', 'Phí, lệ phí: miễn phí.'];
  it('accepts a rewording whose figures all come from the facts', () => {
    expect(faithful('Làm khai sinh mất 1 ngày làm việc và không mất phí.', facts)).toBe(true);
  });
  it('refuses invented figures and links', () => {
    expect(faithful('Làm khai sinh mất 3 ngày, lệ phí 50.000 đồng.', facts)).toBe(false);
    expect(faithful('Xem https://example.com để biết thêm.', facts)).toBe(false);
    expect(faithful('', facts)).toBe(false);
  });
});

for (const engine of engines()) {
  describe(`optional rephrasing through an OpenAI-compatible endpoint [${engine}]`, () => {
    const llm = new FakeLlm();
    let env: TestEnv;
    beforeAll(async () => {
      const url = await llm.start();
      env = await createTestEnv(engine, { env: { ASSISTANT_LLM_URL: url, ASSISTANT_LLM_MODEL: 'fake-model', ASSISTANT_LLM_KEY: 'k-123', ASSISTANT_LLM_TIMEOUT_MS: '500' } });
    });
    afterAll(async () => {
      await env?.close();
      llm.server.close();
    });
    beforeEach(() => {
      llm.delayMs = 0;
    });
    const ask = (question: string) => env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: `llm-${Math.random()}` });

    it('rewords an answer from the retrieved facts only, and still names the procedure and links it', async () => {
      llm.answer = () => 'Bạn không phải nộp lệ phí khi đăng ký khai sinh cho bé.';
      const r = await ask('khai sinh cho con có mất tiền không');
      const req = llm.requests.at(-1)!;
      expect(req.url).toBe('/v1/chat/completions');
      expect(req.auth).toBe('Bearer k-123');
      expect(req.body.model).toBe('fake-model');
      const sent = JSON.stringify(req.body.messages);
      // The model sees the catalogue's facts, not free rein.
      expect(sent).toContain('Phí, lệ phí');
      expect(sent).toContain('CHỈ dùng thông tin được cung cấp');
      expect(r.answer.split('\n')[0]).toBe('Thủ tục đăng ký khai sinh (mã 1.001193)');
      expect(r.answer).toContain('Bạn không phải nộp lệ phí');
      expect(r.answer).toContain('http://motcua.test/p/00004/1.001193');
    });

    it('keeps the template answer when the model invents a figure', async () => {
      llm.answer = () => 'Lệ phí đăng ký khai sinh là 75.000 đồng.';
      const r = await ask('khai sinh cho con có mất tiền không');
      expect(r.answer).not.toContain('75.000');
      expect(r.answer).toContain('Phí, lệ phí');
    });

    it('does not wait for a slow endpoint beyond its timeout', async () => {
      llm.answer = () => 'Bạn không phải nộp lệ phí.';
      // The endpoint would answer after 20 s; the timeout is 500 ms. Even on a loaded machine the
      // answer comes long before the endpoint's (a wide margin, not a speed assertion).
      llm.delayMs = 20_000;
      const t0 = Date.now();
      const r = await ask('đăng ký kết hôn có mất phí không');
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(r.answer).toContain('Phí, lệ phí');
    });

    it('is not asked for what is not an answer from the catalogue', async () => {
      const before = llm.requests.length;
      await ask('giá vàng hôm nay');
      await ask('xin chào');
      expect(llm.requests.length).toBe(before);
    });
  });
}

describe('the adapter alone', () => {
  it('returns nothing when the endpoint is unreachable', async () => {
    const r = new OpenAiCompatibleRephraser({ url: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 300 });
    expect(await r.rephrase({ question: 'q', facts: ['Thủ tục A'] })).toBeUndefined();
  });
});
