/** What the dossier JSON API takes and answers, documented for /docs (see src/shared/openapi.ts). */
import { z } from 'zod';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES } from './dossier.types';

const at = z.string().describe('Thời điểm (ISO 8601, UTC)');

export const formJson = z.object({
  procedureCode: z.string(),
  formData: z.record(z.string(), z.unknown()).describe('JSON Schema 2020-12 của biểu mẫu điện tử (trường formData của hồ sơ)'),
  cases: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(['general', 'case', 'show']),
      components: z.array(z.looseObject({ id: z.string(), name: z.string(), required: z.boolean(), originals: z.number().int(), copies: z.number().int() })),
    }),
  ),
});

export const otpBody = z
  .object({ phone: z.string(), purpose: z.enum(['sign_in', 'verify_phone']).optional() })
  .meta({ examples: [{ phone: '0912345678', purpose: 'verify_phone' }] });

export const otpJson = z.object({
  phone: z.string(),
  expiresAt: at,
  demoCode: z.string().optional().describe('Chỉ ở chế độ trình diễn (DEMO)'),
});

const applicant = z.looseObject({
  fullName: z.string(),
  phone: z.string(),
  idNumber: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
});

export const newDossierExample = { procedureCode: '1.001193', applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, formData: {} };

export const attachmentJson = z.object({ id: z.string(), component: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

export const attachmentsJson = z.object({ attachments: z.array(attachmentJson) });

export const attachmentForm = z.object({
  component: z.string().optional().describe('Mã thành phần hồ sơ, ví dụ "chung.0"'),
  file: z.string().meta({ format: 'binary' }).describe('PDF, JPEG, PNG hoặc HEIC, tối đa 10 MB'),
});

export const paymentJson = z
  .looseObject({
    amount: z.number().int(),
    status: z.string(),
    paid: z.number().int(),
    outstanding: z.number().int(),
    lines: z.array(z.looseObject({ label: z.string(), amount: z.number().int() })),
    vnpay: z.boolean(),
  })
  .nullable();

/** The group a dossier is a part of (issue 14), in the officials' JSON: every part, this one marked `self`. */
export const linkedGroupJson = z.object({
  code: z.string().describe('Mã nhóm hồ sơ liên thông, ví dụ LT-00004-261201-0001'),
  groupCode: z.string().describe('Mã nhóm thủ tục, ví dụ LT-KS'),
  name: z.string(),
  url: z.string().describe('Trang của cả nhóm trong khu làm việc của cán bộ'),
  dueAt: z.string().nullable().describe('Hạn của cả nhóm: hạn muộn nhất của các phần'),
  members: z.array(
    z.object({
      code: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      agency: z.enum(['unit', 'partner']),
      agencyName: z.string(),
      status: z.enum(DOSSIER_STATUSES),
      statusLabel: z.string(),
      self: z.boolean().describe('Phần này là hồ sơ đang xem'),
    }),
  ),
});
export type LinkedGroupJson = z.infer<typeof linkedGroupJson>;

export const dossierSchema = z.object({
  id: z.string(),
  code: z.string().nullable().describe('Mã hồ sơ <mã đơn vị>-YYMMDD-NNNN; null khi còn là bản nháp'),
  unit: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  channel: z.enum(DOSSIER_CHANNELS),
  case: z.string().nullable(),
  applicant,
  formData: z.record(z.string(), z.unknown()),
  digitised: z.boolean(),
  submittedAt: at.nullable(),
  receivedAt: at.nullable(),
  dueAt: at.nullable(),
  dueFixed: z.boolean(),
  attachments: z.array(attachmentJson),
  history: z.array(
    z.object({ seq: z.number().int(), action: z.string(), from: z.string().nullable(), to: z.string().nullable(), actor: z.string(), comment: z.string().nullable(), at }),
  ),
  receiptUrl: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  payment: paymentJson,
  rescheduledDueAt: at.nullable().optional(),
  steps: z
    .array(z.object({ label: z.string(), at, detail: z.string().optional() }))
    .optional()
    .describe('Chỉ với người nộp: các bước hồ sơ liên quan đến người nộp (có "Đang giải quyết"), không kèm ghi chú nội bộ của cán bộ'),
  nextStep: z
    .object({ actionNeeded: z.boolean(), text: z.string() })
    .nullable()
    .optional()
    .describe('Chỉ với người nộp: việc người nộp cần làm lúc này (ví dụ "Bạn cần nộp 7.000 đồng…")'),
  resultUrl: z.string().nullable().optional().describe('Chỉ với người nộp: đường dẫn tải kết quả điện tử khi đã có'),
  result: z
    .object({
      fileUrl: z.string().describe('Tải tệp kết quả (PDF đã ký số): cùng điều kiện xem như trang theo dõi'),
      verifyUrl: z.string().nullable().describe('Trang xác thực công khai của văn bản (mã QR in trên văn bản); null khi kết quả không được ký số'),
      sha256: z.string().describe('Mã băm SHA-256 của tệp kết quả'),
    })
    .nullable()
    .optional()
    .describe('Kết quả điện tử, khi đã có'),
  allowedActions: z.array(z.string()).optional().describe('Chỉ với cán bộ: các thao tác được phép lúc này'),
  linkedGroup: linkedGroupJson.nullable().optional().describe('Chỉ với cán bộ: nhóm liên thông mà hồ sơ là một phần (các phần khác, tình trạng); null với hồ sơ riêng lẻ'),
  workflow: z.looseObject({ processId: z.string().nullable(), step: z.number().int(), role: z.string().nullable() }).optional(),
});

export const submitBody = z.object({ otp: z.string().optional(), formData: z.record(z.string(), z.unknown()).optional() }).meta({ examples: [{}] });

export const loginBody = z
  .object({ username: z.string(), password: z.string() })
  .meta({ examples: [{ username: 'tiepnhan', password: 'demo' }] });

export const loginJson = z.object({
  username: z.string(),
  fullName: z.string(),
  unit: z.string(),
  role: z.string(),
  csrfToken: z.string(),
  token: z.string().describe('Dùng trong tiêu đề Authorization: Bearer <token>'),
  expiresAt: at,
  mustChangePassword: z.boolean(),
});

export const newDossierMultipart = z
  .object({ dossier: z.string().meta({ contentMediaType: 'application/json' }).describe('JSON như khi gửi application/json') })
  .catchall(z.string().meta({ format: 'binary' }).describe('Tệp của thành phần hồ sơ có mã là tên trường, ví dụ "chung.0"'));

// ------------------------------------------------------------------ officials (dossier.staff-routes)

export const worklistJson = z.object({
  tab: z.string(),
  total: z.number().int(),
  totalOver: z.boolean().describe('true: nhóm có nhiều hồ sơ hơn total (đếm dừng ở total, trang hiển thị "hơn 10.000")'),
  counts: z.record(z.string(), z.number().int()).describe('Số hồ sơ của từng nhóm'),
  countsOver: z.array(z.string()).describe('Các nhóm có nhiều hồ sơ hơn số trong counts: nhóm "closed" (đã kết thúc) chỉ đếm đến 10.000'),
  page: z.number().int(),
  items: z.array(
    z.object({
      code: z.string().nullable(),
      unit: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      field: z.string(),
      status: z.enum(DOSSIER_STATUSES),
      channel: z.enum(DOSSIER_CHANNELS),
      applicant: z.object({ fullName: z.string(), phone: z.string() }),
      receivedAt: at.nullable(),
      dueAt: at.nullable(),
      rescheduledDueAt: at.nullable().optional(),
      step: z.string().nullable().optional(),
      assignee: z.string().nullable().optional(),
      flag: z.string().nullable(),
      workingMsLeft: z.number().nullable().optional().describe('Thời gian làm việc còn lại (ms), âm khi quá hạn'),
    }),
  ),
});

export const bulkAssignBody = z
  .object({ codes: z.array(z.string()).min(1).max(200), assignee: z.string(), idempotencyKey: z.string().optional() })
  .meta({ examples: [{ codes: ['00004-261130-0001'], assignee: 'chuyenvien' }] });

export const bulkAssignJson = z.object({
  results: z.array(
    z.object({
      code: z.string(),
      ok: z.boolean(),
      status: z.enum(DOSSIER_STATUSES).optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const trackingBookJson = z.looseObject({}).describe('Sổ theo dõi hồ sơ (mẫu 06): đơn vị, kỳ và các dòng');
