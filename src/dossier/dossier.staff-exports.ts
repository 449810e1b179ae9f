// What an official prints or downloads: a dossier's forms (PDF) and the tracking book (mẫu 06:
// page, PDF, Excel, JSON).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { errors, file, security } from '../shared/openapi';
import { trackingBookJson } from './dossier.openapi';
import { apiStaff, pageStaff, staffActor, type StaffActor } from '../staff/staff.guard';
import { auditActor } from './dossier.submission';
import type { Dossier } from './dossier.types';
import { TrackingBookPage } from './dossier.worklist-views';
import { CODE, viewedBy } from './dossier.staff-kit';
import type { StaffRoutesDeps } from './dossier.staff-routes';

const FORM_FILES = { 'yeu-cau-bo-sung': 'supplement', 'tu-choi': 'refusal', 'xin-loi': 'apology', 'kiem-soat': 'control' } as const;
type FormSlug = keyof typeof FORM_FILES;

function vnToday(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The forms' and the tracking book's routes: `pages` and `api`, registered apart in dossierStaffRoutes's order. */
export function staffExportRoutes(deps: StaffRoutesDeps) {
  const { dossiers, forms, units, audit } = deps;
  const viewed = viewedBy(audit);

  const formPdf = (d: Dossier, form: (typeof FORM_FILES)[FormSlug]) =>
    form === 'supplement' ? forms.supplementRequest(d) : form === 'refusal' ? forms.refusal(d) : form === 'apology' ? forms.apology(d) : forms.controlSheet(d);

  const bookQuery = z.object({
    tu: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD').optional(),
    den: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD').optional(),
    unit: z.string().regex(/^\d{2,5}$/).optional().or(z.literal('').transform(() => undefined)),
  });
  const bookUnits = async (actor: StaffActor, unit?: string) => {
    const visible = await dossiers.visibleUnits(actor);
    if (unit && !visible.includes(unit)) throw new NotFoundError('Không tìm thấy đơn vị.', 'unit_not_found');
    return [unit ?? (actor.role === 'supervisor' ? (visible[1] ?? visible[0]!) : actor.unitCode)];
  };
  const period = (q: z.infer<typeof bookQuery>) => {
    const from = q.tu ?? `${vnToday().slice(0, 8)}01`;
    const to = q.den ?? vnToday();
    if (to < from) throw new ValidationError('Ngày kết thúc phải sau ngày bắt đầu.', [{ field: 'den', code: 'invalid_period', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
    return { from, to };
  };

  async function sendBook(reply: FastifyReply, actor: StaffActor, q: z.infer<typeof bookQuery>, fmt: 'pdf' | 'xlsx' | 'json') {
    const { from, to } = period(q);
    const unitCodes = await bookUnits(actor, q.unit);
    await audit.record({ actor: auditActor(actor), unitCode: unitCodes[0], action: 'report.tracking_book', targetKind: 'report', targetId: `${unitCodes[0]}:${from}:${to}`, data: { format: fmt } });
    if (fmt === 'json') return reply.send(await forms.trackingBookVm(unitCodes, from, to));
    const name = `so-theo-doi-${unitCodes[0]}-${from}-${to}.${fmt}`;
    if (fmt === 'pdf') return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'private, no-store').send(await forms.trackingBookPdf(unitCodes, from, to));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(await forms.trackingBookXlsx(unitCodes, from, to));
  }

  return {
    /** /can-bo/ho-so/:code/phieu/:file, /can-bo/so-theo-doi, /can-bo/so-theo-doi.:fmt */
    pages(app: FastifyInstance): void {
      app.get('/can-bo/ho-so/:code/phieu/:file', async (req, reply) => {
        const staff = pageStaff(req, reply);
        if (!staff) return reply;
        const { code, file } = parseInput(z.object({ code: CODE, file: z.string().regex(/^[a-z-]+\.pdf$/) }), req.params);
        const slug = file.replace(/\.pdf$/, '') as FormSlug;
        if (!(slug in FORM_FILES)) throw new NotFoundError();
        const actor = staffActor(staff);
        const d = await dossiers.getForActor(code, actor);
        const pdf = await formPdf(d, FORM_FILES[slug]);
        await viewed(actor, d, `form:${slug}`);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${slug}-${d.code}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
      });

      app.get('/can-bo/so-theo-doi', async (req, reply) => {
        const staff = pageStaff(req, reply);
        if (!staff) return reply;
        const q = parseInput(bookQuery, req.query);
        const { from, to } = period(q);
        const visible = await dossiers.visibleUnits(staffActor(staff));
        const list = (await Promise.all(visible.map((c) => units.find(c)))).filter((u) => !!u);
        return html(reply, TrackingBookPage({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode), from, to, units: list.length > 1 ? list : [], selectedUnit: q.unit }));
      });

      app.get('/can-bo/so-theo-doi.:fmt', async (req, reply) => {
        const staff = pageStaff(req, reply);
        if (!staff) return reply;
        const { fmt } = parseInput(z.object({ fmt: z.enum(['pdf', 'xlsx']) }), req.params);
        return sendBook(reply, staffActor(staff), parseInput(bookQuery, req.query), fmt);
      });
    },

    /** /api/dossiers/:code/forms/:form, /api/reports/tracking-book */
    api(app: FastifyInstance): void {
      app.get(
        '/api/dossiers/:code/forms/:form',
        {
          schema: {
            tags: ['Hồ sơ'],
            summary: 'Mẫu phiếu của hồ sơ (PDF): yeu-cau-bo-sung, tu-choi, xin-loi, kiem-soat',
            operationId: 'getDossierFormPdf',
            security: security.staff,
            response: { 200: file('Phiếu (PDF)', 'application/pdf'), ...errors(400, 403, 404) },
          },
        },
        async (req, reply) => {
          const { actor } = apiStaff(req);
          const { code, form } = parseInput(z.object({ code: CODE, form: z.enum(Object.keys(FORM_FILES) as [FormSlug, ...FormSlug[]]) }), req.params);
          const d = await dossiers.getForActor(code, actor);
          const pdf = await formPdf(d, FORM_FILES[form]);
          await viewed(actor, d, `form:${form}`);
          return reply.type('application/pdf').header('cache-control', 'private, no-store').send(pdf);
        },
      );

      app.get(
        '/api/reports/tracking-book',
        {
          schema: {
            tags: ['Cán bộ'],
            summary: 'Sổ theo dõi hồ sơ (mẫu 06) của một kỳ: JSON, PDF hoặc Excel',
            operationId: 'getTrackingBook',
            security: security.staff,
            response: {
              200: {
                description: 'Sổ theo dõi: JSON (format=json), PDF hoặc Excel',
                content: {
                  'application/json': { schema: docSchema(trackingBookJson, 'output') },
                  'application/pdf': { schema: { type: 'string', format: 'binary' } },
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
                },
              },
              ...errors(400, 403, 404),
            },
            querystring: docSchema(z.object({ from: z.string().optional(), to: z.string().optional(), unit: z.string().optional(), format: z.enum(['json', 'pdf', 'xlsx']).optional() })),
          },
        },
        async (req, reply) => {
          const { actor } = apiStaff(req);
          const q = parseInput(z.object({ from: z.string().optional(), to: z.string().optional(), unit: z.string().optional(), format: z.enum(['json', 'pdf', 'xlsx']).default('json') }), req.query);
          return sendBook(reply, actor, parseInput(bookQuery, { tu: q.from, den: q.to, unit: q.unit }), q.format);
        },
      );
    },
  };
}
