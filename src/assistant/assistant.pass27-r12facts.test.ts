import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { otherOffice } from './assistant.other-offices';
import { readIntents } from './assistant.intent';

/**
 * Facts asked indirectly, pass 27 (r12facts): whom to see ("đến đó thì gặp ai"), the floor ("tầng
 * mấy"), the counter against online ("hay phải ra quầy"), the money without naming it ("có tốn
 * không", "có miễn không", "thu tiền gì"), the papers with "thêm", "đưa", the readiness ("chuẩn bị
 * gì trước"), the day had ("thứ mấy được cầm giấy", "lấy ngay trong hôm đó") — and "thế tạm trú",
 * which is no foreigner's card.
 */
describe('facts asked indirectly (pass 27)', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads whom to see, the floor and the counter as where to go', () => {
    expect(aspects('đến đó thì gặp ai')).toEqual(['place']);
    expect(aspects('muốn làm sổ đỏ lần đầu thì lên gặp ai')).toEqual(['place']);
    expect(aspects('bộ phận một cửa nằm tầng mấy')).toEqual(['place']);
    expect(aspects('làm online được không hay phải ra quầy')).toEqual(['online', 'place']);
    expect(aspects('chỗ nộp và lệ phí thế nào')).toEqual(['place', 'fee']);
    // A story's "gặp ai" is no question of the office.
    expect(aspects('tôi đi chợ gặp ai cũng hỏi')).toEqual([]);
  });

  it('reads the money asked without naming an amount', () => {
    expect(aspects('thì có tốn không')).toEqual(['fee']);
    expect(aspects('cho bố tôi thì có miễn không')).toEqual(['fee']);
    expect(aspects('ra đó người ta có thu tiền gì không ạ')).toEqual(['fee']);
    expect(aspects('làm thẻ căng cước mất bao nhiu tiền')).toEqual(['fee']);
    // "miền" folds as "miễn"; days counted are the time.
    expect(aspects('miền tây có làm không')).toEqual([]);
    expect(aspects('bao nhiu ngày thì xong')).not.toContain('fee');
  });

  it('reads the papers asked with "thêm", "đưa", the readiness, and the day the paper is had', () => {
    expect(aspects('lần thứ hai thì cần thêm giấy gì')).toEqual(['papers']);
    expect(aspects('phải đưa những giấy gì')).toEqual(['papers']);
    // Read whole: no "trước" left over for a follow-up to stumble on (the full catalogue declined it).
    const ready = syllables(fold('có cần chuẩn bị gì trước không'));
    const readyRead = readIntents(ready);
    expect(readyRead.aspects).toEqual(['papers']);
    expect(ready.filter((_, i) => !readyRead.consumed.has(i))).toEqual([]);
    expect(aspects('có cần mang theo người làm chứng không')).toEqual(['papers']);
    const words = syllables(fold('nộp kết hôn hôm thứ ba thì thứ mấy được cầm giấy'));
    const got = readIntents(words);
    expect(got.aspects).toEqual(['time']);
    expect(words.filter((_, i) => !got.consumed.has(i))).toEqual(['nop', 'ket', 'hon']);
    expect(aspects('có lấy ngay trong hôm đó được không')).toEqual(['time']);
  });

  it('reads a marked "thế" before "tạm trú" as the next question, not the foreigner\'s card', () => {
    expect(otherOffice('thôi được, thế tạm trú thì nộp ở chỗ nào')).toBeUndefined();
    expect(otherOffice('thẻ tạm trú cho chồng người Úc hết hạn')?.topic).toMatch(/thẻ tạm trú/);
  });
});

eachEngine('assistant: facts asked indirectly, and their follow-ups (pass 27)', { at: '2026-12-07T20:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f27-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];
  const where = /Nơi nộp[^\n]*phường Ba Đình/i;

  it('says where and when to a citizen asking whom to see or which floor', async () => {
    const see = await talk('tôi đi làm giấy khai sinh cho cháu, đến đó thì gặp ai');
    expect(answered(see)).toEqual(['answer', '1.001193']);
    expect(see.answer).toMatch(where);
    expect(see.answer).toMatch(/Giờ làm việc/);
    const floor = await talk('chứng thực bản sao giấy tờ mất bao nhiêu', 'phòng đó ở tầng mấy vậy');
    expect(answered(floor)).toEqual(['answer', '2.000815']);
    expect(floor.answer).toMatch(where);
  });

  it('states the fee asked as "có miễn không", and the time asked as the same day, in a follow-up', async () => {
    const fee = await talk('đổi căn cước mất mấy ngày', 'cho bố tôi thì có miễn không');
    expect(answered(fee)).toEqual(['answer', '1.014063']);
    expect(fee.answer).toMatch(/25\.000 đồng/);
    const day = await talk('chứng thực chữ ký trên hợp đồng lao động', 'có lấy ngay trong hôm đó được không');
    expect(answered(day)).toEqual(['answer', '2.000884']);
    expect(day.answer).toMatch(/Thời hạn giải quyết/);
  });

  it('answers the temporary residence asked with "thế" after a passport was declined', async () => {
    const r = await talk('làm hộ chiếu ở đâu', 'thôi được, thế tạm trú thì nộp ở chỗ nào');
    expect(answered(r)).toEqual(['answer', '1.004194']);
    expect(r.answer).toMatch(where);
  });

  it('sends a diploma to issue again to the school, and still certifies its copy', async () => {
    // The diplomas certified in facts-14 taught the model "bằng tốt nghiệp": a choice of the copy from the master register, before.
    const again = await talk('cấp lại bằng tốt nghiệp đại học bị rách');
    expect(again.decision).toBe('decline');
    expect(again.answer).toMatch(/nhà trường đã cấp bằng/);
    const copy = await talk('bằng tốt nghiệp của em do trường bên Nhật cấp, muốn chứng thực bản sao thì một trang bao nhiêu');
    expect(answered(copy)).toEqual(['answer', '2.000815']);
    expect(copy.answer).toMatch(/2\.000 đồng\/trang/);
  });
});
