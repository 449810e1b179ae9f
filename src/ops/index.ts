/**
 * Operations (issue 16): probes (/healthz, /readyz), Prometheus metrics (/metrics, behind
 * METRICS_TOKEN), the request id carried into logs, audit entries and outbox messages
 * (src/shared/request-context.ts), graceful shutdown, and the operators' commands (backup,
 * restore, copy-to: src/ops/ops.commands.ts, used by main.ts only).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection';
import type { Clock } from '../shared/clock';
import { answerWithRequestId } from '../shared/request-context';
import { Lifecycle } from './ops.lifecycle';
import { Metrics, type DbFigures, type MetricsLink } from './ops.metrics';
import { opsRoutes } from './ops.routes';

export { Lifecycle } from './ops.lifecycle';
export { Metrics, type DbFigures, type MetricsJson, type MetricsLink } from './ops.metrics';
export { shutdown, onStopSignals, STOP_MESSAGE, type ShutdownParts, type Stoppable } from './ops.shutdown';
export { markRunning, runningOn } from './ops.running';

export interface OpsDeps {
  database: Database;
  clock: Clock;
  metricsToken: string | undefined;
  metricsCacheSeconds: number;
  readFigures: () => Promise<DbFigures>;
  /** WORKERS=N: this worker's link to the others' figures (src/cluster). */
  metricsLink?: MetricsLink;
}

/**
 * Request ids, the lifecycle (in-flight count, closing) and metrics when a token is set: hooks
 * registered first, so they see every request. Returns how to add the routes (after the OpenAPI
 * plugin, which documents only routes registered after it).
 */
export function registerOps(app: FastifyInstance, deps: OpsDeps): () => Promise<void> {
  const lifecycle = new Lifecycle();
  // One hook for both: the id in the answer, the request counted in (out: the lifecycle's onSend).
  app.addHook('onRequest', (req, reply, done) => {
    answerWithRequestId(req, reply);
    lifecycle.started();
    done();
  });
  lifecycle.register(app);
  app.decorate('lifecycle', lifecycle);
  const metrics = deps.metricsToken ? new Metrics({ database: deps.database, clock: deps.clock, readFigures: deps.readFigures, cacheMs: deps.metricsCacheSeconds * 1000, link: deps.metricsLink }) : undefined;
  metrics?.instrument(app);
  return () => opsRoutes(app, { database: deps.database, metrics, metricsToken: deps.metricsToken, lifecycle });
}
