import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { migrationStatus } from '../db/migrate';
import { NotFoundError, UnauthorizedError } from '../shared/errors';
import { errors, json } from '../shared/openapi';
import type { Lifecycle } from './ops.lifecycle';
import type { Metrics } from './ops.metrics';

const aliveJson = z.object({ status: z.literal('ok').describe('Tiến trình còn chạy và trả lời được.') });
const readyJson = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']).describe('Cơ sở dữ liệu đang dùng.'),
  migrations: z.object({
    known: z.number().int().describe('Số bước cập nhật cấu trúc mà phiên bản này biết.'),
    applied: z.number().int().describe('Số bước đã áp dụng vào cơ sở dữ liệu.'),
    unknown: z.array(z.string()).describe('Các bước đã áp dụng mà phiên bản này không biết (một phiên bản mới hơn đã cập nhật cơ sở dữ liệu).'),
  }),
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The operators' endpoints: /healthz (the process is alive: no database, never slow), /readyz
 * (send it traffic: the database answers and has every migration this code knows; 503 while
 * shutting down) and /metrics (Prometheus, behind METRICS_TOKEN; without it, 404 as if absent).
 */
export async function opsRoutes(app: FastifyInstance, deps: { database: Database; metrics: Metrics | undefined; metricsToken: string | undefined; lifecycle: Lifecycle }): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Vận hành'],
        summary: 'Tiến trình còn chạy (không đọc cơ sở dữ liệu: dùng cho liveness probe)',
        operationId: 'healthz',
        security: [],
        response: { 200: json(aliveJson, 'Còn chạy'), ...errors() },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Vận hành'],
        summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu trả lời và đã có mọi bước cập nhật cấu trúc mà phiên bản này biết (readiness probe)',
        operationId: 'readyz',
        security: [],
        response: { 200: json(readyJson, 'Sẵn sàng'), ...errors(503) },
      },
    },
    async (req, reply: FastifyReply) => {
      const notReady = (code: string, message: string) => reply.status(503).header('cache-control', 'no-store').send({ error: { code, message } });
      if (deps.lifecycle.closing) return notReady('shutting_down', 'Máy chủ đang dừng: không nhận yêu cầu mới.');
      let m;
      try {
        m = await migrationStatus(deps.database.db);
      } catch (e) {
        // The cause goes to the log only: a public probe does not tell where the database is.
        req.log.warn({ err: e }, 'readyz: database unavailable');
        return notReady('database_unavailable', `Không kết nối được cơ sở dữ liệu (${deps.database.kind}).`);
      }
      if (m.pending.length) {
        return notReady('migrations_pending', `Cơ sở dữ liệu chưa được cập nhật cấu trúc: còn ${m.pending.length} bước (${m.pending.slice(0, 5).join(', ')}). Chạy "motcua migrate".`);
      }
      return { status: 'ok' as const, database: deps.database.kind, migrations: { known: m.known, applied: m.applied, unknown: m.unknown } };
    },
  );

  const expected = deps.metricsToken ? digest(deps.metricsToken) : undefined;
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['Vận hành'],
        summary: 'Số liệu vận hành ở định dạng văn bản của Prometheus (cần METRICS_TOKEN; không cấu hình thì trả 404)',
        operationId: 'metrics',
        security: [{ metricsToken: [] }],
        response: {
          200: { description: 'Số liệu: yêu cầu HTTP theo đường dẫn, độ trễ vòng lặp sự kiện, kết nối cơ sở dữ liệu, hàng đợi tin nhắn, hồ sơ đang mở, hàng chờ tại quầy', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...errors(401, 404),
        },
      },
    },
    async (req, reply) => {
      if (!expected || !deps.metrics) throw new NotFoundError();
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
        throw new UnauthorizedError('Thiếu hoặc sai mã truy cập số liệu vận hành (METRICS_TOKEN trong tiêu đề Authorization: Bearer …).', 'metrics_token_invalid');
      }
      const { contentType, body } = await deps.metrics.render();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
    },
  );
}
