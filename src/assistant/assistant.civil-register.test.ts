import { beforeAll, describe, expect, it } from 'vitest';
import { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * Civil status told in other words (issue 15, pass 19): a register gone or kept said without
 * "sổ gốc", a guardianship begun or ended without the word, the marital-status paper named by
 * what it says, a name changed for a faith, a new gender or a stepfather, officials coming down to
 * the village.
 */
describe('civil status told in other words (pass 19), on the demo catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);
  const expansions = situationExpansions;

  it('reads a register told gone in other words as the re-registration', () => {
    expect(first('giấy khai sinh của bố tôi thất lạc, quyển lưu ở ủy ban cũng mục nát hết, giờ làm sao có lại')).toBe('1.004884');
    expect(first('giấy chứng tử của bà nội mất, cán bộ tra sổ chẳng thấy đâu, làm lại thế nào')).toBe('1.005461');
    expect(expansions('giấy kết hôn của ông bà cháy rồi, bộ sổ ngày xưa chẳng ai giữ')).toContain('dang ki lai');
  });

  it('reads a register told kept as a copy of the paper, not a re-registration', () => {
    expect(first('giấy khai sinh của con gái tôi bị mất, phường nói sổ bộ còn, xin lại một tờ')).toBe('2.000635');
    expect(expansions('tờ kết hôn bị ướt nát, sổ lưu ở xã còn nguyên')).toContain('cap ban sao trich luc ho tich');
    expect(expansions('tờ kết hôn bị ướt nát, sổ lưu ở xã còn nguyên')).not.toContain('dang ki lai');
    // another paper's copy from its register is not the civil-status copy
    expect(expansions('hợp đồng do phường chứng thực bị thất lạc, phường vẫn còn lưu sổ')).not.toContain('cap ban sao trich luc ho tich');
  });

  it('reads a guardianship begun or ended without the word', () => {
    expect(first('cha mẹ bé mất vì tai nạn, tôi là cậu ruột muốn chịu trách nhiệm pháp lý cho bé')).toBe('1.004837');
    expect(first('chú tôi mất năng lực hành vi theo quyết định của tòa, tôi xin làm người trông nom chú')).toBe('1.004837');
    expect(first('tòa đã hủy quyết định mất năng lực của anh tôi vì anh khỏi bệnh, tôi thôi đứng tên lo cho anh')).toBe('1.004845');
    expect(first('cháu tôi làm giám hộ nay tròn 18, tôi muốn xóa tên mình')).toBe('1.004845');
  });

  it('reads the marital-status paper named by what it says', () => {
    expect(first('tôi cần tờ không có chồng để làm hồ sơ, xin ở đâu')).toBe('1.004873');
    expect(first('cần giấy chứng nhận tôi chưa kết hôn lần nào để nộp cho lãnh sự')).toBe('1.004873');
  });

  it('reads a name changed for a faith, a new gender or a stepfather as the change of the record', () => {
    expect(first('tôi muốn ghi thêm tên thánh Giuse vào giấy khai sinh')).toBe('1.004859');
    expect(first('sau khi chuyển đổi giới tính tôi muốn đổi tên trên giấy khai sinh')).toBe('1.004859');
    expect(first('con gái muốn lấy họ cha dượng thay họ bố đẻ')).toBe('1.004859');
  });

  it('reads officials coming down to the village for a birth as the mobile registration, not a citizen going there', () => {
    expect(first('bao giờ cán bộ xuống bản làm khai sinh cho trẻ chưa có giấy')).toBe('1.003583');
    expect(expansions('tôi về làng làm khai sinh cho con được không')).not.toContain('luu dong');
  });

  it('reads older words for a death and a birth', () => {
    expect(first('ông tôi khuất bóng từ lâu mà chưa ai đi khai, giờ làm được không')).toBe('1.000656');
    expect(first('vợ tôi vượt cạn ở nhà, giờ làm giấy cho con')).toBe('1.001193');
  });
});
