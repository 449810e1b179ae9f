import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';

/**
 * The ward's procedures told rather than named (pass 14): a paper someone "đòi" (never read as
 * "đổi giấy"), a paper that one is not married, words typed glued, a relative raising a child
 * whose parents are gone, a certified contract now undone.
 */
eachEngine('assistant: the ward’s procedures told in citizens’ words (pass 14)', { at: '2026-12-06T02:00:00Z' }, (t) => {
  let n = 0;
  const ask = (question: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: `tw-${n++}` });
  const expectAnswer = async (cases: Array<[string, string]>) => {
    for (const [q, code] of cases) {
      const r = await ask(q);
      expect([r.decision, r.procedures[0]?.code], q).toEqual(['answer', code]);
    }
  };

  it('reads "đòi giấy" as a paper asked for, and "chưa lập gia đình" as the marital status', async () => {
    await expectAnswer([
      ['trường học đòi giấy xác nhận chỗ ở của con tôi', '1.010041'],
      ['hãng tàu đòi giấy chứng nhận em chưa lập gia đình', '1.004873'],
    ]);
  });

  it('splits two syllables typed glued, with or without marks', async () => {
    await expectAnswer([
      ['chứngthực bản sao học bạ', '2.000815'],
      ['xin bản sao giấy khaisinh', '2.000635'],
    ]);
  });

  it('reads a relative raising a child whose parents died as the guardianship', async () => {
    await expectAnswer([['bố mẹ cháu qua đời, chú ruột đang nuôi cháu muốn đứng ra làm giấy tờ cho cháu', '1.004837']]);
  });

  it('reads a contract certified or signed at the ward, now undone, as the change of a certified transaction', async () => {
    await expectAnswer([
      ['hợp đồng mua bán xe có chứng thực ở phường, nay hai bên muốn hủy bỏ', '2.000913'],
      ['hợp đồng cho thuê nhà ký ở phường rồi, nay muốn hủy', '2.000913'],
    ]);
  });
});
