import { ValidationError } from '../shared/errors';
import { PLACEHOLDERS, type Channel, type Language, type NoticeEvent, type TemplateContext } from './notification.types';

/**
 * Default message templates, per event, language and channel. A unit admin may replace any of
 * them (table notification_templates); these apply otherwise.
 *
 * SMS texts are written with diacritics and folded to plain ASCII when the provider requires it
 * (SMS_UNICODE=off, the default); they aim at two GSM-7 segments (306 characters) with a long
 * procedure name, which is shortened automatically. E-mail has a subject; Zalo takes the body.
 */

export interface TemplateText {
  subject: string;
  body: string;
}

interface EventTexts {
  sms: string;
  subject: string;
  body: string;
}

const VI: Record<NoticeEvent, EventTexts> = {
  submitted: {
    sms: '{unit}: Hồ sơ {code} ({procedure}) đã nộp trực tuyến, chờ cán bộ tiếp nhận. Theo dõi: {link}',
    subject: 'Hồ sơ {code} đã nộp trực tuyến',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã được nộp trực tuyến tới {unit} ngày {date}. Cán bộ một cửa sẽ kiểm tra và tiếp nhận; Ông/Bà sẽ nhận được tin nhắn khi hồ sơ được tiếp nhận. Ngày dự kiến trả kết quả: {dueDate}.\n\nTheo dõi hồ sơ: {link}',
  },
  received: {
    sms: '{unit}: Hồ sơ {code} ({procedure}) đã được tiếp nhận ngày {date}. Hẹn trả kết quả: {dueDate}. Theo dõi: {link}',
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    body: 'Kính gửi Ông/Bà {name},\n\n{unit} đã tiếp nhận hồ sơ {code} ({procedure}) ngày {date}. Ngày hẹn trả kết quả: {dueDate}.\n\nTheo dõi hồ sơ: {link}',
  },
  not_received: {
    sms: '{unit}: Hồ sơ {code} không được tiếp nhận. Lý do: {reason}. Chi tiết: {link}',
    subject: 'Hồ sơ {code} không được tiếp nhận',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) không được tiếp nhận.\nLý do: {reason}\n\nChi tiết: {link}',
  },
  supplement_requested: {
    sms: '{unit}: Hồ sơ {code} cần bổ sung: {reason}. Xem và bổ sung tại: {link}',
    subject: 'Hồ sơ {code} cần bổ sung giấy tờ',
    body: 'Kính gửi Ông/Bà {name},\n\nĐể giải quyết hồ sơ {code} ({procedure}), đề nghị Ông/Bà bổ sung: {reason}\n\nThời gian chờ bổ sung không tính vào thời hạn giải quyết. Xem chi tiết và bổ sung tại: {link}',
  },
  payment_requested: {
    sms: '{unit}: Hồ sơ {code} cần nộp phí, lệ phí {amount}. Quét mã VietQR hoặc thanh toán tại: {link}',
    subject: 'Thông báo nộp phí, lệ phí hồ sơ {code}: {amount}',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) cần nộp phí, lệ phí: {amount}.\nÔng/Bà có thể chuyển khoản bằng mã VietQR (ghi đúng mã hồ sơ trong nội dung chuyển khoản), thanh toán qua VNPay, hoặc nộp tại bộ phận một cửa.\n\nThanh toán và theo dõi: {link}',
  },
  payment_received: {
    sms: '{unit}: Đã nhận {amount} phí, lệ phí của hồ sơ {code} ngày {date}. Biên lai: {link}',
    subject: 'Đã nhận phí, lệ phí hồ sơ {code}',
    body: 'Kính gửi Ông/Bà {name},\n\n{unit} đã nhận {amount} phí, lệ phí của hồ sơ {code} ({procedure}) ngày {date}. Biên lai điện tử có trên trang theo dõi hồ sơ.\n\n{link}',
  },
  in_progress: {
    sms: '{unit}: Hồ sơ {code} đang được giải quyết. Hẹn trả: {dueDate}. Theo dõi: {link}',
    subject: 'Hồ sơ {code} đang được giải quyết',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đang được giải quyết. Ngày hẹn trả kết quả: {dueDate}.\n\nTheo dõi hồ sơ: {link}',
  },
  result_ready: {
    sms: '{unit}: Hồ sơ {code} ({procedure}) đã có kết quả. Mời Ông/Bà đến nhận, mang theo giấy hẹn. Chi tiết: {link}',
    subject: 'Hồ sơ {code} đã có kết quả',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã có kết quả từ ngày {date}. Mời Ông/Bà đến {unit} nhận kết quả, mang theo giấy tiếp nhận và hẹn trả kết quả.\n\nChi tiết: {link}',
  },
  result_signed: {
    sms: '{unit}: Hồ sơ {code} ({procedure}) đã có kết quả điện tử đã ký số. Tải về tại: {link} Cần bản giấy: nhận tại một cửa hoặc qua bưu chính.',
    subject: 'Hồ sơ {code} đã có kết quả điện tử đã ký số',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã có kết quả từ ngày {date}. Kết quả điện tử đã được {unit} ký số: Ông/Bà tải về tại trang theo dõi hồ sơ hoặc mục "Hồ sơ của tôi"; mã QR in trên văn bản dẫn tới trang xác thực.\nNếu cần bản giấy, Ông/Bà nhận tại bộ phận một cửa (mang theo giấy hẹn) hoặc đề nghị gửi qua bưu chính.\n\nTheo dõi hồ sơ: {link}',
  },
  result_posted: {
    sms: '{unit}: Kết quả hồ sơ {code} đã gửi qua bưu chính ngày {date}, số hiệu bưu gửi {postalCode}. Theo dõi: {link}',
    subject: 'Kết quả hồ sơ {code} đã gửi qua bưu chính',
    body: 'Kính gửi Ông/Bà {name},\n\nKết quả hồ sơ {code} ({procedure}) đã được giao cho bưu chính ngày {date}, số hiệu bưu gửi {postalCode}. Đề nghị Ông/Bà để ý điện thoại khi nhân viên bưu chính giao.\n\nTheo dõi hồ sơ: {link}\nSau khi nhận kết quả, mời Ông/Bà đánh giá mức độ hài lòng: {ratingLink}',
  },
  apology: {
    sms: '{unit} xin lỗi: hồ sơ {code} chưa có kết quả đúng hẹn. Lý do: {reason}. Hẹn lại: {newDate}. Theo dõi: {link}',
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}',
    body: 'Kính gửi Ông/Bà {name},\n\n{unit} xin lỗi vì hồ sơ {code} ({procedure}) chưa có kết quả đúng hẹn.\nLý do: {reason}\nNgày hẹn trả kết quả mới: {newDate}.\n\nTheo dõi hồ sơ: {link}',
  },
  stopped: {
    sms: '{unit}: Hồ sơ {code} đã dừng giải quyết. Lý do: {reason}. Chi tiết: {link}',
    subject: 'Hồ sơ {code} đã dừng giải quyết',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã dừng giải quyết.\nLý do: {reason}\n\nChi tiết: {link}',
  },
  withdrawn: {
    sms: '{unit}: Hồ sơ {code} đã được rút theo yêu cầu của Ông/Bà ngày {date}. Chi tiết: {link}',
    subject: 'Hồ sơ {code} đã được rút',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã được rút theo yêu cầu của Ông/Bà ngày {date}.\n\nChi tiết: {link}',
  },
  rejected: {
    sms: '{unit}: Hồ sơ {code} không được giải quyết. Lý do: {reason}. Mời Ông/Bà nhận văn bản trả lời tại bộ phận một cửa. Chi tiết: {link}',
    subject: 'Hồ sơ {code} không được giải quyết',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) không được giải quyết.\nLý do: {reason}\n\nVăn bản trả lời được trả tại bộ phận một cửa của {unit}.\nTheo dõi hồ sơ: {link}',
  },
  returned: {
    sms: '{unit}: Hồ sơ {code} đã trả kết quả ngày {date}. Cảm ơn Ông/Bà! Mời đánh giá mức độ hài lòng: {ratingLink}',
    subject: 'Hồ sơ {code} đã trả kết quả — mời Ông/Bà đánh giá',
    body: 'Kính gửi Ông/Bà {name},\n\nHồ sơ {code} ({procedure}) đã được trả kết quả ngày {date}.\n\nCảm ơn Ông/Bà đã sử dụng dịch vụ công của {unit}. Mời Ông/Bà đánh giá mức độ hài lòng (Rất hài lòng, Hài lòng hoặc Không hài lòng) tại: {ratingLink}\n\nChi tiết hồ sơ: {link}',
  },
};

const EN: Record<NoticeEvent, EventTexts> = {
  submitted: {
    sms: '{unit}: Dossier {code} ({procedure}) was submitted online and awaits reception. Track: {link}',
    subject: 'Dossier {code} submitted online',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) was submitted online to {unit} on {date}. The one-stop office will check and receive it; you will get a message when it is received. Expected result: {dueDate}.\n\nTrack your dossier: {link}',
  },
  received: {
    sms: '{unit}: Dossier {code} ({procedure}) was received on {date}. Result due: {dueDate}. Track: {link}',
    subject: 'Dossier {code} received',
    body: 'Dear {name},\n\n{unit} received dossier {code} ({procedure}) on {date}. The result is due on {dueDate}.\n\nTrack your dossier: {link}',
  },
  not_received: {
    sms: '{unit}: Dossier {code} was not accepted. Reason: {reason}. Details: {link}',
    subject: 'Dossier {code} not accepted',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) was not accepted.\nReason: {reason}\n\nDetails: {link}',
  },
  supplement_requested: {
    sms: '{unit}: Dossier {code} needs: {reason}. Details and upload: {link}',
    subject: 'Dossier {code}: documents needed',
    body: 'Dear {name},\n\nTo process dossier {code} ({procedure}), please provide: {reason}\n\nThe time waiting for documents does not count against the deadline. Details and upload: {link}',
  },
  payment_requested: {
    sms: '{unit}: Dossier {code} has a fee of {amount} to pay. Scan the VietQR code or pay at: {link}',
    subject: 'Fee notice for dossier {code}: {amount}',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) has a fee of {amount}.\nPay by bank transfer with the VietQR code (keep the dossier code in the transfer note), through VNPay, or at the one-stop office.\n\nPay and track: {link}',
  },
  payment_received: {
    sms: '{unit}: We received {amount} for dossier {code} on {date}. Receipt: {link}',
    subject: 'Payment received for dossier {code}',
    body: 'Dear {name},\n\n{unit} received {amount} for dossier {code} ({procedure}) on {date}. The receipt is on the tracking page.\n\n{link}',
  },
  in_progress: {
    sms: '{unit}: Dossier {code} is being processed. Result due: {dueDate}. Track: {link}',
    subject: 'Dossier {code} is being processed',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) is being processed. The result is due on {dueDate}.\n\nTrack your dossier: {link}',
  },
  result_ready: {
    sms: '{unit}: The result of dossier {code} ({procedure}) is ready. Please collect it with your receipt. Details: {link}',
    subject: 'The result of dossier {code} is ready',
    body: 'Dear {name},\n\nThe result of dossier {code} ({procedure}) is ready since {date}. Please collect it at {unit}, bringing your receipt.\n\nDetails: {link}',
  },
  result_signed: {
    sms: '{unit}: The result of dossier {code} ({procedure}) is ready, digitally signed. Download: {link} Paper copy: at the counter or by post.',
    subject: 'The digitally signed result of dossier {code} is ready',
    body: 'Dear {name},\n\nThe result of dossier {code} ({procedure}) is ready since {date}, digitally signed by {unit}: download it from the tracking page or "Hồ sơ của tôi"; the QR code printed on it opens the verification page.\nA paper copy can be collected at the counter (bring your receipt) or sent by post.\n\nTrack your dossier: {link}',
  },
  result_posted: {
    sms: '{unit}: The result of dossier {code} was posted on {date}, item number {postalCode}. Track: {link}',
    subject: 'The result of dossier {code} was posted',
    body: 'Dear {name},\n\nThe result of dossier {code} ({procedure}) was handed to the postal service on {date}, item number {postalCode}.\n\nTrack your dossier: {link}\nOnce you have it, please rate our service: {ratingLink}',
  },
  apology: {
    sms: '{unit} apologises: dossier {code} is late. Reason: {reason}. New date: {newDate}. Track: {link}',
    subject: 'Apology and new date for dossier {code}',
    body: 'Dear {name},\n\n{unit} apologises: the result of dossier {code} ({procedure}) is not ready on time.\nReason: {reason}\nNew date: {newDate}.\n\nTrack your dossier: {link}',
  },
  stopped: {
    sms: '{unit}: Processing of dossier {code} was stopped. Reason: {reason}. Details: {link}',
    subject: 'Processing of dossier {code} stopped',
    body: 'Dear {name},\n\nProcessing of dossier {code} ({procedure}) was stopped.\nReason: {reason}\n\nDetails: {link}',
  },
  withdrawn: {
    sms: '{unit}: Dossier {code} was withdrawn at your request on {date}. Details: {link}',
    subject: 'Dossier {code} withdrawn',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) was withdrawn at your request on {date}.\n\nDetails: {link}',
  },
  rejected: {
    sms: '{unit}: Dossier {code} was refused. Reason: {reason}. Collect the written answer at the one-stop office. Details: {link}',
    subject: 'Dossier {code} refused',
    body: 'Dear {name},\n\nDossier {code} ({procedure}) was refused.\nReason: {reason}\n\nThe written answer is handed out at the one-stop office of {unit}.\nTrack your dossier: {link}',
  },
  returned: {
    sms: '{unit}: The result of dossier {code} was handed over on {date}. Thank you! Please rate our service: {ratingLink}',
    subject: 'The result of dossier {code} was handed over — please rate our service',
    body: 'Dear {name},\n\nThe result of dossier {code} ({procedure}) was handed over on {date}.\n\nThank you for using the public services of {unit}. Please tell us how satisfied you are: {ratingLink}\n\nDossier details: {link}',
  },
};

const DEFAULTS: Record<Language, Record<NoticeEvent, EventTexts>> = { vi: VI, en: EN };

export function defaultTemplate(event: NoticeEvent, channel: Channel, language: Language): TemplateText {
  const t = DEFAULTS[language][event];
  if (channel === 'sms') return { subject: '', body: t.sms };
  if (channel === 'email') return { subject: t.subject, body: t.body };
  return { subject: '', body: t.body };
}

const PLACEHOLDER_RE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Fills `{placeholder}`s; an empty value also removes the brackets around it, e.g. " ()". */
export function renderTemplate(text: string, ctx: TemplateContext): string {
  return text
    .replace(PLACEHOLDER_RE, (m, name: string) => (name in PLACEHOLDERS ? (ctx[name as keyof TemplateContext] ?? '') : m))
    .replace(/ \(\s*\)/g, '')
    .replace(/[ \t]+\n/g, '\n');
}

/** An admin's template: known placeholders only, not empty, bounded. */
export function checkTemplate(channel: Channel, t: TemplateText): TemplateText {
  const body = t.body.normalize('NFC').replace(/\r\n/g, '\n').trim();
  const subject = t.subject.normalize('NFC').replace(/\s+/g, ' ').trim();
  const problems: Array<{ field: string; code: string; message: string }> = [];
  if (!body) problems.push({ field: 'body', code: 'required', message: 'Nội dung không được để trống' });
  if (body.length > (channel === 'sms' ? 600 : 4000)) problems.push({ field: 'body', code: 'too_long', message: channel === 'sms' ? 'Tin nhắn tối đa 600 ký tự trước khi điền' : 'Nội dung tối đa 4.000 ký tự' });
  if (channel === 'email' && !subject) problems.push({ field: 'subject', code: 'required', message: 'Thư điện tử cần tiêu đề' });
  for (const text of [body, subject]) {
    for (const m of text.matchAll(PLACEHOLDER_RE)) {
      if (!(m[1]! in PLACEHOLDERS)) problems.push({ field: 'body', code: 'unknown_placeholder', message: `Không có trường {${m[1]}}. Các trường dùng được: ${Object.keys(PLACEHOLDERS).map((k) => `{${k}}`).join(', ')}` });
    }
  }
  if (problems.length) throw new ValidationError('Mẫu tin nhắn chưa hợp lệ.', problems, 'invalid_template');
  return { subject: channel === 'email' ? subject : '', body };
}
