import { it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard } from './assistant.testing';

/**
 * The ward's own procedures in everyday words and told as situations (pass 16): staying "tạm", a
 * stay going on past its end, the commune's stamp on a contract and a stamped contract changed, an
 * old word for an estate, a card stolen, burnt or showing a name changed since, a shop about to
 * open, a child taken to be one's own, a household leaving the poor list, a paper that one lives
 * here.
 */
eachEngine('assistant: the ward’s procedures told in everyday words', { at: '2026-12-06T21:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'wt');

  it('reads staying "tạm", one’s own household head, guests by the day and a paper that one lives here as the residence procedures', async () => {
    await expectAnswer([
      ['con gái tôi đi học xa, thuê phòng gần trường, phải khai ở tạm không', '1.004194'],
      ['con trai cưới vợ xong muốn đứng tên chủ hộ khác, không chung với bố mẹ', '1.010038'],
      ['nhà có mấy phòng cho khách thuê theo ngày, khách tới thì khai ra sao', '2.001159'],
      ['trường của con cần giấy tờ chứng minh nhà tôi sinh sống ở phường này', '1.010041'],
    ]);
  });

  it('reads a temporary residence reaching its end while the stay goes on as its extension', async () => {
    await expectAnswer([['tạm trú của tôi ghi đến hết tháng 12, tôi vẫn thuê tiếp', '1.002755']]);
  });

  it('reads a contract stamped at the commune that the parties change or drop as the change of a certified transaction', async () => {
    await expectAnswer([
      ['giấy mua bán xe đã đóng dấu ở xã, giờ bên mua đổi ý không mua nữa', '2.000913'],
      ['hợp đồng cho thuê nhà có chứng thực ở phường, hai bên muốn ghi thêm điều kiện', '2.000913'],
    ]);
  });

  it('reads the commune’s stamp on a contract, and old words for a pledge and an estate given up', async () => {
    await expectAnswer([
      ['giấy sang nhượng mảnh vườn giữa hai nhà, cần ủy ban đóng dấu vào', '2.001035'],
      ['tôi khước từ phần gia sản của ông nội, cần làm giấy ở ủy ban', '2.001016'],
    ]);
  });

  it('reads an identity card stolen or burnt as lost, and one still showing an old name as exchanged', async () => {
    await expectAnswer([
      ['nhà bị cháy, thẻ căn cước cháy rụi rồi, làm sao có thẻ', '1.014064'],
      ['bị cướp giật túi ngoài chợ, căn cước ở trong túi, xin thẻ khác', '1.014064'],
      ['họ tên tôi đã được cải chính, nhưng căn cước vẫn in tên cũ', '1.014063'],
    ]);
  });

  it('reads a shop about to open asked with its papers as the household business’s registration', async () => {
    await expectAnswer([
      ['làm giấy phép kinh doanh cho tiệm sửa điện thoại của anh tôi cần mang gì', '1.001612'],
    ]);
  });

  it('reads a child taken to be one’s own, a household leaving the poor list and heirs deciding who keeps what', async () => {
    await expectAnswer([
      ['ông bà muốn làm giấy để thằng cháu thành con chính thức của ông bà', '2.001263'],
      ['nhà em đã vượt chuẩn cận nghèo, làm hồ sơ gì', '1.011608'],
      ['cha mất, mấy chị em viết tờ thỏa thuận ai giữ ao ai giữ nhà, ra ủy ban xác nhận', '2.001406'],
    ]);
  });
});
