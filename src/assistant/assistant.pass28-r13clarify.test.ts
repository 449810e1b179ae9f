import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import type { Candidate } from './assistant.candidate';
import { factOfOffer, pointedFirst } from './assistant.clarify-pointed';

/**
 * Choices offered for a vague question with one pointing word, pass 28 (r13clarify): the record the
 * word points to offered first, and a fact asked of the one plainly meant answered, not offered.
 */
const NAMES: Record<string, string> = {
  '1.012812': 'Hòa giải tranh chấp đất đai',
  '1.013967': 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã',
  '1.014063': 'Cấp đổi thẻ căn cước',
  '1.014064': 'Cấp lại thẻ căn cước',
  '1.000894': 'Thủ tục đăng ký kết hôn',
  '1.000593': 'Thủ tục đăng ký kết hôn lưu động',
  '1.004873': 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
  '2.000821': 'Giải quyết hưởng chế độ tử tuất',
  '1.012538': 'Giải quyết chế độ, chính sách cho người tham gia lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở chưa tham gia bảo hiểm xã hội',
};
const nameOf = async (code: string) => NAMES[code];
const pick = (id: string, score: number): Candidate => ({ id, kind: 'procedure', score, coverage: 0.5, pairSupport: true, here: true });

describe('offers ordered by the pointing word, a fact of the one meant answered (pass 28)', () => {
  it('offers first the choice holding the question\'s words the first lacks', async () => {
    const d = { decision: 'clarify' as const, picks: [pick('1.012812', 20), pick('1.013967', 18)], confidence: 0.9 };
    const r = await pointedFirst(d, 'tranh chap dat voi hang xom chu tich xa giai quyet', nameOf);
    expect(r.picks.map((p) => p.id)).toEqual(['1.013967', '1.012812']);
    // Without the chairman's words, the order stands.
    expect((await pointedFirst(d, 'tranh chap dat voi hang xom', nameOf)).picks[0]!.id).toBe('1.012812');
    // One common word more ("kết hôn" of "chưa kết hôn") points to nothing: the order stands.
    const single = { decision: 'clarify' as const, picks: [pick('1.004873', 20), pick('1.000894', 18)], confidence: 0.9 };
    expect((await pointedFirst(single, 'giay chung nhan chua ket hon nop cho cong ti', nameOf)).picks[0]!.id).toBe('1.004873');
    // A first holding none of the question's words: a long name holding a story's words is no pointer.
    const story = { decision: 'clarify' as const, picks: [pick('2.000821', 20), pick('1.012538', 18)], confidence: 0.9 };
    expect((await pointedFirst(story, 'chong mat dang dong bao hiem xa hoi vo duoc huong tien tuat', nameOf)).picks[0]!.id).toBe('2.000821');
  });

  it('answers a fact asked of the model\'s sure code clearly ahead, and keeps a tie an offer', async () => {
    const ahead = { decision: 'clarify' as const, picks: [pick('1.000894', 29), pick('1.000593', 18)], confidence: 0.59 };
    expect((await factOfOffer(ahead, ['time'], '1.000894', 'giai to dang ki ket hon', nameOf)).decision).toBe('answer');
    // No fact asked, or not the sure code: still an offer.
    expect((await factOfOffer(ahead, [], '1.000894', 'giai to dang ki ket hon', nameOf)).decision).toBe('clarify');
    expect((await factOfOffer(ahead, ['time'], undefined, 'giai to dang ki ket hon', nameOf)).decision).toBe('clarify');
    // Another holding a word of the question the first lacks ("lưu động"): the citizen chooses.
    expect((await factOfOffer(ahead, ['time'], '1.000894', 'dang ki ket hon luu dong', nameOf)).decision).toBe('clarify');
    const tie = { decision: 'clarify' as const, picks: [pick('1.014063', 5.42), pick('1.014064', 5.4)], confidence: 1 };
    expect((await factOfOffer(tie, ['fee'], '1.014063', 'the can cuoc', nameOf)).decision).toBe('clarify');
  });

  it('answers a follow-up\'s fact of the one offer the conversation offered before', async () => {
    const d = { decision: 'clarify' as const, picks: [pick('1.014064', 41.9), pick('1.005461', 41.1)], confidence: 0.99 };
    const r = await factOfOffer(d, ['time'], undefined, 'cai lam lai do roi mat', nameOf, { choices: ['1.014064', '1.014063', '1.014061'] });
    expect([r.decision, r.picks[0]!.id]).toEqual(['answer', '1.014064']);
    expect((await factOfOffer(d, ['time'], undefined, 'cai lam lai do roi mat', nameOf, {})).decision).toBe('clarify');
  });
});

eachEngine('assistant: offers with a pointing word, and a fact of the one meant (pass 28)', { at: '2026-12-07T23:40:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `c28-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const got = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('states the re-issue\'s time asked after the card\'s choices, not "Ý bạn là…"', async () => {
    const r = await talk('thủ tục căn cước', 'cái làm lại do rơi mất thì đợi mấy hôm');
    expect(got(r)).toEqual(['answer', '1.014064']);
    expect(r.answer).toMatch(/Cấp lại thẻ căn cước/);
    expect(r.answer).toMatch(/Thời hạn giải quyết/);
  });

  it('states the fee or time of the record the model is sure of, offered with others', async () => {
    const birth = await talk('khai sin cho be ton bao nhieu tien vây');
    expect(got(birth)).toEqual(['answer', '1.001193']);
    const split = await talk('tui mua đất cất nhà riêng, muốn tách khỏi hộ bên nội ra hộ riêng thì hết bao nhiêu');
    expect(got(split)).toEqual(['answer', '1.010038']);
  });

  it('offers first the record the question\'s words point to', async () => {
    const land = await talk('tranh chấp đất với hàng xóm, chủ tịch xã giải quyết thế nào');
    expect(got(land)).toEqual(['clarify', '1.013967']);
  });

  it('keeps the card\'s fee an offer when nothing tells its twins apart', async () => {
    const r = await talk('thẻ căn cước lệ phí bao nhiêu');
    expect(r.decision).toBe('clarify');
  });
});
