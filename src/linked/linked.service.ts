import { createHmac, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { AccountService, Staff } from '../account';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { STATUS_LABEL, type Actor, type Dossier, type DossierService, type DossierWorkflow } from '../dossier';
import { toJsonSchema, validateFormData, type EFormField } from '../eform';
import type { NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, UnauthorizedError, ValidationError } from '../shared/errors';
import { formatDate } from '../shared/format';
import { normalizePhone } from '../shared/phone';
import { asUpload, type UploadedFile } from '../shared/uploads';
import * as repo from './linked.repo';
import { DEMO_GROUPS, DEMO_PARTNERS, LINKED_DEMO_PROCEDURES } from './linked.demo';
import { shareAnswers, shareData, shareOf } from './linked.fields';
import { definitionSchema, GROUP_CODE_RE, type LinkedGroup, type MemberOfGroup, type MemberState, type Partner, type CollectionAccount, type FeePort, type GroupFees, type ReminderInput, type ReminderPort, type ReminderState, type SubmissionView } from './linked.types';

export interface LinkedDeps {
  db: Db;
  catalog: CatalogService;
  dossiers: DossierService;
  workflow: DossierWorkflow;
  notifications: NotificationService;
  accounts: AccountService;
  audit: AuditService;
  clock: Clock;
  secret: string;
  publicUrl: string;
  /** Vaccination reminders asked in a group's form (the newborn group); absent: never offered. */
  reminders?: ReminderPort;
  /** The members' fees, paid once for the whole group; absent: each part pays on its own page. */
  fees?: FeePort;
}

type Problem = { field: string; code: string; message: string };
type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The group code the citizen tracks: "LT-<unit>-YYMMDD-NNNN" (the day's sequence per unit). */
export const SUBMISSION_CODE_RE = /^LT-\d{2,5}-\d{6}-\d{4,}$/;

/** YYMMDD of an instant in Vietnam's time zone (UTC+7). */
function vnDay(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
}

/** A member's state in words: a refusal is said as such, a partner's part names the partner. */
export function memberLabel(m: Pick<MemberState, 'status' | 'outcome' | 'agency' | 'agencyName' | 'sentAt' | 'escalatedAt' | 'result'>): string {
  if (m.status === 'processed' && m.outcome === 'rejected') return m.agency === 'partner' ? `${m.agencyName} từ chối giải quyết` : 'Không được giải quyết';
  if (m.status === 'returned' && m.outcome === 'rejected') return 'Không được giải quyết, đã trả văn bản trả lời';
  if (m.agency === 'partner' && m.sentAt && (m.status === 'received' || m.status === 'in_progress')) {
    return `Đang giải quyết tại ${m.agencyName}${m.escalatedAt ? ' (quá hạn, đã báo bộ phận một cửa đôn đốc)' : ''}`;
  }
  return STATUS_LABEL[m.status];
}

export class LinkedService {
  private readonly key: Buffer;

  constructor(private readonly deps: LinkedDeps) {
    this.key = createHmac('sha256', deps.secret).update('motcua linked groups v1').digest();
  }

  isGroupCode(code: string): boolean {
    return GROUP_CODE_RE.test(code);
  }

  // ------------------------------------------------------------------ catalogue

  /** A group the unit offers (a group its admin switched off reads as unknown to citizens). */
  async getGroup(unitCode: string, code: string): Promise<LinkedGroup> {
    const g = this.isGroupCode(code) ? await repo.findGroup(this.deps.db, unitCode, code) : undefined;
    if (!g || !g.enabled) throw new NotFoundError(`Đơn vị không có nhóm thủ tục liên thông mã ${code}.`, 'procedure_not_found');
    return g;
  }

  listGroups(unitCode: string): Promise<Array<{ code: string; name: string }>> {
    return repo.listGroups(this.deps.db, unitCode);
  }

  /** Defines (or redefines) a group of a unit; every member must be offered online by the unit. */
  async defineGroup(unitCode: string, code: string, name: string, raw: unknown): Promise<LinkedGroup> {
    if (!this.isGroupCode(code)) throw new ValidationError('Mã nhóm liên thông có dạng LT-KS.', [{ field: 'code', code: 'invalid_code', message: 'Mã nhóm có dạng LT- và tối đa 12 chữ hoa hoặc số' }]);
    const r = definitionSchema.safeParse(raw);
    if (!r.success) throw new ValidationError('Định nghĩa nhóm liên thông không hợp lệ.', r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })));
    const ids = new Set(r.data.eform.sections.flatMap((s) => s.fields.map((f) => f.id)));
    for (const m of r.data.members) {
      const unknown = (m.fields ?? []).filter((f) => !ids.has(f));
      if (unknown.length) throw new ValidationError(`Phần ${m.procedureCode} nhận những trường không có trong tờ khai: ${unknown.join(', ')}.`, [{ field: 'members', code: 'unknown_field', message: `Tờ khai không có trường ${unknown.join(', ')}` }]);
      const { procedure } = await this.deps.catalog.getUnitProcedure(unitCode, m.procedureCode);
      if (!procedure.channels.some((c) => c.kind === 'online')) throw new ValidationError(`Thủ tục ${m.procedureCode} chưa nhận hồ sơ trực tuyến.`, [{ field: 'members', code: 'channel_not_offered', message: `${procedure.name} chưa nhận hồ sơ trực tuyến` }]);
      if (m.partnerId && (await repo.findPartner(this.deps.db, m.partnerId))?.unitCode !== unitCode) throw new ValidationError(`Không có cơ quan phối hợp ${m.partnerId}.`, [{ field: 'members', code: 'unknown_partner', message: `Không có cơ quan phối hợp ${m.partnerId}` }]);
    }
    await repo.upsertGroup(this.deps.db, { unitCode, code, name, definition: r.data }, this.deps.clock.now().toISOString());
    // The catalogue's pages list the unit's groups: they are made again.
    await this.deps.catalog.touch();
    return this.getGroup(unitCode, code);
  }

  /** The unit's groups as its catalogue pages list them (home, each member's field, search). */
  async catalogueEntries(unitCode: string): Promise<Array<{ code: string; name: string; summary: string; memberNames: string[]; fields: string[]; href: string }>> {
    const out = [];
    for (const { code } of await repo.listGroups(this.deps.db, unitCode)) {
      const g = await repo.findGroup(this.deps.db, unitCode, code);
      if (!g) continue;
      const procedures = await Promise.all(g.members.map((m) => this.deps.catalog.findProcedure(m.procedureCode)));
      out.push({
        code: g.code,
        name: g.name,
        summary: g.summary,
        memberNames: procedures.map((p, i) => p?.name ?? g.members[i]!.procedureCode),
        fields: [...new Set(procedures.flatMap((p) => (p ? [p.field] : [])))],
        href: `/dv/${unitCode}/lien-thong/${g.code}`,
      });
    }
    return out;
  }

  /** What `GET /api/procedures/LT-KS` answers. */
  async groupJson(unitCode: string, code: string): Promise<Record<string, unknown>> {
    const g = await this.getGroup(unitCode, code);
    const parts = await Promise.all(
      g.members.map(async (m) => {
        const { procedure, entry } = await this.deps.catalog.getUnitProcedure(unitCode, m.procedureCode);
        const time = entry.commitment ?? procedure.channels.find((c) => c.kind === 'online')?.time ?? null;
        return { procedureCode: m.procedureCode, procedureName: procedure.name, agencyName: m.agencyName, partner: !!m.partnerId, processingTime: time };
      }),
    );
    const url = `${this.deps.publicUrl}/lien-thong/${unitCode}/${code}`;
    return {
      code: g.code,
      kind: 'linked_group',
      name: g.name,
      unit: unitCode,
      summary: g.summary,
      legalBasis: g.legalBasis,
      members: g.members.map((m) => m.procedureCode),
      parts,
      papers: g.papers.map((p) => ({ id: p.id, name: p.name, required: p.required })),
      formData: toJsonSchema(g.eform),
      pageUrl: url,
    };
  }

  // ------------------------------------------------------------------ submission

  /**
   * One form, one set of papers, one dossier per member, one transaction. The group's form is
   * checked as a whole first: every problem is answered at once in Vietnamese (422), and nothing is
   * written.
   */
  async submit(r: { unitCode: string; raw: unknown; files: UploadedFile[]; actor: Actor; idempotencyKey?: string; phoneVerified: (phone: string, otp: string | undefined) => Promise<boolean> }): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = (r.raw && typeof r.raw === 'object' ? r.raw : {}) as { procedureCode: string; applicant?: unknown; formData?: unknown; delivery?: { method?: 'counter' | 'post'; address?: string }; otp?: unknown; channel?: unknown; vaccinationReminders?: unknown };
    const g = await this.getGroup(r.unitCode, body.procedureCode);
    const idem = r.idempotencyKey ? `${r.actor.kind === 'anonymous' ? 'anon' : `${r.actor.kind}:${r.actor.id}`}:${r.idempotencyKey.slice(0, 200)}` : null;
    if (idem) {
      const existing = await repo.findSubmissionByKey(this.deps.db, idem);
      if (existing) return { status: 200, body: await this.answer(await this.view(existing.code), true) };
    }
    const problems: Problem[] = [];
    const applicant = this.deps.dossiers.checkApplicant(body.applicant);
    problems.push(...applicant.problems);
    const form = validateFormData(g.eform, body.formData ?? {}, { clock: this.deps.clock });
    if (!form.ok) problems.push(...form.errors.map((e) => ({ ...e, field: `formData.${e.field}` })));
    if (body.channel !== undefined && body.channel !== 'online') problems.push({ field: 'channel', code: 'channel_not_offered', message: 'Nhóm thủ tục liên thông nhận hồ sơ trực tuyến' });
    const byPaper = new Map<string, UploadedFile>();
    for (const f of r.files) {
      if (!g.papers.some((p) => p.id === f.field)) problems.push({ field: `attachments.${f.field}`, code: 'invalid_component', message: `Nhóm thủ tục không có giấy tờ "${f.field}"` });
      else byPaper.set(f.field, f);
    }
    for (const p of g.papers) if (p.required && !byPaper.has(p.id)) problems.push({ field: `attachments.${p.id}`, code: 'attachment_required', message: `Chưa đính kèm: ${p.name}` });
    const reminders = await this.reminderOptIn(g, r.unitCode, body.vaccinationReminders, applicant.applicant?.phone, form.ok ? form.value : undefined, problems);
    if (problems.length || !applicant.applicant || !form.ok) {
      throw new ValidationError('Tờ khai liên thông chưa hợp lệ, chưa hồ sơ nào được tạo. Xin sửa những mục dưới đây rồi nộp lại.', problems, 'invalid_group_form');
    }
    const phoneVerified = await r.phoneVerified(applicant.applicant.phone, typeof body.otp === 'string' ? body.otp : undefined);
    // Each paper is read once and attached to every member that needs it.
    const uploads = new Map<string, { data: Buffer; filename: string; declaredType?: string }>();
    for (const [id, f] of byPaper) uploads.set(id, await asUpload(f));
    const parts = g.members.map((m) => ({
      input: { unitCode: r.unitCode, procedureCode: m.procedureCode, channel: 'online' as const, applicant: applicant.applicant, formData: form.value, delivery: body.delivery },
      files: g.papers.flatMap((p) => (p.components[m.procedureCode] && uploads.has(p.id) ? [{ component: p.components[m.procedureCode]!, upload: uploads.get(p.id)! }] : [])),
    }));
    const now = this.deps.clock.now();
    let code = '';
    await this.deps.dossiers.submitMembers(parts, r.actor, { phoneVerified }, async (trx, members) => {
      code = `LT-${r.unitCode}-${vnDay(now)}-${String(await repo.nextSequence(trx, r.unitCode, vnDay(now))).padStart(4, '0')}`;
      await repo.insertSubmission(
        trx,
        {
          code,
          unitCode: r.unitCode,
          groupCode: g.code,
          applicantName: applicant.applicant.fullName,
          applicantPhone: applicant.applicant.phone,
          citizenId: r.actor.kind === 'citizen' ? r.actor.id : null,
          idempotencyKey: idem,
          createdAt: now.toISOString(),
        },
        members.map((d, i) => ({ dossierCode: d.code!, position: i, procedureCode: d.procedureCode, agency: g.members[i]!.partnerId ? 'partner' : 'unit', partnerId: g.members[i]!.partnerId ?? null })),
      );
      const due = members.map((d) => d.dueAt).filter((x): x is string => !!x).sort().at(-1);
      // Told once for the whole group (each member's own messages follow its own steps).
      await this.deps.notifications.enqueue(trx, {
        channel: 'sms',
        recipient: applicant.applicant.phone,
        event: 'linked_submitted',
        body: `Đã nhận hồ sơ liên thông ${code} (${members.length} phần: ${members.map((d) => d.code).join(', ')}). Dự kiến xong ${due ? formatDate(due) : 'theo thông báo'}. Theo dõi: ${this.trackingUrl(code)}`,
        unitCode: r.unitCode,
        dedupKey: `linked:${code}:submitted`,
      });
      if (applicant.applicant.email) {
        await this.deps.notifications.enqueue(trx, {
          channel: 'email',
          recipient: applicant.applicant.email,
          event: 'linked_submitted',
          subject: `Đã nhận hồ sơ liên thông ${code}`,
          body: `Kính gửi Ông/Bà ${applicant.applicant.fullName},\n\nHồ sơ liên thông ${code} (${g.name}) đã được nộp, gồm:\n${members.map((d, i) => `- ${d.code}: ${g.members[i]!.agencyName}`).join('\n')}\n\nTheo dõi cả nhóm tại: ${this.trackingUrl(code)}`,
          unitCode: r.unitCode,
          dedupKey: `linked:${code}:submitted:email`,
        });
      }
      await this.deps.audit.record({ actor: auditActorOf(r.actor), unitCode: r.unitCode, action: 'linked.submit', targetKind: 'linked_group', targetId: code, data: { group: g.code, members: members.map((d) => d.code), vaccinationReminders: !!reminders } }, trx);
    });
    const view = await this.view(code);
    const answer = await this.answer(view, true);
    // The reminders follow the registration (its first part, the birth): asked and checked with the
    // form, made once its dossiers are in (the submission proved the phone).
    if (reminders && this.deps.reminders) {
      const made = await this.deps.reminders.enrol({ ...reminders, dossierCode: view.members[0]!.code });
      answer.vaccinationReminders = { id: made.id, stopUrl: made.stopUrl, schedule: made.schedule.map((d) => ({ vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate })) };
    }
    return { status: 201, body: answer };
  }

  /**
   * The parent's opt-in to the child's vaccination reminders (`vaccinationReminders: {consent, village?,
   * zalo?}`): checked with the rest of the form, its problems added to the form's. What to enrol, or
   * undefined when not asked.
   */
  private async reminderOptIn(g: LinkedGroup, unitCode: string, raw: unknown, phone: string | undefined, form: Record<string, unknown> | undefined, problems: Problem[]): Promise<ReminderInput | undefined> {
    if (raw === undefined || raw === null || raw === false) return undefined;
    const o = (typeof raw === 'object' ? raw : {}) as { consent?: unknown; village?: unknown; zalo?: unknown };
    const map = g.vaccinationReminders;
    if (!map || !this.deps.reminders) {
      problems.push({ field: 'vaccinationReminders', code: 'reminders_not_offered', message: 'Nhóm thủ tục này không nhận đăng ký nhắc lịch tiêm chủng' });
      return undefined;
    }
    if (o.consent !== true) problems.push({ field: 'vaccinationReminders.consent', code: 'consent_required', message: 'Cần đồng ý cho lưu thông tin để nhắc lịch tiêm (hoặc bỏ chọn nhắc lịch tiêm)' });
    const village = typeof o.village === 'string' ? o.village : '';
    // The child's name and birth date come from the form: checked once it is valid.
    if (!form || !phone) return undefined;
    const input: ReminderInput = { unitCode, childName: String(form[map.childName] ?? ''), birthDate: String(form[map.birthDate] ?? ''), phone, village, zalo: o.zalo === true };
    for (const p of await this.deps.reminders.check(input)) problems.push({ ...p, field: `vaccinationReminders.${p.field}` });
    return input;
  }

  /** The reminders asked with a group's birth registration (its first part), for its page. */
  async remindersOf(v: SubmissionView): Promise<ReminderState | undefined> {
    const first = v.members[0];
    return first && this.deps.reminders ? this.deps.reminders.of(first.code) : undefined;
  }

  /** The group's fees: each part's and their sum (undefined without the payment module). */
  async feesOf(v: SubmissionView): Promise<GroupFees | undefined> {
    return this.deps.fees?.summary(v.members.map((m) => m.code), v.code);
  }

  /** The group's unit and its parts' dossier codes in order (a bank transfer naming the group pays them). */
  async memberCodes(code: string): Promise<{ unitCode: string; codes: string[] } | undefined> {
    const s = SUBMISSION_CODE_RE.test(code) ? await repo.findSubmission(this.deps.db, code) : undefined;
    if (!s) return undefined;
    return { unitCode: s.unitCode, codes: (await repo.listMembers(this.deps.db, code)).map((m) => m.dossierCode) };
  }

  /**
   * One VietQR transfer for what every part still owes, the group's code as its note (the bank
   * statement import shares it among the parts). Any proof that may read the group sees it: the
   * code only tells how to pay (each part's own code shows the same way on its page).
   */
  async vietqrOf(code: string, actor: Actor, proof: { phone?: string; token?: string }): Promise<{ view: SubmissionView; fees: GroupFees & { vietqr: string }; account: CollectionAccount }> {
    const { view } = await this.viewFor(code, actor, proof);
    const account = this.deps.fees?.vietqrAccount;
    const fees = await this.feesOf(view);
    if (!fees || !account) throw new RuleViolationError('vietqr_not_configured', 'Đơn vị chưa có tài khoản nhận chuyển khoản VietQR. Xin thanh toán qua VNPay hoặc nộp tại bộ phận một cửa.');
    if (fees.outstanding <= 0 || !fees.vietqr) throw new RuleViolationError('nothing_to_pay', 'Nhóm hồ sơ không còn khoản phí, lệ phí nào phải nộp.');
    return { view, fees: { ...fees, vietqr: fees.vietqr }, account };
  }

  get publicUrl(): string {
    return this.deps.publicUrl;
  }

  get vietqrAccount(): CollectionAccount | undefined {
    return this.deps.fees?.vietqrAccount;
  }

  get gatewayOrigin(): string | undefined {
    return this.deps.fees?.gatewayOrigin;
  }

  /**
   * Pays once: one VNPay order for what every part still owes (the group's page or API, with a
   * proof that may change the group: its signed link or the applicant's session).
   */
  async payOnce(code: string, actor: Actor, proof: { phone?: string; token?: string }, ip: string): Promise<{ paymentUrl: string; orderRef: string; amount: number; parts: Array<{ code: string; amount: number }> }> {
    const { view, strong } = await this.viewFor(code, actor, proof);
    if (!strong) throw new ForbiddenError('Để thanh toán, xin mở trang nhóm hồ sơ bằng đường dẫn trong tin nhắn hoặc đăng nhập bằng số điện thoại người nộp.', 'stronger_proof_required');
    if (!this.deps.fees) throw new RuleViolationError('vnpay_not_configured', 'Đơn vị chưa nhận thanh toán trực tuyến.');
    return this.deps.fees.payVnpay(view.members.map((m) => m.code), view.code, ip);
  }

  /** The opt-in's consent wording, when the group's form offers reminders. */
  reminderConsent(g: LinkedGroup): string | undefined {
    return g.vaccinationReminders && this.deps.reminders ? this.deps.reminders.consentText : undefined;
  }

  /** The group as the API answers it; `strong`: the proof may change it (signed links included). */
  async answer(v: SubmissionView, strong: boolean): Promise<Record<string, unknown> & { vaccinationReminders?: unknown }> {
    const fees = await this.feesOf(v);
    return {
      groupCode: v.code,
      procedureCode: v.groupCode,
      name: v.groupName,
      unit: v.unitCode,
      dueAt: v.dueAt,
      trackingUrl: strong ? this.trackingUrl(v.code) : `${this.deps.publicUrl}/lien-thong/${v.code}`,
      receiptUrl: `${this.deps.publicUrl}/lien-thong/${v.code}/bien-nhan.pdf${strong ? `?t=${this.token(v.code)}` : ''}`,
      members: v.members.map((m) => ({
        code: m.code,
        procedureCode: m.procedureCode,
        procedureName: m.procedureName,
        agency: m.agency,
        agencyName: m.agencyName,
        status: m.status,
        statusLabel: m.statusLabel,
        outcome: m.outcome || null,
        dueAt: m.dueAt,
        escalated: !!m.escalatedAt,
        trackingUrl: strong ? this.deps.dossiers.trackingUrl(m.code) : `${this.deps.publicUrl}/ho-so/${m.code}`,
      })),
      // The members' fees as one sum, paid once (POST /api/groups/{code}/payments/vnpay, or the VietQR).
      payment: fees ? { amount: fees.amount, paid: fees.paid, outstanding: fees.outstanding, vnpay: fees.vnpay, vietqr: fees.vietqr } : null,
    };
  }

  // ------------------------------------------------------------------ reading

  async view(code: string): Promise<SubmissionView> {
    const s = SUBMISSION_CODE_RE.test(code) ? await repo.findSubmission(this.deps.db, code) : undefined;
    if (!s) throw new NotFoundError('Không tìm thấy hồ sơ liên thông với mã đã nhập.', 'group_not_found');
    const g = await repo.findGroup(this.deps.db, s.unitCode, s.groupCode);
    const rows = await repo.listMembers(this.deps.db, code);
    const members: MemberState[] = [];
    for (const m of rows) {
      const d = await this.deps.dossiers.findByCode(m.dossierCode);
      if (!d) continue;
      const def = g?.members.find((x) => x.procedureCode === m.procedureCode);
      const procedure = await this.deps.catalog.findProcedure(m.procedureCode);
      const base = {
        code: m.dossierCode,
        procedureCode: m.procedureCode,
        procedureName: procedure?.name ?? m.procedureCode,
        agency: m.agency,
        agencyName: def?.agencyName ?? (m.agency === 'partner' ? 'Cơ quan phối hợp' : 'Ủy ban nhân dân'),
        partnerId: m.partnerId,
        status: d.status,
        outcome: d.outcome,
        dueAt: d.rescheduledDueAt ?? d.dueAt,
        sentAt: m.sentAt,
        result: m.result,
        resultNote: m.resultNote,
        resultAt: m.resultAt,
        resultBy: m.resultBy,
        escalatedAt: m.escalatedAt,
      };
      members.push({ ...base, statusLabel: memberLabel(base) });
    }
    // The group is done when its last member is: its due date is the latest member's.
    const dues = members.map((m) => m.dueAt);
    const dueAt = dues.length && dues.every((x) => x) ? (dues as string[]).sort().at(-1)! : null;
    return { code: s.code, unitCode: s.unitCode, groupCode: s.groupCode, groupName: g?.name ?? s.groupCode, applicantName: s.applicantName, applicantPhone: s.applicantPhone, citizenId: s.citizenId, createdAt: s.createdAt, dueAt, members };
  }

  /** The unit's latest groups, with how many parts still wait for reception. */
  async recentOfUnit(unitCode: string): Promise<Array<{ code: string; groupName: string; applicantName: string; createdAt: string; waiting: number }>> {
    const out = [];
    for (const s of await repo.listSubmissionsOfUnit(this.deps.db, unitCode)) {
      const v = await this.view(s.code);
      out.push({ code: v.code, groupName: v.groupName, applicantName: v.applicantName, createdAt: v.createdAt, waiting: v.members.filter((m) => m.status === 'new').length });
    }
    return out;
  }

  /** The e-form a group submission was filled with (the group's current one). */
  async eformOfSubmission(code: string): Promise<LinkedGroup['eform'] | undefined> {
    const s = await repo.findSubmission(this.deps.db, code);
    return s ? (await repo.findGroup(this.deps.db, s.unitCode, s.groupCode))?.eform : undefined;
  }

  /**
   * The group for whoever asks, with the tracking page's proofs: the signed link, the applicant's
   * phone, the signed-in applicant, an official of the unit. A wrong proof reads as a wrong code.
   */
  async viewFor(code: string, actor: Actor, proof: { phone?: string; token?: string }): Promise<{ view: SubmissionView; strong: boolean }> {
    const notFound = () => new NotFoundError('Không tìm thấy hồ sơ liên thông với mã và số điện thoại đã nhập.', 'group_not_found');
    if (!SUBMISSION_CODE_RE.test(code)) throw notFound();
    const v = await this.view(code).catch(() => {
      throw notFound();
    });
    if (actor.kind === 'staff') {
      if (actor.unitCode === v.unitCode) return { view: v, strong: true };
      throw new NotFoundError('Không tìm thấy hồ sơ liên thông này trong đơn vị của bạn.', 'group_not_found');
    }
    if (proof.token && this.checkToken(code, proof.token)) return { view: v, strong: true };
    if (actor.kind === 'citizen' && (actor.id === v.citizenId || actor.phone === v.applicantPhone)) return { view: v, strong: true };
    if (proof.phone && normalizePhone(proof.phone) === v.applicantPhone) return { view: v, strong: false };
    throw notFound();
  }

  token(code: string): string {
    return createHmac('sha256', this.key).update(`group:${code}`).digest('base64url').slice(0, 22);
  }

  checkToken(code: string, token: string): boolean {
    const a = Buffer.from(this.token(code));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** A member's own tracking page, signed (for whoever holds the group's signed link or session). */
  memberLink(dossierCode: string): string {
    return `/ho-so/${dossierCode}?t=${encodeURIComponent(this.deps.dossiers.token(dossierCode))}`;
  }

  trackingUrl(code: string): string {
    return `${this.deps.publicUrl}/lien-thong/${code}?t=${this.token(code)}`;
  }

  // ------------------------------------------------------------------ the unit's reception

  /**
   * The receptionist receives the whole group: every member still waiting is accepted (each gets
   * its appointment), and the partners' parts are handed over (inbox, or e-mail with a signed link).
   * A member refused or asked for papers meanwhile is left as it is.
   */
  async acceptGroup(code: string, actor: StaffActor): Promise<SubmissionView> {
    const { view } = await this.viewFor(code, actor, {});
    for (const m of view.members) {
      if (m.status !== 'new') continue;
      const d = await this.deps.dossiers.findByCode(m.code);
      if (d) await this.deps.workflow.act(d, actor, { type: 'accept' }, { key: `linked-accept:${code}` });
    }
    await this.handOver(code);
    return this.view(code);
  }

  /** Hands every accepted partner part of a group (or of all groups) to its partner, once. */
  async handOver(code?: string): Promise<number> {
    const codes = code ? [code] : [...new Set((await repo.listUnsent(this.deps.db)).map((m) => m.submissionCode))];
    let sent = 0;
    for (const c of codes) {
      const s = await repo.findSubmission(this.deps.db, c);
      if (!s) continue;
      const g = await repo.findGroup(this.deps.db, s.unitCode, s.groupCode);
      for (const m of await repo.listMembers(this.deps.db, c)) {
        if (m.agency !== 'partner' || m.sentAt || !m.partnerId) continue;
        const d = await this.deps.dossiers.findByCode(m.dossierCode);
        if (!d || (d.status !== 'received' && d.status !== 'in_progress')) continue;
        const partner = await repo.findPartner(this.deps.db, m.partnerId);
        if (!partner) continue;
        const procedure = await this.deps.catalog.findProcedure(m.procedureCode);
        const now = this.deps.clock.now().toISOString();
        await this.deps.db.transaction().execute(async (trx) => {
          if (!(await repo.markSent(trx, m.dossierCode, now))) return;
          sent++;
          if (partner.email) {
            const how = partner.mode === 'email' ? `Xin mở đường dẫn sau để xem hồ sơ và ghi kết quả (không cần tài khoản):\n${this.partnerLink(m.dossierCode, partner.id)}` : `Xin đăng nhập hộp thư cơ quan phối hợp để xem hồ sơ và ghi kết quả: ${this.deps.publicUrl}/doi-tac`;
            await this.deps.notifications.enqueue(trx, {
              channel: 'email',
              recipient: partner.email,
              event: 'linked_partner_part',
              subject: `Hồ sơ liên thông ${m.dossierCode}: ${procedure?.name ?? m.procedureCode}`,
              body: `Kính gửi ${partner.name},\n\n${g?.name ?? 'Nhóm thủ tục liên thông'} (mã nhóm ${c}): phần ${procedure?.name ?? m.procedureCode}, hồ sơ ${m.dossierCode}, hạn giải quyết ${d.dueAt ? formatDate(d.dueAt) : '-'}.\n\n${how}`,
              dossierCode: m.dossierCode,
              unitCode: s.unitCode,
              dedupKey: `linked:${m.dossierCode}:sent`,
            });
          }
        });
      }
    }
    return sent;
  }

  // ------------------------------------------------------------------ partners

  async partner(id: string): Promise<Partner> {
    const p = await repo.findPartner(this.deps.db, id);
    if (!p || !p.active) throw new UnauthorizedError('Phiên đăng nhập của cơ quan phối hợp đã hết. Xin đăng nhập lại.', 'auth_required');
    return p;
  }

  /** A partner's account: user name and password (argon2). Same answer for a wrong name or password. */
  async signInPartner(username: string, password: string): Promise<Partner> {
    const p = await repo.findPartnerLogin(this.deps.db, username.trim());
    const ok = p?.passwordHash ? await argonVerify(p.passwordHash, password).catch(() => false) : false;
    if (!p || !ok || !p.active) throw new UnauthorizedError('Tên đăng nhập hoặc mật khẩu không đúng.', 'invalid_credentials');
    return p;
  }

  /** The parts handed to this partner, with their state: only theirs, never the unit's other dossiers. */
  async partnerParts(partner: Partner): Promise<Array<MemberState & { groupCode: string; applicantName: string }>> {
    const out = [];
    for (const m of await repo.listPartnerMembers(this.deps.db, partner.id)) {
      const v = await this.view(m.submissionCode);
      const state = v.members.find((x) => x.code === m.dossierCode);
      if (state) out.push({ ...state, groupCode: v.code, applicantName: v.applicantName });
    }
    return out;
  }

  /** One part for its partner: the dossier (form answers, papers) and the group. 404 if not theirs. */
  async partnerPart(partner: Partner, dossierCode: string): Promise<{ member: MemberState; dossier: Dossier; group: SubmissionView }> {
    const m = await repo.findMember(this.deps.db, dossierCode);
    if (!m || m.partnerId !== partner.id || !m.sentAt) throw new NotFoundError('Không có hồ sơ này trong hộp thư của cơ quan.', 'part_not_found');
    const group = await this.view(m.submissionCode);
    const dossier = await this.deps.dossiers.findByCode(dossierCode);
    const member = group.members.find((x) => x.code === dossierCode);
    if (!dossier || !member) throw new NotFoundError('Không có hồ sơ này trong hộp thư của cơ quan.', 'part_not_found');
    return { member, dossier, group };
  }

  /** The group form's fields a member's agency receives (linked.fields.ts says the rule). */
  async shareOf(g: LinkedGroup, procedureCode: string): Promise<EFormField[]> {
    const explicit = g.members.find((m) => m.procedureCode === procedureCode)?.fields;
    const own = explicit ? undefined : await this.deps.dossiers.eformOf(g.unitCode, procedureCode).catch(() => undefined);
    return shareOf(g, procedureCode, own);
  }

  /** One part for its partner with its share of the form only: never another member's answers. */
  async partnerShare(partner: Partner, dossierCode: string): Promise<{ member: MemberState; dossier: Dossier; groupCode: string; answers: Array<{ field: string; label: string; value: string }>; formData: Record<string, unknown> }> {
    const { member, dossier, group } = await this.partnerPart(partner, dossierCode);
    const g = await repo.findGroup(this.deps.db, group.unitCode, group.groupCode);
    const fields = g ? await this.shareOf(g, member.procedureCode) : [];
    return { member, dossier, groupCode: group.code, answers: shareAnswers(fields, dossier.formData), formData: shareData(fields, dossier.formData) };
  }

  /**
   * The group a dossier is a part of, for the officials' dossier page and JSON: the group, this
   * part, the other parts, and this part's share of the group's form. Undefined for a dossier of
   * its own.
   */
  async groupOfMember(dossierCode: string, formData: Record<string, unknown>): Promise<MemberOfGroup | undefined> {
    const m = await repo.findMember(this.deps.db, dossierCode);
    if (!m) return undefined;
    const view = await this.view(m.submissionCode);
    const self = view.members.find((x) => x.code === dossierCode);
    if (!self) return undefined;
    const g = await repo.findGroup(this.deps.db, view.unitCode, view.groupCode);
    const answers = g ? shareAnswers(await this.shareOf(g, self.procedureCode), formData) : [];
    return { view, self, others: view.members.filter((x) => x.code !== dossierCode), answers };
  }

  /** The partner's answer: the part's dossier gets its result (or refusal), the group records who answered. */
  async recordPartnerResult(partner: Partner, dossierCode: string, r: { approved: boolean; note: string }, via: 'inbox' | 'link'): Promise<MemberState> {
    const note = r.note.normalize('NFC').trim().slice(0, 1000);
    if (!r.approved && note.length < 5) {
      throw new ValidationError('Cần ghi rõ lý do từ chối.', [{ field: 'note', code: 'reason_required', message: 'Ghi lý do từ chối (ít nhất 5 ký tự) để người dân biết phải làm gì' }], 'invalid_result');
    }
    const { member, dossier } = await this.partnerPart(partner, dossierCode);
    if (member.result) throw new ConflictError('result_recorded', `Cơ quan đã ghi kết quả cho hồ sơ ${dossierCode} lúc ${formatDate(member.resultAt!)}.`);
    const at = this.deps.clock.now().toISOString();
    await this.deps.workflow.recordOutsideResult(dossier, { approved: r.approved, note: note || 'Đã giải quyết xong.', by: partner.name, key: `partner:${partner.id}` }, async (trx) => {
      await repo.setResult(trx, dossierCode, { result: r.approved ? 'approved' : 'rejected', note, at, by: partner.name });
      await this.deps.audit.record({ actor: { kind: 'system', id: null, name: partner.name }, unitCode: dossier.unitCode, action: 'linked.partner_result', targetKind: 'dossier', targetId: dossierCode, data: { approved: r.approved, note, via } }, trx);
    });
    return (await this.partnerPart(partner, dossierCode)).member;
  }

  /** The signed link of an e-mailed part: it opens that part only, for that partner. */
  partnerLink(dossierCode: string, partnerId: string): string {
    return `${this.deps.publicUrl}/doi-tac/ket-qua/${dossierCode}?t=${this.partnerToken(dossierCode, partnerId)}`;
  }

  private partnerToken(dossierCode: string, partnerId: string): string {
    return createHmac('sha256', this.key).update(`partner-link:${dossierCode}:${partnerId}`).digest('base64url').slice(0, 32);
  }

  /** The partner a signed link speaks for; 404 for a wrong or altered link (nothing to guess from). */
  async partnerOfLink(dossierCode: string, token: string): Promise<Partner> {
    const wrong = () => new NotFoundError('Đường dẫn không đúng hoặc đã bị thay đổi. Xin mở lại đường dẫn trong thư điện tử.', 'link_invalid');
    const m = await repo.findMember(this.deps.db, dossierCode);
    if (!m?.partnerId || !token) throw wrong();
    const a = Buffer.from(this.partnerToken(dossierCode, m.partnerId));
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw wrong();
    const p = await repo.findPartner(this.deps.db, m.partnerId);
    if (!p || !p.active) throw wrong();
    return p;
  }

  // ------------------------------------------------------------------ escalation

  /**
   * A partner that never answers: once a handed-over part passes its deadline without a result,
   * the unit's leaders and receptionists are told (SMS, e-mail through the outbox), the partner is
   * reminded, and the group page says so. Once per part.
   */
  async escalate(): Promise<{ handedOver: number; escalated: number }> {
    const handedOver = await this.handOver();
    const now = this.deps.clock.now();
    let escalated = 0;
    const staffOf = new Map<string, Staff[]>();
    for (const m of await repo.listUnansweredSent(this.deps.db)) {
      const d = await this.deps.dossiers.findByCode(m.dossierCode);
      const due = d?.rescheduledDueAt ?? d?.dueAt;
      if (!d || !due || new Date(due) > now || (d.status !== 'received' && d.status !== 'in_progress')) continue;
      const partner = m.partnerId ? await repo.findPartner(this.deps.db, m.partnerId) : undefined;
      const procedure = await this.deps.catalog.findProcedure(m.procedureCode);
      if (!staffOf.has(d.unitCode)) staffOf.set(d.unitCode, (await this.deps.accounts.listStaff([d.unitCode])).filter((s) => (s.role === 'leader' || s.role === 'receptionist') && s.active !== false));
      const text = `Hồ sơ liên thông ${m.submissionCode}: phần ${procedure?.name ?? m.procedureCode} (${m.dossierCode}) đã quá hạn ${formatDate(due)} mà ${partner?.name ?? 'cơ quan phối hợp'} chưa trả kết quả. Xin liên hệ đôn đốc.`;
      await this.deps.db.transaction().execute(async (trx) => {
        if (!(await repo.markEscalated(trx, m.dossierCode, now.toISOString()))) return;
        escalated++;
        for (const s of staffOf.get(d.unitCode)!) {
          if (s.phone) await this.deps.notifications.enqueue(trx, { channel: 'sms', recipient: s.phone, event: 'linked_partner_overdue', body: text, dossierCode: m.dossierCode, unitCode: d.unitCode, dedupKey: `linked:${m.dossierCode}:overdue:${s.id}:sms` });
          if (s.email) await this.deps.notifications.enqueue(trx, { channel: 'email', recipient: s.email, event: 'linked_partner_overdue', subject: `Quá hạn: ${m.dossierCode}`, body: `Kính gửi Ông/Bà ${s.fullName},\n\n${text}`, dossierCode: m.dossierCode, unitCode: d.unitCode, dedupKey: `linked:${m.dossierCode}:overdue:${s.id}:email` });
        }
        if (partner?.email) {
          const how = partner.mode === 'email' ? this.partnerLink(m.dossierCode, partner.id) : `${this.deps.publicUrl}/doi-tac`;
          await this.deps.notifications.enqueue(trx, { channel: 'email', recipient: partner.email, event: 'linked_partner_overdue', subject: `Nhắc: hồ sơ ${m.dossierCode} đã quá hạn`, body: `Kính gửi ${partner.name},\n\nHồ sơ ${m.dossierCode} (${procedure?.name ?? m.procedureCode}) đã quá hạn ${formatDate(due)}. Xin ghi kết quả tại: ${how}`, dossierCode: m.dossierCode, unitCode: d.unitCode, dedupKey: `linked:${m.dossierCode}:overdue:partner` });
        }
        await this.deps.audit.record({ actor: { kind: 'system', id: null, name: 'Hệ thống' }, unitCode: d.unitCode, action: 'linked.partner_overdue', targetKind: 'dossier', targetId: m.dossierCode, data: { partner: partner?.id ?? null, dueAt: due, group: m.submissionCode } }, trx);
      });
    }
    return { handedOver, escalated };
  }

  // ------------------------------------------------------------------ demo

  /**
   * The demo groups LT-KS and LT-KT in the demo ward, their two extra procedures (see
   * linked.demo.ts) and partners; the police's inbox account is `congan` / `password`.
   */
  async seedDemo(password: string): Promise<void> {
    const unit = DEMO_GROUPS[0]!.unitCode;
    await this.deps.catalog.upsertProcedures(LINKED_DEMO_PROCEDURES.map((p) => this.deps.catalog.parseProcedure(p)), 'demo-linked', { attachTo: unit });
    const now = this.deps.clock.now().toISOString();
    const hash = await argonHash(password);
    for (const p of DEMO_PARTNERS) await repo.upsertPartner(this.deps.db, { ...p, passwordHash: p.username ? hash : null }, now);
    for (const g of DEMO_GROUPS) await this.defineGroup(g.unitCode, g.code, g.name, g.definition);
  }
}

function auditActorOf(actor: Actor): { kind: 'staff' | 'citizen' | 'anonymous'; id: string | null; name: string } {
  if (actor.kind === 'anonymous') return { kind: 'anonymous', id: null, name: 'Người nộp hồ sơ (chưa đăng nhập)' };
  return { kind: actor.kind, id: actor.id, name: actor.name };
}

