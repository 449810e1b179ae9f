import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, Desk } from '../dossier/workflow.testing';
import { verifyZaloSignature, zaloSignature } from './zalo';

/**
 * A fake Zalo on loopback speaking the OA protocol: `POST /v3.0/oa/message/cs` with the
 * `access_token` header, and the OAuth refresh (form body, `secret_key` header) that hands out a
 * new access token and a new refresh token each time, the old refresh token becoming useless.
 */
class FakeZalo {
  server = http.createServer((req, res) => this.handle(req, res));
  sent: Array<{ token: string; userId: string; text: string }> = [];
  refreshes: Array<{ refreshToken: string; secret: string }> = [];
  validAccess = new Set<string>();
  refreshToken = 'refresh-1';
  down = false;
  /** While set, the OA holds its answer to every message until the promise settles (a slow Zalo). */
  held: Promise<void> | null = null;
  private n = 1;

  /** Holds the OA's answers until the returned function is called. */
  holdReplies(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((r) => (release = r));
    return () => {
      this.held = null;
      release();
    };
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = (o: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      if (req.url === '/oauth/access_token') {
        const f = new URLSearchParams(body);
        this.refreshes.push({ refreshToken: f.get('refresh_token') ?? '', secret: String(req.headers.secret_key ?? '') });
        if (f.get('refresh_token') !== this.refreshToken || f.get('grant_type') !== 'refresh_token' || req.headers.secret_key !== 'app-secret') {
          return json({ error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token không hợp lệ' });
        }
        this.n++;
        const access = `access-${this.n}`;
        this.refreshToken = `refresh-${this.n}`;
        this.validAccess.add(access);
        return json({ access_token: access, refresh_token: this.refreshToken, expires_in: '90000' });
      }
      if (req.url === '/v3.0/oa/message/cs') {
        if (this.down) {
          res.writeHead(503);
          return res.end();
        }
        const token = String(req.headers.access_token ?? '');
        if (!this.validAccess.has(token)) return json({ error: -216, message: 'Access token is invalid' });
        const m = JSON.parse(body) as { recipient: { user_id: string }; message: { text: string } };
        const answer = () => {
          this.sent.push({ token, userId: m.recipient.user_id, text: m.message.text });
          json({ error: 0, message: 'Success', data: { message_id: `m${this.sent.length}`, user_id: m.recipient.user_id } });
        };
        if (this.held) return void this.held.then(answer);
        return answer();
      }
      res.writeHead(404);
      res.end();
    });
  }
}

const APP_ID = '1234567890';
const OA_SECRET = 'oa-secret-key';

describe('Zalo webhook signature', () => {
  it('is mac= and the hex SHA-256 of app id, raw body, timestamp and OA secret key', () => {
    const raw = Buffer.from('{"a":1}');
    const sig = zaloSignature(APP_ID, raw, '1700000000000', OA_SECRET);
    expect(sig).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(verifyZaloSignature(sig, APP_ID, raw, '1700000000000', OA_SECRET)).toBe(true);
    expect(verifyZaloSignature(sig, APP_ID, Buffer.from('{"a":2}'), '1700000000000', OA_SECRET)).toBe(false);
    expect(verifyZaloSignature(sig, APP_ID, raw, '1700000000001', OA_SECRET)).toBe(false);
    expect(verifyZaloSignature('mac=00', APP_ID, raw, '1700000000000', OA_SECRET)).toBe(false);
    expect(verifyZaloSignature(undefined, APP_ID, raw, '1700000000000', OA_SECRET)).toBe(false);
  });
});

for (const engine of engines()) {
  describe(`assistant on Zalo: webhook, replies, token refresh [${engine}]`, () => {
    let env: TestEnv;
    const zalo = new FakeZalo();
    let seq = 0;

    beforeAll(async () => {
      const base = await zalo.start();
      env = await createTestEnv(engine, {
        env: {
          ZALO_APP_ID: APP_ID,
          ZALO_APP_SECRET: 'app-secret',
          ZALO_OA_SECRET_KEY: OA_SECRET,
          ZALO_API_BASE: base,
          ZALO_OAUTH_URL: `${base}/oauth/access_token`,
          // The first access token has expired already: the first reply refreshes it.
          ZALO_ACCESS_TOKEN: 'access-1-expired',
          ZALO_REFRESH_TOKEN: 'refresh-1',
        },
      });
    });
    afterAll(async () => {
      await env?.close();
      zalo.server.close();
    });
    beforeEach(() => {
      zalo.down = false;
    });

    /** An event as Zalo sends it, signed over the exact bytes sent. */
    function event(o: { name?: string; text?: string; userId?: string; msgId?: string; sign?: 'good' | 'bad' | 'none' }) {
      const timestamp = String(1764432000000 + seq++);
      const body = JSON.stringify({
        app_id: APP_ID,
        user_id_by_app: 'u-app',
        event_name: o.name ?? 'user_send_text',
        timestamp,
        sender: { id: o.userId ?? 'zalo-user-1' },
        recipient: { id: 'oa-1' },
        message: { text: o.text ?? 'xin chào', msg_id: o.msgId ?? `msg-${seq}` },
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.sign !== 'none') headers['x-zevent-signature'] = o.sign === 'bad' ? zaloSignature(APP_ID, body, timestamp, 'wrong-key') : zaloSignature(APP_ID, body, timestamp, OA_SECRET);
      return { method: 'POST' as const, url: '/webhooks/zalo', payload: body, headers };
    }
    const countConversations = async () => (await env.services.database.db.selectFrom('assistant_conversations').select('id').where('channel', '=', 'zalo').execute()).length;

    it('answers a follower at 11 p.m. through the OA, refreshing the expired token and keeping the new refresh token', async () => {
      // Zalo wants the webhook answered at once: the reply is sent afterwards, so a slow OA (held
      // here until the webhook has answered) never delays the webhook's 200.
      const release = zalo.holdReplies();
      const r = await env.app.inject(event({ text: 'lam giay khai sinh cho be can nhung gi', msgId: 'msg-first' }));
      expect(r.statusCode).toBe(200);
      expect(zalo.sent).toHaveLength(0);
      release();
      await env.services.assistant.idle();
      expect(zalo.sent).toHaveLength(1);
      const m = zalo.sent[0]!;
      expect(m.userId).toBe('zalo-user-1');
      expect(m.text).toContain('Thủ tục đăng ký khai sinh');
      expect(m.text).toContain('Hồ sơ cần chuẩn bị');
      expect(m.text).toContain('http://motcua.test/p/00004/1.001193/nop-truc-tuyen');
      expect(m.text).toMatch(/http:\/\/motcua\.test\/bieu-mau\/1\.001193\/[a-z0-9-]+\.pdf/);
      // The expired token was refused, refreshed once with the app secret, and both new tokens kept.
      expect(zalo.refreshes).toEqual([{ refreshToken: 'refresh-1', secret: 'app-secret' }]);
      expect(m.token).toBe('access-2');
      // Kept in the one token row the outbox's Zalo transport uses too (refresh tokens are single-use).
      const stored = await env.services.database.db.selectFrom('oauth_tokens').selectAll().where('provider', '=', 'zalo_oa').executeTakeFirstOrThrow();
      expect(stored.refresh_token).toBe('refresh-2');
      expect(stored.access_token).toBe('access-2');
      expect(stored.expires_at! > new Date().toISOString()).toBe(true);
    });

    it('remembers the conversation per follower: "thế phí bao nhiêu?"', async () => {
      await env.app.inject(event({ text: 'thế phí bao nhiêu?' }));
      await env.services.assistant.idle();
      const last = zalo.sent.at(-1)!;
      expect(last.text).toContain('Thủ tục đăng ký khai sinh');
      expect(last.text).toContain('Phí, lệ phí');
      // The token still valid is reused, no refresh.
      expect(last.token).toBe('access-2');
      expect(zalo.refreshes).toHaveLength(1);
    });

    it('refuses a bad or missing signature with 401 and does nothing', async () => {
      const before = zalo.sent.length;
      const convs = await countConversations();
      for (const sign of ['bad', 'none'] as const) {
        const r = await env.app.inject(event({ text: 'đăng ký kết hôn', userId: 'intruder', sign }));
        expect(r.statusCode).toBe(401);
      }
      // A body changed after signing is refused too.
      const e = event({ text: 'đăng ký kết hôn', userId: 'intruder' });
      const tampered = await env.app.inject({ ...e, payload: e.payload.replace('kết hôn', 'khai tử') });
      expect(tampered.statusCode).toBe(401);
      await env.services.assistant.idle();
      expect(zalo.sent.length).toBe(before);
      expect(await countConversations()).toBe(convs);
    });

    it('answers an event only once, whatever Zalo retries', async () => {
      const before = zalo.sent.length;
      const first = event({ text: 'đăng ký tạm trú mất bao lâu', msgId: 'msg-dup', userId: 'zalo-user-2' });
      expect((await env.app.inject(first)).statusCode).toBe(200);
      expect((await env.app.inject(first)).statusCode).toBe(200);
      expect((await env.app.inject(event({ text: 'đăng ký tạm trú mất bao lâu', msgId: 'msg-dup', userId: 'zalo-user-2' }))).statusCode).toBe(200);
      await env.services.assistant.idle();
      expect(zalo.sent.length).toBe(before + 1);
    });

    it('ignores the echoes of its own messages (oa_send_*)', async () => {
      const before = zalo.sent.length;
      const convs = await countConversations();
      const r = await env.app.inject(event({ name: 'oa_send_text', text: 'Thủ tục đăng ký khai sinh…', userId: 'oa-1' }));
      expect(r.statusCode).toBe(200);
      await env.services.assistant.idle();
      expect(zalo.sent.length).toBe(before);
      expect(await countConversations()).toBe(convs);
    });

    it('sends an official’s answer to a handed-over question back on Zalo, and again if Zalo was down', async () => {
      await env.app.inject(event({ text: 'cho tôi gặp cán bộ', userId: 'zalo-user-3' }));
      await env.services.assistant.idle();
      expect(zalo.sent.at(-1)!.text).toContain('chuyển');
      const staff = { id: 'st', unitCode: '00004', name: 'Nguyễn Thị Hòa' };
      const h = (await env.services.assistant.desk.inbox(staff)).open.find((x) => x.question === 'cho tôi gặp cán bộ')!;
      zalo.down = true;
      const failed = await env.services.assistant.desk.replyToHandoff(staff, h.id, 'Chào anh, anh cần hỏi thủ tục gì ạ?');
      expect(failed.delivered).toBe(false);
      zalo.down = false;
      expect(await env.services.assistant.desk.resend(staff, h.id)).toEqual({ delivered: true });
      const last = zalo.sent.at(-1)!;
      expect(last.userId).toBe('zalo-user-3');
      expect(last.text).toBe('Cán bộ Nguyễn Thị Hòa trả lời:\nChào anh, anh cần hỏi thủ tục gì ạ?');
    });

    it('does not break the other routes’ JSON bodies', async () => {
      const r = await env.app.inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'khai tử cần gì' } });
      expect(r.statusCode).toBe(200);
      expect(r.json().procedures[0].code).toBe('1.000656');
    });
  });
}

describe('the status lookup on Zalo draws on the proof budget, one per follower', () => {
  let env: TestEnv;
  const zalo = new FakeZalo();
  let seq = 0;
  let code = '';
  beforeAll(async () => {
    const base = await zalo.start();
    env = await createTestEnv('sqlite', {
      env: {
        RATE_LIMIT: 'on',
        REQUIRE_PHONE_VERIFICATION: 'off',
        ZALO_APP_ID: APP_ID,
        ZALO_APP_SECRET: 'app-secret',
        ZALO_OA_SECRET_KEY: OA_SECRET,
        ZALO_API_BASE: base,
        ZALO_OAUTH_URL: `${base}/oauth/access_token`,
        ZALO_ACCESS_TOKEN: 'access-1-expired',
        ZALO_REFRESH_TOKEN: 'refresh-1',
      },
    });
    code = (await new Desk(env).submitOnline('1.001193')).code;
  });
  afterAll(async () => {
    await env?.close();
    zalo.server.close();
  });

  async function say(userId: string, text: string): Promise<string> {
    const timestamp = String(1764432000000 + seq++);
    const body = JSON.stringify({ app_id: APP_ID, event_name: 'user_send_text', timestamp, sender: { id: userId }, recipient: { id: 'oa-1' }, message: { text, msg_id: `guess-${seq}` } });
    const r = await env.app.inject({ method: 'POST', url: '/webhooks/zalo', payload: body, headers: { 'content-type': 'application/json', 'x-zevent-signature': zaloSignature(APP_ID, body, timestamp, OA_SECRET) } });
    expect(r.statusCode).toBe(200);
    await env.services.assistant.idle();
    return zalo.sent.filter((m) => m.userId === userId).at(-1)!.text;
  }

  it('ten wrong phones from one follower stop that follower only, even with the right phone after', async () => {
    for (let k = 0; k < 10; k++) expect(await say('guesser', `Tra cứu hồ sơ ${code} số điện thoại 09870001${String(k).padStart(2, '0')}`)).toMatch(/Không tìm thấy/);
    const stopped = await say('guesser', `Tra cứu hồ sơ ${code} số điện thoại ${APPLICANT.phone}`);
    expect(stopped).toMatch(/quá nhiều lần/);
    expect(stopped).not.toMatch(/Tình trạng/);
    // Every follower writes through Zalo's servers (one address): another follower is not stopped.
    expect(await say('owner', `Tra cứu hồ sơ ${code} số điện thoại ${APPLICANT.phone}`)).toMatch(/Tình trạng/);
  });
});
