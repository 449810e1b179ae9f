import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../account';
import type { UnitService } from '../unit';
import { DomainError, ValidationError } from '../shared/errors';
import { formatPhone } from '../shared/phone';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can } from '../shared/staff-menu';
import { asUpload, readMultipart } from '../shared/uploads';
import { pageStaff } from '../staff/staff.guard';
import type { ArchiveService } from './archive.service';
import { ArchiveListPage, ArchiveRecordPage } from './archive.views';

export interface ArchiveRouteDeps {
  archive: ArchiveService;
  accounts: AccountService;
  units: UnitService;
  /** Most files of one upload, largest image, largest PDF and its most pages, largest upload (bytes). */
  limits: { maxPages: number; maxPageBytes: number; maxPdfBytes: number; maxPdfPages: number; maxTotalBytes: number };
}

const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã bản ghi không hợp lệ');
const listQuery = z.object({ q: z.string().max(200).optional(), status: z.enum(['', 'draft', 'confirmed']).optional(), lo: ID.optional(), da: z.string().max(10).optional() });
const one = (v: unknown) => (v === undefined || v === null ? undefined : String(Array.isArray(v) ? v[0] : v));

export async function archiveRoutes(app: FastifyInstance, deps: ArchiveRouteDeps): Promise<void> {
  const { archive } = deps;
  const actorOf = (s: { id: string; fullName: string; unitCode: string; role: string }) => ({ id: s.id, name: s.fullName, unitCode: s.unitCode, role: s.role });
  const frame = async (req: FastifyRequest, staff: { unitCode: string; role: string; fullName: string; fields?: string[] }) => staffNav(req, staff, (await deps.units.get(staff.unitCode)).name);

  const listPage = async (req: FastifyRequest, reply: FastifyReply, o: { message?: string; errors?: Array<{ field: string; message: string }>; register?: string; status?: number } = {}) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(listQuery, req.query);
    const records = await archive.search(actorOf(staff), { text: q.q, status: q.status || undefined, batchId: q.lo });
    const message = o.message ?? (q.lo && q.da ? `Đã tải lên ${q.da} trang quét (mỗi trang một bản ghi). Máy chủ đang nhận dạng chữ từng trang; mở từng bản ghi để kiểm tra và xác nhận.` : undefined);
    return html(
      reply,
      ArchiveListPage({
        ...(await frame(req, staff)),
        q: q.q ?? '',
        status: q.status ?? '',
        records,
        canChange: can(staff, 'change'),
        message,
        errors: o.errors,
        register: o.register,
        maxPages: deps.limits.maxPages,
        maxMb: Math.round(deps.limits.maxPageBytes / 1024 / 1024),
        maxPdfMb: Math.round(deps.limits.maxPdfBytes / 1024 / 1024),
        maxPdfPages: deps.limits.maxPdfPages,
      }),
      o.status ?? 200,
    );
  };

  // OCR still running when the server closes is waited for (tests; a clean shutdown).
  app.addHook('onClose', async () => archive.stop());

  app.get('/can-bo/luu-tru', async (req, reply) => listPage(req, reply));

  app.post('/can-bo/luu-tru', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    let register = '';
    try {
      if (!req.isMultipart()) throw new ValidationError('Cần gửi trang quét dạng multipart/form-data.', [{ field: 'trang', code: 'multipart_required', message: 'Chọn trang quét rồi bấm "Tải lên"' }]);
      const { fields, files } = await readMultipart(req, { maxFiles: deps.limits.maxPages, maxFileBytes: Math.max(deps.limits.maxPageBytes, deps.limits.maxPdfBytes), maxTotalBytes: deps.limits.maxTotalBytes });
      checkCsrf(req, fields._csrf);
      register = fields.register ?? '';
      const r = await archive.upload(actorOf(staff), { register, files: files.map((f) => ({ read: () => asUpload(f) })) });
      return reply.redirect(`/can-bo/luu-tru?lo=${r.batchId}&da=${r.records.length}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'csrf_failed') throw e;
      const errors = e instanceof ValidationError && e.fields.length ? e.fields : [{ field: 'trang', message: e.message }];
      return listPage(req, reply, { errors, register, status: 422 });
    }
  });

  const recordPage = async (req: FastifyRequest, reply: FastifyReply, id: string, o: { message?: string; errors?: Array<{ field: string; message: string }>; values?: Record<string, string>; status?: number } = {}) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const { record, pages } = await archive.get(staff, id);
    const citizen = record.citizenId ? await deps.accounts.citizenById(record.citizenId) : undefined;
    return html(
      reply,
      ArchiveRecordPage({ ...(await frame(req, staff)), record, pages, citizenPhone: citizen ? formatPhone(citizen.phone) : '', values: o.values, canChange: can(staff, 'change'), message: o.message, errors: o.errors }),
      o.status ?? 200,
    );
  };

  app.get('/can-bo/luu-tru/:id', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const da = one((req.query as Record<string, unknown>).da);
    return recordPage(req, reply, id, { message: da === 'confirm' ? 'Đã xác nhận bản ghi.' : da === 'save' ? 'Đã lưu.' : undefined });
  });

  app.post('/can-bo/luu-tru/:id', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const values = Object.fromEntries(['register', 'number', 'date', 'names', 'note', 'citizenPhone'].map((k) => [k, one(b[k]) ?? '']));
    const confirm = one(b.action) === 'confirm';
    try {
      await archive.save(actorOf(staff), id, { ...values, confirm });
      return reply.redirect(`/can-bo/luu-tru/${id}?da=${confirm ? 'confirm' : 'save'}`, 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return recordPage(req, reply, id, { errors: e.fields, values, status: 422 });
    }
  });

  app.get('/can-bo/luu-tru/:id/trang/:page', async (req, reply) => {
    const { id, page } = parseInput(z.object({ id: ID, page: ID }), req.params);
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    // ?goc=1: the uploaded file itself (a PDF book), not the page's picture.
    const p = await archive.page(staff, id, page, one((req.query as Record<string, unknown>).goc) === '1');
    return reply.type(p.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(p.name)}`).header('cache-control', 'private, no-store').send(p.data);
  });
}
