/**
 * The API contract (OpenAPI 3.1 at /docs): the shared error schema, the security schemes and
 * helpers that route schemas use to document their answers. Route schemas only document —
 * validation is zod in the handlers (parseInput) — and the contract test
 * (src/shared/openapi.test.ts) checks every answer against what is documented here.
 */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { docSchema } from './http';

/** `{error:{code,message,fields?}}`: every error answer of the API, in Vietnamese. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Lỗi: mã máy đọc được (tiếng Anh) và thông báo cho người dùng (tiếng Việt).',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: 'Mã lỗi, ví dụ not_found, invalid_input, rate_limited.', examples: ['not_found'] },
        message: { type: 'string', description: 'Thông báo bằng tiếng Việt.', examples: ['Không tìm thấy nội dung yêu cầu.'] },
        fields: {
          type: 'array',
          description: 'Lỗi của từng trường (dữ liệu không hợp lệ).',
          items: {
            type: 'object',
            required: ['field', 'code', 'message'],
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

/** What each error status means, in every operation that documents it. */
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Tham số không hợp lệ (invalid_input, bad_request).',
  401: 'Chưa đăng nhập, hoặc phiên đã hết hạn (auth_required).',
  403: 'Không có quyền, hoặc sai mã CSRF (forbidden, role_forbidden, staff_only, citizen_only, csrf_failed).',
  404: 'Không tìm thấy (hoặc không thuộc phạm vi của người gọi).',
  409: 'Xung đột với trạng thái hiện tại (ví dụ action_not_allowed, dossier_changed).',
  413: 'Dữ liệu gửi lên quá lớn (payload_too_large).',
  415: 'Định dạng dữ liệu gửi lên không được hỗ trợ (unsupported_media_type).',
  422: 'Nội dung không hợp lệ: danh sách lỗi của từng trường trong `fields`.',
  429: 'Gửi quá nhiều yêu cầu (rate_limited).',
  503: 'Dịch vụ tạm thời không sẵn sàng.',
};

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS & number;

/**
 * Response entries for error statuses, all with the shared `Error` schema; 429 is always there
 * (the global rate limit covers every route when RATE_LIMIT is on).
 */
export function errors(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const s of [...statuses, 429].sort()) {
    out[s] = { description: ERROR_DESCRIPTIONS[s] ?? 'Lỗi.', content: { 'application/json': { schema: { $ref: 'Error#' } } } };
  }
  return out;
}

/** A JSON answer: a zod schema (documented as JSON Schema 2020-12) and what it means. */
export function json(schema: z.ZodType, description: string): Record<string, unknown> {
  return { description, content: { 'application/json': { schema: docSchema(schema, 'output') } } };
}

/** A request body of one or more media types (JSON, multipart/form-data), from zod schemas. */
export function body(types: { json?: z.ZodType; multipart?: z.ZodType; form?: z.ZodType }): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (types.json) content['application/json'] = { schema: docSchema(types.json) };
  if (types.multipart) content['multipart/form-data'] = { schema: docSchema(types.multipart) };
  if (types.form) content['application/x-www-form-urlencoded'] = { schema: docSchema(types.form) };
  return { content };
}

/** A binary answer (PDF, spreadsheet, image) of the given media types. */
export function file(description: string, ...types: string[]): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const t of types) content[t] = { schema: { type: 'string', format: 'binary' } };
  return { description, content };
}

/** A redirect answer (Location header). */
export function redirect(description: string): Record<string, unknown> {
  return { description, headers: { location: { type: 'string', description: 'Địa chỉ chuyển tới.' } }, type: 'null' };
}

/**
 * An operation that only a signed-in caller may use (every way it accepts is a session or a
 * bearer token) answers 401 to a caller without one: documented here once for all of them.
 */
function withUnauthorized(schema: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const sec = schema?.security as Requirement | undefined;
  const responses = schema?.response as Record<number, unknown> | undefined;
  if (!schema || !sec?.length || !responses || responses[401]) return schema;
  const signedInOnly = sec.every((r) => Object.keys(r).length > 0 && Object.keys(r).every((k) => k === 'bearerAuth' || k === 'sessionCookie'));
  return signedInOnly ? { ...schema, response: { ...responses, ...errors(401) } } : schema;
}

/** `security` of an operation: the ways a caller may prove who they are. `[]` = public. */
type Requirement = Array<Record<string, string[]>>;
export const security: Record<'public' | 'staff' | 'citizen' | 'owner' | 'optional', Requirement> = {
  public: [],
  /** An official: the token of POST /api/auth/login as a bearer, or the session cookie. */
  staff: [{ bearerAuth: [] }, { sessionCookie: [] }],
  /** A signed-in citizen (session cookie of the OTP sign-in, or its token as a bearer). */
  citizen: [{ sessionCookie: [] }, { bearerAuth: [] }],
  /** The dossier's owner or an official: the applicant's phone number with the code in the path, the signed link, or a session. */
  owner: [{ phoneProof: [] }, { trackingLink: [] }, { sessionCookie: [] }, { bearerAuth: [] }],
  /** Anyone (public), but a session or the phone number proves ownership when there is one. */
  optional: [{}, { sessionCookie: [] }, { bearerAuth: [] }],
};

export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: 'Mã phiên (`token`) do POST /api/auth/login trả về, gửi trong tiêu đề `Authorization: Bearer …`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'motcua_sid',
    description:
      'Cookie phiên sau khi đăng nhập (cán bộ: mật khẩu; người dân: số điện thoại và mã OTP). Yêu cầu thay đổi dữ liệu không phải JSON cần thêm tiêu đề `X-CSRF-Token`.',
  },
  phoneProof: {
    type: 'apiKey',
    in: 'query',
    name: 'phone',
    description: 'Số điện thoại của người nộp, cùng mã hồ sơ trong đường dẫn (tra cứu không cần tài khoản).',
  },
  trackingLink: {
    type: 'apiKey',
    in: 'query',
    name: 't',
    description: 'Chữ ký trong liên kết theo dõi (mã QR trên giấy hẹn).',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'Mã METRICS_TOKEN của máy chủ (cấu hình), gửi trong tiêu đề `Authorization: Bearer …` — dành cho Prometheus.',
  },
} as const;

/** Operators' endpoints outside /api that the contract documents (probes and metrics). */
export const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * OpenAPI 3.1 (JSON Schema 2020-12, the dialect the e-forms and zod use) with the shared error
 * schema and the security schemes; only the JSON API (/api/…) and the operators' probes and metrics
 * (OPS_PATHS) are documented — pages are HTML.
 */
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string; license?: string };

/**
 * package.json's licence as an SPDX identifier; without one the package is private and
 * UNLICENSED (npm's word for "all rights reserved"), pointing at the documentation of this server.
 */
function licenseOf(spdx: string | undefined, publicUrl: string): { name: string; url: string } | { name: string; identifier: string } {
  if (spdx && spdx !== 'UNLICENSED') return { name: spdx, identifier: spdx };
  return { name: 'UNLICENSED (chưa công bố giấy phép sử dụng)', url: `${publicUrl.replace(/\/$/, '')}/docs` };
}

export async function registerOpenApi(app: FastifyInstance, opts: { publicUrl: string }): Promise<void> {
  app.addSchema(errorSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: pkg.version,
        description:
          'API của phần mềm Bộ phận Một cửa: danh mục thủ tục hành chính, nộp và theo dõi hồ sơ, xử lý hồ sơ, phí và lệ phí, thông báo, trợ lý ảo. ' +
          'Mọi lỗi có dạng `{"error":{"code","message","fields?"}}` với thông báo tiếng Việt.',
        license: licenseOf(pkg.license, opts.publicUrl),
      },
      servers: [{ url: opts.publicUrl, description: 'Máy chủ này (PUBLIC_URL)' }],
      components: { securitySchemes: securitySchemes as never },
      tags: [
        { name: 'Thủ tục', description: 'Danh mục thủ tục hành chính của đơn vị' },
        { name: 'Đơn vị', description: 'Cây đơn vị hành chính' },
        { name: 'Hồ sơ', description: 'Nộp, đính kèm, theo dõi và xử lý hồ sơ' },
        { name: 'Người dân', description: 'Đăng nhập bằng OTP, lựa chọn của người dân' },
        { name: 'Cán bộ', description: 'Đăng nhập và danh sách việc của cán bộ' },
        { name: 'Quản trị', description: 'Quản trị đơn vị: cán bộ, danh mục, quy trình, nhật ký' },
        { name: 'Thông báo', description: 'Tin nhắn SMS, e-mail, Zalo' },
        { name: 'Phí, lệ phí', description: 'Phí, lệ phí, thanh toán và đối soát' },
        { name: 'Trợ lý ảo', description: 'Hỏi đáp về thủ tục' },
        { name: 'Chấm điểm', description: 'Chấm điểm cải cách hành chính hằng tháng của các đơn vị: bảng điểm, tự chấm, điều chỉnh, chốt, đính chính, xếp hạng' },
        { name: 'Hàng chờ', description: 'Lấy số thứ tự, theo dõi lượt, gọi số tại quầy' },
        { name: 'Chỉ số', description: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg): điểm, xếp hạng, hồ sơ đứng sau mỗi con số' },
        { name: 'Lịch làm việc', description: 'Ngày nghỉ, ngày làm bù, Thứ Bảy tiếp nhận hồ sơ và giờ làm việc của đơn vị' },
        { name: 'Vận hành', description: 'Kiểm tra máy chủ còn chạy, sẵn sàng phục vụ, và số liệu vận hành (Prometheus)' },
        { name: 'Tiêm chủng', description: 'Nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi: đăng ký, lịch tiêm, mũi đã tiêm, dừng nhắc; danh sách của trạm y tế' },
      ],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    // The contract covers the JSON API; the HTML pages, files and webhooks are not part of it.
    transform: ({ schema, url }) => {
      if (!url.startsWith('/api/') && !OPS_PATHS.has(url)) return { schema: { ...(schema ?? {}), hide: true }, url };
      return { schema: withUnauthorized(schema as Record<string, unknown> | undefined) as typeof schema, url };
    },
  });
  // The reader's page in Vietnamese and readable on a phone: the plugin writes `lang="en"` and no
  // viewport; its own routes only (an encapsulated hook) are answered with both set right.
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_req, reply, payload) =>
      typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html') ? vietnameseDocsPage(payload) : payload,
    );
    await docs.register(swaggerUi, { routePrefix: '/docs', staticCSP: false, theme: { title: 'Tài liệu API — motcua', css: [{ filename: 'mobile.css', content: DOCS_MOBILE_CSS }] } });
  });
}

/** Narrow screens: the operation rows and the models wrap instead of running off the page. */
const DOCS_MOBILE_CSS = `@media (max-width: 600px) {
  .swagger-ui .wrapper { padding: 0 8px; }
  .swagger-ui .opblock .opblock-summary { flex-wrap: wrap; }
  .swagger-ui .opblock .opblock-summary-path { max-width: 100%; word-break: break-all; }
  .swagger-ui .info .title { font-size: 24px; }
  .swagger-ui table, .swagger-ui .model-box { display: block; overflow-x: auto; }
  .swagger-ui .scheme-container .schemes { flex-wrap: wrap; }
  .swagger-ui .servers, .swagger-ui .servers label, .swagger-ui .servers select { max-width: 100%; min-width: 0; }
  .swagger-ui .servers > label { margin-right: 0; }
}`;

/** The documentation page's HTML with `lang="vi"` and a viewport for phones. */
export function vietnameseDocsPage(html: string): string {
  return html.replace('<html lang="en">', '<html lang="vi">').replace('<meta charset="UTF-8">', '<meta charset="UTF-8">\n      <meta name="viewport" content="width=device-width, initial-scale=1">');
}
