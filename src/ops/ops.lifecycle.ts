import type { FastifyInstance } from 'fastify';

/**
 * The app's life as the process sees it: how many requests are being answered, and whether it is
 * shutting down. While it shuts down, answers close their connection (a keep-alive client opens
 * its next one to another process instead of holding this one open) and /readyz says 503.
 */
export class Lifecycle {
  closing = false;
  inFlight = 0;

  /** Counted in by the ops module's first hook (one hook for the request id and this count). */
  started(): void {
    this.inFlight++;
  }

  register(app: FastifyInstance): void {
    app.addHook('onSend', (_req, reply, payload, done) => {
      if (this.closing) reply.header('connection', 'close');
      done(null, payload);
    });
    app.addHook('onResponse', (_req, _reply, done) => {
      this.inFlight = Math.max(0, this.inFlight - 1);
      done();
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests in progress and the shutting-down flag (src/ops/ops.lifecycle.ts). */
    lifecycle: Lifecycle;
  }
}
