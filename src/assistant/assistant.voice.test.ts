import { describe, expect, it } from 'vitest';
import { decisionOf, demoRetriever, firstPick } from './assistant.testing';
import { tokenize } from './assistant.text';
import { attended, onBehalf, quotedRequirement, spokenClauses } from './assistant.voice';

/** Long messages as citizens send them (pass 23): dictated, on someone's behalf, a clerk quoted, a wedding attended. */
describe('long and spoken messages', () => {
  const r = (() => {
    let x: ReturnType<typeof demoRetriever> | undefined;
    return () => (x ??= demoRetriever());
  })();
  const first = firstPick(r);
  const read = (q: string) => tokenize(q, () => true);

  it('reads the sentences of a dictated message at its spoken breaks, and keeps a written one as typed', () => {
    const spoken = spokenClauses(read('dạ chị ơi nhà tôi ở cuối xóm chợ ạ con dâu tôi mới sinh thằng cu được năm hôm thì tôi đi làm giấy cho nó được không'), false);
    const clauseOf = (w: string) => spoken.find((t) => t.raw === w)!.clause;
    expect(clauseOf('chợ')).toBeLessThan(clauseOf('dâu'));
    expect(clauseOf('hôm')).toBeLessThan(clauseOf('giấy'));
    const written = read('con dâu tôi mới sinh thằng cu được năm hôm, thì tôi đi làm giấy cho nó được không ạ nhé chị ơi');
    expect(spokenClauses(written, true)).toEqual(written);
    // A short message is no speech to split, and "mấy giờ" asks the time; a question typed without
    // commas keeps its topic before "thì".
    for (const q of ['mấy giờ thì phường mở cửa', 'nhà cấp bốn muốn đổ thêm một tầng lầu thì phải xin giấy phép ở xã hay ở huyện vậy anh']) expect(spokenClauses(read(q), false)).toEqual(read(q));
  });

  it('answers a birth asked for someone else in a dictated message, the story before it weighing less', () => {
    const q =
      'alo em chào cô ạ em ở tổ 7 khu phố hai ạ em gái em vừa sinh bé trai ở bệnh viện tỉnh mà chồng nó đang đi biển chưa về thì em là dì ruột có đi khai sinh cho bé được không ạ em cảm ơn cô';
    expect(decisionOf(r)(q)).toEqual({ decision: 'answer', first: '1.001193' });
  });

  it('reads "hộ" after an act as on whose behalf, and keeps the household, guardian and passport', () => {
    const kept = (q: string) => onBehalf(read(q)).map((t) => t.raw).join(' ');
    expect(kept('chú ruột đi khai sinh hộ cho cháu được không')).toBe('chú ruột đi khai sinh cho cháu được không');
    expect(kept('nhờ anh nộp hộ em nha')).toBe('nhờ anh nộp em nha');
    expect(kept('con trai nhận hộ tôi tiền trợ cấp')).toBe('con trai nhận giùm tôi tiền trợ cấp');
    for (const q of ['xin tách hộ cho con trai', 'đăng ký hộ kinh doanh', 'làm hộ chiếu cho con', 'đăng ký giám hộ cho cháu', 'nhập hộ khẩu cho vợ']) expect(kept(q)).toBe(q);
    expect(first('chú ruột đi khai sinh hộ cho cháu được không')).toBe('1.001193');
  });

  it('reads what a clerk said must be brought as the ask, marked or not', () => {
    const at = (q: string) => read(q).findIndex((t) => t.folded === 'phai');
    for (const q of ['cán bộ bảo tôi phải xin giấy', 'ben phuong noi phai co giay', 'công an kêu em phải đăng ký']) expect(quotedRequirement(read(q), at(q)), q).toBe(true);
    for (const q of ['có phải xin giấy không', 'tôi phải làm gì']) expect(quotedRequirement(read(q), at(q)), q).toBe(false);
    // The temporary residence is the story; the paper the clerk named is asked.
    expect(first('hôm qua tôi đi làm tạm trú cho con gái, cán bộ nói phải có giấy xác nhận cư trú nơi cũ, xin ở đâu')).toBe('1.010041');
  });

  it('leaves out the wedding or the funeral the citizen went to: the lost card is what is asked', () => {
    expect(attended(read('hôm qua đi đám cưới bạn về mất ví')).map((t) => t.raw).join(' ')).toBe('hôm qua đi bạn về mất ví');
    expect(attended(read('hai đứa sắp làm đám cưới')).map((t) => t.raw).join(' ')).toBe('hai đứa sắp làm đám cưới');
    expect(first('tối qua đi đám cưới ông anh họ ở huyện bên, về tới nhà mới biết rớt mất thẻ căn cước, giờ làm lại thẻ ở đâu')).toBe('1.014064');
  });

  it('reads a tenant said as living in a rented place as the temporary residence', () => {
    expect(first('Vợ chồng tôi từ Cà Mau lên, đang ở thuê một căn nhỏ trong hẻm, nghe nói phải khai với công an phường, cần giấy gì')).toBe('1.004194');
  });
});
