import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import type { Unit } from '../unit';
import { elsewhereAnswer } from './assistant.answer';
import { besideLine, officeSaidSurely, officesAsked, otherOffice } from './assistant.other-offices';
import { askingWard, demoCatalogue, nationalRecord } from './assistant.testing';

/**
 * Pass 26 (r11agency): other agencies' matters a fresh probe asked (out-of-scope-25) in words no
 * office's table read — a detention past its term, fire safety, maintenance owed, a marriage
 * annulled, a parcel lost, a driving test, a company's pause, a concert, a diploma lost, a
 * transcript, a land sale's tax, a foreign country's visa, a criminal record asked by what it
 * proves — and the ward's own records told beside the same words, which stay.
 */
describe('other agencies’ matters in the words of out-of-scope-25', () => {
  const sure = (q: string) => otherOffice(q, true)?.office;
  const office = (q: string) => otherOffice(q)?.office;

  it('names the procuracy, the fire police, the court and the police for what they decide', () => {
    expect(office('con trai bị tạm giam quá thời hạn mà chưa thấy xét xử, khiếu nại lên đâu')).toMatch(/Viện kiểm sát/);
    expect(sure('xây nhà xưởng 3 tầng thì hồ sơ thẩm duyệt thiết kế PCCC nộp cho ai')).toMatch(/phòng cháy/);
    expect(sure('em gái tôi bị ép lấy chồng năm 16 tuổi, muốn hủy cuộc hôn nhân trái pháp luật đó')).toMatch(/Tòa án/);
    expect(sure('ly hôn xong chồng cũ không chịu gửi tiền cấp dưỡng nuôi con, tôi phải làm sao')).toMatch(/Tòa án/);
    expect(office('vợ chồng cãi nhau suốt, giờ tôi muốn đơn phương bỏ chồng thì gửi đơn cho cơ quan nào')).toMatch(/Tòa án/);
    expect(sure('trường bên Úc yêu cầu giấy chứng minh không có tiền án, tôi xin giấy đó chỗ nào')).toMatch(/Công an tỉnh/);
    expect(sure('con tôi vừa tròn 18, muốn cho cháu đi thi lấy bằng xe máy thì đăng ký ở đâu')).toMatch(/Cảnh sát giao thông/);
  });

  it('names the departments, the schools, the tax office, the embassies, the post', () => {
    expect(sure('công ty em muốn tạm ngừng hoạt động 1 năm vì ế, gửi thông báo chỗ nào')).toMatch(/Đăng ký kinh doanh/);
    expect(sure('hộ kinh doanh của nhà tôi làm ăn lớn rồi, muốn chuyển lên thành công ty thì làm ở đâu')).toMatch(/Đăng ký kinh doanh/);
    expect(sure('muốn tổ chức đêm nhạc ngoài trời ở sân vận động thì xin phép ở đâu')).toMatch(/Sở Văn hóa/);
    expect(sure('mất bằng tốt nghiệp cấp 3 từ lâu, giờ xin lại ở đâu')).toMatch(/trường/);
    expect(sure('xin bảng điểm đại học bản tiếng Anh để nộp học bổng')).toMatch(/trường/);
    expect(sure('đăng ký bán buôn rượu bia cho các đại lý thì xin phép ở đâu')).toBe('Sở Công Thương');
    expect(sure('mới đi làm, kế toán công ty bảo tôi tự đi đăng ký mã số thuế')).toMatch(/thuế/);
    expect(office('bán mảnh đất vườn thì khoản thuế 2% nộp ở đâu')).toMatch(/thuế/);
    expect(office('năm sau cả nhà định sang Úc thăm họ hàng, thị thực Úc xin ở đâu')).toMatch(/đại sứ quán/);
    expect(sure('gửi bưu phẩm EMS 2 tuần chưa tới, khiếu nại ở đâu')).toMatch(/bưu chính/);
  });

  it('leaves the ward’s records told beside those words to the ward', () => {
    // a household business's own pause, a diploma's copy from the master register, a parcel taken
    // for a spouse, a road upgraded ("nâng cấp đường", folded "cấp dưỡng"), a divorce decided abroad
    expect(sure('quán tạp hóa muốn đóng cửa nghỉ bán 3 tháng thì báo tạm ngừng ở đâu')).toBeUndefined();
    expect(sure('mất bản chính bằng cấp 3, xin bản sao từ sổ gốc ở trường hay ở xã')).toBeUndefined();
    expect(sure('vk e nhờ e nhận bưu phẩm hộ, giấy ủy quyền có cần xác nhận chữ ký ko ạ')).toBeUndefined();
    expect(office('thôn góp sức nâng cấp đường liên xóm, nhà tôi lùi cổng, có cần làm giấy tặng cho đất không')).toBeUndefined();
    expect(sure('chị tôi bên Mỹ tòa xử cho ly hôn rồi, về nước muốn ghi chú ly hôn thì làm sao')).toBeUndefined();
    expect(sure('ủy ban xã có chứng thực photo cái bằng tốt nghiệp cấp 3 cho tôi được không')).toBeUndefined();
  });
});

describe('an elsewhere pointer beside the office the question surely says', () => {
  const pointer = (q: string, code: string, name: string, agency: string) => {
    const told = officeSaidSurely(officesAsked(q));
    const record = { ...nationalRecord(demoCatalogue(), code, name, ['Cấp bộ']), agency };
    return elsewhereAnswer(record, { name: 'Phường Ba Đình' } as Unit, [], told && besideLine(told)).lines.join('\n');
  };

  it('names the office as well when the record pointed to is another body’s record of the matter', () => {
    const text = pointer('công ty em muốn tạm ngừng hoạt động 1 năm vì ế, gửi thông báo chỗ nào', '1.009538', 'Tạm ngừng hoạt động công ty chứng khoán', 'Ủy ban Chứng khoán Nhà nước');
    expect(text).toMatch(/Ủy ban Chứng khoán Nhà nước/);
    expect(text).toMatch(/Phòng Đăng ký kinh doanh thuộc Sở Tài chính/);
    expect(pointer('thi lại lớp 12 bị điểm thấp, muốn phúc khảo bài thi', '1.010389', 'Phúc khảo bài thi chứng chỉ đại lý bảo hiểm', 'Bộ Tài chính')).toMatch(/Giáo dục và Đào tạo/);
  });

  it('adds nothing when the question says no office’s matter surely', () => {
    const text = pointer('cấp giấy phép thành lập quỹ xã hội', '1.000001', 'Cấp giấy phép thành lập quỹ xã hội', 'Sở Nội vụ');
    expect(text).toMatch(/Xin liên hệ cơ quan trên/);
    expect(text.split('\n')).toHaveLength(3);
  });
});

eachEngine('assistant: other agencies’ matters handed over (pass 26, r11agency)', { at: '2026-12-07T16:40:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r11agency');

  it('declines or hands over naming the office instead of answering with one of the ward’s records', async () => {
    for (const [q, named] of [
      ['em gái tôi bị ép lấy chồng năm 16 tuổi, muốn hủy cuộc hôn nhân trái pháp luật đó', /Tòa án/],
      ['trường bên Úc yêu cầu giấy chứng minh không có tiền án, tôi xin giấy đó chỗ nào', /Công an tỉnh/],
      ['xây nhà xưởng 3 tầng thì hồ sơ thẩm duyệt thiết kế PCCC nộp cho ai', /phòng cháy/],
      ['hộ kinh doanh của nhà tôi làm ăn lớn rồi, muốn chuyển lên thành công ty thì làm ở đâu', /Đăng ký kinh doanh/],
      ['mất bằng tốt nghiệp cấp 3 từ lâu, giờ xin lại ở đâu', /trường/],
      ['xin bảng điểm đại học bản tiếng Anh để nộp học bổng', /trường/],
    ] as const) {
      const r = await ask(q);
      expect(['decline', 'handoff'], q).toContain(r.decision);
      expect(r.procedures, q).toEqual([]);
      expect(r.answer, q).toMatch(named);
    }
  });

  it('still answers the ward’s own records told beside those words', async () => {
    await expectAnswer([
      ['mất bản chính bằng cấp 3, xin bản sao từ sổ gốc ở trường hay ở xã', '2.000908'],
      ['ủy ban xã có chứng thực photo cái bằng tốt nghiệp cấp 3 cho tôi được không', '2.000815'],
      ['tính bán cà phê cóc ở mặt tiền nhà, đăng ký hộ kinh doanh thủ tục ra sao', '1.001612'],
    ]);
  });
});
