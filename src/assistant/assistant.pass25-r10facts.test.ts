import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { situationExpansions } from './assistant.testing';

/**
 * Facts asked in citizens' words, pass 25 (r10facts): the money the office takes ("thu đồng nào"),
 * the things to bring counted ("mấy thứ giấy gì"), the paper waited for ("bao lâu mới có giấy
 * trích lục"), a hurry ("làm gấp trong ngày"), whether one must come ("có cần đến tận nơi không"),
 * the channel named as a condition ("nếu làm trên VNeID"), "vụ này" pointing back; and in a
 * conversation, the things to bring asked of the same person ("vậy mẹ tôi phải cầm theo những thứ gì").
 */
describe('facts asked in everyday words (pass 25)', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads the money the office takes, the things counted, the paper waited for, a hurry', () => {
    expect(aspects('xin xác nhận cư trú thì công an có lấy xu nào không')).toEqual(['fee']);
    expect(aspects('giám hộ cho cháu, phường thu đồng gì không')).toEqual(['fee']);
    expect(aspects('ruộng nhà tôi ở cánh đồng nào')).toEqual([]);
    expect(aspects('tách hộ phải sắm mấy thứ giấy tờ gì')).toEqual(['papers']);
    expect(aspects('giám hộ cho em trai thì đem theo những thứ chi')).toEqual(['papers']);
    expect(aspects('đăng ký kết hôn chờ mấy hôm mới nhận được giấy chứng nhận')).toEqual(['time']);
    expect(aspects('xác nhận độc thân có làm gấp được không')).toEqual(['time']);
  });

  it('reads whether one must come as the place, and VNeID named as the channel', () => {
    expect(aspects('mẹ tôi liệt giường, đổi căn cước có cần lên tận nơi không')).toEqual(['place']);
    expect(aspects('tạm vắng nếu khai trên vneid thì có tốn tiền không')).toEqual(['online', 'fee']);
    // The data shown in VNeID is a thing to correct, not the channel.
    expect(aspects('thông tin trên vneid bị sai ngày sinh')).toEqual([]);
  });

  it('reads "vụ này" as pointing back to the matter discussed', () => {
    expect(readIntents(syllables(fold('vụ này phải đóng tiền hả chị'))).followUp).toBe(true);
  });

  it('keeps the extract a death registration gives from asking a copy of one', () => {
    expect(situationExpansions('khai tử cho bà, bao lâu mới có giấy trích lục')).not.toContain('cap ban sao trich luc ho tich');
    expect(situationExpansions('xin thêm bản sao trích lục khai tử cho bà')).toContain('cap ban sao trich luc ho tich');
  });
});

eachEngine('assistant: facts asked in a conversation (pass 25)', { at: '2026-12-07T13:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `f25-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('states the fee the ward takes and the papers counted', async () => {
    const fee = await talk('thông báo lưu trú cho em họ lên chơi', 'phường có thu đồng nào không chị');
    expect(answered(fee)).toEqual(['answer', '2.001159']);
    expect(fee.answer).toMatch(/Phí, lệ phí/);
    const papers = await talk('con sinh ở bệnh viện tỉnh, khai sinh cho cháu cần mấy thứ giấy gì');
    expect(answered(papers)).toEqual(['answer', '1.001193']);
    expect(papers.answer).toMatch(/Giấy chứng sinh/);
  });

  it('answers the procedure discussed when the things to bring are asked of the same person', async () => {
    // "mẹ" alone leans to a death; the things asked are the papers of the renunciation discussed.
    const r = await talk('mẹ tôi muốn chứng thực văn bản từ chối nhận di sản', 'vậy mẹ tôi phải cầm theo những thứ gì');
    expect(answered(r)).toEqual(['answer', '2.001016']);
    expect(r.answer).toMatch(/Hồ sơ cần chuẩn bị/);
  });

  it('answers the certification of a contract undone, and declines a mother\'s rest after a birth', async () => {
    expect(answered(await talk('chứng thực việc hủy hợp đồng mua bán nhà mất mấy ngày'))).toEqual(['answer', '2.000913']);
    expect(answered(await talk('chứng thực hợp đồng mua bán nhà mất mấy ngày'))).toEqual(['answer', '2.001035']);
    expect((await talk('sinh xong phải kiêng cữ bao lâu mới được gội đầu')).decision).toBe('decline');
    // The birth's registration asked beside the rest is still answered.
    expect(answered(await talk('vợ tôi còn kiêng cữ, làm giấy khai sinh cho bé cần mang gì'))).toEqual(['answer', '1.001193']);
  });

  it('states the fee online when VNeID is the channel named', async () => {
    const r = await talk('đăng ký tạm trú nếu nộp trên vneid thì có mất phí không');
    expect(answered(r)).toEqual(['answer', '1.004194']);
    expect(r.answer).toMatch(/Phí, lệ phí khi nộp trực tuyến/);
  });

  it('gives where and when to a citizen asking whether the old must come', async () => {
    const first = await talk('ông tôi già yếu đi không nổi, đổi căn cước thì có cần đến tận nơi không');
    expect(answered(first)).toEqual(['answer', '1.014063']);
    expect(first.answer).toMatch(/Nơi nộp[^\n]*phường Ba Đình/i);
    const r = await talk('làm lại căn cước cho mẹ tôi', 'mẹ tôi già yếu rồi, có cần lên tận nơi không');
    expect(answered(r)).toEqual(['answer', '1.014064']);
    expect(r.answer).toMatch(/Nơi nộp[^\n]*phường Ba Đình/i);
    expect(r.answer).toMatch(/Giờ làm việc/);
  });
});
