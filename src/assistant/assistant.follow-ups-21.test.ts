import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { knownButStory } from './assistant.follow-ups';
import { readIntents } from './assistant.intent';
import { demoRetriever } from './assistant.testing';

/**
 * Follow-ups, pass 21: the words a follow-up names the catalogue lacks are judged one by one (a
 * thing the ward does not do is not a person or a chat word beside it), a province named is where
 * someone lives, another office's matter is never the procedure discussed, and the central
 * "rứa", "mô", "chi" ask the facts.
 */
describe('a follow-up read word by word', () => {
  const r = demoRetriever();
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;

  it('counts a word the catalogue lacks as missing even beside people’s words', () => {
    // "còn" folds as "con" (a child), "đứa", "thằng": people's words do not cover a thing unknown.
    expect(knownButStory(plan('còn mua thẻ sim cho đứa cháu thì hết bao nhiêu'))).toBe(false);
    expect(knownButStory(plan('thế còn nạp tiền ví Momo cho thằng em thì sao'))).toBe(false);
    expect(knownButStory(plan('còn thằng em tôi thì sao'))).toBe(true);
  });

  it('counts a province or city named as the story, not a thing missing', () => {
    expect(knownButStory(plan('ông anh tôi đang ở tận Kon Tum thì làm thay được không'))).toBe(true);
    expect(knownButStory(plan('đứa cháu làm thuê ở Sài Gòn, nộp giùm nó được không'))).toBe(true);
  });

  it('counts a citizen’s word the synonyms read ("trông nom") as known', () => {
    expect(knownButStory(plan('dì tôi nhận trông nom bà cụ thì cần gì'))).toBe(true);
  });
});

describe('central words asking the facts', () => {
  const read = (q: string) => readIntents(syllables(fold(q)));

  it('reads "gửi về mô", "chỗ mô chú" as the place and "mang chi theo" as the papers', () => {
    expect(read('giấy đó gửi về mô').aspects).toContain('place');
    expect(read('làm ở chỗ mô chú').aspects).toContain('place');
    expect(read('phải mang chi theo').aspects).toContain('papers');
    expect(read('ra mô tô').aspects).not.toContain('place');
  });

  it('reads a question opened by "rứa" as a follow-up, and "cỡ bao nhiêu" as no storm', () => {
    expect(read('rứa mấy ngày thì xong').followUp).toBe(true);
    expect(read('đóng phí cỡ bao nhiêu').offTopic).toBe(false);
    expect(read('ngoài biển có bão to không').offTopic).toBe(true);
  });
});

eachEngine('assistant: a follow-up about something the ward does not do', { at: '2026-12-07T03:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `fu21-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('is not answered with the procedure discussed when a word it names is unknown here', async () => {
    expect(answered(await talk('đăng ký tạm trú cần gì', 'thế còn làm thẻ ATM cho đứa con thì mấy ngày'))).not.toEqual(['answer', '1.004194']);
    expect(answered(await talk('làm khai sinh cho con ở đâu', 'vậy còn mở tài khoản Momo cho con thì tốn bao nhiêu'))).not.toEqual(['answer', '1.001193']);
  });

  it('is not answered with the procedure discussed when it names another office’s matter', async () => {
    expect(answered(await talk('khai báo tạm vắng ở đâu', 'còn muốn đổi bằng lái quốc tế để chạy xe bên Nhật thì lên đâu'))).not.toEqual(['answer', '1.003677']);
  });

  it('still answers the procedure discussed for a fact asked in central words', async () => {
    expect(answered(await talk('tách hộ khẩu cần giấy gì', 'rứa làm xong thì gửi về mô chú'))).toEqual(['answer', '1.010038']);
    expect(answered(await talk('đăng ký tạm trú mất mấy ngày', 'rứa cần mang chi theo'))).toEqual(['answer', '1.004194']);
  });
});
