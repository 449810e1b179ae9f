import { AccountService } from './account';
import { createAssistant } from './assistant';
import { ChatFormService } from './chatform';
import { STATUS_LABEL, type DossierStatus } from './dossier/dossier.types';
import { DossierService } from './dossier/dossier.service';
import { LOOKUP_ALONG } from './dossier/dossier.lookup';
import { DossierCache } from './dossier/dossier.cache';
import { CLOSED_OVER_TTL_MS, ClosedOverLimit } from './dossier/dossier.closed-count';
import { DossierDrafts } from './dossier/dossier.drafts';
import { DossierForms } from './dossier/dossier.forms';
import { openCluster, shareAcrossProcesses } from './cluster';
import { DossierWorkflow } from './dossier/dossier.workflow';
import { readSigningKey, SigningService } from './signing';
import { receivedDossiers } from './dossier/dossier.activity';
import { AuditService, FileCheckpointStore } from './audit';
import { WorkflowService } from './workflow';
import { openBlobStore } from './file';
import { buildTransports, NotificationService, NotificationWorker, prepareSms, sharedZaloTokenStore, smsInfo } from './notification';
import { PAYMENT_DOSSIER_TABLES, PaymentService } from './payment';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { CatalogService } from './catalog';
import { systemClock, type Clock } from './shared/clock';
import { UnitService } from './unit';
import { RatingService, ratingFacts, REASON_LABEL } from './rating';
import { IndicatorService } from './indicator';
import { DashboardService } from './dashboard';
import { PerformanceService } from './performance';
import { ScoringService } from './scoring';
import { AppointmentService, slotText, type QueuePort } from './appointment';
import { QueueService } from './queue';
import { HomeVisitService } from './homevisit';
import { ReportService } from './report';
import { buildReportReminders } from './report/summary.setup';
import { calendarsOf } from './calendar';
import { ArchiveService, DocstoreService } from './docstore';
import { LinkedService } from './linked';
import { jobElection } from './jobs';
import { checkVaccinationReminders, CONSENT_TEXT, enrolVaccinationReminders, VaccinationService, vaccinationRemindersOf } from './vaccination';
import { OfficeService } from './office';
import { archiveLimits, auditKey, defaultUnitOf, INDICATOR_NAMES, secretKey } from './app.settings';
import { buildHttpFrame, registerSiteHome } from './app.http';
import { registerRoutes } from './app.routes';
import type { Services } from './app.types';

// The composition root: buildServices makes every module's service and wires them to each other;
// buildApp puts the HTTP frame (app.http.ts) around the modules' routes (app.routes.ts).
export type { Services } from './app.types';
export { auditKey } from './app.settings';
export { seedIfEmpty } from './app.seed';
export { sweepFiles } from './app.sweep';

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
  const dossierForms = new DossierForms(database.db, dossierWorkflow, catalog, units);
  const drafts = new DossierDrafts(database.db, dossiers, notifications, files, clock, {
    secret: secretKey(config),
    publicUrl: config.publicUrl,
    ttlDays: config.draftTtlDays,
    quota: config.draftQuota,
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
    defaultUnit: defaultUnitOf(config, units),
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

/** The app over `services`: the HTTP frame, every module's routes, then the home link, found once the app is ready. */
export async function buildApp(config: Config, services: Services): Promise<FastifyInstance> {
  const home = { href: '/' };
  const app = await buildHttpFrame(config, services, home);
  const defaultUnit = defaultUnitOf(config, services.units);
  await registerRoutes(app, config, services, defaultUnit);
  registerSiteHome(app, home, services.units, defaultUnit);
  return app;
}
