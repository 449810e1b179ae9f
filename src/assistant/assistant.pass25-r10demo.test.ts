import { describe, expect, it } from 'vitest';
import { decisionOf, demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * The demo ward's procedures told as stories (issue 15, pass 25, r10demo): who one is told by
 * one's trade ("làm thợ hồ") or by a leave home from work abroad ("về nước nghỉ phép"), a baby
 * "mới tròn tháng", a father "bố đẻ" acknowledging his grown child "là con", a father's name
 * written "làm bố trong giấy khai sinh" from the start, copies to certify named by the papers
 * copied, the marriage paper had and the wife moved in. Each case was answered with another
 * procedure, offered among others, handed over or declined before its rule.
 */
const pick = firstPick(() => demoRetriever());
const decision = decisionOf(() => demoRetriever());

describe('assistant: pass 25 — the demo ward’s procedures told as stories', () => {
  it('reads a tradesman "làm thợ hồ" as who asks, not poetry, and still declines a poem', () => {
    expect(decision('lên thành phố làm thợ hồ, ở trọ, chủ trọ bảo phải đăng ký tạm trú không thì bị phạt')).toEqual({ decision: 'answer', first: '1.004194' });
    expect(decision('làm thơ tặng vợ nhân ngày cưới').decision).toBe('decline');
  });

  it('reads a worker abroad home on leave as who registers the marriage here, and still declines a leave asked of work', () => {
    expect(decision('đi làm ở Hàn Quốc, về quê nghỉ phép 2 tuần, muốn đăng ký kết hôn với bạn gái')).toEqual({ decision: 'answer', first: '1.000894' });
    expect(decision('xin nghỉ phép ở công ty cần làm đơn gì').decision).toBe('decline');
  });

  it('reads a baby "mới tròn tháng" whose papers are asked as the birth registration', () => {
    expect(decision('con tôi mới tròn tháng, giờ đi làm giấy tờ cho cháu ở đâu')).toEqual({ decision: 'answer', first: '1.001193' });
  });

  it('reads "bố đẻ" acknowledging a grown child "là con" as the acknowledgement', () => {
    expect(pick('Bố đẻ tôi bỏ đi từ khi tôi còn nhỏ, nay ông về muốn làm giấy nhận tôi là con')).toBe('1.001022');
    expect(decision('ông ấy là bố đẻ của con tôi, muốn làm giấy nhận nó là con')).toEqual({ decision: 'answer', first: '1.001022' });
  });

  it('reads the father "ghi tên làm bố trong giấy khai sinh" of an unmarried couple as the combined birth registration, not a blank left', () => {
    expect(decision('chưa đăng ký kết hôn, anh ấy muốn ghi tên làm bố trong giấy khai sinh của con mới sinh')).toEqual({ decision: 'answer', first: '1.000689' });
    expect(pick('giấy khai sinh bỏ trống ô quê quán, muốn bổ sung')).toBe('1.004859');
  });

  it('reads copies to certify named by the papers copied as the certified copy', () => {
    expect(decision('sao y hợp đồng lao động với bằng đại học để nộp hồ sơ')).toEqual({ decision: 'answer', first: '2.000815' });
    expect(pick('Em làm kế toán, sếp giao đi chứng thực mấy bản sao giấy đăng ký kinh doanh với hợp đồng để đi đấu thầu')).toBe('2.000815');
    // a copy issued from the register stays the register's
    expect(['2.000908', '2.000635']).toContain(pick('xin bản sao giấy khai sinh từ sổ gốc'));
  });

  it('answers the permanent residence when the marriage paper is had and the wife moves in', () => {
    expect(decision('đã có giấy kết hôn rồi, giờ muốn nhập hộ khẩu cho vợ về nhà chồng')).toEqual({ decision: 'answer', first: '1.004222' });
  });

  it('reads one working abroad home to register the marriage as no marriage done abroad to record', () => {
    const recorded = firstPick(() =>
      demoRetriever((demo) => [nationalRecord(demo, '2.002189', 'Thủ tục ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', ['Cấp xã'])]),
    );
    expect(recorded('Tôi đang làm việc ở Nhật, về nước nghỉ phép 10 ngày, tranh thủ muốn đăng ký kết hôn với bạn gái ở quê')).toBe('1.000894');
    expect(recorded('kết hôn ở Hàn có giấy kết hôn bên đó rồi, về quê muốn xã ghi nhận')).toBe('2.002189');
  });
});
