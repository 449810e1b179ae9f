import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';
import type { IndicatorService } from './indicator.service';

/** How often the job looks for a closed month to keep: a tick with nothing left to do is one read of the kept counts. */
export const KEEP_MONTH_EVERY_MS = 10 * 60_000;
/** The work of one tick: units are counted until this long has passed, the rest at the next tick. */
export const KEEP_MONTH_BUDGET_MS = 30_000;

/**
 * Keeps the closed month's indicators of every unit (IndicatorService.keepClosedMonth) from the
 * first tick after 00:00 Asia/Ho_Chi_Minh on the 1st, and at start (a server down at the month's
 * turn catches up), so that nobody waits for them. On PostgreSQL one process of all runs a tick
 * (the job election, src/jobs); a unit already kept is skipped, so a run is idempotent.
 */
export class ClosedMonthJob extends PeriodicJob<{ period: string; kept: number; left: number; units: number }> {
  constructor(indicators: Pick<IndicatorService, 'keepClosedMonth'>, opts: PeriodicJobOptions, budgetMs = KEEP_MONTH_BUDGET_MS) {
    super(
      {
        name: 'indicator-closed-month',
        doing: 'tính sẵn chỉ số của tháng đã khóa sổ',
        run: () => indicators.keepClosedMonth({ budgetMs }),
        report: (r) =>
          r.kept
            ? `Đã tính sẵn chỉ số tháng ${r.period} cho ${r.kept} đơn vị${r.left ? `; còn ${r.left} đơn vị cho lần chạy sau` : `; đủ ${r.units} đơn vị`}.`
            : undefined,
        // After the server has started answering: the catch-up of a month missed while it was down.
        firstDelayMs: 60_000,
      },
      opts,
    );
  }
}
