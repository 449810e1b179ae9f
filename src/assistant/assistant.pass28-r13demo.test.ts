import { describe, expect, it } from 'vitest';
import { decisionOf, demoRetriever, firstPick } from './assistant.testing';

/**
 * Plain ward questions on the demo catalogue (issue 15, pass 28, r13demo): a family registering
 * where it lives "ở hẳn", an official asked to come "lên tận nơi", a household "xin thôi" being
 * poor, a food cart asking for its paper, a civil-status detail confirmed "từ sổ hộ tịch", a gift's
 * paper signed at the commune, two "về sống chung", a death "khai với ủy ban", a worker leaving
 * asking what to report "ở quê". Each was handed over to staff, declined, sent to another level or
 * answered with a sibling before its rule (assistant.plain-told.ts and the lists it extended).
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());

describe('assistant: pass 28 — plain ward questions on the demo catalogue', () => {
  it('reads registering a family where it lives "ở hẳn" as the permanent residence, and a room left for good as the temporary one struck off', () => {
    expect(decision('mua được nhà trong phường rồi, đăng ký cho vợ con ở hẳn đây luôn')).toEqual({ decision: 'answer', first: '1.004222' });
    expect(pick('trả phòng trọ về quê ở hẳn rồi, xóa tạm trú chỗ cũ')).toBe('1.010028');
  });

  it('reads an official asked to come "lên tận nơi" as the mobile registration, not the citizen who must go', () => {
    expect(decision('nhà ở tít trong núi, cán bộ xã có lên tận nơi làm giấy kết hôn cho hai đứa không')).toEqual({ decision: 'answer', first: '1.000593' });
    expect(pick('ông mất ở nhà trên nương, nhờ xã lên tận nơi làm khai tử giúp')).toBe('1.000419');
    expect(pick('đăng ký khai sinh cho con có phải lên tận nơi không hay làm online')).not.toBe('1.003583');
  });

  it('reads a household that "xin thôi" being poor as leaving the list, and one asking in as its recognition', () => {
    expect(pick('con cái đi làm gửi tiền về đủ ăn rồi, nhà tôi xin thôi hộ cận nghèo')).toBe('1.011608');
    expect(pick('nhà tôi chưa đủ ăn, xin vào danh sách hộ nghèo năm nay')).toBe('1.011607');
  });

  it('reads a food cart or stall asking for its paper as the household business', () => {
    expect(decision('tính mở xe bán bánh mì trước cổng trường, có cần giấy đăng ký không')).toEqual({ decision: 'answer', first: '1.001612' });
  });

  it('reads a detail confirmed "từ sổ hộ tịch" as the confirmation of civil-status details', () => {
    expect(decision('ngân hàng cần giấy xác nhận tên cha mẹ tôi theo sổ hộ tịch ở xã')).toEqual({ decision: 'answer', first: '2.002516' });
    expect(pick('xin xác nhận ngày sinh trong sổ hộ tịch để nộp công ty')).toBe('2.002516');
  });

  it('reads a gift paper signed at the commune as the certified transaction, and its change as the change', () => {
    expect(pick('bố mẹ làm giấy cho tặng mảnh đất cho tôi, ra ủy ban ký ở đâu')).toBe('2.001035');
    expect(pick('giấy cho tặng đã chứng ở xã, giờ muốn hủy bỏ')).toBe('2.000913');
  });

  it('reads two "về sống chung" registering as the marriage', () => {
    expect(pick('hai đứa tụi em định về sống chung, ra xã đăng ký cần gì')).toBe('1.000894');
  });

  it('reads a death "khai với ủy ban" as the death registration', () => {
    expect(pick('ông cụ hàng xóm vừa mất đêm qua, con cháu khai với ủy ban thế nào')).toBe('1.000656');
  });

  it('reads a long leave asked of what to report "ở quê" as the notice of absence', () => {
    expect(decision('tháng sau đi phụ hồ trong Nam cả năm, ở quê phải báo gì')).toEqual({ decision: 'answer', first: '1.003677' });
    expect(pick('sắp vào Bình Dương làm mấy năm, ở quê có phải báo gì không')).toBe('1.003677');
  });

  it('reads a name struck off the residence record ("gạch tên") as the permanent residence struck off', () => {
    expect(decision('bà cụ đi rồi mà trong dữ liệu cư trú vẫn còn tên, giờ gạch tên bà ra')).toEqual({ decision: 'answer', first: '1.003197' });
  });

  it('reads a birth or a death registered late, a fine feared, as the registration itself', () => {
    expect(decision('khai sinh quá hạn 2 năm có bị phạt không, làm thế nào')).toEqual({ decision: 'answer', first: '1.001193' });
    expect(decision('ông nội mất hơn tháng rồi mà nhà quên báo lên xã, trễ rồi có sao không')).toEqual({ decision: 'answer', first: '1.000656' });
    expect(decision('giấy phép lái xe quá hạn có bị phạt không').decision).not.toBe('answer');
  });
});
