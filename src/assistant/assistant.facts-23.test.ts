import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { knownButStory } from './assistant.follow-ups';
import { readIntents } from './assistant.intent';
import { otherOffice } from './assistant.other-offices';
import { qualifierChoice } from './assistant.qualifiers';
import { agesAsked } from './assistant.ranges';
import { demoRetriever } from './assistant.testing';

/**
 * Facts asked in citizens' words, pass 23 (r8facts): "mang cái gì", "có kịp … không", "có cần
 * <a paper> không", "hết nhiêu, lên đâu", a question ending with whom it is addressed to; a paper
 * pointed back to ("một tờ như vậy", "mấy bản đó"); another person's age in a follow-up; a
 * divorce asked next in a conversation.
 */
describe('facts asked in everyday words (pass 23)', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads "mang cái gì", "đem theo mấy cái gì" as the papers', () => {
    expect(aspects('làm giấy tạm vắng thì mang cái gì')).toEqual(['papers']);
    expect(aspects('nhận con nuôi phải đem theo mấy cái gì vậy')).toEqual(['papers']);
  });

  it('reads "có kịp … không" as the time, not "kịp thời"', () => {
    expect(aspects('xin xác nhận cư trú có kịp thứ hai tuần sau không')).toEqual(['time']);
    expect(aspects('đổi căn cước trong tuần này kịp không')).toEqual(['time']);
    expect(aspects('báo kịp thời cho công an xã')).toEqual([]);
  });

  it('reads "có cần <a paper> không" as the papers, not a permit asked for', () => {
    expect(aspects('đăng ký thường trú có cần sổ đỏ của chủ nhà không')).toEqual(['papers']);
    expect(aspects('làm giám hộ có cần giấy xác nhận của bệnh viện không')).toEqual(['papers']);
    expect(aspects('sửa nhà có cần giấy phép không')).toEqual([]);
  });

  it('reads the fee before another fact and before whom it is asked of', () => {
    expect(aspects('tách hộ hết nhiêu, ra đâu làm')).toEqual(['fee', 'place']);
    expect(aspects('vậy báo tử tốn nhiêu chú')).toEqual(['fee']);
    expect(aspects('làm giấy đó hết nhiêu vậy anh ơi')).toEqual(['fee']);
  });

  it('reads "một tờ như vậy", "mấy bản đó" as pointing back', () => {
    expect(readIntents(syllables(fold('chồng tôi cũng cần một tờ như vậy'))).followUp).toBe(true);
    expect(readIntents(syllables(fold('mấy bản đó nộp ở đâu'))).followUp).toBe(true);
  });

  it('counts "mấy"/"mai" as a word of the story, not a thing unknown', () => {
    const r = demoRetriever();
    expect(knownButStory(r.search('mai tôi lên nộp thì mất bao lâu', { limit: 8 }).plan)).toBe(true);
  });
});

describe('ages said in words', () => {
  const ages = (q: string) => agesAsked(syllables(fold(q)));
  it('reads "mười hai tuổi", "bốn tuổi", "hai mươi lăm tuổi"', () => {
    expect(ages('thằng bé mười hai tuổi')).toEqual([12]);
    expect(ages('con gái bốn tuổi')).toEqual([4]);
    expect(ages('em trai hai mươi lăm tuổi')).toEqual([25]);
    expect(ages('ba tôi già yếu')).toEqual([]);
  });
});

describe('an age said among the card’s twins', () => {
  it('chooses the card for that age, not its exchange or re-issue', () => {
    const cards = [
      { code: 'under', name: 'Cấp thẻ căn cước cho người dưới 14 tuổi' },
      { code: 'swap', name: 'Cấp đổi thẻ căn cước' },
      { code: 'again', name: 'Cấp lại thẻ căn cước' },
    ];
    expect(qualifierChoice('bé nhà tôi 6 tuổi làm thẻ căn cước ở đâu', cards)).toBe('under');
    expect(qualifierChoice('làm thẻ căn cước ở đâu', cards)).toBeUndefined();
  });
});

describe('the office charging, not a loan', () => {
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;
  it('reads "vậy … xã lấy nhiêu tiền" as a fee asked, "vay … lãi bao nhiêu" as a loan', () => {
    expect(everyday('vậy làm cho ông ngoại thì xã lấy nhiêu tiền')).toBe(false);
    expect(everyday('vay ngân hàng năm chục triệu lãi bao nhiêu')).toBe(true);
  });
});

describe('a divorce asked next', () => {
  it('is the court’s, not the household split discussed', () => {
    expect(otherOffice('thế còn ly dị thì lên đâu')?.office).toMatch(/Tòa án/);
    expect(otherOffice('ly hôn thì nộp đơn chỗ nào')?.office).toMatch(/Tòa án/);
    expect(otherOffice('tách hộ sau khi ly hôn cần gì')).toBeUndefined();
  });
});

eachEngine('assistant: facts asked in follow-ups (pass 23)', { at: '2026-12-07T06:30:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f23-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('goes on with the card of the age another person has', async () => {
    expect(answered(await talk('con trai tôi 15 tuổi làm căn cước lần đầu ở đâu', 'còn thằng em nó 9 tuổi thì sao'))).toEqual(['answer', '1.014062']);
    expect(answered(await talk('làm căn cước cho bé 4 tuổi cần gì', 'vậy chị nó mười lăm tuổi thì cần gì'))).toEqual(['answer', '1.014061']);
    // An age within the card discussed changes nothing.
    expect(answered(await talk('làm căn cước cho bé 4 tuổi cần gì', 'còn đứa 7 tuổi thì sao'))).toEqual(['answer', '1.014062']);
  });

  it('takes the choice of the age said next', async () => {
    const first = await talk('làm căn cước cho người lớn cần gì');
    expect(first.decision).toBe('clarify');
    expect(answered(await talk('làm căn cước cho người lớn cần gì', 'thế nếu là thằng cháu 9 tuổi thì sao'))).toEqual(['answer', '1.014062']);
  });

  it('states the papers asked as "mang cái gì" in a follow-up naming another procedure', async () => {
    const r = await talk('đăng ký thường trú ở đâu', 'thế còn tạm vắng thì mang cái gì');
    expect(answered(r)).toEqual(['answer', '1.003677']);
    expect(r.answer).toMatch(/Hồ sơ cần chuẩn bị/);
  });

  it('answers the fee of the procedure discussed asked with "mai" and the one addressed', async () => {
    expect(answered(await talk('ông nội mất ở nhà, khai tử cần gì', 'mai cả nhà lên làm, hết nhiêu vậy chú'))).toEqual(['answer', '1.000656']);
  });

  it('declines a divorce asked after the household split', async () => {
    const r = await talk('tách hộ khẩu cần giấy gì', 'vậy còn ly dị thì lên đâu làm');
    expect(r.procedures.map((p) => p.code)).not.toContain('1.010038');
    expect(r.answer).toMatch(/Tòa án/);
  });
});
