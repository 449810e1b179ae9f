import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick } from './assistant.testing';

/**
 * Residence told rather than named (issue 15, pass 18): a months-long trip at sea is the notice of
 * a temporary absence, a name left on a register after a death or after moving out of a rented room
 * is the register struck off, and the chat "TT" is read by the stay it is said with.
 */
describe('residence told rather than named (issue 15, pass 18)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);

  it('reads a months-long trip at sea as the notice of a temporary absence, not a boat\'s papers', () => {
    expect(first('anh tui đi biển theo ghe lưới tám tháng, nhà có phải báo gì với công an không')).toBe('1.003677');
    expect(first('ba em bam bien dai ngay tren tau vien duong ca nam moi ve, khai bao the nao')).toBe('1.003677');
  });

  it('reads a name left on a register after a death or a life abroad as the permanent residence struck off', () => {
    expect(first('cụ cố nhà tôi qua đời lâu rồi, trên hệ thống cư trú vẫn còn tên cụ, bỏ tên cách nào')).toBe('1.003197');
    expect(first('cậu tôi định cư ở Canada mấy năm nay, muốn gạch tên cậu ra cho gọn')).toBe('1.003197');
  });

  it('reads a name left at a rented room one moved out of as the temporary residence struck off', () => {
    expect(first('tôi dọn đi khỏi nhà trọ tháng trước, muốn bỏ tên ở chỗ trọ cũ')).toBe('1.010028');
  });

  it('reads the chat "TT" by the stay it is said with', () => {
    expect(first('xin tt o ktx truong thi can gi a')).toBe('1.004194');
    expect(first('lam tt cho me ve o han voi vo chong con')).toBe('1.004222');
  });
});
