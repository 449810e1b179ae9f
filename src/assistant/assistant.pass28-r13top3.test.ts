import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { eachEngine } from '../shared/suite.testing';
import { readIntents } from './assistant.intent';
import { qualifierChoice } from './assistant.qualifiers';
import type { Retriever } from './assistant.retrieval';
import { askingWard, demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 28 (r13top3): answered with a near record while the right one fell out of the
 * first three (read unseen on tuning/procedures-52.jsonl) — a temporary stay "bỏ đi", a civil
 * registration "từng" made, a paper with a foreign element put right, a translator who is no
 * collaborator, a plot of land split, a phở shop registered, a "hạn" typed "hạng". The questions
 * are variants, not the probe's lines.
 */
const reads = (q: string, what: string) => situationExpansions(q).some((e) => e.includes(what));
const stay = [
  { code: '1.004194', name: 'Đăng ký tạm trú' },
  { code: '1.010028', name: 'Xóa đăng ký tạm trú' },
];

describe('pass 28 — the word that says which of two near records', () => {
  it('reads a temporary stay "bỏ đi", "hủy", "cắt" as struck off, and a stay to go on as not', () => {
    expect(reads('chuyển đi nơi khác rồi, cái tạm trú ở phòng trọ cũ cho bỏ luôn', 'xoa dang ki tam tru')).toBe(true);
    expect(reads('tạm trú sắp hết, không bỏ đi được vì còn ở thêm một năm, gia hạn', 'xoa dang ki tam tru')).toBe(false);
    expect(qualifierChoice('chuyển về quê rồi, tạm trú chỗ cũ muốn bỏ đi', stay)).toBe('1.010028');
    expect(qualifierChoice('hủy tạm trú ở nhà trọ', stay)).toBe('1.010028');
    expect(qualifierChoice('mới thuê trọ, đăng ký tạm trú ở đâu', stay)).toBe('1.004194');
  });

  it('reads a registration "từng" made, confirmed now, as the confirmation of the civil-status record — not one never made', () => {
    expect(reads('phường xác nhận giúp hồi trước bố mẹ tôi từng đăng ký kết hôn ở đây', 'xac nhan thong tin ho tich')).toBe(true);
    expect(reads('xin xác nhận là tôi chưa từng đăng ký khai sinh ở đâu', 'xac nhan thong tin ho tich')).toBe(false);
  });

  it('keeps a bowl of phở everyday life, and a phở shop registered the ward’s matter', () => {
    const offTopic = (q: string) => readIntents(syllables(fold(q))).offTopic;
    expect(offTopic('quán phở nào gần đây ngon')).toBe(true);
    expect(offTopic('mở quán phở thì đăng ký hộ kinh doanh ở đâu')).toBe(false);
  });
});

describe('pass 28 — near records of the national catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '2.000528', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài', ['Cấp xã']),
      nationalRecord(demo, '1.001695', 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài', ['Cấp xã']),
      nationalRecord(demo, '2.000748', 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc có yếu tố nước ngoài', ['Cấp xã']),
      nationalRecord(demo, '2.001008', 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng', ['Cấp xã']),
      nationalRecord(demo, '1.012784', 'Tách thửa hoặc hợp thửa đất.', ['Cấp tỉnh']),
    ]);
  });
  const first = firstPick(() => r);

  it('answers a paper with a foreign element put right with its correction, not its registration', () => {
    expect(first('trích lục khai sinh có yếu tố nước ngoài của cháu cần sửa lại quê quán')).toBe('2.000748');
    // the registration itself stays the registration
    expect(first('đăng ký khai sinh có yếu tố nước ngoài cho con cần gì')).toBe('2.000528');
  });

  it('answers a translator who is no collaborator of the commune with that certification', () => {
    const q = 'cô giáo dịch hộ tôi sang tiếng Nhật, cô không phải là cộng tác viên của phường, chứng thực chữ ký cô ấy được không';
    expect(reads(q, 'khong phai la cong tac vien')).toBe(true);
    expect(reads('bản dịch do cộng tác viên dịch thuật của phường làm, chứng thực chữ ký người dịch', 'khong phai la cong tac vien')).toBe(false);
    // the two certifications then offered side by side, the qualifier said picks the one meant
    const two = r.search(q, { limit: 3 }).candidates.map((c) => c.id);
    expect(two).toEqual(expect.arrayContaining(['2.000992', '2.001008']));
  });

  it('keeps "Tách hộ" back for a plot of land split, not for a household', () => {
    const tach = (q: string) => r.search(q, { limit: 8 }).candidates.find((c) => c.id === '1.010038');
    expect(tach('chia mảnh vườn, tách thửa đất ra hai sổ cho hai đứa')?.missesTopic ?? true).toBe(true);
    expect(tach('con trai lấy vợ muốn tách hộ ra sổ riêng')?.missesTopic).toBe(false);
    // the act contradicted (not merely unsaid): the learned model never proposes it first (assistant.learned.ts, propose)
    expect(tach('tách thửa đất vườn cho con gái ra sổ đỏ riêng')?.otherAct ?? true).toBe(true);
    expect(tach('con trai lấy vợ muốn tách hộ ra sổ riêng')?.otherAct).toBe(false);
  });
});

eachEngine('pass 28 — the demo ward’s near records through the whole service', { at: '2026-12-07T23:00:00Z' }, (t) => {
  const { expectAnswer } = askingWard(t, 'p28');

  it('answers a phở shop registered and a "hạn" typed "hạng" with the ward’s records', async () => {
    await expectAnswer([
      ['mở quán phở bò ở đầu ngõ, đăng ký hộ kinh doanh cần gì', '1.001612'],
      ['tạm trú hết hạng rồi, gia hạng ở đâu', '1.002755'],
    ]);
  });
});
