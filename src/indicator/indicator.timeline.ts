import type { TimelineEvent } from '../dossier';

/**
 * What the indicators read from a dossier's timeline, walked once in history order: `judge`
 * (indicator.compute.ts) walks the rows written before an instant, `stateOf` (indicator.state.ts)
 * walks them all and notes, after each row, what it needs of the row (its clock rows). One walker,
 * so the two cannot read a step differently.
 *
 * - received: the first `receive` (counter, post) or `accept` (online), with the appointment it carried;
 * - the appointment: the `dueAt` of the last row that set one (reception, and every return from a
 *   supplement or a payment, where the action engine moved it by the time the clock was stopped);
 * - paused: from `request_supplement` / `request_payment` until `supplement` / `confirm_payment`;
 * - finished: the first `mark_result_ready`, `reject` or `stop`, with the appointment it then had
 *   (a `mark_result_ready` is the result, electronic when it carries a signed file);
 * - ended: finished, or the first `withdraw`.
 */
export interface Walk {
  receivedAt: string | null;
  /** The appointment carried by the receipt (null: none published). */
  dueAtReceipt: string | null;
  /** The appointment after the rows walked so far. */
  due: string | null;
  finishedAt: string | null;
  dueAtFinish: string | null;
  resultAt: string | null;
  resultFile: boolean;
  withdrawnAt: string | null;
  endedAt: string | null;
  supplements: number;
  /** The second `request_supplement` (Decision 766: more than one request counts as late). */
  lateSupplementAt: string | null;
  /** The first `request_payment` of an amount. */
  paymentAskedAt: string | null;
  pausedSince: string | null;
}

export function walkTimeline(events: TimelineEvent[], opts: { before?: string; onRow?: (index: number, e: TimelineEvent, w: Walk) => void } = {}): Walk {
  const w: Walk = {
    receivedAt: null,
    dueAtReceipt: null,
    due: null,
    finishedAt: null,
    dueAtFinish: null,
    resultAt: null,
    resultFile: false,
    withdrawnAt: null,
    endedAt: null,
    supplements: 0,
    lateSupplementAt: null,
    paymentAskedAt: null,
    pausedSince: null,
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // Rows written before the instant, in history order — also when a row's time is earlier than
    // the one before it (as the history is read: every row written before the instant).
    if (opts.before !== undefined && e.at >= opts.before) continue;
    if (e.dueAt !== undefined) w.due = e.dueAt;
    switch (e.action) {
      case 'receive':
      case 'accept':
        if (!w.receivedAt) {
          w.receivedAt = e.at;
          w.dueAtReceipt = e.dueAt ?? null;
        }
        break;
      case 'request_supplement':
        if (++w.supplements === 2) w.lateSupplementAt = e.at;
        w.pausedSince ??= e.at;
        break;
      case 'request_payment':
        if ((e.amount ?? 0) > 0) w.paymentAskedAt ??= e.at;
        w.pausedSince ??= e.at;
        break;
      case 'supplement':
      case 'confirm_payment':
        w.pausedSince = null;
        break;
      case 'mark_result_ready':
      case 'reject':
      case 'stop':
        if (!w.finishedAt) {
          w.finishedAt = e.at;
          w.dueAtFinish = w.due;
          if (e.action === 'mark_result_ready') {
            w.resultAt = e.at;
            w.resultFile = !!e.resultFile;
          }
        }
        w.endedAt ??= e.at;
        break;
      case 'withdraw':
        w.withdrawnAt ??= e.at;
        w.endedAt ??= e.at;
        break;
    }
    opts.onRow?.(i, e, w);
  }
  return w;
}
