import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import type { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { tokenize } from './assistant.text';
import { askingWard, demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Pass 25 (r10every): everyday questions that borrow the ward's words, by kind
 * (assistant.everyday-kinds.ts) — a carrier's number kept, a bank's card lost, the rites after a
 * death, advice after a wedding, a company's own staff, a ward's paper for a pet — and a shop shut
 * for a while told as the pause it is (assistant.ward-situations.ts).
 */
describe('everyday kinds that borrow the ward’s words', () => {
  const everyday = (q: string) => readIntents(syllables(fold(q))).offTopic;

  it('reads a carrier, a bank’s card, rites, advice, a company’s staff and a pet’s paper as everyday life', () => {
    expect(everyday('chuyển mạng giữ số từ viettel sang vina mất mấy ngày')).toBe(true);
    expect(everyday('nạp thẻ điện thoại không được')).toBe(true);
    expect(everyday('đổi từ mạng Viettel qua Vinaphone mà vẫn giữ số cũ được không')).toBe(true);
    expect(everyday('làm lại thẻ atm bị mất ở chi nhánh nào')).toBe(true);
    expect(everyday('thẻ tín dụng bị khóa thì mở lại sao')).toBe(true);
    expect(everyday('ông mất rồi, cúng 100 ngày nấu những món gì')).toBe(true);
    expect(everyday('đầy tháng cho bé cần sắm lễ vật gì')).toBe(true);
    expect(everyday('lấy chồng được một năm có nên sinh em bé chưa')).toBe(true);
    expect(everyday('giấy xác nhận lương thì hỏi kế toán hay nhân sự')).toBe(true);
    expect(everyday('làm căn cước cho con mèo được không')).toBe(true);
  });

  it('leaves the ward’s records said beside a bank’s card or a register kept alone', () => {
    expect(everyday('ngân hàng cần giấy xác nhận nơi ở để mở thẻ tín dụng, xin ở phường được không')).toBe(false);
    expect(everyday('ông bà muốn nhận lương hưu qua thẻ ATM')).toBe(false);
    expect(everyday('trường cũ còn giữ sổ gốc bằng tốt nghiệp, xin bản sao')).toBe(false);
    expect(everyday('nhận giấy khai sinh qua Viettel Post được không')).toBe(false);
    expect(everyday('làm giấy khai sinh cho con mới sinh')).toBe(false);
  });
});

describe('a shop shut for a while (pass 25)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => [
      nationalRecord(demo, '1.001570', 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', ['Cấp bộ', 'Cấp xã']),
      nationalRecord(demo, '1.001266', 'Chấm dứt hoạt động hộ kinh doanh', ['Cấp bộ', 'Cấp xã']),
    ]);
  });
  const first = firstPick(() => r);

  it('reads a shop closed for months and opened again as the pause, one closed for good as the end', () => {
    expect(first('tiệm tóc đang có giấy đăng ký hộ kinh doanh, muốn đóng cửa nghỉ nửa năm rồi mở lại thì thông báo sao')).toBe('1.001570');
    expect(first('quán cơm nhà tôi đóng cửa nghỉ vài tháng rồi bán lại, báo phường sao')).toBe('1.001570');
    expect(first('tiệm tạp hóa đóng cửa hẳn không bán nữa thì làm gì')).toBe('1.001266');
  });
});

describe('“cuối” (the end of) is no wedding when written with its marks (pass 25)', () => {
  const table = new SynonymTable(BUILTIN_SYNONYMS);
  const weds = (q: string) => {
    const tokens = tokenize(q, () => true);
    return table.match(tokens.map((t) => t.folded), tokens.map((t) => t.accented)).some((m) => m.expansion.join(' ') === 'ket hon');
  };
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);

  it('reads “cuối tháng” as a time, “cưới” as the wedding, unmarked “cuoi” as either', () => {
    expect(weds('họp tổ sản xuất cuối tháng')).toBe(false);
    expect(weds('tụi em tính cưới cuối năm')).toBe(true);
    expect(weds('cuoi thang sau em cuoi')).toBe(true);
    expect(first('họp tổ sản xuất cuối tháng')).not.toBe('1.000894');
    expect(first('cuối tháng này tụi em cưới, cần đi đăng ký kết hôn ở đâu ạ')).toBe('1.000894');
  });
});

eachEngine('assistant: everyday kinds declined (pass 25, r10every)', { at: '2026-12-07T13:10:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r10');

  it('declines everyday questions the demo ward answered with a record', async () => {
    for (const q of [
      'chuyển mạng giữ số từ vina sang mobi mất mấy ngày',
      'xin giấy xác nhận thu nhập của công ty để vay ngân hàng thì hỏi kế toán hay nhân sự',
      'có làm giấy khai sinh cho con mèo được không ad, hihi',
      'bố mất rồi, cúng 49 ngày cần chuẩn bị những gì',
      'đổi từ mạng viettel qua vinaphone mà vẫn giữ số cũ được không',
    ]) {
      const r = await ask(q);
      expect([r.decision, r.procedures.length], q).toEqual(['decline', 0]);
    }
  });

  it('still answers the ward’s own record told beside the same words', async () => {
    await expectAnswer([
      ['rơi ví mất cả căn cước lẫn thẻ ngân hàng, làm lại căn cước thế nào', '1.014064'],
      ['bé mới sinh được hai tuần, đi làm giấy khai sinh cho bé', '1.001193'],
    ]);
  });
});
