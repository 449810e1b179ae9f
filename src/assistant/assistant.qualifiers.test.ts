import { describe, expect, it } from 'vitest';
import { qualifierChoice } from './assistant.qualifiers';

const MARRIAGE = [
  { code: '2.000806', name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài' },
  { code: '2.000513', name: 'Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài' },
  { code: '1.000094', name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới' },
];
const TRANSLATOR = [
  { code: '2.000992', name: 'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật' },
  { code: '2.001008', name: 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật' },
];

describe('choices that differ only by a qualifier', () => {
  it('answers the plain procedure when the question leaves the qualifiers out', () => {
    expect(qualifierChoice('kết hôn có yếu tố nước ngoài mất bao lâu', MARRIAGE)).toBe('2.000806');
    expect(qualifierChoice('chứng thực chữ ký người dịch là cộng tác viên phí bao nhiêu', TRANSLATOR)).toBe('2.000992');
  });

  it('answers the qualified one when the question names its qualifier', () => {
    expect(qualifierChoice('đăng ký lại kết hôn có yếu tố nước ngoài cần gì', MARRIAGE)).toBe('2.000513');
    expect(qualifierChoice('kết hôn có yếu tố nước ngoài ở khu vực biên giới', MARRIAGE)).toBe('1.000094');
    expect(qualifierChoice('chứng thực chữ ký người dịch không phải cộng tác viên cần giấy gì', TRANSLATOR)).toBe('2.001008');
  });

  it('answers the plain case of a family (thành lập, lần đầu, mới) when the question names no other act', () => {
    const business = [
      { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh' },
      { code: '2.000720', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh' },
      { code: '1.014035', name: 'Dừng thực hiện thủ tục đăng ký hộ kinh doanh' },
    ];
    expect(qualifierChoice('dang ky ho kinh doanh het bao nhieu tien', business)).toBe('1.001612');
    expect(qualifierChoice('hộ kinh doanh mất bao lâu', business)).toBe('1.001612');
    // The act named decides: a change is not the founding.
    expect(qualifierChoice('thay đổi nội dung đăng ký hộ kinh doanh mất bao lâu', business)).toBe('2.000720');
    const permits = [
      { code: '1.013225', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' },
      { code: '1.013228', name: 'Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ' },
    ];
    expect(qualifierChoice('xin giấy phép xây dựng nhà ở mất bao lâu', permits)).toBe('1.013225');
    expect(qualifierChoice('cấp lại giấy phép xây dựng bị mất', permits)).toBe('1.013228');
  });

  it('needs no "đăng ký" said when the question names only the thing, but a story may mean another act', () => {
    const business = [
      { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh' },
      { code: '2.000720', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh' },
      { code: '1.001266', name: 'Chấm dứt hoạt động hộ kinh doanh' },
    ];
    expect(qualifierChoice('hộ kinh doanh', business)).toBe('1.001612');
    expect(qualifierChoice('chấm dứt hoạt động hộ kinh doanh', business)).toBe('1.001266');
    const residence = [
      { code: '1.004194', name: 'Đăng ký tạm trú' },
      { code: '1.002755', name: 'Gia hạn tạm trú' },
      { code: '1.010028', name: 'Xóa đăng ký tạm trú' },
    ];
    expect(qualifierChoice('tạm trú', residence)).toBe('1.004194');
    expect(qualifierChoice('tạm trú của cả phòng sắp hết muốn ở tiếp', residence)).toBeUndefined();
  });

  it('leaves the choice to the citizen when the names differ otherwise', () => {
    const business = [
      { code: '2.000720', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh' },
      { code: '1.014035', name: 'Dừng thực hiện thủ tục đăng ký hộ kinh doanh' },
    ];
    expect(qualifierChoice('hộ kinh doanh mất bao lâu', business)).toBeUndefined();
    // "môi" (môi trường) is not "mới": it stays a word the question leaves out.
    const licences = [
      { code: 'a', name: 'Cấp giấy phép môi trường cho cơ sở' },
      { code: 'b', name: 'Cấp giấy phép hoạt động cho cơ sở' },
    ];
    expect(qualifierChoice('cấp giấy phép trường cho cơ sở', licences)).toBeUndefined();
    expect(qualifierChoice('kết hôn', [MARRIAGE[0]!])).toBeUndefined();
  });
});
