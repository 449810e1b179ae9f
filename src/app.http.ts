import fs from 'node:fs';
import { clientKey } from './shared/client-key';
import Fastify, { LogController, type FastifyContextConfig, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import { fastifyRateLimitStore, workerMetricsLink } from './cluster';
import type { Config } from './config';
import { openDossierCounts } from './dossier/dossier.activity';
import { registerProofGate } from './dossier/dossier.proof';
import { outboxBacklog } from './notification';
import { registerOps } from './ops';
import { queueLengths } from './queue';
import { findAsset, type FoundAsset } from './shared/assets';
import { sendCached } from './shared/compress';
import { NotFoundError } from './shared/errors';
import { registerFastLane } from './shared/fast-lane';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling, registerInputCleaning, securityHeadersFor } from './shared/http';
import { createLogger, logRequests } from './shared/log';
import { registerOpenApi } from './shared/openapi';
import { RateLimitedError, RateLimiter } from './shared/rate-limit';
import { genReqId } from './shared/request-context';
import { noStoreForPersonalData, registerSessions } from './shared/session';
import { staffNav } from './shared/staff-layout';
import { registerMultipart, registerUploads } from './shared/uploads';
import { registerChangeGuard, registerStaffScope } from './staff/staff.guard';
import type { UnitService } from './unit';
import { uploadTmpDir } from './app.settings';
import type { Services } from './app.types';

/** Where error pages and the site's header link home: "/" until the app is ready, then the default unit's page. */
export interface SiteHome {
  href: string;
}

/**
 * The frame every route runs in (src/app.ts registers the modules' routes into it): Fastify and
 * its options, the operations module, the app's one onSend and one onRequest hook, error handling,
 * rate limits, body parsers, sessions and guards, the OpenAPI document and the static files.
 */
export async function buildHttpFrame(config: Config, services: Services, home: SiteHome): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors raised before a route runs (router, Node's HTTP parser) answer like every other error.
    frameworkErrors: frameworkErrorHandler(() => home.href),
    clientErrorHandler: clientErrorHandler(() => home.href),
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

  const { units } = services;
  app.decorate('siteChrome', {});
  registerErrorHandling(app, {
    homeHref: () => home.href,
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
      keyGenerator: (req) => (req.principal ? `${req.principal.kind}:${req.principal.kind === 'staff' ? req.principal.staff.id : req.principal.citizen.id}` : clientKey(req.ip)),
      max: (req) => (req.principal?.kind === 'staff' ? 1200 : 300),
      // Every limit's 429 (the routes' own too) says the real wait (shared/http's error handler).
      errorResponseBuilder: (_req, ctx) => new RateLimitedError(Math.max(1, Math.ceil(ctx.ttl / 1000))),
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

  return app;
}

/** Once the app is ready, error pages and the site's header link to the default unit's page and name it. */
export function registerSiteHome(app: FastifyInstance, home: SiteHome, units: UnitService, defaultUnit: () => Promise<string>): void {
  app.addHook('onReady', async () => {
    try {
      const code = await defaultUnit();
      home.href = `/dv/${code}`;
      app.siteChrome = { homeHref: home.href, unitName: (await units.get(code)).name };
    } catch {
      home.href = '/';
    }
  });
}
