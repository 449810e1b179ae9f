/** Notification channels, events and message context: what every other file of the module shares. */

export const CHANNELS = ['sms', 'email', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABEL: Record<Channel, string> = { sms: 'Tin nhắn SMS', email: 'Thư điện tử', zalo: 'Zalo' };

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABEL: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

/**
 * The steps of a dossier a citizen is told about. Forms 01–04 of Circular 01/2018/TT-VPCP (receipt,
 * supplement request, refusal, apology with a new date) each have a message; so do the fee notice,
 * the result and its postal handover.
 */
export const EVENTS = [
  'submitted',
  'received',
  'not_received',
  'supplement_requested',
  'payment_requested',
  'payment_received',
  'in_progress',
  'result_ready',
  'result_signed',
  'result_posted',
  'apology',
  'stopped',
  'withdrawn',
  'rejected',
  'returned',
] as const;
export type NoticeEvent = (typeof EVENTS)[number];

export const EVENT_LABEL: Record<NoticeEvent, string> = {
  submitted: 'Đã nộp trực tuyến',
  received: 'Đã tiếp nhận, hẹn ngày trả',
  not_received: 'Từ chối tiếp nhận',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  payment_requested: 'Thông báo nộp phí, lệ phí',
  payment_received: 'Đã nhận phí, lệ phí',
  in_progress: 'Đang giải quyết',
  result_ready: 'Đã có kết quả',
  result_signed: 'Đã có kết quả điện tử đã ký số',
  result_posted: 'Đã gửi kết quả qua bưu chính',
  apology: 'Xin lỗi và hẹn lại ngày trả',
  stopped: 'Dừng giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  rejected: 'Không giải quyết (từ chối)',
  returned: 'Đã trả kết quả',
};

/** Messages that are not a dossier template: one-time codes, drafts, and what officials are told. */
const OTHER_EVENT_LABEL: Record<string, string> = {
  otp: 'Mã xác thực (OTP)',
  draft_saved: 'Đã lưu bản nháp',
  escalation_near: 'Báo cán bộ: sắp đến hạn',
  escalation_overdue: 'Báo cán bộ: đã quá hạn',
  apology_draft: 'Báo lãnh đạo: phiếu xin lỗi chờ ký',
  rating_dissatisfied: 'Báo lãnh đạo: người dân không hài lòng',
  report_reminder: 'Nhắc đơn vị gửi báo cáo',
  report_overdue: 'Báo cấp trên: báo cáo quá hạn',
  vaccination_welcome: 'Đăng ký nhắc lịch tiêm chủng',
  vaccination_reminder: 'Nhắc lịch tiêm chủng',
  vaccination_stopped: 'Đã dừng nhắc lịch tiêm chủng',
};

/** The words staff read for an outbox row's event; never the raw code. */
export const eventLabel = (event: string): string => EVENT_LABEL[event as NoticeEvent] ?? OTHER_EVENT_LABEL[event] ?? 'Tin nhắn khác';

/**
 * What a citizen may turn off ("chỉ nhận tin cần thiết"). Everything that asks them to act, gives
 * them a date or tells them a result stays on.
 */
export const NON_ESSENTIAL: ReadonlySet<string> = new Set<NoticeEvent>(['submitted', 'in_progress']);
export const isEssential = (event: string): boolean => !NON_ESSENTIAL.has(event);

/** Placeholders a template may use, with what they stand for (shown on the template editor). */
export const PLACEHOLDERS = {
  name: 'Họ tên người nộp',
  code: 'Mã hồ sơ',
  procedure: 'Tên thủ tục (tự rút gọn trong SMS)',
  unit: 'Tên đơn vị',
  date: 'Ngày của sự việc (dd/mm/yyyy)',
  dueDate: 'Ngày hẹn trả kết quả',
  newDate: 'Ngày hẹn mới (thư xin lỗi)',
  amount: 'Số tiền phí, lệ phí',
  reason: 'Lý do (bổ sung, từ chối, xin lỗi…)',
  postalCode: 'Số hiệu bưu gửi (trả kết quả qua bưu chính)',
  link: 'Liên kết theo dõi hồ sơ',
  ratingLink: 'Liên kết đánh giá mức độ hài lòng (có chữ ký, như liên kết theo dõi)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateContext = Partial<Record<Placeholder, string>>;

/**
 * The signed page where the citizen rates the dossier (the rating module's /ho-so/:code/danh-gia):
 * the tracking link's path with /danh-gia, and the same signature.
 */
export function ratingLinkOf(trackingUrl: string): string {
  return trackingUrl.replace(/(\/ho-so\/[^/?#]+)(?=[?#]|$)/, '$1/danh-gia');
}

/** Statuses of an outbox row. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const STATUS_LABEL: Record<OutboxStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  dead: 'Gửi không được (đã dừng thử lại)',
};

/**
 * A dossier event to tell its applicant about. The caller (dossier, workflow, payment modules)
 * fills it from the dossier it has in hand; the notification module picks the channels from the
 * citizen's choices and the text from the unit's templates.
 */
export interface DossierNotice {
  event: NoticeEvent;
  dossierId: string;
  code: string;
  unitCode: string;
  procedureName: string;
  applicant: { fullName: string; phone: string; email?: string };
  trackingUrl: string;
  /** Appointment date (ISO). */
  dueAt?: string | null;
  /** New appointment of an apology (ISO). */
  newDueAt?: string | null;
  /** Fee in VND. */
  amount?: number;
  reason?: string;
  /** Postal handover of the result. */
  postal?: { trackingNumber: string; postedAt?: string };
  /** Tells repeated events apart (a second supplement request): part of the de-duplication key. */
  occurrence?: string;
}
