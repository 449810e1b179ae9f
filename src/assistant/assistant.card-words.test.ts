import { describe, expect, it } from 'vitest';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Cards said by what they are for or what they carry (issue 15, pass 19): the health-insurance
 * card as "thẻ khám bệnh" / "thẻ khám chữa bệnh", the identity card as "thẻ chip".
 */
describe('a card named by its use or its chip', () => {
  const r = demoRetriever((demo) => [
    nationalRecord(demo, '1.002759', 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT', ['Cấp tỉnh', 'Cấp xã']),
    nationalRecord(demo, '1.001939', 'Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT', ['Cấp tỉnh', 'Cấp xã']),
  ]);
  const first = firstPick(() => r);

  it('reads the card one is treated with as the health-insurance card', () => {
    // not the identity card's re-issue, which "mất thẻ … cấp lại" alone would be
    expect(first('mất thẻ khám bệnh, xin cấp lại')).toBe('1.002759');
    expect(first('bị móc túi mất thẻ khám chữa bệnh, làm lại thế nào')).toBe('1.002759');
    expect(first('cả nhà làm rẫy muốn có thẻ khám bệnh, đăng ký đóng ở đâu')).toBe('1.001939');
  });

  it('reads the chip card as the identity card', () => {
    expect(first('thẻ chip của chồng hết hạn, đi đổi cần mang gì')).toBe('1.014063');
  });
});
