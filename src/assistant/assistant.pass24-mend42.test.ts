import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { decide } from './assistant.decide';
import { otherOffice } from './assistant.other-offices';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { tellsForeigner } from './assistant.situations';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { decisionOf, demoRetriever } from './assistant.testing';

/**
 * Stop 42 (mend42): mends that change no answer of our sets — the two rules that offer a reply the
 * rules withhold made one (assistant.decide.ts `withheldOffer`), a follow-up's ages read from the
 * question's reading (assistant.age-twins.ts), the countries in one table (assistant.countries.ts).
 * Each test says what the citizen gets, and holds on the code before the mend as after it, but the
 * ages written in chat shorthand, which the reading resolves.
 */
describe('a withheld reply offered when the learned model vouches for the first procedure (one rule, two ways)', () => {
  const r = new Retriever([], new SynonymTable(BUILTIN_SYNONYMS));
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;
  const q = plan('cần vài bản sao bằng lái, đem bản chính theo được không');
  const cand = (id: string, score: number, coverage: number, more: Partial<Candidate> = {}): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here: true, topicHit: true, ...more });
  // The certified copy just above the clarify bar, below the answer bar, its register twin close behind in score: handed over by the rules.
  const copy = cand('2.000815', 50, 0.59);
  const twin = cand('2.000908', 45, 0.3);
  const faq = { ...cand('faq:1', 60, 0.5), kind: 'faq' as const };
  const shown = (d: { decision: string; picks: Candidate[] }) => [d.decision, ...d.picks.map((x) => x.id)];

  it('hands over what the rules withhold when the model vouches for nothing', () => {
    expect(shown(decide([copy, twin], q, 0))).toEqual(['handoff']);
  });

  it('offers the first, sure of no code: on a question read as clearly in scope, named with the topic word, missing none', () => {
    expect(shown(decide([copy, twin], q, -20))).toEqual(['clarify', '2.000815']);
    // Odds not low enough, no topic word, a topic missed, another level's, less sure than the clarify bar, or an FAQ entry first of all: handed over.
    expect(shown(decide([copy, twin], q, -5))).toEqual(['handoff']);
    expect(shown(decide([{ ...copy, topicHit: false }, twin], q, -20))).toEqual(['handoff']);
    expect(shown(decide([{ ...copy, pairSupport: false }, twin], q, -20))[0]).not.toBe('clarify');
    expect(shown(decide([{ ...copy, coverage: 0.4 }, twin], q, -20))).toEqual(['handoff']);
    expect(shown(decide([faq, copy, twin], q, -20))).toEqual(['handoff']);
  });

  it('offers the model’s sure code first of the procedures, however little sure, even past an FAQ entry', () => {
    expect(shown(decide([copy, twin], q, -5, '2.000815'))).toEqual(['clarify', '2.000815']);
    expect(shown(decide([{ ...copy, coverage: 0.2 }, twin], q, -5, '2.000815'))).toEqual(['clarify', '2.000815']);
    expect(shown(decide([faq, copy, twin], q, -5, '2.000815'))).toEqual(['clarify', '2.000815']);
    // Another code sure, odds above `sureOdds`, or less sure than `sureConfidence`: handed over.
    expect(shown(decide([copy, twin], q, -5, '2.000908'))).toEqual(['handoff']);
    expect(shown(decide([copy, twin], q, 0, '2.000815'))).toEqual(['handoff']);
    expect(shown(decide([{ ...copy, coverage: 0.1 }, twin], q, -5, '2.000815'))).toEqual(['handoff']);
  });
});

describe('the countries of one table, each list reading its own column', () => {
  const decided = decisionOf(() => demoRetriever());

  it('reads a spouse of a country only the nationality column has as who, not the topic: the foreigner’s residence card is not the ward’s extension of a stay', () => {
    for (const q of ['xin gia hạn thẻ tạm trú cho vợ người Philippines', 'gia hạn thẻ tạm trú cho chồng người Indonesia']) {
      const d = decided(q);
      expect(['answer', 'clarify'].includes(d.decision) && d.first === '1.002755', q).toBe(false);
    }
    expect(decided('xin gia hạn tạm trú thêm ba tháng').first).toBe('1.002755');
  });

  it('tells a foreigner by a country only the situations have', () => {
    expect(tellsForeigner(syllables(fold('vợ tôi người Thụy Sĩ, muốn nhập hộ khẩu')))).toBe(true);
    expect(tellsForeigner(syllables(fold('chồng tôi quốc tịch Séc')))).toBe(true);
    expect(tellsForeigner(syllables(fold('vợ tôi người huyện bên')))).toBe(false);
  });

  it('sends a foreign couple adopting to the Department of Justice, by a country only the adoption’s list has', () => {
    expect(otherOffice('vợ chồng người Tây Ban Nha muốn nhận con nuôi ở xã')?.office).toMatch(/Sở Tư pháp/);
    expect(otherOffice('vợ chồng người Thụy Điển muốn nhận bé làm con nuôi')?.office).toMatch(/Sở Tư pháp/);
    expect(otherOffice('vợ chồng tôi muốn nhận bé làm con nuôi')).toBeUndefined();
  });
});

eachEngine('assistant: a follow-up’s ages read from the question’s reading (stop 42)', { at: '2026-12-07T10:00:00Z' }, (t) => {
  let n = 0;
  const talk = async (...messages: string[]) => {
    const key = `m42-${n++}`;
    let last;
    for (const question of messages) last = await t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });
    return last!;
  };
  const answered = (r: { decision: string; procedures: Array<{ code: string }> }) => [r.decision, r.procedures[0]?.code];

  it('goes on with the card of the age another person has, the age written as chat writes it too ("10t")', async () => {
    expect(answered(await talk('con trai tôi 15 tuổi làm căn cước lần đầu ở đâu', 'còn bé út nhà tôi 10 tuoi thì sao'))).toEqual(['answer', '1.014062']);
    expect(answered(await talk('con trai tôi 15 tuổi làm căn cước lần đầu ở đâu', 'còn bé út nhà tôi 10t thì sao'))).toEqual(['answer', '1.014062']);
    // An age within the card discussed, or none: the card discussed.
    expect(answered(await talk('con trai tôi 15 tuổi làm căn cước lần đầu ở đâu', 'còn đứa 16t thì sao'))).toEqual(['answer', '1.014061']);
  });
});

eachEngine('assistant: the service holding its parts (stop 42: composition)', { at: '2026-12-07T10:00:00Z' }, (t) => {
  it('answers with a local word a unit admin taught at the desk, and tells the other processes of the change', async () => {
    const a = t.env.services.assistant;
    const admin = { id: 'admin-m42', unitCode: '00004', role: 'admin', name: 'Phạm Thu Trang' };
    const ask = (sessionKey: string) => a.ask({ unitCode: '00004', question: 'làm sổ trắng cho đất', channel: 'api', sessionKey });
    expect((await ask('m42-syn-1')).decision).not.toBe('answer');
    let told = 0;
    const off = a.updates.on(() => told++);
    await a.desk.addSynonym(admin, { phrase: 'sổ trắng', expansion: 'giấy chứng nhận quyền sử dụng đất lần đầu' });
    off();
    expect(told).toBe(1);
    const after = await ask('m42-syn-2');
    expect([after.decision, after.procedures[0]?.code]).toEqual(['answer', '1.013978']);
  });
});
