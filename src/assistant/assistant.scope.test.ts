import { describe, expect, it } from 'vitest';
import { procedureSchema, type ProcedureInput } from '../catalog';
import { eachEngine } from '../shared/suite.testing';
import { doneAtCommune } from './assistant.scope';

/** What the ward does itself, as the national record says (levels, name, executing agency). */
describe('doneAtCommune', () => {
  it('a commune-level record of the commune’s bodies, or with no agency said, is the ward’s', () => {
    expect(doneAtCommune({ name: 'Thủ tục đăng ký khai sinh', field: '', levels: ['Cấp xã'], agency: 'Ủy ban nhân dân cấp xã' })).toBe(true);
    expect(doneAtCommune({ name: 'Cấp lại giấy phép xây dựng', field: '', levels: ['Cấp xã', 'Cơ quan khác'], agency: '' })).toBe(true);
    expect(doneAtCommune({ name: 'Đăng ký sang tên xe', field: '', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: 'Công an cấp Xã, Cục cảnh sát giao thông, Công an tỉnh' })).toBe(true);
    // A name listing the levels, the commune among them: the commune police register motorbikes.
    expect(doneAtCommune({ name: 'Đăng ký xe tạm thời (thực hiện tại cấp trung ương, cấp tỉnh, cấp xã)', field: '', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: 'Công an cấp xã, Công an tỉnh' })).toBe(true);
    // Social insurance's allowances are asked at the ward, which passes the papers on.
    expect(doneAtCommune({ name: 'Giải quyết hưởng bảo hiểm xã hội một lần', field: '', levels: ['Cấp tỉnh', 'Cấp xã'], agency: 'Bảo hiểm xã hội cấp Tỉnh, Bảo hiểm xã hội cấp huyện' })).toBe(true);
  });

  it('another level’s record, or one only the tax, customs, treasury or court offices do, is not', () => {
    expect(doneAtCommune({ name: 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', field: '', levels: ['Cấp xã'], agency: 'Công an cấp Tỉnh' })).toBe(false);
    expect(doneAtCommune({ name: 'Cấp giấy phép lái xe', field: '', levels: ['Cấp bộ'], agency: 'Cục cảnh sát giao thông' })).toBe(false);
    expect(doneAtCommune({ name: 'Hoàn thuế thu nhập cá nhân', field: '', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: 'Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở' })).toBe(false);
    expect(doneAtCommune({ name: 'Thủ tục hải quan hàng hóa là tài sản di chuyển', field: '', levels: ['Cấp xã'], agency: 'Chi cục Hải quan khu vực' })).toBe(false);
    // A tax record that names no agency is still the tax office's.
    expect(doneAtCommune({ name: 'Quyết toán thuế thu nhập cá nhân đối với hộ kinh doanh', field: 'Thuế', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: '' })).toBe(false);
    expect(doneAtCommune({ name: 'Đối chiếu số dư tài khoản tại KBNN', field: '', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: 'Kho bạc nhà nước các cấp' })).toBe(false);
  });
});

// A tax office's record that the national catalogue lists at commune level too (in our words),
// beside the ward's electronic identification.
const TAX: ProcedureInput = {
  code: '2.002233',
  name: 'Khai quyết toán thuế thu nhập cá nhân đối với cá nhân cư trú có thu nhập từ tiền lương, tiền công',
  field: 'Thuế',
  levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'],
  agency: 'Thuế tỉnh, thành phố, Thuế cơ sở',
};
const VNEID: ProcedureInput = {
  code: '3.000228',
  name: 'Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam',
  field: 'Định danh và xác thực điện tử',
  levels: ['Cấp xã'],
  agency: 'Công an cấp xã',
};

eachEngine('assistant: a procedure only another branch’s office does', { at: '2026-11-30T02:00:00Z' }, (t) => {
  let n = 0;
  const ask = (question: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: `scope-${n++}` });

  it('is said to be done at that office, not answered as the ward’s; the ward’s own is still answered', async () => {
    await t.env.services.catalog.upsertProcedures([TAX, VNEID].map((p) => procedureSchema.parse(p)), 'national', { attachTo: '00004' });
    const tax = await ask('quyết toán thuế thu nhập cá nhân từ tiền lương nộp ở đâu');
    expect([tax.decision, tax.procedures]).toEqual(['elsewhere', []]);
    expect(tax.lines.join('\n')).toContain('không giải quyết tại Phường Ba Đình');
    expect(tax.lines.join('\n')).toContain('Thuế cơ sở');
    // The tax office's too when the record names no agency, by its field.
    const shop: ProcedureInput = { code: '1.014976', name: 'Quyết toán thuế thu nhập cá nhân đối với hộ kinh doanh, cá nhân kinh doanh', field: 'Thuế', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], agency: '' };
    await t.env.services.catalog.upsertProcedures([procedureSchema.parse(shop)], 'national', { attachTo: '00004' });
    const own = await ask('quyết toán thuế cho hộ kinh doanh cá nhân kinh doanh');
    expect([own.decision, own.procedures]).toEqual(['elsewhere', []]);
    // A near miss: the tax is the reason, the procedure is the ward's.
    const id = await ask('kích hoạt định danh điện tử mức 2 để nộp thuế online');
    expect([id.decision, id.procedures[0]?.code]).toEqual(['answer', '3.000228']);
  });

  it('tells where another level’s procedure is done when the question says more than its name', async () => {
    const passport: ProcedureInput = {
      code: '1.001456',
      name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
      field: 'Quản lý xuất nhập cảnh',
      levels: ['Cấp tỉnh'],
      agency: 'Công an cấp Tỉnh',
    };
    // The same procedure at the ministry: two records close to each other, none far ahead.
    const central: ProcedureInput = { ...passport, code: '1.001471', name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)', levels: ['Cấp bộ'], agency: 'Cục Quản lý xuất nhập cảnh' };
    await t.env.services.catalog.upsertProcedures([passport, central].map((p) => procedureSchema.parse(p)), 'national', { attachTo: '00004' });
    const trip = await ask('làm hộ chiếu cho cả nhà đi nhật');
    expect([trip.decision, trip.procedures]).toEqual(['elsewhere', []]);
    expect(trip.lines.join('\n')).toContain('Công an cấp Tỉnh');
    expect(trip.lines.join('\n')).toContain('Cục Quản lý xuất nhập cảnh');
    // Everyday life alone is still declined.
    expect((await ask('đi nhật mùa nào đẹp')).decision).toBe('decline');
  });
});
