import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';
import type { DossierWorkflow } from './dossier.workflow';

/**
 * The escalation job: every few minutes it flags dossiers near or past their step deadline and
 * tells the officials (DossierWorkflow.escalate). Several nodes may run it: flags and outbox rows
 * are idempotent.
 */
export class EscalationJob extends PeriodicJob<{ flagged: number; apologies: number }> {
  constructor(workflow: DossierWorkflow, opts: PeriodicJobOptions) {
    super(
      {
        name: 'escalation',
        doing: 'chạy cảnh báo hạn xử lý',
        run: () => workflow.escalate(),
        report: (r) => (r.flagged || r.apologies ? `Cảnh báo hạn xử lý: ${r.flagged} hồ sơ được gắn cờ, ${r.apologies} phiếu xin lỗi được chuẩn bị.` : undefined),
      },
      opts,
    );
  }
}

/** Removes expired drafts with their files (DossierDrafts.removeExpired), every `intervalMs` (an hour by default). */
export class DraftExpiryJob extends PeriodicJob<{ drafts: number; files: number }> {
  constructor(drafts: { removeExpired(): Promise<{ drafts: number; files: number }> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'draft-expiry',
        doing: 'xóa bản nháp hết hạn',
        run: () => drafts.removeExpired(),
        report: (r) => (r.drafts ? `Đã xóa ${r.drafts} bản nháp hết hạn và ${r.files} tệp của chúng.` : undefined),
      },
      opts,
    );
  }
}
