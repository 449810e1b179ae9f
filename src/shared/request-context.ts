import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { uuidv7 } from './ids';

/**
 * The id of the HTTP request being served, wherever the code runs on its behalf (services,
 * repositories), so that what the request writes — its audit entries, the messages it queues —
 * carries the id its log lines carry. Outside a request (jobs, the CLI) there is none.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();
let carrying = false;
let lastEntered = 0;

export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/** Runs `fn` as part of the request `requestId` (tests, and work a request hands over in process). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  carrying = true;
  lastEntered = Date.now();
  return storage.run({ requestId }, fn);
}

/**
 * An id a proxy or a client sent in X-Request-Id is kept when it is well-formed: 8 to 64 letters,
 * digits and `._:-`, starting with a letter or digit (a UUID, a load balancer's trace id).
 * Anything else — too long, spaces, control characters that would forge log lines — is replaced.
 */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && WELL_FORMED.test(v) ? v : uuidv7();
}

/** Fastify's `genReqId`: the request id of every request, its log lines and its writes. */
export function genReqId(req: { headers: Record<string, string | string[] | undefined> }): string {
  return requestIdOf(req.headers['x-request-id']);
}

/**
 * Whether the context is carried along at all. Once a context is entered, Node runs the storage's
 * hook for every asynchronous resource the process makes (each write to a socket, each tick) —
 * for every request, those that never enter a context too: measured 1.5–4 µs of a cached search
 * answer's server CPU, a third or more of what it cost over a bare Fastify route. So the carrying is paused when
 * a request starts with no other request in progress and none has entered a context for
 * `idleMs` (a quiet spell of public answers only), and resumes with the next request that enters
 * one. `idleMs` covers what a request still does after its answer is handed over (a rare write
 * that then still carries the id); a job that outlives it writes without an id, as jobs do.
 */
export const contextPause = { idleMs: 10_000, paused: 0 };

/** Runs the rest of the request (its hooks and handler) in its context. */
export function enterRequestContext(req: FastifyRequest, done: () => void): void {
  carrying = true;
  lastEntered = Date.now();
  storage.run({ requestId: req.id }, done);
}

/** A request starts and no other is in progress: pause the carrying after a quiet spell (see `contextPause`). */
export function restRequestContext(): void {
  if (carrying && Date.now() - lastEntered >= contextPause.idleMs) {
    storage.disable();
    carrying = false;
    contextPause.paused++;
  }
}

/**
 * The request's context is entered by the input cleaning (shared/http.ts, the first preHandler,
 * after the body is read: body parsing runs in the socket's callbacks, outside any context),
 * before the session, the handler and everything that writes; nothing before it writes. The
 * answer carries the id in X-Request-Id (set by the app's first hook, src/shared/fast-lane.ts,
 * with the ops module's count) so a caller can quote it. One entry per request, in a hook every
 * request runs anyway (src/shared/hot-paths.test.ts); none for an answer sent in the fast lane.
 */
export function answerWithRequestId(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', req.id);
}
