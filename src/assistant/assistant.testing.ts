/**
 * What the assistant's tests share: the demo catalogue read by the retriever without a database
 * (with national records beside it when a test needs them), the procedure a question is answered
 * or offered first, and a unit's whole path asked through the service.
 */
import { expect } from 'vitest';
import { procedureSchema } from '../catalog/catalog.types';
import type { CatalogService } from '../catalog';
import { demoProcedures } from '../demo/demo.seed';
import type { EngineSuite } from '../shared/suite.testing';
import { decide, type Decided } from './assistant.decide';
import { decision } from './assistant.decision';
import { officesAsked } from './assistant.other-offices';
import { procedureDoc } from './assistant.docs';
import { Retriever, type Candidate, type QueryPlan } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { matchSituations } from './assistant.situations';
import { fold, syllables } from '../shared/vietnamese';

type Procedure = ReturnType<typeof demoProcedures>[number];

/** The demo catalogue's procedures, parsed as the catalogue would. */
export const demoCatalogue = (): Procedure[] => demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);

/** A national record named `name` at `levels`, shaped like a demo procedure (no papers, no fees of its own to read). */
export const nationalRecord = (demo: Procedure[], code: string, name: string, levels = ['Cấp tỉnh', 'Cấp xã']): Procedure =>
  ({ ...demo[0]!, code, name, keywords: [], summary: '', field: 'Khác', agency: '', levels, results: [], componentGroups: [] }) as Procedure;

/** The retriever over the demo catalogue, the `national` records replacing demo ones of the same code. */
export function demoRetriever(national: (demo: Procedure[]) => Procedure[] = () => []): Retriever {
  const demo = demoCatalogue();
  const added = national(demo);
  const codes = new Set(added.map((p) => p.code));
  return new Retriever([...demo.filter((p) => !codes.has(p.code)), ...added].map((p) => procedureDoc(p, { commune: true })), new SynonymTable(BUILTIN_SYNONYMS));
}

/** The catalogue words the situations a question tells add to it ("đăng ký lại", "cấp bản sao…"). */
export const situationExpansions = (q: string): string[] => matchSituations(syllables(fold(q))).map((m) => m.expansion.join(' '));

/** The decision the retrieval and the rules alone take on a question, and the procedure it puts first. */
export const decisionOf = (r: () => Retriever) => (q: string): { decision: string; first: string | undefined } => {
  const s = r().search(q, { limit: 8 });
  const d = decide(s.candidates, s.plan);
  return { decision: d.decision, first: d.picks[0]?.id };
};

/**
 * The reply's whole decision (assistant.decision.ts: the rules, then every step in order) on a
 * question read (`plan`) and candidates a test sets out, with the learned model's scope odds and
 * sure code as given; the question's text names the offices asked about, its plan the facts asked.
 */
export const decisionFor = (question: string, plan: QueryPlan, candidates: Candidate[], outOdds = -Infinity, sure?: string): Promise<Decided> =>
  decision({ candidates, plan, learned: { outOdds, sure }, aspects: plan.intents.aspects, about: question, online: plan.intents.aspects.includes('online'), offices: officesAsked(question), nameOf: async () => undefined });

/** The procedure answered or offered first, or the decision when none is (handed over, declined). */
export const firstPick = (r: () => Retriever) => (q: string): string | undefined => {
  const s = r().search(q, { limit: 8 });
  const d = decide(s.candidates, s.plan);
  return d.decision === 'answer' || d.decision === 'clarify' ? d.picks[0]?.id : d.decision;
};

/** Questions to the demo ward ("00004") through the whole service, each in a conversation of its own. */
export function askingWard(t: EngineSuite, prefix: string) {
  let n = 0;
  const ask = (question: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: `${prefix}-${n++}` });
  /** Each question answered (not offered, handed over or declined) with its procedure first. */
  const expectAnswer = async (cases: Array<[string, string]>) => {
    for (const [q, code] of cases) {
      const r = await ask(q);
      expect([r.decision, r.procedures[0]?.code], q).toEqual(['answer', code]);
    }
  };
  return { ask, expectAnswer };
}
