import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Citizens' words for commune records of the national catalogue (issue 15, pass 20): water,
 * boats, cooperatives, a building moved, the old identity card, a benefit left unpaid at a death.
 * Each record sits beside a twin or a record sharing the question's other words.
 */
describe('commune records in citizens’ words (issue 15, pass 20)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.011518', 'Trả lại giấy phép thăm dò nước dưới đất, giấy phép khai thác tài nguyên nước', ['Cấp xã']),
      nationalRecord(demo, '1.014862', 'Cấp giấy phép nuôi trồng thủy sản trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã', ['Cấp xã']),
      nationalRecord(demo, '1.014852', 'Cấp giấy phép nổ mìn và các hoạt động gây nổ khác trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã', ['Cấp xã']),
      nationalRecord(demo, '2.001215', 'Đăng ký phương tiện hoạt động vui chơi, giải trí dưới nước lần đầu', ['Cấp xã']),
      nationalRecord(demo, '1.009454', 'Công bố hoạt động bến thủy nội địa', ['Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '2.002643', 'Dừng thực hiện thủ tục đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', ['Cấp xã']),
      nationalRecord(demo, '1.005280', 'Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã', ['Cấp xã']),
      nationalRecord(demo, '2.002648', 'Hiệu đính, cập nhật, bổ sung thông tin đăng ký hợp tác xã, liên hiệp hợp tác xã, chi nhánh, văn phòng đại diện, địa điểm kinh doanh', ['Cấp xã']),
      nationalRecord(demo, '2.002636', 'Đề nghị thu hồi Giấy chứng nhận đăng ký tổ hợp tác, Giấy chứng nhận đăng ký hợp tác xã', ['Cấp xã']),
      nationalRecord(demo, '1.003434', 'Hỗ trợ dự án liên kết (cấp xã)', ['Cấp xã']),
      nationalRecord(demo, '1.013232', 'Cấp giấy phép di dời đối với công trình cấp III, cấp IV', ['Cấp xã']),
      nationalRecord(demo, '1.002693', 'Cấp giấy phép chặt hạ, dịch chuyển cây xanh', ['Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '3.000322', 'Đăng ký chấm dứt giám sát việc giám hộ', ['Cấp xã']),
      nationalRecord(demo, '3.000323', 'Đăng ký giám sát việc giám hộ', ['Cấp xã']),
      nationalRecord(demo, '2.000717', 'Truy lĩnh lương hưu, trợ cấp bảo hiểm xã hội của người hưởng đã chết nhưng còn chế độ chưa nhận', ['Cấp xã']),
      nationalRecord(demo, '1.001601', 'Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp', ['Cấp xã']),
      nationalRecord(demo, '1.012897', 'Cho thuê nhà ở cũ thuộc tài sản công đối với trường hợp nhận chuyển quyền thuê nhà ở', ['Cấp xã']),
      nationalRecord(demo, '1.012893', 'Bán nhà ở cũ thuộc tài sản công', ['Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);
  const top = (q: string) => r.search(q, { limit: 3 }).candidates[0]?.id;

  it('reads groundwater, a reservoir told without "thủy lợi", rafts and rock blasting', () => {
    expect(top('trạm cấp nước của thôn ngưng hút nước ngầm, xin nộp trả giấy phép')).toBe('1.011518');
    expect(top('hợp tác xã muốn thả bè nuôi cá điêu hồng ở hồ chứa nước của xã')).toBe('1.014862');
    expect(top('nhà thầu phải phá đá bằng mìn ngay dưới chân đập chứa nước')).toBe('1.014852');
  });

  it('reads water scooters hired out and a landing where boats moor', () => {
    expect(top('resort ven sông mới sắm năm chiếc mô tô nước cho du khách, đăng ký ra sao')).toBe('2.001215');
    expect(top('xin công bố cho bãi neo đậu xà lan chở gạch được đi vào khai thác')).toBe('1.009454');
  });

  it('reads a cooperative’s application taken back, its misprinted certificate, a buyer’s contract', () => {
    expect(first('hợp tác xã vừa nộp đơn thành lập hôm kia giờ muốn rút hồ sơ về')).toBe('2.002643');
    expect(top('thông tin đăng ký hợp tác xã có lỗi đánh máy, nhờ sửa')).toBe('2.002648');
    expect(top('tổ hợp tác trồng chè ký bao tiêu với nhà máy, xin hỗ trợ')).toBe('1.003434');
  });

  it('reads a house moved elsewhere as the permit to move a building, not a tree', () => {
    expect(top('cái nhà kho khung thép muốn dời công trình ra góc vườn')).toBe('1.013232');
  });

  it('tells the guardianship supervisor stepping down, a dead pensioner’s unpaid months, a flat rented on', () => {
    expect(top('tôi xin thôi giám sát việc giám hộ cho đứa em họ')).toBe('3.000322');
    expect(first('mẹ tôi đi rồi, lương hưu tháng cuối bà chưa kịp lĩnh')).toBe('2.000717');
    expect(top('ông ngoại ở khu tập thể của nhà nước mất, cậu tôi muốn thuê tiếp căn đó')).toBe('1.012897');
  });
});

describe('commune words folded without marks (issue 15, pass 20)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.004047', 'Đăng ký phương tiện lần đầu đối với phương tiện đang khai thác trên đường thủy nội địa', ['Cấp xã']),
      nationalRecord(demo, '1.009454', 'Công bố hoạt động bến thủy nội địa', ['Cấp tỉnh', 'Cấp xã']),
    ]);
  });
  const top = (q: string) => r.search(q, { limit: 3 }).candidates[0]?.id;

  it('does not read a garment workshop or "over there" as a boat or its landing', () => {
    expect(top('chị làm ở xưởng may, muốn đăng ký tạm trú gần xưởng')).not.toMatch(/^1\.00(4047|9454)$/);
    expect(top('con sinh ở bên đó, về nước đăng ký khai sinh cho con')).not.toMatch(/^1\.00(4047|9454)$/);
  });
});
