import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Notice } from '../notification';
import type { Clock } from '../shared/clock';
import { formatDateTime } from '../shared/format';
import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';
import * as repo from './summary.repo';
import type { ReportService } from './report.service';
import { periodLabel } from './summary.text';

/**
 * Reminders of reports (issue 12): as a period's deadline nears, every unit that has not sent its
 * report complete is told (SMS and e-mail to its leaders and administrators, Zalo when the
 * official's phone follows the unit on Zalo); once the deadline has passed, the supervisor who owns
 * the data set is told which units missed it. Everything goes through the outbox, and each
 * (data set, period, kind, unit) is recorded in the same transaction (report_reminders), so a run
 * is done once per period however often the job ticks, restarts or runs in two processes.
 */

/** How long before the deadline units are reminded, by period type. */
export const NEAR_LEAD_MS: Record<string, number> = {
  daily: 3 * 3_600_000,
  weekly: 24 * 3_600_000,
  monthly: 2 * 86_400_000,
  quarterly: 3 * 86_400_000,
  yearly: 5 * 86_400_000,
  event: 2 * 3_600_000,
};
/** Past this, a missed deadline is old news: no message about it any more. */
export const PASSED_WINDOW_MS = 7 * 86_400_000;

/** Roles of a unit that enter and answer for its reports. */
const UNIT_ROLES = new Set(['leader', 'admin']);

export interface ReminderDataSet {
  code: string;
  name: string;
  periodType: string;
  /** The supervisor's unit: told when the deadline passes, and the root of the units reminded. */
  ownerUnit: string;
}

export interface UnitReport {
  unitCode: string;
  name: string;
  reported: boolean;
  complete: boolean;
}

export interface Contact {
  fullName: string;
  role: string;
  phone?: string;
  email?: string;
  active?: boolean;
}

export interface ReminderDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
  /** Open (not closed) data sets. */
  dataSets(): Promise<ReminderDataSet[]>;
  /** The periods worth looking at now (the current one and the one before), with their deadlines. */
  periodsNear(ds: ReminderDataSet, now: Date): Promise<Array<{ period: string; deadline: Date }>>;
  /** Every unit the data set is assigned to below the owner, and whether it has reported. */
  completeness(ds: ReminderDataSet, period: string): Promise<UnitReport[]>;
  staffOf(unitCode: string): Promise<Contact[]>;
  /** The Zalo user an official's phone receives messages at, if they chose Zalo. */
  zaloOf(phone: string): Promise<string | undefined>;
  enqueue(trx: Transaction<DB>, n: Notice): Promise<boolean>;
  /** A period in words ("Ngày 03/12/2026", "Trong ngày bầu cử (15/03/2026)"); DHIS2 codes read plainly when absent. */
  periodText?(ds: ReminderDataSet, period: string): Promise<string>;
}

export interface ReminderRun {
  near: number;
  passed: number;
  messages: number;
}

export class ReportReminders {
  constructor(private readonly deps: ReminderDeps) {}

  /** One pass over every open data set; safe to call at any time, as often as wanted. */
  async run(): Promise<ReminderRun> {
    const now = this.deps.clock.now();
    const out: ReminderRun = { near: 0, passed: 0, messages: 0 };
    for (const ds of await this.deps.dataSets()) {
      let periods: Array<{ period: string; deadline: Date }>;
      try {
        periods = await this.deps.periodsNear(ds, now);
      } catch {
        continue; // an event data set without a dated event yet
      }
      for (const { period, deadline } of periods) {
        const left = deadline.getTime() - now.getTime();
        const lead = NEAR_LEAD_MS[ds.periodType] ?? NEAR_LEAD_MS.daily!;
        if (left > 0 && left <= lead) {
          const r = await this.remindUnits(ds, period, deadline);
          out.near += r.units;
          out.messages += r.messages;
        } else if (left <= 0 && -left <= PASSED_WINDOW_MS) {
          const r = await this.tellSupervisor(ds, period, deadline);
          out.passed += r.units;
          out.messages += r.messages;
        }
      }
    }
    return out;
  }

  /** Units that have not sent their report complete, told once each for the period. */
  private async label(ds: ReminderDataSet, period: string): Promise<string> {
    const t = (await this.deps.periodText?.(ds, period).catch(() => undefined)) ?? periodLabel(period);
    return t.charAt(0).toLowerCase() + t.slice(1);
  }

  async remindUnits(ds: ReminderDataSet, period: string, deadline: Date): Promise<{ units: number; messages: number }> {
    const when = await this.label(ds, period);
    const missing = (await this.deps.completeness(ds, period)).filter((u) => !u.complete);
    const done = new Set((await repo.listReminders(this.deps.db, ds.code, period)).filter((r) => r.kind === 'near').map((r) => r.unitCode));
    let units = 0;
    let messages = 0;
    for (const u of missing) {
      if (done.has(u.unitCode)) continue;
      const what = u.reported ? 'đã nhập nhưng chưa đánh dấu hoàn thành' : 'chưa gửi';
      const text = `Nhắc báo cáo "${ds.name}" ${when}: ${u.name} ${what}. Hạn ${formatDateTime(deadline)}. Nhập tại ${this.deps.publicUrl}/can-bo/bao-cao/${ds.code}?ky=${period}`;
      const contacts = (await this.deps.staffOf(u.unitCode)).filter((s) => s.active !== false && UNIT_ROLES.has(s.role));
      const zalo = await this.zaloIds(contacts);
      const n = await this.deps.db.transaction().execute(async (trx) => {
        if (!(await repo.insertReminder(trx, { dataSet: ds.code, period, kind: 'near', unitCode: u.unitCode, messages: 0, sentAt: this.deps.clock.now().toISOString() }))) return -1;
        const sent = await this.send(trx, contacts, zalo, u.unitCode, 'report_reminder', `Nhắc báo cáo ${ds.name} ${when}`, text, `report:${ds.code}:${period}:near:${u.unitCode}`);
        await repo.updateReminderCount(trx, { dataSet: ds.code, period, kind: 'near', unitCode: u.unitCode, messages: sent });
        return sent;
      });
      if (n < 0) continue;
      units++;
      messages += n;
    }
    return { units, messages };
  }

  /** The supervisor, once the deadline has passed: which units did not send their report complete. */
  async tellSupervisor(ds: ReminderDataSet, period: string, deadline: Date): Promise<{ units: number; messages: number }> {
    const done = (await repo.listReminders(this.deps.db, ds.code, period)).some((r) => r.kind === 'passed' && r.unitCode === ds.ownerUnit);
    if (done) return { units: 0, messages: 0 };
    const when = await this.label(ds, period);
    const rows = await this.deps.completeness(ds, period);
    const missing = rows.filter((u) => !u.complete);
    const names = missing.slice(0, 5).map((u) => u.name).join(', ') + (missing.length > 5 ? ` và ${missing.length - 5} đơn vị khác` : '');
    const link = `${this.deps.publicUrl}/can-bo/bao-cao/tong-hop?${new URLSearchParams({ bo: ds.code, ky: period, 'don-vi': ds.ownerUnit })}`;
    const text = missing.length
      ? `Báo cáo "${ds.name}" ${when} đã quá hạn (${formatDateTime(deadline)}): ${missing.length}/${rows.length} đơn vị chưa gửi đủ: ${names}. Xem: ${link}`
      : '';
    const contacts = (await this.deps.staffOf(ds.ownerUnit)).filter((s) => s.active !== false && (s.role === 'supervisor' || UNIT_ROLES.has(s.role)));
    const zalo = await this.zaloIds(contacts);
    const n = await this.deps.db.transaction().execute(async (trx) => {
      if (!(await repo.insertReminder(trx, { dataSet: ds.code, period, kind: 'passed', unitCode: ds.ownerUnit, messages: 0, sentAt: this.deps.clock.now().toISOString() }))) return -1;
      // Every unit on time: the run is recorded, nobody is bothered.
      const sent = text ? await this.send(trx, contacts, zalo, ds.ownerUnit, 'report_overdue', `Báo cáo ${ds.name} ${when} quá hạn`, text, `report:${ds.code}:${period}:passed`) : 0;
      await repo.updateReminderCount(trx, { dataSet: ds.code, period, kind: 'passed', unitCode: ds.ownerUnit, messages: sent });
      return sent;
    });
    return n < 0 ? { units: 0, messages: 0 } : { units: missing.length, messages: n };
  }

  /** What the summary page shows beside each unit: when it was reminded. */
  reminders(dataSet: string, period: string): Promise<repo.ReminderRow[]> {
    return repo.listReminders(this.deps.db, dataSet, period);
  }

  private async zaloIds(contacts: Contact[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of contacts) {
      if (!c.phone) continue;
      const id = await this.deps.zaloOf(c.phone).catch(() => undefined);
      if (id) out.set(c.phone, id);
    }
    return out;
  }

  private async send(trx: Transaction<DB>, contacts: Contact[], zalo: Map<string, string>, unitCode: string, event: string, subject: string, text: string, dedup: string): Promise<number> {
    let n = 0;
    for (const c of contacts) {
      const key = `${dedup}:${c.phone || c.email || c.fullName}`;
      if (c.phone && (await this.deps.enqueue(trx, { channel: 'sms', recipient: c.phone, event, body: text, unitCode, dedupKey: `${key}:sms` }))) n++;
      if (c.email && (await this.deps.enqueue(trx, { channel: 'email', recipient: c.email, event, subject, body: `Kính gửi Ông/Bà ${c.fullName},\n\n${text}`, unitCode, dedupKey: `${key}:email` }))) n++;
      const z = c.phone ? zalo.get(c.phone) : undefined;
      if (z && (await this.deps.enqueue(trx, { channel: 'zalo', recipient: z, event, body: text, unitCode, dedupKey: `${key}:zalo` }))) n++;
    }
    return n;
  }
}

/** The reminder job (in `serve` with the worker, or in `motcua worker`): one pass every few minutes. */
export class ReportReminderJob extends PeriodicJob<ReminderRun> {
  constructor(reminders: { run(): Promise<ReminderRun> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'report-reminders',
        doing: 'nhắc báo cáo',
        run: () => reminders.run(),
        report: (r) => (r.messages ? `Nhắc báo cáo: ${r.near} đơn vị sắp đến hạn, ${r.passed} đơn vị quá hạn; ${r.messages} tin nhắn vào hàng gửi.` : undefined),
        firstDelayMs: 7_000,
      },
      opts,
    );
  }
}

/** The reminders over the report model (ReportService): its open data sets, periods, deadlines and completeness. */
export function remindersOver(
  reports: Pick<ReportService, 'dataSets' | 'dataSet' | 'currentPeriod' | 'previousPeriod' | 'deadline' | 'completeness' | 'periodLabel'>,
  deps: Omit<ReminderDeps, 'dataSets' | 'periodsNear' | 'completeness'>,
): ReportReminders {
  return new ReportReminders({
    ...deps,
    dataSets: async () => (await reports.dataSets()).filter((d) => !d.closed && d.units.length > 0),
    periodsNear: async (r) => {
      const ds = await reports.dataSet(r.code);
      const current = reports.currentPeriod(ds);
      if (!current) return [];
      const prev = reports.previousPeriod(ds, current);
      return [...(prev ? [prev] : []), current].map((period) => ({ period, deadline: reports.deadline(ds, period) }));
    },
    completeness: (ds, period) => reports.completeness({ dataSet: ds.code, period, parentUnit: ds.ownerUnit }),
    periodText: async (r, period) => reports.periodLabel(await reports.dataSet(r.code), period),
  });
}
