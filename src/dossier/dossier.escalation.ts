import type { AccountService, Staff } from '../account';
import type { AuditService } from '../audit';
import { extendDueAt, workingMillisBetween, workingMillisFrom, type UnitCalendar } from '../calendar';
import type { Db } from '../db/connection';
import type { NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { STEP_KIND_LABEL, type ProcessStep } from '../workflow';
import * as repo from './dossier.repo';
import type { DossierService } from './dossier.service';
import type { Dossier } from './dossier.types';

/**
 * The escalation job (run by EscalationJob, dossier.jobs.ts, through DossierWorkflow.escalate):
 * officials and leaders told of dossiers near or past a step's deadline, and the apology prepared
 * for the leader to sign when the appointment itself will be missed. The leader signs and sends it
 * as the `apologize` action (dossier.plans.ts).
 */

const SYSTEM_ACTOR = { kind: 'system' as const, id: null, name: 'Hệ thống' };

/** The near-deadline window of the escalation job, in working time. */
export const NEAR_MS = 4 * 3_600_000;
/** The escalation run's longest stretch without letting requests in. */
const YIELD_EVERY_MS = 2;

export class DossierEscalation {
  constructor(
    private readonly db: Db,
    private readonly dossiers: DossierService,
    private readonly accounts: AccountService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** The steps of a dossier's process (DossierWorkflow.stepsOf). */
    private readonly stepsOf: (d: Pick<Dossier, 'processId'>) => Promise<ProcessStep[]>,
  ) {}

  /**
   * The escalation job: flags dossiers whose current step is near (less than NEAR_MS of working
   * time left) or past its planned end, tells the official handling it and the unit's leaders
   * through the outbox, and prepares the apology (for the leader to sign) when the appointment
   * itself will be missed. Idempotent: a flag is raised once per step and level.
   */
  async escalate(): Promise<{ flagged: number; apologies: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + 5 * 86_400_000).toISOString();
    const candidates = await repo.escalationCandidates(this.db, now.toISOString(), horizon);
    // The units' calendars in one read, not one per unit as the loop would meet them (126 at province scale).
    await this.dossiers.preloadCalendars(candidates.map((d) => d.unitCode));
    let flagged = 0;
    let apologies = 0;
    const leadersOf = new Map<string, Staff[]>();
    const leftOf = new Map<UnitCalendar, (b: Date) => number>();
    let slice = performance.now();
    for (const d of candidates) {
      // A province's run goes through thousands of dossiers, most of them with nothing to do and
      // no query (their awaits resolve at once): requests are let in every few milliseconds, or
      // the run would hold the server for its whole length.
      if (performance.now() - slice > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      const cal = await this.dossiers.calendarOf(d.unitCode);
      // Working time from now, per unit calendar: the days' totals computed once for the run (a
      // step due months ago was otherwise walked day by day, for each dossier).
      let left = leftOf.get(cal);
      if (!left) leftOf.set(cal, (left = workingMillisFrom(now, cal)));
      const stepLeft = d.stepDueAt ? left(new Date(d.stepDueAt)) : Infinity;
      const level: '' | 'near' | 'overdue' = stepLeft < 0 ? 'overdue' : stepLeft <= NEAR_MS ? 'near' : '';
      const rank = { '': 0, near: 1, overdue: 2 } as const;
      const dueLeft = d.dueAt ? left(new Date(d.dueAt)) : Infinity;
      // The apology read with the candidates, asked again before one is written (another run may have written it since).
      const needsApology = d.dueFixed && dueLeft <= NEAR_MS && !d.hasApology && !(await repo.hasApology(this.db, d.id));
      if (rank[level] <= rank[d.flag] && !needsApology) continue;
      const steps = await this.stepsOf(d);
      const step = steps[d.stepNo];
      if (!leadersOf.has(d.unitCode)) leadersOf.set(d.unitCode, (await this.accounts.listStaff([d.unitCode])).filter((s) => s.role === 'leader' && s.active !== false));
      const leaders = leadersOf.get(d.unitCode)!;
      const handlers = d.assigneeId
        ? [await this.accounts.getStaff(d.assigneeId).catch(() => undefined)].filter((s): s is Staff => !!s)
        : (await this.accounts.listStaff([d.unitCode])).filter((s) => s.role === d.currentRole && s.active !== false);
      await this.db.transaction().execute(async (trx) => {
        if (rank[level] > rank[d.flag]) {
          await repo.setFlag(trx, d.id, level);
          flagged++;
          const what = level === 'overdue' ? 'ĐÃ QUÁ HẠN' : 'SẮP ĐẾN HẠN';
          const body = `Hồ sơ ${d.code} ${what} bước "${step?.name ?? STEP_KIND_LABEL.examine}" (hạn ${d.stepDueAt ? formatDateTime(d.stepDueAt) : '-'}; hẹn trả ${d.dueAt ? formatDateTime(d.dueAt) : '-'}).`;
          for (const s of uniqueStaff([...handlers, ...leaders])) {
            await this.staffNotice(trx, s, d, `escalation_${level}`, body, `dossier:${d.id}:escalation:${d.stepNo}:${level}:${s.id}`);
          }
          await this.audit.record({ actor: SYSTEM_ACTOR, unitCode: d.unitCode, action: `dossier.flag_${level}`, targetKind: 'dossier', targetId: d.code!, data: { step: d.stepNo, stepDueAt: d.stepDueAt, dueAt: d.dueAt } }, trx);
        }
        if (needsApology) {
          const newDue = suggestNewDate(d, steps, cal, now);
          await repo.insertApologyDraft(trx, {
            id: uuidv7(),
            dossier_id: d.id,
            status: 'draft',
            reason: 'Hồ sơ cần thêm thời gian để thẩm định, xác minh theo quy định.',
            new_due_at: newDue,
            prepared_by: 'Hệ thống',
            prepared_at: now.toISOString(),
            signed_by: null,
            signed_at: null,
          });
          apologies++;
          for (const s of leaders) {
            await this.staffNotice(trx, s, d, 'apology_draft', `Hồ sơ ${d.code} sẽ trễ hẹn (${d.dueAt ? formatDateTime(d.dueAt) : '-'}). Phiếu xin lỗi và hẹn lại ngày trả kết quả đã được chuẩn bị, chờ lãnh đạo ký.`, `dossier:${d.id}:apology_draft:${s.id}`);
          }
          await this.audit.record({ actor: SYSTEM_ACTOR, unitCode: d.unitCode, action: 'dossier.apology_prepared', targetKind: 'dossier', targetId: d.code!, data: { newDueAt: newDue, dueAt: d.dueAt } }, trx);
        }
      });
    }
    return { flagged, apologies };
  }

  /** An official is told by SMS (folded by the gateway when it needs GSM-7) and by e-mail, addressed as citizens are. */
  private async staffNotice(trx: Parameters<typeof repo.insertHistory>[0], s: Staff, d: Pick<Dossier, 'code' | 'unitCode'>, event: string, text: string, dedup: string): Promise<void> {
    if (s.phone) await this.notifications.enqueue(trx, { channel: 'sms', recipient: s.phone, event, body: text, dossierCode: d.code!, unitCode: d.unitCode, dedupKey: `${dedup}:sms` });
    if (s.email) await this.notifications.enqueue(trx, { channel: 'email', recipient: s.email, event, subject: text.slice(0, 120), body: `Kính gửi Ông/Bà ${s.fullName},\n\n${text}`, dossierCode: d.code!, unitCode: d.unitCode, dedupKey: `${dedup}:email` });
  }

  /** The apology waiting for the leader's signature (prepared by the job), if any. */
  async apologyDraft(d: Dossier): Promise<{ reason: string; newDueAt: string; preparedAt: string } | undefined> {
    return repo.findApologyDraft(this.db, d.id);
  }
}

function uniqueStaff(list: Staff[]): Staff[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.id) && seen.add(s.id));
}

/**
 * A proposed new date: the appointment (or now, if later) plus the working time the remaining
 * steps were planned to take, at least one working day; the leader can change it before signing.
 */
function suggestNewDate(d: Pick<Dossier, 'dueAt' | 'receivedAt' | 'stepNo'>, steps: ProcessStep[], cal: UnitCalendar, now: Date): string {
  const base = new Date(Math.max(now.getTime(), d.dueAt ? new Date(d.dueAt).getTime() : now.getTime()));
  const total = d.receivedAt && d.dueAt ? workingMillisBetween(new Date(d.receivedAt), new Date(d.dueAt), cal) : 0;
  const rest = steps.slice(d.stepNo).reduce((a, s) => a + s.share, 0) * total;
  const extra = Math.max(rest, 7.5 * 3_600_000);
  return extendDueAt(base, Math.round(extra), cal).toISOString();
}
