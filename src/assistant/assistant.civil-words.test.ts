import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { Retriever } from './assistant.retrieval';
import { tellsForeignElement } from './assistant.situations';
import { demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * Civil status told in citizens' words (issue 15, pass 13): a condition the question states tells
 * twin procedures apart (a birth certificate held already, a change made already, a person who
 * cannot come), and words of the story are not read as everyday life.
 */
describe('civil status in citizens’ words, on the demo catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  /** The procedure answered or offered first (none when handed over or declined). */
  const first = firstPick(() => r);
  const expansions = situationExpansions;
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;

  it('reads "xã bảo sổ…" and "có báo tử" as the story, not a storm', () => {
    expect(everyday('con tôi hỏi xã bảo sổ hộ tịch không còn')).toBe(false);
    expect(everyday('nhà có báo tử cho ông rồi')).toBe(false);
    // The storm itself still is everyday life.
    expect(everyday('bão số 3 có vào Hà Nội không')).toBe(true);
    expect(everyday('chiều nay có bão không')).toBe(true);
    expect(first('giấy chứng tử của ông nội thất lạc, xã bảo sổ lưu cũng không còn, giờ sao')).toBe('1.005461');
  });

  it('reads a good price and a name chosen for its meaning as everyday life', () => {
    expect(everyday('bán xe máy cũ chỗ nào được giá tốt')).toBe(true);
    expect(everyday('gợi ý tên cho bé gái hay và ý nghĩa')).toBe(true);
    // A name changed at the ward is still a procedure's.
    expect(everyday('đổi tên cho con ở phường cần giấy tờ gì')).toBe(false);
  });

  it('reads a certificate lacking a parent’s name, and that parent now acknowledging the child, as the acknowledgement alone', () => {
    expect(expansions('giấy khai sinh của bé chỉ có tên mẹ, nay bố bé muốn nhận con')).toEqual(['dang ki nhan cha me con']);
    expect(first('khai sinh của con tôi để trống phần cha, giờ anh ấy muốn nhận con')).toBe('1.001022');
    // A newborn's first certificate with the father's name is still the combined registration.
    expect(expansions('vợ mới sinh, chưa cưới, làm khai sinh cho bé có tên bố luôn')).toContain('dang ki khai sinh ket hop dang ki nhan cha me con');
    expect(expansions('mới sinh con, giấy khai sinh chỉ có tên mẹ được không, bố nhận sau')).not.toContain('dang ki nhan cha me con');
  });

  it('reads a change made already and a paper asked to show it as the confirmation of the civil-status record', () => {
    expect(expansions('em đã cải chính họ tên rồi, nay cơ quan cần giấy xác nhận')).toContain('xac nhan thong tin ho tich');
    // Another confirmation asked after the change is that one.
    expect(expansions('đã đổi tên xong, giờ xin xác nhận tình trạng hôn nhân')).not.toContain('xac nhan thong tin ho tich');
  });

  it('reads someone too ill to come for a birth, marriage or death as the mobile registration of that act', () => {
    expect(first('mẹ tôi nằm liệt giường, bố vừa mất, nhờ xã làm khai tử giúp')).toBe('1.000419');
    expect(first('chồng tôi bị bại liệt, đi không nổi, muốn làm khai sinh cho con')).toBe('1.003583');
    expect(first('hai đứa muốn đăng ký kết hôn mà cô dâu bị liệt, đi không được')).toBe('1.000593');
    // Only the act's own mobile registration: the birth's word stays the birth's.
    expect(expansions('bà bị liệt, muốn chứng thực giấy tờ')).toEqual([]);
  });

  it('reads a grown person whose parents never registered the birth, with papers of their own, as the registration for such a person', () => {
    expect(first('chú tôi 50 tuổi, hồi nhỏ ông bà không làm khai sinh, chú có chứng minh nhân dân')).toBe('1.004772');
    expect(first('em gái 30 tuổi có hộ chiếu, bằng lái nhưng chưa có khai sinh')).toBe('1.004772');
    // A baby not registered yet is the plain registration.
    expect(expansions('bé 2 tháng tuổi chưa có khai sinh')).not.toContain('dang ki khai sinh cho nguoi da co ho so giai to ca nhan');
  });

  it('reads countries as questions are folded ("Mỹ", "Thụy Điển"), and a grown person with a foreign parent never registered as that registration', () => {
    expect(expansions('chồng tôi là người Mỹ, muốn đăng ký kết hôn')).toContain('co ieu to nuoc ngoai');
    expect(expansions('con sinh ở Thụy Điển, về nước làm khai sinh')).toContain('dang ki khai sinh co ieu to nuoc ngoai');
    expect(expansions('mẹ người Nhật, hồi nhỏ không làm khai sinh, giờ 30 tuổi có hộ chiếu')).toContain('dang ki khai sinh co ieu to nuoc ngoai cho nguoi da co ho so giai to ca nhan');
    expect(expansions('mẹ người Nhật, hồi nhỏ không làm khai sinh, giờ 30 tuổi có hộ chiếu')).not.toContain('dang ki khai sinh cho nguoi da co ho so giai to ca nhan');
  });

  it('knows a few more words of civil status: "về chung một nhà", "chưa tái hôn", "nhận con đẻ", "đặt lại tên", "sinh đôi"', () => {
    expect(first('hai đứa muốn về chung một nhà, ra phường làm giấy gì')).toBe('1.000894');
    expect(first('cần giấy chứng nhận là tôi chưa tái hôn')).toBe('1.004873');
    expect(first('thủ tục nhận con đẻ')).toBe('1.001022');
    expect(first('muốn đặt lại tên cho con gái 8 tuổi')).toBe('1.004859');
    expect(first('vợ sinh đôi, làm khai sinh cho hai bé')).toBe('1.001193');
  });

  it('reads a baby with no papers made yet as its birth registration, not any purchase without papers', () => {
    expect(expansions('bé nhà tôi 40 ngày rồi mà chưa làm giấy tờ gì')).toContain('dang ki khai sinh');
    expect(first('em bé nhà tôi 40 ngày rồi mà chưa làm giấy tờ gì, có sao không')).toBe('1.001193');
    expect(expansions('mua đất 2 tháng rồi chưa làm giấy tờ gì')).not.toContain('dang ki khai sinh');
  });

  it('reads a feast or a cake around a birth or a death as everyday life, not its registration', () => {
    expect(everyday('đặt bánh đầy tháng cho cháu ở tiệm nào ngon')).toBe(true);
    expect(everyday('làm mâm cúng 49 ngày cho mẹ cần những món gì')).toBe(true);
    expect(everyday('mua đầu đọc thẻ căn cước gắn chip ở đâu')).toBe(true);
    // The registration itself, with the same month told, is still asked.
    expect(everyday('con được đầy tháng rồi mà chưa làm khai sinh')).toBe(false);
    expect(first('đặt bánh đầy tháng cho cháu ở tiệm nào ngon')).not.toBe('1.001193');
  });

  it('reads a foreigner adopting a child as the adoption with a foreign element', () => {
    expect(tellsForeignElement(syllables(fold('hai vợ chồng người Canada xin một bé ở mái ấm về làm con nuôi')))).toBe(true);
    expect(tellsForeignElement(syllables(fold('xin một bé ở mái ấm về làm con nuôi')))).toBe(false);
  });

  it('reads a lost certificate whose register is still kept as a copy from the register, not a re-registration', () => {
    expect(expansions('mất giấy khai sinh nhưng sổ gốc vẫn lưu ở phường')).not.toContain('dang ki lai');
    expect(expansions('mất giấy khai sinh, sổ gốc cũng không còn')).toContain('dang ki lai');
  });
});
