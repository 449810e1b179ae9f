import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import { sentForNothing } from './assistant.everyday-sent';
import { outOfScopeOdds } from './assistant.learned';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, nationalRecord } from './assistant.testing';

/**
 * Pass 26 (r11every): a question of everyday life that shares a word with another level's record
 * is declined, not sent to that office (assistant.everyday-sent.ts); another agency's matter
 * asked in its own words is still sent there.
 */
describe('everyday life is not sent to another level’s office', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.000300', 'Cấp Giấy chứng nhận thợ hàn', ['Cấp bộ']),
      nationalRecord(demo, '1.013807', 'Đăng ký tập sự hành nghề công chứng', ['Cấp tỉnh']),
      nationalRecord(demo, '1.003703', 'Kiểm tra nhà nước về chất lượng thuốc thú y nhập khẩu', ['Cấp tỉnh']),
      nationalRecord(demo, '1.001456', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', ['Cấp tỉnh']),
      nationalRecord(demo, '1.001194', 'Cấp thị thực cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)', ['Cấp tỉnh']),
      // Three records or more of other levels named with a word make it one the ward's records hardly have (ELSEWHERE_MIN).
      nationalRecord(demo, '3.000333', 'Cấp Phiếu Lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài', ['Cấp tỉnh']),
      nationalRecord(demo, '3.000334', 'Cấp Phiếu Lý lịch tư pháp theo yêu cầu của cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội', ['Cấp tỉnh']),
      nationalRecord(demo, '3.000335', 'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan tiến hành tố tụng', ['Cấp tỉnh']),
      nationalRecord(demo, '3.000330', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam mà không xác định được nơi thường trú hoặc nơi tạm trú; người nước ngoài đã cư trú tại Việt Nam', ['Cấp bộ']),
    ]);
  });
  /** The decision as the assistant takes it (assistant.respond.ts): the rules, the learned odds, then this pass's check. */
  const reply = (q: string) => {
    const s = r.search(q, { limit: 8 });
    const odds = outOfScopeOdds(q);
    const d = sentForNothing(decide(s.candidates, s.plan, odds), odds, s.plan);
    return { decision: d.decision, first: d.picks[0]?.id };
  };

  // Each was sent to the record named beside it before this pass.
  it('declines a welder for a gate, a gym, a sick dog rather than naming a licence of the ministry or the province', () => {
    for (const q of [
      'thợ hàn cổng sắt ở gần đây ai làm kỹ', // a welder's certificate (1.000300, the ministry's)
      'đăng ký tập gym gần nhà tháng bao nhiêu tiền', // a notary's traineeship (1.013807, the province's)
      'chó nhà bỏ ăn đưa đi thú y nào', // imported veterinary drugs checked (1.003703, the province's)
    ]) {
      expect(reply(q), q).toMatchObject({ decision: 'decline' });
    }
  });

  it('still sends a passport, a criminal record and a foreign friend’s visa to the province', () => {
    expect(reply('anh bạn người Mỹ xin visa điện tử sang Việt Nam chơi tết')).toMatchObject({ decision: 'elsewhere', first: '1.001194' });
    // A story worded as our everyday lines are (a school abroad asks for it), the record named by two words of its own.
    expect(reply('con sắp sang Hàn học đại học, trường bên đó đòi nộp thêm phiếu lý lịch tư pháp số 2, xin ở đâu cho nhanh')).toMatchObject({ decision: 'elsewhere', first: expect.stringMatching(/^3\.00033[0345]$/) });
    expect(reply('xin cấp hộ chiếu ở đâu')).toMatchObject({ decision: 'elsewhere', first: '1.001456' });
    expect(reply('cấp hộ chiếu phổ thông lần đầu')).toMatchObject({ decision: 'elsewhere', first: '1.001456' });
  });
});
