import { beforeAll, describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { readIntents } from './assistant.intent';
import { Retriever } from './assistant.retrieval';
import { demoRetriever, firstPick, situationExpansions } from './assistant.testing';

/**
 * Civil status told in citizens' words (issue 15, pass 16): a sheet of the birth certificate is no
 * form, a letter's salutation greets, staff's abbreviations, older words for a guardian, a wedding
 * or a death, and situations told rather than named (a guardianship ended or needed, a copy asked
 * again, a register gone, a parent by blood found, a slip in a civil-status paper).
 */
describe('civil status told in citizens’ words (pass 16), on the demo catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  /** The procedure answered or offered first (the decision when none is). */
  const first = firstPick(() => r);
  const expansions = situationExpansions;
  const intents = (q: string) => readIntents(syllables(fold(q)));

  it('reads "tờ khai sinh" as the certificate, not the form to download', () => {
    expect(intents('tờ khai sinh của bà tôi bị ướt nhòe hết chữ').aspects).not.toContain('forms');
    expect(intents('tải mẫu tờ khai ở đâu').aspects).toContain('forms');
    expect(first('tờ khai sinh của bà tôi bị ướt nhòe hết chữ, sổ ở phường vẫn còn nguyên, xin bản sao khác')).toBe('2.000635');
  });

  it('reads a letter’s salutation as a greeting, not the question’s topic', () => {
    expect(intents('kính thưa cán bộ, cho tôi hỏi thủ tục khai tử cho chú ruột').greeting).toBe(true);
    expect(first('kính gửi ủy ban xã, gia đình tôi xin làm khai sinh cho cháu')).toBe('1.001193');
  });

  it('reads the abbreviations KS and ĐKKT', () => {
    expect(first('làm ks cho bé ở đâu vậy')).toBe('1.001193');
    expect(first('đkkt cho ông nội cần gì')).toBe('1.000656');
  });

  it('hands over rather than declines a question naming a civil-status act it cannot place', () => {
    expect(intents('rút tên giám hộ thì sao').inDomain).toBe(true);
    expect(intents('làm hôn thú cho tụi nó').inDomain).toBe(true);
    expect(intents('mua quà cho bạn thân').inDomain).toBe(false);
  });

  it('reads older words for a guardian, a wedding, a marriage made lawful, a death and a birth', () => {
    expect(first('cô út nhà tôi muốn làm người đỡ đầu cho hai đứa cháu')).toBe('1.004837');
    expect(first('con gái bác tôi mới rước dâu về, làm giấy tờ ở phường chỗ nào')).toBe('1.000894');
    expect(first('hai bác thành thân đã lâu mà chưa có giấy, nay muốn đăng ký')).toBe('1.000894');
    expect(first('anh chị chung sống mười năm, giờ muốn hợp thức hóa hôn nhân')).toBe('1.000894');
    expect(first('nhà có tang, cần báo với ủy ban phường những gì')).toBe('1.000656');
    expect(first('cụ ông đã trút hơi thở sau trận ốm dài, con cháu cần làm giấy gì')).toBe('1.000656');
    expect(first('cháu nội vừa lọt lòng hôm qua, cần làm giấy gì')).toBe('1.001193');
  });

  it('reads a guardianship ended for one of the law’s reasons, and one needed for a person who lost capacity', () => {
    expect(expansions('người tôi trông coi nay đã khỏi bệnh, tôi xin thôi')).toContain('cham dut giam ho');
    expect(expansions('cháu tôi làm giám hộ nay đã thành niên')).toContain('cham dut giam ho');
    // A guardian taken on is no ending.
    expect(expansions('tôi muốn làm giám hộ cho cháu mồ côi')).not.toContain('cham dut giam ho');
    expect(first('chị gái bị tâm thần nặng, tòa tuyên mất năng lực hành vi, em trai đứng ra chăm sóc')).toBe('1.004837');
  });

  it('reads a copy of a civil-status paper asked again as the copy, unless the register is gone or the copy is certified', () => {
    expect(expansions('cần lấy thêm bản sao giấy chứng tử của mẹ để nộp ngân hàng')).toContain('cap ban sao trich luc ho tich');
    expect(first('cần lấy thêm bản sao giấy chứng tử của mẹ để nộp ngân hàng')).toBe('2.000635');
    expect(expansions('chứng thực bản sao giấy khai sinh từ bản chính')).not.toContain('cap ban sao trich luc ho tich');
  });

  it('reads a copy asked in other words ("bản sao khác") as the copy, and a register that gave no copy as gone', () => {
    expect(expansions('tờ hôn thú của ông bà rách hết, xin một bản sao khác')).toContain('cap ban sao trich luc ho tich');
    expect(expansions('giấy chứng tử mất, xin trích lục thì xã tra không ra')).not.toContain('cap ban sao trich luc ho tich');
    expect(expansions('xin trích lục kết hôn nhưng sổ hư hết rồi')).not.toContain('cap ban sao trich luc ho tich');
  });

  it('reads a DNA test asked about as the acknowledgement’s proof', () => {
    expect(intents('bố nó muốn nhận con thì sao').inDomain).toBe(true);
    expect(first('muốn nhận con thì có phải đi giám định ADN trước không')).toBe('1.001022');
  });

  it('reads "sổ bộ" as the register, and a register burnt or destroyed as lost', () => {
    expect(expansions('giấy chứng tử của bà thất lạc, ủy ban nói sổ bộ năm đó đã bị tiêu hủy')).toContain('dang ki lai');
    expect(expansions('hôn thú của cha mẹ tôi bị mối ăn, sổ bộ ở xã cũng không còn')).toContain('dang ki lai');
  });

  it('reads a parent by blood found, the bond to be made lawful, as the acknowledgement', () => {
    expect(expansions('mẹ ruột tìm lại được tôi sau hai chục năm, muốn làm giấy tờ là mẹ con')).toContain('dang ki nhan cha me con');
    // An inheritance from a parent by blood is not.
    expect(expansions('cha ruột qua đời, mấy anh em chia di sản là cha con với nhau')).toEqual(expect.not.arrayContaining(['dang ki nhan cha me con']));
  });

  it('reads a slip in a civil-status paper as its correction, not a slip in another paper', () => {
    expect(first('giấy kết hôn của tôi ghi nhầm năm sinh của vợ')).toBe('1.004859');
    expect(expansions('giấy khai sinh của cháu ghi sai quê quán của bố')).toContain('cai chinh bo sung thong tin ho tich');
    expect(expansions('căn cước in sai ngày sinh, khác giấy khai sinh')).not.toContain('cai chinh bo sung thong tin ho tich');
  });
});
