import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { otherOffice } from './assistant.other-offices';

/**
 * Stop 43 (mend43): mends that change no answer of our sets — an office whose sure words are all
 * its asks says so once (`sure: true`), the everyday words' countries and the other offices' read
 * the countries table, a choice picked with a fact after it reads that fact without a second
 * search — and one that does: a country's other name ("Hoa Kỳ" beside "Mỹ"), and "Nga", sends a
 * foreign couple adopting, a foreign company's office and a foreigner buying a home where "Mỹ" did.
 */
const sure = (q: string) => otherOffice(q, true)?.office;

describe('an office whose every ask is sure (`sure: true`)', () => {
  it('turns a question away by any of its asks, said as the act asked', () => {
    expect(sure('quán karaoke mới mở phải có giấy chứng nhận đủ điều kiện an ninh trật tự, xin ở đâu')).toMatch(/công an/);
    expect(sure('muốn lập vi bằng việc giao tiền đặt cọc')).toMatch(/Thừa phát lại/i);
    expect(sure('cty tnhh của tôi dời văn phòng sang quận khác, đổi giấy phép kinh doanh ở đâu')).toMatch(/Đăng ký kinh doanh/);
    expect(sure('vườn sầu riêng cần mã số vùng trồng để xuất khẩu')).toMatch(/Trồng trọt/);
  });

  it('keeps an office whose sure words are fewer than its asks unsure by the others', () => {
    // "Điện lực" names the electricity company when declined, but only "kéo điện 3 pha" turns a procedure away.
    expect(otherOffice('điện lực ở đâu')?.office).toMatch(/điện lực/i);
    expect(sure('điện lực ở đâu')).toBeUndefined();
    expect(sure('muốn kéo điện 3 pha cho xưởng')).toMatch(/điện lực/i);
  });
});

describe('the countries table read by the everyday words and the other offices', () => {
  const reading = (q: string) => {
    const f = syllables(fold(q));
    const r = readIntents(f);
    return { offTopic: r.offTopic, everyday: [...r.everyday].map((i) => f[i]).join(' ') };
  };

  it('reads another country’s laws or a visa to it as everyday life, the longer name whole', () => {
    expect(reading('theo luật Nhật Bản thì con lai được mấy quốc tịch').everyday).toMatch(/^luat nhat ban/);
    expect(reading('xin visa du lịch Hoa Kỳ ở đâu').offTopic).toBe(true);
    expect(reading('luật kết hôn ở Hàn Quốc có khác không').offTopic).toBe(true);
    // Not "Anh" (the pronoun), nor a time limit ("hạn": folded as "Hàn").
    expect(reading('quy định của anh bên hộ tịch là sao').offTopic).toBe(false);
    expect(reading('quy định hạn mức giao đất ở là bao nhiêu').offTopic).toBe(false);
  });

  it('sends a foreign company’s representative office and a foreigner buying a home to their offices', () => {
    expect(otherOffice('công ty Thái Lan muốn mở văn phòng đại diện ở phường')?.office).toBe('Sở Công Thương');
    expect(otherOffice('người Đài Loan muốn mua căn hộ chung cư đứng tên')?.office).toMatch(/Văn phòng đăng ký đất đai/);
    expect(otherOffice('người Canada muốn mua căn hộ chung cư')?.office).toMatch(/Văn phòng đăng ký đất đai/);
  });
});

describe('one country’s names alike (stop 43: this changes answers)', () => {
  it('sends a couple of the United States or of Russia adopting to the Department of Justice, as "Mỹ" did', () => {
    expect(sure('vợ chồng người Mỹ muốn nhận bé ở làng trẻ làm con nuôi')).toMatch(/Sở Tư pháp/);
    expect(sure('vợ chồng người Hoa Kỳ muốn nhận bé ở làng trẻ làm con nuôi')).toMatch(/Sở Tư pháp/);
    expect(sure('hai ông bà người Nga xin nhận một cháu mồ côi làm con nuôi')).toMatch(/Sở Tư pháp/);
    // A Thai of Vietnam's own peoples ("người Thái") adopts at the ward.
    expect(sure('vợ chồng người Thái ở bản trên muốn nhận con nuôi')).toBeUndefined();
  });

  it('names the office of a United States company’s representative office and of a buyer from the United States', () => {
    expect(otherOffice('công ty Hoa Kỳ muốn mở văn phòng đại diện ở đây')?.office).toBe('Sở Công Thương');
    expect(otherOffice('người Hoa Kỳ muốn mua căn hộ ở Việt Nam')?.office).toMatch(/Văn phòng đăng ký đất đai/);
  });
});

eachEngine('assistant: stop 43 — a foreign couple adopting, a choice with a fact after it', { at: '2026-12-07T13:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `m43-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };

  it('tells a couple from the United States adopting a child to go to the Department of Justice, not the ward’s adoption', async () => {
    for (const q of ['vợ chồng người Hoa Kỳ muốn nhận con nuôi thì làm ở đâu', 'vợ chồng người Nga muốn nhận con nuôi thì làm ở đâu']) {
      const r = await talk(q);
      expect(['answer', 'clarify'].includes(r.decision), q).toBe(false);
      expect(r.answer, q).toMatch(/Sở Tư pháp/);
    }
  });

  it('answers the choice said first with only the fact said after it ("cái số 1 ấy, cấp lại hết bao nhiêu tiền")', async () => {
    const offered = await talk('thẻ căn cước');
    expect(offered.decision).toBe('clarify');
    const [first] = offered.procedures;
    const r = await talk('thẻ căn cước', 'cái số 1 ấy, cấp lại hết bao nhiêu tiền');
    expect([r.decision, r.procedures[0]?.code]).toEqual(['answer', first!.code]);
    expect(r.answer).toMatch(/phí/i);
    // The whole message read at once asks the place too ("ấy, cấp"): the reply would name the office.
    expect(r.answer).not.toMatch(/Nơi nộp/i);
  });
});
