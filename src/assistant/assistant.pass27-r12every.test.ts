import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import { sentForNothing } from './assistant.everyday-sent';
import { outOfScopeOdds } from './assistant.learned';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, nationalRecord } from './assistant.testing';

/**
 * Pass 27 (r12every): everyday know-how asked in the words of national records — a pond's harvest
 * time, quitting smoking — is declined (assistant.everyday-advice.ts, and
 * assistant.everyday-sent.ts when the odds read it surely out), not sent to that record's office;
 * the commune's own record asked with the same words is answered.
 */
describe('everyday know-how in a record’s words is declined', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '3.000501', 'Thẩm định, phê duyệt hoặc điều chỉnh phương án nuôi, trồng phát triển, thu hoạch cây dược liệu trong rừng đối với chủ rừng là tổ chức thuộc địa phương quản lý', ['Cấp tỉnh']),
      nationalRecord(demo, '3.000046', 'Thủ tục hướng dẫn về hỗ trợ lãi suất vay vốn và cấp bù chênh lệch lãi suất cho các ngân hàng thương mại nhà nước do thực hiện chính sách hỗ trợ nhằm giảm tổn thất trong nông nghiệp', ['Cấp bộ']),
      nationalRecord(demo, '1.013479', 'Hồ sơ mua tem điện tử thuốc lá hoặc tem điện tử rượu nhập khẩu', ['Cấp tỉnh']),
      nationalRecord(demo, '2.002802', 'Thủ tục thanh toán chi phí cho người làm chứng, người chứng kiến, người phiên dịch, người dịch thuật, chi phí tham gia phiên toà, phiên họp giải quyết vụ việc', ['Cấp bộ']),
      nationalRecord(demo, '1.012836', 'Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tinh đông lạnh, Nitơ lỏng, găng tay và dụng cụ dẫn tinh để phối giống cho trâu, bò', ['Cấp xã']),
      nationalRecord(demo, '1.013997', 'Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ sở sản xuất không thuộc lực lượng vũ trang nhân dân)', ['Cấp xã']),
    ]);
  });
  /** The decision as the assistant takes it (assistant.respond.ts): the rules, the learned odds, the everyday pointer check. */
  const reply = (q: string) => {
    const s = r.search(q, { limit: 8 });
    const odds = outOfScopeOdds(q);
    const d = sentForNothing(decide(s.candidates, s.plan, odds), odds, s.plan);
    return { decision: d.decision, first: d.picks[0]?.id };
  };

  it('declines a pond’s harvest time and quitting smoking rather than naming a forest herb’s plan or a tobacco stamp', () => {
    for (const q of [
      'nuôi cá rô phi trong ao mấy tháng thì thu hoạch được', // a forest herb's harvest plan (3.000501)
      'chồng tôi muốn bỏ thuốc lá mà không được, có cách nào', // a tobacco stamp (1.013479)
    ]) {
      expect.soft(reply(q), q).toMatchObject({ decision: 'decline' });
    }
  });

  it('declines a pointer of everyday life however sure, when the odds read the question as surely out of scope', () => {
    // On the full catalogue the rules sent this to the record beside it at 0.95 (out-of-scope-26.jsonl).
    for (const [q, code] of [
      ['bố tôi hút thuốc lá mấy chục năm, cai thế nào cho hiệu quả', '1.013479'], // a tobacco stamp
    ] as const) {
      const s = r.search(q, { limit: 40 });
      const sent = s.candidates.find((x) => x.id === code);
      expect(sent, q).toBeDefined();
      expect(sentForNothing({ decision: 'elsewhere', picks: [sent!], confidence: 0.95 }, outOfScopeOdds(q), s.plan), q).toMatchObject({ decision: 'decline' });
    }
  });

  it('still answers the commune’s support for a herd lost to a disease', () => {
    expect(reply('lợn nhà tôi chết vì dịch tả, xin hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật ở xã')).toMatchObject({ first: '1.013997' });
  });
});
