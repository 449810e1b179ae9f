/**
 * The reminder job of appointments, scheduled in-process like the escalation job (in `serve` with
 * the worker, or in `motcua worker`): every few minutes it queues the day-before reminders
 * (AppointmentService.sendReminders). Runs never overlap; a failed run is logged and retried next time.
 */
export class AppointmentReminderJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly appointments: { sendReminders(): Promise<number> },
    private readonly opts: { intervalMs: number; log?: (msg: string) => void },
  ) {}

  runOnce(): Promise<number> {
    return this.appointments.sendReminders().then((n) => {
      if (n) this.opts.log?.(`Đã xếp ${n} tin nhắc lịch hẹn ngày mai vào hàng gửi.`);
      return n;
    });
  }

  start(): void {
    if (this.timer || this.opts.intervalMs <= 0) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((e) => this.opts.log?.(`Lỗi khi nhắc lịch hẹn: ${e instanceof Error ? e.message : String(e)}`))
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
