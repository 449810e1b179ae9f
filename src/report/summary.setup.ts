import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Staff } from '../account';
import type { DB } from '../db/schema';
import type { Notice } from '../notification';
import type { Clock } from '../shared/clock';
import type { UnitService } from '../unit';
import { adminRoutes } from './admin.routes';
import { ReportAdmin } from './admin.service';
import { excelRoutes } from './excel.routes';
import { ReportExcel } from './excel.service';
import type { ReportService } from './report.service';
import { remindersOver, type ReportReminders } from './summary.reminders';
import { summaryRoutes } from './summary.routes';
import { SummaryService } from './summary.service';

/**
 * The supervisor's side of reports (issue 12), put together for the composition root: the
 * reminders (a service the job and the tests run) and the pages and API of the summary, the data
 * set editor and Excel entry — all over the report model's `ReportService`.
 */

export interface SupervisorSideDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
  reports: ReportService;
  units: UnitService;
  staffOf(unitCode: string): Promise<Staff[]>;
  prefsFor(phone: string): Promise<{ channels: string[]; zaloUserId: string }>;
  enqueue(trx: Transaction<DB>, n: Notice): Promise<boolean>;
}

export function buildReportReminders(d: SupervisorSideDeps): ReportReminders {
  return remindersOver(d.reports, {
    db: d.db,
    clock: d.clock,
    publicUrl: d.publicUrl,
    staffOf: d.staffOf,
    zaloOf: async (phone) => {
      const p = await d.prefsFor(phone);
      return p.channels.includes('zalo') && p.zaloUserId ? p.zaloUserId : undefined;
    },
    enqueue: d.enqueue,
  });
}

export async function supervisorRoutes(app: FastifyInstance, d: { reports: ReportService; units: UnitService; reminders: ReportReminders; clock: Clock }): Promise<void> {
  const summaries = new SummaryService({ reports: d.reports, units: d.units, reminders: (ds, p) => d.reminders.reminders(ds, p), clock: d.clock });
  await summaryRoutes(app, { summaries, unitName: async (code) => (await d.units.get(code)).name });
  await adminRoutes(app, { admin: new ReportAdmin({ reports: d.reports, units: d.units }), units: d.units, now: () => d.clock.now() });
  await excelRoutes(app, { excel: new ReportExcel({ reports: d.reports, units: d.units }), reports: d.reports, units: d.units });
}
