import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { APPLICANT, Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { paymentHooks } from './payment.routes';

/**
 * What the pages offer to pay with is what works: the demo configures a demo VietQR account and
 * its own fake VNPay; a real deployment offers only what it configured. Copies asked for on the
 * e-form are charged on the dossier, the appointment slip and the fee request.
 */

describe('payment configuration of demo mode', () => {
  it('demo mode gets a made-up VietQR account and the local fake VNPay; serve without settings gets neither', () => {
    const demo = loadConfig({ DEMO: 'on', PORT: '3101', DATA_DIR: '/tmp/x' });
    expect(demo.payments.vietqr).toMatchObject({ demo: true, accountName: expect.stringMatching(/DEMO/) });
    expect(demo.payments.vnpay).toMatchObject({ fake: true, url: 'http://localhost:3101/demo/vnpay/vpcpay.html' });
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).payments).toEqual({});
    // A configured gateway wins over the fake, in demo mode too.
    const real = loadConfig({ DEMO: 'on', DATA_DIR: '/tmp/x', VNPAY_TMN_CODE: 'ABC12345', VNPAY_HASH_SECRET: 'S'.repeat(32), VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' });
    expect(real.payments.vnpay).toEqual({ tmnCode: 'ABC12345', hashSecret: 'S'.repeat(32), url: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' });
  });
});

async function submitWithCopies(desk: Desk, copies: number): Promise<string> {
  const form = (await desk.inject({ method: 'GET', url: '/api/procedures/1.001193/form?unit=00004' })).json();
  const comps = form.cases[0].components.filter((c: any) => c.required).map((c: any) => c.id);
  const mp = multipart([
    { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: '1.001193', channel: 'online', applicant: APPLICANT, formData: { ...fillForm(form.formData), soBanSao: copies } }) },
    ...comps.map((c: string) => ({ name: c, value: PDF, filename: `${c}.pdf`, type: 'application/pdf' })),
  ]);
  const r = await desk.inject({ method: 'POST', url: '/api/dossiers', payload: mp.body, headers: mp.headers });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().code;
}

describe.each(engines())('what is offered, and copies charged (%s)', (engine) => {
  let plain: TestEnv;
  let demo: TestEnv;
  beforeAll(async () => {
    plain = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
    demo = await createTestEnv(engine, { env: { DEMO: 'on', REQUIRE_PHONE_VERIFICATION: 'off' } });
  });
  afterAll(async () => {
    await plain?.close();
    await demo?.close();
  });

  it('charges the copies asked for on the e-form: dossier, appointment slip, fee request, the request form filled in', async () => {
    const desk = new Desk(plain);
    const code = await submitWithCopies(desk, 3);
    const free = await submitWithCopies(desk, 0);
    const d = (await plain.services.dossiers.findByCode(code))!;
    const hooks = paymentHooks(plain.services.payments);
    expect(await plain.services.payments.json(d)).toMatchObject({ amount: 24000, outstanding: 24000, status: 'unpaid', lines: expect.arrayContaining([expect.objectContaining({ basis: 'per_copy', quantity: 3, unitAmount: 8000, amount: 24000 })]) });
    expect(await hooks.feeText(d)).toBe('24.000 đồng');
    expect((await plain.services.payments.json((await plain.services.dossiers.findByCode(free))!)).amount).toBe(0);

    await desk.ok(code, 'tiepnhan', { type: 'accept' });
    const page = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(page.body).toMatch(/id="pay-amount"[^>]*value="24000"/);
    await desk.ok(code, 'tiepnhan', { type: 'request_payment', amount: 24000 });
    const sms = (await desk.outbox(code)).find((m) => m.event === 'payment_requested');
    expect(sms?.body).toMatch(/24[.,]?000/);
    // An official who asks for another amount sets the fee: the citizen is asked for exactly that.
    const other = await submitWithCopies(desk, 0);
    await desk.ok(other, 'tiepnhan', { type: 'accept' });
    await desk.ok(other, 'tiepnhan', { type: 'request_payment', amount: 50000 });
    expect(await plain.services.payments.json((await plain.services.dossiers.findByCode(other))!)).toMatchObject({ amount: 50000, outstanding: 50000 });
  });

  it('without payment settings, pages offer neither VNPay nor a VietQR code, and the CSP stays closed', async () => {
    const desk = new Desk(plain);
    const code = await submitWithCopies(desk, 1);
    const page = await desk.inject({ method: 'GET', url: `/ho-so/${code}?t=${plain.services.dossiers.token(code)}` });
    expect(page.body).toContain('phải nộp 8.000 đồng');
    expect(page.body).not.toContain('VNPay');
    expect(page.body).not.toContain('VietQR');
    expect(page.headers['content-security-policy']).toContain("form-action 'self';");
    const form = await desk.inject({ method: 'GET', url: '/p/00004/1.001193/nop-truc-tuyen' });
    expect(form.body).toContain('8.000 đồng/bản');
    expect(form.body).not.toMatch(/VietQR|VNPay/);
  });

  it('in demo mode the tracking page offers the demo VietQR (saying not to transfer) and the local fake VNPay', async () => {
    const desk = new Desk(demo);
    const code = await submitWithCopies(desk, 2);
    const t = demo.services.dossiers.token(code);
    const page = await desk.inject({ method: 'GET', url: `/ho-so/${code}?t=${t}` });
    expect(page.body).toContain('đừng chuyển tiền thật');
    expect(page.body).toContain('Thanh toán qua VNPay');
    expect(page.body).toContain(`href="/ho-so/${code}/vietqr.png?t=${t}"`);
    expect(page.body).toContain('Tải thông báo nộp phí, lệ phí (PDF, có mã VietQR)');
    const png = await desk.inject({ method: 'GET', url: `/ho-so/${code}/vietqr.png?t=${t}` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-disposition']).toBe(`attachment; filename="vietqr-${code}.png"`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    // The fake gateway: the order, then success → IPN signed and settled → back to the return page.
    const go = await desk.inject({ method: 'POST', url: `/ho-so/${code}/thanh-toan/vnpay?t=${t}` });
    expect(go.statusCode).toBe(303);
    const gateway = new URL(go.headers.location as string);
    expect(gateway.pathname).toBe('/demo/vnpay/vpcpay.html');
    const shown = await desk.inject({ method: 'GET', url: gateway.pathname + gateway.search });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('16.000 đồng');
    const tampered = await desk.inject({ method: 'GET', url: gateway.pathname + gateway.search.replace(/vnp_Amount=\d+/, 'vnp_Amount=100') });
    expect(tampered.statusCode).toBe(400);
    const fields = Object.fromEntries(gateway.searchParams);
    const paid = await desk.inject({ method: 'POST', url: gateway.pathname, payload: new URLSearchParams({ ...fields, outcome: 'success' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(paid.statusCode).toBe(303);
    const back = new URL(paid.headers.location as string);
    expect(back.pathname).toBe('/thanh-toan/vnpay/ket-qua');
    expect(back.searchParams.get('vnp_ResponseCode')).toBe('00');
    expect((await desk.inject({ method: 'GET', url: back.pathname + back.search })).body).toContain(`Đã nhận 16.000 đồng phí, lệ phí của hồ sơ ${code}`);
    expect(await demo.services.payments.json((await demo.services.dossiers.findByCode(code))!)).toMatchObject({ status: 'paid', method: 'vnpay', online: true });
  });

  it('procedure cards show the online fee, which a citizen on the web pays, beside the counter fee', async () => {
    const page = await plain.app.inject({ method: 'GET', url: '/dv/00004/tim-kiem?q=dang+ky+thuong+tru' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Phí: 10.000 đ nếu nộp trực tuyến (20.000 đ tại quầy)');
  });

  it('the fake VNPay exists only in demo mode', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/demo/vnpay/vpcpay.html' })).statusCode).toBe(404);
  });
});
