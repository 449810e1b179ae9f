import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import pretty from 'pino-pretty';

/**
 * The process log: one line per request. JSON (for log collectors) unless the output is a
 * terminal, where a person reads "10:42:07 GET /p/00004/1.001193 200 1.4 ms" instead (pino-pretty,
 * in this thread: no worker, nothing lost at exit).
 */
export type LogFormat = 'json' | 'pretty';

export function createLogger(level: string, format: LogFormat, destination: NodeJS.WritableStream = process.stdout): FastifyBaseLogger {
  if (format === 'json') return pino({ level }, destination);
  const stream = pretty({
    destination,
    colorize: 'isTTY' in destination && !!(destination as NodeJS.WriteStream).isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime,method,url,statusCode',
    singleLine: true,
    sync: true,
  });
  return pino({ level }, stream);
}

/** Probes and scrapes come every few seconds: their lines only at debug level, unless they fail. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One summary line per answered request, instead of Fastify's "incoming" and "completed" pair.
 * In JSON each line carries `reqId`: the request id that its audit entries and outbox messages
 * carry too (src/shared/request-context.ts), and that the answer's X-Request-Id header shows.
 */
export function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    const quiet = reply.statusCode < 400 && QUIET_ROUTES.has(req.routeOptions.url ?? '');
    const level = reply.statusCode >= 500 ? 'error' : quiet ? 'debug' : 'info';
    req.log[level]({ method: req.method, url: req.url, statusCode: reply.statusCode, responseTime: Math.round(ms * 10) / 10 }, `${req.method} ${req.url} ${reply.statusCode} ${ms.toFixed(1)} ms`);
    done();
  });
}
