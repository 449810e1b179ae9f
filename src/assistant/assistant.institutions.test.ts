import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { institutionAsks, institutionsTold } from './assistant.institutions';
import { readIntents } from './assistant.intent';
import { Retriever } from './assistant.retrieval';
import { decisionOf, demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * The institutions and people around a paper in citizens' stories (issue 15, pass 21): a bank,
 * a school or a doctor who asks for the paper or signed one is who asks, not what is asked; a
 * sweetheart registering with the citizen is a marriage; a child left at a gate taken home is an
 * adoption; "không có vợ" with a paper is the marital-status paper.
 */
describe('institutions and people of a story (pass 21)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);
  const decision = decisionOf(() => r);
  const told = (q: string) => {
    const f = syllables(fold(q));
    const at = institutionsTold(f);
    return [...at, ...institutionAsks(f, at)].sort((a, b) => a - b).map((i) => f[i]).join(' ');
  };

  it('finds a bank, a school with its level and an asking hospital, not "trường hợp" nor a hospital where a child was born', () => {
    expect(told('ngân hàng bảo phải có giấy này')).toBe('ngan hang bao');
    expect(told('trường tiểu học công lập yêu cầu tờ xác nhận')).toBe('truong tieu hoc cong lap ieu cau');
    expect(told('bệnh viện đòi giấy tờ tùy thân')).toBe('benh vien doi');
    expect(told('bé sinh ở bệnh viện huyện')).toBe('');
    expect(told('trong trường hợp mất giấy thì sao')).toBe('');
    expect(told('công ty bảo hiểm cần giấy')).toBe('');
    expect(told('xin việc ở công ty cần những gì')).toBe('');
    expect(told('gia hạn giấy phép hành nghề bác sĩ')).toBe('');
    expect(told('mua ví đựng thẻ ngân hàng')).toBe('');
  });

  it('answers the paper a bank or a school asks for, not a topic of its own', () => {
    expect(first('ngân hàng bảo làm thẻ thì nộp tờ xác nhận chỗ ở')).toBe('1.010041');
    expect(first('nhà trường bắt làm giấy chứng minh nơi ở cho con')).toBe('1.010041');
    expect(first('ba mất rồi mà đất đứng tên ba, ngân hàng bảo cần giấy chứng tử trước đã')).toBe('1.000656');
  });

  it('reads a doctor beside an administrative word as the story, and a question to a doctor as everyday life', () => {
    expect(decision('bác sĩ trạm xá ký giấy báo tử cho ông tôi rồi, lên xã làm gì tiếp')).toEqual({ decision: 'answer', first: '1.000656' });
    expect(decision('bác sĩ ơi cháu ho mấy hôm nay thì uống thuốc gì').decision).toBe('decline');
    expect(decision('ngân hàng nào cho vay mua xe lãi thấp').decision).toBe('decline');
    expect(decision('gia hạn giấy phép hành nghề bác sĩ nộp ở đâu').decision).toBe('decline');
    // a loan's interest told with its pledge and its bank is everyday life, the bank no story of a paper
    expect(readIntents(syllables(fold('vay thế chấp sổ hồng ngân hàng lãi suất bao nhiêu'))).offTopic).toBe(true);
  });

  it('reads a sweetheart registering with the citizen as the marriage, not a child of theirs', () => {
    expect(situationExpansions('người yêu em ở thôn bên, hai đứa tính lên xã đăng ký sau mùa gặt')).toContain('dang ki ket hon');
    expect(situationExpansions('bạn trai tôi muốn hai đứa thành vợ chồng hợp pháp')).toContain('dang ki ket hon');
    expect(situationExpansions('người yêu tôi sinh con tháng trước, đăng ký khai sinh cho bé')).not.toContain('dang ki ket hon');
    expect(situationExpansions('bạn gái tôi xin đăng ký tạm trú ở nhà tôi')).not.toContain('dang ki ket hon');
  });

  it('reads a child left at a gate and taken home as the adoption, and "không có vợ" with a paper as the marital status', () => {
    expect(situationExpansions('bé gái bị bỏ rơi trước nhà thờ, vợ chồng tôi muốn xin bé về')).toContain('dang ki nuoi con nuoi');
    expect(situationExpansions('cháu mồ côi được xin về, nhà xin trợ cấp')).not.toContain('dang ki nuoi con nuoi');
    expect(situationExpansions('văn phòng công chứng cần giấy chứng nhận tôi không có vợ')).toContain('xac nhan tinh trang hon nhan doc than');
  });
});
