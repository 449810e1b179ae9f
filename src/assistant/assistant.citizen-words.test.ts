import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { copyKey, Retriever } from './assistant.retrieval';
import { matchSituations, tellsForeignElement } from './assistant.situations';
import { demoRetriever, firstPick, nationalRecord } from './assistant.testing';

/**
 * The demo catalogue with national commune-level records (and some of their twins at another
 * level), asked in citizens' words: benefits of social insurance, land, canals, the sea, vehicles,
 * contracts certified at the commune, civil status with a foreign element (issue 15, pass 13).
 */
describe('citizens’ words and twins on the full catalogue (issue 15, pass 13)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever((demo) => {
      const record = (code: string, name: string, levels?: string[]) => nationalRecord(demo, code, name, levels);
      return [
        record('1.001667', 'Giải quyết hưởng chế độ ốm đau'),
        record('1.001598', 'Giải quyết hưởng trợ cấp nghỉ DSPHSK sau ốm đau, thai sản, TNLĐ, BNN'),
        record('1.001632', 'Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp bị TNLĐ lần đầu'),
        record('2.000693', 'Giải quyết hưởng chế độ thai sản'),
        record('1.013949', 'Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất, cho thuê đất không đấu giá quyền sử dụng đất'),
        record('1.014860', 'Cấp giấy phép cho các hoạt động trồng cây lâu năm trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã'),
        record('1.011728', 'Trình báo mất thẻ ABTC (thực hiện tại cấp xã)'),
        record('1.013083', 'Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến toàn trình'),
        record('3.000494', 'Phục hồi hoạt động của cơ sở, phương tiện giao thông cơ giới, hộ gia đình và cá nhân'),
        record('3.000439', 'Giao khu vực biển cho cá nhân Việt Nam để nuôi trồng thủy sản'),
        record('1.012893', 'Bán nhà ở cũ thuộc tài sản công'),
        record('2.000927', 'Sửa lỗi sai sót trong giao dịch'),
        record('2.000942', 'Cấp bản sao có chứng thực từ bản chính giao dịch đã được chứng thực'),
        record('2.001035', 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở'),
        record('1.014060', 'Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước', ['Cấp xã']),
        record('1.010039', 'Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú', ['Cấp xã']),
        record('1.004982', 'Đăng ký giải thể hợp tác xã, liên hiệp hợp tác xã', ['Cấp bộ', 'Cấp xã']),
        record('1.003440', 'Thẩm định, phê duyệt phương án ứng phó với tình huống khẩn cấp thuộc thẩm quyền của UBND cấp xã', ['Cấp xã']),
        record('1.003203', 'Phê duyệt phương án ứng phó với tình huống khẩn cấp đối với đập, hồ chứa nước và vùng hạ du đập trên địa bàn từ 02 xã trở lên thuộc thẩm quyền của Chủ tịch UBND cấp tỉnh', ['Cấp tỉnh']),
        record('1.005412', 'Phê duyệt đối tượng được hỗ trợ phí bảo hiểm nông nghiệp', ['Cấp xã']),
        record('2.001621', 'Hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, thuỷ lợi nội đồng và tưới tiên tiến, tiết kiệm nước', ['Cấp xã']),
        record('1.013274', 'Cấp phép sử dụng tạm thời lòng đường, vỉa hè vào mục đích khác', ['Cấp xã']),
        record('1.004746', 'Thủ tục đăng ký lại kết hôn'),
        record('2.000513', 'Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài'),
        record('1.011471', 'Phê duyệt Phương án khai thác gỗ, thực vật rừng ngoài gỗ loài thông thường thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã', ['Cấp xã']),
        record('1.011470', 'Phê duyệt Phương án khai thác gỗ, thực vật rừng ngoài gỗ loài thông thường thuộc thẩm quyền giải quyết của Sở Nông nghiệp và Môi trường', ['Cấp tỉnh']),
      ];
    });
  });
  /** The procedure answered, or offered first; else the decision. */
  const first = firstPick(() => r);

  it('reads a worker’s words for sickness, recovery and work accident benefits, whose records abbreviate them', () => {
    expect(r.search('nghỉ ốm mười ngày có giấy ra viện thì được bảo hiểm trả không', { limit: 3 }).candidates[0]?.id).toBe('1.001667');
    expect(first('sinh xong quay lại làm mà người còn yếu, được nghỉ dưỡng sức mấy ngày')).toBe('1.001598');
    expect(first('công nhân bị tai nạn lao động ở công trường lần đầu, hưởng chế độ thế nào')).toBe('1.001632');
  });

  it('reads land turned to building land, canal banks, a stretch of sea, a temporary plate, the APEC card, a sold-off state flat', () => {
    expect(first('muốn chuyển mảnh vườn lên thổ cư để làm nhà cho con')).toBe('1.013949');
    expect(first('trồng bạch đàn dọc bờ kênh có cần giấy phép không')).toBe('1.014860');
    expect(first('xin một khoảnh biển ven bờ để nuôi ngao')).toBe('3.000439');
    expect(first('xin biển tạm cho xe mới mua')).toBe('1.013083');
    expect(first('bị mất thẻ APEC khi đi công tác')).toBe('1.011728');
    expect(first('xin mua hóa giá căn nhà nhà nước')).toBe('1.012893');
  });

  it('reads a suspended shop put right, a slip in a certified contract and a copy of one as their own procedures', () => {
    expect(r.search('xưởng bị đình chỉ vì phòng cháy chưa đạt, đã khắc phục, xin cho hoạt động lại', { limit: 3 }).candidates[0]?.id).toBe('3.000494');
    expect(first('hợp đồng tặng cho chứng thực ở phường bị gõ nhầm số thửa, sửa lại thế nào')).toBe('2.000927');
    expect(first('hợp đồng mua bán nhà có chứng thực ở xã bị thất lạc, xin bản sao')).toBe('2.000942');
  });

  it('reads another card put on the identity card, and a residence record showing old details, as their corrections', () => {
    expect(r.search('muốn đưa giấy phép lái xe vào căn cước cho gọn', { limit: 3 }).candidates[0]?.id).toBe('1.014060');
    expect(first('đổi tên xong mà thông tin thường trú vẫn ghi tên cũ')).toBe('1.010039');
  });

  it('reads farm insurance, a drip or sprinkler watering system and an awning over the pavement', () => {
    const top = (q: string) => r.search(q, { limit: 3 }).candidates[0]?.id;
    expect(top('mua bảo hiểm cho đàn heo')).toBe('1.005412');
    expect(top('muốn lắp tưới phun mưa cho vườn')).toBe('2.001621');
    expect(top('nhà có đám cưới muốn căng rạp ra lề đường hai ngày')).toBe('1.013274');
  });

  it('reads “htx” as a cooperative', () => {
    expect(r.search('xã viên họp quyết định giải thể htx', { limit: 3 }).candidates[0]?.id).toBe('1.004982');
  });

  it('offers the ward’s own record, not another level’s, when the question says the commune decides it', () => {
    const q = (where: string) => `hồ chứa của thôn cần phương án ứng phó khẩn cấp, ${where}`;
    expect(first(q('xã bảo nộp hồ sơ'))).toBe('1.003440');
    // Without the commune named, the province's record covering reservoirs is where it is done.
    expect(first(q('nộp hồ sơ ở đâu'))).toBe('elsewhere');
  });

  it('reads a foreign spouse told in the story as the record with a foreign element, not its ordinary twin', () => {
    expect(first('vợ tôi người Mỹ, giấy kết hôn cũ mất cả bản chính lẫn sổ lưu, muốn đăng ký lại')).toBe('2.000513');
    expect(first('giấy kết hôn cũ mất cả bản chính lẫn sổ lưu, muốn đăng ký lại')).not.toBe('2.000513');
    // "Mỹ", "hủy": situation phrases with a "y" are folded as the question is.
    expect(tellsForeignElement(syllables(fold('lấy chồng người Mỹ')))).toBe(true);
    expect(tellsForeignElement(syllables(fold('con tôi quốc tịch Thái Lan, làm khai sinh')))).toBe(true);
    expect(tellsForeignElement(syllables(fold('lấy chồng người cùng quê')))).toBe(false);
    const amend = (q: string) => matchSituations(syllables(fold(q))).some((m) => m.expansion.join(' ') === fold('chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch'));
    expect(amend('hợp đồng đã chứng thực, hai bên muốn sửa lại giá')).toBe(true);
    expect(amend('hợp đồng đã chứng thực, hai bên muốn hủy bỏ và xin bản sao')).toBe(true);
  });

  it('ranks the ward’s record first when another level’s twin differs only by whose power it is', () => {
    const c = r.search('rừng nhà được giao có mấy cây gỗ đổ, làm phương án khai thác gỗ nộp xã duyệt', { limit: 8 }).candidates;
    const score = (id: string) => c.find((x) => x.id === id)?.score ?? 0;
    expect(c[0]?.id).toBe('1.011471');
    expect(score('1.011470')).toBeLessThan(score('1.011471') / 2);
    expect(copyKey('Hỗ trợ dự án liên kết (cấp xã)')).toBe(copyKey('Hỗ trợ dự án liên kết (cấp tỉnh)'));
  });
});
