import { beforeAll, describe, expect, it } from 'vitest';
import { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * Civil status told in citizens' words (issue 15, pass 18): a child's certificate told by whose it
 * is or what it bears, with a parent now acknowledging the child, and older words for a death.
 */
describe('civil status told in citizens’ words (pass 18), on the demo catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);
  const expansions = situationExpansions;

  it('reads a certificate the child has, told by whose it is or what it bears, with a parent acknowledging, as the acknowledgement', () => {
    expect(expansions('giấy khai sinh của thằng bé trống ô phần cha, nay anh ấy muốn nhận con')).toContain('dang ki nhan cha me con');
    expect(first('khai sinh của con bé mang họ mẹ, giờ bố nó muốn ghi tên vào')).toBe('1.001022');
    expect(first('anh ấy muốn ghi tên vào giấy khai sinh của con gái tôi vì hai đứa không cưới')).toBe('1.001022');
  });

  it('keeps a slip in the certificate and a newborn’s first certificate apart from the acknowledgement', () => {
    expect(expansions('giấy khai sinh của con ghi sai tên bố')).not.toContain('dang ki nhan cha me con');
    expect(expansions('bé mới sinh, làm giấy khai sinh của bé có tên bố luôn')).not.toContain('dang ki nhan cha me con');
    expect(expansions('xin bản sao giấy khai sinh của cháu để nhận con')).not.toContain('dang ki nhan cha me con');
  });

  it('reads older words for a death', () => {
    expect(first('ông cụ đã quy tiên, con cháu báo xã thế nào')).toBe('1.000656');
    expect(first('nhà có người khuất núi hôm rằm, cần giấy gì')).toBe('1.000656');
    expect(first('bà tôi đã khuất tuần trước, trình báo ở đâu')).toBe('1.000656');
  });
});
