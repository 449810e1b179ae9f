import { it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard } from './assistant.testing';

/**
 * The ward's procedures told rather than named (pass 14): a paper someone "đòi" (never read as
 * "đổi giấy"), a paper that one is not married, words typed glued, a relative raising a child
 * whose parents are gone, someone gone to work far away only in the story, a certified contract
 * now undone.
 */
eachEngine('assistant: the ward’s procedures told in citizens’ words (pass 14)', { at: '2026-12-06T02:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'tw');

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

  it('reads someone gone to work far away as the absence notice, unless another paper is asked', async () => {
    await expectAnswer([
      ['anh tôi đi làm ăn xa cả năm, có phải khai báo gì với phường không', '1.003677'],
      ['cháu chắt đi làm ăn xa, cụ muốn làm di chúc', '2.001019'],
      ['con trai đi làm ăn xa, bà ở nhà một mình muốn viết di chúc cho mảnh vườn', '2.001019'],
    ]);
  });

  it('reads a contract certified or signed at the ward, now undone, as the change of a certified transaction', async () => {
    await expectAnswer([
      ['hợp đồng tặng cho nhà giữa ông và cháu có chứng thực ở phường rồi, nay muốn hủy hợp đồng', '2.000913'],
      ['hợp đồng thuê kho ký ở phường rồi mà bên thuê không thuê nữa, hủy thế nào', '2.000913'],
    ]);
  });
});
