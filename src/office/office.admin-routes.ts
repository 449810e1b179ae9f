import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import type { UnitService } from '../unit';
import { html, parseInput } from '../shared/http';
import { rolesWith } from '../shared/staff-menu';
import { pageStaff, staffFormPost } from '../staff/staff.guard';
import { OfficeFormPage, OFFICES_PATH, OfficesPage, type Problems } from './office.admin-views';
import type { OfficeActor, OfficeService } from './office.service';
import { WEEKDAYS, type OfficeInput } from './office.types';

export interface OfficeAdminDeps {
  offices: OfficeService;
  units: UnitService;
  /** The unit's catalogue (the override's list of procedures). */
  procedures(unitCode: string): Promise<Array<{ code: string; name: string }>>;
}

const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã nơi tiếp nhận không hợp lệ');
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const all = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
const actorOf = (s: Staff): OfficeActor => ({ id: s.id, name: s.fullName, unitCode: s.unitCode });

const DONE: Record<string, string> = {
  them: 'Đã thêm nơi tiếp nhận.',
  luu: 'Đã lưu nơi tiếp nhận.',
  xoa: 'Đã xóa nơi tiếp nhận; các thủ tục từng nộp ở đó được chọn lại tự động.',
  'co-quan': 'Đã lưu nơi tiếp nhận theo cơ quan thực hiện.',
  'thu-tuc': 'Đã lưu nơi tiếp nhận riêng của thủ tục.',
};

function inputOf(b: Record<string, unknown>): OfficeInput {
  return {
    name: one(b.name),
    kind: one(b.kind),
    address: one(b.address),
    phone: one(b.phone),
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, one(b[`hours.${d}`])])),
    notes: one(b.notes),
    mapUrl: one(b.mapUrl),
    sort: one(b.sort),
  };
}

/** The unit admin's pages: the offices (list, add, edit, remove) and which office receives what. */
export async function officeAdminRoutes(app: FastifyInstance, deps: OfficeAdminDeps): Promise<void> {
  const { offices } = deps;
  const ADMIN = rolesWith('admin');
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await deps.units.get(staff.unitCode), current: req.url });

  const listPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { message?: string; errors?: Problems } = {}, status = 200) => {
    const unit = staff.unitCode;
    const [list, agencies, overrides, procedures] = await Promise.all([offices.list(unit), offices.agencies(unit), offices.overrides(unit), deps.procedures(unit)]);
    const nameOf = new Map(procedures.map((p) => [p.code, p.name]));
    return html(
      reply,
      OfficesPage({ ...(await nav(req, staff)), offices: list, agencies, overrides: overrides.map((o) => ({ ...o, name: nameOf.get(o.code) ?? o.code })), procedures, ...extra }),
      status,
    );
  };

  app.get(OFFICES_PATH, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    return listPage(req, reply, staff, { message: DONE[one((req.query as Record<string, unknown>).da)] });
  });

  app.get(`${OFFICES_PATH}/moi`, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    return html(reply, OfficeFormPage({ ...(await nav(req, staff)) }));
  });

  app.get(`${OFFICES_PATH}/:id`, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    return html(reply, OfficeFormPage({ ...(await nav(req, staff)), office: await offices.get(staff.unitCode, id) }));
  });

  /** A form post: the change, then back to the list; bad input → the form again with its problems (422). */
  const formPost = (path: string, run: (staff: Staff, b: Record<string, unknown>, params: Record<string, string>) => Promise<unknown>, done: string, onInvalid: 'form' | 'list') =>
    staffFormPost(app, path, ADMIN, {
      run: async (staff, b, params) => {
        await run(staff, b, params);
        return `${OFFICES_PATH}?da=${done}`;
      },
      refused: async (req, reply, staff, b, params, e) => {
        if (onInvalid === 'list') return listPage(req, reply, staff, { errors: e.fields }, 422);
        const office = params.id ? await offices.get(staff.unitCode, params.id) : undefined;
        const values = Object.fromEntries(Object.entries(b).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, one(v)]));
        return html(reply, OfficeFormPage({ ...(await nav(req, staff)), office, values, errors: e.fields }), 422);
      },
    });

  formPost(OFFICES_PATH, (s, b) => offices.create(actorOf(s), inputOf(b)), 'them', 'form');
  formPost(`${OFFICES_PATH}/co-quan`, (s, b) => {
    const keys = all(b.key);
    const chosen = all(b.office);
    return offices.saveAgencyMappings(actorOf(s), keys.map((key, i) => ({ key, officeId: chosen[i] ?? '' })));
  }, 'co-quan', 'list');
  formPost(`${OFFICES_PATH}/thu-tuc`, (s, b) => offices.setProcedureOffice(actorOf(s), one(b.procedure), one(b.office)), 'thu-tuc', 'list');
  formPost(`${OFFICES_PATH}/:id`, async (s, b, p) => {
    const { id } = parseInput(z.object({ id: ID }), p);
    return offices.update(actorOf(s), id, inputOf(b));
  }, 'luu', 'form');
  formPost(`${OFFICES_PATH}/:id/xoa`, async (s, _b, p) => {
    const { id } = parseInput(z.object({ id: ID }), p);
    return offices.remove(actorOf(s), id);
  }, 'xoa', 'list');
}
