/**
 * Test support for payments: a fake VNPay gateway on loopback, used by the payment module's tests
 * and by those of modules that pay through it (a linked group paying once).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------------------------
// A fake VNPay gateway on loopback: checks the merchant's signature with its own code (the
// WHATWG form encoding), lets the customer pay, calls the merchant's IPN, redirects back.

export function vnpSign(params: Record<string, string>, secret: string): string {
  const data = Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .sort()
    .map((k) => new URLSearchParams([[k, params[k]!]]).toString())
    .join('&');
  return createHmac('sha512', secret).update(data).digest('hex');
}

export interface FakeVnpay {
  url: string;
  ipnUrl: string;
  /** Result parameters of the last payment, signed, as VNPay sends them to the IPN. */
  lastResult?: Record<string, string>;
  lastIpnAnswer?: { RspCode: string; Message: string };
  sign(params: Record<string, string>): Record<string, string>;
  callIpn(params: Record<string, string>): Promise<{ RspCode: string; Message: string }>;
  close(): Promise<void>;
}

export async function startFakeVnpay(o: { tmnCode: string; secret: string }): Promise<FakeVnpay> {
  let txn = 14000000;
  const state: FakeVnpay = {
    url: '',
    ipnUrl: '',
    sign: (params) => ({ ...params, vnp_SecureHash: vnpSign(params, o.secret) }),
    callIpn: async (params) => {
      const r = await fetch(`${state.ipnUrl}?${new URLSearchParams(params).toString()}`);
      return (await r.json()) as { RspCode: string; Message: string };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url!, 'http://x');
    if (u.pathname !== '/paymentv2/vpcpay.html') return res.writeHead(404).end();
    const q = Object.fromEntries(u.searchParams);
    if (!q.vnp_SecureHash || vnpSign(q, o.secret) !== q.vnp_SecureHash) return res.writeHead(400).end('Sai chu ky');
    if (q.vnp_Version !== '2.1.0' || q.vnp_Command !== 'pay' || q.vnp_TmnCode !== o.tmnCode || !/^\d+00$/.test(q.vnp_Amount ?? '') || q.vnp_CurrCode !== 'VND') return res.writeHead(400).end('Tham so sai');
    const result: Record<string, string> = {
      vnp_Amount: q.vnp_Amount!,
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${txn}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: q.vnp_OrderInfo!,
      vnp_PayDate: '20261130093000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: o.tmnCode,
      vnp_TransactionNo: String(++txn),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: q.vnp_TxnRef!,
    };
    state.lastResult = state.sign(result);
    state.lastIpnAnswer = await state.callIpn(state.lastResult);
    res.writeHead(302, { location: `${q.vnp_ReturnUrl}?${new URLSearchParams(state.lastResult).toString()}` }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/paymentv2/vpcpay.html`;
  return state;
}
