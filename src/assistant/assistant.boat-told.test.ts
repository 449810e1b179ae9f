import { beforeAll, describe, expect, it } from 'vitest';
import { otherOffice } from './assistant.other-offices';
import type { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';
import { fold, syllables } from '../shared/vietnamese';

/**
 * Issue 15, pass 23 (r8full): a river boat's registration told by what happened to the boat; a
 * boat lived on told apart from a boat alone; a planted forest felled, a death while insured, a
 * new vehicle without plates, a vehicle scrapped; a fishing boat's inspection and a boatmaster's
 * certificate named to their offices.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));
const words = new SynonymTable(BUILTIN_SYNONYMS);
/** What the question is read to mean: its situations' and its words' expansions. */
const means = (q: string, what: string) => reads(q, what) || words.match(syllables(fold(q))).some((m) => m.expansion.join(' ').includes(what));

describe('a river boat’s registration told (pass 23)', () => {
  const boatRecords = (demo: Parameters<typeof nationalRecord>[0]) => [
    nationalRecord(demo, '1.004002', 'Đăng ký lại phương tiện trong trường hợp chuyển quyền sở hữu phương tiện nhưng không thay đổi cơ quan đăng ký phương tiện'),
    nationalRecord(demo, '1.003970', 'Đăng ký lại phương tiện trong trường hợp chuyển quyền sở hữu phương tiện đồng thời thay đổi cơ quan đăng ký phương tiện'),
    nationalRecord(demo, '1.004036', 'Đăng ký lại phương tiện trong trường hợp chuyển từ cơ quan đăng ký khác sang cơ quan đăng ký phương tiện thủy nội địa'),
    nationalRecord(demo, '1.003930', 'Cấp lại Giấy chứng nhận đăng ký phương tiện'),
    nationalRecord(demo, '1.006391', 'Đăng ký lại phương tiện trong trường hợp chủ phương tiện thay đổi trụ sở hoặc nơi đăng ký hộ khẩu thường trú của chủ phương tiện sang đơn vị hành chính cấp tỉnh khác'),
    nationalRecord(demo, '2.001711', 'Đăng ký lại phương tiện trong trường hợp phương tiện thay đổi tên, tính năng kỹ thuật'),
    nationalRecord(demo, '2.001659', 'Xóa đăng ký phương tiện'),
    nationalRecord(demo, '1.013313', 'Xác nhận nơi thường xuyên đậu, đỗ; sử dụng phương tiện vào mục đích để ở', ['Cấp xã']),
    nationalRecord(demo, '2.001214', 'Đăng ký lại phương tiện hoạt động vui chơi, giải trí dưới nước', ['Cấp xã']),
    nationalRecord(demo, '2.001211', 'Xóa đăng ký phương tiện hoạt động vui chơi, giải trí dưới nước', ['Cấp xã']),
  ];
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever(boatRecords);
  });
  const first = firstPick(() => r);

  it('reads a boat bought from someone as its re-registration, the office changing when the seller’s was elsewhere', () => {
    expect(first('tôi vừa mua chiếc đò máy của anh hàng xóm, làm sao sang tên cho tôi')).toBe('1.004002');
    expect(first('mua lại chiếc sà lan chở cát của chủ ở tỉnh khác, giấy do bên đó cấp, giờ đăng ký lại')).toBe('1.003970');
  });

  it('reads a lost paper, a rebuilt boat, an owner moved and a boat scrapped as their records', () => {
    expect(first('chiếc ghe máy nhà tôi vẫn còn nhưng tờ giấy đăng ký bị ướt rách hết, xin cấp lại')).toBe('1.003930');
    expect(first('chiếc thuyền máy mới hoán cải, lắp máy khác, phải khai lại giấy tờ')).toBe('2.001711');
    expect(first('tôi chuyển hộ khẩu vào tỉnh khác sinh sống, chiếc ghe máy đăng ký ở quê thì sao')).toBe('1.006391');
    expect(first('chiếc thuyền gỗ đã phá bỏ, xin gạch tên khỏi sổ')).toBe('2.001659');
  });

  it('reads a boat hired out for fun by its own records', () => {
    expect(reads('khu du lịch mua lại ba chiếc mô tô nước của chỗ khác, đứng tên lại', 'dang ki lai phuong tien hoat dong vui choi')).toBe(true);
    expect(first('chiếc thuyền đạp vịt cho khách chơi đã bán phế liệu, xóa tên nó')).toBe('2.001211');
  });

  it('reads a boat lived on and moored as the confirmation for residence, and a boat alone as no home', () => {
    expect(reads('nhà tôi sống trên chiếc thuyền neo ở bến này lâu rồi, muốn nhập hộ khẩu', 'noi thuong xuien dau do')).toBe(true);
    expect(means('ghe tui đụng phải xuồng người ta ngoài sông', 'noi thuong xuien dau do')).toBe(false);
    expect(means('quán nước muốn kê thêm bàn ghế ra lề', 'noi thuong xuien dau do')).toBe(false);
  });

  it('does not read a fishing boat at sea, nor a visit, as a river boat’s registration', () => {
    expect(reads('mua lại chiếc tàu cá của người ta đi biển, sang tên ở đâu', 'phuong tien')).toBe(false);
    expect(reads('cán bộ ghé nhà tôi hỏi việc đăng ký lại tạm trú', 'phuong tien')).toBe(false);
  });
});

describe('the offices of a fishing boat and a boatmaster (pass 23)', () => {
  it('names the fisheries office, not the motor-vehicle inspection, for a fishing boat’s registration and inspection', () => {
    expect(otherOffice('ghe đánh cá nhà tôi muốn đăng ký tàu cá rồi đăng kiểm luôn')?.office).toMatch(/Thủy sản/u);
    expect(otherOffice('ghe đánh cá nhà tôi muốn đăng ký tàu cá rồi đăng kiểm luôn', true)?.office).toMatch(/Thủy sản/u);
    // a car's inspection is still the inspection centre's
    expect(otherOffice('xe ô tô tới hạn đăng kiểm', true)?.office).toMatch(/đăng kiểm/u);
  });

  it('names the inland waterways office for a boatmaster’s certificate', () => {
    expect(otherOffice('tôi muốn thi bằng thuyền trưởng để lái ghe chở khách', true)?.office).toMatch(/đường thủy nội địa/u);
  });
});

describe('losses told: a forest felled, a death while insured, a vehicle without plates or scrapped (pass 23)', () => {
  it('reads planted trees felled or burnt as the check of a damaged planted forest', () => {
    expect(reads('cơn lốc làm đổ rạp hết đồi bạch đàn nhà tôi', 'rung trong bi thiet hai')).toBe(true);
    expect(reads('mấy sào keo lai nhà em bị cháy lan từ rẫy bên cạnh', 'rung trong bi thiet hai')).toBe(true);
    // pulling ("kéo") is not acacia, insurance bought is not the check
    expect(reads('gió quật đổ cây, kéo dây điện xuống', 'rung trong bi thiet hai')).toBe(false);
    expect(reads('rừng keo nhà tôi bị bão quật ngã, có mua bảo hiểm', 'rung trong bi thiet hai')).toBe(false);
  });

  it('reads a death while paying into social insurance as its survivors’ allowance, not the uninsured forces’', () => {
    expect(reads('cha tôi đang đóng bảo hiểm xã hội ở công ty thì qua đời, mẹ tôi được nhận gì', 'tu tuat')).toBe(true);
    expect(reads('anh tôi đi cứu lũ bị cuốn chết, chưa đóng bảo hiểm xã hội', 'tu tuat')).toBe(false);
    expect(reads('tôi làm mất sổ bảo hiểm xã hội, đang đóng ở công ty', 'tu tuat')).toBe(false);
  });

  it('reads a new vehicle without plates driven home as the temporary registration, a scrapped one as the withdrawal', () => {
    expect(reads('xe ô tô mới mua chưa có biển, cần lái về nhà ở tỉnh khác', 'dang ki xe tam thoi')).toBe(true);
    expect(reads('chiếc xe máy cũ đã bán đồng nát, nộp lại đăng ký và biển', 'thu hoi chung nhan dang ki xe')).toBe(true);
    expect(reads('xe máy bị công an tạm giữ, chưa có biển', 'dang ki xe tam thoi')).toBe(false);
  });

  it('reads a pension left unpaid at a death as its arrears, and one collected for a living parent as the authorisation', () => {
    const arrears = 'trui linh luong huu'; // folded "truy lĩnh lương hưu"
    const proxy = 'ui quien linh thai cac che do'; // this reading's words ("ủy quyền lĩnh thay" alone is an older one's)
    expect(reads('ông nội mất tuần trước, tiền hưu tháng này vẫn còn ở bưu điện chưa ai lãnh', arrears)).toBe(true);
    expect(reads('bà ngoại qua đời trước kỳ lĩnh trợ cấp hằng tháng', arrears)).toBe(true);
    expect(reads('cha tôi yếu rồi, tôi muốn lãnh lương hưu thay cho cha mỗi tháng', proxy)).toBe(true);
    expect(reads('nhờ đứa cháu ra bưu điện lấy hộ lương hưu mấy tháng tôi nằm viện', proxy)).toBe(true);
    // the signature of the authorisation certified is another record; a death is the arrears'
    expect(reads('chứng thực chữ ký trên giấy ủy quyền nhận lương hưu thay', proxy)).toBe(false);
    expect(reads('mẹ tôi qua đời, tôi lãnh lương hưu thay cho mẹ được không', proxy)).toBe(false);
  });
});

describe('a cooperative’s registration told (pass 23)', () => {
  it('reads a mistake on a cooperative’s or a group’s certificate as its correction, not a civil-status one', () => {
    expect(reads('giấy của htx bên tôi in sai địa chỉ trụ sở, muốn sửa', 'hieu dinh')).toBe(true);
    expect(reads('tổ hợp tác trồng nấm bị ghi sai tên một tổ viên trên giấy', 'hieu dinh cap nhat bo sung thong tin dang ki to hop tac')).toBe(true);
    expect(reads('giấy khai sinh của con ghi sai năm sinh của mẹ', 'hieu dinh')).toBe(false);
  });

  it('reads a group’s new leader or members, a pause of some months and an application taken back', () => {
    expect(reads('tổ hợp tác làm chổi của xóm bầu tổ trưởng mới, thêm hai người', 'thai doi to hop tac')).toBe(true);
    expect(reads('hợp tác xã tạm nghỉ hai tháng mùa lũ', 'tam ngung kinh doanh')).toBe(true);
    expect(reads('htx nộp hồ sơ xin lập rồi nhưng các xã viên đổi ý, nhờ xã ngưng xử lý', 'dung thuc hien thu tuc dang ki')).toBe(true);
    // dissolved for good is not a pause
    expect(reads('hợp tác xã nghỉ luôn, giải thể từ tháng sau', 'tam ngung kinh doanh')).toBe(false);
  });
});
