import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { otherOffice } from './assistant.other-offices';
import type { Retriever } from './assistant.retrieval';
import { decisionOf, demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 25 (r10full): the national catalogue's commune records told in citizens' words —
 * a herd lost to a disease named by its name or to "dịch" said as the cause, works beside a pump
 * station or in a dam's water, a mediator's pay for his cases — and the offices of a religious
 * organisation's own matters and of a war invalid's or a dioxin victim's benefits.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));

describe('commune records told in citizens’ words (pass 25)', () => {
  const records = (demo: Parameters<typeof nationalRecord>[0]) => [
    nationalRecord(demo, '1.013997', 'Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ sở sản xuất không thuộc lực lượng vũ trang nhân dân)', ['Cấp xã']),
    nationalRecord(demo, '1.012836', 'Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tinh đông lạnh, Nitơ lỏng, găng tay và dụng cụ dẫn tinh để phối giống cho trâu, bò cái', ['Cấp xã']),
    nationalRecord(demo, '1.014849', 'Cấp giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi: Xây dựng công trình mới; Lập bến, bãi tập kết nguyên liệu, nhiên liệu, vật tư, phương tiện; Xây dựng công trình ngầm do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã', ['Cấp xã']),
    nationalRecord(demo, '1.014862', 'Cấp giấy phép nuôi trồng thủy sản trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã', ['Cấp xã']),
    nationalRecord(demo, '1.002211', 'Thủ tục công nhận hòa giải viên (cấp xã)', ['Cấp xã']),
    nationalRecord(demo, '2.000930', 'Thủ tục thôi làm hòa giải viên (cấp xã)', ['Cấp xã']),
    nationalRecord(demo, '2.002080', 'Thủ tục thanh toán thù lao cho hòa giải viên', ['Cấp xã']),
    nationalRecord(demo, '2.000424', 'Thủ tục thực hiện hỗ trợ khi hòa giải viên gặp tai nạn hoặc rủi ro ảnh hưởng đến sức khỏe, tính mạng trong khi thực hiện hoạt động hòa giải', ['Cấp xã']),
  ];
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever(records);
  });
  const first = firstPick(() => r);

  it('reads a herd lost to a disease named by its name as the support for an animal epidemic', () => {
    expect(first('bò bị viêm da nổi cục chết mấy con, làm hồ sơ xin nhà nước hỗ trợ thế nào')).toBe('1.013997');
    expect(first('đàn gà đẻ nhà tôi bị cúm A H5N1 chết gần hết, xin hỗ trợ thiệt hại')).toBe('1.013997');
  });

  it('reads an epidemic said only as why a herd was culled as the same support, not a shop or a crop hurt by one', () => {
    expect(first('Thú y xã vừa lập biên bản chôn 40 con heo nái của tôi vì dịch, tiền đền bù làm hồ sơ gửi ai')).toBe('1.013997');
    expect(reads('con trâu nhà tôi chết do dịch bệnh, xin hỗ trợ', 'dich benh dong vat')).toBe(true);
    expect(reads('cửa hàng ăn uống của tôi thiệt hại lớn vì dịch covid, có được hỗ trợ không', 'dich benh dong vat')).toBe(false);
    expect(reads('ruộng lúa chết khô vì dịch rầy nâu, xin hỗ trợ thiệt hại', 'dich benh dong vat')).toBe(false);
  });

  it('reads works beside a pump station or in a dam’s water as permits within an irrigation work’s protected zone', () => {
    expect(first('tôi muốn xây cái nhà kho sát trạm bơm của hợp tác xã, có phải xin phép không')).toBe('1.014849');
    expect(first('Tôi định đặt mấy bè cá rô phi dưới lòng đập nước của xã, thủ tục thế nào')).toBe('1.014862');
  });

  it('reads a mediator’s pay for his cases as its payment, and a mediator hurt on a case as his support', () => {
    expect(first('hòa giải viên ở thôn mỗi vụ hòa giải xong thì được nhận tiền bồi dưỡng ở đâu, thủ tục ra sao')).toBe('2.002080');
    expect(first('Tui là tổ trưởng hòa giải ấp, mấy cô chú trong tổ hòa giải xong vụ đất mà chưa được chi tiền, làm sao lãnh')).toBe('2.002080');
    expect(reads('hòa giải viên đi hòa giải bị đánh phải nằm viện, xin hỗ trợ tiền viện phí', 'thu lao')).toBe(false);
  });
});

describe('a building’s grade named (pass 25)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.013236', 'Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án)', ['Cấp tỉnh']),
    ]);
  });
  const decision = decisionOf(() => r);

  it('points a grade II works’ permit to the province, and keeps a grade IV house the commune’s', () => {
    expect(decision('Doanh nghiệp xây nhà xưởng cấp II cần xin giấy phép xây dựng')).toEqual({ decision: 'elsewhere', first: '1.013236' });
    expect(decision('xây nhà cấp 4 ở nông thôn có cần xin giấy phép xây dựng không').first).toBe('1.013225');
  });
});

describe('other offices named (pass 25)', () => {
  it('names the office of religious affairs for a religious organisation’s own matters, not for a pagoda’s building permit', () => {
    expect(otherOffice('nhóm tín đồ chúng tôi muốn xin thành lập một tổ chức tôn giáo mới', true)?.office).toMatch(/Ban Tôn giáo/u);
    expect(otherOffice('Nhà thờ giáo xứ muốn mời linh mục nước ngoài sang giảng đạo, xin phép ở đâu', true)?.office).toMatch(/Ban Tôn giáo/u);
    expect(otherOffice('chùa trong xã muốn xây thêm gian thờ, được nhắc phải xin giấy phép xây công trình tôn giáo', true)).toBeUndefined();
  });

  it('names the home affairs department for a war invalid’s or a dioxin victim’s benefits, not for a policeman’s', () => {
    expect(otherOffice('Ông tôi là thương binh muốn làm hồ sơ giám định lại tỷ lệ thương tật', true)?.office).toMatch(/Nội vụ/u);
    expect(otherOffice('ba em tham gia kháng chiến bị nhiễm chất độc hóa học, giờ làm hồ sơ hưởng chế độ', true)?.office).toMatch(/Nội vụ/u);
    expect(otherOffice('bố tôi là công an nghỉ hưu, thương binh, muốn giám định lại tỷ lệ thương tật', true)).toBeUndefined();
    // the ward's own paper asked for a war invalid's file stays the ward's
    expect(otherOffice('ông tôi là thương binh hạng 2 ở căn nhà thuê của tỉnh, tiền thuê tăng mà lương ít, có được bớt không', true)).toBeUndefined();
  });
});

describe('what health insurance pays at another level’s hospital (pass 25)', () => {
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;

  it('reads the rate asked as no record to file, and the direct payment asked back as the ward’s', () => {
    expect(everyday('khám bệnh bảo hiểm ở bệnh viện tuyến trên có được hưởng đủ không')).toBe(true);
    expect(everyday('bhyt trái tuyến được hưởng bao nhiêu phần trăm')).toBe(true);
    expect(everyday('đi khám ở bệnh viện tư không đúng tuyến phải tự trả tiền, giờ muốn bảo hiểm y tế thanh toán lại')).toBe(false);
  });
});
