import { ACTION_TYPES, STEP_KIND_LABEL, type ActionType, type ProcessStep, type Verdict } from '../workflow';
import { STATUS_LABEL, type Dossier, type DossierStatus } from './dossier.types';

/**
 * Who may do what to a dossier, and when: the state machine of processing, as a pure function of
 * the dossier, its process and the actor. The action engine (dossier.workflow.ts) asks it before
 * every change; the dossier page and GET /api/dossiers/:code ask it for the buttons to show.
 *
 * Statuses follow the national list (DOMAIN.md): new → received → in_progress → processed →
 * returned, with supplement_requested / payment_requested pausing the clock, and not_received,
 * withdrawn, stopped as ends.
 */

export type RuleActor =
  | { kind: 'staff'; id: string; role: string; /** the actor's own unit (false: a supervisor looking at a sub-unit) */ ownUnit: boolean }
  | { kind: 'citizen' | 'anonymous'; /** proved to be the applicant (session, phone, signed link) */ owner: boolean };

/** The clock runs in these statuses; the worklist's deadlines are about them. */
export const CLOCK_RUNNING: DossierStatus[] = ['received', 'in_progress'];
/** Waiting for the citizen: the clock is stopped. */
export const WAITING_FOR_CITIZEN: DossierStatus[] = ['supplement_requested', 'payment_requested'];
/** Still open: something is left to do by someone. */
export const OPEN_STATUSES: DossierStatus[] = ['new', 'received', 'in_progress', 'supplement_requested', 'payment_requested', 'processed'];

const notAllowed = (reason: string): Verdict => ({ ok: false, code: 'action_not_allowed', reason });
const wrongRole = (reason: string): Verdict => ({ ok: false, code: 'role_not_allowed', reason });
const OK: Verdict = { ok: true };

const ROLE_NAME: Record<string, string> = {
  receptionist: 'công chức một cửa',
  specialist: 'chuyên viên',
  leader: 'lãnh đạo',
  admin: 'quản trị đơn vị',
  supervisor: 'giám sát cấp trên',
};

const inStatus = (d: Dossier, list: DossierStatus[], what: string): Verdict =>
  list.includes(d.status) ? OK : notAllowed(`Không thể ${what} khi hồ sơ đang ở trạng thái "${STATUS_LABEL[d.status]}".`);

/** The step the dossier is at, if it has a process. */
export function stepOf(d: Dossier, steps: ProcessStep[]): ProcessStep | undefined {
  return d.processId ? steps[d.stepNo] : undefined;
}

/**
 * Whether the staff member may act on the current step: the step's role; a leader on any step
 * between reception and return (leaders can take over, e.g. when a specialist is away); for the
 * examination, only the named specialist (or a leader).
 */
function staffOnStep(d: Dossier, step: ProcessStep | undefined, actor: Extract<RuleActor, { kind: 'staff' }>, what: string): Verdict {
  if (!step) return notAllowed(`Hồ sơ chưa vào quy trình xử lý nên chưa thể ${what}.`);
  const leaderOverride = actor.role === 'leader' && step.kind !== 'receive' && step.kind !== 'return';
  if (actor.role !== step.role && !leaderOverride) {
    return wrongRole(`Bước "${step.name}" do ${ROLE_NAME[step.role] ?? step.role} thực hiện; tài khoản ${ROLE_NAME[actor.role] ?? actor.role} không thể ${what}.`);
  }
  if (step.kind === 'examine' && actor.role !== 'leader' && d.assigneeId && d.assigneeId !== actor.id) {
    return { ok: false, code: 'not_assignee', reason: `Hồ sơ đang được phân công cho chuyên viên khác; chỉ người được phân công hoặc lãnh đạo mới có thể ${what}.` };
  }
  return OK;
}

const needRole = (actor: Extract<RuleActor, { kind: 'staff' }>, roles: string[], what: string): Verdict =>
  roles.includes(actor.role) ? OK : wrongRole(`Tài khoản ${ROLE_NAME[actor.role] ?? actor.role} không thể ${what}; việc này do ${roles.map((r) => ROLE_NAME[r] ?? r).join(' hoặc ')} thực hiện.`);

const all = (...vs: Array<() => Verdict>): Verdict => {
  for (const v of vs) {
    const r = v();
    if (!r.ok) return r;
  }
  return OK;
};

/** The verdict for one action. `now` decides whether an apology is due. */
export function verdict(type: ActionType, d: Dossier, steps: ProcessStep[], actor: RuleActor, now: Date): Verdict {
  const step = stepOf(d, steps);
  const kind = step?.kind;
  const atStep = (kinds: Array<ProcessStep['kind']>, what: string) => (): Verdict =>
    kind && kinds.includes(kind) ? OK : notAllowed(`Không thể ${what} ở bước "${step ? step.name : 'chưa vào quy trình'}"${kinds.length ? ` (chỉ ở bước ${kinds.map((k) => `"${STEP_KIND_LABEL[k]}"`).join(', ')})` : ''}.`);

  // The citizen's own actions.
  if (type === 'supplement' || type === 'withdraw') {
    const what = type === 'supplement' ? 'bổ sung hồ sơ' : 'rút hồ sơ';
    const state = type === 'supplement' ? inStatus(d, ['supplement_requested'], what) : inStatus(d, ['new', 'received', 'in_progress', 'supplement_requested', 'payment_requested'], what);
    if (!state.ok) return state;
    if (actor.kind !== 'staff') return actor.owner ? OK : wrongRole('Chỉ người nộp hồ sơ mới có thể ' + what + '.');
    if (!actor.ownUnit) return wrongRole('Tài khoản giám sát chỉ được xem hồ sơ của đơn vị cấp dưới.');
    // At the counter, on the citizen's behalf (paper brought in, a written withdrawal request).
    return needRole(actor, ['receptionist', 'leader'], what);
  }
  if (actor.kind !== 'staff') return wrongRole('Thao tác này do cán bộ thực hiện.');
  if (!actor.ownUnit) return wrongRole('Tài khoản giám sát chỉ được xem hồ sơ của đơn vị cấp dưới, không được xử lý.');
  if (actor.role === 'admin' || actor.role === 'supervisor') return wrongRole(`Tài khoản ${ROLE_NAME[actor.role]} không xử lý hồ sơ.`);

  switch (type) {
    case 'accept':
      return all(() => inStatus(d, ['new'], 'tiếp nhận'), () => needRole(actor, ['receptionist'], 'tiếp nhận hồ sơ'));
    case 'refuse':
      return all(() => inStatus(d, ['new'], 'từ chối tiếp nhận'), () => needRole(actor, ['receptionist'], 'từ chối tiếp nhận hồ sơ'));
    case 'request_supplement':
      if (d.status === 'new') return needRole(actor, ['receptionist'], 'yêu cầu bổ sung hồ sơ');
      return all(
        () => inStatus(d, ['received', 'in_progress'], 'yêu cầu bổ sung'),
        atStep(['receive', 'examine'], 'yêu cầu bổ sung'),
        () => staffOnStep(d, step, actor, 'yêu cầu bổ sung hồ sơ'),
      );
    case 'forward':
      return all(() => inStatus(d, ['received'], 'chuyển hồ sơ'), atStep(['receive'], 'chuyển hồ sơ'), () => staffOnStep(d, step, actor, 'chuyển hồ sơ'));
    case 'assign': {
      const state = all(() => inStatus(d, ['received', 'in_progress'], 'phân công'), atStep(['receive', 'assign', 'examine'], 'phân công'));
      if (!state.ok) return state;
      if (kind === 'examine') {
        // Reassignment: the leader, or whoever the process has assign.
        const assigner = steps.find((s) => s.kind === 'assign')?.role ?? 'leader';
        return needRole(actor, [...new Set(['leader', assigner])], 'phân công lại hồ sơ');
      }
      // Straight from reception: the receptionist passes it to a specialist, or a leader takes it.
      if (kind === 'receive') return needRole(actor, ['receptionist', 'leader'], 'phân công hồ sơ');
      return staffOnStep(d, step, actor, 'phân công hồ sơ');
    }
    case 'propose_result':
      return all(() => inStatus(d, ['in_progress'], 'trình kết quả'), atStep(['examine'], 'trình kết quả'), () => staffOnStep(d, step, actor, 'trình kết quả'));
    case 'approve':
      return all(() => inStatus(d, ['in_progress'], 'phê duyệt'), atStep(['approve'], 'phê duyệt'), () => staffOnStep(d, step, actor, 'phê duyệt'));
    case 'send_back':
      return all(() => inStatus(d, ['in_progress'], 'trả lại'), atStep(['approve', 'sign'], 'trả lại hồ sơ'), () => staffOnStep(d, step, actor, 'trả lại hồ sơ'));
    case 'reject':
      return all(
        () => inStatus(d, ['received', 'in_progress'], 'từ chối giải quyết'),
        atStep(['assign', 'examine', 'approve', 'sign'], 'từ chối giải quyết'),
        () => needRole(actor, ['leader'], 'từ chối giải quyết hồ sơ'),
      );
    case 'request_payment':
      return all(
        () => inStatus(d, ['received', 'in_progress'], 'yêu cầu nộp phí, lệ phí'),
        () => (actor.role === 'receptionist' ? OK : staffOnStep(d, step, actor, 'yêu cầu nộp phí, lệ phí')),
      );
    case 'confirm_payment':
      return all(() => inStatus(d, ['payment_requested'], 'xác nhận nộp phí'), () => needRole(actor, ['receptionist', 'leader'], 'xác nhận đã nộp phí, lệ phí'));
    case 'mark_result_ready':
      return all(() => inStatus(d, ['in_progress'], 'ghi nhận có kết quả'), atStep(['sign'], 'ghi nhận có kết quả'), () => staffOnStep(d, step, actor, 'ghi nhận có kết quả'));
    case 'return_result':
      return all(() => inStatus(d, ['processed'], 'trả kết quả'), () => needRole(actor, ['receptionist'], 'trả kết quả'));
    case 'stop':
      return all(() => inStatus(d, ['received', 'in_progress', 'supplement_requested', 'payment_requested'], 'dừng xử lý'), () => needRole(actor, ['leader'], 'dừng xử lý hồ sơ'));
    case 'apologize': {
      const state = inStatus(d, ['received', 'in_progress', 'supplement_requested', 'payment_requested'], 'xin lỗi, hẹn lại');
      if (!state.ok) return state;
      if (!isLateOrAtRisk(d, now)) return notAllowed('Hồ sơ chưa trễ hạn nên không cần phiếu xin lỗi và hẹn lại ngày trả kết quả.');
      return needRole(actor, ['leader'], 'ký phiếu xin lỗi và hẹn lại ngày trả kết quả');
    }
    default:
      return notAllowed('Thao tác không hợp lệ.');
  }
}

/**
 * Late, or will be: past the appointment, or the current step is past its planned end (the
 * steps after it cannot all be squeezed in), or less than a working day left is not tested here
 * (the escalation job flags those); an apology is for a dossier that will miss its date.
 */
export function isLateOrAtRisk(d: Dossier, now: Date): boolean {
  if (!d.dueAt || !d.dueFixed) return false;
  const t = now.getTime();
  if (new Date(d.dueAt).getTime() < t) return true;
  if (d.flag === 'overdue' || d.flag === 'near') return true;
  return !!d.stepDueAt && new Date(d.stepDueAt).getTime() < t;
}

/** Every action the actor may take now. */
export function allowedActions(d: Dossier, steps: ProcessStep[], actor: RuleActor, now: Date): ActionType[] {
  return ACTION_TYPES.filter((t) => verdict(t, d, steps, actor, now).ok);
}
