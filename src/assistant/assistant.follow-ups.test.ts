import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';

/**
 * A fact asked again in a conversation (issue 15, pass 20): the person changed ("cho anh rể tôi"),
 * the day told in regional words ("bữa"), chat particles the catalogue lacks — still the procedure
 * being discussed; a follow-up naming something the ward does not do is still not answered with it.
 */
describe('facts asked in chat spelling and regional words', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads "bi nhiêu" and the tens asked ("mấy chục") as the fee, not a span of years', () => {
    expect(aspects('lệ phí bi nhiêu vậy')).toContain('fee');
    expect(aspects('ủy ban lấy vài chục nghìn phải không')).toContain('fee');
    expect(aspects('nhà tôi ở đây mấy chục năm rồi')).not.toContain('fee');
  });

  it('reads "sắm sửa … chi" and a question ending in "hè" or "nè" as the papers', () => {
    expect(aspects('phải sắm sửa những giấy chi hè')).toContain('papers');
    expect(aspects('cần đem theo chi nè')).toContain('papers');
  });
});

eachEngine('assistant: a follow-up about another person or day stays on the procedure', { at: '2026-12-06T22:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `fu-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('answers the fact for another person of the family with the procedure being discussed', async () => {
    expect(answered(await talk('khai báo tạm vắng cho tôi ở đâu', 'cho thằng em rể tôi nữa thì chờ mấy hôm'))).toEqual(['answer', '1.003677']);
    expect(answered(await talk('thẻ căn cước của tôi bị trộm mất, làm lại ở đâu', 'ông xã tôi cũng mất luôn, làm cho ổng tốn bao nhiêu'))).toEqual(['answer', '1.014064']);
  });

  it('answers a follow-up told with regional or chat words the catalogue lacks', async () => {
    expect(answered(await talk('xin xác nhận cư trú cần gì', 'bữa nào qua thì chờ mấy bữa mới có'))).toEqual(['answer', '1.010041']);
    expect(answered(await talk('đăng ký giám hộ cho bà cụ ở đâu', 'tốn bi nhiêu vậy'))).toEqual(['answer', '1.004837']);
  });

  it('still declines a follow-up about something outside any procedure', async () => {
    const r = await talk('đăng ký tạm trú cần gì', 'còn xin visa đi Hàn Quốc thì tốn bao nhiêu');
    expect(answered(r)).not.toEqual(['answer', '1.004194']);
  });
});
