import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { decisionOf, demoRetriever } from './assistant.testing';

/**
 * Issue 15, pass 18 (r3scope): a mortgage registered or struck off the land paper is the land
 * office's, not the contract the ward certifies nor the land's first registration; the assistant
 * asked to translate a sentence is no certified translation.
 */
describe('a mortgage registered, a sentence to translate (issue 15, pass 18)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const decided = decisionOf(() => r);

  it('does not answer a certification or a first registration for a mortgage registered or struck off', () => {
    for (const q of [
      'bên quỹ tín dụng cho vay nhưng bắt tôi đăng ký thế chấp căn nhà trước đã',
      'khoản vay trả dứt rồi, muốn xóa thế chấp trên sổ hồng của ba mẹ',
      'giai chap so do xong thi len dau lam',
    ]) {
      const d = decided(q);
      expect(d.decision === 'answer' && ['2.001035', '1.013978'].includes(d.first ?? ''), q).toBe(false);
    }
    // The contract's certification is still the ward's.
    expect(decided('chứng thực hợp đồng thế chấp mảnh đất vườn để vay vốn')).toMatchObject({ decision: 'answer', first: '2.001035' });
  });

  it('does not answer the translator’s certification when asked to translate a sentence', () => {
    for (const q of ['dịch giúp em câu chúc mừng năm mới sang tiếng Hàn', 'dich gium tui doan tin nhan nay qua tieng Nhat']) {
      const d = decided(q);
      expect(d.decision === 'answer' && d.first === '2.000992', q).toBe(false);
    }
    expect(decided('chứng thực chữ ký người dịch bản dịch giấy khai sinh sang tiếng Anh')).toMatchObject({ first: '2.000992' });
  });
});
