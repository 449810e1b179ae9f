import type { Selectable } from 'kysely';
import type { IndicatorDossierClockTable, IndicatorDossierStateTable } from '../db/schema';
import type { FullTimeline } from '../dossier';
import { walkTimeline } from './indicator.timeline';

/**
 * A dossier's judged state (migration 021): what `judge` (indicator.compute.ts) reads from its
 * timeline (the same walk, indicator.timeline.ts), kept in columns so that a period is counted in SQL. Each column is the instant (or the
 * value) of one step that `judge` looks for; a period read as of an instant A sees a step when its
 * instant is before A — the same rule as `judge`'s "only rows written before asOf count" — as long
 * as the timeline's rows are in time order (else `irregular`, and the dossier is judged from its
 * copied timeline). What changes between steps of an open dossier — its appointment and whether
 * its clock is stopped — is the state after the last row that moved either (`due_at`,
 * `paused_since` from `clock_at` on), and, for an instant before that row, the clock rows.
 */
export type DossierState = Selectable<IndicatorDossierStateTable>;

/** The appointment and pause after a timeline row (`seq`: the row's place in the timeline), from the receipt on. */
export type ClockRow = Selectable<IndicatorDossierClockTable>;

export function stateOf(t: FullTimeline): { state: DossierState; clock: ClockRow[] } {
  let last: string | null = null;
  let irregular = false;
  const clock: ClockRow[] = [];
  const w = walkTimeline(t.events, {
    onRow: (i, e, now) => {
      if (last !== null && e.at < last) irregular = true;
      if (last === null || e.at > last) last = e.at;
      if (now.receivedAt) {
        const prev = clock.at(-1);
        if (!prev || prev.due_at !== now.due || prev.paused_since !== now.pausedSince) clock.push({ dossier_id: t.id, seq: i, at: e.at, due_at: now.due, paused_since: now.pausedSince });
      }
    },
  });
  const digitised = w.resultAt !== null && w.resultFile && t.firstFileAt !== null && t.firstFileAt <= w.resultAt;
  return {
    state: {
      dossier_id: t.id,
      unit_code: t.unitCode,
      online: t.channel === 'online' ? 1 : 0,
      received_at: w.receivedAt,
      published: w.dueAtReceipt ? 1 : 0,
      ended_at: w.endedAt,
      finished_at: w.finishedAt,
      finished_late: w.finishedAt !== null && w.dueAtFinish !== null && w.finishedAt > w.dueAtFinish ? 1 : 0,
      result_at: w.resultAt,
      digitised: digitised ? 1 : 0,
      withdrawn_at: w.withdrawnAt,
      late_supplement_at: w.lateSupplementAt,
      payment_asked_at: w.paymentAskedAt,
      clock_at: clock.at(-1)?.at ?? null,
      due_at: w.due,
      paused_since: w.pausedSince,
      irregular: irregular ? 1 : 0,
    },
    // An irregular timeline is judged from the copy: its clock rows would not be read.
    clock: irregular ? [] : clock,
  };
}
