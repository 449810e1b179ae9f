import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { BadRequestError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { readMultipart } from '../shared/uploads';
import { pageStaff } from '../staff/staff.guard';
import type { Unit } from '../unit';
import { ExcelUploadError, type ReportExcel } from './excel.service';
import { ExcelPage } from './excel.views';
import type { ReportService } from './report.service';
import type { DataSet, ReportActor } from './report.types';

export interface ExcelRoutesDeps {
  excel: ReportExcel;
  reports: Pick<ReportService, 'dataSetsFor' | 'dataSet' | 'currentPeriod'>;
  units: { get(code: string): Promise<Unit>; descendants(code: string): Promise<Unit[]> };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const query = z.object({
  bo: z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'Mã báo cáo không hợp lệ').optional(),
  ky: z.string().trim().max(20, 'Kỳ báo cáo không hợp lệ').optional(),
  'don-vi': z.string().trim().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số').optional(),
});

const actorOf = (s: Staff): ReportActor => ({ id: s.id, name: s.fullName, unitCode: s.unitCode, role: s.role });

/** `/can-bo/bao-cao/excel`: the Excel form to download, and the filled one to upload. */
export async function excelRoutes(app: FastifyInstance, deps: ExcelRoutesDeps): Promise<void> {
  const { excel, reports } = deps;

  async function page(req: FastifyRequest, reply: FastifyReply, staff: Staff, q: z.infer<typeof query>, extra: { result?: Parameters<typeof ExcelPage>[0]['result']; errors?: string[] } = {}, status = 200) {
    const mine = await reports.dataSetsFor(actorOf(staff));
    const list = [...new Map([...mine.enter, ...mine.supervise].filter((d) => !d.closed).map((d) => [d.code, d] as [string, DataSet])).values()];
    const ds = list.find((d) => d.code === q.bo) ?? list[0];
    const own = await deps.units.get(staff.unitCode);
    const units = [own, ...(await deps.units.descendants(own.code))].map((u) => ({ code: u.code, name: u.name }));
    return html(
      reply,
      ExcelPage({ ...staffNav(req, staff, own.name), dataSets: list, dataSet: ds?.code, period: q.ky ?? (ds ? (reports.currentPeriod(ds) ?? '') : ''), unitCode: q['don-vi'] ?? staff.unitCode, units, ...extra }),
      status,
    );
  }

  app.get('/can-bo/bao-cao/excel', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    return page(req, reply, staff, parseInput(query, req.query));
  });

  app.get('/can-bo/bao-cao/excel/tai-ve', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const q = parseInput(query, req.query, 'Tham số tải biểu mẫu không hợp lệ.');
    if (!q.bo || !q.ky) throw new BadRequestError('invalid_input', 'Chọn báo cáo và kỳ báo cáo.');
    const { file, name } = await excel.download(actorOf(staff), { dataSet: q.bo, period: q.ky, unitCode: q['don-vi'] ?? staff.unitCode });
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(file);
  });

  app.post('/can-bo/bao-cao/excel', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const mp = await readMultipart(req, { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024, maxFiles: 1 });
    checkCsrf(req, mp.fields._csrf);
    const q = parseInput(query, { bo: mp.fields.bo }, 'Chọn báo cáo.');
    const f = mp.files[0];
    if (!q.bo) throw new BadRequestError('invalid_input', 'Chọn báo cáo.');
    if (!f) return page(req, reply, staff, q, { errors: ['Chọn tệp Excel (.xlsx) đã điền.'] }, 422);
    try {
      const result = await excel.upload(actorOf(staff), q.bo, await f.read());
      return page(req, reply, staff, q, { result });
    } catch (e) {
      if (e instanceof ExcelUploadError) return page(req, reply, staff, q, { errors: e.fields.map((x) => x.message) }, 422);
      throw e;
    }
  });
}
