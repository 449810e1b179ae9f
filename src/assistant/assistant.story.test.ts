import { describe, expect, it } from 'vitest';
import type { CatalogService } from '../catalog';
import { procedureSchema } from '../catalog/catalog.types';
import { demoProcedures } from '../demo/demo.seed';
import { decide, STORY_ODDS } from './assistant.decide';
import { procedureDoc } from './assistant.docs';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/** Long stories told around a procedure of the ward: offered, not handed over, when worded in scope. */
describe('a long story worded as in-scope questions are', () => {
  const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
  const r = new Retriever(
    procedures.map((p) => procedureDoc(p, { commune: true })),
    new SynonymTable(BUILTIN_SYNONYMS),
  );
  const decided = (q: string, odds: number) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(s.candidates, s.plan, odds);
    return { decision: d.decision, first: d.picks[0]?.id, first8: s.candidates[0]?.id };
  };
  // A birth told without naming its registration: the story leaves the procedure little of the question.
  const birth =
    'Dạ thưa cán bộ, chị dâu tôi vừa sinh cháu trai ở trạm y tế xã hôm kia, anh tôi còn đi tàu ngoài khơi chưa về kịp. Tôi muốn đi lo giấy tờ đầu đời cho cháu giúp anh chị thì phải chuẩn bị những gì ạ?';

  it('offers the first procedure of a story worded in scope rather than handing it over', () => {
    const got = decided(birth, STORY_ODDS - 10);
    expect(got.first8).toBe('1.001193');
    expect(got.decision).toBe('clarify');
    expect(got.first).toBe('1.001193');
  });

  it('still hands over the same story when its wording is not plainly in scope', () => {
    expect(decided(birth, STORY_ODDS + 10).decision).toBe('handoff');
  });

  it('decides a short question the same however in scope its wording', () => {
    const short = 'lo giấy tờ đầu đời cho cháu';
    expect(decided(short, STORY_ODDS - 10)).toEqual(decided(short, -2));
  });
});
