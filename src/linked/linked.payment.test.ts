import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { submitNewborn } from './linked.testing';
import { startFakeVnpay, type FakeVnpay } from '../payment/payment.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

/**
 * A linked group pays once (issue 14), on both engines, through a fake VNPay gateway on loopback:
 * the group's fee is the sum of its parts' (the residence's registration fee, and a fee an official
 * asked for on the birth registration); one VNPay order covers every part; the IPN settles them
 * together with one receipt number, once; the group's page says so.
 */
const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', address: 'Số 5 phố Liễu Giai, Ba Đình' };
const SECRET = 'VNPAYTESTSECRET0123456789ABCDEF';

for (const engine of engines()) {
  describe(`a linked group pays its members' fees once [${engine}]`, () => {
    let env: TestEnv;
    let vnpay: FakeVnpay;
    let desk: Desk;
    let group: any;
    let token = '';

    beforeAll(async () => {
      vnpay = await startFakeVnpay({ tmnCode: 'MOTCUA01', secret: SECRET });
      env = await createTestEnv(engine, {
        clock: fixedClock('2026-12-01T02:00:00.000Z'),
        env: { REQUIRE_PHONE_VERIFICATION: 'off', VNPAY_TMN_CODE: 'MOTCUA01', VNPAY_HASH_SECRET: SECRET, VNPAY_URL: vnpay.url },
      });
      await env.app.listen({ port: 0, host: '127.0.0.1' });
      vnpay.ipnUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}/api/payments/vnpay/ipn`;
      await env.services.linked.seedDemo('demo');
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
      await vnpay?.close();
    });

    const memberPayment = async (code: string) => (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=${PARENT.phone}` })).json().payment;
    const groupJson = async () => (await env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}?t=${token}` })).json();

    it("sums the parts' fees on the group's answer and page", async () => {
      // The ward receives the group; the justice officer's desk asks a fee for the birth certificate's copies.
      group = await submitNewborn(env, PARENT, { desk });
      token = group.token;
      const birth = group.members[0].code;
      expect((await desk.ok(birth, 'tiepnhan', { type: 'request_payment', amount: 8000, note: 'Phí cấp bản sao trích lục khai sinh' })).status).toBe('payment_requested');

      const each = await Promise.all(group.members.map((m: any) => memberPayment(m.code)));
      const sum = each.reduce((n: number, p: any) => n + p.outstanding, 0);
      // Birth copies 8,000 + residence registration online 10,000 + the card 0.
      expect(each.map((p: any) => p.outstanding)).toEqual([8000, 10000, 0]);
      const g = await groupJson();
      expect(g.payment).toEqual({ amount: sum, paid: 0, outstanding: 18000, vnpay: true, vietqr: null });
      const page = await env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?t=${token}` });
      expect(page.body).toContain('Phí, lệ phí của cả nhóm');
      expect(page.body).toContain('Còn phải nộp: 18.000 đồng');
      expect(page.body).toContain('Thanh toán một lần 18.000 đồng qua VNPay');
      // The page's form may lead to the gateway.
      expect(page.headers['content-security-policy']).toContain(new URL(vnpay.url).origin);
      // Code and phone show the sum, not the button.
      const weak = await env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?phone=${PARENT.phone}` });
      expect(weak.body).toContain('Còn phải nộp: 18.000 đồng');
      expect(weak.body).not.toContain('qua VNPay');
    });

    it('refuses to start a payment on the phone number alone', async () => {
      const r = await env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/payments/vnpay?phone=${PARENT.phone}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('stronger_proof_required');
    });

    it('one VNPay order pays every part; the IPN settles them together, once, with one receipt number', async () => {
      const r = await env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/payments/vnpay?t=${token}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      const order = r.json();
      expect(order.amount).toBe(18000);
      expect(order.members).toEqual([
        { code: group.members[0].code, amount: 8000 },
        { code: group.members[1].code, amount: 10000 },
      ]);
      const u = new URL(order.paymentUrl);
      expect(u.searchParams.get('vnp_Amount')).toBe('1800000');
      expect(u.searchParams.get('vnp_TxnRef')).toBe(order.orderRef);
      // The parent's browser goes to the gateway, which calls our IPN.
      const gw = await fetch(order.paymentUrl, { redirect: 'manual' });
      expect(gw.status).toBe(302);
      expect(vnpay.lastIpnAnswer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      const [birth, residence, card] = await Promise.all(group.members.map((m: any) => memberPayment(m.code)));
      expect(birth).toMatchObject({ status: 'paid', method: 'vnpay', paid: 8000, outstanding: 0, online: true });
      expect(residence).toMatchObject({ status: 'paid', method: 'vnpay', paid: 10000, outstanding: 0, online: true });
      expect(card.status).toBe('none');
      const rows = await env.services.database.db.selectFrom('payments').selectAll().where('status', '=', 'paid').where('dossier_code', 'in', group.members.map((m: any) => m.code)).execute();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((x) => x.receipt_no)).size).toBe(1);
      expect(rows[0]!.receipt_no).toMatch(/^\d{4}\/\d{6}$/);
      // The fee asked on the birth registration stopped its clock; paid, it runs again.
      expect((await desk.get(group.members[0].code, 'tiepnhan')).status).toBe('received');
      // Replayed: "already confirmed", nothing more paid.
      expect(await vnpay.callIpn(vnpay.lastResult!)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect(await env.services.database.db.selectFrom('payments').selectAll().where('status', '=', 'paid').where('dossier_code', 'in', group.members.map((m: any) => m.code)).execute()).toHaveLength(2);
      // The return page names every part paid.
      const back = new URL(gw.headers.get('location')!);
      const ret = await env.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
      expect(ret.body).toContain('Đã nhận 18.000 đồng');
      expect(ret.body).toContain(`${group.members[0].code}, ${group.members[1].code}`);
      // The group is paid: its page and answer say so, and a second order is refused.
      expect((await groupJson()).payment).toEqual({ amount: 18000, paid: 18000, outstanding: 0, vnpay: false, vietqr: null });
      const page = await env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?t=${token}` });
      expect(page.body).toContain('Đã nộp đủ 18.000 đồng');
      expect(page.body).not.toContain('qua VNPay');
      const again = await env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/payments/vnpay?t=${token}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(again.statusCode).toBe(422);
      expect(again.json().error.code).toBe('nothing_to_pay');
    });

    it('a wrong amount or signature on a group order pays nothing', async () => {
      // A new fee on the residence part, then an order, then forged notifications.
      await desk.ok(group.members[1].code, 'tiepnhan', { type: 'request_payment', amount: 5000 });
      const order = (await env.app.inject({ method: 'POST', url: `/api/groups/${group.groupCode}/payments/vnpay?t=${token}`, headers: { 'content-type': 'application/json' }, payload: {} })).json();
      expect(order.amount).toBe(5000);
      const base = { vnp_Amount: '100000', vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: order.orderRef, vnp_TmnCode: 'MOTCUA01', vnp_TransactionNo: '99', vnp_PayDate: '20261201100000' };
      expect(await vnpay.callIpn(vnpay.sign(base))).toEqual({ RspCode: '04', Message: 'Invalid amount' });
      expect(await vnpay.callIpn({ ...vnpay.sign({ ...base, vnp_Amount: '500000' }), vnp_Amount: '400000' })).toEqual({ RspCode: '97', Message: 'Invalid signature' });
      expect((await memberPayment(group.members[1].code)).outstanding).toBe(5000);
    });
  });
}
