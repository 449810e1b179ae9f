import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { demoRetriever, firstPick, nationalRecord, situationExpansions } from './assistant.testing';

/**
 * Issue 15, pass 21 (r6full): the ward's own record first and clearly ahead is not sent elsewhere
 * when the learned model is sure of it too; civil status with a foreign element told at the
 * border, or done abroad and to be recorded here, without the act's name.
 */
describe('the ward’s own record clearly ahead, the model sure of it', () => {
  const r = new Retriever([], new SynonymTable(BUILTIN_SYNONYMS));
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;
  const cand = (id: string, here: boolean, score: number, coverage: number, more: Partial<Candidate> = {}): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, ...more });
  const q = plan('công ty bắt nộp tờ xác nhận tôi ở đâu, ra đâu xin');
  const own = cand('1.010041', true, 90, 0.42, { topicHit: true });
  // Another level's long name shares more of the question's common words: it covers more.
  const other = cand('2.002060', false, 50, 0.75, { topicHit: true, elsewhereWords: 1 });

  it('answers the ward’s record rather than naming another level’s', () => {
    const d = decide([own, other], q, -20, '1.010041');
    expect(d.decision).toBe('answer');
    expect(d.picks[0]?.id).toBe('1.010041');
  });

  it('still names the other level’s record when the model is not sure of the ward’s, or the other is close behind, or the wording is out of scope', () => {
    expect(decide([own, other], q, -20).decision).toBe('elsewhere');
    expect(decide([own, { ...other, score: 80 }], q, -20, '1.010041').decision).toBe('elsewhere');
    expect(decide([own, other], q, 3, '1.010041').decision).not.toBe('answer');
  });

  it('still names the other level’s record when it alone has the question’s topic word, named with a word the ward’s records lack', () => {
    const asked = plan('xe container chở cần cẩu quá khổ xin giấy phép lưu hành ở đâu');
    const proposed = cand('1.014859', true, 70, 0.38);
    const road = cand('1.000028', false, 40, 0.65, { topicHit: true, elsewhereWords: 1 });
    expect(decide([proposed, road], asked, -20, '1.014859').decision).toBe('elsewhere');
  });
});

describe('civil status with a foreign element told at the border or done abroad (pass 21)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '2.000806', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài', ['Cấp xã']),
      nationalRecord(demo, '1.000094', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới', ['Cấp xã']),
      nationalRecord(demo, '1.000110', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới', ['Cấp xã']),
      nationalRecord(demo, '2.000554', 'Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', ['Cấp xã']),
      nationalRecord(demo, '2.002189', 'Thủ tục ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', ['Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);

  it('reads a marriage or birth with the neighbouring country’s people at the border as the border record', () => {
    expect(first('con trai tôi ở bản giáp biên muốn cưới cô gái bên Lào, làm giấy ở xã được không')).toBe('1.000094');
    expect(first('nhà sát cột mốc, con dâu dân Trung Quốc vừa đẻ cháu, làm khai sinh ở đâu')).toBe('1.000110');
  });

  it('does not read a border pass, or a birth by the sea, as the border civil record', () => {
    expect(situationExpansions('ở xã biên giới, xin giấy thông hành sang Lào đi chợ')).not.toContain('tai khu vuc bien gioi co ieu to nuoc ngoai');
    expect(situationExpansions('đẻ con ở trạm y tế xã vùng biển, làm khai sinh')).not.toContain('tai khu vuc bien gioi co ieu to nuoc ngoai');
  });

  it('reads a divorce decided by a court abroad, to be recorded, as its recording', () => {
    expect(first('tòa ở Nhật đã xử cho tôi ly hôn, có bản án rồi, về quê muốn ghi vào sổ')).toBe('2.000554');
    expect(first('có phán quyết chia tay của tòa bên Úc, giờ về nước làm lại giấy tờ')).toBe('2.000554');
    // a divorce still to be sought is no recording
    expect(situationExpansions('chồng tôi ở Hàn Quốc, tôi muốn ly hôn thì nộp đơn ở đâu')).toEqual([]);
  });

  it('reads a marriage registered abroad, to be recorded here, as its recording — not a wedding still planned', () => {
    expect(first('hai vợ chồng làm đám cưới ở Đài Loan, có tờ hôn thú bên đó, nay về quê muốn xã công nhận')).toBe('2.002189');
    expect(situationExpansions('chúng tôi tính cưới ở Mỹ rồi về quê làm đám')).toEqual([]);
  });
});
