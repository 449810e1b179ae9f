import { sweepFiles, type Services } from './app';
import type { Config } from './config';
import { AppointmentReminderJob } from './appointment';
import { AuditCheckpointJob } from './audit';
import { ArchiveOcrJob } from './docstore';
import { DraftExpiryJob, EscalationJob } from './dossier/dossier.jobs';
import { ClosedMonthJob, KEEP_MONTH_EVERY_MS } from './indicator';
import { LinkedPartnerJob } from './linked';
import { ReportReminderJob } from './report/summary.reminders';
import { PeriodicJob, type PeriodicJobOptions } from './shared/periodic-job';
import { VaccinationReminderJob } from './vaccination';

/** A job of a long-running process: started once, closed at the stop (src/ops/ops.shutdown.ts). */
export interface BackgroundJob {
  start(): void;
  close(): Promise<void>;
}

/** A periodic job's options: its interval, the log, and on PostgreSQL the election of one process per tick (src/jobs). */
function jobOptions(s: Services, intervalMs: number): PeriodicJobOptions {
  return { intervalMs, log: (m) => process.stdout.write(m + '\n'), election: s.jobElection };
}

/**
 * The jobs that run beside the outbox worker — in `serve` with WORKER=on, or in `motcua worker` —
 * in the order they start and stop. The audit checkpoint writes one mark at its start even with
 * AUDIT_CHECKPOINT_MINUTES=0, so these jobs are started only where the worker runs.
 */
export function workerJobs(config: Config, s: Services): BackgroundJob[] {
  const escalationMs = config.escalationMinutes * 60_000;
  return [
    new EscalationJob(s.dossierWorkflow, jobOptions(s, escalationMs)),
    // Linked groups: partner parts handed over, and a partner past a part's deadline escalated to the unit.
    new LinkedPartnerJob(s.linked, jobOptions(s, escalationMs)),
    new DraftExpiryJob(s.drafts, jobOptions(s, 3600_000)),
    // Appointment reminders the day before, every 10 minutes.
    new AppointmentReminderJob(s.appointments, jobOptions(s, 600_000)),
    // Report reminders as deadlines near and pass, once per period.
    new ReportReminderJob(s.reportReminders, jobOptions(s, 600_000)),
    // Vaccination reminders N days before each dose, the 24-month end and its erasure.
    new VaccinationReminderJob(s.vaccination, jobOptions(s, 600_000)),
    // Signed checkpoints of the audit chain's head, outside the database.
    new AuditCheckpointJob(s.audit, jobOptions(s, config.audit.checkpointMinutes * 60_000)),
    // The closed month's indicators of every unit, kept from the 1st (Asia/Ho_Chi_Minh) before anyone asks.
    new ClosedMonthJob(s.indicators, jobOptions(s, KEEP_MONTH_EVERY_MS)),
  ];
}

/** A bucket's sweep: a slice of at most this long (file.s3.ts goes on where the last one stopped)… */
const S3_SWEEP_BUDGET_MS = 20_000;
/** …every this long, in one process of all (the job election). */
const S3_SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The jobs of every serving process, whether the worker runs there or not: scanned archive pages
 * left waiting by a restart recognised (OCR) here, and the bucket's sweep.
 */
export function serverJobs(config: Config, s: Services): BackgroundJob[] {
  const archiveOcr = new ArchiveOcrJob(s.archive, jobOptions(s, 60_000));
  const archive = { start: () => archiveOcr.start(), close: async () => { await archiveOcr.close(); await s.archive.stop(); } };
  return [archive, fileSweepJob(config, s)];
}

/**
 * FILE_STORE=s3://: unreferenced objects of the bucket removed in slices, in the background — a
 * bucket of millions of papers is never listed whole, nor before the server answers. The local
 * disk is swept whole at start (prepare in main.serve.ts) and needs no job.
 */
function fileSweepJob(config: Config, s: Services): PeriodicJob<Awaited<ReturnType<typeof sweepFiles>>> {
  return new PeriodicJob(
    {
      name: 'file-sweep',
      doing: 'dọn tệp không còn dùng trong kho tệp',
      run: () => sweepFiles(s, config.sweepGraceSeconds * 1000, config, { budgetMs: S3_SWEEP_BUDGET_MS }),
      report: (r) => (r.orphansRemoved ? `Đã dọn ${r.orphansRemoved} tệp mồ côi trong kho tệp (${r.bytesFreed} byte; đã xem ${r.scanned} tệp).` : undefined),
      firstDelayMs: 30_000,
    },
    jobOptions(s, config.files.kind === 's3' ? S3_SWEEP_EVERY_MS : 0),
  );
}
