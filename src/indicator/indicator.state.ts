import type { FullTimeline } from '../dossier';

/**
 * A dossier's judged state (migration 021): what `judge` (indicator.compute.ts) reads from its
 * timeline, kept in columns so that a period is counted in SQL. Each column is the instant (or the
 * value) of one step that `judge` looks for; a period read as of an instant A sees a step when its
 * instant is before A — the same rule as `judge`'s "only rows written before asOf count" — as long
 * as the timeline's rows are in time order (else `irregular`, and the dossier is judged from its
 * copied timeline). What changes between steps of an open dossier — its appointment and whether
 * its clock is stopped — is the state after the last row that moved either (`due_at`,
 * `paused_since` from `clock_at` on), and, for an instant before that row, the clock rows.
 */
export interface DossierState {
  dossier_id: string;
  unit_code: string;
  online: number;
  received_at: string | null;
  published: number;
  ended_at: string | null;
  finished_at: string | null;
  finished_late: number;
  result_at: string | null;
  digitised: number;
  withdrawn_at: string | null;
  late_supplement_at: string | null;
  payment_asked_at: string | null;
  clock_at: string | null;
  due_at: string | null;
  paused_since: string | null;
  irregular: number;
}

/** The appointment and pause after a timeline row (`seq`: the row's place in the timeline), from the receipt on. */
export interface ClockRow {
  dossier_id: string;
  seq: number;
  at: string;
  due_at: string | null;
  paused_since: string | null;
}

export function stateOf(t: FullTimeline): { state: DossierState; clock: ClockRow[] } {
  let receivedAt: string | null = null;
  let published = false;
  let due: string | null = null;
  let finishedAt: string | null = null;
  let finishedLate = false;
  let resultAt: string | null = null;
  let resultFile = false;
  let withdrawnAt: string | null = null;
  let supplements = 0;
  let lateSupplementAt: string | null = null;
  let paymentAskedAt: string | null = null;
  let pausedSince: string | null = null;
  let endedAt: string | null = null;
  let last: string | null = null;
  let irregular = false;
  const clock: ClockRow[] = [];
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events[i]!;
    if (last !== null && e.at < last) irregular = true;
    if (last === null || e.at > last) last = e.at;
    if (e.dueAt !== undefined) due = e.dueAt;
    switch (e.action) {
      case 'receive':
      case 'accept':
        if (!receivedAt) {
          receivedAt = e.at;
          published = !!e.dueAt;
        }
        break;
      case 'request_supplement':
        if (++supplements === 2) lateSupplementAt = e.at;
        pausedSince ??= e.at;
        break;
      case 'request_payment':
        if ((e.amount ?? 0) > 0) paymentAskedAt ??= e.at;
        pausedSince ??= e.at;
        break;
      case 'supplement':
      case 'confirm_payment':
        pausedSince = null;
        break;
      case 'mark_result_ready':
      case 'reject':
      case 'stop':
        if (!finishedAt) {
          finishedAt = e.at;
          finishedLate = due !== null && e.at > due;
          if (e.action === 'mark_result_ready') {
            resultAt = e.at;
            resultFile = !!e.resultFile;
          }
        }
        endedAt ??= e.at;
        break;
      case 'withdraw':
        withdrawnAt ??= e.at;
        endedAt ??= e.at;
        break;
    }
    if (receivedAt) {
      const prev = clock.at(-1);
      if (!prev || prev.due_at !== due || prev.paused_since !== pausedSince) clock.push({ dossier_id: t.id, seq: i, at: e.at, due_at: due, paused_since: pausedSince });
    }
  }
  const digitised = resultAt !== null && resultFile && t.firstFileAt !== null && t.firstFileAt <= resultAt;
  return {
    state: {
      dossier_id: t.id,
      unit_code: t.unitCode,
      online: t.channel === 'online' ? 1 : 0,
      received_at: receivedAt,
      published: published ? 1 : 0,
      ended_at: endedAt,
      finished_at: finishedAt,
      finished_late: finishedLate ? 1 : 0,
      result_at: resultAt,
      digitised: digitised ? 1 : 0,
      withdrawn_at: withdrawnAt,
      late_supplement_at: lateSupplementAt,
      payment_asked_at: paymentAskedAt,
      clock_at: clock.at(-1)?.at ?? null,
      due_at: due,
      paused_since: pausedSince,
      irregular: irregular ? 1 : 0,
    },
    // An irregular timeline is judged from the copy: its clock rows would not be read.
    clock: irregular ? [] : clock,
  };
}
