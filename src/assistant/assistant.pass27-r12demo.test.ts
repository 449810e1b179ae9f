import { describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { eachEngine } from '../shared/suite.testing';
import { readIntents } from './assistant.intent';
import { qualifierChoice } from './assistant.qualifiers';
import { askingWard } from './assistant.testing';

/**
 * The demo ward's papers told as citizens tell them (issue 15, pass 27, r12demo; read unseen on
 * tuning/procedures-46.jsonl): the adverb "lại" of a story read as a record's "… lại", "đó là"
 * read as dollars (everyday), a paper of where one lives or of one person's two names told by
 * what it proves, a school change as the paper's purpose, a household off the poor list, a last
 * wish, a parent come to live for good (assistant.told-for.ts). The questions are variants, not
 * the probe's lines: the learned model reads those.
 */
const marriage = [
  { code: '1.000894', name: 'Thủ tục đăng ký kết hôn' },
  { code: '1.004746', name: 'Thủ tục đăng ký lại kết hôn' },
];
const offTopic = (q: string) => readIntents(syllables(fold(q))).offTopic;

describe('assistant: pass 27 — the adverb "lại" and "đó là" of a story', () => {
  it('does not read "lại" of the story as the "… lại" twin of a record', () => {
    expect(qualifierChoice('anh ấy về phép mười ngày, muốn đăng ký kết hôn trước khi quay lại Nhật', marriage)).toBe('1.000894');
    expect(qualifierChoice('đường sá xa xôi lại đang mưa lũ, đăng ký kết hôn ở đâu', marriage)).toBe('1.000894');
    // the record's own "lại" stays the twin's, with or without marks
    expect(qualifierChoice('giấy kết hôn mất, sổ xã cũng không còn, đăng ký kết hôn lại ở đâu', marriage)).toBe('1.004746');
    expect(qualifierChoice('dang ky lai ket hon o dau', marriage)).toBe('1.004746');
  });

  it('reads "đó là" of a story as no dollar, and the dollar still as everyday life', () => {
    expect(offTopic('bên ngân hàng cần giấy chứng minh tên trong khai sinh và tên trên sổ đỏ đó là cùng một người')).toBe(false);
    expect(offTopic('tỷ giá đô la hôm nay')).toBe(true);
    expect(offTopic('đô la chợ đen bữa nay lên hay xuống')).toBe(true);
    expect(offTopic('gửi về 500 đô la thì nhận ở đâu')).toBe(true);
  });

  it('keeps a school change asked alone as everyday life', () => {
    expect(offTopic('xin chuyển trường cho con giữa năm học được không')).toBe(true);
    expect(offTopic('trường mới đòi giấy xác nhận cư trú mới cho con chuyển trường')).toBe(false);
  });
});

eachEngine('assistant: pass 27 — the demo ward’s papers told by what they prove or are for', { at: '2026-12-07T20:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'p27');
  const first = async (q: string) => {
    const r = await ask(q);
    return r.decision === 'answer' || r.decision === 'clarify' ? r.procedures[0]?.code : r.decision;
  };

  it('offers the plain registration, not its "… lại" twin, when "lại" is the story’s adverb', async () => {
    expect(await first('Nhà ở trên núi cao, mùa này lại đang mưa to, cán bộ xã có lên tận bản đăng ký khai sinh cho cháu không')).toBe('1.003583');
    expect(await first('Cháu trai tôi làm ở Nhật về phép hai tuần, hai đứa muốn đăng ký kết hôn trước khi nó bay lại bên đó')).toBe('1.000894');
  });

  it('answers the confirmation of residence asked as "giấy xác nhận … đang ở đâu" or "nơi ở"', async () => {
    expect(await first('công ty bắt nộp giấy xác nhận em đang ở đâu mới cho ký hợp đồng, xin chỗ nào')).toBe('1.010041');
    expect(await first('con tôi xin chuyển trường, trường mới đòi giấy xác nhận nơi ở của cháu, xin ở công an xã được không')).toBe('1.010041');
  });

  it('answers the confirmation of civil-status details for two names of one person', async () => {
    expect(await first('Sổ đỏ ghi tên mới còn giấy khai sinh ghi tên cũ, ngân hàng muốn có giấy xác nhận tên cũ với tên mới đó là cùng một người')).toBe('2.002516');
  });

  it('reads a household off the poor list, a last wish and a parent come for good', async () => {
    expect(await first('Mấy năm nay nhà tôi đủ ăn rồi, không muốn nằm trong danh sách hộ nghèo của xã nữa, phải làm gì')).toBe('1.011608');
    expect(await first('Ông tôi yếu lắm rồi, muốn lập di nguyện chia đất cho mấy người con, mời cán bộ xã về chứng được không')).toBe('2.001019');
    expect(await first('Bố tôi bán nhà ở quê lên ở hẳn với vợ chồng tôi, giờ đăng ký cho ông thế nào')).toBe('1.004222');
  });

  it('still declines a dollar or a school change asked for itself', async () => {
    expect((await ask('tỷ giá đô la Mỹ bữa nay bao nhiêu')).procedures).toEqual([]);
    await expectAnswer([['xin giấy xác nhận tình trạng hôn nhân để vay ngân hàng', '1.004873']]);
  });
});
