import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * Who a record is for, told apart by who the question is about (issue 15, pass 14): a cooperative
 * is not a company, a civilian's allowance is not a soldier's. The demo catalogue with a few
 * national records, some of another level.
 */
describe('a record for another kind of applicant (issue 15, pass 14)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => {
      const record = (code: string, name: string, levels?: string[]) => nationalRecord(demo, code, name, levels);
      return [
        record('1.005277', 'Đăng ký thay đổi nội dung đăng ký hợp tác xã, liên hiệp hợp tác xã', ['Cấp bộ', 'Cấp xã']),
        record('1.009820', 'Thay đổi tên, địa chỉ trụ sở chính, vốn cấp cho chi nhánh, giám đốc chi nhánh của công ty chứng khoán', ['Cấp bộ']),
        record('2.002011', 'Đăng ký thay đổi vốn điều lệ, tỷ lệ vốn góp của công ty trách nhiệm hữu hạn', ['Cấp tỉnh']),
        record('2.000821', 'Giải quyết hưởng chế độ tử tuất'),
        record('2.000693', 'Giải quyết hưởng chế độ thai sản'),
        record('2.000762', 'Giải quyết hưởng trợ cấp hàng tháng theo Quyết định số 613/QĐ-TTg'),
        record('1.014363', 'Xác nhận, cung cấp thông tin liên quan đến xuất nhập cảnh của công dân Việt Nam', ['Cấp xã']),
        record('2.000480', 'Cấp Giấy xác nhận nhân sự của công dân Việt Nam ở nước ngoài (thực hiện tại cấp Trung ương)', ['Cấp bộ']),
        record('1.009093', 'Thủ tục hải quan đối với ô tô, mô tô, xe gắn máy xuất cảnh, nhập cảnh, quá cảnh', ['Cấp tỉnh']),
        record('1.013949', 'Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất, cho thuê đất không đấu giá quyền sử dụng đất', ['Cấp xã']),
        record('1.013953', 'Điều chỉnh quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất do sai sót về ranh giới, vị trí, diện tích', ['Cấp xã']),
        record('1.013950', 'Chuyển hình thức giao đất, cho thuê đất.', ['Cấp xã']),
        record('1.011006', 'Khai tiền thuê đất', ['Cấp tỉnh']),
        record('1.003799', 'Xét hưởng chế độ trợ cấp một lần đối với sĩ quan, hạ sĩ quan, chiến sĩ Công an nhân dân tham gia kháng chiến, về gia đình, chưa được hưởng chế độ', ['Cấp tỉnh']),
      ];
    });
  });
  /** Whether record `a` ranks above record `b` for the question (both found). */
  const above = (q: string, a: string, b: string) => {
    const ids = r.search(q, { limit: 20 }).candidates.map((c) => c.id);
    expect(ids).toContain(a);
    return !ids.includes(b) || ids.indexOf(a) < ids.indexOf(b);
  };

  it('ranks a cooperative’s own record above a company’s when the question is about a cooperative', () => {
    expect(above('htx bên em muốn tăng vốn điều lệ thì đăng ký thay đổi ra sao', '1.005277', '2.002011')).toBe(true);
    expect(above('hợp tác xã dời trụ sở chính và đổi giám đốc thì đăng ký thay đổi thế nào', '1.005277', '1.009820')).toBe(true);
    // A company asking is still a company's question.
    expect(above('công ty trách nhiệm hữu hạn muốn tăng vốn điều lệ thì đăng ký thay đổi ra sao', '2.002011', '1.005277')).toBe(true);
  });

  it('ranks social insurance’s allowance above the armed forces’ when the question says nothing of soldiers or police', () => {
    expect(above('chồng tôi làm công nhân mất vì bệnh, vợ con có được hưởng chế độ tử tuất, trợ cấp hằng tháng không', '2.000821', '1.003799')).toBe(true);
    expect(above('ba tôi nghỉ vì mất sức lao động từ lâu, nay xin trợ cấp hàng tháng được không', '2.000762', '1.003799')).toBe(true);
    // Said by a former policeman, the armed forces' record is what the question asks.
    expect(above('ba tôi là chiến sĩ công an đi kháng chiến về gia đình, xin trợ cấp một lần', '1.003799', '2.000762')).toBe(true);
  });

  /** The procedure answered, or offered first; else the decision. */
  const first = firstPick(() => r);

  it('reads the history of one’s exits and entries as the commune police’s confirmation of them', () => {
    expect(first('cho tôi hỏi xin giấy lịch sử xuất nhập cảnh ở đâu')).toBe('1.014363');
    expect(first('cần giấy xác nhận đã xuất cảnh năm ngoái để bổ sung hồ sơ')).toBe('1.014363');
  });

  it('keeps back the adjustment of a land decision when the question asks for the change of use itself', () => {
    // Answered outright, not offered beside the adjustment that shares every word of the act.
    const s = r.search('nhà tôi xin lên thổ cư', { limit: 8 });
    const d = decide(s.candidates, s.plan);
    expect([d.decision, d.picks[0]?.id]).toEqual(['answer', '1.013949']);
    // The mistake said, the adjustment is what is asked.
    expect(above('quyết định giao đất ghi sai diện tích, xin điều chỉnh quyết định', '1.013953', '1.013949')).toBe(true);
  });

  it('reads a yearly rent turned into one payment as a change of the lease’s form', () => {
    expect(first('đất thuê đang trả tiền thuê hằng năm, giờ xin chuyển sang trả tiền một lần')).toBe('1.013950');
  });
});
