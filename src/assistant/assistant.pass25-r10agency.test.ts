import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 25 (r10agency): other agencies' matters a fresh probe asked (out-of-scope-23) in words the
 * offices' tables did not read — a custody or damages suit, a divorce's procedure at the court, a
 * detainee visited, a traffic fine paid or a vehicle held, a new passport asked of the ward, a
 * pharmacy's or a practice's licence, a meter or a mains connection, a factory of grade II, a
 * company's registration, becoming a citizen, going to work abroad, a theft reported — and the
 * ward's own records told beside the same words, which stay.
 */
describe('other agencies’ matters in the probe’s words', () => {
  const sure = (q: string) => otherOffice(q, true)?.office;
  const office = (q: string) => otherOffice(q)?.office;

  it('names the court for custody, a declaration of missing, a divorce’s procedure and a damages suit', () => {
    expect(sure('giành quyền nuôi con sau ly hôn thì nộp đơn cho ai')).toMatch(/Tòa án/);
    expect(sure('chồng bỏ đi biệt tích 5 năm, muốn tòa tuyên bố mất tích để ly hôn')).toMatch(/Tòa án/);
    expect(sure('vợ chồng sống không hợp nữa, thuận tình chia tay thì làm thủ tục ly hôn ở tòa nào')).toMatch(/Tòa án/);
    expect(sure('bị xe tông phải nằm viện, muốn kiện đòi bồi thường thì làm đơn gửi đâu')).toMatch(/Tòa án/);
  });

  it('leaves a divorce done abroad, a custody decided, an adoption and the ward’s compensation to the ward', () => {
    expect(sure('ly hôn ở tòa án Mỹ rồi, về Việt Nam phải ghi chú ly hôn vào sổ hộ tịch')).toBeUndefined();
    expect(sure('mẹ bé đã được tòa cho về nhận lại quyền nuôi con, tôi là cậu ruột không còn giám hộ nữa')).toBeUndefined();
    expect(sure('hai vợ chồng muốn xin nuôi con nuôi là cháu ruột')).toBeUndefined();
    expect(sure('cán bộ địa chính làm sai, tôi muốn yêu cầu họ bồi thường')).toBeUndefined();
  });

  it('names the police’s offices for a fine paid, a vehicle held, a detainee, a new passport, a theft', () => {
    expect(sure('cong an phat toi vi chay xe nguoc chieu, dong tien phat qua mang duoc khong')).toMatch(/Cảnh sát giao thông/);
    expect(sure('xe máy bị tạm giữ 7 ngày do chạy quá tốc độ, giờ lấy xe ra thì tới đâu')).toMatch(/Cảnh sát giao thông/);
    expect(sure('người thân bị tạm giam, muốn vào thăm gặp thì xin phép ở đâu')).toMatch(/trại tạm giam/);
    expect(sure('làm hộ chiếu gắn chíp lần đầu có nộp ở ủy ban xã được không')).toMatch(/xuất nhập cảnh/);
    expect(office('bị trộm cạy cửa lấy mất xe máy ban đêm, trình báo ở đâu')).toMatch(/công an/);
  });

  it('leaves a late birth’s fine, a withdrawn registration and a stolen card to the ward', () => {
    expect(sure('cán bộ bảo con sinh quá 60 ngày mới đi khai thì phải nộp phạt, giờ cần đem theo gì')).toBeUndefined();
    expect(sure('xe hỏng bỏ đi, muốn báo thu hồi đăng ký để khỏi bị phạt nguội')).toBeUndefined();
    expect(sure('bị trộm mất thẻ căn cước, làm lại ở đâu')).toBeUndefined();
  });

  it('names the departments for a pharmacy, a practice, a grade II factory, a company, a citizen to be', () => {
    expect(sure('muốn xin giấy phép kinh doanh thuốc tây mở nhà thuốc nhỏ')).toBe('Sở Y tế');
    expect(sure('bác sĩ răng muốn tự mở cơ sở khám ở nhà, giấy phép hành nghề khám bệnh xin ở sở nào')).toBe('Sở Y tế');
    expect(sure('công ty định xây nhà máy cấp II trong khu đô thị, giấy phép do ai cấp')).toBe('Sở Xây dựng');
    expect(sure('cong ty toi gop them von cua thanh vien moi, sua giay dang ky doanh nghiep cho nao')).toMatch(/Đăng ký kinh doanh/);
    expect(sure('doanh nghiệp tư nhân của tôi muốn đổi tên công ty, thay đổi đăng ký ở đâu')).toMatch(/Đăng ký kinh doanh/);
    expect(sure('cô vợ người Thái Lan cưới đã 6 năm, giờ cô ấy muốn thành công dân Việt Nam thì làm gì')).toBe('Sở Tư pháp');
  });

  it('leaves a school grade, a co-operative’s capital and a citizenship told abroad to the ward', () => {
    expect(sure('con học cấp 2 xin giấy xác nhận cư trú ở đâu')).toBeUndefined();
    expect(sure('htx tang von dieu le, doi nguoi dai dien theo phap luat')).toBeUndefined();
    expect(sure('con trai đã nhập quốc tịch Úc, thôi quốc tịch Việt Nam, có phải xóa thường trú không')).toBeUndefined();
  });

  it('names the power and water companies, the tax office, the way to work abroad', () => {
    expect(sure('nhà mới xây muốn lắp công tơ điện riêng thì làm đơn gửi ai')).toMatch(/điện lực/);
    expect(sure('xin đấu nối nước sạch cho nhà mới ở cuối xóm thì đăng ký với bên nào')).toBe('công ty cấp nước');
    expect(office('khai thuế môn bài cho công ty mới lập làm ở đâu')).toMatch(/thuế/);
    expect(sure('muốn đi xuất khẩu lao động Nhật Bản thì đăng ký ở đâu cho uy tín')).toMatch(/Lao động ngoài nước/);
    expect(office('con trai muốn đi làm việc ở Hàn theo chương trình EPS, nộp hồ sơ ở đâu')).toMatch(/Lao động ngoài nước/);
    // going to work abroad is not customs' export, said with the same word
    expect(office('muốn đi xuất khẩu lao động Nhật Bản thì đăng ký ở đâu cho uy tín')).toMatch(/Lao động ngoài nước/);
    expect(office('hàng xuất khẩu sang Nhật khai báo ở đâu')).toMatch(/hải quan/);
  });

  it('leaves the ward’s papers for work abroad and a household split for a meter to the ward', () => {
    expect(sure('mình cần cái giấy chứng minh là đang ế á, để nộp hồ sơ đi xkld nhật')).toBeUndefined();
    expect(sure('cần giấy xác nhận độc thân để làm hồ sơ xuất khẩu lao động, xin ở đâu')).toBeUndefined();
    expect(sure('con trai muốn đứng tên chủ hộ riêng để đăng ký công tơ điện')).toBeUndefined();
  });
});

describe('everyday matters the probe, learnt, drew towards the ward’s records', () => {
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;

  it('reads a mother’s confinement and the share health insurance pays as everyday life', () => {
    expect(everyday('em mới sinh bé, kiêng cữ bao lâu thì được tắm')).toBe(true);
    expect(everyday('khám bệnh bảo hiểm ở bệnh viện tuyến trên có được hưởng đủ không')).toBe(true);
    expect(everyday('bhyt trái tuyến được hưởng bao nhiêu phần trăm')).toBe(true);
  });

  it('leaves a refund of health insurance asked and a birth registered to the ward', () => {
    expect(everyday('khám vượt tuyến lên viện tỉnh, móc túi trả đủ, sợ BHYT không hoàn lại')).toBe(false);
    expect(everyday('vợ mới sinh bé, đi làm khai sinh cho con ở phường')).toBe(false);
  });
});

eachEngine('assistant: other agencies’ matters handed over (pass 25, r10agency)', { at: '2026-12-07T13:10:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r10agency');

  it('declines or hands over naming the office instead of answering with one of the ward’s records', async () => {
    for (const [q, named] of [
      ['muốn xin giấy phép kinh doanh thuốc tây mở nhà thuốc nhỏ', /Sở Y tế/],
      ['nhà mới xây muốn lắp công tơ điện riêng thì làm đơn gửi ai', /điện lực/],
      ['công ty định xây nhà máy cấp II trong khu đô thị, giấy phép do ai cấp', /Sở Xây dựng/],
      ['cong ty toi gop them von cua thanh vien moi, sua giay dang ky doanh nghiep cho nao', /Đăng ký kinh doanh/],
      ['giành quyền nuôi con sau ly hôn thì nộp đơn cho ai', /Tòa án/],
    ] as const) {
      const r = await ask(q);
      expect(['decline', 'handoff'], q).toContain(r.decision);
      expect(r.procedures, q).toEqual([]);
      expect(r.answer, q).toMatch(named);
    }
  });

  it('declines a mother’s confinement asked after a birth', async () => {
    const r = await ask('em mới sinh bé, kiêng cữ bao lâu thì được tắm');
    expect([r.decision, r.procedures.length]).toEqual(['decline', 0]);
  });

  it('still answers the ward’s own records told beside those words', async () => {
    await expectAnswer([
      ['mở sạp bán trái cây ngoài chợ, đăng ký hộ kinh doanh ở phường luôn được không', '1.001612'],
      ['định cất căn nhà phố bốn tầng trên nền nhà cũ, giấy phép xây dựng ai cấp', '1.013225'],
      ['cần giấy xác nhận độc thân để làm hồ sơ xuất khẩu lao động, xin ở đâu', '1.004873'],
    ]);
  });
});
