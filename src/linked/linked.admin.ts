import { z } from 'zod';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { componentsOf, type DossierService } from '../dossier';
import { eformSchema, type EForm } from '../eform';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { slugify } from '../shared/vietnamese';
import { PROCESS_ROLE_LABEL, PROCESS_ROLES, type ProcessRole } from '../workflow';
import * as repo from './linked.repo';
import { definitionSchema, GROUP_CODE_RE, type GroupDefinition, type GroupMember, type GroupPaper, type LinkedGroup, type Partner } from './linked.types';

/**
 * The unit admin's definitions of linked procedure groups (issue 14): list, create, edit, switch
 * on and off. A group's members are procedures of the unit's catalogue offered online; each part
 * is handled by a role of the unit's officials or by a partner agency named by its e-mail (a new
 * e-mail makes a partner that receives its parts by a signed link). Every change is checked as a
 * whole first (every problem at once, in Vietnamese), written in one transaction with its audit
 * entry, and moves the catalogue's version on (its cached pages, and the other processes through
 * the cluster bus: CatalogService.touch).
 */

export interface GroupAdminDeps {
  db: Db;
  catalog: CatalogService;
  dossiers: Pick<DossierService, 'eformOf'>;
  audit: AuditService;
  clock: Clock;
}

/** The unit admin doing the change. */
export interface GroupAdminActor {
  id: string;
  name: string;
  unitCode: string;
}

/** One member as the admin's form posts it (blank rows are left out before). */
export interface MemberInput {
  procedureCode: string;
  /** 'unit': the unit's officials (with `role`); 'partner': an agency outside the unit (with `email`). */
  agency: string;
  role: string;
  /** Who handles the part, as the citizen reads it; for a unit part, the role and the unit by default. */
  agencyName: string;
  email: string;
}

export interface GroupInput {
  code: string;
  name: string;
  summary: string;
  legalBasis: string;
  members: MemberInput[];
}

/** A group as the admin's list shows it. */
export interface GroupRow {
  code: string;
  name: string;
  enabled: boolean;
  members: Array<{ procedureCode: string; procedureName: string; agencyName: string; partner: boolean; role?: ProcessRole; email?: string }>;
}

type Problem = { field: string; code: string; message: string };

const text = (max: number) => z.string().trim().normalize('NFC').max(max);
const emailOk = (s: string) => z.email().safeParse(s).success;

export class LinkedGroupAdmin {
  constructor(private readonly deps: GroupAdminDeps) {}

  /** The unit's groups, switched-off ones included, with their members' names and agencies. */
  async list(unitCode: string): Promise<GroupRow[]> {
    const partners = new Map((await repo.listPartners(this.deps.db, unitCode)).map((p) => [p.id, p]));
    const out: GroupRow[] = [];
    for (const { code } of await repo.listGroups(this.deps.db, unitCode, { all: true })) {
      const g = await repo.findGroup(this.deps.db, unitCode, code);
      if (!g) continue;
      const members = [];
      for (const m of g.members) {
        const p = await this.deps.catalog.findProcedure(m.procedureCode);
        members.push({ procedureCode: m.procedureCode, procedureName: p?.name ?? m.procedureCode, agencyName: m.agencyName, partner: !!m.partnerId, role: m.role, email: m.partnerId ? partners.get(m.partnerId)?.email : undefined });
      }
      out.push({ code: g.code, name: g.name, enabled: g.enabled, members });
    }
    return out;
  }

  /** One group of the unit, switched off or not (404 for another unit's or an unknown code). */
  async get(unitCode: string, code: string): Promise<LinkedGroup> {
    const g = GROUP_CODE_RE.test(code) ? await repo.findGroup(this.deps.db, unitCode, code) : undefined;
    if (!g) throw new NotFoundError(`Đơn vị không có nhóm thủ tục liên thông mã ${code}.`, 'group_not_found');
    return g;
  }

  /** The group's members as its edit form shows them (a partner by its e-mail). */
  async formOf(unitCode: string, code: string): Promise<GroupInput> {
    const g = await this.get(unitCode, code);
    const partners = new Map((await repo.listPartners(this.deps.db, unitCode)).map((p) => [p.id, p]));
    return {
      code: g.code,
      name: g.name,
      summary: g.summary,
      legalBasis: g.legalBasis,
      members: g.members.map((m) => ({ procedureCode: m.procedureCode, agency: m.partnerId ? 'partner' : 'unit', role: m.role ?? (m.partnerId ? '' : 'specialist'), agencyName: m.agencyName, email: m.partnerId ? (partners.get(m.partnerId)?.email ?? '') : '' })),
    };
  }

  /** The unit's procedures a group may take as members: those it offers online. */
  async procedures(unitCode: string): Promise<Array<{ code: string; name: string }>> {
    const uc = await this.deps.catalog.unitCatalog(unitCode);
    const out = [];
    for (const code of uc.entries.keys()) {
      const p = await this.deps.catalog.findProcedure(code);
      if (p?.channels.some((c) => c.kind === 'online')) out.push({ code, name: p.name });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  async create(actor: GroupAdminActor, input: GroupInput): Promise<LinkedGroup> {
    const code = input.code.trim().toUpperCase();
    const problems: Problem[] = [];
    if (!GROUP_CODE_RE.test(code)) problems.push({ field: 'code', code: 'invalid_code', message: 'Mã nhóm có dạng LT- rồi tối đa 12 chữ hoa hoặc chữ số, ví dụ LT-KS' });
    else if (await repo.findGroup(this.deps.db, actor.unitCode, code)) problems.push({ field: 'code', code: 'duplicate_code', message: `Đơn vị đã có nhóm liên thông mã ${code}; chọn mã khác hoặc sửa nhóm đó` });
    const checked = await this.check(actor.unitCode, input, problems);
    if (problems.length || !checked) throw invalid(problems);
    const composed = await this.compose(actor.unitCode, checked.name, checked.members.map((m) => m.procedureCode));
    return this.write(actor, code, 'create', checked, (partnerIds) => ({
      summary: checked.summary,
      legalBasis: checked.legalBasis,
      eform: composed.eform,
      papers: composed.papers,
      members: checked.members.map((m, i) => memberOf(m, partnerIds[i], composed.fields.get(m.procedureCode))),
    }));
  }

  /**
   * Saves a group's name, texts and members. Its form and papers stay as they are while its member
   * procedures do (the demo groups' hand-written forms among them); a change of members makes them
   * again from the members' own e-forms and papers.
   */
  async update(actor: GroupAdminActor, code: string, input: GroupInput): Promise<LinkedGroup> {
    const old = await this.get(actor.unitCode, code);
    const problems: Problem[] = [];
    const checked = await this.check(actor.unitCode, input, problems);
    if (problems.length || !checked) throw invalid(problems);
    const same = old.members.map((m) => m.procedureCode).join() === checked.members.map((m) => m.procedureCode).join();
    const composed = same ? undefined : await this.compose(actor.unitCode, checked.name, checked.members.map((m) => m.procedureCode));
    return this.write(actor, code, 'update', checked, (partnerIds) => {
      const eform = composed?.eform ?? old.eform;
      const ids = new Set(eform.sections.flatMap((s) => s.fields.map((f) => f.id)));
      const reminders = old.vaccinationReminders && ids.has(old.vaccinationReminders.childName) && ids.has(old.vaccinationReminders.birthDate) ? old.vaccinationReminders : undefined;
      return {
        summary: checked.summary,
        legalBasis: checked.legalBasis,
        eform,
        papers: composed?.papers ?? old.papers,
        members: checked.members.map((m, i) => memberOf(m, partnerIds[i], composed ? composed.fields.get(m.procedureCode) : old.members[i]!.fields)),
        ...(reminders ? { vaccinationReminders: reminders } : {}),
      };
    });
  }

  /** Offers the group in the catalogue again, or stops offering it (its submitted groups go on). */
  async setEnabled(actor: GroupAdminActor, code: string, enabled: boolean): Promise<LinkedGroup> {
    const g = await this.get(actor.unitCode, code);
    if (g.enabled !== enabled) {
      await this.deps.db.transaction().execute(async (trx) => {
        await repo.setGroupEnabled(trx, actor.unitCode, code, enabled, this.deps.clock.now().toISOString());
        await this.deps.audit.record({ actor: { kind: 'staff', id: actor.id, name: actor.name }, unitCode: actor.unitCode, action: enabled ? 'linked.group_enable' : 'linked.group_disable', targetKind: 'linked_group', targetId: code, data: { name: g.name } }, trx);
      });
      await this.deps.catalog.touch();
    }
    return this.get(actor.unitCode, code);
  }

  /** The form's members and texts checked as a whole; problems are added to `problems`. */
  private async check(unitCode: string, input: GroupInput, problems: Problem[]): Promise<{ name: string; summary: string; legalBasis: string; members: Array<MemberInput & { role: ProcessRole | '' }> } | undefined> {
    const name = text(250).safeParse(input.name);
    if (!name.success) problems.push({ field: 'name', code: 'too_long', message: 'Tên nhóm tối đa 250 ký tự' });
    else if (name.data.length < 5) problems.push({ field: 'name', code: 'name_required', message: 'Nhập tên nhóm liên thông (ít nhất 5 ký tự)' });
    const summary = text(1000).safeParse(input.summary);
    if (!summary.success) problems.push({ field: 'summary', code: 'too_long', message: 'Phần giới thiệu tối đa 1.000 ký tự' });
    const legal = text(500).safeParse(input.legalBasis);
    if (!legal.success) problems.push({ field: 'legalBasis', code: 'too_long', message: 'Căn cứ pháp lý tối đa 500 ký tự' });
    const unitName = (await this.deps.catalog.unitCatalog(unitCode)).unit.name;
    const members: Array<MemberInput & { role: ProcessRole | '' }> = [];
    const seen = new Set<string>();
    for (const [i, raw] of input.members.entries()) {
      const m = { procedureCode: raw.procedureCode.trim(), agency: raw.agency, role: '' as ProcessRole | '', agencyName: raw.agencyName.normalize('NFC').trim(), email: raw.email.trim().toLowerCase() };
      const at = (f: string) => `members.${i}.${f}`;
      const code = /^(\d\.\d{6})\b/.exec(m.procedureCode)?.[1];
      if (!code) {
        problems.push({ field: at('procedureCode'), code: 'invalid_procedure', message: `Thủ tục thứ ${i + 1}: mã thủ tục có dạng 1.001193` });
        continue;
      }
      m.procedureCode = code;
      const found = await this.deps.catalog.getUnitProcedure(unitCode, code).catch((e) => {
        if (e instanceof NotFoundError) return undefined;
        throw e;
      });
      if (!found) problems.push({ field: at('procedureCode'), code: 'unknown_procedure', message: `Thủ tục thứ ${i + 1}: không có thủ tục mã ${code} trong danh mục của ${unitName}` });
      else if (!found.procedure.channels.some((c) => c.kind === 'online')) problems.push({ field: at('procedureCode'), code: 'channel_not_offered', message: `Thủ tục thứ ${i + 1}: ${found.procedure.name} chưa nhận hồ sơ trực tuyến` });
      if (seen.has(code)) problems.push({ field: at('procedureCode'), code: 'duplicate_member', message: `Thủ tục thứ ${i + 1}: thủ tục ${code} đã có trong nhóm` });
      seen.add(code);
      if (m.agency === 'partner') {
        if (m.agencyName.length < 2) problems.push({ field: at('agencyName'), code: 'partner_name_required', message: `Thủ tục thứ ${i + 1}: nhập tên cơ quan phối hợp` });
        if (m.agencyName.length > 200) problems.push({ field: at('agencyName'), code: 'too_long', message: `Thủ tục thứ ${i + 1}: tên cơ quan tối đa 200 ký tự` });
        if (!emailOk(m.email)) problems.push({ field: at('email'), code: 'invalid_email', message: `Thủ tục thứ ${i + 1}: nhập thư điện tử hợp lệ của cơ quan phối hợp, ví dụ bhxh.badinh@example.vn` });
      } else if (m.agency === 'unit') {
        if (!(PROCESS_ROLES as readonly string[]).includes(raw.role)) problems.push({ field: at('role'), code: 'invalid_role', message: `Thủ tục thứ ${i + 1}: chọn cán bộ của đơn vị giải quyết (một cửa, chuyên viên hoặc lãnh đạo)` });
        else {
          m.role = raw.role as ProcessRole;
          if (m.agencyName.length > 200) problems.push({ field: at('agencyName'), code: 'too_long', message: `Thủ tục thứ ${i + 1}: tên bộ phận tối đa 200 ký tự` });
          if (!m.agencyName) m.agencyName = `${PROCESS_ROLE_LABEL[m.role]}, ${unitName}`;
        }
        m.email = '';
      } else problems.push({ field: at('agency'), code: 'invalid_agency', message: `Thủ tục thứ ${i + 1}: chọn nơi giải quyết (cán bộ của đơn vị hoặc cơ quan phối hợp)` });
      members.push(m);
    }
    if (input.members.length < 2) problems.push({ field: 'members', code: 'too_few_members', message: 'Một nhóm liên thông có ít nhất hai thủ tục' });
    if (problems.length) return undefined;
    return { name: name.data!, summary: summary.data!, legalBasis: legal.data!, members };
  }

  /**
   * The group's one form and papers, made from its members' own: each member's e-form fields in
   * order, a field asked by an earlier member asked once (its first wording); each paper named once
   * and attached to every member whose general list has it. `fields`: each member's share of the
   * form (its own e-form's fields), what a partner agency sees of the family's answers.
   */
  private async compose(unitCode: string, name: string, codes: string[]): Promise<{ eform: EForm; papers: GroupPaper[]; fields: Map<string, string[]> }> {
    const used = new Set<string>();
    const sections: EForm['sections'] = [];
    const fields = new Map<string, string[]>();
    const papers = new Map<string, GroupPaper>();
    for (const code of codes) {
      const own = await this.deps.dossiers.eformOf(unitCode, code);
      fields.set(code, own.sections.flatMap((s) => s.fields.map((f) => f.id)));
      for (const s of own.sections) {
        const fresh = s.fields.filter((f) => !used.has(f.id));
        for (const f of fresh) used.add(f.id);
        if (fresh.length) sections.push({ title: s.title, fields: fresh });
      }
      const { procedure } = await this.deps.catalog.getUnitProcedure(unitCode, code);
      for (const c of componentsOf(procedure).filter((g) => g.kind === 'general').flatMap((g) => g.components)) {
        if (c.replacedByEForm) continue;
        const id = slugify(c.name).slice(0, 40).replace(/-+$/, '') || 'giay-to';
        const p = papers.get(id) ?? { id: id.length >= 2 ? id : `giay-to-${id}`, name: c.name, required: false, components: {} };
        p.required ||= c.required;
        p.components[code] ??= c.id;
        papers.set(id, p);
      }
    }
    const eform = eformSchema.parse({ title: `Tờ khai liên thông: ${name}`.slice(0, 300), sections });
    return { eform, papers: [...papers.values()], fields };
  }

  /** The partners named, the group and its audit entry: one transaction; then the catalogue moves on. */
  private async write(actor: GroupAdminActor, code: string, kind: 'create' | 'update', checked: { name: string; members: MemberInput[] }, build: (partnerIds: Array<string | undefined>) => GroupDefinition): Promise<LinkedGroup> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const known = await repo.listPartners(trx, actor.unitCode);
      const made: Partner[] = [];
      const partnerIds: Array<string | undefined> = [];
      for (const m of checked.members) {
        if (m.agency !== 'partner') {
          partnerIds.push(undefined);
          continue;
        }
        // A partner is known by its e-mail in the unit; a new e-mail is a new partner (signed links by e-mail).
        let p = [...known, ...made].find((x) => x.email.toLowerCase() === m.email);
        if (!p) {
          p = { id: uuidv7(), unitCode: actor.unitCode, name: m.agencyName, mode: 'email', email: m.email, username: null, active: true };
          await repo.insertPartner(trx, p, now);
          made.push(p);
        }
        partnerIds.push(p.id);
      }
      const definition = definitionSchema.parse(build(partnerIds));
      const row = { unitCode: actor.unitCode, code, name: checked.name, definition };
      if (kind === 'create' && !(await repo.insertGroup(trx, row, now))) throw invalid([{ field: 'code', code: 'duplicate_code', message: `Đơn vị đã có nhóm liên thông mã ${code}; chọn mã khác hoặc sửa nhóm đó` }]);
      if (kind === 'update' && !(await repo.updateGroup(trx, row, now))) throw new NotFoundError(`Đơn vị không có nhóm thủ tục liên thông mã ${code}.`, 'group_not_found');
      await this.deps.audit.record(
        {
          actor: { kind: 'staff', id: actor.id, name: actor.name },
          unitCode: actor.unitCode,
          action: kind === 'create' ? 'linked.group_create' : 'linked.group_update',
          targetKind: 'linked_group',
          targetId: code,
          data: { name: checked.name, members: definition.members.map((m) => ({ procedure: m.procedureCode, agency: m.agencyName, partner: m.partnerId ?? null, role: m.role ?? null })), newPartners: made.map((p) => ({ id: p.id, email: p.email })) },
        },
        trx,
      );
    });
    // The catalogue's pages and answers (and the other processes') list the unit's groups.
    await this.deps.catalog.touch();
    return this.get(actor.unitCode, code);
  }
}

function memberOf(m: MemberInput & { role?: ProcessRole | '' }, partnerId: string | undefined, fields: string[] | undefined): GroupMember {
  return {
    procedureCode: m.procedureCode,
    agencyName: m.agencyName,
    ...(partnerId ? { partnerId } : {}),
    ...(!partnerId && m.role ? { role: m.role } : {}),
    ...(fields ? { fields } : {}),
  };
}

function invalid(problems: Problem[]): ValidationError {
  return new ValidationError('Nhóm liên thông chưa lưu được. Xin sửa những mục dưới đây.', problems, 'invalid_group');
}
