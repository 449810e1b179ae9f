import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyContextConfig, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import { createHmac, randomBytes } from 'node:crypto';
import { AccountService } from './account';
import { createAssistant, type AssistantService } from './assistant';
import { assistantRoutes } from './assistant/assistant.routes';
import { CHAT_CHANNEL_LABEL, ChatFormService, ChatTranscriptBox, chatFormRoutes } from './chatform';
import { STATUS_LABEL, type DossierStatus } from './dossier/dossier.types';
import { DossierService } from './dossier/dossier.service';
import { LOOKUP_ALONG } from './dossier/dossier.lookup';
import { DossierCache } from './dossier/dossier.cache';
import { CLOSED_OVER_TTL_MS, ClosedOverLimit } from './dossier/dossier.closed-count';
import { dossierRoutes } from './dossier/dossier.routes';
import { DossierDrafts } from './dossier/dossier.drafts';
import { DossierForms } from './dossier/dossier.forms';
import { dossierStaffRoutes } from './dossier/dossier.staff-routes';
import { registerProofGate } from './dossier/dossier.proof';
import { RateLimiter, type RateLimitStore } from './shared/rate-limit';
import { fastifyRateLimitStore, openCluster, shareAcrossProcesses, workerMetricsLink, type Broadcast } from './cluster';
import { DossierWorkflow } from './dossier/dossier.workflow';
import { readSigningKey, SigningService, signingRoutes } from './signing';
import { openDossierCounts, receivedDossiers } from './dossier/dossier.activity';
import { AuditService, FileCheckpointStore } from './audit';
import { staffRoutes } from './staff/staff.routes';
import { registerChangeGuard, registerStaffScope } from './staff/staff.guard';
import { WorkflowService } from './workflow';
import { openBlobStore, type BlobStore, type SweepResult } from './file';
import { buildTransports, NotificationService, NotificationWorker, outboxBacklog, sharedZaloTokenStore } from './notification';
import { notificationRoutes } from './notification/notification.routes';
import { PAYMENT_DOSSIER_TABLES, PaymentService } from './payment';
import { paymentHooks, paymentRoutes } from './payment/payment.routes';
import { fakeVnpayRoutes } from './payment/payment.vnpay-fake';
import { noStoreForPersonalData, registerSessions } from './shared/session';
import { catalogAdminRoutes } from './catalog/catalog.admin-routes';
import { findAsset, type FoundAsset } from './shared/assets';
import { sendCached } from './shared/compress';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { CatalogService } from './catalog';
import { catalogRoutes } from './catalog/catalog.routes';
import { DEMO_PASSWORD, seedDemo, writeDemoHistory, type DemoHistoryResult } from './demo';
import { systemClock, type Clock, type travelClock } from './shared/clock';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling, registerInputCleaning, securityHeadersFor } from './shared/http';
import { createLogger, logRequests } from './shared/log';
import { staffNav } from './shared/staff-layout';
import { registerOpenApi } from './shared/openapi';
import { registerMultipart, registerUploads, sweepUploads } from './shared/uploads';
import { NotFoundError } from './shared/errors';
import { UnitService } from './unit';
import { RatingService, ratingFacts, REASON_LABEL } from './rating';
import { ratingRoutes, ratingTrackingBox } from './rating/rating.routes';
import { ratingStaffRoutes } from './rating/rating.staff-routes';
import { IndicatorService, INDICATOR_KEYS, INDICATORS } from './indicator';
import { DashboardService, dashboardRoutes } from './dashboard';
import { indicatorRoutes } from './indicator/indicator.routes';
import { PerformanceService } from './performance';
import { performanceApiRoutes } from './performance/performance.api';
import { performanceRoutes } from './performance/performance.routes';
import { MyTargetsBox } from './performance/performance.views';
import { ScoringService, seedScoringDemo } from './scoring';
import { scoringApiRoutes } from './scoring/scoring.api';
import { scoringRoutes } from './scoring/scoring.routes';
import { AppointmentService, slotText, type QueuePort } from './appointment';
import { appointmentRoutes } from './appointment/appointment.routes';
import { QueueService, queueLengths, ticketFacts } from './queue';
import { HomeVisitService, homeVisitRoutes } from './homevisit';
import { ReportService } from './report';
import { seedReportDemo } from './report/report.demo';
import { reportApiRoutes } from './report/report.api';
import { buildReportReminders, supervisorRoutes } from './report/summary.setup';
import type { ReportReminders } from './report/summary.reminders';
import { reportRoutes } from './report/report.routes';
import { calendarPages, calendarRoutes, calendarsOf, seedCalendarDemo, type CalendarService } from './calendar';
import { appointmentStaffRoutes } from './appointment/appointment.staff-routes';
import { queueStats } from './appointment/appointment.stats';
import { queueRoutes } from './queue/queue.routes';
import { linkReceptionToTicket, queueStaffRoutes } from './queue/queue.staff-routes';
import { queueAdminRoutes } from './queue/queue.admin-routes';
import { ArchiveService, archiveRoutes, DocstoreService, docstoreRoutes } from './docstore';
import { LinkedGroupAdmin, linkedAdminRoutes, LinkedMemberBox, LinkedService, linkedRoutes, linkedStaffRoutes, memberGroupJson, partnerRoutes } from './linked';
import { registerOps } from './ops';
import { registerFastLane } from './shared/fast-lane';
import { jobElection } from './jobs';
import type { JobElection } from './shared/periodic-job';
import { genReqId } from './shared/request-context';
import { checkVaccinationReminders, CONSENT_TEXT, enrolVaccinationReminders, VaccinationService, vaccinationRemindersOf, vaccinationRoutes, vaccinationStaffRoutes } from './vaccination';
import { seedVaccinationDemo } from './vaccination/vaccination.demo';
import { prepareSms, smsInfo, smsWebhookRoutes } from './notification';
import { OfficeService, officeAdminRoutes, officePageParts, officeRoutes, seedOfficeDemo } from './office';

/** The indicators a scoring criterion may be bound to, with their names. */
const INDICATOR_NAMES: Record<string, string> = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, INDICATORS[k].name]));

/** Everything the app is made of, built once here (the only composition root). */
export interface Services {
  database: Database;
  units: UnitService;
  catalog: CatalogService;
  notifications: NotificationService;
  accounts: AccountService;
  /** Attachments and results: DATA_DIR/files or an S3-compatible bucket (FILE_STORE). */
  files: BlobStore;
  dossiers: DossierService;
  /** Processing by officials (issue 4): processes, the action engine, the official forms, the audit log. */
  audit: AuditService;
  workflow: WorkflowService;
  dossierWorkflow: DossierWorkflow;
  dossierForms: DossierForms;
  /** Drafts citizens come back to (resume links, expiry with their files). */
  drafts: DossierDrafts;
  payments: PaymentService;
  /** Outbox delivery; started by `serve`/`start` (WORKER=on) or `motcua worker`. */
  worker: NotificationWorker;
  /** PostgreSQL: elects the one process that runs each periodic job's tick (src/jobs); SQLite: none. */
  jobElection: JobElection | undefined;
  assistant: AssistantService;
  /** Submitting a dossier from the chat (issue 15). */
  chatForm: ChatFormService;
  /** Satisfaction ratings and the follow-up of a "Không hài lòng" (issue 11). */
  ratings: RatingService;
  /** Decision 766/QĐ-TTg indicators, computed from the dossiers' history. */
  indicators: IndicatorService;
  /** The indicator dashboards, their exports and the public results page (issue 11). */
  dashboards: DashboardService;
  /** Officials' performance from the history, their targets, the weekly review (issue 11). */
  performance: PerformanceService;
  /** Monthly scoring of units by their supervisor (issue 11, the Bắc Từ Liêm model). */
  scoring: ScoringService;
  /** Appointments at the counter and the queue's statistics (issue 13). */
  appointments: AppointmentService;
  /** The counter queue: tickets, counters, display, live pages (issue 13). */
  queue: QueueService;
  /** The working calendar: national declarations, units' Saturdays, days off and hours (issue 13). */
  calendars: CalendarService;
  /** Home visits by the unit's support team (issue 13). */
  homeVisits: HomeVisitService;
  /** Report consolidation: data sets, entering, DHIS2 exchange, rollups (issue 12). */
  reports: ReportService;
  /** Reminders of reports as deadlines near and pass (issue 12, the supervisor's side); run by ReportReminderJob. */
  reportReminders: ReportReminders;
  /** The citizen's document store: results, checked papers, reuse in new dossiers (issue 14). */
  docstore: DocstoreService;
  /** Back-scanned archive records with OCR of Vietnamese text (issue 14). */
  archive: ArchiveService;
  /** Linked procedure groups (liên thông, issue 14): one form, one dossier per member, partner agencies. */
  linked: LinkedService;
  /** The unit's digital signature on PDF results and the public verification page (issue 14). */
  signing: SigningService;
  /** Vaccination reminders for children from 0 to 24 months, and the health station's lists (issue 14); run by VaccinationReminderJob. */
  vaccination: VaccinationService;
  /** The other processes on the same PostgreSQL (issue 16): told of changes, heard from (src/cluster). */
  broadcast: Broadcast;
  /** Request budgets shared by those processes (PostgreSQL); undefined: each budget in memory (SQLite, one process). */
  rateLimits: RateLimitStore | undefined;
  /** The unit's offices and which receives each procedure (issue 15: "where to go is a concrete office"). */
  offices: OfficeService;
  clock: Clock;
}

/** Back-scanning: pages per upload, largest page, largest upload. */
export const ARCHIVE_LIMITS = { maxPages: 50, maxPageBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };
/** The back-scan's limits with the configured PDF book size (ARCHIVE_MAX_PDF_MB, ARCHIVE_MAX_PDF_PAGES). */
const archiveLimits = (config: Config) => {
  const maxPdfBytes = config.ocr.maxPdfMb * 1024 * 1024;
  return { ...ARCHIVE_LIMITS, maxPdfBytes, maxPdfPages: config.ocr.maxPdfPages, maxTotalBytes: Math.max(ARCHIVE_LIMITS.maxTotalBytes, maxPdfBytes) };
};

/** The key that signs tracking links: SECRET_KEY, else one made once and kept in DATA_DIR. */
function secretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const key = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return fs.readFileSync(file, 'utf8').trim();
  }
}

/**
 * The audit chain's key: AUDIT_KEY, else derived from the secret key. Either way it lives outside
 * the database (environment or DATA_DIR/secret.key); changing it makes the chain fail to verify.
 */
export function auditKey(config: Config): Buffer {
  if (config.audit.key) return Buffer.from(config.audit.key, 'utf8');
  return createHmac('sha256', secretKey(config)).update('motcua audit chain v1').digest();
}

export async function buildServices(config: Config, opts: { clock?: Clock; migrate?: boolean } = {}): Promise<Services> {
  const database = openDatabase(config.database);
  // Writes to these make a cached dossier answer stale (the dossier module registers its own).
  database.changes.watch(PAYMENT_DOSSIER_TABLES);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const clock = opts.clock ?? systemClock;
  // Several processes on one PostgreSQL: changes told to the others, budgets in the database.
  // Closing the database closes these first (sends what is pending).
  const { broadcast, rateLimits } = openCluster(database, config.database.url, (m) => config.logLevel !== 'silent' && process.stderr.write(m + '\n'));
  const closeDatabase = database.close;
  database.close = async () => {
    await broadcast.close();
    await rateLimits?.close();
    await closeDatabase();
  };
  const units = new UnitService(database.db, clock);
  const catalog = new CatalogService(database.db, units, clock);
  const transports = buildTransports(config.notifications, { db: database.db, clock, demo: config.demo });
  const notifications = new NotificationService(database.db, clock, {
    smsUnicode: config.notifications.smsUnicode,
    smsMaxSegments: config.notifications.smsMaxSegments,
    channels: Object.keys(transports) as Array<keyof typeof transports>,
    defaultUnit: async () => config.defaultUnit ?? (await units.serviceUnits())[0]?.code,
  });
  const worker = new NotificationWorker(database.db, clock, transports, {
    maxAttempts: config.notifications.maxAttempts,
    backoffBaseMs: config.notifications.backoffSeconds * 1000,
    log: (msg, extra) => {
      if (config.logLevel !== 'silent') process.stderr.write(`${msg} ${JSON.stringify(extra ?? {})}\n`);
    },
  });
  const accounts = new AccountService(database.db, notifications, clock, { demo: config.demo, log: (m) => process.stdout.write(m + '\n') });
  const files = openBlobStore(config.files, { clock });
  const audit = new AuditService(database.db, clock, { key: auditKey(config), checkpoints: new FileCheckpointStore(config.audit.checkpointFile) });
  // Rows written before the chain was keyed are marked once (signed), before any keyed row.
  if (opts.migrate !== false) await audit.init();
  const workflow = new WorkflowService(database.db, audit, clock);
  const dossiers = new DossierService(database.db, catalog, notifications, files, clock, {
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    requirePhoneVerification: config.requirePhoneVerification,
    workflow,
    audit,
    units,
    cache: new DossierCache(database.changes, { ttlMs: config.dossierCacheSeconds * 1000 }),
    closedOver: new ClosedOverLimit(database.changes, { ttlMs: CLOSED_OVER_TTL_MS }),
    demo: config.demo,
  });
  const dossierWorkflow = new DossierWorkflow(database.db, dossiers, catalog, workflow, accounts, notifications, audit, files, units, clock);
  const signing = new SigningService(database.db, files, clock, { publicUrl: config.publicUrl, ...readSigningKey(config.signing, clock.now()) });
  dossierWorkflow.signer = signing;
  const dossierForms = new DossierForms(database.db, dossiers, dossierWorkflow, catalog, units);
  const drafts = new DossierDrafts(database.db, dossiers, notifications, files, clock, {
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    ttlDays: config.draftTtlDays,
    requirePhoneVerification: config.requirePhoneVerification,
  });
  const payments: PaymentService = new PaymentService(database.db, catalog, dossiers, notifications, clock, {
    config: config.payments,
    publicUrl: config.publicUrl,
    // A paid fee restarts the clock of a dossier that was waiting for it.
    onPaid: async (code, p) => {
      const d = await dossiers.findByCode(code);
      if (d) await dossierWorkflow.paymentSettled(d, p);
    },
    // A transfer naming a linked group's code pays its parts (issue 14); `linked` is made below,
    // before any statement can be imported.
    groupMembers: (code) => linked.memberCodes(code),
  });
  dossierWorkflow.onPaymentRequested = async (d, actor, amount) => void (await payments.adoptRequestedAmount(d, actor, amount));
  // A first tracking lookup on PostgreSQL reads the fee, the payments and the signed result in the
  // dossier's own statement (one round trip), each module with its own SQL.
  dossiers.lookupAlongside = [
    { ...LOOKUP_ALONG.payments, read: (id) => payments.storedAlong(id) },
    { ...LOOKUP_ALONG.signed, read: (id) => signing.forDossierAlong(id) },
  ];
  // "Nộp ngay trong cuộc trò chuyện" (issue 15): the web form's drafts and submission, led by the chat.
  const chatForm = new ChatFormService({
    db: database.db,
    clock,
    catalog,
    dossiers,
    drafts,
    otp: { request: (phone, unit) => accounts.requestOtp(phone, 'verify_phone', unit), verify: (phone, code) => accounts.verifyOtp(phone, 'verify_phone', code) },
    requirePhoneVerification: config.requirePhoneVerification,
    audit,
  });
  const assistant = createAssistant(config, {
    db: database.db,
    catalog,
    units,
    // "Nộp ở đâu": the unit's concrete office for the procedure (src/office; built below, called later).
    officeFor: (unit, procedure) => offices.officeFor(unit, procedure),
    // A chat proves the phone only: the answer links to the lookup, never to the signed page.
    dossiers: { getForActor: (ref, actor, proof) => dossiers.getForActor(ref, actor, proof), trackingUrl: () => `${config.publicUrl}/tra-cuu` },
    clock,
    defaultUnit: async () => {
      const code = config.defaultUnit ?? (await units.serviceUnits())[0]?.code;
      if (!code) throw new NotFoundError('Chưa có đơn vị hành chính nào. Hãy chạy "npm run seed" hoặc nhập danh mục.', 'no_units');
      return code;
    },
    statusLabel: (s) => STATUS_LABEL[s as DossierStatus] ?? s,
    // "Lấy số" and "đặt lịch" in the chat and on Zalo (the queue and appointments are built below).
    counter: {
      ticketServices: async (unit) => (await queue.services(unit)).map((x) => ({ code: x.code, name: x.name })),
      takeTicket: (unit, service, channel) => queue.takeTicket({ unitCode: unit, service, source: channel === 'zalo' ? 'zalo' : 'assistant' }),
      bookingServices: (unit) => appointments.services(unit),
      freeSlots: async (unit, service) => (await appointments.slots(unit, { service, days: 14, onlyFree: true })).map((x) => ({ at: x.at, label: slotText(x.at) })),
      book: async (unit, input, channel, sessionKey) => {
        const { appointment: a, link } = await appointments.book(unit, input, { source: channel === 'zalo' ? 'zalo' : 'assistant', zaloUserId: channel === 'zalo' ? sessionKey : undefined });
        return { code: a.code, when: slotText(a.slotAt), manageUrl: link };
      },
    },
    chatForm,
    log: (msg, err) => {
      if (config.logLevel !== 'silent') process.stderr.write(`${msg} ${err instanceof Error ? err.message : String(err ?? '')}\n`);
    },
  },
  // One Zalo token pair for the outbox and the assistant (refresh tokens are single-use).
  config.notifications.zalo ? sharedZaloTokenStore(database.db, clock, config.notifications.zalo.refreshToken) : undefined,
  );
  const ratings = new RatingService(database.db, clock, {
    calendarOf: (unit) => dossiers.calendarOf(unit),
    staffOf: (unit) => accounts.listStaff([unit]),
    enqueue: (trx, n) => notifications.enqueue(trx, n),
    publicUrl: config.publicUrl,
  });
  const indicators = new IndicatorService(database.db, units, clock);
  const dashboards = new DashboardService({ db: database.db, indicators, units, catalog, ratings, overdueCount: (u) => dossierWorkflow.overdueCount(u), clock });
  const performance = new PerformanceService({
    db: database.db,
    accounts,
    units,
    dossiers,
    catalog,
    clock,
    ratings: async (q) =>
      (await ratingFacts(database.db, q))
        .filter((f) => f.dossierId)
        .map((f) => ({ dossierId: f.dossierId!, code: f.dossierCode ?? undefined, unitCode: f.unitCode, level: f.level, reasons: f.reasons.map((r) => REASON_LABEL[r] ?? r), ratedAt: f.ratedAt })),
    indicatorRate: async (unit, period, key) => {
      const r = await indicators.report(unit, { key: period.key, kind: 'range', from: period.from, to: period.to });
      return r.groups.flatMap((g) => g.indicators).find((i) => i.key === key)?.rate ?? null;
    },
  });
  const scoring = new ScoringService({
    db: database.db,
    units,
    files,
    audit,
    clock,
    indicatorRate: async (unit, month, key) => (await indicators.report(unit, month)).groups.flatMap((g) => g.indicators).find((i) => i.key === key)?.rate ?? null,
    indicators: INDICATOR_NAMES,
  });
  const calendars = calendarsOf(database.db, clock);
  const offices = new OfficeService({
    db: database.db,
    clock,
    audit: (e, trx) => audit.record(e, trx),
    calendarOf: (unit) => calendars.calendarOf(unit),
    procedures: async (unit) => (await catalog.unitProcedures(unit)).map((p) => ({ code: p.code, name: p.name, agency: p.agency })),
  });
  const homeVisits = new HomeVisitService({
    db: database.db,
    clock,
    procedureName: async (unit, code) => (await catalog.getUnitProcedure(unit, code)).procedure.name,
    dossier: async (code) => {
      const d = await dossiers.findByCode(code);
      return d && { unitCode: d.unitCode, procedureCode: d.procedureCode, channel: d.channel };
    },
    sms: async (unitCode, phone, body, dedupKey) => {
      await database.db.transaction().execute((trx) => notifications.enqueue(trx, { channel: 'sms', recipient: phone, event: 'home_visit_confirm', body, unitCode, dedupKey } as never));
    },
    unitName: async (code) => (await units.get(code)).name,
    receivedDossiers: (unit, from, to) => receivedDossiers(database.db, { unitCodes: [unit], from, to }),
  });
  const queue = new QueueService({
    db: database.db,
    clock,
    publicUrl: config.publicUrl,
    unitName: async (code) => (await units.get(code)).name,
    notify: { prefsFor: (phone) => notifications.prefsFor(phone), enqueue: (trx, n) => notifications.enqueue(trx, n) },
  });
  const queuePort: QueuePort = queue;
  const appointments = new AppointmentService({
    db: database.db,
    clock,
    queue: () => queuePort,
    // The unit's sessions of that day (national and unit declarations, Saturday desks included).
    openingHours: (unit, date) => calendars.openingHours(unit, date),
    enqueue: (trx, n) => notifications.enqueue(trx, n),
    verifyOtp: (phone, code) => accounts.verifyOtp(phone, 'verify_phone', code),
    unitName: async (code) => (await units.get(code)).name,
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    smsUnicode: config.notifications.smsUnicode,
  });
  const reports = new ReportService({
    db: database.db,
    engine: database.kind,
    clock,
    units,
    indicatorFigures: async (unit, month) => Object.fromEntries((await indicators.report(unit, month)).groups.flatMap((g) => g.indicators).map((i) => [i.key, { numerator: i.numerator, denominator: i.denominator, rate: i.rate }])),
  });
  const reportReminders = buildReportReminders({
    db: database.db,
    clock,
    publicUrl: config.publicUrl,
    reports,
    units,
    staffOf: (unit) => accounts.listStaff([unit]),
    prefsFor: (phone) => notifications.prefsFor(phone),
    enqueue: (trx, n) => notifications.enqueue(trx, n),
  });
  const docstore = new DocstoreService({ db: database.db, catalog, files, accounts, audit, clock, signed: signing });
  const archive = new ArchiveService({
    db: database.db,
    files,
    accounts,
    audit,
    clock,
    opts: { tesseract: config.ocr.tesseract, pdftoppm: 'pdftoppm', pdfinfo: 'pdfinfo', lang: 'vie', timeoutMs: config.ocr.timeoutSeconds * 1000, concurrency: config.ocr.concurrency, ...archiveLimits(config) },
  });
  const vaccination = new VaccinationService({
    db: database.db,
    clock,
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    smsUnicode: config.notifications.smsUnicode,
    smsMaxSegments: config.notifications.smsMaxSegments,
    unitName: async (code) => (await units.get(code)).name,
    enqueue: (trx, n) => notifications.enqueue(trx, n),
    zaloUserOf: async (phone) => (await notifications.prefsFor(phone)).zaloUserId,
    zaloDeliverable: 'zalo' in transports,
    deliveryStates: (keys) => notifications.deliveryStates(keys),
    forget: (trx, prefix) => notifications.forget(trx, prefix),
    audit: (e, trx) => audit.record(e, trx),
    smsSegments: (text) => smsInfo(prepareSms(text, config.notifications.smsUnicode)).segments,
    phonesOfZaloUser: (id) => notifications.phonesOfZaloUser(id),
  });
  const linked = new LinkedService({
    db: database.db,
    catalog,
    dossiers,
    workflow: dossierWorkflow,
    notifications,
    accounts,
    audit,
    clock,
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    // A group's fees are summed and paid once (issue 14).
    fees: {
      summary: (codes, groupCode) => payments.batchSummary(codes, groupCode),
      payVnpay: (codes, label, ip) => payments.createVnpayBatch(codes, label, ip),
      gatewayOrigin: payments.vnpayOrigin,
      vietqrAccount: payments.vietqrAccount,
    },
    // The newborn group's form offers the child's vaccination reminders (issue 14).
    reminders: {
      consentText: CONSENT_TEXT,
      check: (i) => checkVaccinationReminders(vaccination, i),
      enrol: (i) => enrolVaccinationReminders(vaccination, i),
      of: (code) => vaccinationRemindersOf(vaccination, code),
    },
  });
  // "HUY" sent to the unit's number stops a parent's vaccination reminders.
  notifications.onInboundSms((m) => vaccination.inboundSms(m));
  // …and so does "HUY" to the unit's Zalo OA, from a follower linked to that phone.
  assistant.onZaloText((follower, text) => vaccination.inboundZalo(follower, text));
  // What this process keeps in memory stays true when another process makes the change.
  shareAcrossProcesses(broadcast, {
    caches: [
      { topic: 'catalog', updates: catalog.updates, drop: () => catalog.recheck() },
      { topic: 'assistant', updates: assistant.updates, drop: () => assistant.recheck() },
      { topic: 'calendar', updates: calendars.updates, drop: () => calendars.invalidate() },
      { topic: 'units', updates: units.updates, drop: () => units.invalidate() },
      { topic: 'offices', updates: offices.updates, drop: () => offices.invalidate() },
    ],
    queue: queue.events,
    dossiers: config.dossierCacheSeconds > 0 ? database.changes : undefined,
  });
  return { database, broadcast, rateLimits, units, catalog, notifications, accounts, files, dossiers, audit, workflow, dossierWorkflow, dossierForms, drafts, payments, worker, jobElection: jobElection(database, clock), assistant, chatForm, ratings, indicators, performance, scoring, dashboards, appointments, queue, calendars, homeVisits, reports, reportReminders, docstore, archive, linked, signing, vaccination, offices, clock };
}

/**
 * Files written for an upload whose database row never committed (a crash in between) are
 * removed; files younger than the grace period may belong to an upload in progress elsewhere.
 * `blobs: false` leaves the store itself alone (a bucket is swept by a background job, in slices
 * of `budgetMs`: see file.s3.ts and src/main.ts).
 */
export async function sweepFiles(s: Services, graceMs = 15 * 60_000, config?: Config, opts: { blobs?: boolean; budgetMs?: number } = {}): Promise<SweepResult> {
  // Temporary upload files of requests a crash cut short.
  if (config) await sweepUploads(uploadTmpDir(config), graceMs);
  // First the drafts of one-request submissions that a crash cut short, then the files they held.
  await s.dossiers.removeStaleTransientDrafts(graceMs);
  if (opts.blobs === false) return { scanned: 0, tmpRemoved: 0, orphansRemoved: 0, bytesFreed: 0, complete: false };
  return s.files.sweep({
    referenced: async (sha) => (await s.dossiers.isFileReferenced(sha)) || (await s.scoring.isFileReferenced(sha)) || (await s.archive.isFileReferenced(sha)) || (await s.signing.isFileReferenced(sha)),
    olderThanMs: graceMs,
    tmpOlderThanMs: graceMs,
    budgetMs: opts.budgetMs,
  });
}

/** Uploads being received are streamed here (shared/uploads.ts), one directory per request. */
export function uploadTmpDir(config: Config): string {
  return path.join(config.dataDir, 'uploads-tmp');
}

/**
 * In demo mode an empty database gets the demo units, catalogue and accounts, and (with
 * `history`) a year of demo dossiers written through the services with the clock set to the past
 * (demo/demo.history.ts); the clock runs again before this returns.
 */
export async function seedIfEmpty(s: Services, history?: { clock: ReturnType<typeof travelClock>; config: Config }): Promise<false | { history?: DemoHistoryResult }> {
  if ((await s.units.list()).length > 0) return false;
  await seedDemo(s.units, s.catalog, s.accounts);
  await seedCalendarDemo(s.calendars);
  // The linked groups LT-KS and LT-KT of the demo ward, with their partners (the police's inbox: congan / demo).
  await s.linked.seedDemo(DEMO_PASSWORD);
  await seedVaccinationDemo(s.vaccination);
  await seedOfficeDemo(s.offices, async (code) => !!(await s.units.find(code)));
  if (!history || !history.config.demo) {
    await seedReportDemo(s.reports, s.clock.now());
    return {};
  }
  const vnpay = history.config.payments.vnpay;
  const until = history.clock.now();
  try {
    const written = await writeDemoHistory({ ...s, vnpay: vnpay?.fake ? vnpay : undefined }, history.clock, { until });
    // The city's monthly scoring of its wards over the last months of that history.
    await seedScoringDemo(s, until);
    history.clock.resume();
    // The reports' week of data, and last month's report pre-filled from that history.
    await seedReportDemo(s.reports, s.clock.now());
    return { history: written };
  } finally {
    history.clock.resume();
  }
}

export async function buildApp(config: Config, services: Services): Promise<FastifyInstance> {
  let homeHref = '/';
  const app = Fastify({
    // Errors raised before a route runs (router, Node's HTTP parser) answer like every other error.
    frameworkErrors: frameworkErrorHandler(() => homeHref),
    clientErrorHandler: clientErrorHandler(() => homeHref),
    ...(config.logLevel === 'silent' ? { logger: false } : { loggerInstance: createLogger(config.logLevel, config.logFormat), logController: new LogController({ disableRequestLogging: true }) }),
    // X-Forwarded-For only from the configured proxies: otherwise any client picks its own address.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    // Our own request ids (a well-formed X-Request-Id from a proxy is kept): src/shared/request-context.ts.
    genReqId,
    requestIdHeader: false,
    // Validation is done with zod in the handlers (Vietnamese messages); route schemas document.
    ajv: { customOptions: { strict: false } },
  });
  app.setValidatorCompiler(() => () => true);
  // Request ids, metrics, the lifecycle that graceful shutdown uses (src/ops; what each request
  // starts with is part of the app's first hook, below); its routes below.
  const ops = registerOps(app, {
    database: services.database,
    clock: services.clock,
    metricsToken: config.ops.metricsToken,
    metricsCacheSeconds: config.ops.metricsCacheSeconds,
    // WORKERS=N: a scrape answers for every worker on this machine.
    metricsLink: config.ops.metricsToken ? workerMetricsLink() : undefined,
    readFigures: async () => {
      const db = services.database.db;
      const now = services.clock.now();
      const [outbox, openDossiers, queues] = await Promise.all([outboxBacklog(db, now.toISOString()), openDossierCounts(db), queueLengths(db, now)]);
      return { outbox, openDossiers, queues };
    },
  });
  // The app's one onSend hook (each hook costs every answer its call, issue 10): `connection:
  // close` while shutting down and the request counted out (src/ops), no-store on personal data
  // (src/shared/session.ts). Registered first, as the in-flight count's own hook was.
  app.addHook('onSend', (req, reply, payload, done) => {
    ops.answered(reply, payload);
    noStoreForPersonalData(req, reply);
    done(null, payload);
  });
  if (config.logLevel !== 'silent') logRequests(app);
  // Hear the other processes while serving (a one-off command only tells them).
  app.addHook('onReady', () => services.broadcast.listen());
  // Response schemas document the contract (checked by the contract test); they must never
  // strip or reshape an answer, which fast-json-stringify would do.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const { units, catalog } = services;
  const defaultUnit = async (): Promise<string> => {
    if (config.defaultUnit) return config.defaultUnit;
    const first = (await units.serviceUnits())[0];
    if (!first) throw new NotFoundError('Chưa có đơn vị hành chính nào. Hãy chạy "npm run seed" hoặc nhập danh mục.', 'no_units');
    return first.code;
  };
  app.decorate('siteChrome', {});
  registerErrorHandling(app, {
    homeHref: () => homeHref,
    staffFrame: async (req) => (req.principal?.kind === 'staff' ? staffNav(req, req.principal.staff, (await units.get(req.principal.staff.unitCode)).name) : undefined),
  });
  registerInputCleaning(app);

  // The app's one onRequest hook: the request id and in-flight count (src/ops), the security
  // headers, computed once (helmet re-parsed its CSP on every request: measured as a tenth of a
  // page's server time), and the fast lane: cached public answers sent from this hook, after the
  // same limits the normal path applies (src/shared/fast-lane.ts).
  let globalLimit: ReturnType<FastifyInstance['rateLimit']> | undefined;
  registerFastLane(app, {
    start: ops.startRequest,
    written: ops.writtenDirectly,
    headers: securityHeadersFor(config.publicUrl),
    limits: [
      // The global rate limit's own handler (same store, same key: the address, as no session can be found).
      ...(config.rateLimit ? [(req: FastifyRequest, reply: FastifyReply) => (globalLimit ??= app.rateLimit()).call(app, req, reply) as Promise<unknown>] : []),
      (req: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig) => app.proofGate.fastLimit(req, reply, config),
    ],
  });
  if (config.rateLimit) {
    // Counted after the session is known (preHandler): a signed-in person has their own budget,
    // so an office of officials behind one address does not share 300 requests a minute.
    await app.register(rateLimit, {
      hook: 'preHandler',
      timeWindow: '1 minute',
      allowList: [],
      keyGenerator: (req) => (req.principal ? `${req.principal.kind}:${req.principal.kind === 'staff' ? req.principal.staff.id : req.principal.citizen.id}` : req.ip),
      max: (req) => (req.principal?.kind === 'staff' ? 1200 : 300),
      // Several processes: counted in the database (a failing count lets the request through).
      ...(services.rateLimits ? { store: fastifyRateLimitStore(services.rateLimits), skipOnError: true } : {}),
    });
    // The fast lane applies the global limit only: a route with a limit of its own answers on the normal path.
    app.addHook('onRoute', (r) => {
      if (r.config?.fastAnswer && r.config.rateLimit !== undefined) throw new Error(`${r.url}: a fast answer cannot have its own rate limit`);
    });
  }
  // Every route that takes a dossier code with a proof of ownership shares one budget.
  registerProofGate(app, { limiter: config.rateLimit ? new RateLimiter(services.rateLimits) : undefined, signedLink: (code, t) => services.dossiers.checkToken(code, t) });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(cookie);
  await registerMultipart(app, { limits: { fileSize: 10 * 1024 * 1024, files: 40, fields: 300, fieldSize: 100 * 1024, parts: 400 } });
  registerUploads(app, { dir: uploadTmpDir(config) });
  registerSessions(app, services.accounts, { secure: config.publicUrl.startsWith('https://') });
  registerChangeGuard(app, services.audit);
  // Single-module accounts (the health station) reach their module only.
  registerStaffScope(app);
  await registerOpenApi(app, { publicUrl: config.publicUrl });
  await ops.routes();

  // Stylesheet and scripts: fingerprinted names cached for a year, compressed once (shared/assets.ts).
  // Synchronous: no promise per request for a file sent from memory.
  const sendAsset = (req: FastifyRequest, reply: FastifyReply, found: FoundAsset) => {
    if (req.headers['if-none-match'] !== found.asset.etag) return void sendCached(req, reply, found.answer);
    reply.status(304).headers(found.answer.headers!).send();
  };
  app.get(
    '/static/:name',
    {
      config: {
        writesNothing: true,
        // In the fast lane too (shared/fast-lane.ts): a file sent from memory, found by its name alone.
        fastAnswer: (req, reply) => {
          const found = findAsset((req.params as { name: string }).name);
          if (!found) return undefined;
          return req.headers['if-none-match'] === found.asset.etag ? () => sendAsset(req, reply, found) : found.answer;
        },
      },
    },
    (req, reply) => {
      const found = findAsset((req.params as { name: string }).name);
      if (!found) throw new NotFoundError();
      sendAsset(req, reply, found);
    },
  );

  // Browsers ask for it on every site; without it, a 404 page for each visit.
  const favicon = fs.readFileSync(new URL('./web/static/favicon.ico', import.meta.url));
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
  );


  await catalogRoutes(app, {
    catalog,
    units,
    publicUrl: config.publicUrl,
    defaultUnit,
    calendar: { notes: (u) => services.calendars.notes(u), version: () => services.calendars.version() },
    groups: { isGroupCode: (c) => services.linked.isGroupCode(c), json: (u, c) => services.linked.groupJson(u, c), list: (u) => services.linked.catalogueEntries(u) },
    offices: officePageParts(services.offices),
  });
  await officeRoutes(app, { offices: services.offices, units, procedure: async (unit, code) => (await catalog.getUnitProcedure(unit, code)).procedure });
  await officeAdminRoutes(app, { offices: services.offices, units, procedures: async (unit) => (await services.offices.agencies(unit)).flatMap((a) => a.procedures).sort((a, b) => a.name.localeCompare(b.name, 'vi')) });
  await catalogAdminRoutes(app, { catalog, units, audit: services.audit });
  // A dossier received from a ticket is linked to it (a hook on the reception route only).
  linkReceptionToTicket(app, {
    queue: services.queue,
    dossierByCode: async (code) => {
      const d = await services.dossiers.findByCode(code);
      return d ? { id: d.id, code: d.code ?? null, unitCode: d.unitCode } : undefined;
    },
  });
  await signingRoutes(app, { signing: services.signing });
  await dossierRoutes(app, {
    dossiers: services.dossiers,
    signing: services.signing,
    accounts: services.accounts,
    catalog,
    units,
    publicUrl: config.publicUrl,
    demo: config.demo,
    requirePhoneVerification: config.requirePhoneVerification,
    rateLimit: config.rateLimit,
    defaultUnit,
    payments: paymentHooks(services.payments),
    workflow: services.dossierWorkflow,
    audit: services.audit,
    oidcLabel: config.oidc?.label,
    drafts: services.drafts,
    rating: (d, o) => ratingTrackingBox(services.ratings, d, o),
    // "Dùng giấy tờ đã có": papers of the citizen's document store instead of a new upload (issue 14).
    storedPapers: services.docstore,
    // Received at the citizen's home on a planned visit: the form opened from the visit, the visit records the dossier.
    homeReception: {
      open: (unit, staffId, visitId) => services.homeVisits.openReception(unit, staffId, visitId),
      received: async (unit, staffId, visitId, code) => void (await services.homeVisits.record(unit, visitId, staffId, { dossierCode: code })),
    },
    // A linked group's code ("LT-KS") as the procedure: the whole group is submitted.
    linked: { isGroupCode: (c) => services.linked.isGroupCode(c), submit: (r) => services.linked.submit(r) },
    linkedGroupOf: async (d) => {
      const g = await services.linked.groupOfMember(d.code!, d.formData);
      return g && memberGroupJson(g, config.publicUrl);
    },
  });
  await linkedRoutes(app, { linked: services.linked, catalog, units, accounts: services.accounts, requirePhoneVerification: config.requirePhoneVerification, now: () => services.clock.now() });
  await linkedStaffRoutes(app, { linked: services.linked, units });
  // The unit admin's groups (issue 14): each change moves the catalogue on (its pages, the other processes).
  await linkedAdminRoutes(app, { groups: new LinkedGroupAdmin({ db: services.database.db, catalog, dossiers: services.dossiers, audit: services.audit, clock: services.clock }), units });
  await partnerRoutes(app, { linked: services.linked, dossiers: services.dossiers, secret: secretKey(config), secure: config.publicUrl.startsWith('https://'), now: () => services.clock.now() });
  await dossierStaffRoutes(app, {
    dossiers: services.dossiers,
    workflow: services.dossierWorkflow,
    forms: services.dossierForms,
    accounts: services.accounts,
    catalog,
    units,
    audit: services.audit,
    publicUrl: config.publicUrl,
    feeDue: async (d) => (await services.payments.summary(d)).outstanding,
    // The official's targets running now, as a small box above the worklist.
    worklistBox: async (staff) => MyTargetsBox({ items: await services.performance.myTargets(staff) }),
    homeVisitOf: async (code) => {
      const v = await services.homeVisits.ofDossier(code);
      return v?.visit_date ? { date: v.visit_date, href: `/can-bo/ho-tro-tai-nha/${v.id}` } : undefined;
    },
    chatSubmissionOf: async (code) => {
      const c = await services.chatForm.submissionOf(code);
      return c && { channelLabel: CHAT_CHANNEL_LABEL, box: ChatTranscriptBox(c) };
    },
    // A part of a linked group: the group, its other parts and this part's share of the form (issue 14).
    linkedGroupOf: async (d) => {
      const g = await services.linked.groupOfMember(d.code!, d.formData);
      return g && LinkedMemberBox({ g });
    },
  });
  await performanceRoutes(app, { performance: services.performance, units });
  await performanceApiRoutes(app, { performance: services.performance });
  await scoringRoutes(app, { scoring: services.scoring, units, files: services.files, indicators: INDICATOR_NAMES, now: () => services.clock.now() });
  await scoringApiRoutes(app, { scoring: services.scoring, now: () => services.clock.now() });
  await staffRoutes(app, {
    accounts: services.accounts,
    audit: services.audit,
    catalog,
    units,
    workflow: services.workflow,
    dossiers: services.dossiers,
    oidc: config.oidc,
    publicUrl: config.publicUrl,
    rateLimit: config.rateLimit,
    db: services.database.db,
    clock: services.clock,
  });
  await notificationRoutes(app, {
    notifications: services.notifications,
    deliverable: services.worker.channels,
    demo: config.demo,
    defaultUnit,
    unitName: async (code) => (await units.get(code)).name,
  });
  await calendarRoutes(app, { calendars: services.calendars, units });
  await homeVisitRoutes(app, {
    visits: services.homeVisits,
    units,
    procedures: async (unit) => (await catalog.search(unit, { limit: 1000 })).items.map((p) => ({ code: p.code, name: p.name })),
    requestOtp: (phone, unit) => services.accounts.requestOtp(phone, 'verify_phone', unit),
    verifyOtp: (phone, code) => services.accounts.verifyOtp(phone, 'verify_phone', code),
    now: () => services.clock.now(),
  });
  await vaccinationRoutes(app, {
    vaccination: services.vaccination,
    units,
    requirePhoneVerification: config.requirePhoneVerification,
    defaultUnit,
    requestOtp: (phone, unit) => services.accounts.requestOtp(phone, 'verify_phone', unit),
    verifyOtp: (phone, code) => services.accounts.verifyOtp(phone, 'verify_phone', code),
  });
  await vaccinationStaffRoutes(app, { vaccination: services.vaccination, units, now: () => services.clock.now() });
  // The SMS gateway's webhook: citizens' SMS (HUY) and delivery reports (SMS_WEBHOOK_SECRET).
  await smsWebhookRoutes(app, { notifications: services.notifications, secret: config.notifications.smsWebhookSecret, clock: services.clock });
  await reportApiRoutes(app, { reports: services.reports });
  await reportRoutes(app, { reports: services.reports, units, now: () => services.clock.now() });
  await supervisorRoutes(app, { reports: services.reports, units, reminders: services.reportReminders, clock: services.clock });
  await calendarPages(app, { calendars: services.calendars, units, audit: services.audit, dossiers: services.dossiers, now: () => services.clock.now() });
  await indicatorRoutes(app, { indicators: services.indicators, now: () => services.clock.now() });
  await dashboardRoutes(app, {
    dashboards: services.dashboards,
    units,
    demo: config.demo,
    queueSummary: async (unit, from, to) => {
      const t = queueStats(await ticketFacts(services.database.db, { unitCode: unit, from, to, now: services.clock.now() }), { from: from.toISOString(), to: to.toISOString() }).total;
      const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const q = new URLSearchParams({ tu: day(from), den: day(new Date(to.getTime() - 1)), 'don-vi': unit });
      return { tickets: t.tickets, avgWait: t.avgWait, avgService: t.avgService, noShowRate: t.noShowRate, href: `/can-bo/hang-cho/thong-ke?${q}` };
    },
    receptionSummary: async (unit, from, to) => {
      const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const f = await services.homeVisits.receptionFigures(unit, day(from), day(new Date(to.getTime() - 1)));
      const href = (kind: string) => `/can-bo/ho-tro-tai-nha/so-lieu?${new URLSearchParams({ tu: f.from, den: f.to, loai: kind })}`;
      return { homeDossiers: f.homeDossiers, saturdayDossiers: f.saturdayDossiers, visitsNotReceived: f.visits.notReceived, homeHref: href('home'), saturdayHref: href('saturday') };
    },
  });
  const ratingKey = createHmac('sha256', secretKey(config)).update('motcua ratings v1').digest();
  await ratingRoutes(app, {
    ratings: services.ratings,
    dossiers: services.dossiers,
    accounts: services.accounts,
    units,
    rateLimit: config.rateLimit,
    limits: services.rateLimits,
    sign: (text) => createHmac('sha256', ratingKey).update(text).digest('base64url'),
    clock: services.clock,
  });
  await ratingStaffRoutes(app, { ratings: services.ratings, units, dossiers: services.dossiers, clock: services.clock, audit: services.audit });
  await paymentRoutes(app, { payments: services.payments, dossiers: services.dossiers, accounts: services.accounts, catalog, units, publicUrl: config.publicUrl, defaultUnit });
  const vnpay = config.payments.vnpay;
  if (config.demo && vnpay?.fake) {
    // Demo only: VNPay played by a page of motcua itself, which calls the IPN route in process.
    fakeVnpayRoutes(app, {
      path: new URL(vnpay.url).pathname,
      tmnCode: vnpay.tmnCode,
      hashSecret: vnpay.hashSecret,
      ipn: async (query) => (await app.inject({ method: 'GET', url: `/api/payments/vnpay/ipn?${query}` })).json(),
    });
  }
  await assistantRoutes(app, {
    assistant: services.assistant,
    catalog,
    units,
    defaultUnit,
    secureCookies: config.publicUrl.startsWith('https://'),
    rateLimit: config.rateLimit,
    zalo: config.assistant.zalo,
  });
  await chatFormRoutes(app, { chatForm: services.chatForm, units });
  await appointmentStaffRoutes(app, { appointments: services.appointments, units, accounts: services.accounts, ticketFacts: (q) => ticketFacts(services.database.db, { ...q, now: services.clock.now() }), now: () => services.clock.now() });
  await appointmentRoutes(app, { appointments: services.appointments, units, catalog, accounts: services.accounts, demo: config.demo, defaultUnit, now: () => services.clock.now(), ticketUrl: (id) => `/hang-cho/${id}` });
  await queueRoutes(app, {
    queue: services.queue,
    limits: services.rateLimits,
    units,
    publicUrl: config.publicUrl,
    procedure: async (code) => {
      const p = await catalog.findProcedure(code);
      return p ? { code: p.code, name: p.name, field: p.field } : undefined;
    },
  });
  await queueStaffRoutes(app, {
    queue: services.queue,
    units,
    procedures: async (unit) => (await catalog.search(unit, { limit: 10_000 })).items.map((p) => ({ code: p.code, name: p.name, field: p.field })),
  });
  await docstoreRoutes(app, { docstore: services.docstore, dossiers: services.dossiers, catalog, units, defaultUnit });
  await archiveRoutes(app, { archive: services.archive, accounts: services.accounts, units, limits: archiveLimits(config) });
  await queueAdminRoutes(app, { queue: services.queue, units, fields: async (unit) => (await catalog.search(unit, { limit: 10_000 })).items.map((p) => p.field).filter(Boolean) });
  app.addHook('onReady', async () => {
    try {
      const code = await defaultUnit();
      homeHref = `/dv/${code}`;
      app.siteChrome = { homeHref, unitName: (await units.get(code)).name };
    } catch {
      homeHref = '/';
    }
  });
  return app;
}
