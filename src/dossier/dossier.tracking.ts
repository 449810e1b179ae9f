import { formatDateTime, formatVnd } from '../shared/format';
import { CITIZEN_VISIBLE_ACTIONS } from '../workflow';
import { RESULT_COMPONENT, type DossierFile, type DossierStatus, type HistoryEntry } from './dossier.types';

/**
 * What the citizen reads on the tracking page (and the citizen's JSON): the steps that concern
 * them, in their words, built from the history's data — never from the officials' comments, which
 * may hold internal notes ("hồ sơ này anh xem kỹ phần đất") — and what they must do now.
 */
export interface CitizenStep {
  label: string;
  at: string;
  /** Facts the citizen needs (reason, papers asked, amount, new date, postal number). */
  detail?: string;
}

export interface CitizenNextStep {
  /** True when the dossier waits for the citizen (papers, a fee). */
  actionNeeded: boolean;
  text: string;
}

export interface CitizenTracking {
  steps: CitizenStep[];
  next?: CitizenNextStep;
  /** The electronic result, once the office has marked it ready. */
  result?: { id: string; name: string; size: number; sha256: string };
}


const LABEL: Record<string, string> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Bộ phận một cửa tiếp nhận hồ sơ',
  accept: 'Bộ phận một cửa tiếp nhận hồ sơ',
  refuse: 'Hồ sơ không được tiếp nhận',
  request_supplement: 'Cán bộ yêu cầu bổ sung hồ sơ',
  supplement: 'Đã bổ sung hồ sơ',
  reject: 'Hồ sơ bị từ chối giải quyết',
  request_payment: 'Thông báo nộp phí, lệ phí',
  confirm_payment: 'Đã nhận phí, lệ phí',
  mark_result_ready: 'Đã có kết quả',
  return_result: 'Đã trả kết quả',
  withdraw: 'Hồ sơ đã được rút',
  stop: 'Dừng giải quyết hồ sơ',
  apologize: 'Cơ quan xin lỗi và hẹn lại ngày trả kết quả',
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const reason = (h: HistoryEntry) => (str(h.data.reason) ? `Lý do: ${str(h.data.reason)}` : undefined);

function detailOf(h: HistoryEntry): string | undefined {
  const d = h.data;
  switch (h.action) {
    case 'receive':
    case 'accept':
      return str(d.dueAt) ? `Ngày hẹn trả kết quả: ${formatDateTime(str(d.dueAt))}` : undefined;
    case 'refuse':
    case 'reject':
    case 'withdraw':
    case 'stop':
      return reason(h);
    case 'request_supplement': {
      const items = Array.isArray(d.items) ? d.items.map(str).filter(Boolean) : [];
      return [items.length ? `Cần bổ sung: ${items.join('; ')}` : '', str(d.message)].filter(Boolean).join('. ') || undefined;
    }
    case 'request_payment':
    case 'confirm_payment':
      return typeof d.amount === 'number' && d.amount > 0 ? `Số tiền: ${formatVnd(d.amount)}` : undefined;
    case 'return_result':
      return d.method === 'post' ? `Gửi qua bưu chính${str(d.trackingNumber) ? `, số hiệu bưu gửi ${str(d.trackingNumber)}` : ''}` : 'Trả trực tiếp tại bộ phận một cửa';
    case 'apologize':
      return [str(d.newDueAt) ? `Ngày hẹn mới: ${formatDateTime(str(d.newDueAt))}` : '', reason(h) ?? ''].filter(Boolean).join('. ') || undefined;
    default:
      return undefined;
  }
}

/**
 * The citizen's steps. Internal hand-overs (assign, forward, approve…) stay inside the office,
 * except the moment the dossier starts being examined: the citizen sees "Đang giải quyết" once.
 */
export function citizenSteps(history: HistoryEntry[]): CitizenStep[] {
  const steps: CitizenStep[] = [];
  let examined = false;
  for (const h of history) {
    if (CITIZEN_VISIBLE_ACTIONS.has(h.action)) {
      const detail = detailOf(h);
      steps.push({ label: LABEL[h.action] ?? h.action, at: h.createdAt, ...(detail ? { detail } : {}) });
    } else if (h.toStatus === 'in_progress' && h.fromStatus !== 'in_progress' && !examined) {
      examined = true;
      steps.push({ label: 'Đang giải quyết', at: h.createdAt, detail: 'Hồ sơ đã được chuyển cho cán bộ chuyên môn thẩm định.' });
    }
  }
  return steps;
}

export interface NextStepInput {
  status: DossierStatus;
  delivery: { method?: string };
  outcome?: string | null;
  history: HistoryEntry[];
  /** Fee still due (payment module); 0 or undefined when nothing is owed. */
  outstanding?: number;
  hasResultFile: boolean;
}

/** What the citizen must do now, said plainly; a fee still due comes before "nothing to do". */
export function citizenNextStep(d: NextStepInput): CitizenNextStep | undefined {
  const fee = d.outstanding && d.outstanding > 0 ? `Bạn cần nộp ${formatVnd(d.outstanding)} phí, lệ phí` : '';
  switch (d.status) {
    case 'draft':
      return { actionNeeded: true, text: 'Hồ sơ chưa nộp: mở bản nháp, bổ sung và bấm "Nộp hồ sơ".' };
    case 'supplement_requested': {
      const ask = d.history.filter((h) => h.action === 'request_supplement').at(-1);
      const items = Array.isArray(ask?.data.items) ? (ask!.data.items as unknown[]).map(str).filter(Boolean) : [];
      return {
        actionNeeded: true,
        text: `Bạn cần bổ sung: ${items.join('; ') || 'giấy tờ theo yêu cầu của cán bộ'}. Thời gian chờ bổ sung không tính vào thời hạn giải quyết; ngày hẹn sẽ lùi tương ứng.`,
      };
    }
    case 'payment_requested':
      return { actionNeeded: true, text: `${fee || 'Bạn cần nộp phí, lệ phí theo thông báo'} để hồ sơ được tiếp tục giải quyết.` };
    case 'new':
      return fee
        ? { actionNeeded: true, text: `${fee}. Cán bộ một cửa sẽ kiểm tra và tiếp nhận hồ sơ, rồi nhắn tin cho bạn.` }
        : { actionNeeded: false, text: 'Bạn chưa cần làm gì thêm: cán bộ một cửa sẽ kiểm tra và tiếp nhận hồ sơ, rồi nhắn tin cho bạn.' };
    case 'received':
    case 'in_progress':
      return fee
        ? { actionNeeded: true, text: `${fee}. Hồ sơ vẫn đang được giải quyết.` }
        : { actionNeeded: false, text: 'Bạn chưa cần làm gì thêm: hồ sơ đang được giải quyết, chúng tôi sẽ nhắn tin khi có kết quả.' };
    case 'processed': {
      const where =
        d.outcome === 'rejected'
          ? 'Mời bạn đến bộ phận một cửa nhận văn bản trả lời, mang theo giấy hẹn.'
          : d.hasResultFile
            ? 'Bạn có thể tải kết quả điện tử ngay trên trang này.' + (d.delivery.method === 'post' ? ' Bản giấy sẽ được gửi qua bưu chính.' : '')
            : d.delivery.method === 'post'
              ? 'Kết quả sẽ được gửi qua bưu chính tới địa chỉ bạn đăng ký.'
              : 'Mời bạn đến bộ phận một cửa nhận kết quả, mang theo giấy hẹn.';
      return { actionNeeded: !!fee || d.delivery.method !== 'post', text: fee ? `${fee} trước khi nhận kết quả. ${where}` : `Kết quả đã có. ${where}` };
    }
    default:
      // Returned, withdrawn, stopped, not received: the dossier is closed, and nothing the citizen
      // could pay would change it. A fee never asked for is not a debt to chase on this page.
      return undefined;
  }
}

export function resultFileOf(status: DossierStatus, files: DossierFile[]): DossierFile | undefined {
  if (status !== 'processed' && status !== 'returned') return undefined;
  return files.filter((f) => f.component === RESULT_COMPONENT).at(-1);
}

export function citizenTracking(v: Omit<NextStepInput, 'hasResultFile'> & { files: DossierFile[] }): CitizenTracking {
  const result = resultFileOf(v.status, v.files);
  return {
    steps: citizenSteps(v.history),
    next: citizenNextStep({ ...v, hasResultFile: !!result }),
    ...(result ? { result: { id: result.id, name: result.name, size: result.size, sha256: result.sha256 } } : {}),
  };
}
