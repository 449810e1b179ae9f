import { afterEach, describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { LEARNED } from './assistant.learned';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { askingWard, decisionFor } from './assistant.testing';

/**
 * Issue 15, pass 27 (r12route): a ward's matter told plainly is not sent away — handed over to
 * staff with no procedure, declined, or pointed to another level — when the question is worded as
 * our in-scope ones and the ward's own record is what the retrieval or the learned model points at
 * (assistant.ward-offered.ts, a step of the reply's decision: assistant.decision.ts). The plan comes
 * from a real reading; the candidates are set out as the full catalogue ranks such questions.
 */
describe('a ward’s matter told plainly offered, not sent away (pass 27)', () => {
  const r = new Retriever([], new SynonymTable(BUILTIN_SYNONYMS));
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;
  const cand = (id: string, here: boolean, score: number, coverage: number, more: Partial<Candidate> = {}): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, topicHit: true, ...more });
  const saved = { ...LEARNED };
  afterEach(() => Object.assign(LEARNED, saved));

  it('offers the commune’s tree-felling permit the model is sure of, not the province’s record sharing “cây”', async () => {
    const text = 'cây bàng trước cửa nhà sắp đổ, muốn đốn đi có phải xin phép không';
    const q = plan(text);
    const decided = (c: Candidate[], odds: number, sure?: string) => decisionFor(text, q, c, odds, sure);
    const forest = cand('1.013992', false, 31.5, 0.39);
    const build = cand('1.013225', true, 22.2, 0.44);
    const tree = cand('1.002693', true, 6.1, 0.12, { pairSupport: false, topicHit: false });
    // Without the model's word, the province's record is named as where it is done.
    expect((await decided([forest, build, tree], -24)).decision).toBe('elsewhere');
    const d = await decided([forest, build, tree], -24, '1.002693');
    expect([d.decision, d.picks[0]?.id]).toEqual(['clarify', '1.002693']);
    // Worded as an everyday question: not offered, and the pointer elsewhere declined (sentForNothing, the step after).
    expect(await decided([forest, build, tree], 3, '1.002693')).toMatchObject({ decision: 'decline', picks: [] });
    // The sure code another level's: not offered.
    expect((await decided([forest, build, { ...tree, here: false }], -24, '1.002693')).picks[0]?.id).not.toBe('1.002693');
  });

  it('offers the ward’s first procedures for a hand-over of a story worded as in scope', async () => {
    const text = 'nay con cái đi làm có lương rồi, nhà tôi muốn ra khỏi diện khó khăn của xã';
    const q = plan(text);
    const decided = (c: Candidate[], odds: number) => decisionFor(text, q, c, odds);
    const out = cand('1.011608', true, 10.6, 0.13, { pairSupport: false });
    const away = cand('1.003677', true, 8.57, 0.15, { pairSupport: false });
    const d = await decided([out, away], -29);
    expect(d.decision).toBe('clarify');
    expect(d.picks.map((x) => x.id)).toEqual(['1.011608', '1.003677']);
    // Not worded far enough into our in-scope questions, or the first another level's: a hand-over.
    expect((await decided([out, away], -10)).decision).toBe('handoff');
    expect((await decided([{ ...out, here: false }, away], -29)).decision).not.toBe('clarify');
  });
});

eachEngine('assistant: a ward’s matter told plainly, offered rather than handed over (pass 27)', { at: '2026-12-07T21:00:00Z' }, (t) => {
  const { ask } = askingWard(t, 'r12');
  const offered = async (q: string) => {
    const r = await ask(q);
    return [r.decision, r.procedures[0]?.code];
  };

  it('offers the way out of the poor households’ list told as a story', async () => {
    expect(await offered('nay con cái đi làm có lương rồi, nhà tôi muốn ra khỏi diện khó khăn của xã')).toEqual(['clarify', '1.011608']);
  });

  it('keeps handing over another agency’s matter whose subject no record of the ward has', async () => {
    const r = await ask('mua miếng đất của ông chú, giờ muốn sang tên so do cho mình');
    expect(r.decision).toBe('handoff');
  });

  it('offers the marital-status certificate asked as a paper saying one is not married', async () => {
    expect(await offered('bên công ty bảo hiểm cần giấy nói rõ tôi chưa vợ để làm hồ sơ đi làm nước ngoài')).toEqual(['clarify', '1.004873']);
  });

  it('still declines everyday questions sharing the ward’s words', async () => {
    for (const q of ['cách chăm vợ sau sinh cho mau lại sức', 'thuê trọ gần trường đại học giá bao nhiêu']) {
      const r = await ask(q);
      expect([r.decision === 'answer' || r.decision === 'clarify', r.procedures.length], q).toEqual([false, 0]);
    }
  });
});
