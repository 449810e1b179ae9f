import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { html, parseInput } from '../shared/http';
import { staffNav } from '../shared/staff-layout';
import { rolesWith } from '../shared/staff-menu';
import { pageStaff, staffFormPost } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import type { GroupAdminActor, GroupInput, LinkedGroupAdmin } from './linked.admin';
import { GroupFormPage, GroupsAdminPage, GROUPS_PATH } from './linked.admin-views';
import { GROUP_CODE_RE } from './linked.types';

export interface GroupAdminRoutesDeps {
  groups: LinkedGroupAdmin;
  units: UnitService;
}

const GROUP = z.string().regex(GROUP_CODE_RE, 'Mã nhóm liên thông có dạng LT-KS');
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const actorOf = (s: Staff): GroupAdminActor => ({ id: s.id, name: s.fullName, unitCode: s.unitCode });

const DONE: Record<string, string> = {
  them: 'Đã thêm nhóm liên thông; nhóm đã có trong danh mục của đơn vị.',
  luu: 'Đã lưu nhóm liên thông.',
  bat: 'Đã bật nhóm: người dân lại thấy và nộp được.',
  tat: 'Đã tắt nhóm: người dân không còn thấy trong danh mục; hồ sơ đã nộp vẫn được giải quyết.',
};

/** The posted form: blank member rows (no procedure code) left out. */
function inputOf(b: Record<string, unknown>): GroupInput {
  const members = [];
  for (let i = 0; i < 10; i++) {
    const procedureCode = one(b[`m${i}.procedure`]).trim();
    if (!procedureCode) continue;
    members.push({ procedureCode, agency: one(b[`m${i}.agency`]), role: one(b[`m${i}.role`]), agencyName: one(b[`m${i}.agencyName`]), email: one(b[`m${i}.email`]) });
  }
  return { code: one(b.code), name: one(b.name), summary: one(b.summary), legalBasis: one(b.legalBasis), members };
}

/**
 * The unit admin's pages of linked procedure groups: the list, a new group, one group to edit, and
 * switching a group on or off. Admins only; a group of another unit is not found.
 */
export async function linkedAdminRoutes(app: FastifyInstance, deps: GroupAdminRoutesDeps): Promise<void> {
  const { groups } = deps;
  const ADMIN = rolesWith('admin');
  const nav = async (req: FastifyRequest, staff: Staff) => staffNav(req, staff, (await deps.units.get(staff.unitCode)).name);

  const formPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, values: GroupInput, o: { editing?: { code: string; enabled: boolean }; errors?: Array<{ field: string; message: string }> } = {}, status = 200) =>
    html(reply, GroupFormPage({ ...(await nav(req, staff)), values, procedures: await groups.procedures(staff.unitCode), ...o }), status);

  app.get(GROUPS_PATH, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    return html(reply, GroupsAdminPage({ ...(await nav(req, staff)), groups: await groups.list(staff.unitCode), message: DONE[one((req.query as Record<string, unknown>).da)] }));
  });

  app.get(`${GROUPS_PATH}/moi`, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    return formPage(req, reply, staff, { code: 'LT-', name: '', summary: '', legalBasis: '', members: [] });
  });

  app.get(`${GROUPS_PATH}/:group`, async (req, reply) => {
    const staff = pageStaff(req, reply, ADMIN);
    if (!staff) return reply;
    const { group } = parseInput(z.object({ group: GROUP }), req.params);
    const g = await groups.get(staff.unitCode, group);
    return formPage(req, reply, staff, await groups.formOf(staff.unitCode, group), { editing: { code: g.code, enabled: g.enabled } });
  });

  /** A form post: the change, then back to the list; bad input → the form again with every problem (422). */
  const post = (path: string, run: (staff: Staff, b: Record<string, unknown>, params: Record<string, string>) => Promise<string>) =>
    staffFormPost(app, path, ADMIN, {
      run: async (staff, b, params) => `${GROUPS_PATH}?da=${await run(staff, b, params)}`,
      // Malformed input no field of the form shows (a forged group code) is answered as an error.
      shown: (e) => e.code !== 'invalid_input',
      refused: async (req, reply, staff, b, params, e) => {
        const editing = params.group ? await groups.get(staff.unitCode, params.group) : undefined;
        return formPage(req, reply, staff, inputOf(b), { editing: editing && { code: editing.code, enabled: editing.enabled }, errors: e.fields }, 422);
      },
    });

  post(GROUPS_PATH, async (s, b) => {
    await groups.create(actorOf(s), inputOf(b));
    return 'them';
  });
  post(`${GROUPS_PATH}/:group`, async (s, b, p) => {
    const { group } = parseInput(z.object({ group: GROUP }), p);
    await groups.update(actorOf(s), group, inputOf(b));
    return 'luu';
  });
  post(`${GROUPS_PATH}/:group/trang-thai`, async (s, b, p) => {
    const { group } = parseInput(z.object({ group: GROUP }), p);
    const enabled = one(b.enabled) === '1';
    await groups.setEnabled(actorOf(s), group, enabled);
    return enabled ? 'bat' : 'tat';
  });
}
