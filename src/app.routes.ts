import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { queueStats } from './appointment/appointment.stats';
import { appointmentRoutes } from './appointment/appointment.routes';
import { appointmentStaffRoutes } from './appointment/appointment.staff-routes';
import { assistantRoutes } from './assistant/assistant.routes';
import { calendarPages, calendarRoutes } from './calendar';
import { catalogAdminRoutes } from './catalog/catalog.admin-routes';
import { catalogRoutes } from './catalog/catalog.routes';
import { CHAT_CHANNEL_LABEL, ChatTranscriptBox, chatFormRoutes } from './chatform';
import type { Config } from './config';
import { dashboardRoutes } from './dashboard';
import { archiveRoutes, docstoreRoutes } from './docstore';
import { dossierRoutes } from './dossier/dossier.routes';
import { dossierStaffRoutes } from './dossier/dossier.staff-routes';
import { homeVisitRoutes } from './homevisit';
import { indicatorRoutes } from './indicator/indicator.routes';
import { LinkedGroupAdmin, linkedAdminRoutes, LinkedMemberBox, linkedRoutes, linkedStaffRoutes, memberGroupJson, partnerRoutes } from './linked';
import { smsWebhookRoutes } from './notification';
import { notificationRoutes } from './notification/notification.routes';
import { officeAdminRoutes, officePageParts, officeRoutes } from './office';
import { paymentHooks, paymentRoutes } from './payment/payment.routes';
import { fakeVnpayRoutes } from './payment/payment.vnpay-fake';
import { performanceApiRoutes } from './performance/performance.api';
import { performanceRoutes } from './performance/performance.routes';
import { MyTargetsBox } from './performance/performance.views';
import { ticketFacts } from './queue';
import { queueAdminRoutes } from './queue/queue.admin-routes';
import { queueRoutes } from './queue/queue.routes';
import { linkReceptionToTicket, queueStaffRoutes } from './queue/queue.staff-routes';
import { ratingRoutes, ratingTrackingBox } from './rating/rating.routes';
import { ratingStaffRoutes } from './rating/rating.staff-routes';
import { reportApiRoutes } from './report/report.api';
import { reportRoutes } from './report/report.routes';
import { supervisorRoutes } from './report/summary.setup';
import { scoringApiRoutes } from './scoring/scoring.api';
import { scoringRoutes } from './scoring/scoring.routes';
import { signingRoutes } from './signing';
import { staffRoutes } from './staff/staff.routes';
import { vaccinationRoutes, vaccinationStaffRoutes } from './vaccination';
import { archiveLimits, INDICATOR_NAMES, secretKey } from './app.settings';
import type { Services } from './app.types';

/** What each area's routes are given: the app (its frame built, src/app.http.ts), the configuration, the services. */
interface RouteWiring {
  app: FastifyInstance;
  config: Config;
  services: Services;
  /** The unit of pages that name none (app.settings.ts defaultUnitOf). */
  defaultUnit: () => Promise<string>;
}

/**
 * Every module's routes, area by area. Where a module adds a hook the order matters: it applies to
 * the routes registered after it (the ticket's link comes before the counter's reception route).
 */
export async function registerRoutes(app: FastifyInstance, config: Config, services: Services, defaultUnit: () => Promise<string>): Promise<void> {
  const w: RouteWiring = { app, config, services, defaultUnit };
  await catalogueRoutes(w);
  await dossierAreaRoutes(w);
  await officialsRoutes(w);
  await citizenServiceRoutes(w);
  await reportingRoutes(w);
  await ratingPaymentRoutes(w);
  await assistantAreaRoutes(w);
  await counterRoutes(w);
  await documentRoutes(w);
}

/** The public catalogue and the offices, and their administration. */
async function catalogueRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
}

/** Dossiers: submission and tracking, the signed results, linked groups and their partner agencies, the officials' dossier pages. */
async function dossierAreaRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
    limits: services.rateLimits,
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
}

/** Officials: performance and targets, the units' scoring, accounts and processes. */
async function officialsRoutes({ app, config, services }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
    limits: services.rateLimits,
    db: services.database.db,
    clock: services.clock,
  });
}

/** Notices to citizens, the working calendar, home visits, vaccination reminders and the SMS gateway's webhook. */
async function citizenServiceRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
}

/** Reports, the supervisor's pages, the calendar's pages, indicators and dashboards. */
async function reportingRoutes({ app, config, services }: RouteWiring): Promise<void> {
  const { units } = services;
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
}

/** Satisfaction ratings, fees and payments (with the demo's VNPay). */
async function ratingPaymentRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
}

/** The assistant and submitting from the chat. */
async function assistantAreaRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
}

/** The counter: appointments, the queue and its settings. */
async function counterRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
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
  await queueAdminRoutes(app, { queue: services.queue, units, fields: async (unit) => (await catalog.search(unit, { limit: 10_000 })).items.map((p) => p.field).filter(Boolean) });
}

/** The citizen's document store and the back-scanned archive. */
async function documentRoutes({ app, config, services, defaultUnit }: RouteWiring): Promise<void> {
  const { units, catalog } = services;
  await docstoreRoutes(app, { docstore: services.docstore, dossiers: services.dossiers, catalog, units, defaultUnit });
  await archiveRoutes(app, { archive: services.archive, accounts: services.accounts, units, limits: archiveLimits(config) });
}
