import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import type { Actor } from '../dossier';
import { Desk } from '../dossier/workflow.testing';
import { codesIn, referencesIn } from '../payment/payment.statement';
import { decodeVietQr } from '../payment/payment.vietqr';
import { crop, decodeQr, openPdf, pageTexts, renderPage, type PDFDocumentProxy } from '../shared/pdf.testing';
import { eachEngine, postStaffForm } from '../shared/suite.testing';
import { submitNewborn, type SubmittedGroup } from './linked.testing';

/**
 * A linked group pays once by VietQR too (issue 14), on both engines: one code for the sum of the
 * parts' fees with the group's code as the transfer note, on the group's page and API; a bank
 * statement (CSV and .xlsx, as the import takes them) whose line names the group's code pays every
 * part — with the dashes or without, even where the group's number is also a dossier's code —
 * while each part's own code keeps working; a short transfer, one paid twice, a re-import and a
 * line a person assigns to the group are handled as they are for one dossier.
 */
const PARENT = { fullName: 'Trần Thị Mai', phone: '0987654321', address: 'Số 5 phố Liễu Giai, Ba Đình' };
const CASHIER: Actor = { kind: 'staff', id: 'staff-test', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };
const HEADER = 'STT,Ngày giao dịch,Số tham chiếu,Diễn giải,Ghi nợ,Ghi có';

/** Every QR code printed down the left of a document's pages (a window slid from top to bottom). */
async function qrTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await renderPage(doc, i, 3);
    const cm = (72 / 2.54) * page.scale;
    for (let top = 0; top + 5 * cm < page.height; top += Math.floor(cm)) {
      const q = decodeQr(crop(page, 0, Math.floor(top), Math.floor(8 * cm), Math.floor(5 * cm)));
      if (q) found.add(q.text);
    }
  }
  return [...found];
}

eachEngine(
  'a linked group pays once by VietQR, matched from the bank statement',
  { at: '2026-12-01T02:00:00.000Z', env: { REQUIRE_PHONE_VERIFICATION: 'off', VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT: '113000012345', VIETQR_ACCOUNT_NAME: 'UBND PHUONG BA DINH' } },
  (t) => {
    let desk: Desk;
    let group: SubmittedGroup;
    let token = '';
    let birth = '';
    let residence = '';

    const payment = async (code: string) => (await t.env.app.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=${PARENT.phone}` })).json().payment;
    const groupQr = (query: string) => t.env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}/payments/vietqr?${query}` });
    const importCsv = (rows: string[], name = 'saoke.csv') => t.env.services.payments.importStatement('00004', CASHIER, { name, data: Buffer.from([HEADER, ...rows].join('\n')) });
    const paidRows = (code: string) => t.env.services.database.db.selectFrom('payments').selectAll().where('dossier_code', '=', code).where('status', '=', 'paid').orderBy('created_at').orderBy('id').execute();

    it("shows one VietQR for the parts' sum, the group's code as the note, on the page, the API and as an image", async () => {
      const { env } = t;
      desk = new Desk(env);
      await env.services.linked.seedDemo('demo');
      group = await submitNewborn(env, PARENT, { desk });
      token = group.token;
      [birth, residence] = [group.members[0]!.code, group.members[1]!.code];
      expect((await desk.ok(birth, 'tiepnhan', { type: 'request_payment', amount: 8000, note: 'Phí cấp bản sao trích lục khai sinh' })).status).toBe('payment_requested');

      // The API beside the VNPay one: what a bank app reads from the code.
      const api = await groupQr(`t=${token}`);
      expect(api.statusCode, api.body).toBe(200);
      const qr = api.json();
      expect(qr).toMatchObject({ amount: 18000, transferNote: group.groupCode, account: { bankBin: '970415', bankName: 'VietinBank', account: '113000012345', accountName: 'UBND PHUONG BA DINH', demo: false } });
      expect(qr.members).toEqual([
        { code: birth, amount: 8000 },
        { code: residence, amount: 10000 },
      ]);
      expect(decodeVietQr(qr.payload)).toMatchObject({ bankBin: '970415', account: '113000012345', amount: 18000, purpose: group.groupCode, currency: '704', dynamic: true, crcOk: true });
      // The group's answer carries the same code.
      const answer = (await env.app.inject({ method: 'GET', url: `/api/groups/${group.groupCode}?phone=${PARENT.phone}` })).json();
      expect(answer.payment).toMatchObject({ outstanding: 18000, vietqr: qr.payload });
      // Code and phone may see how to pay (it changes nothing); another phone may not.
      expect((await groupQr(`phone=${PARENT.phone}`)).json().payload).toBe(qr.payload);
      const stranger = await groupQr('phone=0912000999');
      expect(stranger.statusCode).toBe(404);
      expect(stranger.json().error.code).toBe('group_not_found');

      // The page: the code, and how to pay it from the phone that shows it.
      const page = await env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?t=${token}` });
      expect(page.body).toContain('Chuyển khoản một lần 18.000 đồng bằng mã VietQR');
      expect(page.body).toContain(`Mã VietQR chuyển khoản 18.000 đồng cho cả nhóm hồ sơ liên thông ${group.groupCode}`);
      expect(page.body).toContain('mã hồ sơ liên thông, cho mọi phần của nhóm');
      const pngHref = `/lien-thong/${group.groupCode}/vietqr.png?t=${token}`;
      expect(page.body).toContain(`href="${pngHref}"`);
      const png = await env.app.inject({ method: 'GET', url: pngHref });
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      const img = PNG.sync.read(png.rawPayload);
      const scanned = jsQR(new Uint8ClampedArray(img.data), img.width, img.height);
      expect(decodeVietQr(scanned!.data)).toMatchObject({ amount: 18000, purpose: group.groupCode, crcOk: true });
      // The group's receipt prints the code that pays it all, beside the one that follows the group.
      const receipt = await env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}/bien-nhan.pdf?t=${token}` });
      const doc = await openPdf(receipt.rawPayload);
      expect((await pageTexts(doc)).join('\n')).toContain('Nộp phí, lệ phí của cả nhóm một lần, 18.000 đồng: quét mã VietQR');
      expect(await qrTexts(doc)).toEqual(expect.arrayContaining([group.trackingUrl, qr.payload]));
      // Each part keeps its own code, for its own fee.
      expect(decodeVietQr((await payment(residence)).vietqr)).toMatchObject({ amount: 10000, purpose: residence });
    });

    it("reads a group's code as the group, never as the dossier whose code is the same number", async () => {
      // The group's number is a real dossier's code: groups and dossiers count each day apart.
      const digits = group.groupCode.slice(3);
      expect(await t.env.services.dossiers.findByCode(digits)).toBeDefined();
      for (const note of [`CK ${group.groupCode} LE PHI`, `MBVCB.1234.${group.groupCode.replace(/-/g, '')}.CT tu 0123`, `nop phi ${group.groupCode.replace(/-/g, ' ').toLowerCase()}`]) {
        expect(referencesIn(note), note).toEqual([{ kind: 'group', code: group.groupCode }]);
        expect(codesIn(note), note).toEqual([]);
      }
      // A dossier's own code still reads as that dossier, beside a group's.
      expect(referencesIn(`HS${residence} va ${group.groupCode}`)).toEqual([
        { kind: 'dossier', code: residence },
        { kind: 'group', code: group.groupCode },
      ]);
      expect(codesIn(`CK ${digits.replace(/-/g, '')}`)).toEqual([digits]);
      // The group's catalogue code is not a payment reference.
      expect(referencesIn('LT-KS 2026')).toEqual([]);
    });

    it("matches a statement line naming the group: each part's own code first, then a short transfer, a re-import, the rest", async () => {
      // The residence part paid with its own code (its own QR keeps working).
      const own = await importCsv([`1,01/12/2026,FT26335001,"CT DEN:0123 ${residence} LE PHI",,"10,000"`]);
      expect(own).toMatchObject({ matched: 1, partial: 0 });
      expect(own.items[0]).toMatchObject({ dossierCode: residence, groupCode: null, status: 'matched' });
      const left = (await groupQr(`t=${token}`)).json();
      expect(left.members).toEqual([{ code: birth, amount: 8000 }]);
      expect(decodeVietQr(left.payload).amount).toBe(8000);

      // Excel: the group's code without dashes and a short amount: recorded, waiting for a person.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sao ke');
      ws.addRow(['Sao kê tài khoản 113000012345']);
      ws.addRow(['Ngày', 'Mã giao dịch', 'Nội dung', 'Số tiền ghi có']);
      ws.addRow([new Date(Date.UTC(2026, 11, 1)), 'FT26335002', `NGUYEN THI MAI CK ${group.groupCode.replace(/-/g, '')}`, 5000]);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const short = await t.env.services.payments.importStatement('00004', CASHIER, { name: 'saoke.xlsx', data: xlsx });
      expect(short).toMatchObject({ lines: 1, matched: 0, partial: 1, unmatched: 0 });
      expect(short.items[0]).toMatchObject({ dossierCode: null, groupCode: group.groupCode, status: 'partial' });
      expect(await payment(birth)).toMatchObject({ status: 'partial', paid: 5000, outstanding: 3000, method: 'bank_transfer' });
      expect((await paidRows(residence)).map((p) => p.amount)).toEqual([10000]);
      // The same file again changes nothing.
      expect(await t.env.services.payments.importStatement('00004', CASHIER, { name: 'saoke.xlsx', data: xlsx })).toMatchObject({ duplicate: 1, partial: 0, matched: 0 });
      expect((await paidRows(birth)).map((p) => p.amount)).toEqual([5000]);
      // The person sees the short line as the group's.
      const todo = await t.env.services.payments.reconciliation('00004');
      expect(todo.lines.find((l) => l.reference === 'FT26335002')).toMatchObject({ status: 'partial', groupCode: group.groupCode, dossierCode: null });
      const staff = await desk.cookie('tiepnhan');
      const recon = await t.env.app.inject({ method: 'GET', url: '/can-bo/doi-soat', headers: { cookie: staff } });
      expect(recon.body).toContain(`<a href="/can-bo/lien-thong/${group.groupCode}">${group.groupCode} (cả nhóm)</a>`);

      // The rest, by the group's code with its dashes: matched, the fee's clock runs again.
      const rest = await importCsv([`1,01/12/2026,FT26335003,"${group.groupCode} TRAN THI MAI",,"3.000"`]);
      expect(rest).toMatchObject({ matched: 1 });
      expect(await payment(birth)).toMatchObject({ status: 'paid', paid: 8000, outstanding: 0 });
      expect((await desk.get(birth, 'tiepnhan')).status).toBe('received');
      // The citizen is told of each part's payment, through the outbox.
      const told = (await desk.outbox(birth)).filter((m) => m.event === 'payment_received' && m.channel === 'sms').map((m) => m.body);
      expect(told.some((b) => b.includes('5.000 dong')) && told.some((b) => b.includes('3.000 dong')), told.join(' | ')).toBe(true);
      // Paid: no code to show.
      const done = await groupQr(`t=${token}`);
      expect(done.statusCode).toBe(422);
      expect(done.json().error).toMatchObject({ code: 'nothing_to_pay', message: 'Nhóm hồ sơ không còn khoản phí, lệ phí nào phải nộp.' });
      const page = await t.env.app.inject({ method: 'GET', url: `/lien-thong/${group.groupCode}?t=${token}` });
      expect(page.body).toContain('Đã nộp đủ 18.000 đồng');
      expect(page.body).not.toContain('bằng mã VietQR');
    });

    it('one line for the whole sum pays every part, one receipt number; paid twice waits for a person', async () => {
      // New fees on both fee-bearing parts, then one transfer for their sum.
      await desk.ok(birth, 'tiepnhan', { type: 'request_payment', amount: 16000, note: 'Thêm hai bản sao' });
      await desk.ok(residence, 'tiepnhan', { type: 'request_payment', amount: 4000 });
      const qr = (await groupQr(`t=${token}`)).json();
      expect(qr.amount).toBe(20000);
      const whole = await importCsv([`1,02/12/2026,FT26336001,"CK ${group.groupCode}",,"20,000"`]);
      expect(whole).toMatchObject({ matched: 1, partial: 0, overpaid: 0 });
      const [b, r] = [(await paidRows(birth)).at(-1)!, (await paidRows(residence)).at(-1)!];
      expect([b.amount, r.amount]).toEqual([16000, 4000]);
      expect(b.receipt_no).toMatch(/^\d{4}\/\d{6}$/);
      expect(r.receipt_no).toBe(b.receipt_no);
      expect((await payment(birth)).outstanding + (await payment(residence)).outstanding).toBe(0);
      // The receipt of each part is there for the citizen.
      const receipt = await t.env.app.inject({ method: 'GET', url: `/ho-so/${residence}/bien-lai/${r.id}.pdf?t=${t.env.services.dossiers.token(residence)}` });
      expect(receipt.headers['content-type']).toBe('application/pdf');

      // The same transfer made twice (another bank reference): recorded, listed as overpaid.
      const twice = await importCsv([`1,02/12/2026,FT26336002,"CK ${group.groupCode}",,"20,000"`]);
      expect(twice).toMatchObject({ matched: 0, overpaid: 1 });
      const line = (await t.env.services.payments.reconciliation('00004')).lines.find((l) => l.reference === 'FT26336002');
      expect(line).toMatchObject({ status: 'overpaid', groupCode: group.groupCode });
      // The excess sits on one fee-bearing part, for the refund.
      expect((await paidRows(birth)).at(-1)).toMatchObject({ amount: 20000, order_ref: 'bank:FT26336002.1' });
      // The person closes it with a note.
      const staff = await desk.cookie('tiepnhan');
      const closed = await postStaffForm(t.env, staff, '/can-bo/doi-soat', `/can-bo/doi-soat/${line!.id}`, { note: 'Đã hoàn trả 20.000 đồng cho chị Mai' });
      expect(closed.statusCode).toBe(200);
      expect(closed.body).toContain('Đã xử lý dòng sao kê');
    });

    it('a line that names nothing is assigned to the group by a person, and pays its parts', async () => {
      await desk.ok(residence, 'tiepnhan', { type: 'request_payment', amount: 6000 });
      const r = await importCsv([`1,03/12/2026,FT26337001,"TRAN THI MAI NOP PHI KHAI SINH CHO CON",,"6,000"`]);
      expect(r).toMatchObject({ unmatched: 1 });
      const line = (await t.env.services.payments.reconciliation('00004')).lines.find((l) => l.reference === 'FT26337001')!;
      const staff = await desk.cookie('tiepnhan');
      // A code of nothing in the unit: a clear message, nothing recorded.
      const wrong = await postStaffForm(t.env, staff, '/can-bo/doi-soat', `/can-bo/doi-soat/${line.id}`, { dossierCode: 'LT-00004-261201-9999', note: '' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('Không có hồ sơ (hoặc hồ sơ liên thông) với mã này trong đơn vị.');
      const ok = await postStaffForm(t.env, staff, '/can-bo/doi-soat', `/can-bo/doi-soat/${line.id}`, { dossierCode: group.groupCode.toLowerCase(), note: '' });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Đã xử lý dòng sao kê');
      expect(await payment(residence)).toMatchObject({ status: 'paid', outstanding: 0 });
      expect((await paidRows(residence)).at(-1)).toMatchObject({ amount: 6000, order_ref: 'bank:FT26337001.2' });
    });
  },
);
