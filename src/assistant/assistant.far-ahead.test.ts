import { describe, expect, it } from 'vitest';
import type { CatalogService } from '../catalog';
import { procedureSchema } from '../catalog/catalog.types';
import { demoProcedures } from '../demo/demo.seed';
import { confidence, decide } from './assistant.decide';
import { procedureDoc } from './assistant.docs';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/**
 * A procedure far ahead of every other, named by a word of the question, is answered from
 * `CALIBRATION.farAhead` (0.3 since pass 20): a trip abroad told around the absence to report
 * lowers its cover to about a third, and below the threshold the travel words had the question
 * declined or handed over.
 */
describe('one procedure far ahead of the others (farAhead)', () => {
  const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
  const r = new Retriever(procedures.map((p) => procedureDoc(p, { commune: true })), new SynonymTable(BUILTIN_SYNONYMS));
  const decided = (q: string) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(s.candidates, s.plan);
    return { decision: d.decision, id: d.picks[0]?.id, lead: s.candidates[0] ? confidence(s.candidates[0]) : 0 };
  };

  it('answers the absence to report when a stay abroad for study is told around it', () => {
    for (const q of ['con gái tôi sang Nhật học tiếng nửa năm, giấy tạm vắng làm ở đâu', 'chồng tôi đi học nước ngoài nửa năm, khai tạm vắng ở đâu']) {
      const d = decided(q);
      // The band the threshold moved: sure of it only between 0.3 and 0.35.
      expect(d.lead).toBeGreaterThanOrEqual(0.3);
      expect(d.lead).toBeLessThan(0.35);
      expect([d.decision, d.id]).toEqual(['answer', '1.003677']);
    }
  });

  it('still declines everyday life', () => {
    expect(decided('giá vàng miếng hôm nay bao nhiêu một chỉ').decision).toBe('decline');
    expect(decided('chán quá, kể chuyện cười cho tui nghe đi').decision).toBe('decline');
  });
});
