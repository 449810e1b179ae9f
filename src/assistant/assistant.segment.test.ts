import { describe, expect, it } from 'vitest';
import { bestPairs, countWords, nameParts, WordModel } from './assistant.segment';
import { NATIONAL_WORDS } from './lexicon/topic-words';

describe('reading syllables as words', () => {
  it('learns words from names: a pair often side by side across two words is not one', () => {
    const names = [
      'Hòa giải tranh chấp đất đai',
      'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch',
      'Giải quyết tranh chấp đất đai cấp tỉnh',
      'Đăng ký thế chấp quyền sử dụng đất',
      'Xóa đăng ký thế chấp quyền sử dụng đất',
      'Giao đất, cho thuê đất',
    ];
    const words = countWords(names.flatMap(nameParts));
    expect(words.get('tranh chap')).toBe(3);
    expect(words.get('the chap')).toBeGreaterThan(0);
    expect(words.get('chap dat') ?? 0).toBe(0);
    const m = new WordModel(words);
    expect(m.split(['the', 'chap', 'dat'])).toEqual(['the chap', 'dat']);
    expect(m.split(['tranh', 'chap', 'dat', 'dai'])).toEqual(['tranh chap', 'dat dai']);
  });

  it('reads a question without marks the way the national names are written', () => {
    const m = new WordModel(NATIONAL_WORDS);
    // "đổi họ" + "chiều" is a reading no name supports; "hộ chiếu" is one.
    expect(m.split(['doi', 'ho', 'chieu', 'moi'])).toEqual(['doi', 'ho chieu', 'moi']);
    expect(m.split(['dang', 'ki', 'the', 'chap', 'dat'])).toEqual(['dang ki', 'the chap', 'dat']);
    expect(m.split(['cap', 'lai', 'giai', 'phep', 'lai', 'xe'])).toEqual(['cap lai', 'giai phep', 'lai xe']);
  });

  it('chooses disjoint pairs with the largest total gain', () => {
    const gains = [1, 5, 1];
    expect(bestPairs(4, (k) => gains[k])).toEqual([false, true, false, false]);
    expect(bestPairs(4, (k) => [3, 5, 3][k])).toEqual([true, false, true, false]);
    expect(bestPairs(3, () => undefined)).toEqual([false, false, false]);
  });
});
