import type { DossierWorkflow } from './dossier.workflow';

/**
 * The escalation job, scheduled in-process (in `serve` with the worker, or in `motcua worker`):
 * every few minutes it flags dossiers near or past their step deadline and tells the officials
 * (DossierWorkflow.escalate). Runs never overlap; a failed run is logged and retried next time.
 * Several nodes may run it: flags and outbox rows are idempotent.
 */
export class EscalationJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly opts: { intervalMs: number; log?: (msg: string) => void },
  ) {}

  start(): void {
    if (this.timer || this.opts.intervalMs <= 0) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.workflow
        .escalate()
        .then((r) => {
          if (r.flagged || r.apologies) this.opts.log?.(`Cảnh báo hạn xử lý: ${r.flagged} hồ sơ được gắn cờ, ${r.apologies} phiếu xin lỗi được chuẩn bị.`);
        })
        .catch((e) => this.opts.log?.(`Lỗi khi chạy cảnh báo hạn xử lý: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => (this.running = undefined));
    };
    setTimeout(tick, 5_000).unref();
    this.timer = setInterval(tick, this.opts.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
