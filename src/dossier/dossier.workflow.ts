import { z } from 'zod';
import { cleanName, NAME_NEEDS_LETTER } from '../shared/text';
import type { AccountService } from '../account';
import type { AuditService } from '../audit';
import { addWorkingDays, vnDateOf, workingMillisBetween, workingMillisFrom, type UnitCalendar } from '../calendar';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import type { BlobStore } from '../file';
import type { NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone } from '../shared/phone';
import { fold } from '../shared/vietnamese';
import type { SigningService } from '../signing';
import type { UnitService } from '../unit';
import {
  ACTION_LABEL,
  ACTION_TYPES,
  type ActionType,
  type Process,
  type ProcessStep,
  type WorkflowService,
} from '../workflow';
import * as repo from './dossier.repo';
import type { DossierUpdate } from './dossier.repo';
import { planAction, planContext, type Plan, type PlanBase } from './dossier.plans';
import { DossierEscalation } from './dossier.escalation';
import { allowedActions, isLateOrAtRisk, verdict, type RuleActor } from './dossier.rules';
import type { DossierService } from './dossier.service';
import { auditActor } from './dossier.submission';
import type { Actor, Dossier, DossierStatus } from './dossier.types';

/**
 * The action engine: every change an official (or the citizen) makes to a dossier after
 * submission. Each action is checked against the rules (dossier.rules.ts), applied to the
 * dossier's projection with an optimistic lock, appended to the history with its idempotency key,
 * told to the citizen through the outbox when they can see it, and written to the audit log —
 * all in one transaction.
 *
 * The deadline clock (Decree 118/2025; DOMAIN.md "Deadlines"): it starts at receipt of a complete
 * dossier and stops while the office waits for the citizen (a supplement, a fee); when the citizen
 * answers, the appointment and every step's planned end move later by the working time it was
 * stopped (see `resume`). A promised new date (apology) never changes `dueAt`: the dossier still
 * counts as late against it.
 */

const reason = z.string({ message: 'Cần ghi lý do' }).trim().normalize('NFC').min(5, 'Lý do cần ít nhất 5 ký tự').max(2000, 'Lý do tối đa 2000 ký tự');
const comment = z.string().trim().normalize('NFC').max(2000, 'Ghi chú tối đa 2000 ký tự').optional();
const username = z.string({ message: 'Cần tên đăng nhập của cán bộ' }).trim().toLowerCase().min(1, 'Cần tên đăng nhập của cán bộ').max(60);

export const actionSchemas = {
  accept: z.object({ comment }),
  refuse: z.object({ reason, comment }),
  request_supplement: z.object({
    items: z
      .array(z.string().trim().normalize('NFC').min(2, 'Mỗi mục cần bổ sung cần ít nhất 2 ký tự').max(500, 'Mỗi mục tối đa 500 ký tự'), { message: 'Cần danh sách giấy tờ phải bổ sung' })
      .min(1, 'Liệt kê ít nhất một giấy tờ cần bổ sung (một lần, đủ tất cả)')
      .max(30, 'Tối đa 30 mục'),
    message: comment,
  }),
  supplement: z.object({ comment }),
  forward: z.object({ to: username.optional(), comment }),
  assign: z.object({ assignee: username, comment }),
  propose_result: z.object({ proposal: z.enum(['approve', 'reject'], { message: 'Đề xuất là approve (giải quyết) hoặc reject (từ chối)' }).default('approve'), comment }),
  approve: z.object({ comment }),
  send_back: z.object({ reason, comment }),
  reject: z.object({ reason, comment }),
  request_payment: z.object({
    amount: z.number({ message: 'Số tiền phải là số (đồng)' }).int('Số tiền là số nguyên (đồng)').min(0, 'Số tiền không âm').max(1_000_000_000, 'Số tiền quá lớn'),
    items: z.array(z.object({ label: z.string().trim().normalize('NFC').min(1).max(200), amount: z.number().int().min(0) })).max(20).optional(),
    note: comment,
  }),
  confirm_payment: z.object({
    amount: z.number().int().min(0).optional(),
    method: z.enum(['cash', 'transfer', 'online'], { message: 'Hình thức nộp là cash, transfer hoặc online' }).default('cash'),
    receiptNo: z.string().trim().max(60).optional(),
    comment,
  }),
  mark_result_ready: z.object({ note: z.string().trim().normalize('NFC').max(2000, 'Ghi chú tối đa 2000 ký tự').optional(), comment }),
  return_result: z
    .object({
      method: z.enum(['in_person', 'post'], { message: 'Hình thức trả là in_person (trực tiếp) hoặc post (bưu chính)' }),
      trackingNumber: z.string().trim().max(40, 'Số hiệu bưu gửi tối đa 40 ký tự').optional(),
      receiverName: z.string().transform(cleanName).pipe(z.string().max(100).regex(/\p{L}/u, NAME_NEEDS_LETTER)).optional(),
      comment,
    })
    .superRefine((v, ctx) => {
      if (v.method === 'post' && !v.trackingNumber) ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'Trả qua bưu chính cần số hiệu bưu gửi' });
    }),
  withdraw: z.object({ reason, comment }),
  stop: z.object({ reason, comment }),
  apologize: z.object({
    reason,
    newDueAt: z.string({ message: 'Cần ngày hẹn mới' }).refine((v) => !Number.isNaN(new Date(v).getTime()), 'Ngày hẹn mới không hợp lệ (dạng 2026-12-20 hoặc 2026-12-20T17:00:00+07:00)'),
    comment,
  }),
} satisfies Record<ActionType, z.ZodType>;

export type ActionInput<T extends ActionType = ActionType> = z.infer<(typeof actionSchemas)[T]>;

export interface ResultUpload {
  data: Buffer;
  filename: string;
  declaredType?: string;
}

export interface ActOptions {
  /** Idempotency key: the same key on the same dossier replays instead of acting twice. */
  key?: string;
  /** The citizen proved they are the applicant (their session, the phone, the signed link). */
  owner?: boolean;
  /** The signed result (mark_result_ready). */
  file?: ResultUpload;
  /** false: keep a PDF result as uploaded, without the unit's digital signature (default: sign when a certificate is configured). */
  sign?: boolean;
}

export interface ActResult {
  dossier: Dossier;
  /** True when the key had been used: nothing was done again. */
  replayed: boolean;
}

/** A row of the worklist. */
export interface WorkItem extends Dossier {
  procedureName: string;
  field: string;
  assigneeName: string | null;
  stepName: string | null;
  /** Working time left until the appointment (negative when late), ms; null when not running. */
  leftMs: number | null;
}

/** The last instant of a Vietnamese calendar day (YYYY-MM-DD), as an ISO instant. */
const endOfVnDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+07:00`)).toISOString();

export const WORKLIST_TABS = ['mine', 'new', 'due_today', 'due_soon', 'overdue', 'waiting', 'all', 'closed'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];
export const WORKLIST_TAB_LABEL: Record<WorklistTab, string> = {
  mine: 'Việc của tôi',
  new: 'Hồ sơ mới',
  due_today: 'Đến hạn hôm nay',
  due_soon: 'Đến hạn trong 2 ngày',
  overdue: 'Quá hạn',
  waiting: 'Chờ người dân',
  all: 'Tất cả đang mở',
  closed: 'Đã kết thúc',
};

/**
 * The "closed" tab holds every finished dossier of the years kept (tens of thousands in a busy
 * ward): its count stops here and shows "hơn 10.000" (issue 16: counting 28,000 of them was most
 * of the page's time at 5,000,000 dossiers). Every other tab holds open dossiers only.
 */
export const CLOSED_COUNT_UP_TO = 10_000;

export interface WorklistQuery {
  tab?: WorklistTab;
  field?: string;
  procedure?: string;
  status?: DossierStatus;
  channel?: string;
  q?: string;
  unit?: string;
  limit?: number;
  offset?: number;
}

/** What the timeline shows of each step: who, when, the time used and what was left. */
export interface StepRecord {
  no: number;
  name: string;
  kind: string;
  startedAt: string;
  endedAt: string | null;
  plannedEnd: string | null;
  usedMs: number;
  leftMs: number | null;
  timeliness: 'ahead' | 'on_time' | 'late' | null;
  actorName: string | null;
}

/** One hand-over, as the process control sheet lists them. */
export interface Handover {
  at: string;
  fromName: string;
  fromLabel: string;
  toLabel: string;
  plannedEnd: string | null;
  timeliness: 'ahead' | 'on_time' | 'late' | null;
  note: string;
}

type StaffActor = Extract<Actor, { kind: 'staff' }>;

export class DossierWorkflow {
  constructor(
    private readonly db: Db,
    private readonly dossiers: DossierService,
    private readonly catalog: CatalogService,
    private readonly workflow: WorkflowService,
    private readonly accounts: AccountService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly files: BlobStore,
    private readonly units: UnitService,
    private readonly clock: Clock,
  ) {
    this.escalation = new DossierEscalation(db, dossiers, accounts, notifications, audit, clock, (d) => this.stepsOf(d));
  }

  /** The escalation job and the apologies it prepares (dossier.escalation.ts). */
  private readonly escalation: DossierEscalation;

  // ------------------------------------------------------------------ rules

  async stepsOf(d: Pick<Dossier, 'processId'>): Promise<ProcessStep[]> {
    return d.processId ? (await this.workflow.get(d.processId)).steps : [];
  }

  async processOf(d: Dossier): Promise<Process | undefined> {
    return d.processId ? this.workflow.get(d.processId) : undefined;
  }

  ruleActor(d: Dossier, actor: Actor, owner = false): RuleActor {
    if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, role: actor.role, ownUnit: actor.unitCode === d.unitCode };
    if (actor.kind === 'citizen') return { kind: 'citizen', owner: owner || d.citizenId === actor.id || d.applicant.phone === actor.phone };
    return { kind: 'anonymous', owner };
  }

  /** The actions this actor may take now (what the page shows as buttons, and the API lists). */
  async allowedFor(d: Dossier, actor: Actor, owner = false): Promise<ActionType[]> {
    return allowedActions(d, await this.stepsOf(d), this.ruleActor(d, actor, owner), this.clock.now());
  }

  // ------------------------------------------------------------------ acting

  parseInput<T extends ActionType>(type: T, raw: unknown): ActionInput<T> {
    const r = actionSchemas[type].safeParse(raw ?? {});
    if (!r.success) {
      throw new ValidationError(
        `Thông tin cho thao tác "${ACTION_LABEL[type] ?? type}" chưa hợp lệ.`,
        r.error.issues.map((i) => ({ field: i.path.join('.') || type, code: i.code === 'invalid_type' ? 'required' : i.code, message: i.message })),
        'invalid_action',
      );
    }
    return r.data as ActionInput<T>;
  }

  /**
   * Do one action. Checks the state and the actor's role (409 with the reason), validates the
   * input (422), applies the change if nobody changed the dossier meanwhile (409 otherwise), and
   * replays when the idempotency key was already used on this dossier.
   */
  async act(d: Dossier, actor: Actor, raw: { type: string } & Record<string, unknown>, opts: ActOptions = {}): Promise<ActResult> {
    const type = raw.type as ActionType;
    if (!(ACTION_TYPES as readonly string[]).includes(type)) {
      throw new ValidationError('Thao tác không hợp lệ.', [{ field: 'type', code: 'invalid_action', message: `Các thao tác: ${ACTION_TYPES.join(', ')}` }]);
    }
    if (!d.code) throw new NotFoundError('Hồ sơ chưa nộp.', 'dossier_not_found');
    if (opts.key !== undefined && (opts.key.length < 1 || opts.key.length > 200)) {
      throw new ValidationError('Idempotency-Key dài từ 1 đến 200 ký tự.', [{ field: 'Idempotency-Key', code: 'invalid_key', message: 'Từ 1 đến 200 ký tự' }]);
    }
    const fullKey = opts.key ? `${d.id}:${actor.kind === 'anonymous' ? 'anon' : `${actor.kind}:${actor.id}`}:${opts.key}` : `${d.id}:auto:${uuidv7()}`;
    if (opts.key) {
      const hit = await repo.findHistoryByKey(this.db, fullKey);
      if (hit) return { dossier: (await repo.findDossierById(this.db, d.id))!, replayed: true };
    }
    const steps = await this.stepsOf(d);
    const now = this.clock.now();
    const v = verdict(type, d, steps, this.ruleActor(d, actor, opts.owner), now);
    if (!v.ok) throw new ConflictError(v.code, v.reason);
    const input = this.parseInput(type, raw);
    const plan = await this.plan(type, d, steps, actor, input, opts, now);

    try {
      await this.db.transaction().execute(async (trx) => {
        const ok = await repo.updateDossierIfVersion(trx, d.id, d.version, { ...plan.set, updated_at: now.toISOString() });
        if (!ok) throw new ConflictError('dossier_changed', 'Hồ sơ vừa được người khác cập nhật. Xin tải lại trang để xem tình trạng mới rồi thao tác lại.');
        const seq = (await repo.lastSeq(trx, d.id)) + 1;
        await repo.insertHistory(trx, {
          id: uuidv7(),
          dossier_id: d.id,
          seq,
          action: type,
          from_status: d.status,
          to_status: (plan.set.status as string | undefined) ?? d.status,
          actor_kind: actor.kind,
          actor_id: actor.kind === 'anonymous' ? null : actor.id,
          actor_name: actor.kind === 'anonymous' ? 'Người nộp hồ sơ' : actor.name,
          comment: plan.comment,
          data: JSON.stringify(plan.data),
          idempotency_key: fullKey,
          created_at: now.toISOString(),
        });
        await plan.extra?.(trx, seq);
        await this.audit.record(
          {
            actor: auditActor(actor),
            unitCode: d.unitCode,
            action: `dossier.${type}`,
            targetKind: 'dossier',
            targetId: d.code!,
            data: { from: d.status, to: plan.set.status ?? d.status, comment: plan.comment, ...plan.data },
          },
          trx,
          // The transaction's last statement: its COMMIT goes with it (PostgreSQL). Nothing may follow.
          { endsTransaction: true },
        );
      });
    } catch (e) {
      // Two retries with the same key racing: the other one did it.
      if (opts.key && !(e instanceof ConflictError)) {
        const hit = await repo.findHistoryByKey(this.db, fullKey);
        if (hit) return { dossier: (await repo.findDossierById(this.db, d.id))!, replayed: true };
      }
      if (isUniqueViolation(e)) throw new ConflictError('dossier_changed', 'Hồ sơ vừa được người khác cập nhật. Xin tải lại trang rồi thao tác lại.');
      throw e;
    }
    const after = (await repo.findDossierById(this.db, d.id))!;
    if (type === 'request_payment' && this.onPaymentRequested) await this.onPaymentRequested(after, actor, (input as { amount: number }).amount);
    return { dossier: after, replayed: false };
  }

  /**
   * Set by the composition root: the payment module takes the amount an official asked for as the
   * dossier's fee, so that the tracking page, VietQR and VNPay ask for exactly that.
   */
  onPaymentRequested?: (d: Dossier, actor: Actor, amount: number) => Promise<void>;

  /** Set by the composition root: signs a PDF result with the unit's certificate (issue 14). */
  signer?: SigningService;

  /** The change an action makes (dossier.plans.ts), computed before the transaction. */
  private async plan<T extends ActionType>(type: T, d: Dossier, steps: ProcessStep[], actor: Actor, input: ActionInput<T>, opts: ActOptions, now: Date): Promise<Plan> {
    const cal = await this.dossiers.calendarOf(d.unitCode);
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    const procedureName = procedure?.name ?? d.procedureCode;
    const { db, dossiers, accounts, files, units, signer } = this;
    const notice: PlanBase['notice'] = (trx, n) => this.notifications.notifyDossier(trx, { ...this.noticeOf(d, procedureName), ...n });
    return planAction(type, planContext({ d, steps, cal, now, actor, opts, procedure, procedureName, db, dossiers, accounts, files, units, signer, notice }), input);
  }

  /**
   * For the payment module: a fee was paid (online, by transfer matched on the statement). When
   * the dossier was waiting for it, the clock starts again, exactly as when an official confirms
   * a payment at the counter; otherwise nothing happens. Idempotent per payment reference.
   */
  async paymentSettled(d: Dossier, p: { amount: number; method: 'cash' | 'transfer' | 'online'; reference: string }): Promise<Dossier> {
    if (d.status !== 'payment_requested') return d;
    const system: StaffActor = { kind: 'staff', id: 'system:payment', unitCode: d.unitCode, role: 'receptionist', name: 'Hệ thống thanh toán' };
    return (await this.act(d, system, { type: 'confirm_payment', amount: p.amount, method: p.method, receiptNo: p.reference.slice(0, 60) }, { key: `payment:${p.reference}` })).dossier;
  }

  /**
   * For linked groups (issue 14): the result a partner agency outside the unit recorded for its
   * part (the ward police, the social insurance office). The dossier goes to the return step as
   * after `mark_result_ready` (approved) or `reject`, the citizen is told the same way; `within`
   * runs in the same transaction (the group's own record of the answer). Idempotent per `key`.
   */
  async recordOutsideResult(d: Dossier, r: { approved: boolean; note: string; by: string; key: string }, within?: (trx: Parameters<typeof repo.insertHistory>[0]) => Promise<void>): Promise<Dossier> {
    const fullKey = `${d.id}:outside:${r.key}`;
    if (await repo.findHistoryByKey(this.db, fullKey)) return (await repo.findDossierById(this.db, d.id))!;
    if (d.status !== 'received' && d.status !== 'in_progress') {
      const why = d.status === 'supplement_requested' ? 'Hồ sơ đang chờ người dân bổ sung giấy tờ.' : d.status === 'new' ? 'Bộ phận một cửa chưa tiếp nhận hồ sơ.' : 'Hồ sơ đã có kết quả hoặc đã dừng.';
      throw new ConflictError('action_not_allowed', `Chưa thể ghi kết quả cho hồ sơ ${d.code}: ${why}`);
    }
    const steps = await this.stepsOf(d);
    const ret = steps.findIndex((s) => s.kind === 'return');
    const now = this.clock.now();
    const iso = now.toISOString();
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    const action = r.approved ? 'mark_result_ready' : 'reject';
    const set: DossierUpdate = {
      status: 'processed',
      outcome: r.approved ? 'approved' : 'rejected',
      finished_at: iso,
      step_no: ret >= 0 ? ret : d.stepNo,
      current_role: ret >= 0 ? steps[ret]!.role : 'receptionist',
      assignee_id: null,
      step_started_at: iso,
      step_due_at: ret >= 0 ? (d.schedule.find((s) => s.no === ret)?.dueAt ?? null) : null,
      flag: '',
      updated_at: iso,
    };
    const data = { note: r.note, outside: r.by, file: null, late: !!d.dueAt && iso > d.dueAt, ...(r.approved ? {} : { reason: r.note }) };
    await this.db.transaction().execute(async (trx) => {
      const ok = await repo.updateDossierIfVersion(trx, d.id, d.version, set);
      if (!ok) throw new ConflictError('dossier_changed', 'Hồ sơ vừa được người khác cập nhật. Xin tải lại trang rồi thao tác lại.');
      const seq = (await repo.lastSeq(trx, d.id)) + 1;
      await repo.insertHistory(trx, {
        id: uuidv7(),
        dossier_id: d.id,
        seq,
        action,
        from_status: d.status,
        to_status: 'processed',
        actor_kind: 'system',
        actor_id: null,
        actor_name: r.by,
        comment: r.note,
        data: JSON.stringify(data),
        idempotency_key: fullKey,
        created_at: iso,
      });
      await this.notifications.notifyDossier(trx, { ...this.noticeOf(d, procedure?.name ?? d.procedureCode), event: r.approved ? 'result_ready' : 'rejected', ...(r.approved ? { dueAt: d.dueAt } : { reason: r.note }) });
      await this.audit.record({ actor: { kind: 'system', id: null, name: r.by }, unitCode: d.unitCode, action: `dossier.${action}`, targetKind: 'dossier', targetId: d.code!, data: { from: d.status, to: 'processed', outside: r.by, note: r.note } }, trx);
      await within?.(trx);
    });
    return (await repo.findDossierById(this.db, d.id))!;
  }

  /** What every message to the citizen about `d` says of it (the event and its details are added). */
  private noticeOf(d: Dossier, procedureName: string) {
    return {
      dossierId: d.id,
      code: d.code!,
      unitCode: d.unitCode,
      procedureName,
      applicant: { fullName: d.applicant.fullName, phone: d.applicant.phone, email: d.applicant.email },
      trackingUrl: this.dossiers.trackingUrl(d.code!),
    };
  }

  /** Assign many dossiers to one specialist; each is its own action (and may fail alone). */
  async bulkAssign(codes: string[], assignee: string, actor: StaffActor, key?: string): Promise<Array<{ code: string; ok: boolean; status?: DossierStatus; error?: { code: string; message: string } }>> {
    const out = [];
    for (const code of [...new Set(codes)].slice(0, 200)) {
      try {
        const d = await this.dossiers.getForActor(code, actor);
        const r = await this.act(d, actor, { type: 'assign', assignee }, { key: key ? `${key}:${code}` : undefined });
        out.push({ code, ok: true, status: r.dossier.status });
      } catch (e) {
        const err = e as { code?: string; message?: string };
        out.push({ code, ok: false, error: { code: err.code ?? 'error', message: err.message ?? String(e) } });
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ reading

  /** The steps as the timeline shows them: time used and left at each, current one included. */
  async stepRecords(d: Dossier): Promise<StepRecord[]> {
    const history = await repo.listHistory(this.db, d.id);
    const cal = await this.dossiers.calendarOf(d.unitCode);
    const now = this.clock.now();
    const out: StepRecord[] = [];
    for (const h of history) {
      const s = h.data.step as { no: number; name: string; kind: string; startedAt: string; plannedEnd: string | null; usedMs: number; leftMs: number | null; timeliness: StepRecord['timeliness'] } | undefined;
      if (s) out.push({ ...s, endedAt: h.createdAt, actorName: h.actorName });
    }
    const steps = await this.stepsOf(d);
    const open = ['received', 'in_progress', 'processed', 'supplement_requested', 'payment_requested'].includes(d.status);
    const step = steps[d.stepNo];
    if (open && step && d.stepStartedAt) {
      const planned = d.stepDueAt;
      const until = d.pausedAt ? new Date(d.pausedAt) : now;
      out.push({
        no: d.stepNo,
        name: step.name,
        kind: step.kind,
        startedAt: d.stepStartedAt,
        endedAt: null,
        plannedEnd: planned,
        usedMs: Math.max(0, workingMillisBetween(new Date(d.stepStartedAt), until, cal)),
        leftMs: planned ? workingMillisBetween(until, new Date(planned), cal) : null,
        timeliness: null,
        actorName: null,
      });
    }
    return out;
  }

  /** The hand-overs of the process control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
  async handovers(d: Dossier): Promise<Handover[]> {
    const history = await repo.listHistory(this.db, d.id);
    const steps = await this.stepsOf(d);
    const names = new Map<string, string>();
    const nameOf = async (id: string | null | undefined) => {
      if (!id) return '';
      if (!names.has(id)) names.set(id, (await this.accounts.getStaff(id).catch(() => undefined))?.fullName ?? '');
      return names.get(id)!;
    };
    const out: Handover[] = [];
    for (const h of history) {
      const step = h.data.step as { name: string; plannedEnd: string | null; timeliness: Handover['timeliness'] } | undefined;
      const to = h.data.toStep as { name: string; role: string } | undefined;
      const receiver = (h.data.assignee ?? h.data.to) as { name: string } | null | undefined;
      if (h.action === 'receive' || h.action === 'accept') {
        out.push({ at: h.createdAt, fromName: d.applicant.fullName, fromLabel: 'Người nộp hồ sơ', toLabel: `Bộ phận tiếp nhận và trả kết quả (${h.actorName})`, plannedEnd: null, timeliness: null, note: h.action === 'accept' ? 'Nộp trực tuyến' : '' });
        continue;
      }
      if (!step && !(h.action === 'assign' && h.data.reassign)) continue;
      let toLabel = to ? `${to.name}${receiver?.name ? ` (${receiver.name})` : ''}` : '';
      if (h.action === 'return_result') toLabel = `Người nộp hồ sơ (${d.applicant.fullName})${h.data.method === 'post' ? ` qua bưu chính, số hiệu ${String(h.data.trackingNumber ?? '')}` : ''}`;
      if (h.action === 'mark_result_ready' || h.action === 'reject') toLabel = `${steps.find((s) => s.kind === 'return')?.name ?? 'Trả kết quả'} (bộ phận một cửa)`;
      out.push({
        at: h.createdAt,
        fromName: h.actorName || (await nameOf(h.actorId)),
        fromLabel: step?.name ?? 'Phân công lại',
        toLabel,
        plannedEnd: step?.plannedEnd ?? null,
        timeliness: step?.timeliness ?? null,
        note: [ACTION_LABEL[h.action] ?? h.action, h.comment].filter(Boolean).join(': '),
      });
    }
    return out;
  }

  // ------------------------------------------------------------------ worklist

  private boundsIn(cal: UnitCalendar, now = this.clock.now()): { now: string; todayEnd: string; soonEnd: string } {
    return { now: now.toISOString(), todayEnd: endOfVnDay(vnDateOf(now)), soonEnd: endOfVnDay(addWorkingDays(vnDateOf(now), 2, cal)) };
  }

  /** Units the official works on: their own, or for a supervisor the sub-units (one, or all). */
  async scopeUnits(actor: StaffActor, unit?: string): Promise<string[]> {
    const visible = await this.dossiers.visibleUnits(actor);
    if (unit) {
      if (!visible.includes(unit)) throw new NotFoundError('Không tìm thấy đơn vị.', 'unit_not_found');
      return [unit];
    }
    return actor.role === 'supervisor' ? visible : [actor.unitCode];
  }

  private async procedureCodes(unitCodes: string[], field?: string): Promise<string[] | undefined> {
    if (!field) return undefined;
    const f = fold(field);
    const codes: string[] = [];
    for (const u of unitCodes) {
      const uc = await this.catalog.unitCatalog(u).catch(() => undefined);
      if (!uc) continue;
      for (const code of uc.entries.keys()) {
        const p = await this.catalog.findProcedure(code);
        if (p && fold(p.field) === f) codes.push(code);
      }
    }
    return codes;
  }

  private filterOf(units: string[], actor: StaffActor, q: WorklistQuery, b: { now: string; todayEnd: string; soonEnd: string }, codes: string[] | undefined): repo.WorklistFilter {
    const search = q.q?.trim();
    let s: repo.WorklistFilter['search'];
    if (search) {
      const phone = normalizePhone(search);
      if (/^\d{2,5}-\d{1,6}(-\d{0,6})?$/.test(search)) s = { code: search };
      else if (phone) s = { phone };
      else if (/^\d{4,}$/.test(search)) s = { phoneFragment: search };
      else s = { name: fold(search).replace(/[%_]/g, '') };
    }
    return {
      unitCodes: units,
      tab: q.tab ?? 'mine',
      me: { id: actor.id, role: actor.role },
      ...b,
      procedureCodes: q.procedure ? [q.procedure] : codes,
      status: q.status,
      channel: q.channel,
      search: s,
    };
  }

  /** The worklist of a tab, with filters and search, and the count of every tab. */
  async worklist(
    actor: StaffActor,
    q: WorklistQuery,
  ): Promise<{ items: WorkItem[]; total: number; counts: Record<WorklistTab, number>; units: string[]; /** Tabs with more dossiers than their count says (counting stopped). */ countsOver: WorklistTab[]; /** The total is "more than". */ totalOver: boolean }> {
    const units = await this.scopeUnits(actor, q.unit);
    const codes = await this.procedureCodes(units, q.field);
    const now = this.clock.now();
    const limit = Math.min(q.limit ?? 50, 200);
    const offset = q.offset ?? 0;
    // Counted up to CLOSED_COUNT_UP_TO, or on the closed tab past the page shown when it lies beyond (is there a next one?).
    const closedUpTo = q.tab === 'closed' && !q.q ? Math.max(CLOSED_COUNT_UP_TO, offset + limit) : CLOSED_COUNT_UP_TO;
    // Three statements at once: the staff's names; the closed tab's bounded count (the longest,
    // it needs no calendar); and once the unit's calendar is known (kept in memory; "due soon"
    // ends in working days) the page itself — rows, the search's total and the open tabs' counts
    // in one (repo.worklistPage).
    // Bounds without the calendar: the closed tab never reads them.
    const early = { now: now.toISOString(), todayEnd: endOfVnDay(vnDateOf(now)), soonEnd: '' };
    const [staff, closed, { cal, f, page }] = await Promise.all([
      this.accounts.listStaff(units),
      this.closedCount(this.filterOf(units, actor, { ...q, q: undefined, tab: 'closed' }, early, codes), closedUpTo),
      this.dossiers.calendarOf(units[0]!).then(async (cal) => {
        const b = this.boundsIn(cal, now);
        const f = this.filterOf(units, actor, q, b, codes);
        const tabs = this.filterOf(units, actor, { ...q, q: undefined }, b, codes);
        return { cal, f, page: await repo.worklistPage(this.db, f, limit, offset, tabs) };
      }),
    ]);
    const countsOver: WorklistTab[] = closed > closedUpTo ? ['closed'] : [];
    const counts: Record<WorklistTab, number> = { ...page.counts, closed: Math.min(closed, closedUpTo) };
    // Without a search the list is exactly its tab's filter: its total is that tab's count.
    const total = f.search ? page.total! : counts[f.tab as WorklistTab];
    const totalOver = !f.search && countsOver.includes(f.tab as WorklistTab);
    const left = workingMillisFrom(now, cal);
    const staffNames = new Map(staff.map((s) => [s.id, s.fullName]));
    // Each procedure and process of the page looked up once (both kept in memory), not per row.
    const procedures = new Map(await Promise.all([...new Set(page.rows.map((d) => d.procedureCode))].map(async (c) => [c, await this.catalog.findProcedure(c)] as const)));
    const processIds = [...new Set(page.rows.flatMap((d) => (d.processId ? [d.processId] : [])))];
    const stepsById = new Map(await Promise.all(processIds.map(async (id) => [id, (await this.workflow.get(id)).steps] as const)));
    // Each row becomes its item in place: a copy by spread plus five more keys left every item in
    // V8's slow dictionary form (~8 kB and ~17 µs each, half of a search's garbage; issue 16).
    const items: WorkItem[] = [];
    for (const d of page.rows) {
      const p = procedures.get(d.procedureCode);
      const steps = d.processId ? stepsById.get(d.processId)! : [];
      const running = d.dueAt && d.dueFixed && (d.status === 'received' || d.status === 'in_progress');
      items.push(Object.assign(d, {
        procedureName: p?.name ?? d.procedureCode,
        field: p?.field ?? '',
        assigneeName: d.assigneeId ? (staffNames.get(d.assigneeId) ?? null) : null,
        stepName: steps[d.stepNo]?.name ?? null,
        leftMs: running ? left(new Date(d.dueAt!)) : null,
      }));
    }
    return { items, total, counts, units, countsOver, totalOver };
  }

  /**
   * The closed tab's count up to `upTo` (more: "more than"). A filter once over the limit stays
   * over (dossier.closed-count.ts): not counted again, the page's longest statement saved.
   */
  private closedCount(f: repo.WorklistFilter, upTo: number): Promise<number> {
    const count = () => repo.countWorklist(this.db, { ...f, countUpTo: upTo });
    const memo = this.dossiers.closedOver;
    if (!memo) return count();
    return memo.count(JSON.stringify([f.unitCodes, f.procedureCodes ?? null, f.status ?? null, f.channel ?? null]), upTo, count);
  }

  /** Overdue dossiers of a unit (what the benchmark measures with the worklist). */
  async overdueCount(unitCode: string): Promise<number> {
    return repo.countOverdue(this.db, unitCode, this.clock.now().toISOString());
  }

  // ------------------------------------------------------------------ escalation

  /** The escalation job (dossier.escalation.ts). */
  escalate(): Promise<{ flagged: number; apologies: number }> {
    return this.escalation.escalate();
  }

  /** The apology waiting for the leader's signature (prepared by the job), if any. */
  apologyDraft(d: Dossier): Promise<{ reason: string; newDueAt: string; preparedAt: string } | undefined> {
    return this.escalation.apologyDraft(d);
  }

  /** What the workspace shows next to a dossier: late, or will be. */
  lateOrAtRisk(d: Dossier): boolean {
    return isLateOrAtRisk(d, this.clock.now());
  }
}

/** Attachments with this component are the result the office issued. */
export { RESULT_COMPONENT } from './dossier.types';

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

