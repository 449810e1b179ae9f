import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard, decisionOf, demoRetriever, firstPick } from './assistant.testing';

/**
 * The ward's procedures told as citizens tell them (issue 15, pass 23): a civil-status act
 * registered long ago that the commune is asked to confirm, a relative standing for a child in
 * law, a death registered already and the heirs sharing next, a card snapped or asked with fingerprints
 * or an age said as a bare number, a loan paid in instalments as why a paper is asked. Each case
 * was answered with another procedure, handed over or declined before its rule.
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());

describe('assistant: pass 23 — the ward’s procedures in everyday words (retrieval and decision)', () => {
  it('reads the commune asked to confirm a marriage or a birth registered long ago as the confirmation of the civil-status record', () => {
    expect(pick('nhờ ủy ban xác nhận giùm ông bà tôi đã đăng ký kết hôn tại đây từ năm 1972')).toBe('2.002516');
    expect(pick('xin giấy xác nhận tình trạng hôn nhân, tôi đã kết hôn rồi ly hôn')).not.toBe('2.002516');
  });

  it('reads a relative standing for a child in law as the guardianship, and asking to stop as its end', () => {
    expect(pick('chú ruột muốn đứng tên thay mặt cho hai đứa cháu côi cút về mặt pháp lý')).toBe('1.004837');
    expect(pick('bà nội xin thôi đứng tên trông coi thằng cháu theo pháp luật vì mẹ nó đã về')).toBe('1.004845');
    expect(pick('đứng tên hợp đồng thuê nhà cho con theo luật thì cần gì')).not.toBe('1.004837');
  });

  it('reads a death registered already and the heirs sharing next as the division of the estate', () => {
    expect(pick('mẹ mất, làm khai tử xong rồi, giờ các anh chị em chia mảnh vườn, nhờ xã chứng cho')).toBe('2.001406');
  });

  it('reads a named card snapped or its chip unread as its exchange, not another card', () => {
    expect(pick('căn cước bị gãy ngang, máy không nhận chip nữa')).toBe('1.014063');
    expect(pick('thẻ ATM bị gãy đôi rồi')).not.toBe('1.014063');
  });

  it('reads a child’s card asked with the age as a bare number, or with fingerprints, as the first card', () => {
    expect(pick('thằng bé 16 chưa có thẻ, làm ở đâu')).toBe('1.014061');
    expect(pick('con gái 8 chưa có thẻ, dắt đi làm ở đâu')).toBe('1.014062');
    expect(['1.014061', '1.014062']).toContain(pick('con bé năm nay lên lớp 8, trường bắt làm thẻ, nó tự đi lấy vân tay một mình được không'));
    expect(pick('mẹ tôi chỉ lăn tay được, muốn chứng thực giấy ủy quyền')).toBe('2.000884');
  });

  it('answers a paper of the ward asked for a loan paid in instalments, and still declines the instalments alone', () => {
    expect(decision('bên cho vay đòi giấy xác nhận cư trú mới giải ngân gói trả góp xe máy')).toEqual({ decision: 'answer', first: '1.010041' });
    expect(decision('mua tủ lạnh trả góp cần giấy tờ gì').decision).toBe('decline');
  });
});

eachEngine('assistant: pass 23 — the ward’s procedures in everyday words (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'p23');

  it('answers the guardianship and the confirmation of a civil-status record told without their names', async () => {
    await expectAnswer([
      ['chú ruột muốn đứng tên thay mặt cho hai đứa cháu côi cút về mặt pháp lý', '1.004837'],
      ['nhờ ủy ban xác nhận giùm ông bà tôi đã đăng ký kết hôn tại đây từ năm 1972', '2.002516'],
    ]);
  });

  it('answers a residence paper a finance company asks for an instalment purchase', async () => {
    await expectAnswer([['bên cho vay đòi giấy xác nhận cư trú mới giải ngân gói trả góp xe máy', '1.010041']]);
    const r = await ask('mua tủ lạnh trả góp cần giấy tờ gì');
    expect(r.decision).not.toBe('answer');
  });
});
