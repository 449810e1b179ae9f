import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { agencyOf } from './assistant.agency';
import type { Decided } from './assistant.decide';
import { notOfficeMatter, otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 23 (r8scope): offices of matters the reply named no one for or kept one of the ward's
 * records (assistant.further-offices.ts), and a record's steps that send the papers to an office
 * they do not name, told with the record's field.
 */
describe('further offices read from a question’s words', () => {
  const office = (q: string) => otherOffice(q)?.office;
  const sure = (q: string) => otherOffice(q, true)?.office;

  it('reads unemployment benefit, a foreign adoption, an EIA, a quarry, pesticides, a security certificate, a broker', () => {
    expect(sure('công ty phá sản cho nghỉ hết, anh muốn hưởng trợ cấp thất nghiệp thì sao')).toMatch(/Dịch vụ việc làm/);
    expect(sure('ông bà người Canada muốn xin một bé trai ở làng trẻ làm con nuôi')).toMatch(/Sở Tư pháp/);
    expect(sure('nhà máy gạch tuynel phải lập báo cáo ĐTM gửi đâu')).toMatch(/Nông nghiệp và Môi trường/);
    expect(sure('hợp tác xã muốn hút cát dưới lòng sông để bán')).toMatch(/khoáng sản/);
    expect(sure('đại lý vật tư muốn nhập khẩu thuốc trừ sâu từ Thái Lan')).toMatch(/Bảo vệ thực vật/);
    expect(sure('quán karaoke mới mở bị đòi giấy chứng nhận đủ điều kiện ANTT')).toMatch(/công an/);
    expect(sure('thằng em nghề cò nhà đất muốn có giấy phép hành nghề đàng hoàng')).toMatch(/Sở Xây dựng/);
  });

  it('leaves the ward’s own stories around the same words alone', () => {
    // a proxy collecting the benefit, a recording of an adoption done abroad, the commune's EIA consultation
    expect(sure('chồng đang nhận trợ cấp thất nghiệp mà đi biển, vợ nhận thay được không')).toBeUndefined();
    expect(office('chồng đang nhận trợ cấp thất nghiệp mà đi biển, vợ nhận thay được không')).not.toMatch(/Bảo hiểm xã hội/);
    expect(sure('xã lấy ý kiến dân về báo cáo ĐTM của nhà máy')).toBeUndefined();
    expect(sure('người anh họ muốn nhận cháu mồ côi làm con nuôi')).toBeUndefined();
    expect(sure('thôn tuyển tổ viên tổ bảo vệ ANTT, cháu muốn đăng ký')).toBeUndefined();
    expect(sure('tôi có đất ở quê muốn tách thửa')).toBeUndefined();
  });
});

describe('a record of the ward kept or turned away for a further office', () => {
  const names: Record<string, string> = {
    domestic: 'Đăng ký việc nuôi con nuôi trong nước',
    border: 'Giải quyết việc người nước ngoài cư trú ở khu vực biên giới nước láng giềng nhận trẻ em Việt Nam làm con nuôi',
    proxy: 'Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp',
    household: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    consult: 'Tham vấn trong đánh giá tác động môi trường (cấp xã)',
    appraise: 'Thẩm định báo cáo đánh giá tác động môi trường (Cấp tỉnh)',
  };
  const nameOf = async (code: string) => names[code];
  const answered = (id: string): Decided => ({ decision: 'answer', picks: [{ id, kind: 'procedure', score: 10, coverage: 0.8, pairSupport: true, here: true }], confidence: 0.8 });

  it('turns away the domestic adoption for foreigners adopting, and keeps the border adoption', async () => {
    const q = 'vợ chồng người Hà Lan muốn nhận con nuôi ở cơ sở bảo trợ';
    expect((await notOfficeMatter(q, nameOf, answered('domestic'))).decision).toBe('decline');
    expect((await notOfficeMatter(q, nameOf, answered('border'))).decision).toBe('answer');
  });

  it('turns away the commune’s EIA consultation when the report itself is asked, and keeps it for a consultation', async () => {
    const report = 'trang trại vịt 5000 con phải làm báo cáo đánh giá tác động môi trường gửi đâu';
    expect((await notOfficeMatter(report, nameOf, answered('consult'))).decision).toBe('decline');
    expect((await notOfficeMatter(report, nameOf, answered('appraise'))).decision).toBe('answer');
    const consultation = 'công ty đang lập báo cáo ĐTM, phải gửi văn bản tham vấn xã theo mẫu nào';
    expect((await notOfficeMatter(consultation, nameOf, answered('consult'))).decision).toBe('answer');
  });

  it('turns away the household business’s record for a company changing its registered details', async () => {
    const q = 'công ty cổ phần của anh chuyển văn phòng, đổi địa chỉ trên giấy chứng nhận đăng ký doanh nghiệp ở đâu';
    expect(otherOffice(q, true)?.office).toMatch(/Đăng ký kinh doanh/);
    expect((await notOfficeMatter(q, nameOf, answered('household'))).decision).toBe('decline');
    expect(otherOffice('hợp tác xã góp vốn lập công ty TNHH chế biến chè, có phải báo không', true)).toBeUndefined();
  });

  it('turns away a proxy’s authorisation when the citizen claims the benefit', async () => {
    expect((await notOfficeMatter('mất việc rồi, đăng ký hưởng trợ cấp thất nghiệp ở đâu', nameOf, answered('proxy'))).decision).toBe('decline');
    expect((await notOfficeMatter('mẹ đang nhận trợ cấp thất nghiệp mà nằm viện, ủy quyền cho con lĩnh', nameOf, answered('proxy'))).decision).toBe('answer');
  });
});

describe('steps that send the papers to an office they do not name', () => {
  it('are told with the record’s field', () => {
    const steps = ['Bước 1: Tổ chức nộp hồ sơ đến cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao tiếp nhận hồ sơ.'];
    const a = agencyOf({ agency: '', steps, field: 'Trồng trọt và Bảo vệ thực vật' });
    expect(a).toEqual({ name: 'cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao (lĩnh vực trồng trọt và bảo vệ thực vật)', fromSteps: true });
  });

  it('leave an office the steps name as they say it', () => {
    expect(agencyOf({ agency: '', steps: ['Hồ sơ gửi đến Sở Tư pháp nơi người yêu cầu cư trú.'], field: 'Lý lịch tư pháp' })).toEqual({ name: 'Sở Tư pháp', fromSteps: true });
  });
});

eachEngine('assistant: further offices named (pass 23)', { at: '2026-12-07T06:40:00Z' }, (t) => {
  const { ask } = askingWard(t, 'fo');

  it('declines a foreign couple’s adoption naming the justice department, not the ward’s adoption', async () => {
    const r = await ask('một cặp vợ chồng người Mỹ muốn nhận bé ở mái ấm tình thương làm con nuôi, nộp giấy ở đâu');
    expect(['decline', 'handoff']).toContain(r.decision);
    expect(r.answer).toMatch(/Sở Tư pháp/);
  });

  it('declines a pawnshop’s security certificate naming the police', async () => {
    const r = await ask('anh tính mở tiệm cầm đồ ở đầu chợ, phải có giấy chứng nhận đủ điều kiện an ninh trật tự, xin ở đâu');
    expect(['decline', 'handoff']).toContain(r.decision);
    expect(r.answer).toMatch(/công an/i);
  });
});
