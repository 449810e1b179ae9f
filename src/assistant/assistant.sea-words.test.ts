import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Fishermen's words for a stretch of sea farmed (pass 17), and a shop's capital asked as business
 * advice, on the demo catalogue with the commune's sea-area records beside it.
 */
describe('a stretch of sea in fishermen’s words; capital asked as advice', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '3.000439', 'Giao khu vực biển cho cá nhân Việt Nam để nuôi trồng thủy sản', ['Cấp xã']),
      nationalRecord(demo, '3.000441', 'Trả lại khu vực biển cho cá nhân Việt Nam để nuôi trồng thủy sản', ['Cấp xã']),
      nationalRecord(demo, '3.000443', 'Công nhận khu vực biển cho cá nhân Việt Nam để nuôi trồng thủy sản', ['Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);
  const top = (q: string) => r.search(q, { limit: 3 }).candidates[0]?.id;

  it('ranks the sea area first for "vạt biển", "mặt nước biển", "bãi triều", and answers "vùng biển" after its verb', () => {
    expect(top('nhà em xin một vạt biển sát bờ để thả nuôi bào ngư')).toBe('3.000439');
    expect(top('cho xin mặt nước biển ngoài mũi đá để đặt lưới nuôi cá giò')).toBe('3.000439');
    expect(first('tui thôi nuôi sò điệp rồi, trả vùng biển cho xã thế nào')).toBe('3.000441');
    expect(top('mấy chục năm nhà tôi nuôi ngao ở bãi triều, xin được công nhận')).toBe('3.000443');
  });

  it('leaves "vùng biên giới" alone (folded, it reads as "vùng biển")', () => {
    expect(first('đăng ký kết hôn với người ở vùng biên giới')).not.toMatch(/^3\.00044/);
  });

  it('reads how much capital a shop needs as everyday advice', () => {
    expect(r.search('mở tiệm bánh mì cần vốn bao nhiêu thì đủ', { limit: 3 }).plan.intents.offTopic).toBe(true);
    expect(r.search('mở tiệm bánh mì thì đăng ký hộ kinh doanh ở đâu', { limit: 3 }).plan.intents.offTopic).toBe(false);
  });
});
