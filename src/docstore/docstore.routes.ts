import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CatalogService } from '../catalog';
import { componentsOf, type DossierService } from '../dossier';
import type { UnitService } from '../unit';
import { DomainError, ForbiddenError, UnauthorizedError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { can } from '../shared/staff-menu';
import { pageStaff, staffActor } from '../staff/staff.guard';
import type { DocstoreService } from './docstore.service';
import { CheckPage, MyPapersPage } from './docstore.views';

export interface DocstoreRouteDeps {
  docstore: DocstoreService;
  dossiers: DossierService;
  catalog: CatalogService;
  units: UnitService;
  defaultUnit: () => Promise<string>;
}

const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã giấy tờ không hợp lệ');
const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');

const paperJson = z.object({
  id: z.string(),
  source: z.enum(['result', 'checked', 'archive']).describe('result: kết quả giải quyết; checked: giấy tờ đã nộp được cán bộ kiểm tra, số hóa; archive: bản số hóa từ sổ lưu trữ'),
  title: z.string(),
  detail: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  at: z.string(),
  procedureCode: z.string().nullable(),
  component: z.string().nullable(),
  fileUrl: z.string().describe('Tải tệp (chỉ chủ kho)'),
  verifyUrl: z.string().nullable().describe('Kết quả đã ký số: trang xác thực công khai của văn bản (null với giấy tờ không ký số)'),
});

export async function docstoreRoutes(app: FastifyInstance, deps: DocstoreRouteDeps): Promise<void> {
  const { docstore, dossiers } = deps;
  const citizenOf = (req: Parameters<typeof pageStaff>[0]) => {
    const p = req.principal;
    return p?.kind === 'citizen' ? p.citizen : undefined;
  };

  app.get('/ca-nhan/kho-giay-to', async (req, reply) => {
    const c = citizenOf(req);
    if (!c) return reply.redirect('/dang-nhap?next=/ca-nhan/kho-giay-to', 303);
    const owner = { citizenId: c.id, phone: c.phone };
    const papers = await docstore.papersOf(owner);
    const title = new Map(papers.map((p) => [p.id, p.title]));
    const uses = await Promise.all(
      (await docstore.usesOf(c.id)).slice(0, 50).map(async (u) => {
        const d = await dossiers.getForActor(u.dossier_id, { kind: 'citizen', id: c.id, phone: c.phone, name: c.fullName }).catch(() => undefined);
        return { paperTitle: title.get(u.paper_id) ?? 'Giấy tờ', dossier: d?.code ?? 'đang soạn', usedBy: u.consent_id ? `cán bộ ${u.used_by} dùng, với sự đồng ý của bạn` : 'bạn dùng khi nộp trực tuyến', at: u.used_at };
      }),
    );
    return html(reply, MyPapersPage({ name: c.fullName, papers, uses, homeHref: `/dv/${await deps.defaultUnit()}` }));
  });

  app.get('/ca-nhan/kho-giay-to/:id', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const c = citizenOf(req);
    if (!c) return reply.redirect(`/dang-nhap?next=${encodeURIComponent(`/ca-nhan/kho-giay-to/${id}`)}`, 303);
    const { paper, data } = await docstore.download({ citizenId: c.id, phone: c.phone }, id);
    return reply.type(paper.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(paper.fileName)}`).header('cache-control', 'private, no-store').send(data);
  });

  app.get(
    '/api/me/papers',
    {
      schema: {
        tags: ['Người dân'],
        summary: 'Kho giấy tờ của người dân đã đăng nhập (kết quả đã cấp, giấy tờ đã được kiểm tra)',
        operationId: 'listMyPapers',
        security: security.citizen,
        description: 'Mỗi giấy tờ có "id": gửi trong "storedPapers" của POST /api/dossiers ({"<mã thành phần>": "<id>"}) để dùng lại thay vì tải lên.',
        response: { 200: json(z.object({ papers: z.array(paperJson) }), 'Giấy tờ trong kho, mới nhất trước'), ...errors(403) },
      },
    },
    async (req) => {
      const p = req.principal;
      if (!p) throw new UnauthorizedError('Cần đăng nhập bằng số điện thoại.');
      if (p.kind !== 'citizen') throw new ForbiddenError('Chỉ người dân đăng nhập bằng số điện thoại có kho giấy tờ.', 'citizen_only');
      const papers = await docstore.papersOf({ citizenId: p.citizen.id, phone: p.citizen.phone });
      return { papers: papers.map((x) => ({ id: x.id, source: x.source, title: x.title, detail: x.detail, fileName: x.fileName, mime: x.mime, size: x.size, at: x.at, procedureCode: x.procedureCode, component: x.component, fileUrl: `/ca-nhan/kho-giay-to/${x.id}`, verifyUrl: x.verifyUrl })) };
    },
  );

  // ------------------------------------------------------------------ officials: checked (digitised) marks
  const checkPage = async (req: Parameters<typeof pageStaff>[0], reply: Parameters<typeof pageStaff>[1], code: string, o: { message?: string; error?: string; status?: number } = {}) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const d = await dossiers.getForActor(code, staffActor(staff));
    const v = await dossiers.view(d);
    const procedure = await deps.catalog.findProcedure(d.procedureCode);
    const names = new Map((procedure ? componentsOf(procedure) : []).flatMap((g) => g.components.map((c) => [c.id, c.name] as const)));
    const papers = v.files.filter((f) => f.component !== 'ket-qua');
    const checks = await docstore.checksOf(d, papers);
    return html(
      reply,
      CheckPage({
        ...staffNav(req, staff, (await deps.units.get(staff.unitCode)).name),
        code,
        procedureName: v.procedureName,
        applicant: d.applicant.fullName,
        files: papers.map((f) => ({ id: f.id, name: f.name, componentName: names.get(f.component) ?? (f.component === 'khac' ? 'Giấy tờ khác' : f.component), size: f.size, check: checks.get(f.id) })),
        canChange: can(staff, 'change') && staff.unitCode === d.unitCode,
        message: o.message,
        error: o.error,
      }),
      o.status ?? 200,
    );
  };

  app.get('/can-bo/ho-so/:code/so-hoa', async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const da = (req.query as Record<string, unknown>).da;
    return checkPage(req, reply, code, { message: da === '1' ? 'Đã đánh dấu giấy tờ đã kiểm tra, số hóa: giấy tờ đã vào kho của người dân.' : da === '0' ? 'Đã bỏ đánh dấu.' : undefined });
  });

  app.post('/can-bo/ho-so/:code/so-hoa', async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    // The dossier first: another unit's official learns nothing, not even that the form was wrong.
    const d = await dossiers.getForActor(code, staffActor(staff));
    const { file, checked } = parseInput(z.object({ file: ID, checked: z.enum(['0', '1']) }), b);
    try {
      if (!(await dossiers.view(d)).files.some((f) => f.id === file)) throw new ForbiddenError('Tệp không thuộc hồ sơ này.', 'file_not_in_dossier');
      await docstore.setChecked({ id: staff.id, name: staff.fullName, unitCode: staff.unitCode, role: staff.role }, file, checked === '1');
      return reply.redirect(`/can-bo/ho-so/${code}/so-hoa?da=${checked}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return checkPage(req, reply, code, { error: e.message, status: e instanceof ForbiddenError ? 403 : 422 });
    }
  });
}
