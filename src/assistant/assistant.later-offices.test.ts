import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { agencyOf } from './assistant.agency';
import type { Decided } from './assistant.decide';
import { notOfficeMatter, otherOffice } from './assistant.other-offices';
import { askingWard } from './assistant.testing';

/**
 * Pass 22 (r7scope): offices of matters the reply named no one for (assistant.more-offices.ts,
 * LATER_OFFICES), another level's record pointed to only for a case listed deep in its long name
 * (POINTER_HEAD), and an agency that names no office told with its record's field.
 */
describe('later offices read from a question’s words', () => {
  const office = (q: string) => otherOffice(q)?.office;
  const sure = (q: string) => otherOffice(q, true)?.office;

  it('reads a barcode, a foreign company’s office, a bus route, a ticket agency, a tower, a copyright, a guard company', () => {
    expect(sure('cơ sở làm nước mắm cần mã vạch in lên chai để vô siêu thị')).toMatch(/mã số mã vạch/);
    expect(office('tập đoàn Hàn Quốc bên anh tính lập văn phòng đại diện ở Hải Phòng')).toMatch(/Công Thương/);
    expect(office('nhà xe muốn chạy tuyến cố định Đà Lạt Nha Trang')).toMatch(/vận tải/);
    expect(office('chị muốn làm đại lý vé máy bay tại nhà')).toMatch(/hàng không/);
    expect(sure('khu căn hộ 18 tầng của chủ đầu tư xin giấy phép ở đâu')).toMatch(/Sở Xây dựng/);
    expect(office('Việt kiều Úc về mua căn hộ đứng tên được không')).toMatch(/đăng ký đất đai/);
    expect(sure('nhạc sĩ muốn đăng ký quyền tác giả cho bản nhạc mới')).toMatch(/Bản quyền tác giả/);
    expect(sure('mở công ty bảo vệ cho các sự kiện thì xin giấy gì')).toMatch(/Công an tỉnh/);
  });

  it('leaves a 9-storey house, a co-operative’s representative office and a market’s leased rights to the ward', () => {
    expect(sure('xây nhà ở 9 tầng trong hẻm xin phép ở đâu')).toBeUndefined();
    expect(office('hợp tác xã muốn mở văn phòng đại diện ở huyện bên')).toBeUndefined();
    expect(sure('xã bán quyền khai thác bãi xe cho tư nhân')).toBeUndefined();
  });
});

describe('another level’s record pointed to for a case deep in its name', () => {
  const names: Record<string, string> = {
    // the matter said only among the cases listed after the subject (its 20th syllable on)
    deep: 'Đăng ký, cấp giấy chứng nhận kiểm dịch cá cảnh nhập về để trưng bày tại các hội chợ, triển lãm, phục vụ biểu diễn nghệ thuật',
    // the matter said at its head
    head: 'Cấp giấy phép tổ chức biểu diễn nghệ thuật',
  };
  const nameOf = async (code: string) => names[code];
  const pointed = (id: string, confidence: number): Decided => ({ decision: 'elsewhere', picks: [{ id, kind: 'procedure', score: 10, coverage: confidence, pairSupport: true, here: false }], confidence });
  const q = 'nhóm nhạc tụi em muốn xin phép biểu diễn ở nhà văn hóa quận';

  it('declines (naming the office) a record with the matter only deep in its name', async () => {
    expect((await notOfficeMatter(q, nameOf, pointed('deep', 0.5), 0.6)).decision).toBe('decline');
    expect(otherOffice(q)?.office).toMatch(/Văn hóa/);
  });

  it('keeps a record with the matter at the head of its name', async () => {
    expect((await notOfficeMatter(q, nameOf, pointed('head', 0.5), 0.6)).decision).toBe('elsewhere');
  });
});

describe('an agency that names no office', () => {
  it('is told with its record’s field', () => {
    const a = agencyOf({ agency: 'Cơ quan chức năng do Ủy ban nhân dân cấp tỉnh chỉ định', steps: [], field: 'Trồng trọt và Bảo vệ thực vật' });
    expect(a?.name).toMatch(/lĩnh vực trồng trọt và bảo vệ thực vật/);
  });

  it('leaves a named office as the record says it', () => {
    expect(agencyOf({ agency: 'Sở Nông nghiệp và Môi trường', steps: [], field: 'Trồng trọt' })?.name).toBe('Sở Nông nghiệp và Môi trường');
  });
});

eachEngine('assistant: later offices named (pass 22)', { at: '2026-12-07T04:00:00Z' }, (t) => {
  const { ask } = askingWard(t, 'lo');

  it('names the barcode office and the copyright office when it declines', async () => {
    const code = await ask('xưởng kẹo dừa nhà tôi cần đăng ký mã vạch cho bịch kẹo để bỏ mối');
    expect(['decline', 'handoff']).toContain(code.decision);
    expect(code.answer).toMatch(/mã số mã vạch/);
    const song = await ask('tôi viết xong cuốn tiểu thuyết, muốn đăng ký quyền tác giả thì nộp đâu');
    expect(['decline', 'handoff']).toContain(song.decision);
    expect(song.answer).toMatch(/Bản quyền tác giả/);
  });
});
