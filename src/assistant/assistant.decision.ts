import { confidence, CALIBRATION, decide, sureFactAnswer, type Decided } from './assistant.decide';
import { thirdChoice } from './assistant.decide-vague';
import { factOfOffer, pointedFirst, type Offered } from './assistant.clarify-pointed';
import { sentForNothing } from './assistant.everyday-sent';
import { notOfficeMatter, type OfficesAsked } from './assistant.other-offices';
import { qualifierChoice } from './assistant.qualifiers';
import type { Candidate, QueryPlan } from './assistant.retrieval';
import { wardOffered } from './assistant.ward-offered';

/**
 * The reply's decision in one place (stop 45): the rules and the learned model's reading
 * (assistant.decide.ts), then the steps that may change what they decided, in the order they are
 * read. assistant.respond.ts calls `decision` once and composes the reply from what it returns; a
 * new step is a line here, in its place.
 */

/** What the decision reads of one message. */
export interface DecisionInput {
  /** The procedures (and FAQ entries) found, re-ordered by the learned model. */
  candidates: Candidate[];
  plan: QueryPlan;
  /** The learned model's reading (assistant.learned.ts): the scope log-odds and its sure code. */
  learned: { outOdds: number; sure?: string };
  /** The facts asked, in this message or kept from the one before. */
  aspects: readonly string[];
  /** The question without the words asking the fact ("hết bao nhiêu tiền"): the qualifiers are judged on it. */
  about: string;
  /** Asked online ("làm online", "qua mạng"): the record done online. */
  online: boolean;
  /** The matters of an office the ward is not that the question names (assistant.other-offices.ts). */
  offices: OfficesAsked;
  /** A procedure's name in the unit's catalogue. */
  nameOf: (code: string) => Promise<string | undefined>;
  /** What the conversation offered or answered just before (assistant.clarify-pointed.ts). */
  before?: Offered;
}

export async function decision(x: DecisionInput): Promise<Decided> {
  const { candidates, plan, learned } = x;
  // Answer, choices, hand-over, refusal or another level's office: the rules, then the learned model's reading.
  let d = decide(candidates, plan, learned.outOdds, learned.sure);
  // A ward's matter told plainly, handed over, refused or sent elsewhere: its record offered (first: decide() ended with it until stop 46, the steps below read what it did).
  d = wardOffered(candidates, d, plan, learned.outOdds, learned.sure) ?? d;
  // A pointer to another level's office for a question of everyday life: declined.
  d = sentForNothing(d, learned.outOdds, plan);
  // Choices that differ only by a qualifier the question names or leaves out (online…): the one meant answered.
  d = await byQualifier(d, x.about, x.online, x.nameOf);
  // Choices of which a later one holds more of the question's words: that one offered first.
  d = await pointedFirst(d, x.about, x.nameOf);
  // One procedure offered for a fact asked, the model's sure code: answered, the fact stated.
  d = sureFactAnswer(d, x.aspects, learned.sure);
  // A fact asked of an offer whose first is plainly the one meant: answered, the fact stated.
  d = await factOfOffer(d, x.aspects, learned.sure, x.about, x.nameOf, x.before);
  // Two close choices: the third of the list offered beside them when it is near.
  d = thirdChoice(d, candidates);
  // A matter of an office the ward is not: a procedure not about that office is not answered, offered or pointed to.
  return notOfficeMatter(x.offices, x.nameOf, d, CALIBRATION.answer);
}

/** Choices that differ only by a qualifier the question names or leaves out: the one meant is answered (see qualifierChoice). */
async function byQualifier(d: Decided, question: string, online: boolean, nameOf: (code: string) => Promise<string | undefined>): Promise<Decided> {
  if (d.decision !== 'clarify') return d;
  const named = await Promise.all(d.picks.map(async (c) => ({ code: c.id, name: (await nameOf(c.id)) ?? '' })));
  const meant = d.picks.find((c) => c.id === qualifierChoice(question, named, { online }));
  return meant ? { decision: 'answer', picks: [meant], confidence: confidence(meant) } : d;
}
