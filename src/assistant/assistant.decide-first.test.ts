import { afterEach, describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import { LEARNED } from './assistant.learned';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/**
 * The first of the list (the retrieval's order, re-ordered by the learned model) kept by the
 * decision when the rules would pick a lower one that covers more of the question (pass 23,
 * r8decide). The plan comes from a real reading; the candidates are set out as the catalogue ranks
 * such questions.
 */
describe('the first of the list kept beside the rules’ pick', () => {
  const r = new Retriever([], new SynonymTable(BUILTIN_SYNONYMS));
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;
  const cand = (id: string, here: boolean, score: number, coverage: number, more: Partial<Candidate> = {}): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, topicHit: true, ...more });
  const saved = { ...LEARNED };
  afterEach(() => Object.assign(LEARNED, saved));

  it('answers the model’s sure code first of the list rather than a lower record covering more', () => {
    const q = plan('em gái tôi ly hôn nhưng vẫn sống với bố mẹ đẻ, muốn có sổ hộ khẩu riêng');
    const split = cand('1.010038', true, 60, 0.4);
    const wider = cand('1.003197', true, 55, 0.66);
    // The rules alone answer the one covering most of the question.
    expect(decide([split, wider], q, -20).picks[0]?.id).toBe('1.003197');
    const d = decide([split, wider], q, -20, '1.010038');
    expect(d.decision).toBe('answer');
    expect(d.picks[0]?.id).toBe('1.010038');
    // Worded as out of scope, the sure code missing a topic, or another level's: the rules' answer stands.
    expect(decide([split, wider], q, 0, '1.010038').picks[0]?.id).toBe('1.003197');
    expect(decide([{ ...split, missesTopic: true }, wider], q, -20, '1.010038').picks[0]?.id).toBe('1.003197');
    expect(decide([{ ...split, here: false }, wider], q, -20, '1.010038').picks[0]?.id).not.toBe('1.010038');
    LEARNED.sureFirst = 0;
    expect(decide([split, wider], q, -20, '1.010038').picks[0]?.id).toBe('1.003197');
  });

  it('offers the first of the list beside the one choice the rules are half sure of', () => {
    const q = plan('mẹ tôi qua đời hôm rằm tháng bảy, giờ lo giấy báo tử cho bà thế nào');
    const death = cand('1.000656', true, 50, 0.4);
    const again = cand('1.005461', true, 45, 0.5);
    const far = cand('1.001193', true, 20, 0.2);
    const d = decide([death, again, far], q, -30);
    expect(d.decision).toBe('clarify');
    expect(d.picks.map((x) => x.id)).toEqual(['1.000656', '1.005461']);
    // Without a word pair of the question in its name, or another level's record: not offered.
    expect(decide([{ ...death, pairSupport: false }, again, far], q, -30).picks.map((x) => x.id)).toEqual(['1.005461']);
    expect(decide([{ ...death, here: false }, again, far], q, -30).picks.map((x) => x.id)).not.toContain('1.000656');
    // The one choice another level's record: where it is done is said, the ward's first not answered in its place.
    expect(decide([death, { ...again, here: false }, far], q, -30).decision).toBe('elsewhere');
    LEARNED.firstBeside = 0;
    expect(decide([death, again, far], q, -30).picks.map((x) => x.id)).toEqual(['1.005461']);
  });
});
