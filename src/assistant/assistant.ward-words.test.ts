import { it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard } from './assistant.testing';

/**
 * The ward's own procedures asked in citizens' words (pass 13): southern and central speech, chat
 * shorthand for the card and the age, what is told instead of the name (a fingerprint, a wish to
 * leave the house, a share given up, a dead relative's name still in the household, a card swept
 * away, a shop closed), and a paper someone else asks for.
 */
eachEngine('assistant: the ward’s procedures in citizens’ words', { at: '2026-12-06T02:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'ww');

  it('reads southern and central speech and chat shorthand as the words they stand for', async () => {
    await expectAnswer([
      ['tía tui từ quê lên ở hẳn với tui, nhập khẩu cho tía thì mần răng', '1.004222'],
      ['thằng em 15t mà chưa làm cc, giờ làm ở đâu', '1.014061'],
      ['bé nhà em mới 3t, làm cc cho bé được không', '1.014062'],
    ]);
  });

  it('reads what is told for certifications: a fingerprint, a wish to leave a house, a share given up, heirs dividing', async () => {
    await expectAnswer([
      ['mẹ tôi chỉ lăn tay được, muốn chứng nhận lăn tay trên tờ cam đoan', '2.000884'],
      ['bà tôi tính để lại mảnh đất cho chú út, viết giấy ở ủy ban sao cho đúng', '2.001019'],
      ['cha mẹ để lại căn nhà, tôi không muốn nhận phần mà nhường hết cho chị', '2.001016'],
      ['cha tôi qua đời, mấy chị em đã bàn xong chia mảnh vườn, ra ủy ban ký ra sao', '2.001406'],
    ]);
  });

  it('reads residence and identity situations: a dead relative still in the household, a card lost, worn out or never had', async () => {
    await expectAnswer([
      ['bà tôi qua đời tháng trước, sổ hộ khẩu vẫn còn tên bà', '1.003197'],
      ['nước lũ cuốn trôi cái căn cước của chồng tôi', '1.014064'],
      ['thẻ căn cước bị ố mờ ảnh, làm thẻ khác thế nào', '1.014063'],
      ['con trai tôi 16 tuổi chưa có cái thẻ nào, làm thẻ cho cháu ở đâu', '1.014061'],
    ]);
  });

  it('reads a household leaving the poor list, and a shop closed or told it lacks its registration', async () => {
    await expectAnswer([
      ['nhà tôi đã hết khó khăn, muốn xin bỏ tên khỏi diện cận nghèo', '1.011608'],
      ['tiệm bánh của tôi dẹp rồi, giấy đăng ký trả lại ở đâu', '1.001266'],
      ['quán nước của mẹ tôi bị nhắc chưa có giấy phép kinh doanh', '1.001612'],
    ]);
  });

  it('reads a paper someone else asks for as what the citizen needs, not as the asker’s procedure', async () => {
    await expectAnswer([
      ['bên đăng ký kết hôn đòi giấy xác nhận cư trú', '1.010041'],
      ['chủ nhà cho thuê trọ đòi bản sao căn cước có chứng thực', '2.000815'],
    ]);
  });
});
