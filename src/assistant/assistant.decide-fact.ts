import { CALIBRATION, type Decided } from './assistant.calibration';

/** The facts a citizen asks of a procedure (the judge of assistant.facts.ts reads these four). */
const FACTS: ReadonlySet<string> = new Set(['fee', 'time', 'papers', 'place']);

/**
 * One procedure offered alone ("Ý bạn là…?") for a fact asked — the fee, the time, the papers or
 * the place — when it is the learned model's sure code: answered, the fact stated (the answer names
 * the procedure on its first line, so a citizen who meant another sees it at once). Such an offer is
 * right nine times in ten on our tuning and training sets; the citizen asked a fact, not which
 * procedure, and an offer makes them answer "1" before they get it. Choices between several, and
 * an offer the rules made themselves (a twin just below the answer threshold), stay offers.
 */
export function sureFactAnswer(d: Decided, aspects: readonly string[], sure: string | undefined): Decided {
  if (d.decision !== 'clarify' || d.picks.length !== 1 || !sure || d.picks[0]!.id !== sure) return d;
  if (!aspects.some((a) => FACTS.has(a)) || d.confidence >= CALIBRATION.suggest) return d;
  return { decision: 'answer', picks: d.picks, confidence: d.confidence };
}
