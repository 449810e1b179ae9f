import { z } from 'zod';

/**
 * A process (quy trình nội bộ): the ordered steps a dossier of one procedure goes through in one
 * unit, each done by one role within a share of the total time. Circular 01/2018/TT-VPCP and the
 * example internal process of DOMAIN.md ("receive → transfer 0.5 day → assign 0.5 day → examine
 * 15 days → head of division 2 days → director signs 1 day → clerk issues 1 day → return; the
 * steps add up to the legal time") are the model.
 */

export const STEP_KINDS = ['receive', 'assign', 'examine', 'approve', 'sign', 'return'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABEL: Record<StepKind, string> = {
  receive: 'Tiếp nhận, chuyển hồ sơ',
  assign: 'Phân công xử lý',
  examine: 'Thẩm định, xử lý hồ sơ',
  approve: 'Xem xét, phê duyệt',
  sign: 'Ký, ban hành kết quả',
  return: 'Trả kết quả',
};

/** Roles that take part in processing (admins and supervisors do not). */
export const PROCESS_ROLES = ['receptionist', 'specialist', 'leader'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export const PROCESS_ROLE_LABEL: Record<ProcessRole, string> = {
  receptionist: 'Công chức một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
};

export interface ProcessStep {
  kind: StepKind;
  name: string;
  role: ProcessRole;
  /** Share of the total processing time, 0 < share ≤ 1; the shares add up to 1. */
  share: number;
}

export interface Process {
  id: string;
  unitCode: string;
  procedureCode: string;
  version: number;
  steps: ProcessStep[];
  note: string;
  createdBy: string;
  createdAt: string;
}

/** Sensible defaults: the shape of the example process of DOMAIN.md, in shares of the time. */
export const DEFAULT_STEPS: ProcessStep[] = [
  { kind: 'receive', name: 'Tiếp nhận, kiểm tra và chuyển hồ sơ', role: 'receptionist', share: 0.05 },
  { kind: 'assign', name: 'Lãnh đạo phân công chuyên viên', role: 'leader', share: 0.05 },
  { kind: 'examine', name: 'Chuyên viên thẩm định, dự thảo kết quả', role: 'specialist', share: 0.6 },
  { kind: 'approve', name: 'Lãnh đạo xem xét, phê duyệt', role: 'leader', share: 0.15 },
  { kind: 'sign', name: 'Ký, ban hành kết quả', role: 'leader', share: 0.1 },
  { kind: 'return', name: 'Chuyển kết quả về bộ phận một cửa, trả kết quả', role: 'receptionist', share: 0.05 },
];

const ORDER: Record<StepKind, number> = { receive: 0, assign: 1, examine: 2, approve: 3, sign: 4, return: 5 };

export const processStepSchema = z.object({
  kind: z.enum(STEP_KINDS, { message: 'Loại bước không hợp lệ' }),
  name: z.string({ message: 'Cần tên bước' }).trim().normalize('NFC').min(2, 'Tên bước cần ít nhất 2 ký tự').max(120, 'Tên bước tối đa 120 ký tự'),
  role: z.enum(PROCESS_ROLES, { message: 'Vai trò phải là công chức một cửa, chuyên viên hoặc lãnh đạo' }),
  share: z.number({ message: 'Tỷ lệ thời gian phải là số' }).gt(0, 'Mỗi bước cần một phần thời gian lớn hơn 0').max(1, 'Tỷ lệ thời gian của một bước không quá 100%'),
});

/**
 * The rules of a process: starts with reception and ends with the return of the result (both at
 * the one-stop counter, Decree 118/2025 on the one-stop mechanism); has one examination and one
 * signature; an assignment at most once, before the examination; any number of approvals (head of
 * division, then director) between examination and signature; shares add up to 100%.
 */
export const processStepsSchema = z
  .array(processStepSchema)
  .min(4, 'Quy trình cần ít nhất các bước: tiếp nhận, thẩm định, ký, trả kết quả')
  .max(12, 'Quy trình tối đa 12 bước')
  .superRefine((steps, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
    const count = (k: StepKind) => steps.filter((s) => s.kind === k).length;
    if (steps[0]?.kind !== 'receive') issue('Bước đầu tiên phải là tiếp nhận hồ sơ', [0, 'kind']);
    if (steps.at(-1)?.kind !== 'return') issue('Bước cuối cùng phải là trả kết quả', [steps.length - 1, 'kind']);
    for (const k of ['receive', 'examine', 'sign', 'return'] as const) {
      if (count(k) !== 1) issue(`Quy trình cần đúng một bước "${STEP_KIND_LABEL[k]}" (đang có ${count(k)})`);
    }
    if (count('assign') > 1) issue('Chỉ có một bước phân công');
    steps.forEach((s, i) => {
      const prev = steps[i - 1];
      if (prev && ORDER[s.kind] < ORDER[prev.kind]) issue(`Bước ${i + 1} ("${STEP_KIND_LABEL[s.kind]}") không thể đứng sau "${STEP_KIND_LABEL[prev.kind]}"`, [i, 'kind']);
      if ((s.kind === 'receive' || s.kind === 'return') && s.role !== 'receptionist') {
        issue(`Bước ${i + 1}: tiếp nhận và trả kết quả do công chức một cửa thực hiện`, [i, 'role']);
      }
    });
    const total = steps.reduce((a, s) => a + s.share, 0);
    if (Math.abs(total - 1) > 0.001) issue(`Tổng tỷ lệ thời gian các bước phải bằng 100% (đang là ${Math.round(total * 1000) / 10}%)`);
  });

// ---------------------------------------------------------------------------------------------
// Actions

export const ACTION_TYPES = [
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'forward',
  'assign',
  'propose_result',
  'approve',
  'send_back',
  'reject',
  'request_payment',
  'confirm_payment',
  'mark_result_ready',
  'return_result',
  'withdraw',
  'stop',
  'apologize',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** What the timeline and the buttons say. */
export const ACTION_LABEL: Record<string, string> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ tại bộ phận một cửa',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement: 'Bổ sung hồ sơ',
  forward: 'Chuyển hồ sơ',
  assign: 'Phân công xử lý',
  propose_result: 'Trình kết quả',
  approve: 'Phê duyệt',
  send_back: 'Trả lại để xử lý lại',
  reject: 'Từ chối giải quyết',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  confirm_payment: 'Xác nhận đã nộp phí, lệ phí',
  mark_result_ready: 'Có kết quả',
  return_result: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  stop: 'Dừng xử lý',
  apologize: 'Xin lỗi và hẹn lại ngày trả kết quả',
  escalate: 'Cảnh báo quá hạn',
};

/** Actions the citizen sees on the tracking page (the others are internal hand-overs). */
export const CITIZEN_VISIBLE_ACTIONS = new Set<string>([
  'submit',
  'receive',
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'reject',
  'request_payment',
  'confirm_payment',
  'mark_result_ready',
  'return_result',
  'withdraw',
  'stop',
  'apologize',
]);

/** A decision the action engine takes from the dossier, its process and the actor. */
export type Verdict = { ok: true } | { ok: false; code: 'action_not_allowed' | 'role_not_allowed' | 'not_assignee'; reason: string };
