/**
 * Operations (issue 16): probes (/healthz, /readyz), Prometheus metrics (/metrics, behind
 * METRICS_TOKEN), the request id carried into logs, audit entries and outbox messages
 * (src/shared/request-context.ts), graceful shutdown, and the operators' commands (backup,
 * restore, copy-to: src/ops/ops.commands.ts, used by main.commands.ts only).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection';
import type { Clock } from '../shared/clock';
import type { FastifyReply } from 'fastify';
import { restRequestContext } from '../shared/request-context';
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

export interface Ops {
  /**
   * What every request starts with, called by the app's first hook (src/shared/fast-lane.ts: one
   * onRequest hook for all of it, which also puts the request id into X-Request-Id): the request
   * counted in (out: the lifecycle's onSend, or `writtenDirectly`), and — nothing else in
   * progress — the request context's pause after a quiet spell (src/shared/request-context.ts).
   */
  startRequest(): void;
  /**
   * What every answer ends with, called by the app's one onSend hook (src/app.ts):
   * `connection: close` while shutting down and the request counted out (src/ops/ops.lifecycle.ts).
   */
  answered(reply: FastifyReply, payload: unknown): void;
  /**
   * A cached answer the fast lane wrote to the socket itself, past onSend: counted out; true while
   * shutting down (the answer then says `connection: close`).
   */
  writtenDirectly(): boolean;
  /** Adds the routes (after the OpenAPI plugin, which documents only routes registered after it). */
  routes(): Promise<void>;
}

/** Request ids, the lifecycle (in-flight count, closing) and metrics when a token is set. */
export function registerOps(app: FastifyInstance, deps: OpsDeps): Ops {
  const lifecycle = new Lifecycle();
  app.decorate('lifecycle', lifecycle);
  const metrics = deps.metricsToken ? new Metrics({ database: deps.database, clock: deps.clock, readFigures: deps.readFigures, cacheMs: deps.metricsCacheSeconds * 1000, link: deps.metricsLink }) : undefined;
  metrics?.instrument(app);
  return {
    startRequest: () => {
      if (lifecycle.started() === 1) restRequestContext();
    },
    answered: (reply, payload) => lifecycle.answered(reply, payload),
    writtenDirectly: () => lifecycle.writtenDirectly(),
    routes: () => opsRoutes(app, { database: deps.database, metrics, metricsToken: deps.metricsToken, lifecycle }),
  };
}
