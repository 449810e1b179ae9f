import { describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { sureFactAnswer, type Decided } from './assistant.decide';
import { readIntents } from './assistant.intent';
import type { Candidate } from './assistant.retrieval';
import { demoRetriever } from './assistant.testing';

/** The facts citizens ask in words of their own (issue 15, pass 19: r4facts). */
describe('facts asked in everyday words', () => {
  const aspects = (q: string) => readIntents(syllables(fold(q))).aspects;

  it('reads a "khoản" paid or taken as the fee, not a loan or a debt', () => {
    expect(aspects('làm cái giấy này xã có thu khoản nào không em')).toContain('fee');
    expect(aspects('con phải đóng khoản tiền gì cho phường vậy cô')).toContain('fee');
    expect(aspects('ra ủy ban có tốn khoản chi phí nào không')).toContain('fee');
    expect(aspects('nhà tôi còn khoản nợ ngân hàng chưa trả')).not.toContain('fee');
    expect(aspects('muốn nộp khoản vay sớm')).not.toContain('fee');
  });

  it('reads "thứ giấy chi" and "giấy má" as the papers', () => {
    expect(aspects('ông ngoại lên đó phải cầm những thứ giấy chi')).toContain('papers');
    expect(aspects('hai vợ chồng cần chuẩn bị giấy má gì trước')).toContain('papers');
    expect(aspects('đem theo giấy má chi hả chị')).toContain('papers');
  });

  // Words the catalogue never has, left in a follow-up, make it a hand-over instead of an answer
  // about the procedure being discussed: the words asking the fact are taken out of the topic.
  const r = demoRetriever();
  const left = (q: string) => {
    const { plan } = r.search(q, { limit: 3 });
    return { aspects: plan.intents.aspects, unknown: plan.unknownCount, content: plan.content };
  };

  it('reads "khoảng chừng nào xong" as the time, "khoảng" no word of the topic', () => {
    expect(left('nộp rồi thì khoảng chừng nào có kết quả')).toMatchObject({ aspects: ['time'], unknown: 0 });
    expect(left('tầm khi nào lấy được giấy vậy anh').aspects).toContain('time');
  });

  it('reads "…hay đem lên xã" after handing in as which office, keeping the first office as the topic', () => {
    const q = left('hồ sơ đó gửi cho chi nhánh đăng ký đất hay mang ra phường');
    expect(q.aspects).toContain('place');
    expect(q.content).toEqual(expect.arrayContaining(['dang+ki', 'dat']));
    expect(aspects('con đi học hay ở nhà phụ ba má')).not.toContain('place');
  });

  it('reads "chỗ nào" followed by another fact as the place too', () => {
    expect(aspects('làm lại thẻ ở chỗ nào rồi bao lâu có')).toEqual(expect.arrayContaining(['place', 'time']));
    expect(aspects('mang hồ sơ đi đổi quầy nào và đợi mấy hôm')).toEqual(expect.arrayContaining(['place', 'time']));
    expect(aspects('không chỗ nào nhận giấy này và tôi phải chờ')).not.toContain('place');
  });

  it('reads "hay bắt buộc tới trụ sở" as asking whether it can be done online, not as words of a topic', () => {
    const q = left('khai qua app được không hay bắt buộc đến trụ sở');
    expect(q.aspects).toContain('online');
    expect(q.unknown).toBe(0);
    expect(q.content).not.toContain('bat+buoc');
    expect(aspects('bảo hiểm bắt buộc đóng ở đâu')).not.toContain('online');
  });
});

describe('one procedure offered for a fact asked', () => {
  const c = (id: string): Candidate => ({ id, kind: 'procedure', score: 1, coverage: 0.3, pairSupport: true, here: true }) as unknown as Candidate;
  const offer = (picks: Candidate[], confidence = 0.3): Decided => ({ decision: 'clarify', picks, confidence });

  it('answers the learned model’s sure code when a fee, time, papers or place is asked', () => {
    for (const a of ['fee', 'time', 'papers', 'place']) expect(sureFactAnswer(offer([c('1.001193')]), [a], '1.001193').decision).toBe('answer');
  });

  it('keeps the offer when no fact is asked, the model is not sure of it, several are offered or the rules offered a near twin', () => {
    expect(sureFactAnswer(offer([c('1.001193')]), [], '1.001193').decision).toBe('clarify');
    expect(sureFactAnswer(offer([c('1.001193')]), ['steps'], '1.001193').decision).toBe('clarify');
    expect(sureFactAnswer(offer([c('1.001193')]), ['fee'], '1.000894').decision).toBe('clarify');
    expect(sureFactAnswer(offer([c('1.001193')]), ['fee'], undefined).decision).toBe('clarify');
    expect(sureFactAnswer(offer([c('1.001193'), c('1.004772')]), ['fee'], '1.001193').decision).toBe('clarify');
    expect(sureFactAnswer(offer([c('1.001193')], 0.5), ['fee'], '1.001193').decision).toBe('clarify');
  });
});
