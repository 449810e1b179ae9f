import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it, vi } from 'vitest';
import { procedureSchema, type Procedure } from '../catalog';
import { chungThucCuTru } from '../catalog/demo/chung-thuc-cu-tru';
import { hoTich } from '../catalog/demo/ho-tich';
import { fixedClock } from '../shared/clock';
import {
  DEMO_EFORMS,
  EFormView,
  eformFor,
  eformSchema,
  fieldIdFromLabel,
  parseCccdQr,
  prefillValues,
  toJsonSchema,
  validateFormData,
  type EForm,
  type EFormInput,
  type FieldError,
} from './index';

// Ajv arrives with Fastify; used here only to prove the schema is real JSON Schema 2020-12.
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

const clock = fixedClock('2025-06-01T03:00:00Z'); // 10:00 in Vietnam
const validate = (form: EForm, data: unknown) => validateFormData(form, data, { clock });
const codes = (r: ReturnType<typeof validate>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

const demoProcedure = (code: string): Procedure => {
  const raw = [...hoTich, ...chungThucCuTru].find((p) => p.code === code);
  if (!raw) throw new Error(`no demo procedure ${code}`);
  return procedureSchema.parse(raw);
};

const KHAI_SINH = eformFor(demoProcedure('1.001193'));

const goodBirth = () => ({
  hoTenTre: '  Nguyễn   Minh An '.normalize('NFD'),
  ngaySinh: '15/03/2025',
  gioiTinh: 'nam',
  noiSinh: 'Bệnh viện Phụ sản Hà Nội, Phường Láng, Thành phố Hà Nội',
  queQuan: 'Xã Yên Lạc, tỉnh Phú Thọ',
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  hoTenMe: 'Lê Thị Mai',
  soDinhDanhMe: '001 196 012 345',
  hoTenCha: '',
  soDinhDanhCha: '',
  quanHe: 'me',
  soBanSao: '2',
  camDoan: 'true',
  ghiChu: '   ',
});

/** A small form with one field of each kind the demo forms lack. */
const CONTACT = eformSchema.parse({
  title: 'Thử',
  sections: [
    {
      title: 'Liên hệ',
      fields: [
        { id: 'dienThoai', label: 'Số điện thoại người thân', type: 'phone', required: false },
        { id: 'thuDienTu', label: 'Thư điện tử', type: 'email', required: false },
        { id: 'soGiayTo', label: 'Số giấy tờ', type: 'idNumber', required: false },
        { id: 'dienTich', label: 'Diện tích (m²)', type: 'number', required: false, min: 0.5 },
        { id: 'maHoSo', label: 'Mã hồ sơ cũ', type: 'text', required: false, pattern: '^H\\d{2}\\.\\d{2}-\\d{6}$', minLength: 3 },
      ],
    },
  ],
} satisfies EFormInput);

describe('toJsonSchema', () => {
  const schema = toJsonSchema(KHAI_SINH) as any;

  it('describes the birth registration formData as draft 2020-12 with required fields and enums', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual([
      'hoTenTre',
      'ngaySinh',
      'gioiTinh',
      'noiSinh',
      'queQuan',
      'danToc',
      'quocTich',
      'hoTenMe',
      'quanHe',
      'camDoan',
    ]);
    expect(schema.properties.gioiTinh).toMatchObject({ type: 'string', title: 'Giới tính', enum: ['nam', 'nu'] });
    expect(schema.properties.ngaySinh).toMatchObject({ type: 'string', format: 'date', title: 'Ngày sinh' });
    expect(schema.properties.danToc).toMatchObject({ type: 'string', default: 'Kinh', minLength: 1 });
    expect(schema.properties.soDinhDanhMe.pattern).toBe('^(?:\\d{12}|\\d{9})$');
    expect(schema.properties.soBanSao).toMatchObject({ type: 'integer', minimum: 0, maximum: 20 });
    expect(schema.properties.camDoan).toEqual({ title: 'Lời cam đoan', type: 'boolean', const: true });
    expect(Object.keys(schema.properties)).toContain('ghiChu');
  });

  it('is a schema a JSON Schema validator accepts, agreeing with validateFormData', () => {
    const check = ajv.compile(schema);
    const r = validate(KHAI_SINH, goodBirth());
    expect(r.ok).toBe(true);
    expect(check(r.ok ? r.value : null)).toBe(true);
    expect(check({ ...(r.ok ? r.value : {}), gioiTinh: 'khac' })).toBe(false);
    expect(check({ ...(r.ok ? r.value : {}), bienLai: 'x' })).toBe(false);
    expect(check({ ...(r.ok ? r.value : {}), ngaySinh: '15/03/2025' })).toBe(false);
    for (const form of Object.values(DEMO_EFORMS)) expect(() => ajv.compile(toJsonSchema(form))).not.toThrow();
    expect(ajv.compile(toJsonSchema(CONTACT))({ dienThoai: '0912 345 678' })).toBe(false);
    expect(ajv.compile(toJsonSchema(CONTACT))({ dienThoai: '0912345678' })).toBe(true);
  });
});

describe('validateFormData', () => {
  it('normalises a good birth registration: NFC, trimmed, dates ISO, numbers and booleans coerced', () => {
    const r = validate(KHAI_SINH, goodBirth());
    expect(r).toEqual({
      ok: true,
      value: {
        hoTenTre: 'Nguyễn Minh An',
        ngaySinh: '2025-03-15',
        gioiTinh: 'nam',
        noiSinh: 'Bệnh viện Phụ sản Hà Nội, Phường Láng, Thành phố Hà Nội',
        queQuan: 'Xã Yên Lạc, tỉnh Phú Thọ',
        danToc: 'Kinh',
        quocTich: 'Việt Nam',
        hoTenMe: 'Lê Thị Mai',
        soDinhDanhMe: '001196012345',
        quanHe: 'me',
        soBanSao: 2,
        camDoan: true,
      },
    });
    expect(r.ok && (r.value.hoTenTre as string)).toBe('Nguyễn Minh An'.normalize('NFC'));
    // JSON clients may send real types and ISO dates.
    const json = validate(KHAI_SINH, { ...goodBirth(), ngaySinh: '2025-03-15', soBanSao: 0, camDoan: true });
    expect(json.ok && [json.value.ngaySinh, json.value.soBanSao, json.value.camDoan]).toEqual(['2025-03-15', 0, true]);
  });

  it('reports every problem at once, in form order, with Vietnamese messages naming the field', () => {
    const r = validate(KHAI_SINH, {
      ...goodBirth(),
      hoTenTre: ' ',
      ngaySinh: '30/02/2025',
      gioiTinh: 'khac',
      hoTenMe: undefined,
      soDinhDanhMe: '12345',
      soBanSao: '-1',
      camDoan: undefined,
      bienLai: '123',
    });
    expect(codes(r)).toEqual([
      'hoTenTre:required',
      'ngaySinh:invalid_date',
      'gioiTinh:invalid_option',
      'hoTenMe:required',
      'soDinhDanhMe:invalid_id',
      'soBanSao:too_small',
      'camDoan:required',
      'bienLai:unknown_field',
    ]);
    const messages = Object.fromEntries((r.ok ? [] : r.errors).map((e) => [e.field, e.message]));
    expect(messages).toEqual({
      hoTenTre: 'Họ, chữ đệm và tên của trẻ là bắt buộc.',
      ngaySinh: 'Ngày sinh không phải là ngày có thật.',
      gioiTinh: 'Lựa chọn cho “Giới tính” không có trong danh sách.',
      hoTenMe: 'Họ, chữ đệm và tên người mẹ là bắt buộc.',
      soDinhDanhMe: 'Số định danh cá nhân của người mẹ phải gồm 12 chữ số (căn cước) hoặc 9 chữ số (chứng minh nhân dân cũ).',
      soBanSao: 'Số bản sao Giấy khai sinh đề nghị cấp phải từ 0 trở lên.',
      camDoan: 'Bạn cần đánh dấu xác nhận “Lời cam đoan”.',
      bienLai: 'Trường “bienLai” không có trong biểu mẫu.',
    });
  });

  it('accepts dates typed dd/mm/yyyy or yyyy-mm-dd and rejects other shapes and future births', () => {
    const birth = (ngaySinh: string) => validate(KHAI_SINH, { ...goodBirth(), ngaySinh });
    expect(birth('5/3/2025').ok && (birth('5/3/2025') as any).value.ngaySinh).toBe('2025-03-05');
    expect(birth('2025-03-05').ok).toBe(true);
    for (const bad of ['2025/03/05', '05-03-25', '5 tháng 3 2025', '20250305']) {
      const r = birth(bad);
      expect(r.ok ? [] : r.errors).toEqual([{ field: 'ngaySinh', code: 'invalid_format', message: 'Ngày sinh phải có dạng dd/mm/yyyy.' }]);
    }
    expect(codes(birth('29/02/2023'))).toEqual(['ngaySinh:invalid_date']);
    expect(birth('29/02/2024').ok).toBe(true);
    // Today is 01/06/2025 in Vietnam.
    expect(birth('01/06/2025').ok).toBe(true);
    const tomorrow = birth('02/06/2025');
    expect(tomorrow.ok ? [] : tomorrow.errors).toEqual([
      { field: 'ngaySinh', code: 'date_too_late', message: 'Ngày sinh không được sau hôm nay.' },
    ]);
  });

  it('takes "today" in Vietnam time, not UTC', () => {
    // 18:30 UTC on 31 May is 01:30 on 1 June in Hà Nội.
    const lateEvening = fixedClock('2025-05-31T18:30:00Z');
    expect(validateFormData(KHAI_SINH, { ...goodBirth(), ngaySinh: '01/06/2025' }, { clock: lateEvening }).ok).toBe(true);
    const early = fixedClock('2025-05-31T16:30:00Z'); // 23:30 on 31 May in Hà Nội
    expect(validateFormData(KHAI_SINH, { ...goodBirth(), ngaySinh: '01/06/2025' }, { clock: early }).ok).toBe(false);
  });

  it('coerces numbers from form posts and checks their bounds', () => {
    const copy = eformFor(demoProcedure('2.000815'));
    const post = { tenGiayTo: 'Bằng tốt nghiệp trung học phổ thông', soGiayTo: '1', soTrang: ' 2 ', soBan: '3' };
    expect(validate(copy, post)).toEqual({
      ok: true,
      value: { tenGiayTo: 'Bằng tốt nghiệp trung học phổ thông', soGiayTo: 1, soTrang: 2, soBan: 3 },
    });
    const r = validate(copy, { ...post, soGiayTo: '0', soTrang: 'hai', soBan: '1,5' });
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'soGiayTo', code: 'too_small', message: 'Số giấy tờ (bản chính) mang đến phải từ 1 trở lên.' },
      { field: 'soTrang', code: 'not_a_number', message: 'Tổng số trang của các bản chính phải là một số.' },
      { field: 'soBan', code: 'not_integer', message: 'Số bản sao cần chứng thực cho mỗi giấy tờ phải là số nguyên.' },
    ]);
    expect(codes(validate(copy, { ...post, soTrang: '2001' }))).toEqual(['soTrang:too_big']);
    expect(codes(validate(copy, { ...post, soTrang: Number.NaN }))).toEqual(['soTrang:not_a_number']);
    // Decimal comma where decimals are allowed.
    expect(validate(CONTACT, { dienTich: '12,5' })).toEqual({ ok: true, value: { dienTich: 12.5 } });
  });

  it('normalises phone numbers and ID numbers, checks e-mail, patterns and lengths', () => {
    expect(validate(CONTACT, { dienThoai: '090 123 4567', soGiayTo: '001.099.012.345', thuDienTu: ' an@example.vn ' })).toEqual({
      ok: true,
      value: { dienThoai: '0901234567', soGiayTo: '001099012345', thuDienTu: 'an@example.vn' },
    });
    expect(validate(CONTACT, { dienThoai: '+84 24 3825 1234' }).ok).toBe(true);
    expect(validate(CONTACT, { dienThoai: '(0203) 382 1234' }).ok).toBe(true);
    expect(validate(CONTACT, { soGiayTo: '123456789' }).ok).toBe(true);
    const r = validate(CONTACT, { dienThoai: '0123456789', thuDienTu: 'an@', soGiayTo: '100099012345', maHoSo: 'H01-12' });
    expect(codes(r)).toEqual(['dienThoai:invalid_phone', 'thuDienTu:invalid_email', 'soGiayTo:invalid_province', 'maHoSo:pattern']);
    expect(!r.ok && r.errors[2]!.message).toBe('Số giấy tờ: 3 chữ số đầu (100) không phải mã tỉnh, thành phố hợp lệ.');
    expect(codes(validate(CONTACT, { maHoSo: 'H0' }))).toEqual(['maHoSo:too_short']);
    expect(validate(CONTACT, { maHoSo: 'H01.01-250701' }).ok).toBe(true);
    // Text fields have a cap even when the form sets none.
    expect(codes(validate(KHAI_SINH, { ...goodBirth(), queQuan: 'x'.repeat(201) }))).toEqual(['queQuan:too_long']);
  });

  it('rejects data that is not one flat object of single values', () => {
    for (const bad of [null, 'hoTenTre=An', [goodBirth()]]) {
      expect(codes(validate(KHAI_SINH, bad))).toEqual([':invalid_type']);
    }
    expect(codes(validate(KHAI_SINH, { ...goodBirth(), gioiTinh: ['nam', 'nu'] }))).toEqual(['gioiTinh:invalid_type']);
    expect(codes(validate(KHAI_SINH, { ...goodBirth(), hoTenTre: { first: 'An' } }))).toEqual(['hoTenTre:invalid_type']);
    expect(codes(validate(KHAI_SINH, { ...goodBirth(), camDoan: 'maybe' }))).toEqual(['camDoan:invalid_type']);
  });

  it('reads only the object own keys (a field named like an Object.prototype member stays missing)', () => {
    const form = eformSchema.parse({
      title: 'Thử',
      sections: [{ title: 'A', fields: [{ id: 'constructor', label: 'Người lập', type: 'text', required: true }] }],
    });
    expect(codes(validate(form, {}))).toEqual(['constructor:required']);
    expect(validate(form, JSON.parse('{"constructor":"An","__proto__":"x"}'))).toEqual({
      ok: false,
      errors: [{ field: '__proto__', code: 'unknown_field', message: 'Trường “__proto__” không có trong biểu mẫu.' }],
    });
  });
});

describe('eformFor', () => {
  it('returns the explicit form for a demo code, as a copy callers may change', () => {
    const a = eformFor(demoProcedure('1.001193'));
    expect(a.title).toBe('Tờ khai đăng ký khai sinh');
    a.sections[0]!.fields[0]!.label = 'đã sửa';
    expect(eformFor(demoProcedure('1.001193')).sections[0]!.fields[0]!.label).toBe('Họ, chữ đệm và tên của trẻ');
  });

  it('derives a procedure\'s form once (per procedure object), each caller getting its own copy', () => {
    const p = demoProcedure('2.000635'); // no explicit e-form: derived through the schema's parser
    const parse = vi.spyOn(eformSchema, 'parse');
    try {
      const a = eformFor(p);
      a.sections[0]!.fields[0]!.label = 'đã sửa';
      const b = eformFor(p);
      expect(b.sections[0]!.fields[0]!.label).toBe('Quan hệ với người được cấp bản sao');
      expect(b).not.toBe(a);
      expect(parse).toHaveBeenCalledTimes(1);
      // A changed catalogue hands out new procedure objects: their form is derived again.
      const renamed = { ...p, forms: [{ ...p.forms[0]!, title: 'Tờ khai mới' }] };
      expect(eformFor(renamed).title).toBe('Tờ khai mới');
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('derives a form from the first paper form: text fields, no requester identity or signature, Ghi chú last', () => {
    const p = demoProcedure('2.000635'); // cấp bản sao trích lục hộ tịch: no explicit e-form
    expect(Object.hasOwn(DEMO_EFORMS, p.code)).toBe(false);
    const form = eformFor(p);
    expect(form.title).toBe('Tờ khai đề nghị cấp bản sao trích lục hộ tịch');
    const fields = form.sections.flatMap((s) => s.fields);
    expect(fields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['quanHeVoiNguoiDuocCapBanSao', 'text', true],
      ['loaiViecHoTichCanBanSaoKhaiSinhKetHon', 'text', true],
      ['hoChuDemTenNguoiCoSuKienHoTich', 'text', true],
      ['ngayThangNamSinhGioiTinh', 'text', true],
      ['soDinhDanhCaNhanNeuCo', 'text', false],
      ['coQuanDaDangKySoQuyenNgayDangKyNeuBiet', 'text', false],
      ['soLuongBanSaoDeNghiCap', 'text', true],
      ['mucDichSuDung', 'text', true],
      ['ghiChu', 'textarea', false],
    ]);
    expect(fields[0]!.label).toBe('Quan hệ với người được cấp bản sao');
    const schema = toJsonSchema(form) as any;
    expect(schema.required).not.toContain('ghiChu');
    expect(validate(form, { quanHeVoiNguoiDuocCapBanSao: 'Bản thân' }).ok).toBe(false);
  });

  it('leaves out the lines the applicant block already holds and makes ids unique', () => {
    const form = eformFor({
      code: '9.999001',
      name: 'Thủ tục thử',
      forms: [
        {
          id: 'to-khai-thu',
          title: 'Tờ khai thử',
          source: '',
          fields: [
            'Kính gửi (cơ quan đăng ký cư trú)',
            'Họ, chữ đệm và tên',
            'Ngày, tháng, năm sinh',
            'Giới tính',
            'Số định danh cá nhân',
            'Số điện thoại liên hệ, email',
            'Họ, chữ đệm, tên; số định danh cá nhân hoặc giấy tờ tùy thân; nơi cư trú của người yêu cầu',
            'Nội dung đề nghị',
            'Nội dung đề nghị.',
            'Ghi chú',
            'Người kê khai ký, ghi rõ họ tên',
          ],
        },
      ],
    });
    expect(form.sections.flatMap((s) => s.fields).map((f) => f.id)).toEqual(['noiDungDeNghi', 'noiDungDeNghi2', 'ghiChu2', 'ghiChu']);
  });

  it('falls back to a single "Nội dung yêu cầu" when there is no paper form', () => {
    const form = eformFor({ code: '9.999002', name: 'Thủ tục không có mẫu', forms: [] });
    expect(form.title).toBe('Thủ tục không có mẫu');
    expect(form.sections.flatMap((s) => s.fields).map((f) => [f.id, f.label, f.type, f.required])).toEqual([
      ['noiDungYeuCau', 'Nội dung yêu cầu', 'textarea', true],
      ['ghiChu', 'Ghi chú', 'textarea', false],
    ]);
    expect(codes(validate(form, {}))).toEqual(['noiDungYeuCau:required']);
  });

  it('makes camelCase ASCII ids from Vietnamese labels', () => {
    expect(fieldIdFromLabel('Quan hệ với người được khai sinh')).toBe('quanHeVoiNguoiDuocKhaiSinh');
    expect(fieldIdFromLabel('Đơn vị đăng ký')).toBe('donViDangKy');
    expect(fieldIdFromLabel('3 tháng gần nhất')).toBe('f3ThangGanNhat');
    expect(fieldIdFromLabel('…')).toBe('truong');
  });
});

describe('demo e-forms', () => {
  const catalogue = new Set([...hoTich, ...chungThucCuTru].map((p) => p.code));

  it('cover the most used procedures of the demo catalogue, each ending with Ghi chú', () => {
    expect(Object.keys(DEMO_EFORMS).sort()).toEqual(
      ['1.000656', '1.000894', '1.001193', '1.004194', '1.004222', '1.004873', '2.000815'].sort(),
    );
    for (const [code, form] of Object.entries(DEMO_EFORMS)) {
      expect(catalogue.has(code)).toBe(true);
      expect(eformSchema.safeParse(form).success).toBe(true);
      expect(form.sections.at(-1)!.fields.at(-1)!.id).toBe('ghiChu');
    }
  });

  it('ask for both parties of a marriage and their confirmation of marital status', () => {
    const schema = toJsonSchema(DEMO_EFORMS['1.000894']!) as any;
    for (const id of ['hoTenNu', 'ngaySinhNu', 'soDinhDanhNu', 'noiCuTruNu', 'hoTenNam', 'ngaySinhNam', 'soDinhDanhNam', 'noiCuTruNam']) {
      expect(schema.required).toContain(id);
    }
    expect(schema.properties.camDoanTinhTrangHonNhan).toMatchObject({ type: 'boolean', const: true });
  });

  it('offer purposes for the marital status certificate as a closed list', () => {
    const schema = toJsonSchema(DEMO_EFORMS['1.004873']!) as any;
    expect(schema.properties.mucDich.enum).toContain('ket-hon');
    expect(schema.required).toContain('mucDich');
  });
});

describe('prefillValues', () => {
  it('fills the subject of a request from a scanned ID card, leaving typed values alone', () => {
    const card = parseCccdQr(
      '001199012345|123456789|Nguyễn Thị Thu Hà|15081999|Nữ|Số 12 ngõ 34 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội|20042021',
      { clock },
    );
    expect(card.ok).toBe(true);
    if (!card.ok) return;
    const form = DEMO_EFORMS['1.004873']!;
    const values = prefillValues(form, card.value, { noiCuTru: 'Thôn Đông, xã Yên Lạc, tỉnh Phú Thọ' });
    expect(values).toEqual({
      hoTen: 'Nguyễn Thị Thu Hà',
      ngaySinh: '1999-08-15',
      gioiTinh: 'nu',
      soDinhDanh: '001199012345',
      noiCuTru: 'Thôn Đông, xã Yên Lạc, tỉnh Phú Thọ',
    });
    // The child's name on a birth registration is never taken from the applicant.
    expect(prefillValues(KHAI_SINH, card.value)).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

type Attrs = Record<string, string>;

/** Start tags of one element name with their attributes (values may hold '>', never '"'). */
function tags(html: string, name: string): Attrs[] {
  const out: Attrs[] = [];
  for (const m of html.matchAll(new RegExp(`<${name}\\b((?:[^>"]|"[^"]*")*)>`, 'g'))) {
    const attrs: Attrs = {};
    for (const a of m[1]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    out.push(attrs);
  }
  return out;
}

function render(form: EForm, values: Record<string, unknown>, errors: FieldError[], idPrefix?: string): string {
  return renderToString(h(EFormView, { eform: form, values, errors, ...(idPrefix ? { idPrefix } : {}) }));
}

/** Text between the start tag carrying id="…" and the next closing tag of that element. */
function elementText(html: string, id: string, name: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at).toBeGreaterThan(-1);
  const start = html.indexOf('>', at) + 1;
  return html.slice(start, html.indexOf(`</${name}>`, start)).replace(/<[^>]*>/g, '');
}

describe('EFormView', () => {
  it('binds every label to exactly one control and every control to a label or a legend', () => {
    for (const form of Object.values(DEMO_EFORMS)) {
      const html = render(form, {}, []);
      const controls = [...tags(html, 'input'), ...tags(html, 'select'), ...tags(html, 'textarea')];
      const ids = controls.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      const labelled = tags(html, 'label').map((l) => l.for);
      for (const f of labelled) expect(ids.filter((id) => id === f)).toHaveLength(1);
      expect(controls.every((c) => labelled.includes(c.id!))).toBe(true);
      expect(controls.map((c) => c.name).filter((n, i, a) => a.indexOf(n) === i).sort()).toEqual(
        form.sections.flatMap((s) => s.fields.map((f) => f.id)).sort(),
      );
    }
  });

  it('marks required fields in words and shows defaults, hints and the right input kinds', () => {
    const html = render(KHAI_SINH, {}, []);
    const label = (id: string) => {
      const i = html.indexOf(`<label for="ef-${id}">`);
      return html.slice(i, html.indexOf('</label>', i)).replace(/<[^>]*>/g, '');
    };
    expect(label('hoTenTre')).toBe('Họ, chữ đệm và tên của trẻ (bắt buộc)');
    expect(label('hoTenCha')).toBe('Họ, chữ đệm và tên người cha');
    const input = (id: string) => [...tags(html, 'input'), ...tags(html, 'select'), ...tags(html, 'textarea')].find((t) => t.id === `ef-${id}`)!;
    expect(input('hoTenTre')).toMatchObject({ type: 'text', autocomplete: 'off', name: 'hoTenTre' });
    expect('required' in input('hoTenTre')).toBe(true);
    expect('required' in input('hoTenCha')).toBe(false);
    expect(input('ngaySinh').type).toBe('date');
    expect(input('danToc').value).toBe('Kinh');
    expect(input('quocTich').value).toBe('Việt Nam');
    expect(input('soDinhDanhMe')).toMatchObject({ type: 'text', inputmode: 'numeric' });
    expect(input('soBanSao')).toMatchObject({ inputmode: 'numeric', value: '0' });
    expect(input('camDoan')).toMatchObject({ type: 'checkbox', value: 'true' });
    // The hint is what the field's aria-describedby points to.
    expect(input('ngaySinh')['aria-describedby']).toBe('ef-ngaySinh-goi-y');
    expect(elementText(html, 'ef-ngaySinh-goi-y', 'p')).toBe('Theo Giấy chứng sinh, ví dụ 15/03/2025.');
    // The confirmation box sits in a fieldset whose legend is the question.
    expect(html).toMatch(/<fieldset[^>]*><legend>Lời cam đoan<span class="req"> \(bắt buộc\)<\/span><\/legend>/);
  });

  it('shows an error summary linking to each field, and ties each error to its field', () => {
    const post = { ...goodBirth(), hoTenTre: '', ngaySinh: '02/06/2025', camDoan: undefined, bienLai: 'x' };
    const r = validate(KHAI_SINH, post);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const html = render(KHAI_SINH, post, errors);

    const summary = tags(html, 'div').find((d) => d.class === 'error-summary')!;
    expect(summary.role).toBe('alert');
    expect(html.indexOf('class="error-summary"')).toBeLessThan(html.indexOf('<section'));
    expect(elementText(html, summary['aria-labelledby']!, 'h2')).toBe('Biểu mẫu có 4 chỗ cần sửa');
    const links = tags(html, 'a').map((a) => a.href);
    expect(links).toEqual(['#ef-hoTenTre', '#ef-ngaySinh', '#ef-camDoan']);
    expect(html).toContain('<li>Trường “bienLai” không có trong biểu mẫu.</li>');

    const controls = [...tags(html, 'input'), ...tags(html, 'select')];
    for (const [id, message] of [
      ['hoTenTre', 'Họ, chữ đệm và tên của trẻ là bắt buộc.'],
      ['ngaySinh', 'Ngày sinh không được sau hôm nay.'],
      ['camDoan', 'Bạn cần đánh dấu xác nhận “Lời cam đoan”.'],
    ] as const) {
      const target = controls.find((c) => c.id === `ef-${id}`)!;
      expect(target['aria-invalid']).toBe('true');
      expect(html).toContain(`<a href="#ef-${id}">${message}</a>`);
      const describedBy = id === 'camDoan' ? tags(html, 'fieldset')[0]!['aria-describedby']! : target['aria-describedby']!;
      const errorId = describedBy.split(' ').find((d) => d.endsWith('-loi'))!;
      expect(elementText(html, errorId, 'p')).toBe(`Lỗi: ${message}`);
    }
    expect(controls.find((c) => c.id === 'ef-hoTenMe')!['aria-invalid']).toBeUndefined();
    // The re-posted values stay in the form; dd/mm/yyyy becomes what <input type="date"> shows.
    expect(controls.find((c) => c.id === 'ef-ngaySinh')!.value).toBe('2025-06-02');
    expect(controls.find((c) => c.id === 'ef-hoTenMe')!.value).toBe('Lê Thị Mai');
  });

  it('puts radio choices in a fieldset with a legend; the summary links to the first choice', () => {
    const form = DEMO_EFORMS['1.004873']!;
    const html = render(form, { quanHe: 'uy-quyen' }, [{ field: 'truongHop', code: 'x', message: 'y' }]);
    expect(html).toMatch(/<fieldset[^>]*><legend>Tư cách người nộp hồ sơ<span class="req"> \(bắt buộc\)<\/span><\/legend>/);
    const radios = tags(html, 'input').filter((i) => i.type === 'radio');
    expect(radios.map((r) => [r.id, r.name, r.value, 'checked' in r])).toEqual([
      ['ef-quanHe', 'quanHe', 'ban-than', false],
      ['ef-quanHe-2', 'quanHe', 'uy-quyen', true],
    ]);
    const err = render(form, {}, [{ field: 'quanHe', code: 'required', message: 'Tư cách người nộp hồ sơ là bắt buộc.' }]);
    expect(err).toContain('<a href="#ef-quanHe">');
    expect(tags(err, 'fieldset')[0]!['aria-describedby']).toBe('ef-quanHe-loi');
  });

  it('escapes what people type and honours the id prefix', () => {
    const html = render(
      KHAI_SINH,
      { hoTenTre: '<script>alert("x")</script>', ghiChu: '</textarea><img src=x onerror=alert(1)>' },
      [{ field: 'hoTenTre', code: 'x', message: '<b>lỗi</b>' }],
      'ks-',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script>');
    expect(tags(html, 'input').every((i) => i.id!.startsWith('ks-'))).toBe(true);
    expect(html).toContain('href="#ks-hoTenTre"');
  });
});
