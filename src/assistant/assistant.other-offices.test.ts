import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { agencyOf } from './assistant.agency';
import { otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 19 (r4scope): a matter of an office the ward is not — a court, the conscription office, the
 * electricity company, customs, immigration… — is told so, with the office named, even when no
 * record of the catalogue is that office's; and a procedure of the ward sharing words with it is
 * not answered instead.
 */
describe('the office a question’s words give the matter to', () => {
  const office = (q: string) => otherOffice(q)?.office;

  it('reads a lawsuit, an appeal, a meter, a passport or a customs check, with or without marks', () => {
    expect(office('tôi định khởi kiện người hàng xóm chiếm lối đi')).toMatch(/Tòa án/);
    expect(office('thua kien muon khang cao thi nop don o dau')).toMatch(/Tòa án/);
    expect(office('nha tro can lap cong to dien rieng cho tung phong')).toMatch(/điện lực/);
    expect(office('lô hàng gửi từ Nhật bị hải quan giữ')).toMatch(/hải quan/);
    expect(office('làm lại hộ chiếu bị ướt hỏng')).toMatch(/xuất nhập cảnh/);
  });

  it('does not read a household moved in ("nhập khẩu"), a divorce already judged or a copied diploma as another office’s', () => {
    expect(otherOffice('muốn nhập khẩu cho vợ về nhà chồng')).toBeUndefined();
    expect(otherOffice('tòa xử ly hôn xong rồi, giờ tôi tách hộ ra ở riêng')).toBeUndefined();
    expect(otherOffice('sao y bằng tốt nghiệp đại học để nộp hồ sơ')).toBeUndefined();
  });

  it('names the tax office for a tax record that names no agency', () => {
    expect(agencyOf({ agency: 'Không có thông tin', steps: [], field: 'Thuế' })?.name).toMatch(/cơ quan thuế/);
    expect(agencyOf({ agency: '', steps: [], field: 'Hộ tịch' })).toBeUndefined();
  });
});

eachEngine('assistant: another office’s matter told and named (pass 19)', { at: '2026-12-06T23:30:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'oo');

  it('declines a lawsuit over an inheritance, and refuses or hands over a foreign husband’s residence card, naming the court and the immigration office', async () => {
    // Without the rule, the certification of an estate's division is answered.
    const suit = await ask('anh em không thống nhất chia di sản của cha, tôi muốn làm đơn khởi kiện chia thừa kế');
    expect(suit.decision).toBe('decline');
    expect(suit.answer).toMatch(/Tòa án nhân dân/);
    const card = await ask('ông xã em quốc tịch Canada, muốn làm thẻ tạm trú để ở với mẹ con em');
    expect(['decline', 'handoff']).toContain(card.decision);
    expect(card.answer).toMatch(/xuất nhập cảnh/);
  });

  it('names the electricity company when it declines or hands over a meter asked for', async () => {
    const r = await ask('xuong may nha toi can keo dien ba pha, lam don gui ai');
    expect(['decline', 'handoff']).toContain(r.decision);
    expect(r.answer).toMatch(/điện lực/);
  });

  it('still answers the ward’s own procedure beside a judged divorce or a household moved in', async () => {
    await expectAnswer([
      ['ly hôn xong, tòa đã xử, giờ tôi muốn tách hộ khẩu ra riêng', '1.010038'],
      ['mới cưới vợ, muốn làm thủ tục nhập khẩu cho vợ về nhà chồng', '1.004222'],
    ]);
  });

  it('declines a wedding’s customs asked, and still answers a couple married only by custom', async () => {
    expect((await ask('sắp đám cưới với anh người Nghệ An, phong tục bên nhà trai cần chuẩn bị gì')).decision).toBe('decline');
    await expectAnswer([['hai đứa ở với nhau theo phong tục mấy năm rồi, giờ muốn đăng ký kết hôn', '1.000894']]);
  });
});
