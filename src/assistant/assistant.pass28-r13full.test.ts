import { beforeAll, describe, expect, it } from 'vitest';
import { OWN_RESERVE, ownReserve } from './assistant.own-reserve';
import type { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 28 (r13full): a commune's record of the full catalogue told in words it shares
 * with other levels' records (assistant.level-told.ts) — a whole house moved, the storeys said as
 * "lầu", garden land raised to land to live on with the house to build as its purpose, a shop
 * moved to another place — found as the commune's, not sent to the province's record.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));

describe('commune records told in words other levels share (pass 28)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.013232', 'Cấp giấy phép di dời đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Nhà ở riêng lẻ) thuộc thẩm quyền cấp giấy phép xây dựng của UBND cấp xã', ['Cấp xã']),
      nationalRecord(demo, '1.013230', 'Cấp giấy phép di dời đối với công trình cấp đặc biệt, cấp I và cấp II (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng)', ['Cấp tỉnh']),
      nationalRecord(demo, '1.013225', 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Nhà ở riêng lẻ)', ['Cấp xã']),
      nationalRecord(demo, '1.013236', 'Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng)', ['Cấp tỉnh']),
      nationalRecord(demo, '1.013229', 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Nhà ở riêng lẻ)', ['Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);

  it('reads a whole house moved as the relocation permit, not a household moving its residence', () => {
    expect(first('nhà bị lấn vào hành lang đường nên tính nâng cả căn nhà lùi vào trong mười mét, xin phép dời nhà ở đâu')).toBe('1.013232');
    expect(reads('ông bà muốn dời nguyên căn nhà gỗ ra sau vườn thì làm thủ tục gì', 'di doi cong trinh')).toBe(true);
    expect(reads('tôi sắp dời nhà lên thành phố ở, chuyển hộ khẩu thế nào', 'di doi cong trinh')).toBe(false);
    expect(reads('chồng đòi chia đôi căn nhà bố mẹ tôi cho riêng có được không', 'di doi cong trinh')).toBe(false);
    expect(reads('dời nguyên cái nhà gỗ cổ sang chỗ khác trong vườn có cần phép gì', 'di doi cong trinh')).toBe(true);
  });

  it('reads a house of so many “lầu” asked with a permit as a new building permit, not a repair', () => {
    expect(first('nhà 1 trệt 2 lầu xin giấy phép xây ở đâu')).toBe('1.013225');
    expect(reads('định làm căn nhà phố ba lầu ở khu dân cư thị trấn, giấy phép xin chỗ nào', 'giai phep xai dung moi')).toBe(true);
    expect(reads('nhà hai lầu muốn cơi nới thêm phía sau có phải xin phép không', 'giai phep xai dung moi')).toBe(false);
    expect(reads('làm giấy phép xây dựng mất bao lâu', 'giai phep xai dung moi nha o tang')).toBe(false);
  });

  it('reads garden land raised to land to live on as the change of use, the house to build only its purpose', () => {
    expect(reads('mảnh vườn sau nhà giờ muốn lên thổ cư để chia cho thằng út cất nhà thì làm giấy tờ gì', 'chuien muc dich su dung dat')).toBe(true);
    expect(reads('công ty chúng tôi xin chuyển mục đích đất nông nghiệp sang đất làm nhà xưởng', 'chuien muc dich su dung dat')).toBe(false);
  });

  it('reads a shop moved to another place as the household business’s change of registration', () => {
    expect(first('quán cà phê nhà tôi đổi địa chỉ sang đường khác thì báo ở đâu')).toBe('2.000720');
    expect(reads('tiệm sửa xe dời địa điểm qua ấp khác trong xã thì đăng ký thay đổi thế nào', 'thai doi noi dung dang ki ho kinh doanh')).toBe(true);
    expect(reads('tiệm tạp hóa tạm nghỉ ba tháng rồi đổi qua chỗ khác', 'thai doi noi dung dang ki ho kinh doanh')).toBe(false);
  });
});

describe('the unit’s own records kept among the candidates (pass 28)', () => {
  // 80 documents: the first 70 other levels' (scores 100 down), then 10 of the ward's own (scores 20 down).
  const own = (d: number) => d >= 70;
  const scores = Float64Array.from({ length: 80 }, (_, d) => (d < 70 ? 100 - d : 20 - (d - 70)));
  const cut = Array.from({ length: 60 }, (_, d) => d);

  it('adds the ward’s best records beyond a cut that other levels’ records fill, best first', () => {
    const kept = ownReserve(scores, cut, own);
    expect(kept.slice(0, 3)).toEqual([70, 71, 72]);
    expect(kept).toHaveLength(Math.min(OWN_RESERVE, 10));
  });

  it('leaves a cut of the ward’s own records alone (the demo ward’s catalogue)', () => {
    expect(ownReserve(scores, cut, () => true)).toEqual([]);
  });
});
