/**
 * A job run in-process on a timer (in `serve` with the worker, or in `motcua worker`): once soon
 * after `start()`, then every `intervalMs`. Runs never overlap; a failed run is logged (in
 * Vietnamese, with what the job does) and retried at the next tick; `close()` stops the timer and
 * waits for the run in progress. An interval of 0 or less disables the timer — and the first run
 * too, unless `firstRunWhenDisabled` (the audit checkpoint writes one mark at start even so).
 *
 * Several processes on one PostgreSQL each run every job's timer; with an `election` (the app's,
 * src/jobs) a tick runs the job only in the process elected for it, once per interval across them
 * all. Without one (SQLite: one process), every tick runs.
 */
export interface PeriodicJobOptions {
  intervalMs: number;
  log?: (msg: string) => void;
  election?: JobElection;
}

/** Chooses the one process that runs a job's tick (src/jobs/jobs.election.ts). */
export interface JobElection {
  /**
   * Runs `run` if this process wins the job's tick — no process is running the job and none ran
   * it within `intervalMs` — and resolves with its result; resolves `{ ran: false }` otherwise.
   */
  elect<T>(job: string, intervalMs: number, run: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
}

export interface PeriodicJobSpec<T> {
  /** The job's name across processes (its election's key, its row in job_runs); default `doing`. */
  name?: string;
  /** What the job does, for the failure line: "Lỗi khi <doing>: …". */
  doing: string;
  /** One run. */
  run: () => Promise<T>;
  /** The line to log after a successful run, if any. */
  report?: (result: T) => string | undefined;
  /** Delay of the first run after start (5 s by default). */
  firstDelayMs?: number;
  firstRunWhenDisabled?: boolean;
}

export class PeriodicJob<T> {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly spec: PeriodicJobSpec<T>,
    protected readonly opts: PeriodicJobOptions,
  ) {}

  /** One run, reported; what the timer calls (errors are the caller's). */
  runOnce(): Promise<T> {
    return this.spec.run().then((r) => {
      const line = this.spec.report?.(r);
      if (line) this.opts.log?.(line);
      return r;
    });
  }

  start(): void {
    if (this.timer || this.first) return;
    const enabled = this.opts.intervalMs > 0;
    if (!enabled && !this.spec.firstRunWhenDisabled) return;
    const tick = () => {
      if (this.running) return;
      const election = this.opts.election;
      this.running = (election ? election.elect(this.spec.name ?? this.spec.doing, this.opts.intervalMs, () => this.runOnce()) : this.runOnce())
        .catch((e) => this.opts.log?.(`Lỗi khi ${this.spec.doing}: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (this.running = undefined));
    };
    this.first = setTimeout(tick, this.spec.firstDelayMs ?? 5_000);
    this.first.unref();
    if (!enabled) return;
    this.timer = setInterval(tick, this.opts.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = this.timer = undefined;
    await this.running;
  }
}
