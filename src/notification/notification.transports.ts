import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Db } from '../db/connection';
import type { OutboxTable } from '../db/schema';
import type { Clock } from '../shared/clock';
import { normalizePhone, toE164 } from '../shared/phone';
import * as repo from './notification.repo';
import { capacity, prepareSms, smsInfo, truncateSms } from './notification.sms';
import type { Channel } from './notification.types';

/**
 * The outside world: one transport per channel. A transport either resolves (the provider took
 * the message) or throws a DeliveryError; the worker decides about retries. Every request carries
 * the outbox id, so a provider that de-duplicates by it delivers a message re-sent after a crash
 * (between the provider's answer and our "sent" mark) only once.
 */

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** False for answers that no retry can change (the recipient does not exist...). */
    readonly retryable = true,
  ) {
    super(message);
  }
}

export interface SendResult {
  providerRef?: string | null;
}

export interface Transport {
  readonly channel: Channel;
  /** Stored with the message: 'sms_http', 'smtp', 'zalo_oa', 'demo'. */
  readonly name: string;
  send(msg: OutboxTable): Promise<SendResult>;
  close?(): Promise<void>;
}

const TIMEOUT_MS = 20_000;

/** Why a connection failed, in the words staff read on the outbox page (the code kept for support). */
const NET_ERROR: Record<string, string> = {
  ECONNREFUSED: 'máy chủ từ chối kết nối',
  ECONNRESET: 'kết nối bị ngắt',
  ENOTFOUND: 'không tìm thấy tên máy chủ',
  EAI_AGAIN: 'không tra được tên máy chủ',
  ETIMEDOUT: 'quá thời gian chờ',
  TimeoutError: 'quá thời gian chờ',
  AbortError: 'quá thời gian chờ',
};

async function postWithTimeout(url: string, init: RequestInit, timeoutMs = TIMEOUT_MS): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const code = err.cause?.code ?? err.name ?? err.message;
    throw new DeliveryError(`Không kết nối được ${new URL(url).host}: ${NET_ERROR[code] ? `${NET_ERROR[code]} (${code})` : code}`);
  }
}

// ------------------------------------------------------------------ SMS over HTTP

export interface SmsHttpOptions {
  url: string;
  /**
   * The request body. Default `{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}`; a brandname
   * provider's shape is given with the same placeholders ({{to}} +84…, {{to_national}} 09…,
   * {{to_84}} 849…, {{text}}, {{id}}), each filled JSON-escaped.
   */
  template?: string;
  /** Extra request headers (API keys). */
  headers?: Record<string, string>;
  /** For providers that answer 200 with an error code: "field=value" the JSON answer must have. */
  success?: { field: string; value: string };
  unicode: boolean;
  maxSegments: number;
}

export const DEFAULT_SMS_TEMPLATE = '{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}';

export function smsRequestBody(template: string, v: { to: string; text: string; id: string }): string {
  const national = normalizePhone(v.to) ?? v.to;
  const e164 = toE164(national);
  const values: Record<string, string> = { to: e164, to_national: national, to_84: e164.slice(1), text: v.text, id: v.id };
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in values ? JSON.stringify(values[k]).slice(1, -1) : m));
}

function pick(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export class SmsHttpTransport implements Transport {
  readonly channel = 'sms' as const;
  readonly name = 'sms_http';
  constructor(private readonly o: SmsHttpOptions) {}

  async send(msg: OutboxTable): Promise<SendResult> {
    // The row is shaped at enqueue time; this is the last guard for raw texts (OTP...).
    let text = prepareSms(msg.body, this.o.unicode);
    const info = smsInfo(text);
    if (info.segments > this.o.maxSegments) text = truncateSms(text, capacity(info.encoding, this.o.maxSegments));
    const body = smsRequestBody(this.o.template ?? DEFAULT_SMS_TEMPLATE, { to: msg.recipient, text, id: msg.id });
    const res = await postWithTimeout(this.o.url, { method: 'POST', headers: { 'content-type': 'application/json', ...this.o.headers }, body });
    const answer = await res.text().catch(() => '');
    // Any non-2xx answer is a failed attempt, retried with backoff until the attempts run out.
    if (!res.ok) throw new DeliveryError(`Cổng SMS trả lời ${res.status}: ${answer.slice(0, 200)}`);
    let json: unknown;
    try {
      json = answer ? JSON.parse(answer) : undefined;
    } catch {
      json = undefined;
    }
    if (this.o.success && String(pick(json, this.o.success.field)) !== this.o.success.value) {
      throw new DeliveryError(`Cổng SMS báo lỗi: ${answer.slice(0, 200)}`);
    }
    const ref = pick(json, 'id') ?? pick(json, 'messageId') ?? pick(json, 'SMSID');
    return { providerRef: ref !== undefined && ref !== null ? String(ref) : null };
  }
}

// ------------------------------------------------------------------ e-mail over SMTP

export class SmtpTransport implements Transport {
  readonly channel = 'email' as const;
  readonly name = 'smtp';
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport({ url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS } as SMTPTransport.Options);
  }

  async send(msg: OutboxTable): Promise<SendResult> {
    try {
      const info = await this.transporter.sendMail({
        from: this.from,
        to: msg.recipient,
        subject: msg.subject,
        text: msg.body,
        // The same Message-ID on a re-send: mail clients show one message.
        messageId: `<${msg.id}@motcua>`,
        headers: { 'X-Motcua-Id': msg.id, 'Auto-Submitted': 'auto-generated' },
      });
      return { providerRef: info.messageId ?? null };
    } catch (e) {
      const err = e as Error & { responseCode?: number; code?: string };
      // 5xx SMTP replies are permanent (mailbox does not exist...), 4xx and network errors are not.
      const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
      throw new DeliveryError(`SMTP: ${err.responseCode ?? err.code ?? ''} ${err.message}`.trim(), !permanent);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

// ------------------------------------------------------------------ Zalo Official Account

export interface ZaloOptions {
  /** https://openapi.zalo.me */
  apiBase: string;
  /** https://oauth.zaloapp.com/v4/oa/access_token */
  oauthUrl: string;
  appId: string;
  appSecret: string;
  /** The first refresh token (from the OA's authorisation); later ones are kept in the database. */
  refreshToken: string;
}

// Zalo's answers for an access token that is expired or revoked.
const TOKEN_ERRORS = new Set([-216, -124, -220]);
const PROVIDER = 'zalo_oa';

/**
 * Zalo OA customer-service messages. The access token lives about 25 hours and each refresh token
 * can be used once: every refresh stores the new pair, with a version check so that two workers
 * refreshing at once keep the pair that was actually issued last.
 */
export class ZaloTransport implements Transport {
  readonly channel = 'zalo' as const;
  readonly name = 'zalo_oa';
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly o: ZaloOptions,
  ) {}

  private async token(): Promise<{ access: string; version: number; expiresAt: string; refresh: string }> {
    let t = await repo.findToken(this.db, PROVIDER);
    if (!t) {
      await repo.insertTokenIfAbsent(this.db, { provider: PROVIDER, access_token: '', refresh_token: this.o.refreshToken, expires_at: new Date(0).toISOString(), version: 0, updated_at: this.clock.now().toISOString() });
      t = (await repo.findToken(this.db, PROVIDER))!;
    }
    return { access: t.access_token, version: t.version, expiresAt: t.expires_at, refresh: t.refresh_token };
  }

  /** Refreshes the pair read at `version`; if another worker already did, uses theirs. */
  async refresh(seen: { version: number; refresh: string }): Promise<string> {
    const res = await postWithTimeout(this.o.oauthUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.o.appSecret },
      body: new URLSearchParams({ refresh_token: seen.refresh, app_id: this.o.appId, grant_type: 'refresh_token' }).toString(),
    });
    const json = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number; message?: string };
    if (!res.ok || !json.access_token || !json.refresh_token) {
      const again = await repo.findToken(this.db, PROVIDER);
      if (again && again.version !== seen.version && again.access_token) return again.access_token;
      throw new DeliveryError(`Zalo: không làm mới được access token (${json.error ?? res.status} ${json.message ?? ''})`.trim());
    }
    const now = this.clock.now();
    const expires = new Date(now.getTime() + (Number(json.expires_in ?? 3600) - 60) * 1000).toISOString();
    const stored = await repo.swapToken(this.db, PROVIDER, seen.version, { access_token: json.access_token, refresh_token: json.refresh_token, expires_at: expires, updated_at: now.toISOString() });
    if (!stored) {
      // Someone else stored a newer pair meanwhile; ours is valid too, but keep theirs on record.
      return json.access_token;
    }
    return json.access_token;
  }

  private async post(access: string, msg: OutboxTable): Promise<{ error: number; message?: string; data?: { message_id?: string } }> {
    const res = await postWithTimeout(`${this.o.apiBase.replace(/\/+$/, '')}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: access },
      body: JSON.stringify({ recipient: { user_id: msg.recipient }, message: { text: msg.subject ? `${msg.subject}\n\n${msg.body}` : msg.body } }),
    });
    if (!res.ok) throw new DeliveryError(`Zalo trả lời ${res.status}`);
    return (await res.json()) as { error: number; message?: string; data?: { message_id?: string } };
  }

  async send(msg: OutboxTable): Promise<SendResult> {
    let t = await this.token();
    let access = t.access;
    if (!access || t.expiresAt <= this.clock.now().toISOString()) access = await this.refresh(t);
    let r = await this.post(access, msg);
    if (TOKEN_ERRORS.has(r.error)) {
      t = await this.token();
      access = t.access && t.access !== access ? t.access : await this.refresh(t);
      r = await this.post(access, msg);
    }
    if (r.error !== 0) throw new DeliveryError(`Zalo báo lỗi ${r.error}: ${r.message ?? ''}`.trim(), !(r.error === -213 || r.error === -201));
    return { providerRef: r.data?.message_id ?? null };
  }
}

// ------------------------------------------------------------------ demo inbox

/** Demo mode: nothing leaves the machine; the "sent messages" page shows what would have gone. */
export class DemoTransport implements Transport {
  readonly name = 'demo';
  constructor(readonly channel: Channel) {}
  async send(): Promise<SendResult> {
    return { providerRef: null };
  }
}

/**
 * The Zalo OA token pair as a load/save store over the same row the delivery transport uses, so
 * that the assistant's Zalo client and the outbox share one pair: Zalo refresh tokens work once,
 * and two copies would invalidate each other.
 */
export function sharedZaloTokenStore(db: Db, clock: Clock, initialRefreshToken: string) {
  return {
    load: async (): Promise<{ accessToken: string; refreshToken: string; expiresAt?: string } | undefined> => {
      const t = await repo.findToken(db, PROVIDER);
      if (!t) return initialRefreshToken ? { accessToken: '', refreshToken: initialRefreshToken, expiresAt: new Date(0).toISOString() } : undefined;
      return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: t.expires_at };
    },
    save: async (p: { accessToken: string; refreshToken: string; expiresAt?: string }): Promise<void> => {
      const now = clock.now().toISOString();
      const row = { access_token: p.accessToken, refresh_token: p.refreshToken, expires_at: p.expiresAt ?? new Date(Date.now() + 3600_000).toISOString(), updated_at: now };
      await repo.insertTokenIfAbsent(db, { provider: PROVIDER, ...row, version: 0 });
      const cur = await repo.findToken(db, PROVIDER);
      if (cur && cur.refresh_token !== p.refreshToken) await repo.swapToken(db, PROVIDER, cur.version, row);
    },
  };
}
