import { beforeAll, describe, expect, it } from 'vitest';
import { otherOffice } from './assistant.other-offices';
import { qualifierChoice } from './assistant.qualifiers';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 24 (r9full): the national catalogue's commune records told in citizens' words —
 * a translation signed by its own translator, a land-use fee owed and paid off, a building permit
 * torn or lost, a driving licence put onto the chip card, an addict going to quit, a foreign father
 * acknowledging his child, an old spear kept for worship, a herd culled after it caught an
 * epidemic — and the offices of a divorce petition, an unemployment claim, a monument's ranking,
 * an orchard's export code and a martyr's family's allowance.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));
const TRANSLATOR = [
  { code: '2.000992', name: 'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng' },
  { code: '2.001008', name: 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng' },
];

describe('commune records told in citizens’ words (pass 24)', () => {
  const records = (demo: Parameters<typeof nationalRecord>[0]) => [
    nationalRecord(demo, '2.001008', 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng', ['Cấp xã']),
    nationalRecord(demo, '1.012995', 'Ghi nợ tiền sử dụng đất của hộ gia đình, cá nhân trong trường hợp được bố trí tái định cư', ['Cấp xã']),
    nationalRecord(demo, '1.012996', 'Thanh toán, xóa nợ tiền sử dụng đất đối với hộ gia đình, cá nhân được ghi nợ', ['Cấp xã']),
    nationalRecord(demo, '1.013228', 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Sửa chữa, cải tạo/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ', ['Cấp xã']),
    nationalRecord(demo, '1.013227', 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Sửa chữa, cải tạo/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ', ['Cấp xã']),
    nationalRecord(demo, '2.002638', 'Cấp lại Giấy chứng nhận đăng ký hợp tác xã do bị mất, cháy, rách, nát hoặc bị tiêu hủy', ['Cấp xã']),
    nationalRecord(demo, '1.014060', 'Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước', ['Cấp xã']),
    nationalRecord(demo, '3.000527', 'Đăng ký cai nghiện ma túy tự nguyện', ['Cấp xã']),
    nationalRecord(demo, '2.000779', 'Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài', ['Cấp xã']),
    nationalRecord(demo, '1.013442', 'Khai báo vũ khí thô sơ là hiện vật trưng bày, triển lãm, làm đồ gia bảo', ['Cấp xã']),
    nationalRecord(demo, '1.013997', 'Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật', ['Cấp xã']),
  ];
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever(records);
  });
  const first = firstPick(() => r);

  it('reads a translation made by the citizen himself as his signature certified, not a collaborator’s', () => {
    expect(reads('Tôi biết tiếng Trung nên tự ngồi dịch cái hợp đồng lao động, ký tên dưới bản dịch rồi, nhờ xã chứng cái chữ ký đó được hông', 'khong phai la cong tac vien')).toBe(true);
    // offered both twins, the one meant is the translator who is no collaborator
    expect(qualifierChoice('em tự dịch bảng điểm sang tiếng Anh, xã có chứng thực chữ ký cho em không', TRANSLATOR)).toBe('2.001008');
    expect(qualifierChoice('chứng thực chữ ký người dịch là cộng tác viên của xã, tự dịch luôn', TRANSLATOR)).toBe('2.000992');
    // a collaborator of the commune is not told so
    expect(reads('bản dịch do cộng tác viên của xã tự dịch, chứng thực chữ ký', 'khong phai la cong tac vien')).toBe(false);
  });

  it('reads a land-use fee owed and paid now as its payment, and one asked to owe as the debt recorded', () => {
    expect(first('Sổ hồng nhà tôi còn dòng ghi nợ tiền đất, năm nay bán lúa được giá muốn đem tiền lên đóng cho sạch nợ')).toBe('1.012996');
    expect(first('nhà tôi nợ tiền sử dụng đất từ hồi được cấp lô, giờ muốn trả hết một lần')).toBe('1.012996');
    expect(reads('được bố trí tái định cư mà chưa đủ tiền, xin ghi nợ tiền sử dụng đất', 'thanh toan xoa no')).toBe(false);
  });

  it('reads a building permit torn or lost as its reissue, not a cooperative’s certificate', () => {
    expect(first('giấy phép xây dựng của nhà tôi bị chuột cắn rách nát, xin cấp lại')).toBe('1.013228');
    expect(first('giấy phép xây dựng bị lũ cuốn trôi mất rồi, làm lại thế nào')).toBe('1.013228');
    // a permit running out is still extended
    expect(reads('giấy phép xây dựng sắp hết hạn, xin gia hạn', 'cap lai giai phep xai dung')).toBe(false);
  });

  it('reads a driving licence or a health card put onto the chip card as the card’s integration', () => {
    expect(first('Đi đâu cũng mang theo lỉnh kỉnh giấy tờ, nghe nói gắn được cả giấy phép lái xe lên cái thẻ chip, làm ở đâu vậy')).toBe('1.014060');
    expect(reads('muốn tích hợp thẻ bhyt vào căn cước cho tiện', 'tich hop')).toBe(true);
    expect(reads('đi làm căn cước gần nhà, mang theo bằng lái', 'tich hop')).toBe(false);
  });

  it('reads an addict told in slang, going to quit, as the voluntary rehabilitation, not alcohol', () => {
    expect(first('Thằng em dính vô hàng trắng hơn năm nay, nó chịu đi cai rồi, gia đình khai đăng ký cho nó ở đâu')).toBe('3.000527');
    expect(first('con tôi hút chích mấy năm, giờ nó muốn cai tại nhà thì báo xã sao')).toBe('3.000527');
    expect(reads('chồng nghiện rượu nặng, muốn đưa đi cai', 'cai nghien ma tui')).toBe(false);
  });

  it('reads a foreigner to be acknowledged as a child’s father as the acknowledgement with a foreign element', () => {
    expect(first('Tôi là người Pháp, muốn được công nhận là cha của đứa nhỏ do bạn gái Việt sinh ra năm ngoái')).toBe('2.000779');
    expect(reads('chồng người Úc muốn nhận con riêng của tôi làm con nuôi', 'nhan cha me con co ieu to')).toBe(false);
  });

  it('reads an adoption granted abroad and recorded at home as its record, not an adoption sought here', () => {
    expect(reads('Hai ông bà tôi làm thủ tục nhận đứa nhỏ làm con nuôi tại tòa án bên Đức xong xuôi rồi, nay về quê có cần báo cho xã để vào sổ không', 'ghi vao so dang ki nuoi con nuoi')).toBe(true);
    expect(reads('vợ chồng tôi ở bên Mỹ về, muốn nhận nuôi một bé ở chùa trong xã', 'ghi vao so dang ki nuoi con nuoi')).toBe(false);
  });

  it('reads a spear kept for worship and a herd that caught an epidemic by their records', () => {
    expect(first('Nhà thờ họ còn giữ cây giáo với cây mã tấu từ đời cụ tổ, treo để thờ, nghe nói phải báo công an')).toBe('1.013442');
    expect(first('Trại heo nhà em dính dịch phải tiêu hủy hết 40 con nái, thú y xã đã lập biên bản, giờ làm đơn xin nhà nước bù lỗ')).toBe('1.013997');
  });
});

describe('other offices named (pass 24)', () => {
  it('names the court for a divorce petition by its kind', () => {
    expect(otherOffice('Vợ chồng tôi đã thống nhất chia con chia tài sản, đơn thuận tình ly hôn gửi về cơ quan nào', true)?.office).toMatch(/Tòa án/u);
    // a copy of the court's decision is no petition
    expect(otherOffice('xin bản sao quyết định công nhận thuận tình ly hôn để làm sổ đỏ', true)).toBeUndefined();
  });

  it('names the job centre when unemployment insurance was paid and the benefit is asked', () => {
    expect(otherOffice('Chồng tôi mất việc ở khu công nghiệp, đóng bảo hiểm thất nghiệp 2 năm, nộp hồ sơ hưởng trợ cấp ở đâu', true)?.office).toMatch(/việc làm/u);
  });

  it('names the culture department for a monument’s ranking and the plant office for an export code', () => {
    expect(otherOffice('Đình làng tụi tôi có từ thời Lê, bà con muốn đề nghị xếp hạng di tích lịch sử', true)?.office).toMatch(/Văn hóa/u);
    expect(otherOffice('vườn xoài muốn xuất đi Úc, xin mã số vùng trồng ở đâu', true)?.office).toMatch(/Trồng trọt/u);
  });

  it('names the home affairs department for a martyr’s family’s allowance, not a copy asked for its file', () => {
    expect(otherOffice('Bà ngoại là vợ liệt sĩ, muốn làm hồ sơ hưởng trợ cấp tuất hằng tháng', true)?.office).toMatch(/Nội vụ/u);
    expect(otherOffice('xin bản sao tờ khai sinh cũ của ông để làm hồ sơ liệt sĩ', true)).toBeUndefined();
    expect(otherOffice('khai sinh của ông tôi và quyển lưu đều mất, cụ cần giấy để hưởng trợ cấp người có công', true)).toBeUndefined();
  });
});
