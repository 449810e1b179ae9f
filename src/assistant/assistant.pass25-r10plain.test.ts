import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { counterIntent } from './assistant.counter';
import { askingWard } from './assistant.testing';

/**
 * Messages typed fast, without marks (issue 15, pass 25, r10plain): folded, "cho" is also "chỗ"
 * and "dat" also "đặt", so "xin cho e hoi", "đăng ký cho nó", "đất cho thằng út" were taken for a
 * booking. Each question below was answered otherwise before.
 */
describe('assistant: pass 25 — unmarked typing (reading)', () => {
  it('takes no unmarked "cho" for a slot unless it follows "đặt" and a booking goes on', () => {
    for (const q of ['xin cho e hoi lam khai sinh', 'xin cho anh hoi', 'dang ky cho no o dau', 'dang ky cho thang em o tro', 'bo me sang ten manh dat cho thang ut', 'chia dat cho 3 dua con', 'ba e muon de lai dat cho anh trai', 'ban manh dat cho hang xom', 'muon cap so']) {
      expect(counterIntent(q), q).toBeUndefined();
    }
    for (const q of ['dat cho truoc de lam can cuoc', 'dat cho lam can cuoc', 'toi muon dat cho', 'dat cho ngay mai duoc khong', 'dat lich', 'đặt chỗ làm căn cước', 'xin hen gio lam cccd']) {
      expect(counterIntent(q), q).toBe('book');
    }
    expect(counterIntent('lay so')).toBe('ticket');
    expect(counterIntent('cap so thu tu')).toBe('ticket');
  });
});

eachEngine('assistant: pass 25 — unmarked typing (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'p25plain');

  it('answers, not offers a booking, when an unmarked "cho" is "for" and "dat" is land', async () => {
    await expectAnswer([
      ['bo me sang ten manh dat cho thang ut, hop dong tang cho lam chung thuc', '2.001035'],
      ['xin cho e hoi lam khai sinh cho con o dau', '1.001193'],
      ['ba tui muon lap di chuc chia dat cho may dua chau, ra xa lam sao', '2.001019'],
      ['dang ky cho thang em o tro nha tui may thang', '1.004194'],
    ]);
  });
});
