import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard, demoRetriever, firstPick } from './assistant.testing';

/**
 * The ward's certification, residence, land, identity-card, welfare and shop procedures told in
 * everyday words (issue 15, pass 19): a land quarrel talked out or its talk failed, a certified
 * deal taken back or repriced, a photocopy with the commune's seal, a rented room's name left
 * behind, a child's age told by its school, a card showing a family name changed, an absence
 * reported at home, a shop moved or closed. Each case was handed over, declined or answered with
 * another procedure before its rule.
 */
const pick = firstPick(() => demoRetriever());
const expectFirst = (cases: Array<[string, string]>) => {
  for (const [q, code] of cases) expect(pick(q), q).toBe(code);
};

describe('assistant: the ward’s procedures told as stories (retrieval and decision)', () => {
  it('reads a land quarrel the commune is asked to talk out as the conciliation, and one whose talks failed or the chairman asked as his settlement', () => {
    expectFirst([
      ['hai nhà giành nhau bờ rào, nhờ xã đứng ra dàn xếp cho êm thấm', '1.012812'],
      ['hòa giải ở tổ dân phố hai lần vẫn không xong, tranh chấp mảnh vườn với nhà bên', '1.013967'],
      ['tranh chấp lối đi, hòa giải không xong thì làm đơn gì', '1.013967'],
      ['hai anh em ngồi lại mấy lần vẫn không chịu, tranh chấp bờ ruộng, xin xã quyết', '1.013967'],
      ['chủ tịch phường giải quyết tranh chấp lối đi giữa hai nhà mất bao lâu', '1.013967'],
    ]);
  });

  it('reads heirs sitting down to agree their shares as no quarrel', () => {
    expect(pick('bố mẹ mất rồi, mấy anh em ngồi lại thống nhất chia mảnh đất ngoài đồng, làm giấy ở xã')).not.toBe('1.012812');
  });

  it('reads a certified deal taken back or repriced as the change of a certified transaction', () => {
    expectFirst([
      ['hợp đồng tặng cho xe đã chứng thực ở phường, nay tôi muốn rút lại', '2.000913'],
      ['hợp đồng thuê ki ốt đã chứng thực, giờ muốn giảm giá thuê', '2.000913'],
      ['giấy cho thuê kho được xã đóng dấu, nay hai bên đổi giá', '2.000913'],
    ]);
  });

  it('reads a photocopy with the commune’s red seal as the certified copy', () => {
    expectFirst([['xin 2 bản phô tô học bạ có mộc đỏ của xã', '2.000815']]);
  });

  it('reads a rented room’s tenant gone off, the landlord asking, as the temporary residence struck off', () => {
    expectFirst([['người thuê trọ nhà tôi bỏ đi không về, tôi muốn gạch tên tạm trú của họ', '1.010028']]);
  });

  it('reads a child at nursery school as under 14 for the identity card', () => {
    expectFirst([['bé đang học mẫu giáo, làm căn cước cho bé ở đâu', '1.014062']]);
  });

  it('reads a card still printed with a family name changed as its exchange', () => {
    expectFirst([['đổi họ theo cha dượng xong rồi, thẻ căn cước còn in họ cũ', '1.014063']]);
  });

  it('reads a shop moved to another address as a change, and one nobody sells in any more as closed', () => {
    expectFirst([
      ['cửa hàng điện thoại của tôi chuyển sang địa chỉ khác cùng phường', '2.000720'],
      ['tiệm may của chị không ai bán nữa, đóng giấy phép thế nào', '1.001266'],
    ]);
  });
});

eachEngine('assistant: the ward’s procedures told as stories (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { ask } = askingWard(t, 'ws');
  /** Each question answered or offered with its procedure first. */
  const expectOffered = async (cases: Array<[string, string]>) => {
    for (const [q, code] of cases) {
      const r = await ask(q);
      expect(['answer', 'clarify'], q).toContain(r.decision);
      expect(r.procedures[0]?.code, q).toBe(code);
    }
  };

  it('reads an absence reported at home before leaving, copies made from an original brought, a paper that one lives here, and a shop closed though registered in a name', async () => {
    await expectOffered([
      ['tháng sau tôi đi làm ở Bình Dương cả năm, trước khi đi có phải báo công an không', '1.003677'],
      ['cần vài bản sao bằng lái, đem bản chính theo được không', '2.000815'],
      ['chỗ làm đòi giấy chứng minh tôi thường trú ở phường này', '1.010041'],
      ['sạp trái cây đứng tên dì, nay dì nghỉ luôn không ai bán nữa, đóng giấy phép', '1.001266'],
    ]);
  });
});
