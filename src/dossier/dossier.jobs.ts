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

/**
 * Removes expired drafts with their files (DossierDrafts.removeExpired), in the worker: once soon
 * after start, then every `intervalMs` (an hour by default). Runs never overlap.
 */
export class DraftExpiryJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly drafts: { removeExpired(): Promise<{ drafts: number; files: number }> },
    private readonly opts: { intervalMs: number; log?: (msg: string) => void },
  ) {}

  /** One run; what the timer calls. */
  runOnce(): Promise<{ drafts: number; files: number }> {
    return this.drafts.removeExpired().then((r) => {
      if (r.drafts) this.opts.log?.(`Đã xóa ${r.drafts} bản nháp hết hạn và ${r.files} tệp của chúng.`);
      return r;
    });
  }

  start(): void {
    if (this.timer || this.opts.intervalMs <= 0) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((e) => this.opts.log?.(`Lỗi khi xóa bản nháp hết hạn: ${e instanceof Error ? e.message : String(e)}`))
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
