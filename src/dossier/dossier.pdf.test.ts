import { describe, it, expect } from 'vitest';
import {
  RECEIPT_TITLE,
  SERVICE_CARD_TITLE,
  SIGN_IN_HOWTO,
  renderReceiptPdf,
  renderServiceCardPdf,
  type ReceiptComponent,
  type ReceiptPdfVm,
  type ServiceCardPdfVm,
} from './dossier.pdf';
import { CM, decodeQr, expectInOrder, openPdf, pageTexts, pdfInfo, renderPage } from '../shared/pdf.testing';

const FIXED_DATE = new Date('2026-11-29T07:05:00Z');

// --- factories

const COMPONENT_NAMES = [
  'Tờ khai đăng ký khai sinh theo mẫu',
  'Giấy chứng sinh',
  'Giấy tờ tùy thân của người đi đăng ký khai sinh',
  'Giấy chứng nhận kết hôn của cha, mẹ',
  'Văn bản ủy quyền có chứng thực',
  'Giấy tờ chứng minh nơi cư trú',
  'Biên bản xác nhận việc trẻ bị bỏ rơi do Ủy ban nhân dân cấp xã lập',
  'Văn bản chấp thuận của cơ quan có thẩm quyền',
];

function buildComponents(count: number): ReceiptComponent[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${COMPONENT_NAMES[i % COMPONENT_NAMES.length]} (mục ${i + 1})`,
    originals: i % 3 === 2 ? 0 : 1,
    copies: i % 3 === 2 ? 2 : 0,
    digitised: i === 0,
  }));
}

function buildReceipt(overrides: Partial<ReceiptPdfVm> = {}): ReceiptPdfVm {
  return {
    unitName: 'UBND phường Ba Đình',
    parentName: 'UBND thành phố Hà Nội',
    unitAddress: 'Số 25 phố Liễu Giai, phường Ba Đình, thành phố Hà Nội',
    code: '00004-261129-0001',
    applicant: {
      fullName: 'Nguyễn Thị Thu Hà',
      phone: '0912 345 678',
      address: 'Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
      idNumber: '001190012345',
    },
    procedureName: 'Đăng ký khai sinh',
    channelLabel: 'Trực tiếp',
    components: buildComponents(6),
    receivedAt: '14 giờ 05 phút, ngày 29/11/2026',
    dueAt: '17 giờ 00 phút, ngày 02/12/2026',
    dueNote: 'Hồ sơ nhận sau 15 giờ được tính từ ngày làm việc tiếp theo',
    processingTime: '03 ngày làm việc',
    receiver: 'Trần Văn Bình',
    trackingUrl: 'https://motcua.badinh.hanoi.gov.vn/ho-so/00004-261129-0001',
    feeText: 'Miễn lệ phí',
    place: 'Ba Đình',
    issuedOn: { day: 29, month: 11, year: 2026 },
    ...overrides,
  };
}

function buildCard(overrides: Partial<ServiceCardPdfVm> = {}): ServiceCardPdfVm {
  return {
    unitName: 'UBND phường Ba Đình',
    fullName: 'Lê Văn Đức',
    phone: '0987 654 321',
    signInUrl: 'https://motcua.badinh.hanoi.gov.vn/dang-nhap',
    dossiersUrl: 'https://motcua.badinh.hanoi.gov.vn/ho-so-cua-toi',
    steps: [
      'Truy cập địa chỉ trên hoặc quét mã QR bằng điện thoại.',
      'Đăng nhập bằng số điện thoại; nhập mã OTP gửi qua tin nhắn.',
      'Chọn "Nộp hồ sơ", tìm thủ tục cần làm.',
      'Điền thông tin, tải lên giấy tờ rồi bấm "Gửi hồ sơ".',
    ],
    issuedOn: '29/11/2026',
    ...overrides,
  };
}

// --- receipt

describe('renderReceiptPdf', () => {
  it('prints Mẫu số 01 on one page, in the form’s order, with diacritics intact', async () => {
    const vm = buildReceipt({
      // Decomposed input (some keyboards and copy-pastes send it) prints precomposed.
      applicant: { ...buildReceipt().applicant, fullName: 'Nguyễn Thị Thu Hà'.normalize('NFD') },
    });
    const pdf = await renderReceiptPdf(vm, { creationDate: FIXED_DATE });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);

    expectInOrder(text!, [
      'UBND PHƯỜNG BA ĐÌNH',
      'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
      'Mã hồ sơ: 00004-261129-0001',
      RECEIPT_TITLE,
      'Bộ phận tiếp nhận và trả kết quả UBND phường Ba Đình tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Thu Hà',
      'Địa chỉ: Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
      'Số điện thoại: 0912 345 678',
      'Số định danh cá nhân: 001190012345',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Hình thức nộp: Trực tiếp',
      'Phí, lệ phí: Miễn lệ phí',
      '1. Thành phần hồ sơ nộp gồm:',
      'STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao',
      '1', 'Tờ khai đăng ký khai sinh theo mẫu (mục 1) (đã số hóa)',
      ...vm.components.slice(1).map((c) => c.name),
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 29/11/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02/12/2026',
      '(Hồ sơ nhận sau 15 giờ được tính từ ngày làm việc tiếp theo)',
      '6. Đăng ký nhận kết quả tại:',
      'NGƯỜI NỘP HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
    ]);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Ba Đình, ngày 29 tháng 11 năm 2026',
      'Quét mã để theo dõi hồ sơ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Bình',
      'Số 25 phố Liễu Giai',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('UBND THÀNH PHỐ HÀ NỘI');
    expect(text).not.toContain('undefined');
    expect(text!.normalize('NFC')).toBe(text);
  });

  it('carries a scannable QR code of at least 3 cm to the tracking page', async () => {
    const vm = buildReceipt();
    const doc = await openPdf(await renderReceiptPdf(vm));
    const qr = decodeQr(await renderPage(doc, 1, 3));
    expect(qr?.text).toBe(vm.trackingUrl);
    expect(qr!.sizePt).toBeGreaterThanOrEqual(3 * CM);
  });

  it('keeps eight components, some of them long, on one page', async () => {
    // Names as the national catalogue writes them: several wrap onto a second line.
    const names = [
      'Tờ khai đăng ký khai sinh theo mẫu',
      'Bản chính Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh',
      'Giấy tờ tùy thân của người đi đăng ký khai sinh (hộ chiếu, thẻ căn cước)',
      'Giấy chứng nhận kết hôn của cha, mẹ',
      'Văn bản ủy quyền có chứng thực (nếu ủy quyền)',
      'Giấy tờ chứng minh nơi cư trú',
      'Biên bản xác nhận việc trẻ bị bỏ rơi do Ủy ban nhân dân cấp xã lập (trường hợp trẻ bị bỏ rơi)',
      'Văn bản chấp thuận của cơ quan có thẩm quyền',
    ];
    const components = names.map((name, i) => ({ name, originals: 1, copies: i % 2, digitised: i === 0 }));
    const vm = buildReceipt({ components });
    const doc = await openPdf(await renderReceiptPdf(vm));
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    for (const c of components) expect(text).toContain(c.name);
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    const qr = decodeQr(await renderPage(doc, 1, 3));
    expect(qr?.text).toBe(vm.trackingUrl);
    expect(qr!.sizePt).toBeGreaterThanOrEqual(3 * CM);
  });

  it('flows 30 components onto a second page, header row repeated, signatures and QR at the end', async () => {
    const vm = buildReceipt({ components: buildComponents(30) });
    const doc = await openPdf(await renderReceiptPdf(vm, { creationDate: FIXED_DATE }));
    expect(doc.numPages).toBe(2);
    const [first, second] = await pageTexts(doc);
    expect(first).toContain(RECEIPT_TITLE);
    expect(first).not.toContain('NGƯỜI NỘP HỒ SƠ');
    expect(second).toContain('mã hồ sơ 00004-261129-0001 (tiếp theo)');
    expect(second).toContain('Tên giấy tờ');
    expectInOrder(second!, [
      `${vm.components[29]!.name}`,
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02/12/2026',
      'NGƯỜI NỘP HỒ SƠ',
    ]);
    // Every component exactly once, none split between pages.
    const all = `${first} ${second}`;
    expect(all.match(/\(mục \d+\)/g)).toHaveLength(30);
    for (const c of vm.components) expect(first!.includes(c.name) || second!.includes(c.name)).toBe(true);
    expect(decodeQr(await renderPage(doc, 2, 3))?.text).toBe(vm.trackingUrl);
  });

  it('leaves dotted blanks for what is unknown, as on the paper form', async () => {
    const vm = buildReceipt({
      applicant: { fullName: 'Phạm Thị Ánh' },
      processingTime: undefined,
      feeText: undefined,
      dueNote: undefined,
      receiver: 'Hệ thống tiếp nhận trực tuyến',
      channelLabel: 'Trực tuyến',
      components: [],
      issuedOn: { day: 5, month: 2, year: 2027 },
      place: 'Ba Đình',
    });
    const doc = await openPdf(await renderReceiptPdf(vm));
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    expectInOrder(text!, [
      // Decree 30/2020: a zero before days below 10 and before months 1 and 2.
      'Ba Đình, ngày 05 tháng 02 năm 2027',
      'Ông/Bà Phạm Thị Ánh',
      'Địa chỉ:',
      'Số điện thoại:',
      'Hình thức nộp: Trực tuyến',
      'Không có giấy tờ kèm theo',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 4.',
    ]);
    expect(text).toContain('Hệ thống tiếp nhận trực tuyến');
    expect(text).not.toContain('Phí, lệ phí');
    expect(text).not.toContain('Số định danh');
    expect(text).not.toContain('undefined');
  });

  it('sets Vietnamese metadata and is byte-identical for a fixed creation date', async () => {
    const vm = buildReceipt();
    const a = await renderReceiptPdf(vm, { creationDate: FIXED_DATE });
    const b = await renderReceiptPdf(vm, { creationDate: FIXED_DATE });
    expect(a.equals(b)).toBe(true);
    const info = await pdfInfo(await openPdf(a));
    expect(info.Title).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả — 00004-261129-0001');
    expect(info.Author).toBe('motcua');
    expect(info.Language).toBe('vi');
    expect(String(info.CreationDate)).toContain('20261129070500');
  });
});

// --- service card

describe('renderServiceCardPdf', () => {
  it('is one A5 page with the citizen, how to sign in, the steps and a QR code to their dossiers', async () => {
    const vm = buildCard({ fullName: 'Lê Văn Đức'.normalize('NFD') });
    const pdf = await renderServiceCardPdf(vm, { creationDate: FIXED_DATE });
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect([Math.round(w! / CM * 10), Math.round(h! / CM * 10)]).toEqual([148, 210]);

    const [text] = await pageTexts(doc);
    expectInOrder(text!, [
      'UBND PHƯỜNG BA ĐÌNH',
      SERVICE_CARD_TITLE,
      'Họ và tên', 'Lê Văn Đức',
      'Số điện thoại đăng nhập', '0987 654 321',
      'CÁCH ĐĂNG NHẬP',
      vm.signInUrl,
      SIGN_IN_HOWTO,
      'CÁC BƯỚC NỘP HỒ SƠ TRỰC TUYẾN',
      ...vm.steps.flatMap((s, i) => [String(i + 1), s]),
      'Cấp ngày 29/11/2026',
    ]);

    const qr = decodeQr(await renderPage(doc, 1, 3));
    expect(qr?.text).toBe(vm.dossiersUrl);
    expect(qr!.sizePt).toBeGreaterThanOrEqual(3 * CM);

    const info = await pdfInfo(doc);
    expect(info.Title).toBe('Phiếu dịch vụ công — Lê Văn Đức');
    expect(info.Author).toBe('motcua');
    expect(info.Language).toBe('vi');
    expect(pdf.equals(await renderServiceCardPdf(vm, { creationDate: FIXED_DATE }))).toBe(true);
  });

  it('never prints a password, even when a caller smuggles one in', async () => {
    const vm = buildCard();
    // @ts-expect-error the view model has no password field
    const typed: ServiceCardPdfVm = { ...vm, password: 'x' } satisfies ServiceCardPdfVm;
    const smuggled = { ...typed, password: 'Bi-mat-123', matKhau: 'Bi-mat-123' } as ServiceCardPdfVm;
    const [text] = await pageTexts(await openPdf(await renderServiceCardPdf(smuggled)));
    expect(text).toContain(SIGN_IN_HOWTO);
    expect(text).not.toMatch(/mật khẩu\s*:/iu);
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain('Bi-mat-123');
  });

  it('flows a long list of steps onto a second page without splitting a step', async () => {
    const steps = Array.from({ length: 16 }, (_, i) => `Bước thứ ${i + 1}: đọc kỹ hướng dẫn, chuẩn bị giấy tờ cần thiết rồi làm theo chỉ dẫn trên màn hình.`);
    const doc = await openPdf(await renderServiceCardPdf(buildCard({ steps })));
    expect(doc.numPages).toBe(2);
    const pages = await pageTexts(doc);
    expect(pages.join(' ').match(/Bước thứ \d+: đọc kỹ hướng dẫn, chuẩn bị giấy tờ cần thiết rồi làm theo chỉ dẫn trên màn hình\./g)).toHaveLength(16);
    for (const p of pages) expect(p).toContain('UBND phường Ba Đình');
  });
});
