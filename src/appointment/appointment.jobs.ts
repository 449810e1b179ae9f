import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';

/** The reminder job of appointments: every few minutes it queues the day-before reminders (AppointmentService.sendReminders). */
export class AppointmentReminderJob extends PeriodicJob<number> {
  constructor(appointments: { sendReminders(): Promise<number> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'appointment-reminders',
        doing: 'nhắc lịch hẹn',
        run: () => appointments.sendReminders(),
        report: (n) => (n ? `Đã xếp ${n} tin nhắc lịch hẹn ngày mai vào hàng gửi.` : undefined),
      },
      opts,
    );
  }
}
