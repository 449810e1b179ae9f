import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { decide } from './assistant.decide';
import { thirdChoice } from './assistant.decide-vague';
import { readLearned } from './assistant.learned';
import type { Candidate, Retriever } from './assistant.retrieval';
import { askingWard, demoRetriever } from './assistant.testing';

/**
 * Pass 26 (r11near): short, vague fragments as citizens type them first, which a record's name
 * holds nearly whole without one of its two-syllable words, are offered that record ("Ý bạn là…")
 * rather than handed over or declined; two close choices get the next record of the list as a
 * third (assistant.decide-vague.ts).
 */
describe('a short fragment a name holds whole (pass 26)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  /** The decision on a question, its list re-ordered by the learned model, read with the given scope odds. */
  const decided = (q: string, odds: number) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(readLearned(q, s.candidates, undefined, 8).candidates, s.plan, odds);
    return { decision: d.decision, picks: d.picks.map((x) => x.id) };
  };

  it('offers the records whose names hold the fragment, worded as in scope', () => {
    expect(decided('sai năm sinh', -8)).toEqual({ decision: 'clarify', picks: ['1.004859', '1.012564', '1.014063'] });
    expect(decided('ghi sai năm sinh', -8)).toEqual({ decision: 'clarify', picks: ['1.004859'] });
    expect(decided('được xét nghèo không', -8)).toEqual({ decision: 'clarify', picks: ['1.011607'] });
    expect(decided('tặng cho nhà', -3)).toEqual({ decision: 'clarify', picks: ['2.001035'] });
  });

  it('leaves the same fragment declined when worded like chat, or when no model reads it', () => {
    expect(decided('sai năm sinh', -1).decision).toBe('decline');
    expect(decided('tặng cho nhà', -Infinity).decision).toBe('decline');
  });
});

describe('a third choice beside two close ones (pass 26)', () => {
  const c = (id: string, score: number, coverage = 0.5, here = true): Candidate =>
    ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, missesTopic: false }) as Candidate;

  it('offers the next record of the list when it is not far behind', () => {
    const list = [c('1.000689', 10), c('1.000894', 9), c('1.001022', 5)];
    expect(thirdChoice({ decision: 'clarify', picks: list.slice(0, 2), confidence: 0.5 }, list).picks.map((x) => x.id)).toEqual(['1.000689', '1.000894', '1.001022']);
  });

  it('keeps two choices when the next is far behind, another level’s, or a single offer', () => {
    const far = [c('1.012812', 10), c('1.013967', 9), c('1.013225', 1)];
    expect(thirdChoice({ decision: 'clarify', picks: far.slice(0, 2), confidence: 0.5 }, far).picks).toHaveLength(2);
    const other = [c('1.012812', 10), c('1.013967', 9), c('1.013979', 8, 0.5, false)];
    expect(thirdChoice({ decision: 'clarify', picks: other.slice(0, 2), confidence: 0.5 }, other).picks).toHaveLength(2);
    const one = [c('1.004873', 10), c('1.004222', 9)];
    expect(thirdChoice({ decision: 'clarify', picks: one.slice(0, 1), confidence: 0.5 }, one).picks).toHaveLength(1);
  });
});

eachEngine('assistant: short fragments offered (pass 26, r11near)', { at: '2026-12-07T16:40:00Z' }, (t) => {
  const { ask } = askingWard(t, 'r11');

  it('offers the civil-status correction for a fragment, and declines an everyday one', async () => {
    const r = await ask('ghi sai năm sinh');
    expect(r.decision === 'answer' || r.decision === 'clarify', r.decision).toBe(true);
    expect(r.procedures.map((p) => p.code)).toContain('1.004859');
    const e = await ask('cay xang nao gan day');
    expect([e.decision, e.procedures.length]).toEqual(['decline', 0]);
  });
});
