/**
 * Fakes of the outside world for tests and benchmarks: servers on loopback that speak the
 * providers' protocols (the SMS gateway's JSON POST, Zalo OA's message and OAuth endpoints).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsWebhookSignature } from './notification.inbound';

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export interface FakeSmsGateway {
  url: string;
  /** Every request that reached the gateway, in order (a re-sent message appears twice), with its headers. */
  requests: Array<{ to: string; text: string; id: string; headers: http.IncomingHttpHeaders }>;
  /** What the handsets got: the gateway delivers each id once, as real gateways de-duplicate by request id. */
  delivered: Map<string, { to: string; text: string }>;
  /** 'ok', or answer every request with this HTTP status (the provider is down). */
  setStatus(status: number | 'ok'): void;
  /** Requests per id. */
  countOf(id: string): number;
  /** Where the gateway calls us (POST /webhooks/sms), signed with the shared secret at `now()`. */
  setWebhook(w: { url: string; secret: string; now: () => Date }): void;
  /**
   * A number that does not exist: the gateway takes the message (200), then reports its failure
   * (a "dlr" with status failed) to the webhook, as operators do.
   */
  unreachable: Set<string>;
  /** A citizen's SMS to the unit's number ("mo"), posted to the webhook; its answer. */
  receive(from: string, text: string): Promise<{ status: number; body: string }>;
  /** Waits for the delivery reports sent so far to be answered. */
  reportsSettled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSmsGateway(opts: { latencyMs?: number } = {}): Promise<FakeSmsGateway> {
  const requests: FakeSmsGateway['requests'] = [];
  const delivered: FakeSmsGateway['delivered'] = new Map();
  const counts = new Map<string, number>();
  let status: number | 'ok' = 'ok';
  let n = 0;
  let webhook: { url: string; secret: string; now: () => Date } | undefined;
  const unreachable = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  const callWebhook = async (payload: unknown): Promise<{ status: number; body: string }> => {
    if (!webhook) throw new Error('fake SMS gateway: no webhook set');
    const raw = JSON.stringify(payload);
    const ts = String(Math.floor(webhook.now().getTime() / 1000));
    const res = await fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': smsWebhookSignature(webhook.secret, ts, raw) }, body: raw });
    return { status: res.status, body: await res.text() };
  };
  const national = (to: string) => (to.startsWith('+84') ? `0${to.slice(3)}` : to);
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    if (status !== 'ok') {
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    let msg: { to?: unknown; text?: unknown; id?: unknown };
    try {
      msg = JSON.parse(body);
    } catch {
      res.writeHead(400).end('{"error":"bad json"}');
      return;
    }
    if (req.method !== 'POST' || typeof msg.to !== 'string' || !/^\+84\d{9,10}$/.test(msg.to) || typeof msg.text !== 'string' || typeof msg.id !== 'string') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
      return;
    }
    requests.push({ to: msg.to, text: msg.text, id: msg.id, headers: req.headers });
    counts.set(msg.id, (counts.get(msg.id) ?? 0) + 1);
    const dead = unreachable.has(msg.to) || unreachable.has(national(msg.to));
    if (!dead && !delivered.has(msg.id)) delivered.set(msg.id, { to: msg.to, text: msg.text });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${++n}`, status: 'queued' }));
    if (dead && webhook) {
      const p = callWebhook({ type: 'dlr', id: msg.id, status: 'failed', error: 'Subscriber unknown' }).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  });
  server.keepAliveTimeout = 60_000;
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    delivered,
    setStatus: (s) => {
      status = s;
    },
    countOf: (id) => counts.get(id) ?? 0,
    setWebhook: (w) => {
      webhook = w;
    },
    unreachable,
    receive: (from, text) => callWebhook({ type: 'mo', id: `mo-${++n}`, from, text }),
    reportsSettled: async () => {
      await Promise.allSettled([...inFlight]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeZalo {
  apiBase: string;
  oauthUrl: string;
  /** Messages accepted, by recipient user id. */
  messages: Array<{ userId: string; text: string; accessToken: string }>;
  refreshCalls: number;
  /** The access token the OA currently accepts. */
  currentAccess(): string;
  /** Revokes the current access token, as when it expires early. */
  expireAccess(): void;
  close(): Promise<void>;
}

/**
 * Zalo OA: POST /v3.0/oa/message/cs with header access_token; POST /v4/oa/access_token
 * (form: refresh_token, app_id, grant_type=refresh_token; header secret_key) issues a new pair
 * and invalidates the refresh token used (each is good once).
 */
export async function startFakeZalo(o: { appId: string; appSecret: string; refreshToken: string }): Promise<FakeZalo> {
  let access = '';
  let refresh = o.refreshToken;
  let gen = 0;
  const messages: FakeZalo['messages'] = [];
  const state = { refreshCalls: 0 };
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const json = (status: number, v: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    if (req.url === '/v4/oa/access_token' && req.method === 'POST') {
      state.refreshCalls++;
      const f = new URLSearchParams(body);
      if (req.headers.secret_key !== o.appSecret || f.get('app_id') !== o.appId || f.get('grant_type') !== 'refresh_token') return json(200, { error: -14002, message: 'Invalid app' });
      if (f.get('refresh_token') !== refresh) return json(200, { error: -14014, message: 'Invalid refresh token' });
      gen++;
      access = `acc-${gen}`;
      refresh = `ref-${gen}`;
      return json(200, { access_token: access, refresh_token: refresh, expires_in: '90000' });
    }
    if (req.url === '/v3.0/oa/message/cs' && req.method === 'POST') {
      const token = String(req.headers.access_token ?? '');
      if (!access || token !== access) return json(200, { error: -216, message: 'Access token is invalid' });
      const m = JSON.parse(body) as { recipient?: { user_id?: string }; message?: { text?: string } };
      if (!m.recipient?.user_id || !m.message?.text) return json(200, { error: -201, message: 'Parameters are invalid' });
      messages.push({ userId: m.recipient.user_id, text: m.message.text, accessToken: token });
      return json(200, { error: 0, message: 'Success', data: { message_id: `zm-${messages.length}`, user_id: m.recipient.user_id } });
    }
    json(404, { error: -1, message: 'not found' });
  });
  const port = await listen(server);
  return {
    apiBase: `http://127.0.0.1:${port}`,
    oauthUrl: `http://127.0.0.1:${port}/v4/oa/access_token`,
    messages,
    get refreshCalls() {
      return state.refreshCalls;
    },
    currentAccess: () => access,
    expireAccess: () => {
      access = `revoked-${gen}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
