import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard, demoRetriever, firstPick } from './assistant.testing';

/**
 * The ward's procedures told as citizens tell them (issue 15, pass 22): a land quarrel told as a
 * quarrel between two houses, the identity card called only "thẻ" and worn out, a card's age told
 * without "tuổi", a single status said "chưa chồng" or "còn son" and asked by a lender, a family's hardship
 * told as why it asks onto the poor list. Each case
 * was handed over or declined before its rule.
 */
const pick = firstPick(() => demoRetriever());

describe('assistant: pass 22 — the ward’s procedures in everyday words (retrieval and decision)', () => {
  it('reads two houses quarrelling over a boundary or a path as the conciliation, but not heirs nor a couple quarrelling', () => {
    for (const q of ['hai nhà cự cãi mãi vì cái bờ rào giữa hai vườn', 'hai bên lời qua tiếng lại mấy tháng nay vì con đường đi chung', 'hai gia đình xích mích vì cái mương nước chảy qua ruộng, nhờ người phân giải']) {
      expect(pick(q), q).toBe('1.012812');
    }
    expect(pick('mấy anh chị em cãi nhau chuyện chia đất ba để lại')).not.toBe('1.012812');
    expect(pick('hai vợ chồng cãi nhau hoài muốn ly dị')).not.toBe('1.012812');
  });

  it('reads the card called only “thẻ”, bent or cracked, as its exchange, but not a bank card nor “như thế bị …”', () => {
    for (const q of ['cái thẻ của tôi bị bong tróc hết lớp ngoài', 'thẻ bị gãy một góc, còn giữ đủ mảnh']) expect(pick(q), q).toBe('1.014063');
    expect(pick('thẻ ATM bị cong vênh máy rút tiền không nhận')).not.toBe('1.014063');
    expect(pick('làm như thế bị phạt bao nhiêu')).not.toBe('1.014063');
  });
});

eachEngine('assistant: pass 22 — the ward’s procedures in everyday words (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'p22');

  it('offers the first card for a child turning fifteen told without “tuổi”', async () => {
    const r = await ask('thằng cu nhà tôi vừa mười lăm, chưa có thẻ gì hết, làm ở đâu');
    expect(['answer', 'clarify']).toContain(r.decision);
    expect(['1.014061', '1.014062']).toContain(r.procedures[0]?.code);
  });

  it('answers the marital status paper for “chưa chồng” and for “còn son” asked by a lender', async () => {
    await expectAnswer([
      ['con gái tôi chưa chồng, xin tờ xác nhận ở đâu', '1.004873'],
      ['bên quỹ tín dụng đòi giấy chứng minh tôi còn son', '1.004873'],
    ]);
  });

  it('answers the poor household’s recognition to a family asking onto the list with its hardship told', async () => {
    await expectAnswer([
      ['ba tôi bệnh nặng, muốn xin vào danh sách hộ nghèo', '1.011607'],
      ['vợ tôi ốm nặng, mẹ già, xin xã cho vào diện cận nghèo', '1.011607'],
    ]);
  });

  it('does not answer a lender’s own questions', async () => {
    const r = await ask('quỹ tín dụng cho vay lãi suất bao nhiêu');
    expect(r.decision).not.toBe('answer');
  });
});
