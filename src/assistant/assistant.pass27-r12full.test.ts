import { beforeAll, describe, expect, it } from 'vitest';
import { otherOffice } from './assistant.other-offices';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 27 (r12full): the national catalogue's commune records told as hamlets tell them —
 * a boat worked for years and never registered, an irrigation permit running out, a temporary way
 * out onto the provincial road, a household business's paper spoilt, one's own pension insurance,
 * a tree by the gate felled, a social flat asked for beside the industrial zone — and a factory's
 * groundwater permit or land leased to a company handed to the province.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));

describe('commune records told as hamlets tell them (pass 27)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.004047', 'Đăng ký phương tiện lần đầu đối với phương tiện đang khai thác trên đường thủy nội địa'),
      nationalRecord(demo, '1.004088', 'Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội địa'),
      nationalRecord(demo, '1.014860', 'Cấp giấy phép cho các hoạt động trồng cây lâu năm trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch Ủy ban nhân dân cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã', ['Cấp xã']),
      nationalRecord(demo, '1.014864', 'Cấp gia hạn, điều chỉnh nội dung giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi: Trồng cây lâu năm; Hoạt động của phương tiện thủy nội địa, phương tiện cơ giới', ['Cấp xã']),
      nationalRecord(demo, '1.000314', 'Chấp thuận vị trí đấu nối tạm vào đường bộ đang khai thác', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '2.001921', 'Chấp thuận vị trí, quy mô, kích thước, phương án tổ chức thi công biển quảng cáo, biển thông tin cổ động, tuyên truyền chính trị', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '2.000575', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh', ['Cấp bộ', 'Cấp xã']),
      nationalRecord(demo, '1.002179', 'Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '1.001742', 'Giải quyết chuyển hưởng sang địa bàn khác đối với người đang hưởng lương hưu, trợ cấp BHXH hàng tháng và người chờ hưởng'),
      nationalRecord(demo, '1.002693', 'Cấp giấy phép chặt hạ, dịch chuyển cây xanh'),
    ]);
  });
  const first = firstPick(() => r);

  it('reads a boat worked for years and never registered as the first registration of a boat in use, and a boat just built as the one not yet worked', () => {
    expect(first('xà lan nhà tôi vẫn chở cát mấy năm nay nhưng chưa đăng ký bao giờ, đăng ký thế nào')).toBe('1.004047');
    expect(reads('chiếc đò máy chở khách cả chục năm mà chưa hề có giấy đăng ký', 'dang khai thac')).toBe(true);
    expect(reads('chiếc ghe mới đóng xong, chưa chạy chuyến nào, chưa có giấy đăng ký', 'dang khai thac')).toBe(false);
  });

  it('reads an irrigation permit running out as its extension, not a new permit', () => {
    expect(first('giấy phép trồng cây ăn quả lâu năm trong hành lang kênh thủy lợi sắp hết hạn, xin gia hạn')).toBe('1.014864');
    expect(reads('giấy phép nổ mìn gần đập thủy lợi hết hạn rồi muốn kéo dài', 'gia han dieu chinh noi dung giai phep')).toBe(true);
  });

  it('reads a way out onto the provincial road for the time of the works as the temporary connection', () => {
    expect(first('mở một lối xe ra vào tạm từ bãi vật liệu ra đường tỉnh trong lúc thi công')).toBe('1.000314');
    expect(reads('treo biển quảng cáo ở lối ra quốc lộ tạm thời', 'dau noi tam')).toBe(false);
  });

  it('reads a household business’s paper spoilt and made again as its reissue, not a new registration nor a move', () => {
    // (the retriever here reads the national records by their names alone, the demo's registration
    // by its keywords too: the reading is asserted, the whole path by procedures-47 on the full catalogue)
    expect(reads('chuột gặm nát tờ giấy phép kinh doanh của tiệm tạp hóa, đi làm bản khác', 'cap lai giai chung nhan dang ki ho kinh doanh')).toBe(true);
    expect(reads('tiệm đã có giấy phép kinh doanh, giờ chuyển sang địa chỉ khác, có phải làm lại giấy không', 'cap lai giai chung nhan')).toBe(false);
    expect(reads('má tôi mất rồi, muốn đóng luôn cái giấy phép kinh doanh', 'cap lai giai chung nhan')).toBe(false);
  });

  it('reads paying one’s own pension insurance as the voluntary insurance, not a pension moved nor maternity papers handed in', () => {
    expect(first('chạy xe ôm công nghệ không ai đóng bảo hiểm cho, muốn tự đóng hằng tháng để già có lương hưu')).toBe('1.002179');
    expect(reads('nghỉ việc rồi, tự nộp hồ sơ hưởng thai sản bhxh ở đâu', 'tu nguien')).toBe(false);
  });

  it('reads a tree by the gate felled as the permit to fell a green tree, not a forest’s timber', () => {
    expect(first('cây phượng già ngoài cổng bị mối ruột, gió to là sợ gãy đè nhà, muốn đốn bỏ thì xin ai')).toBe('1.002693');
    expect(reads('rừng keo nhà tôi đến tuổi muốn chặt hạ cây keo', 'cai xanh')).toBe(false);
  });

  it('reads a social flat asked for beside the industrial zone as its registration, and the income paper for it as that paper', () => {
    expect(reads('công nhân khu công nghiệp lương thấp muốn đăng ký mua nhà ở xã hội', 'dang ki mua thue mua thue nha o xa hoi')).toBe(true);
    expect(reads('lương thấp, xin xác nhận để đăng ký mua nhà ở xã hội', 'nha o xa hoi')).toBe(false);
  });
});

describe('a company’s water and land handed to the province (pass 27)', () => {
  it('names the province for a factory’s groundwater permit and land leased to a company, not for a household’s well', () => {
    expect(otherOffice('công ty tôi khai thác nước ngầm cho nhà máy mỗi ngày ba nghìn khối, xin giấy phép')?.office).toMatch(/cấp tỉnh/);
    expect(otherOffice('doanh nghiệp xin thuê đất của nhà nước để làm nhà máy')?.office).toMatch(/cấp tỉnh/);
    expect(otherOffice('nhà tôi khoan giếng lấy nước ngầm tưới vườn có phải đăng ký không')).toBeUndefined();
    expect(otherOffice('xưởng mộc của tôi đang thuê đất của xã, muốn trả tiền một lần')).toBeUndefined();
  });
});
