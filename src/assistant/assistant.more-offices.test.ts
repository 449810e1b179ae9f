import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import type { Decided } from './assistant.decide';
import { notOfficeMatter, otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 21 (r6scope): more offices a citizen's matter belongs to (assistant.more-offices.ts), and
 * another level's record pointed to with only a shared general word giving way to the office the
 * question names.
 */
describe('more offices read from a question’s words', () => {
  const office = (q: string) => otherOffice(q)?.office;

  it('reads a patent, a tour guide’s card, a lottery prize, a walkie-talkie, an organ donation, a red light fine', () => {
    expect(office('bố tôi nghĩ ra cách ủ phân mới, muốn đăng ký sáng chế')).toMatch(/Sở hữu trí tuệ/);
    expect(office('cháu muốn thi lấy thẻ hướng dẫn viên du lịch quốc tế')).toMatch(/Du lịch/);
    expect(office('ve so trung giai nhi thi lanh o dau')).toMatch(/xổ số/);
    expect(office('đội bảo vệ khu phố muốn xài bộ đàm thì có cần giấy phép không')).toMatch(/Tần số/);
    expect(office('mẹ tôi muốn hiến giác mạc sau khi mất')).toMatch(/ghép bộ phận cơ thể/);
    expect(office('bi phat vi vuot den do o nga tu, dong phat o dau')).toMatch(/Cảnh sát giao thông/);
  });

  it('reads free legal aid before the court its lawsuit names', () => {
    expect(office('bị chủ nhà kiện ra tòa mà không có tiền, xin luật sư miễn phí ở đâu')).toMatch(/trợ giúp pháp lý/);
  });

  it('does not read a diploma copied or an ADN sample for the ID card as another office’s', () => {
    expect(otherOffice('chứng thực bản sao bằng tốt nghiệp đại học')).toBeUndefined();
    expect(otherOffice('công an bảo lấy mẫu ADN để cập nhật vào căn cước')).toBeUndefined();
  });
});

describe('another level’s record pointed to, or an office named instead', () => {
  const names: Record<string, string> = {
    vehicle: 'Cấp, cấp lại phù hiệu cho xe ô tô kinh doanh vận tải',
    quarantine: 'Cấp giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn tỉnh',
    boat: 'Đăng ký tàu cá',
  };
  const nameOf = async (code: string) => names[code];
  const pointed = (id: string, confidence: number): Decided => ({ decision: 'elsewhere', picks: [{ id, kind: 'procedure', score: 10, coverage: confidence, pairSupport: true, here: false }], confidence });

  it('declines, naming the office, a record not about the matter the question names, when the rules were not sure of it', async () => {
    const q = 'chở 30 con bò sang tỉnh bên bán, kiểm dịch ở đâu';
    expect((await notOfficeMatter(q, nameOf, pointed('vehicle', 0.45), 0.6)).decision).toBe('decline');
    expect(otherOffice(q)?.office).toMatch(/thú y/);
  });

  it('keeps a record about the matter, a record the rules were sure of, and a record about any office the question names', async () => {
    const q = 'chở 30 con bò sang tỉnh bên bán, kiểm dịch ở đâu';
    expect((await notOfficeMatter(q, nameOf, pointed('quarantine', 0.45), 0.6)).decision).toBe('elsewhere');
    expect((await notOfficeMatter(q, nameOf, pointed('vehicle', 0.8), 0.6)).decision).toBe('elsewhere');
    expect((await notOfficeMatter('ghe đánh cá mới đóng, làm đăng ký tàu cá rồi đi đăng kiểm ở đâu', nameOf, pointed('boat', 0.7), 0.6)).decision).toBe('elsewhere');
  });
});

eachEngine('assistant: more offices named (pass 21)', { at: '2026-12-07T03:00:00Z' }, (t) => {
  const { ask } = askingWard(t, 'mo');

  it('names the forest rangers, the lottery company and the organ donation centre when it declines', async () => {
    const wood = await ask('xe chở gỗ tràm của tôi bị giữ vì thiếu giấy nguồn gốc gỗ, xin ở đâu');
    expect(['decline', 'handoff']).toContain(wood.decision);
    expect(wood.answer).toMatch(/kiểm lâm/);
    const prize = await ask('chú tôi trúng xổ số giải nhất, cầm vé đi lãnh thưởng chỗ nào');
    expect(['decline', 'handoff']).toContain(prize.decision);
    expect(prize.answer).toMatch(/xổ số kiến thiết/);
    const organ = await ask('tôi muốn đăng ký hiến tạng khi chết não thì làm giấy ở đâu');
    expect(['decline', 'handoff']).toContain(organ.decision);
    expect(organ.answer).toMatch(/ghép bộ phận cơ thể/);
  });
});
