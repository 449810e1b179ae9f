import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';

/**
 * Facts asked in the ways earlier passes read least, pass 26 (r11facts): as a comparison ("rẻ
 * hơn", "nhanh hơn"), the amount in two words ("tốn mấy", "mất bao tiền"), the days counted
 * ("bao nhiêu hôm"), the papers brought somewhere ("đem giấy chi lên"), whether one must go all the
 * way to an office ("có phải ra tận công an phường không"), and a paper named as a thing to bring
 * ("có cần mang căn cước theo không") — which, in a conversation, stays on the procedure discussed.
 */
describe('facts asked as comparisons, short amounts, days counted (pass 26)', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads which way is cheaper as the fee and which is quicker as the time', () => {
    expect(aspects('tách hộ nộp qua mạng có rẻ hơn ra phường không')).toEqual(['online', 'fee']);
    expect(aspects('chứng thực chữ ký chỗ nào rẻ nhất')).toEqual(['fee']);
    expect(aspects('xác nhận độc thân làm ở phường lẹ hơn hay online lẹ hơn')).toEqual(['time', 'online']);
    // Not every "hơn": an age compared says nothing asked.
    expect(aspects('mẹ tôi lớn tuổi hơn bố')).toEqual([]);
  });

  it('reads the amount in two words and the days counted in "hôm", "bữa"', () => {
    expect(aspects('đổi căn cước tốn mấy, chờ bao lâu')).toEqual(['fee', 'time']);
    expect(aspects('chứng thực di chúc mất bao tiền')).toEqual(['fee']);
    expect(aspects('làm căn cước mất mấy ạ')).toEqual(['fee']);
    // Something lost, counted: no fee.
    expect(aspects('hôm qua tôi mất mấy giấy tờ')).toEqual([]);
    expect(aspects('cải chính hộ tịch bao nhiêu hôm thì xong')).toEqual(['time']);
    expect(aspects('con tôi bao nhiêu tháng tuổi thì phải khai sinh')).toEqual([]);
    // The one who gets the paper said between the time and the paper: the paper is no topic.
    const words = syllables(fold('kết hôn mấy hôm thì vợ chồng em có giấy chứng nhận'));
    const got = readIntents(words);
    expect(got.aspects).toEqual(['time']);
    expect(words.filter((_, i) => !got.consumed.has(i))).toEqual(['ket', 'hon']);
  });

  it('reads the papers brought somewhere, the office one must go to, a paper named to bring', () => {
    expect(aspects('đăng ký giám hộ cầm giấy gì lên')).toEqual(['papers']);
    expect(aspects('khai tử cho ông thì phải lên tận ủy ban phường không')).toEqual(['place']);
    expect(aspects('có phải đem theo hộ chiếu không')).toEqual(['papers']);
    expect(aspects('có cần mang căn cước theo không')).toEqual(['papers']);
    expect(aspects('làm căn cước cho con chắc phải mang sổ hộ khẩu nhỉ')).toEqual(['papers']);
    expect(aspects('tách hộ cầm những giấy chi lên')).toEqual(['papers']);
    expect(aspects('đăng ký tạm trú bữa mô thì lấy')).toEqual(['time']);
  });
});

eachEngine('assistant: facts asked as comparisons and follow-ups (pass 26)', { at: '2026-12-07T16:30:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f26-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('states the fee or the time when two ways are compared', async () => {
    const fee = await talk('đăng ký thường trú làm online có rẻ hơn ra công an không');
    expect(answered(fee)).toEqual(['answer', '1.004222']);
    expect(fee.answer).toMatch(/10\.000 đồng/);
    const time = await talk('gia hạn tạm trú nộp ở phường với nộp trên mạng bên nào nhanh hơn');
    expect(answered(time)).toEqual(['answer', '1.002755']);
    expect(time.answer).toMatch(/Thời hạn giải quyết: 3 ngày làm việc/);
  });

  it('states both facts when the amount is asked in two words beside the time', async () => {
    const r = await talk('chứng thực di chúc tốn mấy, chờ bao lâu');
    expect(answered(r)).toEqual(['answer', '2.001019']);
    expect(r.answer).toMatch(/50\.000 đồng/);
    expect(r.answer).toMatch(/Thời hạn giải quyết/);
  });

  it('gives where and when to a citizen asking whether one must go all the way to the office', async () => {
    const r = await talk('đăng ký thường trú có phải lên tận công an phường không');
    expect(answered(r)).toEqual(['answer', '1.004222']);
    expect(r.answer).toMatch(/Nơi nộp[^\n]*phường Ba Đình/i);
    expect(r.answer).toMatch(/Giờ làm việc/);
  });

  it('keeps to the procedure discussed when a paper is named as a thing to bring', async () => {
    // "căn cước" named alone would be the card's own procedures.
    const r = await talk('tôi muốn đăng ký kết hôn', 'có phải mang theo căn cước không');
    expect(answered(r)).toEqual(['answer', '1.000894']);
    expect(r.answer).toMatch(/Hồ sơ cần chuẩn bị/);
    const child = await talk('làm căn cước cho cháu 8 tuổi', 'có phải đem theo giấy khai sinh của cháu không');
    expect(answered(child)).toEqual(['answer', '1.014062']);
    expect(child.answer).toMatch(/Hồ sơ cần chuẩn bị/);
  });
});
