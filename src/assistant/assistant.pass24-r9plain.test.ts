import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { readChatShorthand, spellAddressed } from './assistant.chat-words';
import { decodeTelex, tokenize } from './assistant.text';
import { askingWard, decisionOf, demoRetriever, firstPick } from './assistant.testing';

/**
 * Messages typed as on Zalo (issue 15, pass 24, r9plain): the people addressed as letters ("a/c",
 * "b ơi", "cj"), shorthand read by its neighbours ("thẻ bh", "dk kh …"), chat's short words ("lm
 * s", "tn", "v", "6th"), a contract typed "hdong", a Telex tone key pressed twice ("truss"), and
 * "làm thế nào" that, folded, is no "làm thẻ". Each question below was handed over, declined or
 * answered with another procedure before.
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());
const read = (q: string) => readChatShorthand(tokenize(spellAddressed(q), () => true)).map((t) => t.folded).join(' ');

describe('assistant: pass 24 — chat shorthand and unmarked typing (reading)', () => {
  it('spells out the people addressed as letters, only where they are addressed', () => {
    expect(read('a/c cho em hỏi')).toBe('anh chi cho em hoi');
    expect(read('b oi cho hoi')).toBe('ban oi cho hoi');
    expect(read('bằng lái hạng b bị mất')).toBe('bang lai hang b bi mat');
  });

  it('reads "bh" after a card or a payment as the insurance, and "kh" after a registration as the marriage only when the question goes on', () => {
    expect(read('the bh bi mat')).toBe('the bao hiem bi mat');
    expect(read('đóng bh cho mẹ')).toBe('dong bao hiem cho me');
    expect(read('the bh phai lam sao')).toBe('the bh phai lam sao');
    expect(read('dk kh mat bao lau')).toBe('dk ket hon mat bao lau');
    expect(read('dk lai kh thi 2 vc')).toBe('dk lai ket hon thi 2 vc');
    expect(read('nộp hồ sơ KH qua mạng')).toBe('nop ho so ket hon qua mang');
    expect(read('có cần giấy kh')).toBe('co can giai khong');
    expect(read('bh y tế cho bé')).toBe('bao hiem i te cho be');
    expect(read('co can dk kh a')).toBe('co can dk khong a');
    expect(read('di lam kh')).toBe('di lam khong');
  });

  it('decodes a Telex tone key pressed twice', () => {
    expect(decodeTelex('truss')).toBe('trú');
    expect(decodeTelex('thuongff')).toBe(decodeTelex('thuongf'));
  });
});

describe('assistant: pass 24 — chat shorthand and unmarked typing (retrieval and decision)', () => {
  it('answers a clear question whose citizen addresses the ward with a letter', () => {
    expect(decision('b oi nhap khau cho vo o dau')).toEqual({ decision: 'answer', first: '1.004222' });
    expect(decision('a/c oi nhap khau cho vo o dau')).toEqual({ decision: 'answer', first: '1.004222' });
    expect(decision('cj oi cho e hoi lam khai sinh o dau')).toEqual({ decision: 'answer', first: '1.001193' });
  });

  it('answers a marriage registered said "dk kh", a contract said "hdong", a residence typed "thuongf truss"', () => {
    expect(decision('dk kh mat bao lau thi co giay vay mn')).toEqual({ decision: 'answer', first: '1.000894' });
    expect(decision('bo me cho dat con trai, hdong tang cho ky o ubnd xa co dc ko')).toEqual({ decision: 'answer', first: '2.001035' });
    expect(decision('dang ky thuongf truss o dau')).toEqual({ decision: 'answer', first: '1.004222' });
  });

  it('reads chat\'s short words and a baby\'s age in months as words, not as unknown topics', () => {
    expect(pick('be nha e dc 6th r chua lam ks, lm s')).toBe('1.001193');
    expect(decision('e o tp hcm, ve hn dk tam tru ntn')).toEqual({ decision: 'answer', first: '1.004194' });
  });

  it('reads "làm thế nào" as how, not as a card to make, and still reads a child\'s card said with "làm thẻ"', () => {
    expect(pick('con em 2 tuổi chưa có giấy khai sinh thì làm thế nào')).not.toBe('1.014062');
    expect(pick('be 10 tuoi co can lam the ko')).toBe('1.014062');
    expect(pick('con trai 15t chua co the, lam the nao')).toBe('1.014061');
    expect(pick('chau 12 lam the o dau')).toBe('1.014062');
  });
});

eachEngine('assistant: pass 24 — chat shorthand and unmarked typing (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'p24plain');

  it('answers questions typed with letters for people, "dk kh" and a doubled Telex key', async () => {
    await expectAnswer([
      ['b oi nhap khau cho vo o dau', '1.004222'],
      ['dk kh mat bao lau thi co giay vay mn', '1.000894'],
      ['dang ky thuongf truss o dau', '1.004222'],
    ]);
  });
});
