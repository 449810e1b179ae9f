import { beforeAll, describe, expect, it } from 'vitest';
import { otherOffice } from './assistant.other-offices';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 26 (r11full): the national catalogue's commune records told in villagers' words —
 * a wharf opened for a ferry across the river or closed for good, herbs grown under a forest, a
 * health insurance card for the household alone, a shop shut for counted months, a boat named by
 * its load, frogs raised on rice land — a residence verified and a boundary's markers quarrelled
 * over; military service registration and unemployment money handed over to their offices.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));

describe('commune records told in villagers’ words (pass 26)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.009454', 'Công bố hoạt động bến thủy nội địa', ['Cấp xã']),
      nationalRecord(demo, '1.009455', 'Công bố hoạt động bến khách ngang sông, bến thủy nội địa phục vụ thi công công trình chính', ['Cấp xã']),
      nationalRecord(demo, '1.009447', 'Công bố đóng cảng, bến thủy nội địa', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '1.009444', 'Gia hạn hoạt động cảng, bến thủy nội địa', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '1.003658', 'Công bố lại hoạt động bến thủy nội địa', ['Cấp xã']),
      nationalRecord(demo, '3.000502', 'Thẩm định, phê duyệt hoặc điều chỉnh phương án nuôi, trồng phát triển, thu hoạch cây dược liệu trong rừng đối với chủ rừng là hộ gia đình, cá nhân, cộng đồng dân cư', ['Cấp xã']),
      nationalRecord(demo, '1.011471', 'Phê duyệt Phương án khai thác gỗ, thực vật rừng ngoài gỗ loài thông thường thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã', ['Cấp xã']),
      nationalRecord(demo, '1.001939', 'Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '1.001570', 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', ['Cấp bộ', 'Cấp xã']),
      nationalRecord(demo, '2.001711', 'Đăng ký lại phương tiện trong trường hợp phương tiện thay đổi tên, tính năng kỹ thuật', ['Cấp tỉnh', 'Cấp xã']),
      nationalRecord(demo, '1.008004', 'Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa', ['Cấp xã']),
      nationalRecord(demo, '1.012836', 'Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tinh đông lạnh, Nitơ lỏng, găng tay và dụng cụ dẫn tinh để phối giống cho trâu, bò cái', ['Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);

  it('reads a wharf opened for a ferry across the river as the cross-river wharf, one worked again as its announcement made again, and one given up as its closing', () => {
    expect(first('Nhà tôi có khoảnh đất sát mép sông, muốn mở bến đò chở khách sang bờ bên kia thì phải xin ở đâu')).toBe('1.009455');
    expect(first('không chở khách nữa, thôi chạy bến đò, xin đóng bến')).toBe('1.009447');
    expect(first('bến đò của tôi ngưng chạy mấy tháng mùa lũ, nay nước rút xin cho bến hoạt động lại')).toBe('1.003658');
    expect(reads('bến đò của tôi ngưng chạy mấy tháng mùa lũ, nay nước rút xin cho bến hoạt động lại', 'cong bo lai hoat dong ben')).toBe(true);
    // "sang bờ bên kia" is no "bỏ bến"; a bus station is no wharf
    expect(reads('mở bến đò đưa khách qua sông sang bờ bên kia', 'dong cang')).toBe(false);
    expect(reads('bến đỗ xe khách ở đầu xã muốn mở thêm thì xin ở đâu', 'ben thui noi dia')).toBe(false);
  });

  it('reads a medicinal plant grown under the household’s forest as the plan for herbs in a forest', () => {
    expect(first('trồng sâm dưới tán rừng nhà được giao thì cần phương án gì được duyệt')).toBe('3.000502');
    expect(reads('mua sắm đồ dùng cho nhà ở gần rừng', 'duoc lieu')).toBe(false);
  });

  it('reads a health card bought for the household alone as that registration, not a child’s card made with the birth', () => {
    expect(first('nhà 5 người không ai đi làm công ty, muốn có thẻ bảo hiểm y tế theo hộ thì kê khai ở đâu')).toBe('1.001939');
    expect(reads('làm thẻ bảo hiểm y tế cho em bé mới sinh cả nhà mong', 'nguoi chi tham gia')).toBe(false);
  });

  it('reads a shop shut for a counted number of months as the notice of a pause, and one shut for good as its end', () => {
    expect(first('tiệm uốn tóc của em đóng cửa 2 tháng để sinh em bé, có phải thông báo tạm dừng với phường không')).toBe('1.001570');
    expect(reads('tiệm tạp hóa đóng cửa 2 tháng rồi, giờ dẹp luôn', 'tam ngung')).toBe(false);
  });

  it('reads a boat named by its load, renamed and re-engined, as its re-registration; frogs raised on rice land as the change of crop', () => {
    expect(first('ghe chở cát nhà em đổi tên ghe với thay máy lớn hơn thì đăng ký lại thế nào')).toBe('2.001711');
    expect(first('chân ruộng vụ nào cũng úng, anh em tính bỏ cấy lúa để khoanh lại nuôi ếch, có phải làm giấy gì với ủy ban không')).toBe('1.008004');
    // "ghé chợ" is no boat
    expect(reads('sáng nay ghé chợ mua cá, chiều đổi tên tài khoản ngân hàng được không', 'phuong tien')).toBe(false);
  });
});

describe('the demo catalogue’s records in words the full catalogue shares (pass 26)', () => {
  let r: Retriever;
  beforeAll(() => {
    // a ministry's record whose "giấy xác nhận … tuyển" the school's story shares
    r = demoRetriever((demo) => [nationalRecord(demo, '1.004828', 'Cấp Giấy xác nhận phù hợp về tuyển dụng, cung ứng thuyền viên hàng hải', ['Cấp bộ'])]);
  });
  const first = firstPick(() => r);

  it('reads a school asking where one really lives as the confirmation of residence', () => {
    expect(first('trường cấp 3 đòi giấy xác minh nơi ở thực tế để xét tuyển đầu cấp, xin chỗ nào')).toBe('1.010041');
    expect(reads('công ty đòi giấy xác minh chỗ ở thực tế của tôi', 'xac nhan thong tin ve cu tru')).toBe(true);
  });

  it('reads two houses quarrelling over a moved boundary marker as the conciliation of a land dispute', () => {
    expect(first('hai nhà cãi nhau vì cột mốc giữa hai thửa bị dời, nhờ ủy ban mời hai bên ngồi lại')).toBe('1.012812');
  });
});

describe('other offices named (pass 26)', () => {
  it('hands a permit to take a river’s water asked for to the province’s department, and keeps one handed back the commune’s', () => {
    expect(otherOffice('nhà máy chế biến cá muốn bơm nước từ sông lên dùng, xin giấy phép khai thác nước mặt ở cơ quan nào', true)?.office).toMatch(/Môi trường/u);
    expect(otherOffice('cty nghỉ khai thác nước mặt từ suối để làm nước đóng chai, mún nộp trả gp khai thác thì làm sao', true)).toBeUndefined();
  });

  it('hands a first military service registration to the military command, and keeps a leave told around it the ward’s', () => {
    expect(otherOffice('con trai 17 tuổi phải đăng ký nghĩa vụ quân sự lần đầu ở đâu', true)?.office).toMatch(/quân sự/u);
    expect(otherOffice('con tôi năm nay 17 tuổi, đăng ký nghĩa vụ quân sự ở đâu', true)?.office).toMatch(/quân sự/u);
    expect(otherOffice('con trai đi nghĩa vụ quân sự, gia đình có phải khai báo tạm vắng cho cháu không', true)).toBeUndefined();
  });

  it('hands the unemployment money asked by the insurance’s name to the job centre, not a proxy collecting it', () => {
    expect(otherOffice('xưởng giày cắt giảm, tôi mất việc đã đóng bảo hiểm 3 năm, muốn nhận tiền bảo hiểm thất nghiệp', true)?.office).toMatch(/việc làm/u);
    expect(otherOffice('đang nhận trợ cấp thất nghiệp mà phải nằm viện, muốn ủy quyền cho vợ đi lĩnh thay', true)).toBeUndefined();
  });
});
