import type { AccountService, Staff, StaffInput, StaffRole } from '../account';
import type { AuditService } from '../audit';
import type { CatalogService, CatalogVersion, ChannelKind, Fee, FormTemplate, UnitLocal, UnitProcedure } from '../catalog';
import { eformSchema, type EForm } from '../eform';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { slugify } from '../shared/vietnamese';
import type { UnitService } from '../unit';
import type { WorkflowService } from '../workflow';

/** A save that removes more procedures than this asks the admin to confirm (issue 10, item 12). */
export const MAX_QUIET_REMOVALS = 3;

/**
 * The unit admin's work: officials of the unit (create, edit, lock, reset passwords), the unit's
 * catalogue (procedures offered, commitments, local fees, forms and e-forms) and its processes.
 * Everything is scoped to the admin's own unit and written to the audit log.
 */
export class StaffAdmin {
  constructor(
    private readonly accounts: AccountService,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly units: UnitService,
    private readonly workflow: WorkflowService,
  ) {}

  private actorOf(admin: Staff) {
    return { kind: 'staff' as const, id: admin.id, name: admin.fullName };
  }

  private requireAdmin(admin: Staff): void {
    if (admin.role !== 'admin') throw new ForbiddenError('Chỉ quản trị đơn vị mới làm được việc này.', 'admin_only');
  }

  /** A supervisor account belongs to a unit with units below it (a province, a district). */
  async mayCreateSupervisor(admin: Staff): Promise<boolean> {
    return (await this.units.descendants(admin.unitCode)).length > 0;
  }

  async list(admin: Staff): Promise<Staff[]> {
    this.requireAdmin(admin);
    return this.accounts.listStaff([admin.unitCode]);
  }

  /** An official of the admin's unit, by user name; 404 for anyone else's. */
  async get(admin: Staff, username: string): Promise<Staff> {
    this.requireAdmin(admin);
    const s = await this.accounts.findStaffByUsername(username);
    if (!s || s.unitCode !== admin.unitCode) throw new NotFoundError('Không có cán bộ này trong đơn vị.', 'staff_not_found');
    return s;
  }

  private async checkRole(admin: Staff, role: string): Promise<StaffRole> {
    if (role === 'supervisor' && !(await this.mayCreateSupervisor(admin))) {
      throw new ValidationError('Tài khoản giám sát chỉ dành cho đơn vị có đơn vị cấp dưới.', [{ field: 'role', code: 'invalid_role', message: 'Đơn vị không có đơn vị cấp dưới để giám sát' }], 'invalid_staff');
    }
    return role as StaffRole;
  }

  async create(admin: Staff, input: Omit<StaffInput, 'unitCode'>): Promise<{ staff: Staff; temporaryPassword: string }> {
    this.requireAdmin(admin);
    const role = await this.checkRole(admin, input.role);
    const r = await this.accounts.createStaff({ ...input, role, unitCode: admin.unitCode });
    await this.audit.record({ actor: this.actorOf(admin), unitCode: admin.unitCode, action: 'staff.create', targetKind: 'staff', targetId: r.staff.username, data: { role, fields: r.staff.fields, oidcSubject: r.staff.oidcSubject ?? null } });
    return r;
  }

  async update(admin: Staff, username: string, input: Omit<StaffInput, 'username' | 'unitCode'> & { active?: boolean }): Promise<Staff> {
    const target = await this.get(admin, username);
    const role = await this.checkRole(admin, input.role);
    if (target.id === admin.id && (input.active === false || role !== 'admin')) {
      throw new ValidationError('Không thể tự khóa hoặc bỏ quyền quản trị của chính mình.', [{ field: 'role', code: 'self_lockout', message: 'Không thể tự khóa hoặc bỏ quyền quản trị của chính mình' }], 'invalid_staff');
    }
    const s = await this.accounts.updateStaffProfile(target.id, { ...input, role });
    await this.audit.record({
      actor: this.actorOf(admin),
      unitCode: admin.unitCode,
      action: 'staff.update',
      targetKind: 'staff',
      targetId: username,
      data: { before: { role: target.role, active: target.active, fields: target.fields, oidcSubject: target.oidcSubject ?? null }, after: { role: s.role, active: s.active, fields: s.fields, oidcSubject: s.oidcSubject ?? null } },
    });
    return s;
  }

  async resetPassword(admin: Staff, username: string): Promise<{ staff: Staff; temporaryPassword: string }> {
    const target = await this.get(admin, username);
    const r = await this.accounts.resetStaffPassword(target.id);
    await this.audit.record({ actor: this.actorOf(admin), unitCode: admin.unitCode, action: 'staff.reset_password', targetKind: 'staff', targetId: username });
    return r;
  }

  /** The official's own password; `keepSessionToken`: the session that stays signed in (the others end). */
  async changeOwnPassword(me: Staff, current: string, next: string, keepSessionToken?: string): Promise<void> {
    await this.accounts.changeStaffPassword(me.id, current, next, keepSessionToken);
    await this.audit.record({ actor: this.actorOf(me), unitCode: me.unitCode, action: 'staff.change_password', targetKind: 'staff', targetId: me.username });
  }

  // ------------------------------------------------------------------ catalogue

  /** The procedures a new selection would remove from the unit's catalogue. */
  async removedBy(unitCode: string, rows: Array<{ procedureCode: string }>): Promise<UnitProcedure[]> {
    const kept = new Set(rows.map((r) => r.procedureCode));
    return (await this.entries(unitCode)).filter((e) => !kept.has(e.procedureCode));
  }

  async catalogVersions(admin: Staff): Promise<CatalogVersion[]> {
    this.requireAdmin(admin);
    return this.catalog.versions(admin.unitCode);
  }

  /** Bring back an earlier version of the unit's catalogue (the one replaced is kept in turn). */
  async restoreCatalog(admin: Staff, versionId: string): Promise<{ added: number; updated: number; removed: number }> {
    this.requireAdmin(admin);
    const r = await this.catalog.restoreVersion(admin.unitCode, versionId, { actor: { id: admin.id, name: admin.fullName } });
    await this.audit.record({ actor: this.actorOf(admin), unitCode: admin.unitCode, action: 'catalog.restore', targetKind: 'catalog', targetId: admin.unitCode, data: { ...r, version: versionId } });
    return r;
  }

  private async entries(unitCode: string): Promise<UnitProcedure[]> {
    const uc = await this.catalog.unitCatalog(unitCode);
    return [...uc.entries.values()].sort((a, b) => a.sort - b.sort || a.procedureCode.localeCompare(b.procedureCode));
  }

  /**
   * Replace the selection (procedures offered, commitments, essential, notes); the unit's own
   * fees, forms and e-forms of the procedures kept are left as they are. All or nothing.
   */
  async saveSelection(admin: Staff, rows: Array<Omit<UnitProcedure, 'unitCode' | 'local'>>, opts: { confirmRemoval?: boolean } = {}): Promise<{ added: number; updated: number; removed: number }> {
    this.requireAdmin(admin);
    const removing = await this.removedBy(admin.unitCode, rows);
    if (removing.length > MAX_QUIET_REMOVALS && !opts.confirmRemoval) {
      throw new ConflictError('confirm_removal', `Lưu danh mục này sẽ bỏ ${removing.length} thủ tục khỏi danh mục của đơn vị. Xin xác nhận nếu đúng là bạn muốn bỏ (phiên bản hiện tại được giữ lại và khôi phục được).`);
    }
    const r = await this.catalog.setUnitCatalog(admin.unitCode, rows, { actor: { id: admin.id, name: admin.fullName } }).catch((e) => {
      throw e instanceof ValidationError ? new ValidationError(e.message, e.fields, 'invalid_catalog') : e;
    });
    await this.audit.record({ actor: this.actorOf(admin), unitCode: admin.unitCode, action: 'catalog.update', targetKind: 'catalog', targetId: admin.unitCode, data: { ...r, procedures: rows.length } });
    return r;
  }

  /** The unit's own fees, forms and e-form of one procedure (validated; kept in the change history). */
  async saveLocal(admin: Staff, procedureCode: string, input: { fees?: Partial<Record<ChannelKind, Fee[]>>; feeNote?: string; forms?: Array<Omit<FormTemplate, 'id'> & { id?: string }>; eform?: unknown | null }): Promise<UnitLocal> {
    this.requireAdmin(admin);
    const list = await this.entries(admin.unitCode);
    const entry = list.find((e) => e.procedureCode === procedureCode);
    if (!entry) throw new NotFoundError('Thủ tục không có trong danh mục của đơn vị.', 'procedure_not_found');
    const problems: Array<{ field: string; code: string; message: string }> = [];
    let eform: EForm | undefined;
    if (input.eform !== undefined && input.eform !== null) {
      const r = eformSchema.safeParse(input.eform);
      if (!r.success) for (const i of r.error.issues) problems.push({ field: `eform.${i.path.join('.')}`, code: 'invalid_eform', message: `Biểu mẫu điện tử: ${i.message}` });
      else eform = r.data;
    }
    const used = new Set<string>();
    const forms = (input.forms ?? []).map((f) => {
      let id = f.id && f.id.startsWith(`u${admin.unitCode}-`) ? f.id : `u${admin.unitCode}-${slugify(f.title).slice(0, 50) || 'bieu-mau'}`;
      for (let i = 2; used.has(id); i++) id = `${id.replace(/-\d+$/, '')}-${i}`;
      used.add(id);
      return { id, title: f.title.trim().normalize('NFC'), source: (f.source ?? '').trim().normalize('NFC'), fields: f.fields.map((x) => x.trim().normalize('NFC')).filter(Boolean) };
    });
    if (problems.length) throw new ValidationError('Thiết lập riêng chưa hợp lệ.', problems, 'invalid_catalog');
    const local: UnitLocal = {
      ...(input.fees && Object.keys(input.fees).length ? { fees: input.fees } : {}),
      ...(input.feeNote?.trim() ? { feeNote: input.feeNote.trim().normalize('NFC') } : {}),
      ...(forms.length ? { forms } : {}),
      ...(eform ? { eform } : {}),
    };
    await this.catalog.setUnitCatalog(
      admin.unitCode,
      list.map((e) => ({ procedureCode: e.procedureCode, commitment: e.commitment, note: e.note, essential: e.essential, sort: e.sort, ...(e.procedureCode === procedureCode ? { local } : {}) })),
      { actor: { id: admin.id, name: admin.fullName } },
    );
    await this.audit.record({ actor: this.actorOf(admin), unitCode: admin.unitCode, action: 'catalog.update_local', targetKind: 'procedure', targetId: `${admin.unitCode}/${procedureCode}`, data: { before: entry.local ?? {}, after: local } });
    return local;
  }

  // ------------------------------------------------------------------ processes

  async saveProcess(admin: Staff, procedureCode: string, steps: unknown, note: string) {
    this.requireAdmin(admin);
    await this.catalog.getUnitProcedure(admin.unitCode, procedureCode);
    return this.workflow.save(admin.unitCode, procedureCode, steps, this.actorOf(admin), note);
  }
}
