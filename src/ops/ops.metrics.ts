import fs from 'node:fs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Aggregator, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection';
import type { Clock } from '../shared/clock';

/**
 * What /metrics reports (Prometheus text format). Three kinds of figures:
 * - the process's own (prom-client's defaults: CPU, memory, event-loop lag and its percentiles,
 *   GC), registered once per process whatever the number of apps built in it (tests build many);
 * - HTTP requests of this app, counted as they end: by method, route PATTERN (never the raw URL,
 *   which would make a series per dossier code) and status;
 * - figures read from the database (outbox, open dossiers, queue lengths), read only when
 *   scraped and reused for METRICS_CACHE_SECONDS, so scrapes from several Prometheus servers or
 *   several processes on one database cost one grouped read each per period, never per request.
 *
 * Several processes on one database: each answers for its own requests and pool; the database
 * figures are the same from each (aggregate them with max, not sum). WORKERS=N on one machine:
 * whichever worker is scraped answers for all of them (`link`: it asks the primary, which
 * gathers every worker's figures and adds them up, the database figures by max: src/cluster).
 */

/** The database figures the metrics read (each module's own query, through its index.ts). */
export interface DbFigures {
  outbox: { pending: number; sending: number; due: number; retrying: number; dead: number; oldestPendingAt: string | null };
  openDossiers: Record<string, number>;
  queues: Array<{ unitCode: string; service: string; waiting: number }>;
}

export interface MetricsDeps {
  database: Database;
  clock: Clock;
  /** Reads every database figure (the composition root wires the modules' queries). */
  readFigures: () => Promise<DbFigures>;
  cacheMs: number;
  /** WORKERS=N: how this worker answers for all (src/cluster/cluster.workers.ts); absent: this process alone. */
  link?: MetricsLink;
}

/** The figures of one process as prom-client's JSON (what the primary adds up). */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

export interface MetricsLink {
  /** Every worker's figures, added up, as Prometheus text. */
  aggregate(): Promise<string>;
  /** How this worker gives its own figures when the primary asks. */
  answer(collect: () => Promise<MetricsJson>): void;
}

let processRegistry: Registry | undefined;

/** prom-client's process metrics, once per process, from the first Metrics on (their event-loop monitor runs for good). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

// Requests no route matched (404s of scanners) share one series instead of one per URL.
const UNMATCHED = 'unmatched';

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route'>;
  private readonly inFlight: Gauge;
  private readonly gauges: Record<string, Gauge<string>>;
  private cached: { at: number; figures: DbFigures } | undefined;
  private reading: Promise<DbFigures> | undefined;

  constructor(private readonly deps: MetricsDeps) {
    // The event-loop monitor and the CPU counters measure from their registration: started with
    // the server, the first scrape covers the time since the start (started by that scrape, it
    // read an empty window: a minimum lag of 9.2e9 s, a mean of NaN).
    processMetrics();
    const r = this.registry;
    this.requests = new Counter({ name: 'motcua_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [r] });
    this.duration = new Histogram({
      name: 'motcua_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [r],
    });
    this.inFlight = new Gauge({ name: 'motcua_http_requests_in_flight', help: 'HTTP requests being answered now', registers: [r] });
    // How WORKERS=N adds up a gauge: each worker's pool is its own (sum); the database's figures
    // are the same from every worker (max); the database is up when every worker reads it (min).
    const g = (name: string, help: string, labelNames: string[] = [], aggregator: Aggregator = 'max') => new Gauge({ name, help, labelNames, aggregator, registers: [r] });
    this.gauges = {
      dbUp: g('motcua_db_up', '1 when the last read of the database figures succeeded, else 0', [], 'min'),
      poolTotal: g('motcua_db_pool_connections', 'PostgreSQL pool: open connections, by state (idle, busy)', ['state'], 'sum'),
      poolWaiting: g('motcua_db_pool_waiting', 'PostgreSQL pool: queries waiting for a free connection', [], 'sum'),
      walBytes: g('motcua_sqlite_wal_bytes', 'SQLite: size of the write-ahead log (grows when checkpoints fall behind)'),
      outboxBacklog: g('motcua_outbox_backlog', 'Outbox messages not yet sent (pending or being sent)'),
      outboxByStatus: g('motcua_outbox_messages', 'Outbox messages not sent, by status (pending, sending, dead)', ['status']),
      outboxDue: g('motcua_outbox_due', 'Pending outbox messages due now'),
      outboxRetrying: g('motcua_outbox_retrying', 'Pending outbox messages that failed at least once'),
      outboxDead: g('motcua_outbox_failed', 'Outbox messages given up after the last attempt (dead)'),
      outboxOldest: g('motcua_outbox_oldest_pending_seconds', 'Age of the oldest pending outbox message (0: none)'),
      dossiersOpen: g('motcua_dossiers_open', 'Dossiers not finished, by status', ['status']),
      queueWaiting: g('motcua_queue_waiting_tickets', "Today's waiting counter-queue tickets, by unit and service", ['unit', 'service']),
      collect: g('motcua_metrics_db_read_seconds', 'Time the last read of the database figures took'),
    };
    deps.link?.answer(async () => {
      await this.refresh();
      return [...(await processMetrics().getMetricsAsJSON()), ...(await this.registry.getMetricsAsJSON())] as MetricsJson;
    });
  }

  /** Counts every request as it ends (route pattern from Fastify's router; 404s share one label). */
  instrument(app: FastifyInstance): void {
    app.addHook('onRequest', (_req, _reply, done) => {
      this.inFlight.inc();
      done();
    });
    app.addHook('onResponse', (req, reply, done) => {
      this.inFlight.dec();
      const route = req.routeOptions.url ?? UNMATCHED;
      this.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      this.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
      done();
    });
  }

  /** Database figures, read at most once per cache period (concurrent scrapes share one read). */
  private async figures(): Promise<DbFigures> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.deps.cacheMs) return this.cached.figures;
    this.reading ??= this.deps
      .readFigures()
      .then((figures) => {
        this.cached = { at: Date.now(), figures };
        return figures;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** The text Prometheus reads. A database that does not answer gives motcua_db_up 0, not an error. */
  async render(): Promise<{ contentType: string; body: string }> {
    if (this.deps.link) return { contentType: this.registry.contentType, body: await this.deps.link.aggregate() };
    await this.refresh();
    const body = (await processMetrics().metrics()) + '\n' + (await this.registry.metrics());
    return { contentType: this.registry.contentType, body };
  }

  /** Sets the gauges read at scrape time: the pool, the write-ahead log, the database figures. */
  private async refresh(): Promise<void> {
    const g = this.gauges;
    const pool = this.deps.database.pool?.();
    if (pool) {
      g.poolTotal!.set({ state: 'idle' }, pool.idle);
      g.poolTotal!.set({ state: 'busy' }, pool.total - pool.idle);
      g.poolWaiting!.set(pool.waiting);
    }
    const file = this.deps.database.file;
    if (file) g.walBytes!.set(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    const started = performance.now();
    try {
      const f = await this.figures();
      g.collect!.set((performance.now() - started) / 1000);
      g.dbUp!.set(1);
      g.outboxBacklog!.set(f.outbox.pending + f.outbox.sending);
      for (const s of ['pending', 'sending', 'dead'] as const) g.outboxByStatus!.set({ status: s }, f.outbox[s]);
      g.outboxDue!.set(f.outbox.due);
      g.outboxRetrying!.set(f.outbox.retrying);
      g.outboxDead!.set(f.outbox.dead);
      const oldest = f.outbox.oldestPendingAt ? Math.max(0, (this.deps.clock.now().getTime() - Date.parse(f.outbox.oldestPendingAt)) / 1000) : 0;
      g.outboxOldest!.set(oldest);
      // Series of statuses, units or services that no longer have any are dropped, not left stale.
      g.dossiersOpen!.reset();
      for (const [status, n] of Object.entries(f.openDossiers)) g.dossiersOpen!.set({ status }, n);
      g.queueWaiting!.reset();
      for (const q of f.queues) g.queueWaiting!.set({ unit: q.unitCode, service: q.service }, q.waiting);
    } catch {
      g.dbUp!.set(0);
    }
  }
}
