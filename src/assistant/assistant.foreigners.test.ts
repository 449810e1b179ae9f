import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { decide } from './assistant.decide';
import { Retriever } from './assistant.retrieval';
import { tellsForeigner } from './assistant.situations';
import { demoRetriever, nationalRecord } from './assistant.testing';

/**
 * Out-of-scope questions the ward used to answer with one of its own records (issue 15, pass 16):
 * a foreigner's residence card or adoption answered with the citizen's record of the same name,
 * the owner's name changed on a land paper answered with the certification of the sale. The demo
 * catalogue with a few national records of the province.
 */
describe('another agency’s record told apart from the ward’s own of the same name (issue 15, pass 16)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => {
      const province = (code: string, name: string) => nationalRecord(demo, code, name, ['Cấp tỉnh']);
      return [
        province('1.001146', 'Gia hạn tạm trú cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)'),
        province('1.003460', 'Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam tại Công an cấp tỉnh'),
        province('1.004878', 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trường hợp cha dượng, mẹ kế nhận con riêng của vợ hoặc chồng; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi'),
        province('1.005141', 'Thôi quốc tịch Việt Nam ở nước ngoài'),
        province('1.001194', 'Cấp thị thực cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)'),
        province('1.013831', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển nhượng, tặng cho, thừa kế'),
        province('1.012784', 'Tách thửa hoặc hợp thửa đất.'),
        province('2.001610', 'Đăng ký thành lập doanh nghiệp tư nhân'),
        province('2.001583', 'Đăng ký thành lập công ty TNHH một thành viên'),
        province('1.006871', 'Công bố hợp quy sản phẩm, hàng hóa vật liệu xây dựng'),
      ];
    });
  });
  /** The decision and the record answered, offered first or pointed to. */
  const reply = (q: string): [string, string | undefined] => {
    const s = r.search(q, { limit: 8 });
    const d = decide(s.candidates, s.plan);
    return [d.decision, d.picks[0]?.id];
  };

  it('points a foreigner’s stay or residence card to the province’s record for foreigners', () => {
    expect(reply('chị dâu tôi người Thái Lan, tạm trú sắp hết hạn muốn gia hạn thêm')).toEqual(['elsewhere', '1.001146']);
    expect(reply('bạn trai em quốc tịch Canada muốn gia hạn tạm trú thêm 3 tháng')).toEqual(['elsewhere', '1.001146']);
    // Not sure of any of the ward's (a hand-over), the foreigner's record is still named.
    expect(reply('bố vợ người Hàn Quốc sang chơi, thị thực sắp hết, xin ở thêm ít hôm')).toEqual(['elsewhere', '1.001194']);
    // A citizen's own stay is the ward's.
    expect(reply('tạm trú của tôi ở nhà thuê sắp hết hạn, muốn gia hạn thêm')).toEqual(['answer', '1.002755']);
  });

  it('points a foreign stepfather’s adoption to the record with a foreign element', () => {
    expect(reply('ông xã tôi người Pháp muốn nhận thằng cu con riêng của tôi làm con nuôi')).toEqual(['elsewhere', '1.004878']);
    // Said of no foreigner, the ward's domestic adoption.
    expect(reply('vợ chồng hiếm muộn muốn nhận một bé bị bỏ rơi về làm con nuôi')[1]).toBe('2.001263');
  });

  it('does not read a record done abroad, or a worker, as a foreigner’s', () => {
    expect(tellsForeigner(syllables(fold('công nhận người lao động có thu nhập thấp')))).toBe(false);
    expect(tellsForeigner(syllables(fold('vợ tôi người Lào muốn gia hạn tạm trú')))).toBe(true);
    // "… ở nước ngoài" is a citizen abroad: the ward's record stands.
    const [decision, first] = reply('con gái đã thôi quốc tịch Việt Nam, nhập quốc tịch Úc, giờ xóa thường trú');
    expect([decision === 'answer' || decision === 'clarify', first]).toEqual([true, '1.003197']);
  });

  it('points the owner’s name changed on a land paper to the land office, the contract’s certification to the ward', () => {
    expect(reply('mua lại căn nhà của bà cô, giờ muốn sang tên sổ hồng cho mình')[0]).toBe('elsewhere');
    expect(reply('mẹ cho tôi mảnh vườn, làm sao sang tên sổ đỏ')[0]).toBe('elsewhere');
    // The contract or the agreement said: the ward certifies it.
    expect(reply('bán đất cho hàng xóm, cần chứng thực hợp đồng để người ta còn sang tên sổ đỏ')).toEqual(['answer', '2.001035']);
    expect(reply('mấy anh em làm văn bản thỏa thuận chia đất bố để lại rồi mới sang tên sổ')[1]).toBe('2.001406');
  });

  it('reads a company or private enterprise “opened” as founded, not as what it will sell', () => {
    expect(reply('tôi tính mở doanh nghiệp tư nhân chuyên phân phối vật liệu xây dựng')).toEqual(['elsewhere', '2.001610']);
    expect(reply('chị gái muốn lập dntn để làm đại lý vật liệu xây dựng')).toEqual(['elsewhere', '2.001610']);
    expect(reply('mở công ty TNHH một thành viên làm phần mềm thì đăng ký ở đâu')).toEqual(['elsewhere', '2.001583']);
  });
});
