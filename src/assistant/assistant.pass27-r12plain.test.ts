import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { counterIntent } from './assistant.counter';
import { tokenize } from './assistant.text';
import { readSwappedAsks } from './assistant.typed-fast';
import { askingWard, decisionOf, demoRetriever } from './assistant.testing';

/**
 * Messages typed fast (issue 15, pass 27, r12plain): the northern l/n swapped in a question's
 * "thế nào" ("thế lào": Laos, handed to staff as a foreigner's matter) and a phone number asked
 * in chat ("xin số đt": told the unit gives no queue tickets online). Each question below was
 * answered otherwise before.
 */
const decision = decisionOf(() => demoRetriever());
const read = (q: string) =>
  readSwappedAsks(tokenize(q, () => true))
    .map((t) => t.accented || t.raw)
    .join(' ');

describe('assistant: pass 27 — typed fast (reading)', () => {
  it('reads a swapped "lào" after "thế", "như", "chỗ" as the question\'s "nào", and leaves Laos alone', () => {
    expect(read('nhập khẩu cho vợ thế lào')).toBe('nhập khẩu cho vợ thế nào');
    expect(read('khai sinh cho con như lào')).toBe('khai sinh cho con như nào');
    expect(read('dang ky tam tru the lao a')).toBe('dang ky tam tru the nào a');
    expect(read('vợ em là người lào')).toBe('vợ em là người lào');
    expect(read('chồng em làm ở bên lào')).toBe('chồng em làm ở bên lào');
    expect(read('lam the lao dong o dau')).toBe('lam the lao dong o dau');
    expect(read('thẻ lào')).toBe('thẻ lào');
  });

  it('takes a phone number or an account asked for no queue ticket, and a ticket still for one', () => {
    for (const q of ['cho e xin so dt taxi gan nhat', 'xin số điện thoại cán bộ hộ tịch', 'cho xin so zalo cua phuong', 'xin số tài khoản để chuyển lệ phí']) {
      expect(counterIntent(q), q).toBeUndefined();
    }
    expect(counterIntent('cho e xin so thu tu')).toBe('ticket');
    expect(counterIntent('tôi muốn xin số')).toBe('ticket');
  });
});

describe('assistant: pass 27 — typed fast (decision)', () => {
  it('answers the residence asked "thế lào" as it answers "thế nào"', () => {
    expect(decision('thủ tục nhập khẩu cho vợ thế lào')).toEqual({ decision: 'answer', first: '1.004222' });
  });
});

eachEngine('assistant: pass 27 — typed fast (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'p27plain');

  it('answers a question whose "thế nào" is typed "thế lào"', async () => {
    await expectAnswer([['thủ tục nhập khẩu cho vợ thế lào', '1.004222']]);
  });

  it('declines a taxi\'s phone number asked in chat instead of telling the unit gives no tickets', async () => {
    const r = await ask('cho e xin so dt taxi gan nhat');
    expect(r.decision, r.answer).toBe('decline');
    expect(r.answer).not.toMatch(/lấy số/);
  });
});
