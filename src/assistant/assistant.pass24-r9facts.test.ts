import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { pickChoice } from './assistant.respond';
import { demoRetriever } from './assistant.testing';

/**
 * Facts asked in citizens' words, pass 24 (r9facts): the money given out ("bỏ ra đồng bạc nào"),
 * the day the result is had ("bữa nào lấy được"), what to get ready ("sửa soạn hồ sơ ra sao"),
 * which office and whether it receives on a free day ("văn phòng nào", "thứ bảy tôi mới rảnh");
 * and in a conversation, the one meant said again ("bản sao thôi"), chosen ("tôi chọn cấp lại",
 * "cái số 1 ấy, …") or confirmed ("đúng rồi, …").
 */
describe('facts asked in everyday words (pass 24)', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads the money given out as the fee, not "bỏ tiền ra mua" nor "bố ra đồng"', () => {
    expect(aspects('đăng ký giám hộ có phải bỏ ra đồng bạc nào không')).toEqual(['fee']);
    expect(aspects('xin xác nhận cư trú phải bỏ tiền ra không chị')).toEqual(['fee']);
    expect(aspects('khai tử ở phường thu có mấy chục không')).toEqual(['fee']);
    expect(aspects('chứng thực chữ ký người dịch tính bao nhiêu một chữ ký')).toEqual(['fee']);
    expect(aspects('tôi bỏ tiền ra mua mảnh đất của hàng xóm')).toEqual([]);
    expect(aspects('bố ra đồng từ sáng chưa về')).toEqual([]);
    expect(aspects('thời hạn tính bao nhiêu ngày làm việc')).toEqual(['time']);
  });

  it('reads the day or the hour the result is had as the time', () => {
    expect(aspects('gia hạn tạm trú bữa nào lấy được')).toEqual(['time']);
    expect(aspects('trích lục kết hôn trong ngày có xong không')).toEqual(['time']);
    expect(aspects('tách hộ có lâu lắm không')).toEqual(['time']);
    expect(aspects('chứng thực bản sao sáng nộp chiều có lấy được không')).toEqual(['time']);
    expect(aspects('tôi ở đây lâu lắm rồi mà chưa nhập hộ khẩu')).toEqual([]);
  });

  it('reads what to get ready as the papers', () => {
    expect(aspects('đăng ký thường trú cho vợ thì sửa soạn hồ sơ ra sao')).toEqual(['papers']);
    expect(aspects('mở tiệm may đăng ký hộ kinh doanh chuẩn bị sẵn gì')).toEqual(['papers']);
  });

  it('reads which office, the desk, and a free day against the opening hours as the place', () => {
    expect(aspects('xóa đăng ký tạm trú thì tới văn phòng nào nộp')).toEqual(['place']);
    expect(aspects('chứng thực di chúc nộp ở quầy số mấy')).toEqual(['place']);
    expect(aspects('chủ nhật em mới rảnh, phường có tiếp dân không')).toEqual(['place']);
    expect(aspects('em chỉ rảnh thứ bảy thôi, đi đổi căn cước được không')).toEqual(['place']);
    expect(aspects('giờ trưa có nhận hồ sơ không')).toEqual(['place']);
    // The staff greeted, not the hours asked.
    expect(aspects('chào cán bộ tiếp dân, làm khai sinh cần gì')).toEqual(['papers']);
  });

  it('leaves "rồi, mất bao lâu" no lost paper ("rơi mất" folds alike)', () => {
    const r = demoRetriever();
    expect(r.search('nộp xong rồi mất bao lâu', { limit: 8 }).plan.content).toEqual(['nop', 'xong']);
    expect(r.search('đánh rơi mất căn cước', { limit: 8 }).candidates[0]?.id).toBe('1.014064');
  });
});

describe('a choice said first, the fact after it', () => {
  const cards = [
    { code: '1.014064', name: 'Cấp lại thẻ căn cước' },
    { code: '1.014063', name: 'Cấp đổi thẻ căn cước' },
  ];
  it('reads "cái số 1 ấy", "thủ tục thứ hai nhé", "cái đầu tiên"', () => {
    expect(pickChoice('cái số 1 ấy', cards)).toBe('1.014064');
    expect(pickChoice('thủ tục thứ hai nhé', cards)).toBe('1.014063');
    expect(pickChoice('cái đầu tiên', cards)).toBe('1.014064');
    expect(pickChoice('cái số 1 ấy nộp ở đâu', cards)).toBeUndefined();
  });
});

eachEngine('assistant: facts asked in a conversation (pass 24)', { at: '2026-12-07T09:45:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f24-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('answers the sibling said again with "thôi", or named in a word with the fact asked', async () => {
    // The re-registration answered first.
    expect(answered(await talk('mất giấy khai sinh thì làm lại thế nào'))).toEqual(['answer', '1.004884']);
    const again = await talk('mất giấy khai sinh thì làm lại thế nào', 'không, bản sao thôi, bao lâu thì có');
    expect(answered(again)).toEqual(['answer', '2.000635']);
    expect(again.answer).toMatch(/Thời hạn giải quyết: Trong ngày làm việc/);
    const named = await talk('mất giấy khai sinh thì làm lại thế nào', 'bản sao, tốn nhiêu');
    expect(answered(named)).toEqual(['answer', '2.000635']);
    expect(named.answer).toMatch(/8\.000/);
    // A person of the story names no sibling: "mẹ" is in "nhận cha, mẹ, con", not what is asked.
    expect(answered(await talk('xin giấy xác nhận tình trạng hôn nhân cần mang gì', 'con bận đi làm, nhờ mẹ đi nộp giùm ở chỗ nào'))).toEqual(['answer', '1.004873']);
  });

  it('answers the procedure chosen, by name or by number, with the fact asked after it', async () => {
    expect(answered(await talk('làm lại thẻ căn cước', 'em chọn cấp đổi, mất mấy ngày'))).toEqual(['answer', '1.014063']);
    const offered = await talk('thẻ căn cước');
    expect(offered.decision).toBe('clarify');
    const [first] = offered.procedures;
    const r = await talk('thẻ căn cước', 'cái số 1 ấy, nộp ở đâu');
    expect(answered(r)).toEqual(['answer', first!.code]);
    expect(r.answer).toMatch(/Nơi nộp[^\n]*phường Ba Đình/i);
  });

  it('answers the procedure confirmed with "đúng rồi", not a lost paper', async () => {
    const r = await talk('xin giấy chứng nhận độc thân', 'đúng rồi, mất bao lâu');
    expect(answered(r)).toEqual(['answer', '1.004873']);
    expect(r.answer).toMatch(/Thời hạn giải quyết/);
  });

  it('gives the opening hours to a citizen free only at the weekend', async () => {
    const r = await talk('sửa năm sinh ghi sai trong giấy khai sinh', 'chủ nhật em mới rảnh, phường có tiếp dân không');
    expect(answered(r)).toEqual(['answer', '1.004859']);
    expect(r.answer).toMatch(/Sáng thứ Bảy/);
    // "cuối tuần" folds as "cưới tuần": no wedding asked.
    const weekend = await talk('sửa năm sinh ghi sai trong giấy khai sinh', 'cuối tuần em mới nghỉ, có tiếp dân không');
    expect(answered(weekend)).toEqual(['answer', '1.004859']);
    expect(weekend.answer).toMatch(/Giờ làm việc/);
  });
});
