import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Commune records of the national catalogue told as situations (issue 15, pass 18): a low-income
 * paper asked for the social housing it is wanted for, a household's forest turned to a farm.
 */
describe('commune records told as situations (issue 15, pass 18)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => {
      const record = (code: string, name: string, levels: string[]) => nationalRecord(demo, code, name, levels);
      return [
        record('3.000412', 'Công nhận người lao động có thu nhập thấp', ['Cấp xã']),
        record('1.014632', 'Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia đình, cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở', ['Cấp xã']),
        record('1.012694', 'Chuyển mục đích sử dụng rừng sang mục đích khác đối với cá nhân', ['Cấp xã']),
        record('1.012689', 'Quyết định chuyển mục đích sử dụng rừng sang mục đích khác đối với tổ chức', ['Cấp tỉnh']),
      ];
    });
  });
  const first = firstPick(() => r);

  it('reads low pay and a paper of the commune saying so as the low-income recognition, even with the social flat it is for', () => {
    expect(first('phụ bếp nhà hàng lương thấp, cần phường chứng nhận để đăng ký thuê nhà ở xã hội')).toBe('3.000412');
    expect(first('lam cong nhat thu nhap thap, xin xac nhan de nop ho so mua nha o xa hoi')).toBe('3.000412');
  });

  it('reads a household’s own forest turned to another use as the individual’s change of forest use', () => {
    expect(first('nhà tôi có khoảnh rừng keo muốn chuyển sang trồng sầu riêng')).toBe('1.012694');
    expect(first('đất rừng sản xuất của gia đình định đổi qua làm ao cá được không')).toBe('1.012694');
  });
});
