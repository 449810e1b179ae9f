import { z } from 'zod';
import { cleanName, NAME_NEEDS_LETTER } from '../shared/text';

/** National status list (DOMAIN.md "A dossier"), plus our own 'draft' before submission. */
export const DOSSIER_STATUSES = [
  'draft',
  'new',
  'received',
  'not_received',
  'in_progress',
  'supplement_requested',
  'payment_requested',
  'withdrawn',
  'stopped',
  'processed',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** What the citizen reads on the tracking page. */
export const STATUS_LABEL: Record<DossierStatus, string> = {
  draft: 'Bản nháp, chưa nộp',
  new: 'Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận',
  received: 'Đã tiếp nhận, đang chờ giải quyết',
  not_received: 'Không được tiếp nhận',
  in_progress: 'Đang giải quyết',
  supplement_requested: 'Cần bổ sung giấy tờ',
  payment_requested: 'Chờ nộp phí, lệ phí',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Đã dừng giải quyết',
  processed: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
};

/** `home`: received at the citizen's home by the unit's support team (issue 13, home visits). */
export const DOSSIER_CHANNELS = ['online', 'in_person', 'post', 'home'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];
export const CHANNEL_NAME: Record<DossierChannel, string> = { online: 'Trực tuyến', in_person: 'Trực tiếp', post: 'Qua bưu chính', home: 'Tại nhà (tổ hỗ trợ)' };

const phoneRe = /^(\+?84|0)[\d\s.]{8,13}$/;

export const applicantSchema = z.object({
  fullName: z
    .string({ message: 'Họ và tên là bắt buộc' })
    .transform(cleanName)
    .pipe(z.string().min(2, { message: 'Họ và tên là bắt buộc', abort: true }).max(100, 'Họ và tên tối đa 100 ký tự').regex(/\p{L}/u, NAME_NEEDS_LETTER)),
  phone: z.string({ message: 'Số điện thoại là bắt buộc' }).trim().regex(phoneRe, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'),
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{12}|\d{9})$/, 'Số định danh cá nhân gồm 12 chữ số (hoặc CMND cũ 9 chữ số)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  email: z.string().trim().email('Địa chỉ thư điện tử không hợp lệ').optional().or(z.literal('').transform(() => undefined)),
  address: z.string().transform(cleanName).pipe(z.string().max(300, 'Địa chỉ tối đa 300 ký tự')).optional().or(z.literal('').transform(() => undefined)),
});
export type Applicant = z.infer<typeof applicantSchema>;

/** The component under which `mark_result_ready` stores the signed result file. */
export const RESULT_COMPONENT = 'ket-qua';

export interface DossierFile {
  id: string;
  component: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface HistoryEntry {
  id?: string;
  seq: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  actorKind: 'citizen' | 'staff' | 'system' | 'anonymous';
  actorName: string;
  comment: string;
  data: Record<string, unknown>;
  createdAt: string;
  actorId?: string | null;
  idempotencyKey?: string | null;
}

export interface Dossier {
  id: string;
  code: string | null;
  unitCode: string;
  procedureCode: string;
  channel: DossierChannel;
  caseId: string | null;
  status: DossierStatus;
  applicant: Applicant;
  citizenId: string | null;
  formData: Record<string, unknown>;
  delivery: { method?: 'counter' | 'post'; address?: string };
  digitised: boolean;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueFixed: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  // Processing (issue 4): where the dossier is in its process. A projection of the history.
  /** The process version the dossier follows (kept for its whole life). */
  processId: string | null;
  /** Index of the current step in the process. */
  stepNo: number;
  /** Role that must act now ('' when nobody). */
  currentRole: string;
  /** The official who must act now, when one is named. */
  assigneeId: string | null;
  /** The specialist in charge of the examination. */
  examinerId: string | null;
  stepStartedAt: string | null;
  stepDueAt: string | null;
  /** Planned end of each step, fixed at receipt and moved by paused time. */
  schedule: Array<{ no: number; dueAt: string }>;
  /** Set while the clock is stopped (supplement or payment requested). */
  pausedAt: string | null;
  /** The status to go back to when the citizen answers. */
  pausedStatus: DossierStatus | null;
  /** Working time the clock was stopped, in total (ms). */
  pausedMs: number;
  supplementCount: number;
  /** When the result (or the refusal, or the stop) was decided. */
  finishedAt: string | null;
  returnedAt: string | null;
  /** 'approved' | 'rejected' | 'refused' | 'withdrawn' | 'stopped' | '' while processing. */
  outcome: string;
  /** New date promised in an apology; the dossier still counts as late against dueAt. */
  rescheduledDueAt: string | null;
  /** Escalation flag of the current step: '' | 'near' | 'overdue'. */
  flag: '' | 'near' | 'overdue';
  version: number;
  /** A draft is removed with its files after this instant (migration 008). */
  expiresAt?: string | null;
  /** The phone an anonymous draft proved with a one-time code; its resume link goes there. */
  verifiedPhone?: string | null;
  /** Written by the demo history (migration 018): shown as "Dữ liệu mẫu", never a real dossier. */
  demo?: boolean;
}

/** Who is acting: the service checks what each may do. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; id: string; phone: string; name: string }
  | { kind: 'staff'; id: string; unitCode: string; role: string; name: string };
