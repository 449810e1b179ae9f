import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { decide } from './assistant.decide';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

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
