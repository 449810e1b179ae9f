import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { sendCached, wireOf, type CachedAnswer } from './compress';
import { answerWithRequestId } from './request-context';

/**
 * The fast lane (issue 10, speed): the answers most requests ask for — a cached QR landing page or
 * search, a visitor's repeated tracking lookup, the stylesheet — are sent from the first
 * `onRequest` hook, before the cookies, the input cleaning, the session and every `preHandler`.
 * None of those can change such an answer (see `FastAnswer`), and the limits that do apply to it
 * are applied here first, the same ones with the same keys: the global rate limit and the route's
 * own budgets (the proof budget of the tracking lookup). A request the lane does not answer goes on
 * along the normal path as if the lane were not there.
 *
 * Only a GET with neither a cookie nor an Authorization header may take the lane: without them no
 * session can be found, so every limit is keyed by the address, and no page shows a signed-in
 * header. Everyone else (a returning visitor with a cookie) takes the normal path, answered the same.
 */

/**
 * What a route answers from memory, or undefined to let the request take the normal path: a cached
 * answer (sent as `sendCached` sends it, with a 200), or a function that sends another (the
 * stylesheet's 304). It must answer exactly what the route's handler would for this request once
 * its input is cleaned (shared/text.ts): so it reads plain input only (ASCII without controls,
 * which cleaning leaves as it is) and answers from a cache filled by the normal path. A cached
 * answer is written to the socket by the lane itself, past Fastify's `onSend` hooks: it must carry
 * every header they would add (`cache-control: no-store` on personal data: src/shared/session.ts).
 */
export type FastAnswer = (req: FastifyRequest, reply: FastifyReply) => CachedAnswer | (() => void) | undefined;

/**
 * A limit the normal path applies to a route (the global rate limit, a route's budget): a promise
 * that rejects with the error to answer (429), or undefined when nothing is counted for the request.
 * `config` is the route's (read once by the lane: `req.routeOptions` builds a new object per read).
 */
export type FastLimit = (req: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig) => Promise<unknown> | undefined;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's answer from memory, sent in the fast lane (src/shared/fast-lane.ts). */
    fastAnswer?: FastAnswer;
    /**
     * The route writes nothing on any path (no audit row, no outbox message: the catalogue's
     * pages, its search, the stylesheet), so its requests enter no request context
     * (src/shared/request-context.ts) and do not keep its carrying from pausing. A function: the
     * route writes nothing for the requests it answers true for (the tracking lookup of a visitor
     * with neither cookie nor Authorization: only an official's look is audited).
     */
    writesNothing?: boolean | ((req: FastifyRequest) => boolean);
  }
  interface FastifyInstance {
    /** How many answers the fast lane sent (tests; a figure for operators). */
    fastLane: { answered: number };
  }
}

/** Printable ASCII only: what input cleaning (NFC, no controls or invisible characters) leaves unchanged. */
const PLAIN = /^[\x20-\x7e]*$/;

/** A query or path value the lane may read as it is (a missing one too). */
export function plain(v: unknown, max: number): v is string | undefined {
  return v === undefined || (typeof v === 'string' && v.length <= max && PLAIN.test(v));
}

/**
 * The app's one onRequest hook of its own: `start` (what every request starts with: the in-flight
 * count — src/ops), the request id and security headers every answer carries, then the fast lane.
 * One hook rather than one per concern: each costs every request its call. `limits` are applied,
 * in the normal path's order, before a fast answer is sent.
 */
export function registerFastLane(
  app: FastifyInstance,
  opts: {
    start: () => void;
    /** A cached answer written by the lane itself: counted out; true while shutting down (`connection: close`). */
    written: () => boolean;
    headers: Record<string, string>;
    limits: FastLimit[];
  },
): void {
  const { start, written, headers, limits } = opts;
  const limited = (req: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig, from = 0): Promise<unknown> | undefined => {
    for (let i = from; i < limits.length; i++) {
      const p = limits[i]!(req, reply, config);
      if (p) return p.then(() => limited(req, reply, config, i + 1));
    }
    return undefined;
  };
  const counts = { answered: 0 };
  app.decorate('fastLane', counts);
  /** What every answer Fastify sends carries: the request id (src/shared/request-context.ts) and the security headers. */
  const common = (req: FastifyRequest, reply: FastifyReply): void => {
    answerWithRequestId(req, reply);
    reply.headers(headers);
  };
  /**
   * A cached answer written to the socket in one call, with headers made once per answer and
   * encoding (compress.ts `wireOf`) — Fastify's `send` and its onSend hooks cost every answer ~400 B
   * and a few closures. `counted` are the headers the limits set on the reply (x-ratelimit-*: with
   * RATE_LIMIT on, every answer), added to a copy. What send and onSend did is done here: the
   * request counted out, `connection: close` while shutting down. The response's `finish` still
   * runs the onResponse hooks (metrics, the request's log line).
   */
  const write = (req: FastifyRequest, reply: FastifyReply, a: CachedAnswer, counted?: ReturnType<FastifyReply['getHeaders']>): void => {
    const { headers: h, body } = wireOf(req, a, headers);
    h[h.length - 1] = req.id;
    let out = h;
    if (counted) {
      out = h.slice();
      for (const name in counted) {
        const v = counted[name];
        if (Array.isArray(v)) for (const one of v) out.push(name, one);
        else if (v !== undefined) out.push(name, String(v));
      }
    }
    if (written()) out = [...out, 'connection', 'close'];
    reply.hijack();
    reply.raw.writeHead(200, out);
    reply.raw.end(body);
  };
  /** Through Fastify's reply (the stylesheet's 304): as the normal path would send it. */
  const send = (req: FastifyRequest, reply: FastifyReply, answer: CachedAnswer | (() => void)): void => {
    common(req, reply);
    if (typeof answer === 'function') answer();
    else sendCached(req, reply, answer);
  };
  const hook: onRequestHookHandler = (req, reply, done) => {
    start();
    // Read once: every read of `req.routeOptions` builds a new object (and asks the router about versions).
    const config = req.routeOptions.config;
    const fast = config?.fastAnswer;
    const answer = fast && req.method === 'GET' && req.headers.cookie === undefined && req.headers.authorization === undefined ? fast(req, reply) : undefined;
    if (!answer) {
      common(req, reply);
      return done();
    }
    const waiting = limits.length ? limited(req, reply, config) : undefined;
    // Answered: the hooks after this one and the rest of the lifecycle (onSend too when written here) do not run.
    if (!waiting) {
      counts.answered++;
      return typeof answer === 'function' ? send(req, reply, answer) : write(req, reply, answer);
    }
    waiting.then(
      () => {
        counts.answered++;
        if (typeof answer === 'function') send(req, reply, answer);
        else write(req, reply, answer, reply.getHeaders());
      },
      (e: Error) => {
        common(req, reply);
        done(e);
      },
    );
  };
  app.addHook('onRequest', hook);
}
