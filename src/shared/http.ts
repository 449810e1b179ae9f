import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { z } from 'zod';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, ConflictError } from './errors';
import { ErrorPage } from './layout';

/** JSON for /api and for clients that ask for it; HTML pages otherwise. */
export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/healthz' || (req.headers.accept ?? '').startsWith('application/json');
}

export function renderPage(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}

export function html(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(node));
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

function statusOf(e: DomainError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof ForbiddenError) return 403;
  if (e instanceof ConflictError) return 409;
  if (e instanceof ValidationError) return e.code === 'invalid_input' ? 400 : 422;
  return 422;
}

export function registerErrorHandling(app: FastifyInstance, opts: { homeHref: () => string }): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
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
        message = 'Bạn thao tác quá nhanh. Xin vui lòng chờ một phút rồi thử lại.';
      } else if (status === 413) {
        code = 'payload_too_large';
        message = 'Dữ liệu gửi lên quá lớn.';
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
    if (wantsJson(req)) {
      return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
    }
    return html(reply, ErrorPage({ status, message, homeHref: opts.homeHref() }), status);
  });

  app.setNotFoundHandler((req, reply) => {
    const message = 'Không tìm thấy trang bạn yêu cầu. Có thể đường dẫn đã thay đổi hoặc gõ chưa đúng.';
    if (wantsJson(req)) return reply.status(404).send({ error: { code: 'not_found', message } });
    return html(reply, ErrorPage({ status: 404, message, homeHref: opts.homeHref() }), 404);
  });
}

/** Documentation-only JSON schema from zod (validation itself is done by parseInput). */
export function docSchema(schema: z.ZodType): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
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
