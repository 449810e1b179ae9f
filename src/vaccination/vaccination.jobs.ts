import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';

/**
 * The vaccination reminder job: every few minutes (VaccinationService.runReminders) it ends the
 * reminders of children who are 24 months old, watches the delivery of the SMS sent, and queues each
 * day's reminders once.
 */
export class VaccinationReminderJob extends PeriodicJob<{ reminded: number; ended: number; bounced: number; dropped: number }> {
  constructor(vaccination: { runReminders(): Promise<{ reminded: number; ended: number; bounced: number; dropped: number }> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'vaccination-reminders',
        doing: 'nhắc lịch tiêm chủng',
        run: () => vaccination.runReminders(),
        report: (r) => {
          const parts = [
            r.reminded ? `đã xếp ${r.reminded} tin nhắc lịch tiêm vào hàng gửi` : '',
            r.ended ? `kết thúc nhắc lịch và xóa thông tin của ${r.ended} cháu đủ 24 tháng tuổi` : '',
            r.bounced ? `${r.bounced} số điện thoại không nhận được tin (đã dừng nhắn)` : '',
          ].filter(Boolean);
          return parts.length ? `Tiêm chủng: ${parts.join('; ')}.` : undefined;
        },
      },
      opts,
    );
  }
}
