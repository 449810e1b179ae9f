import { describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import { decisionOf, demoRetriever, firstPick } from './assistant.testing';

/**
 * The demo ward's near siblings told as citizens tell them (issue 15, pass 26, r11demo; read unseen
 * on tuning/procedures-43.jsonl): "bắt buộc" asked as a modal, a shop named by its everyday trade
 * in a household business's question, a parent by blood "nhận là cha", a civil-status paper that
 * "ghi lệch", a death not reported yet told with the land paper it is wanted for. Each question was handed over or declined, or its procedure offered second, before
 * its rule (assistant.near-siblings.ts).
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());
/** The procedures offered or answered, in order (none when handed over or declined). */
const offered = (q: string): string[] => {
  const s = demoRetriever().search(q, { limit: 8 });
  const d = decide(s.candidates, s.plan);
  return d.decision === 'answer' || d.decision === 'clarify' ? d.picks.map((x) => x.id) : [];
};

describe('assistant: pass 26 — the demo ward’s near siblings told as citizens tell them', () => {
  it('reads "có bắt buộc … không" before the act as how the question asks, not a topic no record here has', () => {
    expect(decision('Tôi tính bày sạp bán tạp hóa ngay hiên nhà, vậy có bắt buộc đăng ký kinh doanh không')).toEqual({ decision: 'answer', first: '1.001612' });
    expect(decision('bắt buộc phải đăng ký kết hôn à')).toEqual({ decision: 'answer', first: '1.000894' });
    // after the insurance it names, "bắt buộc" stays its word: no ward procedure answered
    expect(decision('đóng bảo hiểm xã hội bắt buộc ở đâu').decision).not.toBe('answer');
  });

  it('reads a repair shop in a household business question as the shop, and still declines a repair asked', () => {
    expect(decision('Chồng tôi đi tù, tiệm sửa xe đứng tên anh ấy phải dẹp, làm sao chấm dứt cái hộ kinh doanh')).toEqual({ decision: 'answer', first: '1.001266' });
    expect(decision('mở tiệm sửa xe máy cần đăng ký kinh doanh không')).toEqual({ decision: 'answer', first: '1.001612' });
    expect(decision('tiệm sửa xe nào gần chợ').decision).toBe('decline');
  });

  it('reads a father by blood "nhận là cha" as the acknowledgement, not a card or an adoption', () => {
    expect(pick('Hồi trẻ tôi có đứa con với người khác, giờ đứa nhỏ 15 tuổi, tôi muốn làm thủ tục nhận là cha cho đàng hoàng')).toBe('1.001022');
    // a child taken in, not one's own by blood, stays the adoption
    expect(pick('vợ chồng tôi muốn nhận nuôi cháu bé ở chùa, nhận làm cha mẹ nuôi thì làm sao')).toBe('2.001263');
  });

  it('offers the death registration when a death not reported yet is told with the land paper it is wanted for', () => {
    expect(offered('bà ngoại mất năm ngoái ở quê mà chưa ai báo tử, giờ cần giấy để làm sổ đỏ').slice(0, 3)).toContain('1.000656');
    expect(decision('ba tôi mất 3 năm chưa khai tử, giờ sang tên sổ hồng cho mẹ cần gì')).toEqual({ decision: 'answer', first: '1.000656' });
    // the death paper lost with the register stays its re-registration
    expect(pick('bố tôi mất từ 2005, đã khai tử nhưng giấy bị mất, sổ ở xã cũng không còn, giờ làm lại')).toBe('1.005461');
  });

  it('reads a birth certificate "ghi lệch" from the hospital paper as its correction, ahead of a copy', () => {
    expect(decision('Ngày sinh trong giấy khai sinh của con ghi lệch so với giấy chứng sinh bệnh viện, giờ phải chỉnh lại hay xin bản sao mới')).toEqual({ decision: 'answer', first: '1.004859' });
  });
});
