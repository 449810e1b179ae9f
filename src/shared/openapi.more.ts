/**
 * Documentation of the notification, payment and assistant APIs (/docs): operation ids,
 * security, bodies and answers, spread into the routes' `schema:` (see ./openapi.ts).
 */
import { z } from 'zod';
import { body, errors, json, security } from './openapi';

const at = z.string().describe('Thời điểm (ISO 8601, UTC)');
const message = z.looseObject({ id: z.string(), channel: z.string(), status: z.string() });
const prefs = z.looseObject({ phone: z.string(), channels: z.array(z.string()), email: z.string(), language: z.string(), essentialOnly: z.boolean() });
const paymentSummary = z.looseObject({ amount: z.number().int(), status: z.string(), paid: z.number().int(), outstanding: z.number().int(), lines: z.array(z.looseObject({ label: z.string(), amount: z.number().int() })) });

export const notificationDocs = {
  listNotifications: {
    operationId: 'listNotifications',
    security: security.staff,
    response: { 200: json(z.object({ counts: z.record(z.string(), z.number().int()), messages: z.array(message) }), 'Số tin theo trạng thái và các tin mới nhất'), ...errors(400, 403) },
  },
  resendNotification: {
    operationId: 'resendNotification',
    security: security.staff,
    response: { 200: json(message, 'Tin nhắn được xếp gửi lại'), ...errors(400, 403, 404, 409) },
  },
  getNotificationPreferences: {
    operationId: 'getNotificationPreferences',
    security: security.citizen,
    response: { 200: json(prefs, 'Lựa chọn hiện tại (mặc định: SMS)'), ...errors(403) },
  },
  saveNotificationPreferences: {
    operationId: 'saveNotificationPreferences',
    security: security.citizen,
    body: body({
      json: z
        .object({ channels: z.array(z.enum(['sms', 'email', 'zalo'])).optional(), email: z.string().optional(), language: z.enum(['vi', 'en']).optional(), essentialOnly: z.boolean().optional() })
        .meta({ examples: [{ channels: ['sms'], language: 'vi', essentialOnly: false }] }),
    }),
    response: { 200: json(prefs, 'Lựa chọn đã lưu'), ...errors(400, 403, 422) },
  },
};

export const paymentDocs = {
  estimateFee: {
    operationId: 'estimateFee',
    security: security.public,
    response: { 200: json(z.looseObject({ lines: z.array(z.looseObject({ label: z.string(), amount: z.number().int() })) }), 'Các khoản phí, lệ phí dự kiến'), ...errors(400, 404) },
  },
  createVnpayPayment: {
    operationId: 'createVnpayPayment',
    security: security.owner,
    response: { 201: json(z.object({ paymentUrl: z.string(), orderRef: z.string(), amount: z.number().int() }), 'Đường dẫn tới cổng VNPay'), ...errors(400, 403, 404, 409, 422) },
  },
  vnpayIpn: {
    operationId: 'vnpayIpn',
    security: security.public,
    description: 'Chữ ký vnp_SecureHash (HMAC-SHA512 với VNPAY_HASH_SECRET) là bằng chứng; VNPay đọc RspCode/Message theo quy ước của VNPay.',
    response: { 200: json(z.object({ RspCode: z.string(), Message: z.string() }), 'Trả lời theo quy ước của VNPay (RspCode 00: đã ghi nhận)'), ...errors(400) },
  },
  assessFee: {
    operationId: 'assessFee',
    security: security.staff,
    response: { 200: json(paymentSummary.extend({ assessed: z.boolean() }), 'Phí, lệ phí của hồ sơ sau khi xác định'), ...errors(400, 403, 404, 409, 422) },
  },
  recordCashPayment: {
    operationId: 'recordCashPayment',
    security: security.staff,
    response: { 201: json(z.looseObject({ id: z.string(), amount: z.number().int(), receiptUrl: z.string() }), 'Khoản thu đã ghi và đường dẫn biên lai'), ...errors(400, 403, 404, 409, 422) },
  },
  importBankStatement: {
    operationId: 'importBankStatement',
    security: security.staff,
    body: body({ multipart: z.object({ file: z.string().meta({ format: 'binary' }).describe('Sao kê ngân hàng: CSV hoặc .xlsx') }) }),
    response: { 200: json(z.looseObject({}), 'Kết quả đối soát: các khoản khớp và các khoản cần người xử lý'), ...errors(400, 403, 413, 415, 422) },
  },
  listReconciliation: {
    operationId: 'listReconciliation',
    security: security.staff,
    response: { 200: json(z.looseObject({}), 'Các khoản sao kê chưa khớp'), ...errors(403) },
  },
};

export const assistantDocs = {
  askAssistant: {
    operationId: 'askAssistant',
    security: security.public,
    response: {
      200: json(
        z.object({
          answer: z.string(),
          intent: z.string(),
          procedures: z.array(z.object({ code: z.string(), name: z.string(), score: z.number() })),
          handoff: z.boolean(),
        }),
        'Câu trả lời và các thủ tục liên quan',
      ),
      ...errors(400, 404),
    },
  },
  listAssistantMessages: {
    operationId: 'listAssistantMessages',
    security: security.public,
    response: { 200: json(z.object({ messages: z.array(z.object({ seq: z.number().int(), role: z.string(), text: z.string(), at })) }), 'Tin nhắn của phiên, cũ trước'), ...errors(400) },
  },
};

export const askExample = { question: 'Đăng ký khai sinh cần giấy tờ gì?', sessionId: 'phien-thu-nghiem-01' };
