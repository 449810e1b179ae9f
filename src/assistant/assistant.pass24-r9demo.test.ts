import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { askingWard, decisionOf, demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * The demo ward's procedures told as citizens tell them (issue 15, pass 24, r9demo): moving about
 * told hard ("đi lại khó"), a short stay "ở nhờ vài bữa", two papers that do not match, a
 * photocopy to certify, a loan asked by the borrower, the paper household book gone, a birth
 * "báo" like a death, the central "mạ", a certified gift undone, a school admission as what a
 * residence paper is for. Each case was answered with another procedure, offered among others,
 * handed over or declined before its rule.
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());

describe('assistant: pass 24 — the demo ward’s procedures in citizens’ words (retrieval and decision)', () => {
  it('reads "đi lại khó" as moving about, the mobile registration, not a marriage registered again', () => {
    expect(decision('anh tôi đi bộ đội về bị mất một chân, đi lại khó, anh với chị ấy muốn làm giấy kết hôn tại nhà được không')).toEqual({ decision: 'answer', first: '1.000593' });
    expect(pick('giấy kết hôn bị mất, có phải đi lại lên xã làm lại không')).toBe('1.004746');
  });

  it('reads a relative staying "ở nhờ vài bữa" with the police to be told as the notice of a stay', () => {
    expect(pick('em họ tôi ra ở nhờ vài bữa để khám bệnh, có phải báo công an không')).toBe('2.001159');
  });

  it('reads the identity app not matching the birth certificate as the population database’s correction', () => {
    expect(pick('trên ứng dụng định danh ngày sinh của tôi không khớp với giấy khai sinh')).toBe('1.012564');
  });

  it('reads a photocopy to certify as the certified copy, not a signature', () => {
    expect(pick('chứng thực giấy tờ photo ở đâu nhanh nhất, em cần 2 bộ hồ sơ xin việc')).toBe('2.000815');
  });

  it('answers the single-status paper a bank asks of a borrower, and still declines the loan alone', () => {
    expect(decision('vay tiền làm nhà, ngân hàng đòi giấy xác nhận tôi chưa có vợ')).toEqual({ decision: 'answer', first: '1.004873' });
    expect(decision('vay tiền mua xe cần giấy tờ gì').decision).toBe('decline');
    // a confirmation that is not the ward's by its name stays another office's story
    expect(decision('công ty cũ đóng BHXH cho em 6 năm, giờ cần giấy xác nhận quá trình đóng để nộp ngân hàng vay tiền').decision).toBe('decline');
  });

  it('declines a thing to buy described at length and asked where it is nice', () => {
    expect(decision('mua ví da đựng thẻ căn cước với thẻ ngân hàng ở đâu đẹp').decision).toBe('decline');
  });

  it('reads the paper household book gone as no lost register', () => {
    expect(situationExpansions('không còn sổ hộ khẩu giấy nữa, giờ xin giấy xác nhận cư trú ở đâu')).not.toContain('dang ki lai');
    expect(situationExpansions('sổ hộ tịch ở xã không còn, giấy khai sinh cũng mất')).toContain('dang ki lai');
  });

  it('reads a month-old baby not yet "báo sinh" as the birth registration', () => {
    expect(pick('bé được đầy tháng mà nhà chưa đi báo sinh')).toBe('1.001193');
  });

  it('reads a certified gift the parties undo as the change of a certified transaction', () => {
    expect(pick('Hợp đồng tặng cho đất giữa tôi và con trai đã chứng thực ở xã hồi tháng 5, giờ hai bố con muốn hủy không tặng nữa thì làm thế nào')).toBe('2.000913');
    expect(pick('muốn chứng thực hợp đồng tặng cho đất cho con')).toBe('2.001035');
  });
});

eachEngine('assistant: pass 24 — the demo ward’s procedures in citizens’ words (whole service)', { at: '2026-12-07T00:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'p24d');

  it('answers a death told with the central "mạ", and a residence paper asked for a school admission', async () => {
    await expectAnswer([
      ['Mạ tui mất rồi, giờ đi khai tử cho mạ thì mang chi theo', '1.000656'],
      ['trường đòi giấy xác nhận nơi cư trú của con để nộp hồ sơ tuyển sinh lớp 6, xin ở đâu', '1.010041'],
    ]);
  });

  it('still does not answer a school admission asked on its own', async () => {
    const r = await ask('đăng ký tuyển sinh lớp 10 ở đâu');
    expect(['answer', 'clarify']).not.toContain(r.decision);
  });
});
