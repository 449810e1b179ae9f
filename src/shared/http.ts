import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { h, type VNode } from 'preact';
import { z } from 'zod';
import { BadRequestError, DomainError, ForbiddenError, NotFoundError, ValidationError, ConflictError, UnauthorizedError } from './errors';
import { ChromeContext, ErrorPage, type Chrome } from './layout';
import { ACCOUNT_HINT_COOKIE } from './session';
import { StaffErrorPage, type StaffNavProps } from './staff-layout';
import { cleanInput, cleanText } from './text';
import { enterRequestContext } from './request-context';

// zod's own messages (a field of the wrong type, too long...) in Vietnamese, like ours.
z.config(z.locales.vi());

/** The operators' endpoints (probes, metrics): read by machines, so their errors are JSON too. */
const MACHINE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const isMachineTarget = (url: string) => url.startsWith('/api/') || MACHINE_PATHS.has(url.split('?')[0]!);

/** JSON for /api and for clients that ask for it; HTML pages otherwise. */
export function wantsJson(req: FastifyRequest): boolean {
  return isMachineTarget(req.url) || (req.headers.accept ?? '').startsWith('application/json');
}

export function renderPage(node: VNode, chrome: Chrome = {}): string {
  return '<!doctype html>' + renderToString(h(ChromeContext.Provider, { value: chrome }, node));
}

/** The office every page belongs to when it is not about one unit (set once the app is ready). */
export interface SiteChrome {
  unitName?: string;
  homeHref?: string;
}
declare module 'fastify' {
  interface FastifyInstance {
    siteChrome: SiteChrome;
  }
}

/**
 * Who the header greets. Pages that resolve the session know; cached catalogue pages (no session
 * lookup) read the sign-in hint cookie, which only picks a link: "Hồ sơ của tôi" still checks the
 * session, and sends an expired one to the sign-in page.
 */
export function accountOf(req: FastifyRequest): Chrome['account'] {
  if (req.principal) return req.principal.kind === 'citizen' ? 'citizen' : 'staff';
  if (req.csrfToken) return undefined; // the session was looked up and there is none
  const hint = req.cookies?.[ACCOUNT_HINT_COOKIE];
  return hint === 'citizen' || hint === 'staff' ? hint : undefined;
}

export function chromeOf(req: FastifyRequest): Chrome {
  return { account: accountOf(req), ...(req.server.siteChrome ?? {}) };
}

export function html(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(node, chromeOf(reply.request)));
}

/** Parse request input with zod; a failure becomes a ValidationError with Vietnamese messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Tham số không hợp lệ.', code?: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ValidationError(
    message,
    r.error.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', code: i.code, message: i.message })),
    code,
  );
}

/**
 * How long a limited client must wait, from the Retry-After the limiter set: the sign-in budgets
 * run over 5 minutes, so "a minute" would send an official back too early.
 */
function waitText(retryAfter: unknown): string {
  const s = Number(retryAfter);
  if (!Number.isFinite(s) || s <= 0) return 'một lát';
  return s < 60 ? `${Math.ceil(s)} giây` : `${Math.ceil(s / 60)} phút`;
}

function statusOf(e: DomainError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof UnauthorizedError) return 401;
  if (e instanceof ForbiddenError) return 403;
  if (e instanceof ConflictError) return 409;
  if (e instanceof BadRequestError) return 400;
  if (e instanceof ValidationError) return e.code === 'invalid_input' ? 400 : 422;
  return 422;
}

export function registerErrorHandling(
  app: FastifyInstance,
  opts: { homeHref: () => string; /** The signed-in official's frame, for errors met on workspace pages. */ staffFrame?: (req: FastifyRequest) => Promise<StaffNavProps | undefined> },
): void {
  app.setErrorHandler(async (err: FastifyError | DomainError | Error, req, reply) => {
    let status = 500;
    let code = 'internal_error';
    let message = 'Hệ thống đang gặp sự cố, xin vui lòng thử lại sau ít phút.';
    let fields: unknown;
    if (err instanceof DomainError) {
      status = statusOf(err);
      code = err.code;
      message = err.message;
      if (err instanceof ValidationError) fields = err.fields;
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
      status = err.statusCode;
      if (status === 429) {
        code = 'rate_limited';
        message = `Bạn thao tác quá nhanh. Xin vui lòng chờ ${waitText(reply.getHeader('retry-after') ?? (err as { retryAfterSeconds?: number }).retryAfterSeconds)} rồi thử lại.`;
      } else if (status === 413) {
        code = 'payload_too_large';
        message = 'Dữ liệu gửi lên quá lớn.';
      } else if (status === 400 && (err as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        code = 'invalid_json';
        message = 'Yêu cầu không hợp lệ: nội dung JSON gửi lên sai cú pháp.';
      } else if (status === 415) {
        code = 'unsupported_media_type';
        message = 'Định dạng dữ liệu gửi lên không được hỗ trợ.';
      } else {
        code = 'bad_request';
        message = 'Yêu cầu không hợp lệ.';
      }
    } else {
      req.log.error({ err }, 'unhandled error');
    }
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="motcua"');
    if (wantsJson(req)) {
      return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
    }
    // The officials' pages lead back to the workspace, not to the citizens' home page.
    const staffPage = /^\/can-bo(\/|$|\?)/.test(req.url);
    const frame = staffPage && opts.staffFrame ? await opts.staffFrame(req).catch(() => undefined) : undefined;
    if (frame) return html(reply, StaffErrorPage({ ...frame, status, message }), status);
    return html(reply, ErrorPage({ status, message, ...(staffPage ? { homeHref: '/can-bo', homeLabel: 'Về trang cán bộ' } : { homeHref: opts.homeHref() }) }), status);
  });

  app.setNotFoundHandler((req, reply) => {
    const message = 'Không tìm thấy trang bạn yêu cầu. Có thể đường dẫn đã thay đổi hoặc gõ chưa đúng.';
    if (wantsJson(req)) return reply.status(404).send({ error: { code: 'not_found', message } });
    return html(reply, ErrorPage({ status: 404, message, homeHref: opts.homeHref() }), 404);
  });
}

/** Errors that Fastify's router or Node's HTTP parser raise before any route runs. */
const EARLY_ERRORS = {
  400: { code: 'bad_request', message: 'Yêu cầu không hợp lệ.' },
  408: { code: 'request_timeout', message: 'Yêu cầu gửi lên quá chậm nên đã bị ngắt. Xin vui lòng thử lại.' },
  414: { code: 'uri_too_long', message: 'Địa chỉ (URL) của yêu cầu quá dài.' },
  431: { code: 'headers_too_large', message: 'Phần tiêu đề (header, cookie) của yêu cầu quá lớn.' },
} as const;

/** The longest request line (method, URL, version) before a header overflow counts as 414. */
const MAX_REQUEST_LINE = 8 * 1024;

/**
 * Fastify's `frameworkErrors`: a path parameter longer than maxParamLength (414) or a URL that
 * cannot be decoded (400) answer in the app's shape (JSON for API clients, a page otherwise).
 */
export function frameworkErrorHandler(homeHref: () => string) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : err.code === 'FST_ERR_BAD_URL' ? 400 : 500;
    const e =
      status === 500 ? { code: 'internal_error', message: 'Hệ thống đang gặp sự cố, xin vui lòng thử lại sau ít phút.' } : EARLY_ERRORS[status];
    if (wantsJson(req)) {
      reply.status(status).send({ error: e });
      return;
    }
    html(reply, ErrorPage({ status, message: e.message, homeHref: homeHref() }), status);
  };
}

/**
 * Node's `clientError` (the request never reached Fastify): header overflow (431, or 414 when the
 * request line itself is what overflowed), timeouts (408) and malformed requests (400), written
 * on the socket in the app's shape.
 */
export function clientErrorHandler(homeHref: () => string) {
  return (err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
    const lineEnd = raw.indexOf('\r\n');
    const requestLine = lineEnd < 0 ? raw : raw.slice(0, lineEnd);
    let status: keyof typeof EARLY_ERRORS = 400;
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = 408;
    else if (err.code === 'HPE_HEADER_OVERFLOW') status = lineEnd < 0 || requestLine.length > MAX_REQUEST_LINE ? 414 : 431;
    const e = EARLY_ERRORS[status];
    const target = requestLine.split(' ')[1] ?? '';
    const json = isMachineTarget(target) || /\r\naccept:[ \t]*application\/json/i.test(raw.slice(0, 64 * 1024));
    const body = json
      ? JSON.stringify({ error: e })
      : renderPage(ErrorPage({ status, message: e.message, homeHref: homeHref() }));
    const type = json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  };
}

const STATUS_TEXT = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' } as const;

/** Documentation-only JSON schema from zod (validation itself is done by parseInput). */
export function docSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}

/**
 * Lets the forms of this page lead to other origins (e.g. the VNPay button: its route answers 303
 * to the gateway, and browsers apply the page's form-action to that redirect). Only the pages
 * that hold such a form call it, with exactly the origins they need.
 */
export function allowFormAction(reply: FastifyReply, origins: string[]): void {
  const extra = [...new Set(origins.filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o)))];
  if (!extra.length) return;
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  if (!csp) return;
  reply.header('content-security-policy', csp.replace(/form-action ([^;]*)/, (_m, v: string) => `form-action ${[v.trim(), ...extra].join(' ')}`));
}

/** Response headers every answer carries: a strict CSP (no inline scripts), no sniffing, no framing. */
export function securityHeadersFor(publicUrl: string): Record<string, string> {
  const h: Record<string, string> = {
    'content-security-policy':
      "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), geolocation=(), microphone=()',
  };
  if (publicUrl.startsWith('https://')) h['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return Object.freeze(h) as Record<string, string>;
}

/**
 * Text is made safe once, at the edge (shared/text.ts): every string of the parsed body, query
 * string and path parameters, before any handler or validation sees it — NFC, no NUL, no control
 * or invisible characters, no lone surrogates — identically on SQLite and PostgreSQL (which
 * refuses NUL in text and used to answer 500). Multipart fields are cleaned by shared/uploads.ts.
 */
export function registerInputCleaning(app: FastifyInstance): void {
  // The first preHandler hook (registered before the sessions, the rate limit and every route's
  // own hooks), not a preValidation one: route schemas document and never validate here
  // (setValidatorCompiler), so nothing reads the input in between, and a request then runs one
  // lifecycle phase fewer (measured on the cached public answers).
  app.addHook('preHandler', (req, _reply, done) => {
    if (typeof req.body === 'string') req.body = cleanText(req.body);
    else if (req.body && typeof req.body === 'object') cleanInput(req.body);
    if (req.query && typeof req.query === 'object') cleanInput(req.query);
    if (req.params && typeof req.params === 'object') cleanInput(req.params);
    if (req.routeOptions.config?.writesNothing) return done();
    enterRequestContext(req, done);
  });
}
