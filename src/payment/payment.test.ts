import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Dossier } from '../dossier/dossier.types';
import { fixedClock } from '../shared/clock';
import { crop, decodeQr, openPdf, pageTexts, renderPage } from '../shared/pdf.testing';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { computeFee } from './payment.fee';
import { vndInWords } from './payment.pdf';
import { codesIn, parseAmount, parseCsv } from './payment.statement';
import { buildVietQr, crc16ccitt, decodeVietQr } from './payment.vietqr';
import { signData } from './payment.vnpay';
import { startFakeVnpay, vnpSign, type FakeVnpay } from './payment.testing';
import { procedureSchema, type ProcedureInput } from '../catalog';
import { chungThucCuTru } from '../catalog/demo/chung-thuc-cu-tru';
import { hoTich } from '../catalog/demo/ho-tich';

const proc = (list: ProcedureInput[], code: string) => procedureSchema.parse(list.find((p) => p.code === code));

describe('VietQR (EMVCo merchant-presented, NAPAS profile)', () => {
  it('computes CRC-16/CCITT-FALSE', () => {
    expect(crc16ccitt('123456789')).toBe('29B1');
  });

  it('builds the payload of a published example, byte for byte', () => {
    expect(buildVietQr({ bankBin: '970415', account: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(
      '00020101021238570010A0000007270127000697041501130011001932418' + '0208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
  });

  it('decodes what a banking app reads, and detects a changed amount', () => {
    const p = buildVietQr({ bankBin: '970436', account: '1023456789', amount: 25000, purpose: 'Hồ sơ 00004-261130-0007' });
    const d = decodeVietQr(p);
    expect(d).toMatchObject({ bankBin: '970436', account: '1023456789', service: 'QRIBFTTA', amount: 25000, currency: '704', country: 'VN', purpose: 'Ho so 00004-261130-0007', dynamic: true, crcOk: true });
    const forged = p.replace('540525000', '540535000');
    expect(decodeVietQr(forged).crcOk).toBe(false);
  });
});

describe('fees from the catalogue', () => {
  it('per case, by channel (online is cheaper for permanent residence)', () => {
    const p = proc(chungThucCuTru, '1.004222');
    expect(computeFee(p, 'in_person').amount).toBe(20000);
    expect(computeFee(p, 'online').amount).toBe(10000);
  });

  it('per page in tiers, per copy, with the cap of each copy (Circular 226/2016)', () => {
    const p = proc(chungThucCuTru, '2.000815');
    expect(computeFee(p, 'in_person', { pages: 1 }).amount).toBe(2000);
    expect(computeFee(p, 'in_person', { pages: 5, copies: 2 }).amount).toBe(2 * (2 * 2000 + 3 * 1000));
    const big = computeFee(p, 'in_person', { pages: 300, copies: 2 });
    expect(big.amount).toBe(400000);
    expect(big.lines.at(-1)!.basis).toBe('cap');
    expect(computeFee(proc(hoTich, '2.000635'), 'online', { copies: 3 }).amount).toBe(24000);
  });

  it('an exemption needs a reason; full or partial', () => {
    const p = proc(chungThucCuTru, '1.004222');
    expect(() => computeFee(p, 'in_person', { exemption: { reason: '' } })).toThrow(/lý do/);
    expect(computeFee(p, 'in_person', { exemption: { reason: 'Hộ nghèo' } })).toMatchObject({ gross: 20000, amount: 0 });
    expect(computeFee(p, 'in_person', { exemption: { reason: 'Người khuyết tật', percent: 50 } }).amount).toBe(10000);
  });

  it('writes amounts in words for receipts', () => {
    expect(vndInWords(20000)).toBe('Hai mươi nghìn đồng');
    expect(vndInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(vndInWords(215_000)).toBe('Hai trăm mười lăm nghìn đồng');
    expect(vndInWords(21_000)).toBe('Hai mươi mốt nghìn đồng');
  });
});

describe('bank statements', () => {
  it('reads amounts written the Vietnamese or the English way', () => {
    expect(parseAmount('20.000')).toBe(20000);
    expect(parseAmount('20,000')).toBe(20000);
    expect(parseAmount('1.500.000,00')).toBe(1500000);
    expect(parseAmount('1,500,000.00')).toBe(1500000);
    expect(parseAmount('20000 VND')).toBe(20000);
    expect(parseAmount('')).toBeUndefined();
  });

  it('finds dossier codes however the payer wrote them', () => {
    expect(codesIn('CT DEN:0123 HS 00004-261130-0001 le phi')).toEqual(['00004-261130-0001']);
    expect(codesIn('NGUYEN VAN AN CK 000042611300012')).toEqual(['00004-261130-0012']);
    expect(codesIn('ung ho 00004 261130 0003')).toEqual(['00004-261130-0003']);
    expect(codesIn('tien dien thang 11')).toEqual([]);
  });

  it('parses quoted CSV with a semicolon delimiter and a BOM', () => {
    expect(parseCsv('\uFEFFa;b\n"x;1";"say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
    ]);
  });
});


/** Fills a form's required fields with plausible values, read from its published JSON Schema. */
function fillForm(schema: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of schema.required ?? []) {
    const p = schema.properties[k];
    if (p.enum) out[k] = p.enum[0];
    else if (p.type === 'boolean') out[k] = true;
    else if (p.type === 'integer' || p.type === 'number') out[k] = Math.max(1, p.minimum ?? 1);
    else if (p.format === 'date') out[k] = '2026-11-20';
    else if (p.format === 'email') out[k] = 'an@example.vn';
    else if (String(p.pattern ?? '').includes('84')) out[k] = '0912345678';
    else if (String(p.pattern ?? '').includes('12')) out[k] = '001090012345';
    else out[k] = 'Nguyễn Minh Khang';
  }
  return out;
}

for (const engine of engines()) {
  describe(`payments: fees, VietQR, VNPay, reconciliation [${engine}]`, () => {
    let env: TestEnv;
    let vnpay: FakeVnpay;
    const clock = fixedClock('2026-11-30T02:00:00Z');
    const secret = 'VNPAYTESTSECRET0123456789ABCDEF';
    const receptionist: Actor = { kind: 'staff', id: 'staff-test', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };

    beforeAll(async () => {
      vnpay = await startFakeVnpay({ tmnCode: 'MOTCUA01', secret });
      env = await createTestEnv(engine, {
        clock,
        env: {
          REQUIRE_PHONE_VERIFICATION: 'off',
          VIETQR_BANK_BIN: '970415',
          VIETQR_ACCOUNT: '113000012345',
          VIETQR_ACCOUNT_NAME: 'UBND PHUONG BA DINH',
          VNPAY_TMN_CODE: 'MOTCUA01',
          VNPAY_HASH_SECRET: secret,
          VNPAY_URL: vnpay.url,
        },
      });
      await env.app.listen({ port: 0, host: '127.0.0.1' });
      vnpay.ipnUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}/api/payments/vnpay/ipn`;
    });
    afterAll(async () => {
      await env?.close();
      await vnpay?.close();
    });

    /** A permanent-residence dossier received at the counter: 20,000 đồng. */
    async function counterDossier(phone = '0912345678'): Promise<Dossier> {
      const form = await env.services.dossiers.formFor('00004', '1.004222');
      const formData = fillForm(form.jsonSchema);
      const { dossier } = await env.services.dossiers.createDraft(
        { unitCode: '00004', procedureCode: '1.004222', channel: 'in_person', applicant: { fullName: 'Nguyễn Văn An', phone, address: 'Số 1 phố Đội Cấn, Ba Đình' }, formData },
        receptionist,
      );
      return env.services.dossiers.submit(dossier, receptionist, { formData });
    }
    const payment = async (code: string) => (await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=0912345678` })).json().payment;
    const paidRows = (d: Dossier) => env.services.database.db.selectFrom('payments').selectAll().where('dossier_id', '=', d.id).where('status', '=', 'paid').execute();

    it('shows the fee before submission', async () => {
      const r = await env.app.inject({ method: 'GET', url: '/api/procedures/1.004222/fee?unit=00004&channel=online' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ amount: 10000, structured: true });
      const copies = await env.app.inject({ method: 'GET', url: '/api/procedures/2.000635/fee?unit=00004&channel=online&copies=3' });
      expect(copies.json().amount).toBe(24000);
      const page = await env.app.inject({ method: 'GET', url: '/p/00004/1.004222/nop-truc-tuyen' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Phí, lệ phí');
      expect(page.body).toContain('10.000 đồng');
    });

    it('GET /api/dossiers/:code carries payment {amount, status, method, vietqr} with a payload any bank app reads', async () => {
      const d = await counterDossier();
      const p = await payment(d.code!);
      expect(p).toMatchObject({ amount: 20000, status: 'unpaid', method: null, vnpay: true });
      const qr = decodeVietQr(p.vietqr);
      expect(qr).toMatchObject({ bankBin: '970415', account: '113000012345', amount: 20000, purpose: d.code, crcOk: true });
      // …and the tracking page shows the code and the VNPay button.
      const page = await env.app.inject({ method: 'GET', url: `/ho-so/${d.code}?t=${env.services.dossiers.token(d.code!)}` });
      expect(page.body).toContain('Mã VietQR chuyển khoản 20.000 đồng');
      expect(page.body).toContain('Thanh toán qua VNPay');
      // The fee notice PDF carries the amount and the account.
      const notice = await env.app.inject({ method: 'GET', url: `/ho-so/${d.code}/thong-bao-phi.pdf?t=${env.services.dossiers.token(d.code!)}` });
      expect(notice.headers['content-type']).toBe('application/pdf');
      const text = (await pageTexts(await openPdf(notice.rawPayload))).join('\n');
      expect(text).toContain('THÔNG BÁO NỘP PHÍ, LỆ PHÍ');
      expect(text).toContain('20.000 đồng');
      expect(text).toContain('113000012345');
      // The receipt with the appointment (giấy hẹn) prints the fee and its VietQR code too.
      const receipt = await env.app.inject({ method: 'GET', url: `/ho-so/${d.code}/giay-hen.pdf?t=${env.services.dossiers.token(d.code!)}` });
      const rdoc = await openPdf(receipt.rawPayload);
      const rtext = (await pageTexts(rdoc)).join('\n');
      expect(rtext).toContain('Phí, lệ phí: 20.000 đồng');
      expect(rtext).toContain('quét mã VietQR');
      const codes: string[] = [];
      for (let i = 1; i <= rdoc.numPages; i++) {
        // Slide a window over the left part of the page, where the code is printed.
        const page = await renderPage(rdoc, i, 3);
        const cm = (72 / 2.54) * page.scale;
        const w = Math.floor(7 * cm);
        for (let top = 0; top + 4 * cm < page.height; top += Math.floor(cm / 2)) {
          const q = decodeQr(crop(page, Math.floor(2.5 * cm), Math.floor(top), w, Math.floor(4 * cm)));
          if (q) codes.push(q.text);
        }
      }
      const paid = codes.find((c) => c.startsWith('000201'));
      expect(paid, codes.join(' | ')).toBeDefined();
      expect(decodeVietQr(paid!)).toMatchObject({ amount: 20000, purpose: d.code, crcOk: true });
    });

    it('pays through VNPay end to end: signed URL, IPN confirms, the dossier is paid, the citizen told, a receipt issued', async () => {
      const d = await counterDossier();
      const r = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d.code}/payments/vnpay?t=${env.services.dossiers.token(d.code!)}`, headers: { 'content-type': 'application/json' }, payload: {} });
      expect(r.statusCode, r.body).toBe(201);
      const { paymentUrl } = r.json() as { paymentUrl: string };
      const u = new URL(paymentUrl);
      expect(u.searchParams.get('vnp_Version')).toBe('2.1.0');
      expect(u.searchParams.get('vnp_Amount')).toBe('2000000');
      expect(u.searchParams.get('vnp_ReturnUrl')).toBe('http://motcua.test/thanh-toan/vnpay/ket-qua');
      // The citizen's browser goes to the gateway, which checks our signature and calls the IPN.
      const gw = await fetch(paymentUrl, { redirect: 'manual' });
      expect(gw.status).toBe(302);
      expect(vnpay.lastIpnAnswer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      const p = await payment(d.code!);
      expect(p).toMatchObject({ status: 'paid', method: 'vnpay', paid: 20000, outstanding: 0, vietqr: null, online: true });
      // The return page tells the citizen.
      const back = new URL(gw.headers.get('location')!);
      const ret = await env.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
      expect(ret.statusCode).toBe(200);
      expect(ret.body).toContain('Thanh toán thành công');
      // Replay of the same IPN: "already confirmed", still one payment.
      expect(await vnpay.callIpn(vnpay.lastResult!)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect(await paidRows(d)).toHaveLength(1);
      // The citizen was told, through the outbox.
      const msgs = await env.services.notifications.list({ dossierCode: d.code! });
      expect(msgs.some((m) => m.event === 'payment_received' && m.body.includes('20.000 dong'))).toBe(true);
      // The receipt (biên lai) names the amount in figures and words, and the VNPay transaction.
      const receiptId = (await paidRows(d))[0]!.id;
      const pdf = await env.app.inject({ method: 'GET', url: `/ho-so/${d.code}/bien-lai/${receiptId}.pdf?t=${env.services.dossiers.token(d.code!)}` });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pageTexts(await openPdf(pdf.rawPayload))).join('\n');
      expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
      expect(text).toContain('Hai mươi nghìn đồng');
      expect(text).toContain('VNPay');
      expect(text).toContain(vnpay.lastResult!.vnp_TransactionNo!);
      expect(text).toContain('Nguyễn Văn An');
    });

    it('never marks paid on a bad signature, a wrong amount, an unknown order or a failed payment', async () => {
      const d = await counterDossier();
      const r = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d.code}/payments/vnpay?t=${env.services.dossiers.token(d.code!)}`, headers: { 'content-type': 'application/json' }, payload: {} });
      const ref = new URL(r.json().paymentUrl).searchParams.get('vnp_TxnRef')!;
      const base: Record<string, string> = {
        vnp_Amount: '2000000',
        vnp_BankCode: 'NCB',
        vnp_OrderInfo: `Thanh toan phi le phi ho so ${d.code}`,
        vnp_PayDate: '20261130093000',
        vnp_ResponseCode: '00',
        vnp_TmnCode: 'MOTCUA01',
        vnp_TransactionNo: '99000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: ref,
      };
      // Signed with another secret.
      const forged = { ...base, vnp_SecureHash: vnpSign(base, 'not-the-secret-0000000000') };
      expect(await vnpay.callIpn(forged)).toEqual({ RspCode: '97', Message: 'Invalid signature' });
      // Amount changed after signing.
      expect(await vnpay.callIpn({ ...vnpay.sign(base), vnp_Amount: '200000' })).toEqual({ RspCode: '97', Message: 'Invalid signature' });
      // Correctly signed, but not what the order is for.
      expect(await vnpay.callIpn(vnpay.sign({ ...base, vnp_Amount: '100000' }))).toEqual({ RspCode: '04', Message: 'Invalid amount' });
      // An order we never made.
      expect(await vnpay.callIpn(vnpay.sign({ ...base, vnp_TxnRef: 'NOSUCHORDER1' }))).toEqual({ RspCode: '01', Message: 'Order not found' });
      expect((await payment(d.code!)).status).toBe('unpaid');
      // The bank declined: confirmed as received, the order fails, nothing is paid; a replay is refused.
      const declined = vnpay.sign({ ...base, vnp_ResponseCode: '51', vnp_TransactionStatus: '02' });
      expect(await vnpay.callIpn(declined)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      expect(await vnpay.callIpn(vnpay.sign(base))).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect((await payment(d.code!)).status).toBe('unpaid');
      expect(await paidRows(d)).toHaveLength(0);
      // Concurrent duplicate IPNs of a new order settle it once.
      const r2 = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d.code}/payments/vnpay?t=${env.services.dossiers.token(d.code!)}`, headers: { 'content-type': 'application/json' }, payload: {} });
      const ok = vnpay.sign({ ...base, vnp_TxnRef: new URL(r2.json().paymentUrl).searchParams.get('vnp_TxnRef')! });
      const answers = await Promise.all([vnpay.callIpn(ok), vnpay.callIpn(ok), vnpay.callIpn(ok)]);
      expect(answers.filter((a) => a.RspCode === '00')).toHaveLength(1);
      expect(answers.filter((a) => a.RspCode === '02')).toHaveLength(2);
      expect(await paidRows(d)).toHaveLength(1);
    });

    it('our signature is the sorted, "+"-encoded parameters under HMAC-SHA512', () => {
      expect(signData({ vnp_B: 'a b', vnp_A: 'x/y', vnp_SecureHash: 'zz', other: '1' })).toBe('vnp_A=x%2Fy&vnp_B=a+b');
    });

    it('the receptionist assesses pages, copies and an exemption with its reason; takes cash with a receipt', async () => {
      const d = await counterDossier();
      await expect(env.services.payments.assess(d, receptionist, { exemption: { reason: '' } })).rejects.toThrow(/lý do/);
      const half = await env.services.payments.assess(d, receptionist, { exemption: { reason: 'Người khuyết tật (giấy xác nhận khuyết tật)', percent: 50 } });
      expect(half).toMatchObject({ amount: 10000, gross: 20000, status: 'unpaid' });
      expect(decodeVietQr((await payment(d.code!)).vietqr).amount).toBe(10000);
      const cash = await env.services.payments.recordCash(d, receptionist);
      expect(cash).toMatchObject({ method: 'cash', amount: 10000, online: false });
      expect(cash.receiptNo).toMatch(/^2026\/\d{6}$/);
      expect(await payment(d.code!)).toMatchObject({ status: 'paid', method: 'cash', online: false });
      const full = await counterDossier();
      const exempt = await env.services.payments.assess(full, receptionist, { exemption: { reason: 'Hộ nghèo' } });
      expect(exempt.status).toBe('exempt');
      expect((await payment(full.code!)).vietqr).toBeNull();
      const specialist: Actor = { ...receptionist, role: 'specialist' };
      await expect(env.services.payments.recordCash(full, specialist)).rejects.toThrow(/Chỉ công chức một cửa/);
    });

    it('reconciles a bank statement (CSV, then Excel): matched, partial, unmatched for a human; a re-import changes nothing', async () => {
      const a = await counterDossier();
      const b = await counterDossier();
      const c = await counterDossier();
      const csv = [
        'NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM - SAO KÊ TÀI KHOẢN',
        'Số tài khoản: 113000012345',
        '',
        'STT,Ngày giao dịch,Số tham chiếu,Diễn giải,Ghi nợ,Ghi có',
        `1,30/11/2026,FT26334001,"CT DEN:0123 NGUYEN VAN AN ${a.code} LE PHI",,"20,000"`,
        `2,30/11/2026,FT26334002,"CK HS ${b.code!.replace(/-/g, '')}",,"15,000"`,
        '3,30/11/2026,FT26334003,"NGUYEN VAN AN NOP LE PHI THUONG TRU",,"20,000"',
        '4,30/11/2026,FT26334004,"PHI DICH VU",5.500,',
      ].join('\n');
      const r = await env.services.payments.importStatement('00004', receptionist, { name: 'saoke.csv', data: Buffer.from(csv) });
      expect(r).toMatchObject({ lines: 3, matched: 1, partial: 1, unmatched: 1, overpaid: 0, duplicate: 0 });
      expect((await payment(a.code!)).status).toBe('paid');
      expect(await payment(b.code!)).toMatchObject({ status: 'partial', paid: 15000, outstanding: 5000 });
      expect(decodeVietQr((await payment(b.code!)).vietqr).amount).toBe(5000);
      const again = await env.services.payments.importStatement('00004', receptionist, { name: 'saoke.csv', data: Buffer.from(csv) });
      expect(again).toMatchObject({ matched: 0, partial: 0, duplicate: 2, unmatched: 1 });
      expect(await payment(b.code!)).toMatchObject({ paid: 15000 });

      // The same bank's Excel export, for the third dossier, with the amount as a number cell.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sao ke');
      ws.addRow(['Sao kê tài khoản 113000012345']);
      ws.addRow(['Ngày', 'Mã giao dịch', 'Nội dung', 'Số tiền ghi có']);
      ws.addRow([new Date(Date.UTC(2026, 11, 1)), 'FT26335009', `NOP LE PHI HO SO ${c.code}`, 20000]);
      const xr = await env.services.payments.importStatement('00004', receptionist, { name: 'saoke.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
      expect(xr).toMatchObject({ lines: 1, matched: 1 });
      expect((await payment(c.code!)).status).toBe('paid');

      // A person sees the partial and the unmatched lines, and assigns the unmatched one.
      const todo = await env.services.payments.reconciliation('00004');
      const unmatched = todo.lines.find((l) => l.reference === 'FT26334003')!;
      expect(todo.lines.map((l) => l.status).sort()).toEqual(expect.arrayContaining(['partial', 'unmatched']));
      const d = await counterDossier();
      const cookie = await (async () => {
        const x = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
        return { cookie: `motcua_sid=${x.cookies.find((k) => k.name === 'motcua_sid')!.value}`, csrf: x.json().csrfToken as string };
      })();
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/doi-soat', headers: { cookie: cookie.cookie } });
      expect(page.body).toContain('NGUYEN VAN AN NOP LE PHI THUONG TRU');
      expect(page.body).toContain('Nộp thiếu');
      const res = await env.app.inject({
        method: 'POST',
        url: `/can-bo/doi-soat/${unmatched.id}`,
        headers: { cookie: cookie.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(cookie.csrf)}&dossierCode=${d.code}&note=`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Đã xử lý dòng sao kê');
      expect(await payment(d.code!)).toMatchObject({ status: 'paid', paid: 20000, method: 'bank_transfer' });
      // The online-payment indicator counts the transfers.
      const figures = await env.services.payments.onlinePaymentFigures('00004', '2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z');
      expect(figures.paidOnline).toBeGreaterThanOrEqual(3);
    });
  });
}

describe('postal address for results by post', () => {
  it('asks for a place and an administrative unit', async () => {
    const { postalAddressProblem } = await import('../shared/address');
    expect(postalAddressProblem('')).toMatch(/Nhập địa chỉ/);
    expect(postalAddressProblem('Hà Nội')).toMatch(/quá ngắn/);
    expect(postalAddressProblem('nhà bà Tư gần chợ, Hà Nội')).toMatch(/số nhà/);
    expect(postalAddressProblem('Số 12 Đội Cấn gần chợ cũ')).toMatch(/xã\/phường/);
    expect(postalAddressProblem('Số 1 phố Đội Cấn, phường Ba Đình, Hà Nội')).toBeNull();
    expect(postalAddressProblem('Thôn Đông, xã Tiên Phong, tỉnh Phú Thọ')).toBeNull();
    expect(postalAddressProblem('12 Nguyen Trai, Ben Thanh, TP HCM')).toBeNull();
  });
});
