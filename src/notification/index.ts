export {
  NotificationService,
  notifyDossierEvent,
  notifyResultPosted,
  type Channel as NotificationChannel,
  type InboundSms,
  type InboundSmsHandler,
  type Notice,
  type NotificationOptions,
  type NotificationPrefs,
  type OutboxMessage,
} from './notification.service';
export { NotificationWorker, type WorkerOptions } from './notification.worker';
export { outboxBacklog, type OutboxBacklog } from './notification.repo';
export { buildTransports } from './notification.setup';
export { sharedZaloTokenStore } from './notification.transports';
export { CHANNELS, EVENTS, EVENT_LABEL, isEssential, type DossierNotice, type NoticeEvent } from './notification.types';
export { prepareSms, smsInfo, capacity as smsCapacity } from './notification.sms';
export { smsWebhookRoutes, smsWebhookSignature } from './notification.inbound';
