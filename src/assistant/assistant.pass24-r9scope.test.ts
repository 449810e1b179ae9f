import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 24 (r9scope): everyday matters that borrow the ward's words (assistant.everyday-words.ts),
 * one of the ward's papers only shown in such a story, and other offices' matters said in words
 * the offices' tables did not read (a suit asked where to bring, a declaration at the airport, a
 * car's inspection, a fraud reported).
 */
describe('everyday matters that borrow the ward’s words', () => {
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;

  it('reads a class, a race, a card of a bank or a library, a carrier, a hospital, a baby’s nights as everyday life', () => {
    expect(everyday('cho con đi học bơi ở hồ bơi thành phố đăng ký ở đâu')).toBe(true);
    expect(everyday('muốn đăng ký chạy giải marathon của tỉnh')).toBe(true);
    expect(everyday('thẻ ATM nhập sai mã PIN bị khóa')).toBe(true);
    expect(everyday('thẻ thư viện hết hạn gia hạn sao')).toBe(true);
    expect(everyday('nhà mạng bắt chuẩn hóa thông tin thuê bao')).toBe(true);
    expect(everyday('vào viện phải khai báo y tế ở đâu')).toBe(true);
    expect(everyday('bé hai tháng cứ quấy khóc cả đêm')).toBe(true);
    expect(everyday('con trai họ Lê nên đặt tên gì cho hay')).toBe(true);
  });

  it('leaves the ward’s own matters said with neighbouring words alone', () => {
    expect(everyday('cán bộ địa chính làm sai, tôi muốn yêu cầu họ bồi thường')).toBe(false);
    expect(everyday('nghỉ ốm có giấy ra viện thì bảo hiểm trả bao nhiêu')).toBe(false);
    expect(everyday('đăng ký kết hôn có cần giấy khám sức khỏe không')).toBe(false);
    expect(everyday('sửa tên đệm trong giấy khai sinh')).toBe(false);
  });

  it('takes a card only shown in an everyday story as part of the story, not alone', () => {
    const inDomain = (q: string) => readIntents(syllables(fold(q))).inDomain;
    expect(inDomain('mua vé tàu trên mạng lên tàu có phải đưa căn cước ra không')).toBe(false);
    expect(inDomain('mang theo căn cước đi làm thủ tục ở phường')).toBe(true);
  });
});

describe('other offices read in more of a citizen’s words', () => {
  const sure = (q: string) => otherOffice(q, true)?.office;
  const office = (q: string) => otherOffice(q)?.office;

  it('names the court for a suit asked where to bring, not a parcel or a condition', () => {
    expect(sure('bên bán lật kèo không trả cọc, kiện ở đâu')).toMatch(/Tòa án/);
    expect(sure('cho mượn tiền không trả, muốn kiện thì nộp đơn ở đâu')).toMatch(/Tòa án/);
    expect(sure('bưu kiện gửi ở đâu')).toBeUndefined();
    expect(sure('điều kiện ở đâu cũng vậy')).toBeUndefined();
    // folded, "kiện" is also "kiến"
    expect(office('mở đại lý xổ số kiến thiết ở đầu hẻm thì ký hợp đồng với ai')).toMatch(/xổ số/);
    expect(sure('xin chứng chỉ hành nghề kiến trúc ở đâu')).toBeUndefined();
    expect(sure('hàng xóm nợ tiền không trả thì kiện ở đâu')).toMatch(/Tòa án/);
  });

  it('names customs, the inspection centre, the police, social insurance in the words of the probe', () => {
    expect(sure('mang 12 nghìn đô tiền mặt có phải khai báo ở sân bay không')).toMatch(/hải quan/);
    expect(sure('xe 7 chỗ tới hạn kiểm định đặt lịch ở đâu')).toMatch(/đăng kiểm/);
    expect(sure('đập hồ chứa tới hạn kiểm định an toàn, đề cương trình ai')).toBeUndefined();
    expect(office('bị giả danh công an gọi lừa chuyển khoản, trình báo ở đâu')).toMatch(/công an/);
    expect(office('tờ hôn thú bị lửa thiêu mất, đăng ký lại ở đâu')).toBeUndefined();
    expect(office('công ty không chốt sổ cho em')).toMatch(/Bảo hiểm xã hội/);
  });
});

eachEngine('assistant: everyday matters and other offices (pass 24, r9scope)', { at: '2026-12-07T09:50:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r9');

  it('declines everyday matters that borrow the ward’s words', async () => {
    for (const q of [
      'thẻ ATM nhập sai mã PIN ba lần bị khóa rồi, mở lại có cần mang theo căn cước không',
      'thẻ thư viện tỉnh hết hạn từ năm ngoái, gia hạn tiếp có mất phí không',
      'hai vợ chồng muốn đăng ký chạy giải marathon thành phố cự ly 10 cây số, đăng ký trên web nào',
      'vào bệnh viện thăm mẹ mà bảo vệ bắt khai báo y tế, khai trên ứng dụng nào vậy',
    ]) {
      const r = await ask(q);
      expect([r.decision, r.procedures.length], q).toEqual(['decline', 0]);
    }
  });

  it('still answers the ward’s own record told beside the same words', async () => {
    await expectAnswer([
      ['đi học bơi bị mất luôn thẻ căn cước trong tủ đồ, làm lại thì sao', '1.014064'],
      ['con sinh ở bệnh viện tư, bệnh viện đã đưa giấy chứng sinh, giờ đi đăng ký khai sinh thì mang gì', '1.001193'],
    ]);
  });

  it('declines a suit asked where to bring naming the court', async () => {
    const r = await ask('đặt cọc 300 triệu mua đất mà bên bán lật kèo không trả cọc, kiện ở đâu');
    expect(['decline', 'handoff']).toContain(r.decision);
    expect(r.answer).toMatch(/Tòa án/);
  });
});
