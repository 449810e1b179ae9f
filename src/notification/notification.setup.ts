import type { NotificationConfig } from '../config';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { DemoTransport, SmsHttpTransport, SmtpTransport, ZaloTransport, type Transport } from './notification.transports';
import { CHANNELS, type Channel } from './notification.types';

/**
 * The transports the configuration gives: a real provider where one is configured; in demo mode,
 * the demo inbox for every other channel. Outside demo mode a channel without a provider has no
 * transport: its messages wait in the outbox (nothing is lost) until one is configured.
 */
export function buildTransports(cfg: NotificationConfig, o: { db: Db; clock: Clock; demo: boolean }): Partial<Record<Channel, Transport>> {
  const t: Partial<Record<Channel, Transport>> = {};
  if (cfg.sms) t.sms = new SmsHttpTransport({ ...cfg.sms, unicode: cfg.smsUnicode, maxSegments: cfg.smsMaxSegments });
  if (cfg.smtp) t.email = new SmtpTransport(cfg.smtp.url, cfg.smtp.from);
  if (cfg.zalo) t.zalo = new ZaloTransport(o.db, o.clock, cfg.zalo);
  if (o.demo) for (const c of CHANNELS) t[c] ??= new DemoTransport(c);
  return t;
}
