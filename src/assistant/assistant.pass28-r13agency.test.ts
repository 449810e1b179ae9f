import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 28 (r13agency): other agencies' matters told as situations that share words with the ward's
 * records (out-of-scope-28) — a birth or a passport of a family living abroad, social insurance's
 * benefits, a divorce petition, an appeal, a vehicle's papers, a mortgage released, a clinic, a
 * health certificate, the reserve — and the ward's records told beside the same words, which stay.
 */
describe('other agencies’ matters in the words of out-of-scope-28', () => {
  const sure = (q: string) => otherOffice(q, true)?.office;

  it('names the office that does what the citizen asks', () => {
    expect(sure('vợ chồng em đang làm việc bên Đài Loan, mới sinh bé ở bệnh viện bên này, giờ đăng ký khai sinh cho bé mang quốc tịch Việt Nam thì làm ở đâu')).toMatch(/Đại sứ quán/);
    expect(sure('dang o ben My ma ho chieu het han, muon gia han ho chieu VN thi nop o dau')).toMatch(/Đại sứ quán/);
    expect(sure('nghỉ làm công ty được hơn một năm, giờ muốn rút bảo hiểm xã hội một lần thì lên đâu làm')).toMatch(/Bảo hiểm xã hội/);
    expect(sure('thẻ bảo hiểm y tế của tôi bị rách mất góc, xin cấp lại thẻ mới thì đến đâu')).toMatch(/Bảo hiểm xã hội/);
    expect(sure('vợ chồng tôi sống không hợp, cả hai đồng ý ly hôn rồi, giờ nộp đơn ở tòa nào')).toMatch(/Tòa án/);
    expect(sure('tòa xử sơ thẩm vụ đất nhà tôi thua, muốn làm đơn lên tòa cấp trên xử lại thì nộp ở đâu')).toMatch(/Tòa án/);
    expect(sure('bị mất giấy đăng ký xe ô tô, muốn xin cấp lại cà vẹt thì lên đâu')).toMatch(/công an/);
    expect(sure('đã tất toán khoản vay có thế chấp giấy chứng nhận quyền sử dụng đất, thủ tục giải chấp làm ở đâu')).toMatch(/Văn phòng đăng ký đất đai/);
    expect(sure('giấy khám sức khỏe để đi học lái xe thì khám ở đâu')).toMatch(/bệnh viện/);
    expect(sure('xuất ngũ về địa phương rồi, đăng ký vào ngạch dự bị thì báo cơ quan nào')).toMatch(/quân sự/);
    expect(sure('cần giấy chứng nhận khuyết tật nặng mà hội đồng xã chấm mức nhẹ, muốn giám định lại thì lên đâu')).toMatch(/Giám định y khoa/);
  });

  it('leaves the ward’s records told beside those words to the ward', () => {
    // a father abroad while the child is born at home, a family come back, a copy asked from abroad,
    // a death registered for a survivors' benefit, a sale contract certified, a hamlet's mediator
    expect(sure('chồng em đang làm việc ở Hàn, em ở nhà sinh bé, giờ làm khai sinh cho bé ở đâu')).toBeUndefined();
    expect(sure('con sinh bên Nhật, giờ cả nhà về nước rồi thì làm khai sinh cho cháu ở đâu')).toBeUndefined();
    expect(sure('tôi đang ở Hàn Quốc làm hồ sơ bảo lãnh, bên đó yêu cầu bản sao giấy khai sinh, nhờ em gái ở quê đi xin được không')).toBeUndefined();
    expect(sure('Ba em mất lâu rồi, giờ làm thủ tục hưởng chế độ tử tuất cho má, bên bảo hiểm đòi bản sao trích lục khai tử của ba, em xin lại ở đâu')).toBeUndefined();
    expect(sure('Mình bán chiếc xe máy cũ cho ông anh họ, hai bên viết hợp đồng mua bán, cần chứng thực để đi sang tên xe, ra ủy ban xã làm được chứ')).toBeUndefined();
    expect(sure('ông Sáu 78 tuổi tai lãng, xin rút khỏi tổ hòa giải ấp')).toBeUndefined();
  });
});

eachEngine('assistant: other agencies’ matters told as situations (pass 28, r13agency)', { at: '2026-12-07T23:50:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'r13agency');

  it('declines or hands over naming the office instead of answering with one of the ward’s records', async () => {
    for (const [q, named] of [
      ['vợ chồng em đang làm việc bên Đài Loan, mới sinh bé ở bệnh viện bên này, giờ đăng ký khai sinh cho bé mang quốc tịch Việt Nam thì làm ở đâu', /Đại sứ quán/],
      ['tòa xử sơ thẩm vụ đất nhà tôi thua, muốn làm đơn lên tòa cấp trên xử lại thì nộp ở đâu', /Tòa án/],
      ['chồng bỏ đi biệt tích mấy năm không liên lạc được, tôi muốn đơn phương ly hôn thì nộp đâu', /Tòa án/],
      ['mua lại chiếc xe cũ của người quen, giờ sang tên đổi chủ xe thì làm ở cơ quan nào', /công an/],
    ] as const) {
      const r = await ask(q);
      expect(['decline', 'handoff'], q).toContain(r.decision);
      expect(r.procedures, q).toEqual([]);
      expect(r.answer, q).toMatch(named);
    }
  });

  it('still answers the ward’s own records told beside those words', async () => {
    await expectAnswer([
      ['chồng em đang làm việc ở Hàn, em ở nhà mới sinh bé, giờ làm giấy khai sinh cho bé ở đâu', '1.001193'],
      ['Mình bán chiếc xe máy cũ cho ông anh họ, hai bên viết hợp đồng mua bán, cần chứng thực để đi sang tên xe, ra ủy ban xã làm được chứ', '2.001035'],
    ]);
  });
});
