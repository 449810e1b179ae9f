import type { AccountService, Staff } from '../account';
import { extendDueAt, workingMillisBetween, type UnitCalendar } from '../calendar';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { prepareUpload, type BlobStore } from '../file';
import type { NotificationService } from '../notification';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import type { PreparedSigned, SigningService } from '../signing';
import type { UnitService } from '../unit';
import { shiftSchedule, timeliness, type ActionType, type ProcessStep } from '../workflow';
import * as repo from './dossier.repo';
import type { DossierUpdate } from './dossier.repo';
import type { DossierService } from './dossier.service';
import { DEFAULT_LIMITS } from './dossier.attachments';
import { RESULT_COMPONENT, type Actor, type Dossier, type DossierStatus } from './dossier.types';
import type { ActionInput, ActOptions } from './dossier.workflow';

/**
 * What each action does to a dossier, one planner per action (dossier.workflow.ts `act` runs the
 * plan in its transaction). A planner reads what it needs and validates before anything is
 * written; what it writes besides the dossier's row and history goes in `extra`, which runs
 * inside the transaction with the history row's sequence number.
 */

type Trx = Parameters<typeof repo.insertHistory>[0];
type Procedure = NonNullable<Awaited<ReturnType<CatalogService['findProcedure']>>>;
type NoticeDetails = Omit<Parameters<NotificationService['notifyDossier']>[1], 'dossierId' | 'code' | 'unitCode' | 'procedureName' | 'applicant' | 'trackingUrl'>;

/** The change an action makes, computed before the transaction (reads, files, validation). */
export interface Plan {
  set: DossierUpdate;
  comment: string;
  data: Record<string, unknown>;
  extra?: (trx: Trx, seq: number) => Promise<void>;
}

/** What the workflow hands every planner: the dossier as read, and the services it may use. */
export interface PlanBase {
  d: Dossier;
  steps: ProcessStep[];
  cal: UnitCalendar;
  now: Date;
  actor: Actor;
  opts: ActOptions;
  /** The dossier's procedure (undefined when the catalogue no longer has it). */
  procedure: Procedure | undefined;
  procedureName: string;
  db: Db;
  dossiers: DossierService;
  accounts: AccountService;
  files: BlobStore;
  units: UnitService;
  signer: SigningService | undefined;
  /** Tells the citizen about the dossier within the transaction (the workflow adds who and what). */
  notice: (trx: Trx, n: NoticeDetails) => Promise<unknown>;
}

export interface PlanContext extends PlanBase {
  iso: string;
  /** Leaving the current step: what the timeline and the control sheet need of it. */
  closeStep: () => Record<string, unknown>;
  /** Entering step `no`, handled by `assignee` or by anyone of the step's role. */
  moveTo: (no: number, assignee: Staff | null) => DossierUpdate;
  /** An active official of the dossier's unit with one of `roles` (422 otherwise). */
  staffOfUnit: (name: string, roles: string[], what: string) => Promise<Staff>;
  /** The position of the process's step of this kind. */
  indexOf: (kind: ProcessStep['kind']) => number;
}

type Planner<T extends ActionType> = (c: PlanContext, input: ActionInput<T>, type: T) => Promise<Plan>;

const text = (s: unknown) => (typeof s === 'string' ? s : '');
const commentOf = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' — ');

export function planContext(b: PlanBase): PlanContext {
  const { d, steps, cal, now } = b;
  const iso = now.toISOString();
  return {
    ...b,
    iso,
    closeStep: () => {
      const step = steps[d.stepNo];
      if (!step || !d.stepStartedAt) return {};
      const planned = d.schedule.find((s) => s.no === d.stepNo)?.dueAt ?? null;
      return {
        step: {
          no: d.stepNo,
          name: step.name,
          kind: step.kind,
          startedAt: d.stepStartedAt,
          plannedEnd: planned,
          usedMs: Math.max(0, workingMillisBetween(new Date(d.stepStartedAt), now, cal)),
          leftMs: planned ? workingMillisBetween(now, new Date(planned), cal) : null,
          timeliness: planned ? timeliness(now, new Date(planned)) : null,
        },
      };
    },
    moveTo: (no, assignee) => {
      const step = steps[no];
      if (!step) throw new ConflictError('action_not_allowed', 'Quy trình không có bước tiếp theo.');
      return {
        step_no: no,
        current_role: step.role,
        assignee_id: assignee?.id ?? null,
        step_started_at: iso,
        step_due_at: d.schedule.find((s) => s.no === no)?.dueAt ?? null,
        flag: '',
      };
    },
    staffOfUnit: async (name, roles, what) => {
      const s = await b.accounts.findStaffByUsername(name);
      if (!s || s.unitCode !== d.unitCode || s.active === false) {
        throw new ValidationError(`Không có cán bộ "${name}" trong đơn vị.`, [{ field: 'assignee', code: 'unknown_staff', message: `Không có cán bộ "${name}" đang làm việc trong đơn vị` }], 'invalid_action');
      }
      if (!roles.includes(s.role)) {
        throw new ValidationError(`${s.fullName} không thể ${what}.`, [{ field: 'assignee', code: 'wrong_role', message: `${s.fullName} không có vai trò phù hợp để ${what}` }], 'invalid_action');
      }
      return s;
    },
    indexOf: (kind) => steps.findIndex((s) => s.kind === kind),
  };
}

// ------------------------------------------------------------------ reception

const accept: Planner<'accept'> = async ({ d, procedure, dossiers, now, iso, notice }, input) => {
  if (!procedure) throw new NotFoundError('Không tìm thấy thủ tục của hồ sơ.', 'procedure_not_found');
  const dueAt = await dossiers.dueFrom(d.unitCode, procedure, d.channel, now);
  const start = await dossiers.startFields(d.unitCode, d.procedureCode, now, dueAt);
  return {
    set: { status: 'received', received_at: iso, due_at: dueAt, due_fixed: 1, ...start },
    comment: text(input.comment),
    data: { dueAt },
    extra: async (trx) => void (await notice(trx, { event: 'received', dueAt })),
  };
};

const refuse: Planner<'refuse'> = async ({ iso, notice }, input) => ({
  set: { status: 'not_received', outcome: 'refused', finished_at: iso, current_role: '', assignee_id: null, step_due_at: null },
  comment: commentOf(input.reason, input.comment),
  data: { reason: input.reason },
  extra: async (trx) => void (await notice(trx, { event: 'not_received', reason: text(input.reason) })),
});

// ------------------------------------------------------------------ the clock stops and starts

const requestSupplement: Planner<'request_supplement'> = async ({ d, iso, notice }, input) => {
  const items = input.items;
  const n = d.supplementCount + 1;
  return {
    set: { status: 'supplement_requested', paused_at: iso, paused_status: d.status, current_role: '', flag: '', supplement_count: n },
    comment: commentOf(input.message),
    data: { items, message: input.message ?? '', count: n },
    extra: async (trx) => void (await notice(trx, { event: 'supplement_requested', reason: items.map((x, i) => `${i + 1}) ${x}`).join('; '), occurrence: String(n) })),
  };
};

const supplement: Planner<'supplement'> = async ({ d, steps, cal, now, procedure, db, dossiers, notice }, input) => {
  const back = resume(d, steps, cal, now);
  const since = d.pausedAt ?? d.updatedAt;
  const added = (await repo.listFiles(db, d.id)).filter((f) => f.createdAt >= since).map((f) => ({ id: f.id, name: f.name, component: f.component }));
  const set = back.status === 'new' && procedure ? { ...back.set, due_at: await dossiers.dueFrom(d.unitCode, procedure, d.channel, now) } : back.set;
  return {
    set,
    comment: text(input.comment),
    data: { pausedMs: back.pausedMs, dueAt: set.due_at ?? d.dueAt, files: added },
    extra: async (trx) =>
      void (await notice(trx, { event: back.status === 'new' ? 'submitted' : 'in_progress', dueAt: (set.due_at as string | null | undefined) ?? d.dueAt, occurrence: `supplemented-${d.supplementCount}` })),
  };
};

const requestPayment: Planner<'request_payment'> = async ({ d, iso, notice }, input) => {
  const amount = input.amount;
  return {
    set: { status: 'payment_requested', paused_at: iso, paused_status: d.status, current_role: '', flag: '' },
    comment: commentOf(input.note),
    data: { amount, items: input.items ?? [], note: input.note ?? '' },
    extra: async (trx, seq) => void (await notice(trx, { event: 'payment_requested', amount, occurrence: String(seq) })),
  };
};

const confirmPayment: Planner<'confirm_payment'> = async ({ d, steps, cal, now, db, notice }, input) => {
  const back = resume(d, steps, cal, now);
  const requested = (await repo.listHistory(db, d.id)).filter((h) => h.action === 'request_payment').at(-1);
  const amount = input.amount ?? (requested?.data.amount as number | undefined) ?? 0;
  return {
    set: back.set,
    comment: text(input.comment),
    data: { amount, method: input.method, receiptNo: input.receiptNo ?? '', pausedMs: back.pausedMs, dueAt: back.set.due_at ?? d.dueAt },
    extra: async (trx, seq) => void (await notice(trx, { event: 'payment_received', amount, occurrence: String(seq) })),
  };
};

/** The clock starts again: back to where the dossier was, the dates moved by the paused time. */
function resume(d: Dossier, steps: ProcessStep[], cal: UnitCalendar, now: Date): { status: DossierStatus; pausedMs: number; set: DossierUpdate } {
  const status = d.pausedStatus ?? 'received';
  const pausedMs = d.pausedAt && d.dueFixed ? Math.max(0, workingMillisBetween(new Date(d.pausedAt), now, cal)) : 0;
  const schedule = shiftSchedule(d.schedule, d.stepNo, pausedMs, cal);
  const move = (iso: string | null) => (iso && pausedMs > 0 ? extendDueAt(new Date(iso), pausedMs, cal).toISOString() : iso);
  const role = status === 'new' ? 'receptionist' : (steps[d.stepNo]?.role ?? '');
  return {
    status,
    pausedMs,
    set: {
      status,
      paused_at: null,
      paused_status: null,
      paused_ms: d.pausedMs + pausedMs,
      current_role: role,
      ...(d.dueFixed ? { due_at: move(d.dueAt), rescheduled_due_at: move(d.rescheduledDueAt) } : {}),
      schedule: JSON.stringify(schedule),
      step_due_at: schedule.find((s) => s.no === d.stepNo)?.dueAt ?? d.stepDueAt,
      // The step's own clock restarts too: the time waiting is not the handler's.
      step_started_at: d.stepStartedAt && pausedMs > 0 ? extendDueAt(new Date(d.stepStartedAt), pausedMs, cal).toISOString() : d.stepStartedAt,
    },
  };
}

// ------------------------------------------------------------------ moving along the process

const forward: Planner<'forward'> = async ({ d, steps, staffOfUnit, moveTo, closeStep, notice }, input) => {
  const next = d.stepNo + 1;
  const nextStep = steps[next];
  if (!nextStep) throw new ConflictError('action_not_allowed', 'Quy trình không có bước tiếp theo.');
  const to = input.to ? await staffOfUnit(String(input.to), nextStep.role === 'leader' ? ['leader'] : [nextStep.role, 'leader'], `nhận bước "${nextStep.name}"`) : null;
  const examine = nextStep.kind === 'examine';
  return {
    set: { ...moveTo(next, to), ...(examine ? { status: 'in_progress', examiner_id: to?.id ?? null } : {}) },
    comment: text(input.comment),
    data: { ...closeStep(), to: to ? { username: to.username, name: to.fullName } : null, toStep: { no: next, name: nextStep.name, role: nextStep.role } },
    extra: examine ? async (trx) => void (await notice(trx, { event: 'in_progress', dueAt: d.dueAt })) : undefined,
  };
};

const assign: Planner<'assign'> = async ({ d, steps, indexOf, staffOfUnit, moveTo, closeStep, notice }, input) => {
  const examineNo = indexOf('examine');
  const examineRole = steps[examineNo]!.role;
  const who = await staffOfUnit(String(input.assignee), [examineRole], 'thẩm định hồ sơ');
  const reassign = d.stepNo === examineNo;
  if (reassign && d.assigneeId === who.id) throw new ConflictError('action_not_allowed', `Hồ sơ đã được phân công cho ${who.fullName}.`);
  return {
    set: { ...moveTo(examineNo, who), status: 'in_progress', examiner_id: who.id, ...(reassign ? { step_started_at: d.stepStartedAt } : {}) },
    comment: text(input.comment),
    data: { ...(reassign ? {} : closeStep()), assignee: { username: who.username, name: who.fullName }, reassign, toStep: { no: examineNo, name: steps[examineNo]!.name, role: examineRole } },
    extra: d.status === 'received' ? async (trx) => void (await notice(trx, { event: 'in_progress', dueAt: d.dueAt })) : undefined,
  };
};

/** To the next step, to whoever of its role takes it (a proposal or a leader's approval). */
function advance({ d, steps, moveTo, closeStep }: PlanContext, comment: string | undefined, said: Record<string, unknown>): Plan {
  const next = d.stepNo + 1;
  const nextStep = steps[next]!;
  return {
    set: moveTo(next, null),
    comment: text(comment),
    data: { ...closeStep(), ...said, toStep: { no: next, name: nextStep.name, role: nextStep.role } },
  };
}

const proposeResult: Planner<'propose_result'> = async (c, input) => advance(c, input.comment, { proposal: input.proposal });

const approve: Planner<'approve'> = async (c, input) => advance(c, input.comment, {});

const sendBack: Planner<'send_back'> = async ({ d, steps, accounts, indexOf, moveTo, closeStep }, input) => {
  const examineNo = indexOf('examine');
  const examiner = d.examinerId ? await accounts.getStaff(d.examinerId).catch(() => null) : null;
  return {
    set: moveTo(examineNo, examiner && examiner.active !== false ? examiner : null),
    comment: commentOf(input.reason, input.comment),
    data: { ...closeStep(), reason: input.reason, toStep: { no: examineNo, name: steps[examineNo]!.name, role: steps[examineNo]!.role } },
  };
};

// ------------------------------------------------------------------ the result

const reject: Planner<'reject'> = async ({ iso, indexOf, moveTo, closeStep, notice }, input) => {
  const ret = indexOf('return');
  const r = text(input.reason);
  return {
    set: { ...moveTo(ret, null), status: 'processed', outcome: 'rejected', finished_at: iso },
    comment: commentOf(r, input.comment),
    data: { ...closeStep(), reason: r },
    extra: async (trx) => void (await notice(trx, { event: 'rejected', reason: r })),
  };
};

const markResultReady: Planner<'mark_result_ready'> = async (c, input) => {
  const { d, opts, iso, signer, notice } = c;
  if (!opts.file && !input.note) {
    throw new ValidationError('Cần tệp kết quả đã ký, hoặc ghi chú khi kết quả là bản giấy.', [{ field: 'file', code: 'result_required', message: 'Đính kèm tệp kết quả đã ký (PDF) hoặc ghi chú kết quả bản giấy' }], 'invalid_action');
  }
  let file: { id: string; sha256: string; name: string; mime: string; size: number } | undefined;
  let signed: PreparedSigned | undefined;
  if (opts.file) {
    const prepared = await prepareUpload(opts.file, { maxFileBytes: DEFAULT_LIMITS.maxFileBytes });
    const name = prepared.originalName || `ket-qua-${d.code}.pdf`;
    // A PDF result carries the unit's digital signature when a certificate is configured
    // (issue 14); an expired or unusable certificate refuses here, before anything is written.
    if (prepared.mime === 'application/pdf' && signer?.configured && opts.sign !== false) {
      signed = await signer.sign(prepared.data, {
        unitCode: d.unitCode,
        unitName: (await c.units.find(d.unitCode))?.name ?? d.unitCode,
        title: `Kết quả giải quyết thủ tục: ${c.procedureName}`,
        holderName: d.applicant.fullName,
        citizenId: d.citizenId,
        holderPhone: d.applicant.phone,
        dossierId: d.id,
        dossierCode: d.code,
        signerName: c.actor.kind === 'staff' ? c.actor.name : 'Hệ thống',
        fileName: name,
      });
      file = { id: uuidv7(), sha256: signed.document.fileSha256, name, mime: prepared.mime, size: signed.document.size };
    } else {
      await c.files.put({ data: prepared.data, sha256: prepared.sha256 });
      file = { id: uuidv7(), sha256: prepared.sha256, name, mime: prepared.mime, size: prepared.size };
    }
  }
  const proposal = (await repo.listHistory(c.db, d.id)).filter((h) => h.action === 'propose_result').at(-1)?.data.proposal;
  const ret = c.indexOf('return');
  return {
    set: { ...c.moveTo(ret, null), status: 'processed', outcome: proposal === 'reject' ? 'rejected' : 'approved', finished_at: iso },
    comment: commentOf(input.note, input.comment),
    data: { ...c.closeStep(), note: input.note ?? '', file: file ? { id: file.id, name: file.name, size: file.size } : null, signed: signed ? { id: signed.document.id, sha256: signed.document.fileSha256 } : null, late: !!d.dueAt && iso > d.dueAt },
    extra: async (trx) => {
      if (file) await repo.insertFile(trx, { id: file.id, dossier_id: d.id, component: RESULT_COMPONENT, sha256: file.sha256, name: file.name, mime: file.mime, size: file.size, created_at: iso });
      if (signed) await signer!.record(trx, signed);
      await notice(trx, { event: signed ? 'result_signed' : 'result_ready', dueAt: d.dueAt });
    },
  };
};

const returnResult: Planner<'return_result'> = async ({ iso, closeStep, notice }, input) => {
  const method = input.method;
  const tracking = text(input.trackingNumber);
  return {
    set: { status: 'returned', returned_at: iso, current_role: '', assignee_id: null, step_due_at: null, flag: '' },
    comment: commentOf(method === 'post' ? `Gửi qua bưu chính, số hiệu ${tracking}` : 'Trả trực tiếp tại bộ phận một cửa', input.receiverName ? `người nhận: ${text(input.receiverName)}` : '', input.comment),
    data: { ...closeStep(), method, trackingNumber: tracking || null, receiverName: input.receiverName ?? null },
    extra: async (trx) => {
      if (method === 'post') await notice(trx, { event: 'result_posted', postal: { trackingNumber: tracking, postedAt: iso }, occurrence: tracking });
      else await notice(trx, { event: 'returned' });
    },
  };
};

// ------------------------------------------------------------------ ending early, apologising

/** The citizen withdraws, or the office stops the dossier: it ends here, its clock with it. */
const end: Planner<'withdraw' | 'stop'> = async ({ iso, notice }, input, type) => {
  const r = text(input.reason);
  return {
    set: { status: type === 'withdraw' ? 'withdrawn' : 'stopped', outcome: type === 'withdraw' ? 'withdrawn' : 'stopped', finished_at: iso, current_role: '', assignee_id: null, step_due_at: null, paused_at: null, paused_status: null, flag: '' },
    comment: commentOf(r, input.comment),
    data: { reason: r },
    extra: async (trx) => void (await notice(trx, { event: type === 'withdraw' ? 'withdrawn' : 'stopped', reason: r })),
  };
};

const apologize: Planner<'apologize'> = async ({ d, now, iso, actor, notice }, input) => {
  const newDue = parseNewDate(text(input.newDueAt));
  const floor = Math.max(now.getTime(), d.dueAt ? new Date(d.dueAt).getTime() : 0, d.rescheduledDueAt ? new Date(d.rescheduledDueAt).getTime() : 0);
  if (newDue.getTime() <= floor) {
    throw new ValidationError('Ngày hẹn mới phải sau ngày hẹn cũ và sau hôm nay.', [{ field: 'newDueAt', code: 'too_early', message: 'Ngày hẹn mới phải sau ngày hẹn cũ và sau hôm nay' }], 'invalid_action');
  }
  const r = text(input.reason);
  const newDueAt = newDue.toISOString();
  return {
    set: { rescheduled_due_at: newDueAt },
    comment: commentOf(`Hẹn lại: ${formatDateTime(newDueAt)}`, r, input.comment),
    data: { reason: r, newDueAt, previousDueAt: d.rescheduledDueAt ?? d.dueAt, dueAt: d.dueAt },
    extra: async (trx, seq) => {
      await repo.signApology(trx, d.id, { id: uuidv7(), reason: r, newDueAt, signedBy: actor.kind === 'staff' ? actor.name : '', at: iso });
      await notice(trx, { event: 'apology', reason: r, newDueAt, dueAt: d.dueAt, occurrence: String(seq) });
    },
  };
};

/** "2026-12-20" means the end of that day's afternoon session; a full instant is kept as given. */
function parseNewDate(v: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T17:00:00+07:00`);
  return new Date(v);
}

/** Every action's planner: an action type added to ACTION_TYPES without one does not compile. */
const PLANNERS: { [T in ActionType]: Planner<T> } = {
  accept,
  refuse,
  request_supplement: requestSupplement,
  supplement,
  forward,
  assign,
  propose_result: proposeResult,
  approve,
  send_back: sendBack,
  reject,
  request_payment: requestPayment,
  confirm_payment: confirmPayment,
  mark_result_ready: markResultReady,
  return_result: returnResult,
  withdraw: end,
  stop: end,
  apologize,
};

/** The plan of `type` for input already validated against `actionSchemas[type]`. */
export function planAction<T extends ActionType>(type: T, c: PlanContext, input: ActionInput<T>): Promise<Plan> {
  // One planner per key: PLANNERS[type] takes exactly ActionInput<T>, which TypeScript cannot see
  // through an indexed access on a generic key.
  return (PLANNERS[type] as Planner<T>)(c, input, type);
}
