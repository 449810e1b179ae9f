import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService, Staff } from '../account';
import type { AuditService } from '../audit';
import { CHANNEL_KINDS, FEE_BASES, mainChannel, type CatalogService, type ChannelKind, type Fee, type ProcessingTime, type TimeUnit } from '../catalog';
import type { OidcConfig } from '../config';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import type { DossierService } from '../dossier';
import { FIELD_TYPES, type EForm } from '../eform';
import { ConflictError, DomainError, ValidationError } from '../shared/errors';
import { formatTime } from '../shared/format';
import { html, parseInput } from '../shared/http';
import { body } from '../shared/openapi';
import { staffDocs, staffExamples } from './staff.openapi';
import { safeNext } from '../shared/redirect';
import { clientKey } from '../shared/client-key';
import { RateLimiter, type Budget, type RateLimitStore } from '../shared/rate-limit';
import { checkApiCsrf, checkCsrf, sessionToken } from '../shared/session';
import type { UnitService } from '../unit';
import type { WorkflowService } from '../workflow';
import { apiStaff, pageStaff } from './staff.guard';
import { OidcSignIn } from './staff.oidc';
import { StaffAdmin } from './staff.service';
import {
  AdminHomePage,
  CatalogAdminPage,
  CatalogLocalPage,
  PasswordPage,
  ProcessEditPage,
  ProcessListPage,
  StaffEditPage,
  StaffListPage,
  type CatalogRow,
} from './staff.views';
import { CatalogHistoryPage, type RemovalConfirmation } from './catalog-admin.views';
import { AuditPage } from './audit.views';

export interface StaffRoutesDeps {
  accounts: AccountService;
  audit: AuditService;
  catalog: CatalogService;
  units: UnitService;
  workflow: WorkflowService;
  dossiers: DossierService;
  oidc: OidcConfig | undefined;
  publicUrl: string;
  rateLimit: boolean;
  /** Where budgets are counted (shared by every process on one PostgreSQL); undefined: this process's memory. */
  limits?: RateLimitStore;
  db: Db;
  clock: Clock;
}

/**
 * e-ID sign-ins from one address (an office of many officials may share one). Each start keeps a
 * pending sign-in row for ten minutes, so starts have a limit of their own, generous for an
 * office; the callback counts only failures (a bad, expired or replayed state, a refused token,
 * an identity no account is linked to), given back when the official is signed in — like the
 * password sign-in's budget (STAFF_SIGN_IN_FAILURES).
 */
export const OIDC_STARTS: Budget = { max: 120, windowMs: 5 * 60_000 };
export const OIDC_CALLBACK_FAILURES: Budget = { max: 20, windowMs: 5 * 60_000 };

type Body = Record<string, unknown>;
const str = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const list = (b: Body, k: string): string[] => {
  const v = b[k];
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
};
const errorsOf = (e: unknown) => (e instanceof ValidationError ? e.fields.map((f) => ({ field: f.field, message: f.message })) : e instanceof DomainError ? [{ field: '', message: e.message }] : undefined);

const staffBody = z.object({
  username: z.string({ message: 'Cần tên đăng nhập' }),
  fullName: z.string({ message: 'Cần họ và tên' }),
  role: z.string({ message: 'Cần vai trò' }),
  fields: z.array(z.string()).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  oidcSubject: z.string().nullable().optional(),
  active: z.boolean().optional(),
});

/** A staff form (urlencoded) → the admin's input. */
function staffForm(b: Body) {
  return {
    username: str(b, 'username'),
    fullName: str(b, 'fullName'),
    role: str(b, 'role') as Staff['role'],
    fields: str(b, 'fields')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    phone: str(b, 'phone'),
    email: str(b, 'email'),
    oidcSubject: str(b, 'oidcSubject') || null,
  };
}

/** The e-form table of the catalogue page → an e-form (validated by the service). */
function eformFromForm(b: Body): EForm | null {
  if (str(b, 'eformOwn') !== '1') return null;
  const n = Math.min(200, Number(str(b, 'efCount')) || 0);
  const sections: Array<{ title: string; fields: Array<Record<string, unknown>> }> = [];
  for (let i = 0; i < n; i++) {
    const label = str(b, `ef.${i}.label`).trim();
    if (!label) continue;
    const type = str(b, `ef.${i}.type`) || 'text';
    const options = str(b, `ef.${i}.options`)
      .split(';')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => {
        const [value, ...rest] = o.split('=');
        return { value: (value ?? '').trim(), label: rest.join('=').trim() || (value ?? '').trim() };
      });
    const section = str(b, `ef.${i}.section`).trim() || 'Nội dung tờ khai';
    let s = sections.find((x) => x.title === section);
    if (!s) sections.push((s = { title: section, fields: [] }));
    s.fields.push({
      id: str(b, `ef.${i}.id`).trim(),
      label,
      type: (FIELD_TYPES as readonly string[]).includes(type) ? type : 'text',
      required: str(b, `ef.${i}.required`) === '1',
      ...(options.length ? { options } : {}),
      ...(str(b, `ef.${i}.help`).trim() ? { help: str(b, `ef.${i}.help`).trim() } : {}),
    });
  }
  return { title: str(b, 'eformTitle').trim(), sections } as unknown as EForm;
}

export async function staffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): Promise<void> {
  const { accounts, audit, catalog, units, workflow, dossiers } = deps;
  const admin = new StaffAdmin(accounts, audit, catalog, units, workflow);
  const nav = async (req: FastifyRequest, staff: Staff) => ({ csrf: req.csrfToken, staff, unit: await units.get(staff.unitCode) });
  const adminOnly = (req: FastifyRequest, reply: FastifyReply) => pageStaff(req, reply, ['admin']);

  // ------------------------------------------------------------------ own password

  app.get('/can-bo/mat-khau', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    return html(reply, PasswordPage({ ...(await nav(req, staff)), forced: !!staff.mustChangePassword }));
  });
  app.post('/can-bo/mat-khau', async (req, reply) => {
    const staff = pageStaff(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    try {
      await admin.changeOwnPassword(staff, str(b, 'current'), str(b, 'password'), sessionToken(req));
      return reply.redirect('/can-bo', 303);
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return html(reply, PasswordPage({ ...(await nav(req, staff)), forced: !!staff.mustChangePassword, errors }), 422);
    }
  });
  app.post('/api/auth/password', { schema: { tags: ['Cán bộ'], summary: 'Cán bộ đổi mật khẩu của mình', ...staffDocs.changeOwnPassword } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req);
    const b = parseInput(z.object({ current: z.string().max(200), password: z.string().max(200) }), req.body ?? {});
    await admin.changeOwnPassword(staff, b.current, b.password, sessionToken(req));
    return { ok: true };
  });

  // ------------------------------------------------------------------ OpenID Connect

  if (deps.oidc) {
    const oidc = new OidcSignIn(deps.oidc, deps.db, deps.clock);
    const startLimit = deps.rateLimit ? { config: { rateLimit: { max: OIDC_STARTS.max, timeWindow: OIDC_STARTS.windowMs } } } : {};
    const callbackLimiter = deps.rateLimit ? new RateLimiter(deps.limits) : undefined;
    app.get('/can-bo/dang-nhap/oidc', startLimit, async (req, reply) => {
      const { next } = parseInput(z.object({ next: z.string().max(300).optional() }), req.query);
      const safe = safeNext(next, '/can-bo');
      return reply.redirect((await oidc.start(safe)).toString(), 303);
    });
    app.get('/can-bo/dang-nhap/oidc/callback', async (req, reply) => {
      const signIn = async () => {
        const { subject, next } = await oidc.finish(new URL(req.url, deps.oidc!.redirectUri));
        return { next, ...(await accounts.signInStaffByOidc(subject)) };
      };
      const { staff, session, next } = callbackLimiter ? await callbackLimiter.failuresOnly(`signin:staff-oidc:${clientKey(req.ip)}`, OIDC_CALLBACK_FAILURES, signIn) : await signIn();
      reply.startSession(session);
      await audit.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'auth.sign_in', targetKind: 'staff', targetId: staff.username, data: { via: 'oidc', issuer: deps.oidc!.issuer } });
      return reply.redirect(next, 303);
    });
  }

  // ------------------------------------------------------------------ staff administration

  app.get('/can-bo/quan-tri', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return html(reply, AdminHomePage({ ...(await nav(req, staff)) }));
  });

  const staffList = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: Partial<Parameters<typeof StaffListPage>[0]> = {}, status = 200) =>
    html(reply, StaffListPage({ ...(await nav(req, staff)), list: await admin.list(staff), allowSupervisor: await admin.mayCreateSupervisor(staff), ...extra }), status);

  app.get('/can-bo/quan-tri/can-bo', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return staffList(req, reply, staff);
  });
  app.post('/can-bo/quan-tri/can-bo', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    const input = staffForm(b);
    try {
      const r = await admin.create(staff, input);
      return staffList(req, reply, staff, { created: { username: r.staff.username, password: r.temporaryPassword } }, 201);
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return staffList(req, reply, staff, { errors, values: { ...input, fields: input.fields.join(', '), oidcSubject: input.oidcSubject ?? '' } }, 422);
    }
  });
  app.get('/can-bo/quan-tri/can-bo/:username', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const { username } = parseInput(z.object({ username: z.string().max(60) }), req.params);
    return html(reply, StaffEditPage({ ...(await nav(req, staff)), target: await admin.get(staff, username), allowSupervisor: await admin.mayCreateSupervisor(staff) }));
  });
  app.post('/can-bo/quan-tri/can-bo/:username', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const { username } = parseInput(z.object({ username: z.string().max(60) }), req.params);
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    const target = await admin.get(staff, username);
    try {
      const { username: _u, ...input } = staffForm(b);
      const s = await admin.update(staff, username, { ...input, active: str(b, 'active') === '1' });
      return html(reply, StaffEditPage({ ...(await nav(req, staff)), target: s, allowSupervisor: await admin.mayCreateSupervisor(staff), message: 'Đã lưu.' }));
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return html(reply, StaffEditPage({ ...(await nav(req, staff)), target, allowSupervisor: await admin.mayCreateSupervisor(staff), errors }), 422);
    }
  });
  app.post('/can-bo/quan-tri/can-bo/:username/dat-lai-mat-khau', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const { username } = parseInput(z.object({ username: z.string().max(60) }), req.params);
    checkCsrf(req, ((req.body ?? {}) as Body)._csrf);
    const r = await admin.resetPassword(staff, username);
    return html(reply, StaffEditPage({ ...(await nav(req, staff)), target: r.staff, allowSupervisor: await admin.mayCreateSupervisor(staff), password: r.temporaryPassword }));
  });

  const staffJson = (s: Staff) => ({ username: s.username, fullName: s.fullName, unit: s.unitCode, role: s.role, fields: s.fields, phone: s.phone ?? '', email: s.email ?? '', active: s.active !== false, mustChangePassword: !!s.mustChangePassword, oidcSubject: s.oidcSubject ?? null });
  app.get('/api/admin/staff', { schema: { tags: ['Quản trị'], summary: 'Cán bộ của đơn vị (quản trị đơn vị)', ...staffDocs.listStaff } }, async (req) => {
    const { staff } = apiStaff(req, ['admin']);
    return { items: (await admin.list(staff)).map(staffJson) };
  });
  app.post('/api/admin/staff', { schema: { tags: ['Quản trị'], summary: 'Tạo tài khoản cán bộ; trả về mật khẩu tạm thời (một lần)', ...staffDocs.createStaff } }, async (req, reply) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const b = parseInput(staffBody, req.body ?? {});
    const r = await admin.create(staff, { ...b, role: b.role as Staff['role'] });
    return reply.status(201).send({ staff: staffJson(r.staff), temporaryPassword: r.temporaryPassword });
  });
  app.patch('/api/admin/staff/:username', { schema: { tags: ['Quản trị'], summary: 'Sửa, khóa hoặc mở khóa tài khoản cán bộ', ...staffDocs.updateStaff } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const { username } = parseInput(z.object({ username: z.string().max(60) }), req.params);
    const b = parseInput(staffBody.omit({ username: true }), req.body ?? {});
    return { staff: staffJson(await admin.update(staff, username, { ...b, role: b.role as Staff['role'] })) };
  });
  app.post('/api/admin/staff/:username/reset-password', { schema: { tags: ['Quản trị'], summary: 'Đặt lại mật khẩu cán bộ (mật khẩu tạm thời, kết thúc mọi phiên)', ...staffDocs.resetStaffPassword } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const { username } = parseInput(z.object({ username: z.string().max(60) }), req.params);
    const r = await admin.resetPassword(staff, username);
    return { staff: staffJson(r.staff), temporaryPassword: r.temporaryPassword };
  });

  // ------------------------------------------------------------------ catalogue

  const catalogRows = async (unitCode: string): Promise<CatalogRow[]> => {
    const uc = await catalog.unitCatalog(unitCode);
    const rows: CatalogRow[] = [];
    for (const e of [...uc.entries.values()].sort((a, b) => a.sort - b.sort || a.procedureCode.localeCompare(b.procedureCode))) {
      const p = await catalog.findProcedure(e.procedureCode);
      if (!p) continue;
      rows.push({ code: p.code, name: p.name, field: p.field, legal: mainChannel(p)?.time ?? null, commitment: e.commitment, essential: e.essential, note: e.note, local: !!e.local && Object.keys(e.local).length > 0 });
    }
    return rows;
  };
  const catalogPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { message?: string; errors?: Array<{ field: string; message: string }>; confirm?: RemovalConfirmation } = {}, status = 200) => {
    const q = String((req.query as Record<string, string>).q ?? '').trim().slice(0, 100);
    const found = q ? (await catalog.search(undefined, { q, limit: 20 })).items.map((s) => ({ code: s.code, name: s.name })) : undefined;
    const rows = await catalogRows(staff.unitCode);
    const have = new Set(rows.map((r) => r.code));
    return html(reply, CatalogAdminPage({ ...(await nav(req, staff)), rows, q, found: found?.filter((f) => !have.has(f.code)), ...extra }), status);
  };
  app.get('/can-bo/quan-tri/danh-muc', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return catalogPage(req, reply, staff);
  });
  app.post('/can-bo/quan-tri/danh-muc', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    // A form without its rows is a broken or forged request, never "remove everything": 400, nothing changes.
    if (!/^\d{1,4}$/.test(str(b, 'count'))) throw new ValidationError('Biểu mẫu danh mục không đầy đủ (thiếu số dòng): danh mục không thay đổi.', [{ field: 'count', code: 'missing_field', message: 'Thiếu trường "count" của biểu mẫu danh mục.' }]);
    const n = Math.min(5000, Number(str(b, 'count')));
    const missing = Array.from({ length: n }, (_, i) => `code.${i}`).filter((k) => !str(b, k));
    if (missing.length) throw new ValidationError('Biểu mẫu danh mục không đầy đủ: danh mục không thay đổi.', missing.slice(0, 20).map((k) => ({ field: k, code: 'missing_field', message: `Thiếu trường "${k}" của biểu mẫu danh mục.` })));
    const rows: Array<{ procedureCode: string; commitment: ProcessingTime | null; note: string; essential: boolean; sort: number }> = [];
    const problems: Array<{ field: string; code: string; message: string }> = [];
    for (let i = 0; i < n; i++) {
      const code = str(b, `code.${i}`);
      if (!code || str(b, `keep.${i}`) !== '1') continue;
      const raw = str(b, `commitValue.${i}`).trim().replace(',', '.');
      const value = raw ? Number(raw) : null;
      if (raw && !(Number.isFinite(value) && value! > 0)) problems.push({ field: `commitValue.${i}`, code: 'invalid_commitment', message: `Thủ tục ${code}: thời hạn cam kết phải là số lớn hơn 0` });
      const unit = (['working_days', 'days', 'hours'].includes(str(b, `commitUnit.${i}`)) ? str(b, `commitUnit.${i}`) : 'working_days') as TimeUnit;
      rows.push({ procedureCode: code, commitment: value && value > 0 ? { value, unit } : null, note: str(b, `note.${i}`).trim().normalize('NFC').slice(0, 500), essential: str(b, `essential.${i}`) === '1', sort: rows.length });
    }
    for (const code of list(b, 'add')) if (!rows.some((r) => r.procedureCode === code)) rows.push({ procedureCode: code, commitment: null, note: '', essential: false, sort: rows.length });
    try {
      if (problems.length) throw new ValidationError('Danh mục chưa được lưu vì có dòng không hợp lệ.', problems);
      const r = await admin.saveSelection(staff, rows, { confirmRemoval: str(b, 'confirm') === '1' });
      return catalogPage(req, reply, staff, { message: `Đã lưu danh mục: thêm ${r.added}, bỏ ${r.removed}, ${r.updated} thủ tục giữ lại.${r.removed ? ' Phiên bản trước được giữ trong "Lịch sử thay đổi" và khôi phục được.' : ''}` });
    } catch (e) {
      if (e instanceof ConflictError && e.code === 'confirm_removal') {
        const removed = await admin.removedBy(staff.unitCode, rows);
        const names = new Map((await catalogRows(staff.unitCode)).map((r) => [r.code, r.name]));
        const posted = Object.entries(b).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)] as [string, string]) : [[k, String(v ?? '')] as [string, string]]));
        return catalogPage(req, reply, staff, { confirm: { message: e.message, removed: removed.map((r) => ({ code: r.procedureCode, name: names.get(r.procedureCode) ?? '' })), posted } }, 409);
      }
      const errors = errorsOf(e);
      if (!errors) throw e;
      return catalogPage(req, reply, staff, { errors }, 422);
    }
  });
  app.get('/can-bo/quan-tri/danh-muc/lich-su', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const restored = (req.query as Record<string, string>).khoi_phuc;
    return html(reply, CatalogHistoryPage({ ...(await nav(req, staff)), list: await catalog.changes(staff.unitCode), versions: await admin.catalogVersions(staff), message: restored ? `Đã khôi phục phiên bản trước của danh mục (${restored} thủ tục).` : undefined }));
  });
  const versionParams = z.object({ id: z.string().uuid('Mã phiên bản không hợp lệ') });
  app.post('/can-bo/quan-tri/danh-muc/phien-ban/:id/khoi-phuc', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    checkCsrf(req, ((req.body ?? {}) as Body)._csrf);
    const { id } = parseInput(versionParams, req.params);
    const r = await admin.restoreCatalog(staff, id);
    return reply.redirect(`/can-bo/quan-tri/danh-muc/lich-su?khoi_phuc=${r.added + r.updated}`, 303);
  });

  const localPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, code: string, extra: { message?: string; errors?: Array<{ field: string; message: string }> } = {}, status = 200) => {
    const { entry } = await catalog.getUnitProcedure(staff.unitCode, code);
    const national = await catalog.getProcedure(code);
    const kinds = national.channels.length ? national.channels.map((c) => c.kind) : (['in_person'] as ChannelKind[]);
    return html(
      reply,
      CatalogLocalPage({
        ...(await nav(req, staff)),
        code,
        name: national.name,
        channels: kinds.map((kind) => ({ kind, nationalFees: national.channels.find((c) => c.kind === kind)?.fees ?? [], fees: entry.local?.fees?.[kind] })),
        feeNote: entry.local?.feeNote ?? '',
        forms: entry.local?.forms ?? [],
        eform: await dossiers.eformOf(staff.unitCode, code),
        eformIsLocal: entry.local?.eform !== undefined,
        history: await catalog.changes(staff.unitCode, code, 50),
        ...extra,
      }),
      status,
    );
  };
  const codeParams = z.object({ code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193') });
  app.get('/can-bo/quan-tri/danh-muc/:code', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return localPage(req, reply, staff, parseInput(codeParams, req.params).code);
  });
  app.post('/can-bo/quan-tri/danh-muc/:code', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(codeParams, req.params);
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    const fees: Partial<Record<ChannelKind, Fee[]>> = {};
    const problems: Array<{ field: string; code: string; message: string }> = [];
    for (const kind of CHANNEL_KINDS) {
      if (str(b, `own.${kind}`) !== '1') continue;
      const list: Fee[] = [];
      for (let i = 0; i < 30; i++) {
        const label = str(b, `fee.${kind}.${i}.label`).trim();
        const amountText = str(b, `fee.${kind}.${i}.amount`).trim().replace(/[.\s]/g, '');
        if (!label && !amountText) continue;
        const amount = Number(amountText);
        if (!label || !Number.isInteger(amount) || amount < 0) {
          problems.push({ field: `fee.${kind}.${i}`, code: 'invalid_fee', message: `Dòng phí ${i + 1}: cần tên khoản phí và số tiền là số nguyên không âm (đồng)` });
          continue;
        }
        const basis = (FEE_BASES as readonly string[]).includes(str(b, `fee.${kind}.${i}.basis`)) ? (str(b, `fee.${kind}.${i}.basis`) as Fee['basis']) : 'per_case';
        list.push({ label: label.normalize('NFC'), amount, basis });
      }
      fees[kind] = list;
    }
    const forms = [];
    for (let i = 0; i < 20; i++) {
      const title = str(b, `form.${i}.title`).trim();
      if (!title) continue;
      forms.push({ title, source: str(b, `form.${i}.source`), fields: str(b, `form.${i}.fields`).split(/\r?\n/) });
    }
    try {
      if (problems.length) throw new ValidationError('Thiết lập riêng chưa được lưu.', problems);
      await admin.saveLocal(staff, code, { fees, feeNote: str(b, 'feeNote'), forms, eform: eformFromForm(b) ?? undefined });
      return localPage(req, reply, staff, code, { message: 'Đã lưu thiết lập riêng của đơn vị.' });
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return localPage(req, reply, staff, code, { errors }, 422);
    }
  });

  const selectionBody = z.object({
    rows: z.array(
      z.object({
        procedureCode: z.string(),
        commitment: z.object({ value: z.number(), unit: z.enum(['working_days', 'days', 'hours']) }).nullable().optional(),
        note: z.string().max(500).optional(),
        essential: z.boolean().optional(),
      }),
    ),
    /** Required (true) when the new selection removes more than a few procedures. */
    confirmRemoval: z.boolean().optional(),
  });
  app.get('/api/admin/catalog', { schema: { tags: ['Quản trị'], summary: 'Danh mục thủ tục của đơn vị, kèm thiết lập riêng', ...staffDocs.getUnitCatalog } }, async (req) => {
    const { staff } = apiStaff(req, ['admin']);
    const uc = await catalog.unitCatalog(staff.unitCode);
    return { items: [...uc.entries.values()].map((e) => ({ procedureCode: e.procedureCode, commitment: e.commitment, note: e.note, essential: e.essential, sort: e.sort, local: e.local ?? {} })) };
  });
  app.put('/api/admin/catalog', { schema: { tags: ['Quản trị'], summary: 'Thay danh mục của đơn vị (tất cả hoặc không gì cả); thiết lập riêng của thủ tục giữ lại được giữ nguyên', body: body({ json: selectionBody.meta({ examples: [staffExamples.selection] }) }), ...staffDocs.replaceUnitCatalog } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const b = parseInput(selectionBody, req.body ?? {});
    return admin.saveSelection(
      staff,
      b.rows.map((r, i) => ({ procedureCode: r.procedureCode, commitment: r.commitment ?? null, note: r.note ?? '', essential: r.essential ?? false, sort: i })),
      { confirmRemoval: b.confirmRemoval === true },
    );
  });
  app.get('/api/admin/catalog/versions', { schema: { tags: ['Quản trị'], summary: 'Các phiên bản trước của danh mục đơn vị (mỗi lần lưu giữ lại phiên bản cũ)', ...staffDocs.listCatalogVersions } }, async (req) => {
    const { staff } = apiStaff(req, ['admin']);
    return { items: await admin.catalogVersions(staff) };
  });
  app.post('/api/admin/catalog/versions/:id/restore', { schema: { tags: ['Quản trị'], summary: 'Khôi phục một phiên bản trước của danh mục đơn vị', ...staffDocs.restoreCatalogVersion } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const { id } = parseInput(versionParams, req.params);
    return admin.restoreCatalog(staff, id);
  });
  const localBody = z.object({
    fees: z.partialRecord(z.enum(CHANNEL_KINDS), z.array(z.object({ label: z.string(), amount: z.number(), basis: z.enum(FEE_BASES).optional(), max: z.number().optional(), note: z.string().optional() }))).optional(),
    feeNote: z.string().max(1000).optional(),
    forms: z.array(z.object({ id: z.string().optional(), title: z.string().min(1), source: z.string().optional(), fields: z.array(z.string()) })).max(20).optional(),
    eform: z.unknown().optional(),
  });
  app.put('/api/admin/catalog/:code/local', { schema: { tags: ['Quản trị'], summary: 'Phí, biểu mẫu và biểu mẫu điện tử riêng của đơn vị cho một thủ tục', body: body({ json: localBody.meta({ examples: [staffExamples.local] }) }), ...staffDocs.saveLocalProcedure } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const { code } = parseInput(codeParams, req.params);
    const b = parseInput(localBody, req.body ?? {});
    const fees = b.fees ? (Object.fromEntries(Object.entries(b.fees).map(([k, v]) => [k, v.map((f) => ({ ...f, basis: f.basis ?? 'per_case' }))])) as Partial<Record<ChannelKind, Fee[]>>) : undefined;
    return { local: await admin.saveLocal(staff, code, { fees, feeNote: b.feeNote, forms: b.forms?.map((f) => ({ ...f, source: f.source ?? '' })), eform: b.eform ?? undefined }) };
  });
  app.get('/api/admin/catalog/history', { schema: { tags: ['Quản trị'], summary: 'Lịch sử thay đổi danh mục của đơn vị', ...staffDocs.getCatalogHistory } }, async (req) => {
    const { staff } = apiStaff(req, ['admin', 'leader']);
    const { procedure } = parseInput(z.object({ procedure: z.string().regex(/^\d\.\d{6}$/).optional() }), req.query);
    return { items: await catalog.changes(staff.unitCode, procedure) };
  });

  // ------------------------------------------------------------------ processes

  app.get('/can-bo/quan-tri/quy-trinh', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const configured = new Map((await workflow.listConfigured(staff.unitCode)).map((p) => [p.procedureCode, p.version]));
    const { items } = await catalog.search(staff.unitCode, { limit: 10_000 });
    return html(reply, ProcessListPage({ ...(await nav(req, staff)), rows: items.map((s) => ({ code: s.code, name: s.name, version: configured.get(s.code) ?? null })) }));
  });
  const processPage = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, code: string, extra: { message?: string; errors?: Array<{ field: string; message: string }> } = {}, steps?: ReturnType<WorkflowService['defaults']>, status = 200) => {
    const { procedure, entry } = await catalog.getUnitProcedure(staff.unitCode, code);
    const peek = await workflow.peek(staff.unitCode, code);
    const time = entry.commitment ?? mainChannel(procedure)?.time ?? null;
    return html(
      reply,
      ProcessEditPage({ ...(await nav(req, staff)), code, name: procedure.name, timeText: formatTime(time), steps: steps ?? peek.steps, versions: await workflow.versions(staff.unitCode, code), ...extra }),
      status,
    );
  };
  app.get('/can-bo/quan-tri/quy-trinh/:code', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    return processPage(req, reply, staff, parseInput(codeParams, req.params).code);
  });
  app.post('/can-bo/quan-tri/quy-trinh/:code', async (req, reply) => {
    const staff = adminOnly(req, reply);
    if (!staff) return reply;
    const { code } = parseInput(codeParams, req.params);
    const b = (req.body ?? {}) as Body;
    checkCsrf(req, b._csrf);
    const n = Math.min(20, Number(str(b, 'count')) || 0);
    const steps = [];
    for (let i = 0; i < n; i++) {
      const kind = str(b, `step.${i}.kind`);
      if (!kind) continue;
      steps.push({ kind, name: str(b, `step.${i}.name`), role: str(b, `step.${i}.role`), share: Number(str(b, `step.${i}.percent`).replace(',', '.')) / 100 });
    }
    try {
      const p = await admin.saveProcess(staff, code, steps, str(b, 'note'));
      return processPage(req, reply, staff, code, { message: `Đã lưu phiên bản ${p.version}. Hồ sơ tiếp nhận từ bây giờ theo phiên bản này; hồ sơ đang giải quyết giữ phiên bản cũ.` });
    } catch (e) {
      const errors = errorsOf(e);
      if (!errors) throw e;
      return processPage(req, reply, staff, code, { errors }, steps as ReturnType<WorkflowService['defaults']>, 422);
    }
  });
  const processBody = z.object({ steps: z.array(z.object({ kind: z.string(), name: z.string(), role: z.string(), share: z.number() })), note: z.string().max(500).optional() });
  app.get('/api/admin/processes/:code', { schema: { tags: ['Quản trị'], summary: 'Quy trình của một thủ tục trong đơn vị (phiên bản hiện hành và các phiên bản)', ...staffDocs.getProcess } }, async (req) => {
    const { staff } = apiStaff(req, ['admin', 'leader']);
    const { code } = parseInput(codeParams, req.params);
    await catalog.getUnitProcedure(staff.unitCode, code);
    const peek = await workflow.peek(staff.unitCode, code);
    return { procedureCode: code, version: peek.process?.version ?? null, steps: peek.steps, versions: (await workflow.versions(staff.unitCode, code)).map((v) => ({ version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, note: v.note, steps: v.steps })) };
  });
  app.put('/api/admin/processes/:code', { schema: { tags: ['Quản trị'], summary: 'Lưu phiên bản mới của quy trình (bước: kind, name, role, share; tổng share = 1)', body: body({ json: processBody.meta({ examples: [staffExamples.process] }) }), ...staffDocs.saveProcess } }, async (req) => {
    checkApiCsrf(req);
    const { staff } = apiStaff(req, ['admin']);
    const { code } = parseInput(codeParams, req.params);
    const b = parseInput(processBody, req.body ?? {});
    const p = await admin.saveProcess(staff, code, b.steps, b.note ?? '');
    return { procedureCode: code, version: p.version, steps: p.steps };
  });

  // ------------------------------------------------------------------ audit log

  const auditUnits = async (staff: Staff) => (staff.role === 'supervisor' ? [staff.unitCode, ...(await units.descendants(staff.unitCode)).map((u) => u.code)] : [staff.unitCode]);
  const auditReaders = ['admin', 'leader', 'supervisor'];
  app.get('/can-bo/nhat-ky', async (req, reply) => {
    const staff = pageStaff(req, reply, auditReaders);
    if (!staff) return reply;
    const q = parseInput(z.object({ doi_tuong: z.string().max(100).optional(), kiem_tra: z.string().optional() }), req.query);
    const entries = await audit.list({ unitCodes: await auditUnits(staff), targetId: q.doi_tuong?.trim() || undefined, limit: 200 });
    const canVerify = staff.role === 'admin' || staff.role === 'supervisor';
    const v = canVerify && q.kiem_tra ? await audit.verify() : undefined;
    return html(reply, AuditPage({ ...(await nav(req, staff)), entries, canVerify, target: q.doi_tuong, verification: v ? { ok: v.ok, checked: v.checked, problems: v.problems.map((x) => x.message) } : undefined }));
  });
  app.get('/api/audit', { schema: { tags: ['Quản trị'], summary: 'Nhật ký thay đổi và truy cập dữ liệu cá nhân của đơn vị (mới nhất trước)', ...staffDocs.listAudit } }, async (req) => {
    const { staff } = apiStaff(req, auditReaders);
    const q = parseInput(z.object({ target: z.string().max(100).optional(), action: z.string().max(60).optional(), before: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }), req.query);
    return { items: await audit.list({ unitCodes: await auditUnits(staff), targetId: q.target, action: q.action, beforeSeq: q.before, limit: q.limit ?? 100 }) };
  });
}
