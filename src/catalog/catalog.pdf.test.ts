import { describe, it, expect } from 'vitest';
import {
  renderFieldListingPdf,
  renderFormTemplatePdf,
  renderPosterPdf,
  type FieldListingItem,
  type FieldListingPdfVm,
  type PosterPdfVm,
} from './catalog.pdf';
import {
  CM,
  crop,
  decodeQr,
  decodeStackedQrs,
  expectInOrder,
  openPdf,
  pageTexts,
  pdfInfo,
  renderPage,
} from '../shared/pdf.testing';

const A4_WIDTH = 595.28;
const FIXED_DATE = new Date('2025-07-01T08:00:00Z');

// --- factories

const NAMES = [
  'Thủ tục đăng ký khai sinh',
  'Đăng ký kết hôn',
  'Đăng ký khai tử',
  'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
  'Cấp bản sao trích lục hộ tịch',
  'Đăng ký lại khai sinh cho người đã có hồ sơ, giấy tờ cá nhân nhưng bản chính Giấy khai sinh bị mất, hư hỏng hoặc không còn lưu trữ được',
  'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
  'Cấp Giấy xác nhận tình trạng hôn nhân',
];

function buildItems(count: number): FieldListingItem[] {
  return Array.from({ length: count }, (_, i) => {
    const code = `1.${String(1193 + i).padStart(6, '0')}`;
    return {
      code,
      name: `${NAMES[i % NAMES.length]} (trường hợp ${i + 1})`,
      time: i % 3 === 0 ? 'Ngay trong ngày tiếp nhận; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo' : '03 ngày làm việc',
      fee: i % 2 ? 'Miễn lệ phí' : '8.000 đồng/bản sao trích lục',
      url: `https://motcua.badinh.hanoi.gov.vn/thu-tuc/${code}`,
    };
  });
}

function buildListing(overrides: Partial<FieldListingPdfVm> = {}): FieldListingPdfVm {
  return {
    unitName: 'UBND phường Ba Đình',
    parentName: 'UBND thành phố Hà Nội',
    address: 'Số 25 phố Liễu Giai, phường Ba Đình, thành phố Hà Nội',
    openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
    field: 'Hộ tịch',
    items: buildItems(30),
    printedOn: '01/07/2025',
    ...overrides,
  };
}

const COMPONENTS = [
  'Tờ khai đăng ký khai sinh theo mẫu',
  'Bản chính Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh',
  'Giấy tờ tùy thân của người đi đăng ký khai sinh (hộ chiếu, thẻ căn cước)',
];

function buildPoster(overrides: Partial<PosterPdfVm> = {}): PosterPdfVm {
  return {
    unitName: 'UBND phường Ba Đình',
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    summary: 'Dành cho cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ mới sinh.',
    time: 'Ngay trong ngày làm việc',
    fee: 'Miễn lệ phí',
    components: COMPONENTS,
    url: 'https://motcua.badinh.hanoi.gov.vn/thu-tuc/1.001193',
    ...overrides,
  };
}

// --- tests

describe('renderFieldListingPdf', () => {
  it('lists every procedure with its own scannable QR code, no row split across pages', async () => {
    const vm = buildListing();
    const pdf = await renderFieldListingPdf(vm, { creationDate: FIXED_DATE });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const doc = await openPdf(pdf);
    const pages = await pageTexts(doc);
    expect(doc.numPages).toBeGreaterThan(1);

    const first = pages[0]!;
    expect(first).toContain('UBND THÀNH PHỐ HÀ NỘI');
    expect(first).toContain('UBND PHƯỜNG BA ĐÌNH');
    expect(first).toContain('DANH MỤC THỦ TỤC HÀNH CHÍNH — LĨNH VỰC HỘ TỊCH');
    expect(first).toContain('Quét mã QR để xem chi tiết và nộp hồ sơ trực tuyến');
    expect(first).toContain('Thủ tục đăng ký khai sinh (trường hợp 1)');

    const decoded: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const text = pages[n - 1]!;
      // Header row repeated, page numbers, footer on every page.
      expect(text).toContain('Tên thủ tục hành chính');
      expect(text).toContain('Thời hạn giải quyết');
      expect(text).toContain(`Trang ${n}/${doc.numPages}`);
      expect(text).toContain('Địa chỉ: Số 25 phố Liễu Giai');
      expect(text).toContain('In ngày 01/07/2025');

      // A row's name, code and QR code are on the same page.
      const onPage = vm.items.filter((it) => text.includes(`Mã thủ tục: ${it.code}`));
      for (const it of onPage) expect(text).toContain(it.name);

      const raster = await renderPage(doc, n, 3);
      const x0 = Math.round((A4_WIDTH - 36 - 78) * raster.scale);
      const x1 = Math.round((A4_WIDTH - 36 - 6) * raster.scale);
      const strip = crop(raster, x0, 0, x1 - x0, raster.height);
      const qrs = decodeStackedQrs(strip);
      expect(qrs.map((q) => q.text)).toEqual(onPage.map((it) => it.url));
      for (const q of qrs) expect(q.heightPt).toBeGreaterThanOrEqual(2.2 * CM);
      decoded.push(...qrs.map((q) => q.text!));
    }
    expect(decoded).toEqual(vm.items.map((it) => it.url));
  });

  it('wraps long names instead of cutting them, and fits a short list on one page', async () => {
    const long = 'Đăng ký lại khai sinh cho người đã có hồ sơ, giấy tờ cá nhân nhưng bản chính Giấy khai sinh bị mất, hư hỏng hoặc không còn lưu trữ được tại cơ quan đăng ký hộ tịch';
    const items = buildItems(3).map((it, i) => (i === 1 ? { ...it, name: long } : it));
    const doc = await openPdf(await renderFieldListingPdf(buildListing({ items })));
    const [text] = await pageTexts(doc);
    expect(doc.numPages).toBe(1);
    expect(text).toContain(long);
    expect(text).toContain('Trang 1/1');
  });

  it('says so when a field has no procedure', async () => {
    const doc = await openPdf(await renderFieldListingPdf(buildListing({ items: [] })));
    expect(doc.numPages).toBe(1);
    expect((await pageTexts(doc))[0]).toContain('Chưa có thủ tục hành chính nào trong lĩnh vực này.');
  });

  it('sets Vietnamese metadata and is byte-identical for a fixed creation date', async () => {
    const vm = buildListing({ items: buildItems(4) });
    const a = await renderFieldListingPdf(vm, { creationDate: FIXED_DATE });
    const b = await renderFieldListingPdf(vm, { creationDate: FIXED_DATE });
    expect(a.equals(b)).toBe(true);
    const info = await pdfInfo(await openPdf(a));
    expect(info.Title).toBe('DANH MỤC THỦ TỤC HÀNH CHÍNH — LĨNH VỰC HỘ TỊCH — UBND phường Ba Đình');
    expect(info.Author).toBe('motcua');
    expect(info.Language).toBe('vi');
    expect(String(info.CreationDate)).toContain('20250701080000');
  });
});

describe('renderPosterPdf', () => {
  it('is one page with a big title, a large scannable QR code, time, fee and checklist', async () => {
    const vm = buildPoster();
    const pdf = await renderPosterPdf(vm, { creationDate: FIXED_DATE });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    for (const s of ['UBND PHƯỜNG BA ĐÌNH', 'ĐĂNG KÝ KHAI SINH', 'Lĩnh vực: Hộ tịch', 'Mã thủ tục: 1.001193',
      vm.summary, vm.url, 'THỜI HẠN GIẢI QUYẾT', 'Ngay trong ngày làm việc', 'PHÍ, LỆ PHÍ',
      'Miễn lệ phí', 'Cần chuẩn bị', ...COMPONENTS]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('xem đầy đủ khi quét mã');

    const raster = await renderPage(doc, 1, 2);
    const qr = decodeQr(raster);
    expect(qr?.text).toBe(vm.url);
    // 9 cm with a 3-module quiet zone each side: a 33-module symbol is about 7.6 cm.
    expect(qr!.sizePt / CM).toBeGreaterThan(7);
  });

  it('stays on one page when the checklist is too long, pointing to the QR code', async () => {
    const components = Array.from({ length: 40 }, (_, i) => `${COMPONENTS[i % 3]} — bản số ${i + 1}`);
    const vm = buildPoster({
      name: 'Đăng ký lại khai sinh cho người đã có hồ sơ, giấy tờ cá nhân nhưng bản chính Giấy khai sinh bị mất, hư hỏng hoặc không còn lưu trữ được',
      summary: 'Dành cho người đã có hồ sơ, giấy tờ cá nhân. '.repeat(20),
      components,
    });
    const doc = await openPdf(await renderPosterPdf(vm));
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    expect(text).toContain('… xem đầy đủ khi quét mã');
    expect(text).toContain('bản số 1');
    expect(text).not.toContain('bản số 40');
    expect(text).toContain(vm.url);
  });
});

describe('renderPosterPdf by case', () => {
  it('keeps the case grouping: the general papers, then each case under its own heading', async () => {
    const vm = buildPoster({
      groups: [
        { title: 'Giấy tờ phải nộp', items: [COMPONENTS[1]!] },
        { title: 'Trường hợp: Trẻ bị bỏ rơi', items: ['Biên bản về việc trẻ bị bỏ rơi'] },
        { title: 'Trường hợp: Ủy quyền cho người khác đi đăng ký', items: ['Văn bản ủy quyền đăng ký khai sinh'] },
      ],
    });
    const [text] = await pageTexts(await openPdf(await renderPosterPdf(vm)));
    const at = (s: string) => text!.indexOf(s);
    for (const s of ['Giấy tờ phải nộp', 'Trường hợp: Trẻ bị bỏ rơi', 'Biên bản về việc trẻ bị bỏ rơi', 'Trường hợp: Ủy quyền cho người khác đi đăng ký', 'Văn bản ủy quyền']) {
      expect(at(s), s).toBeGreaterThanOrEqual(0);
    }
    expect(at('Giấy tờ phải nộp')).toBeLessThan(at('Bản chính Giấy chứng sinh'));
    expect(at('Bản chính Giấy chứng sinh')).toBeLessThan(at('Trường hợp: Trẻ bị bỏ rơi'));
    expect(at('Trường hợp: Trẻ bị bỏ rơi')).toBeLessThan(at('Biên bản về việc trẻ bị bỏ rơi'));
    expect(at('Biên bản về việc trẻ bị bỏ rơi')).toBeLessThan(at('Trường hợp: Ủy quyền'));
  });
});

describe('renderFormTemplatePdf', () => {
  const fields = ['Họ, chữ đệm, tên người yêu cầu', 'Nơi cư trú', 'Giấy tờ tùy thân', 'Quan hệ với người được khai sinh'];

  it('is a blank form with the national motto, fields to fill and the signature block', async () => {
    const pdf = await renderFormTemplatePdf(
      {
        // Decomposed input (as some keyboards and copy-pastes send it) still prints correctly.
        title: 'Tờ khai đăng ký khai sinh'.normalize('NFD'),
        source: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
        procedureName: 'Thủ tục đăng ký khai sinh',
        fields,
      },
      { creationDate: FIXED_DATE },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(1);
    const [text] = await pageTexts(doc);
    const expected = [
      'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Kính gửi:',
      ...fields.map((f) => `${f}:`),
      '……, ngày … tháng … năm ……',
      'NGƯỜI YÊU CẦU',
      '(Ký, ghi rõ họ tên)',
    ];
    expectInOrder(text!, expected);
    const info = await pdfInfo(doc);
    expect(info.Title).toBe('Tờ khai đăng ký khai sinh');
    expect(info.Language).toBe('vi');
  });

  it('flows long forms onto more pages and keeps the last field with the signature', async () => {
    const many = Array.from({ length: 45 }, (_, i) => `Thông tin mục ${i + 1}`);
    const doc = await openPdf(
      await renderFormTemplatePdf({ title: 'Tờ khai', source: '', procedureName: 'Thủ tục thử', fields: many }),
    );
    expect(doc.numPages).toBeGreaterThan(1);
    const pages = await pageTexts(doc);
    const last = pages[pages.length - 1]!;
    expect(last).toContain('Thông tin mục 45:');
    expect(last).toContain('NGƯỜI YÊU CẦU');
    expect(pages.join(' ').match(/Thông tin mục \d+:/g)).toHaveLength(45);
  });
});
