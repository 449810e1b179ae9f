import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick } from './assistant.testing';

/**
 * The demo catalogue asked tersely or by the situation (issue 15, pass 17): a temporary residence
 * near its end while the stay goes on, a new member of the household (an in-law or a baby), an
 * identity card worn or at the age it is changed, a card dropped, a boundary encroached.
 */
describe('short and told questions on the demo catalogue (issue 15, pass 17)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);

  it('reads a temporary residence near its end, the stay going on, as its extension', () => {
    expect(first('tạm trú của chị còn mười ngày nữa là hết, chị vẫn ở căn nhà thuê này')).toBe('1.002755');
    expect(first('giay tam tru den han roi ma toi con thue tiep can ho')).toBe('1.002755');
  });

  it('reads a new member of the household as the permanent residence, a newborn one as the birth', () => {
    expect(first('nhà có thêm thành viên, con rể về ở chung, đăng ký sao')).toBe('1.004222');
    expect(first('nhà mới thêm một thành viên, bé sinh được 5 ngày, làm giấy gì')).toBe('1.001193');
  });

  it('reads an identity card worn, or due at 25, 40 or 60 when named only as "thẻ", as its exchange', () => {
    expect(first('căn cước của bà bị gãy góc, ảnh mờ hết rồi')).toBe('1.014063');
    expect(first('tôi vừa tròn 25, cái thẻ gắn chip có phải đổi không')).toBe('1.014063');
    expect(first('cccd đến hạn đổi rồi')).toBe('1.014063');
  });

  it('reads a card dropped ("rớt thẻ") as its re-issue and a boundary encroached ("lấn ranh") as a land dispute', () => {
    expect(first('hôm qua rớt thẻ căn cước trên xe buýt')).toBe('1.014064');
    expect(first('nhà kế bên xây tường lấn ranh sang đất tôi')).toBe('1.012812');
  });

  it('reads a father to be written "làm cha" of a child whose birth is registered as the acknowledgement alone', () => {
    expect(first('bạn trai em muốn được ghi tên làm cha của bé, bé đã có khai sinh từ năm ngoái')).toBe('1.001022');
  });
});
