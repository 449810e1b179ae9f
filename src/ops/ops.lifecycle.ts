import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/** Set on a reply once it is counted out (an onSend hook that fails makes the error answer pass onSend again). */
const COUNTED_OUT = Symbol('motcua.countedOut');

/**
 * The app's life as the process sees it: how many requests are being answered, and whether it is
 * shutting down. While it shuts down, answers close their connection (a keep-alive client opens
 * its next one to another process instead of holding this one open) and /readyz says 503.
 *
 * A request is counted in by the ops module's first hook and out when its answer is handed over
 * (onSend), or — a streamed answer (a file, a PDF) — when its response closes. Not in an
 * onResponse hook: with no onResponse hook Fastify puts no listeners on the response of every
 * request (measured: ~2 µs of a cached answer's time, a fifth of what it costs over a bare route).
 */
export class Lifecycle {
  closing = false;
  inFlight = 0;

  /** Counted in by the app's first hook (with the request id): how many are now in progress. */
  started(): number {
    return ++this.inFlight;
  }

  private readonly finished = (): void => {
    this.inFlight = Math.max(0, this.inFlight - 1);
  };

  /**
   * A reply the route writes itself (`reply.hijack()`: the queue displays' event streams), which
   * never passes onSend: counted out when its response closes.
   */
  hijacked(res: ServerResponse): void {
    res.once('close', this.finished);
  }

  /**
   * What `answered` does for a cached answer the fast lane writes to the socket itself (past
   * onSend, src/shared/fast-lane.ts): the request counted out; true while shutting down, when the
   * answer must say `connection: close`.
   */
  writtenDirectly(): boolean {
    this.finished();
    return this.closing;
  }

  /**
   * What the app's one onSend hook does for the lifecycle (src/app.ts; one hook for every concern
   * rather than one each: each costs every answer its call): `connection: close` while shutting
   * down, and the request counted out.
   */
  answered(reply: FastifyReply, payload: unknown): void {
    if (this.closing) reply.header('connection', 'close');
    const r = reply as unknown as { [COUNTED_OUT]?: true };
    if (r[COUNTED_OUT] === undefined) {
      r[COUNTED_OUT] = true;
      if (payload !== null && typeof payload === 'object' && typeof (payload as { pipe?: unknown }).pipe === 'function') reply.raw.once('close', this.finished);
      else this.finished();
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests in progress and the shutting-down flag (src/ops/ops.lifecycle.ts). */
    lifecycle: Lifecycle;
  }
}
