import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { AlongsideRead, AlongsideWrite } from '../db/alongside';
import type { Db } from '../db/connection';
import type { DB, NotificationPrefsTable, OutboxTable } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { formatDate, formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { currentRequestId } from '../shared/request-context';
import { normalizePhone } from '../shared/phone';
import * as repo from './notification.repo';
import { fitSms, toGsm7 } from './notification.sms';
import { checkTemplate, defaultTemplate, renderTemplate, type TemplateText } from './notification.templates';
import {
  CHANNELS,
  EVENTS,
  isEssential,
  LANGUAGES,
  ratingLinkOf,
  type Channel,
  type DossierNotice,
  type Language,
  type NoticeEvent,
  type OutboxStatus,
  type TemplateContext,
} from './notification.types';

export type { Channel };
type Exec = Kysely<DB> | Transaction<DB>;

/** The prefs read of `prefsAlong` from a stand-in for the phone (db/compiled.ts). */
const prefsJsonOfStand = (stand: Readonly<Record<string, unknown>>) => repo.prefsJsonOf(stand.phone as string);

export interface Notice {
  channel: Channel;
  recipient: string;
  event: string;
  body: string;
  subject?: string;
  dossierCode?: string;
  unitCode?: string;
  /** The unit named at the head of an SMS when the row belongs to no unit (a one-time code). */
  senderUnit?: string;
  /** Same key, same message: a retried action never queues it twice. */
  dedupKey: string;
}

/** An SMS a citizen sent to the unit's number, as the gateway's webhook reports it. */
export interface InboundSms {
  /** The gateway's id of the message. */
  id: string;
  /** The sender, national form once received. */
  from: string;
  text: string;
}
/** True when the handler acted on the message. */
export type InboundSmsHandler = (m: InboundSms) => Promise<boolean>;

export interface OutboxMessage {
  id: string;
  channel: Channel;
  recipient: string;
  event: string;
  subject: string;
  body: string;
  dossierCode: string | null;
  unitCode: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredVia: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationPrefs {
  phone: string;
  channels: Channel[];
  email: string;
  zaloUserId: string;
  language: Language;
  /** Opted out of non-essential messages. */
  essentialOnly: boolean;
  /** True when the citizen has never chosen: the defaults apply. */
  isDefault: boolean;
}

export interface TemplateRow extends TemplateText {
  event: NoticeEvent;
  channel: Channel;
  language: Language;
  custom: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

export interface NotificationOptions {
  /** Provider takes Unicode SMS (UCS-2); otherwise texts are folded to unaccented GSM-7. */
  smsUnicode: boolean;
  /** Longest SMS, in segments. */
  smsMaxSegments: number;
  /** Channels that can be delivered (configured, or the demo inbox); others are not queued. */
  channels?: Channel[];
  /** The unit whose name heads an SMS sent for no unit in particular (a sign-in code). */
  defaultUnit?: () => Promise<string | undefined>;
}

const fold = (t: string) => toGsm7(t).toLowerCase();
/** "UBND Phường Ba Đình: …" names the unit first as well as "Phường Ba Đình: …". */
const PEOPLES_COMMITTEE = /^(ubnd|uy ban nhan dan)\s+/;
const startsWithName = (body: string, name: string) => fold(body.trimStart()).replace(PEOPLES_COMMITTEE, '').startsWith(fold(name).replace(PEOPLES_COMMITTEE, ''));

/**
 * An SMS template (the unit admin's own included) that does not open with the unit gets "{unit}: "
 * in front, before it is filled in and fitted to its segments.
 */
function withUnitFirst(channel: Channel, tpl: TemplateText, unitName: string): TemplateText {
  if (channel !== 'sms') return tpl;
  const body = tpl.body.trimStart();
  if (fold(body).replace(PEOPLES_COMMITTEE, '').startsWith('{unit}') || (unitName && startsWithName(body, unitName))) return tpl;
  return { ...tpl, body: `{unit}: ${body}` };
}

export const DEFAULT_NOTIFICATION_OPTIONS: NotificationOptions = { smsUnicode: false, smsMaxSegments: 2 };

export function toMessage(r: OutboxTable): OutboxMessage {
  return {
    id: r.id,
    channel: r.channel as Channel,
    recipient: r.recipient,
    event: r.event,
    subject: r.subject,
    body: r.body,
    dossierCode: r.dossier_code,
    unitCode: r.unit_code,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    deliveredVia: r.delivered_via,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

const prefsSchema = z.object({
  channels: z.array(z.enum(CHANNELS, { message: 'Kênh nhận tin là sms, email hoặc zalo' })).max(3),
  email: z.string().trim().email('Địa chỉ thư điện tử không hợp lệ').max(200).optional().or(z.literal('')),
  language: z.enum(LANGUAGES, { message: 'Ngôn ngữ là vi hoặc en' }).default('vi'),
  essentialOnly: z.boolean().default(false),
});
export type PrefsInput = z.input<typeof prefsSchema>;

const TEMPLATE_TTL_MS = 10_000;
const UNIT_TTL_MS = 60_000;

/**
 * The outbox: every message to a citizen is written in the same transaction as the change that
 * causes it (enqueue / notifyDossier take the caller's transaction). Delivery with retries is the
 * worker's job (notification.worker.ts).
 */
export class NotificationService {
  private readonly templateCache = new Map<string, { at: number; rows: Map<string, TemplateText> }>();
  private readonly unitNames = new Map<string, { at: number; name: string }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly opts: NotificationOptions = DEFAULT_NOTIFICATION_OPTIONS,
  ) {}

  get options(): NotificationOptions {
    return this.opts;
  }

  /** Set while the demo history writes: its messages go straight to the demo inbox. */
  private readonly demoInbox = new AsyncLocalStorage<boolean>();

  /**
   * Runs `write` with every message it queues written as already delivered to the demo inbox
   * (`/demo/tin-nhan`), at the moment it was queued. The demo history (a year of made-up dossiers,
   * thousands of messages) goes through the real code paths — templates, channels, de-duplication
   * — without leaving the worker thousands of rows to send to made-up phones. Used only by the demo
   * history, which itself refuses to run outside demo mode. The storage is switched off again
   * when the history is written: while any AsyncLocalStorage is on, Node 20 runs a hook for every
   * promise and socket write of the process, which the request context's pause
   * (shared/request-context.ts) exists to avoid.
   */
  async deliveredToDemoInbox<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await this.demoInbox.run(true, write);
    } finally {
      this.demoInbox.disable();
    }
  }

  /**
   * Queue a message inside the caller's transaction. Returns false if it was already queued.
   * Every SMS starts with the sending unit's name ("Phuong Ba Dinh: …"), whoever wrote its text:
   * a citizen must see who writes before trusting a link or a code.
   */
  /**
   * `alongside`: the row is not written here but added to that list, for a statement the caller
   * makes next in the same transaction to write (db/alongside.ts); true then means prepared.
   */
  async enqueue(trx: Exec, n: Notice, alongside?: AlongsideWrite[]): Promise<boolean> {
    const now = this.clock.now().toISOString();
    let body = n.body;
    if (n.channel === 'sms') {
      const unitCode = n.unitCode ?? n.senderUnit ?? (await this.opts.defaultUnit?.().catch(() => undefined));
      // Folded like the text it heads (a text written without marks stays without).
      const full = unitCode ? await this.unitNameIn(trx, unitCode) : '';
      const name = /^[\x00-\x7f]*$/.test(body) ? toGsm7(full) : full.normalize('NFC');
      if (name && !startsWithName(body, name)) body = `${name}: ${body}`;
    }
    const demo = this.demoInbox.getStore() === true;
    const row: OutboxTable = {
      id: uuidv7(),
      channel: n.channel,
      recipient: n.recipient,
      event: n.event,
      subject: n.subject ?? '',
      body,
      dossier_code: n.dossierCode ?? null,
      unit_code: n.unitCode ?? null,
      dedup_key: n.dedupKey,
      status: demo ? 'sent' : 'pending',
      attempts: demo ? 1 : 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: demo ? now : null,
      lease_owner: null,
      lease_until: null,
      delivered_via: demo ? 'demo' : null,
      provider_ref: null,
      updated_at: now,
      request_id: currentRequestId(),
    };
    if (!alongside) return repo.insertOutbox(trx, row);
    alongside.push({ row, of: repo.outboxInsert });
    return true;
  }

  /**
   * Tell a dossier's applicant about an event, inside the caller's transaction: on each channel
   * they chose (SMS, plus e-mail when they gave an address, by default), in their language, with
   * the unit's template. Non-essential events are skipped for citizens who opted out. Returns the
   * number of messages queued (0 when all were already queued: the same event is never sent twice).
   * `opts.alongside`: the messages are prepared for the caller's next statement to write (see
   * `enqueue`; the submission's audit entry carries them), and the number is of those prepared.
   */
  async notifyDossier(trx: Exec, n: DossierNotice, known?: NotificationPrefs, opts: { alongside?: AlongsideWrite[] } = {}): Promise<number> {
    const phone = normalizePhone(n.applicant.phone) ?? n.applicant.phone;
    const prefs = known?.phone === phone ? known : await this.prefsIn(trx, phone, n.applicant.email);
    if (prefs.essentialOnly && !isEssential(n.event)) return 0;
    const ctx = await this.contextOf(trx, n, prefs.language);
    const base = `dossier:${n.dossierId}:${n.event}${n.occurrence ? `:${n.occurrence}` : ''}`;
    let queued = 0;
    for (const channel of prefs.channels) {
      const recipient = channel === 'sms' ? phone : channel === 'email' ? prefs.email : prefs.zaloUserId;
      if (!recipient) continue;
      const tpl = withUnitFirst(channel, await this.templateIn(trx, n.unitCode, n.event, channel, prefs.language), ctx.unit ?? '');
      const { subject, body } = this.render(channel, tpl, ctx);
      const ok = await this.enqueue(trx, {
        channel,
        recipient,
        event: n.event,
        subject,
        body,
        dossierCode: n.code,
        unitCode: n.unitCode,
        dedupKey: channel === 'sms' ? base : `${base}:${channel}`,
      }, opts.alongside);
      if (ok) queued++;
    }
    return queued;
  }

  /** A template filled in for one channel; SMS kept within the configured segments. */
  render(channel: Channel, tpl: TemplateText, ctx: TemplateContext): { subject: string; body: string } {
    if (channel === 'sms') {
      // Fold the template and the values once (not at every shortening step).
      const unicode = this.opts.smsUnicode;
      const fold = (t: string) => (unicode ? t.normalize('NFC') : toGsm7(t));
      const body0 = fold(tpl.body);
      const ctx0: TemplateContext = {};
      for (const [k, v] of Object.entries(ctx) as Array<[keyof TemplateContext, string | undefined]>) if (v !== undefined) ctx0[k] = fold(v);
      const body = fitSms((procedure) => renderTemplate(body0, { ...ctx0, procedure }), ctx0.procedure, {
        unicode: this.opts.smsUnicode,
        maxSegments: this.opts.smsMaxSegments,
      });
      return { subject: '', body };
    }
    return { subject: renderTemplate(tpl.subject, ctx).replace(/\s+/g, ' ').trim(), body: renderTemplate(tpl.body, ctx).trim() };
  }

  private async contextOf(trx: Exec, n: DossierNotice, lang: Language): Promise<TemplateContext> {
    const money = (v: number) => (lang === 'vi' ? `${new Intl.NumberFormat('vi-VN').format(v)} đồng` : `${new Intl.NumberFormat('en-US').format(v)} VND`);
    const tbd = lang === 'vi' ? 'theo thông báo' : 'to be announced';
    return {
      name: n.applicant.fullName,
      code: n.code,
      procedure: n.procedureName,
      unit: await this.unitNameIn(trx, n.unitCode),
      date: formatDate(n.postal?.postedAt ?? this.clock.now()),
      dueDate: n.dueAt ? formatDateTime(n.dueAt) : tbd,
      newDate: n.newDueAt ? formatDateTime(n.newDueAt) : tbd,
      amount: n.amount !== undefined ? money(n.amount) : '',
      reason: n.reason ?? '',
      postalCode: n.postal?.trackingNumber ?? '',
      link: n.trackingUrl,
      ratingLink: ratingLinkOf(n.trackingUrl),
    };
  }

  private async unitNameIn(trx: Exec, code: string): Promise<string> {
    const hit = this.unitNames.get(code);
    const now = Date.now();
    if (hit && now - hit.at < UNIT_TTL_MS) return hit.name;
    const name = (await repo.unitName(trx, code)) ?? code;
    this.unitNames.set(code, { at: now, name });
    return name;
  }

  // ------------------------------------------------------------------ templates

  private async unitTemplates(exec: Exec, unitCode: string): Promise<Map<string, TemplateText>> {
    const hit = this.templateCache.get(unitCode);
    if (hit && Date.now() - hit.at < TEMPLATE_TTL_MS) return hit.rows;
    const rows = new Map((await repo.listTemplates(exec, unitCode)).map((r) => [`${r.event}/${r.channel}/${r.language}`, { subject: r.subject, body: r.body }]));
    this.templateCache.set(unitCode, { at: Date.now(), rows });
    return rows;
  }

  private async templateIn(exec: Exec, unitCode: string, event: NoticeEvent, channel: Channel, language: Language): Promise<TemplateText> {
    const custom = (await this.unitTemplates(exec, unitCode)).get(`${event}/${channel}/${language}`);
    return custom ?? defaultTemplate(event, channel, language);
  }

  async listTemplates(unitCode: string): Promise<TemplateRow[]> {
    const rows = await repo.listTemplates(this.db, unitCode);
    const byKey = new Map(rows.map((r) => [`${r.event}/${r.channel}/${r.language}`, r]));
    const out: TemplateRow[] = [];
    for (const event of EVENTS)
      for (const channel of CHANNELS)
        for (const language of LANGUAGES) {
          const r = byKey.get(`${event}/${channel}/${language}`);
          out.push(
            r
              ? { event, channel, language, subject: r.subject, body: r.body, custom: true, updatedBy: r.updated_by, updatedAt: r.updated_at }
              : { event, channel, language, ...defaultTemplate(event, channel, language), custom: false },
          );
        }
    return out;
  }

  private checkAdmin(actor: { role: string; unitCode: string }, unitCode: string): void {
    if (actor.role !== 'admin' || actor.unitCode !== unitCode) throw new ForbiddenError('Chỉ quản trị của đơn vị mới sửa được mẫu tin nhắn.', 'admin_only');
  }

  async saveTemplate(actor: { role: string; unitCode: string; name: string }, unitCode: string, key: { event: string; channel: string; language: string }, input: TemplateText): Promise<TemplateRow> {
    this.checkAdmin(actor, unitCode);
    const k = this.templateKey(key);
    const t = checkTemplate(k.channel, input);
    const now = this.clock.now().toISOString();
    await repo.upsertTemplate(this.db, { unit_code: unitCode, ...k, subject: t.subject, body: t.body, updated_by: actor.name, updated_at: now });
    this.templateCache.delete(unitCode);
    return { ...k, ...t, custom: true, updatedBy: actor.name, updatedAt: now };
  }

  async resetTemplate(actor: { role: string; unitCode: string }, unitCode: string, key: { event: string; channel: string; language: string }): Promise<void> {
    this.checkAdmin(actor, unitCode);
    await repo.deleteTemplate(this.db, { unit_code: unitCode, ...this.templateKey(key) });
    this.templateCache.delete(unitCode);
  }

  /** What a template gives for a sample dossier (the editor's preview). */
  preview(channel: Channel, tpl: TemplateText, language: Language = 'vi'): { subject: string; body: string } {
    return this.render(channel, withUnitFirst(channel, tpl, 'Phường Ba Đình'), {
      name: 'Nguyễn Văn An',
      code: '00004-261130-0001',
      procedure: 'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      unit: 'Phường Ba Đình',
      date: '30/11/2026',
      dueDate: '17:00 02/12/2026',
      newDate: '17:00 04/12/2026',
      amount: language === 'vi' ? '20.000 đồng' : '20,000 VND',
      reason: language === 'vi' ? 'bản sao giấy chứng sinh' : 'a copy of the birth certificate',
      postalCode: 'EB123456789VN',
      link: 'https://motcua.example.vn/ho-so/00004-261130-0001?t=Xy3kPq9Lm2Nb7Vc4Rt8Wz1',
      ratingLink: 'https://motcua.example.vn/ho-so/00004-261130-0001/danh-gia?t=Xy3kPq9Lm2Nb7Vc4Rt8Wz1',
    });
  }

  private templateKey(key: { event: string; channel: string; language: string }): { event: NoticeEvent; channel: Channel; language: Language } {
    const r = z.object({ event: z.enum(EVENTS), channel: z.enum(CHANNELS), language: z.enum(LANGUAGES) }).safeParse(key);
    if (!r.success) throw new ValidationError('Không có mẫu tin nhắn này.', [{ field: 'template', code: 'unknown_template', message: 'Sự kiện, kênh hoặc ngôn ngữ không hợp lệ' }]);
    return r.data;
  }

  // ------------------------------------------------------------------ citizens' choices

  /**
   * The applicant's channels, read before a transaction that will notify them (`notifyDossier`'s
   * third argument), so that no row lock is held during the read.
   */
  prefsFor(phone: string, email?: string): Promise<NotificationPrefs> {
    return this.prefsIn(this.db, normalizePhone(phone) ?? phone, email);
  }

  /**
   * The same, read by another module's statement on PostgreSQL (db/alongside.ts: the submission's
   * first statement selects it), so it costs no round trip of its own.
   */
  prefsAlong(phone: string, email?: string): AlongsideRead<NotificationPrefs> {
    const p = normalizePhone(phone) ?? phone;
    return {
      // Built only when asked: a carrier that compiles by shape writes the read from `shaped`.
      get expression() {
        return repo.prefsJsonOf(p);
      },
      decode: (v) => this.prefsOf(typeof v === 'string' ? (JSON.parse(v) as NotificationPrefsTable) : undefined, p, email),
      shaped: { of: prefsJsonOfStand, values: { phone: p } },
    };
  }

  private async prefsIn(exec: Exec, phone: string, email?: string): Promise<NotificationPrefs> {
    return this.prefsOf(await repo.findPrefs(exec, phone), phone, email);
  }

  private prefsOf(r: NotificationPrefsTable | undefined, phone: string, email?: string): NotificationPrefs {
    if (!r) {
      // By default: SMS, and e-mail as well when the citizen gave an address.
      const channels: Channel[] = email ? ['sms', 'email'] : ['sms'];
      return { phone, channels: this.deliverable(channels), email: email ?? '', zaloUserId: '', language: 'vi', essentialOnly: false, isDefault: true };
    }
    const channels = this.deliverable(JSON.parse(r.channels) as Channel[]);
    return { phone, channels, email: r.email || email || '', zaloUserId: r.zalo_user_id, language: r.language as Language, essentialOnly: r.essential_only === 1, isDefault: false };
  }

  private deliverable(channels: Channel[]): Channel[] {
    // SMS is the channel of record: queued even before a gateway is configured (it waits, and is
    // delivered once one is). E-mail and Zalo only when they can be delivered.
    const can = this.opts.channels;
    return can ? channels.filter((c) => c === 'sms' || can.includes(c)) : channels;
  }

  async getPrefs(phone: string, email?: string): Promise<NotificationPrefs> {
    const r = await repo.findPrefs(this.db, phone);
    if (!r) return { phone, channels: email ? ['sms', 'email'] : ['sms'], email: email ?? '', zaloUserId: '', language: 'vi', essentialOnly: false, isDefault: true };
    return { phone, channels: JSON.parse(r.channels) as Channel[], email: r.email, zaloUserId: r.zalo_user_id, language: r.language as Language, essentialOnly: r.essential_only === 1, isDefault: false };
  }

  /** The citizen's choice of channels and language; essential messages go out whatever they choose. */
  async savePrefs(phone: string, input: unknown): Promise<NotificationPrefs> {
    const r = prefsSchema.safeParse(input);
    if (!r.success) {
      throw new ValidationError('Lựa chọn nhận thông báo chưa hợp lệ.', r.error.issues.map((i) => ({ field: i.path.join('.') || 'channels', code: i.code, message: i.message })));
    }
    const p = r.data;
    const current = await repo.findPrefs(this.db, phone);
    const channels = [...new Set(p.channels)];
    if (channels.includes('email') && !p.email) throw new ValidationError('Cần địa chỉ thư điện tử để nhận thư.', [{ field: 'email', code: 'required', message: 'Nhập địa chỉ thư điện tử' }]);
    if (channels.includes('zalo') && !current?.zalo_user_id) {
      throw new ValidationError('Số điện thoại này chưa liên kết Zalo. Xin quan tâm Zalo OA của đơn vị rồi nhắn tin để liên kết.', [{ field: 'channels', code: 'zalo_not_linked', message: 'Chưa liên kết Zalo' }]);
    }
    // Essential messages must reach the citizen somewhere: SMS stays when nothing else is chosen.
    if (!channels.length) channels.push('sms');
    await repo.upsertPrefs(this.db, {
      phone,
      channels: JSON.stringify(channels),
      email: p.email ?? '',
      zalo_user_id: current?.zalo_user_id ?? '',
      language: p.language,
      essential_only: p.essentialOnly ? 1 : 0,
      updated_at: this.clock.now().toISOString(),
    });
    return this.getPrefs(phone);
  }

  /** The phone numbers a Zalo follower is linked to (a follower's "HUY" stops that phone's reminders). */
  phonesOfZaloUser(zaloUserId: string): Promise<string[]> {
    return repo.phonesOfZaloUser(this.db, zaloUserId);
  }

  /** Links a phone number to a Zalo follower (called by the Zalo OA conversation) and turns Zalo on. */
  async linkZalo(phone: string, zaloUserId: string): Promise<NotificationPrefs> {
    const current = await this.getPrefs(phone);
    const channels = current.channels.includes('zalo') ? current.channels : [...current.channels, 'zalo' as const];
    await repo.upsertPrefs(this.db, {
      phone,
      channels: JSON.stringify(channels),
      email: current.email,
      zalo_user_id: zaloUserId,
      language: current.language,
      essential_only: current.essentialOnly ? 1 : 0,
      updated_at: this.clock.now().toISOString(),
    });
    return this.getPrefs(phone);
  }

  // ------------------------------------------------------------------ delivery status, resend

  async list(opts: repo.OutboxFilter = {}): Promise<OutboxMessage[]> {
    return (await repo.listOutbox(this.db, opts)).map(toMessage);
  }

  async counts(unitCode?: string): Promise<Record<OutboxStatus, number>> {
    const c = await repo.countOutboxByStatus(this.db, unitCode);
    return { pending: c.pending ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, dead: c.dead ?? 0 };
  }

  async get(id: string, unitCode: string): Promise<OutboxMessage> {
    const r = await repo.findOutbox(this.db, id);
    if (!r || r.unit_code !== unitCode) throw new NotFoundError('Không có tin nhắn này.', 'message_not_found');
    return toMessage(r);
  }

  /**
   * Staff resend: a message that could not be delivered (or still waits for its next attempt)
   * goes again now; a delivered one is sent once more as a new message, so the record of the
   * first delivery stays.
   */
  async resend(id: string, unitCode: string, actorName: string): Promise<OutboxMessage> {
    const r = await repo.findOutbox(this.db, id);
    if (!r || r.unit_code !== unitCode) throw new NotFoundError('Không có tin nhắn này.', 'message_not_found');
    const now = this.clock.now().toISOString();
    if (r.status === 'dead' || r.status === 'pending') {
      await repo.requeue(this.db, id, now);
      return toMessage((await repo.findOutbox(this.db, id))!);
    }
    if (r.status === 'sending') return toMessage(r);
    const copy = uuidv7();
    await repo.insertOutbox(this.db, {
      ...r,
      id: copy,
      dedup_key: `resend:${r.id}:${copy}`,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
      lease_owner: null,
      lease_until: null,
      delivered_via: null,
      provider_ref: null,
      updated_at: now,
    });
    void actorName;
    return toMessage((await repo.findOutbox(this.db, copy))!);
  }

  // ------------------------------------------------------------------ the gateway's reports, inbound SMS, erasure

  private readonly inboundHandlers: InboundSmsHandler[] = [];

  /** A module that answers SMS sent to the unit's number (e.g. "HUY" to stop reminders) registers here. */
  onInboundSms(handler: InboundSmsHandler): void {
    this.inboundHandlers.push(handler);
  }

  /**
   * An SMS a citizen sent (the gateway's webhook, notification.inbound.ts): every handler sees it;
   * returns how many acted on it. A gateway that retries the webhook delivers it again: handlers
   * are idempotent.
   */
  async receiveSms(m: InboundSms): Promise<number> {
    const from = normalizePhone(m.from);
    if (!from) return 0;
    let acted = 0;
    for (const h of this.inboundHandlers) if (await h({ ...m, from })) acted++;
    return acted;
  }

  /**
   * The gateway's delivery report for one of our messages (the request's `id`): a failure makes the
   * message dead at once — a number that does not exist is not tried again.
   */
  async deliveryReport(r: { id: string; delivered: boolean; error?: string }): Promise<boolean> {
    if (r.delivered) return false;
    return repo.markUndelivered(this.db, r.id, { now: this.clock.now().toISOString(), error: `Cổng SMS báo không chuyển được tin tới máy người nhận${r.error ? `: ${r.error}` : ''}` });
  }

  /** Where the messages with these de-duplication keys stand (missing keys: never queued, or erased). */
  async deliveryStates(dedupKeys: string[]): Promise<Map<string, { status: OutboxStatus; lastError: string | null; channel: string }>> {
    const rows = await repo.statesByDedupKey(this.db, dedupKeys);
    return new Map(rows.map((r) => [r.dedup_key, { status: r.status as OutboxStatus, lastError: r.last_error, channel: r.channel }]));
  }

  /** Erase the recipient and text of the messages whose de-duplication key starts with `prefix` (pending ones are dropped). */
  async forget(trx: Exec, dedupKeyPrefix: string): Promise<number> {
    if (dedupKeyPrefix.length < 6) throw new Error('forget: prefix too short');
    return repo.forgetByDedupPrefix(trx, dedupKeyPrefix, this.clock.now().toISOString());
  }
}

/**
 * For the workflow: tell the citizen that the result went by post (the postal handover of the
 * return step), inside the transaction that records the handover.
 */
export function notifyResultPosted(
  notifications: NotificationService,
  trx: Exec,
  n: Omit<DossierNotice, 'event' | 'postal'> & { trackingNumber: string; postedAt?: string },
): Promise<number> {
  const { trackingNumber, postedAt, ...rest } = n;
  return notifications.notifyDossier(trx, { ...rest, event: 'result_posted', postal: { trackingNumber, postedAt }, occurrence: trackingNumber });
}

/** For the workflow and payment modules: any dossier event, inside the caller's transaction. */
export function notifyDossierEvent(notifications: NotificationService, trx: Exec, n: DossierNotice): Promise<number> {
  return notifications.notifyDossier(trx, n);
}
