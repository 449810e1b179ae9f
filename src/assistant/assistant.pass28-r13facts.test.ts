import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';

/**
 * A fact asked and not stated, pass 28 (r13facts): the fact asked with words the patterns had not
 * ("phải có những loại gì", "mang gì theo", "lúc nào quay lại nhận", "một buổi là có luôn", "mất
 * thời gian bao lâu", "lệ phí thì tính sao", "free ko"), left as content words that sent a
 * follow-up to another record or to staff; the matter pointed back to with a word between ("vụ sửa
 * này", "còn vụ kia"); and a follow-up naming only the act of filing ("thế đăng ký ở đâu").
 */
describe('facts asked in more words (pass 28)', () => {
  const read = (q: string) => readIntents(syllables(fold(q)));

  it('reads the papers counted by kind, or asked with "theo" after', () => {
    expect(read('hồ sơ tách hộ phải có những loại gì').aspects).toEqual(['papers']);
    expect(read('mẹ cháu cần chuẩn bị các loại giấy tờ nào').aspects).toEqual(['papers']);
    expect(read('đi đăng ký kinh doanh thì chuẩn bị giấy má kiểu gì').aspects).toEqual(['papers']);
    expect(read('vậy đem cái gì theo hả chú').aspects).toEqual(['papers']);
    // Kinds of a card are no papers asked.
    expect(read('thẻ căn cước có những loại gì').aspects).toEqual([]);
  });

  it('reads the time asked as coming back for the result, a half-day enough, the time spent', () => {
    expect(read('nộp xong thì bao giờ ghé lại lấy giấy').aspects).toEqual(['time']);
    expect(read('ra làm một buổi là xong luôn được không').aspects).toEqual(['time']);
    expect(read('cái này tốn thời gian bao lâu').aspects).toEqual(['time']);
    expect(read('tuần sau có lấy được chưa').aspects).toEqual(['time']);
    // A story of a day, or of time not wasted, asks no time.
    expect(read('một hôm có người tới nhà').aspects).toEqual([]);
    expect(read('mình không muốn mất thời gian chờ').aspects).not.toContain('fee');
  });

  it('reads the fee asked with "thì tính", or in English, and the offices counted as the place', () => {
    expect(read('còn lệ phí thì tính sao').aspects).toEqual(['fee']);
    expect(read('làm cái này free không ad').aspects).toEqual(['fee']);
    expect(read('tách hộ thì phải đi những đâu').aspects).toEqual(['place']);
  });

  it('reads the papers handed in with the form, or put in the file', () => {
    expect(read('xin giấy phép xây dựng thì nộp kèm những gì').aspects).toEqual(['papers']);
    expect(read('giám hộ cho cháu phải bỏ những giấy gì vào hồ sơ').aspects).toEqual(['papers']);
    expect(read('hợp đồng kèm theo phụ lục nào').aspects).toEqual([]);
  });

  it('reads "vụ sửa này", "còn vụ kia" as pointing back, not "vụ cháy do chập điện"', () => {
    expect(read('vụ sửa này có mất tiền không').followUp).toBe(true);
    expect(read('còn vụ kia thì sao').followUp).toBe(true);
    expect(read('vụ cháy do chập điện').followUp).toBe(false);
  });
});

eachEngine('assistant: a fact asked and stated in a conversation (pass 28)', { at: '2026-12-07T23:30:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f28-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('states the papers of the marriage discussed when asked "mang những gì theo"', async () => {
    const r = await talk('tụi em sắp cưới, muốn đăng ký kết hôn', 'cần đem những gì theo vậy anh');
    expect(answered(r)).toEqual(['answer', '1.000894']);
    expect(r.answer).toMatch(/Tờ khai đăng ký kết hôn/);
  });

  it('states the time of the procedure discussed asked as coming back, or as time spent', async () => {
    const sig = await talk('cần chứng thực chữ ký trên giấy ủy quyền', 'nộp xong thì lúc nào quay lại lấy kết quả');
    expect(answered(sig)).toEqual(['answer', '2.000884']);
    expect(sig.answer).toMatch(/Thời hạn/);
    const closing = await talk('tôi muốn đóng cửa hộ kinh doanh, không buôn bán nữa', 'mất thời gian bao lâu vậy');
    expect(answered(closing)).toEqual(['answer', '1.001266']);
    expect(closing.answer).toMatch(/Thời hạn/);
  });

  it('stays on the matter pointed back to with "còn vụ kia"', async () => {
    const r = await talk('đi làm ăn xa mấy tháng thì khai báo tạm vắng ra sao', 'còn vụ kia thì nộp chỗ nào');
    expect(answered(r)).toEqual(['answer', '1.003677']);
    expect(r.answer).toMatch(/Nơi nộp/);
  });

  it('answers the procedure discussed when the follow-up names only the act of filing', async () => {
    const poor = await talk('nhà tôi khó khăn, muốn xin xét hộ nghèo', 'thế đăng ký ở đâu');
    expect(answered(poor)).toEqual(['answer', '1.011607']);
    expect(poor.answer).toMatch(/Nơi nộp/);
    const shop = await talk('mở tiệm tạp hóa thì có phải đăng ký hộ kinh doanh không', 'vậy đăng ký cái này hết bao nhiêu phí');
    expect(answered(shop)).toEqual(['answer', '1.001612']);
    expect(shop.answer).toMatch(/Phí, lệ phí/);
    // A sibling named by more than the act is still that sibling.
    const card = await talk('làm lại căn cước bị mất cần gì', 'thế còn cấp đổi thì mất bao lâu');
    expect(answered(card)).toEqual(['answer', '1.014063']);
  });
});
