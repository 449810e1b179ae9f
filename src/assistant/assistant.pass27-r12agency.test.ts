import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { aboutOffice, otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 27 (r12agency): other agencies' matters a fresh probe asked (out-of-scope-27) in the fields
 * the earlier sets covered least — the province's land and buildings, labour, health, culture,
 * industry and trade, education, the police's seals and fireworks, notaries, banks, tax, customs,
 * embassies — and the ward's own records told beside the same words, which stay.
 */
describe('other agencies’ matters in the words of out-of-scope-27', () => {
  const sure = (q: string) => otherOffice(q, true)?.office;

  it('names the province’s departments for what they decide', () => {
    expect(sure('bảng giá đất năm nay chỗ tôi bao nhiêu một mét vuông, muốn xem thì hỏi cơ quan nào')).toMatch(/Ủy ban nhân dân cấp tỉnh/);
    expect(sure('cty bất động sản xin chuyển 3 ha đất lúa sang làm khu dân cư thì trình hồ sơ lên đâu')).toMatch(/Ủy ban nhân dân cấp tỉnh/);
    expect(sure('bệnh viện tư xây mới khối nhà 9 tầng, giấy phép xây dựng do ai cấp')).toBe('Sở Xây dựng');
    expect(sure('chủ xưởng giữ lương của anh em thợ hồ mấy tháng liền, giờ đi thưa ở cơ quan nào')).toMatch(/Sở Nội vụ/);
    expect(sure('tranh chấp hợp đồng lao động với chủ xưởng may thì ai hòa giải cho')).toMatch(/hòa giải viên lao động/);
    expect(sure('con gái học nha sĩ ra muốn mở phòng răng riêng thì phải có giấy phép của ai')).toBe('Sở Y tế');
    expect(sure('tỉnh tổ chức cuộc thi người đẹp, muốn xin phép tổ chức thi hoa hậu thì nộp hồ sơ ở đâu')).toMatch(/Sở Văn hóa/);
    expect(sure('cửa hàng bán gas bình muốn xin giấy chứng nhận đủ điều kiện kinh doanh khí thì lên đâu')).toBe('Sở Công Thương');
    expect(sure('bằng tốt nghiệp cấp 3 bị ghi sai tên đệm, muốn chỉnh sửa văn bằng thì đến đâu')).toMatch(/Sở Giáo dục/);
  });

  it('names the police, the province’s chairman, the banks, tax, customs and the embassy', () => {
    expect(sure('hội từ thiện của tỉnh muốn khắc dấu và đăng ký mẫu con dấu thì làm ở đâu')).toMatch(/Cảnh sát quản lý hành chính/);
    expect(sure('đám cưới con trai muốn bắn pháo hoa nổ cho vui thì xin phép ai')).toMatch(/Ủy ban nhân dân cấp tỉnh/);
    expect(sure('con muốn vay vốn sinh viên để đóng học phí đại học thì làm ở đâu')).toMatch(/Ngân hàng Chính sách xã hội/);
    expect(sure('mở tiệm tạp hóa nhỏ doanh thu 200 triệu một năm có phải đóng thuế không, hỏi ai')).toMatch(/cơ quan thuế/);
    expect(sure('mang 20 nghìn đô từ nước ngoài về có phải khai báo với ai không')).toMatch(/hải quan/);
    expect(sure('đang ở Nhật thì bị mất hộ chiếu, làm lại ở đâu để về nước')).toMatch(/Đại sứ quán/);
    expect(sure('mua phải mỹ phẩm giả trên mạng, tố cáo cho bên nào xử lý')).toMatch(/Quản lý thị trường/);
  });

  it('leaves the ward’s records told beside those words to the ward', () => {
    // wages owed told as why one moved, a tax to be rid of by closing, a shop adding gas, a loan's
    // paper, an assessment told as done, a foreign paper a marriage needs, a price fixed by contract
    expect(sure('em bị công ty nợ lương nên phải nghỉ, giờ về quê, muốn xóa tạm trú ở chỗ trọ cũ')).toBeUndefined();
    expect(sure('tiệm tạp hóa của mẹ tôi đóng cửa vì mẹ già yếu, muốn ngừng hẳn để không phải đóng thuế khoán')).toBeUndefined();
    expect(sure('Tiệm tạp hóa của tôi đã có giấy đăng ký hộ kinh doanh, giờ chuyển sang địa chỉ khác cùng phường và thêm bán gas. Có phải làm lại giấy không?')).toBeUndefined();
    expect(sure('XN TTHN de vay von ngan hang chinh sach')).toBeUndefined();
    expect(sure('bi benh nghe nghiep lan dau, giam dinh suy giam 40 phan tram, huong tro cap')).toBeUndefined();
    expect(sure('e cưới ở Nhật r, về VN phải làm ghi chú kết hôn ở đâu, cần hợp pháp hóa lãnh sự ko')).toBeUndefined();
    expect(sure('phụ lục sửa giá trong hợp đồng đã chứng thực ở xã')).toBeUndefined();
    expect(sure('bé sinh ở Mỹ đã có giấy khai sinh bên đó, về Việt Nam ghi vào sổ hộ tịch')).toBeUndefined();
    // a course in handling fireworks is the police's own record, not the permission to fire them
    expect(sure('muốn học an toàn sử dụng pháo hoa để tổ chức bắn pháo hoa')).toBeUndefined();
  });

  it('reads a school in a record’s name, not “trường hợp”', () => {
    const school = otherOffice('xin phúc khảo bài thi tốt nghiệp môn văn')!;
    expect(school.office).toMatch(/Giáo dục/);
    expect(aboutOffice(school, 'Cấp bản sao trích lục hộ tịch trong trường hợp bị mất')).toBe(false);
    expect(aboutOffice(school, 'Chuyển trường đối với học sinh trung học phổ thông')).toBe(true);
  });
});

eachEngine('assistant: other agencies’ matters handed over (pass 27, r12agency)', { at: '2026-12-07T20:20:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r12agency');

  it('declines or hands over naming the office instead of answering with one of the ward’s records', async () => {
    for (const [q, named] of [
      ['gia đình cần đo đạc lại diện tích thửa đất vì thấy thiếu so với sổ, thuê đơn vị nào đo', /Văn phòng đăng ký đất đai/],
      ['tranh chấp hợp đồng lao động với chủ xưởng may thì ai hòa giải cho', /hòa giải viên lao động/],
      ['cửa hàng bán gas bình muốn xin giấy chứng nhận đủ điều kiện kinh doanh khí thì lên đâu', /Sở Công Thương/],
      ['bằng tốt nghiệp cấp 3 bị ghi sai tên đệm, muốn chỉnh sửa văn bằng thì đến đâu', /Sở Giáo dục/],
      ['đám cưới con trai muốn bắn pháo hoa nổ cho vui thì xin phép ai', /Ủy ban nhân dân cấp tỉnh/],
      ['mở tiệm tạp hóa nhỏ doanh thu 200 triệu một năm có phải đóng thuế không, hỏi ai', /cơ quan thuế/],
    ] as const) {
      const r = await ask(q);
      expect(['decline', 'handoff'], q).toContain(r.decision);
      expect(r.procedures, q).toEqual([]);
      expect(r.answer, q).toMatch(named);
    }
  });

  it('still answers the ward’s own records told beside those words', async () => {
    await expectAnswer([
      ['con tròn 14 tuổi rồi, muốn làm căn cước cho cháu để đi thi tuyển sinh lớp 10', '1.014061'],
      ['muốn mở tiệm tạp hóa nhỏ trước nhà thì đăng ký hộ kinh doanh ở đâu', '1.001612'],
      ['xây nhà 3 tầng ở thị trấn thì có phải xin giấy phép xây dựng không, xin ở đâu', '1.013225'],
    ]);
  });
});
