import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { formatVnd } from '../shared/format';
import { html } from '../shared/http';
import { Layout } from '../shared/layout';
import { sign, verify, vnpDate } from './payment.vnpay';

/**
 * A stand-in for VNPay's payment page, so that the whole payment journey can be tried on one
 * machine: mounted by motcua itself in demo mode only (`/demo/vnpay/vpcpay.html`), and by the
 * browser tests on a port of their own (another origin, like the real gateway). It speaks VNPay's
 * protocol 2.1.0: it checks the merchant's signature on the order, shows it, lets the tester
 * choose success or failure, then calls the merchant's IPN with signed result parameters and
 * sends the browser to vnp_ReturnUrl with the same parameters — as the real gateway does.
 */
export interface FakeVnpayOptions {
  /** Path of the payment page, e.g. "/demo/vnpay/vpcpay.html". */
  path: string;
  tmnCode: string;
  hashSecret: string;
  /** Calls the merchant's IPN (GET with the signed query string); answers its JSON. */
  ipn: (query: string) => Promise<{ RspCode?: string; Message?: string }>;
}

/** What VNPay answers for a paid order, and for one the customer cancelled (code 24). */
const OUTCOME = {
  success: { vnp_ResponseCode: '00', vnp_TransactionStatus: '00' },
  failure: { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' },
} as const;

const ORDER_FIELDS = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo', 'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate', 'vnp_BankCode', 'vnp_SecureHash'];

const flat = (q: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((q ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v ?? '')]));

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export function fakeVnpayRoutes(app: FastifyInstance, o: FakeVnpayOptions): void {
  /** The order as the merchant signed it, or the reason it is refused (as VNPay refuses it). */
  const check = (q: Record<string, string>): string | undefined => {
    if (!verify(q, o.hashSecret)) return 'Sai chữ ký (vnp_SecureHash): đơn hàng không do đơn vị này tạo.';
    if (q.vnp_TmnCode !== o.tmnCode) return 'Mã website (vnp_TmnCode) không đúng.';
    if (!/^\d+00$/.test(q.vnp_Amount ?? '')) return 'Số tiền (vnp_Amount) không hợp lệ.';
    if (!originOf(q.vnp_ReturnUrl ?? '')) return 'Địa chỉ trả về (vnp_ReturnUrl) không hợp lệ.';
    return undefined;
  };
  // Its own form goes to itself; the answer goes back to the merchant's return URL.
  const csp = (returnUrl?: string) =>
    `default-src 'self'; base-uri 'self'; form-action 'self'${returnUrl && originOf(returnUrl) ? ' ' + originOf(returnUrl) : ''}; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'`;

  app.get(o.path, { schema: { hide: true } }, async (req, reply) => {
    const q = flat(req.query);
    const problem = check(q);
    reply.header('content-security-policy', csp(problem ? undefined : q.vnp_ReturnUrl)).header('cache-control', 'no-store');
    if (problem) return html(reply, FakeVnpayPage({ error: problem }), 400);
    return html(reply, FakeVnpayPage({ action: o.path, order: q }));
  });

  app.post(o.path, { schema: { hide: true } }, async (req, reply) => {
    const body = flat(req.body);
    const outcome = body.outcome === 'success' ? OUTCOME.success : body.outcome === 'failure' ? OUTCOME.failure : undefined;
    const order = Object.fromEntries(ORDER_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]!]));
    const problem = outcome ? check(order) : 'Hãy chọn kết quả giao dịch.';
    reply.header('cache-control', 'no-store');
    if (problem) return html(reply.header('content-security-policy', csp()), FakeVnpayPage({ error: problem }), 400);
    const result: Record<string, string> = {
      vnp_Amount: order.vnp_Amount!,
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${randomInt(10_000_000, 99_999_999)}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: order.vnp_OrderInfo ?? '',
      vnp_PayDate: vnpDate(new Date()),
      vnp_ResponseCode: outcome!.vnp_ResponseCode,
      vnp_TmnCode: order.vnp_TmnCode!,
      vnp_TransactionNo: String(randomInt(10_000_000, 99_999_999)),
      vnp_TransactionStatus: outcome!.vnp_TransactionStatus,
      vnp_TxnRef: order.vnp_TxnRef!,
    };
    const query = new URLSearchParams({ ...result, vnp_SecureHash: sign(result, o.hashSecret) }).toString();
    // VNPay calls the IPN server to server, then sends the customer back to the return URL; a
    // merchant that does not answer is retried by VNPay — here the tester is told instead.
    let answer: { RspCode?: string; Message?: string };
    try {
      answer = await o.ipn(query);
    } catch (e) {
      answer = { RspCode: 'network', Message: e instanceof Error ? e.message : String(e) };
    }
    req.log.info({ order: result.vnp_TxnRef, outcome: body.outcome, ipn: answer.RspCode }, 'fake vnpay: ipn called');
    const back = new URL(order.vnp_ReturnUrl!);
    for (const [k, v] of new URLSearchParams(query)) back.searchParams.append(k, v);
    return reply.header('content-security-policy', csp()).redirect(back.toString(), 303);
  });
}

function FakeVnpayPage(p: { action?: string; order?: Record<string, string>; error?: string }) {
  const o = p.order;
  return (
    <Layout title="Cổng thanh toán VNPay (giả lập) — motcua" unitName="VNPay giả lập" unitHref="#" noAssistant>
      <section class="card">
        <h1>Cổng thanh toán VNPay — bản giả lập</h1>
        <p class="note" role="note">
          Trang này chỉ dùng để thử (chế độ DEMO hoặc kiểm thử): không có tiền thật nào được chuyển. Cổng VNPay thật hiện thẻ
          ngân hàng, mã OTP; ở đây bạn chọn luôn kết quả giao dịch.
        </p>
        {p.error ? (
          <p class="error" role="alert">
            {p.error}
          </p>
        ) : null}
        {o && p.action ? (
          <form method="post" action={p.action}>
            <dl>
              <dt>Đơn hàng (vnp_TxnRef)</dt>
              <dd>{o.vnp_TxnRef}</dd>
              <dt>Nội dung</dt>
              <dd>{o.vnp_OrderInfo}</dd>
              <dt>Số tiền</dt>
              <dd>
                <strong>{formatVnd(Math.round(Number(o.vnp_Amount) / 100))}</strong>
              </dd>
              <dt>Mã website (vnp_TmnCode)</dt>
              <dd>{o.vnp_TmnCode}</dd>
            </dl>
            {ORDER_FIELDS.filter((k) => o[k] !== undefined).map((k) => (
              <input type="hidden" name={k} value={o[k]} />
            ))}
            <p>
              <button type="submit" name="outcome" value="success" class="primary">
                Thanh toán thành công
              </button>{' '}
              <button type="submit" name="outcome" value="failure">
                Giao dịch thất bại (hủy)
              </button>
            </p>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}
