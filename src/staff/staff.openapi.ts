/**
 * The documentation of the staff and unit-administration API (/docs): what each operation
 * takes and answers. Spread into the routes' `schema:` (see src/shared/openapi.ts).
 */
import { z } from 'zod';
import { body, errors, json, security } from '../shared/openapi';
import { DEFAULT_STEPS } from '../workflow';

const at = z.string().describe('Thời điểm (ISO 8601, UTC)');
const time = z.object({ value: z.number(), unit: z.enum(['working_days', 'days', 'hours']) });

const staffJson = z.object({
  username: z.string(),
  fullName: z.string(),
  unit: z.string(),
  role: z.string(),
  fields: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  oidcSubject: z.string().nullable(),
});
const staffWithPassword = z.object({ staff: staffJson, temporaryPassword: z.string().describe('Mật khẩu tạm thời, chỉ hiện một lần') });

const staffInput = z.object({
  username: z.string(),
  fullName: z.string(),
  role: z.enum(['receptionist', 'specialist', 'leader', 'admin', 'supervisor', 'health_station']),
  fields: z.array(z.string()).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  oidcSubject: z.string().nullable().optional(),
  active: z.boolean().optional(),
});

const steps = z.array(z.object({ kind: z.string(), name: z.string(), role: z.string(), share: z.number() }));

export const staffDocs = {
  changeOwnPassword: {
    operationId: 'changeOwnPassword',
    security: security.staff,
    body: body({ json: z.object({ current: z.string(), password: z.string() }).meta({ examples: [{ current: 'demo', password: 'Mat-khau-moi-2026' }] }) }),
    response: { 200: json(z.object({ ok: z.literal(true) }), 'Đã đổi mật khẩu'), ...errors(400, 403, 422) },
  },
  listStaff: {
    operationId: 'listStaff',
    security: security.staff,
    response: { 200: json(z.object({ items: z.array(staffJson) }), 'Cán bộ của đơn vị'), ...errors(403) },
  },
  createStaff: {
    operationId: 'createStaff',
    security: security.staff,
    body: body({ json: staffInput.meta({ examples: [{ username: 'chuyenvien3', fullName: 'Lê Thị Hoa', role: 'specialist', fields: ['Hộ tịch'] }] }) }),
    response: { 201: json(staffWithPassword, 'Tài khoản đã tạo'), ...errors(400, 403, 409, 422) },
  },
  updateStaff: {
    operationId: 'updateStaff',
    security: security.staff,
    body: body({ json: staffInput.omit({ username: true }).meta({ examples: [{ fullName: 'Trần Văn Nam', role: 'specialist', fields: ['Đất đai', 'Xây dựng'], active: true }] }) }),
    response: { 200: json(z.object({ staff: staffJson }), 'Tài khoản sau khi sửa'), ...errors(400, 403, 404, 409, 422) },
  },
  resetStaffPassword: {
    operationId: 'resetStaffPassword',
    security: security.staff,
    response: { 200: json(staffWithPassword, 'Mật khẩu tạm thời mới'), ...errors(400, 403, 404) },
  },
  getUnitCatalog: {
    operationId: 'getUnitCatalog',
    security: security.staff,
    response: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              procedureCode: z.string(),
              commitment: time.nullable(),
              note: z.string(),
              essential: z.boolean(),
              sort: z.number(),
              local: z.record(z.string(), z.unknown()).describe('Phí, biểu mẫu, biểu mẫu điện tử riêng của đơn vị'),
            }),
          ),
        }),
        'Danh mục thủ tục của đơn vị',
      ),
      ...errors(403),
    },
  },
  replaceUnitCatalog: {
    operationId: 'replaceUnitCatalog',
    security: security.staff,
    response: { 200: json(z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int() }), 'Số thủ tục thêm, sửa, bỏ'), ...errors(400, 403, 422) },
  },
  listCatalogVersions: {
    operationId: 'listCatalogVersions',
    security: security.staff,
    response: { 200: json(z.object({ items: z.array(z.looseObject({ id: z.string() })) }), 'Các phiên bản trước, mới nhất trước'), ...errors(403) },
  },
  restoreCatalogVersion: {
    operationId: 'restoreCatalogVersion',
    security: security.staff,
    response: { 200: json(z.looseObject({}), 'Danh mục sau khi khôi phục'), ...errors(400, 403, 404, 409, 422) },
  },
  saveLocalProcedure: {
    operationId: 'saveLocalProcedure',
    security: security.staff,
    response: { 200: json(z.object({ local: z.record(z.string(), z.unknown()) }), 'Thiết lập riêng đã lưu'), ...errors(400, 403, 404, 422) },
  },
  getCatalogHistory: {
    operationId: 'getCatalogHistory',
    security: security.staff,
    response: {
      200: json(
        z.object({
          items: z.array(
            z.object({ id: z.string(), unitCode: z.string(), procedureCode: z.string(), kind: z.enum(['added', 'removed', 'updated']), before: z.unknown(), after: z.unknown(), actorName: z.string(), at }),
          ),
        }),
        'Các thay đổi, mới nhất trước',
      ),
      ...errors(400, 403),
    },
  },
  getProcess: {
    operationId: 'getProcess',
    security: security.staff,
    response: {
      200: json(
        z.object({
          procedureCode: z.string(),
          version: z.number().int().nullable().describe('null: chưa lưu quy trình, đang dùng quy trình mặc định'),
          steps,
          versions: z.array(z.object({ version: z.number().int(), createdAt: at, createdBy: z.string().nullable(), note: z.string(), steps })),
        }),
        'Quy trình hiện hành và các phiên bản',
      ),
      ...errors(400, 403, 404),
    },
  },
  saveProcess: {
    operationId: 'saveProcess',
    security: security.staff,
    response: { 200: json(z.object({ procedureCode: z.string(), version: z.number().int(), steps }), 'Phiên bản mới'), ...errors(400, 403, 404, 422) },
  },
  listAudit: {
    operationId: 'listAudit',
    security: security.staff,
    response: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              seq: z.number().int(),
              id: z.string(),
              at,
              actorKind: z.string(),
              actorId: z.string().nullable(),
              actorName: z.string(),
              unitCode: z.string().nullable(),
              action: z.string(),
              targetKind: z.string(),
              targetId: z.string(),
              data: z.record(z.string(), z.unknown()),
              hash: z.string(),
            }),
          ),
        }),
        'Các dòng nhật ký (chuỗi băm)',
      ),
      ...errors(400, 403),
    },
  },
};

/** Examples for the bodies whose validators live in the routes. */
export const staffExamples = {
  selection: { rows: [{ procedureCode: '1.001193', commitment: { value: 2, unit: 'working_days' }, essential: true }] },
  local: { feeNote: 'Miễn lệ phí cho người thuộc hộ nghèo.' },
  process: { steps: DEFAULT_STEPS, note: 'Quy trình của đơn vị' },
};
