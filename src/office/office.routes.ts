import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { docSchema, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import type { UnitService } from '../unit';
import { officeJson, officesJson, procedureOfficeJson } from './office.openapi';
import { factOf, type DayOpening, type OfficeService } from './office.service';
import { OFFICE_KIND_LABEL, type Office } from './office.types';

export interface OfficeRoutesDeps {
  offices: OfficeService;
  units: UnitService;
  /** A procedure of the unit's catalogue with its implementing agency (NotFoundError when the unit does not offer it). */
  procedure(unitCode: string, code: string): Promise<{ code: string; agency: string }>;
}

const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const CODE = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');

function officeToJson(o: Office, today: DayOpening): z.infer<typeof officeJson> {
  const f = factOf(o);
  return { id: o.id, name: o.name, kind: o.kind, kindLabel: OFFICE_KIND_LABEL[o.kind], address: o.address, phone: f.phone, hours: o.week, hoursText: f.hoursText, today: { date: today.date, sessions: today.sessions, note: today.note }, notes: o.notes, mapUrl: o.mapUrl };
}

/** The public JSON of a unit's offices, and where one procedure is handed in. */
export async function officeRoutes(app: FastifyInstance, deps: OfficeRoutesDeps): Promise<void> {
  const { offices, units } = deps;

  app.get(
    '/api/units/:unit/offices',
    {
      schema: {
        tags: ['Đơn vị'],
        summary: 'Các nơi tiếp nhận hồ sơ của đơn vị: địa chỉ, điện thoại, giờ làm việc từng ngày (cả Thứ Bảy)',
        description: 'Bộ phận một cửa, công an, trạm y tế… do quản trị đơn vị khai báo; `today` là giờ làm việc hôm nay theo lịch của đơn vị (ngày lễ, Tết thì nghỉ).',
        operationId: 'listUnitOffices',
        security: security.public,
        params: docSchema(z.object({ unit: UNIT })),
        response: { 200: json(officesJson, 'Các nơi tiếp nhận theo thứ tự hiển thị ([] khi đơn vị chưa khai báo)'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
      await units.get(unit);
      return { unit, items: (await offices.withToday(unit)).map((x) => officeToJson(x.office, x.today)) };
    },
  );

  app.get(
    '/api/units/:unit/procedures/:code/office',
    {
      schema: {
        tags: ['Đơn vị'],
        summary: 'Nơi nộp hồ sơ của một thủ tục tại đơn vị',
        description: 'Theo thứ tự: nơi đơn vị chọn riêng cho thủ tục, nơi đơn vị chọn cho cơ quan thực hiện, rồi tự động theo tên cơ quan (Công an → công an phường/xã, Ủy ban nhân dân → bộ phận một cửa, y tế → trạm y tế).',
        operationId: 'getProcedureOffice',
        security: security.public,
        params: docSchema(z.object({ unit: UNIT, code: CODE })),
        response: { 200: json(procedureOfficeJson, 'Nơi nộp (office null khi đơn vị chưa khai báo nơi tiếp nhận nào)'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { unit, code } = parseInput(z.object({ unit: UNIT, code: CODE }), req.params);
      const u = await units.get(unit);
      const p = await deps.procedure(unit, code);
      const place = await offices.placeOf(unit, p);
      if (!place) return { unit, procedure: code, agency: p.agency, source: null, office: null, sentence: `Nộp tại ${u.address || u.name}.` };
      const o = await offices.get(unit, place.fact.id);
      return { unit, procedure: code, agency: p.agency, source: place.source, office: officeToJson(o, place.today), sentence: place.fact.sentence };
    },
  );
}
