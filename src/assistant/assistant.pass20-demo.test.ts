import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { Retriever } from './assistant.retrieval';
import { matchSituations } from './assistant.situations';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * The demo catalogue's procedures in citizens' words (issue 15, pass 20): an older word for a
 * marriage, a certified copy called by the notary's word, a name taken off a register "gỡ", a child taken in "về nuôi", a death "tại nhà"
 * (where it happened, not the mobile registration).
 */
describe('the demo catalogue in citizens’ words (pass 20)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const first = firstPick(() => r);
  const expansions = situationExpansions;

  it('reads "giá thú" as the marriage', () => {
    expect(first('làm giá thú ở ủy ban cần những giấy gì')).toBe('1.000894');
    expect(first('dang ky gia thu cho hai chau')).toBe('1.000894');
  });

  it('reads a "bản sao công chứng" as the certification of a copy, not of a signature', () => {
    const read = (q: string) => new SynonymTable(BUILTIN_SYNONYMS).match(syllables(fold(q))).map((m) => m.expansion.join(' '));
    expect(read('công ty đòi bản sao công chứng học bạ')).toContain('chung thuc ban sao tu ban chinh');
    expect(first('nhà tuyển dụng đòi bản sao công chứng thẻ căn cước, ra xã chứng thực được không, bao nhiêu tiền một trang')).toBe('2.000815');
  });

  it('reads a temporary residence "gỡ" as its removal', () => {
    expect(first('đã trả nhà thuê, muốn gỡ tên tạm trú chỗ cũ')).toBe('1.010028');
  });

  it('reads a child asked for "về nuôi" as the adoption, not a relative raising the children', () => {
    expect(expansions('hai vợ chồng muốn xin đứa bé ở trung tâm bảo trợ về nuôi')).toContain('dang ki nuoi con nuoi');
    expect(first('muốn nhận đứa nhỏ bị bỏ rơi trước cổng chùa về nuôi cho đàng hoàng')).toBe('2.001263');
    expect(expansions('bà ngoại về nuôi hai đứa cháu, xin trợ cấp')).not.toContain('dang ki nuoi con nuoi');
  });

  it('reads a death or a birth "tại nhà" as where it happened, and the act asked "tại nhà" as the mobile registration', () => {
    const table = new SynonymTable(BUILTIN_SYNONYMS);
    const read = (q: string) => [...table.match(syllables(fold(q))), ...matchSituations(syllables(fold(q)))].map((m) => m.expansion.join(' '));
    expect(read('cụ mất tại nhà sáng nay, con cháu đi báo')).not.toContain('luu dong');
    expect(read('chị ấy sinh tại nhà, không có giấy chứng sinh')).not.toContain('luu dong');
    expect(read('xã có làm khai tử tại nhà không')).toContain('luu dong');
    expect(read('đăng ký khai sinh cho con tại nhà được không')).toContain('luu dong');
    expect(first('cháu nó mất tại nhà, giờ làm giấy khai tử cần những gì')).toBe('1.000656');
    expect(first('nhà ở cù lao xa, xã có làm khai tử tại nhà không')).toBe('1.000419');
    expect(first('mẹ bé yếu sau sinh, đăng ký khai sinh tại nhà được không')).toBe('1.003583');
  });
});
