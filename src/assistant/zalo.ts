import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A small client for a Zalo Official Account (the assistant's own; the notifications module has
 * its own sender): webhook signatures, replies to a follower, and the OA token's refresh.
 *
 * Facts (DOMAIN.md, "Zalo Official Account"): the webhook carries
 * `X-ZEvent-Signature: mac=<hex sha256(app_id + raw body + timestamp + OA secret key)>` — a plain
 * SHA-256, not an HMAC; replies go to `POST /v3.0/oa/message/cs` with the `access_token` header;
 * the token is refreshed at the OAuth endpoint with the app's secret key, and every refresh
 * returns a new refresh token that must be kept (the old one stops working).
 */

export interface ZaloSettings {
  appId: string;
  /** The app's secret key, sent as `secret_key` when refreshing the token. */
  appSecret?: string;
  /** The OA secret key that signs webhook events. */
  oaSecretKey: string;
  apiBase: string;
  oauthUrl: string;
  /** Initial tokens (from the environment); the database keeps the current ones. */
  accessToken?: string;
  refreshToken?: string;
}

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time; undefined when unknown (the initial token from the environment). */
  expiresAt?: string;
}

export interface ZaloTokenStore {
  load(): Promise<ZaloTokens | undefined>;
  save(t: ZaloTokens): Promise<void>;
}

/** What a Zalo webhook event carries that the assistant uses. */
export interface ZaloEvent {
  app_id?: string;
  event_name?: string;
  timestamp?: string;
  sender?: { id?: string };
  recipient?: { id?: string };
  message?: { text?: string; msg_id?: string; attachments?: Array<{ type?: string; payload?: { url?: string; thumbnail?: string } }> };
}

export class ZaloError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

export function zaloSignature(appId: string, rawBody: string | Buffer, timestamp: string, oaSecretKey: string): string {
  return 'mac=' + createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}

/** Constant-time check of the X-ZEvent-Signature header. */
export function verifyZaloSignature(header: string | undefined, appId: string, rawBody: Buffer, timestamp: string, oaSecretKey: string): boolean {
  if (!header || !oaSecretKey) return false;
  const expected = Buffer.from(zaloSignature(appId, rawBody, timestamp, oaSecretKey));
  const got = Buffer.from(header.trim());
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** The largest photo fetched from a `user_send_image` event (as the upload limit of a paper). */
export const ZALO_IMAGE_LIMIT = 10 * 1024 * 1024;

/** Error codes of the OA API meaning the access token is invalid or expired. */
const TOKEN_ERRORS = new Set([-216, -124, -220, -230]);
/** Zalo's limit for one text message. */
export const ZALO_TEXT_LIMIT = 2000;

export class ZaloClient {
  private refreshing: Promise<ZaloTokens> | undefined;

  constructor(
    readonly settings: ZaloSettings,
    private readonly store: ZaloTokenStore,
    private readonly now: () => Date = () => new Date(),
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async tokens(): Promise<ZaloTokens> {
    const stored = await this.store.load();
    if (stored) return stored;
    if (!this.settings.accessToken && !this.settings.refreshToken) throw new ZaloError('Chưa cấu hình ZALO_ACCESS_TOKEN hoặc ZALO_REFRESH_TOKEN.');
    const initial = { accessToken: this.settings.accessToken ?? '', refreshToken: this.settings.refreshToken ?? '' };
    await this.store.save(initial);
    return initial;
  }

  /** Exchange the refresh token for new tokens and keep both (one refresh at a time). */
  async refresh(): Promise<ZaloTokens> {
    this.refreshing ??= (async () => {
      try {
        const current = await this.tokens();
        if (!current.refreshToken) throw new ZaloError('Không có refresh token của Zalo OA để làm mới access token.');
        const res = await this.fetchImpl(this.settings.oauthUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.settings.appSecret ?? '' },
          body: new URLSearchParams({ refresh_token: current.refreshToken, app_id: this.settings.appId, grant_type: 'refresh_token' }).toString(),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number; error_description?: string };
        if (!res.ok || !body.access_token || !body.refresh_token) {
          throw new ZaloError(`Làm mới access token Zalo thất bại: ${body.error_description ?? res.status}`, body.error);
        }
        const seconds = Number(body.expires_in ?? 0);
        const t: ZaloTokens = {
          accessToken: body.access_token,
          refreshToken: body.refresh_token,
          // A minute early, so a token never expires between the check and the call.
          expiresAt: seconds > 0 ? new Date(this.now().getTime() + (seconds - 60) * 1000).toISOString() : undefined,
        };
        await this.store.save(t);
        return t;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private async post(token: string, body: unknown): Promise<{ status: number; json: { error?: number; message?: string; data?: { message_id?: string } } }> {
    const res = await this.fetchImpl(`${this.settings.apiBase.replace(/\/+$/, '')}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const json = (await res.json().catch(() => ({}))) as { error?: number; message?: string; data?: { message_id?: string } };
    return { status: res.status, json };
  }

  /** Send a text to a follower; refreshes the token once if Zalo says it expired. */
  async sendText(userId: string, text: string): Promise<{ messageId?: string }> {
    const body = { recipient: { user_id: userId }, message: { text: text.length > ZALO_TEXT_LIMIT ? text.slice(0, ZALO_TEXT_LIMIT - 1) + '…' : text } };
    let t = await this.tokens();
    if (!t.accessToken || (t.expiresAt && t.expiresAt <= this.now().toISOString())) t = await this.refresh();
    let r = await this.post(t.accessToken, body);
    if (r.status === 401 || (r.json.error !== undefined && TOKEN_ERRORS.has(r.json.error))) {
      t = await this.refresh();
      r = await this.post(t.accessToken, body);
    }
    if (r.status >= 400 || (r.json.error ?? 0) !== 0) throw new ZaloError(`Zalo từ chối tin nhắn: ${r.json.message ?? r.status}`, r.json.error);
    return { messageId: r.json.data?.message_id };
  }

  /**
   * The photo a follower sent (`user_send_image`: `message.attachments[].payload.url`, on Zalo's
   * content server), read into memory up to ZALO_IMAGE_LIMIT. Its content is checked later like
   * any upload: the name and type given here are only hints.
   */
  async fetchImage(url: string): Promise<{ data: Buffer; filename: string; declaredType?: string }> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new ZaloError('địa chỉ ảnh không hợp lệ');
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ZaloError('địa chỉ ảnh không hợp lệ');
    const res = await this.fetchImpl(u, { signal: AbortSignal.timeout(15_000), redirect: 'follow' });
    if (!res.ok || !res.body) throw new ZaloError(`máy chủ Zalo trả lỗi ${res.status}`);
    const tooBig = () => new ZaloError(`ảnh lớn hơn ${ZALO_IMAGE_LIMIT / 1024 / 1024} MB`);
    if (Number(res.headers.get('content-length') ?? 0) > ZALO_IMAGE_LIMIT) throw tooBig();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > ZALO_IMAGE_LIMIT) throw tooBig();
      chunks.push(Buffer.from(chunk));
    }
    const base = decodeURIComponent(u.pathname.split('/').pop() ?? '').replace(/[^\w.-]+/g, '_').slice(-80);
    return { data: Buffer.concat(chunks), filename: base && /\.[a-z0-9]{2,5}$/i.test(base) ? base : 'anh-zalo.jpg', declaredType: res.headers.get('content-type') ?? undefined };
  }
}
